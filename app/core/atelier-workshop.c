/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-workshop.c: a class as a template, before it has dates */
#define G_LOG_DOMAIN "atelier-workshop"

#include "config.h"

#include "atelier-record-private.h"
#include "atelier-workshop.h"

struct _AtelierWorkshop
{
  GObject parent_instance;

  gint64  id;
  char   *title;
  char   *description;
  char   *takeaway;
  char   *bring;
  char   *host;
  int     duration_minutes;
  int     capacity;
  gint64  price_cents;
  char   *category;
  gint64  created_at;
};

G_DEFINE_FINAL_TYPE (AtelierWorkshop, atelier_workshop, G_TYPE_OBJECT)

static const AtelierField fields[] = {
  ATELIER_FIELD (AtelierWorkshop, id, "id", G_TYPE_INT64, ATELIER_PARAM_INSERT_ONLY),
  ATELIER_FIELD (AtelierWorkshop, title, "title", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierWorkshop, description, "description", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierWorkshop, takeaway, "takeaway", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierWorkshop, bring, "bring", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierWorkshop, host, "host", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierWorkshop, duration_minutes, "duration-minutes", G_TYPE_INT, 0),
  ATELIER_FIELD (AtelierWorkshop, capacity, "capacity", G_TYPE_INT, 0),
  ATELIER_FIELD (AtelierWorkshop, price_cents, "price-cents", G_TYPE_INT64, 0),
  ATELIER_FIELD (AtelierWorkshop, category, "category", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierWorkshop, created_at, "created-at", G_TYPE_INT64, ATELIER_PARAM_INSERT_ONLY),
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

ATELIER_DEFINE_FIELD_ACCESSORS (AtelierWorkshop, atelier_workshop, fields)

static void
atelier_workshop_class_init (AtelierWorkshopClass *klass)
{
  ATELIER_CLASS_INIT_FIELDS (klass, atelier_workshop, fields, properties);
}

static void
atelier_workshop_init (AtelierWorkshop *self)
{
  self->duration_minutes = 120;
}

AtelierWorkshop *
atelier_workshop_new (const char *title)
{
  return g_object_new (ATELIER_TYPE_WORKSHOP, "title", title, NULL);
}

ATELIER_DEFINE_GETTER (AtelierWorkshop, atelier_workshop, ATELIER_IS_WORKSHOP, gint64, id)
ATELIER_DEFINE_GETTER (AtelierWorkshop, atelier_workshop, ATELIER_IS_WORKSHOP, const char *, title)
ATELIER_DEFINE_GETTER (AtelierWorkshop, atelier_workshop, ATELIER_IS_WORKSHOP, const char *, description)
ATELIER_DEFINE_GETTER (AtelierWorkshop, atelier_workshop, ATELIER_IS_WORKSHOP, const char *, takeaway)
ATELIER_DEFINE_GETTER (AtelierWorkshop, atelier_workshop, ATELIER_IS_WORKSHOP, const char *, bring)
ATELIER_DEFINE_GETTER (AtelierWorkshop, atelier_workshop, ATELIER_IS_WORKSHOP, const char *, host)
ATELIER_DEFINE_GETTER (AtelierWorkshop, atelier_workshop, ATELIER_IS_WORKSHOP, int, duration_minutes)
ATELIER_DEFINE_GETTER (AtelierWorkshop, atelier_workshop, ATELIER_IS_WORKSHOP, int, capacity)
ATELIER_DEFINE_GETTER (AtelierWorkshop, atelier_workshop, ATELIER_IS_WORKSHOP, gint64, price_cents)
ATELIER_DEFINE_GETTER (AtelierWorkshop, atelier_workshop, ATELIER_IS_WORKSHOP, const char *, category)
ATELIER_DEFINE_GETTER (AtelierWorkshop, atelier_workshop, ATELIER_IS_WORKSHOP, gint64, created_at)
