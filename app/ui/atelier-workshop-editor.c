/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-workshop-editor.c: creates or edits a workshop of the catalogue
 *
 * A form over one workshop: title, host, category (with the categories
 * already in use a click away), description, what participants take
 * home, duration, default capacity and price (in the store's currency,
 * kept in its minor unit: cents, or yen). Save stays insensitive while the form cannot be saved,
 * and both its tooltip and a line under the title say why. The core
 * writes (atelier_store_add_workshop / update_workshop); its refusal is
 * shown at the top of the form and nothing closes. An existing workshop
 * can be deleted, after a question; the core refuses while it has
 * sessions, and the dialog says so.
 */
#define G_LOG_DOMAIN "atelier-workshop-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-conflicts.h"
#include "atelier-format.h"
#include "atelier-money.h"
#include "atelier-settings.h"
#include "atelier-widget-util.h"
#include "atelier-workshop-editor.h"

struct _AtelierWorkshopEditor
{
  AdwWindow        parent_instance;

  AtelierStore    *store;
  char            *currency;  /* the store's: its decimals, how prices are written */
  gint64           workshop_id;
  AtelierWorkshop *workshop;     /* as read, for an existing one */
  gboolean         title_touched;

  /* Template children */
  AdwWindowTitle  *window_title;
  GtkWidget       *save_button;
  GtkScrolledWindow *scroller;
  GtkLabel        *error_label;
  AdwEntryRow     *title_row;
  AdwEntryRow     *host_row;
  AdwEntryRow     *category_row;
  GtkMenuButton   *category_button;
  GtkLabel        *title_hint;
  GtkTextView     *description_view;
  GtkTextView     *takeaway_view;
  GtkTextView     *bring_view;
  AdwActionRow    *duration_row;
  GtkSpinButton   *duration_spin;
  GtkSpinButton   *capacity_spin;
  AdwActionRow    *price_row;
  GtkSpinButton   *price_spin;
  GtkWidget       *delete_button;
};

G_DEFINE_FINAL_TYPE (AtelierWorkshopEditor, atelier_workshop_editor, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_WORKSHOP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Formatting */

static char *
dup_text_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static gint64
price_cents (AtelierWorkshopEditor *self)
{
  gint64 factor = atelier_money_get_minor_per_major (self->currency);

  /* In the currency's minor unit, never negative: rounded to the nearest
   * cent (or yen). */
  return (gint64) (gtk_spin_button_get_value (self->price_spin) * factor + 0.5);
}

/* Validation */

static void
hide_error (AtelierWorkshopEditor *self)
{
  atelier_form_show_error (self->error_label, self->scroller, NULL);
}

static void
show_error (AtelierWorkshopEditor *self,
            const char            *message)
{
  atelier_form_show_error (self->error_label, self->scroller, message);
}

/* Why the form cannot be saved, or NULL when it can. */
static const char *
invalid_reason (AtelierWorkshopEditor *self)
{
  g_autofree char *title = atelier_editable_dup_stripped (GTK_EDITABLE (self->title_row));

  if (self->store == NULL || (self->workshop_id != 0 && self->workshop == NULL))
    return _("This workshop no longer exists.");
  if (*title == '\0')
    return _("A workshop needs a title.");

  return NULL;
}

/* A second workshop with a title already in the catalogue is allowed
 * (it may be another class), but it is usually a new date planned the
 * wrong way: said under the title, without refusing anything. */
static char *
dup_same_title_warning (AtelierWorkshopEditor *self)
{
  g_autofree char *title = atelier_editable_dup_stripped (GTK_EDITABLE (self->title_row));
  g_autoptr(AtelierWorkshop) other = NULL;

  other = atelier_conflicts_find_same_title (self->store, title, self->workshop_id, NULL);
  if (other == NULL)
    return NULL;
  /* TRANSLATORS: under a workshop's title in the editor */
  return g_strdup_printf (_("“%s” is already in the catalogue. For another date, plan a session of it instead."),
                          atelier_workshop_get_title (other));
}

static void
update_validity (AtelierWorkshopEditor *self)
{
  const char *reason = invalid_reason (self);
  g_autofree char *warning = NULL;

  gtk_widget_set_sensitive (self->save_button, reason == NULL);
  gtk_widget_set_tooltip_text (self->save_button, reason);

  if (reason == NULL)
    warning = dup_same_title_warning (self);
  gtk_widget_set_visible (GTK_WIDGET (self->title_hint), reason != NULL || warning != NULL);
  gtk_label_set_label (self->title_hint, reason != NULL ? reason : warning != NULL ? warning : "");

  /* Red once the user has been in the title and left it empty; a plain
   * hint on a fresh form. */
  if (reason != NULL && self->title_touched)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->title_hint), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_hint), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->title_row), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->title_hint), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_row), "error");
    }
}

static void
on_title_changed_cb (AtelierWorkshopEditor *self)
{
  self->title_touched = TRUE;
  hide_error (self);
  update_validity (self);
}

static void
on_field_changed_cb (AtelierWorkshopEditor *self)
{
  hide_error (self);
}

static void
on_duration_changed_cb (AtelierWorkshopEditor *self)
{
  g_autofree char *text = atelier_format_duration (gtk_spin_button_get_value_as_int (self->duration_spin));
  /* TRANSLATORS: under "Duration", e.g. "In minutes: 1 h 30 min" */
  g_autofree char *subtitle = g_strdup_printf (_("In minutes: %s"), text);

  adw_action_row_set_subtitle (self->duration_row, subtitle);
  hide_error (self);
}

static void
on_price_changed_cb (AtelierWorkshopEditor *self)
{
  g_autofree char *text = atelier_format_price (price_cents (self), self->currency);
  /* TRANSLATORS: under "Price", how customers see it, e.g.
   * "Per person: 45,00 €" or "Per person: Free" */
  g_autofree char *subtitle = g_strdup_printf (_("Per person: %s"), text);

  adw_action_row_set_subtitle (self->price_row, subtitle);
  hide_error (self);
}

/* Categories in use */

static void
use_category_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtelierWorkshopEditor *self = ATELIER_WORKSHOP_EDITOR (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->category_row), g_variant_get_string (parameter, NULL));
  gtk_editable_set_position (GTK_EDITABLE (self->category_row), -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->category_row));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
load_categories (AtelierWorkshopEditor *self,
                 GListModel            *workshops)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr(AtelierWorkshop) workshop = g_list_model_get_item (workshops, i);
      const char *category = atelier_workshop_get_category (workshop);

      if (category == NULL || *category == '\0' || g_hash_table_contains (seen, category))
        continue;
      g_hash_table_add (seen, g_strdup (category));
    }

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (names, key);
  }
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (names->pdata[i], NULL);

      g_menu_item_set_action_and_target_value (item, "editor.use-category",
                                               g_variant_new_string (names->pdata[i]));
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->category_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->category_button), names->len > 0);
}

/* Saving */

static AtelierWorkshop *
workshop_from_form (AtelierWorkshopEditor *self)
{
  g_autofree char *title = atelier_editable_dup_stripped (GTK_EDITABLE (self->title_row));
  g_autofree char *host = atelier_editable_dup_stripped (GTK_EDITABLE (self->host_row));
  g_autofree char *category = atelier_editable_dup_stripped (GTK_EDITABLE (self->category_row));
  g_autofree char *description = dup_text_view (self->description_view);
  g_autofree char *takeaway = dup_text_view (self->takeaway_view);
  g_autofree char *bring = dup_text_view (self->bring_view);
  AtelierWorkshop *workshop = atelier_workshop_new (title);

  gtk_spin_button_update (self->duration_spin);
  gtk_spin_button_update (self->capacity_spin);
  gtk_spin_button_update (self->price_spin);

  if (self->workshop_id != 0)
    g_object_set (workshop, "id", self->workshop_id, NULL);
  g_object_set (workshop,
                "host", *host != '\0' ? host : NULL,
                "category", *category != '\0' ? category : NULL,
                "description", *description != '\0' ? description : NULL,
                "takeaway", *takeaway != '\0' ? takeaway : NULL,
                "bring", *bring != '\0' ? bring : NULL,
                "duration-minutes", gtk_spin_button_get_value_as_int (self->duration_spin),
                "capacity", gtk_spin_button_get_value_as_int (self->capacity_spin),
                "price-cents", price_cents (self),
                NULL);
  return workshop;
}

static void
on_save_clicked_cb (AtelierWorkshopEditor *self)
{
  g_autoptr(AtelierWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  update_validity (self);
  if (invalid_reason (self) != NULL)
    return;

  workshop = workshop_from_form (self);
  if (self->workshop_id == 0)
    ok = atelier_store_add_workshop (self->store, workshop, &error);
  else
    ok = atelier_store_update_workshop (self->store, workshop, &error);

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }

  if (self->workshop_id == 0)
    {
      self->workshop_id = atelier_workshop_get_id (workshop);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP_ID]);
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* Deleting */

static void
on_delete_response_cb (AdwMessageDialog      *dialog,
                       const char            *response,
                       AtelierWorkshopEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  if (!atelier_store_delete_workshop (self->store, self->workshop_id, &error))
    {
      show_error (self, error->message);
      return;
    }

  /* Not while the question, transient for this window, is still
   * answering: it goes first. */
  atelier_window_close_when_idle (GTK_WINDOW (self));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtelierWorkshopEditor *self = ATELIER_WORKSHOP_EDITOR (widget);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (self->workshop == NULL)
    return;

  hide_error (self);
  /* TRANSLATORS: the question before deleting a workshop; %s is its title */
  body = g_strdup_printf (_("“%s” will be removed from the catalogue. This cannot be undone."),
                          atelier_workshop_get_title (self->workshop));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Delete Workshop?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Setup */

static void
fill_form (AtelierWorkshopEditor *self)
{
  AtelierWorkshop *w = self->workshop;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), atelier_workshop_get_title (w) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), atelier_workshop_get_host (w) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->category_row), atelier_workshop_get_category (w) ?: "");
  set_text_view (self->description_view, atelier_workshop_get_description (w));
  set_text_view (self->takeaway_view, atelier_workshop_get_takeaway (w));
  set_text_view (self->bring_view, atelier_workshop_get_bring (w));
  gtk_spin_button_set_value (self->duration_spin, atelier_workshop_get_duration_minutes (w));
  gtk_spin_button_set_value (self->capacity_spin, atelier_workshop_get_capacity (w));
  gtk_spin_button_set_value (self->price_spin,
                             (double) atelier_workshop_get_price_cents (w) /
                             atelier_money_get_minor_per_major (self->currency));
}

static void
atelier_workshop_editor_constructed (GObject *object)
{
  AtelierWorkshopEditor *self = ATELIER_WORKSHOP_EDITOR (object);
  g_autoptr(GListModel) workshops = NULL;
  g_autoptr(GError) error = NULL;
  const char *title;

  G_OBJECT_CLASS (atelier_workshop_editor_parent_class)->constructed (object);

  title = self->workshop_id != 0 ? _("Edit Workshop") : _("New Workshop");
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);

  if (self->store == NULL)
    {
      g_critical ("AtelierWorkshopEditor needs a store");
      update_validity (self);
      return;
    }

  self->currency = atelier_settings_read (self->store, ATELIER_SETTING_CURRENCY, NULL);
  gtk_spin_button_set_digits (self->price_spin, atelier_money_get_digits (self->currency));
  /* The same bound as every other path that sets a price. */
  gtk_adjustment_set_upper (gtk_spin_button_get_adjustment (self->price_spin), ATELIER_MONEY_MAX_MAJOR);

  workshops = atelier_store_list_workshops (self->store, NULL);
  if (workshops != NULL)
    load_categories (self, workshops);

  if (self->workshop_id != 0)
    {
      self->workshop = atelier_store_get_workshop (self->store, self->workshop_id, &error);
      if (self->workshop != NULL)
        {
          fill_form (self);
          adw_window_title_set_subtitle (self->window_title, atelier_workshop_get_title (self->workshop));
          gtk_widget_set_visible (self->delete_button, TRUE);
        }
    }

  on_duration_changed_cb (self);
  on_price_changed_cb (self);
  if (error != NULL)
    show_error (self, error->message);
  /* Filling the form is not the user's typing. */
  self->title_touched = FALSE;
  update_validity (self);
  /* The title first, not the header's Cancel button. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));
}

static void
atelier_workshop_editor_dispose (GObject *object)
{
  AtelierWorkshopEditor *self = ATELIER_WORKSHOP_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_WORKSHOP_EDITOR);

  g_clear_object (&self->workshop);
  g_clear_object (&self->store);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (atelier_workshop_editor_parent_class)->dispose (object);
}

static void
atelier_workshop_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AtelierWorkshopEditor *self = ATELIER_WORKSHOP_EDITOR (object);

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
atelier_workshop_editor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AtelierWorkshopEditor *self = ATELIER_WORKSHOP_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_WORKSHOP_ID:
      self->workshop_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_workshop_editor_class_init (AtelierWorkshopEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_workshop_editor_constructed;
  object_class->dispose = atelier_workshop_editor_dispose;
  object_class->get_property = atelier_workshop_editor_get_property;
  object_class->set_property = atelier_workshop_editor_set_property;

  /**
   * AtelierWorkshopEditor:store:
   *
   * The store the workshop is saved in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierWorkshopEditor:workshop-id:
   *
   * The workshop edited, or 0 for a new one; once a new workshop is
   * saved, its id.
   */
  properties[PROP_WORKSHOP_ID] =
    g_param_spec_int64 ("workshop-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.use-category", "s", use_category_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-workshop-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, host_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, category_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, title_hint);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, takeaway_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, bring_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, duration_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, price_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, price_spin);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopEditor, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, atelier_widget_focus_next);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_duration_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_price_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atelier_workshop_editor_init (AtelierWorkshopEditor *self)
{
  GtkEditable *delegate;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8's spin buttons have no activates-default of their own. */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->duration_spin));
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_activates_default (GTK_TEXT (delegate), TRUE);
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->capacity_spin));
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_activates_default (GTK_TEXT (delegate), TRUE);
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->price_spin));
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_activates_default (GTK_TEXT (delegate), TRUE);
}

/**
 * atelier_workshop_editor_new:
 * @parent: (nullable): the window the dialog belongs to
 * @workshop_id: the workshop to edit, or 0 for a new one
 */
GtkWidget *
atelier_workshop_editor_new (GtkWindow    *parent,
                             AtelierStore *store,
                             gint64        workshop_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_WORKSHOP_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "workshop-id", workshop_id,
                       NULL);
}

AtelierStore *
atelier_workshop_editor_get_store (AtelierWorkshopEditor *self)
{
  g_return_val_if_fail (ATELIER_IS_WORKSHOP_EDITOR (self), NULL);

  return self->store;
}

/**
 * atelier_workshop_editor_get_workshop_id:
 *
 * Returns: the workshop edited; for a new one, 0 until it is saved
 */
gint64
atelier_workshop_editor_get_workshop_id (AtelierWorkshopEditor *self)
{
  g_return_val_if_fail (ATELIER_IS_WORKSHOP_EDITOR (self), 0);

  return self->workshop_id;
}

/**
 * atelier_workshop_editor_get_message:
 *
 * Returns: (nullable): what the form says to the user at the moment: the
 *   core's refusal of the last change, else why it cannot be saved yet,
 *   or %NULL
 */
const char *
atelier_workshop_editor_get_message (AtelierWorkshopEditor *self)
{
  g_return_val_if_fail (ATELIER_IS_WORKSHOP_EDITOR (self), NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return gtk_label_get_label (self->error_label);
  if (gtk_widget_get_visible (GTK_WIDGET (self->title_hint)))
    return gtk_label_get_label (self->title_hint);
  return NULL;
}
