/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-application.h: the Atelier application */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATELIER_TYPE_APPLICATION (atelier_application_get_type ())
G_DECLARE_FINAL_TYPE (AtelierApplication, atelier_application, ATELIER, APPLICATION, AdwApplication)

AtelierApplication *atelier_application_new             (void);
gboolean            atelier_application_send_due_mail   (AtelierApplication *self);
gboolean            atelier_application_is_sending_mail (AtelierApplication *self);
gboolean            atelier_application_check_replies   (AtelierApplication *self,
                                                         gboolean            on_demand);
gboolean            atelier_application_is_checking_replies  (AtelierApplication *self);
guint               atelier_application_get_n_replies_alerts (AtelierApplication *self);

G_END_DECLS
