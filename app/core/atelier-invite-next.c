/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-invite-next.c: who to invite next to a session
 *
 * The candidates for a session are the customers who consented to be
 * contacted, have an e-mail address, are not erased, have no
 * registration to the session (cancelled ones included: they said no),
 * and either hold the workshop's category among their interests or
 * attended a workshop of that category. Best first: an interest match,
 * then classes attended in the category, then classes attended at all,
 * then whoever was contacted least recently (never first): an invite
 * sent for a registration, or a contact recorded with
 * atelier_invite_next_record_contacts().
 */
#define G_LOG_DOMAIN "atelier-invite-next"

#include "config.h"

#include "atelier-csv.h"
#include "atelier-customer-book.h"
#include "atelier-invite-next.h"
#include "atelier-store-private.h"

struct _AtelierInviteCandidate
{
  GObject          parent_instance;

  AtelierCustomer *customer;
  gboolean         interest_match;
  int              attended_in_category;
  int              attended;
  gint64           last_contacted_at;
};

G_DEFINE_FINAL_TYPE (AtelierInviteCandidate, atelier_invite_candidate, G_TYPE_OBJECT)

static void
atelier_invite_candidate_dispose (GObject *object)
{
  g_clear_object (&ATELIER_INVITE_CANDIDATE (object)->customer);

  G_OBJECT_CLASS (atelier_invite_candidate_parent_class)->dispose (object);
}

static void
atelier_invite_candidate_class_init (AtelierInviteCandidateClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atelier_invite_candidate_dispose;
}

static void
atelier_invite_candidate_init (AtelierInviteCandidate *self)
{
}

AtelierCustomer *
atelier_invite_candidate_get_customer (AtelierInviteCandidate *self)
{
  g_return_val_if_fail (ATELIER_IS_INVITE_CANDIDATE (self), NULL);
  return self->customer;
}

gboolean
atelier_invite_candidate_get_interest_match (AtelierInviteCandidate *self)
{
  g_return_val_if_fail (ATELIER_IS_INVITE_CANDIDATE (self), FALSE);
  return self->interest_match;
}

int
atelier_invite_candidate_get_attended_in_category (AtelierInviteCandidate *self)
{
  g_return_val_if_fail (ATELIER_IS_INVITE_CANDIDATE (self), 0);
  return self->attended_in_category;
}

int
atelier_invite_candidate_get_attended (AtelierInviteCandidate *self)
{
  g_return_val_if_fail (ATELIER_IS_INVITE_CANDIDATE (self), 0);
  return self->attended;
}

/* Returns: when the store last reached out to them, 0 for never */
gint64
atelier_invite_candidate_get_last_contacted_at (AtelierInviteCandidate *self)
{
  g_return_val_if_fail (ATELIER_IS_INVITE_CANDIDATE (self), 0);
  return self->last_contacted_at;
}

/* The four figures come first, then the customer's columns. */
static const char list_sql[] =
  "WITH target AS ("
  "  SELECT w.category FROM sessions s JOIN workshops w ON w.id = s.workshop_id WHERE s.id = ?1),"
  " tagged AS ("
  "  SELECT ct.customer_id FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id"
  "  WHERE t.name = (SELECT category FROM target)),"
  " attended AS ("
  "  SELECT r.customer_id, count (*) AS n FROM registrations r"
  "  JOIN sessions s ON s.id = r.session_id JOIN workshops w ON w.id = s.workshop_id"
  "  WHERE r.checked_in_at IS NOT NULL AND w.category <> ''"
  "    AND w.category = (SELECT category FROM target) COLLATE NOCASE"
  "  GROUP BY r.customer_id),"
  " candidates AS (SELECT customer_id FROM tagged UNION SELECT customer_id FROM attended)"
  " SELECT c.id IN (SELECT customer_id FROM tagged) AS interest_match,"
  "  coalesce (a.n, 0) AS attended_in_category,"
  "  (SELECT count (*) FROM registrations r WHERE r.customer_id = c.id"
  "   AND r.checked_in_at IS NOT NULL) AS attended_total,"
  "  max (coalesce ((SELECT max (r.sent_at) FROM registrations r WHERE r.customer_id = c.id), 0),"
  "       coalesce ((SELECT max (k.contacted_at) FROM contacts k WHERE k.customer_id = c.id), 0))"
  "    AS last_contacted,"
  "  c.*"
  " FROM candidates JOIN customers c ON c.id = candidates.customer_id"
  " LEFT JOIN attended a ON a.customer_id = c.id"
  " WHERE c.erased_at IS NULL AND c.consent = 1 AND coalesce (c.email, '') <> ''"
  "   AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.customer_id = c.id AND r.session_id = ?1)"
  " ORDER BY interest_match DESC, attended_in_category DESC, attended_total DESC,"
  "   last_contacted, c.family_name, c.given_name, c.id"
  " LIMIT ?2";

/**
 * atelier_invite_next_list:
 * @limit: the most candidates to return; 0 for all
 *
 * Returns: (transfer full): a #GListModel of #AtelierInviteCandidate,
 *   best first (see the top of this file); %NULL with @error set
 */
GListModel *
atelier_invite_next_list (AtelierStore  *store,
                          gint64         session_id,
                          guint          limit,
                          GError       **error)
{
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GListStore) list = NULL;
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  session = atelier_store_get_session (store, session_id, error);
  if (session == NULL)
    return NULL;

  stmt = atelier_store_prepare (store, list_sql, error);
  if (stmt == NULL)
    return NULL;
  atelier_db_stmt_bind_int64 (stmt, 1, session_id);
  atelier_db_stmt_bind_int64 (stmt, 2, limit ? (gint64) limit : -1);

  list = g_list_store_new (ATELIER_TYPE_INVITE_CANDIDATE);
  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      g_autoptr(AtelierInviteCandidate) candidate = g_object_new (ATELIER_TYPE_INVITE_CANDIDATE, NULL);

      candidate->interest_match = atelier_db_stmt_column_int (stmt, 0) != 0;
      candidate->attended_in_category = atelier_db_stmt_column_int (stmt, 1);
      candidate->attended = atelier_db_stmt_column_int (stmt, 2);
      candidate->last_contacted_at = atelier_db_stmt_column_int64 (stmt, 3);
      candidate->customer = ATELIER_CUSTOMER (atelier_store_row_to_object (stmt, ATELIER_TYPE_CUSTOMER));
      g_list_store_append (list, candidate);
    }
  atelier_db_stmt_reset (stmt);

  if (rc != ATELIER_DB_STEP_DONE)
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * atelier_invite_next_to_csv:
 *
 * The candidates as a mail-merge list (CSV, header row first).
 *
 * Returns: (transfer full): the CSV text
 */
GString *
atelier_invite_next_to_csv (GListModel *candidates)
{
  static const char *const header[] = {
    "First Name", "Last Name", "Email", "Language", "Tags", "Classes Attended",
    "Last Contacted",
  };
  GString *csv = g_string_new (NULL);

  atelier_csv_append_row (csv, header, G_N_ELEMENTS (header), ',');
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(AtelierInviteCandidate) candidate = g_list_model_get_item (candidates, i);
      AtelierCustomer *c = candidate->customer;
      g_autofree char *attended = g_strdup_printf ("%d", candidate->attended);
      g_autofree char *contacted = atelier_customer_book_format_time (candidate->last_contacted_at, NULL);
      const char *fields[] = {
        atelier_customer_get_given_name (c), atelier_customer_get_family_name (c),
        atelier_customer_get_email (c), atelier_customer_get_preferred_language (c),
        atelier_customer_get_interests (c), attended, contacted,
      };

      atelier_csv_append_row (csv, fields, G_N_ELEMENTS (fields), ',');
    }

  return csv;
}

/**
 * atelier_invite_next_record_contacts:
 * @candidates: the #AtelierInviteCandidate that were contacted
 *
 * Records that the store reached out to @candidates about @session_id
 * now, so that they come later in the next lists.
 */
gboolean
atelier_invite_next_record_contacts (AtelierStore  *store,
                                     gint64         session_id,
                                     GListModel    *candidates,
                                     GError       **error)
{
  gint64 params[3] = { 0, session_id, atelier_store_now () };
  gboolean ok = TRUE;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  if (!atelier_store_begin (store, error))
    return FALSE;
  for (guint i = 0; ok && i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(AtelierInviteCandidate) candidate = g_list_model_get_item (candidates, i);

      params[0] = atelier_customer_get_id (candidate->customer);
      ok = atelier_store_exec_ids (store,
                                   "INSERT INTO contacts (customer_id, session_id, contacted_at)"
                                   " VALUES (?, ?, ?)", params, 3, error);
    }
  if (!atelier_store_finish (store, ok, error))
    return FALSE;

  atelier_store_emit_changed (store, "contacts");
  return TRUE;
}
