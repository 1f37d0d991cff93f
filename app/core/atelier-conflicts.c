/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-conflicts.c: what a manager should hear of before saving
 *
 * Neither is refused: a second "Risotto" may be a different class, and
 * two groups can share a large kitchen. They are warnings, decided here
 * once for every editor.
 */
#define G_LOG_DOMAIN "atelier-conflicts"

#include "config.h"

#include "atelier-conflicts.h"
#include "atelier-store-private.h"

/* Trimmed, case-blind and Unicode-normalised: how a person reads
 * "Risotto " and "risotto" as the same name. */
static char *
comparable (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
}

/**
 * atelier_conflicts_same_text:
 *
 * Whether two titles or places read as the same to a person: white space
 * around them, case and Unicode forms do not count. Empty texts are
 * never the same.
 */
gboolean
atelier_conflicts_same_text (const char *a,
                             const char *b)
{
  g_autofree char *left = comparable (a);
  g_autofree char *right = comparable (b);

  return left != NULL && right != NULL && *left != '\0' && g_strcmp0 (left, right) == 0;
}

/**
 * atelier_conflicts_find_same_title:
 * @except_workshop_id: the workshop being edited, or 0
 *
 * Returns: (transfer full) (nullable): another workshop of the catalogue
 *   with the same title as @title, or %NULL (with @error unset) if none
 */
AtelierWorkshop *
atelier_conflicts_find_same_title (AtelierStore  *store,
                                   const char    *title,
                                   gint64         except_workshop_id,
                                   GError       **error)
{
  g_autoptr(GListModel) workshops = NULL;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  workshops = atelier_store_list_workshops (store, error);
  if (workshops == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr(AtelierWorkshop) workshop = g_list_model_get_item (workshops, i);

      if (atelier_workshop_get_id (workshop) != except_workshop_id &&
          atelier_conflicts_same_text (atelier_workshop_get_title (workshop), title))
        return g_steal_pointer (&workshop);
    }
  return NULL;
}

/**
 * atelier_conflicts_find_same_place:
 * @except_session_id: the session being edited, or 0
 *
 * Returns: (transfer full) (nullable): the sessions, not cancelled, held
 *   in @place at a time that overlaps [@starts_at, @ends_at), by start
 */
GListModel *
atelier_conflicts_find_same_place (AtelierStore  *store,
                                   const char    *place,
                                   gint64         starts_at,
                                   gint64         ends_at,
                                   gint64         except_session_id,
                                   GError       **error)
{
  gint64 params[] = { ends_at, starts_at, except_session_id };
  g_autoptr(GListModel) overlapping = NULL;
  GListStore *same_place;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  overlapping = atelier_store_query_objects (store, ATELIER_TYPE_SESSION,
                                             "SELECT * FROM session_overview"
                                             " WHERE starts_at < ? AND ends_at > ? AND id <> ?"
                                             " AND status <> 'cancelled' ORDER BY starts_at, id",
                                             params, G_N_ELEMENTS (params), error);
  if (overlapping == NULL)
    return NULL;

  same_place = g_list_store_new (ATELIER_TYPE_SESSION);
  for (guint i = 0; i < g_list_model_get_n_items (overlapping); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (overlapping, i);

      if (atelier_conflicts_same_text (atelier_session_get_place (session), place))
        g_list_store_append (same_place, session);
    }
  return G_LIST_MODEL (same_place);
}
