/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-capacity-dialog.h: changes how many seats a session has */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CAPACITY_DIALOG (atelier_capacity_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCapacityDialog, atelier_capacity_dialog, ATELIER, CAPACITY_DIALOG, AdwWindow)

GtkWidget    *atelier_capacity_dialog_new            (GtkWindow             *parent,
                                                      AtelierStore          *store,
                                                      gint64                 session_id);
AtelierStore *atelier_capacity_dialog_get_store      (AtelierCapacityDialog *self);
gint64        atelier_capacity_dialog_get_session_id (AtelierCapacityDialog *self);

G_END_DECLS
