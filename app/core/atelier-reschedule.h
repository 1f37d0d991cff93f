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

GQuark   atelier_reschedule_error_quark    (void);

GDateTime *atelier_reschedule_wall_time    (GTimeZone       *zone,
                                          int              year,
                                          int              month,
                                          int              day,
                                          int              hour,
                                          int              minute,
                                          int              second,
                                          gboolean        *moved);

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
