/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-print-report.h: a period's report on paper: its figures as charts */
#pragma once

#include "atelier-print-document.h"
#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_PRINT_REPORT (atelier_print_report_get_type ())
G_DECLARE_FINAL_TYPE (AtelierPrintReport, atelier_print_report, ATELIER, PRINT_REPORT, GObject)

AtelierPrintReport *atelier_print_report_new (AtelierStore  *store,
                                              gint64         from,
                                              gint64         to,
                                              gint64         now,
                                              GError       **error);

G_END_DECLS
