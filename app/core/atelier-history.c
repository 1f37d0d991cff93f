/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-history.c: what a customer has done with the store
 *
 * Derived from registrations each time, never stored: what staff see at
 * the door always agrees with the roster. The figures (classes attended,
 * no-shows...) and the list of a customer's registrations with their
 * sessions are each one query, through the registrations_by_customer
 * index: their cost follows the customer's history, not the store's.
 */
#define G_LOG_DOMAIN "atelier-history"

#include "config.h"

#include "atelier-history.h"
#include "atelier-store-private.h"

struct _AtelierHistoryEntry
{
  GObject              parent_instance;

  AtelierSession      *session;
  AtelierRegistration *registration;
};

G_DEFINE_FINAL_TYPE (AtelierHistoryEntry, atelier_history_entry, G_TYPE_OBJECT)

static void
atelier_history_entry_dispose (GObject *object)
{
  AtelierHistoryEntry *self = ATELIER_HISTORY_ENTRY (object);

  g_clear_object (&self->session);
  g_clear_object (&self->registration);

  G_OBJECT_CLASS (atelier_history_entry_parent_class)->dispose (object);
}

static void
atelier_history_entry_class_init (AtelierHistoryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atelier_history_entry_dispose;
}

static void
atelier_history_entry_init (AtelierHistoryEntry *self)
{
}

/**
 * atelier_history_entry_get_session:
 *
 * Returns: (transfer none): the session, with its workshop's title and
 *   its seat counts, as atelier_store_get_session() gives it
 */
AtelierSession *
atelier_history_entry_get_session (AtelierHistoryEntry *self)
{
  g_return_val_if_fail (ATELIER_IS_HISTORY_ENTRY (self), NULL);
  return self->session;
}

/**
 * atelier_history_entry_get_registration:
 *
 * Returns: (transfer none): the customer's registration to the session
 */
AtelierRegistration *
atelier_history_entry_get_registration (AtelierHistoryEntry *self)
{
  g_return_val_if_fail (ATELIER_IS_HISTORY_ENTRY (self), NULL);
  return self->registration;
}

/**
 * atelier_history_for_customer:
 *
 * Fills @history (to be cleared with atelier_customer_history_clear())
 * with the customer's classes attended, no-shows, upcoming sign-ups, last
 * visit and favourite category, as of now.
 */
gboolean
atelier_history_for_customer (AtelierStore            *store,
                              gint64                   customer_id,
                              AtelierCustomerHistory  *history,
                              GError                 **error)
{
  static const char sql[] =
    "SELECT"
    "  count (*) FILTER (WHERE r.checked_in_at IS NOT NULL),"
    "  count (*) FILTER (WHERE r.status = 'confirmed' AND r.checked_in_at IS NULL"
    "                    AND s.status = 'scheduled' AND s.ends_at <= ?1),"
    "  count (*) FILTER (WHERE r.status IN ('confirmed', 'waitlisted')"
    "                    AND s.status = 'scheduled' AND s.starts_at > ?1),"
    "  coalesce (max (s.starts_at) FILTER (WHERE r.checked_in_at IS NOT NULL), 0),"
    "  (SELECT w2.category FROM registrations r2"
    "     JOIN sessions s2 ON s2.id = r2.session_id JOIN workshops w2 ON w2.id = s2.workshop_id"
    "   WHERE r2.customer_id = ?2 AND r2.checked_in_at IS NOT NULL AND w2.category <> ''"
    "   GROUP BY w2.category ORDER BY count (*) DESC, max (s2.starts_at) DESC LIMIT 1)"
    " FROM registrations r JOIN sessions s ON s.id = r.session_id"
    " WHERE r.customer_id = ?2";
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (history != NULL, FALSE);

  memset (history, 0, sizeof *history);
  stmt = atelier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  atelier_db_stmt_bind_int64 (stmt, 1, atelier_store_now ());
  atelier_db_stmt_bind_int64 (stmt, 2, customer_id);
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW)
    {
      history->attended = atelier_db_stmt_column_int (stmt, 0);
      history->no_shows = atelier_db_stmt_column_int (stmt, 1);
      history->upcoming = atelier_db_stmt_column_int (stmt, 2);
      history->last_visit = atelier_db_stmt_column_int64 (stmt, 3);
      history->favourite_category = g_strdup (atelier_db_stmt_column_text (stmt, 4));
    }
  atelier_db_stmt_reset (stmt);

  return rc == ATELIER_DB_STEP_ROW;
}

void
atelier_customer_history_clear (AtelierCustomerHistory *history)
{
  g_clear_pointer (&history->favourite_category, g_free);
}

static int
find_column (AtelierDbStmt *stmt,
             const char    *name)
{
  int n = atelier_db_stmt_column_count (stmt);

  for (int i = 0; i < n; i++)
    if (g_strcmp0 (atelier_db_stmt_column_name (stmt, i), name) == 0)
      return i;
  g_assert_not_reached ();
}

/**
 * atelier_history_list_for_customer:
 * @customer_id: the customer; an erased customer's registrations are
 *   listed too (they stay, anonymous, for the statistics)
 *
 * Every registration of the customer, whatever became of it (attended,
 * missed, ahead, on a waiting list, cancelled), each with its session,
 * by the session's start (earliest first) as atelier_store_list_sessions()
 * orders them. One query, whatever the size of the store.
 *
 * Returns: (transfer full): a #GListModel of #AtelierHistoryEntry, empty
 *   for a customer with no registration (or no such customer); %NULL
 *   with @error set
 */
GListModel *
atelier_history_list_for_customer (AtelierStore  *store,
                                   gint64         customer_id,
                                   GError       **error)
{
  static const char sql[] =
    "SELECT s.*, NULL AS registration_columns, r.*"
    " FROM registration_overview r JOIN session_overview s ON s.id = r.session_id"
    " WHERE r.customer_id = ?"
    " ORDER BY s.starts_at, s.id";
  g_autoptr(GListStore) entries = NULL;
  AtelierDbStmt *stmt;
  int split, n_columns;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  stmt = atelier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  atelier_db_stmt_bind_int64 (stmt, 1, customer_id);

  split = find_column (stmt, "registration_columns");
  n_columns = atelier_db_stmt_column_count (stmt);
  entries = g_list_store_new (ATELIER_TYPE_HISTORY_ENTRY);
  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      g_autoptr(AtelierHistoryEntry) entry = g_object_new (ATELIER_TYPE_HISTORY_ENTRY, NULL);

      /* The two tables share column names: each object reads its part. */
      entry->session = ATELIER_SESSION (
        atelier_store_columns_to_object (stmt, ATELIER_TYPE_SESSION, 0, split));
      entry->registration = ATELIER_REGISTRATION (
        atelier_store_columns_to_object (stmt, ATELIER_TYPE_REGISTRATION, split + 1, n_columns));
      g_list_store_append (entries, entry);
    }
  atelier_db_stmt_reset (stmt);

  if (rc != ATELIER_DB_STEP_DONE)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&entries));
}

/**
 * atelier_history_attended_before:
 * @session_id: the session at hand
 *
 * For every customer registered to @session_id, how many classes they
 * attended before it started: what staff say at the door ("your first
 * class", "welcome back for the third time"). One query for the whole
 * roster.
 *
 * Returns: (transfer full): a table from customer id (a #gint64 key) to
 *   a count (GINT_TO_POINTER); customers with none are absent
 */
GHashTable *
atelier_history_attended_before (AtelierStore  *store,
                                 gint64         session_id,
                                 GError       **error)
{
  static const char sql[] =
    "SELECT mine.customer_id, count (*)"
    " FROM registrations mine"
    " JOIN sessions here ON here.id = mine.session_id"
    " JOIN registrations past ON past.customer_id = mine.customer_id"
    " JOIN sessions s ON s.id = past.session_id"
    " WHERE mine.session_id = ? AND past.checked_in_at IS NOT NULL"
    "   AND s.starts_at < here.starts_at"
    " GROUP BY mine.customer_id";
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  stmt = atelier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  atelier_db_stmt_bind_int64 (stmt, 1, session_id);
  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    g_hash_table_insert (counts, g_memdup2 (&(gint64) { atelier_db_stmt_column_int64 (stmt, 0) }, sizeof (gint64)),
                         GINT_TO_POINTER (atelier_db_stmt_column_int (stmt, 1)));
  atelier_db_stmt_reset (stmt);

  if (rc != ATELIER_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&counts);
}
