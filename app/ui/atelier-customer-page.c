/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-page.c: one customer: profile, history, editor,
 * personal data
 *
 * The page has two faces in one GtkStack: the profile
 * (AtelierCustomerProfile: what the history derives, the contact,
 * interests, needs, note, consent and the classes) and the editor
 * (AtelierCustomerEditor). With customer id 0 it opens on the editor for
 * a new customer and becomes that customer's page once saved. The page
 * keeps the header, the actions (edit, save, sign up through the shared
 * AtelierSessionChooser, the whole history in an
 * AtelierCustomerHistoryWindow, export, erase) and follows the store's
 * "changed" signal to show the customer afresh.
 *
 * Everything goes through the core (atelier-store.h, atelier-booking.h,
 * atelier-privacy.h); the sub-views read what they show themselves.
 */
#define G_LOG_DOMAIN "atelier-customer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-booking.h"
#include "atelier-customer-editor.h"
#include "atelier-customer-history-window.h"
#include "atelier-customer-page.h"
#include "atelier-customer-profile.h"
#include "atelier-format.h"
#include "atelier-privacy.h"
#include "atelier-session-chooser.h"
#include "atelier-widget-util.h"

struct _AtelierCustomerPage
{
  GtkWidget              parent_instance;

  AtelierStore          *store;
  gint64                 customer_id;

  AtelierCustomer       *customer;
  gboolean               editing;
  guint                  reload_source;
  guint                  focus_source;
  GtkFileChooserNative  *chooser;

  /* Template children */
  GtkWidget             *box;
  AdwWindowTitle        *window_title;
  GtkWidget             *back_button;
  GtkWidget             *cancel_button;
  GtkWidget             *edit_button;
  GtkWidget             *save_button;
  GtkWidget             *menu_button;
  GtkStack              *stack;
  AtelierCustomerProfile *profile;
  AtelierCustomerEditor *editor;
};

G_DEFINE_FINAL_TYPE (AtelierCustomerPage, atelier_customer_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void atelier_customer_page_reload (AtelierCustomerPage *self);

/* What happened shows in the page's own overlay, under its header. */
static void
show_toast (AtelierCustomerPage *self,
            const char          *title)
{
  atelier_toast_show_text (GTK_WIDGET (self->stack), title);
}

static void
set_editing (AtelierCustomerPage *self,
             gboolean             editing)
{
  self->editing = editing;

  gtk_widget_set_visible (self->back_button, !editing);
  gtk_widget_set_visible (self->cancel_button, editing);
  gtk_widget_set_visible (self->save_button, editing);
  gtk_widget_set_visible (self->edit_button, !editing && self->customer != NULL);
  gtk_widget_set_visible (self->menu_button, !editing && self->customer != NULL);

  if (editing)
    {
      atelier_customer_editor_load (self->editor, self->customer);
      gtk_stack_set_visible_child_name (self->stack, "edit");
      adw_window_title_set_subtitle (self->window_title, self->customer != NULL ? _("Editing") : NULL);
      if (self->customer == NULL)
        adw_window_title_set_title (self->window_title, _("New Customer"));
      gtk_widget_grab_focus (GTK_WIDGET (self->editor));
    }
  else
    atelier_customer_page_reload (self);
}

static void
on_editor_saved_cb (AtelierCustomerEditor *editor,
                    AtelierCustomer       *customer,
                    AtelierCustomerPage   *self)
{
  gboolean is_new = self->customer == NULL;
  g_autofree char *name = atelier_customer_dup_full_name (customer);
  g_autofree char *message = NULL;

  if (is_new)
    {
      self->customer_id = atelier_customer_get_id (customer);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
      g_set_object (&self->customer, customer);
    }

  /* TRANSLATORS: after saving a customer, e.g. "Zoé Martin is saved." */
  message = g_strdup_printf (is_new ? _("%s is added to the customers.") : _("%s is saved."), name);
  set_editing (self, FALSE);
  show_toast (self, message);
}

/* Reload */

static void
show_title (AtelierCustomerPage *self,
            const char          *title)
{
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, NULL);
}

static void
atelier_customer_page_reload (AtelierCustomerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierCustomer) customer = NULL;
  g_autofree char *name = NULL;
  gboolean erased;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->store == NULL || self->editing)
    return;

  if (self->customer_id == 0)
    {
      set_editing (self, TRUE);
      return;
    }

  customer = atelier_store_get_customer (self->store, self->customer_id, &error);
  g_set_object (&self->customer, customer);
  erased = customer != NULL && atelier_customer_get_erased_at (customer) != 0;
  gtk_widget_set_visible (self->edit_button, customer != NULL && !erased);
  gtk_widget_set_visible (self->menu_button, customer != NULL && !erased);

  if (customer == NULL)
    {
      if (!g_error_matches (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read the customer: %s", error->message);
      show_title (self, _("Customer Not Found"));
      gtk_stack_set_visible_child_name (self->stack, "missing");
      return;
    }

  if (erased)
    {
      show_title (self, _("Erased Customer"));
      gtk_stack_set_visible_child_name (self->stack, "erased");
      return;
    }

  name = atelier_customer_dup_full_name (customer);
  show_title (self, name);
  atelier_customer_profile_set_customer (self->profile, customer);
  gtk_stack_set_visible_child_name (self->stack, "profile");
}

static gboolean
reload_cb (gpointer user_data)
{
  AtelierCustomerPage *self = user_data;

  self->reload_source = 0;
  atelier_customer_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (AtelierStore        *store,
                     const char          *table,
                     AtelierCustomerPage *self)
{
  if (self->reload_source == 0 && !self->editing)
    {
      self->reload_source = g_idle_add (reload_cb, self);
      g_source_set_name_by_id (self->reload_source, "[atelier] reload customer");
    }
}

/* Actions */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  atelier_customer_page_edit (ATELIER_CUSTOMER_PAGE (widget));
}

static void
cancel_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (widget);

  if (self->customer == NULL)
    {
      gtk_widget_activate_action (widget, "win.back", NULL);
      return;
    }
  set_editing (self, FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  atelier_customer_page_save (ATELIER_CUSTOMER_PAGE (widget));
}

/* A class of the whole history opens its session, in the main window, as
 * the profile's rows do. */
static void
on_history_session_activated_cb (AtelierCustomerHistoryWindow *window,
                                 gint64                        session_id,
                                 AtelierCustomerPage          *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-session", "x", session_id);
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  if (self->customer == NULL)
    return;

  window = atelier_customer_history_window_new (self->store, self->customer);
  if (!atelier_customer_history_window_reload (ATELIER_CUSTOMER_HISTORY_WINDOW (window), &error))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      show_toast (self, error->message);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (window), atelier_widget_get_window (widget));
  g_signal_connect_object (window, "session-activated", G_CALLBACK (on_history_session_activated_cb), self, 0);
  gtk_window_present (GTK_WINDOW (window));
}

/* Sign-up: the shared chooser of the sessions that take sign-ups, those
 * the customer has already greyed out. */

static void
on_sign_up_selected_cb (AtelierSessionChooser *chooser,
                        GParamSpec            *pspec,
                        AdwMessageDialog      *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "sign-up",
                                           atelier_session_chooser_get_selected_session (chooser) != NULL);
}

/* Enter or a double click on a session signs up to it. */
static void
on_sign_up_activated_cb (AtelierSessionChooser *chooser,
                         AtelierSession        *session,
                         AdwMessageDialog      *dialog)
{
  adw_message_dialog_response (dialog, "sign-up");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_sign_up_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        AtelierCustomerPage *self)
{
  GtkWidget *chooser = adw_message_dialog_get_extra_child (dialog);
  AtelierSession *session;

  if (g_strcmp0 (response, "sign-up") != 0)
    return;

  session = atelier_session_chooser_get_selected_session (ATELIER_SESSION_CHOOSER (chooser));
  if (session != NULL)
    atelier_customer_page_sign_up (self, atelier_session_get_id (session));
}

static void
sign_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (widget);
  g_autoptr(GtkWidget) chooser = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->customer == NULL)
    return;

  chooser = g_object_ref_sink (g_object_new (ATELIER_TYPE_SESSION_CHOOSER,
                                             "store", self->store,
                                             "customer-id", self->customer_id,
                                             NULL));
  if (atelier_session_chooser_get_n_sessions (ATELIER_SESSION_CHOOSER (chooser)) == 0)
    {
      show_toast (self, _("There is no upcoming session to sign up to."));
      return;
    }

  name = atelier_customer_dup_full_name (self->customer);
  /* TRANSLATORS: heading of the session chooser, e.g. "Sign Up Zoé Martin" */
  heading = g_strdup_printf (_("Sign Up %s"), name);
  dialog = adw_message_dialog_new (atelier_widget_get_window (widget), heading,
                                   _("Choose an upcoming session."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), chooser);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sign-up", _("_Sign Up"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-up",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-up", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "sign-up");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (chooser, "notify::selected-session",
                           G_CALLBACK (on_sign_up_selected_cb), dialog, 0);
  g_signal_connect_object (chooser, "session-activated",
                           G_CALLBACK (on_sign_up_activated_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_sign_up_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export */

static void
on_export_chosen_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     AtelierCustomerPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        atelier_customer_page_export_to_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (widget);
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;

  if (self->customer == NULL || self->chooser != NULL)
    return;

  name = atelier_customer_dup_full_name (self->customer);
  g_strdelimit (name, "/\\", '-');
  file_name = g_strconcat (name, ".json", NULL);
  self->chooser = gtk_file_chooser_native_new (_("Export Personal Data"), atelier_widget_get_window (widget),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Erase */

static void
on_erase_response_cb (AdwMessageDialog    *dialog,
                      const char          *response,
                      AtelierCustomerPage *self)
{
  if (g_strcmp0 (response, "erase") == 0)
    atelier_customer_page_erase (self);
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (widget);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->customer == NULL)
    return;

  name = atelier_customer_dup_full_name (self->customer);
  /* TRANSLATORS: e.g. "Erase Zoé Martin’s personal data?" */
  heading = g_strdup_printf (_("Erase %s’s personal data?"), name);
  dialog = adw_message_dialog_new (atelier_widget_get_window (widget), heading,
                                   _("Their name, contact details, note, needs and interests are "
                                     "erased for good. Their registrations stay as anonymous "
                                     "counts in the sessions’ figures. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static gboolean
focus_editor_cb (gpointer user_data)
{
  AtelierCustomerPage *self = user_data;

  self->focus_source = 0;
  if (self->editing)
    gtk_widget_grab_focus (GTK_WIDGET (self->editor));
  return G_SOURCE_REMOVE;
}

/* A new customer's page opens with the keyboard in the first field,
 * whatever the window focused on pushing it. */
static void
atelier_customer_page_map (GtkWidget *widget)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (widget);

  GTK_WIDGET_CLASS (atelier_customer_page_parent_class)->map (widget);

  if (self->editing && self->focus_source == 0)
    self->focus_source = g_idle_add (focus_editor_cb, self);
}

static void
atelier_customer_page_constructed (GObject *object)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (object);

  G_OBJECT_CLASS (atelier_customer_page_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      g_critical ("AtelierCustomerPage needs a store");
      return;
    }

  atelier_customer_profile_set_store (self->profile, self->store);
  atelier_customer_editor_set_store (self->editor, self->store);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  atelier_customer_page_reload (self);
}

static void
atelier_customer_page_dispose (GObject *object)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->focus_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_CUSTOMER_PAGE);

  g_clear_object (&self->customer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_customer_page_parent_class)->dispose (object);
}

static void
atelier_customer_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_customer_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CUSTOMER_ID:
      self->customer_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_customer_page_class_init (AtelierCustomerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_customer_page_constructed;
  object_class->dispose = atelier_customer_page_dispose;
  object_class->get_property = atelier_customer_page_get_property;
  object_class->set_property = atelier_customer_page_set_property;

  widget_class->map = atelier_customer_page_map;

  /**
   * AtelierCustomerPage:store:
   *
   * The store the customer lives in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierCustomerPage:customer-id:
   *
   * The id of the customer shown; 0 for a new customer, until saved.
   */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                         | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-customer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, profile);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_editor_saved_cb);

  gtk_widget_class_install_action (widget_class, "customer.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "customer.cancel-edit", NULL, cancel_edit_action);
  gtk_widget_class_install_action (widget_class, "customer.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "customer.sign-up", NULL, sign_up_action);
  gtk_widget_class_install_action (widget_class, "customer.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "customer.erase", NULL, erase_action);
  gtk_widget_class_install_action (widget_class, "customer.show-history", NULL, show_history_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "customer.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "customerpage");

  g_type_ensure (ATELIER_TYPE_CUSTOMER_PROFILE);
  g_type_ensure (ATELIER_TYPE_CUSTOMER_EDITOR);
}

static void
atelier_customer_page_init (AtelierCustomerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atelier_customer_page_new:
 * @store: the store the customer lives in
 * @customer_id: the customer to show, or 0 for a new customer
 *
 * Returns: (transfer floating): a page showing one customer
 */
GtkWidget *
atelier_customer_page_new (AtelierStore *store,
                           gint64        customer_id)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_CUSTOMER_PAGE,
                       "store", store,
                       "customer-id", customer_id,
                       NULL);
}

AtelierStore *
atelier_customer_page_get_store (AtelierCustomerPage *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PAGE (self), NULL);

  return self->store;
}

gint64
atelier_customer_page_get_customer_id (AtelierCustomerPage *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PAGE (self), 0);

  return self->customer_id;
}

gboolean
atelier_customer_page_get_editing (AtelierCustomerPage *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PAGE (self), FALSE);

  return self->editing;
}

/**
 * atelier_customer_page_edit:
 *
 * Switches the page to its editor (what the Edit button does).
 */
void
atelier_customer_page_edit (AtelierCustomerPage *self)
{
  g_return_if_fail (ATELIER_IS_CUSTOMER_PAGE (self));

  if (self->customer == NULL && self->customer_id != 0)
    return;
  if (self->customer != NULL && atelier_customer_get_erased_at (self->customer) != 0)
    return;
  if (!self->editing)
    set_editing (self, TRUE);
}

/**
 * atelier_customer_page_save:
 *
 * What the Save button does: checks for customers with the same e-mail
 * or phone (unless told to go on anyway), then writes the customer and
 * their interests through the core. Errors show in the editor.
 *
 * Returns: whether the customer was written
 */
gboolean
atelier_customer_page_save (AtelierCustomerPage *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PAGE (self), FALSE);

  if (!self->editing)
    return FALSE;
  /* On success the editor's "saved" turns the page back to the profile. */
  return atelier_customer_editor_save (self->editor);
}

/**
 * atelier_customer_page_sign_up:
 * @session_id: an upcoming session
 *
 * Signs the customer up to a session, for one person; the result
 * (confirmed, or their place in the waiting list) shows in a toast.
 *
 * Returns: whether they are signed up
 */
gboolean
atelier_customer_page_sign_up (AtelierCustomerPage *self,
                               gint64               session_id)
{
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PAGE (self), FALSE);

  if (self->customer == NULL)
    return FALSE;

  registration = atelier_booking_sign_up (self->store, session_id, self->customer, 1, NULL, &error);
  if (registration == NULL)
    {
      show_toast (self, error->message);
      return FALSE;
    }

  session = atelier_store_get_session (self->store, session_id, NULL);
  name = atelier_customer_dup_full_name (self->customer);
  when = session != NULL ? atelier_format_session_start (session) : g_strdup ("");
  if (g_strcmp0 (atelier_registration_get_status (registration), ATELIER_REGISTRATION_WAITLISTED) == 0)
    /* TRANSLATORS: e.g. "Zoé Martin is number 2 on the waiting list of Risotto (Tue 14 Mar 2025, 18:30)." */
    message = g_strdup_printf (_("%s is number %d on the waiting list of %s (%s)."), name,
                               atelier_registration_get_waitlist_position (registration),
                               session != NULL ? atelier_session_get_workshop_title (session) : "",
                               when);
  else
    /* TRANSLATORS: e.g. "Zoé Martin is signed up to Risotto (Tue 14 Mar 2025, 18:30)." */
    message = g_strdup_printf (_("%s is signed up to %s (%s)."), name,
                               session != NULL ? atelier_session_get_workshop_title (session) : "",
                               when);
  show_toast (self, message);
  return TRUE;
}

/**
 * atelier_customer_page_export_to_file:
 * @file: a local file to write
 *
 * Writes everything the store holds about the customer as JSON
 * (atelier_privacy_export_customer_to_file); the result shows in a toast.
 *
 * Returns: whether the file is written
 */
gboolean
atelier_customer_page_export_to_file (AtelierCustomerPage *self,
                                      GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_toast (self, _("The personal data can only be exported to a local file."));
      return FALSE;
    }

  if (!atelier_privacy_export_customer_to_file (self->store, self->customer_id, path, &error))
    {
      show_toast (self, error->message);
      return FALSE;
    }

  basename = g_file_get_basename (file);
  /* TRANSLATORS: after exporting a customer's personal data, e.g.
   * "Personal data exported to “Zoé Martin.json”." */
  message = g_strdup_printf (_("Personal data exported to “%s”."), basename);
  show_toast (self, message);
  return TRUE;
}

/**
 * atelier_customer_page_erase:
 *
 * Erases the customer's personal data (after the confirmation), then
 * compacts the file so that nothing erased survives in it.
 */
void
atelier_customer_page_erase (AtelierCustomerPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ATELIER_IS_CUSTOMER_PAGE (self));

  if (!atelier_privacy_erase_customer (self->store, self->customer_id, &error))
    {
      show_toast (self, error->message);
      return;
    }

  atelier_customer_page_reload (self);
  if (!atelier_privacy_scrub (self->store, &error))
    show_toast (self, error->message);
  else
    show_toast (self, _("The personal data is erased."));
}
