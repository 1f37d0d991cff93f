/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-schedule-item.h: one session of the schedule, under its day's
 * header when it is the first of its day */
#pragma once

#include <gtk/gtk.h>

#include "atelier-session.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_SCHEDULE_ITEM (atelier_schedule_item_get_type ())
G_DECLARE_FINAL_TYPE (AtelierScheduleItem, atelier_schedule_item, ATELIER, SCHEDULE_ITEM, GtkBox)

GtkWidget      *atelier_schedule_item_new           (void);
AtelierSession *atelier_schedule_item_get_session   (AtelierScheduleItem *self);
void            atelier_schedule_item_set_session   (AtelierScheduleItem *self,
                                                     AtelierSession      *session);
void            atelier_schedule_item_set_day       (AtelierScheduleItem *self,
                                                     const char          *day);
void            atelier_schedule_item_refresh_state (AtelierScheduleItem *self);

G_END_DECLS
