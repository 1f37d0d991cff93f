/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-booking.c: sign-ups, the waiting list, moves, capacity, check-in */
#define G_LOG_DOMAIN "test-booking"

#include "config.h"

#include "atelier-booking.h"
#include "atelier-reschedule.h"
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

/* The question before a cancellation names who it would confirm, by
 * the cancellation's own rule, and changes nothing. */
static void
test_preview_cancel (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, 48, 4);
  gint64 big = sign_up (f, s, customer (f, "Zoé", "Martin"), 4, 0);
  gint64 three = sign_up (f, s, customer (f, "Hugo", "Moreau"), 3, 1);
  gint64 two = sign_up (f, s, customer (f, "Léa", "Lefèvre"), 2, 2);
  gint64 one = sign_up (f, s, customer (f, "Jules", "Bonnet"), 1, 3);
  g_autoptr(GListModel) preview = NULL;
  g_autoptr(GListModel) waiting = NULL;
  g_autoptr(GListModel) promoted = NULL;
  g_autoptr(GError) error = NULL;
  int freed = -1;

  /* A waiting party leaving frees no seat and confirms nobody. */
  waiting = atelier_booking_preview_cancel (f->base.store, two, &freed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (freed, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (waiting), ==, 0);

  preview = atelier_booking_preview_cancel (f->base.store, big, &freed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (freed, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (preview), ==, 2);
  {
    g_autoptr(AtelierRegistration) first = g_list_model_get_item (preview, 0);
    g_autoptr(AtelierRegistration) second = g_list_model_get_item (preview, 1);

    g_assert_cmpint (atelier_registration_get_id (first), ==, three);
    g_assert_cmpint (atelier_registration_get_id (second), ==, one);
  }
  assert_status (f, big, ATELIER_REGISTRATION_CONFIRMED, 0);
  assert_status (f, three, ATELIER_REGISTRATION_WAITLISTED, 1);

  g_assert_true (atelier_booking_cancel (f->base.store, big, ATELIER_CANCELLED_BY_CUSTOMER, &promoted, &error));
  g_assert_cmpuint (g_list_model_get_n_items (promoted), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(AtelierRegistration) expected = g_list_model_get_item (preview, i);
      g_autoptr(AtelierRegistration) got = g_list_model_get_item (promoted, i);

      g_assert_cmpint (atelier_registration_get_id (got), ==, atelier_registration_get_id (expected));
    }
}

/* A new customer whose e-mail address is known is that customer, at a
 * sign-up and a walk-in alike, from every path (window, CLI). */
static void
test_known_email (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, 48, 4);
  g_autoptr(AtelierCustomer) known = atelier_customer_new ("Agnès", "Barbier");
  g_autoptr(AtelierCustomer) twin = atelier_customer_new ("Agnes", "Twin");
  g_autoptr(AtelierCustomer) walker = atelier_customer_new ("A.", "Barbier");
  g_autoptr(AtelierRegistration) signed_up = NULL;
  g_autoptr(AtelierRegistration) walked_in = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (known, "email", "agnes.barbier@example.org", NULL);
  g_assert_true (atelier_store_add_customer (f->base.store, known, &error));
  g_object_set (twin, "email", " Agnes.Barbier@example.org", NULL);
  signed_up = atelier_booking_sign_up (f->base.store, s, twin, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_registration_get_customer_id (signed_up), ==, atelier_customer_get_id (known));

  g_object_set (walker, "email", "agnes.barbier@example.org", NULL);
  walked_in = atelier_booking_walk_in (f->base.store, session_in (f, 0, 4), walker, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_registration_get_customer_id (walked_in), ==, atelier_customer_get_id (known));

  all = atelier_store_list_customers (f->base.store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 1);
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

/* The one rule of which sessions take sign-ups: not cancelled and not
 * started; one that has started (or ended) takes walk-ins only. */
static void
test_accepts_sign_ups (Fixture *f, gconstpointer data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 ids[] = { session_in (f, 24, 4), session_in (f, -1, 4), session_in (f, -5, 4), session_in (f, 48, 4) };
  g_autoptr(GError) error = NULL;
  AtelierSession *sessions[G_N_ELEMENTS (ids)];

  g_assert_true (atelier_booking_cancel_session (f->base.store, ids[3], &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    sessions[i] = atelier_store_get_session (f->base.store, ids[i], NULL);

  g_assert_true (atelier_booking_accepts_sign_ups (sessions[0], now));
  g_assert_false (atelier_booking_accepts_sign_ups (sessions[1], now));   /* started */
  g_assert_false (atelier_booking_accepts_sign_ups (sessions[2], now));   /* ended */
  g_assert_false (atelier_booking_accepts_sign_ups (sessions[3], now));   /* cancelled */

  /* The moment it starts, it no longer does; a second before, it does. */
  g_assert_true (atelier_booking_accepts_sign_ups (sessions[0], atelier_session_get_starts_at (sessions[0]) - 1));
  g_assert_false (atelier_booking_accepts_sign_ups (sessions[0], atelier_session_get_starts_at (sessions[0])));
  /* Judged at a time when the started one had not started yet. */
  g_assert_true (atelier_booking_accepts_sign_ups (sessions[1], now - 2 * 3600));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_object_unref (sessions[i]);
}

static void
assert_open_sessions (Fixture      *f,
                      gint64        except_id,
                      const gint64 *expected,
                      guint         n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) open = atelier_booking_list_open_sessions (f->base.store, except_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (open), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (open, i);

      g_assert_cmpint (atelier_session_get_id (session), ==, expected[i]);
    }
}

/* The sessions to sign up or move to: the open ones, by start, without
 * the one a registration moves from. */
static void
test_list_open_sessions (Fixture *f, gconstpointer data)
{
  gint64 later = session_in (f, 72, 4);
  gint64 started = session_in (f, -1, 4);
  gint64 ended = session_in (f, -30, 4);
  gint64 cancelled = session_in (f, 10, 4);
  gint64 soon = session_in (f, 3, 4);
  gint64 full = session_in (f, 24, 1);

  g_assert_true (atelier_booking_cancel_session (f->base.store, cancelled, NULL));
  sign_up (f, full, customer (f, "Zoé", "Martin"), 1, 0);
  (void) started;
  (void) ended;

  /* A full session still takes sign-ups: to its waiting list. */
  assert_open_sessions (f, 0, (gint64[]) { soon, full, later }, 3);
  assert_open_sessions (f, soon, (gint64[]) { full, later }, 2);
  assert_open_sessions (f, later, (gint64[]) { soon, full }, 2);
  /* Leaving out a session that is not open changes nothing. */
  assert_open_sessions (f, started, (gint64[]) { soon, full, later }, 3);
}

/* A session on Saturday 12 December 2026, 10:00 to 12:00 in Paris,
 * written as it stands (the rules would refuse sign-ups to a past one). */
static gint64
session_on_december_12 (Fixture *f)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) starts = g_date_time_new (paris, 2026, 12, 12, 10, 0, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (f->workshop_id, starts, ends, "Europe/Paris");

  g_object_set (session, "capacity", 6, NULL);
  g_assert_true (atelier_store_add_session (f->base.store, session, NULL));
  return atelier_session_get_id (session);
}

static gint64
add_checked_in (Fixture    *f,
                gint64      session_id,
                const char *given,
                int         party,
                gint64      at)
{
  g_autoptr(AtelierRegistration) r = atelier_registration_new (session_id, customer (f, given, "X"), party);

  g_object_set (r, "checked-in-at", at, NULL);
  g_assert_true (atelier_store_add_registration (f->base.store, r, NULL));
  return atelier_registration_get_id (r);
}

static void
test_check_in_arrived (Fixture *f, gconstpointer data)
{
  gint64 s = session_in (f, -5, 6);
  gint64 party = 0;
  gint64 waiting;
  gint64 checked_at;
  g_autoptr(AtelierRegistration) r = NULL;
  g_autoptr(GError) error = NULL;
  AtelierSessionSummary sum;

  {
    g_autoptr(AtelierRegistration) three = atelier_registration_new (s, customer (f, "Anaïs", "Clément"), 3);
    g_autoptr(AtelierRegistration) two = atelier_registration_new (s, customer (f, "Hugo", "Moreau"), 2);

    g_assert_true (atelier_store_add_registration (f->base.store, three, NULL));
    party = atelier_registration_get_id (three);
    g_object_set (two, "status", ATELIER_REGISTRATION_WAITLISTED, "waitlist-position", 1, NULL);
    g_assert_true (atelier_store_add_registration (f->base.store, two, NULL));
    waiting = atelier_registration_get_id (two);
  }

  /* Nobody, or more than the party: refused, nothing written. */
  g_assert_null (atelier_booking_check_in_arrived (f->base.store, party, 0, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "This party has 3 people: between 1 and 3 can arrive, not 0.");
  g_clear_error (&error);
  g_assert_null (atelier_booking_check_in_arrived (f->base.store, party, 4, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_INVALID);
  g_clear_error (&error);
  r = reg (f, party);
  g_assert_cmpint (atelier_registration_get_checked_in_at (r), ==, 0);
  g_clear_object (&r);

  /* Only a confirmed party arrives. */
  g_assert_null (atelier_booking_check_in_arrived (f->base.store, waiting, 1, &error));
  g_assert_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_NOT_CONFIRMED);
  g_clear_error (&error);

  /* Two of three came: checked in, the seats stay taken, one no-show. */
  r = atelier_booking_check_in_arrived (f->base.store, party, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_registration_get_arrived (r), ==, 2);
  g_assert_cmpint (atelier_registration_count_arrived (r), ==, 2);
  checked_at = atelier_registration_get_checked_in_at (r);
  g_assert_cmpint (checked_at, >, 0);
  g_clear_object (&r);
  summarize (f, s, &sum);
  g_assert_cmpint (sum.confirmed_seats, ==, 3);
  g_assert_cmpint (sum.checked_in_seats, ==, 2);
  g_assert_cmpint (sum.no_show_seats, ==, 1);

  /* The third one turns up: the count changes, the time stays. */
  r = atelier_booking_check_in_arrived (f->base.store, party, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_registration_get_checked_in_at (r), ==, checked_at);
  g_clear_object (&r);
  summarize (f, s, &sum);
  g_assert_cmpint (sum.no_show_seats, ==, 0);

  /* Undone, the count goes with the check-in; a plain check-in is the
   * whole party. */
  r = atelier_booking_undo_check_in (f->base.store, party, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_registration_get_arrived (r), ==, 0);
  g_assert_cmpint (atelier_registration_count_arrived (r), ==, 0);
  g_clear_object (&r);
  g_assert_cmpstr (test_query_text (f->base.store, "SELECT count (arrived) FROM registrations"), ==, "0");
  r = atelier_booking_check_in (f->base.store, party, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_registration_count_arrived (r), ==, 3);
  summarize (f, s, &sum);
  g_assert_cmpint (sum.checked_in_seats, ==, 3);
}

static gint64
paris_time (int day,
            int hour,
            int minute)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) at = g_date_time_new (paris, 2026, 12, day, hour, minute, 0);

  return g_date_time_to_unix (at);
}

static void
test_session_day (Fixture *f, gconstpointer data)
{
  gint64 s = session_on_december_12 (f);
  g_autoptr(AtelierSession) session = atelier_store_get_session (f->base.store, s, NULL);

  /* Half past midnight in Paris is the 12th there, the 11th in UTC. */
  g_assert_true (atelier_reschedule_is_session_day (session, paris_time (12, 0, 30)));
  g_assert_true (atelier_reschedule_is_session_day (session, paris_time (12, 23, 59)));
  g_assert_false (atelier_reschedule_is_session_day (session, paris_time (11, 23, 59)));
  g_assert_false (atelier_reschedule_is_session_day (session, paris_time (13, 0, 0)));
  g_assert_false (atelier_reschedule_is_session_day (session, paris_time (5, 10, 0)));
}

static void
test_reschedule_clears_check_ins (Fixture *f, gconstpointer data)
{
  gint64 s = session_on_december_12 (f);
  gint64 early = add_checked_in (f, s, "Early", 2, paris_time (5, 18, 0));
  gint64 other = add_checked_in (f, s, "Other", 1, paris_time (5, 18, 5));
  g_autoptr(AtelierSession) wanted = atelier_store_get_session (f->base.store, s, NULL);
  g_autoptr(AtelierRegistration) r = NULL;
  g_autoptr(GError) error = NULL;
  int n_cleared = -1;

  r = atelier_booking_check_in_arrived (f->base.store, early, 1, &error);
  g_assert_no_error (error);
  g_clear_object (&r);

  /* An hour later the same day: the check-ins stay. */
  g_object_set (wanted, "starts-at", paris_time (12, 11, 0), "ends-at", paris_time (12, 13, 0), NULL);
  g_assert_true (atelier_booking_update_session_full (f->base.store, wanted, NULL, &n_cleared, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_cleared, ==, 0);
  r = reg (f, early);
  g_assert_cmpint (atelier_registration_get_checked_in_at (r), !=, 0);
  g_clear_object (&r);

  /* A week later: nobody has come to the new date yet. */
  g_object_set (wanted, "starts-at", paris_time (19, 11, 0), "ends-at", paris_time (19, 13, 0), NULL);
  g_assert_true (atelier_booking_update_session_full (f->base.store, wanted, NULL, &n_cleared, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_cleared, ==, 2);
  r = reg (f, early);
  g_assert_cmpint (atelier_registration_get_checked_in_at (r), ==, 0);
  g_assert_cmpint (atelier_registration_get_arrived (r), ==, 0);
  g_assert_cmpstr (atelier_registration_get_status (r), ==, ATELIER_REGISTRATION_CONFIRMED);
  g_clear_object (&r);
  r = reg (f, other);
  g_assert_cmpint (atelier_registration_get_checked_in_at (r), ==, 0);
  g_clear_object (&r);

  /* The schedule's own path (the CLI's reschedule) says it too. */
  r = atelier_booking_check_in (f->base.store, other, &error);
  g_assert_no_error (error);
  g_clear_object (&r);
  g_object_set (wanted, "starts-at", paris_time (20, 11, 0), "ends-at", paris_time (20, 13, 0), NULL);
  g_assert_true (atelier_reschedule_update_session_full (f->base.store, wanted, NULL, &n_cleared, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_cleared, ==, 1);
  r = reg (f, other);
  g_assert_cmpint (atelier_registration_get_checked_in_at (r), ==, 0);
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
  ADD ("cancel/preview", test_preview_cancel);
  ADD ("known-email", test_known_email);
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
  ADD ("open/accepts-sign-ups", test_accepts_sign_ups);
  ADD ("open/list", test_list_open_sessions);
  ADD ("check-in/arrived", test_check_in_arrived);
  ADD ("session-day", test_session_day);
  ADD ("reschedule-clears-check-ins", test_reschedule_clears_check_ins);

  return g_test_run ();
}
