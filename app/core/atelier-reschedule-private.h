/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-reschedule-private.h: the schedule's rules inside a caller's
 * transaction */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

/* atelier_reschedule_update_session_full() without its transaction: the
 * caller has begun one and ends it. @n_cleared may be %NULL. */
gboolean atelier_reschedule_update_locked (AtelierStore    *store,
                                         AtelierSession  *session,
                                         const char      *status,
                                         int             *n_cleared,
                                         GError         **error);

G_END_DECLS
