/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-search.h: finding a customer in a keystroke or two */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

char       *atelier_search_build_query (AtelierStore  *store,
                                        const char    *text);
GListModel *atelier_search_customers   (AtelierStore  *store,
                                        const char    *text,
                                        gint64         session_id,
                                        guint          limit,
                                        GError       **error);

G_END_DECLS
