/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-date-format.h: dates as the interface speaks */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *atelier_date_format (GDateTime  *date_time,
                           const char *format);

G_END_DECLS
