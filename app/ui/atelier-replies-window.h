/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-replies-window.h: the replies read from the store's mailbox */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_REPLIES_WINDOW (atelier_replies_window_get_type ())
G_DECLARE_FINAL_TYPE (AtelierRepliesWindow, atelier_replies_window, ATELIER, REPLIES_WINDOW, AdwWindow)

GtkWidget    *atelier_replies_window_new          (GtkWindow            *parent,
                                                   AtelierStore         *store);
AtelierStore *atelier_replies_window_get_store    (AtelierRepliesWindow *self);
GtkWidget    *atelier_replies_window_show_message (AtelierRepliesWindow *self,
                                                   gint64                reply_id);

G_END_DECLS
