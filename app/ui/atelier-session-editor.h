/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-editor.h: plans a session (or a series) or changes one */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_SESSION_EDITOR (atelier_session_editor_get_type ())
G_DECLARE_FINAL_TYPE (AtelierSessionEditor, atelier_session_editor, ATELIER, SESSION_EDITOR, AdwWindow)

GtkWidget    *atelier_session_editor_new            (GtkWindow            *parent,
                                                     AtelierStore         *store,
                                                     gint64                session_id,
                                                     gint64                workshop_id);
AtelierStore *atelier_session_editor_get_store      (AtelierSessionEditor *self);
gint64        atelier_session_editor_get_session_id (AtelierSessionEditor *self);
const char   *atelier_session_editor_get_time_zone  (AtelierSessionEditor *self);
char         *atelier_session_editor_dup_rrule      (AtelierSessionEditor *self);
const char   *atelier_session_editor_get_preview    (AtelierSessionEditor *self);
const char   *atelier_session_editor_get_message    (AtelierSessionEditor *self);

G_END_DECLS
