/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-page.h: one session: its details, its roster, its actions */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_SESSION_PAGE (atelier_session_page_get_type ())
G_DECLARE_FINAL_TYPE (AtelierSessionPage, atelier_session_page, ATELIER, SESSION_PAGE, GtkWidget)

GtkWidget    *atelier_session_page_new            (AtelierStore       *store,
                                                   gint64              session_id);
AtelierStore *atelier_session_page_get_store      (AtelierSessionPage *self);
gint64        atelier_session_page_get_session_id (AtelierSessionPage *self);
GListModel   *atelier_session_page_get_roster     (AtelierSessionPage *self);
void          atelier_session_page_send_invites   (AtelierSessionPage *self);
gboolean      atelier_session_page_get_sending    (AtelierSessionPage *self);
void          atelier_session_page_save_invites   (AtelierSessionPage *self,
                                                   GFile              *folder);

G_END_DECLS
