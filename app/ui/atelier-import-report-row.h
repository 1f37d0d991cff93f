/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-import-report-row.h: one row of a customer import's report */
#pragma once

#include <gtk/gtk.h>

#include "atelier-customer-import.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_IMPORT_REPORT_ROW (atelier_import_report_row_get_type ())
G_DECLARE_FINAL_TYPE (AtelierImportReportRow, atelier_import_report_row, ATELIER, IMPORT_REPORT_ROW, GtkBox)

GtkWidget *atelier_import_report_row_new       (void);
void       atelier_import_report_row_set_entry (AtelierImportReportRow   *self,
                                                const AtelierImportEntry *entry,
                                                gboolean                  dry_run);

G_END_DECLS
