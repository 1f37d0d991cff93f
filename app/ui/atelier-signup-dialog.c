/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-signup-dialog.c: signs a customer, known or new, up to a session
 *
 * Either a customer found as one types (the FTS5 search, the session's own
 * customers first) or a new one written inline; then the party size and a
 * note. The core signs up in one transaction (a new customer is created in
 * it too), and the dialog then says plainly what happened: confirmed, or
 * on the waiting list at which place. An error leaves the form as it was,
 * with the message under it. While another process (an import) holds the
 * store's write lock, the dialog says it waits, and signs up once the
 * lock frees (see atelier-store-wait.c).
 */
#define G_LOG_DOMAIN "atelier-signup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-booking.h"
#include "atelier-contact.h"
#include "atelier-customer-book.h"
#include "atelier-format.h"
#include "atelier-widget-util.h"
#include "atelier-search.h"
#include "atelier-signup-dialog.h"
#include "atelier-store-wait.h"

#define MAX_RESULTS 50

struct _AtelierSignupDialog
{
  AdwWindow            parent_instance;

  AtelierStore        *store;
  gint64               session_id;
  AtelierRegistration *registration;
  GListStore          *results;
  GtkSingleSelection  *selection;
  /* customer id → status of their registration to this session */
  GHashTable          *registered;
  AtelierStoreWait    *wait;

  /* Template children */
  AdwWindowTitle      *window_title;
  GtkWidget           *cancel_button;
  GtkWidget           *sign_up_button;
  GtkStack            *stack;
  GtkToggleButton     *find_toggle;
  GtkToggleButton     *new_toggle;
  GtkStack            *customer_stack;
  GtkSearchEntry      *search_entry;
  GtkWidget           *results_scroller;
  GtkListView         *results_view;
  GtkLabel            *results_hint;
  AdwEntryRow         *given_row;
  AdwEntryRow         *family_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  GtkLabel            *new_hint;
  GtkSpinButton       *party_spin;
  AdwEntryRow         *note_row;
  GtkLabel            *error_label;
  GtkWidget           *waiting_box;
  GtkSpinner          *waiting_spinner;
  AdwStatusPage       *result_page;
  GtkWidget           *done_button;
};

G_DEFINE_FINAL_TYPE (AtelierSignupDialog, atelier_signup_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SESSION_ID,
  PROP_REGISTRATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_new_mode (AtelierSignupDialog *self)
{
  return gtk_toggle_button_get_active (self->new_toggle);
}

/* "Zoé Martin already has this e-mail address…" when the new customer's
 * e-mail or phone is a known customer's, or NULL. */
static char *
dup_duplicate_hint (AtelierSignupDialog *self,
                    const char          *email)
{
  g_autofree char *phone = atelier_editable_dup_stripped (GTK_EDITABLE (self->phone_row));
  g_autoptr(GListModel) found = NULL;
  g_autoptr(AtelierCustomer) other = NULL;
  g_autofree char *name = NULL;
  const char *other_email;

  if (*email == '\0' && *phone == '\0')
    return NULL;
  found = atelier_customer_book_find_duplicates (self->store, *email != '\0' ? email : NULL,
                                                 *phone != '\0' ? phone : NULL, 0, NULL);
  if (found == NULL || g_list_model_get_n_items (found) == 0)
    return NULL;

  other = g_list_model_get_item (found, 0);
  name = atelier_customer_dup_full_name (other);
  other_email = atelier_customer_get_email (other);
  if (*email != '\0' && other_email != NULL && g_ascii_strcasecmp (email, other_email) == 0)
    /* TRANSLATORS: under the new-customer form of the sign-up dialog */
    return g_strdup_printf (_("%s already has this e-mail address: choose Find Customer to sign "
                              "them up, or go on to create a new customer anyway."), name);
  /* TRANSLATORS: under the new-customer form of the sign-up dialog */
  return g_strdup_printf (_("%s already has this phone number: choose Find Customer to sign "
                            "them up, or go on to create a new customer anyway."), name);
}

/* Validates the new customer's fields; sets the hint under them. */
static gboolean
new_customer_valid (AtelierSignupDialog *self)
{
  g_autofree char *given = atelier_editable_dup_stripped (GTK_EDITABLE (self->given_row));
  g_autofree char *family = atelier_editable_dup_stripped (GTK_EDITABLE (self->family_row));
  g_autofree char *email = atelier_editable_dup_stripped (GTK_EDITABLE (self->email_row));
  g_autofree char *phone = atelier_editable_dup_stripped (GTK_EDITABLE (self->phone_row));
  gboolean has_name = *given != '\0' || *family != '\0';
  g_autoptr(GError) error = NULL;
  gboolean contact_ok = atelier_contact_check (email, phone, NULL, &error);
  gboolean email_ok = !g_error_matches (error, ATELIER_CONTACT_ERROR, ATELIER_CONTACT_ERROR_EMAIL);

  atelier_widget_set_error (GTK_WIDGET (self->email_row), !email_ok);
  atelier_widget_set_error (GTK_WIDGET (self->phone_row), email_ok && !contact_ok);
  if (!contact_ok)
    {
      gtk_label_set_label (self->new_hint,
                           !email_ok ? _("This e-mail address does not look right: it needs an @ and a domain, like name@example.com.")
                                     : error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->new_hint), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->new_hint), "dim-label");
    }
  else
    {
      g_autofree char *duplicate = dup_duplicate_hint (self, email);

      gtk_label_set_label (self->new_hint,
                           duplicate != NULL ? duplicate
                           : has_name ? _("The new customer is saved with the sign-up.")
                                      : _("A name is required: a given name, a family name, or both."));
      gtk_widget_remove_css_class (GTK_WIDGET (self->new_hint), "error");
      if (duplicate != NULL)
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->new_hint), "warning");
          gtk_widget_remove_css_class (GTK_WIDGET (self->new_hint), "dim-label");
        }
      else
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->new_hint), "warning");
          gtk_widget_add_css_class (GTK_WIDGET (self->new_hint), "dim-label");
        }
    }

  return has_name && contact_ok;
}

static void
update_sign_up_sensitive (AtelierSignupDialog *self)
{
  gboolean ready;

  if (is_new_mode (self))
    ready = new_customer_valid (self);
  else
    ready = gtk_single_selection_get_selected_item (self->selection) != NULL;

  /* Once is enough: a sign-up that waits for the store is on its way. */
  gtk_widget_set_sensitive (self->sign_up_button,
                            ready && (self->wait == NULL || !atelier_store_wait_get_waiting (self->wait)));
}

static void
hide_error (AtelierSignupDialog *self)
{
  atelier_form_show_error (self->error_label, NULL, NULL);
}

/* Search */

static void
run_search (AtelierSignupDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint n;

  found = atelier_search_customers (self->store, text, self->session_id, MAX_RESULTS, &error);
  if (found == NULL)
    {
      gtk_label_set_label (self->results_hint, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->results_hint), TRUE);
      gtk_widget_set_visible (self->results_scroller, FALSE);
      return;
    }

  n = g_list_model_get_n_items (found);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (found, i));
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  gtk_widget_set_visible (self->results_scroller, n > 0);
  if (n > 0)
    gtk_widget_set_visible (GTK_WIDGET (self->results_hint), FALSE);
  else
    {
      if (*stripped == '\0')
        gtk_label_set_label (self->results_hint,
                             _("Type a name, an e-mail address or a phone number, then pick the customer with the arrow keys and Enter."));
      else
        {
          /* TRANSLATORS: shown when the customer search finds nobody */
          g_autofree char *none = g_strdup_printf (_("Nobody matches “%s”. Check the spelling, or add them as a new customer."),
                                                   stripped);

          gtk_label_set_label (self->results_hint, none);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->results_hint), TRUE);
    }

  update_sign_up_sensitive (self);
}

static void
on_search_changed_cb (AtelierSignupDialog *self)
{
  hide_error (self);
  run_search (self);
}

static void
choose_and_go_on (AtelierSignupDialog *self)
{
  if (gtk_single_selection_get_selected_item (self->selection) == NULL)
    return;
  update_sign_up_sensitive (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->party_spin));
}

/* Enter in the search entry: the highlighted customer, or the first one. */
static void
on_search_activate_cb (AtelierSignupDialog *self)
{
  if (gtk_single_selection_get_selected_item (self->selection) == NULL
      && g_list_model_get_n_items (G_LIST_MODEL (self->results)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  choose_and_go_on (self);
}

static void
on_result_activate_cb (AtelierSignupDialog *self,
                       guint                position)
{
  gtk_single_selection_set_selected (self->selection, position);
  choose_and_go_on (self);
}

/* Up and Down in the search entry move through the results. */
static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          AtelierSignupDialog   *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));
  guint selected = gtk_single_selection_get_selected (self->selection);
  guint next;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      next = selected == GTK_INVALID_LIST_POSITION ? 0 : MIN (selected + 1, n - 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      next = selected == GTK_INVALID_LIST_POSITION || selected == 0 ? 0 : selected - 1;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }

  gtk_single_selection_set_selected (self->selection, next);
  gtk_widget_activate_action (GTK_WIDGET (self->results_view), "list.scroll-to-item", "u", next);
  return GDK_EVENT_STOP;
}

static void
on_selection_changed_cb (AtelierSignupDialog *self)
{
  hide_error (self);
  update_sign_up_sensitive (self);
}

static void
on_result_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    AtelierSignupDialog      *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *contact = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "customer-result");
  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (contact), 0);
  gtk_label_set_ellipsize (GTK_LABEL (contact), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (contact, "dim-label");
  gtk_widget_add_css_class (contact, "caption");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "badge");
  gtk_widget_add_css_class (badge, "waiting");
  gtk_box_append (GTK_BOX (text_box), name);
  gtk_box_append (GTK_BOX (text_box), contact);
  gtk_box_append (GTK_BOX (box), text_box);
  gtk_box_append (GTK_BOX (box), badge);

  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "contact", contact);
  g_object_set_data (G_OBJECT (box), "badge", badge);
  gtk_list_item_set_child (list_item, box);
}

static void
on_result_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   AtelierSignupDialog      *self)
{
  AtelierCustomer *customer = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *badge = g_object_get_data (G_OBJECT (box), "badge");
  g_autofree char *name = atelier_customer_dup_full_name (customer);
  g_autoptr(GString) contact = g_string_new (NULL);
  const char *email = atelier_customer_get_email (customer);
  const char *phone = atelier_customer_get_phone (customer);
  const char *status = g_hash_table_lookup (self->registered, &(gint64) { atelier_customer_get_id (customer) });
  g_autofree char *accessible = NULL;

  if (email != NULL && *email != '\0')
    g_string_append (contact, email);
  if (phone != NULL && *phone != '\0')
    {
      if (contact->len > 0)
        g_string_append (contact, _(" · "));
      g_string_append (contact, phone);
    }

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "name"), name);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "contact"), contact->str);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "contact"), contact->len > 0);

  if (g_strcmp0 (status, ATELIER_REGISTRATION_CONFIRMED) == 0)
    gtk_label_set_label (GTK_LABEL (badge), _("Signed up"));
  else if (g_strcmp0 (status, ATELIER_REGISTRATION_WAITLISTED) == 0)
    gtk_label_set_label (GTK_LABEL (badge), _("Waiting list"));
  gtk_widget_set_visible (badge, status != NULL);

  accessible = g_strdup_printf ("%s%s%s%s%s", name,
                                contact->len > 0 ? ", " : "", contact->str,
                                status != NULL ? ", " : "",
                                status != NULL ? gtk_label_get_label (GTK_LABEL (badge)) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* Modes */

static void
on_mode_toggled_cb (AtelierSignupDialog *self)
{
  gboolean new_mode = is_new_mode (self);

  gtk_stack_set_visible_child_name (self->customer_stack, new_mode ? "new" : "find");
  hide_error (self);
  update_sign_up_sensitive (self);
  if (new_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->given_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_new_customer_changed_cb (AtelierSignupDialog *self)
{
  hide_error (self);
  update_sign_up_sensitive (self);
}

/* Signing up */

static void
show_result (AtelierSignupDialog *self)
{
  AtelierRegistration *registration = self->registration;
  const char *name = atelier_registration_get_customer_name (registration);
  int party = atelier_registration_get_party_size (registration);
  g_autofree char *description = NULL;
  AtelierSessionSummary summary = { 0 };

  if (g_strcmp0 (atelier_registration_get_status (registration), ATELIER_REGISTRATION_WAITLISTED) == 0)
    {
      int position = atelier_registration_get_waitlist_position (registration);
      gboolean full = TRUE;

      if (atelier_booking_summarize (self->store, self->session_id, &summary, NULL))
        full = summary.confirmed_seats >= summary.capacity;

      if (full)
        /* TRANSLATORS: e.g. "The session is full: Zoé Martin is on the waiting list, position 2." */
        description = g_strdup_printf (_("The session is full: %s is on the waiting list, position %d."),
                                       name, position);
      else
        {
          int left = summary.capacity - summary.confirmed_seats;

          /* TRANSLATORS: e.g. "Only 1 seat is left, not enough for a party of 3: Zoé Martin is on the waiting list, position 2." */
          description = g_strdup_printf (ngettext ("Only %d seat is left, not enough for a party of %d: %s is on the waiting list, position %d.",
                                                   "Only %d seats are left, not enough for a party of %d: %s is on the waiting list, position %d.",
                                                   left),
                                         left, party, name, position);
        }
      adw_status_page_set_icon_name (self->result_page, "alarm-symbolic");
      adw_status_page_set_title (self->result_page, _("On the Waiting List"));
    }
  else
    {
      if (party == 1)
        /* TRANSLATORS: e.g. "Zoé Martin is confirmed." */
        description = g_strdup_printf (_("%s is confirmed."), name);
      else
        /* TRANSLATORS: e.g. "Zoé Martin is confirmed (party of 2)." */
        description = g_strdup_printf (ngettext ("%s is confirmed (party of %d).",
                                                 "%s is confirmed (party of %d).", party),
                                       name, party);
      adw_status_page_set_icon_name (self->result_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->result_page, C_("sign-up result", "Confirmed"));
    }

  {
    g_autofree char *markup = g_markup_escape_text (description, -1);

    adw_status_page_set_description (self->result_page, markup);
  }

  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->sign_up_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_window_set_default_widget (GTK_WINDOW (self), self->done_button);
  gtk_widget_grab_focus (self->done_button);
}

static AtelierCustomer *
dup_customer (AtelierSignupDialog *self)
{
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  AtelierCustomer *customer;

  if (!is_new_mode (self))
    {
      AtelierCustomer *selected = gtk_single_selection_get_selected_item (self->selection);

      return selected != NULL ? g_object_ref (selected) : NULL;
    }

  if (!new_customer_valid (self))
    return NULL;

  /* A fresh object each time: a failed attempt may have given the last
   * one an id that the rollback took back. */
  given = atelier_editable_dup_stripped (GTK_EDITABLE (self->given_row));
  family = atelier_editable_dup_stripped (GTK_EDITABLE (self->family_row));
  email = atelier_editable_dup_stripped (GTK_EDITABLE (self->email_row));
  phone = atelier_editable_dup_stripped (GTK_EDITABLE (self->phone_row));
  customer = atelier_customer_new (given, family);
  g_object_set (customer,
                "email", *email != '\0' ? email : NULL,
                "phone", *phone != '\0' ? phone : NULL,
                NULL);
  return customer;
}

/* One try at signing up, with what the form holds now. */
static gboolean
sign_up (gpointer   user_data,
         GError   **error)
{
  AtelierSignupDialog *self = user_data;
  g_autoptr(AtelierCustomer) customer = dup_customer (self);
  g_autofree char *note = NULL;
  int party;

  if (customer == NULL)
    {
      g_set_error_literal (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID,
                           _("Choose a customer, or give the new customer’s name."));
      return FALSE;
    }

  gtk_spin_button_update (self->party_spin);
  party = gtk_spin_button_get_value_as_int (self->party_spin);
  note = atelier_editable_dup_stripped (GTK_EDITABLE (self->note_row));

  self->registration = atelier_booking_sign_up (self->store, self->session_id, customer, party,
                                                *note != '\0' ? note : NULL, error);
  return self->registration != NULL;
}

static void
on_sign_up_finished_cb (AtelierSignupDialog *self,
                        const GError        *error)
{
  if (error != NULL)
    {
      atelier_form_show_error (self->error_label, NULL, error->message);
      return;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRATION]);
  show_result (self);
}

static void
on_waiting_changed_cb (AtelierSignupDialog *self)
{
  gboolean waiting = atelier_store_wait_get_waiting (self->wait);

  if (waiting)
    hide_error (self);
  gtk_widget_set_visible (self->waiting_box, waiting);
  gtk_spinner_set_spinning (self->waiting_spinner, waiting);
  update_sign_up_sensitive (self);
}

static void
on_sign_up_clicked_cb (AtelierSignupDialog *self)
{
  g_autoptr(AtelierCustomer) customer = dup_customer (self);

  if (customer == NULL || self->registration != NULL ||
      atelier_store_wait_get_waiting (self->wait))
    return;

  atelier_store_wait_run (self->wait, sign_up, self);
}

/* Setup */

static void
load_registered (AtelierSignupDialog *self)
{
  g_autoptr(GListModel) registrations = NULL;
  g_autoptr(AtelierSession) session = NULL;

  registrations = atelier_store_list_registrations (self->store, self->session_id, NULL);
  for (guint i = 0; registrations != NULL && i < g_list_model_get_n_items (registrations); i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (registrations, i);
      const char *status = atelier_registration_get_status (r);
      gint64 *key;

      if (g_strcmp0 (status, ATELIER_REGISTRATION_CANCELLED) == 0)
        continue;
      key = g_new (gint64, 1);
      *key = atelier_registration_get_customer_id (r);
      g_hash_table_insert (self->registered, key,
                           (gpointer) g_intern_string (status));
    }

  session = atelier_store_get_session (self->store, self->session_id, NULL);
  if (session != NULL)
    {
      g_autoptr(GDateTime) start = atelier_session_dup_start (session);
      /* TRANSLATORS: the session under the dialog's title, in
       * g_date_time_format() notation, e.g. "Tue 14 Mar, 18:30" */
      g_autofree char *when = atelier_date_format (start, _("%a %-d %b, %H:%M"));
      g_autofree char *subtitle = g_strdup_printf (_("%s, %s"), atelier_session_get_workshop_title (session),
                                                   when ? when : "");

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }
}

static void
atelier_signup_dialog_constructed (GObject *object)
{
  AtelierSignupDialog *self = ATELIER_SIGNUP_DIALOG (object);

  G_OBJECT_CLASS (atelier_signup_dialog_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      g_critical ("AtelierSignupDialog needs a store");
      return;
    }

  self->wait = atelier_store_wait_new (self->store);
  g_signal_connect_object (self->wait, "finished", G_CALLBACK (on_sign_up_finished_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->wait, "notify::waiting", G_CALLBACK (on_waiting_changed_cb), self,
                           G_CONNECT_SWAPPED);

  load_registered (self);
  new_customer_valid (self);
  update_sign_up_sensitive (self);
}

static void
atelier_signup_dialog_dispose (GObject *object)
{
  AtelierSignupDialog *self = ATELIER_SIGNUP_DIALOG (object);

  if (self->wait != NULL)
    atelier_store_wait_cancel (self->wait);
  g_clear_object (&self->wait);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_SIGNUP_DIALOG);

  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->registration);
  g_clear_object (&self->store);
  g_clear_pointer (&self->registered, g_hash_table_unref);

  G_OBJECT_CLASS (atelier_signup_dialog_parent_class)->dispose (object);
}

static void
atelier_signup_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AtelierSignupDialog *self = ATELIER_SIGNUP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;

    case PROP_REGISTRATION:
      g_value_set_object (value, self->registration);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_signup_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AtelierSignupDialog *self = ATELIER_SIGNUP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SESSION_ID:
      self->session_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_signup_dialog_class_init (AtelierSignupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_signup_dialog_constructed;
  object_class->dispose = atelier_signup_dialog_dispose;
  object_class->get_property = atelier_signup_dialog_get_property;
  object_class->set_property = atelier_signup_dialog_set_property;

  /**
   * AtelierSignupDialog:store:
   *
   * The store to sign up in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSignupDialog:session-id:
   *
   * The session to sign up to.
   */
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSignupDialog:registration:
   *
   * The registration made, once the sign-up succeeded.
   */
  properties[PROP_REGISTRATION] =
    g_param_spec_object ("registration", NULL, NULL,
                         ATELIER_TYPE_REGISTRATION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-signup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, sign_up_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, waiting_box);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, waiting_spinner);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, find_toggle);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, new_toggle);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, customer_stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, results_scroller);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, results_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, results_hint);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, given_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, family_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, new_hint);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, party_spin);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, result_page);
  gtk_widget_class_bind_template_child (widget_class, AtelierSignupDialog, done_button);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_customer_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atelier_signup_dialog_init (AtelierSignupDialog *self)
{
  GtkEventController *keys;
  GtkEditable *delegate;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->registered = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->results = g_list_store_new (ATELIER_TYPE_CUSTOMER);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->results)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (on_selection_changed_cb), self);
  gtk_list_view_set_model (self->results_view, GTK_SELECTION_MODEL (self->selection));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  /* GTK 4.8's spin button has no activates-default of its own. */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->party_spin));
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_activates_default (GTK_TEXT (delegate), TRUE);

  /* The hint says "type a name": the entry has the focus from the start,
   * not the Cancel button. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->search_entry));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * atelier_signup_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the store to sign up in
 * @session_id: the session to sign up to
 *
 * Returns: (transfer none): a modal sign-up dialog, not yet presented
 */
GtkWidget *
atelier_signup_dialog_new (GtkWindow    *parent,
                           AtelierStore *store,
                           gint64        session_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_SIGNUP_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "session-id", session_id,
                       NULL);
}

AtelierStore *
atelier_signup_dialog_get_store (AtelierSignupDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_SIGNUP_DIALOG (self), NULL);

  return self->store;
}

gint64
atelier_signup_dialog_get_session_id (AtelierSignupDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_SIGNUP_DIALOG (self), 0);

  return self->session_id;
}

/**
 * atelier_signup_dialog_get_registration:
 *
 * Returns: (transfer none) (nullable): the registration made, or %NULL
 *   until a sign-up succeeded
 */
AtelierRegistration *
atelier_signup_dialog_get_registration (AtelierSignupDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_SIGNUP_DIALOG (self), NULL);

  return self->registration;
}
