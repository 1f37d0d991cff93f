/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-invite.c: settings, REQUEST/CANCEL/PUBLISH calendars and mails */
#define G_LOG_DOMAIN "test-invite"

#include "config.h"

#include <gmime/gmime.h>

#include "atelier-mail.h"
#include "atelier-reschedule.h"
#include "test-ical-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)

typedef IcalFixture Fixture;

/* Settings */

static void
test_settings_keys_and_defaults (Fixture *f, gconstpointer data)
{
  const char * const *keys = atelier_settings_list_keys ();
  g_autoptr(AtelierSettings) defaults = atelier_settings_new ();

  /* 15, and the IMAP account's 7 and the interval of replies */
  g_assert_cmpuint (g_strv_length ((GStrv) keys), ==, 23);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_assert_nonnull (atelier_settings_describe_key (keys[i]));
      g_assert_nonnull (atelier_settings_get (defaults, keys[i]));
    }
  g_assert_null (atelier_settings_describe_key ("colour"));

  g_assert_cmpstr (atelier_settings_get_organizer (defaults), ==, "");
  g_assert_cmpint (atelier_settings_get_reminder (defaults), ==, 24 * 60);
  g_assert_true (atelier_settings_get_rsvp (defaults));
  g_assert_cmpstr (atelier_settings_get_language (defaults), ==, "en");
  /* C.UTF-8 has no currency of its own. */
  g_assert_cmpstr (atelier_settings_get_currency (defaults), ==, "EUR");
  /* The tests run with TZ=Europe/Paris. */
  g_assert_cmpstr (atelier_settings_get_time_zone (defaults), ==, "Europe/Paris");
}

static void
assert_write (Fixture *f, const char *key, const char *value, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;

  g_assert_true (atelier_settings_write (f->base.store, key, value, &error));
  g_assert_no_error (error);
  read = atelier_settings_read (f->base.store, key, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read, ==, expected);
}

static void
assert_refused (Fixture *f, const char *key, const char *value, int code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (atelier_settings_write (f->base.store, key, value, &error));
  g_assert_error (error, ATELIER_SETTINGS_ERROR, code);
  g_assert_nonnull (strchr (error->message, '.'));
}

static void
test_settings_validation (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierStore) reopened = NULL;
  g_autoptr(AtelierSettings) settings = NULL;

  assert_write (f, "organizer", " mailto:Shop@Example.org ", "Shop@Example.org");
  assert_write (f, "reminder", "2h", "120");
  assert_write (f, "reminder", "off", "0");
  assert_write (f, "reminder", "1d", "1440");
  assert_write (f, "reminder", "90", "90");
  assert_write (f, "rsvp", "no", "false");
  assert_write (f, "rsvp", "TRUE", "true");
  assert_write (f, "language", "FR", "fr");
  assert_write (f, "time-zone", "America/Montreal", "America/Montreal");
  assert_write (f, "store-name", "  L’Atelier de Zoé  ", "L’Atelier de Zoé");
  /* NULL restores the default. */
  assert_write (f, "language", NULL, "en");

  assert_refused (f, "colour", "blue", ATELIER_SETTINGS_ERROR_UNKNOWN_KEY);
  assert_refused (f, "organizer", "not an address", ATELIER_SETTINGS_ERROR_INVALID);
  assert_refused (f, "organizer", "shop@example.org\r\nBcc: x@y.z", ATELIER_SETTINGS_ERROR_INVALID);
  assert_refused (f, "organizer", "a@b@c", ATELIER_SETTINGS_ERROR_INVALID);
  assert_refused (f, "organizer", "\"shop\"@example.org", ATELIER_SETTINGS_ERROR_INVALID);
  assert_refused (f, "reminder", "-5", ATELIER_SETTINGS_ERROR_INVALID);
  assert_refused (f, "reminder", "5y", ATELIER_SETTINGS_ERROR_INVALID);
  assert_refused (f, "reminder", "99999999999999999999", ATELIER_SETTINGS_ERROR_INVALID);
  assert_refused (f, "rsvp", "perhaps", ATELIER_SETTINGS_ERROR_INVALID);
  assert_refused (f, "language", "de", ATELIER_SETTINGS_ERROR_INVALID);
  assert_refused (f, "time-zone", "Mars/Olympus", ATELIER_SETTINGS_ERROR_INVALID);
  assert_refused (f, "address", "line one\nline two", ATELIER_SETTINGS_ERROR_INVALID);

  /* Stored: another connection sees them. */
  reopened = atelier_store_open (f->base.path, &error);
  g_assert_no_error (error);
  settings = atelier_settings_load (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_settings_get_organizer (settings), ==, "Shop@Example.org");
  g_assert_cmpint (atelier_settings_get_reminder (settings), ==, 90);
  g_assert_cmpstr (atelier_settings_get_time_zone (settings), ==, "America/Montreal");
}

/* The table refuses what the C code would: a writer that bypasses it
 * cannot store an unusable value. */
static void
test_settings_table_checks (Fixture *f, gconstpointer data)
{
  static const char *const refused[] = {
    "INSERT INTO settings VALUES ('colour', 'blue')",
    "INSERT OR REPLACE INTO settings VALUES ('reminder', 'soon')",
    "INSERT OR REPLACE INTO settings VALUES ('rsvp', 'maybe')",
    "INSERT OR REPLACE INTO settings VALUES ('language', 'de')",
    "INSERT OR REPLACE INTO settings VALUES ('organizer', 'nobody')",
    "INSERT OR REPLACE INTO settings VALUES ('store-name', 'a' || char (10) || 'b')",
  };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->base.path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_cmpint (sqlite3_exec (db, refused[i], NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* Invites */

typedef struct
{
  AtelierSettings *settings;
  AtelierSession  *session;
  AtelierWorkshop *workshop;
  AtelierCustomer *customer;
  AtelierRegistration *registration;
} Loaded;

static void
load (Fixture *f, gint64 registration_id, Loaded *l)
{
  g_autoptr(GError) error = NULL;

  l->settings = atelier_settings_load (f->base.store, &error);
  l->registration = atelier_store_get_registration (f->base.store, registration_id, &error);
  l->session = atelier_store_get_session (f->base.store,
                                          atelier_registration_get_session_id (l->registration), &error);
  l->workshop = atelier_store_get_workshop (f->base.store, f->workshop_id, &error);
  l->customer = atelier_store_get_customer (f->base.store,
                                            atelier_registration_get_customer_id (l->registration), &error);
  g_assert_no_error (error);
}

static void
loaded_clear (Loaded *l)
{
  g_clear_object (&l->settings);
  g_clear_object (&l->session);
  g_clear_object (&l->workshop);
  g_clear_object (&l->customer);
  g_clear_object (&l->registration);
}

static void
assert_local_time (icalproperty *property, const char *tzid, int hour, int minute)
{
  icalparameter *parameter = icalproperty_get_first_parameter (property, ICAL_TZID_PARAMETER);
  struct icaltimetype t = icalproperty_get_dtstart (property);

  g_assert_nonnull (parameter);
  g_assert_cmpstr (icalparameter_get_tzid (parameter), ==, tzid);
  g_assert_false (icaltime_is_utc (t));
  g_assert_cmpint (t.hour, ==, hour);
  g_assert_cmpint (t.minute, ==, minute);
}

static void
test_request (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 4);
  gint64 zoe = ical_sign_up (f, s, "Zoé", "Ñúñez", "zoe@example.org", 2, "Allergique aux noix");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = atelier_invite_build_for_registration (f->base.store, zoe, &error);
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(AtelierSession) session = atelier_store_get_session (f->base.store, s, NULL);
  icalcomponent *event, *alarm, *vtimezone;
  icalproperty *p;

  g_assert_no_error (error);
  calendar = parse_ical (text, "REQUEST");
  g_assert_true (icalrestriction_check (calendar));
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);

  g_assert_cmpstr (icalcomponent_get_uid (event), ==, atelier_session_get_uid (session));
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 0);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Risotto aux cèpes");
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "12 rue Mercière, 69002 Lyon");
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
  g_assert_nonnull (strstr (icalcomponent_get_description (event), LONG_FRENCH_DESCRIPTION));
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Host: Chef Élodie Marchand"));
  g_assert_nonnull (strstr (icalcomponent_get_description (event),
                            "What you take home: Un bocal de bouillon maison"));
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Party of 2"));
  /* The store's notes about people never reach them. */
  g_assert_null (strstr (text, "noix"));

  assert_local_time (icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY), "Europe/Paris", 18, 30);
  p = icalcomponent_get_first_property (event, ICAL_DTEND_PROPERTY);
  g_assert_nonnull (icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER));
  g_assert_cmpint (icaltime_as_timet_with_zone (icalcomponent_get_dtstart (event),
                                                icaltimezone_get_builtin_timezone ("Europe/Paris")),
                   ==, atelier_session_get_starts_at (session));

  /* The zone: plain IANA name, cut to recent years. */
  vtimezone = find_vtimezone (calendar, "Europe/Paris");
  g_assert_nonnull (vtimezone);
  g_assert_null (strstr (text, "freeassociation"));
  g_assert_null (strstr (text, "DTSTART:1981"));
  g_assert_cmpint (icalcomponent_count_components (vtimezone, ICAL_XSTANDARD_COMPONENT), >=, 1);
  g_assert_cmpint (icalcomponent_count_components (vtimezone, ICAL_XDAYLIGHT_COMPONENT), >=, 1);

  p = icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY);
  g_assert_cmpstr (icalproperty_get_organizer (p), ==, "mailto:ateliers@cuisine.example");
  g_assert_cmpstr (icalparameter_get_cn (icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER)),
                   ==, "Cuisine & Co, Lyon; 2e");

  g_assert_cmpint (count_properties (event, ICAL_ATTENDEE_PROPERTY), ==, 1);
  p = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
  g_assert_cmpstr (icalproperty_get_attendee (p), ==, "mailto:zoe@example.org");
  g_assert_cmpstr (icalparameter_get_cn (icalproperty_get_first_parameter (p, ICAL_CN_PARAMETER)),
                   ==, "Zoé Ñúñez");
  g_assert_cmpint (icalparameter_get_role (icalproperty_get_first_parameter (p, ICAL_ROLE_PARAMETER)),
                   ==, ICAL_ROLE_REQPARTICIPANT);
  g_assert_cmpint (icalparameter_get_partstat (icalproperty_get_first_parameter (p, ICAL_PARTSTAT_PARAMETER)),
                   ==, ICAL_PARTSTAT_NEEDSACTION);
  g_assert_cmpint (icalparameter_get_rsvp (icalproperty_get_first_parameter (p, ICAL_RSVP_PARAMETER)),
                   ==, ICAL_RSVP_TRUE);

  alarm = icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT);
  g_assert_nonnull (alarm);
  g_assert_cmpint (icaldurationtype_as_int (icalproperty_get_trigger (
    icalcomponent_get_first_property (alarm, ICAL_TRIGGER_PROPERTY)).duration), ==, -24 * 3600);
}

static void
test_request_settings (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 4);
  gint64 zoe = ical_sign_up (f, s, "Zoé", "Martin", "zoe@example.org", 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  g_autoptr(AtelierSession) session = atelier_store_get_session (f->base.store, s, NULL);
  icalcomponent *event;
  icalproperty *attendee;

  g_assert_true (atelier_settings_write (f->base.store, "rsvp", "false", &error));
  g_assert_true (atelier_settings_write (f->base.store, "reminder", "off", &error));
  g_assert_true (atelier_settings_write (f->base.store, "language", "fr", &error));
  g_object_set (session, "place", "Salle du fond", NULL);
  g_assert_true (atelier_reschedule_update_session (f->base.store, session, NULL, &error));
  g_assert_no_error (error);

  text = atelier_invite_build_for_registration (f->base.store, zoe, &error);
  g_assert_no_error (error);
  calendar = parse_ical (text, "REQUEST");
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  attendee = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
  g_assert_cmpint (icalparameter_get_rsvp (icalproperty_get_first_parameter (attendee, ICAL_RSVP_PARAMETER)),
                   ==, ICAL_RSVP_FALSE);
  g_assert_null (icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT));
  g_assert_cmpstr (icalcomponent_get_location (event), ==, "Salle du fond");
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 1);
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Animé par\302\240: Chef Élodie Marchand"));
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Groupe de 1"));
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 1);
  gint64 zoe = ical_sign_up (f, s, "Zoé", "Martin", "zoe@example.org", 1, NULL);
  gint64 hugo = ical_sign_up (f, s, "Hugo", "Moreau", "hugo@example.org", 1, NULL);
  g_autoptr(GError) error = NULL;
  char *text;

  /* A waiting party gets no invite. */
  text = atelier_invite_build_for_registration (f->base.store, hugo, &error);
  g_assert_null (text);
  g_assert_error (error, ATELIER_INVITE_ERROR, ATELIER_INVITE_ERROR_WAITLISTED);
  g_clear_error (&error);

  /* No organiser mailbox, no invite, and a sentence saying why. */
  g_assert_true (atelier_settings_write (f->base.store, "organizer", NULL, NULL));
  text = atelier_invite_build_for_registration (f->base.store, zoe, &error);
  g_assert_null (text);
  g_assert_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ORGANIZER);
  g_assert_nonnull (strstr (error->message, "organizer"));
  g_clear_error (&error);
  text = atelier_invite_build_feed (f->base.store, NULL, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ORGANIZER);
  g_clear_error (&error);
  g_assert_true (atelier_settings_write (f->base.store, "organizer", "shop@example.org", NULL));

  /* An address that is not one: the store refuses it now, but one
   * written before the rule may be there. */
  {
    static const char bad[] = "zoe@example.org>\r\nBcc: all@example.org";
    g_autoptr(AtelierCustomer) c = atelier_store_get_customer (f->base.store, 1, NULL);
    char *sql = sqlite3_mprintf ("UPDATE customers SET email = %Q WHERE id = 1", bad);
    sqlite3 *db = NULL;

    g_object_set (c, "email", bad, NULL);
    g_assert_false (atelier_store_update_customer (f->base.store, c, NULL));
    g_assert_cmpint (sqlite3_open (f->base.path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
    sqlite3_free (sql);
  }
  text = atelier_invite_build_for_registration (f->base.store, zoe, &error);
  g_assert_null (text);
  g_assert_error (error, ATELIER_INVITE_ERROR, ATELIER_INVITE_ERROR_BAD_ADDRESS);
}

/* Names, notes and titles with the characters that delimit iCalendar
 * properties and parameters stay inside their values. */
static void
test_injection (Fixture *f, gconstpointer data)
{
  static const char title[] = "Risotto\r\nATTENDEE;CN=Evil:mailto:evil@example.net\r\n, ; : \" \\ end";
  static const char given[] = "Zoé\r\nATTENDEE:mailto:evil@example.net";
  static const char family[] = "O\"Brien;ROLE=CHAIR:x,y\\z\nEND:VEVENT";
  static const char note[] = "X-INJECTED:1\r\nATTENDEE:mailto:note@example.net";
  g_autoptr(AtelierWorkshop) workshop = atelier_store_get_workshop (f->base.store, f->workshop_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  icalcomponent *event;
  icalproperty *attendee;
  const char *cn;
  gint64 s, r;

  g_object_set (workshop, "title", title,
                "host", "Chef\r\nORGANIZER:mailto:evil@example.net",
                "description", "Line one;\r\nDESCRIPTION:two, \\three",
                NULL);
  g_assert_true (atelier_store_update_workshop (f->base.store, workshop, &error));
  g_assert_true (atelier_settings_write (f->base.store, "store-name", "Shop \"Best\"; a:b, c\\d", &error));
  g_assert_no_error (error);
  s = ical_session_in_days (f, 5, 4);
  r = ical_sign_up (f, s, given, family, "zoe@example.org", 1, note);

  text = atelier_invite_build_for_registration (f->base.store, r, &error);
  g_assert_no_error (error);
  calendar = parse_ical (text, "REQUEST");
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);

  /* The properties are the ones built, no more. */
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 1);
  g_assert_cmpint (count_properties (event, ICAL_ATTENDEE_PROPERTY), ==, 1);
  g_assert_cmpint (count_properties (event, ICAL_ORGANIZER_PROPERTY), ==, 1);
  g_assert_cmpint (count_properties (event, ICAL_DESCRIPTION_PROPERTY), ==, 1);
  g_assert_cmpint (count_properties (event, ICAL_X_PROPERTY), ==, 0);
  g_assert_cmpint (count_lines_starting (text, "ATTENDEE"), ==, 1);
  g_assert_cmpint (count_lines_starting (text, "END:VEVENT"), ==, 1);
  g_assert_null (strstr (text, "evil@example.net\r\n"));
  g_assert_null (strstr (text, "note@example.net"));
  g_assert_null (strstr (text, "X-INJECTED"));

  /* TEXT values come back as they were, line breaks and all. */
  g_assert_cmpstr (icalcomponent_get_summary (event), ==,
                   "Risotto  ATTENDEE;CN=Evil:mailto:evil@example.net  , ; : ' \\ end");
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Line one;\nDESCRIPTION:two, \\three"));
  g_assert_nonnull (strstr (icalcomponent_get_description (event), "Chef\nORGANIZER:mailto:evil@example.net"));

  /* Parameters: the attendee keeps exactly its five, its CN one value. */
  attendee = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
  g_assert_cmpstr (icalproperty_get_attendee (attendee), ==, "mailto:zoe@example.org");
  g_assert_cmpint (count_parameters (attendee), ==, 5);
  cn = icalparameter_get_cn (icalproperty_get_first_parameter (attendee, ICAL_CN_PARAMETER));
  g_assert_cmpstr (cn, ==, "Zoé  ATTENDEE:mailto:evil@example.net O'Brien;ROLE=CHAIR:x,y\\z END:VEVENT");
  g_assert_cmpint (icalparameter_get_role (icalproperty_get_first_parameter (attendee, ICAL_ROLE_PARAMETER)),
                   ==, ICAL_ROLE_REQPARTICIPANT);
  g_assert_cmpint (count_parameters (icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY)), ==, 1);
}

static void
test_cancel_calendars (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 4);
  gint64 r = ical_sign_up (f, s, "Zoé", "Martin", "zoe@example.org", 1, NULL);
  Loaded l = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *one = NULL;
  g_autofree char *all = NULL;
  g_autoptr(icalcomponent) c1 = NULL;
  g_autoptr(icalcomponent) c2 = NULL;
  icalcomponent *event;

  load (f, r, &l);
  one = atelier_invite_build (l.settings, l.session, l.workshop, l.customer, 1,
                              ATELIER_INVITE_CANCELLED, 3, &error);
  g_assert_no_error (error);
  c1 = parse_ical (one, "CANCEL");
  g_assert_true (icalrestriction_check (c1));
  event = icalcomponent_get_first_component (c1, ICAL_VEVENT_COMPONENT);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 3);
  g_assert_null (icalcomponent_get_first_property (event, ICAL_STATUS_PROPERTY));
  g_assert_null (icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT));
  g_assert_cmpint (count_properties (event, ICAL_ATTENDEE_PROPERTY), ==, 1);

  g_assert_true (atelier_booking_cancel_session (f->base.store, s, &error));
  loaded_clear (&l);
  load (f, r, &l);
  all = atelier_invite_build (l.settings, l.session, l.workshop, l.customer, 1,
                              ATELIER_INVITE_SESSION_CANCELLED, 1, &error);
  g_assert_no_error (error);
  c2 = parse_ical (all, "CANCEL");
  event = icalcomponent_get_first_component (c2, ICAL_VEVENT_COMPONENT);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
  g_assert_cmpint (count_properties (event, ICAL_ATTENDEE_PROPERTY), ==, 1);

  /* A cancelled session gets no new REQUEST. */
  g_assert_null (atelier_invite_build (l.settings, l.session, l.workshop, l.customer, 1,
                                       ATELIER_INVITE_UPDATE, 2, &error));
  g_assert_error (error, ATELIER_INVITE_ERROR, ATELIER_INVITE_ERROR_SESSION_CANCELLED);
  loaded_clear (&l);
}

static void
test_feed (Fixture *f, gconstpointer data)
{
  gint64 a = ical_session_in_days (f, 3, 4);
  gint64 b = ical_session_in_days (f, 4, 4);
  gint64 cancelled = ical_session_in_days (f, 5, 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(icalcomponent) calendar = NULL;
  icalproperty *name = NULL;
  int n_events = 0;

  ical_sign_up (f, a, "Zoé", "Martin", "zoe@example.org", 1, NULL);
  g_assert_true (atelier_booking_cancel_session (f->base.store, cancelled, &error));
  g_assert_no_error (error);

  text = atelier_invite_build_feed (f->base.store, NULL, NULL, &error);
  g_assert_no_error (error);
  calendar = parse_ical (text, "PUBLISH");
  g_assert_true (icalrestriction_check (calendar));

  /* X-WR-CALNAME: libical leaves X- values alone, so they are escaped. */
  g_assert_nonnull (strstr (text, "X-WR-CALNAME:Cuisine & Co\\, Lyon\\; 2e\r\n"));
  for (icalproperty *p = icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY);
       p != NULL; p = icalcomponent_get_next_property (calendar, ICAL_X_PROPERTY))
    if (g_strcmp0 (icalproperty_get_x_name (p), "X-WR-CALNAME") == 0)
      name = p;
  g_assert_nonnull (name);

  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       e != NULL; e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      n_events++;
      g_assert_cmpint (count_properties (e, ICAL_ATTENDEE_PROPERTY), ==, 0);
      g_assert_cmpint (count_properties (e, ICAL_ORGANIZER_PROPERTY), ==, 1);
      g_assert_cmpint (icalcomponent_get_status (e), ==, ICAL_STATUS_CONFIRMED);
    }
  g_assert_cmpint (n_events, ==, 2);
  g_assert_null (strstr (text, "ATTENDEE"));
  g_assert_null (strstr (text, "zoe@example.org"));
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 1);

  /* A range, from b's start on: b only, the cancelled one left out. */
  {
    g_autoptr(AtelierSession) session_b = atelier_store_get_session (f->base.store, b, NULL);
    g_autoptr(GDateTime) from = g_date_time_new_from_unix_utc (atelier_session_get_starts_at (session_b));
    g_autofree char *later = atelier_invite_build_feed (f->base.store, from, NULL, &error);
    g_autoptr(icalcomponent) parsed = parse_ical (later, "PUBLISH");

    g_assert_cmpint (icalcomponent_count_components (parsed, ICAL_VEVENT_COMPONENT), ==, 1);
  }
}

/* The feed, kept events and all */

/* @text less its DTSTAMP lines: two feeds made at different times may
 * differ there only. */
static char *
without_stamps (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  GString *rest = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "DTSTAMP:"))
      g_string_append_printf (rest, "%s\r\n", lines[i]);

  return g_string_free (rest, FALSE);
}

/* Runs @sql on a connection of its own to the store's file. */
static void
exec_sql (Fixture *f, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->base.path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static int
n_kept (Fixture *f)
{
  return atoi (test_query_text (f->base.store, "SELECT count (*) FROM feed_events"));
}

static char *
build_feed (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *text = atelier_invite_build_feed (f->base.store, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static int
count_occurrences (const char *text, const char *what)
{
  int n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;
  return n;
}

/* The feed written now (from what was kept, as far as it is still
 * good) is the feed that building every event gives; returns it. */
static char *
assert_feed_as_built (Fixture *f)
{
  g_autofree char *kept = build_feed (f);
  g_autofree char *built = NULL;
  g_autofree char *kept_rest = NULL;
  g_autofree char *built_rest = NULL;
  g_autoptr(icalcomponent) calendar = parse_ical (kept, "PUBLISH");

  exec_sql (f, "DELETE FROM feed_events");
  built = build_feed (f);
  kept_rest = without_stamps (kept);
  built_rest = without_stamps (built);
  g_assert_cmpstr (kept_rest, ==, built_rest);

  return g_steal_pointer (&kept);
}

static void
update_session (Fixture *f, gint64 id, const char *property, gint64 shift, const char *place)
{
  g_autoptr(AtelierSession) session = atelier_store_get_session (f->base.store, id, NULL);
  g_autoptr(GError) error = NULL;

  if (property != NULL)
    g_object_set (session,
                  "starts-at", atelier_session_get_starts_at (session) + shift,
                  "ends-at", atelier_session_get_ends_at (session) + shift,
                  NULL);
  if (place != NULL)
    g_object_set (session, "place", place, NULL);
  g_assert_true (atelier_reschedule_update_session (f->base.store, session, NULL, &error));
  g_assert_no_error (error);
}

/* What a feed keeps of each event is used again, and never once
 * anything it was built from changed. */
static void
test_feed_kept (Fixture *f, gconstpointer data)
{
  gint64 a = ical_session_in_days (f, 3, 4);
  gint64 b = ical_session_in_days (f, 4, 4);
  gint64 c = ical_session_in_days (f, 5, 4);
  g_autoptr(AtelierWorkshop) workshop = atelier_store_get_workshop (f->base.store, f->workshop_id, NULL);
  g_autoptr(AtelierSession) replacement = NULL;
  g_autoptr(AtelierSession) session_c = atelier_store_get_session (f->base.store, c, NULL);
  g_autofree char *uid_c = g_strdup (atelier_session_get_uid (session_c));
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_cmpint (n_kept (f), ==, 0);
  text = build_feed (f);
  g_assert_cmpint (n_kept (f), ==, 3);
  g_free (text);

  /* What was kept is what is written: an event altered in the store
   * shows as altered. */
  exec_sql (f, "UPDATE feed_events SET vevent = replace (vevent, 'SUMMARY:', 'SUMMARY:Kept ')");
  text = build_feed (f);
  g_assert_cmpint (count_occurrences (text, "SUMMARY:Kept "), ==, 3);
  g_free (text);
  exec_sql (f, "DELETE FROM feed_events");
  g_free (build_feed (f));

  /* The workshop: its three sessions are built again. */
  g_object_set (workshop, "title", "Risotto, deuxième version", NULL);
  g_assert_true (atelier_store_update_workshop (f->base.store, workshop, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_kept (f), ==, 0);
  text = assert_feed_as_built (f);
  g_assert_cmpint (count_occurrences (text, "SUMMARY:Risotto\\, deuxième version\r\n"), ==, 3);
  g_free (text);

  /* A session's time, another's place: only theirs go. */
  update_session (f, b, "starts-at", 3600, NULL);
  update_session (f, a, NULL, 0, "Cuisine du premier étage");
  g_assert_cmpint (n_kept (f), ==, 1);
  text = assert_feed_as_built (f);
  g_assert_nonnull (strstr (text, "LOCATION:Cuisine du premier étage\r\n"));
  g_assert_nonnull (strstr (text, "T193000\r\n"));
  g_free (text);

  /* The settings an event shows. */
  g_free (build_feed (f));
  g_assert_true (atelier_settings_write (f->base.store, "store-name", "Autre boutique", &error));
  text = assert_feed_as_built (f);
  g_assert_cmpint (count_occurrences (text, "ORGANIZER;CN=Autre boutique:"), ==, 3);
  g_free (text);
  g_free (build_feed (f));
  g_assert_true (atelier_settings_write (f->base.store, "address", "3 place Bellecour, Lyon", &error));
  text = assert_feed_as_built (f);
  g_assert_cmpint (count_occurrences (text, "LOCATION:3 place Bellecour\\, Lyon\r\n"), ==, 2);
  g_free (text);
  g_free (build_feed (f));
  g_assert_true (atelier_settings_write (f->base.store, "language", "fr", &error));
  g_free (assert_feed_as_built (f));
  g_free (build_feed (f));
  g_assert_true (atelier_settings_write (f->base.store, "organizer", "autre@cuisine.example", &error));
  text = assert_feed_as_built (f);
  g_assert_cmpint (count_occurrences (text, ":mailto:autre@cuisine.example\r\n"), ==, 3);
  g_free (text);
  g_assert_no_error (error);

  /* A cancelled session leaves the feed; a new session that takes its
   * number never gets its event. */
  g_free (build_feed (f));
  g_assert_true (atelier_booking_cancel_session (f->base.store, c, &error));
  g_assert_no_error (error);
  text = assert_feed_as_built (f);
  g_assert_null (strstr (text, uid_c));
  g_free (text);
  g_free (build_feed (f));
  exec_sql (f, "INSERT INTO feed_events (session_id, format, start_offset, end_offset, vevent)"
               " SELECT 3, format, start_offset, end_offset, vevent FROM feed_events"
               " WHERE session_id = 1");
  g_assert_true (atelier_store_delete_session (f->base.store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_kept (f), ==, 2);
  exec_sql (f, "INSERT INTO feed_events (session_id, format, start_offset, end_offset, vevent)"
               " SELECT 3, format, start_offset, end_offset, vevent FROM feed_events"
               " WHERE session_id = 1");
  g_assert_cmpint (ical_session_in_days (f, 6, 4), ==, c);
  replacement = atelier_store_get_session (f->base.store, c, NULL);
  text = assert_feed_as_built (f);
  g_assert_nonnull (strstr (text, atelier_session_get_uid (replacement)));
  g_assert_cmpint (count_occurrences (text, "BEGIN:VEVENT\r\n"), ==, 3);
  g_free (text);

  /* Kept under other offsets or another key: built again, and kept
   * anew. */
  g_free (build_feed (f));
  exec_sql (f, "UPDATE feed_events SET start_offset = start_offset + 3600,"
               " vevent = replace (vevent, 'SUMMARY:', 'SUMMARY:Stale ') WHERE session_id = 1;"
               "UPDATE feed_events SET format = 'another',"
               " vevent = replace (vevent, 'SUMMARY:', 'SUMMARY:Stale ') WHERE session_id = 2");
  text = assert_feed_as_built (f);
  g_assert_null (strstr (text, "Stale"));
  g_free (text);
  g_free (build_feed (f));
  g_assert_cmpstr (test_query_text (f->base.store,
                                    "SELECT count (*) FROM feed_events WHERE vevent LIKE '%Stale%'"
                                    " OR format <> (SELECT format FROM feed_events WHERE session_id = 3)"),
                   ==, "0");
}

/* The wall times of a session's zone, from its UTC times, across
 * changes of offset, in several zones, cold and kept. */
static void
test_feed_time_zones (Fixture *f, gconstpointer data)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) first = g_date_time_new (paris, 2027, 1, 4, 18, 30, 0);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  struct { GTimeZone *zone; const char *tzid; int y, mo, d, h, mi, minutes; } special[] = {
    /* across the night the clocks go forward: 01:30 to 04:30 is 2 hours */
    { paris, "Europe/Paris", 2027, 3, 28, 1, 30, 120 },
    { new_york, "America/New_York", 2027, 11, 7, 0, 30, 180 },
    { NULL, "UTC", 2027, 6, 1, 9, 0, 60 },
  };
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 60; i++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, i * 17);
      g_autoptr(GDateTime) starts = g_date_time_new (paris, g_date_time_get_year (day),
                                                     g_date_time_get_month (day),
                                                     g_date_time_get_day_of_month (day), 18, 30, 0);
      g_autoptr(GDateTime) ends = g_date_time_add_minutes (starts, 150);
      g_autoptr(AtelierSession) session = atelier_session_new (f->workshop_id, starts, ends, "Europe/Paris");
      g_autofree char *start_text = g_date_time_format (starts, "%Y%m%dT%H%M%S");
      g_autofree char *end_text = g_date_time_format (ends, "%Y%m%dT%H%M%S");

      g_object_set (session, "capacity", 4, NULL);
      g_assert_true (atelier_store_add_session (f->base.store, session, &error));
      g_assert_no_error (error);
      g_hash_table_insert (expected, g_strdup (atelier_session_get_uid (session)),
                           g_strdup_printf ("Europe/Paris %s %s", start_text, end_text));
    }
  for (guint i = 0; i < G_N_ELEMENTS (special); i++)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr(GDateTime) starts = g_date_time_new (special[i].zone ? special[i].zone : utc,
                                                     special[i].y, special[i].mo, special[i].d,
                                                     special[i].h, special[i].mi, 0);
      g_autoptr(GDateTime) ends = g_date_time_add_minutes (starts, special[i].minutes);
      g_autoptr(AtelierSession) session = atelier_session_new (f->workshop_id, starts, ends, special[i].tzid);
      g_autofree char *start_text = g_date_time_format (starts, "%Y%m%dT%H%M%S");
      g_autofree char *end_text = g_date_time_format (ends, "%Y%m%dT%H%M%S");

      g_object_set (session, "capacity", 4, NULL);
      g_assert_true (atelier_store_add_session (f->base.store, session, &error));
      g_assert_no_error (error);
      g_hash_table_insert (expected, g_strdup (atelier_session_get_uid (session)),
                           g_strdup_printf ("%s %s%s %s%s", special[i].tzid,
                                            start_text, special[i].zone ? "" : "Z",
                                            end_text, special[i].zone ? "" : "Z"));
    }

  /* Built, then kept */
  for (int round = 0; round < 2; round++)
    {
      g_autofree char *text = round == 0 ? assert_feed_as_built (f) : build_feed (f);
      g_autoptr(icalcomponent) calendar = parse_ical (text, "PUBLISH");
      guint n_events = 0;

      g_assert_cmpint (n_kept (f), ==, 63);
      g_assert_nonnull (find_vtimezone (calendar, "Europe/Paris"));
      g_assert_nonnull (find_vtimezone (calendar, "America/New_York"));
      g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VTIMEZONE_COMPONENT), ==, 2);
      for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
           e != NULL; e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
        {
          icalproperty *start = icalcomponent_get_first_property (e, ICAL_DTSTART_PROPERTY);
          icalproperty *end = icalcomponent_get_first_property (e, ICAL_DTEND_PROPERTY);
          icalparameter *tzid = icalproperty_get_first_parameter (start, ICAL_TZID_PARAMETER);
          g_autofree char *start_text = icaltime_as_ical_string_r (icalproperty_get_dtstart (start));
          g_autofree char *end_text = icaltime_as_ical_string_r (icalproperty_get_dtend (end));
          g_autofree char *seen = g_strdup_printf ("%s %s %s", tzid ? icalparameter_get_tzid (tzid) : "UTC",
                                                   start_text, end_text);

          g_assert_cmpstr (seen, ==, g_hash_table_lookup (expected, icalcomponent_get_uid (e)));
          n_events++;
        }
      g_assert_cmpuint (n_events, ==, 63);
    }
}

/* The feed goes to a stream as it is built; a stream that fails or a
 * cancellation stop it, and nothing is kept then. */
static void
test_feed_stream (Fixture *f, gconstpointer data)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  char small[300];
  g_autoptr(GOutputStream) full = g_memory_output_stream_new (small, sizeof small, NULL, NULL);
  g_autoptr(GOutputStream) unused = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *streamed = NULL;
  g_autofree char *text = NULL;
  g_autofree char *streamed_rest = NULL;
  g_autofree char *text_rest = NULL;
  guint n = 0;

  for (int i = 0; i < 3; i++)
    ical_session_in_days (f, 3 + i, 4);

  g_assert_true (atelier_invite_write_feed (f->base.store, NULL, NULL, stream, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));
  streamed = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
  text = build_feed (f);
  streamed_rest = without_stamps (streamed);
  text_rest = without_stamps (text);
  g_assert_cmpstr (streamed_rest, ==, text_rest);

  exec_sql (f, "DELETE FROM feed_events");
  g_assert_false (atelier_invite_write_feed (f->base.store, NULL, NULL, full, &n, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (n_kept (f), ==, 0);

  g_cancellable_cancel (cancelled);
  g_assert_false (atelier_invite_write_feed (f->base.store, NULL, NULL, unused, &n, cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (n_kept (f), ==, 0);

  /* Without an organiser, nothing is written at all. */
  g_clear_error (&error);
  g_assert_true (atelier_settings_write (f->base.store, "organizer", "", NULL));
  g_assert_false (atelier_invite_write_feed (f->base.store, NULL, NULL, unused, &n, NULL, &error));
  g_assert_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ORGANIZER);
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (unused)), ==, 0);
}

/* An independent parser: python3-icalendar reads an invite and a feed. */
static void
test_python_icalendar (Fixture *f, gconstpointer data)
{
  static const char script[] =
    "import sys, icalendar\n"
    "invite = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
    "assert str(invite['METHOD']) == 'REQUEST', invite['METHOD']\n"
    "events = invite.walk('VEVENT')\n"
    "assert len(events) == 1\n"
    "e = events[0]\n"
    "att = e['ATTENDEE']\n"
    "assert not isinstance(att, list), att\n"
    "assert str(att) == 'mailto:zoe@example.org', att\n"
    "assert att.params['CN'] == 'Zoé \"Z\" Ñúñez;x'.replace('\"', \"'\"), att.params['CN']\n"
    "assert str(e['SUMMARY']) == 'Risotto aux cèpes', e['SUMMARY']\n"
    "assert e['DTSTART'].dt.tzinfo is not None\n"
    "assert e['DTSTART'].params['TZID'] == 'Europe/Paris'\n"
    "assert e['DTSTART'].dt.hour == 18 and e['DTSTART'].dt.minute == 30\n"
    "assert e['DTSTAMP'].dt.utcoffset().total_seconds() == 0\n"
    "assert 'cèpes séchés' in str(e['DESCRIPTION'])\n"
    "tzids = [str(t['TZID']) for t in invite.walk('VTIMEZONE')]\n"
    "assert tzids == ['Europe/Paris'], tzids\n"
    "feed = icalendar.Calendar.from_ical(open(sys.argv[2], 'rb').read())\n"
    "assert str(feed['METHOD']) == 'PUBLISH'\n"
    "assert str(feed['X-WR-CALNAME']) == 'Cuisine & Co, Lyon; 2e', feed['X-WR-CALNAME']\n"
    "assert len(feed.walk('VEVENT')) == 1\n"
    "assert all('ATTENDEE' not in ev for ev in feed.walk('VEVENT'))\n"
    "print('ok')\n";
  gint64 s = ical_session_in_days (f, 10, 4);
  gint64 r = ical_sign_up (f, s, "Zoé \"Z\"", "Ñúñez;x", "zoe@example.org", 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *invite = atelier_invite_build_for_registration (f->base.store, r, &error);
  g_autofree char *feed = atelier_invite_build_feed (f->base.store, NULL, NULL, &error);
  g_autofree char *invite_path = g_build_filename (f->base.dir, "invite.ics", NULL);
  g_autofree char *feed_path = g_build_filename (f->base.dir, "feed.ics", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "/usr/bin/python3", "-c", script, invite_path, feed_path, NULL };
  int status = 0;

  g_assert_no_error (error);
  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE) ||
      system ("/usr/bin/python3 -c 'import icalendar' 2>/dev/null") != 0)
    {
      g_test_skip ("python3-icalendar is not installed");
      return;
    }

  g_assert_true (g_file_set_contents (invite_path, invite, -1, NULL));
  g_assert_true (g_file_set_contents (feed_path, feed, -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3-icalendar refused the files:\n%s", err);
  g_assert_cmpstr (out, ==, "ok\n");
}

/* Mails */

static GMimeMessage *
parse_mail (GBytes *bytes)
{
  g_autoptr(GMimeStream) stream = g_mime_stream_mem_new_with_buffer (g_bytes_get_data (bytes, NULL),
                                                                     g_bytes_get_size (bytes));
  g_autoptr(GMimeParser) parser = g_mime_parser_new_with_stream (stream);

  return g_mime_parser_construct_message (parser, NULL);
}

static char *
part_text (GMimeObject *object)
{
  GMimeDataWrapper *content = g_mime_part_get_content (GMIME_PART (object));
  g_autoptr(GMimeStream) out = g_mime_stream_mem_new ();
  GByteArray *array;

  g_assert_cmpint (g_mime_part_get_content_encoding (GMIME_PART (object)), ==, GMIME_CONTENT_ENCODING_BASE64);
  g_mime_data_wrapper_write_to_stream (content, out);
  array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (out));
  return g_strndup ((const char *) array->data, array->len);
}

static void
check_mail (Fixture *f, gint64 r, AtelierInviteKind kind, const char *method, const char *subject_start)
{
  Loaded l = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *calendar = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  g_autoptr(GMimeMessage) parsed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *headers = NULL;
  g_autofree char *inline_text = NULL;
  g_autofree char *attached_text = NULL;
  g_autoptr(icalcomponent) inline_calendar = NULL;
  GMimeObject *root, *alternative, *plain, *ical, *attachment;
  InternetAddressList *list;
  InternetAddress *address;

  load (f, r, &l);
  calendar = atelier_invite_build (l.settings, l.session, l.workshop, l.customer, 2, kind, 4, &error);
  g_assert_no_error (error);
  message = atelier_mail_new_invite (l.settings, l.session, l.workshop, l.customer, 2, kind, calendar, &error);
  g_assert_no_error (error);
  bytes = atelier_mail_to_bytes (message);
  raw = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  /* Headers are ASCII: the names and the subject are RFC 2047 words. */
  headers = g_strndup (raw, strstr (raw, "\r\n\r\n") - raw);
  for (const char *p = headers; *p != '\0'; p++)
    g_assert_cmpint ((guchar) *p, <, 0x80);
  g_assert_nonnull (strstr (headers, "=?"));

  parsed = parse_mail (bytes);
  g_assert_nonnull (parsed);
  g_assert_true (g_str_has_prefix (g_mime_message_get_subject (parsed), subject_start));
  list = g_mime_message_get_from (parsed);
  g_assert_cmpint (internet_address_list_length (list), ==, 1);
  address = internet_address_list_get_address (list, 0);
  g_assert_cmpstr (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address)), ==,
                   "ateliers@cuisine.example");
  g_assert_cmpstr (internet_address_get_name (address), ==, "Cuisine & Co, Lyon; 2e");
  list = g_mime_message_get_to (parsed);
  g_assert_cmpint (internet_address_list_length (list), ==, 1);
  address = internet_address_list_get_address (list, 0);
  g_assert_cmpstr (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (address)), ==, "zoe@example.org");
  g_assert_cmpstr (internet_address_get_name (address), ==, "Zoé Ñúñez");
  g_assert_null (g_mime_message_get_cc (parsed) ? internet_address_list_get_address (g_mime_message_get_cc (parsed), 0) : NULL);

  /* multipart/mixed [ multipart/alternative [ text/plain, text/calendar ], invite.ics ] */
  root = g_mime_message_get_mime_part (parsed);
  g_assert_true (g_mime_content_type_is_type (g_mime_object_get_content_type (root), "multipart", "mixed"));
  g_assert_cmpint (g_mime_multipart_get_count (GMIME_MULTIPART (root)), ==, 2);
  alternative = g_mime_multipart_get_part (GMIME_MULTIPART (root), 0);
  g_assert_true (g_mime_content_type_is_type (g_mime_object_get_content_type (alternative), "multipart", "alternative"));
  g_assert_cmpint (g_mime_multipart_get_count (GMIME_MULTIPART (alternative)), ==, 2);
  plain = g_mime_multipart_get_part (GMIME_MULTIPART (alternative), 0);
  g_assert_true (g_mime_content_type_is_type (g_mime_object_get_content_type (plain), "text", "plain"));
  ical = g_mime_multipart_get_part (GMIME_MULTIPART (alternative), 1);
  g_assert_true (g_mime_content_type_is_type (g_mime_object_get_content_type (ical), "text", "calendar"));
  g_assert_cmpstr (g_mime_object_get_content_type_parameter (ical, "method"), ==, method);
  g_assert_cmpstr (g_mime_object_get_content_type_parameter (ical, "charset"), ==, "UTF-8");
  attachment = g_mime_multipart_get_part (GMIME_MULTIPART (root), 1);
  g_assert_cmpstr (g_mime_part_get_filename (GMIME_PART (attachment)), ==, "invite.ics");
  g_assert_cmpstr (g_mime_object_get_disposition (attachment), ==, "attachment");

  inline_text = part_text (ical);
  attached_text = part_text (attachment);
  g_assert_cmpstr (inline_text, ==, calendar);
  g_assert_cmpstr (attached_text, ==, calendar);
  inline_calendar = parse_ical (inline_text, method);

  {
    g_autofree char *body = g_mime_text_part_get_text (GMIME_TEXT_PART (plain));
    /* Greeted by the given name, as every mail template does. */
    g_assert_nonnull (strstr (body, "Zoé,"));
    g_assert_nonnull (strstr (body, "Risotto aux cèpes"));
  }

  loaded_clear (&l);
}

static void
test_mail (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 4);
  gint64 r = ical_sign_up (f, s, "Zoé", "Ñúñez", "zoe@example.org", 2, NULL);

  check_mail (f, r, ATELIER_INVITE_NEW, "REQUEST", "Invitation: Risotto aux cèpes, ");
  check_mail (f, r, ATELIER_INVITE_UPDATE, "REQUEST", "Updated: ");
  check_mail (f, r, ATELIER_INVITE_CANCELLED, "CANCEL", "Cancelled: ");

  g_assert_true (atelier_settings_write (f->base.store, "language", "fr", NULL));
  check_mail (f, r, ATELIER_INVITE_NEW, "REQUEST", "Invitation\302\240: Risotto aux cèpes, ");
  check_mail (f, r, ATELIER_INVITE_PROMOTED, "REQUEST", "Une place pour vous");
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/atelier/invite/" path, Fixture, NULL, ical_fixture_setup, func, ical_fixture_teardown)

  ADD ("settings/keys-and-defaults", test_settings_keys_and_defaults);
  ADD ("settings/validation", test_settings_validation);
  ADD ("settings/table-checks", test_settings_table_checks);
  ADD ("request", test_request);
  ADD ("request/settings", test_request_settings);
  ADD ("refusals", test_refusals);
  ADD ("injection", test_injection);
  ADD ("cancel", test_cancel_calendars);
  ADD ("feed", test_feed);
  ADD ("feed/kept", test_feed_kept);
  ADD ("feed/time-zones", test_feed_time_zones);
  ADD ("feed/stream", test_feed_stream);
  ADD ("python-icalendar", test_python_icalendar);
  ADD ("mail", test_mail);

  return g_test_run ();
}
