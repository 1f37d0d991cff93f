/* atelier-search.c: finding a customer in a keystroke or two
 *
 * The FTS5 index (schema step 2) folds case and accents. What was typed
 * becomes a prefix query: every word must start a word of the name, the
 * e-mail or the phone; digits typed on their own, whatever the spacing,
 * match the start of a phone number.
 */
#define G_LOG_DOMAIN "atelier-search"

#include "config.h"

#include "atelier-search.h"
#include "atelier-store-private.h"

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static char *
phone_query (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean any_letter = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        g_string_append_unichar (digits, c);
      else if (is_word_char (c))
        any_letter = TRUE;
    }

  if (any_letter || digits->len == 0)
    return NULL;
  return g_strdup_printf ("phone : \"%s\"*", digits->str);
}

/**
 * atelier_search_build_query:
 * @text: what was typed
 *
 * Returns: (transfer full) (nullable): the FTS5 query, or %NULL when
 *   @text holds nothing to search for
 */
char *
atelier_search_build_query (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFC);
  g_autoptr(GString) query = NULL;
  g_autoptr(GString) word = g_string_new (NULL);
  char *phone;

  if (normal == NULL)
    return NULL;
  if ((phone = phone_query (normal)) != NULL)
    return phone;

  query = g_string_new (NULL);
  for (const char *p = normal; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && is_word_char (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          /* Words hold only letters, digits and marks: quoting is safe. */
          g_string_append_printf (query, "%s\"%s\"*", query->len ? " AND " : "", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  return query->len > 0 ? g_string_free (g_steal_pointer (&query), FALSE) : NULL;
}

/* One or two letters match a good part of a large customer book: ranking
 * every match would cost more than it tells. Those are answered in index
 * order (the list shows them by name); from three on, by rank. */
static gboolean
is_short_query (const char *text)
{
  guint n_letters = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      n_letters++;

  return n_letters < 3;
}

static GListModel *
run_query (AtelierStore  *store,
           const char    *sql,
           const char    *query,
           gint64         number,
           GError       **error)
{
  sqlite3_stmt *stmt = atelier_store_prepare (store, sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, number);
  return atelier_store_read_objects (store, stmt, ATELIER_TYPE_CUSTOMER, error);
}

/* The session's own customers who match: a handful, each checked against
 * the index by its rowid rather than the index scanned for them. */
static GListModel *
registrants_matching (AtelierStore  *store,
                      const char    *query,
                      gint64         session_id,
                      GError       **error)
{
  return run_query (store,
                    "SELECT c.* FROM registrations r JOIN customers c ON c.id = r.customer_id"
                    " WHERE r.session_id = ?2 AND r.status <> 'cancelled' AND c.erased_at IS NULL"
                    "   AND EXISTS (SELECT 1 FROM customer_search"
                    "               WHERE customer_search MATCH ?1 AND rowid = c.id)"
                    " ORDER BY c.family_name, c.given_name",
                    query, session_id, error);
}

/* FTS5 picks the best @limit on its own; only those are looked up. */
static GListModel *
customers_matching (AtelierStore  *store,
                    const char    *query,
                    gboolean       ranked,
                    guint          limit,
                    GError       **error)
{
  if (ranked)
    return run_query (store,
                      "SELECT c.* FROM (SELECT rowid AS id, rank FROM customer_search"
                      "                 WHERE customer_search MATCH ?1 ORDER BY rank LIMIT ?2) m"
                      " JOIN customers c ON c.id = m.id WHERE c.erased_at IS NULL"
                      " ORDER BY m.rank, c.family_name, c.given_name",
                      query, limit, error);

  return run_query (store,
                    "SELECT c.* FROM (SELECT rowid AS id FROM customer_search"
                    "                 WHERE customer_search MATCH ?1 LIMIT ?2) m"
                    " JOIN customers c ON c.id = m.id WHERE c.erased_at IS NULL"
                    " ORDER BY c.family_name, c.given_name",
                    query, limit, error);
}

static void
append_new (GListStore *results,
            GHashTable *seen,
            GListModel *found,
            guint       limit)
{
  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(AtelierCustomer) customer = g_list_model_get_item (found, i);
      gint64 id = atelier_customer_get_id (customer);

      if (g_list_model_get_n_items (G_LIST_MODEL (results)) >= limit)
        return;
      if (g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      g_list_store_append (results, customer);
    }
}

/**
 * atelier_search_customers:
 * @session_id: the session at hand, or 0; its registered customers come
 *   first
 * @limit: the most results to return
 *
 * Returns: (transfer full): a #GListModel of #AtelierCustomer, best first
 */
GListModel *
atelier_search_customers (AtelierStore  *store,
                          const char    *text,
                          gint64         session_id,
                          guint          limit,
                          GError       **error)
{
  g_autofree char *query = atelier_search_build_query (text);
  g_autoptr(GListStore) results = g_list_store_new (ATELIER_TYPE_CUSTOMER);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GListModel) registrants = NULL;
  g_autoptr(GListModel) others = NULL;
  gboolean ranked;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  if (query == NULL || limit == 0)
    return G_LIST_MODEL (g_steal_pointer (&results));

  if (session_id != 0)
    {
      registrants = registrants_matching (store, query, session_id, error);
      if (registrants == NULL)
        return NULL;
      append_new (results, seen, registrants, limit);
    }

  /* A phone number is one token: nothing to rank. Registrants may be
   * among the best matches too: ask for enough. */
  ranked = !g_str_has_prefix (query, "phone") && !is_short_query (text);
  others = customers_matching (store, query, ranked,
                               limit + g_list_model_get_n_items (G_LIST_MODEL (results)), error);
  if (others == NULL)
    return NULL;
  append_new (results, seen, others, limit);

  return G_LIST_MODEL (g_steal_pointer (&results));
}
