/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-series.h: a session's place in its series, and the way
 * to the other dates */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_SESSION_SERIES (atelier_session_series_get_type ())
G_DECLARE_FINAL_TYPE (AtelierSessionSeries, atelier_session_series, ATELIER, SESSION_SERIES, GtkWidget)

GtkWidget  *atelier_session_series_new          (AtelierStore         *store);
void        atelier_session_series_show_session (AtelierSessionSeries *self,
                                                 gint64                session_id);
const char *atelier_session_series_get_text     (AtelierSessionSeries *self);
GListModel *atelier_session_series_get_sessions (AtelierSessionSeries *self);

G_END_DECLS
