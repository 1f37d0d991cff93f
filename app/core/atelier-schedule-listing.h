/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-schedule-listing.h: the sessions as the schedule lists them */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

GListModel *atelier_reschedule_listing_list_upcoming          (AtelierStore  *store,
                                                   GDateTime     *now,
                                                   guint          limit,
                                                   GError       **error);
GListModel *atelier_reschedule_listing_list_all               (AtelierStore  *store,
                                                   GError       **error);
gboolean    atelier_reschedule_listing_has_past_or_cancelled  (AtelierStore  *store,
                                                   GDateTime     *now,
                                                   gboolean      *has_any,
                                                   GError       **error);

G_END_DECLS
