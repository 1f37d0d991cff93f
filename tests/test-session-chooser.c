/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session-chooser.c: the shared chooser of sessions open to sign-ups,
 * built alone with a store */
#define G_LOG_DOMAIN "test-session-chooser"

#include "config.h"

#include <adwaita.h>

#include "atelier-booking.h"
#include "atelier-session-chooser.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  TestStore              store;
  gint64                 workshop_id;
  GtkWindow             *window;
  AtelierSessionChooser *chooser;
} Fixture;

/* A session starting @hours from now, for two hours */
static gint64
add_session (Fixture *fixture,
             int      hours)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_hours (now, hours);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (fixture->workshop_id, starts, ends, "Europe/Paris");
  g_autoptr(GError) error = NULL;

  g_object_set (session, "capacity", 4, NULL);
  g_assert_true (atelier_store_add_session (fixture->store.store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static gint64
add_customer (Fixture    *fixture,
              const char *given_name)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, "Martin");

  g_assert_true (atelier_store_add_customer (fixture->store.store, customer, NULL));
  return atelier_customer_get_id (customer);
}

static void
sign_up (Fixture *fixture,
         gint64   session_id,
         gint64   customer_id)
{
  g_autoptr(AtelierCustomer) customer = atelier_store_get_customer (fixture->store.store, customer_id, NULL);
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  registration = atelier_booking_sign_up (fixture->store.store, session_id, customer, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (registration);
}

static void
iterate (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static void
show_chooser (Fixture *fixture,
              gint64   except_session_id)
{
  fixture->chooser = ATELIER_SESSION_CHOOSER (atelier_session_chooser_new (fixture->store.store,
                                                                           except_session_id));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 480, 480);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->chooser));
  gtk_window_present (fixture->window);
  iterate ();
}

static GtkListView *
find_list_view (Fixture *fixture)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (fixture->chooser), GTK_TYPE_LIST_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  return views->pdata[0];
}

/* The ids of the sessions listed, in order, space-separated */
static char *
listed_ids (Fixture *fixture)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (find_list_view (fixture)));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", atelier_session_get_id (session));
    }
  return g_string_free (text, FALSE);
}

/* Every label shown under the list, one a line, "-" before those that
 * cannot be picked */
static char *
shown_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  test_collect_widgets (GTK_WIDGET (find_list_view (fixture)), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (labels->pdata[i]))
      g_string_append_printf (text, "%s%s\n", gtk_widget_is_sensitive (labels->pdata[i]) ? "" : "-",
                              gtk_label_get_text (labels->pdata[i]));
  return g_string_free (text, FALSE);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes");

  test_store_setup (&fixture->store, data);
  g_object_set (workshop, "capacity", 4, "duration-minutes", 120, NULL);
  g_assert_true (atelier_store_add_workshop (fixture->store.store, workshop, NULL));
  fixture->workshop_id = atelier_workshop_get_id (workshop);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  iterate ();
  test_store_teardown (&fixture->store, data);
}

/* Only what accepts sign-ups: not the past, not a session under way, not
 * a cancelled one; soonest first; the session left out stays out. */
static void
test_lists_open_sessions (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 later = add_session (fixture, 72);
  gint64 soon = add_session (fixture, 3);
  gint64 cancelled = add_session (fixture, 24);
  gint64 moving_from = add_session (fixture, 48);
  g_autofree char *ids = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *rows = NULL;
  g_autoptr(GError) error = NULL;

  add_session (fixture, -48);
  add_session (fixture, -1);
  g_assert_true (atelier_booking_cancel_session (fixture->store.store, cancelled, &error));
  g_assert_no_error (error);

  show_chooser (fixture, moving_from);
  g_assert_cmpuint (atelier_session_chooser_get_n_sessions (fixture->chooser), ==, 2);
  ids = listed_ids (fixture);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, soon, later);
  g_assert_cmpstr (ids, ==, expected);
  g_assert_null (atelier_session_chooser_get_selected_session (fixture->chooser));

  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  rows = shown_rows (fixture);
  g_assert_true (g_str_has_prefix (rows, "Risotto aux cèpes\n"));
  g_assert_true (g_str_has_suffix (rows, " · 4 seats free\n"));
  g_assert_null (strstr (rows, "-"));
}

/* Without a session left out, every open session is there. */
static void
test_except_none (Fixture       *fixture,
                  gconstpointer  data)
{
  add_session (fixture, 3);
  add_session (fixture, 48);

  show_chooser (fixture, 0);
  g_assert_cmpuint (atelier_session_chooser_get_n_sessions (fixture->chooser), ==, 2);
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
on_activated_cb (AtelierSessionChooser *chooser,
                 AtelierSession        *session,
                 gint64                *activated)
{
  *activated = atelier_session_get_id (session);
}

/* Picking a row sets selected-session; Enter or a double click says
 * session-activated; a session the customer has cannot be picked. */
static void
test_select_and_activate (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 taken = add_session (fixture, 3);
  gint64 open = add_session (fixture, 48);
  gint64 zoe = add_customer (fixture, "Zoé");
  GtkSingleSelection *selection;
  gint64 activated = 0;
  guint notified = 0;
  g_autofree char *rows = NULL;

  sign_up (fixture, taken, zoe);
  show_chooser (fixture, 0);
  atelier_session_chooser_set_customer_id (fixture->chooser, zoe);
  g_assert_cmpint (atelier_session_chooser_get_customer_id (fixture->chooser), ==, zoe);
  g_signal_connect (fixture->chooser, "notify::selected-session", G_CALLBACK (on_notify_cb), &notified);
  g_signal_connect (fixture->chooser, "session-activated", G_CALLBACK (on_activated_cb), &activated);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));

  /* Theirs already: listed, greyed, never picked */
  rows = shown_rows (fixture);
  g_assert_true (g_str_has_prefix (rows, "-Risotto aux cèpes\n-"));
  g_assert_nonnull (strstr (rows, " · signed up already\nRisotto aux cèpes\n"));
  g_assert_true (g_str_has_suffix (rows, " · 4 seats free\n"));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (find_list_view (fixture)));
  gtk_single_selection_set_selected (selection, 0);
  g_assert_null (atelier_session_chooser_get_selected_session (fixture->chooser));
  g_signal_emit_by_name (find_list_view (fixture), "activate", 0);
  g_assert_cmpint (activated, ==, 0);

  gtk_single_selection_set_selected (selection, 1);
  g_assert_cmpuint (notified, >, 0);
  g_assert_nonnull (atelier_session_chooser_get_selected_session (fixture->chooser));
  g_assert_cmpint (atelier_session_get_id (atelier_session_chooser_get_selected_session (fixture->chooser)),
                   ==, open);

  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_emit_by_name (find_list_view (fixture), "activate", 1);
  g_assert_cmpint (activated, ==, open);
  g_assert_cmpint (atelier_session_get_id (atelier_session_chooser_get_selected_session (fixture->chooser)),
                   ==, open);
}

/* Nothing open: the chooser says so instead of an empty list; a reload
 * finds what was planned meanwhile. */
static void
test_empty_then_reload (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *stack;
  gint64 planned;

  add_session (fixture, -3);
  show_chooser (fixture, 0);
  g_assert_cmpuint (atelier_session_chooser_get_n_sessions (fixture->chooser), ==, 0);
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->chooser), "No Session Open"));
  stack = gtk_widget_get_first_child (GTK_WIDGET (fixture->chooser));
  g_assert_true (GTK_IS_STACK (stack));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");

  planned = add_session (fixture, 5);
  atelier_session_chooser_reload (fixture->chooser);
  g_assert_cmpuint (atelier_session_chooser_get_n_sessions (fixture->chooser), ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "sessions");
  {
    g_autofree char *ids = listed_ids (fixture);
    g_autofree char *expected = g_strdup_printf ("%" G_GINT64_FORMAT, planned);

    g_assert_cmpstr (ids, ==, expected);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/session-chooser/lists-open-sessions", test_lists_open_sessions);
  ADD_TEST ("/atelier/session-chooser/except-none", test_except_none);
  ADD_TEST ("/atelier/session-chooser/select-and-activate", test_select_and_activate);
  ADD_TEST ("/atelier/session-chooser/empty-then-reload", test_empty_then_reload);

  return g_test_run ();
}
