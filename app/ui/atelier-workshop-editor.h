/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-workshop-editor.h: creates or edits a workshop of the catalogue */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_WORKSHOP_EDITOR (atelier_workshop_editor_get_type ())
G_DECLARE_FINAL_TYPE (AtelierWorkshopEditor, atelier_workshop_editor, ATELIER, WORKSHOP_EDITOR, AdwWindow)

GtkWidget    *atelier_workshop_editor_new             (GtkWindow             *parent,
                                                       AtelierStore          *store,
                                                       gint64                 workshop_id);
AtelierStore *atelier_workshop_editor_get_store       (AtelierWorkshopEditor *self);
gint64        atelier_workshop_editor_get_workshop_id (AtelierWorkshopEditor *self);
const char   *atelier_workshop_editor_get_message     (AtelierWorkshopEditor *self);

G_END_DECLS
