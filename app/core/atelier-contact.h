/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-contact.h: what a valid e-mail address, phone number and
 * language of a customer are, decided once for every path */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ATELIER_CONTACT_ERROR (atelier_contact_error_quark ())

typedef enum
{
  ATELIER_CONTACT_ERROR_EMAIL,
  ATELIER_CONTACT_ERROR_PHONE,
  ATELIER_CONTACT_ERROR_LANGUAGE,
} AtelierContactError;

GQuark    atelier_contact_error_quark   (void);

gboolean  atelier_contact_is_mailbox    (const char  *address);
gboolean  atelier_contact_is_phone      (const char  *phone);
char     *atelier_contact_parse_language (const char *text);

gboolean  atelier_contact_check         (const char  *email,
                                         const char  *phone,
                                         const char  *language,
                                         GError     **error);

G_END_DECLS
