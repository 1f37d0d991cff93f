/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-replies.h: customers' iTIP replies, read from the store's
 * mailbox and applied to their registrations */
#pragma once

#include <gio/gio.h>

#include "atelier-reply.h"
#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_REPLIES_ERROR (atelier_replies_error_quark ())

typedef enum
{
  ATELIER_REPLIES_ERROR_CANCELLED,  /* stopped before the end */
  ATELIER_REPLIES_ERROR_NOT_FOUND,  /* no such reply */
} AtelierRepliesError;

/* Told after each reply found; in a dry run, what would happen. */
typedef void (*AtelierRepliesFunc) (AtelierReply *reply,
                                    gpointer      user_data);

typedef struct
{
  guint n_messages;   /* new messages read */
  guint n_applied;
  guint n_set_aside;
} AtelierRepliesReport;

GQuark        atelier_replies_error_quark    (void);

AtelierReply *atelier_replies_apply_message  (AtelierStore          *store,
                                              const char            *folder,
                                              guint32                uidvalidity,
                                              guint32                uid,
                                              GBytes                *message,
                                              gboolean               dry_run,
                                              GError               **error);

gboolean      atelier_replies_check          (AtelierStore          *store,
                                              const char            *password,
                                              gboolean               dry_run,
                                              AtelierRepliesFunc     func,
                                              gpointer               user_data,
                                              GCancellable          *cancellable,
                                              AtelierRepliesReport  *report,
                                              GError               **error);
void          atelier_replies_check_async    (AtelierStore          *store,
                                              const char            *password,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean      atelier_replies_check_finish   (AtelierStore          *store,
                                              GAsyncResult          *result,
                                              AtelierRepliesReport  *report,
                                              GError               **error);

GListModel   *atelier_replies_list           (AtelierStore          *store,
                                              GError               **error);
GListModel   *atelier_replies_list_answers   (AtelierStore          *store,
                                              gint64                 session_id,
                                              GError               **error);
GBytes       *atelier_replies_get_message    (AtelierStore          *store,
                                              gint64                 reply_id,
                                              GError               **error);

G_END_DECLS
