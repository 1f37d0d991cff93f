/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-print-operation.h: a printed document through GTK's print dialog */
#pragma once

#include <gtk/gtk.h>

#include "atelier-print-document.h"

G_BEGIN_DECLS

GtkPrintOperation *atelier_print_operation_new        (AtelierPrintDocument *document,
                                                       const char           *job_name);
void               atelier_print_operation_run_dialog (GtkPrintOperation    *operation,
                                                       GtkWindow            *parent);

G_END_DECLS
