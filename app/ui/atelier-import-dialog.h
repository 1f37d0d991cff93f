/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-import-dialog.h: customers imported from a CSV file */
#pragma once

#include <adwaita.h>

#include "atelier-customer-import.h"
#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_IMPORT_DIALOG (atelier_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (AtelierImportDialog, atelier_import_dialog, ATELIER, IMPORT_DIALOG, AdwWindow)

GtkWidget                 *atelier_import_dialog_new            (GtkWindow            *parent,
                                                                 AtelierStore         *store,
                                                                 GFile                *file);

/* For tests and the window: what the dialog is at. */
AtelierCustomerImport     *atelier_import_dialog_get_import     (AtelierImportDialog  *self);
const char                *atelier_import_dialog_get_step       (AtelierImportDialog  *self);
gboolean                   atelier_import_dialog_get_busy       (AtelierImportDialog  *self);
AdwComboRow               *atelier_import_dialog_get_column_row (AtelierImportDialog  *self,
                                                                 guint                 column);
const AtelierImportReport *atelier_import_dialog_get_report     (AtelierImportDialog  *self);
const char                *atelier_import_dialog_get_message    (AtelierImportDialog  *self);
const char                *atelier_import_dialog_get_format_text (AtelierImportDialog *self);

G_END_DECLS
