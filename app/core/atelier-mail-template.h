/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-mail-template.h: the texts of the mails to customers, which a
 * store can edit */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_MAIL_TEMPLATE_ERROR (atelier_mail_template_error_quark ())

typedef enum
{
  ATELIER_MAIL_TEMPLATE_ERROR_UNKNOWN,      /* no template or language of that name */
  ATELIER_MAIL_TEMPLATE_ERROR_PLACEHOLDER,  /* a {name} that is not a placeholder */
  ATELIER_MAIL_TEMPLATE_ERROR_INVALID,      /* empty, or a subject over several lines */
} AtelierMailTemplateError;

typedef enum
{
  ATELIER_MAIL_TEMPLATE_REMINDER,
  ATELIER_MAIL_TEMPLATE_THANK_YOU,
  ATELIER_MAIL_TEMPLATE_MISSED_YOU,
  ATELIER_MAIL_TEMPLATE_INVITE,             /* the mails that carry an invite */
  ATELIER_MAIL_TEMPLATE_PROMOTED,
  ATELIER_MAIL_TEMPLATE_UPDATE,
  ATELIER_MAIL_TEMPLATE_CANCELLATION,
  ATELIER_MAIL_TEMPLATE_SESSION_CANCELLED,
  ATELIER_MAIL_TEMPLATE_N,
} AtelierMailTemplateId;

GQuark              atelier_mail_template_error_quark        (void);

const char         *atelier_mail_template_to_string          (AtelierMailTemplateId   id);
gboolean            atelier_mail_template_from_string        (const char             *name,
                                                              AtelierMailTemplateId  *id,
                                                              GError                **error);
const char * const *atelier_mail_template_list_placeholders  (void);
const char         *atelier_mail_template_describe_placeholder (const char           *name);

void                atelier_mail_template_get_default        (AtelierMailTemplateId   id,
                                                              const char             *language,
                                                              const char            **subject,
                                                              const char            **body);
gboolean            atelier_mail_template_check              (const char             *subject,
                                                              const char             *body,
                                                              GError                **error);
gboolean            atelier_mail_template_load               (AtelierStore           *store,
                                                              AtelierMailTemplateId   id,
                                                              const char             *language,
                                                              char                  **subject,
                                                              char                  **body,
                                                              gboolean               *is_default,
                                                              GError                **error);
gboolean            atelier_mail_template_save               (AtelierStore           *store,
                                                              AtelierMailTemplateId   id,
                                                              const char             *language,
                                                              const char             *subject,
                                                              const char             *body,
                                                              GError                **error);
gboolean            atelier_mail_template_reset              (AtelierStore           *store,
                                                              AtelierMailTemplateId   id,
                                                              const char             *language,
                                                              GError                **error);
gboolean            atelier_mail_template_preview            (const char             *subject,
                                                              const char             *body,
                                                              const char             *language,
                                                              char                  **preview,
                                                              GError                **error);
char               *atelier_mail_template_expand             (const char             *text,
                                                              GHashTable             *values);

G_END_DECLS
