/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-invite-next-row.h: one customer worth inviting to a session */
#pragma once

#include <gtk/gtk.h>

#include "atelier-invite-next.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_INVITE_NEXT_ROW (atelier_invite_next_row_get_type ())
G_DECLARE_FINAL_TYPE (AtelierInviteNextRow, atelier_invite_next_row, ATELIER, INVITE_NEXT_ROW, GtkBox)

GtkWidget              *atelier_invite_next_row_new           (void);
AtelierInviteCandidate *atelier_invite_next_row_get_candidate (AtelierInviteNextRow   *self);
void                    atelier_invite_next_row_set_candidate (AtelierInviteNextRow   *self,
                                                               AtelierInviteCandidate *candidate,
                                                               const char             *category,
                                                               const char             *time_zone);

G_END_DECLS
