/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-walk-in-dialog.h: someone who comes in without signing up */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_WALK_IN_DIALOG (atelier_walk_in_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AtelierWalkInDialog, atelier_walk_in_dialog, ATELIER, WALK_IN_DIALOG, AdwWindow)

GtkWidget       *atelier_walk_in_dialog_new        (GtkWindow           *parent,
                                                    AtelierStore        *store,
                                                    gint64               session_id,
                                                    AtelierCustomer     *customer);
AtelierStore    *atelier_walk_in_dialog_get_store      (AtelierWalkInDialog *self);
gint64           atelier_walk_in_dialog_get_session_id (AtelierWalkInDialog *self);
AtelierCustomer *atelier_walk_in_dialog_get_customer   (AtelierWalkInDialog *self);
void             atelier_walk_in_dialog_set_name       (AtelierWalkInDialog *self,
                                                        const char          *given_name,
                                                        const char          *family_name);
const char      *atelier_walk_in_dialog_get_error      (AtelierWalkInDialog *self);
GListModel      *atelier_walk_in_dialog_get_matches    (AtelierWalkInDialog *self);
void             atelier_walk_in_dialog_choose_customer (AtelierWalkInDialog *self,
                                                         AtelierCustomer     *customer);

G_END_DECLS
