/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-workshop-page.h: one workshop: its details and its sessions */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_WORKSHOP_PAGE (atelier_workshop_page_get_type ())
G_DECLARE_FINAL_TYPE (AtelierWorkshopPage, atelier_workshop_page, ATELIER, WORKSHOP_PAGE, GtkWidget)

GtkWidget  *atelier_workshop_page_new             (AtelierStore        *store,
                                                   gint64               workshop_id);
gint64      atelier_workshop_page_get_workshop_id (AtelierWorkshopPage *self);
GListModel *atelier_workshop_page_get_sessions    (AtelierWorkshopPage *self);

G_END_DECLS
