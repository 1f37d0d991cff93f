/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-series.c: recurring sessions from an RRULE, across daylight saving */
#define G_LOG_DOMAIN "test-series"

#include "config.h"

#include "atelier-reschedule.h"
#include "atelier-series.h"
#include "test-ical-util.h"

typedef IcalFixture Fixture;

/* A first session at @hour:@minute Paris time on the given day. */
static AtelierSession *
first_session (Fixture *f, int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) starts = g_date_time_new (paris, year, month, day, hour, minute, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_minutes (starts, 150);
  AtelierSession *session = atelier_session_new (f->workshop_id, starts, ends, "Europe/Paris");

  g_object_set (session, "capacity", 8, "place", "Grande cuisine", NULL);
  return session;
}

static int
count_sessions (Fixture *f)
{
  g_autoptr(GListModel) all = atelier_store_list_sessions (f->base.store, NULL, NULL, NULL);

  return g_list_model_get_n_items (all);
}

/* Saturdays at 18:30 from 10 October 2026, across the last Sunday of
 * October (25 October 2026, 03:00 CEST -> 02:00 CET). */
static void
test_weekly_across_dst (Fixture *f, gconstpointer data)
{
  static const int days[] = { 10, 17, 24, 31 };
  g_autoptr(AtelierSession) first = first_session (f, 2026, 10, 10, 18, 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sessions = atelier_series_create (f->base.store, first,
                                                          "FREQ=WEEKLY;BYDAY=SA;COUNT=4", &error);
  g_autoptr(GHashTable) uids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(AtelierSession) s = g_list_model_get_item (sessions, i);
      g_autoptr(AtelierSession) stored = atelier_store_get_session (f->base.store,
                                                                    atelier_session_get_id (s), NULL);
      g_autoptr(GDateTime) start = atelier_session_dup_start (stored);
      g_autoptr(GDateTime) utc = g_date_time_to_utc (start);

      g_assert_cmpint (g_date_time_get_month (start), ==, 10);
      g_assert_cmpint (g_date_time_get_day_of_month (start), ==, days[i]);
      g_assert_cmpint (g_date_time_get_day_of_week (start), ==, 6);
      g_assert_cmpint (g_date_time_get_hour (start), ==, 18);
      g_assert_cmpint (g_date_time_get_minute (start), ==, 30);
      /* 16:30 UTC in summer time, 17:30 after the change. */
      g_assert_cmpint (g_date_time_get_hour (utc), ==, days[i] < 25 ? 16 : 17);
      g_assert_cmpint (atelier_session_get_ends_at (stored) - atelier_session_get_starts_at (stored),
                       ==, 150 * 60);
      g_assert_cmpstr (atelier_session_get_place (stored), ==, "Grande cuisine");
      g_assert_cmpint (atelier_session_get_capacity (stored), ==, 8);
      g_assert_cmpint (atelier_session_get_sequence (stored), ==, 0);
      g_assert_false (g_hash_table_contains (uids, atelier_session_get_uid (stored)));
      g_hash_table_add (uids, (gpointer) g_intern_string (atelier_session_get_uid (stored)));
    }
  g_assert_cmpint (count_sessions (f), ==, 4);
}

/* The invite of the session after the change carries its 18:30 with the
 * zone's rules for both sides of it. */
static void
test_invite_after_dst (Fixture *f, gconstpointer data)
{
  g_autoptr(AtelierSession) first = first_session (f, 2026, 10, 10, 18, 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sessions = atelier_series_create (f->base.store, first,
                                                          "RRULE:FREQ=WEEKLY;BYDAY=SA;COUNT=4", &error);
  g_autoptr(AtelierSession) last = g_list_model_get_item (sessions, 3);
  g_autoptr(AtelierSettings) settings = atelier_settings_load (f->base.store, &error);
  g_autoptr(AtelierWorkshop) workshop = atelier_store_get_workshop (f->base.store, f->workshop_id, &error);
  g_autoptr(AtelierCustomer) zoe = ical_customer (f, "Zoé", "Martin", "zoe@example.org");
  g_autofree char *text = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  icalcomponent *event;
  struct icaltimetype start;

  g_assert_no_error (error);
  text = atelier_invite_build (settings, last, workshop, zoe, 1, ATELIER_INVITE_NEW, 0, &error);
  g_assert_no_error (error);
  calendar = parse_ical (text, "REQUEST");
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  start = icalcomponent_get_dtstart (event);
  g_assert_cmpint (start.day, ==, 31);
  g_assert_cmpint (start.hour, ==, 18);
  g_assert_cmpint (start.minute, ==, 30);
  /* libical, reading the file's own VTIMEZONE, agrees on the instant. */
  g_assert_cmpint (icaltime_as_timet_with_zone (start, (icaltimezone *) start.zone), ==,
                   atelier_session_get_starts_at (last));
  g_assert_nonnull (strstr (text, "TZOFFSETTO:+0100"));
  g_assert_nonnull (strstr (text, "TZOFFSETTO:+0200"));
}

static void
test_monthly_until (Fixture *f, gconstpointer data)
{
  static const int months[] = { 11, 12, 1, 2 };
  static const int days[] = { 3, 1, 5, 2 };
  g_autoptr(AtelierSession) first = first_session (f, 2026, 11, 3, 10, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sessions = atelier_series_create (f->base.store, first,
                                                          "FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270301T000000Z",
                                                          &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(AtelierSession) s = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) start = atelier_session_dup_start (s);

      g_assert_cmpint (g_date_time_get_month (start), ==, months[i]);
      g_assert_cmpint (g_date_time_get_day_of_month (start), ==, days[i]);
      g_assert_cmpint (g_date_time_get_day_of_week (start), ==, 2);
      g_assert_cmpint (g_date_time_get_hour (start), ==, 10);
    }
}

static void
test_limits (Fixture *f, gconstpointer data)
{
  g_autoptr(AtelierSession) first = first_session (f, 2026, 1, 1, 9, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) most = NULL;
  GListModel *none;

  none = atelier_series_create (f->base.store, first, "FREQ=DAILY;COUNT=367", &error);
  g_assert_null (none);
  g_assert_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_TOO_MANY);
  g_clear_error (&error);

  /* A rule that never ends is refused the same way. */
  none = atelier_series_create (f->base.store, first, "FREQ=WEEKLY;BYDAY=MO,TH", &error);
  g_assert_null (none);
  g_assert_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_TOO_MANY);
  g_clear_error (&error);
  g_assert_cmpint (count_sessions (f), ==, 0);

  most = atelier_series_create (f->base.store, first, "FREQ=DAILY;COUNT=366", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (most), ==, 366);
  g_assert_cmpint (count_sessions (f), ==, 366);
}

static void
test_invalid_rules (Fixture *f, gconstpointer data)
{
  static const char *const rules[] = {
    "",
    "FREQ=SOMETIMES;COUNT=3",
    "COUNT=3",
    "FREQ=WEEKLY;COUNT=3\r\nATTENDEE:mailto:evil@example.net",
    /* Steps finer than a day: libical searched for minutes on these. */
    "FREQ=SECONDLY;BYDAY=-1FR;UNTIL=2027123T000000Z",
    "FREQ=HOURLY;BYDAY=-1FR;COUNT=10",
    "FREQ=DAILY;BYDAY=-1FR;BYHOUR=9,14;COUNT=4",
    "FREQ=WEEKLY;BYMINUTE=0,30;COUNT=4",
    "FREQ=MONTHLY;BYSECOND=5;COUNT=4",
  };
  g_autoptr(AtelierSession) first = first_session (f, 2026, 1, 1, 9, 0);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(GError) error = NULL;
      GListModel *none = atelier_series_create (f->base.store, first, rules[i], &error);

      g_assert_null (none);
      g_assert_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_INVALID_RULE);
    }
  g_assert_cmpint (count_sessions (f), ==, 0);

  {
    g_autoptr(GError) error = NULL;
    GListModel *none;

    g_object_set (first, "time-zone", "Mars/Olympus", NULL);
    none = atelier_series_create (f->base.store, first, "FREQ=DAILY;COUNT=2", &error);
    g_assert_null (none);
    g_assert_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_TIME_ZONE);
  }
}

/* One session refused by the store leaves none of the series stored. */
static void
test_all_or_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(AtelierSession) first = first_session (f, 2026, 1, 1, 9, 0);
  g_autoptr(GError) error = NULL;
  GListModel *none;

  g_object_set (first, "capacity", -1, NULL);
  none = atelier_series_create (f->base.store, first, "FREQ=DAILY;COUNT=3", &error);
  g_assert_null (none);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
  g_assert_cmpint (count_sessions (f), ==, 0);
}

static char *
build_rrule (AtelierSeriesFrequency  frequency,
             guint                   weekdays,
             GDateTime              *first_day,
             guint                   count,
             GDateTime              *until_day)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  AtelierSeriesChoices choices = {
    .frequency = frequency, .weekdays = weekdays, .first_day = first_day,
    .count = count, .until_day = until_day, .zone = paris,
  };

  return atelier_series_build_rrule (&choices);
}

/* The RRULE the editor's choices make, built without a display. */
static void
test_rrule_from_choices (Fixture *f, gconstpointer data)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GTimeZone) tokyo = g_time_zone_new_identifier ("Asia/Tokyo");
  /* Tuesday 1, Tuesday 22, Friday 25, Tuesday 29 December 2026 */
  g_autoptr(GDateTime) tue_1 = g_date_time_new (paris, 2026, 12, 1, 18, 0, 0);
  g_autoptr(GDateTime) tue_22 = g_date_time_new (paris, 2026, 12, 22, 18, 0, 0);
  g_autoptr(GDateTime) fri_25 = g_date_time_new (tokyo, 2026, 12, 25, 1, 0, 0);
  g_autoptr(GDateTime) tue_29 = g_date_time_new (paris, 2026, 12, 29, 18, 0, 0);
  /* Summer time: the end of 30 June in Paris is 21:59:59 UTC. */
  g_autoptr(GDateTime) june_30 = g_date_time_new (tokyo, 2027, 6, 30, 0, 0, 0);
  g_autoptr(GDateTime) jan_9 = g_date_time_new_utc (2027, 1, 9, 12, 0, 0);
  g_autoptr(GDateTime) until = NULL;
  struct { char *rule; const char *expected; } cases[] = {
    { build_rrule (ATELIER_SERIES_WEEKLY, ATELIER_SERIES_WEEKDAY (1) | ATELIER_SERIES_WEEKDAY (5),
                   tue_1, 6, NULL), "FREQ=WEEKLY;BYDAY=TU,SA;COUNT=6" },
    { build_rrule (ATELIER_SERIES_WEEKLY, 0x7f, tue_1, 2, NULL),
      "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;COUNT=2" },
    { build_rrule (ATELIER_SERIES_WEEKLY, ATELIER_SERIES_WEEKDAY (6), tue_1, 1, jan_9),
      "FREQ=WEEKLY;BYDAY=SU;UNTIL=20270109T225959Z" },
    { build_rrule (ATELIER_SERIES_MONTHLY, 0, tue_1, 4, NULL), "FREQ=MONTHLY;BYDAY=1TU;COUNT=4" },
    { build_rrule (ATELIER_SERIES_MONTHLY, 0, tue_22, 3, NULL), "FREQ=MONTHLY;BYDAY=4TU;COUNT=3" },
    /* The day counts, not the instant: the 25th in Tokyo is a Friday. */
    { build_rrule (ATELIER_SERIES_MONTHLY, 0, fri_25, 3, NULL), "FREQ=MONTHLY;BYDAY=4FR;COUNT=3" },
    /* A fifth Tuesday is the last one. */
    { build_rrule (ATELIER_SERIES_MONTHLY, ATELIER_SERIES_WEEKDAY (0), tue_29, 0, june_30),
      "FREQ=MONTHLY;BYDAY=-1TU;UNTIL=20270630T215959Z" },
  };
  int weekday;
  int ordinal;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (cases[i].rule, ==, cases[i].expected);
      g_free (cases[i].rule);
    }

  atelier_series_weekday_of_month (tue_22, &weekday, &ordinal);
  g_assert_cmpint (weekday, ==, 1);
  g_assert_cmpint (ordinal, ==, 4);
  until = atelier_series_dup_until (jan_9, paris);
  g_assert_cmpint (g_date_time_get_hour (until), ==, 23);
  g_assert_cmpint (g_date_time_get_day_of_month (until), ==, 9);

  /* What the rule makes: every Tuesday and Saturday from 1 December. */
  {
    g_autoptr(AtelierSession) first = first_session (f, 2026, 12, 1, 18, 0);
    g_autofree char *rule = build_rrule (ATELIER_SERIES_WEEKLY,
                                         ATELIER_SERIES_WEEKDAY (1) | ATELIER_SERIES_WEEKDAY (5),
                                         tue_1, 0, jan_9);
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) sessions = atelier_series_expand (first, rule, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 12);
  }
}

static char *
format_wall (GDateTime *time)
{
  return g_date_time_format (time, "%Y-%m-%d %H:%M %:z");
}

/* A time the clocks skip is read the RFC 5545 way, as libical reads the
 * same time inside a series: 02:30 on the morning summer time starts in
 * Paris is 03:30. Times that exist are left as they are. */
static void
test_wall_time_in_gap (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) gap = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) other = NULL;
  g_autoptr(AtelierSession) first = NULL;
  g_autoptr(GListModel) series = NULL;
  g_autoptr(AtelierSession) second = NULL;
  g_autoptr(GDateTime) expanded = NULL;
  g_autofree char *text = NULL;
  gboolean moved = FALSE;

  gap = atelier_reschedule_wall_time (paris, 2027, 3, 28, 2, 30, 0, &moved);
  g_assert_true (moved);
  text = format_wall (gap);
  g_assert_cmpstr (text, ==, "2027-03-28 03:30 +02:00");
  g_clear_pointer (&text, g_free);

  before = atelier_reschedule_wall_time (paris, 2027, 3, 28, 1, 59, 0, &moved);
  g_assert_false (moved);
  text = format_wall (before);
  g_assert_cmpstr (text, ==, "2027-03-28 01:59 +01:00");
  g_clear_pointer (&text, g_free);
  after = atelier_reschedule_wall_time (paris, 2027, 3, 28, 3, 0, 0, &moved);
  g_assert_false (moved);
  g_assert_cmpint (g_date_time_difference (after, before), ==, G_TIME_SPAN_MINUTE);

  other = atelier_reschedule_wall_time (new_york, 2027, 3, 14, 2, 15, 0, &moved);
  g_assert_true (moved);
  text = format_wall (other);
  g_assert_cmpstr (text, ==, "2027-03-14 03:15 -04:00");
  g_clear_pointer (&text, g_free);

  /* libical, inside a daily series, gives the same answer. */
  {
    g_autoptr(GDateTime) starts = atelier_reschedule_wall_time (paris, 2027, 3, 27, 2, 30, 0, NULL);
    g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 1);

    first = atelier_session_new (1, starts, ends, "Europe/Paris");
  }
  series = atelier_series_expand (first, "FREQ=DAILY;COUNT=2", NULL);
  g_assert_nonnull (series);
  second = g_list_model_get_item (series, 1);
  expanded = atelier_session_dup_start (second);
  g_assert_true (g_date_time_equal (expanded, gap));
}

static char *
format_start (GListModel *sessions,
              guint       i)
{
  g_autoptr(AtelierSession) session = g_list_model_get_item (sessions, i);
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);

  return format_wall (start);
}

/* A first session at a wall time, read by the schedule's rule, as the
 * editor and the CLI make it. */
static AtelierSession *
first_at_wall (GDateTime *wall,
               int        minutes)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) starts =
    atelier_reschedule_wall_time (paris, g_date_time_get_year (wall), g_date_time_get_month (wall),
                                g_date_time_get_day_of_month (wall), g_date_time_get_hour (wall),
                                g_date_time_get_minute (wall), 0, NULL);
  g_autoptr(GDateTime) ends = g_date_time_add_minutes (starts, minutes);

  return atelier_session_new (1, starts, ends, "Europe/Paris");
}

/* A series whose first date falls in the gap: that date alone moves to
 * 03:30, the later ones keep the 02:30 that was chosen, as a single
 * session at 02:30 on each of those dates would. */
static void
test_first_date_in_gap (void)
{
  static const char *const expected[] = {
    "2027-03-28 03:30 +02:00", "2027-03-29 02:30 +02:00", "2027-04-04 02:30 +02:00",
  };
  g_autoptr(GDateTime) wall = g_date_time_new_utc (2027, 3, 28, 2, 30, 0);
  g_autoptr(AtelierSession) first = first_at_wall (wall, 60);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) series = atelier_series_expand_full (first, wall,
                                                             "FREQ=WEEKLY;BYDAY=SU,MO;COUNT=3",
                                                             NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (series), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *text = format_start (series, i);
      g_autoptr(AtelierSession) session = g_list_model_get_item (series, i);

      g_assert_cmpstr (text, ==, expected[i]);
      g_assert_cmpint (atelier_session_get_ends_at (session) - atelier_session_get_starts_at (session),
                       ==, 3600);
    }
}

/* 02:30 on the morning summer time ends comes twice: the first one, in
 * summer time, whether alone or inside a series. */
static void
test_repeated_time (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) wall = g_date_time_new_utc (2026, 10, 24, 2, 30, 0);
  g_autoptr(AtelierSession) first = first_at_wall (wall, 60);
  g_autoptr(GListModel) series = NULL;
  g_autoptr(GDateTime) alone = NULL;
  g_autofree char *text = NULL;
  g_autofree char *second = NULL;
  AtelierWallTimeKind kind;

  alone = atelier_reschedule_wall_time_full (paris, 2026, 10, 25, 2, 30, 0, &kind);
  g_assert_cmpint (kind, ==, ATELIER_WALL_TIME_REPEATED);
  text = format_wall (alone);
  g_assert_cmpstr (text, ==, "2026-10-25 02:30 +02:00");

  g_clear_pointer (&alone, g_date_time_unref);
  alone = atelier_reschedule_wall_time_full (paris, 2026, 10, 25, 3, 0, 0, &kind);
  g_assert_cmpint (kind, ==, ATELIER_WALL_TIME_EXISTS);
  g_clear_pointer (&alone, g_date_time_unref);
  alone = atelier_reschedule_wall_time_full (paris, 2026, 10, 25, 1, 59, 0, &kind);
  g_assert_cmpint (kind, ==, ATELIER_WALL_TIME_EXISTS);

  series = atelier_series_expand_full (first, wall, "FREQ=DAILY;COUNT=2", NULL, NULL);
  g_assert_nonnull (series);
  second = format_start (series, 1);
  g_assert_cmpstr (second, ==, "2026-10-25 02:30 +02:00");
}

/* The note that says which time was kept, for both kinds of change. */
static void
test_wall_time_note (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) kept = NULL;
  g_autofree char *note = NULL;
  AtelierWallTimeKind kind;

  kept = atelier_reschedule_wall_time_full (paris, 2027, 3, 28, 2, 30, 0, &kind);
  g_assert_cmpint (kind, ==, ATELIER_WALL_TIME_SKIPPED);
  note = atelier_reschedule_describe_wall_time (kind, 2, 30, "28 March 2027", kept);
  g_assert_cmpstr (note, ==, "02:30 does not exist on 28 March 2027 (clocks go forward); "
                             "the session starts at 03:30.");
  g_clear_pointer (&note, g_free);
  g_clear_pointer (&kept, g_date_time_unref);

  kept = atelier_reschedule_wall_time_full (paris, 2026, 10, 25, 2, 30, 0, &kind);
  note = atelier_reschedule_describe_wall_time (kind, 2, 30, "25 October 2026", kept);
  g_assert_cmpstr (note, ==, "02:30 happens twice on 25 October 2026 (clocks go back); "
                             "the session starts at the first 02:30, UTC+02:00.");
  g_clear_pointer (&note, g_free);
  g_clear_pointer (&kept, g_date_time_unref);

  kept = atelier_reschedule_wall_time_full (paris, 2026, 10, 26, 2, 30, 0, &kind);
  g_assert_cmpint (kind, ==, ATELIER_WALL_TIME_EXISTS);
  g_assert_null (atelier_reschedule_describe_wall_time (kind, 2, 30, "26 October 2026", kept));
}

static GPtrArray *
days_to_skip (int n, ...)
{
  GPtrArray *days = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  va_list args;

  va_start (args, n);
  for (int i = 0; i < n; i++)
    {
      int year = va_arg (args, int);
      int month = va_arg (args, int);
      int day = va_arg (args, int);

      g_ptr_array_add (days, g_date_time_new (paris, year, month, day, 0, 0, 0));
    }
  va_end (args);
  return days;
}

/* Holidays are left out; they still count in COUNT, as EXDATE does. */
static void
test_skip_days (Fixture *f, gconstpointer data)
{
  static const int days[] = { 3, 17, 24 };
  g_autoptr(AtelierSession) first = first_session (f, 2027, 4, 3, 10, 0);
  g_autoptr(GPtrArray) skip = days_to_skip (2, 2027, 4, 10, 2027, 5, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sessions = atelier_series_create_full (f->base.store, first, NULL,
                                                               "FREQ=WEEKLY;BYDAY=SA;COUNT=5",
                                                               skip, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(AtelierSession) s = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) start = atelier_session_dup_start (s);

      g_assert_cmpint (g_date_time_get_day_of_month (start), ==, days[i]);
      g_assert_cmpint (g_date_time_get_hour (start), ==, 10);
    }
  g_assert_cmpint (count_sessions (f), ==, 3);
}

/* A date the rule does not give is named, and nothing is stored. */
static void
test_skip_outside (Fixture *f, gconstpointer data)
{
  g_autoptr(AtelierSession) first = first_session (f, 2027, 4, 3, 10, 0);
  g_autoptr(GPtrArray) skip = days_to_skip (2, 2027, 4, 10, 2027, 4, 11);
  g_autoptr(GPtrArray) all = days_to_skip (2, 2027, 4, 3, 2027, 4, 10);
  g_autoptr(GError) error = NULL;
  GListModel *none;

  none = atelier_series_create_full (f->base.store, first, NULL, "FREQ=WEEKLY;BYDAY=SA;COUNT=3",
                                     skip, &error);
  g_assert_null (none);
  g_assert_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_SKIP);
  g_assert_nonnull (strstr (error->message, "2027-04-11"));
  g_assert_cmpint (count_sessions (f), ==, 0);
  g_clear_error (&error);

  none = atelier_series_create_full (f->base.store, first, NULL, "FREQ=WEEKLY;BYDAY=SA;COUNT=2",
                                     all, &error);
  g_assert_null (none);
  g_assert_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_INVALID_RULE);
  g_assert_cmpint (count_sessions (f), ==, 0);
}

/* A session knows the series it was created in: its place, the others. */
static void
test_membership (Fixture *f, gconstpointer data)
{
  g_autoptr(AtelierSession) first = first_session (f, 2027, 4, 3, 10, 0);
  g_autoptr(AtelierSession) alone = first_session (f, 2027, 4, 4, 10, 0);
  g_autoptr(GPtrArray) skip = days_to_skip (1, 2027, 4, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) created = atelier_series_create_full (f->base.store, first, NULL,
                                                              "FREQ=WEEKLY;BYDAY=SA;COUNT=4",
                                                              skip, &error);
  g_autoptr(AtelierSession) second = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autofree char *rrule = NULL;
  g_autofree char *place = NULL;
  gint64 series_id = -1;
  guint position = 0;
  guint count = 0;

  g_assert_no_error (error);
  second = g_list_model_get_item (created, 1);
  g_assert_true (atelier_series_find (f->base.store, atelier_session_get_id (second), &series_id,
                                      &position, &count, &rrule, &error));
  g_assert_no_error (error);
  g_assert_cmpint (series_id, >, 0);
  g_assert_cmpuint (position, ==, 2);
  g_assert_cmpuint (count, ==, 3);
  g_assert_cmpstr (rrule, ==, "FREQ=WEEKLY;BYDAY=SA;COUNT=4");
  place = atelier_series_describe_place (position, count, rrule);
  g_assert_cmpstr (place, ==, "Session 2 of 3 in a weekly series");

  listed = atelier_series_list_sessions (f->base.store, series_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AtelierSession) a = g_list_model_get_item (created, i);
      g_autoptr(AtelierSession) b = g_list_model_get_item (listed, i);

      g_assert_cmpint (atelier_session_get_id (a), ==, atelier_session_get_id (b));
      g_assert_cmpint (atelier_session_get_series_id (b), ==, series_id);
    }

  /* A session planned alone is in no series. */
  g_assert_true (atelier_store_add_session (f->base.store, alone, &error));
  g_assert_true (atelier_series_find (f->base.store, atelier_session_get_id (alone), &series_id,
                                      NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (series_id, ==, 0);
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/atelier/series/" path, Fixture, NULL, ical_fixture_setup, func, ical_fixture_teardown)

  ADD ("weekly-across-dst", test_weekly_across_dst);
  ADD ("invite-after-dst", test_invite_after_dst);
  ADD ("monthly-until", test_monthly_until);
  ADD ("limits", test_limits);
  ADD ("invalid-rules", test_invalid_rules);
  ADD ("all-or-nothing", test_all_or_nothing);
  ADD ("rrule-from-choices", test_rrule_from_choices);
  ADD ("skip-days", test_skip_days);
  ADD ("skip-outside", test_skip_outside);
  ADD ("membership", test_membership);

  g_test_add_func ("/atelier/series/wall-time-in-gap", test_wall_time_in_gap);
  g_test_add_func ("/atelier/series/first-date-in-gap", test_first_date_in_gap);
  g_test_add_func ("/atelier/series/repeated-time", test_repeated_time);
  g_test_add_func ("/atelier/series/wall-time-note", test_wall_time_note);

  return g_test_run ();
}
