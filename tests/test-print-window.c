/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-print-window.c: printing from the window, through GtkPrintOperation
 *
 * The operation runs in export mode (what "Print to File" does) to a PDF
 * file, which must hold the pages atelier-cli writes: same page count,
 * same paper, same text on each page.
 */
#include "config.h"

#include <adwaita.h>
#include <sys/wait.h>

#include "atelier-booking.h"
#include "atelier-print-operation.h"
#include "atelier-print-report.h"
#include "atelier-print-roster.h"
#include "atelier-print-week.h"
#include "atelier-report-view.h"
#include "atelier-schedule-page.h"
#include "atelier-session-page.h"
#include "atelier-settings.h"
#include "test-ui-util.h"
#include "test-util.h"

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status) && WEXITSTATUS (wait_status) == 0);
  return out;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };

  return run_tool (argv);
}

static char *
pdf_size_and_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_tool (argv);
  const char *pages = strstr (info, "Pages:");
  const char *size = strstr (info, "Page size:");

  g_assert_nonnull (pages);
  g_assert_nonnull (size);
  return g_strdup_printf ("%.*s %.*s", (int) strcspn (pages, "\n"), pages,
                          (int) strcspn (size, "\n"), size);
}

static gint64
add_session (AtelierStore *store,
             int           day,
             int           capacity)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes");
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) starts = g_date_time_new (paris, 2031, 3, day, 18, 30, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "capacity", capacity, "duration-minutes", 120, NULL);
  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  session = atelier_session_new (atelier_workshop_get_id (workshop), starts, ends, "Europe/Paris");
  g_object_set (session, "capacity", capacity, "place", "Cuisine", NULL);
  g_assert_true (atelier_store_add_session (store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static void
sign_up (AtelierStore *store,
         gint64        session_id,
         guint         i)
{
  g_autofree char *family = g_strdup_printf ("Martin%02u", i);
  g_autoptr(AtelierCustomer) customer = atelier_customer_new ("Zoé", family);
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  registration = atelier_booking_sign_up (store, session_id, customer, 1, NULL, &error);
  g_assert_no_error (error);
}

/* Whether @model, or a section of it, has an item for @action */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* Exports @document as "Print to File" does, and writes it as the CLI
 * does; both files must hold the same pages. */
static void
assert_export_matches_cli (AtelierPrintDocument *document,
                           GtkWindow            *window,
                           const char           *dir,
                           guint                 min_pages)
{
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autofree char *written = g_build_filename (dir, "written.pdf", NULL);
  g_autoptr(GtkPrintOperation) operation = atelier_print_operation_new (document, "Test");
  g_autoptr(GError) error = NULL;
  g_autofree char *exported_info = NULL;
  g_autofree char *written_info = NULL;
  g_autofree char *exported_text = NULL;
  g_autofree char *written_text = NULL;
  AtelierPrintSetup setup;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (operation, exported);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, window, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  atelier_print_setup_init (&setup, atelier_print_paper_from_locale ());
  g_assert_true (atelier_print_document_write_pdf (document, written, &setup, &error));
  g_assert_no_error (error);

  exported_info = pdf_size_and_pages (exported);
  written_info = pdf_size_and_pages (written);
  g_assert_cmpstr (exported_info, ==, written_info);
  g_assert_true (g_str_has_prefix (exported_info, "Pages:"));
  g_assert_cmpuint (g_ascii_strtoull (exported_info + strlen ("Pages:"), NULL, 10), >=, min_pages);

  exported_text = pdf_text (exported);
  written_text = pdf_text (written);
  g_assert_cmpstr (exported_text, ==, written_text);
}

static void
test_roster (TestStore     *fixture,
             gconstpointer  data)
{
  gint64 session_id = add_session (fixture->store, 14, 50);
  g_autoptr(AtelierPrintRoster) roster = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWindow *window;
  GtkWidget *page;
  gboolean found = FALSE;

  for (guint i = 0; i < 60; i++)
    sign_up (fixture->store, session_id, i);

  window = GTK_WINDOW (gtk_window_new ());
  page = atelier_session_page_new (fixture->store, session_id);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The session's menu offers it. */
  test_collect_widgets (page, GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GMenuModel *menu = gtk_menu_button_get_menu_model (buttons->pdata[i]);

      found |= menu != NULL && menu_has_action (menu, "session.print-roster");
    }
  g_assert_true (found);

  roster = atelier_print_roster_new (fixture->store, session_id, &error);
  g_assert_no_error (error);
  assert_export_matches_cli (ATELIER_PRINT_DOCUMENT (roster), window, fixture->dir, 2);

  gtk_window_destroy (window);
}

static void
test_week (TestStore     *fixture,
           gconstpointer  data)
{
  gint64 full = add_session (fixture->store, 11, 1);
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) monday = g_date_time_new (paris, 2031, 3, 10, 0, 0, 0);
  g_autoptr(AtelierPrintWeek) week = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWindow *window;
  GtkWidget *page;
  gboolean found = FALSE;
  int minimum;

  sign_up (fixture->store, full, 1);
  add_session (fixture->store, 13, 8);

  window = GTK_WINDOW (gtk_window_new ());
  page = atelier_schedule_page_new (fixture->store);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The schedule has a button for it. */
  test_collect_widgets (page, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    found |= g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "schedule.print-week") == 0;
  g_assert_true (found);

  /* With one more button the page still fits a phone held upright. */
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  week = atelier_print_week_new (fixture->store, monday, &error);
  g_assert_no_error (error);
  assert_export_matches_cli (ATELIER_PRINT_DOCUMENT (week), window, fixture->dir, 1);

  gtk_window_destroy (window);
}

/* The Reports view prints the period it shows: a custom range here */
static void
test_report (TestStore     *fixture,
             gconstpointer  data)
{
  gint64 session_id = add_session (fixture->store, 14, 4);
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) first = g_date_time_new (paris, 2031, 3, 1, 0, 0, 0);
  g_autoptr(GDateTime) last = g_date_time_new (paris, 2031, 3, 31, 0, 0, 0);
  g_autoptr(AtelierPrintReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "exported.pdf", NULL);
  g_autofree char *text = NULL;
  GtkWindow *window;
  GtkWidget *view;
  gboolean found = FALSE;
  int minimum;

  g_assert_true (atelier_settings_write (fixture->store, ATELIER_SETTING_TIME_ZONE, "Europe/Paris",
                                         &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    sign_up (fixture->store, session_id, i);

  window = GTK_WINDOW (gtk_window_new ());
  view = atelier_report_view_new (fixture->store);
  gtk_window_set_child (window, view);
  atelier_report_view_set_range (ATELIER_REPORT_VIEW (view), first, last);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* The view has a button for it, and still fits a phone held upright. */
  test_collect_widgets (view, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    found |= g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "report.print") == 0;
  g_assert_true (found);
  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  report = atelier_report_view_new_print_report (ATELIER_REPORT_VIEW (view), &error);
  g_assert_no_error (error);
  assert_export_matches_cli (ATELIER_PRINT_DOCUMENT (report), window, fixture->dir, 1);

  /* The period shown, and its figures */
  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Report from 1 March 2031 to 31 March 2031"));
  g_assert_nonnull (strstr (text, "100% · 4 of 4 seats · 1 full · 0 waited"));

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (!gtk_init_check () || pdftotext == NULL)
    {
      for (int i = 1; i < argc; i++)
        if (g_strcmp0 (argv[i], "--tap") == 0)
          {
            g_print ("1..0 # SKIP no display or no poppler-utils for the print tests\n");
            return 0;
          }
      return 77;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/atelier/print-window/roster", TestStore, NULL,
              test_store_setup, test_roster, test_store_teardown);
  g_test_add ("/atelier/print-window/week", TestStore, NULL,
              test_store_setup, test_week, test_store_teardown);
  g_test_add ("/atelier/print-window/report", TestStore, NULL,
              test_store_setup, test_report, test_store_teardown);

  return g_test_run ();
}
