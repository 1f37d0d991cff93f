/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-report.c: each figure of a period on a small store whose answers
 * are known by hand */
#include "config.h"

#include "atelier-report.h"
#include "atelier-settings.h"
#include "test-util.h"

#define ZONE "Europe/Paris"
#define DAY (G_GINT64_CONSTANT (86400))

/* The store of every test: two workshops, January 2026 in Paris.
 *
 * Risotto (40.00, cuisine), in the period:
 *   S1 Mon 5 Jan 10:00, 4 seats: Alice, party of 3 of whom 2 came;
 *      Bruno, 1, came (his first class). Full. Waiting: Chloé (2), who
 *      never got a Risotto seat, and Denis (1), who got one in S3.
 *   S2 Sat 10 Jan 19:00, cancelled: Emma's 2 seats cancelled with it.
 *   S3 Tue 20 Jan 14:00, 6 seats: Denis, 1, did not come; Emma, 2, came
 *      (her first class).
 * Macarons (30.00, pâtisserie):
 *   S0 Mon 1 Dec 2025, before the period: Alice came.
 *   S4 Thu 15 Jan 18:30 (17:30 UTC: evening in Paris), 5 seats: Farid
 *      came (his first class).
 *   S5 89 days after S1: Bruno came back. S6 91 days after S3: Emma came
 *      back, too late to count. */
typedef struct
{
  TestStore  base;
  gint64     from;
  gint64     to;
  gint64     now;
  gint64     risotto;
  gint64     macarons;
  gint64     s1_start;
} ReportFixture;

static gint64
paris_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (ZONE);
  g_autoptr(GDateTime) time = g_date_time_new (zone, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static gint64
add_workshop (AtelierStore *store,
              const char   *title,
              gint64        price,
              const char   *category)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "capacity", 6, "duration-minutes", 120, "price-cents", price,
                "category", category, NULL);
  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
  return atelier_workshop_get_id (workshop);
}

static gint64
add_session (AtelierStore *store,
             gint64        workshop_id,
             gint64        starts_at,
             int           capacity,
             const char   *status)
{
  g_autoptr(GDateTime) starts = g_date_time_new_from_unix_utc (starts_at);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (workshop_id, starts, ends, ZONE);
  g_autoptr(GError) error = NULL;

  g_object_set (session, "capacity", capacity, "status", status, NULL);
  g_assert_true (atelier_store_add_session (store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static gint64
add_customer (AtelierStore *store,
              const char   *given_name,
              const char   *interests)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, "Test");
  g_autoptr(GError) error = NULL;

  g_object_set (customer, "interests", interests, NULL);
  g_assert_true (atelier_store_add_customer (store, customer, &error));
  g_assert_no_error (error);
  return atelier_customer_get_id (customer);
}

/* @came: 0 for not checked in, -1 for the whole party, else how many. */
static void
add_registration (AtelierStore *store,
                  gint64        session_id,
                  gint64        customer_id,
                  int           party_size,
                  const char   *status,
                  int           came)
{
  g_autoptr(AtelierRegistration) registration =
    atelier_registration_new (session_id, customer_id, party_size);
  g_autoptr(GError) error = NULL;

  g_object_set (registration, "status", status, NULL);
  if (g_strcmp0 (status, ATELIER_REGISTRATION_WAITLISTED) == 0)
    {
      g_autoptr(GListModel) others = atelier_store_list_registrations (store, session_id, NULL);

      g_object_set (registration, "waitlist-position", g_list_model_get_n_items (others) + 1, NULL);
    }
  if (came != 0)
    {
      AtelierSession *session = atelier_store_get_session (store, session_id, NULL);

      g_object_set (registration, "checked-in-at", atelier_session_get_starts_at (session), NULL);
      if (came > 0)
        g_object_set (registration, "arrived", came, NULL);
      g_object_unref (session);
    }
  g_assert_true (atelier_store_add_registration (store, registration, &error));
  g_assert_no_error (error);
}

static void
report_setup (ReportFixture *fixture,
              gconstpointer  data)
{
  AtelierStore *store;
  gint64 alice, bruno, chloe, denis, emma, farid;
  gint64 s0, s1, s2, s3, s4, s5, s6;

  test_store_setup (&fixture->base, data);
  store = fixture->base.store;
  fixture->from = paris_time (2026, 1, 1, 0, 0);
  fixture->to = paris_time (2026, 2, 1, 0, 0);
  fixture->now = paris_time (2026, 6, 1, 12, 0);
  g_assert_true (atelier_settings_write (store, ATELIER_SETTING_TIME_ZONE, ZONE, NULL));

  fixture->risotto = add_workshop (store, "Risotto", 4000, "cuisine");
  fixture->macarons = add_workshop (store, "Macarons", 3000, "pâtisserie");

  alice = add_customer (store, "Alice", "cuisine, vin");
  bruno = add_customer (store, "Bruno", "cuisine");
  chloe = add_customer (store, "Chloé", "pâtisserie");
  denis = add_customer (store, "Denis", "");
  emma = add_customer (store, "Emma", "vin");
  farid = add_customer (store, "Farid", "Cuisine");

  fixture->s1_start = paris_time (2026, 1, 5, 10, 0);
  s0 = add_session (store, fixture->macarons, paris_time (2025, 12, 1, 10, 0), 5, "scheduled");
  s1 = add_session (store, fixture->risotto, fixture->s1_start, 4, "scheduled");
  s2 = add_session (store, fixture->risotto, paris_time (2026, 1, 10, 19, 0), 6, "cancelled");
  s3 = add_session (store, fixture->risotto, paris_time (2026, 1, 20, 14, 0), 6, "scheduled");
  s4 = add_session (store, fixture->macarons, paris_time (2026, 1, 15, 18, 30), 5, "scheduled");
  s5 = add_session (store, fixture->macarons, fixture->s1_start + 89 * DAY, 5, "scheduled");
  s6 = add_session (store, fixture->macarons, paris_time (2026, 1, 20, 14, 0) + 91 * DAY, 5,
                    "scheduled");

  add_registration (store, s0, alice, 1, ATELIER_REGISTRATION_CONFIRMED, -1);
  add_registration (store, s1, alice, 3, ATELIER_REGISTRATION_CONFIRMED, 2);
  add_registration (store, s1, bruno, 1, ATELIER_REGISTRATION_CONFIRMED, -1);
  add_registration (store, s1, chloe, 2, ATELIER_REGISTRATION_WAITLISTED, 0);
  add_registration (store, s1, denis, 1, ATELIER_REGISTRATION_WAITLISTED, 0);
  add_registration (store, s2, emma, 2, ATELIER_REGISTRATION_CANCELLED, 0);
  add_registration (store, s3, denis, 1, ATELIER_REGISTRATION_CONFIRMED, 0);
  add_registration (store, s3, emma, 2, ATELIER_REGISTRATION_CONFIRMED, -1);
  add_registration (store, s4, farid, 1, ATELIER_REGISTRATION_CONFIRMED, -1);
  add_registration (store, s5, bruno, 1, ATELIER_REGISTRATION_CONFIRMED, -1);
  add_registration (store, s6, emma, 1, ATELIER_REGISTRATION_CONFIRMED, -1);
}

static void
report_teardown (ReportFixture *fixture,
                 gconstpointer  data)
{
  test_store_teardown (&fixture->base, data);
}

static AtelierReport *
compute (ReportFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  AtelierReport *report = atelier_report_compute (fixture->base.store, fixture->from,
                                                  fixture->to, fixture->now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static const AtelierReportWorkshop *
find_workshop (AtelierReport *report,
               gint64         workshop_id)
{
  for (guint i = 0; i < report->workshops->len; i++)
    if (g_array_index (report->workshops, AtelierReportWorkshop, i).workshop_id == workshop_id)
      return &g_array_index (report->workshops, AtelierReportWorkshop, i);

  g_assert_not_reached ();
}

/* A party of 3 of whom 2 came takes 3 seats; a cancelled session offers
 * none; a session is full when its seats are all taken. */
static void
test_fill_rate (ReportFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(AtelierReport) report = compute (fixture);
  const AtelierReportWorkshop *risotto = find_workshop (report, fixture->risotto);
  const AtelierReportWorkshop *macarons = find_workshop (report, fixture->macarons);
  const AtelierReportMonth *january;

  g_assert_cmpuint (report->workshops->len, ==, 2);
  /* By title */
  g_assert_cmpstr (g_array_index (report->workshops, AtelierReportWorkshop, 0).title, ==, "Macarons");

  g_assert_cmpint (risotto->seats.sessions, ==, 2);
  g_assert_cmpint (risotto->seats.seats_offered, ==, 10);
  g_assert_cmpint (risotto->seats.seats_taken, ==, 7);
  g_assert_cmpint (risotto->seats.full_sessions, ==, 1);
  g_assert_cmpint (risotto->seats.waiting_seats, ==, 3);
  g_assert_cmpfloat_with_epsilon (atelier_report_fill_rate (&risotto->seats), 0.7, 1e-9);

  g_assert_cmpint (macarons->seats.sessions, ==, 1);
  g_assert_cmpint (macarons->seats.seats_offered, ==, 5);
  g_assert_cmpint (macarons->seats.seats_taken, ==, 1);
  g_assert_cmpint (macarons->seats.full_sessions, ==, 0);

  g_assert_cmpuint (report->months->len, ==, 1);
  january = &g_array_index (report->months, AtelierReportMonth, 0);
  g_assert_cmpint (january->year, ==, 2026);
  g_assert_cmpint (january->month, ==, 1);
  g_assert_cmpint (january->seats.seats_offered, ==, 15);
  g_assert_cmpint (january->seats.seats_taken, ==, 8);
  g_assert_cmpint (january->seats.full_sessions, ==, 1);
  g_assert_cmpint (report->total.sessions, ==, 3);
}

/* Chloé waited and never got a Risotto seat; Denis waited in S1 but had
 * one in S3: only Chloé's seats are demand not served. */
static void
test_unserved (ReportFixture *fixture,
               gconstpointer  data)
{
  g_autoptr(AtelierReport) report = compute (fixture);

  g_assert_cmpint (find_workshop (report, fixture->risotto)->unserved_seats, ==, 2);
  g_assert_cmpint (find_workshop (report, fixture->macarons)->unserved_seats, ==, 0);
}

/* Alice had come before; Bruno, Emma and Farid came for the first time.
 * Bruno came back on day 89, Emma only on day 91. */
static void
test_returning (ReportFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(AtelierReport) report = compute (fixture);

  g_assert_cmpint (report->returning.first_timers, ==, 3);
  g_assert_cmpint (report->returning.returning, ==, 1);
  g_assert_cmpint (report->returning.came_back_within_90_days, ==, 1);
}

/* Day 90 to the second still counts: the bound is 90 × 24 hours. */
static void
test_returning_bound (ReportFixture *fixture,
                      gconstpointer  data)
{
  AtelierStore *store = fixture->base.store;
  gint64 farid_again = add_session (store, fixture->macarons,
                                    paris_time (2026, 1, 15, 18, 30) + 90 * DAY, 5, "scheduled");
  g_autoptr(AtelierCustomer) farid = NULL;
  g_autoptr(GListModel) customers = atelier_store_list_customers (store, NULL);
  g_autoptr(AtelierReport) report = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (customers) && farid == NULL; i++)
    {
      g_autoptr(AtelierCustomer) customer = g_list_model_get_item (customers, i);

      if (g_strcmp0 (atelier_customer_get_given_name (customer), "Farid") == 0)
        farid = g_steal_pointer (&customer);
    }
  add_registration (store, farid_again, atelier_customer_get_id (farid), 1,
                    ATELIER_REGISTRATION_CONFIRMED, -1);

  report = compute (fixture);
  g_assert_cmpint (report->returning.came_back_within_90_days, ==, 2);
}

/* Denis missed S3 (1 of 3 seats); Alice's party missed 1 of 3 in S1. By
 * weekday and time of day in Paris: S4 at 18:30 is an evening class
 * though it starts at 17:30 UTC. */
static void
test_no_shows (ReportFixture *fixture,
               gconstpointer  data)
{
  g_autoptr(AtelierReport) report = compute (fixture);
  const AtelierReportWorkshop *risotto = find_workshop (report, fixture->risotto);

  g_assert_cmpint (risotto->seats.ended_seats_taken, ==, 7);
  g_assert_cmpint (risotto->seats.ended_seats_came, ==, 5);
  g_assert_cmpfloat_with_epsilon (atelier_report_no_show_rate (&risotto->seats), 2.0 / 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (atelier_report_no_show_rate (&find_workshop (report, fixture->macarons)->seats),
                                  0, 1e-9);

  /* Monday first */
  g_assert_cmpint (report->weekdays[0].ended_seats_taken, ==, 4);
  g_assert_cmpint (report->weekdays[0].ended_seats_came, ==, 3);
  g_assert_cmpint (report->weekdays[1].ended_seats_taken, ==, 3);
  g_assert_cmpint (report->weekdays[1].ended_seats_came, ==, 2);
  g_assert_cmpint (report->weekdays[3].ended_seats_taken, ==, 1);
  g_assert_cmpint (report->weekdays[5].sessions, ==, 0);

  g_assert_cmpint (report->times_of_day[ATELIER_REPORT_MORNING].ended_seats_taken, ==, 4);
  g_assert_cmpint (report->times_of_day[ATELIER_REPORT_AFTERNOON].ended_seats_taken, ==, 3);
  g_assert_cmpint (report->times_of_day[ATELIER_REPORT_EVENING].ended_seats_taken, ==, 1);
  g_assert_cmpint (report->times_of_day[ATELIER_REPORT_EVENING].ended_seats_came, ==, 1);
}

/* Before the sessions end, nobody is a no-show and nothing is earned. */
static void
test_not_ended (ReportFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(AtelierReport) report = NULL;

  fixture->now = fixture->from;
  report = compute (fixture);
  g_assert_cmpint (report->total.seats_taken, ==, 8);
  g_assert_cmpint (report->total.ended_seats_taken, ==, 0);
  g_assert_cmpint (report->total.revenue, ==, 0);
}

/* Price × seats that came: Risotto 40.00 × 5, Macarons 30.00 × 1. */
static void
test_revenue (ReportFixture *fixture,
              gconstpointer  data)
{
  g_autoptr(AtelierReport) report = compute (fixture);

  g_assert_cmpint (find_workshop (report, fixture->risotto)->seats.revenue, ==, 20000);
  g_assert_cmpint (find_workshop (report, fixture->macarons)->seats.revenue, ==, 3000);
  g_assert_cmpint (g_array_index (report->months, AtelierReportMonth, 0).seats.revenue, ==, 23000);
  g_assert_cmpint (report->total.revenue, ==, 23000);
  g_assert_cmpstr (report->currency, ==, "EUR");
}

/* cuisine: Alice, Bruno, Farid ("Cuisine" is the same tag), and Risotto's
 * two sessions held; vin: Alice, Emma, nothing scheduled; pâtisserie:
 * Chloé, and S4. */
static void
test_interests (ReportFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(AtelierReport) report = compute (fixture);
  const AtelierReportInterest *interest;

  g_assert_cmpuint (report->interests->len, ==, 3);
  interest = &g_array_index (report->interests, AtelierReportInterest, 0);
  g_assert_cmpstr (interest->tag, ==, "cuisine");
  g_assert_cmpint (interest->customers, ==, 3);
  g_assert_cmpint (interest->sessions, ==, 2);
  g_assert_cmpint (interest->seats_offered, ==, 10);
  interest = &g_array_index (report->interests, AtelierReportInterest, 1);
  g_assert_cmpstr (interest->tag, ==, "vin");
  g_assert_cmpint (interest->customers, ==, 2);
  g_assert_cmpint (interest->sessions, ==, 0);
  interest = &g_array_index (report->interests, AtelierReportInterest, 2);
  g_assert_cmpstr (interest->tag, ==, "pâtisserie");
  g_assert_cmpint (interest->customers, ==, 1);
  g_assert_cmpint (interest->sessions, ==, 1);
}

/* A period with no session says so; each month of it is still listed. */
static void
test_empty (ReportFixture *fixture,
            gconstpointer  data)
{
  g_autoptr(AtelierReport) report = NULL;

  fixture->from = paris_time (2024, 3, 1, 0, 0);
  fixture->to = paris_time (2024, 6, 1, 0, 0);
  report = compute (fixture);
  g_assert_true (atelier_report_is_empty (report));
  g_assert_cmpuint (report->workshops->len, ==, 0);
  g_assert_cmpuint (report->months->len, ==, 3);
  g_assert_cmpint (g_array_index (report->months, AtelierReportMonth, 0).month, ==, 3);
  g_assert_cmpint (g_array_index (report->months, AtelierReportMonth, 2).month, ==, 5);
  g_assert_cmpint (report->returning.first_timers + report->returning.returning, ==, 0);
}

static void
test_backwards (ReportFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  AtelierReport *report = atelier_report_compute (fixture->base.store, fixture->to,
                                                  fixture->from, fixture->now, &error);

  g_assert_null (report);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
}

/* atelier-cli report prints the same figures; --csv one value a row. */
static void
test_cli (ReportFixture *fixture,
          gconstpointer  data)
{
  const char *cli = g_getenv ("ATELIER_CLI");
  const char *argv[] = { cli, "--database", fixture->base.path, "report",
                         "--from", "2026-01-01", "--to", "2026-01-31", "--csv", NULL };
  const char *backwards[] = { cli, "--database", fixture->base.path, "report",
                              "--from", "2026-01-31", "--to", "2026-01-01", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (cli);
  g_clear_object (&fixture->base.store);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_str_has_prefix (out, "figure,name,measure,value\r\n"));
  g_assert_nonnull (strstr (out, "workshop,Risotto,seats_taken,7\r\n"));
  g_assert_nonnull (strstr (out, "workshop,Risotto,ended_seats_came,5\r\n"));
  g_assert_nonnull (strstr (out, "workshop,Risotto,revenue_minor_units,20000\r\n"));
  g_assert_nonnull (strstr (out, "workshop,Risotto,unserved_seats,2\r\n"));
  g_assert_nonnull (strstr (out, "returning,,came_back_within_90_days,1\r\n"));
  g_assert_nonnull (strstr (out, "time,Evening,ended_seats_taken,1\r\n"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_spawn_sync (NULL, (char **) backwards, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "The end of the period must come after its start."));
}

static void
test_time_of_day (void)
{
  g_assert_cmpint (atelier_report_time_of_day (0), ==, ATELIER_REPORT_MORNING);
  g_assert_cmpint (atelier_report_time_of_day (11), ==, ATELIER_REPORT_MORNING);
  g_assert_cmpint (atelier_report_time_of_day (12), ==, ATELIER_REPORT_AFTERNOON);
  g_assert_cmpint (atelier_report_time_of_day (17), ==, ATELIER_REPORT_AFTERNOON);
  g_assert_cmpint (atelier_report_time_of_day (18), ==, ATELIER_REPORT_EVENING);
  g_assert_cmpint (atelier_report_time_of_day (23), ==, ATELIER_REPORT_EVENING);
}

#define ADD(path, func) \
  g_test_add (path, ReportFixture, NULL, report_setup, func, report_teardown)

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  ADD ("/atelier/report/fill-rate", test_fill_rate);
  ADD ("/atelier/report/unserved", test_unserved);
  ADD ("/atelier/report/returning", test_returning);
  ADD ("/atelier/report/returning-bound", test_returning_bound);
  ADD ("/atelier/report/no-shows", test_no_shows);
  ADD ("/atelier/report/not-ended", test_not_ended);
  ADD ("/atelier/report/revenue", test_revenue);
  ADD ("/atelier/report/interests", test_interests);
  ADD ("/atelier/report/empty", test_empty);
  ADD ("/atelier/report/backwards", test_backwards);
  ADD ("/atelier/report/cli", test_cli);
  g_test_add_func ("/atelier/report/time-of-day", test_time_of_day);

  return g_test_run ();
}
