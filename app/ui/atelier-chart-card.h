/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-chart-card.h: one figure of the Reports view: its title, its
 * chart, the same figures as a table, and their export as CSV */
#pragma once

#include <adwaita.h>

#include "atelier-chart.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CHART_CARD (atelier_chart_card_get_type ())
G_DECLARE_FINAL_TYPE (AtelierChartCard, atelier_chart_card, ATELIER, CHART_CARD, GtkWidget)

GtkWidget    *atelier_chart_card_new          (const char       *title,
                                               const char       *file_name);
void          atelier_chart_card_set_data     (AtelierChartCard *self,
                                               AtelierChartData *data);
void          atelier_chart_card_set_hint     (AtelierChartCard *self,
                                               const char       *hint);
AtelierChart *atelier_chart_card_get_chart    (AtelierChartCard *self);
GtkGrid      *atelier_chart_card_get_table    (AtelierChartCard *self);

/* Writes @data as CSV to @file in a thread. */
void          atelier_chart_card_export_async  (AtelierChartData    *data,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean      atelier_chart_card_export_finish (GAsyncResult        *result,
                                                GError             **error);

G_END_DECLS
