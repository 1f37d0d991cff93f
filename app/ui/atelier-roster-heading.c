/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-roster-heading.c: a heading of a session's roster, with its count
 *
 * "Confirmed" with "7 / 10 seats", or "Waiting List" with "2 parties ·
 * 3 seats": a row of the session page's roster, recycled like the others.
 */
#define G_LOG_DOMAIN "atelier-roster-heading"

#include "config.h"

#include "atelier-roster-heading.h"

struct _AtelierRosterHeading
{
  GtkBox    parent_instance;

  /* Template children */
  GtkLabel *title_label;
  GtkLabel *detail_label;
};

G_DEFINE_FINAL_TYPE (AtelierRosterHeading, atelier_roster_heading, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atelier_roster_heading_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ATELIER_TYPE_ROSTER_HEADING);

  G_OBJECT_CLASS (atelier_roster_heading_parent_class)->dispose (object);
}

static void
atelier_roster_heading_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AtelierRosterHeading *self = ATELIER_ROSTER_HEADING (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, atelier_roster_heading_get_title (self));
      break;

    case PROP_DETAIL:
      g_value_set_string (value, atelier_roster_heading_get_detail (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_roster_heading_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AtelierRosterHeading *self = ATELIER_ROSTER_HEADING (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      atelier_roster_heading_set_title (self, g_value_get_string (value));
      break;

    case PROP_DETAIL:
      atelier_roster_heading_set_detail (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_roster_heading_class_init (AtelierRosterHeadingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atelier_roster_heading_dispose;
  object_class->get_property = atelier_roster_heading_get_property;
  object_class->set_property = atelier_roster_heading_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-roster-heading.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierRosterHeading, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierRosterHeading, detail_label);
}

static void
atelier_roster_heading_init (AtelierRosterHeading *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atelier_roster_heading_new (void)
{
  return g_object_new (ATELIER_TYPE_ROSTER_HEADING, NULL);
}

const char *
atelier_roster_heading_get_title (AtelierRosterHeading *self)
{
  g_return_val_if_fail (ATELIER_IS_ROSTER_HEADING (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
atelier_roster_heading_set_title (AtelierRosterHeading *self,
                                  const char           *title)
{
  g_return_if_fail (ATELIER_IS_ROSTER_HEADING (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;

  gtk_label_set_label (self->title_label, title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
atelier_roster_heading_get_detail (AtelierRosterHeading *self)
{
  g_return_val_if_fail (ATELIER_IS_ROSTER_HEADING (self), NULL);

  return gtk_label_get_label (self->detail_label);
}

void
atelier_roster_heading_set_detail (AtelierRosterHeading *self,
                                   const char           *detail)
{
  g_return_if_fail (ATELIER_IS_ROSTER_HEADING (self));

  if (g_strcmp0 (detail, gtk_label_get_label (self->detail_label)) == 0)
    return;

  gtk_label_set_label (self->detail_label, detail);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETAIL]);
}
