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

static gboolean
same_wall_time (GDateTime *time,
                int        year,
                int        month,
                int        day,
                int        hour,
                int        minute,
                int        second)
{
  return g_date_time_get_year (time) == year && g_date_time_get_month (time) == month &&
         g_date_time_get_day_of_month (time) == day && g_date_time_get_hour (time) == hour &&
         g_date_time_get_minute (time) == minute && g_date_time_get_second (time) == second;
}

/**
 * atelier_reschedule_wall_time:
 * @zone: the zone of the wall clock
 * @moved: (out) (optional): set to whether the clocks skip that time in
 *   @zone, so that the result shows another one
 *
 * The instant a time on the wall clock of @zone stands for. A time that
 * does not exist, because the clocks jump over it (02:30 in Europe/Paris
 * on the morning summer time starts), is read as RFC 5545 §3.3.5 says,
 * with the offset in force before the jump: 03:30. libical expands the
 * occurrences of a series the same way, so a series, its first session
 * and a rescheduled one all agree.
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
  g_autoptr(GDateTime) glib = g_date_time_new (zone, year, month, day, hour, minute, second);
  g_autoptr(GDateTime) as_utc = NULL;
  g_autoptr(GDateTime) day_before = NULL;
  g_autoptr(GDateTime) instant = NULL;

  if (moved != NULL)
    *moved = FALSE;
  if (glib == NULL || same_wall_time (glib, year, month, day, hour, minute, second))
    return g_steal_pointer (&glib);

  /* The offset before the jump: a day earlier, as no zone changes its
   * clocks twice within a day. */
  as_utc = g_date_time_new_utc (year, month, day, hour, minute, second);
  day_before = g_date_time_add_days (glib, -1);
  instant = g_date_time_add (as_utc, -g_date_time_get_utc_offset (day_before));
  if (instant == NULL)
    return NULL;
  if (moved != NULL)
    *moved = TRUE;
  return g_date_time_to_timezone (instant, zone);
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
  sqlite3_stmt *stmt = atelier_store_prepare (store, "UPDATE sessions SET status = ? WHERE id = ?",
                                              error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, status, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, session_id);
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
    *n_cleared = sqlite3_changes (atelier_store_get_db (store));
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
