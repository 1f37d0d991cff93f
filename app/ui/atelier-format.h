/* atelier-format.h: dates and times as the interface speaks */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *atelier_format_date_time (GDateTime  *date_time,
                                const char *format);

G_END_DECLS
