/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-replies.c: customers' iTIP replies, read from the store's
 * mailbox and applied to their registrations
 *
 * A check reads the new messages of the account's folder (UIDs above the
 * last one handled, under the folder's UIDVALIDITY), finds in each the
 * text/calendar parts of method REPLY or COUNTER, inline or attached, in
 * any charset or transfer encoding, and decides with the rules below,
 * written once here for the window and the CLI:
 *
 * - a reply is matched by the event's UID and the ATTENDEE's mailbox,
 *   compared without case; never by the From header;
 * - DECLINED cancels the registration as cancelled by the customer, by
 *   the booking rule (the waiting list is promoted), and the queue then
 *   owes the promoted customers their invites;
 * - ACCEPTED and TENTATIVE are recorded, shown on the roster;
 * - a reply to an older SEQUENCE than the last sent, to a cancelled
 *   registration, from an address no registration has, to a UID never
 *   sent, or with several ATTENDEEs is set aside with the reason; a
 *   COUNTER is set aside for the manager, never applied.
 *
 * Once by construction. A reply is applied, recorded, and its UID
 * remembered as handled in one transaction: a process killed before the
 * commit changed nothing, one killed after it finds the UID handled. A
 * message seen again under a new UIDVALIDITY is known by its Message-ID.
 * The move to the folder for handled replies comes after the commit: a
 * message left behind by a crash is not read again.
 */
#define G_LOG_DOMAIN "atelier-replies"

#include "config.h"

#include <gmime/gmime.h>
#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <signal.h>
#include <string.h>

#include "atelier-booking-private.h"
#include "atelier-imap.h"
#include "atelier-mail-queue.h"
#include "atelier-replies.h"
#include "atelier-secret.h"
#include "atelier-settings.h"
#include "atelier-store-private.h"

#define REPLY_SELECT                                                              \
  "SELECT p.id, p.handled_at, p.answered_at, p.sender, p.subject, p.method,"      \
  " p.event_uid, p.sequence, p.attendee, p.partstat,"                             \
  " coalesce (p.registration_id, 0) AS registration_id,"                          \
  " coalesce (p.session_id, 0) AS session_id,"                                    \
  " coalesce (trim (c.given_name || ' ' || c.family_name), '') AS customer_name," \
  " coalesce (w.title, '') AS workshop_title,"                                    \
  " coalesce (s.starts_at, 0) AS starts_at, p.outcome, p.reason"                  \
  " FROM replies p"                                                               \
  " LEFT JOIN registrations r ON r.id = p.registration_id"                        \
  " LEFT JOIN customers c ON c.id = r.customer_id"                                \
  " LEFT JOIN sessions s ON s.id = p.session_id"                                  \
  " LEFT JOIN workshops w ON w.id = s.workshop_id"

/* One calendar part of a message, as far as replies need it. */
typedef struct
{
  char  *method;       /* "REPLY" or "COUNTER" */
  char  *uid;
  int    sequence;
  char  *attendee;     /* the first ATTENDEE's mailbox, without mailto: */
  char  *partstat;
  guint  n_attendees;
} ReplyPart;

typedef struct
{
  char      *message_id;
  char      *sender;
  char      *subject;
  gint64     date;
  GPtrArray *parts;    /* of ReplyPart, each different */
} ParsedMessage;

/* What the rules decided about one reply. */
typedef struct
{
  const char *outcome;
  const char *reason;
  gint64      session_id;
  gint64      registration_id;
  gboolean    cancel;
} Decision;

G_DEFINE_QUARK (atelier-replies-error-quark, atelier_replies_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static void
reply_part_free (ReplyPart *part)
{
  g_free (part->method);
  g_free (part->uid);
  g_free (part->attendee);
  g_free (part->partstat);
  g_free (part);
}

static void
parsed_message_free (ParsedMessage *parsed)
{
  g_free (parsed->message_id);
  g_free (parsed->sender);
  g_free (parsed->subject);
  g_ptr_array_unref (parsed->parts);
  g_free (parsed);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParsedMessage, parsed_message_free)

static void
ensure_gmime (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_mime_init ();
      g_once_init_leave (&initialized, 1);
    }
}

/* Parsing. */

static gboolean
same_part (const ReplyPart *a,
           const ReplyPart *b)
{
  return g_strcmp0 (a->method, b->method) == 0 && g_strcmp0 (a->uid, b->uid) == 0 &&
         a->sequence == b->sequence && g_ascii_strcasecmp (a->attendee, b->attendee) == 0 &&
         g_strcmp0 (a->partstat, b->partstat) == 0 && a->n_attendees == b->n_attendees;
}

static void
add_part (ParsedMessage *parsed,
          ReplyPart     *part)
{
  for (guint i = 0; i < parsed->parts->len; i++)
    if (same_part (parsed->parts->pdata[i], part))
      {
        reply_part_free (part);
        return;
      }
  g_ptr_array_add (parsed->parts, part);
}

static char *
mailbox_of (const char *value)
{
  if (value == NULL)
    return g_strdup ("");
  if (g_ascii_strncasecmp (value, "mailto:", 7) == 0)
    value += 7;
  return g_strstrip (g_strdup (value));
}

/* The events of one iCalendar text whose method is REPLY or COUNTER. */
static void
read_calendar (ParsedMessage *parsed,
               const char    *text)
{
  g_autoptr(icalcomponent) root = icalparser_parse_string (text);
  icalproperty_method method;
  const char *method_name;

  if (root == NULL || icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT)
    return;

  method = icalcomponent_get_method (root);
  if (method == ICAL_METHOD_REPLY)
    method_name = "REPLY";
  else if (method == ICAL_METHOD_COUNTER)
    method_name = "COUNTER";
  else
    return;

  for (icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    {
      ReplyPart *part = g_new0 (ReplyPart, 1);
      icalproperty *attendee = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
      icalproperty *sequence = icalcomponent_get_first_property (event, ICAL_SEQUENCE_PROPERTY);
      const char *uid = icalcomponent_get_uid (event);

      part->method = g_strdup (method_name);
      part->uid = g_strdup (uid ? uid : "");
      part->sequence = sequence ? icalproperty_get_sequence (sequence) : 0;
      part->n_attendees = icalcomponent_count_properties (event, ICAL_ATTENDEE_PROPERTY);
      part->attendee = mailbox_of (attendee ? icalproperty_get_attendee (attendee) : NULL);
      part->partstat = g_strdup ("");
      if (attendee != NULL)
        {
          icalparameter *partstat = icalproperty_get_first_parameter (attendee, ICAL_PARTSTAT_PARAMETER);

          if (partstat != NULL)
            {
              g_free (part->partstat);
              part->partstat = g_strdup (icalparameter_enum_to_string (icalparameter_get_partstat (partstat)));
            }
        }
      add_part (parsed, part);
    }
}

static gboolean
is_calendar_part (GMimeObject *object)
{
  GMimeContentType *type = g_mime_object_get_content_type (object);
  const char *filename = GMIME_IS_PART (object) ? g_mime_part_get_filename (GMIME_PART (object)) : NULL;

  return g_mime_content_type_is_type (type, "text", "calendar") ||
         g_mime_content_type_is_type (type, "application", "ics") ||
         (filename != NULL && g_str_has_suffix (filename, ".ics"));
}

/* The part's content, its transfer encoding undone and its charset
 * made UTF-8 (UTF-8 when it names none or one unknown). */
static char *
part_text (GMimePart *part)
{
  GMimeDataWrapper *content = g_mime_part_get_content (part);
  const char *charset = g_mime_object_get_content_type_parameter (GMIME_OBJECT (part), "charset");
  GMimeStream *stream;
  GByteArray *bytes;
  char *text;

  if (content == NULL)
    return NULL;

  stream = g_mime_stream_mem_new ();
  g_mime_data_wrapper_write_to_stream (content, stream);
  bytes = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));

  text = NULL;
  if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0)
    text = g_convert ((const char *) bytes->data, bytes->len, "UTF-8",
                      g_mime_charset_iconv_name (charset), NULL, NULL, NULL);
  if (text == NULL)
    text = g_utf8_make_valid ((const char *) bytes->data, bytes->len);

  g_object_unref (stream);
  return text;
}

static void
on_part_cb (GMimeObject *parent,
            GMimeObject *object,
            gpointer     user_data)
{
  ParsedMessage *parsed = user_data;
  g_autofree char *text = NULL;

  if (!GMIME_IS_PART (object) || !is_calendar_part (object))
    return;

  text = part_text (GMIME_PART (object));
  if (text != NULL)
    read_calendar (parsed, text);
}

static ParsedMessage *
parse_message (GBytes *message)
{
  g_autoptr(ParsedMessage) parsed = g_new0 (ParsedMessage, 1);
  GMimeStream *stream;
  GMimeParser *parser;
  GMimeMessage *mime;
  InternetAddressList *from;
  GDateTime *date;

  ensure_gmime ();
  parsed->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) reply_part_free);

  stream = g_mime_stream_mem_new_with_buffer (g_bytes_get_data (message, NULL), g_bytes_get_size (message));
  parser = g_mime_parser_new_with_stream (stream);
  mime = g_mime_parser_construct_message (parser, NULL);
  g_object_unref (parser);
  g_object_unref (stream);
  if (mime == NULL)
    return g_steal_pointer (&parsed);

  if (g_mime_message_get_message_id (mime) != NULL)
    parsed->message_id = g_strdup (g_mime_message_get_message_id (mime));
  from = g_mime_message_get_from (mime);
  parsed->sender = from ? internet_address_list_to_string (from, NULL, FALSE) : NULL;
  parsed->subject = g_strdup (g_mime_message_get_subject (mime));
  date = g_mime_message_get_date (mime);
  parsed->date = date ? g_date_time_to_unix (date) : 0;

  /* The message itself may be the calendar part. */
  if (GMIME_IS_PART (g_mime_message_get_mime_part (mime)))
    on_part_cb (NULL, g_mime_message_get_mime_part (mime), parsed);
  else
    g_mime_message_foreach (mime, on_part_cb, parsed);

  g_object_unref (mime);
  return g_steal_pointer (&parsed);
}

/* Deciding, inside the transaction. */

static gboolean
step_row (AtelierStore   *store,
          AtelierDbStmt  *stmt,
          gboolean       *found,
          GError        **error)
{
  AtelierDbStep step = atelier_db_stmt_step (stmt, error);

  *found = step == ATELIER_DB_STEP_ROW;
  return step != ATELIER_DB_STEP_ERROR;
}

/* What the rules read of the registration a reply answers. */
typedef struct
{
  gint64   session_id;       /* 0: no session has the reply's UID */
  gint64   registration_id;  /* 0: none of its customers has the address */
  gboolean cancelled;
  gboolean sent;             /* the customer was sent an invite */
  int      sent_sequence;
  gboolean checked_in;
} Matched;

/* The session of @uid, and the registration in it whose customer has
 * @attendee's mailbox, the newest if there are several. */
static gboolean
match_registration (AtelierStore  *store,
                    const char    *uid,
                    const char    *attendee,
                    Matched       *matched,
                    GError       **error)
{
  AtelierDbStmt *stmt;
  gboolean found;

  memset (matched, 0, sizeof *matched);

  stmt = atelier_store_prepare (store, "SELECT id FROM sessions WHERE uid = ?", error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, uid);
  if (!step_row (store, stmt, &found, error))
    return FALSE;
  if (found)
    matched->session_id = atelier_db_stmt_column_int64 (stmt, 0);
  atelier_db_stmt_reset (stmt);
  if (matched->session_id == 0)
    return TRUE;

  stmt = atelier_store_prepare (store,
                                "SELECT r.id, r.status = 'cancelled', r.sent_method IS NOT NULL,"
                                " coalesce (r.sent_sequence, 0), r.checked_in_at IS NOT NULL"
                                " FROM registrations r"
                                " JOIN customers c ON c.id = r.customer_id"
                                " WHERE r.session_id = ? AND c.erased_at IS NULL"
                                "   AND lower (c.email) = lower (?)"
                                " ORDER BY r.id DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, matched->session_id);
  atelier_db_stmt_bind_text (stmt, 2, attendee);
  if (!step_row (store, stmt, &found, error))
    return FALSE;
  if (found)
    {
      matched->registration_id = atelier_db_stmt_column_int64 (stmt, 0);
      matched->cancelled = atelier_db_stmt_column_int (stmt, 1) != 0;
      matched->sent = atelier_db_stmt_column_int (stmt, 2) != 0;
      matched->sent_sequence = atelier_db_stmt_column_int (stmt, 3);
      matched->checked_in = atelier_db_stmt_column_int (stmt, 4) != 0;
    }
  atelier_db_stmt_reset (stmt);
  return TRUE;
}

static void
set_aside (Decision   *decision,
           const char *reason)
{
  decision->outcome = ATELIER_REPLY_SET_ASIDE;
  decision->reason = reason;
}

/* The rules of the file's comment, in order; the registration's state is
 * read in the same transaction that applies the decision. */
static gboolean
decide (AtelierStore     *store,
        ParsedMessage    *parsed,
        const ReplyPart  *part,
        Decision         *decision,
        GError          **error)
{
  Matched matched;

  decision->outcome = ATELIER_REPLY_APPLIED;
  decision->reason = "";

  if (parsed->parts->len > 1)
    {
      set_aside (decision, "several-events");
      return TRUE;
    }
  if (part->n_attendees == 0 || *part->attendee == '\0')
    {
      set_aside (decision, "no-attendee");
      return TRUE;
    }
  if (part->n_attendees > 1)
    {
      set_aside (decision, "several-attendees");
      return TRUE;
    }
  if (!match_registration (store, part->uid, part->attendee, &matched, error))
    return FALSE;
  decision->session_id = matched.session_id;
  decision->registration_id = matched.registration_id;
  if (decision->session_id == 0)
    {
      set_aside (decision, "unknown-uid");
      return TRUE;
    }
  if (decision->registration_id == 0)
    {
      set_aside (decision, "not-attendee");
      return TRUE;
    }

  if (!matched.sent)
    set_aside (decision, "never-sent");
  else if (g_strcmp0 (part->method, "COUNTER") == 0)
    set_aside (decision, "counter");
  else if (matched.cancelled)
    set_aside (decision, "registration-cancelled");
  else if (part->sequence < matched.sent_sequence)
    set_aside (decision, "stale-sequence");
  else if (g_strcmp0 (part->partstat, "DECLINED") == 0)
    {
      if (matched.checked_in)
        set_aside (decision, "checked-in");
      else
        decision->cancel = TRUE;
    }
  else if (g_strcmp0 (part->partstat, "ACCEPTED") != 0 && g_strcmp0 (part->partstat, "TENTATIVE") != 0)
    set_aside (decision, "unknown-answer");

  return TRUE;
}

/* Remembering, inside the same transaction. */

/* Whether @uid of @folder (under @uidvalidity) or a message with the
 * same Message-ID was handled already, by this process or another. */
static gboolean
was_handled (AtelierStore  *store,
             const char    *folder,
             guint32        uidvalidity,
             guint32        uid,
             const char    *message_id,
             gboolean      *handled,
             GError       **error)
{
  AtelierDbStmt *stmt;
  gboolean found;

  stmt = atelier_store_prepare (store,
                                "SELECT 1 FROM imap_folders"
                                " WHERE folder = ? AND uidvalidity = ? AND last_uid >= ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, folder);
  atelier_db_stmt_bind_int64 (stmt, 2, uidvalidity);
  atelier_db_stmt_bind_int64 (stmt, 3, uid);
  if (!step_row (store, stmt, &found, error))
    return FALSE;
  atelier_db_stmt_reset (stmt);
  *handled = found;
  if (found || message_id == NULL)
    return TRUE;

  stmt = atelier_store_prepare (store, "SELECT 1 FROM replies WHERE message_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, message_id);
  if (!step_row (store, stmt, &found, error))
    return FALSE;
  atelier_db_stmt_reset (stmt);
  *handled = found;
  return TRUE;
}

static gboolean
remember_uid (AtelierStore  *store,
              const char    *folder,
              guint32        uidvalidity,
              guint32        uid,
              GError       **error)
{
  AtelierDbStmt *stmt;

  stmt = atelier_store_prepare (store,
                                "INSERT INTO imap_folders (folder, uidvalidity, last_uid) VALUES (?, ?, ?)"
                                " ON CONFLICT (folder) DO UPDATE"
                                " SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, folder);
  atelier_db_stmt_bind_int64 (stmt, 2, uidvalidity);
  atelier_db_stmt_bind_int64 (stmt, 3, uid);
  return atelier_store_step_done (store, stmt, error);
}

static void
bind_id_or_null (AtelierDbStmt *stmt,
                 int            index,
                 gint64         id)
{
  if (id != 0)
    atelier_db_stmt_bind_int64 (stmt, index, id);
  else
    atelier_db_stmt_bind_null (stmt, index);
}

static gint64
record_reply (AtelierStore     *store,
              const char       *folder,
              guint32           uidvalidity,
              guint32           uid,
              ParsedMessage    *parsed,
              const ReplyPart  *part,
              const Decision   *decision,
              GBytes           *message,
              GError          **error)
{
  gint64 now = atelier_store_now ();
  AtelierDbStmt *stmt;
  gint64 id = 0;
  gboolean found;

  stmt = atelier_store_prepare (store,
                                "INSERT INTO replies (folder, uidvalidity, imap_uid, message_id,"
                                " handled_at, answered_at, sender, subject, method, event_uid,"
                                " sequence, attendee, partstat, session_id, registration_id,"
                                " outcome, reason, raw)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                " RETURNING id",
                                error);
  if (stmt == NULL)
    return 0;
  atelier_db_stmt_bind_text (stmt, 1, folder);
  atelier_db_stmt_bind_int64 (stmt, 2, uidvalidity);
  atelier_db_stmt_bind_int64 (stmt, 3, uid);
  atelier_db_stmt_bind_text (stmt, 4, parsed->message_id);
  atelier_db_stmt_bind_int64 (stmt, 5, now);
  atelier_db_stmt_bind_int64 (stmt, 6, parsed->date > 0 ? parsed->date : now);
  atelier_db_stmt_bind_text (stmt, 7, parsed->sender ? parsed->sender : "");
  atelier_db_stmt_bind_text (stmt, 8, parsed->subject ? parsed->subject : "");
  atelier_db_stmt_bind_text (stmt, 9, part->method);
  atelier_db_stmt_bind_text (stmt, 10, part->uid);
  atelier_db_stmt_bind_int64 (stmt, 11, part->sequence);
  atelier_db_stmt_bind_text (stmt, 12, part->attendee);
  atelier_db_stmt_bind_text (stmt, 13, part->partstat);
  bind_id_or_null (stmt, 14, decision->session_id);
  bind_id_or_null (stmt, 15, decision->registration_id);
  atelier_db_stmt_bind_text (stmt, 16, decision->outcome);
  atelier_db_stmt_bind_text (stmt, 17, decision->reason);
  atelier_db_stmt_bind_blob (stmt, 18, message);

  if (!step_row (store, stmt, &found, error))
    return 0;
  if (found)
    id = atelier_db_stmt_column_int64 (stmt, 0);
  if (!atelier_store_step_done (store, stmt, error))
    return 0;
  return id;
}

static AtelierReply *
read_reply (AtelierStore  *store,
            gint64         id,
            GError       **error)
{
  g_autoptr(GListModel) rows = NULL;

  rows = atelier_store_query_objects (store, ATELIER_TYPE_REPLY, REPLY_SELECT " WHERE p.id = ?",
                                      &id, 1, error);
  if (rows == NULL)
    return NULL;
  return g_list_model_get_item (rows, 0);
}

/* A test's way to kill the process at a given point of a check, to show
 * that nothing is applied twice: "applied" (inside the transaction) or
 * "committed" (after it, before the move). */
static void
crash_point (const char *name)
{
  if (g_strcmp0 (g_getenv ("ATELIER_REPLIES_CRASH_AT"), name) == 0)
    raise (SIGKILL);
}

static gboolean
apply_locked (AtelierStore   *store,
              const char     *folder,
              guint32         uidvalidity,
              guint32         uid,
              GBytes         *message,
              AtelierReply  **reply,
              gint64         *cancelled_session,
              GError        **error)
{
  g_autoptr(ParsedMessage) parsed = parse_message (message);
  Decision decision = { NULL, NULL, 0, 0, FALSE };
  ReplyPart *part;
  gboolean handled = FALSE;
  gint64 id;

  if (!was_handled (store, folder, uidvalidity, uid, parsed->message_id, &handled, error))
    return FALSE;
  if (handled)
    return TRUE;
  /* Other mail is not ours: only its UID is remembered. */
  if (parsed->parts->len == 0)
    return remember_uid (store, folder, uidvalidity, uid, error);

  part = parsed->parts->pdata[0];
  if (!decide (store, parsed, part, &decision, error))
    return FALSE;

  if (decision.cancel)
    {
      g_autoptr(AtelierRegistration) registration =
        atelier_store_get_registration (store, decision.registration_id, error);

      if (registration == NULL ||
          !atelier_booking_cancel_locked (store, registration, ATELIER_CANCELLED_BY_CUSTOMER, error))
        return FALSE;
      *cancelled_session = decision.session_id;
    }

  id = record_reply (store, folder, uidvalidity, uid, parsed, part, &decision, message, error);
  if (id == 0 || !remember_uid (store, folder, uidvalidity, uid, error))
    return FALSE;

  *reply = read_reply (store, id, error);
  if (*reply == NULL)
    return FALSE;

  crash_point ("applied");
  return TRUE;
}

/* The promoted customers are owed their invites: queued as every other
 * cancellation's are. */
static void
queue_invites (AtelierStore *store,
               gint64        session_id)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  settings = atelier_settings_load (store, &error);
  if (settings == NULL ||
      !atelier_mail_queue_refresh (store, settings, atelier_store_now (), session_id, &error))
    /* The next batch of mail refreshes the queue again: nothing is lost. */
    g_message ("The invites owed after a reply could not be queued yet: %s", error->message);
}

/**
 * atelier_replies_apply_message:
 * @folder: the folder the message is in
 * @uid: its UID under @uidvalidity
 * @message: the whole message
 * @dry_run: decide, and change nothing
 *
 * Applies the calendar reply in @message by the rules of this file's
 * comment, records it and remembers @uid as handled, all in one
 * transaction.
 *
 * Returns: (transfer full) (nullable): the reply as recorded (in a dry
 *   run, as it would be); %NULL without @error when the message holds
 *   no reply or was handled before
 */
AtelierReply *
atelier_replies_apply_message (AtelierStore  *store,
                               const char    *folder,
                               guint32        uidvalidity,
                               guint32        uid,
                               GBytes        *message,
                               gboolean       dry_run,
                               GError       **error)
{
  g_autoptr(AtelierReply) reply = NULL;
  gint64 cancelled_session = 0;
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);
  g_return_val_if_fail (folder != NULL && message != NULL, NULL);

  if (!atelier_store_begin (store, error))
    return NULL;
  ok = apply_locked (store, folder, uidvalidity, uid, message, &reply, &cancelled_session, error);
  if (dry_run)
    {
      atelier_store_rollback (store);
      return ok ? g_steal_pointer (&reply) : NULL;
    }
  if (!atelier_store_finish (store, ok, error))
    return NULL;

  crash_point ("committed");
  if (cancelled_session != 0)
    queue_invites (store, cancelled_session);
  if (reply != NULL)
    {
      atelier_store_emit_changed (store, "replies");
      atelier_store_emit_changed (store, "registrations");
    }
  return g_steal_pointer (&reply);
}

/* Checking the mailbox. */

static gboolean
read_last_uid (AtelierStore  *store,
               const char    *folder,
               guint32        uidvalidity,
               guint32       *last_uid,
               GError       **error)
{
  AtelierDbStmt *stmt;
  gboolean found;

  stmt = atelier_store_prepare (store,
                                "SELECT last_uid FROM imap_folders WHERE folder = ? AND uidvalidity = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, folder);
  atelier_db_stmt_bind_int64 (stmt, 2, uidvalidity);
  if (!step_row (store, stmt, &found, error))
    return FALSE;
  /* A new UIDVALIDITY: every message is new (Message-IDs keep replies
   * from being applied twice). */
  *last_uid = found ? (guint32) atelier_db_stmt_column_int64 (stmt, 0) : 0;
  atelier_db_stmt_reset (stmt);
  return TRUE;
}

static void
count (AtelierRepliesReport *report,
       AtelierReply         *reply)
{
  if (atelier_reply_is_applied (reply))
    report->n_applied++;
  else
    report->n_set_aside++;
}

/**
 * atelier_replies_check:
 * @password: the IMAP account's password
 * @dry_run: read and decide, change nothing (neither the store nor the
 *   mailbox, but for the \Seen flag the server sets on what is read)
 * @func: (nullable): told of each reply found, in order
 *
 * Reads the new messages of the account's folder and applies the
 * replies among them, each in its own transaction; moves each handled
 * reply to the folder for them when one is set.
 */
gboolean
atelier_replies_check (AtelierStore          *store,
                       const char            *password,
                       gboolean               dry_run,
                       AtelierRepliesFunc     func,
                       gpointer               user_data,
                       GCancellable          *cancellable,
                       AtelierRepliesReport  *report,
                       GError               **error)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(AtelierImap) imap = NULL;
  g_autoptr(GArray) uids = NULL;
  AtelierRepliesReport counts = { 0 };
  GError *failure = NULL;
  const char *folder;
  const char *done;
  guint32 uidvalidity = 0;
  guint32 last_uid = 0;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  settings = atelier_settings_load (store, error);
  if (settings == NULL)
    return FALSE;
  folder = atelier_settings_get_imap_folder (settings);
  done = atelier_settings_get_imap_done_folder (settings);

  imap = atelier_imap_new (settings, password, error);
  if (imap == NULL || !atelier_imap_examine (imap, folder, &uidvalidity, error) ||
      !read_last_uid (store, folder, uidvalidity, &last_uid, error))
    return FALSE;
  uids = atelier_imap_search_after (imap, folder, last_uid, error);
  if (uids == NULL)
    return FALSE;

  for (guint i = 0; i < uids->len; i++)
    {
      guint32 uid = g_array_index (uids, guint32, i);
      g_autoptr(GBytes) message = NULL;
      g_autoptr(AtelierReply) reply = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        {
          g_set_error_literal (&failure, ATELIER_REPLIES_ERROR, ATELIER_REPLIES_ERROR_CANCELLED,
                               _("The check for replies was stopped."));
          break;
        }

      message = atelier_imap_fetch (imap, folder, uid, &failure);
      if (message == NULL)
        break;
      counts.n_messages++;
      reply = atelier_replies_apply_message (store, folder, uidvalidity, uid, message, dry_run,
                                             &failure);
      if (failure != NULL)
        break;
      if (reply == NULL)
        continue;

      count (&counts, reply);
      if (func != NULL)
        func (reply, user_data);
      if (!dry_run && *done != '\0' && !atelier_imap_move (imap, folder, uid, done, &failure))
        break;
    }

  if (report != NULL)
    *report = counts;
  if (failure == NULL)
    return TRUE;
  g_propagate_error (error, failure);
  return FALSE;
}

typedef struct
{
  char                 *path;
  char                 *password;  /* NULL: the keyring's */
  AtelierRepliesReport  report;
} CheckData;

static void
check_data_free (gpointer data)
{
  CheckData *check = data;

  g_free (check->path);
  atelier_secret_free (check->password);
  g_free (check);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CheckData *check = task_data;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSettings) settings = NULL;
  GError *error = NULL;
  char *password = NULL;
  gboolean ok;

  store = atelier_store_open (check->path, &error);
  if (store != NULL)
    settings = atelier_settings_load (store, &error);
  if (settings != NULL && atelier_settings_check_can_read_replies (settings, &error))
    password = check->password != NULL
               ? g_strdup (check->password)
               : atelier_imap_lookup_password (atelier_settings_get_imap_host (settings),
                                               atelier_settings_get_imap_user (settings),
                                               cancellable, &error);
  if (password == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  ok = atelier_replies_check (store, password, FALSE, NULL, NULL, cancellable, &check->report, &error);
  atelier_secret_free (password);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * atelier_replies_check_async:
 * @password: (nullable): the IMAP account's password; %NULL to look it
 *   up in the keyring, in the thread
 *
 * atelier_replies_check() in a thread, on a connection of its own to
 * @store's file: a slow or dead server never holds the window.
 */
void
atelier_replies_check_async (AtelierStore        *store,
                             const char          *password,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CheckData *check;

  g_return_if_fail (ATELIER_IS_STORE (store));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, atelier_replies_check_async);
  check = g_new0 (CheckData, 1);
  check->path = g_strdup (atelier_store_get_path (store));
  check->password = g_strdup (password);
  g_task_set_task_data (task, check, check_data_free);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, check_thread);
}

gboolean
atelier_replies_check_finish (AtelierStore          *store,
                              GAsyncResult          *result,
                              AtelierRepliesReport  *report,
                              GError               **error)
{
  CheckData *check;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  check = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = check->report;
  /* The thread wrote through its own connection: tell this one's views. */
  atelier_store_emit_changed (store, "replies");
  atelier_store_emit_changed (store, "registrations");
  atelier_store_emit_changed (store, "mail_messages");
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Listing. */

/**
 * atelier_replies_list:
 *
 * Returns: (transfer full): a #GListModel of every #AtelierReply found,
 *   applied or set aside, the newest first
 */
GListModel *
atelier_replies_list (AtelierStore  *store,
                      GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return atelier_store_query_objects (store, ATELIER_TYPE_REPLY, REPLY_SELECT " ORDER BY p.id DESC",
                                      NULL, 0, error);
}

/**
 * atelier_replies_list_answers:
 *
 * Returns: (transfer full): a #GListModel of #AtelierReply: the last
 *   answer applied to each registration of @session_id
 */
GListModel *
atelier_replies_list_answers (AtelierStore  *store,
                              gint64         session_id,
                              GError       **error)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return atelier_store_query_objects (store, ATELIER_TYPE_REPLY,
                                      REPLY_SELECT
                                      " WHERE p.session_id = ? AND p.outcome = 'applied'"
                                      "   AND p.id = (SELECT max (q.id) FROM replies q"
                                      "               WHERE q.registration_id = p.registration_id"
                                      "                 AND q.outcome = 'applied')"
                                      " ORDER BY p.id",
                                      &session_id, 1, error);
}

/**
 * atelier_replies_get_message:
 *
 * Returns: (transfer full): the original message of a reply, as it was
 *   read from the mailbox
 */
GBytes *
atelier_replies_get_message (AtelierStore  *store,
                             gint64         reply_id,
                             GError       **error)
{
  AtelierDbStmt *stmt;
  GBytes *message = NULL;
  gboolean found;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  stmt = atelier_store_prepare (store, "SELECT raw FROM replies WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;
  atelier_db_stmt_bind_int64 (stmt, 1, reply_id);
  if (!step_row (store, stmt, &found, error))
    return NULL;
  if (found)
    message = atelier_db_stmt_column_blob (stmt, 0);
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, reply_id);

      g_set_error (error, ATELIER_REPLIES_ERROR, ATELIER_REPLIES_ERROR_NOT_FOUND,
                   _("There is no reply number %s."), number);
    }
  atelier_db_stmt_reset (stmt);
  return message;
}
