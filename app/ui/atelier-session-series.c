/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-series.c: a session's place in its series, and the way
 * to the other dates
 *
 * A line above the session's details: "Session 3 of 8 in a weekly
 * series", with a menu of the series' dates; choosing one opens its page
 * through the window's win.show-session action. Hidden for a session
 * planned alone. What a series is and the order of its sessions are the
 * core's (atelier_series_find()).
 */
#define G_LOG_DOMAIN "atelier-session-series"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-format.h"
#include "atelier-series.h"
#include "atelier-session-series.h"

struct _AtelierSessionSeries
{
  GtkWidget      parent_instance;

  AtelierStore  *store;
  gint64         session_id;
  GListModel    *sessions;
  char          *text;

  /* Template children */
  GtkWidget     *box;
  GtkLabel      *place_label;
  GtkMenuButton *dates_button;
  GtkListBox    *dates_list;
};

G_DEFINE_FINAL_TYPE (AtelierSessionSeries, atelier_session_series, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
new_date_row (AtelierSessionSeries *self,
              AtelierSession       *session)
{
  g_autofree char *when = atelier_format_session_when (session, ATELIER_WHEN_WITH_YEAR);
  gboolean current = atelier_session_get_id (session) == self->session_id;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  if (atelier_session_is_cancelled (session))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), C_("session", "Cancelled"));
  if (current)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("object-select-symbolic");

      /* TRANSLATORS: the accessible name of the mark beside the session shown */
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("This session"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), !current);
  g_object_set_data_full (G_OBJECT (row), "session", g_object_ref (session), g_object_unref);
  return row;
}

static void
on_date_activated_cb (GtkListBox           *list,
                      GtkListBoxRow        *row,
                      AtelierSessionSeries *self)
{
  AtelierSession *session = g_object_get_data (G_OBJECT (row), "session");

  gtk_menu_button_popdown (self->dates_button);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-session", "x",
                              atelier_session_get_id (session));
}

static void
clear_rows (AtelierSessionSeries *self)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->dates_list))) != NULL)
    gtk_list_box_remove (self->dates_list, row);
}

/**
 * atelier_session_series_show_session:
 * @session_id: the session the page shows
 *
 * Reads the session's series again: its place in it and its dates.
 */
void
atelier_session_series_show_session (AtelierSessionSeries *self,
                                     gint64                session_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rrule = NULL;
  gint64 series_id = 0;
  guint position = 0;
  guint count = 0;

  g_return_if_fail (ATELIER_IS_SESSION_SERIES (self));

  self->session_id = session_id;
  g_clear_object (&self->sessions);
  g_clear_pointer (&self->text, g_free);
  clear_rows (self);

  if (self->store != NULL &&
      atelier_series_find (self->store, session_id, &series_id, &position, &count, &rrule, &error) &&
      series_id != 0)
    self->sessions = atelier_series_list_sessions (self->store, series_id, &error);
  if (error != NULL)
    g_warning ("Could not read the series of session %" G_GINT64_FORMAT ": %s",
               session_id, error->message);

  gtk_widget_set_visible (self->box, self->sessions != NULL);
  if (self->sessions == NULL)
    return;

  self->text = atelier_series_describe_place (position, count, rrule);
  gtk_label_set_label (self->place_label, self->text);
  for (guint i = 0; i < g_list_model_get_n_items (self->sessions); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (self->sessions, i);

      gtk_list_box_append (self->dates_list, new_date_row (self, session));
    }
}

/**
 * atelier_session_series_get_text:
 *
 * Returns: (nullable): what the line says, or %NULL when the session is
 *   in no series
 */
const char *
atelier_session_series_get_text (AtelierSessionSeries *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_SERIES (self), NULL);

  return self->text;
}

/**
 * atelier_session_series_get_sessions:
 *
 * Returns: (transfer none) (nullable): the sessions of the series, by start
 */
GListModel *
atelier_session_series_get_sessions (AtelierSessionSeries *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_SERIES (self), NULL);

  return self->sessions;
}

static void
atelier_session_series_dispose (GObject *object)
{
  AtelierSessionSeries *self = ATELIER_SESSION_SERIES (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_SESSION_SERIES);
  g_clear_object (&self->sessions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_session_series_parent_class)->dispose (object);
}

static void
atelier_session_series_finalize (GObject *object)
{
  AtelierSessionSeries *self = ATELIER_SESSION_SERIES (object);

  g_free (self->text);

  G_OBJECT_CLASS (atelier_session_series_parent_class)->finalize (object);
}

static void
atelier_session_series_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AtelierSessionSeries *self = ATELIER_SESSION_SERIES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_session_series_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AtelierSessionSeries *self = ATELIER_SESSION_SERIES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_session_series_class_init (AtelierSessionSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atelier_session_series_dispose;
  object_class->finalize = atelier_session_series_finalize;
  object_class->get_property = atelier_session_series_get_property;
  object_class->set_property = atelier_session_series_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ATELIER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-session-series.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionSeries, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionSeries, place_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionSeries, dates_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionSeries, dates_list);
  gtk_widget_class_bind_template_callback (widget_class, on_date_activated_cb);
}

static void
atelier_session_series_init (AtelierSessionSeries *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atelier_session_series_new (AtelierStore *store)
{
  return g_object_new (ATELIER_TYPE_SESSION_SERIES, "store", store, NULL);
}
