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

#include "atelier-invite.h"
#include "atelier-store-private.h"
#include "atelier-wording-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

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

/* Adds the VTIMEZONE of @tzid once, starting a year before @earliest. */
static void
add_time_zone (icalcomponent *calendar,
               const char    *tzid,
               gint64         earliest)
{
  icaltimezone *zone = builtin_zone (tzid);
  g_autoptr(GDateTime) first = g_date_time_new_from_unix_utc (earliest);
  struct icaltimetype start = icaltime_null_time ();
  icalcomponent *vtimezone;
  icalproperty *property;

  if (zone == NULL)
    return;

  vtimezone = icalcomponent_new_clone (icaltimezone_get_component (zone));
  start.year = g_date_time_get_year (first) - 1;
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

  /* VTIMEZONEs come before the events that use them. */
  icalcomponent_add_component (calendar, vtimezone);
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

/* What it is, what one takes home, who hosts it, and (for an invite) the
 * size of the party: nothing of the store's notes about anyone. */
static char *
describe (AtelierSettings *settings,
          AtelierWorkshop *workshop,
          int              party_size)
{
  const char *language = atelier_settings_get_language (settings);
  const char *takeaway = atelier_workshop_get_takeaway (workshop);
  const char *host = atelier_workshop_get_host (workshop);
  GString *text = g_string_new (NULL);

  append_paragraph (text, atelier_workshop_get_description (workshop));
  if (takeaway != NULL && *takeaway != '\0')
    {
      g_autofree char *line = atelier_wording_expand (language, ATELIER_WORDING_TAKEAWAY,
                                                      "takeaway", takeaway, NULL);
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
           AtelierSession  *session,
           AtelierWorkshop *workshop,
           int              party_size,
           int              sequence)
{
  const char *tzid = atelier_session_get_time_zone (session);
  icaltimezone *zone = builtin_zone (tzid);
  g_autofree char *description = describe (settings, workshop, party_size);
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
              AtelierWorkshop *workshop)
{
  g_autofree char *title = clean_line (atelier_workshop_get_title (workshop));
  g_autofree char *text = atelier_wording_expand (atelier_settings_get_language (settings),
                                                  ATELIER_WORDING_REMINDER, "title", title, NULL);
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
  if (!atelier_settings_is_valid_mailbox (email))
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

  event = new_event (settings, session, workshop, cancel ? 0 : party_size, sequence);
  if (kind == ATELIER_INVITE_SESSION_CANCELLED)
    icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CANCELLED));
  else if (!cancel)
    icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property (event, new_attendee (settings, customer,
                                                   !cancel && atelier_settings_get_rsvp (settings)));
  if (!cancel && atelier_settings_get_reminder (settings) > 0)
    icalcomponent_add_component (event, new_reminder (settings, workshop));
  icalcomponent_add_component (calendar, event);

  return calendar_to_string (calendar);
}

/* The SEQUENCE the registration's customer gets with a new REQUEST. */
static int
request_sequence (AtelierStore  *store,
                  gint64         registration_id,
                  GError       **error)
{
  sqlite3_stmt *stmt = atelier_store_prepare (store,
                                              "SELECT s.sequence + r.sequence_offset"
                                              "  + (coalesce (r.sent_method, '') = 'CANCEL')"
                                              " FROM registrations r"
                                              " JOIN sessions s ON s.id = r.session_id"
                                              " WHERE r.id = ?",
                                              error);
  int sequence = -1;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, registration_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    sequence = sqlite3_column_int (stmt, 0);
  else
    atelier_store_set_error (store, rc, error);
  sqlite3_reset (stmt);

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

static AtelierWorkshop *
cached_workshop (AtelierStore  *store,
                 GHashTable    *workshops,
                 gint64         id,
                 GError       **error)
{
  AtelierWorkshop *workshop = g_hash_table_lookup (workshops, &id);
  gint64 *key;

  if (workshop != NULL)
    return workshop;

  workshop = atelier_store_get_workshop (store, id, error);
  if (workshop == NULL)
    return NULL;
  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_insert (workshops, key, workshop);
  return workshop;
}

/* Each zone's VTIMEZONE, from a year before its first session. */
static void
add_feed_time_zones (icalcomponent *calendar,
                     GListModel    *sessions)
{
  g_autoptr(GHashTable) earliest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer tzid, first;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (sessions, i);
      const char *zone = atelier_session_get_time_zone (session);

      /* Sessions come by start: the first seen is the earliest. */
      if (!g_hash_table_contains (earliest, zone))
        g_hash_table_insert (earliest, g_strdup (zone),
                             g_memdup2 (&(gint64) { atelier_session_get_starts_at (session) },
                                        sizeof (gint64)));
    }

  g_hash_table_iter_init (&iter, earliest);
  while (g_hash_table_iter_next (&iter, &tzid, &first))
    add_time_zone (calendar, tzid, *(gint64 *) first);
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

/**
 * atelier_invite_build_feed:
 * @from: (nullable): the earliest start, or %NULL
 * @to: (nullable): the start before which to stop, or %NULL
 *
 * The public schedule: a METHOD:PUBLISH calendar of the scheduled
 * sessions in the range, with the store as ORGANIZER and no ATTENDEE.
 *
 * Returns: (transfer full): the iCalendar text, or %NULL with @error set
 */
char *
atelier_invite_build_feed (AtelierStore  *store,
                           GDateTime     *from,
                           GDateTime     *to,
                           GError       **error)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GHashTable) workshops = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  const char *name;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  settings = atelier_settings_load (store, error);
  if (settings == NULL || !atelier_settings_check_can_invite (settings, error))
    return NULL;
  sessions = atelier_store_list_sessions (store, from, to, error);
  if (sessions == NULL)
    return NULL;

  calendar = new_calendar ("PUBLISH");
  name = atelier_settings_get_store_name (settings);
  add_x_text (calendar, "X-WR-CALNAME", *name != '\0' ? name : "Atelier");
  add_x_text (calendar, "X-WR-TIMEZONE", atelier_settings_get_time_zone (settings));
  add_feed_time_zones (calendar, sessions);

  workshops = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (sessions, i);
      AtelierWorkshop *workshop;
      icalcomponent *event;

      if (atelier_session_is_cancelled (session))
        continue;
      workshop = cached_workshop (store, workshops, atelier_session_get_workshop_id (session), error);
      if (workshop == NULL)
        return NULL;

      event = new_event (settings, session, workshop, 0, atelier_session_get_sequence (session));
      icalcomponent_add_property (event, icalproperty_new_status (ICAL_STATUS_CONFIRMED));
      icalcomponent_add_component (calendar, event);
    }

  return calendar_to_string (calendar);
}
