/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-history-row.h: one class of a customer's history, as a
 * row of their profile */
#pragma once

#include <adwaita.h>

#include "atelier-history.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CUSTOMER_HISTORY_ROW (atelier_customer_history_row_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCustomerHistoryRow, atelier_customer_history_row, ATELIER, CUSTOMER_HISTORY_ROW, AdwActionRow)

GtkWidget           *atelier_customer_history_row_new            (AtelierHistoryEntry       *entry);
AtelierHistoryEntry *atelier_customer_history_row_get_entry      (AtelierCustomerHistoryRow *self);
void                 atelier_customer_history_row_set_entry      (AtelierCustomerHistoryRow *self,
                                                                  AtelierHistoryEntry       *entry);

char                *atelier_customer_history_row_describe_entry (AtelierHistoryEntry       *entry,
                                                                  gint64                     now,
                                                                  gboolean                  *upcoming);
char                *atelier_customer_history_row_dup_when       (AtelierHistoryEntry       *entry);
void                 atelier_customer_history_row_style_status   (GtkWidget                 *label,
                                                                  const char                *status);

G_END_DECLS
