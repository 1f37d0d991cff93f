/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-imap.h: reading the store's mailbox over IMAP, with libcurl */
#pragma once

#include <gio/gio.h>

#include "atelier-settings.h"

G_BEGIN_DECLS

#define ATELIER_IMAP_ERROR (atelier_imap_error_quark ())

typedef enum
{
  ATELIER_IMAP_ERROR_CONFIG,   /* the account cannot be used as set */
  ATELIER_IMAP_ERROR_CONNECT,  /* the server cannot be reached */
  ATELIER_IMAP_ERROR_TLS,      /* no secure connection: certificate not trusted… */
  ATELIER_IMAP_ERROR_AUTH,     /* user name or password refused */
  ATELIER_IMAP_ERROR_FOLDER,   /* the folder does not exist */
  ATELIER_IMAP_ERROR_FAILED,   /* the server refused a command, or the connection was lost */
} AtelierImapError;

typedef struct _AtelierImap AtelierImap;

GQuark       atelier_imap_error_quark     (void);

AtelierImap *atelier_imap_new             (AtelierSettings  *settings,
                                           const char       *password,
                                           GError          **error);
void         atelier_imap_free            (AtelierImap      *self);
void         atelier_imap_set_timeouts    (AtelierImap      *self,
                                           int               connect_seconds,
                                           int               reply_seconds);
gboolean     atelier_imap_examine         (AtelierImap      *self,
                                           const char       *folder,
                                           guint32          *uidvalidity,
                                           GError          **error);
GArray      *atelier_imap_search_after    (AtelierImap      *self,
                                           const char       *folder,
                                           guint32           last_uid,
                                           GError          **error);
GBytes      *atelier_imap_fetch           (AtelierImap      *self,
                                           const char       *folder,
                                           guint32           uid,
                                           GError          **error);
gboolean     atelier_imap_move            (AtelierImap      *self,
                                           const char       *folder,
                                           guint32           uid,
                                           const char       *to_folder,
                                           GError          **error);

gboolean     atelier_imap_test            (AtelierSettings  *settings,
                                           const char       *password,
                                           GError          **error);

/* The IMAP account's password, in the Secret Service under its own
 * entry, apart from the SMTP account's even on the same server. */
gboolean     atelier_imap_store_password  (const char       *host,
                                           const char       *user,
                                           const char       *password,
                                           GCancellable     *cancellable,
                                           GError          **error);
char        *atelier_imap_lookup_password (const char       *host,
                                           const char       *user,
                                           GCancellable     *cancellable,
                                           GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtelierImap, atelier_imap_free)

G_END_DECLS
