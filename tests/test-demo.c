/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-demo.c: the demo programme is believable and refuses a store in use */
#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include "atelier-demo.h"
#include "atelier-settings.h"
#include "test-util.h"

static GDateTime *
demo_now (void)
{
  return g_date_time_new_from_iso8601 ("2026-11-23T15:00:00+01:00", NULL);
}

static void
fill (TestStore *fixture)
{
  g_autoptr(GDateTime) now = demo_now ();
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_demo_fill (fixture->store, now, &error));
  g_assert_no_error (error);
}

static void
test_demo_workshops (TestStore *fixture, gconstpointer data)
{
  g_autoptr(GListModel) workshops = NULL;
  g_autoptr(GHashTable) hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean risotto = FALSE;
  guint n;

  fill (fixture);
  workshops = atelier_store_list_workshops (fixture->store, NULL);
  n = g_list_model_get_n_items (workshops);
  g_assert_cmpuint (n, >=, 5);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierWorkshop) w = g_list_model_get_item (workshops, i);

      risotto |= g_strcmp0 (atelier_workshop_get_title (w), "Risotto aux cèpes") == 0;
      g_hash_table_add (hosts, g_strdup (atelier_workshop_get_host (w)));
      g_assert_cmpint (atelier_workshop_get_capacity (w), >, 0);
      g_assert_cmpint (atelier_workshop_get_price_cents (w), >, 0);
      g_assert_cmpstr (atelier_workshop_get_description (w), !=, "");
    }
  g_assert_true (risotto);
  g_assert_cmpuint (g_hash_table_size (hosts), >=, 5);
}

/* Checks the booking invariants of one session and counts what the demo
 * must show somewhere. */
typedef struct
{
  guint past;
  guint upcoming;
  guint full;
  guint with_waiting_list;
  guint check_ins;
  guint no_shows;
} DemoCounts;

static void
check_session (TestStore      *fixture,
               AtelierSession *session,
               gint64          now,
               DemoCounts     *counts)
{
  g_autoptr(GListModel) roster =
    atelier_store_list_registrations (fixture->store, atelier_session_get_id (session), NULL);
  gboolean past = atelier_session_get_ends_at (session) < now;
  int confirmed_seats = 0;
  int next_position = 1;

  g_assert_cmpstr (atelier_session_get_time_zone (session), ==, "Europe/Paris");
  g_assert_cmpint (atelier_session_get_starts_at (session), >=, now - 31 * 86400);
  g_assert_cmpint (atelier_session_get_starts_at (session), <=, now + 61 * 86400);

  for (guint i = 0; i < g_list_model_get_n_items (roster); i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (roster, i);
      const char *status = atelier_registration_get_status (r);

      if (g_str_equal (status, ATELIER_REGISTRATION_CONFIRMED))
        {
          confirmed_seats += atelier_registration_get_party_size (r);
          if (past && atelier_registration_get_checked_in_at (r) != 0)
            counts->check_ins++;
          else if (past)
            counts->no_shows++;
          else
            g_assert_cmpint (atelier_registration_get_checked_in_at (r), ==, 0);
        }
      else if (g_str_equal (status, ATELIER_REGISTRATION_WAITLISTED))
        g_assert_cmpint (atelier_registration_get_waitlist_position (r), ==, next_position++);
    }

  g_assert_cmpint (confirmed_seats, ==, atelier_session_get_seats_taken (session));
  g_assert_cmpint (confirmed_seats, <=, atelier_session_get_capacity (session));
  counts->past += past;
  counts->upcoming += !past;
  counts->full += confirmed_seats == atelier_session_get_capacity (session);
  counts->with_waiting_list += next_position > 1;
}

static void
test_demo_sessions (TestStore *fixture, gconstpointer data)
{
  g_autoptr(GDateTime) now = demo_now ();
  g_autoptr(GListModel) sessions = NULL;
  DemoCounts counts = { 0 };
  guint n;

  fill (fixture);
  sessions = atelier_store_list_sessions (fixture->store, NULL, NULL, NULL);
  n = g_list_model_get_n_items (sessions);
  g_assert_cmpuint (n, >=, 20);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierSession) s = g_list_model_get_item (sessions, i);
      check_session (fixture, s, g_date_time_to_unix (now), &counts);
    }

  g_assert_cmpuint (counts.past, >=, 5);
  g_assert_cmpuint (counts.upcoming, >=, 10);
  g_assert_cmpuint (counts.full, >=, 2);
  g_assert_cmpuint (counts.with_waiting_list, >=, 1);
  g_assert_cmpuint (counts.check_ins, >=, 10);
  g_assert_cmpuint (counts.no_shows, >=, 1);
}

/* The store's zone is the demo sessions' own, unless it had one. */
static void
test_demo_time_zone (TestStore *fixture, gconstpointer data)
{
  g_autoptr(GDateTime) now = demo_now ();
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(AtelierSession) first = NULL;
  g_autoptr(GError) error = NULL;
  TestStore other;

  fill (fixture);
  settings = atelier_settings_load (fixture->store, &error);
  g_assert_no_error (error);
  sessions = atelier_store_list_sessions (fixture->store, NULL, NULL, NULL);
  first = g_list_model_get_item (sessions, 0);
  g_assert_cmpstr (atelier_settings_get_time_zone (settings), ==, atelier_session_get_time_zone (first));
  g_clear_object (&settings);
  /* Written, not the computer's zone by default (which the tests fix). */
  g_assert_cmpstr (test_query_text (fixture->store, "SELECT value FROM settings WHERE key = 'time-zone'"),
                   ==, atelier_session_get_time_zone (first));

  test_store_setup (&other, NULL);
  g_assert_true (atelier_settings_write (other.store, ATELIER_SETTING_TIME_ZONE, "America/Montreal", &error));
  g_assert_true (atelier_demo_fill (other.store, now, &error));
  g_assert_no_error (error);
  settings = atelier_settings_load (other.store, &error);
  g_assert_cmpstr (atelier_settings_get_time_zone (settings), ==, "America/Montreal");
  test_store_teardown (&other, NULL);
}

/* The demo shop sends its own invites, from a domain that reaches nobody,
 * unless the store has a name and an address of its own. */
static void
test_demo_identity (TestStore *fixture, gconstpointer data)
{
  g_autoptr(GDateTime) now = demo_now ();
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  TestStore other;

  fill (fixture);
  settings = atelier_settings_load (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_true (atelier_settings_check_can_invite (settings, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (atelier_settings_get (settings, ATELIER_SETTING_ORGANIZER), ".example"));
  g_assert_cmpstr (atelier_settings_get (settings, ATELIER_SETTING_STORE_NAME), !=, "");
  g_clear_object (&settings);

  test_store_setup (&other, NULL);
  g_assert_true (atelier_settings_write (other.store, ATELIER_SETTING_ORGANIZER, "shop@example.org", &error));
  g_assert_true (atelier_settings_write (other.store, ATELIER_SETTING_STORE_NAME, "Chez Nous", &error));
  g_assert_true (atelier_demo_fill (other.store, now, &error));
  g_assert_no_error (error);
  settings = atelier_settings_load (other.store, &error);
  g_assert_cmpstr (atelier_settings_get (settings, ATELIER_SETTING_ORGANIZER), ==, "shop@example.org");
  g_assert_cmpstr (atelier_settings_get (settings, ATELIER_SETTING_STORE_NAME), ==, "Chez Nous");
  g_clear_object (&settings);
  test_store_teardown (&other, NULL);
}

static void
test_demo_customers (TestStore *fixture, gconstpointer data)
{
  g_autoptr(GListModel) customers = NULL;
  gboolean accented = FALSE, non_latin = FALSE;
  guint n;

  fill (fixture);
  customers = atelier_store_list_customers (fixture->store, NULL);
  n = g_list_model_get_n_items (customers);
  g_assert_cmpuint (n, >=, 55);
  g_assert_cmpuint (n, <=, 70);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierCustomer) c = g_list_model_get_item (customers, i);
      g_autofree char *name = atelier_customer_dup_full_name (c);
      const char *email = atelier_customer_get_email (c);

      g_assert_true (g_utf8_validate (name, -1, NULL));
      accented |= g_strcmp0 (name, "Zoé Martin") == 0;
      non_latin |= g_strcmp0 (atelier_customer_get_family_name (c), "王") == 0;
      if (email != NULL)
        g_assert_true (g_str_is_ascii (email) && strchr (email, '@') != NULL);
    }
  g_assert_true (accented);
  g_assert_true (non_latin);
}

static void
test_demo_same_now_same_store (void)
{
  TestStore a = { 0 }, b = { 0 };
  g_autoptr(GListModel) sa = NULL;
  g_autoptr(GListModel) sb = NULL;

  test_store_setup (&a, NULL);
  test_store_setup (&b, NULL);
  fill (&a);
  fill (&b);
  sa = atelier_store_list_sessions (a.store, NULL, NULL, NULL);
  sb = atelier_store_list_sessions (b.store, NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (sa), ==, g_list_model_get_n_items (sb));
  for (guint i = 0; i < g_list_model_get_n_items (sa); i++)
    {
      g_autoptr(AtelierSession) x = g_list_model_get_item (sa, i);
      g_autoptr(AtelierSession) y = g_list_model_get_item (sb, i);

      g_assert_cmpint (atelier_session_get_starts_at (x), ==, atelier_session_get_starts_at (y));
      g_assert_cmpint (atelier_session_get_seats_taken (x), ==, atelier_session_get_seats_taken (y));
    }
  test_store_teardown (&a, NULL);
  test_store_teardown (&b, NULL);
}

static void
test_demo_refuses_non_empty (TestStore *fixture, gconstpointer data)
{
  g_autoptr(GDateTime) now = demo_now ();
  g_autoptr(AtelierCustomer) customer = atelier_customer_new ("Hugo", "Moreau");
  g_autoptr(GListModel) workshops = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_store_add_customer (fixture->store, customer, NULL));
  g_assert_false (atelier_demo_fill (fixture->store, now, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_EMPTY);
  workshops = atelier_store_list_workshops (fixture->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 0);
  g_assert_cmpstr (test_query_text (fixture->store, "SELECT count(*) FROM customers"), ==, "1");
  g_clear_error (&error);

  /* A filled store is refused the second time, and keeps its data. */
  g_assert_true (atelier_store_delete_customer (fixture->store, atelier_customer_get_id (customer), NULL));
  fill (fixture);
  g_assert_false (atelier_demo_fill (fixture->store, now, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_EMPTY);
  g_clear_object (&workshops);
  workshops = atelier_store_list_workshops (fixture->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 6);
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

  g_test_add ("/atelier/demo/workshops", TestStore, NULL, test_store_setup,
              test_demo_workshops, test_store_teardown);
  g_test_add ("/atelier/demo/sessions", TestStore, NULL, test_store_setup,
              test_demo_sessions, test_store_teardown);
  g_test_add ("/atelier/demo/time-zone", TestStore, NULL, test_store_setup,
              test_demo_time_zone, test_store_teardown);
  g_test_add ("/atelier/demo/identity", TestStore, NULL, test_store_setup,
              test_demo_identity, test_store_teardown);
  g_test_add ("/atelier/demo/customers", TestStore, NULL, test_store_setup,
              test_demo_customers, test_store_teardown);
  g_test_add_func ("/atelier/demo/deterministic", test_demo_same_now_same_store);
  g_test_add ("/atelier/demo/refuses-non-empty", TestStore, NULL, test_store_setup,
              test_demo_refuses_non_empty, test_store_teardown);

  return g_test_run ();
}
