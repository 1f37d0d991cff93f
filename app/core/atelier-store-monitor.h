/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-store-monitor.h: notices what other processes write to a store */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_STORE_MONITOR (atelier_store_monitor_get_type ())
G_DECLARE_FINAL_TYPE (AtelierStoreMonitor, atelier_store_monitor, ATELIER, STORE_MONITOR, GObject)

AtelierStoreMonitor *atelier_store_monitor_new       (AtelierStore        *store);
gboolean             atelier_store_monitor_check_now (AtelierStoreMonitor *self);

G_END_DECLS
