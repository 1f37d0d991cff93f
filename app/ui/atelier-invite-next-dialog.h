/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-invite-next-dialog.h: who to invite next to a session */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_INVITE_NEXT_DIALOG (atelier_invite_next_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AtelierInviteNextDialog, atelier_invite_next_dialog, ATELIER, INVITE_NEXT_DIALOG, AdwWindow)

GtkWidget  *atelier_invite_next_dialog_new            (GtkWindow               *parent,
                                                       AtelierStore            *store,
                                                       gint64                   session_id);
GListModel *atelier_invite_next_dialog_get_candidates (AtelierInviteNextDialog *self);
gboolean    atelier_invite_next_dialog_export         (AtelierInviteNextDialog *self,
                                                       GFile                   *file,
                                                       guint                   *n_written,
                                                       GError                 **error);
gboolean    atelier_invite_next_dialog_mark_contacted (AtelierInviteNextDialog *self,
                                                       GError                 **error);

G_END_DECLS
