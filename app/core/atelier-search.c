/* atelier-search.c: finding a customer in a keystroke or two
 *
 * The FTS5 index (schema step 2) folds case and accents. What was typed
 * becomes prefix queries: every word must start a word of the name, the
 * e-mail or the phone; digits typed on their own, whatever the spacing,
 * match the start of a phone number.
 *
 * Results are ranked by how well they match, in tiers: every word a whole
 * word of the name, then the start of one, then the start of a word
 * anywhere (e-mail, phone). Each tier is answered by the index alone and
 * stops at the limit, so no keystroke ranks thousands of matches; within
 * a tier the people found are shown by name.
 */
#define G_LOG_DOMAIN "atelier-search"

#include "config.h"

#include "atelier-search.h"
#include "atelier-store-private.h"

#define NAME_COLUMNS "{given_name family_name}"

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

/* The words of @text; they hold only letters, digits and marks, so they
 * can be quoted in a query as they are. */
static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && is_word_char (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        return words;
    }
}

/* "w1"* AND "w2"*, or without the stars, in @columns if given. */
static char *
join_words (GPtrArray  *words,
            const char *columns,
            gboolean    as_prefixes)
{
  GString *query = g_string_new (columns ? columns : "");

  if (columns != NULL)
    g_string_append (query, " : (");
  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (query, "%s\"%s\"%s", i ? " AND " : "",
                            (const char *) words->pdata[i], as_prefixes ? "*" : "");
  if (columns != NULL)
    g_string_append_c (query, ')');

  return g_string_free (query, FALSE);
}

/* The queries for @text, best matches first; empty when there is
 * nothing to search for. */
static GPtrArray *
build_tiers (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFC);
  GPtrArray *tiers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) words = NULL;
  char *phone;

  if (normal == NULL)
    return tiers;

  if ((phone = phone_query (normal)) != NULL)
    {
      /* A phone number is one token: nothing to rank. */
      g_ptr_array_add (tiers, phone);
      return tiers;
    }

  words = split_words (normal);
  if (words->len > 0)
    {
      g_ptr_array_add (tiers, join_words (words, NAME_COLUMNS, FALSE));
      g_ptr_array_add (tiers, join_words (words, NAME_COLUMNS, TRUE));
      g_ptr_array_add (tiers, join_words (words, NULL, TRUE));
    }
  return tiers;
}

/* The broadest query, which every match satisfies. */
static const char *
widest_tier (GPtrArray *tiers)
{
  return tiers->pdata[tiers->len - 1];
}

/**
 * atelier_search_build_query:
 * @text: what was typed
 *
 * Returns: (transfer full) (nullable): the FTS5 query that finds every
 *   customer @text matches, or %NULL when @text holds nothing to search
 *   for
 */
char *
atelier_search_build_query (const char *text)
{
  g_autoptr(GPtrArray) tiers = build_tiers (text);

  return tiers->len > 0 ? g_strdup (widest_tier (tiers)) : NULL;
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

/* The first @limit matches in index order; only those are looked up. */
static GListModel *
customers_matching (AtelierStore  *store,
                    const char    *query,
                    guint          limit,
                    GError       **error)
{
  return run_query (store,
                    "SELECT c.* FROM (SELECT rowid AS id FROM customer_search"
                    "                 WHERE customer_search MATCH ?1 LIMIT ?2) m"
                    " JOIN customers c ON c.id = m.id WHERE c.erased_at IS NULL"
                    " ORDER BY c.family_name, c.given_name",
                    query, limit, error);
}

static guint
n_results (GListStore *results)
{
  return g_list_model_get_n_items (G_LIST_MODEL (results));
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

      if (n_results (results) >= limit)
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
  g_autoptr(GPtrArray) tiers = build_tiers (text);
  g_autoptr(GListStore) results = g_list_store_new (ATELIER_TYPE_CUSTOMER);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  if (tiers->len == 0 || limit == 0)
    return G_LIST_MODEL (g_steal_pointer (&results));

  if (session_id != 0)
    {
      g_autoptr(GListModel) registrants = NULL;

      registrants = registrants_matching (store, widest_tier (tiers), session_id, error);
      if (registrants == NULL)
        return NULL;
      append_new (results, seen, registrants, limit);
    }

  for (guint i = 0; i < tiers->len && n_results (results) < limit; i++)
    {
      g_autoptr(GListModel) found = NULL;

      /* What earlier tiers found matches again here: ask for enough. */
      found = customers_matching (store, tiers->pdata[i], limit + n_results (results), error);
      if (found == NULL)
        return NULL;
      append_new (results, seen, found, limit);
    }

  return G_LIST_MODEL (g_steal_pointer (&results));
}
