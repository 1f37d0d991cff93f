/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-roster-heading.h: a heading of a session's roster, with its count */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATELIER_TYPE_ROSTER_HEADING (atelier_roster_heading_get_type ())
G_DECLARE_FINAL_TYPE (AtelierRosterHeading, atelier_roster_heading, ATELIER, ROSTER_HEADING, GtkBox)

GtkWidget  *atelier_roster_heading_new        (void);
const char *atelier_roster_heading_get_title  (AtelierRosterHeading *self);
void        atelier_roster_heading_set_title  (AtelierRosterHeading *self,
                                               const char           *title);
const char *atelier_roster_heading_get_detail (AtelierRosterHeading *self);
void        atelier_roster_heading_set_detail (AtelierRosterHeading *self,
                                               const char           *detail);

G_END_DECLS
