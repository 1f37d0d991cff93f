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
} AtelierSeriesError;

GQuark      atelier_series_error_quark (void);

GListModel *atelier_series_expand      (AtelierSession  *first,
                                        const char      *rrule,
                                        GError         **error);
GListModel *atelier_series_create      (AtelierStore    *store,
                                        AtelierSession  *first,
                                        const char      *rrule,
                                        GError         **error);

G_END_DECLS
