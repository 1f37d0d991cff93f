/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-db-pg.c: the statement layer on a PostgreSQL server (libpq)
 *
 * Statements are prepared on the server once (PQprepare) under a name of
 * their own and executed with text parameters; a result is read whole,
 * then handed out row by row. The core's statements return a session's
 * roster or a page of customers, never a table: single-row mode or a
 * cursor would cost a round trip per row or per page for nothing.
 *
 * SQLite undoes a failed statement alone and its transaction goes on;
 * PostgreSQL would abort the whole transaction. So that the core's rules
 * behave alike on both (an insert refused as a duplicate, then an
 * update, in one transaction), a statement run inside a transaction is
 * wrapped in a savepoint, rolled back to on failure.
 */
#define G_LOG_DOMAIN "atelier-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>

#include "atelier-db-pg.h"
#include "atelier-db-private.h"
#include "atelier-store.h"

/* How a writing transaction serialises with the others (atelier_db_begin):
 * it takes this transaction-scoped advisory lock first, before it reads
 * anything, as SQLite's BEGIN IMMEDIATE takes the file's write lock. Every
 * rule of the core was written for that: read the seats, decide, write,
 * with no other writer in between, so no rule needs a retry loop, and no
 * serialization failure can reach a person. Readers never wait for it.
 * Row locks on the session alone would leave the rules that read more
 * than one session (moving a registration, a series) to think about lock
 * order and deadlocks; SERIALIZABLE would make every writer retry.
 * Writers of one store are a few people at a door and an office: one at
 * a time costs nothing they would notice. A client that skips the core
 * is still kept from overbooking by the triggers, which lock the
 * session's row (atelier-schema-pg.c). The key spells "ATLR". */
#define WRITE_LOCK_KEY "1096043602"

/* The default wait for another client's lock, as the SQLite engine's. */
#define DEFAULT_BUSY_TIMEOUT_MS 5000

typedef struct
{
  AtelierDb  parent;
  PGconn    *conn;
  guint      next_statement;  /* names the next server-side statement */
  guint      generation;      /* raised when the connection is made again */
  gint64     changes;
  guint      busy_timeout_ms;
  /* The connection was lost inside a transaction: until it is rolled
   * back, nothing runs, so that no later statement of it runs alone on
   * a new connection. */
  gboolean   transaction_lost;
} AtelierDbPg;

typedef struct
{
  AtelierDbStmt  parent;
  char          *sql;         /* with $N parameters */
  char          *name;        /* on the server; NULL until prepared */
  guint          generation;  /* of the connection it was prepared on */
  int            n_params;
  char         **values;      /* n_params texts, NULL for SQL NULL */
  PGresult      *result;      /* of the last execution, or NULL */
  PGresult      *description; /* column names before any execution */
  int            row;         /* in result, -1 before the first step */
} AtelierDbPgStmt;

static const AtelierDbEngineClass pg_class;

gboolean
atelier_db_pg_is_uri (const char *uri)
{
  return uri != NULL &&
         (g_str_has_prefix (uri, "postgresql://") || g_str_has_prefix (uri, "postgres://"));
}

/* Parameters */

static gboolean
is_identifier_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || (guchar) c >= 0x80;
}

/* Where the quoted text starting at @p (a quote @quote) ends: after its
 * closing quote, a doubled quote being part of the text. */
static const char *
skip_quoted (const char *p,
             char        quote,
             gboolean    backslash_escapes)
{
  for (p++; *p != '\0'; p++)
    {
      if (backslash_escapes && *p == '\\' && p[1] != '\0')
        p++;
      else if (*p == quote)
        {
          if (p[1] != quote)
            return p + 1;
          p++;
        }
    }
  return p;
}

/* PostgreSQL's block comments nest. */
static const char *
skip_block_comment (const char *p)
{
  int depth = 0;

  while (*p != '\0')
    {
      if (p[0] == '/' && p[1] == '*')
        depth++, p += 2;
      else if (p[0] == '*' && p[1] == '/')
        {
          p += 2;
          if (--depth == 0)
            return p;
        }
      else
        p++;
    }
  return p;
}

/* A dollar-quoted string ($$…$$ or $tag$…$tag$), or NULL when @p does
 * not start one. */
static const char *
skip_dollar_quoted (const char *p)
{
  const char *tag_end = p + 1;
  g_autofree char *tag = NULL;
  const char *end;

  while (is_identifier_char (*tag_end) && !g_ascii_isdigit (*tag_end))
    tag_end++;
  if (*tag_end != '$')
    return NULL;

  tag = g_strndup (p, tag_end - p + 1);
  end = strstr (tag_end + 1, tag);
  return end != NULL ? end + strlen (tag) : p + strlen (p);
}

char *
atelier_db_pg_rewrite_parameters (const char *sql,
                                  int        *n_parameters)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  const char *p = sql;
  int highest = 0;

  while (*p != '\0')
    {
      const char *end = NULL;

      if (*p == '\'')
        end = skip_quoted (p, '\'',
                           p > sql && (p[-1] == 'E' || p[-1] == 'e') &&
                           (p - 1 == sql || !is_identifier_char (p[-2])));
      else if (*p == '"')
        end = skip_quoted (p, '"', FALSE);
      else if (p[0] == '-' && p[1] == '-')
        end = p + strcspn (p, "\n");
      else if (p[0] == '/' && p[1] == '*')
        end = skip_block_comment (p);
      else if (*p == '$' && (p == sql || !is_identifier_char (p[-1])))
        end = skip_dollar_quoted (p);

      if (end != NULL)
        {
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == '?')
        {
          int index;

          p++;
          if (g_ascii_isdigit (*p))
            {
              char *digits_end;

              index = (int) strtol (p, &digits_end, 10);
              p = digits_end;
            }
          else
            index = highest + 1;  /* as SQLite numbers a bare ? */
          highest = MAX (highest, index);
          g_string_append_printf (out, "$%d", index);
        }
      else
        g_string_append_c (out, *p++);
    }

  if (n_parameters != NULL)
    *n_parameters = highest;
  return g_string_free (out, FALSE);
}

/* URIs and TLS */

static gboolean
host_is_local (const char *host)
{
  if (host == NULL || host[0] == '\0' || host[0] == '/' || host[0] == '@')
    return TRUE;
  return g_ascii_strcasecmp (host, "localhost") == 0 ||
         g_str_has_prefix (host, "127.") ||
         g_strcmp0 (host, "::1") == 0 ||
         g_strcmp0 (host, "[::1]") == 0;
}

/* Every host of a list (libpq takes several, comma-separated) is local. */
static gboolean
hosts_are_local (const char *hosts)
{
  g_auto (GStrv) each = NULL;

  if (hosts == NULL || hosts[0] == '\0')
    return TRUE;
  each = g_strsplit (hosts, ",", -1);
  for (guint i = 0; each[i] != NULL; i++)
    if (!host_is_local (g_strstrip (each[i])))
      return FALSE;
  return TRUE;
}

static const char *
option_value (PQconninfoOption *options,
              const char       *keyword)
{
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (strcmp (o->keyword, keyword) == 0)
      return o->val;
  return NULL;
}

/* The URI parsed, or NULL with @error set. */
static PQconninfoOption *
parse_uri (const char  *uri,
           GError     **error)
{
  PQconninfoOption *options;
  char *message = NULL;

  if (!atelier_db_pg_is_uri (uri))
    {
      g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
                   _("“%s” is not the address of a PostgreSQL store, which starts with "
                     "postgresql://."), uri != NULL ? uri : "");
      return NULL;
    }

  options = PQconninfoParse (uri, &message);
  if (options == NULL)
    {
      /* libpq's message may quote the URI, and with it a password. */
      PQfreemem (message);
      g_set_error_literal (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
                           _("The address of the PostgreSQL store cannot be read. It looks "
                             "like postgresql://user@host/database."));
      return NULL;
    }

  if (option_value (options, "password") != NULL)
    {
      PQconninfoFree (options);
      g_set_error_literal (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
                           _("The address of the store holds a password. Remove it from the "
                             "address: Atelier asks for the password and keeps it apart."));
      return NULL;
    }
  return options;
}

static char *
tls_mode_of (PQconninfoOption  *options,
             GError           **error)
{
  const char *host = option_value (options, "host");
  const char *hostaddr = option_value (options, "hostaddr");
  const char *mode = option_value (options, "sslmode");
  const char *ca_file = option_value (options, "sslrootcert");

  if (hosts_are_local (host) && hosts_are_local (hostaddr))
    return NULL;

  if (mode == NULL || g_strcmp0 (mode, "require") == 0)
    return g_strdup (ca_file != NULL && ca_file[0] != '\0' ? "verify-full" : "require");

  if (g_strcmp0 (mode, "verify-ca") == 0 || g_strcmp0 (mode, "verify-full") == 0)
    return g_strdup (mode);

  g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
               _("A store on another computer is reached over an encrypted connection "
                 "only: remove “sslmode=%s” from its address."), mode);
  return NULL;
}

char *
atelier_db_pg_tls_mode (const char  *uri,
                        GError     **error)
{
  PQconninfoOption *options = parse_uri (uri, error);
  char *mode;

  if (options == NULL)
    return NULL;
  mode = tls_mode_of (options, error);
  PQconninfoFree (options);
  return mode;
}

/* Failures */

/* libpq's messages end with a line break. */
static char *
message_of (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static AtelierDbFailure
failure_of_sqlstate (const char *state)
{
  if (state == NULL)
    return ATELIER_DB_FAILURE_CONNECTION;
  if (strcmp (state, "23505") == 0)
    return ATELIER_DB_FAILURE_UNIQUE;
  if (strcmp (state, "23503") == 0)
    return ATELIER_DB_FAILURE_FOREIGN_KEY;
  if (g_str_has_prefix (state, "23"))
    return ATELIER_DB_FAILURE_CONSTRAINT;
  if (strcmp (state, "40001") == 0 || strcmp (state, "40P01") == 0)
    return ATELIER_DB_FAILURE_RETRY;
  if (strcmp (state, "55P03") == 0)
    return ATELIER_DB_FAILURE_BUSY;
  if (g_str_has_prefix (state, "08") || strcmp (state, "57P01") == 0)
    return ATELIER_DB_FAILURE_CONNECTION;
  if (strcmp (state, "53100") == 0)
    return ATELIER_DB_FAILURE_FULL;
  if (strcmp (state, "25006") == 0)
    return ATELIER_DB_FAILURE_READ_ONLY;
  return ATELIER_DB_FAILURE_OTHER;
}

/* Words the failure of @result (NULL when there is none) for a person.
 * The constraint's name goes first in the detail so that
 * atelier_db_set_error() finds it. */
static void
set_error_from_result (AtelierDbPg  *self,
                       PGresult     *result,
                       GError      **error)
{
  const char *state = NULL;
  const char *constraint = NULL;
  g_autofree char *message = NULL;
  g_autofree char *detail = NULL;
  AtelierDbFailure failure;

  if (result != NULL)
    {
      state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
      constraint = PQresultErrorField (result, PG_DIAG_CONSTRAINT_NAME);
      message = message_of (PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY));
    }
  if (message == NULL || message[0] == '\0')
    {
      g_free (message);
      message = message_of (PQerrorMessage (self->conn));
    }

  failure = PQstatus (self->conn) == CONNECTION_BAD ? ATELIER_DB_FAILURE_CONNECTION
                                                     : failure_of_sqlstate (state);
  detail = constraint != NULL ? g_strdup_printf ("%s: %s", constraint, message)
                              : g_steal_pointer (&message);
  atelier_db_set_error (failure, detail, error);
}

/* Runs @sql with no parameters; the result when it succeeded, else NULL
 * with @error set. */
static PGresult *
run_simple (AtelierDbPg  *self,
            const char   *sql,
            GError      **error)
{
  PGresult *result = PQexec (self->conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;

  set_error_from_result (self, result, error);
  PQclear (result);
  return NULL;
}

static gboolean
apply_busy_timeout (AtelierDbPg  *self,
                    GError      **error)
{
  g_autofree char *sql = NULL;
  PGresult *result;

  /* 0 waits for ever on PostgreSQL, not at all on SQLite. */
  sql = g_strdup_printf ("SET lock_timeout = %u", MAX (self->busy_timeout_ms, 1));
  result = run_simple (self, sql, error);
  PQclear (result);
  return result != NULL;
}

/* What every session of the store needs, whatever the server's defaults:
 * READ COMMITTED, on which the write lock of atelier_db_begin() and the
 * seat rule's row lock rely (each statement sees what was committed
 * before it), and the wait for locks. */
static gboolean
configure_session (AtelierDbPg  *self,
                   GError      **error)
{
  PGresult *result = run_simple (self, "SET default_transaction_isolation = 'read committed'",
                                 error);

  PQclear (result);
  return result != NULL && apply_busy_timeout (self, error);
}

/* A connection lost between two transactions is made again before the
 * next statement; one lost inside a transaction fails it, and with it
 * everything the transaction did. */
static gboolean
ensure_connected (AtelierDbPg  *self,
                  GError      **error)
{
  /* A server restarted, or that ended this session, has said so and
   * closed the socket: reading what waits there without blocking (its
   * last words, then the end) finds out before a statement is sent to
   * nobody. */
  for (int i = 0; i < 2 && PQstatus (self->conn) == CONNECTION_OK; i++)
    PQconsumeInput (self->conn);
  if (PQstatus (self->conn) == CONNECTION_OK)
    return TRUE;

  PQreset (self->conn);
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *message = message_of (PQerrorMessage (self->conn));

      atelier_db_set_error (ATELIER_DB_FAILURE_CONNECTION, message, error);
      return FALSE;
    }

  /* Statements prepared before are gone with the old session. */
  self->generation++;
  return configure_session (self, error);
}

static gboolean
refuse_if_lost (AtelierDbPg  *self,
                GError      **error)
{
  if (!self->transaction_lost)
    return FALSE;
  atelier_db_set_error (ATELIER_DB_FAILURE_CONNECTION,
                        _("the connection was lost in the middle of a change, and none of it "
                          "was kept"), error);
  return TRUE;
}

/* Called after a failure: was it the connection, inside a transaction? */
static void
note_lost (AtelierDbPg *self,
           gboolean     was_in_transaction)
{
  if (was_in_transaction && PQstatus (self->conn) == CONNECTION_BAD)
    self->transaction_lost = TRUE;
}

/* Connections */

static AtelierDbPg *
db_pg (AtelierDb *db)
{
  return (AtelierDbPg *) db;
}

static AtelierDbPgStmt *
stmt_pg (AtelierDbStmt *stmt)
{
  return (AtelierDbPgStmt *) stmt;
}

static void
pg_close (AtelierDb *db)
{
  AtelierDbPg *self = db_pg (db);

  PQfinish (self->conn);
  g_free (self);
}

static gboolean
in_transaction (AtelierDbPg *self)
{
  PGTransactionStatusType status = PQtransactionStatus (self->conn);

  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

static gboolean
pg_in_transaction (AtelierDb *db)
{
  return db_pg (db)->transaction_lost || in_transaction (db_pg (db));
}

static gboolean ensure_prepared (AtelierDbPgStmt  *self,
                                 GError          **error);
static gboolean savepoint (AtelierDbPg  *self,
                           const char   *sql,
                           GError      **error);
static void pg_stmt_free (AtelierDbStmt *stmt);

/* Prepared on the server at once, so that a mistake in the SQL is told
 * here, as SQLite tells it; inside a transaction, a failure to prepare
 * must not abort it. */
static AtelierDbStmt *
pg_prepare (AtelierDb   *db,
            const char  *sql,
            GError     **error)
{
  AtelierDbPg *self = db_pg (db);
  AtelierDbPgStmt *stmt = g_new0 (AtelierDbPgStmt, 1);
  gboolean wrapped = in_transaction (self);
  gboolean prepared;

  stmt->parent.db = db;
  stmt->sql = atelier_db_pg_rewrite_parameters (sql, &stmt->n_params);
  stmt->values = g_new0 (char *, MAX (stmt->n_params, 1));
  stmt->row = -1;

  if (refuse_if_lost (self, error))
    prepared = FALSE;
  else if (!wrapped && !ensure_connected (self, error))
    prepared = FALSE;
  else if (wrapped && !savepoint (self, "SAVEPOINT atelier_statement", error))
    {
      note_lost (self, TRUE);
      prepared = FALSE;
    }
  else
    {
      prepared = ensure_prepared (stmt, error);
      note_lost (self, wrapped);
      if (wrapped && PQstatus (self->conn) == CONNECTION_OK)
        PQclear (PQexec (self->conn, prepared ? "RELEASE SAVEPOINT atelier_statement"
                                              : "ROLLBACK TO SAVEPOINT atelier_statement; "
                                                "RELEASE SAVEPOINT atelier_statement"));
    }

  if (!prepared)
    {
      pg_stmt_free ((AtelierDbStmt *) stmt);
      return NULL;
    }
  return (AtelierDbStmt *) stmt;
}

static void
clear_values (AtelierDbPgStmt *stmt)
{
  for (int i = 0; i < stmt->n_params; i++)
    g_clear_pointer (&stmt->values[i], g_free);
}

static void
pg_reset (AtelierDbStmt *stmt)
{
  AtelierDbPgStmt *self = stmt_pg (stmt);

  g_clear_pointer (&self->result, PQclear);
  self->row = -1;
  clear_values (self);
}

/* Statements are freed with the connection (atelier_db_close()), and
 * the server frees its prepared statements with the session: no
 * DEALLOCATE, which would cost a round trip each. */
static void
pg_stmt_free (AtelierDbStmt *stmt)
{
  AtelierDbPgStmt *self = stmt_pg (stmt);

  pg_reset (stmt);
  g_clear_pointer (&self->description, PQclear);
  g_free (self->values);
  g_free (self->name);
  g_free (self->sql);
  g_free (self);
}

/* The index in "could not determine data type of parameter $N". */
static int
undetermined_parameter (PGresult *result)
{
  const char *state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  const char *message = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  const char *dollar;

  if (g_strcmp0 (state, "42P18") != 0 || message == NULL ||
      (dollar = strrchr (message, '$')) == NULL)
    return 0;
  return atoi (dollar + 1);
}

/* Prepares on the server, once per connection. PostgreSQL infers each
 * parameter's type from where it stands; where it cannot (`?1 IS NULL`),
 * the parameter is text, as SQLite would see it. */
static gboolean
ensure_prepared (AtelierDbPgStmt  *self,
                 GError          **error)
{
  AtelierDbPg *db = db_pg (self->parent.db);
  g_autofree Oid *types = g_new0 (Oid, MAX (self->n_params, 1));

  if (self->name != NULL && self->generation == db->generation)
    return TRUE;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->description, PQclear);
  for (;;)
    {
      g_autofree char *name = g_strdup_printf ("atelier_%u", ++db->next_statement);
      PGresult *result = PQprepare (db->conn, name, self->sql, self->n_params, types);
      int undetermined = 0;

      if (PQresultStatus (result) == PGRES_COMMAND_OK)
        {
          PQclear (result);
          self->name = g_steal_pointer (&name);
          self->generation = db->generation;
          return TRUE;
        }

      undetermined = undetermined_parameter (result);
      if (undetermined < 1 || undetermined > self->n_params || types[undetermined - 1] != 0)
        {
          set_error_from_result (db, result, error);
          PQclear (result);
          return FALSE;
        }
      PQclear (result);
      types[undetermined - 1] = 25;  /* text */
    }
}

static gboolean
savepoint (AtelierDbPg  *self,
           const char   *sql,
           GError      **error)
{
  PGresult *result = run_simple (self, sql, error);

  PQclear (result);
  return result != NULL;
}

static void
count_changes (AtelierDbPg *self,
               PGresult    *result)
{
  const char *tag = PQcmdStatus (result);

  if (g_str_has_prefix (tag, "INSERT") || g_str_has_prefix (tag, "UPDATE") ||
      g_str_has_prefix (tag, "DELETE") || g_str_has_prefix (tag, "MERGE"))
    self->changes = g_ascii_strtoll (PQcmdTuples (result), NULL, 10);
}

/* Runs the statement with its bindings; FALSE with @error set. */
static gboolean
execute (AtelierDbPgStmt  *self,
         GError          **error)
{
  AtelierDbPg *db = db_pg (self->parent.db);
  gboolean wrapped = FALSE;
  ExecStatusType status;
  PGresult *result;

  if (refuse_if_lost (db, error))
    return FALSE;
  if (!in_transaction (db) && !ensure_connected (db, error))
    return FALSE;

  if (in_transaction (db))
    {
      if (!savepoint (db, "SAVEPOINT atelier_statement", error))
        {
          note_lost (db, TRUE);
          return FALSE;
        }
      wrapped = TRUE;
    }

  /* Prepared again after the connection was made again, under the
   * savepoint: a failure leaves the transaction as it was. */
  if (!ensure_prepared (self, error))
    {
      note_lost (db, wrapped);
      if (wrapped && PQstatus (db->conn) == CONNECTION_OK)
        PQclear (PQexec (db->conn, "ROLLBACK TO SAVEPOINT atelier_statement; "
                                   "RELEASE SAVEPOINT atelier_statement"));
      return FALSE;
    }

  result = PQexecPrepared (db->conn, self->name, self->n_params,
                           (const char *const *) self->values, NULL, NULL, 0);
  status = PQresultStatus (result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      set_error_from_result (db, result, error);
      PQclear (result);
      note_lost (db, wrapped);
      if (wrapped && PQstatus (db->conn) == CONNECTION_OK)
        PQclear (PQexec (db->conn, "ROLLBACK TO SAVEPOINT atelier_statement; "
                                   "RELEASE SAVEPOINT atelier_statement"));
      return FALSE;
    }

  if (wrapped && !savepoint (db, "RELEASE SAVEPOINT atelier_statement", error))
    {
      note_lost (db, TRUE);
      PQclear (result);
      return FALSE;
    }

  count_changes (db, result);
  self->result = result;
  return TRUE;
}

static AtelierDbStep
pg_step (AtelierDbStmt  *stmt,
         GError        **error)
{
  AtelierDbPgStmt *self = stmt_pg (stmt);

  if (self->result == NULL)
    {
      if (!execute (self, error))
        {
          pg_reset (stmt);
          return ATELIER_DB_STEP_ERROR;
        }
      self->row = -1;
    }

  if (self->row + 1 < PQntuples (self->result))
    {
      self->row++;
      return ATELIER_DB_STEP_ROW;
    }
  self->row = PQntuples (self->result);
  return ATELIER_DB_STEP_DONE;
}

static gboolean
pg_exec (AtelierDb   *db,
         const char  *sql,
         GError     **error)
{
  AtelierDbPg *self = db_pg (db);
  gboolean aborted = PQtransactionStatus (self->conn) == PQTRANS_INERROR;
  gboolean was_in_transaction = in_transaction (self);
  PGresult *result;

  if (self->transaction_lost && g_ascii_strcasecmp (sql, "ROLLBACK") == 0)
    {
      self->transaction_lost = FALSE;
      return TRUE;
    }
  if (refuse_if_lost (self, error))
    {
      if (g_ascii_strcasecmp (sql, "COMMIT") == 0)
        self->transaction_lost = FALSE;
      return FALSE;
    }
  if (!was_in_transaction && !ensure_connected (self, error))
    return FALSE;

  result = run_simple (self, sql, error);
  if (result == NULL)
    {
      note_lost (self, was_in_transaction);
      return FALSE;
    }

  /* A COMMIT of a failed transaction rolls it back, and says so only in
   * its tag. */
  if (aborted && g_ascii_strcasecmp (sql, "COMMIT") == 0)
    {
      PQclear (result);
      atelier_db_set_error (ATELIER_DB_FAILURE_OTHER,
                            _("the transaction had failed and was rolled back"), error);
      return FALSE;
    }
  count_changes (self, result);
  PQclear (result);
  return TRUE;
}

static gboolean
pg_begin (AtelierDb  *db,
          GError    **error)
{
  AtelierDbPg *self = db_pg (db);
  PGresult *result;

  /* A lost transaction the caller did not roll back is over anyway. */
  self->transaction_lost = FALSE;
  if (!ensure_connected (self, error))
    return FALSE;

  /* See WRITE_LOCK_KEY. */
  result = run_simple (self, "BEGIN; SELECT pg_advisory_xact_lock (" WRITE_LOCK_KEY ")", error);
  if (result == NULL)
    {
      if (PQstatus (self->conn) == CONNECTION_OK && in_transaction (self))
        PQclear (PQexec (self->conn, "ROLLBACK"));
      return FALSE;
    }
  PQclear (result);
  return TRUE;
}

static gint64
pg_changes (AtelierDb *db)
{
  return db_pg (db)->changes;
}

static guint
pg_set_busy_timeout (AtelierDb *db,
                     guint      milliseconds)
{
  AtelierDbPg *self = db_pg (db);
  guint before = self->busy_timeout_ms;

  self->busy_timeout_ms = milliseconds;
  /* A lost connection applies it again once made again. */
  if (PQstatus (self->conn) == CONNECTION_OK && !apply_busy_timeout (self, NULL))
    g_debug ("The lock timeout could not be set");
  return before;
}

/* Bindings */

static void
bind_owned (AtelierDbStmt *stmt,
            int            index,
            char          *value)
{
  AtelierDbPgStmt *self = stmt_pg (stmt);

  if (index < 1 || index > self->n_params)
    {
      g_critical ("No parameter %d in “%s”", index, self->sql);
      g_free (value);
      return;
    }
  g_free (self->values[index - 1]);
  self->values[index - 1] = value;
}

static void
pg_bind_int64 (AtelierDbStmt *stmt,
               int            index,
               gint64         value)
{
  bind_owned (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
pg_bind_double (AtelierDbStmt *stmt,
                int            index,
                double         value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  bind_owned (stmt, index, g_strdup (g_ascii_dtostr (text, sizeof text, value)));
}

static void
pg_bind_text (AtelierDbStmt *stmt,
              int            index,
              const char    *value)
{
  bind_owned (stmt, index, g_strdup (value));
}

static void
pg_bind_null (AtelierDbStmt *stmt,
              int            index)
{
  bind_owned (stmt, index, NULL);
}

/* bytea travels as text in its hex form, as the server prints it. */
static void
pg_bind_blob (AtelierDbStmt *stmt,
              int            index,
              GBytes        *value)
{
  gsize size;
  const guchar *data = g_bytes_get_data (value, &size);
  GString *hex = g_string_sized_new (2 + 2 * size);

  g_string_append (hex, "\\x");
  for (gsize i = 0; i < size; i++)
    g_string_append_printf (hex, "%02x", data[i]);
  bind_owned (stmt, index, g_string_free (hex, FALSE));
}

/* Columns */

/* The result to read names from: the last execution's, or the
 * statement's description, asked of the server once. */
static PGresult *
shape_of (AtelierDbPgStmt *self)
{
  AtelierDbPg *db = db_pg (self->parent.db);

  if (self->result != NULL)
    return self->result;
  if (self->description == NULL && ensure_prepared (self, NULL))
    {
      PGresult *result = PQdescribePrepared (db->conn, self->name);

      if (PQresultStatus (result) == PGRES_COMMAND_OK)
        self->description = result;
      else
        PQclear (result);
    }
  return self->description;
}

static int
pg_column_count (AtelierDbStmt *stmt)
{
  PGresult *shape = shape_of (stmt_pg (stmt));

  return shape != NULL ? PQnfields (shape) : 0;
}

static const char *
pg_column_name (AtelierDbStmt *stmt,
                int            column)
{
  PGresult *shape = shape_of (stmt_pg (stmt));

  return shape != NULL ? PQfname (shape, column) : NULL;
}

/* The current row's value, NULL for SQL NULL or when there is no row. */
static const char *
value_of (AtelierDbStmt *stmt,
          int            column)
{
  AtelierDbPgStmt *self = stmt_pg (stmt);

  if (self->result == NULL || self->row < 0 || self->row >= PQntuples (self->result) ||
      column < 0 || column >= PQnfields (self->result) ||
      PQgetisnull (self->result, self->row, column))
    return NULL;
  return PQgetvalue (self->result, self->row, column);
}

static gboolean
pg_column_is_null (AtelierDbStmt *stmt,
                   int            column)
{
  return value_of (stmt, column) == NULL;
}

/* Booleans read as 1 and 0, as SQLite keeps them. */
static gint64
pg_column_int64 (AtelierDbStmt *stmt,
                 int            column)
{
  const char *value = value_of (stmt, column);

  if (value == NULL)
    return 0;
  if (strcmp (value, "t") == 0)
    return 1;
  return g_ascii_strtoll (value, NULL, 10);
}

static double
pg_column_double (AtelierDbStmt *stmt,
                  int            column)
{
  const char *value = value_of (stmt, column);

  return value != NULL ? g_ascii_strtod (value, NULL) : 0.0;
}

static const char *
pg_column_text (AtelierDbStmt *stmt,
                int            column)
{
  return value_of (stmt, column);
}

static GBytes *
pg_column_blob (AtelierDbStmt *stmt,
                int            column)
{
  const char *value = value_of (stmt, column);
  unsigned char *data;
  size_t size;
  GBytes *bytes;

  if (value == NULL || (data = PQunescapeBytea ((const unsigned char *) value, &size)) == NULL)
    return NULL;
  bytes = g_bytes_new (data, size);
  PQfreemem (data);
  return bytes;
}

static const AtelierDbEngineClass pg_class = {
  .kind = ATELIER_DB_POSTGRESQL,
  .close = pg_close,
  .prepare = pg_prepare,
  .stmt_free = pg_stmt_free,
  .exec = pg_exec,
  .begin = pg_begin,
  .in_transaction = pg_in_transaction,
  .changes = pg_changes,
  .set_busy_timeout = pg_set_busy_timeout,
  .bind_int64 = pg_bind_int64,
  .bind_double = pg_bind_double,
  .bind_text = pg_bind_text,
  .bind_null = pg_bind_null,
  .bind_blob = pg_bind_blob,
  .step = pg_step,
  .reset = pg_reset,
  .column_count = pg_column_count,
  .column_name = pg_column_name,
  .column_is_null = pg_column_is_null,
  .column_int64 = pg_column_int64,
  .column_double = pg_column_double,
  .column_text = pg_column_text,
  .column_blob = pg_column_blob,
};

/* Opening */

/* The server's notices ("there is no transaction in progress") are for
 * the developer, not the terminal. */
static void
on_notice (void       *data,
           const char *message)
{
  g_debug ("PostgreSQL: %s", message);
}

/* Why a connection could not be made, in the user's words. libpq gives
 * no SQLSTATE for it: what it knows of the password tells a refused
 * password from the rest. */
static void
set_connect_error (PGconn      *conn,
                   const char  *password,
                   GError     **error)
{
  g_autofree char *message = message_of (PQerrorMessage (conn));
  const char *database = PQdb (conn);

  if (strstr (message, "does not exist") != NULL && database != NULL &&
      strstr (message, database) != NULL && strstr (message, "database") != NULL)
    g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
                 _("The server has no database named “%s”. Check the address of the "
                   "store."), database);
  else if (PQconnectionNeedsPassword (conn) && (password == NULL || password[0] == '\0'))
    g_set_error_literal (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
                         _("The server asks for a password to open this store."));
  else if (PQconnectionUsedPassword (conn))
    g_set_error_literal (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
                         _("The server refused the user name or the password. Check them, "
                           "then try again."));
  else
    g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OFFLINE,
                 _("The store’s server cannot be reached: %s"), message);
}

AtelierDb *
atelier_db_pg_open (const char  *uri,
                    const char  *password,
                    GError     **error)
{
  PQconninfoOption *options;
  g_autofree char *tls_mode = NULL;
  g_autoptr (GError) local_error = NULL;
  const char *keywords[6];
  const char *values[6];
  int n = 0;
  AtelierDbPg *self;
  PGconn *conn;

  options = parse_uri (uri, error);
  if (options == NULL)
    return NULL;
  tls_mode = tls_mode_of (options, &local_error);
  PQconninfoFree (options);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Later keywords override what the URI says. */
  keywords[n] = "dbname", values[n++] = uri;
  if (password != NULL)
    keywords[n] = "password", values[n++] = password;
  if (tls_mode != NULL)
    keywords[n] = "sslmode", values[n++] = tls_mode;
  keywords[n] = "client_encoding", values[n++] = "UTF8";
  keywords[n] = "application_name", values[n++] = "Atelier";
  keywords[n] = NULL, values[n] = NULL;

  conn = PQconnectdbParams (keywords, values, 1);
  PQsetNoticeProcessor (conn, on_notice, NULL);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      set_connect_error (conn, password, error);
      PQfinish (conn);
      return NULL;
    }

  self = g_new0 (AtelierDbPg, 1);
  self->conn = conn;
  self->busy_timeout_ms = DEFAULT_BUSY_TIMEOUT_MS;
  atelier_db_init (&self->parent, &pg_class);
  if (!configure_session (self, error))
    {
      atelier_db_close (&self->parent);
      return NULL;
    }
  return &self->parent;
}
