/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-record-private.h: how entity properties map to table columns
 *
 * Every entity is a plain GObject whose properties are its columns: the
 * property "party-size" is the column "party_size". The flags below tell
 * the store how to treat a column, so that one piece of code reads and
 * writes all four entity types.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Computed by a view when read, never written. */
#define ATELIER_PARAM_DERIVED     (1 << (G_PARAM_USER_SHIFT + 0))
/* Written when the row is created, never changed by an update. */
#define ATELIER_PARAM_INSERT_ONLY (1 << (G_PARAM_USER_SHIFT + 1))
/* 0 (or an empty string) is stored as NULL, and NULL is read back as 0. */
#define ATELIER_PARAM_NULLABLE    (1 << (G_PARAM_USER_SHIFT + 2))

typedef struct
{
  const char *name;
  GType       type;
  gsize       offset;
  guint       flags;
} AtelierField;

#define ATELIER_FIELD(Struct, member, prop, gtype, extra) \
  { prop, gtype, G_STRUCT_OFFSET (Struct, member), extra }

void     atelier_fields_install      (GObjectClass       *klass,
                                      const AtelierField *fields,
                                      guint               n_fields,
                                      GParamSpec        **properties);
void     atelier_fields_get_property (gpointer            instance,
                                      const AtelierField *field,
                                      GValue             *value);
void     atelier_fields_set_property (GObject            *object,
                                      const AtelierField *field,
                                      GParamSpec         *pspec,
                                      const GValue       *value);
void     atelier_fields_finalize     (gpointer            instance,
                                      const AtelierField *fields,
                                      guint               n_fields);

/* Defines get_property, set_property and finalize for an entity whose
 * fields are listed in `fields` (properties start at 1). */
#define ATELIER_DEFINE_FIELD_ACCESSORS(TypeName, type_name, fields)          \
  static void                                                               \
  type_name##_get_property (GObject *object, guint prop_id,                 \
                            GValue *value, GParamSpec *pspec)               \
  {                                                                         \
    if (prop_id == 0 || prop_id > G_N_ELEMENTS (fields))                    \
      {                                                                     \
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);         \
        return;                                                             \
      }                                                                     \
    atelier_fields_get_property (object, &fields[prop_id - 1], value);      \
  }                                                                         \
  static void                                                               \
  type_name##_set_property (GObject *object, guint prop_id,                 \
                            const GValue *value, GParamSpec *pspec)         \
  {                                                                         \
    if (prop_id == 0 || prop_id > G_N_ELEMENTS (fields))                    \
      {                                                                     \
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);         \
        return;                                                             \
      }                                                                     \
    atelier_fields_set_property (object, &fields[prop_id - 1], pspec, value); \
  }                                                                         \
  static void                                                               \
  type_name##_finalize (GObject *object)                                    \
  {                                                                         \
    atelier_fields_finalize (object, fields, G_N_ELEMENTS (fields));        \
    G_OBJECT_CLASS (type_name##_parent_class)->finalize (object);           \
  }

#define ATELIER_CLASS_INIT_FIELDS(klass, type_name, fields, properties)      \
  G_STMT_START {                                                            \
    GObjectClass *oc_ = G_OBJECT_CLASS (klass);                             \
    oc_->get_property = type_name##_get_property;                           \
    oc_->set_property = type_name##_set_property;                           \
    oc_->finalize = type_name##_finalize;                                   \
    atelier_fields_install (oc_, fields, G_N_ELEMENTS (fields), properties); \
  } G_STMT_END

G_END_DECLS

/* A public getter that reads one member, after checking the instance. */
#define ATELIER_DEFINE_GETTER(TypeName, type_name, TYPE_CHECK, ctype, member) \
  ctype                                                                     \
  type_name##_get_##member (TypeName *self)                                 \
  {                                                                         \
    g_return_val_if_fail (TYPE_CHECK (self), (ctype) 0);                    \
    return self->member;                                                    \
  }
