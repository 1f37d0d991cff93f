/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-roster-row.h: one registration on a session's page */
#pragma once

#include <gtk/gtk.h>

#include "atelier-mail-message.h"
#include "atelier-registration.h"
#include "atelier-session.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_ROSTER_ROW (atelier_roster_row_get_type ())
G_DECLARE_FINAL_TYPE (AtelierRosterRow, atelier_roster_row, ATELIER, ROSTER_ROW, GtkBox)

GtkWidget           *atelier_roster_row_new               (void);
AtelierRegistration *atelier_roster_row_get_registration  (AtelierRosterRow    *self);
void                 atelier_roster_row_set_registration  (AtelierRosterRow    *self,
                                                           AtelierRegistration *registration);
AtelierSession      *atelier_roster_row_get_session       (AtelierRosterRow    *self);
void                 atelier_roster_row_set_session       (AtelierRosterRow    *self,
                                                           AtelierSession      *session);
gboolean             atelier_roster_row_get_session_ended (AtelierRosterRow    *self);
void                 atelier_roster_row_set_session_ended (AtelierRosterRow    *self,
                                                           gboolean             session_ended);
AtelierMailMessage  *atelier_roster_row_get_mail_message  (AtelierRosterRow    *self);
void                 atelier_roster_row_set_mail_message  (AtelierRosterRow    *self,
                                                           AtelierMailMessage  *message);
const char          *atelier_roster_row_get_answer        (AtelierRosterRow    *self);
void                 atelier_roster_row_set_answer        (AtelierRosterRow    *self,
                                                           const char          *answer);

const char          *atelier_roster_row_display_name      (AtelierRegistration *registration);

G_END_DECLS
