/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-export.c: invites and the schedule written to files, off the
 * main thread
 *
 * Writing a session's invites (atelier_outbox_write()) or the public
 * schedule (atelier_invite_build_feed()) can take a while on a big store,
 * so each runs in a GTask thread. The thread opens its own connection to
 * the store's file: a connection (and its cached statements) is never
 * shared between threads. The caller's connection does not see "changed"
 * for what the thread wrote; it reloads when the task is done.
 *
 * Errors come back with what to do about them: the folder or file that
 * cannot be written says so and asks for another one; a store without
 * an organiser mailbox keeps the core's ATELIER_SETTINGS_ERROR_NO_ORGANIZER
 * so that the interface can offer to open the preferences.
 */
#define G_LOG_DOMAIN "atelier-export"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "atelier-export.h"
#include "atelier-invite.h"
#include "atelier-outbox.h"
#include "atelier-preferences-window.h"
#include "atelier-settings.h"
#include "atelier-store.h"

G_DEFINE_QUARK (atelier-export-error-quark, atelier_export_error)

/**
 * atelier_export_dup_display_name:
 *
 * Returns: (transfer full): the name of @file to show the user: its last
 *   component, in UTF-8
 */
char *
atelier_export_dup_display_name (GFile *file)
{
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

/* Invites */

typedef struct
{
  char   *store_path;
  gint64  session_id;
  GFile  *folder;
  guint   n_written;
} InvitesData;

static void
invites_data_free (gpointer data)
{
  InvitesData *invites = data;

  g_free (invites->store_path);
  g_clear_object (&invites->folder);
  g_free (invites);
}

/* The folder exists (made if need be) and can be written to. */
static char *
check_folder (GFile   *folder,
              GError **error)
{
  g_autofree char *path = g_file_get_path (folder);
  g_autofree char *name = atelier_export_dup_display_name (folder);

  if (path == NULL)
    {
      g_set_error (error, ATELIER_EXPORT_ERROR, ATELIER_EXPORT_ERROR_NOT_LOCAL,
                   _("The folder “%s” is not on this computer. Choose a folder on this computer."),
                   name);
      return NULL;
    }

  if (g_mkdir_with_parents (path, 0700) != 0 || g_access (path, W_OK) != 0)
    {
      int saved_errno = errno;

      /* TRANSLATORS: the folder's name, then why it cannot be written
       * to, e.g. "Permission denied" */
      g_set_error (error, ATELIER_EXPORT_ERROR, ATELIER_EXPORT_ERROR_FOLDER,
                   _("The folder “%s” cannot be written to: %s. Choose another folder."),
                   name, g_strerror (saved_errno));
      return NULL;
    }

  return g_steal_pointer (&path);
}

/* A file that could not be written, said with what to do next. */
static GError *
folder_write_error (const GError *error,
                    GFile        *folder,
                    guint         n_written)
{
  g_autofree char *name = atelier_export_dup_display_name (folder);

  if (n_written == 0)
    /* TRANSLATORS: the folder's name, then what went wrong */
    return g_error_new (ATELIER_EXPORT_ERROR, ATELIER_EXPORT_ERROR_FOLDER,
                        _("The folder “%s” cannot be written to (%s). Choose another folder."),
                        name, error->message);

  /* TRANSLATORS: the number of invites written, the folder's name, then
   * what went wrong */
  return g_error_new (ATELIER_EXPORT_ERROR, ATELIER_EXPORT_ERROR_FOLDER,
                      ngettext ("%u invite was written to “%s”, then the folder could not take more (%s). "
                                "Choose another folder for the others.",
                                "%u invites were written to “%s”, then the folder could not take more (%s). "
                                "Choose another folder for the others.",
                                n_written),
                      n_written, name, error->message);
}

static void
invites_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  InvitesData *data = task_data;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* This thread's own connection. */
  store = atelier_store_open (data->store_path, &error);
  if (store != NULL)
    settings = atelier_settings_load (store, &error);
  if (settings == NULL || !atelier_settings_check_can_invite (settings, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  path = check_folder (data->folder, &error);
  if (path == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Past this point the files are written and recorded in one go. */
  if (g_task_return_error_if_cancelled (task))
    return;

  if (!atelier_outbox_write (store, data->session_id, path, &data->n_written, &error))
    {
      if (g_error_matches (error, ATELIER_OUTBOX_ERROR, ATELIER_OUTBOX_ERROR_WRITE))
        g_task_return_error (task, folder_write_error (error, data->folder, data->n_written));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * atelier_export_invites_async:
 * @store_path: the store's file, opened again in the thread
 * @session_id: one session, or 0 for every session
 * @folder: where to write; made if missing
 *
 * Writes, in a thread, what each customer of the session is owed as
 * `.ics` and `.eml` files in @folder, and records them as sent (see
 * atelier_outbox_write()). Cancelling stops it only before it starts
 * writing.
 */
void
atelier_export_invites_async (const char          *store_path,
                              gint64               session_id,
                              GFile               *folder,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  InvitesData *data;

  g_return_if_fail (store_path != NULL);
  g_return_if_fail (G_IS_FILE (folder));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (InvitesData, 1);
  data->store_path = g_strdup (store_path);
  data->session_id = session_id;
  data->folder = g_object_ref (folder);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atelier_export_invites_async);
  g_task_set_name (task, "[atelier] export invites");
  g_task_set_task_data (task, data, invites_data_free);
  g_task_run_in_thread (task, invites_thread);
}

/**
 * atelier_export_invites_finish:
 * @n_written: (out) (optional): how many items were written and recorded,
 *   also when an error stopped the writing half-way
 *
 * Returns: %TRUE if every item owed was written
 */
gboolean
atelier_export_invites_finish (GAsyncResult  *result,
                               guint         *n_written,
                               GError       **error)
{
  InvitesData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atelier_export_invites_async, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_written != NULL)
    *n_written = data->n_written;

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The schedule */

typedef struct
{
  char      *store_path;
  GDateTime *from;
  GDateTime *to;
  GFile     *file;
  guint      n_sessions;
} FeedData;

static void
feed_data_free (gpointer data)
{
  FeedData *feed = data;

  g_free (feed->store_path);
  g_clear_pointer (&feed->from, g_date_time_unref);
  g_clear_pointer (&feed->to, g_date_time_unref);
  g_clear_object (&feed->file);
  g_free (feed);
}

static guint
count_events (const char *calendar)
{
  guint n = 0;

  for (const char *p = strstr (calendar, "BEGIN:VEVENT\r\n"); p != NULL; p = strstr (p + 1, "BEGIN:VEVENT\r\n"))
    n++;
  return n;
}

static void
feed_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FeedData *data = task_data;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calendar = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* This thread's own connection. */
  store = atelier_store_open (data->store_path, &error);
  if (store != NULL)
    calendar = atelier_invite_build_feed (store, data->from, data->to, &error);
  if (calendar == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  /* Written beside, then renamed over: the file is whole or unchanged. */
  if (!g_file_replace_contents (data->file, calendar, strlen (calendar), NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, cancellable, &error))
    {
      g_autofree char *name = atelier_export_dup_display_name (data->file);

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        /* TRANSLATORS: the file's name, then what went wrong */
        g_task_return_new_error (task, ATELIER_EXPORT_ERROR, ATELIER_EXPORT_ERROR_FILE,
                                 _("The schedule cannot be saved as “%s” (%s). "
                                   "Choose another folder or name."),
                                 name, error->message);
      return;
    }

  data->n_sessions = count_events (calendar);
  g_task_return_boolean (task, TRUE);
}

/**
 * atelier_export_feed_async:
 * @store_path: the store's file, opened again in the thread
 * @from: (nullable): the earliest start, or %NULL
 * @to: (nullable): the start before which to stop, or %NULL
 * @file: the .ics file to write, replaced whole
 *
 * Writes, in a thread, the public schedule of the scheduled sessions in
 * the range (a METHOD:PUBLISH calendar, see atelier_invite_build_feed())
 * to @file.
 */
void
atelier_export_feed_async (const char          *store_path,
                           GDateTime           *from,
                           GDateTime           *to,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FeedData *data;

  g_return_if_fail (store_path != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (FeedData, 1);
  data->store_path = g_strdup (store_path);
  data->from = from ? g_date_time_ref (from) : NULL;
  data->to = to ? g_date_time_ref (to) : NULL;
  data->file = g_object_ref (file);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atelier_export_feed_async);
  g_task_set_name (task, "[atelier] export schedule");
  g_task_set_task_data (task, data, feed_data_free);
  g_task_run_in_thread (task, feed_thread);
}

/**
 * atelier_export_feed_finish:
 * @n_sessions: (out) (optional): how many sessions the file holds
 *
 * Returns: %TRUE if the file was written
 */
gboolean
atelier_export_feed_finish (GAsyncResult  *result,
                            guint         *n_sessions,
                            GError       **error)
{
  FeedData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atelier_export_feed_async, FALSE);

  data = g_task_get_task_data (G_TASK (result));
  if (n_sessions != NULL)
    *n_sessions = data->n_sessions;

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Shared by the interface */

/**
 * atelier_export_is_no_organizer_error:
 *
 * Returns: whether @error says the store's e-mail address is not set,
 *   which the preferences can fix
 */
gboolean
atelier_export_is_no_organizer_error (const GError *error)
{
  return g_error_matches (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ORGANIZER);
}

/* The preferences window app.preferences presents: there is one for the
 * application, a toplevel of its own. */
static AtelierPreferencesWindow *
find_preferences_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ATELIER_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_visible (window))
        return ATELIER_PREFERENCES_WINDOW (window);
    }
  return NULL;
}

static void
on_organizer_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          GtkWidget        *widget)
{
  AtelierPreferencesWindow *preferences;
  GApplication *application;

  if (g_strcmp0 (response, "preferences") != 0)
    return;

  if (!gtk_widget_activate_action (widget, "app.preferences", NULL))
    {
      /* Not in an application window (a test, a lone page). */
      application = g_application_get_default ();
      if (application != NULL)
        g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
    }

  /* The action runs at once, in this process: the window is there, open
   * on its first row. The dialog spoke of the e-mail address. */
  preferences = find_preferences_window ();
  if (preferences != NULL)
    atelier_preferences_window_focus_setting (preferences, ATELIER_SETTING_ORGANIZER);
}

/**
 * atelier_export_ask_for_organizer:
 * @widget: where the request comes from; the dialog is transient for its
 *   window, and activates app.preferences from it
 * @heading: what could not be done, e.g. "Invites Cannot Be Sent Yet"
 *
 * Says that the store's e-mail address must be set first, with a button
 * that opens the preferences on that setting.
 */
void
atelier_export_ask_for_organizer (GtkWidget  *widget,
                                  const char *heading)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (heading != NULL);

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("Invites and the schedule name the store’s e-mail address "
                                     "as the organiser, and customers’ replies go to it. "
                                     "Set it in the preferences, then try again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Not Now"),
                                    "preferences", _("Open _Preferences"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "preferences",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "preferences");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_organizer_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
