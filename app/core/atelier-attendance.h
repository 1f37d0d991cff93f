/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-attendance.h: what became of one registration (came, came in
 * part, missed, cancelled, waited), decided once for every path */
#pragma once

#include "atelier-registration.h"

G_BEGIN_DECLS

typedef enum
{
  ATELIER_ATTENDANCE_EXPECTED,         /* confirmed, the session not over yet */
  ATELIER_ATTENDANCE_ATTENDED,         /* checked in, the whole party */
  ATELIER_ATTENDANCE_PARTLY_ATTENDED,  /* checked in, only some of the party */
  ATELIER_ATTENDANCE_NO_SHOW,          /* confirmed, the session over, nobody came */
  ATELIER_ATTENDANCE_CANCELLED,        /* the registration or the session was cancelled */
  ATELIER_ATTENDANCE_WAITING,          /* on the waiting list, never given a seat */
} AtelierAttendance;

AtelierAttendance  atelier_attendance_decide           (const char          *status,
                                                        gint64               checked_in_at,
                                                        int                  arrived,
                                                        int                  party_size,
                                                        gboolean             session_cancelled,
                                                        gboolean             session_ended);
AtelierAttendance  atelier_attendance_for_registration (AtelierRegistration *registration,
                                                        gboolean             session_cancelled,
                                                        gboolean             session_ended);
const char        *atelier_attendance_to_string        (AtelierAttendance    attendance);

G_END_DECLS
