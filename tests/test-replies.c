/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-replies.c: customers' iTIP replies applied to the roster, read
 * from a real IMAP server (dovecot) by the core and by atelier-cli */
#define G_LOG_DOMAIN "test-replies"

#include "config.h"

#include <sys/wait.h>

#include "atelier-imap.h"
#include "atelier-mail-queue.h"
#include "atelier-privacy.h"
#include "atelier-schema-private.h"
#include "test-replies-util.h"

typedef struct
{
  IcalFixture  ical;
  gint64       session_id;
  char        *uid;
  gint64       zoe;       /* confirmed, party of 2: the session is full */
  gint64       paul;      /* confirmed, 1 */
  gint64       lea;       /* first on the waiting list, party of 2 */
  gint64       hugo;      /* second on the waiting list */
  ImapServer   server;
  guint        n_uids;
} Fixture;

static AtelierStore *
store_of (Fixture *f)
{
  return f->ical.base.store;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  ical_fixture_setup (&f->ical, data);
  f->session_id = ical_session_in_days (&f->ical, 10, 3);
  f->zoe = ical_sign_up (&f->ical, f->session_id, "Zoé", "Martin", "zoe.martin@example.net", 2, NULL);
  f->paul = ical_sign_up (&f->ical, f->session_id, "Paul", "Durand", "paul@example.net", 1, NULL);
  f->lea = ical_sign_up (&f->ical, f->session_id, "Léa", "Petit", "lea@example.net", 2, NULL);
  f->hugo = ical_sign_up (&f->ical, f->session_id, "Hugo", "Roux", "hugo@example.net", 1, NULL);
  replies_mark_invites_sent (store_of (f), f->session_id);
  f->uid = replies_session_uid (store_of (f), f->session_id);
  g_assert_cmpstr (replies_status (store_of (f), f->lea), ==, "waitlisted");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  imap_server_stop (&f->server);
  g_free (f->uid);
  ical_fixture_teardown (&f->ical, data);
}

/* Applies @message as the next UID of INBOX. */
static AtelierReply *
apply (Fixture *f,
       GBytes  *message,
       gboolean dry_run)
{
  g_autoptr(GError) error = NULL;
  AtelierReply *reply = atelier_replies_apply_message (store_of (f), "INBOX", 7, ++f->n_uids, message,
                                                       dry_run, &error);

  g_assert_no_error (error);
  return reply;
}

static guint
count_rows (Fixture    *f,
            const char *sql)
{
  return (guint) g_ascii_strtoull (test_query_text (store_of (f), sql), NULL, 10);
}

static guint
invites_queued_for (Fixture *f,
                    gint64   registration_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM mail_messages"
                                          " WHERE registration_id = %" G_GINT64_FORMAT
                                          " AND purpose = 'invite' AND state = 'pending'",
                                          registration_id);
  return count_rows (f, sql);
}

/* A decline, as Gmail writes it: the seat is freed, the waiting list
 * promoted in order, and the promoted party's invite queued. */
static void
test_decline_promotes (Fixture       *f,
                       gconstpointer  data)
{
  ReplySpec spec = { f->uid, 0, "DECLINED", "zoe.martin@example.net" };
  g_autoptr(GBytes) message = reply_message (SHAPE_GMAIL, &spec);
  g_autoptr(AtelierReply) reply = apply (f, message, FALSE);
  g_autoptr(AtelierReply) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierRegistration) zoe = NULL;

  g_assert_nonnull (reply);
  g_assert_true (atelier_reply_is_applied (reply));
  g_assert_cmpstr (atelier_reply_get_partstat (reply), ==, "DECLINED");
  g_assert_cmpint (atelier_reply_get_registration_id (reply), ==, f->zoe);
  g_assert_cmpstr (atelier_reply_get_customer_name (reply), ==, "Zoé Martin");
  g_assert_cmpstr (atelier_reply_get_workshop_title (reply), ==, "Risotto aux cèpes");

  zoe = atelier_store_get_registration (store_of (f), f->zoe, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_registration_get_status (zoe), ==, "cancelled");
  g_assert_cmpstr (atelier_registration_get_cancelled_by (zoe), ==, "customer");
  g_assert_cmpstr (replies_status (store_of (f), f->lea), ==, "confirmed");
  g_assert_cmpstr (replies_status (store_of (f), f->hugo), ==, "waitlisted");
  g_assert_cmpuint (invites_queued_for (f, f->lea), ==, 1);
  g_assert_cmpuint (invites_queued_for (f, f->hugo), ==, 0);

  /* The same message again, under another UID (a new UIDVALIDITY): known
   * by its Message-ID, nothing applied, nothing listed twice. */
  again = apply (f, message, FALSE);
  g_assert_null (again);
  g_assert_cmpuint (count_rows (f, "SELECT count (*) FROM replies"), ==, 1);
}

/* Every shape is read: inline, attached, base64, quoted-printable,
 * Windows-1252, the address in capitals, Outlook's X- properties. */
static void
test_shapes (Fixture       *f,
             gconstpointer  data)
{
  struct { ReplyShape shape; const char *attendee; const char *partstat; gint64 *who; } cases[] = {
    { SHAPE_GMAIL, "paul@example.net", "ACCEPTED", &f->paul },
    { SHAPE_OUTLOOK, "ZOE.MARTIN@EXAMPLE.NET", "TENTATIVE", &f->zoe },
    { SHAPE_APPLE, "Paul@Example.Net", "TENTATIVE", &f->paul },
    { SHAPE_THUNDERBIRD, "zoe.martin@example.net", "ACCEPTED", &f->zoe },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      ReplySpec spec = { f->uid, 0, cases[i].partstat, cases[i].attendee };
      g_autoptr(GBytes) message = reply_message (cases[i].shape, &spec);
      g_autoptr(AtelierReply) reply = apply (f, message, FALSE);

      g_test_message ("shape %u", i);
      g_assert_nonnull (reply);
      g_assert_cmpstr (atelier_reply_get_outcome (reply), ==, "applied");
      g_assert_cmpstr (atelier_reply_get_partstat (reply), ==, cases[i].partstat);
      g_assert_cmpint (atelier_reply_get_registration_id (reply), ==, *cases[i].who);
      g_assert_cmpstr (atelier_reply_get_method (reply), ==, "REPLY");
    }

  /* Nobody's seat moved. */
  g_assert_cmpstr (replies_status (store_of (f), f->zoe), ==, "confirmed");
  g_assert_cmpstr (replies_status (store_of (f), f->lea), ==, "waitlisted");
}

/* The Windows-1252 calendar was read as such: the UTF-8 subject and the
 * sender are kept for the manager. */
static void
test_message_kept (Fixture       *f,
                   gconstpointer  data)
{
  ReplySpec spec = { f->uid, 0, "ACCEPTED", "paul@example.net" };
  g_autoptr(GBytes) message = reply_message (SHAPE_THUNDERBIRD, &spec);
  g_autoptr(AtelierReply) reply = apply (f, message, FALSE);
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (reply);
  g_assert_cmpstr (atelier_reply_get_subject (reply), ==, "Réponse: Risotto aux cèpes");
  g_assert_true (strstr (atelier_reply_get_sender (reply), "paul@example.net") != NULL);
  kept = atelier_replies_get_message (store_of (f), atelier_reply_get_id (reply), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (kept, message));
}

/* Forged, stale and odd replies change nothing and are listed with the
 * reason; a COUNTER is listed for the manager, never applied. */
static void
test_set_aside (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) listed = NULL;
  struct { ReplySpec spec; ReplyShape shape; const char *reason; } cases[] = {
    /* From the customer's address, for someone who never signed up */
    { { f->uid, 0, "DECLINED", "mallory@example.org", NULL, NULL, "zoe.martin@example.net" },
      SHAPE_GMAIL, "not-attendee" },
    { { "never-sent-uid@cuisine.example", 0, "DECLINED", "zoe.martin@example.net" },
      SHAPE_OUTLOOK, "unknown-uid" },
    { { f->uid, 0, "DECLINED", "zoe.martin@example.net", "paul@example.net" },
      SHAPE_APPLE, "several-attendees" },
    { { f->uid, 0, "DECLINED", "zoe.martin@example.net", NULL, "COUNTER" },
      SHAPE_GMAIL, "counter" },
    /* A waiting party was never sent an invite */
    { { f->uid, 0, "DECLINED", "lea@example.net" }, SHAPE_THUNDERBIRD, "never-sent" },
  };
  g_autofree char *before = NULL;

  before = g_strdup (test_query_text (store_of (f),
                                      "SELECT group_concat (id || status || coalesce (waitlist_position, 0))"
                                      " FROM registrations"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) message = reply_message (cases[i].shape, &cases[i].spec);
      g_autoptr(AtelierReply) reply = apply (f, message, FALSE);

      g_test_message ("case %u", i);
      g_assert_nonnull (reply);
      g_assert_cmpstr (atelier_reply_get_outcome (reply), ==, "set-aside");
      g_assert_cmpstr (atelier_reply_get_reason (reply), ==, cases[i].reason);
      g_assert_cmpstr (atelier_reply_describe_reason (reply), !=, "");
    }
  g_assert_cmpstr (test_query_text (store_of (f),
                                    "SELECT group_concat (id || status || coalesce (waitlist_position, 0))"
                                    " FROM registrations"),
                   ==, before);
  g_assert_cmpuint (count_rows (f, "SELECT count (*) FROM mail_messages"), ==, 0);

  listed = atelier_replies_list (store_of (f), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, G_N_ELEMENTS (cases));
}

/* A reply to an older SEQUENCE than the last sent, and one to a
 * registration already cancelled, change nothing. */
static void
test_stale_and_cancelled (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) promoted = NULL;
  ReplySpec stale = { f->uid, 0, "DECLINED", "paul@example.net" };
  ReplySpec late = { f->uid, 1, "ACCEPTED", "zoe.martin@example.net" };
  g_autoptr(GBytes) stale_message = NULL;
  g_autoptr(GBytes) late_message = NULL;
  g_autoptr(AtelierReply) stale_reply = NULL;
  g_autoptr(AtelierReply) late_reply = NULL;
  g_autoptr(AtelierSession) session = atelier_store_get_session (store_of (f), f->session_id, &error);

  /* The session moved: SEQUENCE 1 was sent to everyone confirmed. */
  g_assert_no_error (error);
  g_object_set (session, "place", "La cuisine du haut", NULL);
  g_assert_true (atelier_booking_update_session (store_of (f), session, NULL, &error));
  g_assert_no_error (error);
  replies_mark_invites_sent (store_of (f), f->session_id);

  stale_message = reply_message (SHAPE_OUTLOOK, &stale);
  stale_reply = apply (f, stale_message, FALSE);
  g_assert_cmpstr (atelier_reply_get_reason (stale_reply), ==, "stale-sequence");
  g_assert_cmpstr (replies_status (store_of (f), f->paul), ==, "confirmed");

  g_assert_true (atelier_booking_cancel (store_of (f), f->zoe, ATELIER_CANCELLED_BY_STORE, &promoted, &error));
  g_assert_no_error (error);
  late_message = reply_message (SHAPE_GMAIL, &late);
  late_reply = apply (f, late_message, FALSE);
  g_assert_cmpstr (atelier_reply_get_reason (late_reply), ==, "registration-cancelled");
  g_assert_cmpstr (replies_status (store_of (f), f->zoe), ==, "cancelled");
}

/* A dry run says what would happen and changes nothing. */
static void
test_dry_run (Fixture       *f,
              gconstpointer  data)
{
  ReplySpec spec = { f->uid, 0, "DECLINED", "zoe.martin@example.net" };
  g_autoptr(GBytes) message = reply_message (SHAPE_APPLE, &spec);
  g_autoptr(AtelierReply) reply = apply (f, message, TRUE);
  g_autoptr(AtelierReply) real = NULL;

  g_assert_nonnull (reply);
  g_assert_true (atelier_reply_is_applied (reply));
  g_assert_cmpstr (replies_status (store_of (f), f->zoe), ==, "confirmed");
  g_assert_cmpstr (replies_status (store_of (f), f->lea), ==, "waitlisted");
  g_assert_cmpuint (count_rows (f, "SELECT count (*) FROM replies"), ==, 0);
  g_assert_cmpuint (count_rows (f, "SELECT count (*) FROM imap_folders"), ==, 0);

  /* The same UID for real: it was not remembered by the dry run. */
  f->n_uids--;
  real = apply (f, message, FALSE);
  g_assert_nonnull (real);
  g_assert_cmpstr (replies_status (store_of (f), f->zoe), ==, "cancelled");
}

/* The roster's mark: the last answer applied to each registration. */
static void
test_answers (Fixture       *f,
              gconstpointer  data)
{
  ReplySpec maybe = { f->uid, 0, "TENTATIVE", "paul@example.net" };
  ReplySpec yes = { f->uid, 0, "ACCEPTED", "paul@example.net" };
  ReplySpec forged = { f->uid, 0, "DECLINED", "mallory@example.org" };
  g_autoptr(GBytes) m1 = reply_message (SHAPE_GMAIL, &maybe);
  g_autoptr(GBytes) m2 = reply_message (SHAPE_OUTLOOK, &yes);
  g_autoptr(GBytes) m3 = reply_message (SHAPE_APPLE, &forged);
  g_autoptr(AtelierReply) r1 = apply (f, m1, FALSE);
  g_autoptr(AtelierReply) r2 = apply (f, m2, FALSE);
  g_autoptr(AtelierReply) r3 = apply (f, m3, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) answers = atelier_replies_list_answers (store_of (f), f->session_id, &error);
  g_autoptr(AtelierReply) answer = NULL;
  g_autofree char *mark = NULL;
  g_autofree char *no_mark = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (answers), ==, 1);
  answer = g_list_model_get_item (answers, 0);
  g_assert_cmpint (atelier_reply_get_registration_id (answer), ==, f->paul);
  g_assert_cmpstr (atelier_reply_get_partstat (answer), ==, "ACCEPTED");
  /* The message's Date: 7 December, 11:15 in Paris. */
  mark = atelier_reply_format_mark (answer);
  g_assert_cmpstr (mark, ==, "Said yes on 7 December");
  no_mark = atelier_reply_format_mark (r3);
  g_assert_null (no_mark);
}

/* Erasing a customer erases the replies read from their calendar. */
static void
test_erased (Fixture       *f,
             gconstpointer  data)
{
  ReplySpec yes = { f->uid, 0, "ACCEPTED", "paul@example.net" };
  ReplySpec maybe = { f->uid, 0, "TENTATIVE", "zoe.martin@example.net" };
  g_autoptr(GBytes) m1 = reply_message (SHAPE_GMAIL, &yes);
  g_autoptr(GBytes) m2 = reply_message (SHAPE_OUTLOOK, &maybe);
  g_autoptr(AtelierReply) r1 = apply (f, m1, FALSE);
  g_autoptr(AtelierReply) r2 = apply (f, m2, FALSE);
  g_autoptr(AtelierRegistration) paul = NULL;
  g_autoptr(GError) error = NULL;

  paul = atelier_store_get_registration (store_of (f), f->paul, &error);
  g_assert_no_error (error);
  g_assert_true (atelier_privacy_erase_customer (store_of (f), atelier_registration_get_customer_id (paul), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (f, "SELECT count (*) FROM replies"), ==, 1);
  g_assert_cmpuint (count_rows (f, "SELECT count (*) FROM replies WHERE attendee LIKE 'paul%'"), ==, 0);
}

static void
test_schema (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The step is the last one, and the settings' table took the keys. */
  g_assert_cmpint (test_read_user_version (f->ical.base.path), ==, atelier_schema_latest_version ());
  g_assert_true (atelier_settings_write (store_of (f), "imap-security", "starttls", &error));
  g_assert_no_error (error);
  g_assert_false (atelier_settings_write (store_of (f), "imap-security", "none", &error));
  g_assert_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (atelier_settings_write (store_of (f), "replies-interval", "1h", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (test_query_text (store_of (f), "SELECT value FROM settings WHERE key = 'replies-interval'"),
                   ==, "60");
}

/* With a real server. */

static gboolean
skip_without_server (void)
{
  if (imap_server_can_run ())
    return FALSE;
  g_test_skip ("dovecot (dovecot-imapd) or openssl is missing");
  return TRUE;
}

static gboolean
check (Fixture              *f,
       const char           *password,
       AtelierRepliesReport *report,
       GError              **error)
{
  return atelier_replies_check (store_of (f), password, FALSE, NULL, NULL, NULL, report, error);
}

/* A decline mailed to the store, read over imaps://: the seat is freed,
 * the waiting list promoted, the invite queued; the reply is moved to
 * the folder for handled ones; a second check reads nothing new. */
static void
test_imap_check (Fixture       *f,
                 gconstpointer  data)
{
  ReplySpec decline = { f->uid, 0, "DECLINED", "ZOE.MARTIN@example.net" };
  ReplySpec accept = { f->uid, 0, "ACCEPTED", "paul@example.net" };
  ReplySpec forged = { f->uid, 0, "DECLINED", "mallory@example.org", NULL, NULL, "paul@example.net" };
  g_autoptr(GBytes) m1 = reply_message (SHAPE_OUTLOOK, &decline);
  g_autoptr(GBytes) m2 = reply_message (SHAPE_THUNDERBIRD, &accept);
  g_autoptr(GBytes) m3 = reply_message (SHAPE_GMAIL, &forged);
  const char *plain = "From: a@example.org\r\nSubject: Hello\r\n\r\nNo calendar.\r\n";
  g_autoptr(GBytes) other = g_bytes_new_static (plain, strlen (plain));
  g_autoptr(GError) error = NULL;
  AtelierRepliesReport report = { 0 };

  if (skip_without_server ())
    return;
  imap_server_start (&f->server, f->ical.base.dir);
  imap_server_configure (&f->server, store_of (f), "tls");
  imap_server_make_folder (&f->server, "Handled");
  g_assert_true (atelier_settings_write (store_of (f), "imap-done-folder", "Handled", &error));
  g_assert_no_error (error);
  imap_server_deliver (&f->server, "", m1);
  imap_server_deliver (&f->server, "", other);
  imap_server_deliver (&f->server, "", m2);
  imap_server_deliver (&f->server, "", m3);

  g_assert_true (check (f, TEST_IMAP_PASSWORD, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_messages, ==, 4);
  g_assert_cmpuint (report.n_applied, ==, 2);
  g_assert_cmpuint (report.n_set_aside, ==, 1);
  g_assert_cmpstr (replies_status (store_of (f), f->zoe), ==, "cancelled");
  g_assert_cmpstr (replies_status (store_of (f), f->lea), ==, "confirmed");
  g_assert_cmpstr (replies_status (store_of (f), f->paul), ==, "confirmed");
  g_assert_cmpuint (invites_queued_for (f, f->lea), ==, 1);
  /* The replies went to Handled; the other mail stays. */
  g_assert_cmpuint (imap_server_count (&f->server, "Handled"), ==, 3);
  g_assert_cmpuint (imap_server_count (&f->server, ""), ==, 1);

  memset (&report, 0, sizeof report);
  g_assert_true (check (f, TEST_IMAP_PASSWORD, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_messages, ==, 0);
  g_assert_cmpuint (count_rows (f, "SELECT count (*) FROM replies"), ==, 3);
  g_assert_cmpuint (invites_queued_for (f, f->lea), ==, 1);
}

/* imap:// with STARTTLS; the test of the account says what is wrong in
 * words: a wrong password, a certificate not trusted, a missing folder. */
static void
test_imap_account (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  ReplySpec accept = { f->uid, 0, "ACCEPTED", "paul@example.net" };
  g_autoptr(GBytes) message = reply_message (SHAPE_APPLE, &accept);
  AtelierRepliesReport report = { 0 };

  if (skip_without_server ())
    return;
  imap_server_start (&f->server, f->ical.base.dir);
  imap_server_configure (&f->server, store_of (f), "starttls");
  imap_server_deliver (&f->server, "", message);

  settings = atelier_settings_load (store_of (f), &error);
  g_assert_no_error (error);
  g_assert_true (atelier_imap_test (settings, TEST_IMAP_PASSWORD, &error));
  g_assert_no_error (error);

  g_assert_false (atelier_imap_test (settings, "wrong", &error));
  g_assert_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_AUTH);
  g_clear_error (&error);

  g_assert_true (atelier_settings_set (settings, "imap-folder", "Nowhere", &error));
  g_assert_false (atelier_imap_test (settings, TEST_IMAP_PASSWORD, &error));
  g_assert_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_FOLDER);
  g_clear_error (&error);

  g_assert_true (atelier_settings_set (settings, "imap-folder", NULL, &error));
  g_assert_true (atelier_settings_set (settings, "imap-ca-file", "", &error));
  g_assert_false (atelier_imap_test (settings, TEST_IMAP_PASSWORD, &error));
  g_assert_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_TLS);
  g_clear_error (&error);

  /* The check itself over STARTTLS. */
  g_assert_true (check (f, TEST_IMAP_PASSWORD, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_applied, ==, 1);
}

/* What the window does: the check in a thread, on a connection of its
 * own, the store's views told of the changes when it ends. */
static void
on_checked_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
on_changed_cb (AtelierStore *store,
               const char   *table,
               guint        *n_changes)
{
  if (g_strcmp0 (table, "registrations") == 0)
    (*n_changes)++;
}

static void
test_imap_check_async (Fixture       *f,
                       gconstpointer  data)
{
  ReplySpec decline = { f->uid, 0, "DECLINED", "zoe.martin@example.net" };
  g_autoptr(GBytes) message = reply_message (SHAPE_THUNDERBIRD, &decline);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  AtelierRepliesReport report = { 0 };
  guint n_changes = 0;

  if (skip_without_server ())
    return;
  imap_server_start (&f->server, f->ical.base.dir);
  imap_server_configure (&f->server, store_of (f), "tls");
  imap_server_deliver (&f->server, "", message);
  g_signal_connect (store_of (f), "changed", G_CALLBACK (on_changed_cb), &n_changes);

  atelier_replies_check_async (store_of (f), TEST_IMAP_PASSWORD, NULL, on_checked_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (atelier_replies_check_finish (store_of (f), result, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_applied, ==, 1);
  g_assert_cmpuint (n_changes, ==, 1);
  g_assert_cmpstr (replies_status (store_of (f), f->zoe), ==, "cancelled");
  g_assert_cmpstr (replies_status (store_of (f), f->lea), ==, "confirmed");
  g_assert_cmpuint (invites_queued_for (f, f->lea), ==, 1);
  g_signal_handlers_disconnect_by_func (store_of (f), on_changed_cb, &n_changes);

  /* A wrong password: said in words, nothing changed. */
  g_clear_object (&result);
  atelier_replies_check_async (store_of (f), "wrong", NULL, on_checked_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (atelier_replies_check_finish (store_of (f), result, &report, &error));
  g_assert_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_AUTH);
}

/* atelier-cli. */

typedef struct
{
  int   status;    /* exit status, or -signal */
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
run_replies (Fixture    *f,
             Run        *run,
             const char *crash_at,
             gboolean    dry_run)
{
  g_autofree char *password_file = g_build_filename (f->ical.base.dir, "imap-password", NULL);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *argv[] = {
    g_getenv ("ATELIER_CLI"), "--database", f->ical.base.path, "replies",
    "--password-file", password_file, dry_run ? "--dry-run" : NULL, NULL
  };
  int wait_status = 0;

  g_assert_true (g_file_set_contents_full (password_file, TEST_IMAP_PASSWORD, -1,
                                           G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
  if (crash_at != NULL)
    env = g_environ_setenv (env, "ATELIER_REPLIES_CRASH_AT", crash_at, TRUE);

  run_clear (run);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &run->out, &run->err,
                &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status)
                : WIFSIGNALED (wait_status) ? -WTERMSIG (wait_status) : 1000;
}

/* `atelier-cli replies --dry-run` says what it would do and changes
 * nothing; `replies` does it, a line per reply; again, nothing new. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  ReplySpec decline = { f->uid, 0, "DECLINED", "zoe.martin@example.net" };
  ReplySpec stranger = { "other-uid@example.com", 3, "ACCEPTED", "paul@example.net" };
  g_autoptr(GBytes) m1 = reply_message (SHAPE_GMAIL, &decline);
  g_autoptr(GBytes) m2 = reply_message (SHAPE_OUTLOOK, &stranger);
  Run run = { 0 };

  if (skip_without_server ())
    return;
  imap_server_start (&f->server, f->ical.base.dir);
  imap_server_configure (&f->server, store_of (f), "tls");
  imap_server_deliver (&f->server, "", m1);
  imap_server_deliver (&f->server, "", m2);

  run_replies (f, &run, NULL, TRUE);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "would apply: Zoé Martin <zoe.martin@example.net> declined, Risotto aux cèpes\n"));
  g_assert_nonnull (strstr (run.out, "would set aside: <paul@example.net> accepted, other-uid@example.com: "
                                     "It answers an event the store never sent.\n"));
  g_assert_cmpstr (replies_status (store_of (f), f->zoe), ==, "confirmed");
  g_assert_cmpuint (count_rows (f, "SELECT count (*) FROM replies"), ==, 0);

  run_replies (f, &run, NULL, FALSE);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "applied: Zoé Martin <zoe.martin@example.net> declined, Risotto aux cèpes\n"));
  g_assert_nonnull (strstr (run.out, "set aside: <paul@example.net> accepted"));
  g_assert_cmpstr (replies_status (store_of (f), f->zoe), ==, "cancelled");
  g_assert_cmpstr (replies_status (store_of (f), f->lea), ==, "confirmed");
  g_assert_cmpuint (invites_queued_for (f, f->lea), ==, 1);

  run_replies (f, &run, NULL, FALSE);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "No new replies.\n");
  run_clear (&run);
}

/* kill -9 inside the transaction that applies a reply, then after its
 * commit: the reply is applied once, whatever the moment. */
static void
test_cli_killed (Fixture       *f,
                 gconstpointer  data)
{
  ReplySpec decline = { f->uid, 0, "DECLINED", "zoe.martin@example.net" };
  ReplySpec decline_paul = { f->uid, 0, "DECLINED", "paul@example.net" };
  g_autoptr(GBytes) m1 = reply_message (SHAPE_APPLE, &decline);
  g_autoptr(GBytes) m2 = reply_message (SHAPE_GMAIL, &decline_paul);
  Run run = { 0 };

  if (skip_without_server ())
    return;
  imap_server_start (&f->server, f->ical.base.dir);
  imap_server_configure (&f->server, store_of (f), "tls");
  imap_server_deliver (&f->server, "", m1);

  /* Killed after applying and remembering, before the commit: nothing. */
  run_replies (f, &run, "applied", FALSE);
  g_assert_cmpint (run.status, ==, -SIGKILL);
  g_assert_cmpstr (replies_status (store_of (f), f->zoe), ==, "confirmed");
  g_assert_cmpstr (replies_status (store_of (f), f->lea), ==, "waitlisted");
  g_assert_cmpuint (count_rows (f, "SELECT count (*) FROM replies"), ==, 0);

  /* Killed after the commit: applied once, and not again. */
  run_replies (f, &run, "committed", FALSE);
  g_assert_cmpint (run.status, ==, -SIGKILL);
  g_assert_cmpstr (replies_status (store_of (f), f->zoe), ==, "cancelled");
  g_assert_cmpstr (replies_status (store_of (f), f->lea), ==, "confirmed");
  g_assert_cmpuint (count_rows (f, "SELECT count (*) FROM replies"), ==, 1);

  /* Paul declines too: Hugo's turn. Zoé's reply is not read again. */
  imap_server_deliver (&f->server, "", m2);
  run_replies (f, &run, NULL, FALSE);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "Zoé"));
  g_assert_nonnull (strstr (run.out, "applied: Paul Durand"));
  g_assert_cmpstr (replies_status (store_of (f), f->hugo), ==, "confirmed");
  g_assert_cmpuint (count_rows (f, "SELECT count (*) FROM replies"), ==, 2);
  g_assert_cmpuint (count_rows (f, "SELECT count (*) FROM registrations WHERE cancelled_by = 'customer'"),
                    ==, 2);
  run_clear (&run);
}

int
main (int    argc,
      char **argv)
{
  test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/atelier/replies/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("schema", test_schema);
  ADD ("decline-promotes", test_decline_promotes);
  ADD ("shapes", test_shapes);
  ADD ("message-kept", test_message_kept);
  ADD ("set-aside", test_set_aside);
  ADD ("stale-and-cancelled", test_stale_and_cancelled);
  ADD ("dry-run", test_dry_run);
  ADD ("answers", test_answers);
  ADD ("erased", test_erased);
  ADD ("imap/check", test_imap_check);
  ADD ("imap/account", test_imap_account);
  ADD ("imap/check-async", test_imap_check_async);
  ADD ("cli", test_cli);
  ADD ("cli/killed", test_cli_killed);

  return g_test_run ();
}
