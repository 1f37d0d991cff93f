/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-checkin-row.h: one person at the door, with what to say to them */
#pragma once

#include <gtk/gtk.h>

#include "atelier-customer.h"
#include "atelier-registration.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_CHECKIN_ROW (atelier_checkin_row_get_type ())
G_DECLARE_FINAL_TYPE (AtelierCheckinRow, atelier_checkin_row, ATELIER, CHECKIN_ROW, GtkWidget)

GtkWidget           *atelier_checkin_row_new                  (void);
AtelierRegistration *atelier_checkin_row_get_registration     (AtelierCheckinRow   *self);
AtelierCustomer     *atelier_checkin_row_get_customer         (AtelierCheckinRow   *self);
void                 atelier_checkin_row_set_person           (AtelierCheckinRow   *self,
                                                               AtelierRegistration *registration,
                                                               AtelierCustomer     *customer);
int                  atelier_checkin_row_get_previous_classes (AtelierCheckinRow   *self);
void                 atelier_checkin_row_set_previous_classes (AtelierCheckinRow   *self,
                                                               int                  previous_classes);
const char          *atelier_checkin_row_get_time_zone        (AtelierCheckinRow   *self);
void                 atelier_checkin_row_set_time_zone        (AtelierCheckinRow   *self,
                                                               const char          *time_zone);
void                 atelier_checkin_row_set_answer           (AtelierCheckinRow   *self,
                                                               const char          *answer);

G_END_DECLS
