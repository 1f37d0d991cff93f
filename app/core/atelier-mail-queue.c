/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-mail-queue.c: every message owed to a customer, with its state,
 * and sending them
 *
 * The queue is the table mail_messages (schema step 10). What is owed
 * comes in by atelier_mail_queue_refresh(): the invites, updates and
 * cancellations of the outbox view, the reminders due before a session
 * and the follow-ups due after one. A row is pending, then sending while
 * it is in flight, then sent (with the time, the server's "250 …" and
 * its Message-ID), put off until a retry time (4xx, a lost connection:
 * ATELIER_MAIL_QUEUE_MAX_ATTEMPTS times with a doubling delay), failed
 * for good (5xx, with the server's reason), or superseded when a newer
 * version of an invite is owed before it went.
 *
 * Crash safety. Each message is marked "sending" and committed before it
 * goes, and marked "sent" (with, for an invite, what the registration
 * last received) in one transaction after the server took it. A sender
 * killed at any moment therefore leaves every message either sent and
 * recorded, or not sent, except the one in flight: if the server had
 * taken it and the sender died before recording it, the next batch finds
 * it "sending" and sends it again, with the same Message-ID. That is the
 * only window where a message may go twice, and it holds one message per
 * sender killed. The next message is built while one is on the wire, but
 * marked only once that one is recorded: one message at a time is
 * "sending". One batch at a time: a lock on a file beside the store
 * (flock, released by the system when a process dies) keeps a second
 * sender, in this process or another, from taking a "sending" row that
 * is still in flight for its rightful owner.
 */
#define G_LOG_DOMAIN "atelier-mail-queue"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <sys/file.h>
#include <unistd.h>

#include "atelier-mail.h"
#include "atelier-mail-queue.h"
#include "atelier-mail-template.h"
#include "atelier-outbox.h"
#include "atelier-secret.h"
#include "atelier-smtp.h"
#include "atelier-store-private.h"
#include "atelier-wording-private.h"

/* French typography: a no-break space before ":" (U+00A0). */
#define NBSP "\302\240"

/* A follow-up is not sent about a session older than this: a store that
 * turns follow-ups on does not mail about last year's classes. */
#define FOLLOW_UP_WINDOW (7 * 24 * 3600)
#define FIRST_RETRY_DELAY (5 * 60)
#define LONGEST_RETRY_DELAY (6 * 3600)
#define MAX_SUGGESTIONS 3

#define MESSAGE_SELECT                                                      \
  "SELECT m.id, m.registration_id, r.session_id, r.customer_id,"            \
  " trim (c.given_name || ' ' || c.family_name) AS customer_name,"          \
  " w.title AS workshop_title, s.starts_at, m.purpose, m.kind, m.sequence," \
  " m.recipient, m.message_id, m.state, m.attempts, m.created_at,"          \
  " m.next_attempt_at, m.sent_at, m.server_reply"                           \
  " FROM mail_messages m"                                                   \
  " JOIN registrations r ON r.id = m.registration_id"                       \
  " JOIN customers c ON c.id = r.customer_id"                               \
  " JOIN sessions s ON s.id = r.session_id"                                 \
  " JOIN workshops w ON w.id = s.workshop_id"

G_DEFINE_QUARK (atelier-mail-queue-error-quark, atelier_mail_queue_error)

/**
 * atelier_mail_queue_reminder_due_at:
 * @session_start: the start, in the session's own time zone
 *
 * When the reminder of a session goes: whole days of the setting are
 * days of the session's calendar (24 h before 10:00 is 10:00 the day
 * before, even across a change to or from summer time), the rest is
 * elapsed time.
 *
 * Returns: a UTC time in seconds, or 0 if reminders are off
 */
gint64
atelier_mail_queue_reminder_due_at (AtelierSettings *settings,
                                    GDateTime       *session_start)
{
  int minutes = atelier_settings_get_mail_reminder (settings);
  g_autoptr(GDateTime) day_before = NULL;
  g_autoptr(GDateTime) due = NULL;

  if (minutes <= 0)
    return 0;

  day_before = g_date_time_add_days (session_start, -(minutes / (24 * 60)));
  due = g_date_time_add_minutes (day_before, -(minutes % (24 * 60)));
  return g_date_time_to_unix (due);
}

/* Seconds to wait after the @attempts-th attempt was put off. */
gint64
atelier_mail_queue_retry_delay (int attempts)
{
  gint64 delay = FIRST_RETRY_DELAY;

  for (int i = 1; i < attempts && delay < LONGEST_RETRY_DELAY; i++)
    delay *= 2;
  return MIN (delay, LONGEST_RETRY_DELAY);
}

static gboolean
insert_message (AtelierStore     *store,
                AtelierSettings  *settings,
                gint64            registration_id,
                const char       *purpose,
                const char       *kind,
                int               sequence,
                const char       *recipient,
                gint64            now,
                GError          **error)
{
  g_autofree char *message_id = atelier_mail_new_message_id (settings);
  AtelierDbStmt *stmt;

  stmt = atelier_store_prepare (store,
                                "INSERT INTO mail_messages (registration_id, purpose, kind, sequence,"
                                " recipient, message_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                " ON CONFLICT (registration_id, purpose, sequence) DO NOTHING",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, registration_id);
  atelier_db_stmt_bind_text (stmt, 2, purpose);
  atelier_db_stmt_bind_text (stmt, 3, kind);
  atelier_db_stmt_bind_int64 (stmt, 4, sequence);
  atelier_db_stmt_bind_text (stmt, 5, recipient);
  atelier_db_stmt_bind_text (stmt, 6, message_id);
  atelier_db_stmt_bind_int64 (stmt, 7, now);
  return atelier_store_step_done (store, stmt, error);
}

/* A message waiting for an invite version no longer owed will not go. */
static gboolean
supersede_stale (AtelierStore  *store,
                 GError       **error)
{
  return atelier_store_exec (store,
                             "UPDATE mail_messages SET state = 'superseded', next_attempt_at = NULL,"
                             " server_reply = 'superseded'"
                             " WHERE state IN ('pending', 'retry') AND purpose IN ('invite', 'cancel')"
                             " AND NOT EXISTS (SELECT 1 FROM outbox o"
                             "   WHERE o.registration_id = mail_messages.registration_id"
                             "     AND o.sequence = mail_messages.sequence"
                             "     AND (CASE o.method WHEN 'CANCEL' THEN 'cancel' ELSE 'invite' END)"
                             "         = mail_messages.purpose)",
                             error);
}

static gboolean
enqueue_invites (AtelierStore     *store,
                 AtelierSettings  *settings,
                 gint64            now,
                 gint64            session_id,
                 GError          **error)
{
  g_autoptr(GListModel) owed = atelier_outbox_list (store, session_id, error);

  if (owed == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (owed); i++)
    {
      g_autoptr(AtelierOutboxItem) item = g_list_model_get_item (owed, i);
      const char *purpose = g_strcmp0 (atelier_outbox_item_get_method (item), "CANCEL") == 0
                            ? "cancel" : "invite";

      if (!insert_message (store, settings, atelier_outbox_item_get_registration_id (item), purpose,
                           atelier_invite_kind_to_string (atelier_outbox_item_get_kind (item)),
                           atelier_outbox_item_get_sequence (item),
                           atelier_outbox_item_get_email (item), now, error))
        return FALSE;
    }

  return TRUE;
}

/* The confirmed registrations of sessions starting soon that have had no
 * reminder; whether each one's is due is decided in the session's zone. */
static gboolean
enqueue_reminders (AtelierStore     *store,
                   AtelierSettings  *settings,
                   gint64            now,
                   gint64            session_id,
                   GError          **error)
{
  int minutes = atelier_settings_get_mail_reminder (settings);
  g_autoptr(GArray) due = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) recipients = g_ptr_array_new_with_free_func (g_free);
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  if (minutes <= 0)
    return TRUE;

  stmt = atelier_store_prepare (store,
                                "SELECT r.id, c.email, s.starts_at, s.time_zone, r.created_at"
                                " FROM registrations r"
                                " JOIN sessions s ON s.id = r.session_id"
                                " JOIN customers c ON c.id = r.customer_id"
                                " WHERE s.status = 'scheduled' AND r.status = 'confirmed'"
                                "   AND c.erased_at IS NULL AND coalesce (c.email, '') <> ''"
                                "   AND s.starts_at > ?1 AND s.starts_at <= ?1 + ?2"
                                "   AND (?3 = 0 OR s.id = ?3)"
                                "   AND NOT EXISTS (SELECT 1 FROM mail_messages m"
                                "                   WHERE m.registration_id = r.id"
                                "                     AND m.purpose = 'reminder')",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, now);
  /* a day more than the setting: a day of the calendar may last 25 h */
  atelier_db_stmt_bind_int64 (stmt, 2, (gint64) minutes * 60 + 24 * 3600);
  atelier_db_stmt_bind_int64 (stmt, 3, session_id);

  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (atelier_db_stmt_column_text (stmt, 3));
      g_autoptr(GDateTime) start_utc = g_date_time_new_from_unix_utc (atelier_db_stmt_column_int64 (stmt, 2));
      g_autoptr(GDateTime) start = NULL;
      gint64 due_at;

      if (zone == NULL)
        zone = g_time_zone_new_utc ();
      start = g_date_time_to_timezone (start_utc, zone);
      due_at = atelier_mail_queue_reminder_due_at (settings, start);

      /* Not to someone who signed up after the reminder's time: the invite
       * they just got says it all. */
      if (now >= due_at && atelier_db_stmt_column_int64 (stmt, 4) < due_at)
        {
          gint64 id = atelier_db_stmt_column_int64 (stmt, 0);

          g_array_append_val (due, id);
          g_ptr_array_add (recipients, g_strdup (atelier_db_stmt_column_text (stmt, 1)));
        }
    }
  atelier_db_stmt_reset (stmt);
  if (rc != ATELIER_DB_STEP_DONE)
    return FALSE;

  for (guint i = 0; i < due->len; i++)
    if (!insert_message (store, settings, g_array_index (due, gint64, i), "reminder", "reminder", 0,
                         recipients->pdata[i], now, error))
      return FALSE;

  return TRUE;
}

/* After a session: a thank-you to those who came, "we missed you" to
 * those who did not. */
static gboolean
enqueue_follow_ups (AtelierStore     *store,
                    AtelierSettings  *settings,
                    gint64            now,
                    gint64            session_id,
                    GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) came = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GPtrArray) recipients = g_ptr_array_new_with_free_func (g_free);
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  if (!atelier_settings_get_follow_ups (settings))
    return TRUE;

  stmt = atelier_store_prepare (store,
                                "SELECT r.id, c.email, r.checked_in_at IS NOT NULL"
                                " FROM registrations r"
                                " JOIN sessions s ON s.id = r.session_id"
                                " JOIN customers c ON c.id = r.customer_id"
                                " WHERE s.status = 'scheduled' AND r.status = 'confirmed'"
                                "   AND c.erased_at IS NULL AND coalesce (c.email, '') <> ''"
                                "   AND s.ends_at <= ?1 AND s.ends_at > ?1 - ?2"
                                "   AND (?3 = 0 OR s.id = ?3)"
                                "   AND NOT EXISTS (SELECT 1 FROM mail_messages m"
                                "                   WHERE m.registration_id = r.id"
                                "                     AND m.purpose IN ('thank-you', 'missed-you'))",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, now);
  atelier_db_stmt_bind_int64 (stmt, 2, FOLLOW_UP_WINDOW);
  atelier_db_stmt_bind_int64 (stmt, 3, session_id);

  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      gint64 id = atelier_db_stmt_column_int64 (stmt, 0);
      gboolean checked_in = atelier_db_stmt_column_int (stmt, 2) != 0;

      g_array_append_val (ids, id);
      g_array_append_val (came, checked_in);
      g_ptr_array_add (recipients, g_strdup (atelier_db_stmt_column_text (stmt, 1)));
    }
  atelier_db_stmt_reset (stmt);
  if (rc != ATELIER_DB_STEP_DONE)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *purpose = g_array_index (came, gboolean, i) ? "thank-you" : "missed-you";

      if (!insert_message (store, settings, g_array_index (ids, gint64, i), purpose, purpose, 0,
                           recipients->pdata[i], now, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
refresh_locked (AtelierStore     *store,
                AtelierSettings  *settings,
                gint64            now,
                gint64            session_id,
                GError          **error)
{
  return supersede_stale (store, error) &&
         enqueue_invites (store, settings, now, session_id, error) &&
         enqueue_reminders (store, settings, now, session_id, error) &&
         enqueue_follow_ups (store, settings, now, session_id, error);
}

/**
 * atelier_mail_queue_refresh:
 * @now: the time to judge what is due at, UTC seconds
 * @session_id: one session, or 0 for all
 *
 * Puts in the queue what is owed at @now: invites, updates and
 * cancellations not yet sent, reminders and follow-ups that are due.
 * Each goes in once: doing it again adds nothing.
 */
gboolean
atelier_mail_queue_refresh (AtelierStore     *store,
                            AtelierSettings  *settings,
                            gint64            now,
                            gint64            session_id,
                            GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (ATELIER_IS_SETTINGS (settings), FALSE);

  if (!atelier_store_begin (store, error))
    return FALSE;
  ok = refresh_locked (store, settings, now, session_id, error);
  if (!atelier_store_finish (store, ok, error))
    return FALSE;

  atelier_store_emit_changed (store, "mail_messages");
  return TRUE;
}

static GListModel *
list_ready (AtelierStore  *store,
            gint64         now,
            gint64         session_id,
            GError       **error)
{
  gint64 params[] = { now, session_id, session_id };

  return atelier_store_query_objects (store, ATELIER_TYPE_MAIL_MESSAGE,
                                      MESSAGE_SELECT
                                      " WHERE (m.state IN ('pending', 'sending')"
                                      "        OR (m.state = 'retry' AND m.next_attempt_at <= ?))"
                                      "   AND (? = 0 OR r.session_id = ?)"
                                      " ORDER BY m.id",
                                      params, G_N_ELEMENTS (params), error);
}

/**
 * atelier_mail_queue_list_due:
 *
 * What a batch would send at @now, without changing anything: what
 * `atelier-cli send --dry-run` prints.
 *
 * Returns: (transfer full): a #GListModel of #AtelierMailMessage
 */
GListModel *
atelier_mail_queue_list_due (AtelierStore  *store,
                             gint64         now,
                             gint64         session_id,
                             GError       **error)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GListModel) due = NULL;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  settings = atelier_settings_load (store, error);
  if (settings == NULL || !atelier_store_begin (store, error))
    return NULL;
  if (refresh_locked (store, settings, now, session_id, error))
    due = list_ready (store, now, session_id, error);
  atelier_store_rollback (store);

  return g_steal_pointer (&due);
}

/**
 * atelier_mail_queue_list_session:
 *
 * Every message of a session's customers, whatever its state, oldest
 * first: who was sent what and when, and who failed and why.
 *
 * Returns: (transfer full): a #GListModel of #AtelierMailMessage
 */
GListModel *
atelier_mail_queue_list_session (AtelierStore  *store,
                                 gint64         session_id,
                                 GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return atelier_store_query_objects (store, ATELIER_TYPE_MAIL_MESSAGE,
                                      MESSAGE_SELECT " WHERE r.session_id = ? ORDER BY m.id",
                                      &session_id, 1, error);
}

/**
 * atelier_mail_queue_list_customer:
 *
 * Returns: (transfer full): the messages of one customer, newest first
 */
GListModel *
atelier_mail_queue_list_customer (AtelierStore  *store,
                                  gint64         customer_id,
                                  GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return atelier_store_query_objects (store, ATELIER_TYPE_MAIL_MESSAGE,
                                      MESSAGE_SELECT " WHERE r.customer_id = ? ORDER BY m.id DESC",
                                      &customer_id, 1, error);
}

/**
 * atelier_mail_queue_count:
 * @n_waiting: (out) (optional): messages not sent yet (pending, in
 *   flight, or put off)
 * @n_failed: (out) (optional): messages that failed for good
 *
 * What a banner says.
 */
gboolean
atelier_mail_queue_count (AtelierStore  *store,
                          guint         *n_waiting,
                          guint         *n_failed,
                          GError       **error)
{
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  stmt = atelier_store_prepare (store,
                                "SELECT count (*) FILTER (WHERE state IN ('pending', 'sending', 'retry')),"
                                " count (*) FILTER (WHERE state = 'failed') FROM mail_messages",
                                error);
  if (stmt == NULL)
    return FALSE;
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW)
    {
      if (n_waiting != NULL)
        *n_waiting = atelier_db_stmt_column_int (stmt, 0);
      if (n_failed != NULL)
        *n_failed = atelier_db_stmt_column_int (stmt, 1);
    }
  atelier_db_stmt_reset (stmt);

  return rc == ATELIER_DB_STEP_ROW;
}

/**
 * atelier_mail_queue_retry:
 *
 * The manager's Retry: a message that failed, or waits for its retry
 * time, goes with the next batch, with its attempts counted afresh.
 */
gboolean
atelier_mail_queue_retry (AtelierStore  *store,
                          gint64         message_id,
                          GError       **error)
{
  AtelierDbStmt *stmt;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  stmt = atelier_store_prepare (store,
                                "UPDATE mail_messages SET state = 'pending', next_attempt_at = NULL,"
                                " attempts = 0 WHERE id = ? AND state IN ('failed', 'retry')",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, message_id);
  if (!atelier_store_step_done (store, stmt, error))
    return FALSE;
  if (atelier_db_changes (atelier_store_get_db (store)) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, message_id);

      g_set_error (error, ATELIER_MAIL_QUEUE_ERROR, ATELIER_MAIL_QUEUE_ERROR_NOT_FOUND,
                   _("There is no failed message number %s."), number);
      return FALSE;
    }

  atelier_store_emit_changed (store, "mail_messages");
  return TRUE;
}

/* --- Building ------------------------------------------------------------ */

static char *
format_when (const char *language,
             gint64      utc,
             const char *time_zone)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (time_zone);
  g_autoptr(GDateTime) when_utc = g_date_time_new_from_unix_utc (utc);
  g_autoptr(GDateTime) local = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (when_utc, zone);
  return atelier_wording_format_when (language, local);
}

/* Next sessions whose workshop's category is one of the customer's
 * interests, and the interests they matched. */
static char *
describe_suggestions (AtelierStore    *store,
                      AtelierCustomer *customer,
                      const char      *language,
                      gint64           now,
                      GError         **error)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autoptr(GPtrArray) liked = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *interests = NULL;
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  stmt = atelier_store_prepare (store,
                                "SELECT w.title, s.starts_at, s.time_zone, t.name"
                                " FROM customer_tags ct"
                                " JOIN tags t ON t.id = ct.tag_id"
                                " JOIN workshops w ON w.category = t.name COLLATE NOCASE"
                                " JOIN sessions s ON s.workshop_id = w.id"
                                " WHERE ct.customer_id = ?1 AND s.status = 'scheduled' AND s.starts_at > ?2"
                                "   AND NOT EXISTS (SELECT 1 FROM registrations r"
                                "                   WHERE r.session_id = s.id AND r.customer_id = ?1"
                                "                     AND r.status <> 'cancelled')"
                                " ORDER BY s.starts_at, s.id LIMIT ?3",
                                error);
  if (stmt == NULL)
    return NULL;
  atelier_db_stmt_bind_int64 (stmt, 1, atelier_customer_get_id (customer));
  atelier_db_stmt_bind_int64 (stmt, 2, now);
  atelier_db_stmt_bind_int64 (stmt, 3, MAX_SUGGESTIONS);

  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      const char *interest = atelier_db_stmt_column_text (stmt, 3);
      g_autofree char *when = format_when (language, atelier_db_stmt_column_int64 (stmt, 1),
                                           atelier_db_stmt_column_text (stmt, 2));

      g_string_append_printf (lines, "- %s, %s\n", atelier_db_stmt_column_text (stmt, 0), when);
      if (!g_ptr_array_find_with_equal_func (liked, interest, g_str_equal, NULL))
        g_ptr_array_add (liked, g_strdup (interest));
    }
  atelier_db_stmt_reset (stmt);
  if (rc != ATELIER_DB_STEP_DONE)
    return NULL;
  if (lines->len == 0)
    return g_strdup ("");

  g_ptr_array_add (liked, NULL);
  interests = g_strjoinv (", ", (GStrv) liked->pdata);
  if (g_strcmp0 (language, "fr") == 0)
    return g_strdup_printf ("\nVous nous avez dit aimer %s" NBSP ": ces séances pourraient vous plaire.\n%s",
                            interests, lines->str);
  return g_strdup_printf ("\nYou told us you like %s: these sessions may please you.\n%s",
                          interests, lines->str);
}

static char *
describe_next_session (AtelierStore  *store,
                       gint64         workshop_id,
                       const char    *language,
                       gint64         now,
                       GError       **error)
{
  AtelierDbStmt *stmt;
  g_autofree char *when = NULL;
  AtelierDbStep rc;

  stmt = atelier_store_prepare (store,
                                "SELECT starts_at, time_zone FROM sessions"
                                " WHERE workshop_id = ? AND status = 'scheduled' AND starts_at > ?"
                                " ORDER BY starts_at LIMIT 1",
                                error);
  if (stmt == NULL)
    return NULL;
  atelier_db_stmt_bind_int64 (stmt, 1, workshop_id);
  atelier_db_stmt_bind_int64 (stmt, 2, now);
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW)
    when = format_when (language, atelier_db_stmt_column_int64 (stmt, 0),
                        atelier_db_stmt_column_text (stmt, 1));
  atelier_db_stmt_reset (stmt);

  if (rc != ATELIER_DB_STEP_ROW && rc != ATELIER_DB_STEP_DONE)
    return NULL;
  if (when == NULL)
    return g_strdup ("");
  if (g_strcmp0 (language, "fr") == 0)
    return g_strdup_printf ("\nLa prochaine séance a lieu le %s" NBSP ": répondez à ce message si "
                            "vous souhaitez une place.\n", when);
  return g_strdup_printf ("\nThe next session is on %s: reply to this mail if you would like a seat.\n",
                          when);
}

static GHashTable *
new_values (AtelierSettings *settings,
            AtelierSession  *session,
            AtelierWorkshop *workshop,
            AtelierCustomer *customer,
            const char      *language)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  const char *place = atelier_session_get_place (session);

  g_hash_table_insert (values, (gpointer) "given_name", g_strdup (atelier_customer_get_given_name (customer)));
  g_hash_table_insert (values, (gpointer) "workshop", g_strdup (atelier_workshop_get_title (workshop)));
  g_hash_table_insert (values, (gpointer) "date", format_when (language, atelier_session_get_starts_at (session),
                                                    atelier_session_get_time_zone (session)));
  g_hash_table_insert (values, (gpointer) "place", g_strdup (place != NULL && *place != '\0'
                                                  ? place : atelier_settings_get_address (settings)));
  g_hash_table_insert (values, (gpointer) "store", g_strdup (atelier_settings_get_store_name (settings)));
  g_hash_table_insert (values, (gpointer) "bring", g_strdup (atelier_workshop_get_bring (workshop)));
  return values;
}

static GMimeMessage *
build_from_template (AtelierStore        *store,
                     AtelierSettings     *settings,
                     AtelierMailMessage  *message,
                     AtelierSession      *session,
                     AtelierWorkshop     *workshop,
                     AtelierCustomer     *customer,
                     gint64               now,
                     GError             **error)
{
  const char *purpose = atelier_mail_message_get_purpose (message);
  const char *language = atelier_mail_language_for (settings, customer);
  AtelierMailTemplateId id;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expanded_subject = NULL;
  g_autofree char *expanded_body = NULL;
  g_autoptr(GHashTable) values = NULL;

  if (!atelier_mail_template_from_string (purpose, &id, error) ||
      !atelier_mail_template_load (store, id, language, &subject, &body, NULL, error))
    return NULL;

  values = new_values (settings, session, workshop, customer, language);
  /* Suggestions of other classes are marketing: only with consent. */
  if (id == ATELIER_MAIL_TEMPLATE_THANK_YOU && atelier_customer_get_consent (customer))
    {
      char *suggestions = describe_suggestions (store, customer, language, now, error);

      if (suggestions == NULL)
        return NULL;
      g_hash_table_insert (values, (gpointer) "suggestions", suggestions);
    }
  if (id == ATELIER_MAIL_TEMPLATE_MISSED_YOU)
    {
      char *next = describe_next_session (store, atelier_workshop_get_id (workshop), language, now,
                                          error);

      if (next == NULL)
        return NULL;
      g_hash_table_insert (values, (gpointer) "next_session", next);
    }

  expanded_subject = atelier_mail_template_expand (subject, values);
  expanded_body = atelier_mail_template_expand (body, values);
  return atelier_mail_new_text (settings, customer, expanded_subject, expanded_body, error);
}

/* The invite the registration is owed now, if it is still @message's. */
static AtelierOutboxItem *
find_owed_invite (AtelierStore        *store,
                  AtelierMailMessage  *message,
                  GError             **error)
{
  gint64 registration_id = atelier_mail_message_get_registration_id (message);
  g_autoptr(GListModel) owed = atelier_store_query_objects (store, ATELIER_TYPE_OUTBOX_ITEM,
                                                            "SELECT * FROM outbox WHERE registration_id = ?",
                                                            &registration_id, 1, error);
  g_autoptr(AtelierOutboxItem) item = NULL;
  const char *method;

  if (owed == NULL)
    return NULL;
  if (g_list_model_get_n_items (owed) > 0)
    item = g_list_model_get_item (owed, 0);

  method = g_strcmp0 (atelier_mail_message_get_purpose (message), "cancel") == 0 ? "CANCEL" : "REQUEST";
  if (item == NULL || atelier_outbox_item_get_sequence (item) != atelier_mail_message_get_sequence (message) ||
      g_strcmp0 (atelier_outbox_item_get_method (item), method) != 0)
    {
      g_set_error (error, ATELIER_OUTBOX_ERROR, ATELIER_OUTBOX_ERROR_CHANGED,
                   _("What %s is owed has changed meanwhile; list the outbox again."),
                   atelier_mail_message_get_customer_name (message));
      return NULL;
    }

  return g_steal_pointer (&item);
}

static GMimeMessage *
build_invite (AtelierStore        *store,
              AtelierSettings     *settings,
              AtelierMailMessage  *message,
              AtelierSession      *session,
              AtelierWorkshop     *workshop,
              AtelierCustomer     *customer,
              GError             **error)
{
  g_autoptr(AtelierOutboxItem) item = find_owed_invite (store, message, error);
  AtelierInviteKind kind;
  g_autofree char *calendar = NULL;

  if (item == NULL)
    return NULL;

  kind = atelier_outbox_item_get_kind (item);
  calendar = atelier_invite_build (settings, session, workshop, customer,
                                   atelier_outbox_item_get_party_size (item), kind,
                                   atelier_outbox_item_get_sequence (item), error);
  if (calendar == NULL)
    return NULL;

  return atelier_mail_build_invite (store, settings, session, workshop, customer,
                                    atelier_mail_message_get_registration_id (message),
                                    atelier_outbox_item_get_party_size (item), kind, calendar, error);
}

/**
 * atelier_mail_queue_build:
 *
 * Builds @message as it goes on the wire, with the Message-ID it was
 * given in the queue. An invite no longer owed as queued is refused with
 * %ATELIER_OUTBOX_ERROR_CHANGED.
 *
 * Returns: (transfer full): the message, CRLF line ends
 */
GBytes *
atelier_mail_queue_build (AtelierStore        *store,
                          AtelierSettings     *settings,
                          AtelierMailMessage  *message,
                          gint64               now,
                          GError             **error)
{
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(AtelierWorkshop) workshop = NULL;
  g_autoptr(AtelierCustomer) customer = NULL;
  GMimeMessage *mime = NULL;
  GBytes *bytes;
  const char *purpose;

  g_return_val_if_fail (ATELIER_IS_MAIL_MESSAGE (message), NULL);

  session = atelier_store_get_session (store, atelier_mail_message_get_session_id (message), error);
  if (session != NULL)
    workshop = atelier_store_get_workshop (store, atelier_session_get_workshop_id (session), error);
  if (workshop != NULL)
    customer = atelier_store_get_customer (store, atelier_mail_message_get_customer_id (message), error);
  if (customer == NULL)
    return NULL;

  purpose = atelier_mail_message_get_purpose (message);
  if (g_strcmp0 (purpose, "invite") == 0 || g_strcmp0 (purpose, "cancel") == 0)
    mime = build_invite (store, settings, message, session, workshop, customer, error);
  else
    mime = build_from_template (store, settings, message, session, workshop, customer, now, error);
  if (mime == NULL)
    return NULL;

  g_mime_message_set_message_id (mime, atelier_mail_message_get_message_id (message));
  bytes = atelier_mail_to_bytes (mime);
  g_object_unref (mime);
  return bytes;
}

/* --- Sending ------------------------------------------------------------- */

/* One batch at a time per store, whatever the process. */
static int
take_lock (AtelierStore  *store,
           GError       **error)
{
  g_autofree char *path = g_strconcat (atelier_store_get_path (store), ".mail-lock", NULL);
  int fd = open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      g_set_error_literal (error, ATELIER_MAIL_QUEUE_ERROR, ATELIER_MAIL_QUEUE_ERROR_BUSY,
                           _("Mail is already being sent for this store; this batch waits for "
                             "the next turn."));
      return -1;
    }

  return fd;
}

static void
release_lock (int fd)
{
  if (fd >= 0)
    {
      flock (fd, LOCK_UN);
      close (fd);
    }
}

/* Marks @message in flight, if it is still ready: FALSE without an
 * error if another writer changed it meanwhile. */
static gboolean
mark_sending (AtelierStore        *store,
              AtelierMailMessage  *message,
              gboolean            *claimed,
              GError             **error)
{
  AtelierDbStmt *stmt;

  stmt = atelier_store_prepare (store,
                                "UPDATE mail_messages SET state = 'sending', next_attempt_at = NULL,"
                                " attempts = attempts + 1"
                                " WHERE id = ? AND state IN ('pending', 'sending', 'retry')",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, atelier_mail_message_get_id (message));
  if (!atelier_store_step_done (store, stmt, error))
    return FALSE;

  *claimed = atelier_db_changes (atelier_store_get_db (store)) > 0;
  return TRUE;
}

static gboolean
set_state (AtelierStore        *store,
           AtelierMailMessage  *message,
           const char          *state,
           gint64               next_attempt_at,
           gint64               sent_at,
           const char          *reply,
           gboolean             undo_attempt,
           GError             **error)
{
  AtelierDbStmt *stmt;

  stmt = atelier_store_prepare (store,
                                "UPDATE mail_messages SET state = ?1, next_attempt_at = ?2, sent_at = ?3,"
                                " server_reply = ?4, attempts = attempts - ?5 WHERE id = ?6",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, state);
  if (next_attempt_at > 0)
    atelier_db_stmt_bind_int64 (stmt, 2, next_attempt_at);
  if (sent_at > 0)
    atelier_db_stmt_bind_int64 (stmt, 3, sent_at);
  atelier_db_stmt_bind_text (stmt, 4, reply ? reply : "");
  atelier_db_stmt_bind_int64 (stmt, 5, undo_attempt ? 1 : 0);
  atelier_db_stmt_bind_int64 (stmt, 6, atelier_mail_message_get_id (message));
  return atelier_store_step_done (store, stmt, error);
}

/* What the registration last received, as the outbox view reads it. */
static gboolean
record_invite_sent (AtelierStore        *store,
                    AtelierMailMessage  *message,
                    gint64               sent_at,
                    GError             **error)
{
  AtelierDbStmt *stmt;
  const char *method = g_strcmp0 (atelier_mail_message_get_purpose (message), "cancel") == 0
                       ? "CANCEL" : "REQUEST";

  stmt = atelier_store_prepare (store,
                                "UPDATE registrations SET sent_method = ?1, sent_sequence = ?2,"
                                " sent_at = ?3,"
                                " sequence_offset = max (0, ?2 - (SELECT sequence FROM sessions"
                                "                                 WHERE id = registrations.session_id))"
                                " WHERE id = ?4",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, method);
  atelier_db_stmt_bind_int64 (stmt, 2, atelier_mail_message_get_sequence (message));
  atelier_db_stmt_bind_int64 (stmt, 3, sent_at);
  atelier_db_stmt_bind_int64 (stmt, 4, atelier_mail_message_get_registration_id (message));
  return atelier_store_step_done (store, stmt, error);
}

/* The message sent, and what its customer received; in the caller's
 * transaction. */
static gboolean
record_sent (AtelierStore        *store,
             AtelierMailMessage  *message,
             const char          *reply,
             GError             **error)
{
  gint64 now = atelier_store_now ();
  const char *purpose = atelier_mail_message_get_purpose (message);

  return set_state (store, message, "sent", 0, now, reply, FALSE, error) &&
         ((g_strcmp0 (purpose, "invite") != 0 && g_strcmp0 (purpose, "cancel") != 0) ||
          record_invite_sent (store, message, now, error));
}

/* After a failure of this message: try again later, or never. */
static gboolean
record_failure (AtelierStore        *store,
                AtelierMailMessage  *message,
                const GError        *failure,
                gint64               now,
                AtelierMailReport   *report,
                GError             **error)
{
  int attempts = atelier_mail_message_get_attempts (message) + 1;
  gboolean temporary = g_error_matches (failure, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_TEMPORARY);

  if (g_error_matches (failure, ATELIER_OUTBOX_ERROR, ATELIER_OUTBOX_ERROR_CHANGED))
    {
      report->n_superseded++;
      return set_state (store, message, "superseded", 0, 0, failure->message, FALSE, error);
    }
  if (temporary && attempts < ATELIER_MAIL_QUEUE_MAX_ATTEMPTS)
    {
      report->n_retry++;
      return set_state (store, message, "retry", now + atelier_mail_queue_retry_delay (attempts), 0,
                        failure->message, FALSE, error);
    }

  report->n_failed++;
  if (temporary)
    {
      /* TRANSLATORS: a number of attempts, then the last reason */
      g_autofree char *reason = g_strdup_printf (_("Gave up after %d attempts: %s"), attempts,
                                                 failure->message);
      return set_state (store, message, "failed", 0, 0, reason, FALSE, error);
    }
  return set_state (store, message, "failed", 0, 0, failure->message, FALSE, error);
}

static AtelierMailMessage *
reread (AtelierStore        *store,
        AtelierMailMessage  *message,
        GError             **error)
{
  gint64 id = atelier_mail_message_get_id (message);
  g_autoptr(GListModel) rows = atelier_store_query_objects (store, ATELIER_TYPE_MAIL_MESSAGE,
                                                            MESSAGE_SELECT " WHERE m.id = ?",
                                                            &id, 1, error);

  if (rows == NULL || g_list_model_get_n_items (rows) == 0)
    return rows ? g_object_ref (message) : NULL;
  return g_list_model_get_item (rows, 0);
}

/* What the progress callback is told of one message. */
typedef struct
{
  AtelierMailMessage *message;
  guint               index;
  GError             *error;
} News;

static void
news_free (gpointer data)
{
  News *news = data;

  g_object_unref (news->message);
  g_clear_error (&news->error);
  g_free (news);
}

/* A batch sends one message while it builds the next: building (libical,
 * GMime, the store) then costs no time of its own, since the connection
 * spends most of each message waiting for the server's replies. The store
 * is written from this thread only; the connection's thread only talks
 * to the server. */
typedef struct
{
  AtelierStore            *store;
  AtelierSettings         *settings;
  AtelierSmtp             *smtp;
  const char              *password;
  gint64                   now;
  AtelierMailProgressFunc  progress;
  gpointer                 user_data;
  AtelierMailReport       *report;
  guint                    total;
  AtelierMailMessage      *in_flight;  /* marked sending, on the wire */
  guint                    in_flight_index;
  GPtrArray               *news;       /* of News, not told yet */
  GError                  *stop;       /* why the batch stops, once recorded */
} Batch;

static void
add_news (Batch              *batch,
          AtelierMailMessage *message,
          guint               index,
          const GError       *failure)
{
  News *news;

  if (batch->progress == NULL)
    return;
  news = g_new0 (News, 1);
  news->message = g_object_ref (message);
  news->index = index;
  news->error = failure ? g_error_copy (failure) : NULL;
  g_ptr_array_add (batch->news, news);
}

/* Told once the next message is on the wire, so that a message said
 * done is never the last one in flight. */
static void
tell_news (Batch *batch)
{
  for (guint i = 0; i < batch->news->len; i++)
    {
      News *news = batch->news->pdata[i];
      g_autoptr(AtelierMailMessage) message = reread (batch->store, news->message, NULL);

      batch->progress (message ? message : news->message, news->index, batch->total, news->error,
                       batch->user_data);
    }
  g_ptr_array_set_size (batch->news, 0);
}

/* The account, not the message, is at fault. */
static gboolean
is_account_failure (const GError *failure)
{
  return atelier_smtp_error_is_account (failure) ||
         g_error_matches (failure, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ACCOUNT) ||
         g_error_matches (failure, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ORGANIZER) ||
         g_error_matches (failure, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID);
}

/* Records what became of @message, in the caller's transaction. FALSE
 * with @error set: the store failed. A failure of the account rather
 * than of the message leaves the message as it was (pending) and stops
 * the batch (batch->stop). */
static gboolean
settle (Batch               *batch,
        AtelierMailMessage  *message,
        guint                index,
        gboolean             claimed,
        const char          *reply,
        GError              *failure,
        GError             **error)
{
  g_autoptr(GError) owned_failure = failure;

  if (failure == NULL)
    {
      if (!record_sent (batch->store, message, reply, error))
        return FALSE;
      batch->report->n_sent++;
    }
  else if (is_account_failure (failure))
    {
      if (claimed && !set_state (batch->store, message, "pending", 0, 0, failure->message, TRUE, error))
        return FALSE;
      g_clear_error (&batch->stop);
      batch->stop = g_steal_pointer (&owned_failure);
      return TRUE;
    }
  else if (!record_failure (batch->store, message, failure, batch->now, batch->report, error))
    return FALSE;

  add_news (batch, message, index, failure);
  return TRUE;
}

static gboolean
stop_if_cancelled (Batch        *batch,
                   GCancellable *cancellable)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;

  batch->stop = g_error_new_literal (ATELIER_MAIL_QUEUE_ERROR, ATELIER_MAIL_QUEUE_ERROR_CANCELLED,
                                     _("Sending was stopped; the messages not sent yet wait for the "
                                       "next batch."));
  return TRUE;
}

/* Marks @next in flight, or records why it cannot go (@bytes %NULL,
 * @failure set); in the caller's transaction. */
static gboolean
claim (Batch               *batch,
       AtelierMailMessage  *next,
       guint                index,
       GBytes              *bytes,
       GError              *failure,
       gboolean            *claimed,
       GError             **error)
{
  if (bytes == NULL && g_error_matches (failure, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_BUSY))
    {
      batch->stop = failure;
      return TRUE;
    }
  if (bytes == NULL)
    return settle (batch, next, index, FALSE, NULL, failure, error);

  g_clear_error (&failure);
  return mark_sending (batch->store, next, claimed, error);
}

/* Puts @next, marked in flight, on the wire. */
static gboolean
put_on_wire (Batch               *batch,
             AtelierMailMessage  *next,
             guint                index,
             GBytes              *bytes,
             GError             **error)
{
  GError *failure = NULL;

  if (batch->smtp == NULL)
    batch->smtp = atelier_smtp_new (batch->settings, batch->password, &failure);
  if (batch->smtp == NULL)
    return settle (batch, next, index, TRUE, NULL, failure, error);

  atelier_smtp_send_begin (batch->smtp, atelier_settings_get_organizer (batch->settings),
                           atelier_mail_message_get_recipient (next), bytes);
  batch->in_flight = g_object_ref (next);
  batch->in_flight_index = index;
  return TRUE;
}

/* Waits for the message on the wire, if any, then in one transaction
 * records it and marks @next in flight (or records why @next cannot
 * go), and puts @next on the wire: the store never shows two messages
 * "sending", and one commit a message suffices. @next %NULL: only the
 * message on the wire. A Stop lets that message finish and be recorded,
 * and leaves @next pending. FALSE with @error set: the store failed. */
static gboolean
hand_over (Batch               *batch,
           AtelierMailMessage  *next,
           guint                index,
           GBytes              *bytes,
           GError              *failure,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(AtelierMailMessage) done = g_steal_pointer (&batch->in_flight);
  g_autoptr(GError) next_failure = failure;
  g_autofree char *reply = NULL;
  GError *sent_failure = NULL;
  gboolean claimed = FALSE;
  gboolean ok;

  if (done != NULL)
    atelier_smtp_send_end (batch->smtp, &reply, &sent_failure);

  if (!atelier_store_begin (batch->store, error))
    {
      g_clear_error (&sent_failure);
      return FALSE;
    }
  ok = done == NULL || settle (batch, done, batch->in_flight_index, TRUE, reply, sent_failure, error);
  if (ok && next != NULL && batch->stop == NULL && !stop_if_cancelled (batch, cancellable))
    ok = claim (batch, next, index, bytes, g_steal_pointer (&next_failure), &claimed, error);
  if (!atelier_store_finish (batch->store, ok, error))
    return FALSE;

  return !claimed || put_on_wire (batch, next, index, bytes, error);
}

static gboolean
same_registration (AtelierMailMessage *a,
                   AtelierMailMessage *b)
{
  return a != NULL && b != NULL &&
         atelier_mail_message_get_registration_id (a) == atelier_mail_message_get_registration_id (b);
}

/* Sends each of @ready in order, building each one while the one before
 * is on the wire. A message is told done once the next one is on the
 * wire, so that a message said done is never the last one in flight. */
static gboolean
send_ready (Batch         *batch,
            GListModel    *ready,
            GCancellable  *cancellable,
            GError       **error)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < batch->total && ok && batch->stop == NULL; i++)
    {
      g_autoptr(AtelierMailMessage) message = g_list_model_get_item (ready, i);
      g_autoptr(GBytes) bytes = NULL;
      GError *failure = NULL;

      /* A message built from what the registration last received waits
       * until that is recorded. */
      if (same_registration (batch->in_flight, message))
        ok = hand_over (batch, NULL, 0, NULL, NULL, cancellable, error);
      if (ok)
        {
          bytes = atelier_mail_queue_build (batch->store, batch->settings, message, batch->now, &failure);
          ok = hand_over (batch, message, i, bytes, failure, cancellable, error);
        }
      tell_news (batch);
    }

  if (ok && batch->in_flight != NULL)
    {
      ok = hand_over (batch, NULL, 0, NULL, NULL, cancellable, error);
      tell_news (batch);
    }
  if (ok && batch->stop != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&batch->stop));
      ok = FALSE;
    }
  g_clear_error (&batch->stop);
  return ok;
}

static char *
lookup_password (AtelierSettings  *settings,
                 GError          **error)
{
  const char *user = atelier_settings_get_smtp_user (settings);

  if (*user == '\0')
    return g_strdup ("");

  return atelier_secret_lookup_password (atelier_settings_get_smtp_host (settings), user, NULL, error);
}

/**
 * atelier_mail_queue_send:
 * @password: (nullable): the account's password; %NULL to look it up in
 *   the Secret Service (if the account has a user name)
 * @now: the time to judge what is due at
 * @session_id: one session's messages, or 0 for all
 * @progress: (nullable): told after each message
 * @report: (out caller-allocates) (optional): what became of the batch
 *
 * Sends what is due at @now over one connection: refreshes the queue,
 * then sends each ready message in order. A message the server refuses
 * does not stop the batch; an account that cannot be used (server
 * absent, login refused, certificate not trusted) stops it with @error
 * set, every message still waiting as it was.
 */
gboolean
atelier_mail_queue_send (AtelierStore             *store,
                         const char               *password,
                         gint64                    now,
                         gint64                    session_id,
                         AtelierMailProgressFunc   progress,
                         gpointer                  user_data,
                         GCancellable             *cancellable,
                         AtelierMailReport        *report,
                         GError                  **error)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GListModel) ready = NULL;
  AtelierMailReport local_report = { 0 };
  char *looked_up = NULL;
  Batch batch = { 0 };
  gboolean ok = TRUE;
  int lock;
  guint n;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  if (report == NULL)
    report = &local_report;
  memset (report, 0, sizeof *report);

  settings = atelier_settings_load (store, error);
  if (settings == NULL || !atelier_settings_check_can_send (settings, error))
    return FALSE;

  lock = take_lock (store, error);
  if (lock < 0)
    return FALSE;

  if (!atelier_mail_queue_refresh (store, settings, now, session_id, error) ||
      (ready = list_ready (store, now, session_id, error)) == NULL)
    {
      release_lock (lock);
      return FALSE;
    }

  n = g_list_model_get_n_items (ready);
  if (n > 0 && password == NULL)
    {
      password = looked_up = lookup_password (settings, error);
      if (password == NULL)
        {
          release_lock (lock);
          return FALSE;
        }
    }

  batch = (Batch) { store, settings, NULL, password, now, progress, user_data, report, n };
  batch.news = g_ptr_array_new_with_free_func (news_free);
  ok = send_ready (&batch, ready, cancellable, error);

  if (batch.smtp != NULL)
    report->n_connections = atelier_smtp_get_n_connections (batch.smtp);
  g_clear_pointer (&batch.smtp, atelier_smtp_free);
  g_ptr_array_unref (batch.news);
  atelier_secret_free (looked_up);
  release_lock (lock);

  atelier_store_emit_changed (store, "mail_messages");
  atelier_store_emit_changed (store, "registrations");
  return ok;
}

/* --- Sending in a thread ------------------------------------------------- */

/* News for the caller's thread: every message's, in order. The batch
 * can send hundreds of messages a second; rather than one main-loop
 * source each, which a window would dispatch one after the other ahead
 * of drawing (they outrank it), the news that gathered meanwhile is told
 * in one go. Its priority is the task completion's, so that every piece
 * of news comes before it; below drawing's, news would wait for as long
 * as a busy window keeps drawing. */
typedef struct
{
  AtelierMailMessage *message;
  guint               index;
  guint               total;
  GError             *error;
} Progress;

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_clear_object (&p->message);
  g_clear_error (&p->error);
  g_free (p);
}

typedef struct
{
  char                    *path;
  char                    *password;
  gint64                   session_id;
  AtelierMailProgressFunc  progress;
  gpointer                 user_data;
  GMainContext            *context;
  AtelierMailReport        report;

  GMutex                   lock;
  GQueue                   news;     /* of Progress, not told yet; under lock */
  GSource                 *telling;  /* attached to tell them; under lock */
} SendData;

static void
send_data_free (gpointer data)
{
  SendData *send = data;

  g_free (send->path);
  atelier_secret_free (send->password);
  g_main_context_unref (send->context);
  g_mutex_lock (&send->lock);
  if (send->telling != NULL)
    g_source_destroy (send->telling);
  g_clear_pointer (&send->telling, g_source_unref);
  g_queue_clear_full (&send->news, progress_free);
  g_mutex_unlock (&send->lock);
  g_mutex_clear (&send->lock);
  g_free (send);
}

/* In the caller's thread: tells the news gathered so far. */
static gboolean
report_progress_cb (gpointer data)
{
  SendData *send = data;
  GQueue news = G_QUEUE_INIT;
  Progress *p;

  g_mutex_lock (&send->lock);
  news = send->news;
  g_queue_init (&send->news);
  g_clear_pointer (&send->telling, g_source_unref);
  g_mutex_unlock (&send->lock);

  while ((p = g_queue_pop_head (&news)) != NULL)
    {
      send->progress (p->message, p->index, p->total, p->error, send->user_data);
      progress_free (p);
    }
  return G_SOURCE_REMOVE;
}

/* In the thread: hands the message's news to the caller's main context. */
static void
on_thread_progress_cb (AtelierMailMessage *message,
                       guint               index,
                       guint               total,
                       const GError       *error,
                       gpointer            user_data)
{
  SendData *send = user_data;
  Progress *p = g_new0 (Progress, 1);

  p->message = g_object_ref (message);
  p->index = index;
  p->total = total;
  p->error = error ? g_error_copy (error) : NULL;

  g_mutex_lock (&send->lock);
  g_queue_push_tail (&send->news, p);
  if (send->telling == NULL)
    {
      /* Always a source: g_main_context_invoke() would run the callback
       * right here, in this thread, whenever the caller's thread is not
       * iterating its context at that moment. */
      send->telling = g_idle_source_new ();
      g_source_set_priority (send->telling, G_PRIORITY_DEFAULT);
      g_source_set_callback (send->telling, report_progress_cb, send, NULL);
      g_source_attach (send->telling, send->context);
    }
  g_mutex_unlock (&send->lock);
}

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SendData *send = task_data;
  g_autoptr(AtelierStore) store = NULL;
  GError *error = NULL;

  /* Its own connection: the window's stays free for the user. */
  store = atelier_store_open (send->path, &error);
  if (store != NULL &&
      atelier_mail_queue_send (store, send->password, atelier_store_now (), send->session_id,
                               send->progress ? on_thread_progress_cb : NULL, send, cancellable,
                               &send->report, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * atelier_mail_queue_send_async:
 * @progress: (nullable): told in the caller's main context after each
 *   message, while the batch goes on, when the context is not busy
 *   drawing
 *
 * atelier_mail_queue_send() in a thread, on a connection of its own to
 * @store's file, so that a slow or dead server never holds the window.
 * Cancelling stops the batch after the message in flight.
 */
void
atelier_mail_queue_send_async (AtelierStore             *store,
                               const char               *password,
                               gint64                    session_id,
                               AtelierMailProgressFunc   progress,
                               gpointer                  user_data,
                               GCancellable             *cancellable,
                               GAsyncReadyCallback       callback,
                               gpointer                  callback_data)
{
  g_autoptr(GTask) task = NULL;
  SendData *send;

  g_return_if_fail (ATELIER_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, callback_data);
  g_task_set_source_tag (task, atelier_mail_queue_send_async);
  send = g_new0 (SendData, 1);
  send->path = g_strdup (atelier_store_get_path (store));
  send->password = g_strdup (password);
  send->session_id = session_id;
  send->progress = progress;
  send->user_data = user_data;
  send->context = g_main_context_ref_thread_default ();
  g_mutex_init (&send->lock);
  g_task_set_task_data (task, send, send_data_free);
  /* A Stop is told as such, with what was sent before it. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, send_thread);
}

gboolean
atelier_mail_queue_send_finish (AtelierStore       *store,
                                GAsyncResult       *result,
                                AtelierMailReport  *report,
                                GError            **error)
{
  SendData *send;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  send = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = send->report;
  /* The thread wrote through its own connection: tell this one's views. */
  atelier_store_emit_changed (store, "mail_messages");
  atelier_store_emit_changed (store, "registrations");
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * atelier_mail_send_test:
 * @password: (nullable): as for atelier_mail_queue_send()
 * @to: (nullable): where to send it; the store's own mailbox if %NULL
 * @reply: (out) (optional): the server's answer to the message
 *
 * Sends a short message through the account, to check it. On failure
 * @error quotes what the server said.
 */
gboolean
atelier_mail_send_test (AtelierSettings  *settings,
                        const char       *password,
                        const char       *to,
                        char            **reply,
                        GError          **error)
{
  g_autoptr(AtelierSmtp) smtp = NULL;
  g_autoptr(AtelierCustomer) store_as_customer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *looked_up = NULL;
  GMimeMessage *message;
  const char *recipient;

  g_return_val_if_fail (ATELIER_IS_SETTINGS (settings), FALSE);

  if (!atelier_settings_check_can_send (settings, error))
    return FALSE;
  recipient = to != NULL ? to : atelier_settings_get_organizer (settings);
  if (password == NULL)
    {
      password = looked_up = lookup_password (settings, error);
      if (password == NULL)
        return FALSE;
    }

  store_as_customer = atelier_customer_new (atelier_settings_get_store_name (settings), "");
  g_object_set (store_as_customer, "email", recipient, NULL);
  message = atelier_mail_new_text (settings, store_as_customer, _("Atelier test message"),
                                   _("This message was sent by Atelier to check the store’s mail "
                                     "account. Nothing needs to be done.\n"),
                                   error);
  if (message == NULL)
    return FALSE;
  bytes = atelier_mail_to_bytes (message);
  g_object_unref (message);

  smtp = atelier_smtp_new (settings, password, error);
  return smtp != NULL &&
         atelier_smtp_send (smtp, atelier_settings_get_organizer (settings), recipient, bytes, reply,
                            error);
}
