/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-mail-text.c: what the mails say, as a real SMTP server on
 * 127.0.0.1 receives them: the update that names each change since the
 * customer's last mail, the customer's language, the invite templates */
#define G_LOG_DOMAIN "test-mail-text"

#include "config.h"

#include "atelier-mail-template.h"
#include "test-mail-util.h"

typedef MailFixture Fixture;

/* French typography: a no-break space before ":" (U+00A0). */
#define NBSP "\302\240"

static gint64
paris_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) t = g_date_time_new (paris, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (t);
}

/* Saturday 12 June 2027, 10:00 to 12:30 in Paris, in the kitchen. */
static gint64
add_session (Fixture *f)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) start = g_date_time_new (paris, 2027, 6, 12, 10, 0, 0);
  g_autoptr(GDateTime) end = g_date_time_new (paris, 2027, 6, 12, 12, 30, 0);
  g_autoptr(AtelierSession) session = atelier_session_new (f->ical.workshop_id, start, end, "Europe/Paris");
  g_autoptr(GError) error = NULL;

  g_object_set (session, "capacity", 10, "place", "Kitchen", NULL);
  g_assert_true (atelier_store_add_session (f->ical.base.store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static gint64
sign_up (Fixture *f, gint64 session, const char *given, const char *email, const char *language)
{
  g_autoptr(AtelierCustomer) c = atelier_customer_new (given, "Test");
  g_autoptr(AtelierRegistration) r = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (c, "email", email, "preferred-language", language, NULL);
  g_assert_true (atelier_store_add_customer (f->ical.base.store, c, &error));
  g_assert_no_error (error);
  r = atelier_booking_sign_up (f->ical.base.store, session, c, 2, NULL, &error);
  g_assert_no_error (error);
  return atelier_registration_get_id (r);
}

static void
change_session (Fixture *f, gint64 session_id, const char *first_property, ...)
{
  g_autoptr(AtelierSession) s = atelier_store_get_session (f->ical.base.store, session_id, NULL);
  g_autoptr(GError) error = NULL;
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (s), first_property, args);
  va_end (args);
  g_assert_true (atelier_booking_update_session (f->ical.base.store, s, NULL, &error));
  g_assert_no_error (error);
}

/* Sends what is due and checks how many went. */
static void
send_expecting (Fixture *f, guint n_sent)
{
  g_autoptr(GError) error = NULL;
  AtelierMailReport report;

  g_assert_true (mail_send (f, mail_now (), &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_sent, ==, n_sent);
}

/* The @index-th message the server took, parsed. */
static GMimeMessage *
received (Fixture *f, guint index)
{
  g_autoptr(GPtrArray) records = mail_read_log (f);

  g_assert_cmpuint (records->len, >, index);
  return mail_parse (json_object_get_string_member (records->pdata[index], "data"));
}

/* The last message the server took for @address, parsed. */
static GMimeMessage *
received_by (Fixture *f, const char *address)
{
  g_autoptr(GPtrArray) records = mail_read_log (f);

  for (guint i = records->len; i > 0; i--)
    if (g_strcmp0 (mail_record_to (records->pdata[i - 1]), address) == 0)
      return mail_parse (json_object_get_string_member (records->pdata[i - 1], "data"));
  g_error ("Nothing was sent to %s", address);
}

static char *
received_text (Fixture *f, guint index)
{
  g_autoptr(GMimeMessage) message = received (f, index);

  return mail_plain_text (message);
}

static void
assert_contains (const char *text, const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

static void
assert_lacks (const char *text, const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” found in:\n%s", part, text);
}

/* --- The update says what changed ------------------------------------------- */

static void
test_update_end (Fixture *f, gconstpointer data)
{
  gint64 session = add_session (f);
  g_autofree char *text = NULL;

  mail_start_server (f, "starttls", NULL);
  sign_up (f, session, "Zoé", "zoe@example.org", NULL);
  send_expecting (f, 1);

  change_session (f, session, "ends-at", paris_time (2027, 6, 12, 13, 30), NULL);
  send_expecting (f, 1);

  text = received_text (f, 1);
  assert_contains (text, "Hello Zoé,");
  assert_contains (text, "The end time has changed: it now ends at 13:30 instead of 12:30.");
  assert_lacks (text, "start time");
  assert_lacks (text, "date has changed");
  assert_lacks (text, "place has changed");
}

static void
test_update_end_french (Fixture *f, gconstpointer data)
{
  gint64 session = add_session (f);
  g_autofree char *text = NULL;
  g_autoptr(GMimeMessage) message = NULL;

  mail_start_server (f, "starttls", NULL);
  mail_write_setting (f, "language", "fr");
  sign_up (f, session, "Zoé", "zoe@example.org", NULL);
  send_expecting (f, 1);

  change_session (f, session, "ends-at", paris_time (2027, 6, 12, 13, 30), NULL);
  send_expecting (f, 1);

  message = received (f, 1);
  g_assert_true (g_str_has_prefix (g_mime_message_get_subject (message), "Modification" NBSP ": "));
  text = received_text (f, 1);
  assert_contains (text, "L’heure de fin a changé" NBSP ": la séance se termine désormais à 13:30 "
                         "au lieu de 12:30.");
  assert_lacks (text, "début");
}

/* Two changes before a send: one update that names both, each against
 * what the invite said. */
static void
test_update_two_changes (Fixture *f, gconstpointer data)
{
  gint64 session = add_session (f);
  g_autofree char *text = NULL;

  mail_start_server (f, "starttls", NULL);
  sign_up (f, session, "Zoé", "zoe@example.org", NULL);
  send_expecting (f, 1);

  change_session (f, session, "starts-at", paris_time (2027, 6, 12, 10, 30), NULL);
  change_session (f, session, "place", "Terrace", NULL);
  send_expecting (f, 1);

  text = received_text (f, 1);
  assert_contains (text, "The start time has changed: it now starts at 10:30 instead of 10:00.");
  assert_contains (text, "The place has changed: it now takes place at Terrace instead of Kitchen.");
  assert_lacks (text, "end time");
}

/* An update a customer received is what the next one is measured from;
 * a move of day says the whole new date. */
static void
test_update_since_last_received (Fixture *f, gconstpointer data)
{
  gint64 session = add_session (f);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  mail_start_server (f, "starttls", NULL);
  sign_up (f, session, "Zoé", "zoe@example.org", NULL);
  send_expecting (f, 1);

  change_session (f, session, "ends-at", paris_time (2027, 6, 12, 13, 30), NULL);
  send_expecting (f, 1);
  change_session (f, session,
                  "starts-at", paris_time (2027, 6, 19, 10, 0),
                  "ends-at", paris_time (2027, 6, 19, 13, 30), NULL);
  send_expecting (f, 1);

  second = received_text (f, 1);
  assert_contains (second, "it now ends at 13:30 instead of 12:30.");
  third = received_text (f, 2);
  assert_contains (third, "The date has changed: it now takes place on Saturday 19 June 2027, 10:00 "
                          "instead of Saturday 12 June 2027, 10:00.");
  assert_lacks (third, "end time");
}

/* --- The customer's language ------------------------------------------------ */

/* The DESCRIPTION of the invite's event, unfolded and unescaped. */
static char *
calendar_description (GMimeMessage *message)
{
  g_autofree char *text = mail_calendar_text (message, NULL);
  g_autoptr(icalcomponent) calendar = icalcomponent_new_from_string (text);
  icalcomponent *event;

  g_assert_nonnull (calendar);
  event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  g_assert_nonnull (event);
  return g_strdup (icalcomponent_get_description (event));
}


static void
test_language_french_customer (Fixture *f, gconstpointer data)
{
  gint64 session = add_session (f);
  g_autoptr(GMimeMessage) message = NULL;
  g_autofree char *text = NULL;
  g_autofree char *calendar = NULL;
  g_autofree char *english = NULL;

  mail_start_server (f, "starttls", NULL);
  mail_write_setting (f, "language", "en");
  sign_up (f, session, "Zoé", "zoe@example.org", "fr");
  sign_up (f, session, "Anna", "anna@example.org", NULL);
  send_expecting (f, 2);

  message = received_by (f, "zoe@example.org");
  g_assert_cmpstr (g_mime_message_get_subject (message), ==,
                   "Invitation" NBSP ": Risotto aux cèpes, samedi 12 juin 2027 à 10:00");
  text = mail_plain_text (message);
  assert_contains (text, "Bonjour Zoé,");
  assert_contains (text, "(groupe de 2)");
  calendar = calendar_description (message);
  assert_contains (calendar, "Ce que vous emportez");
  assert_contains (calendar, "Groupe de 2");

  g_clear_object (&message);
  message = received_by (f, "anna@example.org");
  english = mail_plain_text (message);
  assert_contains (english, "Hello Anna,");
}

static void
test_language_english_customer (Fixture *f, gconstpointer data)
{
  gint64 session = add_session (f);
  g_autoptr(GMimeMessage) message = NULL;
  g_autofree char *text = NULL;
  g_autofree char *calendar = NULL;
  g_autofree char *cancellation = NULL;

  mail_start_server (f, "starttls", NULL);
  mail_write_setting (f, "language", "fr");
  sign_up (f, session, "Anna", "anna@example.org", "en");
  send_expecting (f, 1);

  message = received (f, 0);
  g_assert_cmpstr (g_mime_message_get_subject (message), ==,
                   "Invitation: Risotto aux cèpes, Saturday 12 June 2027, 10:00");
  text = mail_plain_text (message);
  assert_contains (text, "Hello Anna,");
  calendar = calendar_description (message);
  assert_contains (calendar, "What you take home");
  assert_lacks (calendar, "Ce que vous emportez");

  change_session (f, session, "place", "Terrace", NULL);
  send_expecting (f, 1);
  g_assert_true (atelier_booking_cancel_session (f->ical.base.store, session, NULL));
  send_expecting (f, 1);
  cancellation = received_text (f, 2);
  assert_contains (cancellation, "We are sorry");
}

/* --- What to bring ----------------------------------------------------------- */

static void
set_bring (Fixture *f, const char *bring)
{
  g_autoptr(AtelierWorkshop) w = atelier_store_get_workshop (f->ical.base.store, f->ical.workshop_id, NULL);
  g_autoptr(AtelierWorkshop) again = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (w, "bring", bring, NULL);
  g_assert_true (atelier_store_update_workshop (f->ical.base.store, w, &error));
  g_assert_no_error (error);
  again = atelier_store_get_workshop (f->ical.base.store, f->ical.workshop_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_workshop_get_bring (again), ==, bring);
}

/* The invite and the reminder say what to bring, several lines and all,
 * and so does the calendar's description. */
static void
test_bring_said (Fixture *f, gconstpointer data)
{
  gint64 session = add_session (f);
  g_autoptr(GMimeMessage) invite = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *reminder = NULL;
  g_autoptr(GError) error = NULL;
  AtelierMailReport report;

  set_bring (f, "An apron\nA sharp knife");
  mail_start_server (f, "starttls", NULL);
  sign_up (f, session, "Zoé", "zoe@example.org", NULL);
  send_expecting (f, 1);

  invite = received (f, 0);
  text = mail_plain_text (invite);
  assert_contains (text, "Place: Kitchen\r\nWhat to bring: An apron\r\nA sharp knife\r\n");
  description = calendar_description (invite);
  assert_contains (description, "What to bring: An apron\nA sharp knife");

  g_assert_true (mail_send (f, paris_time (2027, 6, 11, 12, 0), &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_sent, ==, 1);
  reminder = received_text (f, 1);
  assert_contains (reminder, "This is a reminder");
  assert_contains (reminder, "What to bring: An apron\r\nA sharp knife\r\n");
}

/* Nothing to bring: no line at all, not "What to bring: ". */
static void
test_bring_empty (Fixture *f, gconstpointer data)
{
  gint64 session = add_session (f);
  g_autoptr(GMimeMessage) invite = NULL;
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *reminder = NULL;
  g_autoptr(GError) error = NULL;
  AtelierMailReport report;

  mail_start_server (f, "starttls", NULL);
  mail_write_setting (f, "language", "fr");
  sign_up (f, session, "Zoé", "zoe@example.org", NULL);
  send_expecting (f, 1);
  g_assert_true (mail_send (f, paris_time (2027, 6, 11, 12, 0), &report, &error));
  g_assert_cmpuint (report.n_sent, ==, 1);

  invite = received (f, 0);
  text = mail_plain_text (invite);
  assert_contains (text, "Lieu" NBSP ": Kitchen\r\n\r\n");
  assert_lacks (text, "apporter");
  description = calendar_description (invite);
  assert_lacks (description, "apporter");
  reminder = received_text (f, 1);
  assert_contains (reminder, "Lieu" NBSP ": Kitchen\r\n\r\n");
  assert_lacks (reminder, "apporter");
}

/* --- Templates of the invite mails ------------------------------------------ */

static void
test_template_update (Fixture *f, gconstpointer data)
{
  gint64 session = add_session (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  g_autofree char *text = NULL;
  AtelierMailTemplateId id;

  g_assert_true (atelier_mail_template_from_string ("update", &id, &error));
  g_assert_no_error (error);
  g_assert_false (atelier_mail_template_save (f->ical.base.store, id, "en", "News",
                                              "Hi {given_name}: {chnages}", &error));
  g_assert_error (error, ATELIER_MAIL_TEMPLATE_ERROR, ATELIER_MAIL_TEMPLATE_ERROR_PLACEHOLDER);
  assert_contains (error->message, "{chnages}");
  g_clear_error (&error);
  g_assert_true (atelier_mail_template_save (f->ical.base.store, id, "en", "News of {workshop}",
                                             "Hi {given_name}!\n{changes}\nBring: apron\n", &error));
  g_assert_no_error (error);

  mail_start_server (f, "starttls", NULL);
  sign_up (f, session, "Zoé", "zoe@example.org", NULL);
  send_expecting (f, 1);
  change_session (f, session, "ends-at", paris_time (2027, 6, 12, 13, 30), NULL);
  send_expecting (f, 1);

  message = received (f, 1);
  g_assert_cmpstr (g_mime_message_get_subject (message), ==, "News of Risotto aux cèpes");
  text = mail_plain_text (message);
  /* Latin-1 is enough for this text: it must still read "Zoé". */
  g_assert_cmpstr (text, ==,
                   "Hi Zoé!\r\n"
                   "The end time has changed: it now ends at 13:30 instead of 12:30.\r\n"
                   "Bring: apron\r\n");
}

/* A labelled line whose placeholders are all empty is left out whole; a
 * line of placeholders alone stays. */
static void
test_template_empty_line (void)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;

  g_hash_table_insert (values, (gpointer) "given_name", (gpointer) "Zoé");
  g_hash_table_insert (values, (gpointer) "place", (gpointer) "");
  text = atelier_mail_template_expand ("Hello {given_name},\nPlace: {place}\n{suggestions}\nBye\n", values);
  g_assert_cmpstr (text, ==, "Hello Zoé,\n\nBye\n");
}

static void
test_template_invite_defaults (Fixture *f, gconstpointer data)
{
  static const char *const names[] = { "invite", "promoted", "update", "cancellation", "session-cancelled" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint l = 0; l < 2; l++)
      {
        const char *language = l ? "fr" : "en";
        AtelierMailTemplateId id;
        g_autofree char *subject = NULL;
        g_autofree char *body = NULL;
        gboolean is_default = FALSE;

        g_assert_true (atelier_mail_template_from_string (names[i], &id, &error));
        g_assert_no_error (error);
        g_assert_true (atelier_mail_template_load (f->ical.base.store, id, language, &subject, &body,
                                                   &is_default, &error));
        g_assert_no_error (error);
        g_assert_true (is_default);
        g_assert_true (atelier_mail_template_check (subject, body, &error));
        g_assert_no_error (error);
        /* A store's own text is kept, and a reset brings the default back. */
        g_assert_true (atelier_mail_template_save (f->ical.base.store, id, language, "S", "B {store}", &error));
        g_assert_no_error (error);
        g_clear_pointer (&subject, g_free);
        g_clear_pointer (&body, g_free);
        g_assert_true (atelier_mail_template_load (f->ical.base.store, id, language, &subject, &body,
                                                   &is_default, &error));
        g_assert_false (is_default);
        g_assert_cmpstr (body, ==, "B {store}");
        g_assert_true (atelier_mail_template_reset (f->ical.base.store, id, language, &error));
        g_assert_no_error (error);
      }
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);
  g_mime_init ();

  g_test_add_func ("/atelier/mail-text/template/empty-line", test_template_empty_line);
  if (!mail_can_run ())
    {
      g_test_skip ("python3-aiosmtpd or openssl is missing");
      return 77;
    }

#define ADD(path, fn) g_test_add (path, Fixture, NULL, mail_fixture_setup, fn, mail_fixture_teardown)
  ADD ("/atelier/mail-text/update/end", test_update_end);
  ADD ("/atelier/mail-text/update/end-french", test_update_end_french);
  ADD ("/atelier/mail-text/update/two-changes", test_update_two_changes);
  ADD ("/atelier/mail-text/update/since-last-received", test_update_since_last_received);
  ADD ("/atelier/mail-text/language/french-customer", test_language_french_customer);
  ADD ("/atelier/mail-text/language/english-customer", test_language_english_customer);
  ADD ("/atelier/mail-text/bring/said", test_bring_said);
  ADD ("/atelier/mail-text/bring/empty", test_bring_empty);
  ADD ("/atelier/mail-text/template/update", test_template_update);
  ADD ("/atelier/mail-text/template/invite-defaults", test_template_invite_defaults);
#undef ADD

  return g_test_run ();
}
