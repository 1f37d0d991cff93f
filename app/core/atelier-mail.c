/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-mail.c: invite mails (RFC 6047) built with GMime
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

static AtelierWordingId
subject_wording (AtelierInviteKind kind)
{
  switch (kind)
    {
    case ATELIER_INVITE_PROMOTED: return ATELIER_WORDING_SUBJECT_PROMOTED;
    case ATELIER_INVITE_UPDATE: return ATELIER_WORDING_SUBJECT_UPDATE;
    case ATELIER_INVITE_CANCELLED: return ATELIER_WORDING_SUBJECT_CANCELLED;
    case ATELIER_INVITE_SESSION_CANCELLED: return ATELIER_WORDING_SUBJECT_SESSION_CANCELLED;
    case ATELIER_INVITE_NEW:
    default: return ATELIER_WORDING_SUBJECT_NEW;
    }
}

static AtelierWordingId
body_wording (AtelierInviteKind kind)
{
  switch (kind)
    {
    case ATELIER_INVITE_PROMOTED: return ATELIER_WORDING_BODY_PROMOTED;
    case ATELIER_INVITE_UPDATE: return ATELIER_WORDING_BODY_UPDATE;
    case ATELIER_INVITE_CANCELLED: return ATELIER_WORDING_BODY_CANCELLED;
    case ATELIER_INVITE_SESSION_CANCELLED: return ATELIER_WORDING_BODY_SESSION_CANCELLED;
    case ATELIER_INVITE_NEW:
    default: return ATELIER_WORDING_BODY_NEW;
    }
}

typedef struct
{
  const char *language;
  char       *title;
  char       *when;
  char       *name;
  char       *party;
  char       *place;
  char       *store;
} Words;

static void
words_clear (Words *words)
{
  g_free (words->title);
  g_free (words->when);
  g_free (words->name);
  g_free (words->party);
  g_free (words->place);
  g_free (words->store);
}

static void
words_init (Words           *words,
            AtelierSettings *settings,
            AtelierSession  *session,
            AtelierWorkshop *workshop,
            AtelierCustomer *customer,
            int              party_size)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);
  g_autofree char *full_name = atelier_customer_dup_full_name (customer);
  const char *place = atelier_session_get_place (session);

  words->language = atelier_settings_get_language (settings);
  words->title = header_text (atelier_workshop_get_title (workshop));
  words->when = atelier_wording_format_when (words->language, start);
  words->name = header_text (full_name);
  words->party = g_strdup_printf ("%d", party_size);
  words->place = g_strdup (place != NULL && *place != '\0' ? place
                                                           : atelier_settings_get_address (settings));
  words->store = header_text (atelier_settings_get_store_name (settings));
}

static char *
expand (const Words      *words,
        AtelierWordingId  id)
{
  return atelier_wording_expand (words->language, id,
                                 "title", words->title, "when", words->when,
                                 "name", words->name, "party", words->party,
                                 "place", words->place, "store", words->store,
                                 NULL);
}

static char *
compose_body (const Words       *words,
              AtelierInviteKind  kind)
{
  g_autofree char *greeting = expand (words, ATELIER_WORDING_GREETING);
  g_autofree char *news = expand (words, body_wording (kind));
  g_autofree char *place = expand (words, ATELIER_WORDING_BODY_PLACE);
  g_autofree char *calendar = expand (words, ATELIER_WORDING_BODY_CALENDAR);
  g_autofree char *signature = expand (words, ATELIER_WORDING_BODY_SIGNATURE);
  GString *body = g_string_new (NULL);

  g_string_append_printf (body, "%s\n\n%s\n", greeting, news);
  if (*words->place != '\0' && kind != ATELIER_INVITE_CANCELLED &&
      kind != ATELIER_INVITE_SESSION_CANCELLED)
    g_string_append_printf (body, "%s\n", place);
  g_string_append_printf (body, "\n%s\n\n%s\n", calendar, signature);

  return g_string_free (body, FALSE);
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

  g_mime_text_part_set_text (text, body);
  g_mime_text_part_set_charset (text, "utf-8");
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
             const Words     *words,
             AtelierSettings *settings,
             AtelierCustomer *customer,
             AtelierInviteKind kind)
{
  const char *organizer = atelier_settings_get_organizer (settings);
  const char *domain = strchr (organizer, '@');
  g_autofree char *subject = expand (words, subject_wording (kind));
  g_autofree char *message_id = g_mime_utils_generate_message_id (domain ? domain + 1 : "atelier");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_FROM, words->store, organizer);
  g_mime_message_add_mailbox (message, GMIME_ADDRESS_TYPE_TO, words->name,
                              atelier_customer_get_email (customer));
  g_mime_message_set_subject (message, subject, "utf-8");
  g_mime_message_set_date (message, now);
  g_mime_message_set_message_id (message, message_id);
}

/**
 * atelier_mail_new_invite:
 * @calendar: the iCalendar text from atelier_invite_build(), for @kind
 *
 * Builds the mail that carries @calendar to @customer, in the store's
 * language. The settings and the customer's address must have been
 * checked by atelier_invite_build() first.
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
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(GMimeObject) parts = NULL;
  g_autofree char *body = NULL;
  Words words = { 0 };

  g_return_val_if_fail (ATELIER_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (ATELIER_IS_SESSION (session), NULL);
  g_return_val_if_fail (ATELIER_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (ATELIER_IS_CUSTOMER (customer), NULL);
  g_return_val_if_fail (calendar != NULL, NULL);

  if (!atelier_settings_check_can_invite (settings, error))
    return NULL;
  if (!atelier_contact_is_mailbox (atelier_customer_get_email (customer)))
    {
      g_set_error_literal (error, ATELIER_INVITE_ERROR, ATELIER_INVITE_ERROR_BAD_ADDRESS,
                           _("The customer has no valid e-mail address."));
      return NULL;
    }

  ensure_gmime ();
  words_init (&words, settings, session, workshop, customer, party_size);

  message = g_mime_message_new (TRUE);
  set_headers (message, &words, settings, customer, kind);
  body = compose_body (&words, kind);
  parts = compose_parts (body, calendar, kind);
  g_mime_message_set_mime_part (message, parts);

  words_clear (&words);
  return g_steal_pointer (&message);
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

  if (!atelier_settings_check_can_invite (settings, error))
    return NULL;
  if (!atelier_contact_is_mailbox (atelier_customer_get_email (customer)))
    {
      g_set_error_literal (error, ATELIER_INVITE_ERROR, ATELIER_INVITE_ERROR_BAD_ADDRESS,
                           _("The customer has no valid e-mail address."));
      return NULL;
    }

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
