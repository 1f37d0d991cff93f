/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-attendance.c: what became of one registration
 *
 * A registration's status (confirmed, waitlisted, cancelled), its
 * check-in and the count of the party that arrived are three facts that
 * a reader would otherwise have to combine, each in their own way: the
 * attendance export, the roster's "No-show". This is the one place that
 * combines them. A check-in wins over the session's end (a party that
 * came is never a no-show); a cancellation wins over everything.
 */
#define G_LOG_DOMAIN "atelier-attendance"

#include "config.h"

#include "atelier-attendance.h"

/**
 * atelier_attendance_decide:
 * @status: the registration's status, e.g. %ATELIER_REGISTRATION_CONFIRMED
 * @checked_in_at: when it was checked in (UTC seconds), or 0
 * @arrived: how many of the party arrived as recorded at the door, or 0
 *   when none was recorded (the whole party then)
 * @party_size: how many the registration is for
 * @session_cancelled: whether the session itself was cancelled
 * @session_ended: whether the session is over
 *
 * Returns: what became of the registration
 */
AtelierAttendance
atelier_attendance_decide (const char *status,
                           gint64      checked_in_at,
                           int         arrived,
                           int         party_size,
                           gboolean    session_cancelled,
                           gboolean    session_ended)
{
  if (session_cancelled || g_strcmp0 (status, ATELIER_REGISTRATION_CANCELLED) == 0)
    return ATELIER_ATTENDANCE_CANCELLED;
  if (g_strcmp0 (status, ATELIER_REGISTRATION_WAITLISTED) == 0)
    return ATELIER_ATTENDANCE_WAITING;
  if (checked_in_at != 0)
    return arrived > 0 && arrived < party_size ? ATELIER_ATTENDANCE_PARTLY_ATTENDED
                                               : ATELIER_ATTENDANCE_ATTENDED;
  return session_ended ? ATELIER_ATTENDANCE_NO_SHOW : ATELIER_ATTENDANCE_EXPECTED;
}

/**
 * atelier_attendance_for_registration:
 *
 * atelier_attendance_decide() for a registration read from the store.
 */
AtelierAttendance
atelier_attendance_for_registration (AtelierRegistration *registration,
                                     gboolean             session_cancelled,
                                     gboolean             session_ended)
{
  g_return_val_if_fail (ATELIER_IS_REGISTRATION (registration), ATELIER_ATTENDANCE_EXPECTED);

  return atelier_attendance_decide (atelier_registration_get_status (registration),
                                    atelier_registration_get_checked_in_at (registration),
                                    atelier_registration_get_arrived (registration),
                                    atelier_registration_get_party_size (registration),
                                    session_cancelled, session_ended);
}

/**
 * atelier_attendance_to_string:
 *
 * Returns: (transfer none): the word the exports write for @attendance
 *   (`attended`, `partly-attended`, `no-show`, `cancelled`, `waiting`,
 *   `expected`); the same in every language, for spreadsheets and scripts
 */
const char *
atelier_attendance_to_string (AtelierAttendance attendance)
{
  switch (attendance)
    {
    case ATELIER_ATTENDANCE_ATTENDED:
      return "attended";
    case ATELIER_ATTENDANCE_PARTLY_ATTENDED:
      return "partly-attended";
    case ATELIER_ATTENDANCE_NO_SHOW:
      return "no-show";
    case ATELIER_ATTENDANCE_CANCELLED:
      return "cancelled";
    case ATELIER_ATTENDANCE_WAITING:
      return "waiting";
    case ATELIER_ATTENDANCE_EXPECTED:
    default:
      return "expected";
    }
}
