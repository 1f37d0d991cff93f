/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-row.c: one session in a list, as a card
 *
 * Shows the workshop's title, the date and time in the session's own zone,
 * the place, and how full the session is. The row is recycled by the list
 * view: everything it shows is set again on each atelier_session_row_set_session().
 */
#define G_LOG_DOMAIN "atelier-session-row"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-format.h"
#include "atelier-widget-util.h"
#include "atelier-session-row.h"

struct _AtelierSessionRow
{
  GtkWidget       parent_instance;

  AtelierSession *session;

  /* Template children; the box, the only direct one, is bound so that
   * gtk_widget_dispose_template() unparents it. */
  GtkWidget      *box;
  GtkLabel       *title_label;
  GtkLabel       *when_label;
  GtkLabel       *place_label;
  GtkLabel       *seats_label;
  GtkLabel       *waiting_label;
  GtkLabel       *full_label;
};

G_DEFINE_FINAL_TYPE (AtelierSessionRow, atelier_session_row, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atelier_session_row_update (AtelierSessionRow *self)
{
  AtelierSession *session = self->session;
  g_autofree char *when = NULL;
  g_autofree char *seats = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *accessible = NULL;
  g_autoptr(GString) summary = NULL;
  const char *title;
  const char *place;
  const char *host;
  g_autofree char *where = NULL;
  int capacity;
  int taken;
  int waiting_parties;
  gboolean full;

  if (session == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->when_label, "");
      gtk_label_set_label (self->place_label, "");
      gtk_label_set_label (self->seats_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->place_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->waiting_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->full_label), FALSE);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }

  title = atelier_session_get_workshop_title (session);
  place = atelier_session_get_place (session);
  host = atelier_session_get_workshop_host (session);
  capacity = atelier_session_get_capacity (session);
  taken = atelier_session_get_seats_taken (session);
  waiting_parties = atelier_session_get_waiting_parties (session);
  full = taken >= capacity;
  when = atelier_format_session_when (session, ATELIER_WHEN_PLAIN);

  if (title == NULL || *title == '\0')
    title = _("Untitled Workshop");

  /* TRANSLATORS: seats taken / capacity of a session, e.g. "7 / 10 seats" */
  seats = g_strdup_printf (ngettext ("%d / %d seat", "%d / %d seats", capacity),
                           taken, capacity);
  /* TRANSLATORS: the number of parties on a session's waiting list, on a
   * small badge, e.g. "3 waiting" */
  waiting = g_strdup_printf (ngettext ("%d waiting", "%d waiting", waiting_parties),
                             waiting_parties);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->when_label, when);
  /* The host tells two sessions of one workshop apart: first, so that a
   * narrow card that cuts the line keeps it. */
  if (!atelier_str_is_empty (place) && !atelier_str_is_empty (host))
    /* TRANSLATORS: a session's host, then its place, on a card of the
     * schedule, e.g. "Marie Dupont · Kitchen" */
    where = g_strdup_printf (_("%s · %s"), host, place);
  else
    where = g_strdup (!atelier_str_is_empty (place) ? place : host);
  gtk_label_set_label (self->place_label, where != NULL ? where : "");
  gtk_widget_set_visible (GTK_WIDGET (self->place_label), !atelier_str_is_empty (where));
  gtk_label_set_label (self->seats_label, seats);
  gtk_label_set_label (self->waiting_label, waiting);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_label), waiting_parties > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->full_label), full);

  /* What a screen reader says for the whole card. */
  summary = g_string_new (title);
  g_string_append_printf (summary, ", %s", when);
  if (!atelier_str_is_empty (where))
    g_string_append_printf (summary, ", %s", where);
  g_string_append (summary, ", ");
  /* TRANSLATORS: read by screen readers, e.g. "7 of 10 seats taken" */
  g_string_append_printf (summary,
                          ngettext ("%d of %d seat taken", "%d of %d seats taken", capacity),
                          taken, capacity);
  if (full)
    {
      g_string_append (summary, ", ");
      /* TRANSLATORS: read by screen readers after the seats taken */
      g_string_append (summary, C_("session", "full"));
    }
  if (waiting_parties > 0)
    {
      g_string_append (summary, ", ");
      /* TRANSLATORS: read by screen readers, e.g. "3 parties on the waiting list" */
      g_string_append_printf (summary,
                              ngettext ("%d party on the waiting list",
                                        "%d parties on the waiting list",
                                        waiting_parties),
                              waiting_parties);
    }

  accessible = g_string_free (g_steal_pointer (&summary), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
atelier_session_row_dispose (GObject *object)
{
  AtelierSessionRow *self = ATELIER_SESSION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_SESSION_ROW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (atelier_session_row_parent_class)->dispose (object);
}

static void
atelier_session_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtelierSessionRow *self = ATELIER_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_session_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AtelierSessionRow *self = ATELIER_SESSION_ROW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      atelier_session_row_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_session_row_class_init (AtelierSessionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atelier_session_row_dispose;
  object_class->get_property = atelier_session_row_get_property;
  object_class->set_property = atelier_session_row_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         ATELIER_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-session-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionRow, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionRow, when_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionRow, place_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionRow, seats_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionRow, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionRow, full_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sessionrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atelier_session_row_init (AtelierSessionRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atelier_session_row_new (void)
{
  return g_object_new (ATELIER_TYPE_SESSION_ROW, NULL);
}

/**
 * atelier_session_row_get_session:
 *
 * Returns: (transfer none) (nullable): the session shown
 */
AtelierSession *
atelier_session_row_get_session (AtelierSessionRow *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_ROW (self), NULL);

  return self->session;
}

void
atelier_session_row_set_session (AtelierSessionRow *self,
                                 AtelierSession    *session)
{
  g_return_if_fail (ATELIER_IS_SESSION_ROW (self));
  g_return_if_fail (session == NULL || ATELIER_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  atelier_session_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
