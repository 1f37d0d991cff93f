/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-mail.c: invite mails (RFC 6047) built with GMime
 *
 * What they say is the store's template for each kind (invite, update,
 * cancellation…), in the customer's language; an update says what
 * changed since the last message that customer was sent, from what each
 * message recorded of the session (schema step mail_snapshot).
 *
 * One message per customer, from the store's mailbox to the customer's:
 *
 *   multipart/mixed
 *     multipart/alternative
 *       text/plain; charset=utf-8             the same news, in words
 *       text/calendar; method=…; charset=UTF-8 (base64)
 *     application/ics; name=invite.ics      (base64, an attachment)
 *
 * GMime encodes headers (RFC 2047) and bodies; names and titles are
 * cleaned of line breaks before they reach a header.
 */
#define G_LOG_DOMAIN "atelier-mail"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atelier-contact.h"
#include "atelier-mail.h"
#include "atelier-mail-template.h"
#include "atelier-store-private.h"
#include "atelier-wording-private.h"

/* GMime 3.2 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeObject, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMultipart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimePart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeTextPart, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeDataWrapper, g_object_unref)

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

/* One line for a header: control characters become spaces. */
static char *
header_text (const char *text)
{
  g_autofree char *copy = g_utf8_make_valid (text ? text : "", -1);

  for (char *p = copy; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      *p = ' ';

  return g_strstrip (g_steal_pointer (&copy));
}

/**
 * atelier_mail_language_for:
 *
 * The language a customer reads: theirs when they gave one we write
 * ("en" or "fr"), else the store's. Every mail and its calendar follow it.
 */
const char *
atelier_mail_language_for (AtelierSettings *settings,
                           AtelierCustomer *customer)
{
  const char *preferred = atelier_customer_get_preferred_language (customer);

  if (g_strcmp0 (preferred, "fr") == 0 || g_strcmp0 (preferred, "en") == 0)
    return preferred;
  return atelier_settings_get_language (settings);
}

static AtelierMailTemplateId
template_for (AtelierInviteKind kind)
{
  switch (kind)
    {
    case ATELIER_INVITE_PROMOTED: return ATELIER_MAIL_TEMPLATE_PROMOTED;
    case ATELIER_INVITE_UPDATE: return ATELIER_MAIL_TEMPLATE_UPDATE;
    case ATELIER_INVITE_CANCELLED: return ATELIER_MAIL_TEMPLATE_CANCELLATION;
    case ATELIER_INVITE_SESSION_CANCELLED: return ATELIER_MAIL_TEMPLATE_SESSION_CANCELLED;
    case ATELIER_INVITE_NEW:
    default: return ATELIER_MAIL_TEMPLATE_INVITE;
    }
}

/* What a template's placeholders say about this customer and session;
 * @described is the session as the customer was last told of it (%NULL
 * if they were told nothing we know of). */
static GHashTable *
new_values (AtelierSettings *settings,
            AtelierSession  *session,
            AtelierWorkshop *workshop,
            AtelierCustomer *customer,
            int              party_size,
            AtelierSession  *described,
            const char      *language)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);
  const char *place = atelier_session_get_place (session);
  const char *address = atelier_settings_get_address (settings);

  g_hash_table_insert (values, (gpointer) "given_name", g_strdup (atelier_customer_get_given_name (customer)));
  g_hash_table_insert (values, (gpointer) "workshop", g_strdup (atelier_workshop_get_title (workshop)));
  g_hash_table_insert (values, (gpointer) "date", atelier_wording_format_when (language, start));
  g_hash_table_insert (values, (gpointer) "place", g_strdup (place != NULL && *place != '\0' ? place : address));
  g_hash_table_insert (values, (gpointer) "store", g_strdup (atelier_settings_get_store_name (settings)));
  g_hash_table_insert (values, (gpointer) "party", g_strdup_printf ("%d", party_size));
  g_hash_table_insert (values, (gpointer) "bring", g_strdup (atelier_workshop_get_bring (workshop)));
  g_hash_table_insert (values, (gpointer) "changes",
                       atelier_wording_describe_changes (language, described ? described : session,
                                                         session, address));
  return values;
}

static GMimePart *
new_calendar_part (const char *type,
                   const char *subtype,
                   const char *calendar)
{
  GMimePart *part = g_mime_part_new_with_type (type, subtype);
  g_autoptr(GMimeStream) stream = g_mime_stream_mem_new_with_buffer (calendar, strlen (calendar));
  g_autoptr(GMimeDataWrapper) content =
    g_mime_data_wrapper_new_with_stream (stream, GMIME_CONTENT_ENCODING_DEFAULT);

  g_mime_part_set_content (part, content);
  g_mime_part_set_content_encoding (part, GMIME_CONTENT_ENCODING_BASE64);
  return part;
}

static GMimeObject *
compose_parts (const char        *body,
               const char        *calendar,
               AtelierInviteKind  kind)
{
  GMimeMultipart *mixed = g_mime_multipart_new_with_subtype ("mixed");
  g_autoptr(GMimeMultipart) alternative = g_mime_multipart_new_with_subtype ("alternative");
  g_autoptr(GMimeTextPart) text = g_mime_text_part_new_with_subtype ("plain");
  g_autoptr(GMimePart) inline_calendar = new_calendar_part ("text", "calendar", calendar);
  g_autoptr(GMimePart) attachment = new_calendar_part ("application", "ics", calendar);

  /* set_text() picks the charset and converts to it: a store's text
   * with no character beyond Latin-1 goes as ISO-8859-1, rightly
   * labelled. No set_charset() after. */
  g_mime_text_part_set_text (text, body);
  g_mime_part_set_content_encoding (GMIME_PART (text), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);

  g_mime_object_set_content_type_parameter (GMIME_OBJECT (inline_calendar), "charset", "UTF-8");
  g_mime_object_set_content_type_parameter (GMIME_OBJECT (inline_calendar), "method",
                                            atelier_invite_kind_get_method (kind));
  g_mime_part_set_filename (attachment, "invite.ics");

  g_mime_multipart_add (alternative, GMIME_OBJECT (text));
  g_mime_multipart_add (alternative, GMIME_OBJECT (inline_calendar));
  g_mime_multipart_add (mixed, GMIME_OBJECT (alternative));
  g_mime_multipart_add (mixed, GMIME_OBJECT (attachment));

  return GMIME_OBJECT (mixed);
}

static void
set_headers (GMimeMessage    *message,
             AtelierSettings *settings,
             AtelierCustomer *customer,
             const char      *subject)
{
  const char *organizer = atelier_settings_get_organizer (settings);
  g_autofree char *store = header_text (atelier_settings_get_store_name (settings));
  g_autofree char *full_name = atelier_customer_dup_full_name (customer);
  g_autofree char *name = header_text (full_name);
  g_autofree char *one_line = header_text (subject);
  g_autofree char *message_id = atelier_mail_new_message_id (settings);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_FROM, store, organizer);
  g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_TO, name,
                              atelier_customer_get_email (customer));
  g_mime_message_set_subject (message, one_line, "utf-8");
  g_mime_message_set_date (message, now);
  g_mime_message_set_message_id (message, message_id);
}

static gboolean
check_can_mail (AtelierSettings  *settings,
                AtelierCustomer  *customer,
                GError          **error)
{
  if (!atelier_settings_check_can_invite (settings, error))
    return FALSE;
  if (!atelier_contact_is_mailbox (atelier_customer_get_email (customer)))
    {
      g_set_error_literal (error, ATELIER_INVITE_ERROR, ATELIER_INVITE_ERROR_BAD_ADDRESS,
                           _("The customer has no valid e-mail address."));
      return FALSE;
    }
  return TRUE;
}

/* The invite mail from its template texts, not yet expanded. */
static GMimeMessage *
new_invite_from (AtelierSettings    *settings,
                 AtelierSession     *session,
                 AtelierWorkshop    *workshop,
                 AtelierCustomer    *customer,
                 int                 party_size,
                 AtelierInviteKind   kind,
                 const char         *calendar,
                 const char         *subject_template,
                 const char         *body_template,
                 AtelierSession     *described,
                 const char         *language)
{
  g_autoptr(GHashTable) values = new_values (settings, session, workshop, customer, party_size,
                                             described, language);
  g_autofree char *subject = atelier_mail_template_expand (subject_template, values);
  g_autofree char *body = atelier_mail_template_expand (body_template, values);
  g_autoptr(GMimeObject) parts = NULL;
  GMimeMessage *message;

  ensure_gmime ();
  message = g_mime_message_new (TRUE);
  set_headers (message, settings, customer, subject);
  parts = compose_parts (body, calendar, kind);
  g_mime_message_set_mime_part (message, parts);
  return message;
}

/**
 * atelier_mail_new_invite:
 * @calendar: the iCalendar text from atelier_invite_build(), for @kind
 *
 * Builds the mail that carries @calendar to @customer with the default
 * text of @kind, in the customer's language (else the store's); an
 * update says only when the session takes place. The settings and the
 * customer's address must have been checked by atelier_invite_build()
 * first. atelier_mail_build_invite() is what the queue sends.
 *
 * Returns: (transfer full): the message
 */
GMimeMessage *
atelier_mail_new_invite (AtelierSettings    *settings,
                         AtelierSession     *session,
                         AtelierWorkshop    *workshop,
                         AtelierCustomer    *customer,
                         int                 party_size,
                         AtelierInviteKind   kind,
                         const char         *calendar,
                         GError            **error)
{
  const char *language;
  const char *subject;
  const char *body;

  g_return_val_if_fail (ATELIER_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (ATELIER_IS_SESSION (session), NULL);
  g_return_val_if_fail (ATELIER_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (ATELIER_IS_CUSTOMER (customer), NULL);
  g_return_val_if_fail (calendar != NULL, NULL);

  if (!check_can_mail (settings, customer, error))
    return NULL;

  language = atelier_mail_language_for (settings, customer);
  atelier_mail_template_get_default (template_for (kind), language, &subject, &body);
  return new_invite_from (settings, session, workshop, customer, party_size, kind, calendar,
                          subject, body, NULL, language);
}

/* The session as the last message @registration_id was sent described
 * it; @session itself when no sent message recorded it (nothing can be
 * said to have changed); %NULL on a store error. */
static AtelierSession *
dup_last_described (AtelierStore    *store,
                    AtelierSession  *session,
                    gint64           registration_id,
                    GError         **error)
{
  AtelierDbStmt *stmt;
  AtelierSession *described = NULL;
  AtelierDbStep rc;

  stmt = atelier_store_prepare (store,
                                "SELECT described_starts_at, described_ends_at, described_time_zone,"
                                " described_place FROM mail_messages"
                                " WHERE registration_id = ? AND state = 'sent'"
                                "   AND described_starts_at IS NOT NULL"
                                " ORDER BY sent_at DESC, id DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return NULL;
  atelier_db_stmt_bind_int64 (stmt, 1, registration_id);
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW)
    described = g_object_new (ATELIER_TYPE_SESSION,
                              "workshop-id", atelier_session_get_workshop_id (session),
                              "starts-at", atelier_db_stmt_column_int64 (stmt, 0),
                              "ends-at", atelier_db_stmt_column_int64 (stmt, 1),
                              "time-zone", atelier_db_stmt_column_text (stmt, 2),
                              "place", atelier_db_stmt_column_text (stmt, 3),
                              NULL);
  atelier_db_stmt_reset (stmt);

  if (rc != ATELIER_DB_STEP_ROW && rc != ATELIER_DB_STEP_DONE)
    return NULL;
  /* Nothing recorded is not an error: the caller sees no change. */
  return described != NULL ? described : g_object_ref (session);
}

/**
 * atelier_mail_build_invite:
 * @registration_id: whose mail it is: an update says what changed since
 *   the last message this registration was sent
 * @calendar: the iCalendar text from atelier_invite_build(), for @kind
 *
 * Builds the mail that carries @calendar to @customer with the store's
 * template for @kind, in the customer's language (else the store's).
 *
 * Returns: (transfer full): the message
 */
GMimeMessage *
atelier_mail_build_invite (AtelierStore       *store,
                           AtelierSettings    *settings,
                           AtelierSession     *session,
                           AtelierWorkshop    *workshop,
                           AtelierCustomer    *customer,
                           gint64              registration_id,
                           int                 party_size,
                           AtelierInviteKind   kind,
                           const char         *calendar,
                           GError            **error)
{
  g_autoptr(AtelierSession) described = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  const char *language;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);
  g_return_val_if_fail (ATELIER_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (ATELIER_IS_SESSION (session), NULL);
  g_return_val_if_fail (ATELIER_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (ATELIER_IS_CUSTOMER (customer), NULL);
  g_return_val_if_fail (calendar != NULL, NULL);

  if (!check_can_mail (settings, customer, error))
    return NULL;

  language = atelier_mail_language_for (settings, customer);
  if (!atelier_mail_template_load (store, template_for (kind), language, &subject, &body, NULL, error))
    return NULL;
  described = dup_last_described (store, session, registration_id, error);
  if (described == NULL)
    return NULL;

  return new_invite_from (settings, session, workshop, customer, party_size, kind, calendar,
                          subject, body, described, language);
}

/**
 * atelier_mail_to_bytes:
 *
 * Returns: (transfer full): the message as it goes on the wire, CRLF
 */
GBytes *
atelier_mail_to_bytes (GMimeMessage *message)
{
  g_autoptr(GMimeStream) stream = g_mime_stream_mem_new ();
  GMimeFormatOptions *options = g_mime_format_options_new ();
  GByteArray *array;

  g_return_val_if_fail (GMIME_IS_MESSAGE (message), NULL);

  g_mime_format_options_set_newline_format (options, GMIME_NEWLINE_FORMAT_DOS);
  g_mime_object_write_to_stream (GMIME_OBJECT (message), options, stream);
  g_mime_format_options_free (options);

  array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (stream));
  return g_bytes_new (array->data, array->len);
}

/**
 * atelier_mail_new_message_id:
 *
 * Returns: (transfer full): a new Message-ID (without angle brackets) on
 *   the domain of the store's mailbox
 */
char *
atelier_mail_new_message_id (AtelierSettings *settings)
{
  const char *organizer = atelier_settings_get_organizer (settings);
  const char *domain = organizer ? strchr (organizer, '@') : NULL;

  ensure_gmime ();
  return g_mime_utils_generate_message_id (domain ? domain + 1 : "atelier");
}

/**
 * atelier_mail_new_text:
 * @subject: one line, already expanded
 * @body: the text, already expanded
 *
 * Builds a plain-text mail from the store to @customer: a reminder or a
 * follow-up, with no calendar in it.
 *
 * Returns: (transfer full): the message
 */
GMimeMessage *
atelier_mail_new_text (AtelierSettings  *settings,
                       AtelierCustomer  *customer,
                       const char       *subject,
                       const char       *body,
                       GError          **error)
{
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(GMimeTextPart) text = NULL;
  g_autofree char *store = NULL;
  g_autofree char *full_name = NULL;
  g_autofree char *name = NULL;
  g_autofree char *one_line = NULL;
  g_autofree char *message_id = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (ATELIER_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (ATELIER_IS_CUSTOMER (customer), NULL);

  if (!check_can_mail (settings, customer, error))
    return NULL;

  ensure_gmime ();
  store = header_text (atelier_settings_get_store_name (settings));
  full_name = atelier_customer_dup_full_name (customer);
  name = header_text (full_name);
  one_line = header_text (subject);
  message_id = atelier_mail_new_message_id (settings);

  message = g_mime_message_new (TRUE);
  g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_FROM, store,
                              atelier_settings_get_organizer (settings));
  g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_TO, name,
                              atelier_customer_get_email (customer));
  g_mime_message_set_subject (message, one_line, "utf-8");
  g_mime_message_set_date (message, now);
  g_mime_message_set_message_id (message, message_id);

  /* set_text() picks the charset and converts to it: no set_charset() after. */
  text = g_mime_text_part_new_with_subtype ("plain");
  g_mime_text_part_set_text (text, body);
  g_mime_part_set_content_encoding (GMIME_PART (text), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  g_mime_message_set_mime_part (message, GMIME_OBJECT (text));

  return g_steal_pointer (&message);
}
