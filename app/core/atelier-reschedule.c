/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-reschedule.c: changing a session's time, place or status
 *
 * A change that a customer's calendar shows (start, end, time zone,
 * place, status) raises the session's SEQUENCE, once per change, in the
 * same transaction: every confirmed customer who received an invite is
 * then owed an update (see the outbox view).
 */
#define G_LOG_DOMAIN "atelier-reschedule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "atelier-reschedule.h"
#include "atelier-reschedule-private.h"
#include "atelier-session-changes.h"
#include "atelier-store-private.h"

G_DEFINE_QUARK (atelier-reschedule-error-quark, atelier_reschedule_error)

/* The instant that shows @wall (a wall-clock time written as if in UTC)
 * in @zone when the zone is @offset seconds ahead of UTC, or %NULL when
 * the zone's clock does not show @wall at that instant. */
static GDateTime *
instant_with_offset (GDateTime *wall,
                     GTimeZone *zone,
                     GTimeSpan  offset)
{
  g_autoptr(GDateTime) instant = g_date_time_add (wall, -offset);
  g_autoptr(GDateTime) local = NULL;

  if (instant == NULL)
    return NULL;
  local = g_date_time_to_timezone (instant, zone);
  if (local == NULL || g_date_time_get_utc_offset (local) != offset)
    return NULL;
  return g_steal_pointer (&instant);
}

/* The zone's offset a day before or after @wall: no zone changes its
 * clocks twice within two days. */
static GTimeSpan
offset_days_away (GDateTime *wall,
                  GTimeZone *zone,
                  int        days)
{
  g_autoptr(GDateTime) near = g_date_time_add_days (wall, days);
  g_autoptr(GDateTime) local = NULL;

  if (near == NULL)
    near = g_date_time_ref (wall);
  local = g_date_time_to_timezone (near, zone);
  return local != NULL ? g_date_time_get_utc_offset (local) : 0;
}

/**
 * atelier_reschedule_wall_time_full:
 * @zone: the zone of the wall clock
 * @kind: (out) (optional): whether the clocks show that time once, skip
 *   it or show it twice on that date
 *
 * The instant a time on the wall clock of @zone stands for, as RFC 5545
 * §3.3.5 reads it. A time that does not exist, because the clocks jump
 * over it (02:30 in Europe/Paris on the morning summer time starts), is
 * read with the offset in force before the jump: 03:30. A time the clocks
 * show twice (02:30 on the morning summer time ends) is the first of the
 * two. Every session, every date of a series and every reschedule is
 * read this way.
 *
 * Returns: (transfer full) (nullable): the time in @zone, or %NULL when
 *   the date is not one
 */
GDateTime *
atelier_reschedule_wall_time_full (GTimeZone           *zone,
                                 int                  year,
                                 int                  month,
                                 int                  day,
                                 int                  hour,
                                 int                  minute,
                                 int                  second,
                                 AtelierWallTimeKind *kind)
{
  g_autoptr(GDateTime) glib = g_date_time_new (zone, year, month, day, hour, minute, second);
  g_autoptr(GDateTime) wall = g_date_time_new_utc (year, month, day, hour, minute, second);
  g_autoptr(GDateTime) earlier = NULL;
  g_autoptr(GDateTime) later = NULL;
  GTimeSpan before;
  GTimeSpan after;

  if (kind != NULL)
    *kind = ATELIER_WALL_TIME_EXISTS;
  if (glib == NULL || wall == NULL)
    return g_steal_pointer (&glib);

  before = offset_days_away (wall, zone, -1);
  after = offset_days_away (wall, zone, 1);
  if (before == after)
    return g_steal_pointer (&glib);

  earlier = instant_with_offset (wall, zone, before);
  later = instant_with_offset (wall, zone, after);
  if (earlier != NULL && later != NULL)
    {
      if (kind != NULL)
        *kind = ATELIER_WALL_TIME_REPEATED;
      return g_date_time_to_timezone (g_date_time_compare (earlier, later) <= 0 ? earlier : later,
                                      zone);
    }
  if (earlier != NULL || later != NULL)
    return g_date_time_to_timezone (earlier != NULL ? earlier : later, zone);

  /* In the gap: the offset before the jump carries the time past it. */
  g_clear_pointer (&earlier, g_date_time_unref);
  earlier = g_date_time_add (wall, -before);
  if (earlier == NULL)
    return NULL;
  if (kind != NULL)
    *kind = ATELIER_WALL_TIME_SKIPPED;
  return g_date_time_to_timezone (earlier, zone);
}

/**
 * atelier_reschedule_wall_time:
 * @zone: the zone of the wall clock
 * @moved: (out) (optional): set to whether the clocks skip that time in
 *   @zone, so that the result shows another one
 *
 * atelier_reschedule_wall_time_full(), saying only whether the time was
 * skipped.
 *
 * Returns: (transfer full) (nullable): the time in @zone, or %NULL when
 *   the date is not one
 */
GDateTime *
atelier_reschedule_wall_time (GTimeZone *zone,
                            int        year,
                            int        month,
                            int        day,
                            int        hour,
                            int        minute,
                            int        second,
                            gboolean  *moved)
{
  AtelierWallTimeKind kind;
  GDateTime *time = atelier_reschedule_wall_time_full (zone, year, month, day, hour, minute,
                                                     second, &kind);

  if (moved != NULL)
    *moved = time != NULL && kind == ATELIER_WALL_TIME_SKIPPED;
  return time;
}

/**
 * atelier_reschedule_describe_wall_time:
 * @kind: what atelier_reschedule_wall_time_full() said of the time
 * @hour: the hour as chosen
 * @minute: the minute as chosen
 * @day_text: the date, as the caller writes dates ("28 March 2027")
 * @kept: the time atelier_reschedule_wall_time_full() gave
 *
 * The one note that tells the user which time was kept when the chosen
 * one is skipped or shown twice by the clocks; the window and the CLI
 * both show it.
 *
 * Returns: (transfer full) (nullable): the note, or %NULL for a time that
 *   exists once
 */
char *
atelier_reschedule_describe_wall_time (AtelierWallTimeKind  kind,
                                     int                  hour,
                                     int                  minute,
                                     const char          *day_text,
                                     GDateTime           *kept)
{
  g_autofree char *chosen = g_strdup_printf ("%02d:%02d", hour, minute);
  g_autofree char *kept_time = NULL;
  g_autofree char *kept_offset = NULL;

  g_return_val_if_fail (day_text != NULL, NULL);

  if (kind == ATELIER_WALL_TIME_EXISTS || kept == NULL)
    return NULL;

  kept_time = g_date_time_format (kept, "%H:%M");
  if (kind == ATELIER_WALL_TIME_SKIPPED)
    /* TRANSLATORS: the time chosen, a date, then the time kept, e.g.
     * "02:30 does not exist on 28 March 2027 (clocks go forward); the
     * session starts at 03:30." */
    return g_strdup_printf (_("%s does not exist on %s (clocks go forward); "
                              "the session starts at %s."),
                            chosen, day_text, kept_time);

  kept_offset = g_date_time_format (kept, "%:z");
  /* TRANSLATORS: the time chosen, a date, the time again, then its offset
   * from UTC, e.g. "02:30 happens twice on 25 October 2026 (clocks go
   * back); the session starts at the first 02:30, UTC+02:00." */
  return g_strdup_printf (_("%s happens twice on %s (clocks go back); "
                            "the session starts at the first %s, UTC%s."),
                          chosen, day_text, kept_time, kept_offset);
}

static gboolean
calendar_changed (AtelierSession *stored,
                  AtelierSession *wanted)
{
  return atelier_session_changes_between (stored, wanted) != ATELIER_SESSION_CHANGED_NOTHING;
}

/* Every registration still open is cancelled by the store. */
static gboolean
cancel_registrations (AtelierStore  *store,
                      gint64         session_id,
                      GError       **error)
{
  gint64 params[] = { atelier_store_now (), session_id };

  return atelier_store_exec_ids (store,
                        "UPDATE registrations SET status = 'cancelled', waitlist_position = NULL,"
                        " checked_in_at = NULL, arrived = NULL, cancelled_at = ?, cancelled_by = 'store'"
                        " WHERE session_id = ? AND status <> 'cancelled'",
                        params, G_N_ELEMENTS (params), error);
}

static gboolean
set_status (AtelierStore  *store,
            gint64         session_id,
            const char    *status,
            GError       **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store, "UPDATE sessions SET status = ? WHERE id = ?",
                                              error);

  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, status);
  atelier_db_stmt_bind_int64 (stmt, 2, session_id);
  if (!atelier_store_step_done (store, stmt, error))
    return FALSE;

  return g_strcmp0 (status, ATELIER_SESSION_CANCELLED) != 0 ||
         cancel_registrations (store, session_id, error);
}

/* The calendar date of @date_time: 2026-12-12 → 20261212 */
static int
date_key (GDateTime *date_time)
{
  return g_date_time_get_year (date_time) * 10000 +
         g_date_time_get_month (date_time) * 100 +
         g_date_time_get_day_of_month (date_time);
}

static gboolean
same_day (AtelierSession *a,
          AtelierSession *b)
{
  g_autoptr(GDateTime) start_a = atelier_session_dup_start (a);
  g_autoptr(GDateTime) start_b = atelier_session_dup_start (b);

  return date_key (start_a) == date_key (start_b);
}

/* Check-ins made for the old day mean nothing on the new one. */
static gboolean
clear_check_ins (AtelierStore  *store,
                 gint64         session_id,
                 int           *n_cleared,
                 GError       **error)
{
  if (!atelier_store_exec_ids (store,
                               "UPDATE registrations SET checked_in_at = NULL, arrived = NULL"
                               " WHERE session_id = ? AND checked_in_at IS NOT NULL",
                               &session_id, 1, error))
    return FALSE;

  if (n_cleared != NULL)
    *n_cleared = atelier_db_changes (atelier_store_get_db (store));
  return TRUE;
}

gboolean
atelier_reschedule_update_locked (AtelierStore    *store,
                                AtelierSession  *session,
                                const char      *status,
                                int             *n_cleared,
                                GError         **error)
{
  gint64 id = atelier_session_get_id (session);
  g_autoptr(AtelierSession) stored = atelier_store_get_session (store, id, error);
  gboolean status_changed;
  gboolean changed;

  if (n_cleared != NULL)
    *n_cleared = 0;

  if (stored == NULL)
    return FALSE;
  if (atelier_session_get_capacity (stored) != atelier_session_get_capacity (session))
    {
      g_set_error_literal (error, ATELIER_RESCHEDULE_ERROR, ATELIER_RESCHEDULE_ERROR_CAPACITY,
                           _("Change a session’s capacity on its own, so that the waiting list "
                             "moves up with it."));
      return FALSE;
    }

  status_changed = g_strcmp0 (atelier_session_get_status (stored), status) != 0;
  changed = status_changed || calendar_changed (stored, session);

  if (!atelier_store_update_session (store, session, error))
    return FALSE;
  if (status_changed && !set_status (store, id, status, error))
    return FALSE;
  if (!same_day (stored, session) && !clear_check_ins (store, id, n_cleared, error))
    return FALSE;
  if (changed && !atelier_store_exec_ids (store, "UPDATE sessions SET sequence = sequence + 1 WHERE id = ?",
                                 &id, 1, error))
    return FALSE;

  g_object_set (session,
                "status", status,
                "sequence", atelier_session_get_sequence (stored) + (changed ? 1 : 0),
                NULL);
  return TRUE;
}

/**
 * atelier_reschedule_update_session:
 * @session: the session with its new start, end, time zone or place
 * @status: (nullable): %ATELIER_SESSION_SCHEDULED or
 *   %ATELIER_SESSION_CANCELLED, or %NULL to keep the session's status
 *
 * atelier_reschedule_update_session_full() without the count of cleared
 * check-ins.
 */
gboolean
atelier_reschedule_update_session (AtelierStore    *store,
                                 AtelierSession  *session,
                                 const char      *status,
                                 GError         **error)
{
  return atelier_reschedule_update_session_full (store, session, status, NULL, error);
}

/**
 * atelier_reschedule_update_session_full:
 * @session: the session with its new start, end, time zone or place
 * @status: (nullable): %ATELIER_SESSION_SCHEDULED or
 *   %ATELIER_SESSION_CANCELLED, or %NULL to keep the session's status
 * @n_cleared: (out) (optional): how many check-ins the move to another
 *   day cleared
 *
 * Saves a session's new time, place or status in one transaction. If
 * anything a calendar shows changed, its SEQUENCE goes up by one and the
 * customers who had an invite are owed an update (or, for a cancelled
 * session, a cancellation: its open registrations are cancelled, as by
 * atelier_booking_cancel_session()). The capacity is not changed here:
 * atelier_booking_set_capacity() moves the waiting list with it.
 *
 * A session moved to another day (in its own time zone) loses the
 * check-ins made before: nobody has come to the new date yet.
 *
 * On success @session holds the new status and SEQUENCE.
 */
gboolean
atelier_reschedule_update_session_full (AtelierStore    *store,
                                      AtelierSession  *session,
                                      const char      *status,
                                      int             *n_cleared,
                                      GError         **error)
{
  g_autofree char *wanted = NULL;
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (ATELIER_IS_SESSION (session), FALSE);

  wanted = g_strdup (status ? status : atelier_session_get_status (session));
  if (g_strcmp0 (wanted, ATELIER_SESSION_SCHEDULED) != 0 &&
      g_strcmp0 (wanted, ATELIER_SESSION_CANCELLED) != 0)
    {
      g_set_error_literal (error, ATELIER_RESCHEDULE_ERROR, ATELIER_RESCHEDULE_ERROR_STATUS,
                           _("A session is either scheduled or cancelled."));
      return FALSE;
    }

  if (!atelier_store_begin (store, error))
    return FALSE;
  ok = atelier_reschedule_update_locked (store, session, wanted, n_cleared, error);
  if (ok && atelier_store_commit (store, error))
    {
      atelier_store_emit_changed (store, "sessions");
      atelier_store_emit_changed (store, "registrations");
      return TRUE;
    }

  atelier_store_rollback (store);
  return FALSE;
}

/**
 * atelier_reschedule_is_session_day:
 * @now: the time to judge at, in UTC seconds
 *
 * The one rule of "is it the session's day": the date of @now on the
 * clock of the session's own time zone is that of its start, or of its
 * end for a session that runs past midnight. Check-in outside it is
 * allowed, but the window asks first.
 */
gboolean
atelier_reschedule_is_session_day (AtelierSession *session,
                                 gint64          now)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = NULL;
  int today;

  g_return_val_if_fail (ATELIER_IS_SESSION (session), FALSE);

  start = atelier_session_dup_start (session);
  end = atelier_session_dup_end (session);
  if (utc == NULL || start == NULL || end == NULL)
    return FALSE;

  local = g_date_time_to_timezone (utc, g_date_time_get_timezone (start));
  today = date_key (local);
  return date_key (start) <= today && today <= date_key (end);
}
