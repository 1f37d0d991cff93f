/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-db.h: the statement layer between the core's rules and an engine
 *
 * Only app/core/ includes this. The rules (booking, search, invites…)
 * prepare, bind, step and read through these calls; an engine (SQLite,
 * PostgreSQL) implements them behind AtelierDbEngineClass. SQL is written
 * once where the engines agree (positional parameters ?1, ?2… or ?,
 * INSERT … ON CONFLICT, RETURNING, times passed as parameters rather than
 * computed by the engine) and asked of the engine by name only where
 * they differ (atelier_db_get_kind()).
 *
 * Errors are always in ATELIER_STORE_ERROR, already worded for a person:
 * a busy or lost server, a constraint of the schema by its name, a full
 * disk. Nothing here is thread-safe: a connection belongs to the thread
 * that opened it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AtelierDb     AtelierDb;
typedef struct _AtelierDbStmt AtelierDbStmt;

typedef enum
{
  ATELIER_DB_SQLITE,
  ATELIER_DB_POSTGRESQL,
} AtelierDbKind;

/* What atelier_db_stmt_step() found. */
typedef enum
{
  ATELIER_DB_STEP_ERROR = -1,  /* @error is set; the statement is reset */
  ATELIER_DB_STEP_DONE  = 0,   /* no more rows */
  ATELIER_DB_STEP_ROW   = 1,   /* a row can be read */
} AtelierDbStep;

/* Why an engine failed, before it is worded (atelier_db_set_error()). */
typedef enum
{
  ATELIER_DB_FAILURE_OTHER,
  ATELIER_DB_FAILURE_BUSY,           /* a lock held too long by another client */
  ATELIER_DB_FAILURE_RETRY,          /* serialization failure or deadlock: run the transaction again */
  ATELIER_DB_FAILURE_UNIQUE,         /* a unique or primary key constraint */
  ATELIER_DB_FAILURE_CONSTRAINT,     /* a check, not-null, foreign key or trigger refusal */
  ATELIER_DB_FAILURE_FULL,           /* the disk is full */
  ATELIER_DB_FAILURE_READ_ONLY,      /* the store cannot be written */
  ATELIER_DB_FAILURE_DAMAGED,        /* the store's file is damaged */
  ATELIER_DB_FAILURE_IO,             /* the file could not be read or written */
  ATELIER_DB_FAILURE_CONNECTION,     /* the server is gone or refused us */
  ATELIER_DB_FAILURE_FOREIGN_KEY,    /* a row refers to one missing, or is still referred to */
} AtelierDbFailure;

/* Connections. */

AtelierDbKind  atelier_db_get_kind           (AtelierDb      *db);
void           atelier_db_close              (AtelierDb      *db);

/* A prepared statement cached by its SQL text: reset, bindings cleared.
 * The connection owns it: never free it. */
AtelierDbStmt *atelier_db_prepare            (AtelierDb      *db,
                                              const char     *sql,
                                              GError        **error);

/* A statement of the caller's own, not cached, for SQL run once or for
 * a while only (an import's): free it with atelier_db_stmt_free(). */
AtelierDbStmt *atelier_db_prepare_uncached   (AtelierDb      *db,
                                              const char     *sql,
                                              GError        **error);
void           atelier_db_stmt_free          (AtelierDbStmt  *stmt);

/* Runs one or more statements separated by ';', with no parameters. */
gboolean       atelier_db_exec               (AtelierDb      *db,
                                              const char     *sql,
                                              GError        **error);

/* A transaction that will write: the engine's write lock is taken before
 * anything is read, so two clients deciding on seats serialise (SQLite:
 * BEGIN IMMEDIATE; PostgreSQL: the store's transaction lock). */
gboolean       atelier_db_begin              (AtelierDb      *db,
                                              GError        **error);
gboolean       atelier_db_commit             (AtelierDb      *db,
                                              GError        **error);
/* Rolls back the transaction in progress, if any. */
void           atelier_db_rollback           (AtelierDb      *db);
gboolean       atelier_db_in_transaction     (AtelierDb      *db);

/* Rows changed by the last INSERT, UPDATE or DELETE. */
gint64         atelier_db_changes            (AtelierDb      *db);

/* How long a statement waits for another client's lock before it fails
 * with ATELIER_STORE_ERROR_BUSY. Returns: the wait before. */
guint          atelier_db_set_busy_timeout   (AtelierDb      *db,
                                              guint           milliseconds);

/* Statements. Parameters count from 1, columns from 0, as in SQL. Text
 * is copied when bound; text read stays valid until the next step or
 * reset of the statement. */

void           atelier_db_stmt_bind_int64    (AtelierDbStmt  *stmt,
                                              int             index,
                                              gint64          value);
void           atelier_db_stmt_bind_double   (AtelierDbStmt  *stmt,
                                              int             index,
                                              double          value);
/* NULL binds SQL NULL. */
void           atelier_db_stmt_bind_text     (AtelierDbStmt  *stmt,
                                              int             index,
                                              const char     *value);
void           atelier_db_stmt_bind_null     (AtelierDbStmt  *stmt,
                                              int             index);
/* Bytes kept as they are (a mail as it arrived); NULL binds SQL NULL. */
void           atelier_db_stmt_bind_blob     (AtelierDbStmt  *stmt,
                                              int             index,
                                              GBytes         *value);

AtelierDbStep  atelier_db_stmt_step          (AtelierDbStmt  *stmt,
                                              GError        **error);
/* Steps to the end; FALSE with @error set on failure. Resets. */
gboolean       atelier_db_stmt_run           (AtelierDbStmt  *stmt,
                                              GError        **error);
/* Ends reading early and clears the bindings. */
void           atelier_db_stmt_reset         (AtelierDbStmt  *stmt);

int            atelier_db_stmt_column_count  (AtelierDbStmt  *stmt);
const char    *atelier_db_stmt_column_name   (AtelierDbStmt  *stmt,
                                              int             column);
gboolean       atelier_db_stmt_column_is_null (AtelierDbStmt *stmt,
                                              int             column);
gint64         atelier_db_stmt_column_int64  (AtelierDbStmt  *stmt,
                                              int             column);
int            atelier_db_stmt_column_int    (AtelierDbStmt  *stmt,
                                              int             column);
double         atelier_db_stmt_column_double (AtelierDbStmt  *stmt,
                                              int             column);
/* NULL for SQL NULL. */
const char    *atelier_db_stmt_column_text   (AtelierDbStmt  *stmt,
                                              int             column);
/* (transfer full): NULL for SQL NULL. */
GBytes        *atelier_db_stmt_column_blob   (AtelierDbStmt  *stmt,
                                              int             column);

/* Words a failure for a person into @error (ATELIER_STORE_ERROR):
 * @detail is the engine's message, and for constraint failures the
 * constraint's name is looked for in it to say which rule refused. */
void           atelier_db_set_error          (AtelierDbFailure  failure,
                                              const char       *detail,
                                              GError          **error);

G_END_DECLS
