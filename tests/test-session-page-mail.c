/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session-page-mail.c: "Send Invites…" on a session's page sends
 * them to a real SMTP server (tests/smtp-server.py), and the roster says
 * who was sent what, and who failed and why, with Retry */
#define G_LOG_DOMAIN "test-session-page-mail"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atelier-roster-row.h"
#include "atelier-session-page.h"
#include "test-mail-util.h"
#include "test-ui-util.h"

#define WAIT_TIMEOUT_SECONDS 20

typedef struct
{
  MailFixture         mail;
  GtkWindow          *window;
  AtelierSessionPage *page;
} Fixture;

static void
setup (Fixture *f, gconstpointer data)
{
  f->mail.anonymous = TRUE;
  mail_fixture_setup (&f->mail, data);
}

static void
destroy_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (window);
    }
}

static void
teardown (Fixture *f, gconstpointer data)
{
  destroy_windows ();
  f->window = NULL;
  f->page = NULL;
  mail_fixture_teardown (&f->mail, data);
}

static AtelierStore *
store_of (Fixture *f)
{
  return f->mail.ical.base.store;
}

static void
show_page (Fixture *f, gint64 session_id)
{
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 720, 1000);
  f->page = ATELIER_SESSION_PAGE (atelier_session_page_new (store_of (f), session_id));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static gboolean
has_visible_label_containing (GtkWidget *root, const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_visible (labels->pdata[i])
        && strstr (gtk_label_get_label (labels->pdata[i]), text) != NULL)
      return TRUE;
  return FALSE;
}

static guint
count_visible_labels_with_prefix (GtkWidget *root, const char *prefix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = 0;

  test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_visible (labels->pdata[i])
        && g_str_has_prefix (gtk_label_get_label (labels->pdata[i]), prefix))
      n++;
  return n;
}

static gboolean
sending_done (gpointer fixture, gconstpointer data)
{
  Fixture *f = fixture;

  return !atelier_session_page_get_sending (f->page);
}

static gboolean
page_shows (gpointer fixture, gconstpointer data)
{
  Fixture *f = fixture;

  return has_visible_label_containing (GTK_WIDGET (f->page), data);
}

/* The visible Retry buttons of the roster */
static GPtrArray *
find_retry_buttons (Fixture *f)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GPtrArray *found = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_has_css_class (buttons->pdata[i], "retry-message") && gtk_widget_is_visible (buttons->pdata[i]))
      g_ptr_array_add (found, buttons->pdata[i]);
  return found;
}

/* With ATELIER_SCREENSHOT=FILE.png, saves the page as drawn (to look at
 * it in English and, with LANGUAGE=fr, in French). */
static void
save_screenshot (Fixture *f)
{
  const char *path = g_getenv ("ATELIER_SCREENSHOT");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width, height;

  if (path == NULL)
    return;
  width = gtk_widget_get_width (GTK_WIDGET (f->window));
  height = gtk_widget_get_height (GTK_WIDGET (f->window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (f->window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (f->window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
send_and_wait (Fixture *f)
{
  gtk_widget_activate_action (GTK_WIDGET (f->page), "session.send-invites", NULL);
  g_assert_true (atelier_session_page_get_sending (f->page));
  test_wait_until (sending_done, f, NULL, WAIT_TIMEOUT_SECONDS);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* One message per attendee reaches the server; the one it refuses shows
 * as failed with the server's reason, and Retry sends it once the
 * mailbox exists. */
static void
test_send_and_retry (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) retry = NULL;
  g_autoptr(GHashTable) recipients = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 session;

  mail_start_server (&f->mail, "starttls", "--reject", "gone@example.org", NULL);
  session = ical_session_in_days (&f->mail.ical, 3, 10);
  ical_sign_up (&f->mail.ical, session, "Zoé", "Lefèvre", "zoe@example.org", 1, NULL);
  ical_sign_up (&f->mail.ical, session, "Marc", "Dupont", "marc@example.org", 2, NULL);
  ical_sign_up (&f->mail.ical, session, "Ana", "Gone", "gone@example.org", 1, NULL);
  show_page (f, session);
  /* A screenshot in French comes before the English checks. */
  if (g_getenv ("ATELIER_SCREENSHOT") == NULL)
    g_assert_true (has_visible_label_containing (GTK_WIDGET (f->page), "3 to send"));

  send_and_wait (f);
  save_screenshot (f);

  records = mail_read_log (&f->mail);
  g_assert_cmpuint (records->len, ==, 2);
  for (guint i = 0; i < records->len; i++)
    g_hash_table_add (recipients, (gpointer) mail_record_to (records->pdata[i]));
  g_assert_true (g_hash_table_contains (recipients, "zoe@example.org"));
  g_assert_true (g_hash_table_contains (recipients, "marc@example.org"));

  g_assert_cmpuint (count_visible_labels_with_prefix (GTK_WIDGET (f->page), "Invite sent "), ==, 2);
  g_assert_true (has_visible_label_containing (GTK_WIDGET (f->page), "Invite failed: The mail server refused the message: 550 5.1.1"));
  test_wait_until (page_shows, f, "2 sent, 1 failed", WAIT_TIMEOUT_SECONDS);
  retry = find_retry_buttons (f);
  g_assert_cmpuint (retry->len, ==, 1);
  /* Sending again would not send the refused one: only Retry does. */
  g_assert_true (has_visible_label_containing (GTK_WIDGET (f->page), "Nothing to send"));

  /* The mailbox is back: Retry sends that one message, and only it. */
  mail_stop_server (&f->mail);
  g_remove (f->mail.log);
  mail_start_server (&f->mail, "starttls", NULL);
  g_signal_emit_by_name (retry->pdata[0], "clicked");
  g_assert_true (atelier_session_page_get_sending (f->page));
  test_wait_until (sending_done, f, NULL, WAIT_TIMEOUT_SECONDS);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  g_clear_pointer (&records, g_ptr_array_unref);
  records = mail_read_log (&f->mail);
  g_assert_cmpuint (records->len, ==, 1);
  g_assert_cmpstr (mail_record_to (records->pdata[0]), ==, "gone@example.org");
  g_assert_cmpuint (count_visible_labels_with_prefix (GTK_WIDGET (f->page), "Invite sent "), ==, 3);
  g_clear_pointer (&retry, g_ptr_array_unref);
  retry = find_retry_buttons (f);
  g_assert_cmpuint (retry->len, ==, 0);
  g_assert_true (has_visible_label_containing (GTK_WIDGET (f->page), "Nothing to send"));
}

/* The visible button that stops sending */
static GtkWidget *
find_stop_button (Fixture *f)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (f->page), GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), "session.stop-sending") == 0
        && gtk_widget_is_visible (buttons->pdata[i]))
      return buttons->pdata[i];
  return NULL;
}

/* Stop, pressed while a slow server holds the second message: that
 * message goes and is recorded, the batch goes no further, the three
 * others stay pending, and the page says so. */
static void
test_stop (Fixture *f, gconstpointer data)
{
  static const char *const names[] = { "Zoé", "Marc", "Ana", "Inès", "Paul" };
  static const char *const mailboxes[] = { "zoe", "marc", "ana", "ines", "paul" };
  g_autoptr(GPtrArray) records = NULL;
  GtkWidget *stop;
  gint64 session;

  /* Each message waits 1 s for the server's answer to its DATA. */
  mail_start_server (&f->mail, "starttls", "--delay", "1", NULL);
  session = ical_session_in_days (&f->mail.ical, 3, 10);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *email = g_strdup_printf ("%s@example.org", mailboxes[i]);

      ical_sign_up (&f->mail.ical, session, names[i], "Lefèvre", email, 1, NULL);
    }
  show_page (f, session);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "session.send-invites", NULL);
  g_assert_true (atelier_session_page_get_sending (f->page));
  /* The first message went; the second is on the wire. */
  test_wait_until (page_shows, f, "Sending 2 of 5…", WAIT_TIMEOUT_SECONDS);
  stop = find_stop_button (f);
  g_assert_nonnull (stop);
  g_signal_emit_by_name (stop, "clicked");
  test_wait_until (sending_done, f, NULL, WAIT_TIMEOUT_SECONDS);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  records = mail_read_log (&f->mail);
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_cmpstr (test_query_text (store_of (f), "SELECT group_concat (state, ' ') FROM"
                                                  " (SELECT state FROM mail_messages ORDER BY id)"),
                   ==, "sent sent pending pending pending");
  test_wait_until (page_shows, f, "Stopped: 2 messages sent", WAIT_TIMEOUT_SECONDS);
  g_assert_true (has_visible_label_containing (GTK_WIDGET (f->page), "3 to send"));
  g_assert_cmpuint (count_visible_labels_with_prefix (GTK_WIDGET (f->page), "Invite sent "), ==, 2);
  g_assert_null (find_stop_button (f));
}

/* Without a mail server set, the page says so, offers the preferences,
 * and sends nothing. */
static void
test_no_account (Fixture *f, gconstpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;
  gint64 session;

  session = ical_session_in_days (&f->mail.ical, 3, 10);
  ical_sign_up (&f->mail.ical, session, "Zoé", "Lefèvre", "zoe@example.org", 1, NULL);
  show_page (f, session);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "session.send-invites", NULL);
  g_assert_false (atelier_session_page_get_sending (f->page));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Mail Account Is Not Set");
  g_assert_true (adw_message_dialog_has_response (dialog, "preferences"));
  g_assert_cmpstr (test_query_text (store_of (f), "SELECT count(*) FROM mail_messages WHERE state = 'sent'"),
                   ==, "0");
  g_assert_true (has_visible_label_containing (GTK_WIDGET (f->page), "1 to send"));
}

typedef struct
{
  AtelierSessionPage *page;
  guint               n;
} Counter;

static void
on_notify_count_cb (GObject    *object,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  Counter *counter = user_data;

  /* While the batch is sent; its end reloads the page. */
  if (atelier_session_page_get_sending (counter->page))
    counter->n++;
}

/* Counts @property's notifications from every widget of the page whose
 * type is @type, as they are now. */
static void
count_notifications (Fixture    *f,
                     GType       type,
                     const char *property,
                     Counter    *counter)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  counter->page = f->page;
  test_collect_widgets (GTK_WIDGET (f->page), type, widgets);
  for (guint i = 0; i < widgets->len; i++)
    g_signal_connect (widgets->pdata[i], signal, G_CALLBACK (on_notify_count_cb), counter);
}

/* While a batch is sent, each row shows its own message's state as it
 * changes, once, and nothing else is redrawn: no tooltip is set again
 * (in GTK 4.8 setting one asks the display server for the pointer, and
 * a batch that rebound the page for every message kept the window from
 * drawing for seconds). In the end, every row says its invite was sent. */
static void
test_batch_redraws_what_changed (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  Counter tooltips = { 0 };
  Counter mail_changes = { 0 };
  gint64 session;
  guint n = 6;

  /* Each message waits half a second for the server's answer to its
   * DATA: the window draws frames meanwhile, which is when the page
   * shows the news. */
  mail_start_server (&f->mail, "starttls", "--delay", "0.5", NULL);
  session = ical_session_in_days (&f->mail.ical, 3, 20);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *given = g_strdup_printf ("Client%u", i);
      g_autofree char *email = g_strdup_printf ("client%u@example.org", i);

      ical_sign_up (&f->mail.ical, session, given, "Martin", email, 1, NULL);
    }
  show_page (f, session);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "session.send-invites", NULL);
  g_assert_true (atelier_session_page_get_sending (f->page));
  /* The rows as the batch starts */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  test_collect_widgets (GTK_WIDGET (f->page), ATELIER_TYPE_ROSTER_ROW, rows);
  g_assert_cmpuint (rows->len, >, 0);
  count_notifications (f, GTK_TYPE_WIDGET, "tooltip-text", &tooltips);
  count_notifications (f, ATELIER_TYPE_ROSTER_ROW, "mail-message", &mail_changes);
  test_wait_until (sending_done, f, NULL, WAIT_TIMEOUT_SECONDS);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  records = mail_read_log (&f->mail);
  g_assert_cmpuint (records->len, ==, n);
  g_assert_cmpuint (count_visible_labels_with_prefix (GTK_WIDGET (f->page), "Invite sent "), ==, n);
  g_assert_cmpstr (test_query_text (store_of (f), "SELECT count(*) FROM mail_messages WHERE state = 'sent'"),
                   ==, "6");
  /* The rows showed their message's state as it changed, each at most
   * once (when it was sent): not once per message, nor only at the end. */
  g_assert_cmpuint (mail_changes.n, >, 0);
  g_assert_cmpuint (mail_changes.n, <=, rows->len);
  g_assert_cmpuint (tooltips.n, ==, 0);
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
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ATELIER_LOCALEDIR") ? g_getenv ("ATELIER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

  if (!mail_can_run ())
    {
      g_print ("1..0 # SKIP python3-aiosmtpd or openssl is missing\n");
      return 0;
    }

  g_test_add ("/atelier/session-page-mail/send-and-retry", Fixture, NULL, setup, test_send_and_retry, teardown);
  g_test_add ("/atelier/session-page-mail/stop", Fixture, NULL, setup, test_stop, teardown);
  g_test_add ("/atelier/session-page-mail/no-account", Fixture, NULL, setup, test_no_account, teardown);
  g_test_add ("/atelier/session-page-mail/batch-redraws-what-changed", Fixture, NULL, setup,
              test_batch_redraws_what_changed, teardown);
  return g_test_run ();
}
