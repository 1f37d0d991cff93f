/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-workshop-card.h: one workshop of the catalogue, as a card */
#pragma once

#include <gtk/gtk.h>

#include "atelier-workshop.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_WORKSHOP_CARD (atelier_workshop_card_get_type ())
G_DECLARE_FINAL_TYPE (AtelierWorkshopCard, atelier_workshop_card, ATELIER, WORKSHOP_CARD, GtkBox)

GtkWidget       *atelier_workshop_card_new          (void);
AtelierWorkshop *atelier_workshop_card_get_workshop (AtelierWorkshopCard *self);
void             atelier_workshop_card_set_workshop (AtelierWorkshopCard *self,
                                                     AtelierWorkshop     *workshop);
const char      *atelier_workshop_card_get_currency (AtelierWorkshopCard *self);
void             atelier_workshop_card_set_currency (AtelierWorkshopCard *self,
                                                     const char          *currency);

G_END_DECLS
