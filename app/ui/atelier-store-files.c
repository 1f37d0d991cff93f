/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-store-files.c: the store's own data written to files from the
 * window, and its retention clean-up
 *
 * What atelier-cli could already do (export-customers,
 * export-attendance, backup, erase-inactive) a manager can now do from
 * the main menu: a file chooser, the work in a thread with its own
 * connection to the store (a large customer book takes a moment), then a
 * toast that says where the file went and opens its folder.
 */
#define G_LOG_DOMAIN "atelier-store-files"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-backup.h"
#include "atelier-csv.h"
#include "atelier-customer-book.h"
#include "atelier-export.h"
#include "atelier-privacy.h"
#include "atelier-store-files.h"
#include "atelier-widget-util.h"

typedef struct
{
  AtelierStoreFile  what;
  char             *path;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_free (write->path);
  g_free (write);
}

static gboolean
write_csv (AtelierStore  *store,
           WriteData     *write,
           GError       **error)
{
  g_autoptr(GString) csv = NULL;

  if (write->what == ATELIER_STORE_FILE_CUSTOMERS)
    csv = atelier_customer_book_export_csv (store, error);
  else
    csv = atelier_customer_book_export_attendance (store, 0, NULL, NULL, error);

  /* With a byte-order mark: the spreadsheets a shop opens it with read
   * accents right only then. */
  return csv != NULL && atelier_csv_write_file (write->path, csv, TRUE, error);
}

static gboolean
write_store_file (AtelierStore  *store,
                  gpointer       data,
                  GCancellable  *cancellable,
                  GError       **error)
{
  WriteData *write = data;

  if (write->what == ATELIER_STORE_FILE_BACKUP)
    return atelier_backup_to_file (store, write->path, error);
  return write_csv (store, write, error);
}

/**
 * atelier_store_files_write_async:
 * @file: the file to write, on this computer, replaced whole
 *
 * Writes @what of @store to @file in a thread, with a connection of its
 * own, so that the window keeps drawing. Cancelled before it starts, it
 * writes nothing.
 */
void
atelier_store_files_write_async (AtelierStore        *store,
                                 AtelierStoreFile     what,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  const char *store_path;
  WriteData *write;

  g_return_if_fail (ATELIER_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  write = g_new0 (WriteData, 1);
  write->what = what;
  write->path = g_file_get_path (file);
  store_path = atelier_store_get_path (store);

  if (write->path == NULL || store_path == NULL)
    {
      write_data_free (write);
      g_task_report_new_error (NULL, callback, user_data, atelier_store_files_write_async,
                               ATELIER_EXPORT_ERROR, ATELIER_EXPORT_ERROR_NOT_LOCAL,
                               "%s", _("Choose a file on this computer."));
      return;
    }
  atelier_export_write_async (store_path, atelier_store_files_write_async, "[atelier] write a store file",
                              write_store_file, write, write_data_free,
                              cancellable, callback, user_data);
}

gboolean
atelier_store_files_write_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return atelier_export_write_finish (result, atelier_store_files_write_async, error);
}

/* Saving from the window */

typedef struct
{
  GtkWidget        *widget;  /* weak */
  AtelierStore     *store;
  AtelierStoreFile  what;
  GFile            *file;
} Save;

static void
save_free (Save *save)
{
  g_clear_weak_pointer (&save->widget);
  g_clear_object (&save->store);
  g_clear_object (&save->file);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Save, save_free)

static char *
describe_saved (Save *save)
{
  g_autofree char *name = atelier_export_dup_display_name (save->file);

  switch (save->what)
    {
    case ATELIER_STORE_FILE_CUSTOMERS:
      /* TRANSLATORS: a toast, e.g. "Customer list saved to “customers.csv”" */
      return g_strdup_printf (_("Customer list saved to “%s”"), name);
    case ATELIER_STORE_FILE_ATTENDANCE:
      /* TRANSLATORS: a toast, e.g. "Attendance saved to “attendance.csv”" */
      return g_strdup_printf (_("Attendance saved to “%s”"), name);
    case ATELIER_STORE_FILE_BACKUP:
    default:
      /* TRANSLATORS: a toast, e.g. "Backup saved to “atelier-2026-12-07.db”" */
      return g_strdup_printf (_("Backup saved to “%s”"), name);
    }
}

static void
on_written_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Save) save = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  AdwToast *toast;

  if (!atelier_store_files_write_finish (result, &error))
    {
      if (save->widget != NULL)
        atelier_toast_show_text (save->widget, error->message);
      return;
    }
  if (save->widget == NULL)
    return;

  title = describe_saved (save);
  markup = g_markup_escape_text (title, -1);
  toast = adw_toast_new (markup);
  folder = g_file_get_parent (save->file);
  if (folder != NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      adw_toast_set_button_label (toast, _("Open _Folder"));
      adw_toast_set_action_name (toast, "win.open-folder");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  atelier_toast_show (save->widget, toast);
}

static char *
suggested_name (AtelierStoreFile what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");

  switch (what)
    {
    case ATELIER_STORE_FILE_CUSTOMERS:
      /* TRANSLATORS: the file name suggested for the customer list; keep .csv */
      return g_strdup (_("customers.csv"));
    case ATELIER_STORE_FILE_ATTENDANCE:
      /* TRANSLATORS: the file name suggested for attendance; keep .csv */
      return g_strdup (_("attendance.csv"));
    case ATELIER_STORE_FILE_BACKUP:
    default:
      return g_strdup_printf ("atelier-%s.db", day);
    }
}

static const char *
chooser_title (AtelierStoreFile what)
{
  switch (what)
    {
    case ATELIER_STORE_FILE_CUSTOMERS:
      return _("Export Customer List");
    case ATELIER_STORE_FILE_ATTENDANCE:
      return _("Export Attendance");
    case ATELIER_STORE_FILE_BACKUP:
    default:
      return _("Back Up the Store");
    }
}

static void
on_file_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  g_autoptr(Save) save = user_data;
  g_autoptr(GtkNativeDialog) owned = chooser;

  if (response != GTK_RESPONSE_ACCEPT || save->widget == NULL)
    return;

  save->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  atelier_store_files_write_async (save->store, save->what, save->file, NULL, on_written_cb,
                                   g_steal_pointer (&save));
}

/**
 * atelier_store_files_save:
 * @widget: the widget that asks: the chooser's parent is its window, and
 *   the toasts show above it
 *
 * Asks where to save @what of @store, writes it, and says so in a toast
 * that opens the folder.
 */
void
atelier_store_files_save (GtkWidget        *widget,
                          AtelierStore     *store,
                          AtelierStoreFile  what)
{
  g_autofree char *name = suggested_name (what);
  GtkFileChooserNative *chooser;
  Save *save;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ATELIER_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (chooser_title (what), atelier_widget_get_window (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  save = g_new0 (Save, 1);
  save->what = what;
  save->store = g_object_ref (store);
  g_set_weak_pointer (&save->widget, widget);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen_cb), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The retention clean-up */

#define DEFAULT_RETENTION_YEARS 3

typedef struct
{
  GtkWidget        *widget;  /* weak */
  AtelierStore     *store;
  AdwMessageDialog *dialog;  /* weak */
  GtkSpinButton    *years_spin;
  GtkLabel         *count_label;
  guint             n_inactive;
} CleanUp;

static void
clean_up_free (gpointer  data,
               GClosure *closure)
{
  CleanUp *clean_up = data;

  g_clear_weak_pointer (&clean_up->widget);
  g_clear_weak_pointer (&clean_up->dialog);
  g_clear_object (&clean_up->store);
  g_free (clean_up);
}

static guint
chosen_years (CleanUp *clean_up)
{
  return (guint) gtk_spin_button_get_value_as_int (clean_up->years_spin);
}

/* How many customers the chosen period lets go, said before anything is
 * erased. */
static void
count_inactive (CleanUp *clean_up)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) inactive = atelier_privacy_list_inactive (clean_up->store,
                                                                  chosen_years (clean_up), &error);
  g_autofree char *count = NULL;
  g_autofree char *erase = NULL;

  clean_up->n_inactive = inactive != NULL ? g_list_model_get_n_items (inactive) : 0;
  if (inactive == NULL)
    count = g_strdup (error->message);
  else if (clean_up->n_inactive == 0)
    count = g_strdup (_("Nobody to erase: every customer came or was in touch within that time."));
  else
    /* TRANSLATORS: in the clean-up dialog, e.g. "12 customers would be erased." */
    count = g_strdup_printf (ngettext ("%u customer would be erased.",
                                       "%u customers would be erased.",
                                       clean_up->n_inactive),
                             clean_up->n_inactive);
  gtk_label_set_label (clean_up->count_label, count);

  if (clean_up->n_inactive == 0)
    erase = g_strdup (_("_Erase"));
  else
    /* TRANSLATORS: the clean-up dialog's button, e.g. "_Erase 12 Customers" */
    erase = g_strdup_printf (ngettext ("_Erase %u Customer", "_Erase %u Customers",
                                       clean_up->n_inactive),
                             clean_up->n_inactive);
  adw_message_dialog_set_response_label (clean_up->dialog, "erase", erase);
  adw_message_dialog_set_response_enabled (clean_up->dialog, "erase", clean_up->n_inactive > 0);
}

static void
on_years_changed_cb (GtkSpinButton *spin,
                     CleanUp       *clean_up)
{
  if (clean_up->dialog != NULL)
    count_inactive (clean_up);
}

static void
on_clean_up_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         CleanUp          *clean_up)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint years = chosen_years (clean_up);
  guint n_erased = 0;

  if (g_strcmp0 (response, "erase") != 0 || clean_up->widget == NULL)
    return;

  /* The period chosen becomes the store's policy, as with atelier-cli. */
  if (!atelier_privacy_set_retention_years (clean_up->store, years, &error) ||
      !atelier_privacy_erase_inactive (clean_up->store, years, &n_erased, &error))
    {
      atelier_toast_show_text (clean_up->widget, error->message);
      return;
    }
  /* TRANSLATORS: a toast after the retention clean-up, e.g. "12 customers erased" */
  title = g_strdup_printf (ngettext ("%u customer erased", "%u customers erased", n_erased), n_erased);
  atelier_toast_show_text (clean_up->widget, title);
}

static GtkWidget *
new_years_row (CleanUp *clean_up,
               guint    years)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("Not seen for (_years)"));
  GtkWidget *spin = gtk_spin_button_new_with_range (1, ATELIER_PRIVACY_MAX_RETENTION_YEARS, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), years);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), spin);
  gtk_box_append (GTK_BOX (box), row);

  clean_up->years_spin = GTK_SPIN_BUTTON (spin);
  clean_up->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (clean_up->count_label, TRUE);
  gtk_label_set_xalign (clean_up->count_label, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (clean_up->count_label));
  return box;
}

/**
 * atelier_store_files_clean_up:
 *
 * Asks how long the store keeps customers who no longer come (its
 * retention period, preset to the current one), says how many that lets
 * go, and erases them once the manager agrees.
 *
 * Returns: (transfer none): the dialog, already presented
 */
GtkWidget *
atelier_store_files_clean_up (GtkWidget    *widget,
                              AtelierStore *store)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  CleanUp *clean_up;
  guint years;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  years = atelier_privacy_get_retention_years (store, &error);
  if (error != NULL)
    {
      atelier_toast_show_text (widget, error->message);
      return NULL;
    }

  dialog = adw_message_dialog_new (atelier_widget_get_window (widget),
                                   _("Clean Up Old Customers"),
                                   _("The names, contact details and notes of customers who have "
                                     "not come or been in touch for this long are erased for good; "
                                     "the sessions keep their seat counts."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  clean_up = g_new0 (CleanUp, 1);
  g_set_weak_pointer (&clean_up->widget, widget);
  g_set_weak_pointer (&clean_up->dialog, ADW_MESSAGE_DIALOG (dialog));
  clean_up->store = g_object_ref (store);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog),
                                      new_years_row (clean_up, years > 0 ? years : DEFAULT_RETENTION_YEARS));
  count_inactive (clean_up);

  g_signal_connect (clean_up->years_spin, "value-changed", G_CALLBACK (on_years_changed_cb), clean_up);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_clean_up_response_cb), clean_up,
                         clean_up_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
