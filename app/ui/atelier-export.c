/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-export.c: invites and the schedule written to files, off the
 * main thread
 *
 * Writing a session's invites (atelier_outbox_write()) or the public
 * schedule (atelier_invite_build_feed()) can take a while on a big store,
 * so each runs in a GTask thread, as do the window's other files
 * (atelier-store-files.c): atelier_export_write_async() is the one helper
 * they share. The thread opens its own connection to the store's file: a
 * connection (and its cached statements) is never shared between threads.
 * The caller's connection does not see "changed" for what the thread
 * wrote; it reloads when the task is done.
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

/* Writing from a thread */

typedef struct
{
  char                   *store_path;
  AtelierExportWriteFunc  write;
  gpointer                data;
  GDestroyNotify          data_free;
} WriteTask;

static void
write_task_free (gpointer data)
{
  WriteTask *write = data;

  g_free (write->store_path);
  if (write->data_free != NULL)
    write->data_free (write->data);
  g_free (write);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  WriteTask *write = task_data;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* This thread's own connection. */
  store = atelier_store_open (write->store_path, &error);
  if (store != NULL && write->write (store, write->data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * atelier_export_write_async:
 * @store_path: the store's file, opened again in the thread
 * @source_tag: the caller's own _async function, checked by
 *   atelier_export_write_finish()
 * @name: the task's name, for debugging
 * @write: what to write, called in the thread with its own #AtelierStore
 * @data: (transfer full): given to @write, and kept for
 *   atelier_export_write_get_data() until the result is freed
 * @data_free: (nullable): frees @data
 *
 * Runs @write in a thread with a connection of its own to the store, so
 * that the window keeps drawing. Cancelled before it starts, @write is
 * not called; after, @write decides.
 */
void
atelier_export_write_async (const char              *store_path,
                            gpointer                 source_tag,
                            const char              *name,
                            AtelierExportWriteFunc   write,
                            gpointer                 data,
                            GDestroyNotify           data_free,
                            GCancellable            *cancellable,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteTask *write_task;

  g_return_if_fail (store_path != NULL);
  g_return_if_fail (write != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  write_task = g_new0 (WriteTask, 1);
  write_task->store_path = g_strdup (store_path);
  write_task->write = write;
  write_task->data = data;
  write_task->data_free = data_free;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, name);
  g_task_set_task_data (task, write_task, write_task_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * atelier_export_write_get_data:
 *
 * Returns: (transfer none): the data given to atelier_export_write_async(),
 *   with what @write left in it
 */
gpointer
atelier_export_write_get_data (GAsyncResult *result)
{
  WriteTask *write;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  write = g_task_get_task_data (G_TASK (result));
  return write != NULL ? write->data : NULL;
}

/**
 * atelier_export_write_finish:
 * @source_tag: the tag given to atelier_export_write_async()
 *
 * Returns: %TRUE if @write succeeded
 */
gboolean
atelier_export_write_finish (GAsyncResult  *result,
                             gpointer       source_tag,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Invites */

typedef struct
{
  gint64  session_id;
  GFile  *folder;
  guint   n_written;
} InvitesData;

static void
invites_data_free (gpointer data)
{
  InvitesData *invites = data;

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

static gboolean
write_invites (AtelierStore  *store,
               gpointer       user_data,
               GCancellable  *cancellable,
               GError       **error)
{
  InvitesData *data = user_data;
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;

  settings = atelier_settings_load (store, error);
  if (settings == NULL || !atelier_settings_check_can_invite (settings, error))
    return FALSE;

  path = check_folder (data->folder, error);
  if (path == NULL)
    return FALSE;

  /* Past this point the files are written and recorded in one go. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!atelier_outbox_write (store, data->session_id, path, &data->n_written, &local_error))
    {
      if (g_error_matches (local_error, ATELIER_OUTBOX_ERROR, ATELIER_OUTBOX_ERROR_WRITE))
        g_propagate_error (error, folder_write_error (local_error, data->folder, data->n_written));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
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
  InvitesData *data;

  g_return_if_fail (store_path != NULL);
  g_return_if_fail (G_IS_FILE (folder));

  data = g_new0 (InvitesData, 1);
  data->session_id = session_id;
  data->folder = g_object_ref (folder);

  atelier_export_write_async (store_path, atelier_export_invites_async, "[atelier] export invites",
                              write_invites, data, invites_data_free,
                              cancellable, callback, user_data);
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
  InvitesData *data = atelier_export_write_get_data (result);

  if (n_written != NULL && data != NULL)
    *n_written = data->n_written;

  return atelier_export_write_finish (result, atelier_export_invites_async, error);
}

/* The schedule */

typedef struct
{
  GDateTime *from;
  GDateTime *to;
  GFile     *file;
  guint      n_sessions;
} FeedData;

static void
feed_data_free (gpointer data)
{
  FeedData *feed = data;

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

static gboolean
write_feed (AtelierStore  *store,
            gpointer       user_data,
            GCancellable  *cancellable,
            GError       **error)
{
  FeedData *data = user_data;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *calendar = NULL;
  g_autofree char *name = NULL;

  calendar = atelier_invite_build_feed (store, data->from, data->to, error);
  if (calendar == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Written beside, then renamed over: the file is whole or unchanged. */
  if (g_file_replace_contents (data->file, calendar, strlen (calendar), NULL, FALSE,
                               G_FILE_CREATE_NONE, NULL, cancellable, &local_error))
    {
      data->n_sessions = count_events (calendar);
      return TRUE;
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  name = atelier_export_dup_display_name (data->file);
  /* TRANSLATORS: the file's name, then what went wrong */
  g_set_error (error, ATELIER_EXPORT_ERROR, ATELIER_EXPORT_ERROR_FILE,
               _("The schedule cannot be saved as “%s” (%s). "
                 "Choose another folder or name."),
               name, local_error->message);
  return FALSE;
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
  FeedData *data;

  g_return_if_fail (store_path != NULL);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (FeedData, 1);
  data->from = from ? g_date_time_ref (from) : NULL;
  data->to = to ? g_date_time_ref (to) : NULL;
  data->file = g_object_ref (file);

  atelier_export_write_async (store_path, atelier_export_feed_async, "[atelier] export schedule",
                              write_feed, data, feed_data_free,
                              cancellable, callback, user_data);
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
  FeedData *data = atelier_export_write_get_data (result);

  if (n_sessions != NULL && data != NULL)
    *n_sessions = data->n_sessions;

  return atelier_export_write_finish (result, atelier_export_feed_async, error);
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
