/* test-booking.c: sign-ups, the waiting list, moves, capacity, check-in */
#define G_LOG_DOMAIN "test-booking"

#include "config.h"

#include "atelier-booking.h"
#include "test-util.h"

typedef struct
{
  TestStore  base;
  gint64     workshop_id;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes");

  test_store_setup (&f->base, data);
  g_object_set (workshop, "capacity", 4, "duration-minutes", 150, NULL);
  g_assert_true (atelier_store_add_workshop (f->base.store, workshop, NULL));
  f->workshop_id = atelier_workshop_get_id (workshop);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  test_store_teardown (&f->base, data);
}

/* A session starting @hours from now (negative: in the past). */
static gint64
session_in (Fixture *f,
            int      hours,
            int      capacity)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_hours (now, hours);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (f->workshop_id, starts, ends, "Europe/Paris");

  g_object_set (session, "capacity", capacity, NULL);
  g_assert_true (atelier_store_add_session (f->base.store, session, NULL));
  return atelier_session_get_id (session);
}

static gint64
customer (Fixture    *f,
          const char *given,
          const char *family)
{
  g_autoptr(AtelierCustomer) c = atelier_customer_new (given, family);

  g_assert_true (atelier_store_add_customer (f->base.store, c, NULL));
  return atelier_customer_get_id (c);
}

/* Signs up an existing customer and checks the outcome: 0 for confirmed,
 * else the expected place on the waiting list. */
static gint64
sign_up (Fixture *f,
         gint64   session_id,
         gint64   customer_id,
         int      party,
         int      expected_position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierCustomer) c = atelier_store_get_customer (f->base.store, customer_id, NULL);
  g_autoptr(AtelierRegistration) r = atelier_booking_sign_up (f->base.store, session_id, c, party, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  g_assert_cmpint (atelier_registration_get_party_size (r), ==, party);
  g_assert_cmpstr (atelier_registration_get_status (r), ==,
                   expected_position ? ATELIER_REGISTRATION_WAITLISTED : ATELIER_REGISTRATION_CONFIRMED);
  g_assert_cmpint (atelier_registration_get_waitlist_position (r), ==, expected_position);
  return atelier_registration_get_id (r);
}

static AtelierRegistration *
reg (Fixture *f, gint64 id)
{
  AtelierRegistration *r = atelier_store_get_registration (f->base.store, id, NULL);

  g_assert_nonnull (r);
  return r;
}

static void
assert_status (Fixture *f, gint64 id, const char *status, int position)
{
  g_autoptr(AtelierRegistration) r = reg (f, id);

  g_assert_cmpstr (atelier_registration_get_status (r), ==, status);
  g_assert_cmpint (atelier_registration_get_waitlist_position (r), ==, position);
}

static void
summarize (Fixture *f, gint64 session_id, AtelierSessionSummary *s)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_booking_summarize (f->base.store, session_id, s, &error));
  g_assert_no_error (error);
}

static void
test_sign_up_confirms_then_waitlists (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, 48, 4);
  AtelierSessionSummary sum;

  sign_up (f, s, customer (f, "Zoé", "Martin"), 3, 0);
  /* Two do not fit in one seat: the party waits together. */
  sign_up (f, s, customer (f, "Hugo", "Moreau"), 2, 1);
  sign_up (f, s, customer (f, "Léa", "Lefèvre"), 1, 0);
  sign_up (f, s, customer (f, "Jules", "Bonnet"), 1, 2);

  summarize (f, s, &sum);
  g_assert_cmpint (sum.capacity, ==, 4);
  g_assert_cmpint (sum.confirmed_seats, ==, 4);
  g_assert_cmpint (sum.confirmed_parties, ==, 2);
  g_assert_cmpint (sum.waiting_parties, ==, 2);
  g_assert_cmpint (sum.waiting_seats, ==, 3);
  g_assert_cmpint (sum.no_show_seats, ==, 0);
}

static void
test_sign_up_new_customer (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, 48, 4);
  gint64 cancelled = session_in (f, 72, 4);
  g_autoptr(AtelierCustomer) zoe = atelier_customer_new ("Zoé", "Ñúñez");
  g_autoptr(AtelierCustomer) ghost = atelier_customer_new ("Ghost", "Writer");
  g_autoptr(AtelierRegistration) r = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (zoe, "email", "zoe@example.org", NULL);
  r = atelier_booking_sign_up (f->base.store, s, zoe, 2, "Végétarienne", &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_customer_get_id (zoe), >, 0);
  g_assert_cmpint (atelier_registration_get_customer_id (r), ==, atelier_customer_get_id (zoe));
  g_assert_cmpstr (atelier_registration_get_note (r), ==, "Végétarienne");
  g_assert_cmpstr (atelier_registration_get_customer_name (r), ==, "Zoé Ñúñez");

  /* A refused sign-up creates no customer either. */
  g_assert_true (atelier_booking_cancel_session (f->base.store, cancelled, NULL));
  g_assert_null (atelier_booking_sign_up (f->base.store, cancelled, ghost, 1, NULL, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_SESSION_CANCELLED);
  g_assert_cmpstr (test_query_text (f->base.store, "SELECT count(*) FROM customers"), ==, "1");
}

static void
test_sign_up_refusals (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, 48, 4);
  gint64 past = session_in (f, -48, 4);
  gint64 started = session_in (f, -1, 4);
  gint64 zoe = customer (f, "Zoé", "Martin");
  g_autoptr(AtelierCustomer) c = atelier_store_get_customer (f->base.store, zoe, NULL);
  g_autoptr(GError) error = NULL;

  sign_up (f, s, zoe, 1, 0);
  g_assert_null (atelier_booking_sign_up (f->base.store, s, c, 1, NULL, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_ALREADY_REGISTERED);
  g_assert_cmpstr (error->message, ==, "Zoé Martin is already signed up to this session.");
  g_clear_error (&error);

  g_assert_null (atelier_booking_sign_up (f->base.store, past, c, 1, NULL, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_SESSION_OVER);
  g_clear_error (&error);
  g_assert_null (atelier_booking_sign_up (f->base.store, started, c, 1, NULL, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_SESSION_OVER);
  g_clear_error (&error);
  g_assert_null (atelier_booking_sign_up (f->base.store, s, c, 0, NULL, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (atelier_booking_sign_up (f->base.store, 999, c, 1, NULL, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_FOUND);

  g_assert_cmpstr (test_query_text (f->base.store, "SELECT count(*) FROM registrations"), ==, "1");
}

static void
test_cancel_promotes_in_order (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, 48, 4);
  gint64 big = sign_up (f, s, customer (f, "Zoé", "Martin"), 4, 0);
  gint64 three = sign_up (f, s, customer (f, "Hugo", "Moreau"), 3, 1);
  gint64 two = sign_up (f, s, customer (f, "Léa", "Lefèvre"), 2, 2);
  gint64 one = sign_up (f, s, customer (f, "Jules", "Bonnet"), 1, 3);
  gint64 solo = sign_up (f, s, customer (f, "Inès", "Mercier"), 1, 4);
  g_autoptr(GListModel) promoted = NULL;
  g_autoptr(AtelierRegistration) hugo = NULL;
  g_autoptr(GError) error = NULL;

  /* Four seats free: the party of three goes in, then one seat is left:
   * the pair cannot have it and keeps its place; the single behind it can. */
  g_assert_true (atelier_booking_cancel (f->base.store, big, ATELIER_CANCELLED_BY_CUSTOMER, &promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (promoted), ==, 2);

  assert_status (f, big, ATELIER_REGISTRATION_CANCELLED, 0);
  assert_status (f, three, ATELIER_REGISTRATION_CONFIRMED, 0);
  assert_status (f, two, ATELIER_REGISTRATION_WAITLISTED, 1);
  assert_status (f, one, ATELIER_REGISTRATION_CONFIRMED, 0);
  assert_status (f, solo, ATELIER_REGISTRATION_WAITLISTED, 2);

  hugo = reg (f, three);
  g_assert_cmpint (atelier_registration_get_promoted_at (hugo), >, 0);
  {
    g_autoptr(AtelierRegistration) zoe = reg (f, big);
    g_assert_cmpstr (atelier_registration_get_cancelled_by (zoe), ==, "customer");
    g_assert_cmpint (atelier_registration_get_cancelled_at (zoe), >, 0);
  }

  g_assert_false (atelier_booking_cancel (f->base.store, big, ATELIER_CANCELLED_BY_STORE, NULL, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_ALREADY_CANCELLED);
}

static void
test_cancel_waitlisted_closes_gap (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, 48, 1);
  gint64 zoe;
  gint64 a, b, c;

  zoe = sign_up (f, s, customer (f, "Zoé", "Martin"), 1, 0);
  a = sign_up (f, s, customer (f, "A", "A"), 1, 1);
  b = sign_up (f, s, customer (f, "B", "B"), 1, 2);
  c = sign_up (f, s, customer (f, "C", "C"), 1, 3);

  g_assert_true (atelier_booking_cancel (f->base.store, b, ATELIER_CANCELLED_BY_STORE, NULL, NULL));
  assert_status (f, a, ATELIER_REGISTRATION_WAITLISTED, 1);
  assert_status (f, c, ATELIER_REGISTRATION_WAITLISTED, 2);
  assert_status (f, zoe, ATELIER_REGISTRATION_CONFIRMED, 0);

  /* The one who cancelled can sign up again: to the end of the list. */
  {
    g_autoptr(AtelierRegistration) old = reg (f, b);
    sign_up (f, s, atelier_registration_get_customer_id (old), 1, 3);
  }
}

static void
test_promotion_chain (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, 48, 6);
  gint64 family = sign_up (f, s, customer (f, "Chloé", "Laurent"), 6, 0);
  gint64 w[4];
  g_autoptr(GListModel) promoted = NULL;

  for (int i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("Waiting %d", i);
      w[i] = sign_up (f, s, customer (f, name, "Person"), i == 3 ? 2 : 1, i + 1);
    }

  /* Six seats free at once: everybody waiting comes in, in order. */
  g_assert_true (atelier_booking_cancel (f->base.store, family, ATELIER_CANCELLED_BY_STORE, &promoted, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (promoted), ==, 4);
  for (int i = 0; i < 4; i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (promoted, i);
      g_assert_cmpint (atelier_registration_get_id (r), ==, w[i]);
      assert_status (f, w[i], ATELIER_REGISTRATION_CONFIRMED, 0);
    }
}

static void
test_move_between_full_sessions (Fixture *f, gconstpointer data)
{
  gint64 a = session_in (f, 48, 2);
  gint64 b = session_in (f, 72, 2);
  gint64 zoe = customer (f, "Zoé", "Martin");
  gint64 za = sign_up (f, a, zoe, 2, 0);
  gint64 wa = sign_up (f, a, customer (f, "Hugo", "Moreau"), 1, 1);
  gint64 bb = sign_up (f, b, customer (f, "Léa", "Lefèvre"), 2, 0);
  g_autoptr(AtelierRegistration) moved = NULL;
  g_autoptr(GError) error = NULL;
  AtelierSessionSummary sa, sb;

  moved = atelier_booking_move (f->base.store, za, b, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_registration_get_session_id (moved), ==, b);
  g_assert_cmpint (atelier_registration_get_customer_id (moved), ==, zoe);
  g_assert_cmpstr (atelier_registration_get_status (moved), ==, ATELIER_REGISTRATION_WAITLISTED);
  g_assert_cmpint (atelier_registration_get_waitlist_position (moved), ==, 1);

  assert_status (f, za, ATELIER_REGISTRATION_CANCELLED, 0);
  assert_status (f, wa, ATELIER_REGISTRATION_CONFIRMED, 0);
  assert_status (f, bb, ATELIER_REGISTRATION_CONFIRMED, 0);
  summarize (f, a, &sa);
  summarize (f, b, &sb);
  g_assert_cmpint (sa.confirmed_seats, ==, 1);
  g_assert_cmpint (sb.confirmed_seats, ==, 2);
  g_assert_cmpint (sb.waiting_seats, ==, 2);

  /* Moving back where they are already waiting is refused, nothing moves. */
  g_clear_object (&moved);
  g_assert_null (atelier_booking_move (f->base.store, bb, b, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_SAME_SESSION);
}

static void
test_move_refused_keeps_everything (Fixture *f, gconstpointer data)
{
  gint64 a = session_in (f, 48, 2);
  gint64 b = session_in (f, 72, 2);
  gint64 zoe = customer (f, "Zoé", "Martin");
  gint64 za = sign_up (f, a, zoe, 1, 0);
  g_autoptr(GError) error = NULL;

  sign_up (f, b, zoe, 1, 0);
  g_assert_null (atelier_booking_move (f->base.store, za, b, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_ALREADY_REGISTERED);
  assert_status (f, za, ATELIER_REGISTRATION_CONFIRMED, 0);
}

static void
test_capacity (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, 48, 3);
  gint64 first = sign_up (f, s, customer (f, "Zoé", "Martin"), 3, 0);
  gint64 second = sign_up (f, s, customer (f, "Hugo", "Moreau"), 2, 1);
  g_autoptr(GListModel) promoted = NULL;
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (atelier_booking_set_capacity (f->base.store, s, 2, NULL, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_CAPACITY_BELOW_TAKEN);
  g_assert_cmpstr (error->message, ==, "3 seats are already taken; the capacity cannot be lower than that.");
  g_clear_error (&error);
  session = atelier_store_get_session (f->base.store, s, NULL);
  g_assert_cmpint (atelier_session_get_capacity (session), ==, 3);

  g_assert_true (atelier_booking_set_capacity (f->base.store, s, 5, &promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (promoted), ==, 1);
  assert_status (f, second, ATELIER_REGISTRATION_CONFIRMED, 0);
  assert_status (f, first, ATELIER_REGISTRATION_CONFIRMED, 0);
}

/* Capacity and party size are bounded to what a class can be, so that no
 * sum of seats overflows; a big party that is allowed but does not fit
 * joins the waiting list. */
static void
test_seat_bounds (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, 48, 47);
  gint64 zoe = customer (f, "Zoé", "Martin");
  g_autoptr(AtelierCustomer) hugo = atelier_customer_new ("Hugo", "Moreau");
  g_autoptr(AtelierWorkshop) huge = atelier_workshop_new ("Stadium");
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GError) error = NULL;

  sign_up (f, s, zoe, 1, 0);

  g_assert_false (atelier_booking_set_capacity (f->base.store, s, G_MAXINT, NULL, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A class has at most 10000 seats.");
  g_clear_error (&error);
  session = atelier_store_get_session (f->base.store, s, NULL);
  g_assert_cmpint (atelier_session_get_capacity (session), ==, 47);

  g_assert_null (atelier_booking_sign_up (f->base.store, s, hugo, G_MAXINT, NULL, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A party has at most 10000 people, as many as the largest class.");
  g_clear_error (&error);
  g_assert_cmpstr (test_query_text (f->base.store, "SELECT count(*) FROM customers"), ==, "1");

  g_object_set (huge, "capacity", G_MAXINT, NULL);
  g_assert_false (atelier_store_add_workshop (f->base.store, huge, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* The largest party allowed, beside one seat taken: waiting list. */
  g_assert_true (atelier_booking_set_capacity (f->base.store, s, 10000, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (atelier_store_add_customer (f->base.store, hugo, NULL));
  sign_up (f, s, atelier_customer_get_id (hugo), 10000, 1);
}

/* The session editor's save: capacity, time and place in one go. */
static void
test_update_session (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, 48, 3);
  gint64 first = sign_up (f, s, customer (f, "Zoé", "Martin"), 3, 0);
  gint64 second = sign_up (f, s, customer (f, "Hugo", "Moreau"), 2, 1);
  g_autoptr(AtelierSession) wanted = atelier_store_get_session (f->base.store, s, NULL);
  g_autoptr(AtelierSession) stored = NULL;
  g_autoptr(GListModel) promoted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 starts = atelier_session_get_starts_at (wanted);
  gint64 sequence = atelier_session_get_sequence (wanted);

  /* Refused capacity: the new time is not saved either. */
  g_object_set (wanted, "capacity", 2, "starts-at", starts + 3600,
                "ends-at", atelier_session_get_ends_at (wanted) + 3600, "place", "Cave", NULL);
  g_assert_false (atelier_booking_update_session (f->base.store, wanted, NULL, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_CAPACITY_BELOW_TAKEN);
  g_clear_error (&error);
  stored = atelier_store_get_session (f->base.store, s, NULL);
  g_assert_cmpint (atelier_session_get_capacity (stored), ==, 3);
  g_assert_cmpint (atelier_session_get_starts_at (stored), ==, starts);
  g_assert_cmpint (atelier_session_get_sequence (stored), ==, sequence);
  g_assert_cmpstr (atelier_session_get_place (stored), !=, "Cave");
  g_clear_object (&stored);

  /* Refused time: the seats added are not kept, nobody moves up. */
  g_object_set (wanted, "capacity", 5, "ends-at", starts - 60, NULL);
  g_assert_false (atelier_booking_update_session (f->base.store, wanted, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  stored = atelier_store_get_session (f->base.store, s, NULL);
  g_assert_cmpint (atelier_session_get_capacity (stored), ==, 3);
  assert_status (f, second, ATELIER_REGISTRATION_WAITLISTED, 1);
  g_clear_object (&stored);

  /* More seats and a new time: the waiting party moves up, SEQUENCE once. */
  g_object_set (wanted, "ends-at", starts + 3600 + 7200, NULL);
  g_object_set (wanted, "capacity", 5, NULL);
  g_assert_true (atelier_booking_update_session (f->base.store, wanted, &promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (promoted), ==, 1);
  assert_status (f, first, ATELIER_REGISTRATION_CONFIRMED, 0);
  assert_status (f, second, ATELIER_REGISTRATION_CONFIRMED, 0);
  stored = atelier_store_get_session (f->base.store, s, NULL);
  g_assert_cmpint (atelier_session_get_capacity (stored), ==, 5);
  g_assert_cmpint (atelier_session_get_starts_at (stored), ==, starts + 3600);
  g_assert_cmpstr (atelier_session_get_place (stored), ==, "Cave");
  g_assert_cmpint (atelier_session_get_sequence (stored), ==, sequence + 1);
  g_clear_object (&stored);
  g_clear_object (&promoted);

  /* Capacity alone is not something a calendar shows. */
  g_object_set (wanted, "capacity", 6, NULL);
  g_assert_true (atelier_booking_update_session (f->base.store, wanted, NULL, &error));
  stored = atelier_store_get_session (f->base.store, s, NULL);
  g_assert_cmpint (atelier_session_get_capacity (stored), ==, 6);
  g_assert_cmpint (atelier_session_get_sequence (stored), ==, sequence + 1);
}

static void
test_check_in_and_undo (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, 1, 1);
  gint64 here = sign_up (f, s, customer (f, "Zoé", "Martin"), 1, 0);
  gint64 waiting = sign_up (f, s, customer (f, "Hugo", "Moreau"), 1, 1);
  g_autoptr(AtelierRegistration) r = NULL;
  g_autoptr(GError) error = NULL;
  AtelierSessionSummary sum;

  r = atelier_booking_check_in (f->base.store, here, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_registration_get_checked_in_at (r), >, 0);
  summarize (f, s, &sum);
  g_assert_cmpint (sum.checked_in_seats, ==, 1);
  g_clear_object (&r);

  g_assert_null (atelier_booking_check_in (f->base.store, here, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_ALREADY_CHECKED_IN);
  g_clear_error (&error);
  g_assert_false (atelier_booking_cancel (f->base.store, here, ATELIER_CANCELLED_BY_STORE, NULL, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_CHECKED_IN);
  g_clear_error (&error);

  g_assert_null (atelier_booking_check_in (f->base.store, waiting, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_NOT_CONFIRMED);
  g_clear_error (&error);

  r = atelier_booking_undo_check_in (f->base.store, here, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_registration_get_checked_in_at (r), ==, 0);
  g_assert_null (atelier_booking_undo_check_in (f->base.store, here, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_NOT_CHECKED_IN);
}

static void
test_walk_in (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, -1, 3);
  g_autoptr(AtelierCustomer) pierre = atelier_customer_new ("Pierre", "Dupont");
  g_autoptr(AtelierCustomer) late = atelier_customer_new ("Late", "Comer");
  g_autoptr(AtelierRegistration) r = NULL;
  g_autoptr(GError) error = NULL;

  r = atelier_booking_walk_in (f->base.store, s, pierre, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_registration_get_status (r), ==, ATELIER_REGISTRATION_CONFIRMED);
  g_assert_cmpstr (atelier_registration_get_source (r), ==, "walk-in");
  g_assert_cmpint (atelier_registration_get_checked_in_at (r), >, 0);

  g_assert_null (atelier_booking_walk_in (f->base.store, s, late, 2, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_FULL);
  g_assert_cmpstr (error->message, ==,
                   "The session is full (2 of 3 seats taken); raise its capacity to let them in.");
  g_assert_cmpstr (test_query_text (f->base.store, "SELECT count(*) FROM customers"), ==, "1");
}

static void
test_no_shows_after_end (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, -5, 6);
  gint64 upcoming = session_in (f, 5, 6);
  gint64 ids[3];
  AtelierSessionSummary sum;

  for (int i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Guest %d", i);
      g_autoptr(AtelierRegistration) r = atelier_registration_new (s, customer (f, name, "X"), i + 1);
      g_assert_true (atelier_store_add_registration (f->base.store, r, NULL));
      ids[i] = atelier_registration_get_id (r);
    }
  {
    g_autoptr(AtelierRegistration) r = reg (f, ids[1]);
    g_autoptr(AtelierSession) session = atelier_store_get_session (f->base.store, s, NULL);

    g_object_set (r, "checked-in-at", atelier_session_get_starts_at (session), NULL);
    g_assert_true (atelier_store_update_registration (f->base.store, r, NULL));
  }

  summarize (f, s, &sum);
  g_assert_true (sum.ended);
  g_assert_cmpint (sum.confirmed_seats, ==, 6);
  g_assert_cmpint (sum.checked_in_seats, ==, 2);
  g_assert_cmpint (sum.no_show_seats, ==, 4);

  sign_up (f, upcoming, customer (f, "Future", "Guest"), 2, 0);
  summarize (f, upcoming, &sum);
  g_assert_false (sum.ended);
  g_assert_cmpint (sum.no_show_seats, ==, 0);
}

static void
test_cancel_session (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, 48, 1);
  gint64 a = sign_up (f, s, customer (f, "Zoé", "Martin"), 1, 0);
  gint64 b = sign_up (f, s, customer (f, "Hugo", "Moreau"), 1, 1);
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_booking_cancel_session (f->base.store, s, &error));
  g_assert_no_error (error);
  session = atelier_store_get_session (f->base.store, s, NULL);
  g_assert_true (atelier_session_is_cancelled (session));
  g_assert_cmpint (atelier_session_get_sequence (session), ==, 1);
  assert_status (f, a, ATELIER_REGISTRATION_CANCELLED, 0);
  assert_status (f, b, ATELIER_REGISTRATION_CANCELLED, 0);
  {
    g_autoptr(AtelierRegistration) r = reg (f, a);
    g_assert_cmpstr (atelier_registration_get_cancelled_by (r), ==, "store");
  }

  g_assert_false (atelier_booking_cancel_session (f->base.store, s, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_SESSION_CANCELLED);
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/atelier/booking/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("sign-up/confirm-then-waitlist", test_sign_up_confirms_then_waitlists);
  ADD ("sign-up/new-customer", test_sign_up_new_customer);
  ADD ("sign-up/refusals", test_sign_up_refusals);
  ADD ("cancel/promotes-in-order", test_cancel_promotes_in_order);
  ADD ("cancel/waitlisted-closes-gap", test_cancel_waitlisted_closes_gap);
  ADD ("cancel/promotion-chain", test_promotion_chain);
  ADD ("move/between-full-sessions", test_move_between_full_sessions);
  ADD ("move/refused-keeps-everything", test_move_refused_keeps_everything);
  ADD ("capacity", test_capacity);
  ADD ("capacity/seat-bounds", test_seat_bounds);
  ADD ("update-session", test_update_session);
  ADD ("check-in/and-undo", test_check_in_and_undo);
  ADD ("walk-in", test_walk_in);
  ADD ("no-shows", test_no_shows_after_end);
  ADD ("cancel-session", test_cancel_session);

  return g_test_run ();
}
