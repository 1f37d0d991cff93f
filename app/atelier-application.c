/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-application.c: the Atelier application
 *
 * Parses the command line, opens the store once (in a thread, while GTK
 * starts up) and hands it to the window on the first activation; if the
 * store cannot be opened, the window says why. While it runs, it sends
 * the mail that is due (reminders, follow-ups, invites owed) every few
 * minutes, one batch at a time for all its windows, in a thread; and
 * it reads the customers' replies from the store's mailbox at the
 * interval the store sets, in a thread too, saying a failure once.
 */
#define G_LOG_DOMAIN "atelier-application"

#include "config.h"

#include <unistd.h>

#include <glib/gi18n.h>

#include "atelier-application.h"
#include "atelier-mail-queue.h"
#include "atelier-preferences-window.h"
#include "atelier-replies.h"
#include "atelier-replies-window.h"
#include "atelier-store-monitor.h"
#include "atelier-store.h"
#include "atelier-window.h"

struct _AtelierApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  char           *store_path;
  GThread        *open_thread;  /* opening the store, until joined */
  AtelierStore   *store;
  AtelierStoreMonitor *store_monitor;  /* writes by other processes */
  GError         *store_error;
  gboolean        store_opened;
  GtkWidget      *preferences;  /* weak */
  guint           mail_timer;
  GCancellable   *mail_cancellable;
  gboolean        sending_mail;
  guint           replies_timer;
  gboolean        checking_replies;
  gboolean        replies_on_demand;
  gint64          replies_checked_at;  /* monotonic µs of the last check */
  char           *replies_failure;     /* the last failure said, not to say it again */
  guint           n_replies_alerts;    /* failures said so far */
};

/* How often the interval between checks for replies is looked at. */
#define REPLIES_TICK_SECONDS 60

/* How often due mail is looked for while the app runs, and how long
 * after start-up the first time (not to slow the first frame). */
#define MAIL_INTERVAL_SECONDS 300
#define MAIL_FIRST_SECONDS    20

G_DEFINE_FINAL_TYPE (AtelierApplication, atelier_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the store in FILE instead of the default one"), N_("FILE") },
  { NULL }
};

/* Writes self->store or self->store_error, which the main thread reads
 * only once it has joined this one. */
static gpointer
open_store_thread (gpointer user_data)
{
  AtelierApplication *self = user_data;

  self->store = atelier_store_open (self->store_path, &self->store_error);

  return NULL;
}

/* Opening the store (SQLite, the schema's check, a migration when due)
 * takes a few milliseconds that a thread spends while GTK starts up:
 * from startup, in the primary instance only. */
static void
atelier_application_start_opening_store (AtelierApplication *self)
{
  if (self->store_opened || self->store_path != NULL)
    return;

  if (self->database_path != NULL)
    self->store_path = g_strdup (self->database_path);
  else
    self->store_path = atelier_store_dup_default_path ();

  self->open_thread = g_thread_try_new ("atelier-open-store", open_store_thread, self, NULL);
  if (self->open_thread == NULL)
    open_store_thread (self);
}

/* Due mail */

static void
on_due_mail_sent_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AtelierApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  AtelierMailReport report = { 0 };

  self->sending_mail = FALSE;
  if (!atelier_mail_queue_send_finish (ATELIER_STORE (source), result, &report, &error))
    {
      /* Another window or `atelier-cli send` has the turn: nothing to say. */
      if (!g_error_matches (error, ATELIER_MAIL_QUEUE_ERROR, ATELIER_MAIL_QUEUE_ERROR_BUSY) &&
          !g_error_matches (error, ATELIER_MAIL_QUEUE_ERROR, ATELIER_MAIL_QUEUE_ERROR_CANCELLED))
        g_message ("Mail could not be sent: %s", error->message);
      return;
    }
  if (report.n_sent + report.n_failed + report.n_retry > 0)
    g_debug ("Mail sent: %u, put off: %u, failed: %u", report.n_sent, report.n_retry, report.n_failed);
}

/**
 * atelier_application_send_due_mail:
 *
 * Sends what is due now, in a thread, unless a batch is already going or
 * no mail account is set.
 *
 * Returns: whether a batch was started
 */
gboolean
atelier_application_send_due_mail (AtelierApplication *self)
{
  g_autoptr(AtelierSettings) settings = NULL;

  g_return_val_if_fail (ATELIER_IS_APPLICATION (self), FALSE);

  if (self->sending_mail || self->store == NULL)
    return FALSE;
  settings = atelier_settings_load (self->store, NULL);
  if (settings == NULL || !atelier_settings_check_can_send (settings, NULL))
    return FALSE;

  self->sending_mail = TRUE;
  atelier_mail_queue_send_async (self->store, NULL, 0, NULL, NULL, self->mail_cancellable,
                                 on_due_mail_sent_cb, g_object_ref (self));
  return TRUE;
}

gboolean
atelier_application_is_sending_mail (AtelierApplication *self)
{
  g_return_val_if_fail (ATELIER_IS_APPLICATION (self), FALSE);

  return self->sending_mail;
}

static gboolean
on_mail_timer_cb (gpointer user_data)
{
  AtelierApplication *self = user_data;

  atelier_application_send_due_mail (self);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_first_mail_cb (gpointer user_data)
{
  AtelierApplication *self = user_data;

  atelier_application_send_due_mail (self);
  self->mail_timer = g_timeout_add_seconds (MAIL_INTERVAL_SECONDS, on_mail_timer_cb, self);
  return G_SOURCE_REMOVE;
}

/* Replies */

static AtelierWindow *main_window (AtelierApplication *self);

static void
show_toast (AtelierApplication *self,
            const char         *title)
{
  AtelierWindow *window = main_window (self);
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  if (window != NULL)
    adw_toast_overlay_add_toast (atelier_window_get_toast_overlay (window), adw_toast_new (escaped));
}

static void
on_replies_checked_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AtelierApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  AtelierRepliesReport report = { 0 };
  guint n;

  self->checking_replies = FALSE;
  if (!atelier_replies_check_finish (ATELIER_STORE (source), result, &report, &error))
    {
      g_autofree char *title = NULL;

      if (g_error_matches (error, ATELIER_REPLIES_ERROR, ATELIER_REPLIES_ERROR_CANCELLED) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* A server down for an hour is said once, not at every interval. */
      if (self->replies_on_demand || g_strcmp0 (self->replies_failure, error->message) != 0)
        {
          /* TRANSLATORS: the reason follows */
          title = g_strdup_printf (_("Replies could not be read: %s"), error->message);
          show_toast (self, title);
          self->n_replies_alerts++;
        }
      g_free (self->replies_failure);
      self->replies_failure = g_strdup (error->message);
      return;
    }

  g_clear_pointer (&self->replies_failure, g_free);
  n = report.n_applied + report.n_set_aside;
  if (n > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u new reply from customers",
                                                          "%u new replies from customers", n), n);
      show_toast (self, title);
    }
  else if (self->replies_on_demand)
    show_toast (self, _("No new replies."));
}

/**
 * atelier_application_check_replies:
 * @on_demand: the user asked: say the outcome even when nothing is new,
 *   and say why nothing can be read
 *
 * Reads the store's mailbox for replies, in a thread, unless a check is
 * already going or no mailbox is set.
 *
 * Returns: whether a check was started
 */
gboolean
atelier_application_check_replies (AtelierApplication *self,
                                   gboolean            on_demand)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (ATELIER_IS_APPLICATION (self), FALSE);

  if (self->checking_replies || self->store == NULL)
    return FALSE;
  settings = atelier_settings_load (self->store, &error);
  if (settings == NULL || !atelier_settings_check_can_read_replies (settings, &error))
    {
      if (on_demand)
        show_toast (self, error->message);
      return FALSE;
    }

  self->checking_replies = TRUE;
  self->replies_on_demand = on_demand;
  self->replies_checked_at = g_get_monotonic_time ();
  atelier_replies_check_async (self->store, NULL, self->mail_cancellable, on_replies_checked_cb,
                               g_object_ref (self));
  return TRUE;
}

gboolean
atelier_application_is_checking_replies (AtelierApplication *self)
{
  g_return_val_if_fail (ATELIER_IS_APPLICATION (self), FALSE);

  return self->checking_replies;
}

/* How many times a failure to read the replies was said: once per
 * failure, not once per interval. */
guint
atelier_application_get_n_replies_alerts (AtelierApplication *self)
{
  g_return_val_if_fail (ATELIER_IS_APPLICATION (self), 0);

  return self->n_replies_alerts;
}

static gboolean
on_replies_timer_cb (gpointer user_data)
{
  AtelierApplication *self = user_data;
  g_autoptr(AtelierSettings) settings = NULL;
  gint64 interval;

  if (self->store == NULL || (settings = atelier_settings_load (self->store, NULL)) == NULL)
    return G_SOURCE_CONTINUE;
  interval = (gint64) atelier_settings_get_replies_interval (settings) * 60 * G_USEC_PER_SEC;
  if (interval > 0 && g_get_monotonic_time () - self->replies_checked_at >= interval)
    atelier_application_check_replies (self, FALSE);
  return G_SOURCE_CONTINUE;
}

/* What comes with an open store (or its absence): the monitor of other
 * processes' writes, due mail, and the Preferences. */
static void
atelier_application_store_ready (AtelierApplication *self)
{
  GAction *preferences;

  if (self->store == NULL)
    g_message ("Could not open the store %s: %s", self->store_path, self->store_error->message);
  else
    {
      self->store_monitor = atelier_store_monitor_new (self->store);
      self->mail_timer = g_timeout_add_seconds (MAIL_FIRST_SECONDS, on_first_mail_cb, self);
      self->replies_timer = g_timeout_add_seconds (REPLIES_TICK_SECONDS, on_replies_timer_cb, self);
    }

  /* Preferences are the store's settings: none without a store. */
  preferences = g_action_map_lookup_action (G_ACTION_MAP (self), "preferences");
  if (G_IS_SIMPLE_ACTION (preferences))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), self->store != NULL);
}

static void
atelier_application_open_store (AtelierApplication *self)
{
  if (self->store_opened)
    return;

  atelier_application_start_opening_store (self);
  if (self->open_thread != NULL)
    g_thread_join (g_steal_pointer (&self->open_thread));
  self->store_opened = TRUE;

  atelier_application_store_ready (self);
}

/* An existing empty file */

/* The user said to start a new store in the empty file: the error's
 * window gives way to the store's. */
static void
start_store_in_empty_file (AtelierApplication *self,
                           GtkWindow          *error_window)
{
  GtkWindow *window;

  g_clear_error (&self->store_error);
  self->store = atelier_store_open_full (self->store_path, ATELIER_STORE_OPEN_INIT_EMPTY_FILE,
                                         &self->store_error);
  atelier_application_store_ready (self);

  if (self->store != NULL)
    window = GTK_WINDOW (atelier_window_new (GTK_APPLICATION (self), self->store));
  else
    window = GTK_WINDOW (atelier_window_new_for_error (GTK_APPLICATION (self), self->store_error));
  gtk_window_present (window);
  gtk_window_destroy (error_window);
}

typedef struct
{
  AtelierApplication *self;
  GtkWindow          *error_window;
} EmptyFileAnswer;

static void
empty_file_answer_free (gpointer data)
{
  EmptyFileAnswer *answer = data;

  g_object_unref (answer->self);
  g_object_unref (answer->error_window);
  g_free (answer);
}

static gboolean
start_store_cb (gpointer user_data)
{
  EmptyFileAnswer *answer = user_data;

  if (answer->self->store == NULL)
    start_store_in_empty_file (answer->self, answer->error_window);
  return G_SOURCE_REMOVE;
}

static void
on_empty_file_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           gpointer          user_data)
{
  GtkWindow *error_window = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  EmptyFileAnswer *answer;

  /* Cancelled: the window says the file is empty, and nothing is written. */
  if (g_strcmp0 (response, "start") != 0 || error_window == NULL)
    return;

  /* Once the question has gone: it must not outlive the window it is on. */
  answer = g_new0 (EmptyFileAnswer, 1);
  answer->self = g_object_ref (ATELIER_APPLICATION (user_data));
  answer->error_window = g_object_ref (error_window);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, start_store_cb, answer, empty_file_answer_free);
}

/* An empty file may be a store truncated by accident, whose backup
 * should go in its place, or a file meant for a new store: the user
 * says which, and nothing is written before. */
static void
ask_about_empty_file (AtelierApplication *self,
                      GtkWindow          *error_window)
{
  g_autofree char *name = g_filename_display_name (self->store_path);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (error_window, _("The Store File Is Empty"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” holds nothing. If it held your store, cancel and put your "
                                    "last backup in its place. Otherwise Atelier can start a new, "
                                    "empty store in this file."),
                                  name);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "start", _("_Start a New Store in This File"),
                                    NULL);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_empty_file_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Benchmarks only (bench/atelier-bench-startup): with
 * ATELIER_EXIT_AFTER_FIRST_FRAME set, the process prints the monotonic
 * time of its first drawn frame and exits at once, so that start-up can
 * be timed from outside. Nothing happens without the variable. */
static void
on_first_frame_painted_cb (GdkFrameClock *frame_clock,
                           gpointer       user_data)
{
  g_print ("ATELIER_FIRST_FRAME_US=%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  _exit (0);
}

static void
exit_after_first_frame (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (surface != NULL)
    g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                      G_CALLBACK (on_first_frame_painted_cb), NULL);
}

static void
atelier_application_activate (GApplication *application)
{
  AtelierApplication *self = ATELIER_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      atelier_application_open_store (self);

      if (self->store != NULL)
        window = GTK_WINDOW (atelier_window_new (GTK_APPLICATION (self), self->store));
      else
        window = GTK_WINDOW (atelier_window_new_for_error (GTK_APPLICATION (self),
                                                           self->store_error));
      gtk_window_present (window);
      if (g_error_matches (self->store_error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_EMPTY_FILE))
        ask_about_empty_file (self, window);
    }
  else
    gtk_window_present (window);

  if (g_getenv ("ATELIER_EXIT_AFTER_FIRST_FRAME") != NULL)
    exit_after_first_frame (window);
}

static int
atelier_application_handle_local_options (GApplication *application,
                                          GVariantDict *options)
{
  AtelierApplication *self = ATELIER_APPLICATION (application);
  const char *database = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    {
      g_autofree char *cwd = g_get_current_dir ();

      g_free (self->database_path);
      self->database_path = g_canonicalize_filename (database, cwd);
    }

  return G_APPLICATION_CLASS (atelier_application_parent_class)->handle_local_options (application,
                                                                                       options);
}

static void
atelier_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
atelier_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  AtelierApplication *self = ATELIER_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", _("Atelier"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Atelier developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Hands-on classes for your store’s customers"),
                        /* TRANSLATORS: your name(s), one a line, to be
                         * credited in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The main window shown last, if any. */
static AtelierWindow *
main_window (AtelierApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (ATELIER_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* The store's settings, for the store of the main window. Disabled (in
 * startup, then in atelier_application_open_store()) while no store is
 * open. */
static void
atelier_application_preferences_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  AtelierApplication *self = ATELIER_APPLICATION (user_data);
  AtelierWindow *window = main_window (self);
  AtelierStore *store = window ? atelier_window_get_store (window) : self->store;

  if (self->preferences != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->preferences));
      return;
    }
  if (store == NULL)
    return;

  self->preferences = atelier_preferences_window_new (GTK_WINDOW (window), store);
  g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
  gtk_window_present (GTK_WINDOW (self->preferences));
}

/* The replies read from the mailbox, applied and set aside. */
static void
atelier_application_replies_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  AtelierApplication *self = ATELIER_APPLICATION (user_data);
  AtelierWindow *window = main_window (self);
  AtelierStore *store = window ? atelier_window_get_store (window) : self->store;

  if (store != NULL)
    gtk_window_present (GTK_WINDOW (atelier_replies_window_new (GTK_WINDOW (window), store)));
}

static void
atelier_application_check_replies_action (GSimpleAction *action,
                                          GVariant      *parameter,
                                          gpointer       user_data)
{
  atelier_application_check_replies (ATELIER_APPLICATION (user_data), TRUE);
}

static const GActionEntry app_actions[] = {
  { "quit", atelier_application_quit_action },
  { "about", atelier_application_about_action },
  { "preferences", atelier_application_preferences_action },
  { "replies", atelier_application_replies_action },
  { "check-replies", atelier_application_check_replies_action },
};

static void
atelier_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  GAction *preferences;

  atelier_application_start_opening_store (ATELIER_APPLICATION (application));

  G_APPLICATION_CLASS (atelier_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   application);
  preferences = g_action_map_lookup_action (G_ACTION_MAP (application), "preferences");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (preferences), FALSE);

  /* Ctrl+? opens the shortcuts window, which the main window builds when
   * first asked for (GtkApplication would build one for every window from
   * a gtk/help-overlay.ui resource); the window's own shortcuts (Ctrl+F,
   * Ctrl+N, Alt+Left...) are bound in atelier-window.c. */
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "window.close",
                                         close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "win.show-help-overlay",
                                         shortcuts_accels);
}

static void
atelier_application_dispose (GObject *object)
{
  AtelierApplication *self = ATELIER_APPLICATION (object);

  if (self->preferences != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
  self->preferences = NULL;
  if (self->open_thread != NULL)
    g_thread_join (g_steal_pointer (&self->open_thread));
  g_clear_object (&self->store_monitor);
  g_clear_handle_id (&self->mail_timer, g_source_remove);
  g_clear_handle_id (&self->replies_timer, g_source_remove);
  g_cancellable_cancel (self->mail_cancellable);
  g_clear_object (&self->mail_cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_application_parent_class)->dispose (object);
}

static void
atelier_application_finalize (GObject *object)
{
  AtelierApplication *self = ATELIER_APPLICATION (object);

  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->store_path, g_free);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->replies_failure, g_free);

  G_OBJECT_CLASS (atelier_application_parent_class)->finalize (object);
}

static void
atelier_application_class_init (AtelierApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = atelier_application_dispose;
  object_class->finalize = atelier_application_finalize;

  app_class->activate = atelier_application_activate;
  app_class->startup = atelier_application_startup;
  app_class->handle_local_options = atelier_application_handle_local_options;
}

static void
atelier_application_init (AtelierApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  self->mail_cancellable = g_cancellable_new ();
}

AtelierApplication *
atelier_application_new (void)
{
  return g_object_new (ATELIER_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/ateliers/Atelier",
                       NULL);
}
