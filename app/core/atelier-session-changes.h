/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-changes.h: what changed in a session, and how it is
 * said */
#pragma once

#include "atelier-session.h"

G_BEGIN_DECLS

typedef enum
{
  ATELIER_SESSION_CHANGED_NOTHING = 0,
  ATELIER_SESSION_CHANGED_DATE    = 1 << 0,  /* the day it starts, in its zone */
  ATELIER_SESSION_CHANGED_START   = 1 << 1,  /* the time of day it starts */
  ATELIER_SESSION_CHANGED_END     = 1 << 2,
  ATELIER_SESSION_CHANGED_ZONE    = 1 << 3,
  ATELIER_SESSION_CHANGED_PLACE   = 1 << 4,
} AtelierSessionChanges;

/* A change of time: what makes a reschedule rather than a new place. */
#define ATELIER_SESSION_CHANGED_TIME \
  (ATELIER_SESSION_CHANGED_DATE | ATELIER_SESSION_CHANGED_START | \
   ATELIER_SESSION_CHANGED_END | ATELIER_SESSION_CHANGED_ZONE)

/* @format: as g_date_time_format(); returns a newly allocated string */
typedef char *(*AtelierDateTimeFormatFunc) (GDateTime  *date_time,
                                            const char *format);

AtelierSessionChanges atelier_session_changes_between  (AtelierSession            *before,
                                                        AtelierSession            *after);
char                 *atelier_session_changes_describe (AtelierSession            *before,
                                                        AtelierSession            *after,
                                                        AtelierDateTimeFormatFunc  format);

G_END_DECLS
