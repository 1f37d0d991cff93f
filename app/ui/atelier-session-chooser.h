/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-chooser.h: a list of the sessions one can sign up to */
#pragma once

#include <gtk/gtk.h>

#include "atelier-session.h"
#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_SESSION_CHOOSER (atelier_session_chooser_get_type ())
G_DECLARE_FINAL_TYPE (AtelierSessionChooser, atelier_session_chooser, ATELIER, SESSION_CHOOSER, GtkWidget)

GtkWidget      *atelier_session_chooser_new                  (AtelierStore          *store,
                                                              gint64                 except_session_id);
AtelierSession *atelier_session_chooser_get_selected_session (AtelierSessionChooser *self);
void            atelier_session_chooser_reload               (AtelierSessionChooser *self);
guint           atelier_session_chooser_get_n_sessions       (AtelierSessionChooser *self);
gint64          atelier_session_chooser_get_customer_id      (AtelierSessionChooser *self);
void            atelier_session_chooser_set_customer_id      (AtelierSessionChooser *self,
                                                              gint64                 customer_id);

G_END_DECLS
