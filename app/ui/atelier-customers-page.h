/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customers-page.h: the store's customers, searched as you type */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CUSTOMERS_PAGE (atelier_customers_page_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCustomersPage, atelier_customers_page, ATELIER, CUSTOMERS_PAGE, GtkWidget)

GtkWidget    *atelier_customers_page_new           (AtelierStore         *store);
AtelierStore *atelier_customers_page_get_store     (AtelierCustomersPage *self);
GListModel   *atelier_customers_page_get_customers (AtelierCustomersPage *self);
void          atelier_customers_page_focus_search  (AtelierCustomersPage *self);

G_END_DECLS
