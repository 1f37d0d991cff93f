/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-row.h: one session in a list, as a card */
#pragma once

#include <gtk/gtk.h>

#include "atelier-session.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_SESSION_ROW (atelier_session_row_get_type ())
G_DECLARE_FINAL_TYPE (AtelierSessionRow, atelier_session_row, ATELIER, SESSION_ROW, GtkWidget)

GtkWidget      *atelier_session_row_new         (void);
AtelierSession *atelier_session_row_get_session (AtelierSessionRow *self);
void            atelier_session_row_set_session (AtelierSessionRow *self,
                                                 AtelierSession    *session);

G_END_DECLS
