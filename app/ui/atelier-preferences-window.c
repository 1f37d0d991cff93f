/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-preferences-window.c: the store's settings
 *
 * One page, "Store", with the settings that invitations need (see
 * atelier-settings.h): the store's name and address, its e-mail address
 * (the organiser of every invite), its time zone, the reminder, whether
 * invites ask for a reply, and the language of messages to customers.
 *
 * Each change is written at once with atelier_settings_write(), which
 * validates it: text rows when applied (the apply button or Enter), when
 * the focus leaves them, or when the window closes; switches and combo
 * rows as soon as they change. A value the core refuses is not stored:
 * the row is marked, and the reason shown under its group (and as the
 * row's accessible description), until the text is corrected.
 */
#define G_LOG_DOMAIN "atelier-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-preferences-window.h"
#include "atelier-settings.h"

#define KEY_DATA "atelier-setting-key"
#define STORED_DATA "atelier-setting-stored"
#define REFUSED_DATA "atelier-setting-refused"
#define ERROR_LABEL_DATA "atelier-error-label"
#define ERROR_OWNER_DATA "atelier-error-owner"

struct _AtelierPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AtelierStore         *store;
  gboolean              loading;
  gboolean              writing;
  gboolean              closing;
  int                   custom_reminder;  /* minutes, or -1: a value none of the choices has */

  /* Template children */
  AdwEntryRow          *store_name_row;
  AdwEntryRow          *address_row;
  AdwEntryRow          *organizer_row;
  AdwEntryRow          *time_zone_row;
  AdwComboRow          *reminder_row;
  AdwActionRow         *rsvp_row;
  GtkSwitch            *rsvp_switch;
  AdwComboRow          *language_row;
  GtkLabel             *store_error_label;
  GtkLabel             *invitations_error_label;
};

G_DEFINE_FINAL_TYPE (AtelierPreferencesWindow, atelier_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The reminder choices, in minutes before the start. */
static const int reminder_minutes[] = { 0, 60, 3 * 60, 24 * 60, 2 * 24 * 60 };

/* The languages of the combo row, in its order. */
static const char *const languages[] = { "en", "fr" };

/* Showing what was refused */

static void
add_toast (AtelierPreferencesWindow *self,
           const char               *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* The row is marked and the reason shown under its group, in full (a
 * toast would cut it). */
static void
show_row_error (GtkWidget  *row,
                const char *message)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), ERROR_LABEL_DATA);

  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  if (label != NULL)
    {
      gtk_label_set_label (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      g_object_set_data (G_OBJECT (label), ERROR_OWNER_DATA, row);
    }
}

static void
clear_row_error (GtkWidget *row)
{
  GtkLabel *label = g_object_get_data (G_OBJECT (row), ERROR_LABEL_DATA);

  if (!gtk_widget_has_css_class (row, "error"))
    return;

  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (label != NULL && g_object_get_data (G_OBJECT (label), ERROR_OWNER_DATA) == row)
    {
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      g_object_set_data (G_OBJECT (label), ERROR_OWNER_DATA, NULL);
    }
}

/* Text rows */

static const char *
row_key (gpointer row)
{
  return g_object_get_data (G_OBJECT (row), KEY_DATA);
}

/* Sets the text without showing the apply button: the text is not an
 * edit of the user's. */
static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gboolean show_apply = adw_entry_row_get_show_apply_button (row);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0)
    return;

  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, show_apply);
}

/* Writes the row's text if it changed; %FALSE if the core refused it. */
static gboolean
apply_entry (AtelierPreferencesWindow *self,
             AdwEntryRow              *row)
{
  const char *key = row_key (row);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gboolean written;

  if (self->store == NULL || key == NULL)
    return FALSE;

  if (g_strcmp0 (text, g_object_get_data (G_OBJECT (row), STORED_DATA)) == 0)
    {
      clear_row_error (GTK_WIDGET (row));
      return TRUE;
    }

  self->writing = TRUE;
  written = atelier_settings_write (self->store, key, text, &error);
  self->writing = FALSE;
  if (!written)
    {
      g_object_set_data_full (G_OBJECT (row), REFUSED_DATA, g_strdup (text), g_free);
      show_row_error (GTK_WIDGET (row), error->message);
      return FALSE;
    }

  clear_row_error (GTK_WIDGET (row));
  g_object_set_data (G_OBJECT (row), REFUSED_DATA, NULL);

  /* Shown as stored: trimmed, without "mailto:". */
  value = atelier_settings_read (self->store, key, &error);
  if (value == NULL)
    {
      g_warning ("Could not read back the setting %s: %s", key, error->message);
      return TRUE;
    }
  g_object_set_data_full (G_OBJECT (row), STORED_DATA, g_strdup (value), g_free);
  set_entry_text (row, value);
  return TRUE;
}

static void
on_entry_apply_cb (AtelierPreferencesWindow *self,
                   AdwEntryRow              *row)
{
  apply_entry (self, row);
}

static void
on_entry_changed_cb (AtelierPreferencesWindow *self,
                     GtkEditable              *row)
{
  /* Being corrected: the mark goes, the next apply judges again. */
  if (!self->loading)
    clear_row_error (GTK_WIDGET (row));
}

static void
on_entry_focus_leave_cb (GtkEventControllerFocus  *controller,
                         AtelierPreferencesWindow *self)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->closing)
    return;

  /* Once refused, the same text is not judged again at each Tab. */
  if (g_strcmp0 (text, g_object_get_data (G_OBJECT (row), REFUSED_DATA)) == 0)
    return;

  apply_entry (self, row);
}

static AdwEntryRow **
entry_rows (AtelierPreferencesWindow *self,
            AdwEntryRow              *rows[5])
{
  rows[0] = self->store_name_row;
  rows[1] = self->address_row;
  rows[2] = self->organizer_row;
  rows[3] = self->time_zone_row;
  rows[4] = NULL;
  return rows;
}

/* The reminder */

static char *
format_reminder (int minutes)
{
  if (minutes == 0)
    return g_strdup (C_("reminder", "None"));
  if (minutes % (24 * 60) == 0)
    return g_strdup_printf (ngettext ("%d day before", "%d days before", minutes / (24 * 60)),
                            minutes / (24 * 60));
  if (minutes % 60 == 0)
    return g_strdup_printf (ngettext ("%d hour before", "%d hours before", minutes / 60), minutes / 60);
  return g_strdup_printf (ngettext ("%d minute before", "%d minutes before", minutes), minutes);
}

/* The choices, and @minutes as one more when none of them is it. */
static void
set_reminder_choices (AtelierPreferencesWindow *self,
                      int                       minutes)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = G_N_ELEMENTS (reminder_minutes);

  self->custom_reminder = -1;
  for (guint i = 0; i < G_N_ELEMENTS (reminder_minutes); i++)
    {
      g_autofree char *label = format_reminder (reminder_minutes[i]);

      gtk_string_list_append (list, label);
      if (reminder_minutes[i] == minutes)
        selected = i;
    }
  if (selected == G_N_ELEMENTS (reminder_minutes))
    {
      g_autofree char *label = format_reminder (minutes);

      gtk_string_list_append (list, label);
      self->custom_reminder = minutes;
    }

  adw_combo_row_set_model (self->reminder_row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (self->reminder_row, selected);
}

static int
selected_reminder (AtelierPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->reminder_row);

  if (selected < G_N_ELEMENTS (reminder_minutes))
    return reminder_minutes[selected];
  return self->custom_reminder;
}

/* Loading */

static void
load_values (AtelierPreferencesWindow *self)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  AdwEntryRow *rows[5];
  const char *language;

  if (self->store == NULL)
    return;

  settings = atelier_settings_load (self->store, &error);
  if (settings == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  self->loading = TRUE;

  for (AdwEntryRow **row = entry_rows (self, rows); *row != NULL; row++)
    {
      const char *value = atelier_settings_get (settings, row_key (*row));
      const char *before = g_object_get_data (G_OBJECT (*row), STORED_DATA);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (*row));

      /* A row being edited keeps the user's text. */
      if (before == NULL || g_strcmp0 (text, before) == 0)
        set_entry_text (*row, value);
      g_object_set_data_full (G_OBJECT (*row), STORED_DATA, g_strdup (value), g_free);
    }

  set_reminder_choices (self, atelier_settings_get_reminder (settings));
  gtk_switch_set_active (self->rsvp_switch, atelier_settings_get_rsvp (settings));

  language = atelier_settings_get_language (settings);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      adw_combo_row_set_selected (self->language_row, i);

  self->loading = FALSE;
}

static void
on_settings_changed_cb (AtelierStore             *store,
                        const char               *table,
                        AtelierPreferencesWindow *self)
{
  /* Written elsewhere (another window): show it. */
  if (!self->writing)
    load_values (self);
}

/* Switches and choices */

/* Writes @value, or shows why not and puts back what is stored. */
static void
write_choice (AtelierPreferencesWindow *self,
              const char               *key,
              const char               *value)
{
  g_autoptr(GError) error = NULL;
  gboolean written;

  if (self->loading || self->store == NULL)
    return;

  self->writing = TRUE;
  written = atelier_settings_write (self->store, key, value, &error);
  self->writing = FALSE;

  if (!written)
    {
      add_toast (self, error->message);
      load_values (self);
    }
}

static void
on_reminder_selected_cb (AtelierPreferencesWindow *self)
{
  int minutes = selected_reminder (self);
  g_autofree char *value = NULL;

  if (minutes < 0)
    return;
  value = g_strdup_printf ("%d", minutes);
  write_choice (self, ATELIER_SETTING_REMINDER, value);
}

static void
on_rsvp_active_cb (AtelierPreferencesWindow *self)
{
  write_choice (self, ATELIER_SETTING_RSVP, gtk_switch_get_active (self->rsvp_switch) ? "true" : "false");
}

static void
on_language_selected_cb (AtelierPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (selected < G_N_ELEMENTS (languages))
    write_choice (self, ATELIER_SETTING_LANGUAGE, languages[selected]);
}

/* GObject */

static gboolean
atelier_preferences_window_close_request (GtkWindow *window)
{
  AtelierPreferencesWindow *self = ATELIER_PREFERENCES_WINDOW (window);
  AdwEntryRow *rows[5];

  /* What was typed and not applied yet is kept, if valid. */
  for (AdwEntryRow **row = entry_rows (self, rows); *row != NULL; row++)
    if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (*row)),
                   g_object_get_data (G_OBJECT (*row), REFUSED_DATA)) != 0)
      apply_entry (self, *row);
  self->closing = TRUE;

  return GTK_WINDOW_CLASS (atelier_preferences_window_parent_class)->close_request (window);
}

static void
atelier_preferences_window_constructed (GObject *object)
{
  AtelierPreferencesWindow *self = ATELIER_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (atelier_preferences_window_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      g_critical ("AtelierPreferencesWindow needs a store");
      return;
    }

  load_values (self);
  g_signal_connect_object (self->store, "changed::settings", G_CALLBACK (on_settings_changed_cb), self, 0);
}

static void
atelier_preferences_window_dispose (GObject *object)
{
  AtelierPreferencesWindow *self = ATELIER_PREFERENCES_WINDOW (object);

  self->closing = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_preferences_window_parent_class)->dispose (object);
}

static void
atelier_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AtelierPreferencesWindow *self = ATELIER_PREFERENCES_WINDOW (object);

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
atelier_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AtelierPreferencesWindow *self = ATELIER_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_preferences_window_class_init (AtelierPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = atelier_preferences_window_constructed;
  object_class->dispose = atelier_preferences_window_dispose;
  object_class->get_property = atelier_preferences_window_get_property;
  object_class->set_property = atelier_preferences_window_set_property;

  window_class->close_request = atelier_preferences_window_close_request;

  /**
   * AtelierPreferencesWindow:store:
   *
   * The store whose settings are shown and written.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, store_name_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, organizer_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, reminder_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, rsvp_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, rsvp_switch);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, store_error_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, invitations_error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reminder_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rsvp_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected_cb);
}

static void
atelier_preferences_window_init (AtelierPreferencesWindow *self)
{
  AdwEntryRow *rows[5];

  self->custom_reminder = -1;
  self->loading = TRUE;  /* until the store's values are in */

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (self->store_name_row), KEY_DATA, (gpointer) ATELIER_SETTING_STORE_NAME);
  g_object_set_data (G_OBJECT (self->address_row), KEY_DATA, (gpointer) ATELIER_SETTING_ADDRESS);
  g_object_set_data (G_OBJECT (self->organizer_row), KEY_DATA, (gpointer) ATELIER_SETTING_ORGANIZER);
  g_object_set_data (G_OBJECT (self->time_zone_row), KEY_DATA, (gpointer) ATELIER_SETTING_TIME_ZONE);
  g_object_set_data (G_OBJECT (self->reminder_row), KEY_DATA, (gpointer) ATELIER_SETTING_REMINDER);
  g_object_set_data (G_OBJECT (self->rsvp_row), KEY_DATA, (gpointer) ATELIER_SETTING_RSVP);
  g_object_set_data (G_OBJECT (self->language_row), KEY_DATA, (gpointer) ATELIER_SETTING_LANGUAGE);

  g_object_set_data (G_OBJECT (self->store_name_row), ERROR_LABEL_DATA, self->store_error_label);
  g_object_set_data (G_OBJECT (self->address_row), ERROR_LABEL_DATA, self->store_error_label);
  g_object_set_data (G_OBJECT (self->organizer_row), ERROR_LABEL_DATA, self->invitations_error_label);
  g_object_set_data (G_OBJECT (self->time_zone_row), ERROR_LABEL_DATA, self->invitations_error_label);

  for (AdwEntryRow **row = entry_rows (self, rows); *row != NULL; row++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (on_entry_focus_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (*row), focus);
      /* Only now: the text set from the store is no edit to apply. */
      adw_entry_row_set_show_apply_button (*row, TRUE);
    }

  self->loading = FALSE;
}

/**
 * atelier_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store whose settings to show
 *
 * Returns: (transfer full): a new preferences window, not yet shown
 */
GtkWidget *
atelier_preferences_window_new (GtkWindow    *parent,
                                AtelierStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       NULL);
}

AtelierStore *
atelier_preferences_window_get_store (AtelierPreferencesWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}

/**
 * atelier_preferences_window_get_row:
 * @key: a setting, such as %ATELIER_SETTING_ORGANIZER
 *
 * For tests and assistive code: the row that shows @key: an #AdwEntryRow,
 * an #AdwComboRow, or (for the RSVP) an #AdwActionRow with a switch.
 *
 * Returns: (transfer none) (nullable): the row, or %NULL for an unknown key
 */
GtkWidget *
atelier_preferences_window_get_row (AtelierPreferencesWindow *self,
                                    const char               *key)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->store_name_row), GTK_WIDGET (self->address_row),
    GTK_WIDGET (self->organizer_row), GTK_WIDGET (self->time_zone_row),
    GTK_WIDGET (self->reminder_row), GTK_WIDGET (self->rsvp_row),
    GTK_WIDGET (self->language_row),
  };

  g_return_val_if_fail (ATELIER_IS_PREFERENCES_WINDOW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] != NULL && g_strcmp0 (row_key (rows[i]), key) == 0)
      return rows[i];
  return NULL;
}

static GtkWidget *
row_viewport (GtkWidget *row)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = scroller ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)) : NULL;

  return GTK_IS_VIEWPORT (viewport) ? viewport : NULL;
}

/* Scrolls the page so that @row shows whole, with what is just above it
 * (its group's title and description) when that fits. */
static void
scroll_to_row (GtkWidget *row)
{
  GtkWidget *viewport = row_viewport (row);
  GtkWidget *content = viewport ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  GtkAdjustment *vadjustment;
  graphene_rect_t bounds;
  double page;

  /* In the content's coordinates, which the adjustment counts in. */
  if (content == NULL || !gtk_widget_compute_bounds (row, content, &bounds))
    return;

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  page = gtk_adjustment_get_page_size (vadjustment);
  gtk_adjustment_clamp_page (vadjustment,
                             MAX (0, bounds.origin.y + bounds.size.height - page * 2 / 3),
                             bounds.origin.y + bounds.size.height);
}

static gboolean
scroll_to_row_cb (gpointer user_data)
{
  scroll_to_row (user_data);
  return G_SOURCE_REMOVE;
}

/* Once shown, after the first layout (which runs before idle sources). */
static void
on_focus_row_mapped_cb (GtkWidget *row)
{
  g_signal_handlers_disconnect_by_func (row, on_focus_row_mapped_cb, NULL);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to_row_cb, g_object_ref (row), g_object_unref);
}

/**
 * atelier_preferences_window_focus_setting:
 * @key: a setting, such as %ATELIER_SETTING_ORGANIZER
 *
 * Shows the row of @key, scrolled into view, and gives it the keyboard
 * focus: for a window opened to set one thing ("The Store's E-mail
 * Address Is Missing").
 *
 * Returns: whether @key has a row
 */
gboolean
atelier_preferences_window_focus_setting (AtelierPreferencesWindow *self,
                                          const char               *key)
{
  GtkWidget *row;
  GtkWidget *page;
  GtkWidget *viewport;
  gboolean scroll_to_focus = FALSE;

  g_return_val_if_fail (ATELIER_IS_PREFERENCES_WINDOW (self), FALSE);

  row = atelier_preferences_window_get_row (self, key);
  if (row == NULL)
    return FALSE;

  page = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_PAGE);
  if (page != NULL)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));

  /* The viewport would scroll to the focused text alone, and its animation
   * would undo ours: the row shows whole, with its group's heading. */
  viewport = row_viewport (row);
  if (viewport != NULL)
    {
      scroll_to_focus = gtk_viewport_get_scroll_to_focus (GTK_VIEWPORT (viewport));
      gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
    }
  gtk_window_set_focus (GTK_WINDOW (self), row);
  if (viewport != NULL)
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), scroll_to_focus);

  if (gtk_widget_get_mapped (row))
    scroll_to_row (row);
  else
    g_signal_connect (row, "map", G_CALLBACK (on_focus_row_mapped_cb), NULL);
  return TRUE;
}
