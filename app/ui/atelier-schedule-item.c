/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-schedule-item.c: one session of the schedule, under its day's
 * header when it is the first of its day
 *
 * A day header, then the session's card (AtelierSessionRow) with a
 * "Cancelled" badge over its corner. GtkListView (4.8) has no section
 * headers, so the schedule page decides which items show their day
 * (atelier_schedule_item_set_day()); the item dims a session that has
 * ended or was cancelled, and strikes out a cancelled one's title.
 *
 * The schedule is what the window draws first: its children are built in
 * C, not from a template, since parsing a template for each item would
 * cost start-up time (see bench/README.md, "Start-up").
 */
#define G_LOG_DOMAIN "atelier-schedule-item"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-schedule-item.h"
#include "atelier-session-row.h"

struct _AtelierScheduleItem
{
  GtkBox             parent_instance;

  GtkLabel          *day_label;
  AtelierSessionRow *session_row;
  GtkWidget         *status_label;
};

G_DEFINE_FINAL_TYPE (AtelierScheduleItem, atelier_schedule_item, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atelier_schedule_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AtelierScheduleItem *self = ATELIER_SCHEDULE_ITEM (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, atelier_schedule_item_get_session (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_schedule_item_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AtelierScheduleItem *self = ATELIER_SCHEDULE_ITEM (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      atelier_schedule_item_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_schedule_item_class_init (AtelierScheduleItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = atelier_schedule_item_get_property;
  object_class->set_property = atelier_schedule_item_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         ATELIER_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atelier_schedule_item_init (AtelierScheduleItem *self)
{
  GtkWidget *overlay = gtk_overlay_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);

  self->day_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->day_label, 0);
  gtk_label_set_wrap (self->day_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->day_label), "day-header");
  gtk_widget_add_css_class (GTK_WIDGET (self->day_label), "heading");
  gtk_widget_set_visible (GTK_WIDGET (self->day_label), FALSE);

  self->session_row = ATELIER_SESSION_ROW (atelier_session_row_new ());

  self->status_label = gtk_label_new (C_("session", "Cancelled"));
  gtk_widget_set_halign (self->status_label, GTK_ALIGN_END);
  gtk_widget_set_valign (self->status_label, GTK_ALIGN_END);
  gtk_widget_add_css_class (self->status_label, "badge");
  gtk_widget_add_css_class (self->status_label, "cancelled");
  gtk_widget_set_visible (self->status_label, FALSE);
  gtk_widget_set_can_target (self->status_label, FALSE);

  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->session_row));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), self->status_label);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->day_label));
  gtk_box_append (GTK_BOX (self), overlay);
}

GtkWidget *
atelier_schedule_item_new (void)
{
  return g_object_new (ATELIER_TYPE_SCHEDULE_ITEM, NULL);
}

/**
 * atelier_schedule_item_get_session:
 *
 * Returns: (transfer none) (nullable): the session shown
 */
AtelierSession *
atelier_schedule_item_get_session (AtelierScheduleItem *self)
{
  g_return_val_if_fail (ATELIER_IS_SCHEDULE_ITEM (self), NULL);

  return atelier_session_row_get_session (self->session_row);
}

/**
 * atelier_schedule_item_set_session:
 * @session: (nullable): the session to show, or %NULL as the list view
 *   unbinds the item
 */
void
atelier_schedule_item_set_session (AtelierScheduleItem *self,
                                   AtelierSession      *session)
{
  g_return_if_fail (ATELIER_IS_SCHEDULE_ITEM (self));
  g_return_if_fail (session == NULL || ATELIER_IS_SESSION (session));

  if (atelier_session_row_get_session (self->session_row) == session)
    return;

  atelier_session_row_set_session (self->session_row, session);
  atelier_schedule_item_refresh_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * atelier_schedule_item_set_day:
 * @day: (nullable): the day's header, or %NULL to show none, for a session
 *   that is not the first of its day
 */
void
atelier_schedule_item_set_day (AtelierScheduleItem *self,
                               const char          *day)
{
  g_return_if_fail (ATELIER_IS_SCHEDULE_ITEM (self));

  if (day != NULL)
    gtk_label_set_label (self->day_label, day);
  gtk_widget_set_visible (GTK_WIDGET (self->day_label), day != NULL);
}

static void
set_css_class (GtkWidget  *widget,
               const char *css_class,
               gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/**
 * atelier_schedule_item_refresh_state:
 *
 * Shows again whether the session is cancelled or over: time passes
 * while the item shows the same session.
 */
void
atelier_schedule_item_refresh_state (AtelierScheduleItem *self)
{
  AtelierSession *session;
  gboolean cancelled;
  gboolean past;

  g_return_if_fail (ATELIER_IS_SCHEDULE_ITEM (self));

  session = atelier_session_row_get_session (self->session_row);
  if (session == NULL)
    return;

  cancelled = atelier_session_is_cancelled (session);
  past = atelier_session_get_ends_at (session) <= g_get_real_time () / G_USEC_PER_SEC;
  gtk_widget_set_visible (self->status_label, cancelled);
  set_css_class (GTK_WIDGET (self->session_row), "cancelled", cancelled);
  set_css_class (GTK_WIDGET (self->session_row), "past", past);
}
