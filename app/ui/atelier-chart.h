/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-chart.h: a chart drawn with cairo in the theme's colours, and
 * the figures it draws, which also make its table and its CSV file */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  ATELIER_CHART_BARS,     /* one horizontal bar a row */
  ATELIER_CHART_LINE,     /* one point a row, joined: months */
  ATELIER_CHART_STACKED,  /* one bar a row, split into its series */
} AtelierChartKind;

/* The figures of a chart: columns (the first names the rows), then rows
 * of cells as shown, each with the values drawn (one per series) and a
 * sentence said on hover and focus. */
typedef struct _AtelierChartData AtelierChartData;

AtelierChartData   *atelier_chart_data_new        (AtelierChartKind         kind,
                                                   const char * const      *columns,
                                                   guint                    n_series,
                                                   double                   max);
AtelierChartData   *atelier_chart_data_ref        (AtelierChartData        *data);
void                atelier_chart_data_unref      (AtelierChartData        *data);
void                atelier_chart_data_add_row    (AtelierChartData        *data,
                                                   const double            *values,
                                                   const char * const      *cells,
                                                   const char              *summary);
AtelierChartKind    atelier_chart_data_get_kind   (AtelierChartData        *data);
guint               atelier_chart_data_get_n_rows (AtelierChartData        *data);
guint               atelier_chart_data_get_n_columns (AtelierChartData     *data);
guint               atelier_chart_data_get_n_series (AtelierChartData      *data);
const char         *atelier_chart_data_get_column (AtelierChartData        *data,
                                                   guint                    column);
const char         *atelier_chart_data_get_cell   (AtelierChartData        *data,
                                                   guint                    row,
                                                   guint                    column);
double              atelier_chart_data_get_value  (AtelierChartData        *data,
                                                   guint                    row,
                                                   guint                    series);
const char         *atelier_chart_data_get_summary (AtelierChartData       *data,
                                                    guint                   row);
double              atelier_chart_data_get_max    (AtelierChartData        *data);
GString            *atelier_chart_data_to_csv     (AtelierChartData        *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtelierChartData, atelier_chart_data_unref)

#define ATELIER_TYPE_CHART (atelier_chart_get_type ())
G_DECLARE_FINAL_TYPE (AtelierChart, atelier_chart, ATELIER, CHART, GtkWidget)

GtkWidget        *atelier_chart_new           (void);
void              atelier_chart_set_data      (AtelierChart     *self,
                                               AtelierChartData *data);
AtelierChartData *atelier_chart_get_data      (AtelierChart     *self);
/* The row shown with its value (hovered or chosen with the keyboard),
 * or -1. */
int               atelier_chart_get_highlight (AtelierChart     *self);
void              atelier_chart_set_highlight (AtelierChart     *self,
                                               int               row);

G_END_DECLS
