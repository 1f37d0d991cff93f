/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-chart.c: bars, a line over months, a stacked bar
 *
 * Drawn with cairo in the widget's snapshot, in the colours of the style
 * (its foreground and the accent), so that light, dark and high contrast
 * each draw in their own. The row under the pointer, or chosen with the
 * arrow keys once the chart has the focus, is drawn stronger and its
 * sentence written above the plot; the same sentence is the chart's
 * accessible description, for a screen reader that follows the focus.
 * The figures themselves are in a table beside the chart (see
 * atelier-chart-card.c), which is what a screen reader reads in full.
 */
#define G_LOG_DOMAIN "atelier-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "atelier-chart.h"
#include "atelier-csv.h"

#define ROW_HEIGHT      28
#define CAPTION_HEIGHT  24
#define LINE_HEIGHT     160
#define AXIS_HEIGHT     20
#define LEGEND_HEIGHT   24

struct _AtelierChartData
{
  AtelierChartKind  kind;
  GPtrArray        *columns;   /* of char * */
  GPtrArray        *rows;      /* of GStrv */
  GPtrArray        *summaries; /* of char * */
  GArray           *values;    /* of double: n_rows × n_series */
  guint             n_series;
  double            max;
};

static void
chart_data_clear (gpointer data)
{
  AtelierChartData *self = data;

  g_ptr_array_unref (self->columns);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->summaries);
  g_array_unref (self->values);
}

/**
 * atelier_chart_data_new:
 * @columns: (array zero-terminated=1): the table's headers; the first
 *   names the rows
 * @n_series: how many values each row draws (a stacked bar's parts)
 * @max: the top of the value axis, or 0 for the largest value
 */
AtelierChartData *
atelier_chart_data_new (AtelierChartKind    kind,
                        const char * const *columns,
                        guint               n_series,
                        double              max)
{
  AtelierChartData *self = g_rc_box_new0 (AtelierChartData);

  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);
  g_return_val_if_fail (n_series >= 1, NULL);

  self->kind = kind;
  self->columns = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; columns[i] != NULL; i++)
    g_ptr_array_add (self->columns, g_strdup (columns[i]));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->summaries = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, TRUE, sizeof (double));
  self->n_series = n_series;
  self->max = max;
  return self;
}

AtelierChartData *
atelier_chart_data_ref (AtelierChartData *data)
{
  return g_rc_box_acquire (data);
}

void
atelier_chart_data_unref (AtelierChartData *data)
{
  g_rc_box_release_full (data, chart_data_clear);
}

/**
 * atelier_chart_data_add_row:
 * @values: n_series values to draw
 * @cells: as many cells as there are columns
 * @summary: what hover and focus say of the row
 */
void
atelier_chart_data_add_row (AtelierChartData   *data,
                            const double       *values,
                            const char * const *cells,
                            const char         *summary)
{
  GStrvBuilder *builder = g_strv_builder_new ();

  for (guint i = 0; i < data->columns->len; i++)
    g_strv_builder_add (builder, cells[i]);
  g_ptr_array_add (data->rows, g_strv_builder_end (builder));
  g_strv_builder_unref (builder);
  g_ptr_array_add (data->summaries, g_strdup (summary));
  g_array_append_vals (data->values, values, data->n_series);
}

AtelierChartKind
atelier_chart_data_get_kind (AtelierChartData *data)
{
  return data->kind;
}

guint
atelier_chart_data_get_n_rows (AtelierChartData *data)
{
  return data->rows->len;
}

guint
atelier_chart_data_get_n_columns (AtelierChartData *data)
{
  return data->columns->len;
}

guint
atelier_chart_data_get_n_series (AtelierChartData *data)
{
  return data->n_series;
}

const char *
atelier_chart_data_get_column (AtelierChartData *data,
                               guint             column)
{
  g_return_val_if_fail (column < data->columns->len, NULL);

  return data->columns->pdata[column];
}

const char *
atelier_chart_data_get_cell (AtelierChartData *data,
                             guint             row,
                             guint             column)
{
  g_return_val_if_fail (row < data->rows->len && column < data->columns->len, NULL);

  return ((char **) data->rows->pdata[row])[column];
}

double
atelier_chart_data_get_value (AtelierChartData *data,
                              guint             row,
                              guint             series)
{
  g_return_val_if_fail (row < data->rows->len && series < data->n_series, 0);

  return g_array_index (data->values, double, row * data->n_series + series);
}

const char *
atelier_chart_data_get_summary (AtelierChartData *data,
                                guint             row)
{
  g_return_val_if_fail (row < data->rows->len, NULL);

  return data->summaries->pdata[row];
}

/* The top of the axis: the one given, or the largest row (stacked: the
 * largest sum), never 0. */
double
atelier_chart_data_get_max (AtelierChartData *data)
{
  double max = data->max;

  if (max > 0)
    return max;

  for (guint row = 0; row < data->rows->len; row++)
    {
      double sum = 0;

      for (guint series = 0; series < data->n_series; series++)
        {
          double value = atelier_chart_data_get_value (data, row, series);

          sum = data->kind == ATELIER_CHART_STACKED ? sum + value : MAX (sum, value);
        }
      max = MAX (max, sum);
    }
  return max > 0 ? max : 1;
}

/**
 * atelier_chart_data_to_csv:
 *
 * Returns: (transfer full): the table as CSV, headers first, through the
 *   project's writer (formula cells neutralised)
 */
GString *
atelier_chart_data_to_csv (AtelierChartData *data)
{
  GString *csv = g_string_new (NULL);

  atelier_csv_append_row (csv, (const char * const *) data->columns->pdata, data->columns->len, ',');
  for (guint row = 0; row < data->rows->len; row++)
    atelier_csv_append_row (csv, (const char * const *) data->rows->pdata[row],
                            data->columns->len, ',');
  return csv;
}

/* The widget */

struct _AtelierChart
{
  GtkWidget         parent_instance;

  AtelierChartData *data;
  int               highlight;
};

G_DEFINE_FINAL_TYPE (AtelierChart, atelier_chart, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_HIGHLIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
n_rows (AtelierChart *self)
{
  return self->data != NULL ? atelier_chart_data_get_n_rows (self->data) : 0;
}

/* The theme's colours: text, and the accent for what is drawn. */
static void
get_colors (AtelierChart *self,
            GdkRGBA      *foreground,
            GdkRGBA      *accent)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, foreground);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", accent))
    *accent = *foreground;
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_text (AtelierChart  *self,
           cairo_t       *cr,
           const char    *text,
           double         x,
           double         y,
           int            width,
           PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int text_height;

  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  cairo_move_to (cr, x, y - text_height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static double
label_width (int width)
{
  return MIN (width * 0.4, 200);
}

static void
draw_bars (AtelierChart  *self,
           cairo_t       *cr,
           int            width,
           const GdkRGBA *foreground,
           const GdkRGBA *accent)
{
  AtelierChartData *data = self->data;
  double max = atelier_chart_data_get_max (data);
  double left = label_width (width) + 8;
  double plot = MAX (width - left, 1);
  gboolean stacked = data->kind == ATELIER_CHART_STACKED;

  for (guint row = 0; row < n_rows (self); row++)
    {
      double y = CAPTION_HEIGHT + row * ROW_HEIGHT;
      double x = left;
      gboolean strong = (int) row == self->highlight;

      set_source (cr, foreground, 1.0);
      draw_text (self, cr, atelier_chart_data_get_cell (data, row, 0), 0, y + ROW_HEIGHT / 2.0,
                 label_width (width), PANGO_ALIGN_LEFT);
      set_source (cr, foreground, 0.08);
      cairo_rectangle (cr, left, y + 5, plot, ROW_HEIGHT - 10);
      cairo_fill (cr);

      for (guint series = 0; series < data->n_series; series++)
        {
          double w = plot * CLAMP (atelier_chart_data_get_value (data, row, series) / max, 0, 1);

          /* The second part of a stacked bar in the text's colour, lighter. */
          if (series == 0)
            set_source (cr, accent, strong ? 1.0 : 0.75);
          else
            set_source (cr, foreground, strong ? 0.6 : 0.4);
          cairo_rectangle (cr, x, y + 5, w, ROW_HEIGHT - 10);
          cairo_fill (cr);
          if (stacked)
            x += w;
        }
      if (strong)
        {
          set_source (cr, foreground, 1.0);
          cairo_set_line_width (cr, 2);
          cairo_rectangle (cr, left + 1, y + 4, plot - 2, ROW_HEIGHT - 8);
          cairo_stroke (cr);
        }
    }
}

static void
draw_line (AtelierChart  *self,
           cairo_t       *cr,
           int            width,
           const GdkRGBA *foreground,
           const GdkRGBA *accent)
{
  AtelierChartData *data = self->data;
  double max = atelier_chart_data_get_max (data);
  guint rows = n_rows (self);
  double top = CAPTION_HEIGHT + 8;
  double bottom = CAPTION_HEIGHT + LINE_HEIGHT - AXIS_HEIGHT;
  double step = rows > 1 ? (width - 24.0) / (rows - 1) : 0;
  /* Month names under the axis, as many as fit. */
  guint every = MAX (1, (guint) ceil (rows * 80.0 / MAX (width, 1)));

  set_source (cr, foreground, 0.15);
  cairo_set_line_width (cr, 1);
  for (int i = 0; i <= 2; i++)
    {
      double y = bottom - (bottom - top) * i / 2.0;

      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
    }
  cairo_stroke (cr);

  set_source (cr, accent, 1.0);
  cairo_set_line_width (cr, 2.5);
  for (guint row = 0; row < rows; row++)
    {
      double x = 12 + step * row + (rows == 1 ? (width - 24.0) / 2 : 0);
      double y = bottom - (bottom - top) * CLAMP (atelier_chart_data_get_value (data, row, 0) / max, 0, 1);

      if (row == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint row = 0; row < rows; row++)
    {
      double x = 12 + step * row + (rows == 1 ? (width - 24.0) / 2 : 0);
      double y = bottom - (bottom - top) * CLAMP (atelier_chart_data_get_value (data, row, 0) / max, 0, 1);
      gboolean strong = (int) row == self->highlight;

      set_source (cr, strong ? foreground : accent, 1.0);
      cairo_arc (cr, x, y, strong ? 6 : 4, 0, 2 * G_PI);
      cairo_fill (cr);
      if (row % every == 0 || strong)
        {
          set_source (cr, foreground, strong ? 1.0 : 0.7);
          draw_text (self, cr, atelier_chart_data_get_cell (data, row, 0),
                     CLAMP (x - 40, 0, MAX (width - 80, 0)),
                     bottom + AXIS_HEIGHT / 2.0 + 2, 80, PANGO_ALIGN_CENTER);
        }
    }
}

static void
draw_legend (AtelierChart  *self,
             cairo_t       *cr,
             int            width,
             int            height,
             const GdkRGBA *foreground,
             const GdkRGBA *accent)
{
  AtelierChartData *data = self->data;
  double x = 0;
  double y = height - LEGEND_HEIGHT / 2.0;

  for (guint series = 0; series < data->n_series; series++)
    {
      if (series == 0)
        set_source (cr, accent, 0.75);
      else
        set_source (cr, foreground, 0.4);
      cairo_rectangle (cr, x, y - 6, 12, 12);
      cairo_fill (cr);
      set_source (cr, foreground, 1.0);
      /* Each series has its column after the rows' names. */
      draw_text (self, cr, atelier_chart_data_get_column (data, series + 1), x + 18, y,
                 width / data->n_series - 24, PANGO_ALIGN_LEFT);
      x += width / (double) data->n_series;
    }
}

static void
atelier_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  AtelierChart *self = ATELIER_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA foreground;
  GdkRGBA accent;
  cairo_t *cr;

  if (n_rows (self) == 0 || width <= 0 || height <= 0)
    return;

  get_colors (self, &foreground, &accent);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->highlight >= 0)
    {
      set_source (cr, &foreground, 1.0);
      draw_text (self, cr, atelier_chart_data_get_summary (self->data, self->highlight), 0,
                 CAPTION_HEIGHT / 2.0, width, PANGO_ALIGN_LEFT);
    }

  set_source (cr, &foreground, 1.0);
  if (self->data->kind == ATELIER_CHART_LINE)
    draw_line (self, cr, width, &foreground, &accent);
  else
    draw_bars (self, cr, width, &foreground, &accent);
  if (self->data->kind == ATELIER_CHART_STACKED)
    draw_legend (self, cr, width, height, &foreground, &accent);

  cairo_destroy (cr);
}

static int
chart_height (AtelierChart *self)
{
  if (n_rows (self) == 0)
    return 0;
  if (self->data->kind == ATELIER_CHART_LINE)
    return CAPTION_HEIGHT + LINE_HEIGHT;
  if (self->data->kind == ATELIER_CHART_STACKED)
    return CAPTION_HEIGHT + n_rows (self) * ROW_HEIGHT + LEGEND_HEIGHT;
  return CAPTION_HEIGHT + n_rows (self) * ROW_HEIGHT;
}

static void
atelier_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  AtelierChart *self = ATELIER_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Fits a phone held at the door, 360 px wide, with margins. */
      *minimum = 200;
      *natural = 480;
    }
  else
    *minimum = *natural = chart_height (self);
}

static int
row_at (AtelierChart *self,
        double        x,
        double        y)
{
  guint rows = n_rows (self);
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (rows == 0)
    return -1;

  if (self->data->kind == ATELIER_CHART_LINE)
    {
      double step = rows > 1 ? (width - 24.0) / (rows - 1) : width;

      return CLAMP ((int) floor ((x - 12) / step + 0.5), 0, (int) rows - 1);
    }

  if (y < CAPTION_HEIGHT || y >= CAPTION_HEIGHT + rows * ROW_HEIGHT)
    return -1;
  return (int) ((y - CAPTION_HEIGHT) / ROW_HEIGHT);
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              AtelierChart             *self)
{
  atelier_chart_set_highlight (self, row_at (self, x, y));
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             AtelierChart             *self)
{
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    atelier_chart_set_highlight (self, -1);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   AtelierChart          *self)
{
  int last = (int) n_rows (self) - 1;
  int row = self->highlight;

  if (last < 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_Right:
      row = MIN (row + 1, last);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_Left:
      row = MAX (row - 1, 0);
      break;
    case GDK_KEY_Home:
      row = 0;
      break;
    case GDK_KEY_End:
      row = last;
      break;
    default:
      return FALSE;
    }
  atelier_chart_set_highlight (self, row);
  return TRUE;
}

static void
on_focus_enter_cb (GtkEventControllerFocus *controller,
                   AtelierChart            *self)
{
  if (self->highlight < 0 && n_rows (self) > 0)
    atelier_chart_set_highlight (self, 0);
}

static void
atelier_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (atelier_chart_parent_class)->css_changed (widget, change);

  /* A new colour scheme or contrast: draw again in its colours. */
  gtk_widget_queue_draw (widget);
}

static void
atelier_chart_dispose (GObject *object)
{
  AtelierChart *self = ATELIER_CHART (object);

  g_clear_pointer (&self->data, atelier_chart_data_unref);

  G_OBJECT_CLASS (atelier_chart_parent_class)->dispose (object);
}

static void
atelier_chart_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtelierChart *self = ATELIER_CHART (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT:
      g_value_set_int (value, self->highlight);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_chart_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AtelierChart *self = ATELIER_CHART (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT:
      atelier_chart_set_highlight (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_chart_class_init (AtelierChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atelier_chart_dispose;
  object_class->get_property = atelier_chart_get_property;
  object_class->set_property = atelier_chart_set_property;
  widget_class->snapshot = atelier_chart_snapshot;
  widget_class->measure = atelier_chart_measure;
  widget_class->css_changed = atelier_chart_css_changed;

  properties[PROP_HIGHLIGHT] =
    g_param_spec_int ("highlight", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atelier_chart_init (AtelierChart *self)
{
  GtkEventController *controller;

  self->highlight = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
atelier_chart_new (void)
{
  return g_object_new (ATELIER_TYPE_CHART, NULL);
}

/**
 * atelier_chart_set_data:
 * @data: (nullable): the figures to draw, or %NULL for nothing
 */
void
atelier_chart_set_data (AtelierChart     *self,
                        AtelierChartData *data)
{
  g_return_if_fail (ATELIER_IS_CHART (self));

  if (self->data == data)
    return;

  g_clear_pointer (&self->data, atelier_chart_data_unref);
  if (data != NULL)
    self->data = atelier_chart_data_ref (data);
  self->highlight = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

AtelierChartData *
atelier_chart_get_data (AtelierChart *self)
{
  g_return_val_if_fail (ATELIER_IS_CHART (self), NULL);

  return self->data;
}

int
atelier_chart_get_highlight (AtelierChart *self)
{
  g_return_val_if_fail (ATELIER_IS_CHART (self), -1);

  return self->highlight;
}

void
atelier_chart_set_highlight (AtelierChart *self,
                             int           row)
{
  g_return_if_fail (ATELIER_IS_CHART (self));

  if (row >= (int) n_rows (self))
    row = -1;
  if (self->highlight == row)
    return;

  self->highlight = row;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  row >= 0 ? atelier_chart_data_get_summary (self->data, row) : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}
