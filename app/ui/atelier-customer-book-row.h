/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-book-row.h: one customer in the customer book */
#pragma once

#include <gtk/gtk.h>

#include "atelier-customer.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CUSTOMER_BOOK_ROW (atelier_customer_book_row_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCustomerBookRow, atelier_customer_book_row, ATELIER, CUSTOMER_BOOK_ROW, GtkBox)

GtkWidget       *atelier_customer_book_row_new          (void);
AtelierCustomer *atelier_customer_book_row_get_customer (AtelierCustomerBookRow *self);
void             atelier_customer_book_row_set_customer (AtelierCustomerBookRow *self,
                                                         AtelierCustomer        *customer);

G_END_DECLS
