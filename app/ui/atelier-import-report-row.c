/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-import-report-row.c: one row of a customer import's report
 *
 * An icon for what happens to the row of the file (created, updated,
 * rejected), its line and the customer's name or e-mail, and the outcome:
 * in a dry run what would happen, after the import what did, and for a
 * rejected row the reason, shown as an error. The report's list view
 * recycles rows: everything shown is set again on each
 * atelier_import_report_row_set_entry(). An entry is a plain struct of the
 * report, so the row keeps no pointer to it.
 */
#define G_LOG_DOMAIN "atelier-import-report-row"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-import-report-row.h"
#include "atelier-widget-util.h"

struct _AtelierImportReportRow
{
  GtkBox    parent_instance;

  GtkImage *icon;
  GtkLabel *title_label;
  GtkLabel *outcome_label;
};

G_DEFINE_FINAL_TYPE (AtelierImportReportRow, atelier_import_report_row, GTK_TYPE_BOX)

static void
atelier_import_report_row_class_init (AtelierImportReportRowClass *klass)
{
}

static void
atelier_import_report_row_init (AtelierImportReportRow *self)
{
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "import-report-row");

  self->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->icon), GTK_ALIGN_CENTER);

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  self->outcome_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->outcome_label, 0);
  gtk_label_set_wrap (self->outcome_label, TRUE);
  gtk_label_set_wrap_mode (self->outcome_label, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (self->outcome_label), "caption");

  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->outcome_label));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->icon));
  gtk_box_append (GTK_BOX (self), labels);
}

GtkWidget *
atelier_import_report_row_new (void)
{
  return g_object_new (ATELIER_TYPE_IMPORT_REPORT_ROW, NULL);
}

/* Shows the outcome as a dimmed note, or as an error for a rejected row. */
static void
set_outcome (AtelierImportReportRow *self,
             const char             *outcome,
             gboolean                rejected)
{
  GtkWidget *label = GTK_WIDGET (self->outcome_label);

  gtk_widget_remove_css_class (label, rejected ? "dim-label" : "error");
  gtk_widget_add_css_class (label, rejected ? "error" : "dim-label");
  gtk_label_set_label (self->outcome_label, outcome);
}

/**
 * atelier_import_report_row_set_entry:
 * @entry: a row of the report
 * @dry_run: whether the report is that of a check, before the import
 */
void
atelier_import_report_row_set_entry (AtelierImportReportRow   *self,
                                     const AtelierImportEntry *entry,
                                     gboolean                  dry_run)
{
  g_autofree char *title = NULL;
  g_autofree char *accessible = NULL;
  const char *outcome;
  const char *icon_name;

  g_return_if_fail (ATELIER_IS_IMPORT_REPORT_ROW (self));
  g_return_if_fail (entry != NULL);

  /* TRANSLATORS: a row of the import report: the line in the file and the
   * customer's name or e-mail, e.g. "Line 5 · Carla Dumas" */
  title = g_strdup_printf (_("Line %u · %s"), entry->line,
                           !atelier_str_is_empty (entry->label) ? entry->label : _("(no name)"));

  switch (entry->outcome)
    {
    case ATELIER_IMPORT_CREATED:
      outcome = dry_run ? _("New customer") : _("Created");
      icon_name = "list-add-symbolic";
      break;

    case ATELIER_IMPORT_UPDATED:
      outcome = dry_run ? _("Updates the customer with this e-mail address") : _("Updated");
      icon_name = "document-edit-symbolic";
      break;

    case ATELIER_IMPORT_REJECTED:
    default:
      outcome = entry->reason != NULL ? entry->reason : _("Rejected");
      icon_name = "dialog-error-symbolic";
      break;
    }

  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_label_set_label (self->title_label, title);
  set_outcome (self, outcome,
               entry->outcome != ATELIER_IMPORT_CREATED && entry->outcome != ATELIER_IMPORT_UPDATED);

  accessible = g_strjoin (", ", title, outcome, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}
