/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-secret.h: the mail account's password, in the Secret Service */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATELIER_SECRET_ERROR (atelier_secret_error_quark ())

typedef enum
{
  ATELIER_SECRET_ERROR_NOT_FOUND,    /* no password kept for that account */
  ATELIER_SECRET_ERROR_UNAVAILABLE,  /* no Secret Service to ask */
  ATELIER_SECRET_ERROR_FILE,         /* a password file that cannot be used */
} AtelierSecretError;

GQuark    atelier_secret_error_quark       (void);

gboolean  atelier_secret_store_password    (const char           *host,
                                            const char           *user,
                                            const char           *password,
                                            GCancellable         *cancellable,
                                            GError              **error);
char     *atelier_secret_lookup_password   (const char           *host,
                                            const char           *user,
                                            GCancellable         *cancellable,
                                            GError              **error);
gboolean  atelier_secret_clear_password    (const char           *host,
                                            const char           *user,
                                            GCancellable         *cancellable,
                                            GError              **error);

void      atelier_secret_store_password_async  (const char           *host,
                                                const char           *user,
                                                const char           *password,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean  atelier_secret_store_password_finish (GAsyncResult         *result,
                                                GError              **error);

char     *atelier_secret_read_password_file    (const char           *path,
                                                GError              **error);
void      atelier_secret_free                  (char                 *password);

G_END_DECLS
