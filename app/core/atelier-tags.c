/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-tags.c: the store-wide list of interests (cuisine, vin...)
 *
 * A customer's interests are tags of this list. The customer's
 * "interests" property ("cuisine, vin") stays what the entity code
 * writes; the schema's triggers (steps 4 and 5) link the customer to the
 * tags it names and add the tags the list lacks, which is how staff
 * extend it. A workshop's category joins the list too. The CSV import
 * links the customers it creates itself, in one statement (step 5).
 */
#define G_LOG_DOMAIN "atelier-tags"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "atelier-store-private.h"
#include "atelier-tags.h"

#define MAX_TAG_LENGTH 60

G_DEFINE_QUARK (atelier-tags-error-quark, atelier_tags_error)

/**
 * atelier_tags_check_name:
 *
 * A tag is one trimmed line of at most 60 characters, without a comma
 * (which separates interests) or semicolon.
 */
gboolean
atelier_tags_check_name (const char  *name,
                         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL) ||
      g_utf8_strlen (trimmed, -1) > MAX_TAG_LENGTH || strcmp (trimmed, name) != 0 ||
      strpbrk (trimmed, ",;\t\r\n") != NULL)
    {
      g_set_error (error, ATELIER_TAGS_ERROR, ATELIER_TAGS_ERROR_INVALID,
                   _("“%s” cannot be an interest: give a word or a few, without commas "
                     "or semicolons, 60 characters at most."), name ? name : "");
      return FALSE;
    }

  return TRUE;
}

static GStrv
read_names (AtelierStore  *store,
            AtelierDbStmt *stmt,
            GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  AtelierDbStep rc;

  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    g_strv_builder_add (builder, atelier_db_stmt_column_text (stmt, 0));
  atelier_db_stmt_reset (stmt);

  if (rc != ATELIER_DB_STEP_DONE)
    return NULL;
  return g_strv_builder_end (builder);
}

/**
 * atelier_tags_list:
 *
 * Returns: (transfer full): every tag, alphabetically
 */
GStrv
atelier_tags_list (AtelierStore  *store,
                   GError       **error)
{
  AtelierDbStmt *stmt;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  stmt = atelier_store_prepare (store, "SELECT name FROM tags ORDER BY name COLLATE NOCASE", error);
  return stmt ? read_names (store, stmt, error) : NULL;
}

gboolean
atelier_tags_add (AtelierStore  *store,
                  const char    *name,
                  GError       **error)
{
  AtelierDbStmt *stmt;
  GError *local = NULL;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  if (!atelier_tags_check_name (name, error))
    return FALSE;

  stmt = atelier_store_prepare (store, "INSERT INTO tags (name, created_at) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, name);
  atelier_db_stmt_bind_int64 (stmt, 2, atelier_store_now ());
  if (!atelier_db_stmt_run (stmt, &local))
    {
      if (g_error_matches (local, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_DUPLICATE))
        {
          g_set_error (error, ATELIER_TAGS_ERROR, ATELIER_TAGS_ERROR_EXISTS,
                       _("“%s” is already in the list of interests."), name);
          g_error_free (local);
        }
      else
        g_propagate_error (error, local);
      return FALSE;
    }

  atelier_store_emit_changed (store, "tags");
  return TRUE;
}

static gint64
find_tag (AtelierStore  *store,
          const char    *name,
          GError       **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store, "SELECT id FROM tags WHERE name = ?", error);
  gint64 id = 0;
  AtelierDbStep rc;

  if (stmt == NULL)
    return 0;
  atelier_db_stmt_bind_text (stmt, 1, name);
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW)
    id = atelier_db_stmt_column_int64 (stmt, 0);
  else if (rc == ATELIER_DB_STEP_DONE)
    g_set_error (error, ATELIER_TAGS_ERROR, ATELIER_TAGS_ERROR_NOT_FOUND,
                 _("“%s” is not in the list of interests."), name);
  atelier_db_stmt_reset (stmt);

  return id;
}

/**
 * atelier_tags_remove:
 *
 * Takes @name out of the list and out of every customer's interests.
 */
gboolean
atelier_tags_remove (AtelierStore  *store,
                     const char    *name,
                     GError       **error)
{
  /* Rewriting the interests relinks each customer (the trigger). */
  static const char rewrite[] =
    "UPDATE customers SET interests = coalesce ("
    "  (SELECT group_concat (t.name, ', ') FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id"
    "   WHERE ct.customer_id = customers.id AND t.id <> ?1), '')"
    " WHERE id IN (SELECT customer_id FROM customer_tags WHERE tag_id = ?1)";
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  if (!atelier_store_begin (store, error))
    return FALSE;
  id = find_tag (store, name, error);
  ok = id != 0 &&
       atelier_store_exec_ids (store, rewrite, &id, 1, error) &&
       atelier_store_exec_ids (store, "DELETE FROM tags WHERE id = ?", &id, 1, error);
  if (!atelier_store_finish (store, ok, error))
    return FALSE;

  atelier_store_emit_changed (store, "tags");
  atelier_store_emit_changed (store, "customers");
  return TRUE;
}

/**
 * atelier_tags_for_customer:
 *
 * Returns: (transfer full): the customer's tags, as the list spells them,
 *   alphabetically
 */
GStrv
atelier_tags_for_customer (AtelierStore  *store,
                           gint64         customer_id,
                           GError       **error)
{
  AtelierDbStmt *stmt;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  stmt = atelier_store_prepare (store,
                                "SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id"
                                " WHERE ct.customer_id = ? ORDER BY t.name COLLATE NOCASE",
                                error);
  if (stmt == NULL)
    return NULL;
  atelier_db_stmt_bind_int64 (stmt, 1, customer_id);
  return read_names (store, stmt, error);
}

/* The list's own spelling of @name, or @name if it is new. */
static char *
canonical_name (AtelierStore *store,
                const char   *name)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store, "SELECT name FROM tags WHERE name = ?", NULL);
  char *canonical = NULL;

  if (stmt != NULL)
    {
      atelier_db_stmt_bind_text (stmt, 1, name);
      if (atelier_db_stmt_step (stmt, NULL) == ATELIER_DB_STEP_ROW)
        canonical = g_strdup (atelier_db_stmt_column_text (stmt, 0));
      atelier_db_stmt_reset (stmt);
    }

  return canonical ? canonical : g_strdup (name);
}

/**
 * atelier_tags_set_for_customer:
 * @tags: the customer's interests; tags not in the list join it
 *
 * Replaces the customer's interests.
 */
gboolean
atelier_tags_set_for_customer (AtelierStore        *store,
                               gint64               customer_id,
                               const char * const  *tags,
                               GError             **error)
{
  g_autoptr(GString) interests = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  AtelierDbStmt *stmt;
  int changes;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *name = NULL;

      if (!atelier_tags_check_name (tags[i], error))
        return FALSE;
      name = canonical_name (store, tags[i]);
      if (!g_hash_table_add (seen, g_utf8_casefold (name, -1)))
        continue;
      g_string_append_printf (interests, "%s%s", interests->len ? ", " : "", name);
    }

  stmt = atelier_store_prepare (store, "UPDATE customers SET interests = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, interests->str);
  atelier_db_stmt_bind_int64 (stmt, 2, customer_id);
  if (!atelier_store_step_done (store, stmt, error))
    return FALSE;

  changes = atelier_db_changes (atelier_store_get_db (store));
  if (changes == 0)
    {
      atelier_store_set_not_found (ATELIER_TYPE_CUSTOMER, customer_id, error);
      return FALSE;
    }

  atelier_store_emit_changed (store, "customers");
  return TRUE;
}
