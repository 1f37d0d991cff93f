/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-import-dialog.c: customers imported from a CSV file
 *
 * Three steps in one window. First the mapping: how the file was read
 * (separator, encoding, number of rows), a preview of its first rows, and
 * for each column the customer field it fills, as the core guessed it from
 * the column's name (atelier_customer_import_get_field()). "Check" then
 * runs the import as a dry run and shows its report: what would be
 * created, updated and rejected, with the line and the reason. "Import"
 * runs it for real. The core's rule is all or nothing: one rejected row
 * and nothing is written, which the report says plainly.
 *
 * Both runs happen in a GTask thread with a connection of its own to the
 * store's file (see atelier-export.c): a big file does not freeze the
 * window. The import object is not touched by the window while a run is
 * under way (the mapping rows are on another page, and the actions are
 * disabled). The window's connection does not see the thread's writes, so
 * once the import is written the dialog emits "changed::customers" and
 * "changed::tags" on it for the pages to reload.
 */
#define G_LOG_DOMAIN "atelier-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-export.h"
#include "atelier-import-dialog.h"
#include "atelier-import-report-row.h"

/* Rows shown in the preview. */
#define PREVIEW_ROWS 5

struct _AtelierImportDialog
{
  AdwWindow              parent_instance;

  AtelierStore          *store;
  GFile                 *file;
  AtelierCustomerImport *import;
  AtelierImportReport   *report;
  GCancellable          *cancellable;
  GPtrArray             *column_rows;   /* AdwComboRow, one a column */
  GtkStringList         *entries;       /* indices into report->entries */
  const char            *step;
  char                  *message;
  char                  *format_text;
  gboolean               busy;

  /* Template children */
  AdwWindowTitle        *window_title;
  GtkWidget             *cancel_button;
  GtkWidget             *back_button;
  GtkWidget             *check_button;
  GtkWidget             *import_button;
  GtkWidget             *done_button;
  GtkStack              *stack;
  AdwStatusPage         *error_page;
  GtkLabel              *format_label;
  GtkGrid               *preview_grid;
  AdwPreferencesGroup   *columns_group;
  GtkLabel              *busy_label;
  GtkLabel              *report_title;
  GtkLabel              *report_label;
  GtkListView           *report_view;
};

G_DEFINE_FINAL_TYPE (AtelierImportDialog, atelier_import_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Steps */

static void
set_step (AtelierImportDialog *self,
          const char          *step)
{
  gboolean mapping = g_strcmp0 (step, "mapping") == 0;
  gboolean checked = g_strcmp0 (step, "checked") == 0;
  gboolean done = g_strcmp0 (step, "done") == 0;
  gboolean failed = g_strcmp0 (step, "failed") == 0;
  gboolean busy = g_strcmp0 (step, "busy") == 0;
  gboolean can_import = checked && self->report != NULL &&
                        self->report->n_rejected == 0 && self->report->entries->len > 0;

  self->step = step;
  self->busy = busy;

  if (mapping || g_strcmp0 (step, "error") == 0 || busy)
    gtk_stack_set_visible_child_name (self->stack, step);
  else
    gtk_stack_set_visible_child_name (self->stack, "report");

  gtk_widget_set_visible (self->cancel_button, !done);
  gtk_widget_set_sensitive (self->cancel_button, !busy);
  gtk_widget_set_visible (self->back_button, checked || failed);
  gtk_widget_set_visible (self->check_button, mapping);
  gtk_widget_set_visible (self->import_button, checked || failed || busy);
  gtk_widget_set_visible (self->done_button, done);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.check", mapping);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", can_import);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back", checked || failed);
  gtk_window_set_deletable (GTK_WINDOW (self), !busy);

  if (mapping)
    gtk_window_set_default_widget (GTK_WINDOW (self), self->check_button);
  else if (can_import)
    gtk_window_set_default_widget (GTK_WINDOW (self), self->import_button);
  else if (done)
    gtk_window_set_default_widget (GTK_WINDOW (self), self->done_button);
  else
    gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
}

/* Mapping */

static const char *
separator_name (char separator)
{
  switch (separator)
    {
    case ',':
      return _("comma");
    case ';':
      return _("semicolon");
    case '\t':
      return _("tab");
    default:
      return NULL;
    }
}

/* A cell's text on one line, for the preview and the subtitles. */
static char *
one_line (const char *value)
{
  g_autofree char *copy = g_strdup (value != NULL ? value : "");

  g_strdelimit (copy, "\r\n\t", ' ');
  return g_strdup (g_strstrip (copy));
}

/* A cell of the preview. A column's name is shown whole (wrapped between
 * words when long): it is what the manager matches fields by. Values
 * are cut to keep the preview small; their tooltip has them whole. */
static GtkWidget *
preview_label (const char *text,
               gboolean    heading)
{
  g_autofree char *line = one_line (text);
  GtkWidget *label = gtk_label_new (line);
  int length = (int) g_utf8_strlen (line, -1);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 22);
  if (heading)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), CLAMP (length, 6, 22));
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  gtk_widget_set_tooltip_text (label, text);
  gtk_widget_add_css_class (label, heading ? "heading" : "caption");
  return label;
}

static char *
column_title (AtelierImportDialog *self,
              guint                column)
{
  const char *header = atelier_customer_import_get_header (self->import, column);

  if (header != NULL && *header != '\0')
    return one_line (header);

  /* TRANSLATORS: a column of the file with no name, e.g. "Column 3" */
  return g_strdup_printf (_("Column %u"), column + 1);
}

/* "e.g. Zoé, Hugo": the first values of the column. */
static char *
column_examples (AtelierImportDialog *self,
                 guint                column)
{
  g_autoptr(GString) examples = g_string_new (NULL);
  guint n_rows = atelier_customer_import_get_n_preview_rows (self->import);
  guint n_found = 0;

  for (guint row = 0; row < n_rows && n_found < 3; row++)
    {
      g_autofree char *value = one_line (atelier_customer_import_get_value (self->import, row, column));

      if (*value == '\0')
        continue;
      if (n_found > 0)
        /* TRANSLATORS: between the example values of a column */
        g_string_append (examples, _(", "));
      g_string_append (examples, value);
      n_found++;
    }

  if (n_found == 0)
    return g_strdup (_("Empty in the first rows"));

  /* TRANSLATORS: under a column's name, its first values, e.g. "e.g. Zoé, Hugo" */
  return g_strdup_printf (_("e.g. %s"), examples->str);
}

static void
on_field_selected_cb (AdwComboRow         *row,
                      GParamSpec          *pspec,
                      AtelierImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (row);
  guint column;

  if (self->import == NULL || self->busy || selected >= ATELIER_IMPORT_N_FIELDS)
    return;
  /* The rows are in the order of the file's columns. */
  if (!g_ptr_array_find (self->column_rows, row, &column))
    return;

  atelier_customer_import_set_field (self->import, column, (AtelierImportField) selected);
}

static void
fill_mapping (AtelierImportDialog *self)
{
  guint n_columns = atelier_customer_import_get_n_columns (self->import);
  guint n_rows = atelier_customer_import_get_n_rows (self->import);
  char separator = atelier_customer_import_get_separator (self->import);
  const char *sep_name = separator_name (separator);
  g_autofree char *sep_text = NULL;
  g_autofree char *rows_text = NULL;
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);

  if (sep_name != NULL)
    sep_text = g_strdup (sep_name);
  else
    sep_text = g_strdup_printf ("“%c”", separator);

  /* TRANSLATORS: the number of customers' rows in the file */
  rows_text = g_strdup_printf (ngettext ("%u row", "%u rows", n_rows), n_rows);
  /* TRANSLATORS: how the file was read: its rows, the separator between
   * its fields (comma, semicolon or tab) and its encoding, e.g.
   * "12 rows · separated by semicolon · UTF-8" */
  self->format_text = g_strdup_printf (_("%s · separated by %s · %s"), rows_text, sep_text,
                                       atelier_customer_import_get_encoding (self->import));
  gtk_label_set_label (self->format_label, self->format_text);

  /* The preview: the header row, then the first rows. */
  for (guint column = 0; column < n_columns; column++)
    {
      g_autofree char *title = column_title (self, column);

      gtk_grid_attach (self->preview_grid, preview_label (title, TRUE), column, 0, 1, 1);
      for (guint row = 0; row < MIN (atelier_customer_import_get_n_preview_rows (self->import), PREVIEW_ROWS); row++)
        gtk_grid_attach (self->preview_grid,
                         preview_label (atelier_customer_import_get_value (self->import, row, column), FALSE),
                         column, row + 1, 1, 1);
    }

  for (guint field = 0; field < ATELIER_IMPORT_N_FIELDS; field++)
    gtk_string_list_append (fields, atelier_import_field_get_label ((AtelierImportField) field));

  for (guint column = 0; column < n_columns; column++)
    {
      GtkWidget *row = adw_combo_row_new ();
      g_autofree char *title = column_title (self, column);
      g_autofree char *examples = column_examples (self, column);

      /* The file's text as it is, not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), examples);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row),
                                  atelier_customer_import_get_field (self->import, column));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_field_selected_cb), self, 0);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
}

/* Report */

static void
on_report_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    AtelierImportDialog      *self)
{
  gtk_list_item_set_child (list_item, atelier_import_report_row_new ());
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_report_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   AtelierImportDialog      *self)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);

  if (self->report == NULL || index >= self->report->entries->len)
    return;

  atelier_import_report_row_set_entry (ATELIER_IMPORT_REPORT_ROW (gtk_list_item_get_child (list_item)),
                                       g_ptr_array_index (self->report->entries, index),
                                       self->report->dry_run);
}

static const AtelierImportEntry *
first_rejected (AtelierImportReport *report)
{
  for (guint i = 0; i < report->entries->len; i++)
    {
      const AtelierImportEntry *entry = g_ptr_array_index (report->entries, i);

      if (entry->outcome == ATELIER_IMPORT_REJECTED)
        return entry;
    }
  return NULL;
}

/* "Nothing was imported: line 5 (Carla Dumas): “x” is not an e-mail address." */
static char *
rejection_text (AtelierImportReport *report,
                gboolean             written)
{
  const AtelierImportEntry *entry = first_rejected (report);
  g_autofree char *first = NULL;
  const char *reason;

  if (entry == NULL)
    return g_strdup ("");
  reason = entry->reason != NULL ? entry->reason : _("Rejected");

  if (entry->label != NULL && *entry->label != '\0')
    /* TRANSLATORS: a rejected row: its line, its name or e-mail, and why,
     * e.g. "line 5 (Carla Dumas): “x” is not an e-mail address." */
    first = g_strdup_printf (_("line %u (%s): %s"), entry->line, entry->label, reason);
  else
    /* TRANSLATORS: a rejected row: its line and why */
    first = g_strdup_printf (_("line %u: %s"), entry->line, reason);

  if (report->n_rejected == 1)
    return g_strdup_printf (written ? _("Nothing was imported: %s Fix the file and try again.")
                                    : _("Nothing can be imported: %s Fix the file and try again."),
                            first);

  /* TRANSLATORS: the number of rejected rows, then the first of them */
  return g_strdup_printf (written ? ngettext ("Nothing was imported: %u row is wrong, the first on %s "
                                              "Fix the file and try again.",
                                              "Nothing was imported: %u rows are wrong, the first on %s "
                                              "Fix the file and try again.",
                                              report->n_rejected)
                                  : ngettext ("Nothing can be imported: %u row is wrong, the first on %s "
                                              "Fix the file and try again.",
                                              "Nothing can be imported: %u rows are wrong, the first on %s "
                                              "Fix the file and try again.",
                                              report->n_rejected),
                          report->n_rejected, first);
}

static char *
counts_text (AtelierImportReport *report)
{
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;

  if (report->dry_run)
    {
      /* TRANSLATORS: part of "3 new customers and 1 update will be imported." */
      created = g_strdup_printf (ngettext ("%u new customer", "%u new customers", report->n_created),
                                 report->n_created);
      /* TRANSLATORS: part of "3 new customers and 1 update will be imported." */
      updated = g_strdup_printf (ngettext ("%u update of a known customer (same e-mail address)",
                                           "%u updates of known customers (same e-mail address)",
                                           report->n_updated),
                                 report->n_updated);
      /* TRANSLATORS: e.g. "3 new customers and 1 update of a known customer
       * (same e-mail address) are ready to import. Nothing is written yet." */
      return g_strdup_printf (_("%s and %s are ready to import. Nothing is written yet."),
                              created, updated);
    }

  /* TRANSLATORS: part of "3 customers created and 1 updated." */
  created = g_strdup_printf (ngettext ("%u customer created", "%u customers created", report->n_created),
                             report->n_created);
  /* TRANSLATORS: part of "3 customers created and 1 updated." */
  updated = g_strdup_printf (ngettext ("%u updated", "%u updated", report->n_updated), report->n_updated);
  /* TRANSLATORS: e.g. "3 customers created and 1 updated." */
  return g_strdup_printf (_("%s and %s."), created, updated);
}

static void
show_report (AtelierImportDialog *self,
             AtelierImportReport *report,
             const GError        *error)
{
  g_autoptr(GPtrArray) indices = g_ptr_array_new_with_free_func (g_free);
  const char *title;
  const char *step;

  g_clear_pointer (&self->report, atelier_import_report_free);
  self->report = report;
  g_clear_pointer (&self->message, g_free);

  if (report == NULL)
    {
      /* Nothing to list: the store could not be opened, or no column is
       * matched. */
      title = _("Nothing Was Imported");
      self->message = g_strdup (error != NULL ? error->message : _("The import failed."));
      step = "failed";
    }
  else if (report->n_rejected > 0)
    {
      title = report->dry_run ? _("Nothing Can Be Imported") : _("Nothing Was Imported");
      self->message = rejection_text (report, !report->dry_run);
      step = "failed";
    }
  else if (error != NULL)
    {
      title = _("Nothing Was Imported");
      self->message = g_strdup (error->message);
      step = "failed";
    }
  else if (report->entries->len == 0)
    {
      title = _("Nothing to Import");
      self->message = g_strdup (_("The file has no customer row."));
      step = "failed";
    }
  else if (report->dry_run)
    {
      title = _("Ready to Import");
      self->message = counts_text (report);
      step = "checked";
    }
  else
    {
      title = _("Customers Imported");
      self->message = counts_text (report);
      step = "done";
    }

  /* Rejected rows first: they are what to fix. */
  if (report != NULL)
    {
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < report->entries->len; i++)
          {
            const AtelierImportEntry *entry = g_ptr_array_index (report->entries, i);
            gboolean rejected = entry->outcome == ATELIER_IMPORT_REJECTED;

            if ((pass == 0) == rejected)
              g_ptr_array_add (indices, g_strdup_printf ("%u", i));
          }
    }
  g_ptr_array_add (indices, NULL);
  gtk_string_list_splice (self->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                          (const char * const *) indices->pdata);

  gtk_label_set_label (self->report_title, title);
  gtk_label_set_label (self->report_label, self->message);
  if (g_strcmp0 (step, "failed") == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->report_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->report_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->report_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->report_label), "dim-label");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->report_view), report != NULL && report->entries->len > 0);

  set_step (self, step);
}

/* Running */

typedef struct
{
  char                  *store_path;
  AtelierCustomerImport *import;
  gboolean               dry_run;
  AtelierImportReport   *report;
  GError                *error;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_free (run->store_path);
  g_clear_object (&run->import);
  g_clear_pointer (&run->report, atelier_import_report_free);
  g_clear_error (&run->error);
  g_free (run);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *run = task_data;
  g_autoptr(AtelierStore) store = NULL;

  /* This thread's own connection. */
  store = atelier_store_open (run->store_path, &run->error);
  if (store != NULL)
    atelier_customer_import_run (run->import, store, run->dry_run, &run->report, &run->error);

  g_task_return_boolean (task, TRUE);
}

static void
on_run_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AtelierImportDialog *self = ATELIER_IMPORT_DIALOG (source_object);
  RunData *run = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    return;  /* cancelled: the dialog is gone */

  if (run->report != NULL && run->report->applied && self->store != NULL)
    {
      /* The window's connection did not see the thread's writes. */
      g_signal_emit_by_name (self->store, "changed::customers", "customers");
      g_signal_emit_by_name (self->store, "changed::tags", "tags");
    }

  show_report (self, g_steal_pointer (&run->report), run->error);
}

static void
start_run (AtelierImportDialog *self,
           gboolean             dry_run)
{
  const char *path = atelier_store_get_path (self->store);

  gtk_label_set_label (self->busy_label, dry_run ? _("Checking the file…") : _("Importing the customers…"));

  if (path == NULL)
    {
      /* A store with no file (never in the app): run here. */
      AtelierImportReport *report = NULL;
      g_autoptr(GError) error = NULL;

      atelier_customer_import_run (self->import, self->store, dry_run, &report, &error);
      show_report (self, report, error);
      return;
    }
  else
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_run_done_cb, NULL);
      RunData *run = g_new0 (RunData, 1);

      run->store_path = g_strdup (path);
      run->import = g_object_ref (self->import);
      run->dry_run = dry_run;
      g_task_set_source_tag (task, start_run);
      g_task_set_check_cancellable (task, TRUE);
      g_task_set_task_data (task, run, run_data_free);
      set_step (self, "busy");
      g_task_run_in_thread (task, run_thread);
    }
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start_run (ATELIER_IMPORT_DIALOG (widget), TRUE);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  start_run (ATELIER_IMPORT_DIALOG (widget), FALSE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  set_step (ATELIER_IMPORT_DIALOG (widget), "mapping");
}

/* GObject */

static void
atelier_import_dialog_constructed (GObject *object)
{
  AtelierImportDialog *self = ATELIER_IMPORT_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (atelier_import_dialog_parent_class)->constructed (object);

  if (self->file != NULL)
    {
      name = atelier_export_dup_display_name (self->file);
      adw_window_title_set_subtitle (self->window_title, name);
      bytes = g_file_load_bytes (self->file, NULL, NULL, &error);
      if (bytes != NULL)
        self->import = atelier_customer_import_new (bytes, &error);
    }
  else
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No file was chosen."));

  if (self->import == NULL)
    {
      /* TRANSLATORS: the file cannot be read: its name, then why */
      g_autofree char *description = g_strdup_printf (_("“%s” cannot be imported: %s"),
                                                      name != NULL ? name : "", error->message);
      g_autofree char *escaped = g_markup_escape_text (description, -1);

      self->message = g_strdup (description);
      adw_status_page_set_description (self->error_page, escaped);
      set_step (self, "error");
      return;
    }

  fill_mapping (self);
  set_step (self, "mapping");
}

static void
atelier_import_dialog_dispose (GObject *object)
{
  AtelierImportDialog *self = ATELIER_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_IMPORT_DIALOG);

  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_object (&self->entries);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, atelier_import_report_free);
  g_clear_object (&self->import);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_import_dialog_parent_class)->dispose (object);
}

static void
atelier_import_dialog_finalize (GObject *object)
{
  AtelierImportDialog *self = ATELIER_IMPORT_DIALOG (object);

  g_free (self->message);
  g_free (self->format_text);

  G_OBJECT_CLASS (atelier_import_dialog_parent_class)->finalize (object);
}

static void
atelier_import_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AtelierImportDialog *self = ATELIER_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_import_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AtelierImportDialog *self = ATELIER_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_import_dialog_class_init (AtelierImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_import_dialog_constructed;
  object_class->dispose = atelier_import_dialog_dispose;
  object_class->finalize = atelier_import_dialog_finalize;
  object_class->get_property = atelier_import_dialog_get_property;
  object_class->set_property = atelier_import_dialog_set_property;

  /**
   * AtelierImportDialog:store:
   *
   * The store the customers are imported into.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierImportDialog:file:
   *
   * The CSV file imported.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, check_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, format_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, report_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, report_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierImportDialog, report_view);
  gtk_widget_class_bind_template_callback (widget_class, on_report_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_report_bind_cb);

  gtk_widget_class_install_action (widget_class, "import.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atelier_import_dialog_init (AtelierImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->column_rows = g_ptr_array_new ();
  self->entries = gtk_string_list_new (NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->entries)));
  gtk_list_view_set_model (self->report_view, GTK_SELECTION_MODEL (selection));
  self->step = "mapping";
}

/**
 * atelier_import_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @file: the CSV file to import
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
atelier_import_dialog_new (GtkWindow    *parent,
                           AtelierStore *store,
                           GFile        *file)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (ATELIER_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "file", file,
                       NULL);
}

/**
 * atelier_import_dialog_get_import:
 *
 * Returns: (transfer none) (nullable): the file as read, with the current
 *   mapping; %NULL when it could not be read
 */
AtelierCustomerImport *
atelier_import_dialog_get_import (AtelierImportDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_IMPORT_DIALOG (self), NULL);
  return self->import;
}

/**
 * atelier_import_dialog_get_step:
 *
 * Returns: "error" (the file cannot be read), "mapping", "busy" (a run is
 *   under way), "checked" (a dry run found nothing wrong), "failed"
 *   (rejected rows, nothing imported) or "done" (imported)
 */
const char *
atelier_import_dialog_get_step (AtelierImportDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_IMPORT_DIALOG (self), NULL);
  return self->step;
}

gboolean
atelier_import_dialog_get_busy (AtelierImportDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_IMPORT_DIALOG (self), FALSE);
  return self->busy;
}

/**
 * atelier_import_dialog_get_column_row:
 *
 * Returns: (transfer none) (nullable): the row choosing the field of @column
 */
AdwComboRow *
atelier_import_dialog_get_column_row (AtelierImportDialog *self,
                                      guint                column)
{
  g_return_val_if_fail (ATELIER_IS_IMPORT_DIALOG (self), NULL);

  if (column >= self->column_rows->len)
    return NULL;
  return g_ptr_array_index (self->column_rows, column);
}

/**
 * atelier_import_dialog_get_report:
 *
 * Returns: (transfer none) (nullable): the report of the last run
 */
const AtelierImportReport *
atelier_import_dialog_get_report (AtelierImportDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_IMPORT_DIALOG (self), NULL);
  return self->report;
}

/**
 * atelier_import_dialog_get_message:
 *
 * Returns: (nullable): what the dialog says of the last run, or why the
 *   file cannot be read
 */
const char *
atelier_import_dialog_get_message (AtelierImportDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_IMPORT_DIALOG (self), NULL);
  return self->message;
}

/**
 * atelier_import_dialog_get_format_text:
 *
 * Returns: (nullable): how the file was read ("3 rows · separated by
 *   comma · UTF-8")
 */
const char *
atelier_import_dialog_get_format_text (AtelierImportDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_IMPORT_DIALOG (self), NULL);
  return self->format_text;
}
