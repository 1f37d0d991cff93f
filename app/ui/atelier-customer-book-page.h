/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-book-page.h: the store's customers, searched as you type */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CUSTOMER_BOOK_PAGE (atelier_customer_book_page_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCustomerBookPage, atelier_customer_book_page, ATELIER, CUSTOMER_BOOK_PAGE, GtkWidget)

GtkWidget    *atelier_customer_book_page_new           (AtelierStore         *store);
AtelierStore *atelier_customer_book_page_get_store     (AtelierCustomerBookPage *self);
GListModel   *atelier_customer_book_page_get_customers (AtelierCustomerBookPage *self);
void          atelier_customer_book_page_focus_search  (AtelierCustomerBookPage *self);

G_END_DECLS
