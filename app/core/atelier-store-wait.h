/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-store-wait.h: a change that waits while another process writes */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

/* Writes @user_data's change to the store; FALSE with @error set when it
 * fails. It must leave nothing done when it fails, as the core's
 * transactions do: it may be called again. */
typedef gboolean (*AtelierStoreWriteFunc) (gpointer   user_data,
                                           GError   **error);

#define ATELIER_STORE_WAIT_DEFAULT_LIMIT_MS 30000

#define ATELIER_TYPE_STORE_WAIT (atelier_store_wait_get_type ())
G_DECLARE_FINAL_TYPE (AtelierStoreWait, atelier_store_wait, ATELIER, STORE_WAIT, GObject)

AtelierStoreWait *atelier_store_wait_new         (AtelierStore          *store);
AtelierStore     *atelier_store_wait_get_store   (AtelierStoreWait      *self);
gboolean          atelier_store_wait_get_waiting (AtelierStoreWait      *self);
guint             atelier_store_wait_get_limit   (AtelierStoreWait      *self);
void              atelier_store_wait_set_limit   (AtelierStoreWait      *self,
                                                  guint                  milliseconds);
void              atelier_store_wait_run         (AtelierStoreWait      *self,
                                                  AtelierStoreWriteFunc  write,
                                                  gpointer               user_data);
void              atelier_store_wait_cancel      (AtelierStoreWait      *self);

G_END_DECLS
