/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-signup-dialog.h: signs a customer, known or new, up to a session */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_SIGNUP_DIALOG (atelier_signup_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AtelierSignupDialog, atelier_signup_dialog, ATELIER, SIGNUP_DIALOG, AdwWindow)

GtkWidget           *atelier_signup_dialog_new              (GtkWindow           *parent,
                                                             AtelierStore        *store,
                                                             gint64               session_id);
AtelierStore        *atelier_signup_dialog_get_store        (AtelierSignupDialog *self);
gint64               atelier_signup_dialog_get_session_id   (AtelierSignupDialog *self);
AtelierRegistration *atelier_signup_dialog_get_registration (AtelierSignupDialog *self);

G_END_DECLS
