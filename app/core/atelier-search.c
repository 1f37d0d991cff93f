/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-search.c: finding a customer in a keystroke or two
 *
 * The FTS5 index (schema steps 2 and 8) folds case and accents. What was
 * typed is cut into words by the index's own tokenizer and becomes prefix
 * queries: every word must start a word of the name, the e-mail or the
 * phone; digits typed on their own, whatever the spacing, match the start
 * of a phone number.
 *
 * Results are ranked by how well they match, in tiers: every word a whole
 * word of the name, then the start of one, then the start of a word
 * anywhere (e-mail, phone). Each tier is answered by the index alone and
 * stops at the limit, so no keystroke ranks thousands of matches; within
 * a tier the people found are shown by name. A search is one read
 * transaction.
 */
#define G_LOG_DOMAIN "atelier-search"

#include "config.h"

#include <string.h>

#include "atelier-db-sqlite.h"
#include "atelier-schema-private.h"
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

/* The FTS5 interface of @store's connection, through which its tokenizer
 * is reached. SQLite's variant, as is this file's index: PostgreSQL will
 * need its own (unaccent and a tsvector, or pg_trgm). */
static fts5_api *
get_fts5_api (AtelierStore  *store,
              GError       **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store, "SELECT fts5 (?1)", error);
  fts5_api *api = NULL;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_pointer (atelier_db_sqlite_stmt_get_handle (stmt), 1, &api, "fts5_api_ptr", NULL);
  atelier_db_stmt_step (stmt, NULL);
  atelier_db_stmt_reset (stmt);

  /* Only a SQLite built without FTS5, which could not open a store. */
  if (api == NULL)
    atelier_db_set_error (ATELIER_DB_FAILURE_OTHER, "no FTS5", error);
  return api;
}

static int
add_token (void       *words,
           int         flags,
           const char *token,
           int         length,
           int         start,
           int         end)
{
  if ((flags & FTS5_TOKEN_COLOCATED) == 0 && length > 0)
    g_ptr_array_add (words, g_strndup (token, length));
  return SQLITE_OK;
}

/* The index's tokenizer, made once for each store: every keystroke
 * uses it. */
typedef struct
{
  fts5_tokenizer  methods;
  Fts5Tokenizer  *tokenizer;
} SearchTokenizer;

static void
search_tokenizer_free (gpointer data)
{
  SearchTokenizer *search = data;

  search->methods.xDelete (search->tokenizer);
  g_free (search);
}

static SearchTokenizer *
get_tokenizer (AtelierStore  *store,
               GError       **error)
{
  static const char key[] = "atelier-search-tokenizer";
  static char **tokenize = NULL;
  SearchTokenizer *search = g_object_get_data (G_OBJECT (store), key);
  fts5_api *api;
  void *data = NULL;
  int rc;

  if (search != NULL)
    return search;
  if ((api = get_fts5_api (store, error)) == NULL)
    return NULL;

  /* "unicode61 remove_diacritics 2": the name, then its options. */
  if (g_once_init_enter (&tokenize))
    g_once_init_leave (&tokenize, g_strsplit (ATELIER_SCHEMA_SEARCH_TOKENIZE, " ", -1));

  search = g_new0 (SearchTokenizer, 1);
  rc = api->xFindTokenizer (api, tokenize[0], &data, &search->methods);
  if (rc == SQLITE_OK)
    rc = search->methods.xCreate (data, (const char **) tokenize + 1, g_strv_length (tokenize) - 1,
                                  &search->tokenizer);
  if (rc != SQLITE_OK)
    {
      g_free (search);
      atelier_db_sqlite_set_error (atelier_db_sqlite_get_handle (atelier_store_get_db (store)),
                                   rc, error);
      return NULL;
    }
  g_object_set_data_full (G_OBJECT (store), key, search, search_tokenizer_free);
  return search;
}

/* The words of @text as the index's own tokenizer cuts and folds them:
 * each one is a single token, which an index without positions
 * (detail=column) requires of every quoted string. A name in a script
 * with marks ("प्रिया") gives several. */
static GPtrArray *
split_words (AtelierStore  *store,
             const char    *text,
             GError       **error)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  SearchTokenizer *search = get_tokenizer (store, error);
  int rc;

  if (search == NULL)
    return NULL;

  rc = search->methods.xTokenize (search->tokenizer, words, FTS5_TOKENIZE_QUERY,
                                  text, strlen (text), add_token);
  if (rc != SQLITE_OK)
    {
      atelier_db_sqlite_set_error (atelier_db_sqlite_get_handle (atelier_store_get_db (store)),
                                   rc, error);
      return NULL;
    }
  return g_steal_pointer (&words);
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

/* The queries for @text, best matches first, and how many words they
 * look for; empty when there is nothing to search for. */
static GPtrArray *
build_tiers (AtelierStore  *store,
             const char    *text,
             guint         *n_words,
             GError       **error)
{
  g_autofree char *normal = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFC);
  GPtrArray *tiers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) words = NULL;
  char *phone;

  *n_words = 0;
  if (normal == NULL)
    return tiers;

  if ((phone = phone_query (normal)) != NULL)
    {
      /* A phone number is one token: nothing to rank. */
      g_ptr_array_add (tiers, phone);
      *n_words = 1;
      return tiers;
    }

  if ((words = split_words (store, normal, error)) == NULL)
    {
      g_ptr_array_unref (tiers);
      return NULL;
    }
  *n_words = words->len;
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
 * @store: the store whose index is searched
 * @text: what was typed
 *
 * Returns: (transfer full) (nullable): the FTS5 query that finds every
 *   customer @text matches, or %NULL when @text holds nothing to search
 *   for
 */
char *
atelier_search_build_query (AtelierStore *store,
                            const char   *text)
{
  guint n_words;
  g_autoptr(GPtrArray) tiers = build_tiers (store, text, &n_words, NULL);

  return tiers != NULL && tiers->len > 0 ? g_strdup (widest_tier (tiers)) : NULL;
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
  AtelierDbStmt *stmt = atelier_store_prepare (store, sql, error);
  AtelierDbStep rc;

  if (stmt == NULL)
    return FALSE;

  atelier_db_stmt_bind_text (stmt, 1, query);
  atelier_db_stmt_bind_int64 (stmt, 2, number);
  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    found_add (found, atelier_db_stmt_column_int64 (stmt, 0), tier);
  atelier_db_stmt_reset (stmt);

  return rc == ATELIER_DB_STEP_DONE;
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

/* Whether every phrase of the query hit the customer's names: what tells
 * a match of tier 2 from one of tier 3 (schema: given_name is column 0,
 * family_name column 1). */
static void
in_names (const Fts5ExtensionApi  *api,
          Fts5Context             *fts,
          sqlite3_context         *context,
          int                      n_values,
          sqlite3_value          **values)
{
  for (int i = 0; i < api->xPhraseCount (fts); i++)
    {
      Fts5PhraseIter iter;
      int column = -1;

      api->xPhraseFirstColumn (fts, i, &iter, &column);
      while (column > 1)
        api->xPhraseNextColumn (fts, &iter, &column);
      if (column < 0)
        {
          sqlite3_result_int (context, 0);
          return;
        }
    }
  sqlite3_result_int (context, 1);
}

/* in_names() is a function of the store's connection, made once. */
static gboolean
add_in_names (AtelierStore  *store,
              GError       **error)
{
  static const char key[] = "atelier-search-in-names";
  fts5_api *api;
  int rc;

  if (g_object_get_data (G_OBJECT (store), key) != NULL)
    return TRUE;
  if ((api = get_fts5_api (store, error)) == NULL)
    return FALSE;

  rc = api->xCreateFunction (api, "atelier_in_names", NULL, in_names, NULL);
  if (rc != SQLITE_OK)
    {
      atelier_db_sqlite_set_error (atelier_db_sqlite_get_handle (atelier_store_get_db (store)),
                                   rc, error);
      return FALSE;
    }
  g_object_set_data (G_OBJECT (store), key, GINT_TO_POINTER (TRUE));
  return TRUE;
}

/* Tiers 2 and 3 from one reading of the broadest query instead of two
 * (each merges the lists of every word that a typed prefix starts, the
 * dearest part of a search): its matches, in index order, are sorted
 * into those in the names and the others, until either has enough. If
 * the others fill up first, some matches in the names may be further
 * on: tier 2 is then asked for on its own. */
static gboolean
find_beyond_whole_words (AtelierStore  *store,
                         GPtrArray     *tiers,
                         Found         *found,
                         GError       **error)
{
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint needed = found->limit - found->n;
  AtelierDbStmt *stmt;
  AtelierDbStep rc = ATELIER_DB_STEP_ROW;

  if (!add_in_names (store, error))
    return FALSE;
  stmt = atelier_store_prepare (store,
                                "SELECT rowid, atelier_in_names (customer_search) FROM customer_search"
                                " WHERE customer_search MATCH ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  atelier_db_stmt_bind_text (stmt, 1, widest_tier (tiers));
  while (names->len < needed && others->len < needed &&
         (rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      gint64 id = atelier_db_stmt_column_int64 (stmt, 0);

      if (!g_hash_table_contains (found->seen, &id))
        g_array_append_val (atelier_db_stmt_column_int (stmt, 1) ? names : others, id);
    }
  atelier_db_stmt_reset (stmt);
  if (rc == ATELIER_DB_STEP_ERROR)
    return FALSE;

  if (names->len < needed && others->len >= needed)
    {
      if (!find_matching (store, tiers->pdata[1], found, 2, error))
        return FALSE;
    }
  else
    for (guint i = 0; i < names->len; i++)
      found_add (found, g_array_index (names, gint64, i), 2);

  for (guint i = 0; i < others->len; i++)
    found_add (found, g_array_index (others, gint64, i), 3);
  return TRUE;
}

/* Only the customers kept are read: by tier, by name within a tier. */
static GListModel *
read_found (AtelierStore  *store,
            Found         *found,
            GError       **error)
{
  g_autofree char *json = g_strdup_printf ("[%s]", found->json->str);
  AtelierDbStmt *stmt;

  stmt = atelier_store_prepare (store,
                                "SELECT " ATELIER_CUSTOMER_COLUMNS ("c.") " FROM json_each (?) j"
                                " JOIN customers c ON c.id = json_extract (j.value, '$[0]')"
                                " WHERE c.erased_at IS NULL"
                                " ORDER BY json_extract (j.value, '$[1]'), c.family_name, c.given_name",
                                error);
  if (stmt == NULL)
    return NULL;

  atelier_db_stmt_bind_text (stmt, 1, json);
  return atelier_store_read_objects (store, stmt, ATELIER_TYPE_CUSTOMER, error);
}

/* Whole words of the names first (or a phone number), then the rest. */
static gboolean
find_tiers (AtelierStore  *store,
            GPtrArray     *tiers,
            guint          n_words,
            Found         *found,
            GError       **error)
{
  if (found->n >= found->limit)
    return TRUE;
  if (!find_matching (store, tiers->pdata[0], found, 1, error))
    return FALSE;

  /* Several words rarely match a screenful: tiers 2 and 3 would then both
   * run to the end of their matches. One word often does, and tier 2
   * alone stops at the limit. */
  if (n_words > 1)
    return found->n >= found->limit || find_beyond_whole_words (store, tiers, found, error);

  for (guint i = 1; i < tiers->len && found->n < found->limit; i++)
    if (!find_matching (store, tiers->pdata[i], found, i + 1, error))
      return FALSE;
  return TRUE;
}

static gboolean
run_once (AtelierStore  *store,
          const char    *sql,
          GError       **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store, sql, error);
  AtelierDbStep rc;

  if (stmt == NULL)
    return FALSE;

  rc = atelier_db_stmt_step (stmt, error);
  atelier_db_stmt_reset (stmt);
  return rc == ATELIER_DB_STEP_DONE;
}

static GListModel *
search (AtelierStore  *store,
        const char    *text,
        gint64         session_id,
        guint          limit,
        GError       **error)
{
  g_autoptr(GPtrArray) tiers = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) json = g_string_new (NULL);
  Found found = { seen, json, 0, limit };
  guint n_words;

  if ((tiers = build_tiers (store, text, &n_words, error)) == NULL)
    return NULL;
  if (tiers->len == 0 || limit == 0)
    return G_LIST_MODEL (g_list_store_new (ATELIER_TYPE_CUSTOMER));

  if (session_id != 0 &&
      !find_registrants (store, widest_tier (tiers), session_id, &found, error))
    return NULL;

  if (!find_tiers (store, tiers, n_words, &found, error))
    return NULL;

  return read_found (store, &found, error);
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
  gboolean own_transaction;
  GListModel *found;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  /* One read transaction for all the statements of a keystroke: the
   * file is locked and its log checked once rather than at each. */
  own_transaction = !atelier_db_in_transaction (atelier_store_get_db (store));
  if (own_transaction && !run_once (store, "BEGIN", error))
    return NULL;

  found = search (store, text, session_id, limit, error);

  /* Nothing was written: ending the read cannot lose anything. */
  if (own_transaction)
    run_once (store, "COMMIT", NULL);
  return found;
}
