/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-i18n.c: the app speaks French with LANGUAGE=fr: a widget of a real
 * template, a message of atelier-cli, and the subject of an invite mail,
 * which follows the store's language setting and not the machine's.
 *
 * The catalogue is the build tree's (ATELIER_LOCALEDIR, set by
 * tests/meson.build). LANGUAGE=fr is set here, for this program and the
 * CLI it runs; LC_ALL stays C.UTF-8, as in the other tests. */
#define G_LOG_DOMAIN "test-i18n"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "atelier-booking.h"
#include "atelier-checkin-row.h"
#include "atelier-format.h"
#include "atelier-mail.h"
#include "atelier-session-page.h"
#include "atelier-session-row.h"
#include "atelier-window.h"
#include "test-ical-util.h"
#include "test-ui-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)

#define NBSP "\302\240"

static gboolean have_display;

/* Widget tree helpers */

/* The catalogue itself: without it every other check would only say
 * "English", not why. */
static void
test_catalogue (void)
{
  const char *localedir = g_getenv ("ATELIER_LOCALEDIR");
  g_autofree char *mo = NULL;

  g_assert_nonnull (localedir);
  mo = g_build_filename (localedir, "fr", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_IS_REGULAR));

  /* A plain message, a message with a context, and both plural forms. */
  g_assert_cmpstr (_("Waiting List"), ==, "Liste d’attente");
  g_assert_cmpstr (C_("day", "Today"), ==, "Aujourd’hui");
  g_assert_cmpstr (ngettext ("%d seat", "%d seats", 1), ==, "%d place");
  g_assert_cmpstr (ngettext ("%d seat", "%d seats", 2), ==, "%d places");
}

/* At the door, French words that fit anyone and say what they undo: the
 * row's Undo is not the "Annuler" that reads as cancelling the booking,
 * and the time of a check-in does not assume a gender ("Arrivée à"). */
static void
test_door_words (void)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *row;
  g_autofree char *checked_in = NULL;
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) time = g_date_time_new (paris, 2026, 11, 24, 18, 42, 0);

  checked_in = atelier_date_format (time, _("Checked in at %H:%M"));
  g_assert_cmpstr (checked_in, ==, "Pointage à 18:42");

  if (!have_display)
    {
      g_test_skip ("no display");
      return;
    }
  row = g_object_ref_sink (g_object_new (ATELIER_TYPE_CHECKIN_ROW, NULL));
  test_collect_widgets (row, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    g_assert_cmpstr (gtk_button_get_label (buttons->pdata[i]), !=, "Annuler");
  g_assert_nonnull (test_find_button (row, "Annuler le pointage"));
  g_object_unref (row);
}

/* The main window on an empty store: its status page (text set in C) and
 * the schedule's search entry (text from a GtkBuilder template). */
/* LC_ALL=C.UTF-8 has no day or month names of its own: the interface's
 * catalogue gives them, so a French window says "mardi", not "Tuesday". */
static void
test_date_names (void)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) day = g_date_time_new (paris, 2026, 11, 24, 18, 30, 0);
  g_autofree char *long_form = atelier_date_format (day, "%A %-d %B, %H:%M");
  g_autofree char *short_form = atelier_date_format (day, "%a %-d %b");
  g_autofree char *percent = atelier_date_format (day, "100%% %A");

  g_assert_cmpstr (long_form, ==, "mardi 24 novembre, 18:30");
  g_assert_cmpstr (short_form, ==, "mar. 24 nov.");
  g_assert_cmpstr (percent, ==, "100% mardi");
}

static void
test_window (void)
{
  TestStore store = { NULL };
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  AtelierWindow *window;
  gboolean found_title = FALSE;
  gboolean found_placeholder = FALSE;

  if (!have_display)
    {
      g_test_skip ("No display: the window cannot be built");
      return;
    }

  test_store_setup (&store, NULL);
  window = atelier_window_new (NULL, store.store);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 900);
  atelier_window_set_visible_view (window, "schedule");
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  test_collect_widgets (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, pages);
  for (guint i = 0; i < pages->len; i++)
    {
      const char *title = adw_status_page_get_title (pages->pdata[i]);

      if (gtk_widget_get_mapped (pages->pdata[i]))
        {
          g_assert_cmpstr (title, ==, "Aucune séance à venir");
          found_title = TRUE;
        }
    }
  g_assert_true (found_title);

  test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, entries);
  for (guint i = 0; i < entries->len; i++)
    {
      g_autofree char *placeholder = NULL;

      g_object_get (entries->pdata[i], "placeholder-text", &placeholder, NULL);
      if (g_strcmp0 (placeholder, "Rechercher par atelier") == 0)
        found_placeholder = TRUE;
      g_assert_cmpstr (placeholder, !=, "Search by workshop");
    }
  g_assert_true (found_placeholder);

  gtk_window_destroy (GTK_WINDOW (window));
  test_store_teardown (&store, NULL);
}

/* A session tomorrow with one seat, taken, and two parties waiting: its
 * card shows both badges, "2 en attente" and "Complète". */
static void
add_full_session (AtelierStore *store)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Affûter et tailler : les couteaux du chef");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = NULL;
  const char *names[] = { "Ada", "Berthe", "Chloé" };
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  session = atelier_session_new (atelier_workshop_get_id (workshop), starts, ends, "Europe/Paris");
  g_object_set (session, "capacity", 1, "place", "Cuisine de l’atelier, 12 rue des Martyrs", NULL);
  g_assert_true (atelier_store_add_session (store, session, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AtelierCustomer) customer = atelier_customer_new (names[i], "Martin");
      g_autoptr(AtelierRegistration) registration = NULL;

      registration = atelier_booking_sign_up (store, atelier_session_get_id (session), customer,
                                              1, NULL, &error);
      g_assert_no_error (error);
    }
}

static gboolean
shows_session_row (gpointer      window,
                   gconstpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  test_collect_widgets (window, ATELIER_TYPE_SESSION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (rows->pdata[i]))
      return TRUE;
  return FALSE;
}

/* French labels are longer: "2 en attente" and "Complète" side by side
 * made a session's card too wide for a 360-pixel phone. One above the
 * other, the card needs only the wider one. */
static gboolean
is_narrow (gpointer      window,
           gconstpointer data)
{
  return gtk_widget_get_width (window) <= 360;
}

static void
test_narrow_schedule (void)
{
  TestStore store = { NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  AtelierWindow *window;
  GtkWidget *waiting;
  GtkWidget *full;
  int waiting_width = 0;
  int full_width = 0;
  int badges_width = 0;

  if (!have_display)
    {
      g_test_skip ("No display: the window cannot be built");
      return;
    }

  test_store_setup (&store, NULL);
  add_full_session (store.store);
  window = atelier_window_new (NULL, store.store);
  atelier_window_set_visible_view (window, "schedule");
  gtk_window_present (GTK_WINDOW (window));
  test_wait_until (shows_session_row, window, NULL, 10);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  test_collect_widgets (GTK_WIDGET (window), ATELIER_TYPE_SESSION_ROW, rows);
  g_assert_cmpuint (rows->len, >=, 1);
  waiting = GTK_WIDGET (test_find_label (rows->pdata[0], "2 en attente"));
  full = GTK_WIDGET (test_find_label (rows->pdata[0], "Complète"));
  g_assert_nonnull (waiting);
  g_assert_nonnull (full);
  g_assert_true (gtk_widget_get_mapped (waiting) && gtk_widget_get_mapped (full));
  g_assert_true (gtk_widget_get_parent (waiting) == gtk_widget_get_parent (full));

  gtk_widget_measure (waiting, GTK_ORIENTATION_HORIZONTAL, -1, &waiting_width, NULL, NULL, NULL);
  gtk_widget_measure (full, GTK_ORIENTATION_HORIZONTAL, -1, &full_width, NULL, NULL, NULL);
  gtk_widget_measure (gtk_widget_get_parent (waiting), GTK_ORIENTATION_HORIZONTAL, -1,
                      &badges_width, NULL, NULL, NULL);
  g_assert_cmpint (badges_width, <, waiting_width + full_width);

  /* At 360 pixels the search still says all its words; the button beside
   * it gives up its label instead. The application loads its style sheet
   * by itself; a window built alone needs it given. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/io/github/ateliers/Atelier/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 700);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  test_wait_until (is_narrow, window, NULL, 10);
  {
    g_autoptr(GPtrArray) entries = g_ptr_array_new ();
    g_autoptr(PangoLayout) layout = NULL;
    int text_width;

    test_collect_widgets (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, entries);
    g_assert_cmpuint (entries->len, >=, 1);
    layout = gtk_widget_create_pango_layout (entries->pdata[0], "Rechercher par atelier");
    pango_layout_get_pixel_size (layout, &text_width, NULL);
    /* The magnifier and the entry's padding take about 30 pixels. */
    g_assert_cmpint (gtk_widget_get_width (entries->pdata[0]), >=, text_width + 30);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  test_store_teardown (&store, NULL);
}

/* French labels are longer; a session's page, its header bar included,
 * still fits a 360-pixel phone with the window's frame (350). */
static void
test_narrow_session_page (void)
{
  TestStore store = { NULL };
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, 2);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  GtkWidget *page;
  int minimum = 0;

  if (!have_display)
    {
      g_test_skip ("No display: the page cannot be built");
      return;
    }

  test_store_setup (&store, NULL);
  g_assert_true (atelier_store_add_workshop (store.store, workshop, &error));
  session = atelier_session_new (atelier_workshop_get_id (workshop), starts, ends, "Europe/Paris");
  g_assert_true (atelier_store_add_session (store.store, session, &error));
  g_assert_no_error (error);

  window = gtk_window_new ();
  page = atelier_session_page_new (store.store, atelier_session_get_id (session));
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_test_message ("minimum width: %d", minimum);
  g_assert_cmpint (minimum, <=, 350);

  gtk_window_destroy (GTK_WINDOW (window));
  test_store_teardown (&store, NULL);
}

/* atelier-cli with an unknown command: the error and the usage, on
 * standard error, in French. */
static void
test_cli (void)
{
  const char *cli = g_getenv ("ATELIER_CLI");
  g_autofree char *dir = NULL;
  g_autofree char *database = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (cli);
  dir = g_dir_make_tmp ("atelier-i18n-XXXXXX", &error);
  g_assert_no_error (error);
  database = g_build_filename (dir, "store.db", NULL);

  {
    const char *argv[] = { cli, "--database", database, "frobnicate", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                  &out, &err, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));

  g_assert_nonnull (strstr (err, "atelier-cli: Commande inconnue" NBSP ": «" NBSP "frobnicate" NBSP "»."));
  g_assert_nonnull (strstr (err, "Utilisation" NBSP ":\n"));
  g_assert_nonnull (strstr (err, "Commandes" NBSP ":\n"));
  g_assert_null (strstr (err, "Unknown command"));
  g_assert_null (strstr (err, "Usage:"));

  test_remove_tree (dir);
}

/* The subject of an invite mail for a registration */
static char *
invite_subject (IcalFixture *f,
                gint64       registration_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierSettings) settings = atelier_settings_load (f->base.store, &error);
  g_autoptr(AtelierRegistration) registration =
    atelier_store_get_registration (f->base.store, registration_id, &error);
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(AtelierWorkshop) workshop = NULL;
  g_autoptr(AtelierCustomer) customer = NULL;
  g_autoptr(GMimeMessage) message = NULL;
  g_autofree char *calendar = NULL;

  g_assert_no_error (error);
  session = atelier_store_get_session (f->base.store,
                                       atelier_registration_get_session_id (registration), &error);
  g_assert_no_error (error);
  workshop = atelier_store_get_workshop (f->base.store, atelier_session_get_workshop_id (session), &error);
  g_assert_no_error (error);
  customer = atelier_store_get_customer (f->base.store,
                                         atelier_registration_get_customer_id (registration), &error);
  g_assert_no_error (error);

  calendar = atelier_invite_build (settings, session, workshop, customer,
                                   atelier_registration_get_party_size (registration),
                                   ATELIER_INVITE_NEW, 0, &error);
  g_assert_no_error (error);
  message = atelier_mail_new_invite (settings, session, workshop, customer,
                                     atelier_registration_get_party_size (registration),
                                     ATELIER_INVITE_NEW, calendar, &error);
  g_assert_no_error (error);

  return g_strdup (g_mime_message_get_subject (message));
}

/* What customers read follows the store's language setting, whatever the
 * machine's language (French here) says. */
static void
test_mail_subject (IcalFixture   *f,
                   gconstpointer  data)
{
  gint64 session = ical_session_in_days (f, 10, 4);
  gint64 zoe = ical_sign_up (f, session, "Zoé", "Martin", "zoe@example.org", 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *french = NULL;
  g_autofree char *english = NULL;

  g_assert_true (atelier_settings_write (f->base.store, "language", "fr", &error));
  g_assert_no_error (error);
  french = invite_subject (f, zoe);
  g_assert_true (g_str_has_prefix (french, "Invitation" NBSP ": Risotto aux cèpes, "));
  g_assert_nonnull (strstr (french, " à 18:30"));

  g_assert_true (atelier_settings_write (f->base.store, "language", "en", &error));
  g_assert_no_error (error);
  english = invite_subject (f, zoe);
  g_assert_true (g_str_has_prefix (english, "Invitation: Risotto aux cèpes, "));
  g_assert_true (g_str_has_suffix (english, ", 18:30"));
  g_assert_null (strstr (english, NBSP));
}

int
main (int   argc,
      char *argv[])
{
  /* Before anything reads the environment: this program and the CLI it
   * runs speak French. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  /* No accessibility bus: a test that ran before may have left a stale
   * one in the D-Bus session, and GTK would report it as a critical. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ATELIER_LOCALEDIR") ? g_getenv ("ATELIER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Without a display only the window's test is skipped. */
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  /* Not test_init(): isolated XDG directories would hide the GSettings
   * schemas and icons that GTK and libadwaita look up. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/atelier/i18n/catalogue", test_catalogue);
  g_test_add_func ("/atelier/i18n/date-names", test_date_names);
  g_test_add_func ("/atelier/i18n/door-words", test_door_words);
  g_test_add_func ("/atelier/i18n/window", test_window);
  g_test_add_func ("/atelier/i18n/narrow-session-page", test_narrow_session_page);
  g_test_add_func ("/atelier/i18n/narrow-schedule", test_narrow_schedule);
  g_test_add_func ("/atelier/i18n/cli", test_cli);
  g_test_add ("/atelier/i18n/mail-subject", IcalFixture, NULL,
              ical_fixture_setup, test_mail_subject, ical_fixture_teardown);

  return g_test_run ();
}
