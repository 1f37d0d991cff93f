/* test-window.c: the main window lists the store's upcoming sessions */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <adwaita.h>

#include "atelier-demo.h"
#include "atelier-session-row.h"
#include "atelier-window.h"
#include "test-util.h"

/* How long a test waits for the window to catch up with the store. */
#define WAIT_TIMEOUT_SECONDS 10

typedef struct
{
  TestStore      store;
  AtelierWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_store_setup (&fixture->store, data);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  test_store_teardown (&fixture->store, data);
}

/* Widget tree helpers */

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, found);
  g_assert_cmpuint (found->len, >=, 1);
  return found->pdata[0];
}

/* The texts of a widget's visible labels, in tree order, joined by "|". */
static char *
visible_label_texts (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GString) texts = g_string_new ("");

  collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = labels->pdata[i];

      if (!gtk_widget_get_visible (label))
        continue;
      if (texts->len > 0)
        g_string_append_c (texts, '|');
      g_string_append (texts, gtk_label_get_label (GTK_LABEL (label)));
    }

  return g_string_free (g_steal_pointer (&texts), FALSE);
}

static GListModel *
list_view_model (AtelierWindow *window)
{
  GtkWidget *list_view = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
}

/* The window's main stack, the one with a "sessions" page (the popover
 * menu has a stack too). */
static GtkStack *
find_main_stack (AtelierWindow *window)
{
  g_autoptr(GPtrArray) stacks = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (window), GTK_TYPE_STACK, stacks);
  for (guint i = 0; i < stacks->len; i++)
    if (gtk_stack_get_child_by_name (stacks->pdata[i], "sessions") != NULL)
      return stacks->pdata[i];

  g_error ("The window has no stack with a sessions page");
  return NULL;
}

static const char *
visible_page (AtelierWindow *window)
{
  GtkStack *stack = find_main_stack (window);

  return gtk_stack_get_visible_child_name (stack);
}

static AdwStatusPage *
visible_status_page (AtelierWindow *window)
{
  GtkWidget *child = gtk_stack_get_visible_child (find_main_stack (window));

  g_assert_true (ADW_IS_STATUS_PAGE (child));
  return ADW_STATUS_PAGE (child);
}

static void
show_window (Fixture *fixture)
{
  fixture->window = atelier_window_new (NULL, fixture->store.store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 720, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (Fixture *fixture, gconstpointer data);

/* Runs the main loop until @condition holds, failing after a while. */
static void
wait_until (Fixture       *fixture,
            Condition      condition,
            gconstpointer  data)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!condition (fixture, data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);

  g_assert_true (condition (fixture, data));
}

static gboolean
has_n_items (Fixture       *fixture,
             gconstpointer  data)
{
  GListModel *model = list_view_model (fixture->window);

  return g_list_model_get_n_items (model) == GPOINTER_TO_UINT (data);
}

/* Waits until the list holds @n_items, then for one more frame so that
 * the rows are bound and drawn. */
static void
wait_for_n_items (Fixture *fixture,
                  guint    n_items)
{
  wait_until (fixture, has_n_items, GUINT_TO_POINTER (n_items));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

/* The row showing the session @id, which must be realized. */
static GtkWidget *
row_for_session (AtelierWindow *window,
                 gint64         id)
{
  GtkWidget *list_view = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_widgets (list_view, ATELIER_TYPE_SESSION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AtelierSession *session = atelier_session_row_get_session (rows->pdata[i]);

      if (session != NULL && atelier_session_get_id (session) == id)
        {
          g_assert_true (gtk_widget_get_realized (rows->pdata[i]));
          return rows->pdata[i];
        }
    }

  g_error ("No row shows session %" G_GINT64_FORMAT, id);
  return NULL;
}

/* Store helpers */

static gint64
add_workshop (AtelierStore *store,
              const char   *title)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "capacity", 10, "duration-minutes", 120, NULL);
  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
  return atelier_workshop_get_id (workshop);
}

/* A two-hour session starting @hours from now (rounded to the hour) */
static gint64
add_session (AtelierStore *store,
             gint64        workshop_id,
             int           hours,
             const char   *zone,
             int           capacity,
             const char   *status)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) hour = g_date_time_new_utc (g_date_time_get_year (now),
                                                   g_date_time_get_month (now),
                                                   g_date_time_get_day_of_month (now),
                                                   g_date_time_get_hour (now), 0, 0);
  g_autoptr(GDateTime) starts = g_date_time_add_hours (hour, hours);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (workshop_id, starts, ends, zone);
  g_autoptr(GError) error = NULL;

  g_object_set (session,
                "capacity", capacity,
                "place", "Kitchen",
                "status", status,
                NULL);
  g_assert_true (atelier_store_add_session (store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static void
add_registration (AtelierStore *store,
                  gint64        session_id,
                  const char   *given_name,
                  int           party_size,
                  int           waitlist_position)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, "Test");
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_store_add_customer (store, customer, &error));
  g_assert_no_error (error);

  registration = atelier_registration_new (session_id, atelier_customer_get_id (customer),
                                           party_size);
  if (waitlist_position > 0)
    g_object_set (registration,
                  "status", ATELIER_REGISTRATION_WAITLISTED,
                  "waitlist-position", waitlist_position,
                  NULL);
  g_assert_true (atelier_store_add_registration (store, registration, &error));
  g_assert_no_error (error);
}

static void
assert_model_ids (GListModel   *model,
                  const gint64 *ids,
                  guint         n_ids)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (model, i);

      g_assert_true (ATELIER_IS_SESSION (session));
      g_assert_cmpint (atelier_session_get_id (session), ==, ids[i]);
    }
}

/* The upcoming scheduled sessions, as the window should list them. */
static GArray *
expected_upcoming_ids (AtelierStore *store)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GListModel) sessions = atelier_store_list_sessions (store, now, NULL, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_nonnull (sessions);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (sessions, i);
      gint64 id = atelier_session_get_id (session);

      if (!atelier_session_is_cancelled (session))
        g_array_append_val (ids, id);
    }

  return ids;
}

/* Tests */

static void
test_window_upcoming (Fixture       *fixture,
                      gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 risotto = add_workshop (store, "Risotto aux cèpes");
  gint64 wine = add_workshop (store, "Vins de Loire");
  gint64 ids[3];
  g_autofree char *texts = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  /* Written out of order, with a past and a cancelled one among them. */
  ids[2] = add_session (store, wine, 72, "Europe/Paris", 10, ATELIER_SESSION_SCHEDULED);
  add_session (store, risotto, -48, "Europe/Paris", 10, ATELIER_SESSION_SCHEDULED);
  ids[0] = add_session (store, risotto, 24, "America/New_York", 10, ATELIER_SESSION_SCHEDULED);
  add_session (store, wine, 30, "Europe/Paris", 10, ATELIER_SESSION_CANCELLED);
  ids[1] = add_session (store, wine, 48, "Europe/Paris", 2, ATELIER_SESSION_SCHEDULED);

  add_registration (store, ids[0], "Ada", 2, 0);
  add_registration (store, ids[1], "Berthe", 2, 0);
  add_registration (store, ids[1], "Chloé", 1, 1);
  add_registration (store, ids[1], "Dora", 3, 2);

  show_window (fixture);
  g_assert_cmpstr (visible_page (fixture->window), ==, "sessions");
  assert_model_ids (list_view_model (fixture->window), ids, G_N_ELEMENTS (ids));
  assert_model_ids (atelier_window_get_sessions (fixture->window), ids, G_N_ELEMENTS (ids));

  /* The first is shown in its own zone, New York, not in the test's. */
  session = atelier_store_get_session (store, ids[0], NULL);
  start = atelier_session_dup_start (session);
  end = atelier_session_dup_end (session);
  g_assert_cmpstr (g_date_time_get_timezone_abbreviation (start), !=, "CET");
  start_text = g_date_time_format (start, "%A %-d %B, %H:%M");
  end_text = g_date_time_format (end, "–%H:%M");
  expected = g_strconcat ("Risotto aux cèpes|", start_text, end_text, "|Kitchen|2 / 10 seats",
                          NULL);
  texts = visible_label_texts (row_for_session (fixture->window, ids[0]));
  g_assert_cmpstr (texts, ==, expected);
  g_clear_pointer (&texts, g_free);

  /* The second is full and has two parties waiting. */
  texts = visible_label_texts (row_for_session (fixture->window, ids[1]));
  g_assert_true (g_str_has_prefix (texts, "Vins de Loire|"));
  g_assert_true (g_str_has_suffix (texts, "|Kitchen|2 / 2 seats|2 waiting|Full"));
  g_clear_pointer (&texts, g_free);

  texts = visible_label_texts (row_for_session (fixture->window, ids[2]));
  g_assert_true (g_str_has_prefix (texts, "Vins de Loire|"));
  g_assert_true (g_str_has_suffix (texts, "|Kitchen|0 / 10 seats"));
}

static void
test_window_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  AdwStatusPage *page;

  show_window (fixture);

  g_assert_cmpstr (visible_page (fixture->window), ==, "empty");
  page = visible_status_page (fixture->window);
  g_assert_cmpstr (adw_status_page_get_title (page), ==, "No Upcoming Sessions");
  g_assert_cmpstr (adw_status_page_get_icon_name (page), ==, "x-office-calendar-symbolic");
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "atelier-cli demo"));
  g_assert_cmpuint (g_list_model_get_n_items (list_view_model (fixture->window)), ==, 0);
}

static void
test_window_only_past (Fixture       *fixture,
                       gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 workshop = add_workshop (store, "Macarons");

  add_session (store, workshop, -24, "Europe/Paris", 8, ATELIER_SESSION_SCHEDULED);
  add_session (store, workshop, 24, "Europe/Paris", 8, ATELIER_SESSION_CANCELLED);

  show_window (fixture);
  g_assert_cmpstr (visible_page (fixture->window), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (list_view_model (fixture->window)), ==, 0);
}

static gboolean
first_row_shows_three_seats_taken (Fixture       *fixture,
                                   gconstpointer  data)
{
  const gint64 *id = data;
  g_autofree char *texts = visible_label_texts (row_for_session (fixture->window, *id));

  return g_str_has_suffix (texts, "|3 / 8 seats");
}

static void
test_window_updates (Fixture       *fixture,
                     gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 workshop;
  gint64 ids[2];
  gint64 first_row_session;
  g_autofree char *texts = NULL;
  g_autoptr(GError) error = NULL;

  show_window (fixture);
  g_assert_cmpstr (visible_page (fixture->window), ==, "empty");

  workshop = add_workshop (store, "Macarons");
  ids[1] = add_session (store, workshop, 50, "Europe/Paris", 8, ATELIER_SESSION_SCHEDULED);
  wait_for_n_items (fixture, 1);
  g_assert_cmpstr (visible_page (fixture->window), ==, "sessions");
  assert_model_ids (list_view_model (fixture->window), &ids[1], 1);

  /* An earlier one comes first. */
  ids[0] = add_session (store, workshop, 26, "Europe/Paris", 8, ATELIER_SESSION_SCHEDULED);
  wait_for_n_items (fixture, 2);
  assert_model_ids (list_view_model (fixture->window), ids, 2);

  /* A sign-up shows in the seats. */
  texts = visible_label_texts (row_for_session (fixture->window, ids[0]));
  g_assert_true (g_str_has_suffix (texts, "|Kitchen|0 / 8 seats"));
  add_registration (store, ids[0], "Ada", 3, 0);
  first_row_session = ids[0];
  wait_until (fixture, first_row_shows_three_seats_taken, &first_row_session);

  /* A deleted one leaves. */
  g_assert_true (atelier_store_delete_session (store, ids[1], &error));
  g_assert_no_error (error);
  wait_for_n_items (fixture, 1);
  assert_model_ids (list_view_model (fixture->window), ids, 1);
}

static void
test_window_demo (Fixture       *fixture,
                  gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GListModel *model;

  g_assert_true (atelier_demo_fill (store, now, &error));
  g_assert_no_error (error);

  show_window (fixture);
  expected = expected_upcoming_ids (store);
  g_assert_cmpuint (expected->len, >, 0);

  g_assert_cmpstr (visible_page (fixture->window), ==, "sessions");
  model = list_view_model (fixture->window);
  assert_model_ids (model, (const gint64 *) (gpointer) expected->data, expected->len);

  /* The first rows are drawn with their workshop's title. */
  collect_widgets (find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_LIST_VIEW),
                   ATELIER_TYPE_SESSION_ROW, rows);
  g_assert_cmpuint (rows->len, >, 0);
  for (guint i = 0; i < MIN (expected->len, 3); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (model, i);
      GtkWidget *row = row_for_session (fixture->window, atelier_session_get_id (session));
      g_autofree char *texts = visible_label_texts (row);
      g_autofree char *prefix = g_strconcat (atelier_session_get_workshop_title (session), "|",
                                             NULL);

      g_assert_cmpstr (atelier_session_get_workshop_title (session), !=, "");
      g_assert_true (g_str_has_prefix (texts, prefix));
      g_assert_true (gtk_widget_get_mapped (row));
    }
}

static void
test_window_open_error (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  AdwStatusPage *page;

  /* A directory is no store. */
  store = atelier_store_open (fixture->store.dir, &error);
  g_assert_null (store);
  g_assert_nonnull (error);

  fixture->window = atelier_window_new_for_error (NULL, error);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  g_assert_cmpstr (visible_page (fixture->window), ==, "error");
  g_assert_null (atelier_window_get_store (fixture->window));
  page = visible_status_page (fixture->window);
  description = g_markup_escape_text (error->message, -1);
  g_assert_cmpstr (adw_status_page_get_description (page), ==, description);
}

static void
on_parsing_error_cb (GtkCssProvider *provider,
                     GtkCssSection  *section,
                     const GError   *error,
                     gpointer        user_data)
{
  g_autofree char *location = gtk_css_section_to_string (section);

  g_error ("style.css: %s: %s", location, error->message);
}

static void
test_window_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  g_signal_connect (provider, "parsing-error", G_CALLBACK (on_parsing_error_cb), NULL);
  gtk_css_provider_load_from_resource (provider, "/io/github/ateliers/Atelier/style.css");
}

int
main (int   argc,
      char *argv[])
{
  /* Without a display there is nothing to test: skip, as 77 says to
   * autotools-style harnesses. Under --tap, meson (1.0) takes any non-zero
   * status for an error, so say it in TAP and exit 0. */
  if (!gtk_init_check ())
    {
      for (int i = 1; i < argc; i++)
        if (g_strcmp0 (argv[i], "--tap") == 0)
          {
            g_print ("1..0 # SKIP no display for the window tests\n");
            return 0;
          }
      g_printerr ("No display: skipping the window tests\n");
      return 77;
    }
  adw_init ();

  /* Not test_init(): isolated XDG directories would hide the GSettings
   * schemas and icons that GTK and libadwaita look up. */
  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/window/upcoming", test_window_upcoming);
  ADD_TEST ("/atelier/window/empty", test_window_empty);
  ADD_TEST ("/atelier/window/only-past", test_window_only_past);
  ADD_TEST ("/atelier/window/updates", test_window_updates);
  ADD_TEST ("/atelier/window/demo", test_window_demo);
  ADD_TEST ("/atelier/window/open-error", test_window_open_error);
  g_test_add_func ("/atelier/window/style", test_window_style);

#undef ADD_TEST

  return g_test_run ();
}
