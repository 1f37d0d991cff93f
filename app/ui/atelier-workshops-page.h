/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-workshops-page.h: the store's catalogue of workshops */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_WORKSHOPS_PAGE (atelier_workshops_page_get_type ())
G_DECLARE_FINAL_TYPE (AtelierWorkshopsPage, atelier_workshops_page, ATELIER, WORKSHOPS_PAGE, GtkWidget)

GtkWidget    *atelier_workshops_page_new           (AtelierStore         *store);
AtelierStore *atelier_workshops_page_get_store     (AtelierWorkshopsPage *self);
GListModel   *atelier_workshops_page_get_workshops (AtelierWorkshopsPage *self);

G_END_DECLS
