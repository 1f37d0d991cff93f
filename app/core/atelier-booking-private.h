/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-booking-private.h: the booking rules inside a caller's transaction */
#pragma once

#include "atelier-booking.h"

G_BEGIN_DECLS

/* atelier_booking_cancel() within a transaction the caller began with
 * atelier_store_begin() and ends itself. */
gboolean atelier_booking_cancel_locked (AtelierStore         *store,
                                        AtelierRegistration  *registration,
                                        AtelierCancelledBy    by,
                                        GError              **error);

G_END_DECLS
