/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-series.h: recurring sessions from one RRULE */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_SERIES_ERROR (atelier_series_error_quark ())

/* More would be a typing mistake rather than a programme. */
#define ATELIER_SERIES_MAX_SESSIONS 366

typedef enum
{
  ATELIER_SERIES_ERROR_INVALID_RULE,
  ATELIER_SERIES_ERROR_TOO_MANY,
  ATELIER_SERIES_ERROR_TIME_ZONE,
  ATELIER_SERIES_ERROR_SKIP,  /* a date to skip that the rule does not give */
} AtelierSeriesError;

typedef enum
{
  ATELIER_SERIES_WEEKLY,
  ATELIER_SERIES_MONTHLY,
} AtelierSeriesFrequency;

/* The choices of a series, as the session editor offers them. */
typedef struct
{
  AtelierSeriesFrequency  frequency;
  guint                   weekdays;   /* weekly: bit 0 is Monday ... bit 6 Sunday */
  GDateTime              *first_day;  /* monthly: the first session's day */
  guint                   count;      /* how many sessions, when @until_day is NULL */
  GDateTime              *until_day;  /* (nullable): the last day a session may be on */
  GTimeZone              *zone;       /* the sessions' zone, where @until_day ends */
  GPtrArray              *skip_days;  /* (nullable) (element-type GDateTime): dates to leave out */
} AtelierSeriesChoices;

#define ATELIER_SERIES_WEEKDAY(weekday) (1u << (weekday))  /* 0 is Monday */

GQuark      atelier_series_error_quark (void);

char       *atelier_series_build_rrule       (const AtelierSeriesChoices *choices);
void        atelier_series_weekday_of_month  (GDateTime                  *day,
                                              int                        *weekday,
                                              int                        *ordinal);
GDateTime  *atelier_series_dup_until         (GDateTime                  *day,
                                              GTimeZone                  *zone);

GListModel *atelier_series_expand      (AtelierSession  *first,
                                        const char      *rrule,
                                        GError         **error);
GListModel *atelier_series_create      (AtelierStore    *store,
                                        AtelierSession  *first,
                                        const char      *rrule,
                                        GError         **error);
GListModel *atelier_series_expand_full (AtelierSession  *first,
                                        GDateTime       *wall_start,
                                        const char      *rrule,
                                        GPtrArray       *skip_days,
                                        GError         **error);
GListModel *atelier_series_create_full (AtelierStore    *store,
                                        AtelierSession  *first,
                                        GDateTime       *wall_start,
                                        const char      *rrule,
                                        GPtrArray       *skip_days,
                                        GError         **error);

gboolean    atelier_series_find            (AtelierStore    *store,
                                            gint64           session_id,
                                            gint64          *series_id,
                                            guint           *position,
                                            guint           *count,
                                            char           **rrule,
                                            GError         **error);
GListModel *atelier_series_list_sessions   (AtelierStore    *store,
                                            gint64           series_id,
                                            GError         **error);
char       *atelier_series_describe_place  (guint            position,
                                            guint            count,
                                            const char      *rrule);

G_END_DECLS
