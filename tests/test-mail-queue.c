/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-mail-queue.c: how a batch goes out: one message in flight while
 * the next is built, and a Stop that ends the batch after the message in
 * flight, to a real SMTP server on 127.0.0.1 (tests/smtp-server.py) */
#define G_LOG_DOMAIN "test-mail-queue"

#include "config.h"

#include "test-mail-util.h"

typedef MailFixture Fixture;

static const char *const addresses[] = {
  "zoe@example.org", "marc@example.org", "anna@example.org", "ines@example.org",
};

static gint64
four_sign_ups (Fixture *f)
{
  static const char *const names[] = { "Zoé", "Marc", "Anna", "Inès" };
  gint64 session = ical_session_in_days (&f->ical, 3, 10);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    ical_sign_up (&f->ical, session, names[i], "Lefèvre", addresses[i], 1, NULL);
  return session;
}

typedef struct
{
  GCancellable *cancellable;
  guint         stop_after;  /* the index whose news presses Stop */
  GArray       *told;        /* of guint, the indexes told */
} StopCheck;

static void
on_progress_stop_cb (AtelierMailMessage *message,
                     guint               index,
                     guint               total,
                     const GError       *error,
                     gpointer            user_data)
{
  StopCheck *check = user_data;

  g_array_append_val (check->told, index);
  if (index == check->stop_after)
    g_cancellable_cancel (check->cancellable);
}

static char *
states (Fixture *f)
{
  return g_strdup (test_query_text (f->ical.base.store, "SELECT group_concat (state, ' ') FROM"
                                                       " (SELECT state FROM mail_messages ORDER BY id)"));
}

/* Stop, pressed when the first message is told done: the second one is
 * on the wire by then, so it goes and is recorded; the batch goes no
 * further, and the two others stay pending for the next batch. */
static void
test_stop_after_in_flight (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) told = g_array_new (FALSE, FALSE, sizeof (guint));
  StopCheck check = { cancellable, 0, told };
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *after_stop = NULL;
  g_autofree char *after_next = NULL;
  g_autofree char *received = NULL;
  AtelierMailReport report;

  mail_start_server (f, "starttls", NULL);
  four_sign_ups (f);

  g_assert_false (atelier_mail_queue_send (f->ical.base.store, TEST_SMTP_PASSWORD, mail_now (), 0,
                                           on_progress_stop_cb, &check, cancellable, &report, &error));
  g_assert_error (error, ATELIER_MAIL_QUEUE_ERROR, ATELIER_MAIL_QUEUE_ERROR_CANCELLED);
  g_assert_cmpuint (report.n_sent, ==, 2);
  g_assert_cmpuint (told->len, ==, 2);
  g_assert_cmpuint (g_array_index (told, guint, 1), ==, 1);
  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 2);
  /* The two that went are the first two of the queue. */
  received = g_strjoin (" ", mail_record_to (records->pdata[0]), mail_record_to (records->pdata[1]), NULL);
  g_assert_cmpstr (received, ==, test_query_text (f->ical.base.store,
                                                  "SELECT group_concat (recipient, ' ') FROM"
                                                  " (SELECT recipient FROM mail_messages ORDER BY id LIMIT 2)"));
  after_stop = states (f);
  g_assert_cmpstr (after_stop, ==, "sent sent pending pending");

  /* The next batch sends the two others, and only them. */
  g_clear_error (&error);
  g_assert_true (mail_send (f, mail_now (), &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_sent, ==, 2);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 4);
  after_next = states (f);
  g_assert_cmpstr (after_next, ==, "sent sent sent sent");
}

/* The same through the thread a window uses: Stop is told as a Stop,
 * with what went before it, not as a bare "Operation was cancelled". */
typedef struct
{
  AtelierMailReport report;
  gboolean          done;
} Stopped;

static void
on_async_stopped_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Stopped *stopped = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_false (atelier_mail_queue_send_finish (ATELIER_STORE (source), result, &stopped->report, &error));
  g_assert_error (error, ATELIER_MAIL_QUEUE_ERROR, ATELIER_MAIL_QUEUE_ERROR_CANCELLED);
  stopped->done = TRUE;
}

static void
test_stop_async (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) told = g_array_new (FALSE, FALSE, sizeof (guint));
  StopCheck check = { cancellable, 0, told };
  g_autofree char *after_stop = NULL;
  Stopped stopped = { { 0 }, FALSE };

  /* Slow enough that the second message is still in flight when the
   * main thread hears of the first. */
  mail_start_server (f, "starttls", "--delay", "1", NULL);
  four_sign_ups (f);

  atelier_mail_queue_send_async (f->ical.base.store, TEST_SMTP_PASSWORD, 0, on_progress_stop_cb, &check,
                                 cancellable, on_async_stopped_cb, &stopped);
  while (!stopped.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (stopped.report.n_sent, ==, 2);
  after_stop = states (f);
  g_assert_cmpstr (after_stop, ==, "sent sent pending pending");
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
  ADD ("/atelier/mail-queue/stop-after-in-flight", test_stop_after_in_flight);
  ADD ("/atelier/mail-queue/stop-async", test_stop_async);
#undef ADD

  return g_test_run ();
}
