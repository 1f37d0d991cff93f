/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-privacy.c: personal data: access, erasure, retention
 *
 * Access: everything the store holds about one person, as JSON (every
 * column of their customer row, their tags, their derived history, every
 * column of their registrations with the session and workshop, and the
 * times the store contacted them).
 *
 * Erasure: the customer row stays, so that registrations still count in
 * statistics, but everything that identifies the person is cleared
 * (names, e-mail, phone, interests, note, needs, language, consent) and
 * erased_at is set; their registrations' notes and their contacts go too.
 * Then the bytes themselves go: the customer search index is optimised
 * (a contentless FTS5 table keeps deleted tokens until its segments are
 * merged), the write-ahead log is checkpointed and truncated, the file is
 * VACUUMed (no free page keeps old rows) and checkpointed again.
 * Registrations to sessions still ahead are left as they are: the seats
 * stay taken, and nothing is sent to an erased customer.
 *
 * Retention: customers with no activity (created, seen, consented,
 * registered, attended, contacted) for N years, and nothing ahead, are
 * the ones atelier_privacy_erase_inactive() erases; list them first with
 * atelier_privacy_list_inactive(). N is the retention-years policy, 0 for
 * none.
 */
#define G_LOG_DOMAIN "atelier-privacy"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "atelier-customer-book.h"
#include "atelier-db-sqlite.h"
#include "atelier-history.h"
#include "atelier-privacy.h"
#include "atelier-store-private.h"
#include "atelier-tags.h"

#define EXPORT_FORMAT "atelier-customer-export"
#define EXPORT_VERSION 1

G_DEFINE_QUARK (atelier-privacy-error-quark, atelier_privacy_error)

/* SQLite's variant: a column's type is the stored value's. PostgreSQL
 * will need it from the result's column types (PQftype). */
static int
column_type (AtelierDbStmt *stmt,
             int            column)
{
  sqlite3_stmt *handle = atelier_db_sqlite_stmt_get_handle (stmt);

  if (handle == NULL)
    return atelier_db_stmt_column_is_null (stmt, column) ? SQLITE_NULL : SQLITE_TEXT;
  return sqlite3_column_type (handle, column);
}

/* Every column of the current row as a member; times (columns ending in
 * _at) in ISO 8601 UTC. */
static void
add_columns (JsonBuilder   *builder,
             AtelierDbStmt *stmt,
             int            first,
             int            last)
{
  for (int i = first; i < last; i++)
    {
      const char *name = atelier_db_stmt_column_name (stmt, i);

      json_builder_set_member_name (builder, name);
      switch (column_type (stmt, i))
        {
        case SQLITE_NULL:
          json_builder_add_null_value (builder);
          break;
        case SQLITE_INTEGER:
          if (g_str_has_suffix (name, "_at"))
            {
              g_autofree char *time = atelier_customer_book_format_time (atelier_db_stmt_column_int64 (stmt, i), NULL);
              json_builder_add_string_value (builder, time);
            }
          else
            json_builder_add_int_value (builder, atelier_db_stmt_column_int64 (stmt, i));
          break;
        case SQLITE_FLOAT:
          json_builder_add_double_value (builder, atelier_db_stmt_column_double (stmt, i));
          break;
        default:
          json_builder_add_string_value (builder, atelier_db_stmt_column_text (stmt, i));
          break;
        }
    }
}

static gboolean
add_customer (AtelierStore  *store,
              JsonBuilder   *builder,
              gint64         id,
              GError       **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store, "SELECT * FROM customers WHERE id = ?", error);
  AtelierDbStep rc;

  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, id);
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW)
    {
      json_builder_set_member_name (builder, "customer");
      json_builder_begin_object (builder);
      add_columns (builder, stmt, 0, atelier_db_stmt_column_count (stmt));
      json_builder_end_object (builder);
    }
  else if (rc == ATELIER_DB_STEP_DONE)
    atelier_store_set_not_found (ATELIER_TYPE_CUSTOMER, id, error);
  atelier_db_stmt_reset (stmt);

  return rc == ATELIER_DB_STEP_ROW;
}

/* Each registration, its session and its workshop as nested objects. */
static gboolean
add_registrations (AtelierStore  *store,
                   JsonBuilder   *builder,
                   gint64         id,
                   GError       **error)
{
  static const char sql[] =
    "SELECT r.*, '' AS session_start, s.*, '' AS workshop_start, w.*"
    " FROM registrations r JOIN sessions s ON s.id = r.session_id"
    " JOIN workshops w ON w.id = s.workshop_id"
    " WHERE r.customer_id = ? ORDER BY s.starts_at, r.id";
  AtelierDbStmt *stmt = atelier_store_prepare (store, sql, error);
  AtelierDbStep rc;

  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, id);

  json_builder_set_member_name (builder, "registrations");
  json_builder_begin_array (builder);
  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      int n = atelier_db_stmt_column_count (stmt);
      int session = 0, workshop = 0;

      for (int i = 0; i < n; i++)
        if (strcmp (atelier_db_stmt_column_name (stmt, i), "session_start") == 0)
          session = i;
        else if (strcmp (atelier_db_stmt_column_name (stmt, i), "workshop_start") == 0)
          workshop = i;

      json_builder_begin_object (builder);
      add_columns (builder, stmt, 0, session);
      json_builder_set_member_name (builder, "session");
      json_builder_begin_object (builder);
      add_columns (builder, stmt, session + 1, workshop);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "workshop");
      json_builder_begin_object (builder);
      add_columns (builder, stmt, workshop + 1, n);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  atelier_db_stmt_reset (stmt);

  return rc == ATELIER_DB_STEP_DONE;
}

static gboolean
add_contacts (AtelierStore  *store,
              JsonBuilder   *builder,
              gint64         id,
              GError       **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store,
                                              "SELECT * FROM contacts WHERE customer_id = ?"
                                              " ORDER BY contacted_at, id", error);
  AtelierDbStep rc;

  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, id);
  json_builder_set_member_name (builder, "contacts");
  json_builder_begin_array (builder);
  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      json_builder_begin_object (builder);
      add_columns (builder, stmt, 0, atelier_db_stmt_column_count (stmt));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  atelier_db_stmt_reset (stmt);

  return rc == ATELIER_DB_STEP_DONE;
}

static gboolean
add_tags_and_history (AtelierStore  *store,
                      JsonBuilder   *builder,
                      gint64         id,
                      GError       **error)
{
  g_auto(GStrv) tags = atelier_tags_for_customer (store, id, error);
  g_autofree char *last_visit = NULL;
  AtelierCustomerHistory history;

  if (tags == NULL || !atelier_history_for_customer (store, id, &history, error))
    return FALSE;

  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; tags[i] != NULL; i++)
    json_builder_add_string_value (builder, tags[i]);
  json_builder_end_array (builder);

  last_visit = atelier_customer_book_format_time (history.last_visit, NULL);
  json_builder_set_member_name (builder, "history");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "attended");
  json_builder_add_int_value (builder, history.attended);
  json_builder_set_member_name (builder, "no_shows");
  json_builder_add_int_value (builder, history.no_shows);
  json_builder_set_member_name (builder, "upcoming");
  json_builder_add_int_value (builder, history.upcoming);
  json_builder_set_member_name (builder, "last_visit");
  json_builder_add_string_value (builder, last_visit);
  json_builder_set_member_name (builder, "favourite_category");
  json_builder_add_string_value (builder, history.favourite_category);
  json_builder_end_object (builder);
  atelier_customer_history_clear (&history);

  return TRUE;
}

/**
 * atelier_privacy_export_customer:
 *
 * Everything the store holds about one customer (see the top of this
 * file), for their right of access and portability.
 *
 * Returns: (transfer full): pretty-printed JSON, or %NULL with @error set
 */
char *
atelier_privacy_export_customer (AtelierStore  *store,
                                 gint64         customer_id,
                                 GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *now = atelier_customer_book_format_time (atelier_store_now (), NULL);
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, EXPORT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, EXPORT_VERSION);
  json_builder_set_member_name (builder, "exported_at");
  json_builder_add_string_value (builder, now);

  /* One read transaction: the parts agree with each other. */
  ok = atelier_store_exec (store, "BEGIN", error);
  ok = ok && add_customer (store, builder, customer_id, error) &&
       add_tags_and_history (store, builder, customer_id, error) &&
       add_registrations (store, builder, customer_id, error) &&
       add_contacts (store, builder, customer_id, error);
  atelier_store_rollback (store);
  if (!ok)
    return NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/**
 * atelier_privacy_export_customer_to_file:
 *
 * Writes atelier_privacy_export_customer() to @path, readable by its
 * owner only.
 */
gboolean
atelier_privacy_export_customer_to_file (AtelierStore  *store,
                                         gint64         customer_id,
                                         const char    *path,
                                         GError       **error)
{
  g_autofree char *json = atelier_privacy_export_customer (store, customer_id, error);
  g_autoptr(GError) local_error = NULL;

  if (json == NULL)
    return FALSE;

  if (!g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, ATELIER_PRIVACY_ERROR, ATELIER_PRIVACY_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* In the caller's transaction. */
static gboolean
erase_one (AtelierStore  *store,
           gint64         id,
           gint64         now,
           GError       **error)
{
  static const char clear_customer[] =
    "UPDATE customers SET given_name = '', family_name = '', email = NULL, phone = NULL,"
    "  interests = '', note = '', needs = '', preferred_language = NULL, consent = 0,"
    "  consent_at = NULL, consent_wording = NULL, erased_at = ?2"
    " WHERE id = ?1";
  /* An interest typed for this customer alone is theirs too; one that
   * someone else has, or that names a workshop's category, stays. */
  static const char drop_own_tags[] =
    "DELETE FROM tags WHERE id IN (SELECT tag_id FROM customer_tags WHERE customer_id = ?1)"
    " AND NOT EXISTS (SELECT 1 FROM customer_tags o"
    "                 WHERE o.tag_id = tags.id AND o.customer_id <> ?1)"
    " AND NOT EXISTS (SELECT 1 FROM workshops w WHERE tags.name = trim (w.category))";
  gint64 params[] = { id, now };

  return atelier_store_exec_ids (store, drop_own_tags, &id, 1, error) &&
         atelier_store_exec_ids (store, clear_customer, params, 2, error) &&
         atelier_store_exec_ids (store, "UPDATE registrations SET note = '' WHERE customer_id = ?",
                                 &id, 1, error) &&
         atelier_store_exec_ids (store, "DELETE FROM contacts WHERE customer_id = ?", &id, 1, error) &&
         /* The mail queue keeps each message's address: nothing is left
          * of it, and nothing more is sent. */
         atelier_store_exec_ids (store,
                                 "DELETE FROM mail_messages WHERE registration_id IN"
                                 " (SELECT id FROM registrations WHERE customer_id = ?)",
                                 &id, 1, error) &&
         /* So do the replies read from their calendar, whole messages. */
         atelier_store_exec_ids (store,
                                 "DELETE FROM replies WHERE registration_id IN"
                                 " (SELECT id FROM registrations WHERE customer_id = ?)",
                                 &id, 1, error);
}

static gboolean
check_erasable (AtelierStore  *store,
                gint64         id,
                GError       **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store, "SELECT erased_at FROM customers WHERE id = ?", error);
  gboolean ok = FALSE;
  AtelierDbStep rc;

  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, id);
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW && atelier_db_stmt_column_is_null (stmt, 0))
    ok = TRUE;
  else if (rc == ATELIER_DB_STEP_ROW)
    g_set_error_literal (error, ATELIER_PRIVACY_ERROR, ATELIER_PRIVACY_ERROR_ERASED,
                         _("This customer’s personal data was erased already."));
  else if (rc == ATELIER_DB_STEP_DONE)
    atelier_store_set_not_found (ATELIER_TYPE_CUSTOMER, id, error);
  atelier_db_stmt_reset (stmt);

  return ok;
}

/* SQLite's variant: FTS5 merges its index's segments so that no erased
 * token stays in them. PostgreSQL: nothing to do (VACUUM of the table). */
static gboolean
optimize_search (AtelierStore  *store,
                 GError       **error)
{
  return atelier_store_exec (store, "INSERT INTO customer_search (customer_search) VALUES ('optimize')",
                             error);
}

/* Copies the log into the file and empties it; FALSE if a reader kept
 * part of it. */
static gboolean
checkpoint (AtelierStore  *store,
            GError       **error)
{
  /* SQLite's variant: a server keeps no log in the store's file. */
  AtelierDbStmt *stmt = atelier_store_prepare (store, "PRAGMA wal_checkpoint (TRUNCATE)", error);
  gboolean busy;
  AtelierDbStep rc;

  if (stmt == NULL)
    return FALSE;
  rc = atelier_db_stmt_step (stmt, NULL);
  busy = rc != ATELIER_DB_STEP_ROW || atelier_db_stmt_column_int (stmt, 0) != 0;
  atelier_db_stmt_reset (stmt);

  if (busy)
    g_set_error_literal (error, ATELIER_PRIVACY_ERROR, ATELIER_PRIVACY_ERROR_SCRUB,
                         _("The personal data was erased, but another window or program is reading "
                           "the store, so traces stay in its file until the next compaction; "
                           "close the others and try again."));
  return !busy;
}

/**
 * atelier_privacy_scrub:
 *
 * Rewrites the store's file so that nothing erased or deleted survives
 * in it or in its log. Fails with %ATELIER_PRIVACY_ERROR_SCRUB while
 * another connection reads the store.
 */
gboolean
atelier_privacy_scrub (AtelierStore  *store,
                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  /* SQLite's variant: the file and its log are rewritten. PostgreSQL
   * will need VACUUM FULL of the customers' tables. */
  if (!checkpoint (store, error))
    return FALSE;
  if (!atelier_store_exec (store, "VACUUM", &local_error))
    {
      g_set_error (error, ATELIER_PRIVACY_ERROR, ATELIER_PRIVACY_ERROR_SCRUB,
                   _("The personal data was erased, but the store’s file could not be "
                     "compacted: %s"), local_error->message);
      return FALSE;
    }
  return checkpoint (store, error);
}

/**
 * atelier_privacy_erase_customer:
 *
 * Erases one customer's personal data everywhere, keeping their
 * registrations as anonymous counts, then scrubs the file (see
 * atelier_privacy_scrub()).
 */
gboolean
atelier_privacy_erase_customer (AtelierStore  *store,
                                gint64         customer_id,
                                GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  if (!atelier_store_begin (store, error))
    return FALSE;
  ok = check_erasable (store, customer_id, error) &&
       erase_one (store, customer_id, atelier_store_now (), error) &&
       optimize_search (store, error);
  if (!atelier_store_finish (store, ok, error))
    return FALSE;

  atelier_store_emit_changed (store, "customers");
  atelier_store_emit_changed (store, "registrations");
  atelier_store_emit_changed (store, "tags");
  return atelier_privacy_scrub (store, error);
}

/* Retention */

guint
atelier_privacy_get_retention_years (AtelierStore  *store,
                                     GError       **error)
{
  AtelierDbStmt *stmt;
  guint years = 0;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), 0);

  stmt = atelier_store_prepare (store, "SELECT value FROM policies WHERE key = 'retention-years'", error);
  if (stmt == NULL)
    return 0;
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW)
    years = (guint) g_ascii_strtoull (atelier_db_stmt_column_text (stmt, 0), NULL, 10);
  atelier_db_stmt_reset (stmt);

  return years;
}

/**
 * atelier_privacy_set_retention_years:
 * @years: how long to keep a customer without activity; 0 for ever
 */
gboolean
atelier_privacy_set_retention_years (AtelierStore  *store,
                                     guint          years,
                                     GError       **error)
{
  g_autofree char *value = g_strdup_printf ("%u", years);
  AtelierDbStmt *stmt;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  if (years > ATELIER_PRIVACY_MAX_RETENTION_YEARS)
    {
      g_set_error (error, ATELIER_PRIVACY_ERROR, ATELIER_PRIVACY_ERROR_INVALID,
                   _("Customers can be kept for %s years at most."), "100");
      return FALSE;
    }

  if (years == 0)
    stmt = atelier_store_prepare (store, "DELETE FROM policies WHERE key = 'retention-years'", error);
  else
    stmt = atelier_store_prepare (store,
                                  "INSERT INTO policies (key, value) VALUES ('retention-years', ?)"
                                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  if (years != 0)
    atelier_db_stmt_bind_text (stmt, 1, value);
  if (!atelier_store_step_done (store, stmt, error))
    return FALSE;

  atelier_store_emit_changed (store, "policies");
  return TRUE;
}

static gint64
cutoff (guint years)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_years (now, -(int) years);

  return g_date_time_to_unix (then);
}

static const char inactive_sql[] =
  "SELECT " ATELIER_CUSTOMER_COLUMNS ("c.") " FROM customers c WHERE c.erased_at IS NULL"
  " AND max (c.created_at, coalesce (c.last_seen_at, 0), coalesce (c.consent_at, 0)) < ?1"
  " AND NOT EXISTS (SELECT 1 FROM registrations r JOIN sessions s ON s.id = r.session_id"
  "   WHERE r.customer_id = c.id"
  "     AND (max (r.created_at, coalesce (r.checked_in_at, 0), coalesce (r.cancelled_at, 0),"
  "               coalesce (r.sent_at, 0)) >= ?1"
  "          OR (r.status <> 'cancelled' AND s.status = 'scheduled' AND s.ends_at >= ?1)))"
  " AND NOT EXISTS (SELECT 1 FROM contacts k WHERE k.customer_id = c.id AND k.contacted_at >= ?1)"
  " ORDER BY c.family_name, c.given_name, c.id";

static gboolean
check_years (guint    years,
             GError **error)
{
  if (years >= 1 && years <= ATELIER_PRIVACY_MAX_RETENTION_YEARS)
    return TRUE;

  g_set_error (error, ATELIER_PRIVACY_ERROR, ATELIER_PRIVACY_ERROR_INVALID,
               _("Give a retention of 1 to %s years."), "100");
  return FALSE;
}

/**
 * atelier_privacy_list_inactive:
 * @years: the retention, from 1 to 100
 *
 * Returns: (transfer full): a #GListModel of the #AtelierCustomer with no
 *   activity for @years years and nothing ahead: what
 *   atelier_privacy_erase_inactive() would erase
 */
GListModel *
atelier_privacy_list_inactive (AtelierStore  *store,
                               guint          years,
                               GError       **error)
{
  gint64 limit = cutoff (years);

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  if (!check_years (years, error))
    return NULL;
  return atelier_store_query_objects (store, ATELIER_TYPE_CUSTOMER, inactive_sql, &limit, 1, error);
}

/**
 * atelier_privacy_erase_inactive:
 * @n_erased: (out) (optional): how many customers were erased
 *
 * Erases, in one transaction, the customers atelier_privacy_list_inactive()
 * lists, then scrubs the file once.
 */
gboolean
atelier_privacy_erase_inactive (AtelierStore  *store,
                                guint          years,
                                guint         *n_erased,
                                GError       **error)
{
  g_autoptr(GListModel) inactive = NULL;
  gint64 now = atelier_store_now ();
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  if (!check_years (years, error) || !atelier_store_begin (store, error))
    return FALSE;

  inactive = atelier_privacy_list_inactive (store, years, error);
  ok = inactive != NULL;
  n = ok ? g_list_model_get_n_items (inactive) : 0;
  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(AtelierCustomer) customer = g_list_model_get_item (inactive, i);
      ok = erase_one (store, atelier_customer_get_id (customer), now, error);
    }
  ok = ok && (n == 0 || optimize_search (store, error));
  if (!atelier_store_finish (store, ok, error))
    return FALSE;

  if (n_erased != NULL)
    *n_erased = n;
  if (n == 0)
    return TRUE;

  atelier_store_emit_changed (store, "customers");
  atelier_store_emit_changed (store, "registrations");
  atelier_store_emit_changed (store, "tags");
  return atelier_privacy_scrub (store, error);
}
