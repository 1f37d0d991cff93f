/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-schedule-listing.c: the sessions as the schedule lists them
 *
 * A schedule row shows a session's workshop, times, place and seats, and
 * nothing else. These lists read only those columns, two seat counts per
 * session from the registrations index (registrations_by_session_status
 * covers them), and by default only the sessions still to come: on a
 * store of some years, most sessions are past, and the schedule hides
 * them until asked.
 *
 * The sessions read here leave uid, sequence, created-at and
 * waiting-seats at their defaults; atelier_store_get_session() reads a
 * whole session.
 */
#define G_LOG_DOMAIN "atelier-schedule-listing"

#include "config.h"

#include "atelier-schedule-listing.h"
#include "atelier-store-private.h"

#define LISTED_COLUMNS                                                      \
  "SELECT s.id, s.workshop_id, s.starts_at, s.ends_at, s.time_zone, s.place," \
  " s.capacity, s.status, w.title AS workshop_title, w.host AS workshop_host," \
  " (SELECT coalesce (sum (r.party_size), 0) FROM registrations r"          \
  "  WHERE r.session_id = s.id AND r.status = 'confirmed') AS seats_taken," \
  " (SELECT count (*) FROM registrations r"                                 \
  "  WHERE r.session_id = s.id AND r.status = 'waitlisted') AS waiting_parties" \
  " FROM sessions s JOIN workshops w ON w.id = s.workshop_id"

/**
 * atelier_reschedule_listing_list_upcoming:
 * @now: the time from which a session is still to come
 * @limit: the most sessions to read, the soonest; 0 for all of them
 *
 * The sessions that are not cancelled and have not ended at @now (one
 * under way is still for the door), by start. This is the schedule's
 * question, not the sign-up rule: a session under way is listed here but
 * takes no sign-ups (see atelier_booking_accepts_sign_ups()).
 *
 * Returns: (transfer full): a #GListModel of #AtelierSession, or %NULL
 *   with @error set
 */
GListModel *
atelier_reschedule_listing_list_upcoming (AtelierStore  *store,
                              GDateTime     *now,
                              guint          limit,
                              GError       **error)
{
  gint64 params[2];

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  params[0] = g_date_time_to_unix (now);
  params[1] = limit > 0 ? (gint64) limit : G_MAXINT64;  /* no limit, on both engines */
  return atelier_store_query_objects (store, ATELIER_TYPE_SESSION,
                                      LISTED_COLUMNS
                                      " WHERE s.ends_at > ? AND s.status = 'scheduled'"
                                      " ORDER BY s.starts_at, s.id LIMIT ?",
                                      params, G_N_ELEMENTS (params), error);
}

/**
 * atelier_reschedule_listing_list_all:
 *
 * Every session of the store, past and cancelled ones too, by start.
 *
 * Returns: (transfer full): a #GListModel of #AtelierSession, or %NULL
 *   with @error set
 */
GListModel *
atelier_reschedule_listing_list_all (AtelierStore  *store,
                         GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return atelier_store_query_objects (store, ATELIER_TYPE_SESSION,
                                      LISTED_COLUMNS " ORDER BY s.starts_at, s.id",
                                      NULL, 0, error);
}

/**
 * atelier_reschedule_listing_has_past_or_cancelled:
 * @now: the time before which a session is past
 * @has_any: (out): whether the store has a session that ended before
 *   @now or was cancelled
 *
 * What atelier_reschedule_listing_list_upcoming() leaves out, without reading it: the
 * schedule offers to show it only when there is some.
 *
 * Returns: %FALSE with @error set if the store could not be read
 */
gboolean
atelier_reschedule_listing_has_past_or_cancelled (AtelierStore  *store,
                                      GDateTime     *now,
                                      gboolean      *has_any,
                                      GError       **error)
{
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);
  g_return_val_if_fail (has_any != NULL, FALSE);

  stmt = atelier_store_prepare (store,
                                "SELECT EXISTS (SELECT 1 FROM sessions"
                                " WHERE ends_at <= ? OR status <> 'scheduled')",
                                error);
  if (stmt == NULL)
    return FALSE;

  atelier_db_stmt_bind_int64 (stmt, 1, g_date_time_to_unix (now));
  rc = atelier_db_stmt_step (stmt, error);
  if (rc != ATELIER_DB_STEP_ROW)
    {
      atelier_db_stmt_reset (stmt);
      return FALSE;
    }

  *has_any = atelier_db_stmt_column_int (stmt, 0) != 0;
  atelier_db_stmt_reset (stmt);
  return TRUE;
}
