/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-print-week.h: the week's sessions as a poster for the shop window */
#pragma once

#include "atelier-print-document.h"
#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_PRINT_WEEK (atelier_print_week_get_type ())
G_DECLARE_FINAL_TYPE (AtelierPrintWeek, atelier_print_week, ATELIER, PRINT_WEEK, GObject)

AtelierPrintWeek *atelier_print_week_new         (AtelierStore     *store,
                                                  GDateTime        *first_day,
                                                  GError          **error);
guint             atelier_print_week_get_n_sessions (AtelierPrintWeek *self);
double            atelier_print_week_get_scale   (AtelierPrintWeek *self);

G_END_DECLS
