/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export.c: invites and the schedule written off the main thread,
 * and what the session page and the window make of it */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <adwaita.h>

#include "atelier-export.h"
#include "atelier-outbox.h"
#include "atelier-preferences-window.h"
#include "atelier-session-page.h"
#include "atelier-settings.h"
#include "atelier-window.h"
#include "test-ical-util.h"
#include "test-ui-util.h"

/* How long a test waits for a thread or the interface to catch up. */
#define WAIT_TIMEOUT_SECONDS 20

typedef IcalFixture Fixture;

/* Running the main loop until a task is done */

typedef struct
{
  GAsyncResult *result;
} Waiter;

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Waiter *waiter = user_data;

  waiter->result = g_object_ref (result);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (gconstpointer data);

static void
wait_until (Condition     condition,
            gconstpointer data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);

  g_assert_true (condition (data));
}

static gboolean
waiter_done (gconstpointer data)
{
  const Waiter *waiter = data;

  return waiter->result != NULL;
}

static GAsyncResult *
wait_for (Waiter *waiter)
{
  wait_until (waiter_done, waiter);
  return waiter->result;
}

/* Store and files */

static guint
n_pending (Fixture *f,
           gint64   session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = atelier_outbox_list (f->base.store, session, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (items);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @path, sorted, joined by spaces. */
static char *
list_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static guint
count_suffix (const char *path,
              const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      n++;
  return n;
}

/* A session in ten days with two confirmed customers with e-mails. */
static gint64
session_with_invites (Fixture *f)
{
  gint64 session = ical_session_in_days (f, 10, 4);

  ical_sign_up (f, session, "Zoé", "Martin", "zoe@example.org", 2, NULL);
  ical_sign_up (f, session, "Hugo", "Moreau", "hugo@example.org", 1, NULL);
  g_assert_cmpuint (n_pending (f, session), ==, 2);
  return session;
}

static GFile *
file_in_test_dir (Fixture    *f,
                  const char *first,
                  const char *second)
{
  g_autofree char *path = g_build_filename (f->base.dir, first, second, NULL);

  return g_file_new_for_path (path);
}

static void
write_regular_file (Fixture    *f,
                    const char *name)
{
  g_autofree char *path = g_build_filename (f->base.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "not a folder", -1, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  ical_fixture_setup (f, data);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Whatever a test left open (a dialog, a window). */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
  ical_fixture_teardown (f, data);
}

/* Invites */

static void
test_invites (Fixture       *f,
              gconstpointer  data)
{
  gint64 session = session_with_invites (f);
  gint64 other = ical_session_in_days (f, 12, 4);
  g_autoptr(GFile) folder = file_in_test_dir (f, "invites", NULL);
  g_autofree char *path = g_file_get_path (folder);
  g_autoptr(GError) error = NULL;
  Waiter waiter = { NULL };
  guint n_written = 0;

  ical_sign_up (f, other, "Léa", "Roux", "lea@example.org", 1, NULL);

  atelier_export_invites_async (f->base.path, session, folder, NULL, on_done_cb, &waiter);
  g_assert_true (atelier_export_invites_finish (wait_for (&waiter), &n_written, &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);

  g_assert_cmpuint (n_written, ==, 2);
  g_assert_cmpuint (count_suffix (path, ".ics"), ==, 2);
  g_assert_cmpuint (count_suffix (path, ".eml"), ==, 2);
  /* Read through this thread's own connection: all sent; the other
   * session's customer is still owed hers. */
  g_assert_cmpuint (n_pending (f, session), ==, 0);
  g_assert_cmpuint (n_pending (f, other), ==, 1);

  /* Nothing more to write. */
  atelier_export_invites_async (f->base.path, session, folder, NULL, on_done_cb, &waiter);
  g_assert_true (atelier_export_invites_finish (wait_for (&waiter), &n_written, &error));
  g_assert_no_error (error);
  g_clear_object (&waiter.result);
  g_assert_cmpuint (n_written, ==, 0);
  g_assert_cmpuint (count_suffix (path, ".ics"), ==, 2);
}

static void
test_invites_no_organizer (Fixture       *f,
                           gconstpointer  data)
{
  gint64 session = session_with_invites (f);
  g_autoptr(GFile) folder = file_in_test_dir (f, "invites", NULL);
  g_autofree char *path = g_file_get_path (folder);
  g_autoptr(GError) error = NULL;
  Waiter waiter = { NULL };
  guint n_written = 99;

  g_assert_true (atelier_settings_write (f->base.store, "organizer", "", &error));
  g_assert_no_error (error);

  atelier_export_invites_async (f->base.path, session, folder, NULL, on_done_cb, &waiter);
  g_assert_false (atelier_export_invites_finish (wait_for (&waiter), &n_written, &error));
  g_clear_object (&waiter.result);
  g_assert_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ORGANIZER);
  g_assert_true (atelier_export_is_no_organizer_error (error));
  g_assert_cmpuint (n_written, ==, 0);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_pending (f, session), ==, 2);
}

static void
test_invites_unwritable (Fixture       *f,
                         gconstpointer  data)
{
  gint64 session = session_with_invites (f);
  g_autoptr(GFile) folder = file_in_test_dir (f, "plain-file", "invites");
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  Waiter waiter = { NULL };
  guint n_written = 99;

  write_regular_file (f, "plain-file");

  atelier_export_invites_async (f->base.path, session, folder, NULL, on_done_cb, &waiter);
  g_assert_false (atelier_export_invites_finish (wait_for (&waiter), &n_written, &error));
  g_clear_object (&waiter.result);
  g_assert_error (error, ATELIER_EXPORT_ERROR, ATELIER_EXPORT_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, "The folder “invites” cannot be written to"));
  g_assert_nonnull (strstr (error->message, "Choose another folder."));
  g_assert_cmpuint (n_written, ==, 0);
  g_assert_cmpuint (n_pending (f, session), ==, 2);

  /* Nothing was left behind. */
  listing = list_folder (f->base.dir);
  g_assert_cmpstr (listing, ==, "plain-file store.db store.db-shm store.db-wal");
}

static void
test_invites_cancelled (Fixture       *f,
                        gconstpointer  data)
{
  gint64 session = session_with_invites (f);
  g_autoptr(GFile) folder = file_in_test_dir (f, "invites", NULL);
  g_autofree char *path = g_file_get_path (folder);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Waiter waiter = { NULL };

  g_cancellable_cancel (cancellable);
  atelier_export_invites_async (f->base.path, session, folder, cancellable, on_done_cb, &waiter);
  g_assert_false (atelier_export_invites_finish (wait_for (&waiter), NULL, &error));
  g_clear_object (&waiter.result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (n_pending (f, session), ==, 2);
}

/* The schedule */

static void
export_feed (Fixture   *f,
             GFile     *file,
             gboolean   expect_ok,
             guint     *n_sessions,
             GError   **error)
{
  g_autoptr(GDateTime) from = g_date_time_new_now_local ();
  g_autoptr(GDateTime) to = g_date_time_add_months (from, 3);
  Waiter waiter = { NULL };

  atelier_export_feed_async (f->base.path, from, to, file, NULL, on_done_cb, &waiter);
  g_assert_cmpint (atelier_export_feed_finish (wait_for (&waiter), n_sessions, error), ==, expect_ok);
  g_clear_object (&waiter.result);
}

static void
test_feed (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GFile) file = file_in_test_dir (f, "schedule.ics", NULL);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *text = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(GError) error = NULL;
  guint n_sessions = 0;

  session_with_invites (f);
  ical_session_in_days (f, 20, 6);
  ical_session_in_days (f, 200, 6);  /* beyond three months */

  /* An older file is replaced whole. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  export_feed (f, file, TRUE, &n_sessions, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_sessions, ==, 2);

  text = read_text_file (path);
  calendar = parse_ical (text, "PUBLISH");
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 2);
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       e != NULL; e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_cmpint (count_properties (e, ICAL_ATTENDEE_PROPERTY), ==, 0);
      g_assert_cmpint (count_properties (e, ICAL_ORGANIZER_PROPERTY), ==, 1);
    }
}

static void
test_feed_no_organizer (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = file_in_test_dir (f, "schedule.ics", NULL);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;

  ical_session_in_days (f, 20, 6);
  g_assert_true (atelier_settings_write (f->base.store, "organizer", NULL, &error));
  g_assert_no_error (error);

  export_feed (f, file, FALSE, NULL, &error);
  g_assert_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ORGANIZER);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_feed_unwritable (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = file_in_test_dir (f, "plain-file", "schedule.ics");
  g_autoptr(GError) error = NULL;

  ical_session_in_days (f, 20, 6);
  write_regular_file (f, "plain-file");

  export_feed (f, file, FALSE, NULL, &error);
  g_assert_error (error, ATELIER_EXPORT_ERROR, ATELIER_EXPORT_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "The schedule cannot be saved as “schedule.ics”"));
  g_assert_nonnull (strstr (error->message, "Choose another folder or name."));
}

/* The session page */

/* The "Invites" row of the page's details, or NULL */
static AdwActionRow *
find_invites_row (GtkWidget *page)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  test_collect_widgets (page, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_has_css_class (rows->pdata[i], "send-invites"))
      return rows->pdata[i];
  return NULL;
}

static gboolean
invites_row_says (gconstpointer data)
{
  GtkWidget *page = g_object_get_data (G_OBJECT (data), "page");
  AdwActionRow *row = find_invites_row (page);

  return row != NULL
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                       g_object_get_data (G_OBJECT (data), "expected")) == 0;
}

static void
wait_for_invites_row (GtkWidget  *page,
                      const char *expected)
{
  g_autoptr(GObject) data = g_object_new (G_TYPE_OBJECT, NULL);

  g_object_set_data (data, "page", page);
  g_object_set_data (data, "expected", (gpointer) expected);
  wait_until (invites_row_says, data);
}

/* As the application's app.preferences: the store's preferences window,
 * presented. */
static void
on_preferences_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Fixture *f = user_data;

  gtk_window_present (GTK_WINDOW (atelier_preferences_window_new (NULL, f->base.store)));
}

static GtkWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ATELIER_IS_PREFERENCES_WINDOW (window))
        return window;
    }
  return NULL;
}

static void
test_session_page (Fixture       *f,
                   gconstpointer  data)
{
  gint64 session = session_with_invites (f);
  g_autoptr(GFile) folder = file_in_test_dir (f, "invites", NULL);
  g_autofree char *path = g_file_get_path (folder);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *page = atelier_session_page_new (f->base.store, session);

  gtk_window_set_default_size (window, 720, 1000);
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  wait_for_invites_row (page, "2 to send");
  g_assert_true (gtk_widget_is_sensitive (test_find_button (page, "Send _Invites…")));

  /* While it runs, it shows so and cannot be started again: the page
   * reloads at once, before the thread's result can come in. */
  atelier_session_page_save_invites (ATELIER_SESSION_PAGE (page), folder);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (find_invites_row (page))), ==,
                   "Writing invites…");
  g_assert_false (gtk_widget_is_sensitive (test_find_button (page, "Send _Invites…")));

  /* Done in the thread: the page reloads although the store it holds
   * never said "changed". */
  wait_for_invites_row (page, "Nothing to send");
  g_assert_cmpuint (count_suffix (path, ".ics"), ==, 2);
  g_assert_cmpuint (n_pending (f, session), ==, 0);

  gtk_window_destroy (window);
}

static gboolean
message_dialog_shown (gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

/* Errors come back as a dialog that says what to do. */
static void
test_session_page_errors (Fixture       *f,
                          gconstpointer  data)
{
  gint64 session = session_with_invites (f);
  g_autoptr(GFile) folder = file_in_test_dir (f, "plain-file", "invites");
  g_autoptr(GError) error = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *page = atelier_session_page_new (f->base.store, session);
  AdwMessageDialog *dialog = NULL;
  g_autoptr(GSimpleActionGroup) app_actions = NULL;
  g_autoptr(GSimpleAction) preferences = NULL;
  GtkWindow *prefs;
  GtkWidget *focus;
  GtkWidget *organizer;

  write_regular_file (f, "plain-file");
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* A folder that cannot be written to: nothing is sent. */
  atelier_session_page_save_invites (ATELIER_SESSION_PAGE (page), folder);
  wait_until (message_dialog_shown, &dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Invites Not Written");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Choose another folder."));
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = NULL;
  wait_for_invites_row (page, "2 to send");

  /* No organiser: the dialog offers the preferences. */
  g_assert_true (atelier_settings_write (f->base.store, "organizer", NULL, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (page, "session.send-invites", NULL);
  wait_until (message_dialog_shown, &dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Store’s E-mail Address Is Missing");
  g_assert_true (adw_message_dialog_has_response (dialog, "preferences"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "preferences");
  g_assert_cmpuint (n_pending (f, session), ==, 2);

  /* "Open Preferences" opens them on the e-mail address. */
  app_actions = g_simple_action_group_new ();
  preferences = g_simple_action_new ("preferences", NULL);
  g_signal_connect (preferences, "activate", G_CALLBACK (on_preferences_cb), f);
  g_action_map_add_action (G_ACTION_MAP (app_actions), G_ACTION (preferences));
  gtk_widget_insert_action_group (GTK_WIDGET (window), "app", G_ACTION_GROUP (app_actions));
  adw_message_dialog_response (dialog, "preferences");
  prefs = find_preferences ();
  g_assert_nonnull (prefs);
  focus = gtk_window_get_focus (prefs);
  organizer = atelier_preferences_window_get_row (ATELIER_PREFERENCES_WINDOW (prefs), ATELIER_SETTING_ORGANIZER);
  g_assert_nonnull (focus);
  g_assert_true (focus == organizer || gtk_widget_is_ancestor (focus, organizer));

  gtk_window_destroy (prefs);
  gtk_window_destroy (window);
}

/* The main window's "Export Schedule…", after the file chooser. The
 * file is written in a thread: it is there before it is whole. */
static gboolean
file_written (gconstpointer data)
{
  g_autofree char *text = NULL;

  return g_file_get_contents (data, &text, NULL, NULL) &&
         g_str_has_suffix (text, "END:VCALENDAR\r\n");
}

static void
test_window_schedule (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = file_in_test_dir (f, "schedule.ics", NULL);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *text = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  AtelierWindow *window;

  ical_session_in_days (f, 5, 6);
  window = atelier_window_new (NULL, f->base.store);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  atelier_window_export_schedule (window, file);
  wait_until (file_written, path);

  text = read_text_file (path);
  calendar = parse_ical (text, "PUBLISH");
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display for the export tests\n");
      return 0;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/export/invites", test_invites);
  ADD_TEST ("/atelier/export/invites-no-organizer", test_invites_no_organizer);
  ADD_TEST ("/atelier/export/invites-unwritable", test_invites_unwritable);
  ADD_TEST ("/atelier/export/invites-cancelled", test_invites_cancelled);
  ADD_TEST ("/atelier/export/feed", test_feed);
  ADD_TEST ("/atelier/export/feed-no-organizer", test_feed_no_organizer);
  ADD_TEST ("/atelier/export/feed-unwritable", test_feed_unwritable);
  ADD_TEST ("/atelier/export/session-page", test_session_page);
  ADD_TEST ("/atelier/export/session-page-errors", test_session_page_errors);
  ADD_TEST ("/atelier/export/window-schedule", test_window_schedule);

#undef ADD_TEST

  return g_test_run ();
}
