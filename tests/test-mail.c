/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-mail.c: sending over SMTP to a real server on 127.0.0.1, the queue's
 * states, failures, reminders, follow-ups and templates */
#define G_LOG_DOMAIN "test-mail"

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include "atelier-mail-template.h"
#include "atelier-privacy.h"
#include "atelier-secret.h"
#include "atelier-smtp.h"
#include "test-mail-util.h"

typedef MailFixture Fixture;

#define ORGANIZER "ateliers@cuisine.example"

/* Three customers of one session, one of them with accents in her name. */
static gint64
three_sign_ups (Fixture *f, gint64 *registrations)
{
  gint64 session = ical_session_in_days (&f->ical, 3, 10);

  registrations[0] = ical_sign_up (&f->ical, session, "Zoé", "Lefèvre", "zoe@example.org", 1, NULL);
  registrations[1] = ical_sign_up (&f->ical, session, "Marc", "Dupont", "marc@example.org", 2, NULL);
  registrations[2] = ical_sign_up (&f->ical, session, "Anna", "Schmidt", "anna@example.org", 1, NULL);
  return session;
}

static const char *const three_addresses[] = { "zoe@example.org", "marc@example.org", "anna@example.org" };

static AtelierMailMessage *
find_message (Fixture *f, gint64 session, gint64 registration, const char *purpose)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) messages = atelier_mail_queue_list_session (f->ical.base.store, session, &error);
  AtelierMailMessage *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(AtelierMailMessage) m = g_list_model_get_item (messages, i);

      if (atelier_mail_message_get_registration_id (m) == registration &&
          g_strcmp0 (atelier_mail_message_get_purpose (m), purpose) == 0)
        {
          g_clear_object (&found);
          found = g_steal_pointer (&m);
        }
    }
  return found;
}

/* --- Settings -------------------------------------------------------------- */

static void
assert_refused (Fixture *f, const char *key, const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (atelier_settings_write (f->ical.base.store, key, value, &error));
  g_assert_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID);
}

static void
test_account_settings (Fixture *f, gconstpointer data)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  assert_refused (f, "smtp-port", "0");
  assert_refused (f, "smtp-port", "70000");
  assert_refused (f, "smtp-security", "ssl");
  assert_refused (f, "smtp-host", "smtp.example.org/path");
  assert_refused (f, "smtp-host", "user@smtp.example.org");
  assert_refused (f, "smtp-ca-file", "relative/ca.pem");

  /* No encryption only to this computer, whichever is set first. */
  mail_write_setting (f, "smtp-host", "smtp.example.org");
  assert_refused (f, "smtp-security", "none");
  mail_write_setting (f, "smtp-host", "localhost");
  mail_write_setting (f, "smtp-security", "none");
  assert_refused (f, "smtp-host", "smtp.example.org");
  mail_write_setting (f, "smtp-host", "127.0.0.1");
  mail_write_setting (f, "smtp-host", "[::1]");

  settings = atelier_settings_load (f->ical.base.store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_settings_get_smtp_port (settings), ==, 25);
  g_assert_cmpint (atelier_settings_get_mail_reminder (settings), ==, 24 * 60);
  g_assert_true (atelier_settings_get_follow_ups (settings));
  g_assert_true (atelier_settings_check_can_send (settings, NULL));

  g_assert_true (atelier_settings_set (settings, "smtp-security", "tls", NULL));
  g_assert_cmpint (atelier_settings_get_smtp_port (settings), ==, 465);
  g_assert_true (atelier_settings_set (settings, "smtp-host", "", NULL));
  g_assert_false (atelier_settings_check_can_send (settings, &error));
  g_assert_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ACCOUNT);
}

static void
test_password_file (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->ical.base.dir, "password", NULL);
  g_autoptr(GError) error = NULL;
  char *password;

  g_assert_true (g_file_set_contents (path, "p4ss word\nsecond line\n", -1, NULL));
  g_assert_cmpint (chmod (path, 0644), ==, 0);
  g_assert_null (atelier_secret_read_password_file (path, &error));
  g_assert_error (error, ATELIER_SECRET_ERROR, ATELIER_SECRET_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "chmod 600"));
  g_clear_error (&error);

  g_assert_cmpint (chmod (path, 0600), ==, 0);
  password = atelier_secret_read_password_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "p4ss word");
  atelier_secret_free (password);
}

/* --- Sending ----------------------------------------------------------------- */

/* What the server received for @address: one message, from the store to
 * that customer only, with the invite for that customer inside. */
static void
assert_received_invite (JsonObject *record, const char *address, const char *method, int sequence)
{
  const char *data = json_object_get_string_member (record, "data");
  g_autoptr(GMimeMessage) message = mail_parse (data);
  InternetAddressList *to = g_mime_message_get_to (message);
  g_autofree char *found_method = NULL;
  g_autofree char *calendar = mail_calendar_text (message, &found_method);
  g_autoptr(icalcomponent) parsed = NULL;
  icalcomponent *event;
  g_autofree char *mailto = g_strconcat ("mailto:", address, NULL);

  g_assert_cmpstr (json_object_get_string_member (record, "from"), ==, ORGANIZER);
  g_assert_cmpstr (mail_record_to (record), ==, address);
  g_assert_cmpint (internet_address_list_length (to), ==, 1);
  g_assert_cmpstr (internet_address_mailbox_get_addr (INTERNET_ADDRESS_MAILBOX (internet_address_list_get_address (to, 0))),
                   ==, address);
  g_assert_nonnull (calendar);
  g_assert_cmpstr (found_method, ==, method);
  parsed = parse_ical (calendar, method);
  event = icalcomponent_get_first_component (parsed, ICAL_VEVENT_COMPONENT);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, sequence);
  g_assert_cmpint (icalcomponent_count_properties (event, ICAL_ATTENDEE_PROPERTY), ==, 1);
  g_assert_cmpstr (icalproperty_get_attendee (icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY)),
                   ==, mailto);

  /* No other customer's address, in the raw message or in the calendar. */
  for (guint i = 0; i < G_N_ELEMENTS (three_addresses); i++)
    if (g_strcmp0 (three_addresses[i], address) != 0)
      {
        g_assert_null (strstr (data, three_addresses[i]));
        g_assert_null (strstr (calendar, three_addresses[i]));
      }
}

static JsonObject *
record_for (GPtrArray *records, const char *address)
{
  JsonObject *found = NULL;

  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (mail_record_to (records->pdata[i]), address) == 0)
      {
        g_assert_null (found);
        found = records->pdata[i];
      }
  g_assert_nonnull (found);
  return found;
}

static void
send_three_invites (Fixture *f)
{
  gint64 registrations[3];
  gint64 session = three_sign_ups (f, registrations);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  AtelierMailReport report;

  g_assert_true (mail_send (f, mail_now (), &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_sent, ==, 3);
  g_assert_cmpuint (report.n_connections, ==, 1);

  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 3);
  g_assert_cmpuint (mail_count_peers (records), ==, 1);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *record = record_for (records, three_addresses[i]);
      g_autoptr(AtelierMailMessage) sent = find_message (f, session, registrations[i], "invite");
      g_autoptr(GMimeMessage) parsed = mail_parse (json_object_get_string_member (record, "data"));

      assert_received_invite (record, three_addresses[i], "REQUEST", 0);
      g_assert_cmpstr (atelier_mail_message_get_state (sent), ==, "sent");
      g_assert_cmpint (atelier_mail_message_get_sent_at (sent), >, 0);
      g_assert_true (g_str_has_prefix (atelier_mail_message_get_server_reply (sent), "250 2.0.0 Ok: queued"));
      g_assert_cmpstr (atelier_mail_message_get_message_id (sent), ==, g_mime_message_get_message_id (parsed));
    }

  /* The accented name went out encoded, and nothing is owed any more. */
  {
    g_autofree char *lower = g_ascii_strdown (json_object_get_string_member (record_for (records, "zoe@example.org"),
                                                                            "data"), -1);
    g_autoptr(GMimeMessage) parsed = mail_parse (json_object_get_string_member (record_for (records, "zoe@example.org"), "data"));
    InternetAddressList *to = g_mime_message_get_to (parsed);

    g_assert_nonnull (strstr (lower, "\nto: =?"));
    g_assert_cmpstr (internet_address_get_name (internet_address_list_get_address (to, 0)), ==, "Zoé Lefèvre");
  }
  g_assert_true (mail_send (f, mail_now (), &report, &error));
  g_assert_cmpuint (report.n_sent, ==, 0);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 3);
}

static void
test_send_starttls (Fixture *f, gconstpointer data)
{
  mail_start_server (f, "starttls", NULL);
  send_three_invites (f);
}

static void
test_send_tls (Fixture *f, gconstpointer data)
{
  mail_start_server (f, "tls", NULL);
  send_three_invites (f);
}

static void
test_refused_recipient (Fixture *f, gconstpointer data)
{
  gint64 registrations[3];
  gint64 session;
  g_autoptr(AtelierMailMessage) refused = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  AtelierMailReport report;

  mail_start_server (f, "starttls", "--reject", "marc@example.org", NULL);
  session = three_sign_ups (f, registrations);

  g_assert_true (mail_send (f, mail_now (), &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_sent, ==, 2);
  g_assert_cmpuint (report.n_failed, ==, 1);

  refused = find_message (f, session, registrations[1], "invite");
  g_assert_cmpstr (atelier_mail_message_get_state (refused), ==, "failed");
  g_assert_nonnull (strstr (atelier_mail_message_get_server_reply (refused),
                            "550 5.1.1 <marc@example.org>: Recipient address rejected"));
  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 2);

  /* Failed for good: not tried again by itself. */
  g_assert_true (mail_send (f, mail_now () + 24 * 3600, &report, &error));
  g_assert_cmpuint (report.n_sent + report.n_failed, ==, 0);
}

static void
test_deferred_then_sent (Fixture *f, gconstpointer data)
{
  gint64 registrations[3];
  gint64 session;
  gint64 now = mail_now ();
  g_autoptr(AtelierMailMessage) deferred = NULL;
  g_autoptr(AtelierMailMessage) sent = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  AtelierMailReport report;
  guint n_waiting = 0, n_failed = 0;

  mail_start_server (f, "starttls", "--defer", "anna@example.org", NULL);
  session = three_sign_ups (f, registrations);

  g_assert_true (mail_send (f, now, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_sent, ==, 2);
  g_assert_cmpuint (report.n_retry, ==, 1);
  deferred = find_message (f, session, registrations[2], "invite");
  g_assert_cmpstr (atelier_mail_message_get_state (deferred), ==, "retry");
  g_assert_cmpint (atelier_mail_message_get_next_attempt_at (deferred), ==,
                   now + atelier_mail_queue_retry_delay (1));
  g_assert_nonnull (strstr (atelier_mail_message_get_server_reply (deferred), "451 4.7.1"));
  g_assert_true (atelier_mail_queue_count (f->ical.base.store, &n_waiting, &n_failed, &error));
  g_assert_cmpuint (n_waiting, ==, 1);
  g_assert_cmpuint (n_failed, ==, 0);

  /* Not before its time, then sent. */
  g_assert_true (mail_send (f, now + 60, &report, &error));
  g_assert_cmpuint (report.n_sent, ==, 0);
  g_assert_true (mail_send (f, now + atelier_mail_queue_retry_delay (1), &report, &error));
  g_assert_cmpuint (report.n_sent, ==, 1);
  sent = find_message (f, session, registrations[2], "invite");
  g_assert_cmpstr (atelier_mail_message_get_state (sent), ==, "sent");
  g_assert_cmpint (atelier_mail_message_get_attempts (sent), ==, 2);
  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 3);
  record_for (records, "anna@example.org");
}

static void
test_retry_bounded (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (atelier_mail_queue_retry_delay (1), ==, 5 * 60);
  g_assert_cmpint (atelier_mail_queue_retry_delay (2), ==, 10 * 60);
  g_assert_cmpint (atelier_mail_queue_retry_delay (3), ==, 20 * 60);
  g_assert_cmpint (atelier_mail_queue_retry_delay (30), ==, 6 * 3600);
}

/* The account cannot be used: the batch stops, every message waits as it was. */
static void
assert_all_pending (Fixture *f, gint64 session)
{
  g_autoptr(GListModel) messages = atelier_mail_queue_list_session (f->ical.base.store, session, NULL);

  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(AtelierMailMessage) m = g_list_model_get_item (messages, i);

      g_assert_cmpstr (atelier_mail_message_get_state (m), ==, "pending");
      g_assert_cmpint (atelier_mail_message_get_attempts (m), ==, 0);
    }
}

static void
test_server_absent (Fixture *f, gconstpointer data)
{
  gint64 registrations[3];
  gint64 session;
  g_autoptr(GError) error = NULL;
  int port;

  mail_start_server (f, "starttls", NULL);
  port = f->port;
  mail_stop_server (f);
  session = three_sign_ups (f, registrations);

  g_assert_false (mail_send (f, mail_now (), NULL, &error));
  g_assert_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_CONNECT);
  g_assert_nonnull (strstr (error->message, "connection refused"));
  g_assert_cmpint (port, >, 0);
  assert_all_pending (f, session);
}

static void
test_wrong_password (Fixture *f, gconstpointer data)
{
  gint64 registrations[3];
  gint64 session;
  g_autoptr(GError) error = NULL;

  mail_start_server (f, "starttls", NULL);
  session = three_sign_ups (f, registrations);

  g_assert_false (atelier_mail_queue_send (f->ical.base.store, "wrong", mail_now (), 0, NULL, NULL,
                                           NULL, NULL, &error));
  g_assert_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "535"));
  assert_all_pending (f, session);
}

static void
test_untrusted_certificate (Fixture *f, gconstpointer data)
{
  gint64 registrations[3];
  gint64 session;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  mail_start_server (f, "tls", NULL);
  mail_write_setting (f, "smtp-ca-file", "");
  session = three_sign_ups (f, registrations);

  g_assert_false (mail_send (f, mail_now (), NULL, &error));
  g_assert_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "not trusted"));
  assert_all_pending (f, session);
  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 0);
}

static void
test_connection_dropped (Fixture *f, gconstpointer data)
{
  gint64 registrations[3];
  gint64 now = mail_now ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  AtelierMailReport report;

  /* The server closes the connection instead of answering the 2nd DATA. */
  mail_start_server (f, "starttls", "--drop-after", "1", NULL);
  three_sign_ups (f, registrations);

  g_assert_true (mail_send (f, now, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_sent, ==, 2);
  g_assert_cmpuint (report.n_retry, ==, 1);
  g_assert_cmpuint (report.n_connections, ==, 2);

  g_assert_true (mail_send (f, now + atelier_mail_queue_retry_delay (1), &report, &error));
  g_assert_cmpuint (report.n_sent, ==, 1);
  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    record_for (records, three_addresses[i]);
}

/* An invite, then an update, then a cancellation: each once, and a queued
 * invite that a change overtook never goes. */
static void
test_once_per_sequence (Fixture *f, gconstpointer data)
{
  gint64 session = ical_session_in_days (&f->ical, 5, 10);
  gint64 registration;
  g_autoptr(AtelierSession) s = NULL;
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(AtelierMailMessage) overtaken = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  AtelierMailReport report;

  mail_start_server (f, "starttls", NULL);
  registration = ical_sign_up (&f->ical, session, "Zoé", "Lefèvre", "zoe@example.org", 1, NULL);
  settings = atelier_settings_load (f->ical.base.store, NULL);

  /* Queued, then the session moves before the batch. */
  g_assert_true (atelier_mail_queue_refresh (f->ical.base.store, settings, mail_now (), 0, &error));
  s = atelier_store_get_session (f->ical.base.store, session, NULL);
  g_object_set (s, "starts-at", atelier_session_get_starts_at (s) + 3600,
                "ends-at", atelier_session_get_ends_at (s) + 3600, NULL);
  g_assert_true (atelier_booking_update_session (f->ical.base.store, s, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (mail_send (f, mail_now (), &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_sent, ==, 1);
  overtaken = find_message (f, session, registration, "invite");
  g_assert_cmpint (atelier_mail_message_get_sequence (overtaken), ==, 1);
  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 1);
  assert_received_invite (records->pdata[0], "zoe@example.org", "REQUEST", 1);

  /* A move after the invite went: an update with a raised SEQUENCE. */
  g_object_set (s, "place", "L’atelier du fond", NULL);
  g_assert_true (atelier_booking_update_session (f->ical.base.store, s, NULL, &error));
  g_assert_true (mail_send (f, mail_now (), &report, &error));
  g_assert_cmpuint (report.n_sent, ==, 1);

  g_assert_true (atelier_booking_cancel (f->ical.base.store, registration, ATELIER_CANCELLED_BY_CUSTOMER,
                                         NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mail_send (f, mail_now (), &report, &error));
  g_assert_cmpuint (report.n_sent, ==, 1);
  g_assert_true (mail_send (f, mail_now (), &report, &error));
  g_assert_cmpuint (report.n_sent, ==, 0);

  g_clear_pointer (&records, g_ptr_array_unref);
  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 3);
  assert_received_invite (records->pdata[1], "zoe@example.org", "REQUEST", 2);
  assert_received_invite (records->pdata[2], "zoe@example.org", "CANCEL", 3);
  g_assert_cmpstr (test_query_text (f->ical.base.store,
                                    "SELECT group_concat (state || ':' || purpose || ':' || sequence, ' ')"
                                    " FROM (SELECT * FROM mail_messages ORDER BY id)"),
                   ==, "superseded:invite:0 sent:invite:1 sent:invite:2 sent:cancel:3");
}

/* Erasing a customer erases their messages, address and all. */
static void
test_erased_customer (Fixture *f, gconstpointer data)
{
  gint64 registrations[3];
  g_autoptr(AtelierRegistration) zoe = NULL;
  g_autoptr(GError) error = NULL;

  mail_start_server (f, "starttls", NULL);
  three_sign_ups (f, registrations);
  g_assert_true (mail_send (f, mail_now (), NULL, &error));
  zoe = atelier_store_get_registration (f->ical.base.store, registrations[0], &error);
  g_assert_cmpstr (test_query_text (f->ical.base.store,
                                    "SELECT count (*) FROM mail_messages WHERE recipient = 'zoe@example.org'"),
                   ==, "1");

  g_assert_true (atelier_privacy_erase_customer (f->ical.base.store,
                                                 atelier_registration_get_customer_id (zoe), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (test_query_text (f->ical.base.store,
                                    "SELECT count (*) FROM mail_messages WHERE recipient = 'zoe@example.org'"),
                   ==, "0");
  g_assert_cmpstr (test_query_text (f->ical.base.store, "SELECT count (*) FROM mail_messages"), ==, "2");
}

/* One batch at a time: another holder of the lock makes this one wait. */
static void
test_one_batch_at_a_time (Fixture *f, gconstpointer data)
{
  g_autofree char *lock_path = g_strconcat (f->ical.base.path, ".mail-lock", NULL);
  gint64 registrations[3];
  g_autoptr(GError) error = NULL;
  int fd;

  mail_start_server (f, "starttls", NULL);
  three_sign_ups (f, registrations);
  fd = open (lock_path, O_RDWR | O_CREAT, 0600);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  g_assert_false (mail_send (f, mail_now (), NULL, &error));
  g_assert_error (error, ATELIER_MAIL_QUEUE_ERROR, ATELIER_MAIL_QUEUE_ERROR_BUSY);
  close (fd);
  g_clear_error (&error);
  g_assert_true (mail_send (f, mail_now (), NULL, &error));
  g_assert_no_error (error);
}

static void
test_lists (Fixture *f, gconstpointer data)
{
  gint64 registrations[3];
  gint64 session;
  g_autoptr(AtelierCustomer) zoe = NULL;
  g_autoptr(AtelierRegistration) r = NULL;
  g_autoptr(GListModel) of_session = NULL;
  g_autoptr(GListModel) of_customer = NULL;
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GError) error = NULL;

  mail_start_server (f, "starttls", "--reject", "marc@example.org", NULL);
  session = three_sign_ups (f, registrations);

  /* What is due, without sending or recording anything */
  due = atelier_mail_queue_list_due (f->ical.base.store, mail_now (), session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (due), ==, 3);
  g_assert_cmpstr (test_query_text (f->ical.base.store, "SELECT count (*) FROM mail_messages"), ==, "0");

  g_assert_true (mail_send (f, mail_now (), NULL, &error));
  of_session = atelier_mail_queue_list_session (f->ical.base.store, session, &error);
  g_assert_cmpuint (g_list_model_get_n_items (of_session), ==, 3);

  r = atelier_store_get_registration (f->ical.base.store, registrations[0], &error);
  g_assert_no_error (error);
  of_customer = atelier_mail_queue_list_customer (f->ical.base.store,
                                                  atelier_registration_get_customer_id (r), &error);
  g_assert_cmpuint (g_list_model_get_n_items (of_customer), ==, 1);
  {
    g_autoptr(AtelierMailMessage) m = g_list_model_get_item (of_customer, 0);
    g_assert_cmpstr (atelier_mail_message_get_recipient (m), ==, "zoe@example.org");
    g_assert_cmpstr (atelier_mail_message_get_workshop_title (m), ==, "Risotto aux cèpes");
  }

  /* Retry puts the failed one back; a sent one cannot be. */
  {
    g_autoptr(AtelierMailMessage) failed = find_message (f, session, registrations[1], "invite");
    g_autoptr(AtelierMailMessage) sent = find_message (f, session, registrations[0], "invite");
    guint n_waiting = 9, n_failed = 9;

    g_assert_true (atelier_mail_queue_count (f->ical.base.store, &n_waiting, &n_failed, &error));
    g_assert_cmpuint (n_waiting, ==, 0);
    g_assert_cmpuint (n_failed, ==, 1);
    g_assert_true (atelier_mail_queue_retry (f->ical.base.store, atelier_mail_message_get_id (failed), &error));
    g_assert_false (atelier_mail_queue_retry (f->ical.base.store, atelier_mail_message_get_id (sent), &error));
    g_assert_error (error, ATELIER_MAIL_QUEUE_ERROR, ATELIER_MAIL_QUEUE_ERROR_NOT_FOUND);
    g_assert_true (atelier_mail_queue_count (f->ical.base.store, &n_waiting, &n_failed, NULL));
    g_assert_cmpuint (n_waiting, ==, 1);
    g_assert_cmpuint (n_failed, ==, 0);
  }
  zoe = NULL;
}

static void
on_async_progress_cb (AtelierMailMessage *message, guint index, guint total,
                      const GError *error, gpointer user_data)
{
  guint *n = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_no_error (error);
  g_assert_cmpuint (index, ==, *n);
  g_assert_cmpuint (total, ==, 3);
  (*n)++;
}

static void
on_async_sent_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;
  AtelierMailReport report;

  g_assert_true (atelier_mail_queue_send_finish (ATELIER_STORE (source), result, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_sent, ==, 3);
  *done = TRUE;
}

/* Off the main thread, with news of each message on the main one. */
static void
test_send_async (Fixture *f, gconstpointer data)
{
  gint64 registrations[3];
  gboolean done = FALSE;
  guint n_progress = 0;

  mail_start_server (f, "starttls", NULL);
  three_sign_ups (f, registrations);

  atelier_mail_queue_send_async (f->ical.base.store, TEST_SMTP_PASSWORD, 0, on_async_progress_cb,
                                 &n_progress, NULL, on_async_sent_cb, &done);
  while (!done || n_progress < 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_progress, ==, 3);
}

typedef struct
{
  GThread *main_thread;
  guint    n_progress;
  guint    n_elsewhere;
} ThreadCheck;

static void
on_thread_check_progress_cb (AtelierMailMessage *message, guint index, guint total,
                             const GError *error, gpointer user_data)
{
  ThreadCheck *check = user_data;

  /* Not an assertion here: it would abort in the sending thread. */
  if (g_thread_self () != check->main_thread)
    check->n_elsewhere++;
  check->n_progress++;
}

static void
on_thread_check_sent_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  gboolean *done = user_data;

  g_assert_true (atelier_mail_queue_send_finish (ATELIER_STORE (source), result, NULL, NULL));
  *done = TRUE;
}

/* The news of each message reaches the main thread even when it is busy
 * elsewhere (not iterating) while the batch goes out: a widget told from
 * the sending thread would be touched from two threads at once. */
static void
test_send_async_busy_main (Fixture *f, gconstpointer data)
{
  ThreadCheck check = { g_thread_self (), 0, 0 };
  gint64 registrations[3];
  gboolean done = FALSE;

  mail_start_server (f, "starttls", NULL);
  three_sign_ups (f, registrations);

  atelier_mail_queue_send_async (f->ical.base.store, TEST_SMTP_PASSWORD, 0, on_thread_check_progress_cb,
                                 &check, NULL, on_thread_check_sent_cb, &done);
  /* Busy without the main loop until the server has every message. */
  for (;;)
    {
      g_autoptr(GPtrArray) records = mail_read_log (f);

      if (records->len == 3)
        break;
      g_usleep (G_USEC_PER_SEC / 100);
    }
  while (!done || check.n_progress < 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (check.n_progress, ==, 3);
  g_assert_cmpuint (check.n_elsewhere, ==, 0);
}

static void
test_send_test_message (Fixture *f, gconstpointer data)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reply = NULL;

  mail_start_server (f, "starttls", NULL);
  settings = atelier_settings_load (f->ical.base.store, NULL);

  g_assert_true (atelier_mail_send_test (settings, TEST_SMTP_PASSWORD, NULL, &reply, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (reply, "250 "));
  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (mail_record_to (records->pdata[0]), ==, ORGANIZER);

  g_assert_false (atelier_mail_send_test (settings, "nope", NULL, NULL, &error));
  g_assert_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "535 5.7.8 Authentication credentials invalid"));
}

/* --- Templates ------------------------------------------------------------- */

static void
test_templates (Fixture *f, gconstpointer data)
{
  AtelierStore *store = f->ical.base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *expanded = NULL;
  gboolean is_default = FALSE;

  g_assert_false (atelier_mail_template_save (store, ATELIER_MAIL_TEMPLATE_REMINDER, "en",
                                              "Hi {given_nmae}", "Text", &error));
  g_assert_error (error, ATELIER_MAIL_TEMPLATE_ERROR, ATELIER_MAIL_TEMPLATE_ERROR_PLACEHOLDER);
  g_assert_nonnull (strstr (error->message, "{given_nmae}"));
  g_clear_error (&error);
  g_assert_false (atelier_mail_template_save (store, ATELIER_MAIL_TEMPLATE_REMINDER, "en",
                                              "Hi", "Text {workshop", &error));
  g_assert_error (error, ATELIER_MAIL_TEMPLATE_ERROR, ATELIER_MAIL_TEMPLATE_ERROR_PLACEHOLDER);
  g_clear_error (&error);
  g_assert_false (atelier_mail_template_save (store, ATELIER_MAIL_TEMPLATE_REMINDER, "en",
                                              "Two\nlines", "Text", &error));
  g_assert_error (error, ATELIER_MAIL_TEMPLATE_ERROR, ATELIER_MAIL_TEMPLATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (atelier_mail_template_save (store, ATELIER_MAIL_TEMPLATE_REMINDER, "de",
                                              "Hi", "Text", &error));
  g_assert_error (error, ATELIER_MAIL_TEMPLATE_ERROR, ATELIER_MAIL_TEMPLATE_ERROR_UNKNOWN);
  g_clear_error (&error);

  /* Nothing refused reached the store. */
  g_assert_true (atelier_mail_template_load (store, ATELIER_MAIL_TEMPLATE_REMINDER, "en", &subject, &body,
                                             &is_default, &error));
  g_assert_true (is_default);
  g_assert_cmpstr (subject, ==, "Reminder: {workshop}, {date}");
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);

  g_assert_true (atelier_mail_template_save (store, ATELIER_MAIL_TEMPLATE_REMINDER, "fr",
                                             "À demain, {given_name}", "{workshop} : {date}, {place}.",
                                             &error));
  g_assert_no_error (error);
  g_assert_true (atelier_mail_template_load (store, ATELIER_MAIL_TEMPLATE_REMINDER, "fr", &subject, &body,
                                             &is_default, &error));
  g_assert_false (is_default);
  g_hash_table_insert (values, (gpointer) "given_name", (gpointer) "Zoé");
  g_hash_table_insert (values, (gpointer) "workshop", (gpointer) "Risotto {date}");
  g_hash_table_insert (values, (gpointer) "date", (gpointer) "samedi");
  g_hash_table_insert (values, (gpointer) "place", (gpointer) "Lyon");
  expanded = atelier_mail_template_expand (body, values);
  /* A value is never read as a template. */
  g_assert_cmpstr (expanded, ==, "Risotto {date} : samedi, Lyon.");
  g_clear_pointer (&expanded, g_free);
  expanded = atelier_mail_template_expand (subject, values);
  g_assert_cmpstr (expanded, ==, "À demain, Zoé");

  g_assert_true (atelier_mail_template_reset (store, ATELIER_MAIL_TEMPLATE_REMINDER, "fr", &error));
  g_clear_pointer (&subject, g_free);
  g_clear_pointer (&body, g_free);
  g_assert_true (atelier_mail_template_load (store, ATELIER_MAIL_TEMPLATE_REMINDER, "fr", &subject, &body,
                                             &is_default, &error));
  g_assert_true (is_default);
  g_assert_true (g_str_has_prefix (subject, "Rappel"));
}

/* --- Reminders and follow-ups ---------------------------------------------- */

static gint64
paris_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) t = g_date_time_new (paris, year, month, day, hour, minute, 0);

  return g_date_time_to_unix (t);
}

static gint64
session_at (Fixture *f, gint64 workshop_id, gint64 starts_at, int minutes)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) start_utc = g_date_time_new_from_unix_utc (starts_at);
  g_autoptr(GDateTime) start = g_date_time_to_timezone (start_utc, paris);
  g_autoptr(GDateTime) end = g_date_time_add_minutes (start, minutes);
  g_autoptr(AtelierSession) session = atelier_session_new (workshop_id, start, end, "Europe/Paris");
  g_autoptr(GError) error = NULL;

  g_object_set (session, "capacity", 10, NULL);
  g_assert_true (atelier_store_add_session (f->ical.base.store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static guint
count_queued (Fixture *f, const char *purpose)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM mail_messages WHERE purpose = '%s'", purpose);

  return atoi (test_query_text (f->ical.base.store, sql));
}

/* 24 h before a Sunday 10:00 after the spring change is Saturday 10:00,
 * 23 hours before: a day of the calendar, not 86,400 seconds. */
static void
test_reminder_across_dst (Fixture *f, gconstpointer data)
{
  gint64 starts = paris_time (2027, 3, 28, 10, 0);
  gint64 due = paris_time (2027, 3, 27, 10, 0);
  gint64 session = session_at (f, f->ical.workshop_id, starts, 120);
  g_autoptr(AtelierSettings) settings = atelier_settings_load (f->ical.base.store, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (starts - due, ==, 23 * 3600);
  ical_sign_up (&f->ical, session, "Zoé", "Lefèvre", "zoe@example.org", 1, NULL);

  g_assert_true (atelier_mail_queue_refresh (f->ical.base.store, settings, due - 1800, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_queued (f, "reminder"), ==, 0);
  g_assert_true (atelier_mail_queue_refresh (f->ical.base.store, settings, due, 0, &error));
  g_assert_cmpuint (count_queued (f, "reminder"), ==, 1);
  /* Once */
  g_assert_true (atelier_mail_queue_refresh (f->ical.base.store, settings, due + 3600, 0, &error));
  g_assert_cmpuint (count_queued (f, "reminder"), ==, 1);

  /* And 2 h before is elapsed time. */
  {
    g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
    g_autoptr(GDateTime) start_utc = g_date_time_new_from_unix_utc (starts);
    g_autoptr(GDateTime) start = g_date_time_to_timezone (start_utc, paris);

    g_assert_true (atelier_settings_set (settings, "mail-reminder", "2h", NULL));
    g_assert_cmpint (atelier_mail_queue_reminder_due_at (settings, start), ==, starts - 7200);
    g_assert_true (atelier_settings_set (settings, "mail-reminder", "off", NULL));
    g_assert_cmpint (atelier_mail_queue_reminder_due_at (settings, start), ==, 0);
  }
}

static void
test_reminder_sent (Fixture *f, gconstpointer data)
{
  gint64 starts = paris_time (2027, 6, 12, 18, 30);
  gint64 session = session_at (f, f->ical.workshop_id, starts, 120);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  g_autofree char *text = NULL;
  AtelierMailReport report;

  mail_start_server (f, "starttls", NULL);
  ical_sign_up (&f->ical, session, "Zoé", "Lefèvre", "zoe@example.org", 1, NULL);
  mail_write_setting (f, "language", "fr");
  g_assert_true (mail_send (f, mail_now (), &report, &error));
  g_assert_cmpuint (report.n_sent, ==, 1);

  g_assert_true (mail_send (f, starts - 3600, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_sent, ==, 1);
  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 2);
  message = mail_parse (json_object_get_string_member (records->pdata[1], "data"));
  g_assert_true (g_str_has_prefix (g_mime_message_get_subject (message), "Rappel"));
  text = mail_plain_text (message);
  g_assert_nonnull (strstr (text, "Bonjour Zoé"));
  g_assert_nonnull (strstr (text, "Risotto aux cèpes"));
  g_assert_nonnull (strstr (text, "12 rue Mercière"));
  g_assert_nonnull (strstr (text, "samedi 12 juin 2027"));
}

static AtelierCustomer *
customer_with (Fixture *f, const char *given, const char *email, const char *interests, gboolean consent)
{
  AtelierCustomer *c = atelier_customer_new (given, "Test");
  g_autoptr(GError) error = NULL;

  g_object_set (c, "email", email, "interests", interests, "consent", consent, NULL);
  g_assert_true (atelier_store_add_customer (f->ical.base.store, c, &error));
  g_assert_no_error (error);
  return c;
}

static gint64
sign_up_customer (Fixture *f, gint64 session, AtelierCustomer *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierRegistration) r = atelier_booking_sign_up (f->ical.base.store, session, c, 1, NULL, &error);

  g_assert_no_error (error);
  return atelier_registration_get_id (r);
}

static char *
received_text_for (GPtrArray *records, const char *address, char **subject)
{
  g_autoptr(GMimeMessage) message = mail_parse (json_object_get_string_member (record_for (records, address),
                                                                              "data"));

  if (subject != NULL)
    *subject = g_strdup (g_mime_message_get_subject (message));
  return mail_plain_text (message);
}

/* After a session: thanks with suggestions that match what the customer
 * likes (only with consent), "we missed you" with the next date. */
static void
test_follow_ups (Fixture *f, gconstpointer data)
{
  gint64 starts = paris_time (2027, 6, 12, 18, 30);
  gint64 session = session_at (f, f->ical.workshop_id, starts, 120);
  gint64 next_risotto = session_at (f, f->ical.workshop_id, paris_time (2027, 7, 3, 18, 30), 120);
  g_autoptr(AtelierWorkshop) wine = atelier_workshop_new ("Vins du Rhône");
  g_autoptr(AtelierCustomer) consenting = customer_with (f, "Léa", "lea@example.org", "vin, jardin", TRUE);
  g_autoptr(AtelierCustomer) private = customer_with (f, "Paul", "paul@example.org", "vin", FALSE);
  g_autoptr(AtelierCustomer) absent = customer_with (f, "Ana", "ana@example.org", "vin", TRUE);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lea = NULL;
  g_autofree char *paul = NULL;
  g_autofree char *ana = NULL;
  g_autofree char *subject = NULL;
  g_autoptr(AtelierRegistration) lea_in = NULL;
  g_autoptr(AtelierRegistration) paul_in = NULL;
  AtelierMailReport report;
  gint64 lea_reg, paul_reg;

  g_object_set (wine, "capacity", 8, "duration-minutes", 90, "category", "vin", NULL);
  g_assert_true (atelier_store_add_workshop (f->ical.base.store, wine, &error));
  session_at (f, atelier_workshop_get_id (wine), paris_time (2027, 6, 20, 19, 0), 90);
  mail_start_server (f, "starttls", NULL);

  lea_reg = sign_up_customer (f, session, consenting);
  paul_reg = sign_up_customer (f, session, private);
  sign_up_customer (f, session, absent);
  lea_in = atelier_booking_check_in (f->ical.base.store, lea_reg, &error);
  g_assert_no_error (error);
  paul_in = atelier_booking_check_in (f->ical.base.store, paul_reg, &error);
  g_assert_nonnull (paul_in);
  mail_write_setting (f, "mail-reminder", "off");
  g_assert_true (mail_send (f, mail_now (), &report, &error));
  g_assert_cmpuint (report.n_sent, ==, 3);

  /* Not before the end */
  g_assert_true (mail_send (f, starts + 3600, &report, &error));
  g_assert_cmpuint (report.n_sent, ==, 0);
  g_assert_true (mail_send (f, starts + 3 * 3600, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_sent, ==, 3);

  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 6);
  g_ptr_array_remove_range (records, 0, 3);
  lea = received_text_for (records, "lea@example.org", &subject);
  g_assert_cmpstr (subject, ==, "Thank you for coming to Risotto aux cèpes");
  g_assert_nonnull (strstr (lea, "You told us you like vin"));
  g_assert_nonnull (strstr (lea, "Vins du Rhône, Sunday 20 June 2027"));
  paul = received_text_for (records, "paul@example.org", NULL);
  g_assert_nonnull (strstr (paul, "Thank you for coming"));
  g_assert_null (strstr (paul, "Vins du Rhône"));
  g_assert_null (strstr (paul, "you like"));
  ana = received_text_for (records, "ana@example.org", NULL);
  g_assert_null (strstr (ana, "Vins du Rhône"));
  g_assert_nonnull (strstr (ana, "We missed you at “Risotto aux cèpes”"));
  g_assert_nonnull (strstr (ana, "The next session is on Saturday 3 July 2027"));
  g_assert_cmpint (next_risotto, >, 0);

  /* Once, and off when the store says so */
  g_assert_true (mail_send (f, starts + 4 * 3600, &report, &error));
  g_assert_cmpuint (report.n_sent, ==, 0);
}

static void
test_follow_ups_off (Fixture *f, gconstpointer data)
{
  gint64 starts = paris_time (2027, 6, 12, 18, 30);
  gint64 session = session_at (f, f->ical.workshop_id, starts, 120);
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  ical_sign_up (&f->ical, session, "Zoé", "Lefèvre", "zoe@example.org", 1, NULL);
  mail_write_setting (f, "follow-ups", "false");
  mail_write_setting (f, "mail-reminder", "0");
  settings = atelier_settings_load (f->ical.base.store, NULL);
  g_assert_true (atelier_mail_queue_refresh (f->ical.base.store, settings, starts + 3 * 3600, 0, &error));
  g_assert_cmpuint (count_queued (f, "missed-you") + count_queued (f, "reminder"), ==, 0);
  g_assert_cmpuint (count_queued (f, "invite"), ==, 1);
}


/* --- Crash safety ----------------------------------------------------------- */

#define CRASH_BATCH 200
#define KILLS_PER_ROUND 3

/* The Message-IDs of the rows in flight: what a killed sender may have
 * handed to the server without recording it. */
static void
add_in_flight (Fixture *f, GHashTable *in_flight)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open (f->ical.base.path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT message_id FROM mail_messages WHERE state = 'sending'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (in_flight, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static GSubprocess *
spawn_send (Fixture *f, gint64 session, const char *password_file)
{
  g_autofree char *session_text = g_strdup_printf ("%" G_GINT64_FORMAT, session);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error,
                              g_getenv ("ATELIER_CLI"), "--database", f->ical.base.path, "send",
                              "--session", session_text, "--password-file", password_file, NULL);
  g_assert_no_error (error);
  return process;
}

/* How many times each Message-ID reached the server */
static GHashTable *
count_received (Fixture *f)
{
  g_autoptr(GPtrArray) records = mail_read_log (f);
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      g_autoptr(GMimeMessage) message = mail_parse (json_object_get_string_member (records->pdata[i], "data"));
      const char *id = g_mime_message_get_message_id (message);

      g_hash_table_insert (counts, g_strdup (id),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, id)) + 1));
    }
  return counts;
}

/* kill -9 of `atelier-cli send` at random moments of a batch of 200, over
 * rounds (ATELIER_MAIL_CRASH_ROUNDS, 3 by default; 50 for the full run):
 * no message is lost, and the only ones that reach the server twice are
 * those that were in flight when a sender was killed. */
static void
test_crash (Fixture *f, gconstpointer data)
{
  const char *rounds_text = g_getenv ("ATELIER_MAIL_CRASH_ROUNDS");
  int rounds = rounds_text ? atoi (rounds_text) : 3;
  g_autofree char *password_file = g_build_filename (f->ical.base.dir, "password", NULL);
  g_autoptr(GHashTable) in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GRand) rand = g_rand_new ();
  guint n_killed = 0;
  guint n_twice = 0;
  GHashTableIter iter;
  gpointer key, value;

  if (g_getenv ("ATELIER_CLI") == NULL)
    {
      g_test_skip ("ATELIER_CLI is not set");
      return;
    }
  g_test_message ("seed %u, %d rounds", g_test_rand_int (), rounds);
  g_assert_true (g_file_set_contents (password_file, TEST_SMTP_PASSWORD "\n", -1, NULL));
  g_assert_cmpint (chmod (password_file, 0600), ==, 0);
  mail_start_server (f, "starttls", NULL);
  mail_write_setting (f, "mail-reminder", "off");

  for (int round = 0; round < rounds; round++)
    {
      gint64 session = ical_session_in_days (&f->ical, 2 + round % 20, CRASH_BATCH);
      g_autoptr(GSubprocess) last = NULL;

      for (int i = 0; i < CRASH_BATCH; i++)
        {
          g_autofree char *given = g_strdup_printf ("C%d", i);
          g_autofree char *email = g_strdup_printf ("r%d.c%d@example.org", round, i);

          ical_sign_up (&f->ical, session, given, "Crash", email, 1, NULL);
        }

      for (int kill = 0; kill < KILLS_PER_ROUND; kill++)
        {
          g_autoptr(GSubprocess) sender = spawn_send (f, session, password_file);

          g_usleep (g_rand_int_range (rand, 20, 600) * 1000);
          g_subprocess_send_signal (sender, SIGKILL);
          g_subprocess_wait (sender, NULL, NULL);
          if (g_subprocess_get_if_signaled (sender))
            n_killed++;
          add_in_flight (f, in_flight);
        }

      /* The final run sends the rest. */
      last = spawn_send (f, session, password_file);
      g_assert_true (g_subprocess_wait_check (last, NULL, NULL));
    }

  g_assert_cmpstr (test_query_text (f->ical.base.store,
                                    "SELECT count (*) FROM mail_messages WHERE state <> 'sent'"), ==, "0");
  counts = count_received (f);
  g_assert_cmpuint (g_hash_table_size (counts), ==, (guint) rounds * CRASH_BATCH);
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = GPOINTER_TO_UINT (value);

      if (n > 1)
        {
          g_assert_cmpuint (n, ==, 2);
          g_assert_true (g_hash_table_contains (in_flight, key));
          n_twice++;
        }
    }
  g_assert_cmpuint (n_twice, <=, n_killed);
  g_test_message ("%u senders killed, %u messages in flight then, %u received twice",
                  n_killed, g_hash_table_size (in_flight), n_twice);
}

/* --- atelier-cli ------------------------------------------------------------ */

static int
run_cli (Fixture *f, char **out, char **err, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("ATELIER_CLI"));
  g_ptr_array_add (argv, (gpointer) "--database");
  g_ptr_array_add (argv, f->ical.base.path);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

static guint
count_lines_with (const char *text, const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;
  return n;
}

/* send prints a line per message; --dry-run sends and records nothing; a
 * password file others can read is refused. */
static void
test_cli_send (Fixture *f, gconstpointer data)
{
  g_autofree char *password_file = g_build_filename (f->ical.base.dir, "password", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) records = NULL;
  gint64 registrations[3];

  if (g_getenv ("ATELIER_CLI") == NULL)
    {
      g_test_skip ("ATELIER_CLI is not set");
      return;
    }
  mail_start_server (f, "starttls", "--reject", "marc@example.org", NULL);
  three_sign_ups (f, registrations);
  g_assert_true (g_file_set_contents (password_file, TEST_SMTP_PASSWORD "\n", -1, NULL));

  g_assert_cmpint (chmod (password_file, 0640), ==, 0);
  g_assert_cmpint (run_cli (f, &out, &err, "send", "--password-file", password_file, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "chmod 600"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (chmod (password_file, 0600), ==, 0);

  g_assert_cmpint (run_cli (f, &out, &err, "send", "--dry-run", NULL), ==, 0);
  g_assert_cmpuint (count_lines_with (out, "would send: #"), ==, 3);
  g_assert_cmpstr (test_query_text (f->ical.base.store, "SELECT count (*) FROM mail_messages"), ==, "0");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "send", "--password-file", password_file, NULL), ==, 0);
  g_assert_cmpuint (count_lines_with (out, "sent: #"), ==, 2);
  g_assert_cmpuint (count_lines_with (out, "failed: #"), ==, 1);
  g_assert_nonnull (strstr (out, "Marc Dupont <marc@example.org>, invitation, Risotto aux cèpes: "
                                 "The mail server refused the message: 550 5.1.1"));
  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (f, &out, &err, "send", "--password-file", password_file, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Nothing to send.\n");
}

/* The server's exact answer, in a sentence of the user's language. */
static void
test_cli_mail_test_french (Fixture *f, gconstpointer data)
{
  g_autofree char *password_file = g_build_filename (f->ical.base.dir, "password", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *saved = g_strdup (language);

  if (g_getenv ("ATELIER_CLI") == NULL || g_getenv ("ATELIER_LOCALEDIR") == NULL)
    {
      g_test_skip ("ATELIER_CLI or ATELIER_LOCALEDIR is not set");
      return;
    }
  mail_start_server (f, "starttls", NULL);
  g_assert_true (g_file_set_contents (password_file, "wrong\n", -1, NULL));
  g_assert_cmpint (chmod (password_file, 0600), ==, 0);

  g_setenv ("LANGUAGE", "fr", TRUE);
  g_assert_cmpint (run_cli (f, &out, &err, "mail-test", "--password-file", password_file, NULL), ==, 1);
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_assert_nonnull (strstr (err, "Le serveur de messagerie a refusé le nom d’utilisateur ou le mot de passe"
                                 "\u00a0: 535 5.7.8 Authentication credentials invalid"));
}

/* What a message is, decided once for the window and atelier-cli. */
static void
test_what (void)
{
  const struct { const char *purpose; const char *kind; AtelierMailWhat what; } cases[] = {
    { "invite", "new", ATELIER_MAIL_WHAT_INVITE },
    { "invite", "promoted", ATELIER_MAIL_WHAT_INVITE_PROMOTED },
    { "invite", "update", ATELIER_MAIL_WHAT_UPDATE },
    { "cancel", "cancelled", ATELIER_MAIL_WHAT_CANCELLATION },
    { "cancel", "session-cancelled", ATELIER_MAIL_WHAT_CANCELLATION },
    { "reminder", "reminder", ATELIER_MAIL_WHAT_REMINDER },
    { "thank-you", "thank-you", ATELIER_MAIL_WHAT_THANK_YOU },
    { "missed-you", "missed-you", ATELIER_MAIL_WHAT_MISSED_YOU },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AtelierMailMessage) message = g_object_new (ATELIER_TYPE_MAIL_MESSAGE,
                                                           "purpose", cases[i].purpose,
                                                           "kind", cases[i].kind,
                                                           NULL);

      g_assert_cmpint (atelier_mail_message_get_what (message), ==, cases[i].what);
    }
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);
  g_mime_init ();

  if (!mail_can_run ())
    {
      g_test_skip ("python3-aiosmtpd or openssl is missing");
      return 77;
    }

#define ADD(path, fn) g_test_add (path, Fixture, NULL, mail_fixture_setup, fn, mail_fixture_teardown)
  g_test_add_func ("/atelier/mail/what", test_what);
  ADD ("/atelier/mail/account-settings", test_account_settings);
  ADD ("/atelier/mail/password-file", test_password_file);
  ADD ("/atelier/mail/send/starttls", test_send_starttls);
  ADD ("/atelier/mail/send/tls", test_send_tls);
  ADD ("/atelier/mail/send/async", test_send_async);
  ADD ("/atelier/mail/send/async-busy-main", test_send_async_busy_main);
  ADD ("/atelier/mail/send/test-message", test_send_test_message);
  ADD ("/atelier/mail/failure/refused-recipient", test_refused_recipient);
  ADD ("/atelier/mail/failure/deferred-then-sent", test_deferred_then_sent);
  ADD ("/atelier/mail/failure/retry-bounded", test_retry_bounded);
  ADD ("/atelier/mail/failure/server-absent", test_server_absent);
  ADD ("/atelier/mail/failure/wrong-password", test_wrong_password);
  ADD ("/atelier/mail/failure/untrusted-certificate", test_untrusted_certificate);
  ADD ("/atelier/mail/failure/connection-dropped", test_connection_dropped);
  ADD ("/atelier/mail/queue/once-per-sequence", test_once_per_sequence);
  ADD ("/atelier/mail/queue/one-batch-at-a-time", test_one_batch_at_a_time);
  ADD ("/atelier/mail/queue/lists", test_lists);
  ADD ("/atelier/mail/queue/erased-customer", test_erased_customer);
  ADD ("/atelier/mail/templates", test_templates);
  ADD ("/atelier/mail/reminder/across-dst", test_reminder_across_dst);
  ADD ("/atelier/mail/reminder/sent", test_reminder_sent);
  ADD ("/atelier/mail/follow-ups", test_follow_ups);
  ADD ("/atelier/mail/follow-ups-off", test_follow_ups_off);
  ADD ("/atelier/mail/cli/send", test_cli_send);
  ADD ("/atelier/mail/cli/mail-test-french", test_cli_mail_test_french);
  ADD ("/atelier/mail/crash/kill-9", test_crash);
#undef ADD

  return g_test_run ();
}
