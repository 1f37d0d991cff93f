/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-preferences.c: the store's settings in the preferences window */
#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include <adwaita.h>

#include <signal.h>
#include <sys/prctl.h>
#include <stdlib.h>
#include <unistd.h>

#include "atelier-contact.h"
#include "atelier-mail-template.h"
#include "atelier-money.h"
#include "atelier-preferences-window.h"
#include "atelier-secret.h"
#include "atelier-settings.h"
#include <libsecret/secret.h>

#include "atelier-imap.h"
#include "test-replies-util.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  TestStore                 store;
  AtelierPreferencesWindow *window;
} Fixture;

static void
write_setting (Fixture    *fixture,
               const char *key,
               const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_settings_write (fixture->store.store, key, value, &error));
  g_assert_no_error (error);
}

static char *
read_setting (Fixture    *fixture,
              const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = atelier_settings_read (fixture->store.store, key, &error);

  g_assert_no_error (error);
  return value;
}

static void
assert_setting (Fixture    *fixture,
                const char *key,
                const char *expected)
{
  g_autofree char *value = read_setting (fixture, key);

  g_assert_cmpstr (value, ==, expected);
}

static void
show_window (Fixture *fixture)
{
  fixture->window = ATELIER_PREFERENCES_WINDOW (atelier_preferences_window_new (NULL, fixture->store.store));
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static GtkWidget *
row (Fixture    *fixture,
     const char *key)
{
  GtkWidget *widget = atelier_preferences_window_get_row (fixture->window, key);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
entry_text (Fixture    *fixture,
            const char *key)
{
  return gtk_editable_get_text (GTK_EDITABLE (row (fixture, key)));
}

/* Types @text in the row of @key and applies it, as Enter would. */
static void
apply_text (Fixture    *fixture,
            const char *key,
            const char *text)
{
  GtkWidget *entry = row (fixture, key);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "apply");
}

static GtkSwitch *
rsvp_switch (Fixture *fixture)
{
  GtkWidget *widget = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row (fixture, ATELIER_SETTING_RSVP)));

  g_assert_true (GTK_IS_SWITCH (widget));
  return GTK_SWITCH (widget);
}

static const char *
selected_label (Fixture    *fixture,
                const char *key)
{
  AdwComboRow *combo = ADW_COMBO_ROW (row (fixture, key));
  GObject *item = adw_combo_row_get_selected_item (combo);

  g_assert_true (GTK_IS_STRING_OBJECT (item));
  return gtk_string_object_get_string (GTK_STRING_OBJECT (item));
}

/* The text of the error shown under a group, or NULL */
static const char *
shown_error (Fixture *fixture)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], "error") && gtk_widget_get_visible (labels->pdata[i]))
      return gtk_label_get_label (labels->pdata[i]);
  return NULL;
}

/* Fixture */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_store_setup (&fixture->store, data);
  write_setting (fixture, ATELIER_SETTING_STORE_NAME, "Cuisine & Co");
  write_setting (fixture, ATELIER_SETTING_ORGANIZER, "ateliers@cuisine.example");
  write_setting (fixture, ATELIER_SETTING_ADDRESS, "12 rue Mercière, Lyon");
  write_setting (fixture, ATELIER_SETTING_TIME_ZONE, "Europe/Paris");
  write_setting (fixture, ATELIER_SETTING_REMINDER, "3h");
  write_setting (fixture, ATELIER_SETTING_RSVP, "false");
  write_setting (fixture, ATELIER_SETTING_LANGUAGE, "fr");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  test_store_teardown (&fixture->store, data);
}

/* Tests */

static void
test_shows_stored_values (Fixture       *fixture,
                          gconstpointer  data)
{
  show_window (fixture);

  g_assert_cmpstr (entry_text (fixture, ATELIER_SETTING_STORE_NAME), ==, "Cuisine & Co");
  g_assert_cmpstr (entry_text (fixture, ATELIER_SETTING_ORGANIZER), ==, "ateliers@cuisine.example");
  g_assert_cmpstr (entry_text (fixture, ATELIER_SETTING_ADDRESS), ==, "12 rue Mercière, Lyon");
  g_assert_cmpstr (entry_text (fixture, ATELIER_SETTING_TIME_ZONE), ==, "Europe/Paris");
  g_assert_cmpstr (selected_label (fixture, ATELIER_SETTING_REMINDER), ==, "3 hours before");
  g_assert_false (gtk_switch_get_active (rsvp_switch (fixture)));
  g_assert_cmpstr (selected_label (fixture, ATELIER_SETTING_LANGUAGE), ==, "Français");
  g_assert_null (atelier_preferences_window_get_row (fixture->window, "no-such-key"));
}

/* A reminder none of the choices has (set with atelier-cli) is shown as
 * it is, not replaced. */
static void
test_custom_reminder (Fixture       *fixture,
                      gconstpointer  data)
{
  AdwComboRow *combo;

  write_setting (fixture, ATELIER_SETTING_REMINDER, "90");
  show_window (fixture);

  combo = ADW_COMBO_ROW (row (fixture, ATELIER_SETTING_REMINDER));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (combo)), ==, 6);
  g_assert_cmpstr (selected_label (fixture, ATELIER_SETTING_REMINDER), ==, "90 minutes before");
  assert_setting (fixture, ATELIER_SETTING_REMINDER, "90");

  adw_combo_row_set_selected (combo, 4);
  assert_setting (fixture, ATELIER_SETTING_REMINDER, "2880");
}

static void
test_organizer_valid (Fixture       *fixture,
                      gconstpointer  data)
{
  show_window (fixture);

  apply_text (fixture, ATELIER_SETTING_ORGANIZER, "  bonjour@boutique.example ");
  assert_setting (fixture, ATELIER_SETTING_ORGANIZER, "bonjour@boutique.example");
  /* Shown as stored. */
  g_assert_cmpstr (entry_text (fixture, ATELIER_SETTING_ORGANIZER), ==, "bonjour@boutique.example");
  g_assert_false (gtk_widget_has_css_class (row (fixture, ATELIER_SETTING_ORGANIZER), "error"));

  apply_text (fixture, ATELIER_SETTING_ORGANIZER, "mailto:Atelier@Boutique.example");
  assert_setting (fixture, ATELIER_SETTING_ORGANIZER, "Atelier@Boutique.example");
  g_assert_cmpstr (entry_text (fixture, ATELIER_SETTING_ORGANIZER), ==, "Atelier@Boutique.example");

  /* Emptied: invites are refused again until it is set. */
  apply_text (fixture, ATELIER_SETTING_ORGANIZER, "");
  assert_setting (fixture, ATELIER_SETTING_ORGANIZER, "");
}

static void
test_organizer_invalid (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *organizer;
  const char *tooltip;

  show_window (fixture);
  organizer = row (fixture, ATELIER_SETTING_ORGANIZER);

  apply_text (fixture, ATELIER_SETTING_ORGANIZER, "the shop, Lyon");
  assert_setting (fixture, ATELIER_SETTING_ORGANIZER, "ateliers@cuisine.example");
  g_assert_false (atelier_contact_is_mailbox ("the shop, Lyon"));

  /* The refused text stays to be corrected, marked, with the reason. */
  g_assert_cmpstr (entry_text (fixture, ATELIER_SETTING_ORGANIZER), ==, "the shop, Lyon");
  g_assert_true (gtk_widget_has_css_class (organizer, "error"));
  tooltip = gtk_widget_get_tooltip_text (organizer);
  g_assert_nonnull (tooltip);
  g_assert_nonnull (strstr (tooltip, "is not an e-mail address"));
  g_assert_cmpstr (shown_error (fixture), ==, "“the shop, Lyon” is not an e-mail address such as shop@example.org.");

  apply_text (fixture, ATELIER_SETTING_ORGANIZER, "a@b@c.example");
  assert_setting (fixture, ATELIER_SETTING_ORGANIZER, "ateliers@cuisine.example");

  /* Corrected: the mark goes, the value is stored. */
  apply_text (fixture, ATELIER_SETTING_ORGANIZER, "boutique@cuisine.example");
  g_assert_false (gtk_widget_has_css_class (organizer, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (organizer));
  g_assert_null (shown_error (fixture));
  assert_setting (fixture, ATELIER_SETTING_ORGANIZER, "boutique@cuisine.example");
}

static void
test_text_settings (Fixture       *fixture,
                    gconstpointer  data)
{
  show_window (fixture);

  apply_text (fixture, ATELIER_SETTING_STORE_NAME, "Le Fournil; Lyon 2e");
  assert_setting (fixture, ATELIER_SETTING_STORE_NAME, "Le Fournil; Lyon 2e");
  apply_text (fixture, ATELIER_SETTING_ADDRESS, " 3 place Bellecour ");
  assert_setting (fixture, ATELIER_SETTING_ADDRESS, "3 place Bellecour");
  g_assert_cmpstr (entry_text (fixture, ATELIER_SETTING_ADDRESS), ==, "3 place Bellecour");

  /* The core knows the zones. */
  apply_text (fixture, ATELIER_SETTING_TIME_ZONE, "Mars/Olympus_Mons");
  assert_setting (fixture, ATELIER_SETTING_TIME_ZONE, "Europe/Paris");
  g_assert_true (gtk_widget_has_css_class (row (fixture, ATELIER_SETTING_TIME_ZONE), "error"));
  apply_text (fixture, ATELIER_SETTING_TIME_ZONE, "America/Montreal");
  assert_setting (fixture, ATELIER_SETTING_TIME_ZONE, "America/Montreal");
  g_assert_false (gtk_widget_has_css_class (row (fixture, ATELIER_SETTING_TIME_ZONE), "error"));
}

static void
test_switch_and_choices (Fixture       *fixture,
                         gconstpointer  data)
{
  AdwComboRow *reminder;
  AdwComboRow *language;

  show_window (fixture);
  reminder = ADW_COMBO_ROW (row (fixture, ATELIER_SETTING_REMINDER));
  language = ADW_COMBO_ROW (row (fixture, ATELIER_SETTING_LANGUAGE));

  /* None, 1 hour, 3 hours, 1 day, 2 days. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (reminder)), ==, 5);
  adw_combo_row_set_selected (reminder, 3);
  assert_setting (fixture, ATELIER_SETTING_REMINDER, "1440");
  adw_combo_row_set_selected (reminder, 0);
  assert_setting (fixture, ATELIER_SETTING_REMINDER, "0");
  adw_combo_row_set_selected (reminder, 1);
  assert_setting (fixture, ATELIER_SETTING_REMINDER, "60");

  gtk_switch_set_active (rsvp_switch (fixture), TRUE);
  assert_setting (fixture, ATELIER_SETTING_RSVP, "true");
  gtk_switch_set_active (rsvp_switch (fixture), FALSE);
  assert_setting (fixture, ATELIER_SETTING_RSVP, "false");

  adw_combo_row_set_selected (language, 0);
  assert_setting (fixture, ATELIER_SETTING_LANGUAGE, "en");
  adw_combo_row_set_selected (language, 1);
  assert_setting (fixture, ATELIER_SETTING_LANGUAGE, "fr");
}

/* Closing keeps what was typed and not applied, if valid. */
static void
test_close_applies (Fixture       *fixture,
                    gconstpointer  data)
{
  show_window (fixture);

  gtk_editable_set_text (GTK_EDITABLE (row (fixture, ATELIER_SETTING_STORE_NAME)), "Chez Anne");
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, ATELIER_SETTING_ORGANIZER)), "not an address");
  gtk_window_close (GTK_WINDOW (fixture->window));
  fixture->window = NULL;

  assert_setting (fixture, ATELIER_SETTING_STORE_NAME, "Chez Anne");
  assert_setting (fixture, ATELIER_SETTING_ORGANIZER, "ateliers@cuisine.example");
}

/* A setting written elsewhere shows, without undoing an edit in progress. */
static void
test_follows_store (Fixture       *fixture,
                    gconstpointer  data)
{
  show_window (fixture);

  gtk_editable_set_text (GTK_EDITABLE (row (fixture, ATELIER_SETTING_ADDRESS)), "typed, not applied");
  write_setting (fixture, ATELIER_SETTING_STORE_NAME, "Renamed");
  write_setting (fixture, ATELIER_SETTING_ADDRESS, "Elsewhere");
  write_setting (fixture, ATELIER_SETTING_RSVP, "true");
  write_setting (fixture, ATELIER_SETTING_REMINDER, "1d");

  g_assert_cmpstr (entry_text (fixture, ATELIER_SETTING_STORE_NAME), ==, "Renamed");
  g_assert_cmpstr (entry_text (fixture, ATELIER_SETTING_ADDRESS), ==, "typed, not applied");
  g_assert_true (gtk_switch_get_active (rsvp_switch (fixture)));
  g_assert_cmpstr (selected_label (fixture, ATELIER_SETTING_REMINDER), ==, "1 day before");
}

/* Whether the keyboard focus is in @widget (an entry row: in its text). */
static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Whether all of @widget shows in the scrolled window around it. */
static gboolean
shows_whole (GtkWidget *widget)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  g_assert_nonnull (scroller);
  g_assert_true (gtk_widget_compute_bounds (widget, scroller, &bounds));
  return bounds.origin.y >= 0 && bounds.size.height > 0
         && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

static gboolean
organizer_shows (gpointer      fixture,
                 gconstpointer data)
{
  return shows_whole (row (fixture, ATELIER_SETTING_ORGANIZER));
}

/* "The Store's E-mail Address Is Missing" opens the preferences on that
 * row, even in a window too short to show it at first. */
static void
test_focus_setting (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *organizer;

  fixture->window = ATELIER_PREFERENCES_WINDOW (atelier_preferences_window_new (NULL, fixture->store.store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 300);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  organizer = row (fixture, ATELIER_SETTING_ORGANIZER);
  g_assert_false (has_focus_within (organizer));
  g_assert_false (shows_whole (organizer));

  g_assert_true (atelier_preferences_window_focus_setting (fixture->window, ATELIER_SETTING_ORGANIZER));
  g_assert_true (has_focus_within (organizer));
  test_wait_until (organizer_shows, fixture, NULL, 5);
  g_assert_false (atelier_preferences_window_focus_setting (fixture->window, "no-such-setting"));

  /* Asked before the window shows, as when it is being opened. */
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = ATELIER_PREFERENCES_WINDOW (atelier_preferences_window_new (NULL, fixture->store.store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 360, 300);
  g_assert_true (atelier_preferences_window_focus_setting (fixture->window, ATELIER_SETTING_ORGANIZER));
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
  g_assert_true (has_focus_within (row (fixture, ATELIER_SETTING_ORGANIZER)));
  test_wait_until (organizer_shows, fixture, NULL, 5);
}


/* The mail account */

/* A gnome-keyring-daemon of its own, unlocked, on the test's private bus
 * (see main()), with its files in the test's folder. */
static GSubprocess *
start_keyring (Fixture *fixture)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *home = g_build_filename (fixture->store.dir, "home", NULL);
  g_autofree char *runtime = g_build_filename (fixture->store.dir, "runtime", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *daemon;
  GOutputStream *input;

  g_assert_cmpint (g_mkdir_with_parents (data, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  daemon = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--foreground",
                                        "--unlock", "--components=secrets", NULL);
  g_assert_no_error (error);
  input = g_subprocess_get_stdin_pipe (daemon);
  g_assert_true (g_output_stream_write_all (input, "test", 4, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (input, NULL, &error));

  /* Ready once it owns the Secret Service's name. */
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 100; i++)
    {
      g_autoptr(GVariant) owned = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                               "org.freedesktop.DBus", "NameHasOwner",
                                                               g_variant_new ("(s)", "org.freedesktop.secrets"),
                                                               G_VARIANT_TYPE ("(b)"), 0, -1, NULL, NULL);
      gboolean has_owner = FALSE;

      if (owned != NULL)
        g_variant_get (owned, "(b)", &has_owner);
      if (has_owner)
        return daemon;
      g_usleep (100 * 1000);
    }
  g_error ("gnome-keyring-daemon did not start");
}

static gboolean
password_kept (gpointer      fixture,
               gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  char *password = atelier_secret_lookup_password ("smtp.example.org", "shop", NULL, &error);
  gboolean kept = g_strcmp0 (password, data) == 0;

  atelier_secret_free (password);
  return kept;
}

static gboolean
password_row_empty (gpointer      fixture,
                    gconstpointer data)
{
  return *entry_text (fixture, "smtp-password") == '\0';
}

/* The password goes to the keyring through libsecret, never to the store. */
static void
test_mail_password (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSubprocess) keyring = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (g_getenv ("ATELIER_TEST_OWN_BUS") == NULL)
    {
      g_test_skip ("needs a D-Bus session of its own (dbus-run-session)");
      return;
    }
  keyring = start_keyring (fixture);
  show_window (fixture);

  apply_text (fixture, ATELIER_SETTING_SMTP_HOST, "smtp.example.org");
  apply_text (fixture, ATELIER_SETTING_SMTP_USER, "shop");
  assert_setting (fixture, ATELIER_SETTING_SMTP_HOST, "smtp.example.org");
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "smtp-password")), "c0rrect horse");
  g_signal_emit_by_name (row (fixture, "smtp-password"), "apply");

  test_wait_until (password_kept, fixture, "c0rrect horse", 10);
  test_wait_until (password_row_empty, fixture, NULL, 5);
  g_assert_true (g_file_get_contents (fixture->store.path, &contents, &length, NULL));
  g_assert_null (g_strstr_len (contents, length, "c0rrect horse"));

  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->window)));
  g_subprocess_send_signal (keyring, SIGTERM);
  g_subprocess_wait (keyring, NULL, NULL);
}

/* The account's rows write the settings, through the core's rules. */
static void
test_mail_account (Fixture       *fixture,
                   gconstpointer  data)
{
  show_window (fixture);

  apply_text (fixture, ATELIER_SETTING_SMTP_HOST, " SMTP.Example.org ");
  assert_setting (fixture, ATELIER_SETTING_SMTP_HOST, "smtp.example.org");
  apply_text (fixture, ATELIER_SETTING_SMTP_PORT, "70000");
  assert_setting (fixture, ATELIER_SETTING_SMTP_PORT, "");
  g_assert_true (gtk_widget_has_css_class (row (fixture, ATELIER_SETTING_SMTP_PORT), "error"));
  apply_text (fixture, ATELIER_SETTING_SMTP_PORT, "465");
  assert_setting (fixture, ATELIER_SETTING_SMTP_PORT, "465");

  /* "None" is refused for a server elsewhere, and the choice goes back. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (fixture, ATELIER_SETTING_SMTP_SECURITY)), 2);
  assert_setting (fixture, ATELIER_SETTING_SMTP_SECURITY, "starttls");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row (fixture, ATELIER_SETTING_SMTP_SECURITY))), ==, 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (fixture, ATELIER_SETTING_SMTP_SECURITY)), 0);
  assert_setting (fixture, ATELIER_SETTING_SMTP_SECURITY, "tls");

  adw_combo_row_set_selected (ADW_COMBO_ROW (row (fixture, ATELIER_SETTING_MAIL_REMINDER)), 0);
  assert_setting (fixture, ATELIER_SETTING_MAIL_REMINDER, "0");
}

/* A test that fails does not leave its server behind. */
static void
server_child_setup (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* A mail server without AUTH on 127.0.0.1 (tests/smtp-server.py), or
 * NULL when python3-aiosmtpd is missing. */
static GSubprocess *
start_smtp_server (Fixture *fixture,
                   int     *port)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "smtp-server.py", NULL);
  g_autofree char *log = g_build_filename (fixture->store.dir, "received.jsonl", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GSubprocess *server;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, server_child_setup, NULL, NULL);
  server = g_subprocess_launcher_spawn (launcher, &error, "/usr/bin/python3", script, "--log", log,
                                        "--security", "none", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (out, NULL, NULL, NULL);
  if (line == NULL)
    {
      g_subprocess_wait (server, NULL, NULL);
      g_object_unref (server);
      return NULL;
    }
  *port = atoi (line);
  return server;
}

static gboolean
mail_status_shown (gpointer      fixture,
                   gconstpointer data)
{
  Fixture *f = fixture;
  const char *status = atelier_preferences_window_get_mail_status (f->window, NULL);

  return status != NULL && strstr (status, data) != NULL;
}

/* The test message goes from a thread; its answer, or the reason it did
 * not go, is shown as the server or the core said it. */
static void
test_mail_test_message (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSubprocess) server = NULL;
  g_autofree char *port_text = NULL;
  gboolean is_error = FALSE;
  int port = 0;

  server = start_smtp_server (fixture, &port);
  if (server == NULL)
    {
      g_test_skip ("python3-aiosmtpd is missing");
      return;
    }
  port_text = g_strdup_printf ("%d", port);
  show_window (fixture);
  apply_text (fixture, ATELIER_SETTING_SMTP_HOST, "127.0.0.1");
  apply_text (fixture, ATELIER_SETTING_SMTP_PORT, port_text);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (fixture, ATELIER_SETTING_SMTP_SECURITY)), 2);
  assert_setting (fixture, ATELIER_SETTING_SMTP_SECURITY, "none");

  g_signal_emit_by_name (atelier_preferences_window_get_test_button (fixture->window), "clicked");
  test_wait_until (mail_status_shown, fixture, "The server answered: 250 2.0.0 Ok: queued", 20);
  atelier_preferences_window_get_mail_status (fixture->window, &is_error);
  g_assert_false (is_error);

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  g_signal_emit_by_name (atelier_preferences_window_get_test_button (fixture->window), "clicked");
  test_wait_until (mail_status_shown, fixture, "connection refused", 20);
  atelier_preferences_window_get_mail_status (fixture->window, &is_error);
  g_assert_true (is_error);
}

/* The mailbox of replies */

static gboolean
imap_status_shown (gpointer      fixture,
                   gconstpointer data)
{
  Fixture *f = fixture;
  const char *status = atelier_preferences_window_get_imap_status (f->window, NULL);

  return status != NULL && strstr (status, data) != NULL;
}

static gboolean
imap_password_kept (gpointer      fixture,
                    gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  char *password = atelier_imap_lookup_password ("127.0.0.1", TEST_IMAP_USER, NULL, &error);
  gboolean kept = g_strcmp0 (password, data) == 0;

  secret_password_free (password);
  return kept;
}

/* The mailbox's rows write the settings by the core's rules; its password
 * has its own keyring entry, not the sending account's; Test Connection
 * logs in to a real server (dovecot) from a thread and says how it went. */
static void
test_replies_mailbox (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSubprocess) keyring = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *port = NULL;
  ImapServer server = { 0 };
  char *smtp_password;
  gboolean is_error = FALSE;

  show_window (fixture);
  apply_text (fixture, ATELIER_SETTING_REPLIES_INTERVAL, "1h");
  assert_setting (fixture, ATELIER_SETTING_REPLIES_INTERVAL, "60");
  apply_text (fixture, ATELIER_SETTING_IMAP_PORT, "99999");
  g_assert_true (gtk_widget_has_css_class (row (fixture, ATELIER_SETTING_IMAP_PORT), "error"));
  g_signal_emit_by_name (atelier_preferences_window_get_imap_test_button (fixture->window), "clicked");
  test_wait_until (imap_status_shown, fixture, "No mailbox for replies is set", 5);

  if (g_getenv ("ATELIER_TEST_OWN_BUS") == NULL || !imap_server_can_run ())
    {
      g_test_skip ("needs a D-Bus session of its own and dovecot");
      return;
    }
  keyring = start_keyring (fixture);
  /* libsecret keeps the connection to an earlier test's keyring. */
  secret_service_disconnect ();
  imap_server_start (&server, fixture->store.dir);
  port = g_strdup_printf ("%d", server.imap_port);

  apply_text (fixture, ATELIER_SETTING_IMAP_HOST, "127.0.0.1");
  apply_text (fixture, ATELIER_SETTING_IMAP_PORT, port);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (fixture, ATELIER_SETTING_IMAP_SECURITY)), 1);
  assert_setting (fixture, ATELIER_SETTING_IMAP_SECURITY, "starttls");
  apply_text (fixture, ATELIER_SETTING_IMAP_USER, TEST_IMAP_USER);
  apply_text (fixture, ATELIER_SETTING_IMAP_CA_FILE, server.cert);
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, "imap-password")), TEST_IMAP_PASSWORD);
  g_signal_emit_by_name (row (fixture, "imap-password"), "apply");
  test_wait_until (imap_password_kept, fixture, TEST_IMAP_PASSWORD, 10);
  smtp_password = atelier_secret_lookup_password ("127.0.0.1", TEST_IMAP_USER, NULL, &error);
  g_assert_null (smtp_password);
  g_assert_error (error, ATELIER_SECRET_ERROR, ATELIER_SECRET_ERROR_NOT_FOUND);

  g_signal_emit_by_name (atelier_preferences_window_get_imap_test_button (fixture->window), "clicked");
  test_wait_until (imap_status_shown, fixture, "The mailbox answered", 20);
  atelier_preferences_window_get_imap_status (fixture->window, &is_error);
  g_assert_false (is_error);

  apply_text (fixture, ATELIER_SETTING_IMAP_FOLDER, "Nowhere");
  g_signal_emit_by_name (atelier_preferences_window_get_imap_test_button (fixture->window), "clicked");
  test_wait_until (imap_status_shown, fixture, "no folder “Nowhere”", 20);
  atelier_preferences_window_get_imap_status (fixture->window, &is_error);
  g_assert_true (is_error);

  gtk_window_destroy (GTK_WINDOW (g_steal_pointer (&fixture->window)));
  imap_server_stop (&server);
  g_subprocess_send_signal (keyring, SIGTERM);
  g_subprocess_wait (keyring, NULL, NULL);
}

/* The currency: the store's shown, a choice written, a choice written
 * elsewhere shown. */
static void
test_currency (Fixture       *fixture,
               gconstpointer  data)
{
  AdwComboRow *currency;
  const char * const *codes = atelier_money_list_currencies ();
  guint yen = 0;

  write_setting (fixture, ATELIER_SETTING_CURRENCY, "CHF");
  show_window (fixture);
  currency = ADW_COMBO_ROW (row (fixture, ATELIER_SETTING_CURRENCY));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (currency)), ==,
                    g_strv_length ((GStrv) codes));
  g_assert_cmpstr (selected_label (fixture, ATELIER_SETTING_CURRENCY), ==, "CHF — Swiss Franc");

  while (g_strcmp0 (codes[yen], "JPY") != 0)
    yen++;
  adw_combo_row_set_selected (currency, yen);
  assert_setting (fixture, ATELIER_SETTING_CURRENCY, "JPY");

  write_setting (fixture, ATELIER_SETTING_CURRENCY, "gbp");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpstr (selected_label (fixture, ATELIER_SETTING_CURRENCY), ==, "GBP — Pound Sterling");
}

int
main (int   argc,
      char *argv[])
{
  /* A D-Bus session of its own, for a keyring that no other test sees. */
  if (g_getenv ("ATELIER_TEST_OWN_BUS") == NULL && g_find_program_in_path ("dbus-run-session") != NULL &&
      g_find_program_in_path ("gnome-keyring-daemon") != NULL)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      g_setenv ("ATELIER_TEST_OWN_BUS", "1", TRUE);
      g_ptr_array_add (args, (gpointer) "dbus-run-session");
      g_ptr_array_add (args, (gpointer) "--");
      for (int i = 0; i < argc; i++)
        g_ptr_array_add (args, argv[i]);
      g_ptr_array_add (args, NULL);
      execvp ("dbus-run-session", (char **) args->pdata);
      g_unsetenv ("ATELIER_TEST_OWN_BUS");
    }

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display for the preferences tests\n");
      return 0;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/preferences/shows-stored-values", test_shows_stored_values);
  ADD_TEST ("/atelier/preferences/custom-reminder", test_custom_reminder);
  ADD_TEST ("/atelier/preferences/organizer-valid", test_organizer_valid);
  ADD_TEST ("/atelier/preferences/organizer-invalid", test_organizer_invalid);
  ADD_TEST ("/atelier/preferences/text-settings", test_text_settings);
  ADD_TEST ("/atelier/preferences/switch-and-choices", test_switch_and_choices);
  ADD_TEST ("/atelier/preferences/currency", test_currency);
  ADD_TEST ("/atelier/preferences/close-applies", test_close_applies);
  ADD_TEST ("/atelier/preferences/follows-store", test_follows_store);
  ADD_TEST ("/atelier/preferences/focus-setting", test_focus_setting);
  ADD_TEST ("/atelier/preferences/mail-account", test_mail_account);
  ADD_TEST ("/atelier/preferences/mail-password", test_mail_password);
  ADD_TEST ("/atelier/preferences/mail-test-message", test_mail_test_message);
  ADD_TEST ("/atelier/preferences/replies-mailbox", test_replies_mailbox);

#undef ADD_TEST

  return g_test_run ();
}
