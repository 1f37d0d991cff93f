/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-mail.h: invite mails (RFC 6047) built with GMime */
#pragma once

#include <gmime/gmime.h>

#include "atelier-invite.h"

G_BEGIN_DECLS

GMimeMessage *atelier_mail_new_invite (AtelierSettings    *settings,
                                       AtelierSession     *session,
                                       AtelierWorkshop    *workshop,
                                       AtelierCustomer    *customer,
                                       int                 party_size,
                                       AtelierInviteKind   kind,
                                       const char         *calendar,
                                       GError            **error);
GMimeMessage *atelier_mail_build_invite (AtelierStore      *store,
                                         AtelierSettings   *settings,
                                         AtelierSession    *session,
                                         AtelierWorkshop   *workshop,
                                         AtelierCustomer   *customer,
                                         gint64             registration_id,
                                         int                party_size,
                                         AtelierInviteKind  kind,
                                         const char        *calendar,
                                         GError           **error);
const char   *atelier_mail_language_for (AtelierSettings  *settings,
                                         AtelierCustomer  *customer);
GBytes       *atelier_mail_to_bytes   (GMimeMessage       *message);
GMimeMessage *atelier_mail_new_text   (AtelierSettings    *settings,
                                       AtelierCustomer    *customer,
                                       const char         *subject,
                                       const char         *body,
                                       GError            **error);
char         *atelier_mail_new_message_id (AtelierSettings *settings);

G_END_DECLS
