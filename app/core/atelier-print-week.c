/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-print-week.c: the week's sessions as a poster for the shop window
 *
 * Seven days from a given one, each with its sessions: the time, the
 * workshop, and the seats still free, "Full" or "Cancelled". Large type on
 * one page: a busy week shrinks the type until it fits.
 */
#define G_LOG_DOMAIN "atelier-print"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-date-format.h"
#include "atelier-print-week.h"
#include "atelier-session.h"
#include "atelier-settings.h"

#define N_DAYS        7
#define TITLE_SIZE   34.0
#define DAY_SIZE     20.0
#define LINE_SIZE    16.0
#define STATUS_WIDTH 9.0   /* in LINE_SIZE units */
#define MIN_SCALE    0.3

typedef struct
{
  char     *time;
  char     *title;
  char     *status;
  gboolean  open;    /* seats left, and not cancelled */
} Line;

typedef struct
{
  char   *heading;
  GArray *lines;  /* of Line */
} Day;

struct _AtelierPrintWeek
{
  GObject  parent_instance;

  char    *store_name;
  char    *period;
  Day      days[N_DAYS];
  guint    n_sessions;
  double   scale;  /* of the type, from the last layout */
};

static void atelier_print_week_document_init (AtelierPrintDocumentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtelierPrintWeek, atelier_print_week, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ATELIER_TYPE_PRINT_DOCUMENT,
                                                      atelier_print_week_document_init))

static void
clear_line (Line *line)
{
  g_clear_pointer (&line->time, g_free);
  g_clear_pointer (&line->title, g_free);
  g_clear_pointer (&line->status, g_free);
}

/* Reading the store */

static char *
describe_status (AtelierSession *session,
                 gboolean       *open)
{
  int free_seats = atelier_session_get_capacity (session) - atelier_session_get_seats_taken (session);

  *open = FALSE;
  if (atelier_session_is_cancelled (session))
    /* TRANSLATORS: on the printed week's poster, a cancelled session */
    return g_strdup (C_("poster", "Cancelled"));
  if (free_seats <= 0)
    /* TRANSLATORS: on the printed week's poster, a session with no seat left */
    return g_strdup (C_("poster", "Full"));

  *open = TRUE;
  /* TRANSLATORS: on the printed week's poster, e.g. "3 seats left" */
  return g_strdup_printf (ngettext ("%d seat left", "%d seats left", free_seats), free_seats);
}

/* @day_starts: the start of each day, and of the day after the last */
static void
add_session (AtelierPrintWeek *self,
             AtelierSession   *session,
             GDateTime       **day_starts)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);
  g_autoptr(GDateTime) end = atelier_session_dup_end (session);
  g_autofree char *start_text = g_date_time_format (start, "%H:%M");
  g_autofree char *end_text = g_date_time_format (end, "%H:%M");
  const char *title = atelier_session_get_workshop_title (session);
  guint day = 0;
  Line line = { 0 };

  /* By the calendar, not by 24-hour steps: a day may have 23 or 25 hours
   * when the clocks change. */
  while (day + 1 < N_DAYS && g_date_time_compare (start, day_starts[day + 1]) >= 0)
    day++;

  /* Days are the first day's; each time is its session's own. */
  line.time = g_strdup_printf ("%s–%s", start_text, end_text);
  line.title = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Workshop"));
  line.status = describe_status (session, &line.open);
  g_array_append_val (self->days[day].lines, line);
  self->n_sessions++;
}

/**
 * atelier_print_week_new:
 * @first_day: the start of the week's first day, in the zone whose days
 *   the poster shows
 *
 * Returns: (transfer full): the poster of the seven days from @first_day,
 *   or %NULL with @error set
 */
AtelierPrintWeek *
atelier_print_week_new (AtelierStore  *store,
                        GDateTime     *first_day,
                        GError       **error)
{
  g_autoptr(AtelierPrintWeek) self = NULL;
  g_autoptr(GListModel) sessions = NULL;
  GDateTime *day_starts[N_DAYS + 1];
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);
  g_return_val_if_fail (first_day != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (ATELIER_TYPE_PRINT_WEEK, NULL);
  self->store_name = atelier_settings_read (store, ATELIER_SETTING_STORE_NAME, error);
  if (self->store_name == NULL)
    return NULL;

  /* g_date_time_add_days() keeps the wall-clock time across a change of
   * the clocks: each start is a midnight. */
  day_starts[0] = g_date_time_ref (first_day);
  for (guint i = 0; i < N_DAYS; i++)
    {
      day_starts[i + 1] = g_date_time_add_days (day_starts[i], 1);
      /* TRANSLATORS: a day on the printed week's poster, in
       * g_date_time_format() notation, e.g. "Tuesday 14 March" */
      self->days[i].heading = atelier_date_format (day_starts[i], _("%A %-d %B"));
    }

  sessions = atelier_store_list_sessions (store, first_day, day_starts[N_DAYS], error);
  for (guint i = 0; sessions != NULL && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (sessions, i);

      add_session (self, session, day_starts);
    }

  /* TRANSLATORS: the first and last day of the printed week, in
   * g_date_time_format() notation, e.g. "14 March 2025" */
  first_text = atelier_date_format (first_day, _("%-d %B %Y"));
  last_text = atelier_date_format (day_starts[N_DAYS - 1], _("%-d %B %Y"));
  for (guint i = 0; i <= N_DAYS; i++)
    g_date_time_unref (day_starts[i]);
  if (sessions == NULL)
    return NULL;

  /* TRANSLATORS: the period of the printed week's poster, e.g.
   * "Classes from 14 March 2025 to 20 March 2025" */
  self->period = g_strdup_printf (_("Classes from %s to %s"), first_text, last_text);

  return g_steal_pointer (&self);
}

guint
atelier_print_week_get_n_sessions (AtelierPrintWeek *self)
{
  g_return_val_if_fail (ATELIER_IS_PRINT_WEEK (self), 0);

  return self->n_sessions;
}

/* The size of the type in the last layout, 1 when the week fit at its
 * full size */
double
atelier_print_week_get_scale (AtelierPrintWeek *self)
{
  g_return_val_if_fail (ATELIER_IS_PRINT_WEEK (self), 0);

  return self->scale;
}

/* Layout: the same walk measures (cr %NULL) and draws. */

static double
place (cairo_t     *cr,
       PangoLayout *layout,
       double       x,
       double       y)
{
  if (cr != NULL)
    atelier_print_show_layout (cr, layout, x, y);
  return atelier_print_layout_height (layout);
}

/* The widest time of the week, and a space after it */
static double
measure_time_column (AtelierPrintWeek *self,
                     PangoContext     *context,
                     double            size)
{
  double widest = 0;

  for (guint i = 0; i < N_DAYS; i++)
    for (guint j = 0; j < self->days[i].lines->len; j++)
      {
        const Line *line = &g_array_index (self->days[i].lines, Line, j);
        g_autoptr(PangoLayout) time = atelier_print_layout_new (context, line->time, size,
                                                                PANGO_WEIGHT_BOLD, -1, 0);
        int width;

        pango_layout_get_size (time, &width, NULL);
        widest = MAX (widest, (double) width / PANGO_SCALE);
      }

  return widest + size * 0.8;
}

static double
lay_out_line (cairo_t                 *cr,
              PangoContext            *context,
              const AtelierPrintSetup *setup,
              const Line              *line,
              double                   scale,
              double                   time_width,
              double                   y)
{
  double size = LINE_SIZE * scale;
  double width = setup->width - 2 * setup->margin;
  double status_width = STATUS_WIDTH * size;
  double title_width = width - time_width - status_width;
  g_autoptr(PangoLayout) time = atelier_print_layout_new (context, line->time, size,
                                                          PANGO_WEIGHT_BOLD, time_width, 1);
  g_autoptr(PangoLayout) title = atelier_print_layout_new (context, line->title, size,
                                                           PANGO_WEIGHT_NORMAL, title_width - size, 2);
  g_autoptr(PangoLayout) status = atelier_print_layout_new (context, line->status, size,
                                                            line->open ? PANGO_WEIGHT_NORMAL
                                                                       : PANGO_WEIGHT_BOLD,
                                                            status_width, 1);
  double height;

  pango_layout_set_alignment (status, PANGO_ALIGN_RIGHT);
  height = place (cr, time, setup->margin, y);
  height = MAX (height, place (cr, title, setup->margin + time_width, y));
  height = MAX (height, place (cr, status, setup->margin + width - status_width, y));

  return height + size * 0.35;
}

static double
lay_out (AtelierPrintWeek        *self,
         cairo_t                 *cr,
         PangoContext            *context,
         const AtelierPrintSetup *setup,
         double                   scale)
{
  double width = setup->width - 2 * setup->margin;
  double x = setup->margin;
  double y = setup->margin;
  double time_width = measure_time_column (self, context, LINE_SIZE * scale);

  if (self->store_name != NULL && *self->store_name != '\0')
    {
      g_autoptr(PangoLayout) name = atelier_print_layout_new (context, self->store_name,
                                                              TITLE_SIZE * scale, PANGO_WEIGHT_BOLD,
                                                              width, 2);

      y += place (cr, name, x, y);
    }
  {
    g_autoptr(PangoLayout) period = atelier_print_layout_new (context, self->period,
                                                              DAY_SIZE * scale, PANGO_WEIGHT_NORMAL,
                                                              width, 2);

    y += place (cr, period, x, y) + DAY_SIZE * scale;
  }

  for (guint i = 0; i < N_DAYS; i++)
    {
      const Day *day = &self->days[i];
      g_autoptr(PangoLayout) heading = atelier_print_layout_new (context, day->heading,
                                                                 DAY_SIZE * scale, PANGO_WEIGHT_BOLD,
                                                                 width, 1);

      y += place (cr, heading, x, y) + 2 * scale;
      if (cr != NULL)
        {
          cairo_set_line_width (cr, 1.0);
          cairo_move_to (cr, x, y);
          cairo_line_to (cr, x + width, y);
          cairo_stroke (cr);
        }
      y += 4 * scale;

      if (day->lines->len == 0)
        {
          /* TRANSLATORS: on the printed week's poster, a day without classes */
          g_autoptr(PangoLayout) none = atelier_print_layout_new (context, _("No class"),
                                                                  LINE_SIZE * scale,
                                                                  PANGO_WEIGHT_NORMAL, width, 1);

          y += place (cr, none, x, y) + LINE_SIZE * 0.35 * scale;
        }
      for (guint j = 0; j < day->lines->len; j++)
        y += lay_out_line (cr, context, setup, &g_array_index (day->lines, Line, j), scale,
                           time_width, y);

      y += LINE_SIZE * 0.6 * scale;
    }

  return y - setup->margin;
}

static guint
atelier_print_week_paginate (AtelierPrintDocument    *document,
                             PangoContext            *context,
                             const AtelierPrintSetup *setup)
{
  AtelierPrintWeek *self = ATELIER_PRINT_WEEK (document);
  double room = setup->height - 2 * setup->margin;

  /* One page: the type shrinks by tenths until the week fits. */
  self->scale = 1.0;
  while (self->scale > MIN_SCALE && lay_out (self, NULL, context, setup, self->scale) > room)
    self->scale *= 0.9;

  return 1;
}

static void
atelier_print_week_draw_page (AtelierPrintDocument    *document,
                              cairo_t                 *cr,
                              PangoContext            *context,
                              const AtelierPrintSetup *setup,
                              guint                    page_nr)
{
  AtelierPrintWeek *self = ATELIER_PRINT_WEEK (document);

  cairo_set_source_rgb (cr, 0, 0, 0);
  lay_out (self, cr, context, setup, self->scale);
}

static void
atelier_print_week_document_init (AtelierPrintDocumentInterface *iface)
{
  iface->paginate = atelier_print_week_paginate;
  iface->draw_page = atelier_print_week_draw_page;
}

static void
atelier_print_week_finalize (GObject *object)
{
  AtelierPrintWeek *self = ATELIER_PRINT_WEEK (object);

  g_free (self->store_name);
  g_free (self->period);
  for (guint i = 0; i < N_DAYS; i++)
    {
      g_free (self->days[i].heading);
      g_array_unref (self->days[i].lines);
    }

  G_OBJECT_CLASS (atelier_print_week_parent_class)->finalize (object);
}

static void
atelier_print_week_class_init (AtelierPrintWeekClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atelier_print_week_finalize;
}

static void
atelier_print_week_init (AtelierPrintWeek *self)
{
  for (guint i = 0; i < N_DAYS; i++)
    {
      self->days[i].lines = g_array_new (FALSE, TRUE, sizeof (Line));
      g_array_set_clear_func (self->days[i].lines, (GDestroyNotify) clear_line);
    }
  self->scale = 1.0;
}
