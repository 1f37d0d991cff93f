/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-workshop-page.c: one workshop: its details and its sessions
 *
 * Opened from the catalogue (win.show-workshop), pushed on the window's
 * leaflet as a session's page is. It shows what the card shows, the
 * description, then every session of the workshop, past and coming, with
 * its seats taken; activating one opens its page (win.show-session). The
 * header's buttons edit the workshop and plan a session of it. The page
 * reads the store again when it says something changed.
 */
#define G_LOG_DOMAIN "atelier-workshop-page"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-format.h"
#include "atelier-settings.h"
#include "atelier-workshop-page.h"

struct _AtelierWorkshopPage
{
  GtkWidget       parent_instance;

  AtelierStore   *store;
  gint64          workshop_id;
  GListStore     *sessions;
  guint           reload_source;

  /* Template children */
  GtkWidget      *box;
  AdwWindowTitle *window_title;
  GtkWidget      *edit_button;
  GtkWidget      *new_session_button;
  GtkLabel       *details_label;
  GtkLabel       *description_label;
  GtkListBox     *sessions_list;
  GtkLabel       *empty_label;
};

G_DEFINE_FINAL_TYPE (AtelierWorkshopPage, atelier_workshop_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_WORKSHOP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "5 of 8 seats taken", "Cancelled", with "Past" before for one over */
static char *
describe_seats (AtelierSession *session,
                gint64          now)
{
  int taken = atelier_session_get_seats_taken (session);
  int capacity = atelier_session_get_capacity (session);
  g_autofree char *seats = NULL;

  if (atelier_session_is_cancelled (session))
    seats = g_strdup (C_("session", "Cancelled"));
  else
    /* TRANSLATORS: the seats of a session on its workshop's page */
    seats = g_strdup_printf (ngettext ("%d of %d seat taken", "%d of %d seats taken", capacity),
                             taken, capacity);

  if (atelier_session_get_ends_at (session) > now)
    return g_steal_pointer (&seats);
  /* TRANSLATORS: a session that is over, e.g. "Past · 6 of 8 seats taken" */
  return g_strdup_printf (_("Past · %s"), seats);
}

static GtkWidget *
new_session_row (AtelierSession *session,
                 gint64          now)
{
  g_autofree char *when = atelier_format_session_when (session, ATELIER_WHEN_WITH_YEAR);
  g_autofree char *seats = describe_seats (session, now);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), seats);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "session", g_object_ref (session), g_object_unref);
  return row;
}

static void
on_session_activated_cb (GtkListBox          *list,
                         GtkListBoxRow       *row,
                         AtelierWorkshopPage *self)
{
  AtelierSession *session = g_object_get_data (G_OBJECT (row), "session");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-session", "x",
                              atelier_session_get_id (session));
}

static void
show_workshop (AtelierWorkshopPage *self,
               AtelierWorkshop     *workshop)
{
  const char *host = atelier_workshop_get_host (workshop);
  const char *description = atelier_workshop_get_description (workshop);
  int capacity = atelier_workshop_get_capacity (workshop);
  g_autofree char *duration = atelier_format_duration (atelier_workshop_get_duration_minutes (workshop));
  g_autofree char *currency = atelier_settings_read (self->store, ATELIER_SETTING_CURRENCY, NULL);
  g_autofree char *price = atelier_format_price (atelier_workshop_get_price_cents (workshop),
                                                 currency);
  /* TRANSLATORS: the capacity of a workshop, e.g. "10 seats" */
  g_autofree char *seats = g_strdup_printf (ngettext ("%d seat", "%d seats", capacity), capacity);
  g_autofree char *details = NULL;

  if (host != NULL && *host != '\0')
    /* TRANSLATORS: a workshop's host, duration, capacity and price on its
     * page, e.g. "Marco Rossi · 2 h · 10 seats · 65.00" */
    details = g_strdup_printf (_("%s · %s · %s · %s"), host, duration, seats, price);
  else
    /* TRANSLATORS: a workshop's duration, capacity and price on its page */
    details = g_strdup_printf (_("%s · %s · %s"), duration, seats, price);

  adw_window_title_set_title (self->window_title, atelier_workshop_get_title (workshop));
  gtk_label_set_label (self->details_label, details);
  gtk_label_set_label (self->description_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');
}

static void
atelier_workshop_page_reload (AtelierWorkshopPage *self)
{
  g_autoptr(AtelierWorkshop) workshop = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkWidget *row;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store == NULL)
    return;

  workshop = atelier_store_get_workshop (self->store, self->workshop_id, &error);
  if (workshop == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Workshop Not Found"));
      return;
    }
  show_workshop (self, workshop);

  all = atelier_store_list_sessions (self->store, NULL, NULL, &error);
  if (all == NULL)
    {
      g_warning ("Could not read the sessions of workshop %" G_GINT64_FORMAT ": %s",
                 self->workshop_id, error->message);
      return;
    }

  g_list_store_remove_all (self->sessions);
  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->sessions_list))) != NULL)
    gtk_list_box_remove (self->sessions_list, row);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (all, i);

      if (atelier_session_get_workshop_id (session) != self->workshop_id)
        continue;
      g_list_store_append (self->sessions, session);
      gtk_list_box_append (self->sessions_list, new_session_row (session, now));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->sessions_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->sessions)) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          g_list_model_get_n_items (G_LIST_MODEL (self->sessions)) == 0);
}

static gboolean
reload_cb (gpointer user_data)
{
  AtelierWorkshopPage *self = user_data;

  self->reload_source = 0;
  atelier_workshop_page_reload (self);
  return G_SOURCE_REMOVE;
}

/* Once for a burst of changes */
static void
on_store_changed_cb (AtelierStore        *store,
                     const char          *table,
                     AtelierWorkshopPage *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

static void
atelier_workshop_page_constructed (GObject *object)
{
  AtelierWorkshopPage *self = ATELIER_WORKSHOP_PAGE (object);
  GVariant *target = g_variant_new_int64 (self->workshop_id);

  G_OBJECT_CLASS (atelier_workshop_page_parent_class)->constructed (object);

  g_variant_ref_sink (target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "win.edit-workshop");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->new_session_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->new_session_button),
                                  "win.new-workshop-session");
  g_variant_unref (target);

  if (self->store == NULL)
    {
      g_critical ("AtelierWorkshopPage needs a store");
      return;
    }
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  atelier_workshop_page_reload (self);
}

static void
atelier_workshop_page_dispose (GObject *object)
{
  AtelierWorkshopPage *self = ATELIER_WORKSHOP_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_WORKSHOP_PAGE);
  g_clear_object (&self->sessions);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_workshop_page_parent_class)->dispose (object);
}

static void
atelier_workshop_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AtelierWorkshopPage *self = ATELIER_WORKSHOP_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_WORKSHOP_ID:
      g_value_set_int64 (value, self->workshop_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_workshop_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AtelierWorkshopPage *self = ATELIER_WORKSHOP_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      break;

    case PROP_WORKSHOP_ID:
      self->workshop_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_workshop_page_class_init (AtelierWorkshopPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_workshop_page_constructed;
  object_class->dispose = atelier_workshop_page_dispose;
  object_class->get_property = atelier_workshop_page_get_property;
  object_class->set_property = atelier_workshop_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ATELIER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WORKSHOP_ID] =
    g_param_spec_int64 ("workshop-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-workshop-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopPage, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopPage, new_session_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopPage, details_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopPage, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopPage, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_session_activated_cb);
}

static void
atelier_workshop_page_init (AtelierWorkshopPage *self)
{
  self->sessions = g_list_store_new (ATELIER_TYPE_SESSION);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atelier_workshop_page_new (AtelierStore *store,
                           gint64        workshop_id)
{
  return g_object_new (ATELIER_TYPE_WORKSHOP_PAGE,
                       "store", store,
                       "workshop-id", workshop_id,
                       NULL);
}

gint64
atelier_workshop_page_get_workshop_id (AtelierWorkshopPage *self)
{
  g_return_val_if_fail (ATELIER_IS_WORKSHOP_PAGE (self), 0);

  return self->workshop_id;
}

/**
 * atelier_workshop_page_get_sessions:
 *
 * Returns: (transfer none): the workshop's sessions as shown, by start
 */
GListModel *
atelier_workshop_page_get_sessions (AtelierWorkshopPage *self)
{
  g_return_val_if_fail (ATELIER_IS_WORKSHOP_PAGE (self), NULL);

  return G_LIST_MODEL (self->sessions);
}
