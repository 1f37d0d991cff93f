/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report-view.c: the Reports view on the demo store: its charts and
 * tables, a new period computed again, an empty period, the theme's
 * colours light and dark, and a chart's CSV. Run once in English and once
 * in French (LANGUAGE=fr, see tests/meson.build). */
#define G_LOG_DOMAIN "test-report-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "atelier-chart-card.h"
#include "atelier-demo.h"
#include "atelier-report-view.h"
#include "test-ui-util.h"
#include "test-util.h"

#define WAIT_SECONDS 30

typedef struct
{
  TestStore          store;
  GtkWindow         *window;
  AtelierReportView *view;
} Fixture;

static gboolean
in_french (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "fr");
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_store_setup (&fixture->store, data);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_pointer (&fixture->window, gtk_window_destroy);
  test_store_teardown (&fixture->store, data);
}

static gboolean
computed (gpointer      user_data,
          gconstpointer data)
{
  Fixture *fixture = user_data;

  return !atelier_report_view_is_busy (fixture->view) &&
         atelier_report_view_get_report (fixture->view) != NULL;
}

static void
show_view (Fixture             *fixture,
           AtelierReportPeriod  period)
{
  fixture->view = ATELIER_REPORT_VIEW (atelier_report_view_new (fixture->store.store));
  atelier_report_view_set_period (fixture->view, period);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 700);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
  test_wait_until (computed, fixture, NULL, WAIT_SECONDS);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fill_demo (Fixture *fixture)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_demo_fill (fixture->store.store, now, &error));
  g_assert_no_error (error);
}

static AtelierChartCard *
card (Fixture *fixture,
      guint    index)
{
  return atelier_report_view_get_cards (fixture->view)->pdata[index];
}

static guint
count_labels (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  return labels->len;
}

/* Every figure of the demo's last three months is drawn, and the same
 * figures are a table of labels: a header row, then one row a bar. */
static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  GPtrArray *cards;
  const AtelierReport *report;

  fill_demo (fixture);
  show_view (fixture, ATELIER_REPORT_PERIOD_LAST_3_MONTHS);
  report = atelier_report_view_get_report (fixture->view);
  g_assert_false (atelier_report_is_empty (report));

  cards = atelier_report_view_get_cards (fixture->view);
  g_assert_cmpuint (cards->len, ==, 9);
  for (guint i = 0; i < cards->len; i++)
    {
      AtelierChart *chart = atelier_chart_card_get_chart (cards->pdata[i]);
      AtelierChartData *chart_data = atelier_chart_get_data (chart);
      GtkGrid *table = atelier_chart_card_get_table (cards->pdata[i]);
      guint rows;

      g_assert_nonnull (chart_data);
      rows = atelier_chart_data_get_n_rows (chart_data);
      g_assert_cmpuint (count_labels (GTK_WIDGET (table)), ==,
                        (rows + 1) * atelier_chart_data_get_n_columns (chart_data));
      /* Demand not served may be nothing; every other figure has rows. */
      if (i != 2)
        {
          g_assert_cmpuint (rows, >, 0);
          g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (chart)), >, 0);
        }
    }

  /* In the language of the run */
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->view),
                                     in_french () ? "Taux de remplissage par atelier"
                                                  : "Fill rate by workshop"));
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->view),
                                     in_french () ? "Afficher en tableau" : "Show as Table"));
}

/* Another period is computed again, in a thread, and shown. */
static void
test_switch_period (Fixture       *fixture,
                    gconstpointer  data)
{
  const AtelierReport *report;
  gint64 three_months_from;
  int three_months_sessions;

  fill_demo (fixture);
  show_view (fixture, ATELIER_REPORT_PERIOD_LAST_3_MONTHS);
  report = atelier_report_view_get_report (fixture->view);
  three_months_from = report->from;
  three_months_sessions = report->total.sessions;

  atelier_report_view_set_period (fixture->view, ATELIER_REPORT_PERIOD_THIS_MONTH);
  g_assert_true (atelier_report_view_is_busy (fixture->view));
  test_wait_until (computed, fixture, NULL, WAIT_SECONDS);
  report = atelier_report_view_get_report (fixture->view);
  g_assert_cmpint (report->from, >, three_months_from);
  g_assert_cmpint (report->total.sessions, <, three_months_sessions);
  g_assert_cmpuint (report->months->len, ==, 1);
  g_assert_cmpuint (atelier_chart_data_get_n_rows (atelier_chart_get_data (atelier_chart_card_get_chart (card (fixture, 1)))),
                    ==, 1);
}

/* A period with no session says so instead of empty axes. */
static void
test_empty_period (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) first = g_date_time_new_local (2001, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) last = g_date_time_new_local (2001, 3, 31, 0, 0, 0);
  GtkStack *stack;
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  fill_demo (fixture);
  show_view (fixture, ATELIER_REPORT_PERIOD_LAST_3_MONTHS);
  atelier_report_view_set_range (fixture->view, first, last);
  test_wait_until (computed, fixture, NULL, WAIT_SECONDS);
  g_assert_true (atelier_report_is_empty (atelier_report_view_get_report (fixture->view)));

  test_collect_widgets (GTK_WIDGET (fixture->view), GTK_TYPE_STACK, stacks);
  stack = NULL;
  for (guint i = 0; i < stacks->len && stack == NULL; i++)
    if (gtk_stack_get_child_by_name (stacks->pdata[i], "figures") != NULL)
      stack = stacks->pdata[i];
  g_assert_nonnull (stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->view),
                                     in_french () ? "Aucune séance sur cette période"
                                                  : "No Sessions in This Period"));
}

/* Choosing "Custom Range" asks for the days; closing that without
 * choosing them leaves the period, and the chooser says it again. */
static void
test_custom_range_closed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) dropdowns = g_ptr_array_new ();
  g_autoptr(GPtrArray) menu_buttons = g_ptr_array_new ();
  GtkDropDown *dropdown;
  GtkMenuButton *range_button;

  fill_demo (fixture);
  show_view (fixture, ATELIER_REPORT_PERIOD_LAST_3_MONTHS);
  test_collect_widgets (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN, dropdowns);
  test_collect_widgets (GTK_WIDGET (fixture->view), GTK_TYPE_MENU_BUTTON, menu_buttons);
  dropdown = dropdowns->pdata[0];
  range_button = menu_buttons->pdata[0];

  gtk_drop_down_set_selected (dropdown, ATELIER_REPORT_PERIOD_CUSTOM);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (range_button)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (range_button))));
  g_assert_cmpint (atelier_report_view_get_period (fixture->view), ==, ATELIER_REPORT_PERIOD_LAST_3_MONTHS);

  gtk_menu_button_popdown (range_button);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, ATELIER_REPORT_PERIOD_LAST_3_MONTHS);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (range_button)));
  g_assert_false (atelier_report_view_is_busy (fixture->view));
}

/* The mean brightness (0 to 1) of what the chart draws, weighted by
 * coverage. */
static double
chart_brightness (Fixture      *fixture,
                  AtelierChart *chart)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (chart));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  int height = gtk_widget_get_height (GTK_WIDGET (chart));
  g_autofree guchar *pixels = NULL;
  double sum = 0;
  double weight = 0;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  /* Premultiplied BGRA: brightness / alpha, weighted by alpha, over the
   * bars' names (the left of the chart): text in the style's colour. */
  for (int i = 0; i < width * height; i++)
    {
      guchar *p = pixels + i * 4;

      if (i % width > width / 5)
        continue;

      if (p[3] == 0)
        continue;
      sum += (p[0] + p[1] + p[2]) / 3.0;
      weight += p[3];
    }
  return weight > 0 ? sum / weight : 0;
}

static gboolean
drawn (gpointer      user_data,
       gconstpointer data)
{
  Fixture *fixture = user_data;

  return gtk_widget_get_height (GTK_WIDGET (atelier_chart_card_get_chart (card (fixture, 0)))) > 0;
}

/* The charts draw in the style's colours: light text and bars on dark,
 * dark on light. A hard-coded palette would draw the same both times. */
static void
test_dark (Fixture       *fixture,
           gconstpointer  data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  AtelierChart *chart;
  double light;
  double dark;

  fill_demo (fixture);
  show_view (fixture, ATELIER_REPORT_PERIOD_LAST_3_MONTHS);
  test_wait_until (drawn, fixture, NULL, WAIT_SECONDS);
  chart = atelier_chart_card_get_chart (card (fixture, 0));
  light = chart_brightness (fixture, chart);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  dark = chart_brightness (fixture, chart);
  g_test_message ("chart brightness: light %.2f, dark %.2f", light, dark);
  g_assert_cmpfloat (dark, >, light + 0.1);
}

/* Hover and focus show a bar's value, and say it to a screen reader. */
static void
test_highlight (Fixture       *fixture,
                gconstpointer  data)
{
  AtelierChart *chart;
  AtelierChartData *chart_data;

  fill_demo (fixture);
  show_view (fixture, ATELIER_REPORT_PERIOD_LAST_3_MONTHS);
  chart = atelier_chart_card_get_chart (card (fixture, 0));
  chart_data = atelier_chart_get_data (chart);
  g_assert_cmpint (atelier_chart_get_highlight (chart), ==, -1);

  gtk_widget_grab_focus (GTK_WIDGET (chart));
  g_assert_cmpint (atelier_chart_get_highlight (chart), ==, 0);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       atelier_chart_data_get_summary (chart_data, 0));
  if (atelier_chart_data_get_n_rows (chart_data) > 1)
    {
      atelier_chart_set_highlight (chart, 1);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           atelier_chart_data_get_summary (chart_data, 1));
    }
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Export;

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Export *export = user_data;

  atelier_chart_card_export_finish (result, &export->error);
  export->done = TRUE;
}

/* A chart's CSV holds its table, a title that looks like a formula
 * neutralised by the project's writer. */
static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(AtelierChartData) chart_data = NULL;
  g_autofree char *path = g_build_filename (fixture->store.dir, "fill.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  const char *columns[] = { "Workshop", "Fill rate", NULL };
  const char *cells[] = { "=1+1", "70%" };
  double value = 0.7;
  Export export = { 0 };

  chart_data = atelier_chart_data_new (ATELIER_CHART_BARS, columns, 1, 1.0);
  atelier_chart_data_add_row (chart_data, &value, cells, "=1+1: 70%");
  atelier_chart_card_export_async (chart_data, file, NULL, on_exported_cb, &export);
  while (!export.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (export.error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Workshop,Fill rate\r\n"));
  g_assert_nonnull (strstr (contents, "'=1+1"));
  g_assert_null (strstr (contents, "\n=1+1"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ATELIER_LOCALEDIR") ? g_getenv ("ATELIER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display for the report view tests\n");
      return 0;
    }
  adw_init ();

  /* Not test_init(): isolated XDG directories would hide the GSettings
   * schemas and icons that GTK and libadwaita look up. */
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/atelier/report-view/demo", test_demo);
  ADD ("/atelier/report-view/switch-period", test_switch_period);
  ADD ("/atelier/report-view/empty-period", test_empty_period);
  ADD ("/atelier/report-view/custom-range-closed", test_custom_range_closed);
  ADD ("/atelier/report-view/dark", test_dark);
  ADD ("/atelier/report-view/highlight", test_highlight);
  ADD ("/atelier/report-view/csv", test_csv);

  return g_test_run ();
}
