/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-move-dialog.h: moves a registration to another session */
#pragma once

#include <adwaita.h>

#include "atelier-registration.h"
#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_MOVE_DIALOG (atelier_move_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AtelierMoveDialog, atelier_move_dialog, ATELIER, MOVE_DIALOG, AdwWindow)

GtkWidget           *atelier_move_dialog_new              (GtkWindow           *parent,
                                                           AtelierStore        *store,
                                                           AtelierRegistration *registration);
AtelierStore        *atelier_move_dialog_get_store        (AtelierMoveDialog   *self);
AtelierRegistration *atelier_move_dialog_get_registration (AtelierMoveDialog   *self);

G_END_DECLS
