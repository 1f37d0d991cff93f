/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-walk-in-dialog.c: someone who comes in without signing up
 *
 * Asks for a name (or shows the customer found at the door), an optional
 * e-mail address and the party's size, then signs them up and checks them
 * in at once with atelier_booking_walk_in(). A new customer is created in
 * the same transaction, so a refusal (a full session) writes nothing; the
 * core's message is shown above the form and the dialog stays open. While
 * another process (an import) holds the store's write lock, the dialog
 * says it waits and checks in once the lock frees (atelier-store-wait.c).
 *
 * So that a walk-in the store knows does not become a second customer,
 * what is typed (name, e-mail, phone) is looked up with the store's
 * customer search as it is typed, and the matches are offered under the
 * form: choosing one makes that customer the walk-in.
 */
#define G_LOG_DOMAIN "atelier-walk-in-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-booking.h"
#include "atelier-contact.h"
#include "atelier-format.h"
#include "atelier-reschedule.h"
#include "atelier-search.h"
#include "atelier-store-wait.h"
#include "atelier-walk-in-dialog.h"
#include "atelier-widget-util.h"

/* How many matching customers are offered */
#define MATCH_LIMIT 5

struct _AtelierWalkInDialog
{
  AdwWindow            parent_instance;

  AtelierStore        *store;
  gint64               session_id;
  AtelierCustomer     *customer;
  AtelierStoreWait    *wait;
  AtelierRegistration *registration;  /* the walk-in just written */

  /* Template children */
  GtkLabel            *error_label;
  GtkWidget           *waiting_box;
  GtkSpinner          *waiting_spinner;
  AdwEntryRow         *given_name_row;
  AdwEntryRow         *family_name_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  GtkSpinButton       *party_size_button;
  GtkWidget           *matches_box;
  GtkListBox          *matches_list;
  /* The customers offered, in the list's order */
  GListModel          *matches;
  /* Staff said yes to a walk-in outside the session's day */
  gboolean             other_day_confirmed;
};

G_DEFINE_FINAL_TYPE (AtelierWalkInDialog, atelier_walk_in_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SESSION_ID,
  PROP_CUSTOMER,
  N_PROPS
};

enum
{
  CHECKED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
has_name (AtelierWalkInDialog *self)
{
  g_autofree char *given = atelier_editable_dup_stripped (GTK_EDITABLE (self->given_name_row));
  g_autofree char *family = atelier_editable_dup_stripped (GTK_EDITABLE (self->family_name_row));

  return self->customer != NULL || *given != '\0' || *family != '\0';
}

static void
update_actions (AtelierWalkInDialog *self)
{
  gboolean waiting = self->wait != NULL && atelier_store_wait_get_waiting (self->wait);

  /* Once is enough: a walk-in that waits for the store is on its way. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "walk-in.check-in", has_name (self) && !waiting);
}

static void
show_error (AtelierWalkInDialog *self,
            const char          *message)
{
  atelier_form_show_error (self->error_label, NULL, message);
}

static void
add_text (GString     *text,
          GtkEditable *editable)
{
  g_autofree char *part = atelier_editable_dup_stripped (editable);

  if (*part == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, part);
}

static GtkWidget *
new_match_row (AtelierCustomer *customer)
{
  g_autofree char *name = atelier_customer_dup_full_name (customer);
  const char *email = atelier_customer_get_email (customer);
  const char *phone = atelier_customer_get_phone (customer);
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

  if (!atelier_str_is_empty (email) && !atelier_str_is_empty (phone))
    /* TRANSLATORS: a customer's e-mail and phone, one after the other */
    subtitle = g_strdup_printf (_("%s · %s"), email, phone);
  else
    subtitle = g_strdup (!atelier_str_is_empty (email) ? email : phone);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  return row;
}

/* GTK 4.8 has no gtk_list_box_remove_all() */
static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Looks up what is typed in the customer book, as it is typed. */
static void
refresh_matches (AtelierWalkInDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  remove_all_rows (self->matches_list);
  g_clear_object (&self->matches);

  if (self->customer == NULL)
    {
      add_text (text, GTK_EDITABLE (self->given_name_row));
      add_text (text, GTK_EDITABLE (self->family_name_row));
      add_text (text, GTK_EDITABLE (self->email_row));
      add_text (text, GTK_EDITABLE (self->phone_row));
    }
  if (text->len > 0)
    {
      self->matches = atelier_search_customers (self->store, text->str, 0, MATCH_LIMIT, &error);
      if (self->matches == NULL)
        g_warning ("Could not search the customers: %s", error->message);
    }

  if (self->matches != NULL)
    n = g_list_model_get_n_items (self->matches);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierCustomer) customer = g_list_model_get_item (self->matches, i);

      gtk_list_box_append (self->matches_list, new_match_row (customer));
    }
  gtk_widget_set_visible (self->matches_box, n > 0);
}

static void
on_name_changed_cb (AtelierWalkInDialog *self)
{
  atelier_widget_set_error (GTK_WIDGET (self->email_row), FALSE);
  show_error (self, NULL);
  update_actions (self);
  refresh_matches (self);
}

/* A known customer: their details are shown, only the party is asked. */
static void
show_known_customer (AtelierWalkInDialog *self)
{
  const char *email = atelier_customer_get_email (self->customer);
  const char *phone = atelier_customer_get_phone (self->customer);
  const char *given = atelier_customer_get_given_name (self->customer);
  const char *family = atelier_customer_get_family_name (self->customer);
  GtkWidget *rows[] = {
    GTK_WIDGET (self->given_name_row), GTK_WIDGET (self->family_name_row),
    GTK_WIDGET (self->email_row), GTK_WIDGET (self->phone_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_handlers_block_by_func (rows[i], on_name_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->given_name_row), given ? given : "");
  gtk_editable_set_text (GTK_EDITABLE (self->family_name_row), family ? family : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), email ? email : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), phone ? phone : "");
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_signal_handlers_unblock_by_func (rows[i], on_name_changed_cb, self);
      gtk_widget_set_sensitive (rows[i], FALSE);
    }

  refresh_matches (self);
  update_actions (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->party_size_button));
}

static void
on_match_activated_cb (AtelierWalkInDialog *self,
                       GtkListBoxRow       *row)
{
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(AtelierCustomer) customer = NULL;

  if (self->matches == NULL || index < 0)
    return;

  customer = g_list_model_get_item (self->matches, index);
  atelier_walk_in_dialog_choose_customer (self, customer);
}

static gboolean
check_in_after_question_cb (gpointer user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (user_data), "walk-in.check-in", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_other_day_answered_cb (AdwMessageDialog    *dialog,
                          const char          *response,
                          AtelierWalkInDialog *self)
{
  if (g_strcmp0 (response, "check-in") != 0)
    return;

  /* Once the question has closed: the walk-in closes this dialog too. */
  self->other_day_confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, check_in_after_question_cb,
                   g_object_ref (self), g_object_unref);
}

/* As the check-in window does, a walk-in outside the session's day is
 * asked about first. Returns whether to go on now. */
static gboolean
confirm_session_day (AtelierWalkInDialog *self)
{
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *day = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (self->other_day_confirmed)
    return TRUE;
  session = atelier_store_get_session (self->store, self->session_id, NULL);
  if (session == NULL || atelier_reschedule_is_session_day (session, now))
    return TRUE;

  start = atelier_session_dup_start (session);
  /* TRANSLATORS: a day, in g_date_time_format() notation, e.g.
   * "Saturday 12 December" */
  day = atelier_date_format (start, _("%A %-d %B"));
  /* TRANSLATORS: asked before a walk-in outside the session's day */
  body = g_strdup_printf (_("This session is on %s, not today. Check this walk-in in all the same?"),
                          day);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Check In on Another Day?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "check-in", _("Check _In"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "check-in", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "check-in");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_other_day_answered_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* One try at the walk-in, with what the form holds now. */
static gboolean
walk_in (gpointer   user_data,
         GError   **error)
{
  AtelierWalkInDialog *self = user_data;
  g_autoptr(AtelierCustomer) customer = NULL;
  int party_size;

  gtk_spin_button_update (self->party_size_button);
  party_size = gtk_spin_button_get_value_as_int (self->party_size_button);

  if (self->customer != NULL)
    customer = g_object_ref (self->customer);
  else
    {
      /* A fresh object each time: a refused walk-in rolls the customer
       * back, and must not leave an id behind in the object. */
      g_autofree char *given = atelier_editable_dup_stripped (GTK_EDITABLE (self->given_name_row));
      g_autofree char *family = atelier_editable_dup_stripped (GTK_EDITABLE (self->family_name_row));
      g_autofree char *email = atelier_editable_dup_stripped (GTK_EDITABLE (self->email_row));
      g_autofree char *phone = atelier_editable_dup_stripped (GTK_EDITABLE (self->phone_row));

      customer = atelier_customer_new (given, family);
      if (*email != '\0')
        g_object_set (customer, "email", email, NULL);
      if (*phone != '\0')
        g_object_set (customer, "phone", phone, NULL);
    }

  g_clear_object (&self->registration);
  self->registration = atelier_booking_walk_in (self->store, self->session_id, customer, party_size,
                                                error);
  return self->registration != NULL;
}

static void
on_walk_in_finished_cb (AtelierWalkInDialog *self,
                        const GError        *error)
{
  if (error != NULL)
    {
      /* The core decides what an address is (atelier_contact_check()). */
      atelier_widget_set_error (GTK_WIDGET (self->email_row),
                                g_error_matches (error, ATELIER_CONTACT_ERROR,
                                                 ATELIER_CONTACT_ERROR_EMAIL));
      show_error (self, error->message);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  show_error (self, NULL);
  g_signal_emit (self, signals[CHECKED_IN], 0, self->registration);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_waiting_changed_cb (AtelierWalkInDialog *self)
{
  gboolean waiting = atelier_store_wait_get_waiting (self->wait);

  if (waiting)
    show_error (self, NULL);
  gtk_widget_set_visible (self->waiting_box, waiting);
  gtk_spinner_set_spinning (self->waiting_spinner, waiting);
  update_actions (self);
}

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtelierWalkInDialog *self = ATELIER_WALK_IN_DIALOG (widget);

  if (!has_name (self) || atelier_store_wait_get_waiting (self->wait) || !confirm_session_day (self))
    return;

  atelier_store_wait_run (self->wait, walk_in, self);
}

static void
atelier_walk_in_dialog_constructed (GObject *object)
{
  AtelierWalkInDialog *self = ATELIER_WALK_IN_DIALOG (object);

  G_OBJECT_CLASS (atelier_walk_in_dialog_parent_class)->constructed (object);

  self->wait = atelier_store_wait_new (self->store);
  g_signal_connect_object (self->wait, "finished", G_CALLBACK (on_walk_in_finished_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->wait, "notify::waiting", G_CALLBACK (on_waiting_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (self->customer != NULL)
    show_known_customer (self);
  else
    {
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->given_name_row));
      update_actions (self);
    }
}

static void
atelier_walk_in_dialog_dispose (GObject *object)
{
  AtelierWalkInDialog *self = ATELIER_WALK_IN_DIALOG (object);

  if (self->wait != NULL)
    atelier_store_wait_cancel (self->wait);
  g_clear_object (&self->wait);
  g_clear_object (&self->registration);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_WALK_IN_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->customer);
  g_clear_object (&self->matches);

  G_OBJECT_CLASS (atelier_walk_in_dialog_parent_class)->dispose (object);
}

static void
atelier_walk_in_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AtelierWalkInDialog *self = ATELIER_WALK_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;

    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_walk_in_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AtelierWalkInDialog *self = ATELIER_WALK_IN_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SESSION_ID:
      self->session_id = g_value_get_int64 (value);
      break;

    case PROP_CUSTOMER:
      self->customer = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_walk_in_dialog_class_init (AtelierWalkInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_walk_in_dialog_constructed;
  object_class->dispose = atelier_walk_in_dialog_dispose;
  object_class->get_property = atelier_walk_in_dialog_get_property;
  object_class->set_property = atelier_walk_in_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* A customer the store knows, or %NULL for a new one typed in. */
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         ATELIER_TYPE_CUSTOMER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtelierWalkInDialog::checked-in:
   * @registration: the new registration, confirmed and checked in
   *
   * Emitted once the walk-in is saved, just before the dialog closes.
   */
  signals[CHECKED_IN] =
    g_signal_new ("checked-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATELIER_TYPE_REGISTRATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-walk-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierWalkInDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierWalkInDialog, waiting_box);
  gtk_widget_class_bind_template_child (widget_class, AtelierWalkInDialog, waiting_spinner);
  gtk_widget_class_bind_template_child (widget_class, AtelierWalkInDialog, given_name_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierWalkInDialog, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierWalkInDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierWalkInDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierWalkInDialog, party_size_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierWalkInDialog, matches_box);
  gtk_widget_class_bind_template_child (widget_class, AtelierWalkInDialog, matches_list);

  gtk_widget_class_install_action (widget_class, "walk-in.check-in", NULL, check_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atelier_walk_in_dialog_init (AtelierWalkInDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (self->given_name_row, "changed",
                            G_CALLBACK (on_name_changed_cb), self);
  g_signal_connect_swapped (self->family_name_row, "changed",
                            G_CALLBACK (on_name_changed_cb), self);
  g_signal_connect_swapped (self->email_row, "changed",
                            G_CALLBACK (on_name_changed_cb), self);
  g_signal_connect_swapped (self->phone_row, "changed",
                            G_CALLBACK (on_name_changed_cb), self);
  g_signal_connect_swapped (self->matches_list, "row-activated",
                            G_CALLBACK (on_match_activated_cb), self);
}

/**
 * atelier_walk_in_dialog_new:
 * @parent: (nullable): the window it is modal for
 * @customer: (nullable): a customer the store knows, or %NULL to type in a
 *   new one
 */
GtkWidget *
atelier_walk_in_dialog_new (GtkWindow       *parent,
                            AtelierStore    *store,
                            gint64           session_id,
                            AtelierCustomer *customer)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);
  g_return_val_if_fail (customer == NULL || ATELIER_IS_CUSTOMER (customer), NULL);

  return g_object_new (ATELIER_TYPE_WALK_IN_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "session-id", session_id,
                       "customer", customer,
                       NULL);
}

AtelierStore *
atelier_walk_in_dialog_get_store (AtelierWalkInDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_WALK_IN_DIALOG (self), NULL);

  return self->store;
}

gint64
atelier_walk_in_dialog_get_session_id (AtelierWalkInDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_WALK_IN_DIALOG (self), 0);

  return self->session_id;
}

/**
 * atelier_walk_in_dialog_get_customer:
 *
 * Returns: (transfer none) (nullable): the known customer, if any
 */
AtelierCustomer *
atelier_walk_in_dialog_get_customer (AtelierWalkInDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_WALK_IN_DIALOG (self), NULL);

  return self->customer;
}

/**
 * atelier_walk_in_dialog_set_name:
 *
 * Fills in the name of a new customer, e.g. from what was typed at the
 * door; does nothing for a known customer.
 */
void
atelier_walk_in_dialog_set_name (AtelierWalkInDialog *self,
                                 const char          *given_name,
                                 const char          *family_name)
{
  g_return_if_fail (ATELIER_IS_WALK_IN_DIALOG (self));

  if (self->customer != NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->given_name_row), given_name ? given_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->family_name_row), family_name ? family_name : "");
}

/**
 * atelier_walk_in_dialog_get_error:
 *
 * Returns: (nullable): the message shown after a refused walk-in, or %NULL
 */
const char *
atelier_walk_in_dialog_get_error (AtelierWalkInDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_WALK_IN_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

/**
 * atelier_walk_in_dialog_get_matches:
 *
 * Returns: (transfer none) (nullable): the customers of the store that
 *   match what is typed, as offered under the form, or %NULL
 */
GListModel *
atelier_walk_in_dialog_get_matches (AtelierWalkInDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_WALK_IN_DIALOG (self), NULL);

  return self->matches;
}

/**
 * atelier_walk_in_dialog_choose_customer:
 * @customer: a customer of the store
 *
 * Makes @customer the walk-in, as choosing one of the matches does.
 */
void
atelier_walk_in_dialog_choose_customer (AtelierWalkInDialog *self,
                                        AtelierCustomer     *customer)
{
  g_return_if_fail (ATELIER_IS_WALK_IN_DIALOG (self));
  g_return_if_fail (ATELIER_IS_CUSTOMER (customer));

  g_set_object (&self->customer, customer);
  show_error (self, NULL);
  show_known_customer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
}
