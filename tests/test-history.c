/* test-history.c: classes attended, no-shows, upcoming, last visit */
#define G_LOG_DOMAIN "test-history"

#include "config.h"

#include "atelier-history.h"
#include "test-util.h"

static gint64
workshop (TestStore *f, const char *title, const char *category)
{
  g_autoptr(AtelierWorkshop) w = atelier_workshop_new (title);

  g_object_set (w, "capacity", 10, "category", category, NULL);
  g_assert_true (atelier_store_add_workshop (f->store, w, NULL));
  return atelier_workshop_get_id (w);
}

/* A session @days from now; cancelled if asked. */
static gint64
session (TestStore *f, gint64 workshop_id, int days, gboolean cancelled)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) s = atelier_session_new (workshop_id, starts, ends, "Europe/Paris");

  g_object_set (s, "capacity", 10, "status", cancelled ? ATELIER_SESSION_CANCELLED : ATELIER_SESSION_SCHEDULED, NULL);
  g_assert_true (atelier_store_add_session (f->store, s, NULL));
  return atelier_session_get_id (s);
}

static gint64
customer (TestStore *f, const char *name)
{
  g_autoptr(AtelierCustomer) c = atelier_customer_new (name, "Test");

  g_assert_true (atelier_store_add_customer (f->store, c, NULL));
  return atelier_customer_get_id (c);
}

static void
registration (TestStore *f, gint64 session_id, gint64 customer_id, const char *status, gboolean here)
{
  g_autoptr(AtelierRegistration) r = atelier_registration_new (session_id, customer_id, 1);

  g_object_set (r, "status", status, "checked-in-at", here ? (gint64) 1 : (gint64) 0,
                "waitlist-position", g_str_equal (status, ATELIER_REGISTRATION_WAITLISTED) ? 1 : 0, NULL);
  g_assert_true (atelier_store_add_registration (f->store, r, NULL));
}

static void
test_customer_history (TestStore *f, gconstpointer data)
{
  gint64 cuisine = workshop (f, "Risotto", "cuisine");
  gint64 vin = workshop (f, "Vins de Loire", "vin");
  gint64 zoe = customer (f, "Zoé");
  gint64 last = session (f, cuisine, -3, FALSE);
  AtelierCustomerHistory history;
  g_autoptr(AtelierSession) last_session = NULL;
  g_autoptr(GError) error = NULL;

  registration (f, session (f, cuisine, -30, FALSE), zoe, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  registration (f, last, zoe, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  registration (f, session (f, vin, -20, FALSE), zoe, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  registration (f, session (f, vin, -10, FALSE), zoe, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  registration (f, session (f, vin, -5, TRUE), zoe, ATELIER_REGISTRATION_CANCELLED, FALSE);
  registration (f, session (f, cuisine, 4, FALSE), zoe, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  registration (f, session (f, vin, 9, FALSE), zoe, ATELIER_REGISTRATION_WAITLISTED, FALSE);
  registration (f, session (f, vin, 12, TRUE), zoe, ATELIER_REGISTRATION_CANCELLED, FALSE);

  g_assert_true (atelier_history_for_customer (f->store, zoe, &history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (history.attended, ==, 3);
  g_assert_cmpint (history.no_shows, ==, 1);
  g_assert_cmpint (history.upcoming, ==, 2);
  last_session = atelier_store_get_session (f->store, last, NULL);
  g_assert_cmpint (history.last_visit, ==, atelier_session_get_starts_at (last_session));
  g_assert_cmpstr (history.favourite_category, ==, "cuisine");
  atelier_customer_history_clear (&history);

  g_assert_true (atelier_history_for_customer (f->store, customer (f, "Nouveau"), &history, &error));
  g_assert_cmpint (history.attended, ==, 0);
  g_assert_cmpint (history.last_visit, ==, 0);
  g_assert_null (history.favourite_category);
  atelier_customer_history_clear (&history);
}

static void
test_attended_before (TestStore *f, gconstpointer data)
{
  gint64 w = workshop (f, "Macarons", "pâtisserie");
  gint64 today = session (f, w, 0, FALSE);
  gint64 regular = customer (f, "Régulière");
  gint64 first = customer (f, "Première");
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;

  registration (f, session (f, w, -60, FALSE), regular, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  registration (f, session (f, w, -30, FALSE), regular, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  registration (f, session (f, w, -15, FALSE), regular, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  registration (f, today, regular, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  registration (f, today, first, ATELIER_REGISTRATION_CONFIRMED, FALSE);

  counts = atelier_history_attended_before (f->store, today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, &regular)), ==, 2);
  g_assert_false (g_hash_table_contains (counts, &first));
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

  g_test_add ("/atelier/history/customer", TestStore, NULL, test_store_setup,
              test_customer_history, test_store_teardown);
  g_test_add ("/atelier/history/attended-before", TestStore, NULL, test_store_setup,
              test_attended_before, test_store_teardown);

  return g_test_run ();
}
