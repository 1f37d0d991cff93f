/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-conflicts.h: what a manager should hear of before saving: a
 * workshop already in the catalogue, a place already taken */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

gboolean         atelier_conflicts_same_text         (const char    *a,
                                                      const char    *b);
AtelierWorkshop *atelier_conflicts_find_same_title   (AtelierStore  *store,
                                                      const char    *title,
                                                      gint64         except_workshop_id,
                                                      GError       **error);
GListModel      *atelier_conflicts_find_same_place   (AtelierStore  *store,
                                                      const char    *place,
                                                      gint64         starts_at,
                                                      gint64         ends_at,
                                                      gint64         except_session_id,
                                                      GError       **error);

G_END_DECLS
