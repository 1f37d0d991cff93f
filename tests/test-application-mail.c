/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-application-mail.c: the running app sends due mail by itself, one
 * batch at a time */
#define G_LOG_DOMAIN "test-application-mail"

#include "config.h"

#include <adwaita.h>

#include "../app/atelier-application.h"
#include "test-mail-util.h"

typedef MailFixture Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->anonymous = TRUE;
  mail_fixture_setup (f, data);
}

static void
test_sends_due_mail (Fixture *f, gconstpointer data)
{
  g_autoptr(AtelierApplication) application = atelier_application_new ();
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gint64 session;
  int status = 0;

  mail_start_server (f, "starttls", NULL);
  session = ical_session_in_days (&f->ical, 3, 10);
  ical_sign_up (&f->ical, session, "Zoé", "Lefèvre", "zoe@example.org", 1, NULL);
  ical_sign_up (&f->ical, session, "Marc", "Dupont", "marc@example.org", 1, NULL);

  g_variant_dict_insert (options, "database", "^ay", f->ical.base.path);
  g_signal_emit_by_name (application, "handle-local-options", options, &status);
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_application_activate (G_APPLICATION (application));

  /* One batch at a time, however many windows ask. */
  g_assert_true (atelier_application_send_due_mail (application));
  g_assert_true (atelier_application_is_sending_mail (application));
  g_assert_false (atelier_application_send_due_mail (application));
  while (atelier_application_is_sending_mail (application))
    g_main_context_iteration (NULL, TRUE);

  records = mail_read_log (f);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (test_query_text (f->ical.base.store,
                                    "SELECT group_concat (state) FROM mail_messages"), ==, "sent,sent");

  gtk_window_destroy (gtk_application_get_active_window (GTK_APPLICATION (application)));
}

static void
wait_for_replies (AtelierApplication *application)
{
  while (atelier_application_is_checking_replies (application))
    g_main_context_iteration (NULL, TRUE);
}

/* The mailbox of replies cannot be reached: the window says it once, not
 * at every interval; asked on demand, it says it again. */
static void
test_replies_failure_once (Fixture *f, gconstpointer data)
{
  g_autoptr(AtelierApplication) application = atelier_application_new ();
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *port = NULL;
  int status = 0;

  /* A port nobody listens on: bound, then closed. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  g_clear_object (&address);
  address = g_socket_get_local_address (socket, &error);
  port = g_strdup_printf ("%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
  g_socket_close (socket, NULL);
  mail_write_setting (f, "imap-host", "127.0.0.1");
  mail_write_setting (f, "imap-port", port);
  mail_write_setting (f, "imap-user", "shop");
  /* A schedule that is not empty, as in the other test. */
  ical_session_in_days (&f->ical, 3, 10);

  g_variant_dict_insert (options, "database", "^ay", f->ical.base.path);
  g_signal_emit_by_name (application, "handle-local-options", options, &status);
  /* The first test's application stays exported under the usual id. */
  g_application_set_application_id (G_APPLICATION (application), "io.github.ateliers.Atelier.RepliesTest");
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (application));

  /* No keyring here, or no password in it, or no server: a failure all
   * the same, said once. */
  g_assert_true (atelier_application_check_replies (application, FALSE));
  g_assert_false (atelier_application_check_replies (application, FALSE));
  wait_for_replies (application);
  g_assert_cmpuint (atelier_application_get_n_replies_alerts (application), ==, 1);
  g_assert_true (atelier_application_check_replies (application, FALSE));
  wait_for_replies (application);
  g_assert_cmpuint (atelier_application_get_n_replies_alerts (application), ==, 1);
  g_assert_true (atelier_application_check_replies (application, TRUE));
  wait_for_replies (application);
  g_assert_cmpuint (atelier_application_get_n_replies_alerts (application), ==, 2);

  gtk_window_destroy (gtk_application_get_active_window (GTK_APPLICATION (application)));
}

int
main (int argc, char **argv)
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();
  g_mime_init ();
  test_init (&argc, &argv);

  if (!mail_can_run ())
    {
      g_print ("1..0 # SKIP python3-aiosmtpd or openssl is missing\n");
      return 0;
    }

  g_test_add ("/atelier/application/sends-due-mail", Fixture, NULL, setup, test_sends_due_mail,
              mail_fixture_teardown);
  g_test_add ("/atelier/application/replies-failure-once", Fixture, NULL, setup,
              test_replies_failure_once, mail_fixture_teardown);
  return g_test_run ();
}
