/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-db.c: what every engine shares: the statement cache, the calls
 * that dispatch to the engine, and the wording of failures
 */
#define G_LOG_DOMAIN "atelier-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atelier-db-private.h"
#include "atelier-store.h"

/* The schema names its constraints (and, on PostgreSQL, its unique
 * indexes) so that a refusal can say which rule refused. SQLite names a
 * unique failure by its columns: those are matched too. */
static const struct
{
  const char *name;
  const char *message;
} constraint_messages[] = {
  { "workshop_title_not_empty", N_("A workshop needs a title.") },
  { "workshop_duration_positive", N_("A workshop must last at least one minute.") },
  { "workshop_capacity_not_negative", N_("A capacity cannot be negative.") },
  { "workshop_price_not_negative", N_("A price cannot be negative.") },
  { "session_time_zone_not_empty", N_("A session needs a time zone.") },
  { "session_capacity_not_negative", N_("A capacity cannot be negative.") },
  { "session_status_known", N_("A session is either scheduled or cancelled.") },
  { "session_uid_not_empty", N_("A session needs a calendar identifier.") },
  { "session_sequence_not_negative", N_("A session’s revision number cannot be negative.") },
  { "session_ends_after_start", N_("A session must end after it starts.") },
  { "customer_consent_boolean", N_("Marketing consent is either given or not.") },
  { "customer_name_not_empty", N_("A customer needs a name.") },
  { "registration_party_size_positive", N_("A party has at least one person.") },
  { "registration_status_known",
    N_("A registration is confirmed, on the waiting list or cancelled.") },
  { "registration_source_known", N_("Unknown origin for a registration.") },
  { "registration_waitlist_position",
    N_("Only a registration on the waiting list has a place in it.") },
  { "registration_checkin_confirmed", N_("Only a confirmed registration can be checked in.") },
  { "registration_cancelled_by_known", N_("A registration is cancelled by the store or by the customer.") },
  { "registration_arrived_within_party",
    N_("Between one and the whole party can arrive, and only once checked in.") },
  { "session_over_capacity", N_("The session has not enough free seats.") },
  { "session_capacity_below_taken",
    N_("The capacity cannot be lower than the seats already taken.") },
  { "registrations.session_id, registrations.customer_id",
    N_("This customer is already signed up to this session.") },
  { "registrations.session_id, registrations.waitlist_position",
    N_("Two parties cannot share a place on the waiting list.") },
  { "sessions.uid", N_("Another session already has this calendar identifier.") },
  /* The same unique rules by their names on PostgreSQL. */
  { "registration_once_per_session", N_("This customer is already signed up to this session.") },
  { "registrations_waitlist_order", N_("Two parties cannot share a place on the waiting list.") },
  { "session_uid_unique", N_("Another session already has this calendar identifier.") },
  { "tag_name_valid",
    N_("An interest is a short name of 1 to 60 characters, with no comma or line break.") },
  { "setting_key_known", N_("There is no such setting.") },
  { "setting_value_one_line", N_("A setting holds one line of text.") },
  { "setting_value_valid", N_("This value is not valid for this setting.") },
  { "registration_sent_method_known", N_("An invitation is either a request or a cancellation.") },
  { "registration_sent_sequence_not_negative",
    N_("An invitation’s revision number cannot be negative.") },
  { "registration_sent_complete",
    N_("A sent invitation records its kind, its revision and when it was sent.") },
  { "registration_sequence_offset_not_negative",
    N_("An invitation’s revision number cannot go down.") },
};

static void
stmt_free (gpointer data)
{
  AtelierDbStmt *stmt = data;

  stmt->db->klass->stmt_free (stmt);
}

void
atelier_db_init (AtelierDb                  *db,
                 const AtelierDbEngineClass *klass)
{
  db->klass = klass;
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stmt_free);
}

AtelierDbKind
atelier_db_get_kind (AtelierDb *db)
{
  return db->klass->kind;
}

/* Statements are freed before the connection closes. */
void
atelier_db_close (AtelierDb *db)
{
  if (db == NULL)
    return;
  g_clear_pointer (&db->statements, g_hash_table_unref);
  db->klass->close (db);
}

AtelierDbStmt *
atelier_db_prepare (AtelierDb   *db,
                    const char  *sql,
                    GError     **error)
{
  AtelierDbStmt *stmt = g_hash_table_lookup (db->statements, sql);

  if (stmt != NULL)
    {
      db->klass->reset (stmt);
      return stmt;
    }

  stmt = db->klass->prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  stmt->db = db;
  g_hash_table_insert (db->statements, g_strdup (sql), stmt);
  return stmt;
}

AtelierDbStmt *
atelier_db_prepare_uncached (AtelierDb   *db,
                             const char  *sql,
                             GError     **error)
{
  AtelierDbStmt *stmt = db->klass->prepare (db, sql, error);

  if (stmt != NULL)
    stmt->db = db;
  return stmt;
}

void
atelier_db_stmt_free (AtelierDbStmt *stmt)
{
  if (stmt != NULL)
    stmt->db->klass->stmt_free (stmt);
}

gboolean
atelier_db_exec (AtelierDb   *db,
                 const char  *sql,
                 GError     **error)
{
  return db->klass->exec (db, sql, error);
}

gboolean
atelier_db_begin (AtelierDb  *db,
                  GError    **error)
{
  return db->klass->begin (db, error);
}

gboolean
atelier_db_commit (AtelierDb  *db,
                   GError    **error)
{
  if (db->klass->exec (db, "COMMIT", error))
    return TRUE;

  atelier_db_rollback (db);
  return FALSE;
}

void
atelier_db_rollback (AtelierDb *db)
{
  if (db->klass->in_transaction (db))
    db->klass->exec (db, "ROLLBACK", NULL);
}

gboolean
atelier_db_in_transaction (AtelierDb *db)
{
  return db->klass->in_transaction (db);
}

gint64
atelier_db_changes (AtelierDb *db)
{
  return db->klass->changes (db);
}

guint
atelier_db_set_busy_timeout (AtelierDb *db,
                             guint      milliseconds)
{
  return db->klass->set_busy_timeout (db, milliseconds);
}

void
atelier_db_stmt_bind_int64 (AtelierDbStmt *stmt,
                            int            index,
                            gint64         value)
{
  stmt->db->klass->bind_int64 (stmt, index, value);
}

void
atelier_db_stmt_bind_double (AtelierDbStmt *stmt,
                             int            index,
                             double         value)
{
  stmt->db->klass->bind_double (stmt, index, value);
}

void
atelier_db_stmt_bind_text (AtelierDbStmt *stmt,
                           int            index,
                           const char    *value)
{
  stmt->db->klass->bind_text (stmt, index, value);
}

void
atelier_db_stmt_bind_null (AtelierDbStmt *stmt,
                           int            index)
{
  stmt->db->klass->bind_null (stmt, index);
}

void
atelier_db_stmt_bind_blob (AtelierDbStmt *stmt,
                           int            index,
                           GBytes        *value)
{
  if (value == NULL)
    stmt->db->klass->bind_null (stmt, index);
  else
    stmt->db->klass->bind_blob (stmt, index, value);
}

AtelierDbStep
atelier_db_stmt_step (AtelierDbStmt  *stmt,
                      GError        **error)
{
  return stmt->db->klass->step (stmt, error);
}

gboolean
atelier_db_stmt_run (AtelierDbStmt  *stmt,
                     GError        **error)
{
  AtelierDbStep step;

  while ((step = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    ;
  atelier_db_stmt_reset (stmt);
  return step == ATELIER_DB_STEP_DONE;
}

void
atelier_db_stmt_reset (AtelierDbStmt *stmt)
{
  stmt->db->klass->reset (stmt);
}

int
atelier_db_stmt_column_count (AtelierDbStmt *stmt)
{
  return stmt->db->klass->column_count (stmt);
}

const char *
atelier_db_stmt_column_name (AtelierDbStmt *stmt,
                             int            column)
{
  return stmt->db->klass->column_name (stmt, column);
}

gboolean
atelier_db_stmt_column_is_null (AtelierDbStmt *stmt,
                                int            column)
{
  return stmt->db->klass->column_is_null (stmt, column);
}

gint64
atelier_db_stmt_column_int64 (AtelierDbStmt *stmt,
                              int            column)
{
  return stmt->db->klass->column_int64 (stmt, column);
}

int
atelier_db_stmt_column_int (AtelierDbStmt *stmt,
                            int            column)
{
  return (int) CLAMP (stmt->db->klass->column_int64 (stmt, column), G_MININT, G_MAXINT);
}

double
atelier_db_stmt_column_double (AtelierDbStmt *stmt,
                               int            column)
{
  return stmt->db->klass->column_double (stmt, column);
}

const char *
atelier_db_stmt_column_text (AtelierDbStmt *stmt,
                             int            column)
{
  return stmt->db->klass->column_text (stmt, column);
}

GBytes *
atelier_db_stmt_column_blob (AtelierDbStmt *stmt,
                             int            column)
{
  return stmt->db->klass->column_blob (stmt, column);
}

static const char *
constraint_message (const char *detail)
{
  for (guint i = 0; i < G_N_ELEMENTS (constraint_messages); i++)
    if (strstr (detail, constraint_messages[i].name) != NULL)
      return _(constraint_messages[i].message);

  return NULL;
}

void
atelier_db_set_error (AtelierDbFailure   failure,
                      const char        *detail,
                      GError           **error)
{
  const char *sentence = NULL;
  int code = ATELIER_STORE_ERROR_FAILED;

  if (detail == NULL)
    detail = "";

  switch (failure)
    {
    case ATELIER_DB_FAILURE_BUSY:
    case ATELIER_DB_FAILURE_RETRY:
      code = ATELIER_STORE_ERROR_BUSY;
      sentence = _("Another Atelier window is busy writing to this store; please try again.");
      break;

    case ATELIER_DB_FAILURE_UNIQUE:
      code = ATELIER_STORE_ERROR_DUPLICATE;
      sentence = constraint_message (detail);
      break;

    case ATELIER_DB_FAILURE_CONSTRAINT:
      code = ATELIER_STORE_ERROR_INVALID;
      sentence = constraint_message (detail);
      break;

    /* The caller knows which row was meant and may say it better. */
    case ATELIER_DB_FAILURE_FOREIGN_KEY:
      code = ATELIER_STORE_ERROR_IN_USE;
      sentence = constraint_message (detail);
      break;

    case ATELIER_DB_FAILURE_FULL:
      sentence = _("The disk is full. Free some space, then try again.");
      break;

    case ATELIER_DB_FAILURE_READ_ONLY:
      code = ATELIER_STORE_ERROR_READ_ONLY;
      sentence = _("The store’s file can be read but not changed. "
                   "Check who may write to it, then try again.");
      break;

    case ATELIER_DB_FAILURE_DAMAGED:
      code = ATELIER_STORE_ERROR_DAMAGED;
      sentence = _("The store’s file is damaged. Restore it from a backup.");
      break;

    case ATELIER_DB_FAILURE_IO:
      g_set_error (error, ATELIER_STORE_ERROR, code,
                   _("The store’s file could not be read or written: %s"), detail);
      return;

    case ATELIER_DB_FAILURE_CONNECTION:
      g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OFFLINE,
                   _("The store’s server cannot be reached, so nothing was changed: %s"),
                   detail);
      return;

    case ATELIER_DB_FAILURE_OTHER:
    default:
      break;
    }

  if (sentence != NULL)
    g_set_error_literal (error, ATELIER_STORE_ERROR, code, sentence);
  else
    g_set_error (error, ATELIER_STORE_ERROR, code, _("The store could not do this: %s"), detail);
}
