/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-print-roster.h: a session's sign-in sheet, for the door */
#pragma once

#include "atelier-print-document.h"
#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_PRINT_ROSTER (atelier_print_roster_get_type ())
G_DECLARE_FINAL_TYPE (AtelierPrintRoster, atelier_print_roster, ATELIER, PRINT_ROSTER, GObject)

AtelierPrintRoster *atelier_print_roster_new             (AtelierStore       *store,
                                                          gint64              session_id,
                                                          GError            **error);
guint               atelier_print_roster_get_n_people    (AtelierPrintRoster *self);
const char         *atelier_print_roster_get_name        (AtelierPrintRoster *self,
                                                          guint               index);
guint               atelier_print_roster_get_person_page (AtelierPrintRoster *self,
                                                          guint               index);

G_END_DECLS
