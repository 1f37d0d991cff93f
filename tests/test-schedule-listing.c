/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-schedule-listing.c: the sessions as the schedule lists them */
#define G_LOG_DOMAIN "test-agenda"

#include "config.h"

#include "atelier-schedule-listing.h"
#include "atelier-booking.h"
#include "test-util.h"

static gint64
add_workshop (AtelierStore *store,
              const char   *title)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "capacity", 4, "duration-minutes", 120, NULL);
  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
  return atelier_workshop_get_id (workshop);
}

/* A session from @start_hours to @end_hours from @now. */
static gint64
add_session (AtelierStore *store,
             gint64        workshop_id,
             GDateTime    *now,
             int           start_hours,
             int           end_hours,
             const char   *status)
{
  g_autoptr(GDateTime) starts = g_date_time_add_hours (now, start_hours);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (now, end_hours);
  g_autoptr(AtelierSession) session = atelier_session_new (workshop_id, starts, ends,
                                                           "Europe/Paris");
  g_autoptr(GError) error = NULL;

  g_object_set (session, "capacity", 4, "place", "Cuisine", "status", status, NULL);
  g_assert_true (atelier_store_add_session (store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static void
sign_up (AtelierStore *store,
         gint64        session_id,
         const char   *name,
         int           party_size)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (name, "Test");
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_store_add_customer (store, customer, &error));
  g_assert_no_error (error);
  registration = atelier_booking_sign_up (store, session_id, customer, party_size, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (registration);
}

static void
assert_ids (GListModel   *model,
            const gint64 *ids,
            guint         n_ids)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (model, i);

      g_assert_cmpint (atelier_session_get_id (session), ==, ids[i]);
    }
}

static gboolean
has_past_or_cancelled (AtelierStore *store,
                       GDateTime    *now)
{
  g_autoptr(GError) error = NULL;
  gboolean has_any = -1;

  g_assert_true (atelier_reschedule_listing_has_past_or_cancelled (store, now, &has_any, &error));
  g_assert_no_error (error);
  return has_any;
}

static void
test_agenda_upcoming (TestStore     *fixture,
                      gconstpointer  data)
{
  AtelierStore *store = fixture->store;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GListModel) upcoming = NULL;
  g_autoptr(AtelierSession) first = NULL;
  g_autoptr(GError) error = NULL;
  gint64 risotto = add_workshop (store, "Risotto");
  gint64 wine = add_workshop (store, "Vins de Loire");
  gint64 expected[3];

  /* Nothing yet: nothing hidden either. */
  g_assert_false (has_past_or_cancelled (store, now));

  /* Written out of order; one under way counts, one that ended does not. */
  expected[2] = add_session (store, wine, now, 72, 74, ATELIER_SESSION_SCHEDULED);
  expected[0] = add_session (store, risotto, now, -1, 1, ATELIER_SESSION_SCHEDULED);
  expected[1] = add_session (store, wine, now, 24, 26, ATELIER_SESSION_SCHEDULED);
  g_assert_false (has_past_or_cancelled (store, now));

  add_session (store, risotto, now, -48, -46, ATELIER_SESSION_SCHEDULED);
  g_assert_true (has_past_or_cancelled (store, now));

  sign_up (store, expected[1], "Ada", 3);
  sign_up (store, expected[1], "Berthe", 2);  /* waits: one seat left */
  sign_up (store, expected[1], "Chloé", 1);

  upcoming = atelier_reschedule_listing_list_upcoming (store, now, 0, &error);
  g_assert_no_error (error);
  assert_ids (upcoming, expected, G_N_ELEMENTS (expected));

  /* What a row shows. */
  first = g_list_model_get_item (upcoming, 0);
  g_assert_cmpstr (atelier_session_get_workshop_title (first), ==, "Risotto");
  g_assert_cmpstr (atelier_session_get_place (first), ==, "Cuisine");
  g_assert_cmpstr (atelier_session_get_time_zone (first), ==, "Europe/Paris");
  g_assert_cmpint (atelier_session_get_capacity (first), ==, 4);
  g_assert_cmpint (atelier_session_get_seats_taken (first), ==, 0);
  g_assert_cmpint (atelier_session_get_waiting_parties (first), ==, 0);
  g_assert_false (atelier_session_is_cancelled (first));
  {
    g_autoptr(AtelierSession) second = g_list_model_get_item (upcoming, 1);

    g_assert_cmpstr (atelier_session_get_workshop_title (second), ==, "Vins de Loire");
    g_assert_cmpint (atelier_session_get_seats_taken (second), ==, 4);
    g_assert_cmpint (atelier_session_get_waiting_parties (second), ==, 1);
  }

  /* Later, the one under way has ended. */
  {
    g_autoptr(GDateTime) later = g_date_time_add_hours (now, 2);
    g_autoptr(GListModel) after = atelier_reschedule_listing_list_upcoming (store, later, 0, &error);

    g_assert_no_error (error);
    assert_ids (after, &expected[1], 2);
  }

  /* The soonest first, as many as asked for. */
  {
    g_autoptr(GListModel) soonest = atelier_reschedule_listing_list_upcoming (store, now, 2, &error);

    g_assert_no_error (error);
    assert_ids (soonest, expected, 2);
  }
}

static void
test_agenda_cancelled (TestStore     *fixture,
                       gconstpointer  data)
{
  AtelierStore *store = fixture->store;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GListModel) upcoming = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 workshop = add_workshop (store, "Macarons");
  gint64 every[3];

  every[0] = add_session (store, workshop, now, -30, -28, ATELIER_SESSION_SCHEDULED);
  every[1] = add_session (store, workshop, now, 24, 26, ATELIER_SESSION_SCHEDULED);
  every[2] = add_session (store, workshop, now, 48, 50, ATELIER_SESSION_CANCELLED);

  /* The cancelled one is left out of what is to come. */
  upcoming = atelier_reschedule_listing_list_upcoming (store, now, 0, &error);
  g_assert_no_error (error);
  assert_ids (upcoming, &every[1], 1);

  /* All of them, on demand, in order. */
  all = atelier_reschedule_listing_list_all (store, &error);
  g_assert_no_error (error);
  assert_ids (all, every, G_N_ELEMENTS (every));
  {
    g_autoptr(AtelierSession) cancelled = g_list_model_get_item (all, 2);

    g_assert_true (atelier_session_is_cancelled (cancelled));
    g_assert_cmpstr (atelier_session_get_workshop_title (cancelled), ==, "Macarons");
  }

  /* A cancelled session alone is something the filter can show. */
  g_assert_true (atelier_store_delete_session (store, every[0], &error));
  g_assert_no_error (error);
  g_assert_true (has_past_or_cancelled (store, now));
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add ("/atelier/schedule-listing/upcoming", TestStore, NULL,
              test_store_setup, test_agenda_upcoming, test_store_teardown);
  g_test_add ("/atelier/schedule-listing/cancelled", TestStore, NULL,
              test_store_setup, test_agenda_cancelled, test_store_teardown);

  return g_test_run ();
}
