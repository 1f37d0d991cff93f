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
  static const char sql[] =
    "SELECT c.* FROM customer_search f JOIN customers c ON c.id = f.rowid"
    " WHERE customer_search MATCH ?1 AND c.erased_at IS NULL"
    " ORDER BY EXISTS (SELECT 1 FROM registrations r WHERE r.customer_id = c.id"
    "                  AND r.session_id = ?2 AND r.status <> 'cancelled') DESC,"
    "          f.rank, c.family_name, c.given_name"
    " LIMIT ?3";
  g_autofree char *query = atelier_search_build_query (text);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  if (query == NULL)
    return G_LIST_MODEL (g_list_store_new (ATELIER_TYPE_CUSTOMER));

  stmt = atelier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, session_id);
  sqlite3_bind_int64 (stmt, 3, limit);

  return atelier_store_read_objects (store, stmt, ATELIER_TYPE_CUSTOMER, error);
}
