/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-mail-queue.h: every message owed to a customer, with its state,
 * and sending them */
#pragma once

#include "atelier-mail-message.h"
#include "atelier-settings.h"

G_BEGIN_DECLS

#define ATELIER_MAIL_QUEUE_ERROR (atelier_mail_queue_error_quark ())

typedef enum
{
  ATELIER_MAIL_QUEUE_ERROR_BUSY,       /* another batch is being sent */
  ATELIER_MAIL_QUEUE_ERROR_NOT_FOUND,  /* no such message */
  ATELIER_MAIL_QUEUE_ERROR_CANCELLED,  /* stopped before the end */
} AtelierMailQueueError;

/* At most this many attempts for a message the server put off (4xx, or a
 * connection lost), then it has failed for good. */
#define ATELIER_MAIL_QUEUE_MAX_ATTEMPTS 6

/* Told after each message: @error is %NULL if it was sent. */
typedef void (*AtelierMailProgressFunc) (AtelierMailMessage *message,
                                         guint               index,
                                         guint               total,
                                         const GError       *error,
                                         gpointer            user_data);

typedef struct
{
  guint n_sent;
  guint n_retry;       /* put off, tried again later */
  guint n_failed;      /* failed for good */
  guint n_superseded;  /* no longer owed (a newer version is) */
  guint n_connections;
} AtelierMailReport;

GQuark      atelier_mail_queue_error_quark    (void);

gint64      atelier_mail_queue_reminder_due_at (AtelierSettings    *settings,
                                                GDateTime          *session_start);
gint64      atelier_mail_queue_retry_delay     (int                 attempts);

gboolean    atelier_mail_queue_refresh        (AtelierStore       *store,
                                               AtelierSettings    *settings,
                                               gint64              now,
                                               gint64              session_id,
                                               GError            **error);
GListModel *atelier_mail_queue_list_due       (AtelierStore       *store,
                                               gint64              now,
                                               gint64              session_id,
                                               GError            **error);
GListModel *atelier_mail_queue_list_session   (AtelierStore       *store,
                                               gint64              session_id,
                                               GError            **error);
GListModel *atelier_mail_queue_list_customer  (AtelierStore       *store,
                                               gint64              customer_id,
                                               GError            **error);
gboolean    atelier_mail_queue_count          (AtelierStore       *store,
                                               guint              *n_waiting,
                                               guint              *n_failed,
                                               GError            **error);
gboolean    atelier_mail_queue_retry          (AtelierStore       *store,
                                               gint64              message_id,
                                               GError            **error);
GBytes     *atelier_mail_queue_build          (AtelierStore       *store,
                                               AtelierSettings    *settings,
                                               AtelierMailMessage *message,
                                               gint64              now,
                                               GError            **error);

gboolean    atelier_mail_queue_send           (AtelierStore             *store,
                                               const char               *password,
                                               gint64                    now,
                                               gint64                    session_id,
                                               AtelierMailProgressFunc   progress,
                                               gpointer                  user_data,
                                               GCancellable             *cancellable,
                                               AtelierMailReport        *report,
                                               GError                  **error);

void        atelier_mail_queue_send_async     (AtelierStore             *store,
                                               const char               *password,
                                               gint64                    session_id,
                                               AtelierMailProgressFunc   progress,
                                               gpointer                  user_data,
                                               GCancellable             *cancellable,
                                               GAsyncReadyCallback       callback,
                                               gpointer                  callback_data);
gboolean    atelier_mail_queue_send_finish    (AtelierStore             *store,
                                               GAsyncResult             *result,
                                               AtelierMailReport        *report,
                                               GError                  **error);

gboolean    atelier_mail_send_test            (AtelierSettings          *settings,
                                               const char               *password,
                                               const char               *to,
                                               char                    **reply,
                                               GError                  **error);

G_END_DECLS
