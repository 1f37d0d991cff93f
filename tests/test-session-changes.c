/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session-changes.c: what changed in a session, and the words that
 * say it, without a display */
#define G_LOG_DOMAIN "test-session-changes"

#include "config.h"

#include "atelier-session-changes.h"
#include "test-util.h"

/* Risotto, Tuesday 8 December 2026 from 18:00 to 20:30, Paris time, in
 * the kitchen */
static AtelierSession *
risotto (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) starts = g_date_time_new (paris, 2026, 12, 8, 18, 0, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_minutes (starts, 150);
  AtelierSession *session = atelier_session_new (1, starts, ends, "Europe/Paris");

  g_object_set (session, "place", "Cuisine", "capacity", 8, "workshop-title", "Risotto", NULL);
  return session;
}

/* @session moved by @minutes; its end too when @end_too */
static void
move_start (AtelierSession *session,
            int             minutes,
            gboolean        end_too)
{
  g_object_set (session, "starts-at", atelier_session_get_starts_at (session) + minutes * 60, NULL);
  if (end_too)
    g_object_set (session, "ends-at", atelier_session_get_ends_at (session) + minutes * 60, NULL);
}

static void
assert_change (AtelierSession        *before,
               AtelierSession        *after,
               AtelierSessionChanges  expected,
               const char            *said)
{
  g_autofree char *text = atelier_session_changes_describe (before, after, NULL);

  g_assert_cmpint (atelier_session_changes_between (before, after), ==, expected);
  g_assert_cmpstr (text, ==, said);
}

static void
test_between (void)
{
  g_autoptr(AtelierSession) before = risotto ();
  g_autoptr(AtelierSession) after = NULL;

  /* Nothing a calendar shows: capacity and status are not changes. */
  after = risotto ();
  g_object_set (after, "capacity", 12, NULL);
  assert_change (before, after, ATELIER_SESSION_CHANGED_NOTHING, NULL);
  g_clear_object (&after);

  /* Half an hour later, the same length */
  after = risotto ();
  move_start (after, 30, TRUE);
  assert_change (before, after, ATELIER_SESSION_CHANGED_START | ATELIER_SESSION_CHANGED_END,
                 "Risotto moved to Tue 8 Dec, 18:30");
  g_clear_object (&after);

  /* A day later at the same time: a new date only */
  after = risotto ();
  move_start (after, 24 * 60, TRUE);
  assert_change (before, after, ATELIER_SESSION_CHANGED_DATE | ATELIER_SESSION_CHANGED_END,
                 "Risotto moved to Wed 9 Dec, 18:00");
  g_clear_object (&after);

  /* Another day and another time */
  after = risotto ();
  move_start (after, 24 * 60 + 90, FALSE);
  assert_change (before, after, ATELIER_SESSION_CHANGED_DATE | ATELIER_SESSION_CHANGED_START,
                 "Risotto moved to Wed 9 Dec, 19:30");
  g_clear_object (&after);

  /* Past midnight in Paris, still the same day in UTC: a new date */
  after = risotto ();
  move_start (after, 6 * 60 + 30, TRUE);
  assert_change (before, after,
                 ATELIER_SESSION_CHANGED_DATE | ATELIER_SESSION_CHANGED_START | ATELIER_SESSION_CHANGED_END,
                 "Risotto moved to Wed 9 Dec, 00:30");
  g_clear_object (&after);

  /* The end only: from 20:30 to 21:30 */
  after = risotto ();
  g_object_set (after, "ends-at", atelier_session_get_ends_at (before) + 3600, NULL);
  assert_change (before, after, ATELIER_SESSION_CHANGED_END, "Risotto now ends at 21:30");
  g_clear_object (&after);

  /* The place only; an empty one is none */
  after = risotto ();
  g_object_set (after, "place", "Terrasse", NULL);
  assert_change (before, after, ATELIER_SESSION_CHANGED_PLACE, "Risotto now at Terrasse");
  g_object_set (after, "place", NULL, NULL);
  assert_change (before, after, ATELIER_SESSION_CHANGED_PLACE, NULL);
  g_object_set (before, "place", "", NULL);
  assert_change (before, after, ATELIER_SESSION_CHANGED_NOTHING, NULL);
  g_clear_object (&after);

  /* The zone: the same instant elsewhere is a change for a calendar */
  g_object_set (before, "place", "Cuisine", NULL);
  after = risotto ();
  g_object_set (after, "time-zone", "Europe/London", NULL);
  assert_change (before, after, ATELIER_SESSION_CHANGED_ZONE, NULL);
  g_clear_object (&after);

  /* A time and a place at once: the time is said first */
  after = risotto ();
  move_start (after, 60, TRUE);
  g_object_set (after, "place", "Terrasse", NULL);
  assert_change (before, after,
                 ATELIER_SESSION_CHANGED_START | ATELIER_SESSION_CHANGED_END | ATELIER_SESSION_CHANGED_PLACE,
                 "Risotto moved to Tue 8 Dec, 19:00");
  g_assert_true (atelier_session_changes_between (before, after) & ATELIER_SESSION_CHANGED_TIME);
}

static char *
shout (GDateTime  *date_time,
       const char *format)
{
  g_autofree char *text = g_date_time_format (date_time, format);

  return g_ascii_strup (text, -1);
}

/* The interface formats the times with its own function. */
static void
test_format_func (void)
{
  g_autoptr(AtelierSession) before = risotto ();
  g_autoptr(AtelierSession) after = risotto ();
  g_autofree char *text = NULL;

  move_start (after, 30, TRUE);
  text = atelier_session_changes_describe (before, after, shout);
  g_assert_cmpstr (text, ==, "Risotto moved to TUE 8 DEC, 18:30");
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

  g_test_add_func ("/atelier/session-changes/between", test_between);
  g_test_add_func ("/atelier/session-changes/format-func", test_format_func);

  return g_test_run ();
}
