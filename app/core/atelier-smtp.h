/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-smtp.h: one connection to the store's mail server, with libcurl */
#pragma once

#include <gio/gio.h>

#include "atelier-settings.h"

G_BEGIN_DECLS

#define ATELIER_SMTP_ERROR (atelier_smtp_error_quark ())

typedef enum
{
  ATELIER_SMTP_ERROR_CONFIG,     /* the account cannot be used as set */
  ATELIER_SMTP_ERROR_CONNECT,    /* the server cannot be reached */
  ATELIER_SMTP_ERROR_TLS,        /* no secure connection: certificate not trusted… */
  ATELIER_SMTP_ERROR_AUTH,       /* user name or password refused */
  ATELIER_SMTP_ERROR_TEMPORARY,  /* this message: 4xx, or the connection was lost */
  ATELIER_SMTP_ERROR_PERMANENT,  /* this message: 5xx, it will never go as it is */
} AtelierSmtpError;

typedef struct _AtelierSmtp AtelierSmtp;

GQuark       atelier_smtp_error_quark      (void);

AtelierSmtp *atelier_smtp_new              (AtelierSettings  *settings,
                                            const char       *password,
                                            GError          **error);
void         atelier_smtp_free             (AtelierSmtp      *self);
void         atelier_smtp_set_timeouts     (AtelierSmtp      *self,
                                            int               connect_seconds,
                                            int               reply_seconds);
gboolean     atelier_smtp_send             (AtelierSmtp      *self,
                                            const char       *from,
                                            const char       *to,
                                            GBytes           *message,
                                            char            **reply,
                                            GError          **error);
void         atelier_smtp_send_begin       (AtelierSmtp      *self,
                                            const char       *from,
                                            const char       *to,
                                            GBytes           *message);
gboolean     atelier_smtp_send_end         (AtelierSmtp      *self,
                                            char            **reply,
                                            GError          **error);
guint        atelier_smtp_get_n_connections (AtelierSmtp     *self);

/* Whether @error concerns the account (stop the batch) rather than one message. */
gboolean     atelier_smtp_error_is_account (const GError     *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtelierSmtp, atelier_smtp_free)

G_END_DECLS
