/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-booking.c: the booking rules: seats, waiting list, check-in
 *
 * Every public function is one BEGIN IMMEDIATE transaction: the write lock
 * is held from the first read of the seats to the commit, so two processes
 * on one file serialise and can never confirm more seats than a session
 * has (the schema's triggers refuse it too, as a last line).
 */
#define G_LOG_DOMAIN "atelier-booking"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "atelier-booking.h"
#include "atelier-booking-private.h"
#include "atelier-customer-book.h"
#include "atelier-reschedule-private.h"
#include "atelier-store-private.h"

G_DEFINE_QUARK (atelier-booking-error-quark, atelier_booking_error)

static int
query_int (AtelierStore  *store,
           const char    *sql,
           gint64         param,
           GError       **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store, sql, error);
  int value = -1;
  AtelierDbStep rc;

  if (stmt == NULL)
    return -1;

  atelier_db_stmt_bind_int64 (stmt, 1, param);
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW)
    value = atelier_db_stmt_column_int (stmt, 0);
  atelier_db_stmt_reset (stmt);

  return value;
}

static int
seats_taken (AtelierStore  *store,
             gint64         session_id,
             GError       **error)
{
  return query_int (store,
                    "SELECT coalesce (sum (party_size), 0) FROM registrations"
                    " WHERE session_id = ? AND status = 'confirmed'",
                    session_id, error);
}

/* The session, refused if it is cancelled or (unless @until_end) has
 * started, or if it has ended. */
static AtelierSession *
open_session (AtelierStore  *store,
              gint64         session_id,
              gboolean       until_end,
              GError       **error)
{
  g_autoptr(AtelierSession) session = atelier_store_get_session (store, session_id, error);
  gint64 now = atelier_store_now ();

  if (session == NULL)
    return NULL;

  if (atelier_session_is_cancelled (session))
    {
      g_set_error_literal (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_SESSION_CANCELLED,
                           _("This session is cancelled; nobody can sign up to it."));
      return NULL;
    }

  if (atelier_session_get_ends_at (session) <= now ||
      (!until_end && !atelier_booking_accepts_sign_ups (session, now)))
    {
      g_set_error_literal (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_SESSION_OVER,
                           until_end ? _("This session is over; nobody can join it any more.")
                                     : _("This session has already started; add late arrivals as walk-ins."));
      return NULL;
    }

  return g_steal_pointer (&session);
}

static AtelierRegistration *
find_registration (AtelierStore  *store,
                   gint64         session_id,
                   gint64         customer_id,
                   GError       **error)
{
  gint64 ids[] = { session_id, customer_id };
  g_autoptr(GListModel) found =
    atelier_store_query_objects (store, ATELIER_TYPE_REGISTRATION,
                                 "SELECT * FROM registration_overview"
                                 " WHERE session_id = ? AND customer_id = ?",
                                 ids, G_N_ELEMENTS (ids), error);

  if (found == NULL || g_list_model_get_n_items (found) == 0)
    return NULL;
  return g_list_model_get_item (found, 0);
}

/* Saves @customer first if it is new, in the caller's transaction. A
 * new customer whose e-mail address is known is that customer (the rule
 * the import and atelier-cli match by): @customer then takes their id. */
static gboolean
ensure_customer (AtelierStore     *store,
                 AtelierCustomer  *customer,
                 GError          **error)
{
  g_autoptr(AtelierCustomer) known = NULL;
  g_autoptr(GError) local_error = NULL;

  if (atelier_customer_get_id (customer) != 0)
    return TRUE;

  known = atelier_customer_book_match_email (store, atelier_customer_get_email (customer), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (known != NULL)
    {
      g_object_set (customer, "id", atelier_customer_get_id (known), NULL);
      return TRUE;
    }
  return atelier_store_add_customer (store, customer, error);
}

static gboolean
check_party_size (int       party_size,
                  GError  **error)
{
  if (party_size < 1)
    {
      g_set_error_literal (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_INVALID,
                           _("A party has at least one person."));
      return FALSE;
    }
  if (party_size > ATELIER_SESSION_MAX_SEATS)
    {
      g_set_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_INVALID,
                   _("A party has at most %d people, as many as the largest class."),
                   ATELIER_SESSION_MAX_SEATS);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  int         party_size;
  const char *note;
  const char *source;
  gboolean    check_in;    /* a walk-in: confirmed and here at once */
} SignUpRequest;

static void
set_full_error (AtelierSession  *session,
                int              taken,
                GError         **error)
{
  g_set_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_FULL,
               ngettext ("The session is full (%d of %d seat taken); raise its capacity to let them in.",
                         "The session is full (%d of %d seats taken); raise its capacity to let them in.",
                         atelier_session_get_capacity (session)),
               taken, atelier_session_get_capacity (session));
}

/* Confirmed if the party fits, else at the end of the waiting list. A
 * cancelled registration of the same customer is taken up again, so that
 * UNIQUE (session, customer) keeps its meaning. */
static AtelierRegistration *
sign_up_locked (AtelierStore         *store,
                AtelierSession       *session,
                gint64                customer_id,
                const SignUpRequest  *request,
                GError              **error)
{
  gint64 session_id = atelier_session_get_id (session);
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) local_error = NULL;
  int taken = seats_taken (store, session_id, error);
  gboolean fits;
  gboolean ok;

  if (taken < 0)
    return NULL;

  registration = find_registration (store, session_id, customer_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (registration != NULL &&
      g_strcmp0 (atelier_registration_get_status (registration), ATELIER_REGISTRATION_CANCELLED) != 0)
    {
      g_set_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_ALREADY_REGISTERED,
                   _("%s is already signed up to this session."),
                   atelier_registration_get_customer_name (registration));
      return NULL;
    }

  /* In 64 bits: a store written before seats were bounded may hold
   * anything an int holds. */
  fits = (gint64) taken + request->party_size <= atelier_session_get_capacity (session);
  if (!fits && request->check_in)
    {
      set_full_error (session, taken, error);
      return NULL;
    }

  if (registration == NULL)
    registration = atelier_registration_new (session_id, customer_id, request->party_size);

  g_object_set (registration,
                "party-size", request->party_size,
                "note", request->note ? request->note : "",
                "source", request->source,
                "status", fits ? ATELIER_REGISTRATION_CONFIRMED : ATELIER_REGISTRATION_WAITLISTED,
                "checked-in-at", request->check_in ? atelier_store_now () : (gint64) 0,
                "arrived", 0,
                "cancelled-at", (gint64) 0,
                "cancelled-by", NULL,
                "promoted-at", (gint64) 0,
                NULL);
  if (!fits)
    {
      int last = query_int (store,
                            "SELECT coalesce (max (waitlist_position), 0) FROM registrations"
                            " WHERE session_id = ? AND status = 'waitlisted'",
                            session_id, error);
      if (last < 0)
        return NULL;
      g_object_set (registration, "waitlist-position", last + 1, NULL);
    }
  else
    g_object_set (registration, "waitlist-position", 0, NULL);

  if (atelier_registration_get_id (registration) == 0)
    ok = atelier_store_add_registration (store, registration, error);
  else
    ok = atelier_store_update_registration (store, registration, error);

  if (!ok)
    return NULL;
  return atelier_store_get_registration (store, atelier_registration_get_id (registration), error);
}

/* Closes the gaps in a session's waiting list. Rows move up one at a
 * time, front first, so no two ever share a place. */
static gboolean
renumber_waitlist (AtelierStore  *store,
                   gint64         session_id,
                   GError       **error)
{
  g_autoptr(GListModel) waiting =
    atelier_store_query_objects (store, ATELIER_TYPE_REGISTRATION,
                                 "SELECT id, waitlist_position FROM registrations"
                                 " WHERE session_id = ? AND status = 'waitlisted'"
                                 " ORDER BY waitlist_position",
                                 &session_id, 1, error);

  if (waiting == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (waiting); i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (waiting, i);
      gint64 params[] = { i + 1, atelier_registration_get_id (r) };

      if (atelier_registration_get_waitlist_position (r) == (int) i + 1)
        continue;
      if (!atelier_store_exec_ids (store, "UPDATE registrations SET waitlist_position = ? WHERE id = ?",
                          params, G_N_ELEMENTS (params), error))
        return FALSE;
    }

  return TRUE;
}

/* The waiting list's rule, for a party met going down the list in
 * order: it takes seats if it fits in those still free; one that does
 * not keeps its place, and smaller parties behind it may pass. */
static gboolean
takes_free_seats (int  party,
                  int *free_seats)
{
  if (party > *free_seats)
    return FALSE;
  *free_seats -= party;
  return TRUE;
}

/* Offers free seats down the waiting list in order (takes_free_seats()). */
static gboolean
promote_locked (AtelierStore  *store,
                gint64         session_id,
                GListStore    *promoted,
                GError       **error)
{
  g_autoptr(GListModel) waiting = NULL;
  int capacity = query_int (store, "SELECT capacity FROM sessions WHERE id = ?", session_id, error);
  int free_seats;

  if (capacity < 0)
    return FALSE;
  free_seats = capacity - seats_taken (store, session_id, error);

  waiting = atelier_store_query_objects (store, ATELIER_TYPE_REGISTRATION,
                                         "SELECT * FROM registration_overview"
                                         " WHERE session_id = ? AND status = 'waitlisted'"
                                         " ORDER BY waitlist_position",
                                         &session_id, 1, error);
  if (waiting == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (waiting) && free_seats > 0; i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (waiting, i);

      if (!takes_free_seats (atelier_registration_get_party_size (r), &free_seats))
        continue;

      g_object_set (r,
                    "status", ATELIER_REGISTRATION_CONFIRMED,
                    "waitlist-position", 0,
                    "promoted-at", atelier_store_now (),
                    NULL);
      if (!atelier_store_update_registration (store, r, error))
        return FALSE;
      if (promoted != NULL)
        g_list_store_append (promoted, r);
    }

  return renumber_waitlist (store, session_id, error);
}

static gboolean
cancel_locked (AtelierStore         *store,
               AtelierRegistration  *registration,
               AtelierCancelledBy    by,
               GListStore           *promoted,
               GError              **error)
{
  const char *status = atelier_registration_get_status (registration);

  if (g_strcmp0 (status, ATELIER_REGISTRATION_CANCELLED) == 0)
    {
      g_set_error_literal (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_ALREADY_CANCELLED,
                           _("This registration is already cancelled."));
      return FALSE;
    }
  if (atelier_registration_get_checked_in_at (registration) != 0)
    {
      g_set_error_literal (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_CHECKED_IN,
                           _("This person is checked in; undo the check-in before cancelling."));
      return FALSE;
    }

  g_object_set (registration,
                "status", ATELIER_REGISTRATION_CANCELLED,
                "waitlist-position", 0,
                "cancelled-at", atelier_store_now (),
                "cancelled-by", by == ATELIER_CANCELLED_BY_CUSTOMER ? "customer" : "store",
                NULL);

  return atelier_store_update_registration (store, registration, error) &&
         promote_locked (store, atelier_registration_get_session_id (registration), promoted, error);
}

/**
 * atelier_booking_sign_up:
 * @customer: an existing customer, or a new one (id 0) that is created in
 *   the same transaction
 *
 * Signs a party up: confirmed if the seats fit, otherwise at the end of
 * the waiting list, the party kept together.
 *
 * Returns: (transfer full): the registration, or %NULL with @error set
 */
AtelierRegistration *
atelier_booking_sign_up (AtelierStore     *store,
                         gint64            session_id,
                         AtelierCustomer  *customer,
                         int               party_size,
                         const char       *note,
                         GError          **error)
{
  SignUpRequest request = { party_size, note, "store", FALSE };
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);
  g_return_val_if_fail (ATELIER_IS_CUSTOMER (customer), NULL);

  if (!check_party_size (party_size, error) || !atelier_store_begin (store, error))
    return NULL;

  session = open_session (store, session_id, FALSE, error);
  if (session != NULL && ensure_customer (store, customer, error))
    registration = sign_up_locked (store, session, atelier_customer_get_id (customer), &request, error);

  if (!atelier_store_finish (store, registration != NULL, error))
    return NULL;
  return g_steal_pointer (&registration);
}

/**
 * atelier_booking_walk_in:
 *
 * Signs someone up at the door and checks them in at once; refused when
 * the seats do not fit (the manager may raise the capacity).
 *
 * Returns: (transfer full): the registration, or %NULL with @error set
 */
AtelierRegistration *
atelier_booking_walk_in (AtelierStore     *store,
                         gint64            session_id,
                         AtelierCustomer  *customer,
                         int               party_size,
                         GError          **error)
{
  SignUpRequest request = { party_size, NULL, "walk-in", TRUE };
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);
  g_return_val_if_fail (ATELIER_IS_CUSTOMER (customer), NULL);

  if (!check_party_size (party_size, error) || !atelier_store_begin (store, error))
    return NULL;

  session = open_session (store, session_id, TRUE, error);
  if (session != NULL && ensure_customer (store, customer, error))
    registration = sign_up_locked (store, session, atelier_customer_get_id (customer), &request, error);

  if (!atelier_store_finish (store, registration != NULL, error))
    return NULL;
  return g_steal_pointer (&registration);
}

static GListStore *
new_promoted_list (GListModel **promoted)
{
  return promoted != NULL ? g_list_store_new (ATELIER_TYPE_REGISTRATION) : NULL;
}

/**
 * atelier_booking_cancel:
 * @promoted: (out) (optional): the registrations confirmed from the
 *   waiting list as a result; each needs a fresh invite
 *
 * Cancels a registration and offers the freed seats down the waiting list.
 */
gboolean
atelier_booking_cancel (AtelierStore        *store,
                        gint64               registration_id,
                        AtelierCancelledBy   by,
                        GListModel         **promoted,
                        GError             **error)
{
  g_autoptr(GListStore) promoted_list = new_promoted_list (promoted);
  g_autoptr(AtelierRegistration) registration = NULL;
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  if (!atelier_store_begin (store, error))
    return FALSE;

  registration = atelier_store_get_registration (store, registration_id, error);
  ok = registration != NULL && cancel_locked (store, registration, by, promoted_list, error);
  if (!atelier_store_finish (store, ok, error))
    return FALSE;

  if (promoted != NULL)
    *promoted = G_LIST_MODEL (g_steal_pointer (&promoted_list));
  return TRUE;
}

/* For a writer that cancels inside a transaction of its own (a reply
 * read from the mailbox is applied and remembered in one). */
gboolean
atelier_booking_cancel_locked (AtelierStore         *store,
                               AtelierRegistration  *registration,
                               AtelierCancelledBy    by,
                               GError              **error)
{
  return cancel_locked (store, registration, by, NULL, error);
}

/**
 * atelier_booking_move:
 *
 * Moves a registration to another session in one transaction: the old one
 * is cancelled (its seat offered on) and the party signs up to the new
 * session by the usual rule.
 *
 * Returns: (transfer full): the registration in the new session
 */
AtelierRegistration *
atelier_booking_move (AtelierStore  *store,
                      gint64         registration_id,
                      gint64         session_id,
                      GError       **error)
{
  g_autoptr(AtelierRegistration) old = NULL;
  g_autoptr(AtelierRegistration) moved = NULL;
  g_autoptr(AtelierSession) target = NULL;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  if (!atelier_store_begin (store, error))
    return NULL;

  old = atelier_store_get_registration (store, registration_id, error);
  if (old != NULL && atelier_registration_get_session_id (old) == session_id)
    g_set_error_literal (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_SAME_SESSION,
                         _("The registration is already in this session."));
  else if (old != NULL)
    target = open_session (store, session_id, FALSE, error);

  if (target != NULL)
    {
      SignUpRequest request = {
        atelier_registration_get_party_size (old),
        atelier_registration_get_note (old),
        atelier_registration_get_source (old),
        FALSE,
      };

      if (cancel_locked (store, old, ATELIER_CANCELLED_BY_CUSTOMER, NULL, error))
        moved = sign_up_locked (store, target, atelier_registration_get_customer_id (old),
                                &request, error);
    }

  if (!atelier_store_finish (store, moved != NULL, error))
    return NULL;
  return g_steal_pointer (&moved);
}

static gboolean
set_capacity_locked (AtelierStore  *store,
                     gint64         session_id,
                     int            capacity,
                     GListStore    *promoted,
                     GError       **error)
{
  g_autoptr(AtelierSession) session = atelier_store_get_session (store, session_id, error);
  int taken = session != NULL ? seats_taken (store, session_id, error) : -1;

  if (taken < 0)
    return FALSE;
  if (capacity < taken)
    {
      g_set_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_CAPACITY_BELOW_TAKEN,
                   ngettext ("%d seat is already taken; the capacity cannot be lower than that.",
                             "%d seats are already taken; the capacity cannot be lower than that.",
                             taken),
                   taken);
      return FALSE;
    }
  if (capacity == atelier_session_get_capacity (session))
    return TRUE;

  g_object_set (session, "capacity", capacity, NULL);
  return atelier_store_update_session (store, session, error) &&
         promote_locked (store, session_id, promoted, error);
}

/**
 * atelier_booking_set_capacity:
 * @promoted: (out) (optional): registrations confirmed from the waiting
 *   list because seats were added
 *
 * Changes a session's capacity. Raising it promotes from the waiting list;
 * lowering it below the seats already confirmed is refused.
 */
gboolean
atelier_booking_set_capacity (AtelierStore  *store,
                              gint64         session_id,
                              int            capacity,
                              GListModel   **promoted,
                              GError       **error)
{
  g_autoptr(GListStore) promoted_list = new_promoted_list (promoted);
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  if (!atelier_store_begin (store, error))
    return FALSE;
  ok = set_capacity_locked (store, session_id, capacity, promoted_list, error);
  if (!atelier_store_finish (store, ok, error))
    return FALSE;

  if (promoted != NULL)
    *promoted = G_LIST_MODEL (g_steal_pointer (&promoted_list));
  return TRUE;
}

/**
 * atelier_booking_update_session:
 * @session: the session with its new start, end, time zone, place and
 *   capacity
 * @promoted: (out) (optional): registrations confirmed from the waiting
 *   list because seats were added
 *
 * Saves everything the session editor changes in one transaction: the
 * capacity as atelier_booking_set_capacity() does, then the time and
 * place as atelier_reschedule_update_session() does. If either is refused,
 * nothing changes.
 */
gboolean
atelier_booking_update_session (AtelierStore    *store,
                                AtelierSession  *session,
                                GListModel     **promoted,
                                GError         **error)
{
  return atelier_booking_update_session_full (store, session, promoted, NULL, error);
}

/**
 * atelier_booking_update_session_full:
 * @promoted: (out) (optional): registrations confirmed from the waiting
 *   list because seats were added
 * @n_cleared: (out) (optional): how many check-ins a move to another day
 *   cleared (see atelier_reschedule_update_session_full())
 *
 * atelier_booking_update_session(), telling what the new day undid.
 */
gboolean
atelier_booking_update_session_full (AtelierStore    *store,
                                     AtelierSession  *session,
                                     GListModel     **promoted,
                                     int             *n_cleared,
                                     GError         **error)
{
  g_autoptr(GListStore) promoted_list = new_promoted_list (promoted);
  gint64 session_id;
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (ATELIER_IS_SESSION (session), FALSE);

  session_id = atelier_session_get_id (session);
  if (!atelier_store_begin (store, error))
    return FALSE;
  ok = set_capacity_locked (store, session_id, atelier_session_get_capacity (session),
                            promoted_list, error) &&
       atelier_reschedule_update_locked (store, session, atelier_session_get_status (session),
                                       n_cleared, error);
  if (!atelier_store_finish (store, ok, error))
    return FALSE;

  atelier_store_emit_changed (store, "sessions");
  atelier_store_emit_changed (store, "registrations");
  if (promoted != NULL)
    *promoted = G_LIST_MODEL (g_steal_pointer (&promoted_list));
  return TRUE;
}

static AtelierRegistration *
set_checked_in (AtelierStore  *store,
                gint64         registration_id,
                gboolean       checked_in,
                GError       **error)
{
  g_autoptr(AtelierRegistration) registration = NULL;
  gboolean ok = FALSE;

  if (!atelier_store_begin (store, error))
    return NULL;

  registration = atelier_store_get_registration (store, registration_id, error);
  if (registration == NULL)
    ;
  else if (g_strcmp0 (atelier_registration_get_status (registration), ATELIER_REGISTRATION_CONFIRMED) != 0)
    g_set_error_literal (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_NOT_CONFIRMED,
                         _("Only a confirmed registration can be checked in; this one is not."));
  else if (checked_in && atelier_registration_get_checked_in_at (registration) != 0)
    g_set_error_literal (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_ALREADY_CHECKED_IN,
                         _("This person is already checked in."));
  else if (!checked_in && atelier_registration_get_checked_in_at (registration) == 0)
    g_set_error_literal (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_NOT_CHECKED_IN,
                         _("This person is not checked in."));
  else
    {
      /* Undone, the count of who came goes with the check-in. */
      g_object_set (registration,
                    "checked-in-at", checked_in ? atelier_store_now () : (gint64) 0,
                    "arrived", 0,
                    NULL);
      ok = atelier_store_update_registration (store, registration, error);
    }

  if (!atelier_store_finish (store, ok, error))
    return NULL;
  return g_steal_pointer (&registration);
}

/**
 * atelier_booking_check_in:
 *
 * Records that a confirmed party arrived, now.
 *
 * Returns: (transfer full): the registration, or %NULL with @error set
 */
AtelierRegistration *
atelier_booking_check_in (AtelierStore  *store,
                          gint64         registration_id,
                          GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return set_checked_in (store, registration_id, TRUE, error);
}

/**
 * atelier_booking_undo_check_in:
 *
 * Returns: (transfer full): the registration, no longer checked in
 */
AtelierRegistration *
atelier_booking_undo_check_in (AtelierStore  *store,
                               gint64         registration_id,
                               GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return set_checked_in (store, registration_id, FALSE, error);
}

/**
 * atelier_booking_cancel_session:
 *
 * Cancels a session: its status becomes cancelled, its SEQUENCE goes up
 * and every registration still open is cancelled by the store. Those who
 * had received an invite are then owed a cancellation.
 */
gboolean
atelier_booking_cancel_session (AtelierStore  *store,
                                gint64         session_id,
                                GError       **error)
{
  g_autoptr(AtelierSession) session = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  if (!atelier_store_begin (store, error))
    return FALSE;

  session = atelier_store_get_session (store, session_id, error);
  if (session != NULL && atelier_session_is_cancelled (session))
    g_set_error_literal (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_SESSION_CANCELLED,
                         _("This session is already cancelled."));
  else if (session != NULL)
    ok = atelier_reschedule_update_locked (store, session, ATELIER_SESSION_CANCELLED, NULL, error);

  if (!atelier_store_finish (store, ok, error))
    return FALSE;

  atelier_store_emit_changed (store, "sessions");
  atelier_store_emit_changed (store, "registrations");
  return TRUE;
}

/**
 * atelier_booking_summarize:
 *
 * Counts a session's seats: confirmed, checked in (the people who came:
 * a party checked in with atelier_booking_check_in_arrived() counts those
 * who arrived), no-shows (seats confirmed but nobody in them once the
 * session has ended, the missing part of a party included), and the
 * waiting list.
 */
gboolean
atelier_booking_summarize (AtelierStore           *store,
                           gint64                  session_id,
                           AtelierSessionSummary  *summary,
                           GError                **error)
{
  static const char sql[] =
    "SELECT s.capacity, s.ends_at <= ?,"
    "  count (*) FILTER (WHERE r.status = 'confirmed'),"
    "  coalesce (sum (r.party_size) FILTER (WHERE r.status = 'confirmed'), 0),"
    "  coalesce (sum (coalesce (r.arrived, r.party_size)) FILTER (WHERE r.checked_in_at IS NOT NULL), 0),"
    "  count (*) FILTER (WHERE r.status = 'waitlisted'),"
    "  coalesce (sum (r.party_size) FILTER (WHERE r.status = 'waitlisted'), 0)"
    " FROM sessions s LEFT JOIN registrations r ON r.session_id = s.id"
    " WHERE s.id = ? GROUP BY s.id";
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  stmt = atelier_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;

  atelier_db_stmt_bind_int64 (stmt, 1, atelier_store_now ());
  atelier_db_stmt_bind_int64 (stmt, 2, session_id);
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW)
    {
      summary->capacity = atelier_db_stmt_column_int (stmt, 0);
      summary->ended = atelier_db_stmt_column_int (stmt, 1) != 0;
      summary->confirmed_parties = atelier_db_stmt_column_int (stmt, 2);
      summary->confirmed_seats = atelier_db_stmt_column_int (stmt, 3);
      summary->checked_in_seats = atelier_db_stmt_column_int (stmt, 4);
      summary->waiting_parties = atelier_db_stmt_column_int (stmt, 5);
      summary->waiting_seats = atelier_db_stmt_column_int (stmt, 6);
      summary->no_show_seats = summary->ended ? summary->confirmed_seats - summary->checked_in_seats : 0;
    }
  else if (rc == ATELIER_DB_STEP_DONE)
    atelier_store_set_not_found (ATELIER_TYPE_SESSION, session_id, error);
  atelier_db_stmt_reset (stmt);

  return rc == ATELIER_DB_STEP_ROW;
}

/**
 * atelier_booking_accepts_sign_ups:
 * @now: the time to judge at, in UTC seconds
 *
 * The one rule of which sessions one can still sign up to, or move a
 * registration to: those not cancelled that have not started. Late
 * arrivals at a started session come in as walk-ins.
 */
gboolean
atelier_booking_accepts_sign_ups (AtelierSession *session,
                                  gint64          now)
{
  g_return_val_if_fail (ATELIER_IS_SESSION (session), FALSE);

  return !atelier_session_is_cancelled (session) && atelier_session_get_starts_at (session) > now;
}

/**
 * atelier_booking_list_open_sessions:
 * @except_session_id: a session to leave out (the one a registration
 *   moves from), or 0
 *
 * Returns: (transfer full): the sessions that accept sign-ups now, by
 *   start, as atelier_booking_accepts_sign_ups() decides
 */
GListModel *
atelier_booking_list_open_sessions (AtelierStore  *store,
                                    gint64         except_session_id,
                                    GError       **error)
{
  gint64 now = atelier_store_now ();
  g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (now);
  g_autoptr(GListModel) sessions = NULL;
  GListStore *open;
  guint n;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  sessions = atelier_store_list_sessions (store, from, NULL, error);
  if (sessions == NULL)
    return NULL;

  open = g_list_store_new (ATELIER_TYPE_SESSION);
  n = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (sessions, i);

      if (atelier_session_get_id (session) != except_session_id &&
          atelier_booking_accepts_sign_ups (session, now))
        g_list_store_append (open, session);
    }
  return G_LIST_MODEL (open);
}

/**
 * atelier_booking_preview_cancel:
 * @registration_id: the registration that would be cancelled
 * @seats_freed: (out) (optional): the seats its cancellation frees
 *
 * Who cancelling @registration_id would confirm from the waiting list,
 * by the same rule as the cancellation itself; nothing is written. For
 * the question asked before a cancellation.
 *
 * Returns: (transfer full) (nullable): the registrations, in the order
 *   they would be confirmed
 */
GListModel *
atelier_booking_preview_cancel (AtelierStore  *store,
                                gint64         registration_id,
                                int           *seats_freed,
                                GError       **error)
{
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GListModel) waiting = NULL;
  g_autoptr(GListStore) promoted = NULL;
  gint64 session_id;
  int capacity;
  int freed = 0;
  int free_seats;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  registration = atelier_store_get_registration (store, registration_id, error);
  if (registration == NULL)
    return NULL;
  session_id = atelier_registration_get_session_id (registration);
  capacity = query_int (store, "SELECT capacity FROM sessions WHERE id = ?", session_id, error);
  if (capacity < 0)
    return NULL;
  if (g_strcmp0 (atelier_registration_get_status (registration), ATELIER_REGISTRATION_CONFIRMED) == 0)
    freed = atelier_registration_get_party_size (registration);
  free_seats = capacity - seats_taken (store, session_id, error) + freed;

  waiting = atelier_store_query_objects (store, ATELIER_TYPE_REGISTRATION,
                                         "SELECT * FROM registration_overview"
                                         " WHERE session_id = ? AND status = 'waitlisted'"
                                         " ORDER BY waitlist_position",
                                         &session_id, 1, error);
  if (waiting == NULL)
    return NULL;

  promoted = g_list_store_new (ATELIER_TYPE_REGISTRATION);
  for (guint i = 0; i < g_list_model_get_n_items (waiting) && free_seats > 0; i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (waiting, i);

      if (atelier_registration_get_id (r) != registration_id &&
          takes_free_seats (atelier_registration_get_party_size (r), &free_seats))
        g_list_store_append (promoted, r);
    }

  if (seats_freed != NULL)
    *seats_freed = freed;
  return G_LIST_MODEL (g_steal_pointer (&promoted));
}

static gboolean
check_arrived (AtelierRegistration  *registration,
               int                   arrived,
               GError              **error)
{
  int party_size = atelier_registration_get_party_size (registration);

  if (g_strcmp0 (atelier_registration_get_status (registration), ATELIER_REGISTRATION_CONFIRMED) != 0)
    {
      g_set_error_literal (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_NOT_CONFIRMED,
                           _("Only a confirmed registration can be checked in; this one is not."));
      return FALSE;
    }
  if (arrived < 1 || arrived > party_size)
    {
      g_set_error (error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_INVALID,
                   ngettext ("This party has %d person: between 1 and %d can arrive, not %d.",
                             "This party has %d people: between 1 and %d can arrive, not %d.",
                             party_size),
                   party_size, party_size, arrived);
      return FALSE;
    }
  return TRUE;
}

/**
 * atelier_booking_check_in_arrived:
 * @arrived: how many of the party came, from 1 to its party size
 *
 * Records that @arrived people of a confirmed party are here: checks the
 * party in now if it was not, or corrects the count of a party already
 * checked in (keeping its time). The seats stay taken; the missing ones
 * count as no-shows once the session is over. Undoing the check-in
 * clears the count.
 *
 * Returns: (transfer full): the registration, or %NULL with @error set
 */
AtelierRegistration *
atelier_booking_check_in_arrived (AtelierStore  *store,
                                  gint64         registration_id,
                                  int            arrived,
                                  GError       **error)
{
  g_autoptr(AtelierRegistration) registration = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  if (!atelier_store_begin (store, error))
    return NULL;

  registration = atelier_store_get_registration (store, registration_id, error);
  if (registration != NULL && check_arrived (registration, arrived, error))
    {
      if (atelier_registration_get_checked_in_at (registration) == 0)
        g_object_set (registration, "checked-in-at", atelier_store_now (), NULL);
      g_object_set (registration, "arrived", arrived, NULL);
      ok = atelier_store_update_registration (store, registration, error);
    }

  if (!atelier_store_finish (store, ok, error))
    return NULL;
  return g_steal_pointer (&registration);
}
