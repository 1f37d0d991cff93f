/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-chart-card.c: one figure of the Reports view
 *
 * A title, the chart, and the same figures as a grid of labels in an
 * expander ("Show as Table"): real widgets that a screen reader reads
 * cell by cell. The export button writes those figures as CSV through
 * the project's writer (a cell that looks like a formula is neutralised),
 * in a thread, after a file chooser, and says where in a toast.
 */
#define G_LOG_DOMAIN "atelier-chart-card"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-chart-card.h"
#include "atelier-csv.h"
#include "atelier-export.h"
#include "atelier-widget-util.h"

struct _AtelierChartCard
{
  GtkWidget     parent_instance;

  char         *title;
  char         *file_name;  /* suggested for the CSV */

  /* Template children */
  GtkWidget    *box;
  GtkLabel     *title_label;
  GtkLabel     *hint_label;
  GtkWidget    *export_button;
  AtelierChart *chart;
  GtkExpander  *expander;
  GtkGrid      *table;
};

G_DEFINE_FINAL_TYPE (AtelierChartCard, atelier_chart_card, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_FILE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Writing the CSV */

typedef struct
{
  GString *csv;
  char    *path;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_string_free (export->csv, TRUE);
  g_free (export->path);
  g_free (export);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* With a byte-order mark, as the other CSV files: spreadsheets then
   * read accents right. */
  if (atelier_csv_write_file (export->path, export->csv, TRUE, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * atelier_chart_card_export_async:
 * @file: a file on this computer, replaced whole
 */
void
atelier_chart_card_export_async (AtelierChartData    *data,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (data != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, atelier_chart_card_export_async);
  g_task_set_name (task, "[atelier] export a chart");

  export = g_new0 (ExportData, 1);
  export->csv = atelier_chart_data_to_csv (data);
  export->path = g_file_get_path (file);
  g_task_set_task_data (task, export, export_data_free);
  if (export->path == NULL)
    {
      g_task_return_new_error (task, ATELIER_EXPORT_ERROR, ATELIER_EXPORT_ERROR_NOT_LOCAL,
                               "%s", _("Choose a file on this computer."));
      return;
    }
  g_task_run_in_thread (task, export_thread);
}

gboolean
atelier_chart_card_export_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atelier_chart_card_export_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct
{
  GtkWidget *widget;  /* weak */
  GFile     *file;
} Save;

static void
save_free (Save *save)
{
  g_clear_weak_pointer (&save->widget);
  g_clear_object (&save->file);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Save, save_free)

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Save) save = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!atelier_chart_card_export_finish (result, &error))
    {
      if (save->widget != NULL)
        atelier_toast_show_text (save->widget, error->message);
      return;
    }
  if (save->widget == NULL)
    return;

  name = atelier_export_dup_display_name (save->file);
  /* TRANSLATORS: a toast, e.g. "Figures saved to “fill-rate.csv”" */
  title = g_strdup_printf (_("Figures saved to “%s”"), name);
  atelier_toast_show_text (save->widget, title);
}

static void
on_file_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  g_autoptr(Save) save = user_data;
  g_autoptr(GtkNativeDialog) owned = chooser;
  AtelierChartCard *self;
  AtelierChartData *data;

  if (response != GTK_RESPONSE_ACCEPT || save->widget == NULL)
    return;

  self = ATELIER_CHART_CARD (save->widget);
  data = atelier_chart_get_data (self->chart);
  if (data == NULL)
    return;

  save->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  atelier_chart_card_export_async (data, save->file, NULL, on_exported_cb, g_steal_pointer (&save));
}

static void
on_export_clicked_cb (AtelierChartCard *self)
{
  g_autofree char *heading = NULL;
  GtkFileChooserNative *chooser;
  Save *save;

  /* TRANSLATORS: the title of the file chooser, e.g. "Export “Fill rate”" */
  heading = g_strdup_printf (_("Export “%s”"), self->title);
  chooser = gtk_file_chooser_native_new (heading, atelier_widget_get_window (GTK_WIDGET (self)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), self->file_name);

  save = g_new0 (Save, 1);
  g_set_weak_pointer (&save->widget, GTK_WIDGET (self));
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen_cb), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The table */

static void
clear_table (AtelierChartCard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
}

static void
attach_cell (AtelierChartCard *self,
             const char       *text,
             guint             row,
             guint             column,
             gboolean          header)
{
  GtkWidget *label = gtk_label_new (text);

  /* Names left, figures right, as in a spreadsheet. */
  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_label_set_wrap (GTK_LABEL (label), column == 0);
  gtk_label_set_selectable (GTK_LABEL (label), !header);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->table, label, column, row, 1, 1);
}

static void
fill_table (AtelierChartCard *self,
            AtelierChartData *data)
{
  guint n_columns = atelier_chart_data_get_n_columns (data);
  guint n_rows = atelier_chart_data_get_n_rows (data);

  for (guint column = 0; column < n_columns; column++)
    attach_cell (self, atelier_chart_data_get_column (data, column), 0, column, TRUE);
  for (guint row = 0; row < n_rows; row++)
    for (guint column = 0; column < n_columns; column++)
      attach_cell (self, atelier_chart_data_get_cell (data, row, column), row + 1, column, FALSE);
}

/* The card */

static void
atelier_chart_card_constructed (GObject *object)
{
  AtelierChartCard *self = ATELIER_CHART_CARD (object);

  G_OBJECT_CLASS (atelier_chart_card_parent_class)->constructed (object);

  gtk_label_set_label (self->title_label, self->title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->title, -1);
  /* TRANSLATORS: the accessible name of a chart's export button, e.g. "Export Fill rate as CSV" */
  {
    g_autofree char *export = g_strdup_printf (_("Export %s as CSV"), self->title);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->export_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, export, -1);
  }
}

static void
atelier_chart_card_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATELIER_TYPE_CHART_CARD);

  G_OBJECT_CLASS (atelier_chart_card_parent_class)->dispose (object);
}

static void
atelier_chart_card_finalize (GObject *object)
{
  AtelierChartCard *self = ATELIER_CHART_CARD (object);

  g_free (self->title);
  g_free (self->file_name);

  G_OBJECT_CLASS (atelier_chart_card_parent_class)->finalize (object);
}

static void
atelier_chart_card_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtelierChartCard *self = ATELIER_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_chart_card_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtelierChartCard *self = ATELIER_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_FILE_NAME:
      self->file_name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_chart_card_class_init (AtelierChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_chart_card_constructed;
  object_class->dispose = atelier_chart_card_dispose;
  object_class->finalize = atelier_chart_card_finalize;
  object_class->get_property = atelier_chart_card_get_property;
  object_class->set_property = atelier_chart_card_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, "figures.csv",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATELIER_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierChartCard, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierChartCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierChartCard, hint_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierChartCard, export_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierChartCard, chart);
  gtk_widget_class_bind_template_child (widget_class, AtelierChartCard, expander);
  gtk_widget_class_bind_template_child (widget_class, AtelierChartCard, table);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atelier_chart_card_init (AtelierChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atelier_chart_card_new:
 * @title: the figure's name, also the chart's and the table's accessible name
 * @file_name: the name the CSV file chooser suggests
 */
GtkWidget *
atelier_chart_card_new (const char *title,
                        const char *file_name)
{
  return g_object_new (ATELIER_TYPE_CHART_CARD, "title", title, "file-name", file_name, NULL);
}

/**
 * atelier_chart_card_set_data:
 * @data: the figures: drawn, and listed in the table
 */
void
atelier_chart_card_set_data (AtelierChartCard *self,
                             AtelierChartData *data)
{
  g_return_if_fail (ATELIER_IS_CHART_CARD (self));

  atelier_chart_set_data (self->chart, data);
  clear_table (self);
  if (data != NULL)
    fill_table (self, data);
  gtk_widget_set_sensitive (self->export_button, data != NULL);
}

/**
 * atelier_chart_card_set_hint:
 * @hint: (nullable): a sentence under the title, such as what to do
 */
void
atelier_chart_card_set_hint (AtelierChartCard *self,
                             const char       *hint)
{
  g_return_if_fail (ATELIER_IS_CHART_CARD (self));

  gtk_label_set_label (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL && *hint != '\0');
}

AtelierChart *
atelier_chart_card_get_chart (AtelierChartCard *self)
{
  g_return_val_if_fail (ATELIER_IS_CHART_CARD (self), NULL);

  return self->chart;
}

GtkGrid *
atelier_chart_card_get_table (AtelierChartCard *self)
{
  g_return_val_if_fail (ATELIER_IS_CHART_CARD (self), NULL);

  return self->table;
}
