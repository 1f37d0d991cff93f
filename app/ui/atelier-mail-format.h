/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-mail-format.h: a message of the mail queue, in words */
#pragma once

#include <glib.h>

#include "atelier-mail-message.h"

G_BEGIN_DECLS

const char *atelier_mail_format_what  (AtelierMailMessage *message);
char       *atelier_mail_format_state (AtelierMailMessage *message);
char       *atelier_mail_format_line  (AtelierMailMessage *message);

G_END_DECLS
