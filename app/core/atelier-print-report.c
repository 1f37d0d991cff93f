/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-print-report.c: a period's report on paper
 *
 * The figures of the Reports view (atelier_report_compute()) as charts in
 * black and greys, each with its figures as a small table: a bar a row
 * with its values beside it, the months as a line over the same rows,
 * first-timers and returning customers as one stacked bar. A chart is a
 * block that never spans two pages: a chart with more rows than a page
 * holds goes on in a second block, headed again.
 */
#define G_LOG_DOMAIN "atelier-print"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-date-format.h"
#include "atelier-money.h"
#include "atelier-print-report.h"
#include "atelier-report.h"
#include "atelier-settings.h"

#define TITLE_SIZE    18.0
#define HEADING_SIZE  12.0
#define TEXT_SIZE      9.0
#define ROW_HEIGHT    14.0
#define LINE_HEIGHT   80.0  /* of the months' line chart */
#define STACK_HEIGHT  18.0  /* of the stacked bar */
#define GAP           14.0  /* between two charts */
#define LIGHT_GREY     0.75
#define DARK_GREY      0.35

typedef enum
{
  CHART_BARS,
  CHART_LINE,
  CHART_STACKED,
  CHART_TEXT,  /* a sentence, no chart: "every customer who waited got a seat" */
} ChartKind;

typedef struct
{
  char   *label;
  double  fraction;  /* of the bar or the point, from 0 to 1 */
  char   *value;     /* the figures, as the table beside the bar shows them */
} Row;

/* A chart, or the part of one that fits a page */
typedef struct
{
  char      *title;
  ChartKind  kind;
  GArray    *rows;   /* of Row */
  guint      page;   /* from the last layout */
  double     y;      /* from the top of the page's content */
} Block;

struct _AtelierPrintReport
{
  GObject    parent_instance;

  char      *store_name;
  char      *period;
  gboolean   empty;
  GPtrArray *charts;  /* of Block, as built */
  GPtrArray *blocks;  /* of Block, as laid out (charts split to fit) */
  guint      n_pages;
  double     header_height;
};

static void atelier_print_report_document_init (AtelierPrintDocumentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtelierPrintReport, atelier_print_report, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ATELIER_TYPE_PRINT_DOCUMENT,
                                                      atelier_print_report_document_init))

static void
clear_row (Row *row)
{
  g_clear_pointer (&row->label, g_free);
  g_clear_pointer (&row->value, g_free);
}

static Block *
block_new (const char *title,
           ChartKind   kind)
{
  Block *block = g_new0 (Block, 1);

  block->title = g_strdup (title);
  block->kind = kind;
  block->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (block->rows, (GDestroyNotify) clear_row);
  return block;
}

static void
block_free (Block *block)
{
  g_free (block->title);
  g_array_unref (block->rows);
  g_free (block);
}

/* Takes @value */
static void
block_add_row (Block      *block,
               const char *label,
               double      fraction,
               char       *value)
{
  Row row = { g_strdup (label), CLAMP (fraction, 0.0, 1.0), value };

  g_array_append_val (block->rows, row);
}

/* Building the charts from the figures */

static char *
percent (double fraction)
{
  return g_strdup_printf (_("%.0f%%"), fraction * 100);
}

static char *
fill_text (const AtelierReportSeats *seats)
{
  g_autofree char *rate = percent (atelier_report_fill_rate (seats));

  /* TRANSLATORS: a fill rate's figures on the printed report, e.g.
   * "75% · 6 of 8 seats · 1 full · 2 waited" */
  return g_strdup_printf (_("%s · %d of %d seats · %d full · %d waited"), rate,
                          seats->seats_taken, seats->seats_offered, seats->full_sessions,
                          seats->waiting_seats);
}

static char *
no_show_text (const AtelierReportSeats *seats)
{
  g_autofree char *rate = percent (atelier_report_no_show_rate (seats));

  /* TRANSLATORS: a no-show rate's figures on the printed report, e.g.
   * "25% · 1 of 4 seats missed" */
  return g_strdup_printf (_("%s · %d of %d seats missed"), rate,
                          seats->ended_seats_taken - seats->ended_seats_came,
                          seats->ended_seats_taken);
}

static char *
month_name (const AtelierReportMonth *month)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (month->year, month->month, 1, 12, 0, 0);

  /* TRANSLATORS: a month on the printed report, in g_date_time_format()
   * notation, e.g. "March 2026" */
  return atelier_date_format (date, C_("report month", "%B %Y"));
}

static char *
weekday_name (int monday_first)
{
  /* 5 January 2026 is a Monday. */
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 1, 5 + monday_first, 12, 0, 0);

  return atelier_date_format (date, "%A");
}

static const char *
time_of_day_name (int time)
{
  return time == ATELIER_REPORT_MORNING ? _("Morning")
         : time == ATELIER_REPORT_AFTERNOON ? _("Afternoon") : _("Evening");
}

static const AtelierReportWorkshop *
workshop_at (const AtelierReport *report,
             guint                i)
{
  return &g_array_index (report->workshops, AtelierReportWorkshop, i);
}

static const AtelierReportMonth *
month_at (const AtelierReport *report,
          guint                i)
{
  return &g_array_index (report->months, AtelierReportMonth, i);
}

static void
add_fill_rates (AtelierPrintReport  *self,
                const AtelierReport *report)
{
  Block *by_workshop = block_new (_("Fill rate by workshop"), CHART_BARS);
  Block *by_month = block_new (_("Fill rate by month"), CHART_LINE);

  for (guint i = 0; i < report->workshops->len; i++)
    {
      const AtelierReportWorkshop *w = workshop_at (report, i);

      block_add_row (by_workshop, w->title, atelier_report_fill_rate (&w->seats), fill_text (&w->seats));
    }
  for (guint i = 0; i < report->months->len; i++)
    {
      const AtelierReportMonth *m = month_at (report, i);
      g_autofree char *name = month_name (m);

      block_add_row (by_month, name, atelier_report_fill_rate (&m->seats), fill_text (&m->seats));
    }
  g_ptr_array_add (self->charts, by_workshop);
  g_ptr_array_add (self->charts, by_month);
}

static void
add_unserved (AtelierPrintReport  *self,
              const AtelierReport *report)
{
  Block *block = block_new (_("Demand not served"), CHART_BARS);
  int most = 0;

  for (guint i = 0; i < report->workshops->len; i++)
    most = MAX (most, workshop_at (report, i)->unserved_seats);
  for (guint i = 0; i < report->workshops->len; i++)
    {
      const AtelierReportWorkshop *w = workshop_at (report, i);

      if (w->unserved_seats > 0)
        /* TRANSLATORS: on the printed report, seats that waited for a
         * workshop and never got in: an "add a date" hint */
        block_add_row (block, w->title, (double) w->unserved_seats / most,
                       g_strdup_printf (ngettext ("%d seat never served: add a date",
                                                  "%d seats never served: add a date",
                                                  w->unserved_seats),
                                        w->unserved_seats));
    }
  if (block->rows->len == 0)
    {
      block->kind = CHART_TEXT;
      block_add_row (block, _("Every customer who waited got a seat."), 0, g_strdup (""));
    }
  g_ptr_array_add (self->charts, block);
}

static void
add_returning (AtelierPrintReport  *self,
               const AtelierReport *report)
{
  const AtelierReportReturning *r = &report->returning;
  Block *block = block_new (_("Returning customers"), CHART_STACKED);
  int who_came = r->first_timers + r->returning;
  double first_share = who_came > 0 ? (double) r->first_timers / who_came : 0;

  /* The stacked bar: the first row's share dark, the rest light */
  block_add_row (block, _("First class"), first_share, g_strdup_printf ("%d", r->first_timers));
  block_add_row (block, _("Came before"), 1.0 - first_share, g_strdup_printf ("%d", r->returning));
  block_add_row (block, _("Came back within 90 days"),
                 r->first_timers > 0 ? (double) r->came_back_within_90_days / r->first_timers : 0,
                 g_strdup_printf (ngettext ("%d of %d first-timer", "%d of %d first-timers",
                                            r->first_timers),
                                  r->came_back_within_90_days, r->first_timers));
  g_ptr_array_add (self->charts, block);
}

static void
add_no_shows (AtelierPrintReport  *self,
              const AtelierReport *report)
{
  Block *by_workshop = block_new (_("No-shows by workshop"), CHART_BARS);
  Block *by_time = block_new (_("No-shows by day and time"), CHART_BARS);

  for (guint i = 0; i < report->workshops->len; i++)
    {
      const AtelierReportWorkshop *w = workshop_at (report, i);

      block_add_row (by_workshop, w->title, atelier_report_no_show_rate (&w->seats),
                     no_show_text (&w->seats));
    }
  for (int day = 0; day < 7; day++)
    if (report->weekdays[day].sessions > 0)
      {
        g_autofree char *name = weekday_name (day);

        block_add_row (by_time, name, atelier_report_no_show_rate (&report->weekdays[day]),
                       no_show_text (&report->weekdays[day]));
      }
  for (int time = 0; time < ATELIER_REPORT_N_TIMES_OF_DAY; time++)
    if (report->times_of_day[time].sessions > 0)
      block_add_row (by_time, time_of_day_name (time),
                     atelier_report_no_show_rate (&report->times_of_day[time]),
                     no_show_text (&report->times_of_day[time]));
  g_ptr_array_add (self->charts, by_workshop);
  g_ptr_array_add (self->charts, by_time);
}

static char *
revenue_text (const AtelierReportSeats *seats,
              const char               *currency)
{
  g_autofree char *amount = atelier_money_format (seats->revenue, currency);

  /* TRANSLATORS: revenue on the printed report, e.g. "€200.00 from 5 seats that came" */
  return g_strdup_printf (ngettext ("%s from %d seat that came", "%s from %d seats that came",
                                    seats->ended_seats_came),
                          amount, seats->ended_seats_came);
}

static void
add_revenue (AtelierPrintReport  *self,
             const AtelierReport *report)
{
  Block *by_workshop = block_new (_("Revenue by workshop"), CHART_BARS);
  Block *by_month = block_new (_("Revenue by month"), CHART_BARS);
  gint64 most = 1;

  for (guint i = 0; i < report->workshops->len; i++)
    most = MAX (most, workshop_at (report, i)->seats.revenue);
  for (guint i = 0; i < report->months->len; i++)
    most = MAX (most, month_at (report, i)->seats.revenue);

  for (guint i = 0; i < report->workshops->len; i++)
    {
      const AtelierReportWorkshop *w = workshop_at (report, i);

      block_add_row (by_workshop, w->title, (double) w->seats.revenue / most,
                     revenue_text (&w->seats, report->currency));
    }
  for (guint i = 0; i < report->months->len; i++)
    {
      const AtelierReportMonth *m = month_at (report, i);
      g_autofree char *name = month_name (m);

      block_add_row (by_month, name, (double) m->seats.revenue / most,
                     revenue_text (&m->seats, report->currency));
    }
  g_ptr_array_add (self->charts, by_workshop);
  g_ptr_array_add (self->charts, by_month);
}

static void
add_interests (AtelierPrintReport  *self,
               const AtelierReport *report)
{
  Block *block = block_new (_("Interests and the schedule"), CHART_BARS);
  int most = 1;

  for (guint i = 0; i < report->interests->len; i++)
    most = MAX (most, g_array_index (report->interests, AtelierReportInterest, i).customers);
  for (guint i = 0; i < report->interests->len; i++)
    {
      const AtelierReportInterest *interest = &g_array_index (report->interests, AtelierReportInterest, i);

      /* TRANSLATORS: an interest on the printed report, e.g.
       * "12 customers · 3 sessions held" */
      block_add_row (block, interest->tag, (double) interest->customers / most,
                     g_strdup_printf (_("%d customers · %d sessions held"), interest->customers,
                                      interest->sessions));
    }
  if (block->rows->len > 0)
    g_ptr_array_add (self->charts, block);
  else
    block_free (block);
}

static char *
describe_period (AtelierStore *store,
                 gint64        from,
                 gint64        to)
{
  g_autoptr(AtelierSettings) settings = atelier_settings_load (store, NULL);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) last = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;

  if (settings != NULL)
    zone = g_time_zone_new_identifier (atelier_settings_get_time_zone (settings));
  if (zone == NULL)
    zone = g_time_zone_new_local ();

  /* [from, to): the last day is the one before @to */
  first = g_date_time_new_from_unix_utc (from);
  last = g_date_time_new_from_unix_utc (to - 1);
  {
    g_autoptr(GDateTime) first_here = g_date_time_to_timezone (first, zone);
    g_autoptr(GDateTime) last_here = g_date_time_to_timezone (last, zone);

    /* TRANSLATORS: the first and last day of the printed week, in
     * g_date_time_format() notation, e.g. "14 March 2025" */
    first_text = atelier_date_format (first_here, _("%-d %B %Y"));
    last_text = atelier_date_format (last_here, _("%-d %B %Y"));
  }

  /* TRANSLATORS: the period of the printed report, e.g.
   * "Report from 1 March 2026 to 31 March 2026" */
  return g_strdup_printf (_("Report from %s to %s"), first_text, last_text);
}

/**
 * atelier_print_report_new:
 * @from: the period's first instant, as atelier_report_compute() takes it
 * @to: the instant after its last
 * @now: what has ended, for the no-shows and revenue
 *
 * Returns: (transfer full): the report of [@from, @to), or %NULL with
 *   @error set
 */
AtelierPrintReport *
atelier_print_report_new (AtelierStore  *store,
                          gint64         from,
                          gint64         to,
                          gint64         now,
                          GError       **error)
{
  g_autoptr(AtelierPrintReport) self = NULL;
  g_autoptr(AtelierReport) report = NULL;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = atelier_report_compute (store, from, to, now, error);
  if (report == NULL)
    return NULL;

  self = g_object_new (ATELIER_TYPE_PRINT_REPORT, NULL);
  self->store_name = atelier_settings_read (store, ATELIER_SETTING_STORE_NAME, error);
  if (self->store_name == NULL)
    return NULL;
  self->period = describe_period (store, from, to);
  self->empty = atelier_report_is_empty (report);
  if (self->empty)
    return g_steal_pointer (&self);

  add_fill_rates (self, report);
  add_unserved (self, report);
  add_returning (self, report);
  add_no_shows (self, report);
  add_revenue (self, report);
  add_interests (self, report);

  return g_steal_pointer (&self);
}

/* Layout */

static double
content_width (const AtelierPrintSetup *setup)
{
  return setup->width - 2 * setup->margin;
}

/* The height of a chart's drawing above its rows */
static double
chart_height (ChartKind kind)
{
  switch (kind)
    {
    case CHART_LINE:
      return LINE_HEIGHT + 6;
    case CHART_STACKED:
      return STACK_HEIGHT + 6;
    case CHART_BARS:
    case CHART_TEXT:
    default:
      return 0;
    }
}

static double
block_height (const Block *block,
              guint        n_rows)
{
  return HEADING_SIZE * 1.6 + chart_height (block->kind) + n_rows * ROW_HEIGHT + GAP;
}

static double
lay_out_header (AtelierPrintReport      *self,
                cairo_t                 *cr,
                PangoContext            *context,
                const AtelierPrintSetup *setup,
                guint                    page_nr)
{
  double width = content_width (setup);
  double x = setup->margin;
  double y = setup->margin;
  /* TRANSLATORS: the page number in a printed page's header */
  g_autofree char *page_text = g_strdup_printf (_("Page %u of %u"), page_nr + 1, MAX (self->n_pages, 1));
  g_autoptr(PangoLayout) name = atelier_print_layout_new (context, self->store_name, TITLE_SIZE,
                                                          PANGO_WEIGHT_BOLD, width * 0.75, 1);
  g_autoptr(PangoLayout) page = atelier_print_layout_new (context, page_text, TEXT_SIZE,
                                                          PANGO_WEIGHT_NORMAL, width * 0.25, 1);
  g_autoptr(PangoLayout) period = atelier_print_layout_new (context, self->period, HEADING_SIZE,
                                                            PANGO_WEIGHT_NORMAL, width, 2);

  pango_layout_set_alignment (page, PANGO_ALIGN_RIGHT);
  if (cr != NULL)
    {
      atelier_print_show_layout (cr, name, x, y);
      atelier_print_show_layout (cr, page, x + width * 0.75, y);
    }
  y += atelier_print_layout_height (name);
  if (cr != NULL)
    atelier_print_show_layout (cr, period, x, y);
  y += atelier_print_layout_height (period) + 4;
  if (cr != NULL)
    {
      cairo_set_line_width (cr, 1.0);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + width, y);
      cairo_stroke (cr);
    }

  return y + GAP - setup->margin;
}

static Block *
block_copy_part (const Block *chart,
                 guint        first,
                 guint        n_rows)
{
  Block *part = block_new (chart->title, chart->kind);

  for (guint i = first; i < first + n_rows; i++)
    {
      const Row *row = &g_array_index (chart->rows, Row, i);

      block_add_row (part, row->label, row->fraction, g_strdup (row->value));
    }
  return part;
}

static guint
atelier_print_report_paginate (AtelierPrintDocument    *document,
                               PangoContext            *context,
                               const AtelierPrintSetup *setup)
{
  AtelierPrintReport *self = ATELIER_PRINT_REPORT (document);
  double room;
  double y = 0;
  guint page = 0;

  self->header_height = lay_out_header (self, NULL, context, setup, 0);
  room = setup->height - 2 * setup->margin - self->header_height;
  g_ptr_array_set_size (self->blocks, 0);

  for (guint i = 0; i < self->charts->len; i++)
    {
      const Block *chart = g_ptr_array_index (self->charts, i);
      guint first = 0;

      do
        {
          /* As many rows as a whole page holds: a chart too long for one
           * goes on in a part of its own, never cut inside a part. */
          guint fit = MAX (1, (guint) ((room - block_height (chart, 0)) / ROW_HEIGHT));
          guint n_rows = MIN (fit, chart->rows->len - first);
          Block *part = block_copy_part (chart, first, n_rows);

          if (y > 0 && y + block_height (part, n_rows) > room)
            {
              page++;
              y = 0;
            }
          part->page = page;
          part->y = y;
          y += block_height (part, n_rows);
          g_ptr_array_add (self->blocks, part);
          first += n_rows;
        }
      while (first < chart->rows->len);
    }

  self->n_pages = page + 1;
  return self->n_pages;
}

/* Drawing */

static void
draw_bar (cairo_t *cr,
          double   x,
          double   y,
          double   width,
          double   fraction)
{
  double height = ROW_HEIGHT - 5;

  cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
  cairo_rectangle (cr, x, y + 2, width, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, DARK_GREY, DARK_GREY, DARK_GREY);
  cairo_rectangle (cr, x, y + 2, width * fraction, height);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static void
draw_line_chart (cairo_t     *cr,
                 const Block *block,
                 double       x,
                 double       y,
                 double       width)
{
  guint n = block->rows->len;

  cairo_set_line_width (cr, 0.5);
  cairo_set_source_rgb (cr, LIGHT_GREY, LIGHT_GREY, LIGHT_GREY);
  for (int tenth = 0; tenth <= 4; tenth++)
    {
      double line_y = y + LINE_HEIGHT * tenth / 4.0;

      cairo_move_to (cr, x, line_y);
      cairo_line_to (cr, x + width, line_y);
    }
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < n; i++)
    {
      const Row *row = &g_array_index (block->rows, Row, i);
      double point_x = x + (n > 1 ? width * i / (n - 1) : width / 2);
      double point_y = y + LINE_HEIGHT * (1 - row->fraction);

      if (i == 0)
        cairo_move_to (cr, point_x, point_y);
      else
        cairo_line_to (cr, point_x, point_y);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < n; i++)
    {
      const Row *row = &g_array_index (block->rows, Row, i);
      double point_x = x + (n > 1 ? width * i / (n - 1) : width / 2);

      cairo_arc (cr, point_x, y + LINE_HEIGHT * (1 - row->fraction), 2.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_stacked_bar (cairo_t     *cr,
                  const Block *block,
                  double       x,
                  double       y,
                  double       width)
{
  double first = g_array_index (block->rows, Row, 0).fraction;

  cairo_set_source_rgb (cr, DARK_GREY, DARK_GREY, DARK_GREY);
  cairo_rectangle (cr, x, y, width * first, STACK_HEIGHT);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, LIGHT_GREY, LIGHT_GREY, LIGHT_GREY);
  cairo_rectangle (cr, x + width * first, y, width * (1 - first), STACK_HEIGHT);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, x, y, width, STACK_HEIGHT);
  cairo_stroke (cr);
}

/* The swatch of a stacked bar's part, before its row */
static void
draw_swatch (cairo_t *cr,
             double   x,
             double   y,
             double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_rectangle (cr, x, y + 3, 7, 7);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static void
draw_block (cairo_t                 *cr,
            PangoContext            *context,
            const AtelierPrintSetup *setup,
            const Block             *block,
            double                   top)
{
  double width = content_width (setup);
  double x = setup->margin;
  double y = top;
  double label_width = width * 0.32;
  double bar_width = block->kind == CHART_BARS ? width * 0.28 : 0;
  double value_x = x + label_width + bar_width + 8;
  g_autoptr(PangoLayout) title = atelier_print_layout_new (context, block->title, HEADING_SIZE,
                                                           PANGO_WEIGHT_BOLD, width, 1);

  atelier_print_show_layout (cr, title, x, y);
  y += HEADING_SIZE * 1.6;

  if (block->kind == CHART_LINE)
    draw_line_chart (cr, block, x + 4, y, width - 8);
  else if (block->kind == CHART_STACKED)
    draw_stacked_bar (cr, block, x, y, width);
  y += chart_height (block->kind);

  for (guint i = 0; i < block->rows->len; i++)
    {
      const Row *row = &g_array_index (block->rows, Row, i);
      double label_x = x;
      g_autoptr(PangoLayout) label = NULL;
      g_autoptr(PangoLayout) value = NULL;

      if (block->kind == CHART_TEXT)
        {
          label = atelier_print_layout_new (context, row->label, TEXT_SIZE, PANGO_WEIGHT_NORMAL, width, 1);
          atelier_print_show_layout (cr, label, x, y);
          y += ROW_HEIGHT;
          continue;
        }
      if (block->kind == CHART_STACKED && i < 2)
        {
          draw_swatch (cr, x, y, i == 0 ? DARK_GREY : LIGHT_GREY);
          label_x += 11;
        }

      label = atelier_print_layout_new (context, row->label, TEXT_SIZE, PANGO_WEIGHT_NORMAL,
                                        label_width - (label_x - x) - 4, 1);
      value = atelier_print_layout_new (context, row->value, TEXT_SIZE, PANGO_WEIGHT_NORMAL,
                                        x + width - value_x, 1);
      atelier_print_show_layout (cr, label, label_x, y);
      if (block->kind == CHART_BARS)
        draw_bar (cr, x + label_width, y, bar_width, row->fraction);
      atelier_print_show_layout (cr, value, value_x, y);
      y += ROW_HEIGHT;
    }
}

static void
atelier_print_report_draw_page (AtelierPrintDocument    *document,
                                cairo_t                 *cr,
                                PangoContext            *context,
                                const AtelierPrintSetup *setup,
                                guint                    page_nr)
{
  AtelierPrintReport *self = ATELIER_PRINT_REPORT (document);
  double top = setup->margin + self->header_height;

  cairo_set_source_rgb (cr, 0, 0, 0);
  lay_out_header (self, cr, context, setup, page_nr);

  if (self->empty)
    {
      g_autoptr(PangoLayout) none = atelier_print_layout_new (context, _("No Sessions in This Period"),
                                                              HEADING_SIZE, PANGO_WEIGHT_BOLD,
                                                              content_width (setup), 2);

      atelier_print_show_layout (cr, none, setup->margin, top);
      return;
    }

  for (guint i = 0; i < self->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (self->blocks, i);

      if (block->page == page_nr)
        draw_block (cr, context, setup, block, top + block->y);
    }
}

static void
atelier_print_report_document_init (AtelierPrintDocumentInterface *iface)
{
  iface->paginate = atelier_print_report_paginate;
  iface->draw_page = atelier_print_report_draw_page;
}

static void
atelier_print_report_finalize (GObject *object)
{
  AtelierPrintReport *self = ATELIER_PRINT_REPORT (object);

  g_free (self->store_name);
  g_free (self->period);
  g_ptr_array_unref (self->charts);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (atelier_print_report_parent_class)->finalize (object);
}

static void
atelier_print_report_class_init (AtelierPrintReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atelier_print_report_finalize;
}

static void
atelier_print_report_init (AtelierPrintReport *self)
{
  self->charts = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  self->n_pages = 1;
}
