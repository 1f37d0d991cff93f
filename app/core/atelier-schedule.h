/* atelier-schedule.h: changing a session's time, place or status */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_SCHEDULE_ERROR (atelier_schedule_error_quark ())

typedef enum
{
  ATELIER_SCHEDULE_ERROR_CAPACITY,  /* change it with atelier_booking_set_capacity() */
  ATELIER_SCHEDULE_ERROR_STATUS,    /* not a status a session can have */
} AtelierScheduleError;

GQuark   atelier_schedule_error_quark    (void);

GDateTime *atelier_schedule_wall_time    (GTimeZone       *zone,
                                          int              year,
                                          int              month,
                                          int              day,
                                          int              hour,
                                          int              minute,
                                          int              second,
                                          gboolean        *moved);

gboolean atelier_schedule_update_session (AtelierStore    *store,
                                          AtelierSession  *session,
                                          const char      *status,
                                          GError         **error);

G_END_DECLS
