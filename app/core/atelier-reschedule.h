/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-reschedule.h: changing a session's time, place or status */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_RESCHEDULE_ERROR (atelier_reschedule_error_quark ())

typedef enum
{
  ATELIER_RESCHEDULE_ERROR_CAPACITY,  /* change it with atelier_booking_set_capacity() */
  ATELIER_RESCHEDULE_ERROR_STATUS,    /* not a status a session can have */
} AtelierRescheduleError;

/* What the wall clock does at a time of day, on one date in one zone. */
typedef enum
{
  ATELIER_WALL_TIME_EXISTS,    /* once, as usual */
  ATELIER_WALL_TIME_SKIPPED,   /* never: the clocks go forward over it */
  ATELIER_WALL_TIME_REPEATED,  /* twice: the clocks go back over it */
} AtelierWallTimeKind;

GQuark   atelier_reschedule_error_quark    (void);

GDateTime *atelier_reschedule_wall_time    (GTimeZone       *zone,
                                          int              year,
                                          int              month,
                                          int              day,
                                          int              hour,
                                          int              minute,
                                          int              second,
                                          gboolean        *moved);
GDateTime *atelier_reschedule_wall_time_full (GTimeZone          *zone,
                                            int                 year,
                                            int                 month,
                                            int                 day,
                                            int                 hour,
                                            int                 minute,
                                            int                 second,
                                            AtelierWallTimeKind *kind);
char      *atelier_reschedule_describe_wall_time (AtelierWallTimeKind  kind,
                                                int                  hour,
                                                int                  minute,
                                                const char          *day_text,
                                                GDateTime           *kept);

gboolean atelier_reschedule_update_session (AtelierStore    *store,
                                          AtelierSession  *session,
                                          const char      *status,
                                          GError         **error);
gboolean atelier_reschedule_update_session_full (AtelierStore    *store,
                                               AtelierSession  *session,
                                               const char      *status,
                                               int             *n_cleared,
                                               GError         **error);
gboolean atelier_reschedule_is_session_day      (AtelierSession  *session,
                                               gint64           now);

G_END_DECLS
