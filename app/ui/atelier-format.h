/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-format.h: dates, times and prices as the interface speaks */
#pragma once

#include <glib.h>

#include "atelier-date-format.h"
#include "atelier-session.h"

G_BEGIN_DECLS

typedef enum
{
  ATELIER_WHEN_PLAIN     = 0,
  ATELIER_WHEN_WITH_YEAR = 1 << 0,
  ATELIER_WHEN_WITH_ZONE = 1 << 1,
} AtelierWhenFlags;

char *atelier_format_session_when (AtelierSession   *session,
                                   AtelierWhenFlags  flags);
char *atelier_format_duration     (int               minutes);
char *atelier_format_price        (gint64            minor_units,
                                   const char       *currency);

char *atelier_format_session_start (AtelierSession *session);

G_END_DECLS
