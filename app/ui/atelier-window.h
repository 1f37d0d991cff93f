/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-window.h: the main window: schedule, workshops, customers */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_WINDOW (atelier_window_get_type ())
G_DECLARE_FINAL_TYPE (AtelierWindow, atelier_window, ATELIER, WINDOW, AdwApplicationWindow)

AtelierWindow   *atelier_window_new               (GtkApplication *application,
                                                   AtelierStore   *store);
AtelierWindow   *atelier_window_new_for_error     (GtkApplication *application,
                                                   const GError   *store_error);
AtelierStore    *atelier_window_get_store         (AtelierWindow  *self);
const GError    *atelier_window_get_store_error   (AtelierWindow  *self);
GListModel      *atelier_window_get_sessions      (AtelierWindow  *self);
const char      *atelier_window_get_visible_view  (AtelierWindow  *self);
void             atelier_window_set_visible_view  (AtelierWindow  *self,
                                                   const char     *view);
AdwToastOverlay *atelier_window_get_toast_overlay (AtelierWindow  *self);
void             atelier_window_export_schedule   (AtelierWindow  *self,
                                                   GFile          *file);

G_END_DECLS
