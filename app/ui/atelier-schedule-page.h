/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-schedule-page.h: the store's sessions, grouped by day */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_SCHEDULE_PAGE (atelier_schedule_page_get_type ())
G_DECLARE_FINAL_TYPE (AtelierSchedulePage, atelier_schedule_page, ATELIER, SCHEDULE_PAGE, GtkWidget)

GtkWidget    *atelier_schedule_page_new           (AtelierStore        *store);
AtelierStore *atelier_schedule_page_get_store     (AtelierSchedulePage *self);
gboolean      atelier_schedule_page_get_show_all  (AtelierSchedulePage *self);
void          atelier_schedule_page_set_show_all  (AtelierSchedulePage *self,
                                                   gboolean             show_all);
GListModel   *atelier_schedule_page_get_sessions  (AtelierSchedulePage *self);
void          atelier_schedule_page_focus_search  (AtelierSchedulePage *self);

G_END_DECLS
