/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-invite-next.h: who to invite next to a session */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_INVITE_CANDIDATE (atelier_invite_candidate_get_type ())
G_DECLARE_FINAL_TYPE (AtelierInviteCandidate, atelier_invite_candidate, ATELIER, INVITE_CANDIDATE, GObject)

AtelierCustomer *atelier_invite_candidate_get_customer          (AtelierInviteCandidate *self);
gboolean         atelier_invite_candidate_get_interest_match    (AtelierInviteCandidate *self);
int              atelier_invite_candidate_get_attended_in_category (AtelierInviteCandidate *self);
int              atelier_invite_candidate_get_attended          (AtelierInviteCandidate *self);
gint64           atelier_invite_candidate_get_last_contacted_at (AtelierInviteCandidate *self);

GListModel      *atelier_invite_next_list             (AtelierStore  *store,
                                                       gint64         session_id,
                                                       guint          limit,
                                                       GError       **error);
GString         *atelier_invite_next_to_csv           (GListModel    *candidates);
gboolean         atelier_invite_next_record_contacts  (AtelierStore  *store,
                                                       gint64         session_id,
                                                       GListModel    *candidates,
                                                       GError       **error);

G_END_DECLS
