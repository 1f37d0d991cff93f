/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-invite.c: iCalendar invites, cancellations and the public feed
 *
 * Every calendar is built and written by libical (RFC 5545 escaping and
 * folding are its own), with two exceptions it cannot handle itself.
 * Parameter values (a CN) have no escaping at all: they are cleaned of
 * quotes and line breaks. And libical 3.0.16 writes the TEXT of an X-
 * property with its backslashes escaped but its "," and ";" bare, so a
 * value escaped beforehand would come out as "\\,": these two characters
 * go to libical as private-use stand-ins, replaced by "\," and "\;" in
 * its output (see escape_x_text()).
 *
 * Each REQUEST or CANCEL holds one VEVENT with the session's UID, the
 * store as ORGANIZER and the one customer it is addressed to as ATTENDEE:
 * a customer never sees another customer. Times carry the session's
 * zone, whose VTIMEZONE (libical's built-in one, cut to recent years and
 * renamed to the plain IANA name) travels in the same file.
 */
#define G_LOG_DOMAIN "atelier-invite"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "atelier-contact.h"
#include "atelier-invite.h"
#include "atelier-mail.h"
#include "atelier-store-private.h"
#include "atelier-wording-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalproperty, icalproperty_free)

G_DEFINE_QUARK (atelier-invite-error-quark, atelier_invite_error)

#define PRODID "-//Atelier//Atelier " PACKAGE_VERSION "//EN"

static const char *const kind_names[] = {
  [ATELIER_INVITE_NEW] = "new",
  [ATELIER_INVITE_PROMOTED] = "promoted",
  [ATELIER_INVITE_UPDATE] = "update",
  [ATELIER_INVITE_CANCELLED] = "cancelled",
  [ATELIER_INVITE_SESSION_CANCELLED] = "session-cancelled",
};

const char *
atelier_invite_kind_to_string (AtelierInviteKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
atelier_invite_kind_from_string (const char        *string,
                                 AtelierInviteKind *kind)
{
  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (strcmp (kind_names[i], string) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

static gboolean
kind_is_cancel (AtelierInviteKind kind)
{
  return kind == ATELIER_INVITE_CANCELLED || kind == ATELIER_INVITE_SESSION_CANCELLED;
}

const char *
atelier_invite_kind_get_method (AtelierInviteKind kind)
{
  return kind_is_cancel (kind) ? "CANCEL" : "REQUEST";
}

/* Stand-ins for "," and ";" in X- property values: U+E000 and U+E001,
 * private-use characters that the cleaning below removes from every
 * text, so they only ever come from escape_x_text(). */
#define X_COMMA     "\356\200\200"
#define X_SEMICOLON "\356\200\201"

/* Valid UTF-8 without the stand-ins. */
static char *
clean_utf8 (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text ? text : "", -1);
  g_auto(GStrv) pieces = NULL;

  if (strstr (valid, "\356\200") == NULL)
    return g_steal_pointer (&valid);

  pieces = g_strsplit (valid, X_COMMA, -1);
  g_free (valid);
  valid = g_strjoinv ("\357\277\275", pieces);
  g_strfreev (pieces);
  pieces = g_strsplit (valid, X_SEMICOLON, -1);
  return g_strjoinv ("\357\277\275", pieces);
}

/* Text for a parameter value (a CN): libical quotes it but cannot escape
 * a quote or a line break in it, so these become plain characters. */
static char *
clean_parameter (const char *text)
{
  g_autofree char *copy = clean_utf8 (text);

  for (char *p = copy; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f || *p == '^')
      *p = ' ';
    else if (*p == '"')
      *p = '\'';

  return g_strstrip (g_steal_pointer (&copy));
}

/* A one-line TEXT value (SUMMARY): line breaks become spaces. */
static char *
clean_line (const char *text)
{
  return clean_parameter (text);
}

/* A multi-line TEXT value: valid UTF-8, LF line ends, no other control
 * characters. libical escapes the rest. */
static char *
clean_text (const char *text)
{
  g_autofree char *copy = clean_utf8 (text);
  GString *out = g_string_sized_new (strlen (copy));

  for (const char *p = copy; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        continue;
      if (*p == '\r' || *p == '\n')
        g_string_append_c (out, '\n');
      else if ((guchar) *p < 0x20 || *p == 0x7f)
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *p);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/* The value of a one-line X- property, for libical: its backslashes are
 * escaped by libical, its "," and ";" become stand-ins. */
static char *
escape_x_text (const char *text)
{
  g_autofree char *line = clean_line (text);
  GString *out = g_string_new (NULL);

  for (const char *p = line; *p != '\0'; p++)
    if (*p == ',')
      g_string_append (out, X_COMMA);
    else if (*p == ';')
      g_string_append (out, X_SEMICOLON);
    else
      g_string_append_c (out, *p);

  return g_string_free (out, FALSE);
}

/* In libical's output, each stand-in (one character, which its folding
 * never splits) becomes its TEXT escape: two octets for three, so no
 * line grows. */
static char *
unescape_x_stand_ins (const char *ical)
{
  g_auto(GStrv) commas = g_strsplit (ical, X_COMMA, -1);
  g_autofree char *with_commas = g_strjoinv ("\\,", commas);
  g_auto(GStrv) semicolons = g_strsplit (with_commas, X_SEMICOLON, -1);

  return g_strjoinv ("\\;", semicolons);
}

static icaltimezone *
builtin_zone (const char *tzid)
{
  if (tzid == NULL || strcmp (tzid, "UTC") == 0 || strcmp (tzid, "Etc/UTC") == 0)
    return NULL;
  return icaltimezone_get_builtin_timezone (tzid);
}

/* A time in @zone's wall clock, or in UTC when @zone is %NULL. */
static struct icaltimetype
zoned_time (gint64        utc_seconds,
            const char   *tzid,
            icaltimezone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (utc_seconds);
  g_autoptr(GTimeZone) gzone = zone ? g_time_zone_new_identifier (tzid) : NULL;
  g_autoptr(GDateTime) local = gzone ? g_date_time_to_timezone (utc, gzone) : g_date_time_ref (utc);
  struct icaltimetype t = icaltime_null_time ();

  t.year = g_date_time_get_year (local);
  t.month = g_date_time_get_month (local);
  t.day = g_date_time_get_day_of_month (local);
  t.hour = g_date_time_get_hour (local);
  t.minute = g_date_time_get_minute (local);
  t.second = g_date_time_get_second (local);

  return icaltime_set_timezone (&t, zone ? zone : icaltimezone_get_utc_timezone ());
}

static icalproperty *
zoned_property (icalproperty *property,
                const char   *tzid,
                icaltimezone *zone)
{
  if (zone != NULL)
    icalproperty_add_parameter (property, icalparameter_new_tzid (tzid));
  return property;
}

/* The VTIMEZONE of @tzid from January 1st of @year on, with the plain
 * IANA name as its TZID. */
static icalcomponent *
new_vtimezone (icaltimezone *zone,
               const char   *tzid,
               int           year)
{
  struct icaltimetype start = icaltime_null_time ();
  icalcomponent *vtimezone;
  icalproperty *property;

  vtimezone = icalcomponent_new_clone (icaltimezone_get_component (zone));
  start.year = year;
  start.month = 1;
  start.day = 1;
  start = icaltime_set_timezone (&start, icaltimezone_get_utc_timezone ());
  icaltimezone_truncate_vtimezone (vtimezone, start, icaltime_null_time (), 0);

  property = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY);
  icalproperty_set_tzid (property, tzid);
  property = icalcomponent_get_first_property (vtimezone, ICAL_X_PROPERTY);
  while (property != NULL && g_strcmp0 (icalproperty_get_x_name (property), "X-LIC-LOCATION") != 0)
    property = icalcomponent_get_next_property (vtimezone, ICAL_X_PROPERTY);
  if (property != NULL)
    {
      icalcomponent_remove_property (vtimezone, property);
      icalproperty_free (property);
    }

  return vtimezone;
}

/* Truncating a zone's whole history takes most of the time an invite
 * costs, and a batch of invites asks for the same zone and year again
 * and again: each one made is kept for the process's life (a few zones,
 * a few years, a few KB each). */
G_LOCK_DEFINE_STATIC (vtimezones);
static GHashTable *vtimezones;  /* "TZID YEAR" → icalcomponent */

static icalcomponent *
dup_vtimezone (icaltimezone *zone,
               const char   *tzid,
               int           year)
{
  g_autofree char *key = g_strdup_printf ("%s %d", tzid, year);
  icalcomponent *kept;
  icalcomponent *copy;

  G_LOCK (vtimezones);
  if (vtimezones == NULL)
    vtimezones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) icalcomponent_free);
  kept = g_hash_table_lookup (vtimezones, key);
  if (kept == NULL)
    {
      kept = new_vtimezone (zone, tzid, year);
      g_hash_table_insert (vtimezones, g_steal_pointer (&key), kept);
    }
  copy = icalcomponent_new_clone (kept);
  G_UNLOCK (vtimezones);

  return copy;
}

/* Adds the VTIMEZONE of @tzid once, starting a year before @earliest. */
static void
add_time_zone (icalcomponent *calendar,
               const char    *tzid,
               gint64         earliest)
{
  icaltimezone *zone = builtin_zone (tzid);
  g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc (earliest);

  if (zone == NULL)
    return;

  /* VTIMEZONEs come before the events that use them. */
  icalcomponent_add_component (calendar, dup_vtimezone (zone, tzid, g_date_time_get_year (first) - 1));
}

static icalcomponent *
new_calendar (const char *method)
{
  icalcomponent *calendar = icalcomponent_new_vcalendar ();

  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (icalproperty_string_to_method (method)));
  return calendar;
}

static char *
calendar_to_string (icalcomponent *calendar)
{
  char *text = icalcomponent_as_ical_string_r (calendar);
  char *copy = unescape_x_stand_ins (text);

  free (text);
  return copy;
}

static icalproperty *
new_organizer (AtelierSettings *settings)
{
  g_autofree char *address = g_strconcat ("mailto:", atelier_settings_get_organizer (settings), NULL);
  g_autofree char *name = clean_parameter (atelier_settings_get_store_name (settings));
  icalproperty *organizer = icalproperty_new_organizer (address);

  if (*name != '\0')
    icalproperty_add_parameter (organizer, icalparameter_new_cn (name));
  return organizer;
}

static void
append_paragraph (GString    *text,
                  const char *paragraph)
{
  if (paragraph == NULL || *paragraph == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append (text, paragraph);
}

/* What it is, what one takes home, what to bring (in an invite), who
 * hosts it, and (for an invite) the size of the party: nothing of the
 * store's notes about anyone. */
static char *
describe (const char      *language,
          AtelierWorkshop *workshop,
          gboolean         with_bring,
          int              party_size)
{
  const char *takeaway = atelier_workshop_get_takeaway (workshop);
  const char *bring = with_bring ? atelier_workshop_get_bring (workshop) : NULL;
  const char *host = atelier_workshop_get_host (workshop);
  GString *text = g_string_new (NULL);

  append_paragraph (text, atelier_workshop_get_description (workshop));
  if (takeaway != NULL && *takeaway != '\0')
    {
      g_autofree char *line = atelier_wording_expand (language, ATELIER_WORDING_TAKEAWAY,
                                                      "takeaway", takeaway, NULL);
      append_paragraph (text, line);
    }
  if (bring != NULL && *bring != '\0')
    {
      g_autofree char *line = atelier_wording_expand (language, ATELIER_WORDING_BRING,
                                                      "bring", bring, NULL);
      append_paragraph (text, line);
    }
  if (host != NULL && *host != '\0')
    {
      g_autofree char *line = atelier_wording_expand (language, ATELIER_WORDING_HOST,
                                                      "host", host, NULL);
      append_paragraph (text, line);
    }
  if (party_size > 0)
    {
      g_autofree char *party = g_strdup_printf ("%d", party_size);
      g_autofree char *line = atelier_wording_expand (language, ATELIER_WORDING_PARTY,
                                                      "party", party, NULL);
      append_paragraph (text, line);
    }

  return g_string_free (text, FALSE);
}

static const char *
session_location (AtelierSettings *settings,
                  AtelierSession  *session)
{
  const char *place = atelier_session_get_place (session);

  return place != NULL && *place != '\0' ? place : atelier_settings_get_address (settings);
}

static void
add_text (icalcomponent *event,
          icalproperty  *(*constructor) (const char *),
          char          *text)  /* freed */
{
  if (text != NULL && *text != '\0')
    icalcomponent_add_property (event, constructor (text));
  g_free (text);
}

/* The VEVENT common to invites and the feed. */
static icalcomponent *
new_event (AtelierSettings *settings,
           const char      *language,
           AtelierSession  *session,
           AtelierWorkshop *workshop,
           int              party_size,
           int              sequence)
{
  const char *tzid = atelier_session_get_time_zone (session);
  icaltimezone *zone = builtin_zone (tzid);
  g_autofree char *description = describe (language, workshop, TRUE, party_size);
  icalcomponent *event = icalcomponent_new_vevent ();
  struct icaltimetype now = icaltime_from_timet_with_zone (atelier_store_now (), 0,
                                                           icaltimezone_get_utc_timezone ());

  icalcomponent_add_property (event, icalproperty_new_uid (atelier_session_get_uid (session)));
  icalcomponent_add_property (event, icalproperty_new_sequence (sequence));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (now));
  icalcomponent_add_property (event, zoned_property (icalproperty_new_dtstart (
    zoned_time (atelier_session_get_starts_at (session), tzid, zone)), tzid, zone));
  icalcomponent_add_property (event, zoned_property (icalproperty_new_dtend (
    zoned_time (atelier_session_get_ends_at (session), tzid, zone)), tzid, zone));
  add_text (event, icalproperty_new_summary, clean_line (atelier_workshop_get_title (workshop)));
  add_text (event, icalproperty_new_description, clean_text (description));
  add_text (event, icalproperty_new_location, clean_text (session_location (settings, session)));
  icalcomponent_add_property (event, new_organizer (settings));

  return event;
}

static icalproperty *
new_attendee (AtelierSettings *settings,
              AtelierCustomer *customer,
              gboolean         ask_reply)
{
  g_autofree char *address = g_strconcat ("mailto:", atelier_customer_get_email (customer), NULL);
  g_autofree char *full_name = atelier_customer_dup_full_name (customer);
  g_autofree char *name = clean_parameter (full_name);
  icalproperty *attendee = icalproperty_new_attendee (address);

  if (*name != '\0')
    icalproperty_add_parameter (attendee, icalparameter_new_cn (name));
  icalproperty_add_parameter (attendee, icalparameter_new_cutype (ICAL_CUTYPE_INDIVIDUAL));
  icalproperty_add_parameter (attendee, icalparameter_new_role (ICAL_ROLE_REQPARTICIPANT));
  icalproperty_add_parameter (attendee, icalparameter_new_partstat (ICAL_PARTSTAT_NEEDSACTION));
  icalproperty_add_parameter (attendee, icalparameter_new_rsvp (ask_reply ? ICAL_RSVP_TRUE
                                                                          : ICAL_RSVP_FALSE));
  return attendee;
}

static icalcomponent *
new_reminder (AtelierSettings *settings,
              const char      *language,
              AtelierWorkshop *workshop)
{
  g_autofree char *title = clean_line (atelier_workshop_get_title (workshop));
  g_autofree char *text = atelier_wording_expand (language, ATELIER_WORDING_REMINDER, "title", title, NULL);
  struct icaltriggertype trigger = icaltriggertype_from_int (-60 * atelier_settings_get_reminder (settings));
  icalcomponent *alarm = icalcomponent_new_valarm ();

  icalcomponent_add_property (alarm, icalproperty_new_action (ICAL_ACTION_DISPLAY));
  icalcomponent_add_property (alarm, icalproperty_new_trigger (trigger));
  icalcomponent_add_property (alarm, icalproperty_new_description (text));
  return alarm;
}

static gboolean
check_customer (AtelierCustomer  *customer,
                GError          **error)
{
  const char *email = atelier_customer_get_email (customer);
  g_autofree char *name = atelier_customer_dup_full_name (customer);

  if (atelier_customer_get_erased_at (customer) != 0 || email == NULL || *email == '\0')
    {
      g_set_error (error, ATELIER_INVITE_ERROR, ATELIER_INVITE_ERROR_NO_ADDRESS,
                   _("%s has no e-mail address; no invite can be sent to them."), name);
      return FALSE;
    }
  if (!atelier_contact_is_mailbox (email))
    {
      g_set_error (error, ATELIER_INVITE_ERROR, ATELIER_INVITE_ERROR_BAD_ADDRESS,
                   _("The e-mail address of %s is not valid; correct it before sending an invite."),
                   name);
      return FALSE;
    }

  return TRUE;
}

/**
 * atelier_invite_build:
 * @party_size: shown in the description of a request
 * @kind: a REQUEST (new, promoted, update) or a CANCEL; a cancelled
 *   session's CANCEL has STATUS:CANCELLED, one registration's has none
 * @sequence: the SEQUENCE this customer is to receive
 *
 * Builds the calendar (METHOD:REQUEST or CANCEL) addressed to @customer
 * alone. Refused while the store has no organiser mailbox.
 *
 * Returns: (transfer full): the iCalendar text, CRLF line ends
 */
char *
atelier_invite_build (AtelierSettings    *settings,
                      AtelierSession     *session,
                      AtelierWorkshop    *workshop,
                      AtelierCustomer    *customer,
                      int                 party_size,
                      AtelierInviteKind   kind,
                      int                 sequence,
                      GError            **error)
{
  g_autoptr(icalcomponent) calendar = NULL;
  icalcomponent *event;
  const char *language;
  gboolean cancel = kind_is_cancel (kind);

  g_return_val_if_fail (ATELIER_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (ATELIER_IS_SESSION (session), NULL);
  g_return_val_if_fail (ATELIER_IS_WORKSHOP (workshop), NULL);
  g_return_val_if_fail (ATELIER_IS_CUSTOMER (customer), NULL);
  g_return_val_if_fail (sequence >= 0, NULL);

  if (!atelier_settings_check_can_invite (settings, error) || !check_customer (customer, error))
    return NULL;
  if (!cancel && atelier_session_is_cancelled (session))
    {
      g_set_error_literal (error, ATELIER_INVITE_ERROR, ATELIER_INVITE_ERROR_SESSION_CANCELLED,
                           _("This session is cancelled; only a cancellation can be sent for it."));
      return NULL;
    }

  calendar = new_calendar (atelier_invite_kind_get_method (kind));
  add_time_zone (calendar, atelier_session_get_time_zone (session),
                 atelier_session_get_starts_at (session));

  /* Worded in the customer's language, as the mail that carries it. */
  language = atelier_mail_language_for (settings, customer);
  event = new_event (settings, language, session, workshop, cancel ? 0 : party_size, sequence);
  if (kind == ATELIER_INVITE_SESSION_CANCELLED)
    icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CANCELLED));
  else if (!cancel)
    icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property (event, new_attendee (settings, customer,
                                                   !cancel && atelier_settings_get_rsvp (settings)));
  if (!cancel && atelier_settings_get_reminder (settings) > 0)
    icalcomponent_add_component (event, new_reminder (settings, language, workshop));
  icalcomponent_add_component (calendar, event);

  return calendar_to_string (calendar);
}

/* The SEQUENCE the registration's customer gets with a new REQUEST. */
static int
request_sequence (AtelierStore  *store,
                  gint64         registration_id,
                  GError       **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store,
                                              "SELECT s.sequence + r.sequence_offset"
                                              "  + CASE WHEN r.sent_method = 'CANCEL' THEN 1 ELSE 0 END"
                                              " FROM registrations r"
                                              " JOIN sessions s ON s.id = r.session_id"
                                              " WHERE r.id = ?",
                                              error);
  int sequence = -1;
  AtelierDbStep rc;

  if (stmt == NULL)
    return -1;
  atelier_db_stmt_bind_int64 (stmt, 1, registration_id);
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW)
    sequence = atelier_db_stmt_column_int (stmt, 0);
  atelier_db_stmt_reset (stmt);

  return sequence;
}

static gboolean
check_confirmed (AtelierRegistration  *registration,
                 GError              **error)
{
  const char *status = atelier_registration_get_status (registration);

  if (g_strcmp0 (status, ATELIER_REGISTRATION_WAITLISTED) == 0)
    g_set_error (error, ATELIER_INVITE_ERROR, ATELIER_INVITE_ERROR_WAITLISTED,
                 _("%s is on the waiting list: an invite is sent once a seat is free for them."),
                 atelier_registration_get_customer_name (registration));
  else if (g_strcmp0 (status, ATELIER_REGISTRATION_CONFIRMED) != 0)
    g_set_error (error, ATELIER_INVITE_ERROR, ATELIER_INVITE_ERROR_NOT_CONFIRMED,
                 _("The registration of %s is cancelled; they get a cancellation, not an invite."),
                 atelier_registration_get_customer_name (registration));
  else
    return TRUE;

  return FALSE;
}

/**
 * atelier_invite_build_for_registration:
 *
 * Builds the REQUEST for one confirmed registration, with the SEQUENCE
 * its customer is due. A waitlisted or cancelled registration is refused.
 * Nothing is recorded as sent: see atelier_outbox_write().
 *
 * Returns: (transfer full): the iCalendar text, or %NULL with @error set
 */
char *
atelier_invite_build_for_registration (AtelierStore  *store,
                                       gint64         registration_id,
                                       GError       **error)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(AtelierWorkshop) workshop = NULL;
  g_autoptr(AtelierCustomer) customer = NULL;
  int sequence;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  settings = atelier_settings_load (store, error);
  if (settings == NULL || !atelier_settings_check_can_invite (settings, error))
    return NULL;

  registration = atelier_store_get_registration (store, registration_id, error);
  if (registration == NULL || !check_confirmed (registration, error))
    return NULL;

  session = atelier_store_get_session (store, atelier_registration_get_session_id (registration), error);
  if (session != NULL)
    workshop = atelier_store_get_workshop (store, atelier_session_get_workshop_id (session), error);
  if (workshop != NULL)
    customer = atelier_store_get_customer (store, atelier_registration_get_customer_id (registration), error);
  if (customer == NULL)
    return NULL;

  sequence = request_sequence (store, registration_id, error);
  if (sequence < 0)
    return NULL;

  return atelier_invite_build (settings, session, workshop, customer,
                               atelier_registration_get_party_size (registration),
                               ATELIER_INVITE_NEW, sequence, error);
}

/* The public feed
 *
 * A feed may hold thousands of sessions: it is written as it is built,
 * through a buffer, never held as one string. libical 3.0 cannot write a
 * calendar in parts, so the feed is libical's output in three pieces:
 * the calendar with its own properties and VTIMEZONEs but no event, less
 * its last line (END:VCALENDAR); each VEVENT, serialised by libical on
 * its own; then that last line.
 *
 * What libical writes for a session's VEVENT is kept in the store (the
 * feed_events table), so that a feed written again serialises only what
 * changed. A kept VEVENT is used only while it is what would be built
 * now:
 *
 * - the store's triggers delete it whenever its session or its workshop
 *   changes, whatever the change and whichever program makes it;
 * - it is kept under a key (feed_key()) of everything else it is built
 *   from: the settings it shows, and how this version of Atelier and of
 *   libical write an event, seen on a sample event built on the spot;
 * - it holds the UTC offsets of its zone at the session's start and end,
 *   checked against the time zone data at each use: the wall times of
 *   DTSTART and DTEND are the UTC times plus these offsets.
 *
 * DTSTAMP is not kept: for METHOD:PUBLISH it is when the calendar was
 * made, so every event of a feed gets the same DTSTAMP, serialised by
 * libical once and written as the event's first property. A feed made
 * of kept events is thus the very feed that building every event gives.
 *
 * New events are kept at the end, in the transaction the feed was read
 * in: SQLite refuses to turn it into a write if another connection wrote
 * meanwhile, and they are then simply not kept. The feed itself never
 * fails for that.
 */

/* Raise it when events are built differently: what was kept is then
 * built again. */
#define FEED_FORMAT "atelier-feed-1"

#define FEED_BUFFER_SIZE (256 * 1024)

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  char          *buffer;  /* FEED_BUFFER_SIZE octets */
  gsize          length;
} FeedWriter;

/* Writes out what the buffer holds; where a long feed can be cancelled */
static gboolean
feed_writer_flush (FeedWriter  *writer,
                   GError     **error)
{
  gboolean ok = TRUE;

  if (g_cancellable_set_error_if_cancelled (writer->cancellable, error))
    ok = FALSE;
  else if (writer->length > 0)
    ok = g_output_stream_write_all (writer->stream, writer->buffer, writer->length,
                                    NULL, writer->cancellable, error);
  writer->length = 0;

  return ok;
}

static gboolean
feed_writer_append (FeedWriter  *writer,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  if (writer->length + length > FEED_BUFFER_SIZE && !feed_writer_flush (writer, error))
    return FALSE;
  if (length >= FEED_BUFFER_SIZE)
    return g_output_stream_write_all (writer->stream, data, length, NULL, writer->cancellable, error);

  memcpy (writer->buffer + writer->length, data, length);
  writer->length += length;
  return TRUE;
}

/* A session as the feed reads it */
typedef struct
{
  gint64      id;
  gint64      workshop_id;
  const char *uid;
  int         sequence;
  gint64      starts_at;
  gint64      ends_at;
  const char *time_zone;
  const char *place;
} FeedSession;

/* What a workshop puts in each of its sessions' events */
typedef struct
{
  icalproperty *summary;      /* or NULL */
  icalproperty *description;  /* or NULL */
} FeedWorkshop;

static void
feed_workshop_free (gpointer data)
{
  FeedWorkshop *workshop = data;

  g_clear_pointer (&workshop->summary, icalproperty_free);
  g_clear_pointer (&workshop->description, icalproperty_free);
  g_free (workshop);
}

/* A stretch of time in one of a zone's intervals (between two changes of
 * its offset), and that offset */
typedef struct
{
  gint64 first;
  gint64 last;
  int    offset;
} ZoneSpan;

/* A session's zone: libical's, for the VTIMEZONE and the TZID, and
 * GLib's, for the UTC offsets; both NULL for UTC or a zone libical does
 * not know, whose times are written in UTC */
typedef struct
{
  icaltimezone *ical;
  GTimeZone    *glib;
  ZoneSpan      span;  /* the last one looked up; empty if first > last */
} FeedZone;

static void
feed_zone_free (gpointer data)
{
  FeedZone *zone = data;

  g_clear_pointer (&zone->glib, g_time_zone_unref);
  g_free (zone);
}
typedef struct
{
  AtelierStore    *store;
  AtelierSettings *settings;
  icalproperty    *organizer;
  icalproperty    *default_location;  /* the store's address, or NULL */
  icalproperty    *confirmed;         /* STATUS:CONFIRMED */
  GPtrArray       *lent;              /* see lend_shared() */
  GHashTable      *workshops;         /* id → FeedWorkshop */
  GHashTable      *zones;             /* TZID → FeedZone */
  const char      *last_tzid;         /* the last zone looked up, in zones */
  FeedZone        *last_zone;
} Feed;

static void
feed_clear (Feed *feed)
{
  g_clear_pointer (&feed->organizer, icalproperty_free);
  g_clear_pointer (&feed->default_location, icalproperty_free);
  g_clear_pointer (&feed->confirmed, icalproperty_free);
  g_clear_pointer (&feed->lent, g_ptr_array_unref);
  g_clear_pointer (&feed->workshops, g_hash_table_unref);
  g_clear_pointer (&feed->zones, g_hash_table_unref);
}

static void
feed_init (Feed            *feed,
           AtelierStore    *store,
           AtelierSettings *settings)
{
  g_autofree char *address = clean_text (atelier_settings_get_address (settings));

  feed->store = store;
  feed->settings = settings;
  feed->organizer = new_organizer (settings);
  feed->default_location = *address != '\0' ? icalproperty_new_location (address) : NULL;
  feed->confirmed = icalproperty_new_status (ICAL_STATUS_CONFIRMED);
  feed->lent = g_ptr_array_new ();
  feed->workshops = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, feed_workshop_free);
  feed->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, feed_zone_free);
}

static FeedWorkshop *
feed_workshop_new (Feed            *feed,
                   AtelierWorkshop *workshop)
{
  FeedWorkshop *entry = g_new0 (FeedWorkshop, 1);
  g_autofree char *summary = clean_line (atelier_workshop_get_title (workshop));
  g_autofree char *text = describe (atelier_settings_get_language (feed->settings), workshop, FALSE, 0);
  g_autofree char *description = clean_text (text);

  if (*summary != '\0')
    entry->summary = icalproperty_new_summary (summary);
  if (*description != '\0')
    entry->description = icalproperty_new_description (description);

  return entry;
}

static FeedWorkshop *
feed_get_workshop (Feed    *feed,
                   gint64   id,
                   GError **error)
{
  FeedWorkshop *entry = g_hash_table_lookup (feed->workshops, &id);
  g_autoptr(AtelierWorkshop) workshop = NULL;

  if (entry != NULL)
    return entry;

  workshop = atelier_store_get_workshop (feed->store, id, error);
  if (workshop == NULL)
    return NULL;
  entry = feed_workshop_new (feed, workshop);
  g_hash_table_insert (feed->workshops, g_memdup2 (&id, sizeof id), entry);

  return entry;
}

static FeedZone *
feed_get_zone (Feed       *feed,
               const char *tzid)
{
  FeedZone *zone;
  char *key;

  /* Sessions mostly share one zone. */
  if (feed->last_zone != NULL && strcmp (tzid, feed->last_tzid) == 0)
    return feed->last_zone;

  zone = g_hash_table_lookup (feed->zones, tzid);
  if (zone != NULL)
    {
      g_hash_table_lookup_extended (feed->zones, tzid, (gpointer *) &feed->last_tzid, NULL);
      feed->last_zone = zone;
      return zone;
    }

  zone = g_new0 (FeedZone, 1);
  zone->ical = builtin_zone (tzid);
  if (zone->ical != NULL)
    zone->glib = g_time_zone_new_identifier (tzid);
  if (zone->glib == NULL)
    zone->ical = NULL;
  zone->span.first = 1;
  zone->span.last = 0;
  key = g_strdup (tzid);
  g_hash_table_insert (feed->zones, key, zone);
  feed->last_tzid = key;
  feed->last_zone = zone;

  return zone;
}

/* The farthest time from @inside, towards @direction (-1 or 1), still in
 * @interval: steps of a day that double, then halve back. A time between
 * two times of an interval is in it too: intervals follow each other. */
static gint64
span_edge (GTimeZone *tz,
           int        interval,
           gint64     inside,
           int        direction)
{
  gint64 step = 24 * 3600;
  gint64 outside;

  for (;; step *= 2)
    {
      /* Past some 2,000 years, the span is long enough. */
      if (step > (G_GINT64_CONSTANT (1) << 36))
        return inside;
      outside = inside + direction * step;
      if (g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, outside) != interval)
        break;
      inside = outside;
    }

  while (ABS (outside - inside) > 1)
    {
      gint64 middle = inside + (outside - inside) / 2;

      if (g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, middle) == interval)
        inside = middle;
      else
        outside = middle;
    }

  return inside;
}

/* How far @zone's wall clock is ahead of UTC at @utc_seconds. Sessions
 * come by start: the span of the last answer usually holds the next. */
static int
zone_offset (FeedZone *zone,
             gint64    utc_seconds)
{
  int interval;

  if (zone->glib == NULL)
    return 0;
  if (utc_seconds >= zone->span.first && utc_seconds <= zone->span.last)
    return zone->span.offset;

  interval = g_time_zone_find_interval (zone->glib, G_TIME_TYPE_UNIVERSAL, utc_seconds);
  zone->span.first = span_edge (zone->glib, interval, utc_seconds, -1);
  zone->span.last = span_edge (zone->glib, interval, utc_seconds, 1);
  zone->span.offset = g_time_zone_get_offset (zone->glib, interval);

  return zone->span.offset;
}

/* The wall time @offset seconds ahead of @utc_seconds, in @zone */
static struct icaltimetype
offset_time (gint64        utc_seconds,
             int           offset,
             icaltimezone *zone)
{
  struct icaltimetype t = icaltime_from_timet_with_zone ((time_t) (utc_seconds + offset), 0, NULL);

  return icaltime_set_timezone (&t, zone ? zone : icaltimezone_get_utc_timezone ());
}

/* Adds @property, shared by many events, to @event for the time of one
 * serialisation: it is taken back by take_back_shared(). */
static void
lend_shared (icalcomponent *event,
             icalproperty  *property,
             GPtrArray     *lent)
{
  if (property == NULL)
    return;
  icalcomponent_add_property (event, property);
  g_ptr_array_add (lent, property);
}

static void
take_back_shared (icalcomponent *event,
                  GPtrArray     *lent)
{
  for (guint i = 0; i < lent->len; i++)
    icalcomponent_remove_property (event, lent->pdata[i]);
  g_ptr_array_set_size (lent, 0);
}

/* One session's VEVENT, without DTSTAMP, as libical writes it. What is
 * the same in many events (the workshop's, the store's) is built once
 * and lent to each event in turn. */
static char *
feed_event_to_string (Feed              *feed,
                      const FeedSession *session,
                      FeedWorkshop      *workshop,
                      FeedZone          *zone,
                      int                start_offset,
                      int                end_offset)
{
  g_autoptr(icalcomponent) event = icalcomponent_new_vevent ();
  const char *tzid = session->time_zone;
  char *text;

  icalcomponent_add_property (event, icalproperty_new_uid (session->uid));
  icalcomponent_add_property (event, icalproperty_new_sequence (session->sequence));
  icalcomponent_add_property (event, zoned_property (icalproperty_new_dtstart (
    offset_time (session->starts_at, start_offset, zone->ical)), tzid, zone->ical));
  icalcomponent_add_property (event, zoned_property (icalproperty_new_dtend (
    offset_time (session->ends_at, end_offset, zone->ical)), tzid, zone->ical));
  lend_shared (event, workshop->summary, feed->lent);
  lend_shared (event, workshop->description, feed->lent);
  if (session->place != NULL && *session->place != '\0')
    add_text (event, icalproperty_new_location, clean_text (session->place));
  else
    lend_shared (event, feed->default_location, feed->lent);
  lend_shared (event, feed->organizer, feed->lent);
  lend_shared (event, feed->confirmed, feed->lent);

  text = icalcomponent_as_ical_string_r (event);
  take_back_shared (event, feed->lent);

  return text;
}

/* The key that kept events are valid under: everything they are built
 * from that is not their session's or workshop's row. */
static char *
feed_key (Feed *feed)
{
  AtelierSettings *settings = feed->settings;
  const char *parts[] = {
    FEED_FORMAT, PACKAGE_VERSION, ICAL_VERSION,
    atelier_settings_get_organizer (settings),
    atelier_settings_get_store_name (settings),
    atelier_settings_get_address (settings),
    atelier_settings_get_language (settings),
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(AtelierWorkshop) sample_workshop = atelier_workshop_new ("Risotto, cèpes; “parmesan” \\ 🍄");
  FeedSession sample = {
    .uid = "sample@atelier", .sequence = 3,
    .starts_at = 1711845000, .ends_at = 1711856400,  /* across a change of offset */
    .time_zone = "Europe/Paris", .place = "",
  };
  FeedWorkshop *workshop;
  FeedZone *zone;
  char *text;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_checksum_update (checksum, (const guchar *) (parts[i] ? parts[i] : ""),
                       strlen (parts[i] ? parts[i] : "") + 1);

  /* How this build writes an event: cleaning, wording, escaping, folding */
  g_object_set (sample_workshop,
                "description", "Ligne un, deux; trois\r\nDeux :\\ « quatre »\tcinq\n\n"
                               "Une ligne assez longue pour être pliée au moins une fois, "
                               "avec des accents (é, è, ç) et un emoji 🍄 dedans.",
                "takeaway", "Un bocal", "host", "Élodie", NULL);
  workshop = feed_workshop_new (feed, sample_workshop);
  zone = feed_get_zone (feed, sample.time_zone);
  text = feed_event_to_string (feed, &sample, workshop, zone,
                               zone_offset (zone, sample.starts_at),
                               zone_offset (zone, sample.ends_at));
  g_checksum_update (checksum, (const guchar *) text, strlen (text));
  free (text);
  feed_workshop_free (workshop);

  return g_strndup (g_checksum_get_string (checksum), 16);
}

/* Writes a VEVENT, @stamp (its DTSTAMP line) first after BEGIN:VEVENT. */
static gboolean
write_event (FeedWriter  *writer,
             const char  *stamp,
             gsize        stamp_length,
             const char  *event,
             gsize        length,
             GError     **error)
{
  const char *end = memchr (event, '\n', length);
  gsize first_line = end != NULL ? (gsize) (end - event) + 1 : length;

  return feed_writer_append (writer, event, first_line, error) &&
         feed_writer_append (writer, stamp, stamp_length, error) &&
         feed_writer_append (writer, event + first_line, length - first_line, error);
}

/* An event built for this feed, to keep for the next one */
typedef struct
{
  gint64  session_id;
  int     start_offset;
  int     end_offset;
  char   *text;  /* free() */
} BuiltEvent;

static void
built_event_free (gpointer data)
{
  BuiltEvent *built = data;

  free (built->text);
  g_free (built);
}

/* Keeps the events built for this feed, unless the store changed since
 * it was read; they are then simply not kept. */
static void
keep_built_events (AtelierStore *store,
                   const char   *key,
                   GPtrArray    *built)
{
  g_autoptr(GError) error = NULL;
  AtelierDbStmt *stmt = atelier_store_prepare (store,
                                              "INSERT INTO feed_events"
                                              " (session_id, format, start_offset, end_offset, vevent)"
                                              " VALUES (?, ?, ?, ?, ?)"
                                              " ON CONFLICT (session_id) DO UPDATE SET"
                                              " format = excluded.format,"
                                              " start_offset = excluded.start_offset,"
                                              " end_offset = excluded.end_offset,"
                                              " vevent = excluded.vevent",
                                              &error);

  for (guint i = 0; stmt != NULL && i < built->len; i++)
    {
      BuiltEvent *event = built->pdata[i];

      atelier_db_stmt_bind_int64 (stmt, 1, event->session_id);
      atelier_db_stmt_bind_text (stmt, 2, key);
      atelier_db_stmt_bind_int64 (stmt, 3, event->start_offset);
      atelier_db_stmt_bind_int64 (stmt, 4, event->end_offset);
      atelier_db_stmt_bind_text (stmt, 5, event->text);
      if (!atelier_store_step_done (store, stmt, &error))
        break;
    }

  if (error != NULL)
    {
      g_debug ("The feed's events were not kept: %s", error->message);
      atelier_store_rollback (store);
    }
  else if (!atelier_store_commit (store, &error))
    g_debug ("The feed's events were not kept: %s", error->message);
}

/* Each zone's VTIMEZONE, from a year before its first session */
static gboolean
add_feed_time_zones (icalcomponent  *calendar,
                     AtelierStore   *store,
                     const gint64    bounds[2],
                     GError        **error)
{
  /* Zone by zone, from one to the next in sessions_feed_by_zone:
   * no session is read but the first of each zone in the range. */
  AtelierDbStmt *stmt = atelier_store_prepare (store,
                                              "WITH RECURSIVE zones (time_zone) AS ("
                                              "  SELECT min (time_zone) FROM sessions"
                                              "  WHERE status = 'scheduled'"
                                              "  UNION ALL"
                                              "  SELECT (SELECT min (time_zone) FROM sessions"
                                              "          WHERE status = 'scheduled'"
                                              "            AND time_zone > zones.time_zone)"
                                              "  FROM zones WHERE time_zone IS NOT NULL)"
                                              " SELECT time_zone, first FROM ("
                                              "  SELECT time_zone,"
                                              "    (SELECT min (starts_at) FROM sessions"
                                              "     WHERE status = 'scheduled'"
                                              "       AND time_zone = zones.time_zone"
                                              "       AND starts_at >= ?1 AND starts_at < ?2) AS first"
                                              "  FROM zones WHERE time_zone IS NOT NULL)"
                                              " WHERE first IS NOT NULL ORDER BY time_zone",
                                              error);
  AtelierDbStep rc;

  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, bounds[0]);
  atelier_db_stmt_bind_int64 (stmt, 2, bounds[1]);
  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    add_time_zone (calendar, atelier_db_stmt_column_text (stmt, 0),
                   atelier_db_stmt_column_int64 (stmt, 1));
  atelier_db_stmt_reset (stmt);

  return rc == ATELIER_DB_STEP_DONE;
}

static void
add_x_text (icalcomponent *calendar,
            const char    *name,
            const char    *text)
{
  g_autofree char *escaped = escape_x_text (text);
  icalproperty *property = icalproperty_new_x (escaped);

  icalproperty_set_x_name (property, name);
  icalcomponent_add_property (calendar, property);
}

/* The calendar around the events, as libical writes it, split before
 * its last line */
static char *
feed_calendar_text (Feed          *feed,
                    const gint64   bounds[2],
                    gsize         *head_length,
                    GError       **error)
{
  g_autoptr(icalcomponent) calendar = new_calendar ("PUBLISH");
  const char *name = atelier_settings_get_store_name (feed->settings);
  char *text;
  char *last_line;

  add_x_text (calendar, "X-WR-CALNAME", *name != '\0' ? name : "Atelier");
  add_x_text (calendar, "X-WR-TIMEZONE", atelier_settings_get_time_zone (feed->settings));
  if (!add_feed_time_zones (calendar, feed->store, bounds, error))
    return NULL;

  text = calendar_to_string (calendar);
  last_line = g_strrstr_len (text, strlen (text) - 2, "\r\n");
  *head_length = last_line != NULL ? (gsize) (last_line - text) + 2 : 0;

  return text;
}

/* The scheduled sessions in the range, by start, each with the VEVENT
 * kept under ?3, if any: all from sessions_feed_by_start and
 * feed_events, without reading the sessions themselves */
#define FEED_SESSIONS_SQL                                                   \
  "SELECT s.id, s.starts_at, s.ends_at, s.time_zone,"                       \
  "  f.vevent, f.start_offset, f.end_offset"                                \
  " FROM sessions s"                                                        \
  " LEFT JOIN feed_events f ON f.session_id = s.id AND f.format = ?3"       \
  " WHERE s.status = 'scheduled' AND s.starts_at >= ?1 AND s.starts_at < ?2" \
  " ORDER BY s.starts_at, s.id"

/* Builds the event of @session, whose id, times and zone are set: the
 * rest is read from its row. */
static char *
build_session_event (Feed         *feed,
                     FeedSession  *session,
                     FeedZone     *zone,
                     int           start_offset,
                     int           end_offset,
                     GError      **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (feed->store,
                                              "SELECT workshop_id, uid, sequence, place"
                                              " FROM sessions WHERE id = ?",
                                              error);
  FeedWorkshop *workshop;
  char *text = NULL;
  AtelierDbStep rc;

  if (stmt == NULL)
    return NULL;
  atelier_db_stmt_bind_int64 (stmt, 1, session->id);
  rc = atelier_db_stmt_step (stmt, error);
  if (rc != ATELIER_DB_STEP_ROW)
    {
      if (rc == ATELIER_DB_STEP_DONE)
        atelier_store_set_not_found (ATELIER_TYPE_SESSION, session->id, error);
      atelier_db_stmt_reset (stmt);
      return NULL;
    }

  session->workshop_id = atelier_db_stmt_column_int64 (stmt, 0);
  session->uid = atelier_db_stmt_column_text (stmt, 1);
  session->sequence = atelier_db_stmt_column_int (stmt, 2);
  session->place = atelier_db_stmt_column_text (stmt, 3);
  workshop = feed_get_workshop (feed, session->workshop_id, error);
  if (workshop != NULL)
    text = feed_event_to_string (feed, session, workshop, zone, start_offset, end_offset);
  atelier_db_stmt_reset (stmt);

  return text;
}

/* Writes one row's event, kept or built (then added to @built) */
static gboolean
write_session_event (Feed          *feed,
                     FeedWriter    *writer,
                     AtelierDbStmt *stmt,
                     const char    *stamp,
                     gsize          stamp_length,
                     GPtrArray     *built,
                     GError       **error)
{
  FeedSession session = {
    .starts_at = atelier_db_stmt_column_int64 (stmt, 1),
    .ends_at = atelier_db_stmt_column_int64 (stmt, 2),
    .time_zone = atelier_db_stmt_column_text (stmt, 3),
  };
  const char *kept = atelier_db_stmt_column_text (stmt, 4);
  FeedZone *zone = feed_get_zone (feed, session.time_zone);
  int start_offset = zone_offset (zone, session.starts_at);
  int end_offset = zone_offset (zone, session.ends_at);
  BuiltEvent *event;
  char *text;

  if (kept != NULL &&
      atelier_db_stmt_column_int (stmt, 5) == start_offset &&
      atelier_db_stmt_column_int (stmt, 6) == end_offset)
    return write_event (writer, stamp, stamp_length, kept, strlen (kept), error);

  session.id = atelier_db_stmt_column_int64 (stmt, 0);
  text = build_session_event (feed, &session, zone, start_offset, end_offset, error);
  if (text == NULL)
    return FALSE;

  event = g_new (BuiltEvent, 1);
  event->session_id = session.id;
  event->start_offset = start_offset;
  event->end_offset = end_offset;
  event->text = text;
  g_ptr_array_add (built, event);

  return write_event (writer, stamp, stamp_length, text, strlen (text), error);
}

/* The events, each kept or built */
static gboolean
write_feed_events (Feed          *feed,
                   FeedWriter    *writer,
                   const gint64   bounds[2],
                   const char    *key,
                   GPtrArray     *built,
                   guint         *n_events,
                   GError       **error)
{
  g_autoptr(icalproperty) dtstamp = icalproperty_new_dtstamp (
    icaltime_from_timet_with_zone (atelier_store_now (), 0, icaltimezone_get_utc_timezone ()));
  char *ical_stamp = icalproperty_as_ical_string_r (dtstamp);
  g_autofree char *stamp = g_strdup (ical_stamp);
  gsize stamp_length = strlen (stamp);
  AtelierDbStmt *stmt = atelier_store_prepare (feed->store, FEED_SESSIONS_SQL, error);
  gboolean ok = TRUE;
  AtelierDbStep rc;

  free (ical_stamp);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, bounds[0]);
  atelier_db_stmt_bind_int64 (stmt, 2, bounds[1]);
  atelier_db_stmt_bind_text (stmt, 3, key);

  while (ok && (rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      ok = write_session_event (feed, writer, stmt, stamp, stamp_length, built, error);
      (*n_events)++;
    }
  if (ok && rc != ATELIER_DB_STEP_DONE)
    ok = FALSE;
  atelier_db_stmt_reset (stmt);

  return ok;
}

static gboolean
write_feed (Feed           *feed,
            FeedWriter     *writer,
            const gint64    bounds[2],
            const char     *key,
            GPtrArray      *built,
            guint          *n_events,
            GError        **error)
{
  gsize head_length = 0;
  g_autofree char *calendar = feed_calendar_text (feed, bounds, &head_length, error);

  return calendar != NULL &&
         feed_writer_append (writer, calendar, head_length, error) &&
         write_feed_events (feed, writer, bounds, key, built, n_events, error) &&
         feed_writer_append (writer, calendar + head_length, strlen (calendar + head_length), error) &&
         feed_writer_flush (writer, error);
}

/**
 * atelier_invite_write_feed:
 * @from: (nullable): the earliest start, or %NULL
 * @to: (nullable): the start before which to stop, or %NULL
 * @stream: where to write; neither flushed nor closed
 * @n_events: (out) (optional): how many sessions the feed holds
 *
 * Writes the public schedule: a METHOD:PUBLISH calendar of the scheduled
 * sessions in the range, with the store as ORGANIZER and no ATTENDEE.
 * What libical writes for each session is kept in the store for the
 * next feed (see above); nothing else is changed. Refused, with nothing
 * written, while the store has no organiser mailbox.
 *
 * Returns: %TRUE if the whole feed was written
 */
gboolean
atelier_invite_write_feed (AtelierStore   *store,
                           GDateTime      *from,
                           GDateTime      *to,
                           GOutputStream  *stream,
                           guint          *n_events,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GPtrArray) built = g_ptr_array_new_with_free_func (built_event_free);
  g_autofree char *buffer = g_malloc (FEED_BUFFER_SIZE);
  g_autofree char *key = NULL;
  gint64 bounds[2] = {
    from ? g_date_time_to_unix (from) : G_MININT64,
    to ? g_date_time_to_unix (to) : G_MAXINT64,
  };
  FeedWriter writer = { stream, cancellable, buffer, 0 };
  Feed feed = { NULL };
  gboolean own_transaction;
  guint n = 0;
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (n_events != NULL)
    *n_events = 0;

  settings = atelier_settings_load (store, error);
  if (settings == NULL || !atelier_settings_check_can_invite (settings, error))
    return FALSE;

  /* One snapshot for the whole feed, in which to keep the new events. */
  own_transaction = !atelier_db_in_transaction (atelier_store_get_db (store));
  if (own_transaction && !atelier_store_exec (store, "BEGIN", error))
    return FALSE;

  feed_init (&feed, store, settings);
  key = feed_key (&feed);
  ok = write_feed (&feed, &writer, bounds, key, built, &n, error);
  feed_clear (&feed);

  if (own_transaction && ok && built->len > 0)
    keep_built_events (store, key, built);
  else if (own_transaction)
    atelier_store_rollback (store);

  if (ok && n_events != NULL)
    *n_events = n;

  return ok;
}

/**
 * atelier_invite_build_feed:
 * @from: (nullable): the earliest start, or %NULL
 * @to: (nullable): the start before which to stop, or %NULL
 *
 * The public schedule (see atelier_invite_write_feed()) as one string.
 *
 * Returns: (transfer full): the iCalendar text, or %NULL with @error set
 */
char *
atelier_invite_build_feed (AtelierStore  *store,
                           GDateTime     *from,
                           GDateTime     *to,
                           GError       **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  if (!atelier_invite_write_feed (store, from, to, stream, NULL, NULL, error) ||
      !g_output_stream_write_all (stream, "", 1, NULL, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}
