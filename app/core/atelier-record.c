/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-record.c: the shared property plumbing of the entity types */
#define G_LOG_DOMAIN "atelier-record"

#include "config.h"

#include "atelier-record-private.h"

static GParamSpec *
field_pspec_new (const AtelierField *field)
{
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS
                      | field->flags;

  switch (field->type)
    {
    case G_TYPE_STRING:
      return g_param_spec_string (field->name, NULL, NULL, NULL, flags);
    case G_TYPE_INT:
      return g_param_spec_int (field->name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
    case G_TYPE_INT64:
      return g_param_spec_int64 (field->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case G_TYPE_BOOLEAN:
      return g_param_spec_boolean (field->name, NULL, NULL, FALSE, flags);
    default:
      g_assert_not_reached ();
    }
}

void
atelier_fields_install (GObjectClass       *klass,
                        const AtelierField *fields,
                        guint               n_fields,
                        GParamSpec        **properties)
{
  properties[0] = NULL;
  for (guint i = 0; i < n_fields; i++)
    properties[i + 1] = field_pspec_new (&fields[i]);
  g_object_class_install_properties (klass, n_fields + 1, properties);
}

void
atelier_fields_get_property (gpointer            instance,
                             const AtelierField *field,
                             GValue             *value)
{
  gpointer member = G_STRUCT_MEMBER_P (instance, field->offset);

  switch (field->type)
    {
    case G_TYPE_STRING:
      g_value_set_string (value, *(char **) member);
      break;
    case G_TYPE_INT:
      g_value_set_int (value, *(int *) member);
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, *(gint64 *) member);
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) member);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
field_store (gpointer member, GType type, const GValue *value)
{
  switch (type)
    {
    case G_TYPE_STRING:
      {
        const char *s = g_value_get_string (value);
        char **slot = member;
        if (g_strcmp0 (*slot, s) == 0)
          return FALSE;
        g_free (*slot);
        *slot = g_strdup (s);
        return TRUE;
      }
    case G_TYPE_INT:
      if (*(int *) member == g_value_get_int (value))
        return FALSE;
      *(int *) member = g_value_get_int (value);
      return TRUE;
    case G_TYPE_INT64:
      if (*(gint64 *) member == g_value_get_int64 (value))
        return FALSE;
      *(gint64 *) member = g_value_get_int64 (value);
      return TRUE;
    case G_TYPE_BOOLEAN:
      if (*(gboolean *) member == g_value_get_boolean (value))
        return FALSE;
      *(gboolean *) member = g_value_get_boolean (value);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

void
atelier_fields_set_property (GObject            *object,
                             const AtelierField *field,
                             GParamSpec         *pspec,
                             const GValue       *value)
{
  if (field_store (G_STRUCT_MEMBER_P (object, field->offset), field->type, value))
    g_object_notify_by_pspec (object, pspec);
}

void
atelier_fields_finalize (gpointer            instance,
                         const AtelierField *fields,
                         guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].type == G_TYPE_STRING)
      g_clear_pointer ((char **) G_STRUCT_MEMBER_P (instance, fields[i].offset), g_free);
}
