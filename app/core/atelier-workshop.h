/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-workshop.h: a class as a template, before it has dates */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATELIER_TYPE_WORKSHOP (atelier_workshop_get_type ())
G_DECLARE_FINAL_TYPE (AtelierWorkshop, atelier_workshop, ATELIER, WORKSHOP, GObject)

AtelierWorkshop *atelier_workshop_new                  (const char      *title);
gint64           atelier_workshop_get_id               (AtelierWorkshop *self);
const char      *atelier_workshop_get_title            (AtelierWorkshop *self);
const char      *atelier_workshop_get_description      (AtelierWorkshop *self);
const char      *atelier_workshop_get_takeaway         (AtelierWorkshop *self);
/* what a participant should bring, several lines, "" if nothing */
const char      *atelier_workshop_get_bring            (AtelierWorkshop *self);
const char      *atelier_workshop_get_host             (AtelierWorkshop *self);
int              atelier_workshop_get_duration_minutes (AtelierWorkshop *self);
int              atelier_workshop_get_capacity         (AtelierWorkshop *self);
gint64           atelier_workshop_get_price_cents      (AtelierWorkshop *self);
const char      *atelier_workshop_get_category         (AtelierWorkshop *self);
gint64           atelier_workshop_get_created_at       (AtelierWorkshop *self);

G_END_DECLS
