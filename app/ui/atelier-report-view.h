/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-report-view.h: the Reports view of the main window */
#pragma once

#include <adwaita.h>

#include "atelier-print-report.h"
#include "atelier-report.h"
#include "atelier-store.h"

G_BEGIN_DECLS

typedef enum
{
  ATELIER_REPORT_PERIOD_THIS_MONTH,
  ATELIER_REPORT_PERIOD_LAST_3_MONTHS,
  ATELIER_REPORT_PERIOD_THIS_YEAR,
  ATELIER_REPORT_PERIOD_CUSTOM,
} AtelierReportPeriod;

#define ATELIER_TYPE_REPORT_VIEW (atelier_report_view_get_type ())
G_DECLARE_FINAL_TYPE (AtelierReportView, atelier_report_view, ATELIER, REPORT_VIEW, GtkWidget)

GtkWidget           *atelier_report_view_new         (AtelierStore        *store);
AtelierStore        *atelier_report_view_get_store   (AtelierReportView   *self);
AtelierReportPeriod  atelier_report_view_get_period  (AtelierReportView   *self);
void                 atelier_report_view_set_period  (AtelierReportView   *self,
                                                      AtelierReportPeriod  period);
/* A custom range of days, both included, in the store's time zone. */
void                 atelier_report_view_set_range   (AtelierReportView   *self,
                                                      GDateTime           *first_day,
                                                      GDateTime           *last_day);
/* The figures shown, or %NULL while none were computed yet. */
const AtelierReport *atelier_report_view_get_report  (AtelierReportView   *self);
/* Every figure's card, in order: what the tests look into. */
GPtrArray           *atelier_report_view_get_cards   (AtelierReportView   *self);
gboolean             atelier_report_view_is_busy     (AtelierReportView   *self);
/* The period shown, as printed pages */
AtelierPrintReport  *atelier_report_view_new_print_report (AtelierReportView *self,
                                                           GError           **error);

G_END_DECLS
