/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-checkin-window.h: check-in mode, for the door */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CHECKIN_WINDOW (atelier_checkin_window_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCheckinWindow, atelier_checkin_window, ATELIER, CHECKIN_WINDOW, AdwWindow)

GtkWidget    *atelier_checkin_window_new            (GtkWindow            *parent,
                                                     AtelierStore         *store,
                                                     gint64                session_id);
AtelierStore *atelier_checkin_window_get_store      (AtelierCheckinWindow *self);
gint64        atelier_checkin_window_get_session_id (AtelierCheckinWindow *self);
GListModel   *atelier_checkin_window_get_results    (AtelierCheckinWindow *self);
AdwToast     *atelier_checkin_window_get_last_toast (AtelierCheckinWindow *self);
GtkWidget    *atelier_checkin_window_open_walk_in   (AtelierCheckinWindow *self,
                                                     AtelierCustomer      *customer);

G_END_DECLS
