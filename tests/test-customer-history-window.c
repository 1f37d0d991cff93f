/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-customer-history-window.c: every class of one customer, in a
 * window built alone with a store */
#define G_LOG_DOMAIN "test-customer-history-window"

#include "config.h"

#include <adwaita.h>

#include "atelier-customer-history-window.h"
#include "atelier-history.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  TestStore        store;
  gint64           workshop_id;
  AtelierCustomer *customer;
  GtkWidget       *window;
} Fixture;

static gint64
add_class (Fixture  *fixture,
           int       days,
           gboolean  checked_in)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (fixture->workshop_id, starts, ends, "Europe/Paris");
  g_autoptr(AtelierRegistration) registration = NULL;

  g_object_set (session, "capacity", 10, NULL);
  g_assert_true (atelier_store_add_session (fixture->store.store, session, NULL));
  registration = atelier_registration_new (atelier_session_get_id (session),
                                           atelier_customer_get_id (fixture->customer), 1);
  g_object_set (registration,
                "status", ATELIER_REGISTRATION_CONFIRMED,
                "checked-in-at", checked_in ? g_get_real_time () / G_USEC_PER_SEC : (gint64) 0,
                NULL);
  g_assert_true (atelier_store_add_registration (fixture->store.store, registration, NULL));
  return atelier_session_get_id (session);
}

static void
iterate (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkListView *
find_list_view (Fixture *fixture)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  test_collect_widgets (fixture->window, GTK_TYPE_LIST_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  g_assert_cmpstr (gtk_widget_get_name (views->pdata[0]), ==, "history-list");
  return views->pdata[0];
}

static gint64
session_at (Fixture *fixture,
            guint    position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (find_list_view (fixture)));
  g_autoptr(AtelierHistoryEntry) entry = g_list_model_get_item (model, position);

  return atelier_session_get_id (atelier_history_entry_get_session (entry));
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes");

  test_store_setup (&fixture->store, data);
  g_assert_true (atelier_store_add_workshop (fixture->store.store, workshop, NULL));
  fixture->workshop_id = atelier_workshop_get_id (workshop);
  fixture->customer = atelier_customer_new ("Zoé", "Martin");
  g_assert_true (atelier_store_add_customer (fixture->store.store, fixture->customer, NULL));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->customer);
  test_store_teardown (&fixture->store, data);
}

static void
show_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->window = atelier_customer_history_window_new (fixture->store.store, fixture->customer);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
  g_assert_true (atelier_customer_history_window_reload (ATELIER_CUSTOMER_HISTORY_WINDOW (fixture->window),
                                                         &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (fixture->window);
}

/* Newest first: what is ahead, then what is past; titled with the name */
static void
test_newest_first (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 old = add_class (fixture, -10, TRUE);
  gint64 ahead = add_class (fixture, 5, FALSE);
  gint64 recent = add_class (fixture, -2, FALSE);

  show_window (fixture);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Classes");
  g_assert_nonnull (test_find_label (fixture->window, "Zoé Martin"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (find_list_view (fixture)))),
                    ==, 3);
  g_assert_cmpint (session_at (fixture, 0), ==, ahead);
  g_assert_cmpint (session_at (fixture, 1), ==, recent);
  g_assert_cmpint (session_at (fixture, 2), ==, old);
  /* The rows say what became of each */
  g_assert_nonnull (test_find_label (fixture->window, "Confirmed"));
  g_assert_nonnull (test_find_label (fixture->window, "Missed"));
  g_assert_nonnull (test_find_label (fixture->window, "Attended"));
}

static void
on_session_activated_cb (AtelierCustomerHistoryWindow *window,
                         gint64                        session_id,
                         gint64                       *activated)
{
  *activated = session_id;
}

/* A class picked says its session and closes the window. */
static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 past = add_class (fixture, -3, TRUE);
  gint64 activated = 0;

  add_class (fixture, 4, FALSE);
  show_window (fixture);
  g_signal_connect (fixture->window, "session-activated", G_CALLBACK (on_session_activated_cb), &activated);
  g_signal_emit_by_name (find_list_view (fixture), "activate", 1);
  iterate ();
  g_assert_cmpint (activated, ==, past);
  g_assert_null (fixture->window);
}

/* Read again, it shows what happened since. */
static void
test_reload (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 later;

  add_class (fixture, -3, TRUE);
  show_window (fixture);
  later = add_class (fixture, 8, FALSE);
  g_assert_true (atelier_customer_history_window_reload (ATELIER_CUSTOMER_HISTORY_WINDOW (fixture->window),
                                                         NULL));
  g_assert_cmpint (session_at (fixture, 0), ==, later);
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

  ADD_TEST ("/atelier/customer-history-window/newest-first", test_newest_first);
  ADD_TEST ("/atelier/customer-history-window/activate", test_activate);
  ADD_TEST ("/atelier/customer-history-window/reload", test_reload);

  return g_test_run ();
}
