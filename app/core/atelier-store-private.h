/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-store-private.h: what the other core modules use of the store
 *
 * Only app/core/ includes this: SQL and the database connection never
 * leave the core.
 */
#pragma once

#include "atelier-db.h"
#include "atelier-store.h"

G_BEGIN_DECLS

/* Every column of a customer but phone_key, each prefixed with @p, a
 * string literal such as "c." or "". phone_key is a virtual column that
 * no property reads: SQLite would compute it for every row "*" reads.
 * test-store checks that this list has every other column. */
#define ATELIER_CUSTOMER_COLUMNS(p)                                           \
  p "id, " p "given_name, " p "family_name, " p "email, " p "phone, "         \
  p "interests, " p "note, " p "consent, " p "consent_at, " p "created_at, "  \
  p "erased_at, " p "preferred_language, " p "needs, " p "first_came, "       \
  p "consent_wording, " p "last_seen_at"

/* The store's connection to its engine (SQLite or PostgreSQL). */
AtelierDb    *atelier_store_get_db            (AtelierStore  *self);

/* How long a statement waits for another connection's lock before it
 * fails with %ATELIER_STORE_ERROR_BUSY. Returns: the wait before. */
guint         atelier_store_set_busy_timeout  (AtelierStore  *self,
                                               guint          milliseconds);

/* atelier_db_prepare() on the store's connection: a cached statement,
 * reset and with its bindings cleared. The store owns it: never free it. */
AtelierDbStmt *atelier_store_prepare           (AtelierStore  *self,
                                               const char    *sql,
                                               GError       **error);

gboolean      atelier_store_exec              (AtelierStore  *self,
                                               const char    *sql,
                                               GError       **error);

/* BEGIN IMMEDIATE: the write lock is taken before anything is read, so
 * that two processes serialise instead of deciding on stale seats. */
gboolean      atelier_store_begin             (AtelierStore  *self,
                                               GError       **error);
gboolean      atelier_store_commit            (AtelierStore  *self,
                                               GError       **error);
void          atelier_store_rollback          (AtelierStore  *self);

/* Ends a transaction begun with atelier_store_begin(): commits if @ok,
 * rolls back otherwise. Returns whether it committed. */
gboolean      atelier_store_finish            (AtelierStore  *self,
                                               gboolean       ok,
                                               GError       **error);

/* Runs a statement that binds @n_params int64 values in order. */
gboolean      atelier_store_exec_ids          (AtelierStore  *self,
                                               const char    *sql,
                                               const gint64  *params,
                                               guint          n_params,
                                               GError       **error);

/* Steps @stmt to its end (atelier_db_stmt_run()); FALSE with @error set
 * on failure. */
gboolean      atelier_store_step_done         (AtelierStore  *self,
                                               AtelierDbStmt *stmt,
                                               GError       **error);

/* Reads the current row of @stmt into a new object of @type, matching
 * column names to property names ("party_size" to "party-size"). */
GObject      *atelier_store_row_to_object     (AtelierDbStmt *stmt,
                                               GType          type);
GObject      *atelier_store_columns_to_object (AtelierDbStmt *stmt,
                                               GType          type,
                                               int            first,
                                               int            last);

/* Runs a query whose rows are objects of @type; binds @n_params int64
 * values in order. */
GListModel   *atelier_store_query_objects     (AtelierStore  *self,
                                               GType          type,
                                               const char    *sql,
                                               const gint64  *params,
                                               guint          n_params,
                                               GError       **error);

/* Steps a prepared and bound statement to its end, one object a row. */
GListModel   *atelier_store_read_objects      (AtelierStore  *self,
                                               AtelierDbStmt *stmt,
                                               GType          type,
                                               GError       **error);

gboolean      atelier_store_insert_object     (AtelierStore  *self,
                                               GObject       *object,
                                               GError       **error);

/* Tells listeners (the app's models) that @table changed. */
void          atelier_store_emit_changed      (AtelierStore  *self,
                                               const char    *table);

gint64        atelier_store_now               (void);

/* "There is no session number 42." and its kin, for an entity @type. */
void          atelier_store_set_not_found     (GType          type,
                                               gint64         id,
                                               GError       **error);

G_END_DECLS
