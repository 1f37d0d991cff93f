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

/* What a search found so far: ids in the order of their tier, and the
 * tier of each, as a JSON array of [id, tier] pairs for read_found(). */
typedef struct
{
  GHashTable *seen;
  GString    *json;
  guint       n;
  guint       limit;
} Found;

static void
found_add (Found  *found,
           gint64  id,
           guint   tier)
{
  if (found->n >= found->limit || g_hash_table_contains (found->seen, &id))
    return;

  g_hash_table_add (found->seen, g_memdup2 (&id, sizeof id));
  g_string_append_printf (found->json, "%s[%" G_GINT64_FORMAT ",%u]", found->n ? "," : "", id, tier);
  found->n++;
}

/* Adds the ids of what @sql finds (it binds the query to ?1 and @number
 * to ?2), in the order it finds them. */
static gboolean
find_ids (AtelierStore  *store,
          const char    *sql,
          const char    *query,
          gint64         number,
          Found         *found,
          guint          tier,
          GError       **error)
{
  sqlite3_stmt *stmt = atelier_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, number);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    found_add (found, sqlite3_column_int64 (stmt, 0), tier);
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      atelier_store_set_error (store, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* The session's own customers who match: a handful, each checked against
 * the index by its rowid rather than the index scanned for them. */
static gboolean
find_registrants (AtelierStore  *store,
                  const char    *query,
                  gint64         session_id,
                  Found         *found,
                  GError       **error)
{
  return find_ids (store,
                   "SELECT r.customer_id FROM registrations r"
                   " WHERE r.session_id = ?2 AND r.status <> 'cancelled'"
                   "   AND EXISTS (SELECT 1 FROM customer_search"
                   "               WHERE customer_search MATCH ?1 AND rowid = r.customer_id)",
                   query, session_id, found, 0, error);
}

/* The first matches in index order, enough to fill the results even if
 * all those found already match again. */
static gboolean
find_matching (AtelierStore  *store,
               const char    *query,
               Found         *found,
               guint          tier,
               GError       **error)
{
  return find_ids (store,
                   "SELECT rowid FROM customer_search WHERE customer_search MATCH ?1 LIMIT ?2",
                   query, found->limit + found->n, found, tier, error);
}

/* Only the customers kept are read: by tier, by name within a tier. */
static GListModel *
read_found (AtelierStore  *store,
            Found         *found,
            GError       **error)
{
  g_autofree char *json = g_strdup_printf ("[%s]", found->json->str);
  sqlite3_stmt *stmt;

  stmt = atelier_store_prepare (store,
                                "SELECT c.* FROM json_each (?) j"
                                " JOIN customers c ON c.id = json_extract (j.value, '$[0]')"
                                " WHERE c.erased_at IS NULL"
                                " ORDER BY json_extract (j.value, '$[1]'), c.family_name, c.given_name",
                                error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_TRANSIENT);
  return atelier_store_read_objects (store, stmt, ATELIER_TYPE_CUSTOMER, error);
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
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  Found found = { seen, json, 0, limit };

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  if (tiers->len == 0 || limit == 0)
    return G_LIST_MODEL (g_list_store_new (ATELIER_TYPE_CUSTOMER));

  if (session_id != 0 &&
      !find_registrants (store, widest_tier (tiers), session_id, &found, error))
    return NULL;

  for (guint i = 0; i < tiers->len && found.n < limit; i++)
    if (!find_matching (store, tiers->pdata[i], &found, i + 1, error))
      return NULL;

  return read_found (store, &found, error);
}
