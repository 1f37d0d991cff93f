/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-editor.c: the form that creates or changes a customer
 *
 * Every field of a customer, their interests picked from the store-wide
 * list (or added to it), and consent with its wording. While the e-mail
 * or phone is typed, a banner names a customer who has it already and
 * offers to open them; saving stops there once, until "Save Anyway".
 * The contact details are checked by atelier_contact_check(), the rule
 * an import follows too. Errors show above the form; "saved" tells when
 * the customer is written.
 */
#define G_LOG_DOMAIN "atelier-customer-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atelier-contact.h"
#include "atelier-customer-book.h"
#include "atelier-customer-editor.h"
#include "atelier-customer-profile.h"
#include "atelier-tags.h"
#include "atelier-widget-util.h"

struct _AtelierCustomerEditor
{
  GtkWidget        parent_instance;

  AtelierStore    *store;
  AtelierCustomer *customer;
  gboolean         duplicates_accepted;
  gint64           duplicate_id;
  GtkWidget       *first_came_row;

  /* Template children */
  GtkWidget       *box;
  GtkWidget       *error_label;
  GtkRevealer     *duplicate_revealer;
  GtkLabel        *duplicate_label;
  GtkWidget       *anyway_button;
  GtkWidget       *given_row;
  GtkWidget       *family_row;
  AdwPreferencesGroup *contact_group;
  GtkWidget       *email_row;
  GtkWidget       *phone_row;
  GtkWidget       *language_row;
  GtkFlowBox      *tags_box;
  GtkWidget       *new_tag_row;
  GtkWidget       *needs_row;
  GtkTextView     *note_view;
  GtkSwitch       *consent_switch;
  GtkWidget       *wording_row;
};

G_DEFINE_FINAL_TYPE (AtelierCustomerEditor, atelier_customer_editor, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the order of the "How They First Came" choices */
static const char *const first_came_values[] = {
  ATELIER_CUSTOMER_CAME_STORE,
  ATELIER_CUSTOMER_CAME_WALK_IN,
  ATELIER_CUSTOMER_CAME_SIGN_UP,
  ATELIER_CUSTOMER_CAME_IMPORT,
};

static void
show_error (AtelierCustomerEditor *self,
            const char            *message)
{
  gtk_label_set_label (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
set_text (GtkWidget  *editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text != NULL ? text : "");
}

static gint64
customer_id (AtelierCustomerEditor *self)
{
  return self->customer != NULL ? atelier_customer_get_id (self->customer) : 0;
}

/* Interests */

static void
add_tag_toggle (AtelierCustomerEditor *self,
                const char            *name,
                gboolean               active)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_label (name);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), active);
  gtk_widget_add_css_class (toggle, "customer-tag-toggle");
  gtk_widget_add_css_class (toggle, "pill");
  gtk_flow_box_append (self->tags_box, toggle);
}

static GtkToggleButton *
tag_toggle_at (GtkWidget *flow_box_child)
{
  return GTK_TOGGLE_BUTTON (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (flow_box_child)));
}

/* The store-wide list, those of the customer ticked */
static void
load_tags (AtelierCustomerEditor *self)
{
  g_auto(GStrv) all_tags = NULL;
  g_auto(GStrv) tags = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box))) != NULL)
    gtk_flow_box_remove (self->tags_box, child);

  all_tags = atelier_tags_list (self->store, &error);
  if (all_tags == NULL)
    g_warning ("Could not list the interests: %s", error->message);
  if (self->customer != NULL)
    tags = atelier_tags_for_customer (self->store, customer_id (self), NULL);

  for (guint i = 0; all_tags != NULL && all_tags[i] != NULL; i++)
    add_tag_toggle (self, all_tags[i],
                    tags != NULL && g_strv_contains ((const char * const *) tags, all_tags[i]));
  /* Interests of the customer the list lost meanwhile */
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (all_tags == NULL || !g_strv_contains ((const char * const *) all_tags, tags[i]))
      add_tag_toggle (self, tags[i], TRUE);
}

static void
on_new_tag_apply_cb (AdwEntryRow           *row,
                     AtelierCustomerEditor *self)
{
  g_autofree char *name = atelier_editable_dup_stripped (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    return;

  if (!atelier_tags_add (self->store, name, &error)
      && !g_error_matches (error, ATELIER_TAGS_ERROR, ATELIER_TAGS_ERROR_EXISTS))
    {
      show_error (self, error->message);
      atelier_widget_set_error (GTK_WIDGET (row), TRUE);
      return;
    }

  /* Already a chip (case aside): tick it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *toggle = tag_toggle_at (child);
      const char *tag = gtk_button_get_label (GTK_BUTTON (toggle));

      if (g_utf8_collate (tag, name) == 0 || g_ascii_strcasecmp (tag, name) == 0)
        {
          gtk_toggle_button_set_active (toggle, TRUE);
          gtk_editable_set_text (GTK_EDITABLE (row), "");
          return;
        }
    }

  add_tag_toggle (self, name, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  atelier_widget_set_error (GTK_WIDGET (row), FALSE);
  show_error (self, NULL);
}

/* Duplicates */

/* Looks for customers with the e-mail or phone typed; shows the first in
 * the banner. Returns whether there is one. */
static gboolean
check_duplicates (AtelierCustomerEditor *self)
{
  g_autofree char *email = atelier_editable_dup_stripped (GTK_EDITABLE (self->email_row));
  g_autofree char *phone = atelier_editable_dup_stripped (GTK_EDITABLE (self->phone_row));
  g_autoptr(GListModel) found = NULL;
  g_autoptr(AtelierCustomer) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  const char *other_email;

  self->duplicate_id = 0;
  if (*email != '\0' || *phone != '\0')
    found = atelier_customer_book_find_duplicates (self->store,
                                                   *email != '\0' ? email : NULL,
                                                   *phone != '\0' ? phone : NULL,
                                                   customer_id (self), &error);
  if (found == NULL && error != NULL)
    g_warning ("Could not look for duplicates: %s", error->message);

  if (found == NULL || g_list_model_get_n_items (found) == 0)
    {
      gtk_revealer_set_reveal_child (self->duplicate_revealer, FALSE);
      return FALSE;
    }

  other = g_list_model_get_item (found, 0);
  self->duplicate_id = atelier_customer_get_id (other);
  name = atelier_customer_dup_full_name (other);
  other_email = atelier_customer_get_email (other);
  if (*email != '\0' && other_email != NULL && g_ascii_strcasecmp (other_email, email) == 0)
    /* TRANSLATORS: offered when creating a customer, e.g.
     * "Zoé Martin already has this e-mail address." */
    message = g_strdup_printf (_("%s already has this e-mail address."), name);
  else
    /* TRANSLATORS: offered when creating a customer, e.g.
     * "Zoé Martin already has this phone number." */
    message = g_strdup_printf (_("%s already has this phone number."), name);

  gtk_label_set_label (self->duplicate_label, message);
  gtk_revealer_set_reveal_child (self->duplicate_revealer, !self->duplicates_accepted);
  return TRUE;
}

static void
on_contact_changed_cb (GtkEditable           *editable,
                       AtelierCustomerEditor *self)
{
  /* A new address or number: ask again. */
  self->duplicates_accepted = FALSE;
  atelier_widget_set_error (GTK_WIDGET (editable), FALSE);
  check_duplicates (self);
}

static void
on_open_existing_cb (AtelierCustomerEditor *self)
{
  if (self->duplicate_id != 0
      && !gtk_widget_activate_action (GTK_WIDGET (self), "win.show-customer", "x", self->duplicate_id))
    atelier_toast_show_text (GTK_WIDGET (self), _("The customer cannot be opened in this window."));
}

static void
on_save_anyway_cb (AtelierCustomerEditor *self)
{
  self->duplicates_accepted = TRUE;
  gtk_revealer_set_reveal_child (self->duplicate_revealer, FALSE);
  atelier_customer_editor_save (self);
}

/* Reading the form */

/* Marks the field a contact error is about. */
static void
flag_contact_error (AtelierCustomerEditor *self,
                    const GError          *error)
{
  if (g_error_matches (error, ATELIER_CONTACT_ERROR, ATELIER_CONTACT_ERROR_EMAIL))
    atelier_widget_set_error (self->email_row, TRUE);
  else if (g_error_matches (error, ATELIER_CONTACT_ERROR, ATELIER_CONTACT_ERROR_PHONE))
    atelier_widget_set_error (self->phone_row, TRUE);
  else if (g_error_matches (error, ATELIER_CONTACT_ERROR, ATELIER_CONTACT_ERROR_LANGUAGE))
    atelier_widget_set_error (self->language_row, TRUE);
}

/* The interests ticked, as a NULL-terminated array, and as one line */
static GPtrArray *
read_tags (AtelierCustomerEditor *self,
           GString               *line)
{
  GPtrArray *tags = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->tags_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkToggleButton *toggle = tag_toggle_at (child);
      const char *name = gtk_button_get_label (GTK_BUTTON (toggle));

      if (!gtk_toggle_button_get_active (toggle))
        continue;
      g_ptr_array_add (tags, g_strdup (name));
      g_string_append_printf (line, "%s%s", line->len ? ", " : "", name);
    }
  g_ptr_array_add (tags, NULL);
  return tags;
}

static void
read_consent (AtelierCustomerEditor *self,
              AtelierCustomer       *customer)
{
  gboolean consent = gtk_switch_get_active (self->consent_switch);
  g_autofree char *wording = atelier_editable_dup_stripped (GTK_EDITABLE (self->wording_row));

  if (consent && !atelier_customer_get_consent (customer))
    g_object_set (customer, "consent", TRUE, "consent-at", g_get_real_time () / G_USEC_PER_SEC, NULL);
  else if (!consent && atelier_customer_get_consent (customer))
    g_object_set (customer, "consent", FALSE, "consent-at", (gint64) 0, NULL);
  if (consent)
    g_object_set (customer, "consent-wording", *wording != '\0' ? wording : NULL, NULL);
}

/* Reads the form into @customer and the interests ticked into @tags;
 * shows what is wrong and returns FALSE when something is. */
static gboolean
read_form (AtelierCustomerEditor  *self,
           AtelierCustomer        *customer,
           GPtrArray             **tags)
{
  g_autofree char *given = atelier_editable_dup_stripped (GTK_EDITABLE (self->given_row));
  g_autofree char *family = atelier_editable_dup_stripped (GTK_EDITABLE (self->family_row));
  g_autofree char *email = atelier_editable_dup_stripped (GTK_EDITABLE (self->email_row));
  g_autofree char *phone = atelier_editable_dup_stripped (GTK_EDITABLE (self->phone_row));
  g_autofree char *language = atelier_editable_dup_stripped (GTK_EDITABLE (self->language_row));
  g_autofree char *needs = atelier_editable_dup_stripped (GTK_EDITABLE (self->needs_row));
  g_autofree char *note = NULL;
  g_autoptr(GString) interests = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  atelier_widget_set_error (self->given_row, FALSE);
  atelier_widget_set_error (self->email_row, FALSE);
  atelier_widget_set_error (self->phone_row, FALSE);
  atelier_widget_set_error (self->language_row, FALSE);
  if (*given == '\0' && *family == '\0')
    {
      atelier_widget_set_error (self->given_row, TRUE);
      show_error (self, _("A customer needs a name."));
      return FALSE;
    }
  if (!atelier_contact_check (email, phone, language, &error))
    {
      flag_contact_error (self, error);
      show_error (self, error->message);
      return FALSE;
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  *tags = read_tags (self, interests);

  g_object_set (customer,
                "given-name", given,
                "family-name", family,
                "email", *email != '\0' ? email : NULL,
                "phone", *phone != '\0' ? phone : NULL,
                "preferred-language", *language != '\0' ? language : NULL,
                "needs", needs,
                "note", g_strstrip (note),
                "interests", interests->str,
                NULL);
  read_consent (self, customer);

  if (self->first_came_row != NULL)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->first_came_row));

      if (selected < G_N_ELEMENTS (first_came_values))
        g_object_set (customer, "first-came", first_came_values[selected], NULL);
    }
  return TRUE;
}

/* Loading */

/* "How They First Came" is asked of a new customer only. */
static void
update_first_came_row (AtelierCustomerEditor *self)
{
  g_autoptr(GtkStringList) choices = NULL;

  if (self->customer != NULL && self->first_came_row != NULL)
    {
      adw_preferences_group_remove (self->contact_group, self->first_came_row);
      self->first_came_row = NULL;
    }
  if (self->customer != NULL)
    return;

  if (self->first_came_row == NULL)
    {
      choices = gtk_string_list_new (NULL);
      for (guint i = 0; i < G_N_ELEMENTS (first_came_values); i++)
        gtk_string_list_append (choices, atelier_customer_profile_describe_first_came (first_came_values[i]));
      self->first_came_row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->first_came_row), _("How They First Came"));
      adw_combo_row_set_model (ADW_COMBO_ROW (self->first_came_row), G_LIST_MODEL (choices));
      adw_preferences_group_add (self->contact_group, self->first_came_row);
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->first_came_row), 0);
}

static void
load_fields (AtelierCustomerEditor *self)
{
  AtelierCustomer *c = self->customer;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);

  /* Filling the contact fields is no typing: no duplicate offer yet. */
  g_signal_handlers_block_by_func (self->email_row, on_contact_changed_cb, self);
  g_signal_handlers_block_by_func (self->phone_row, on_contact_changed_cb, self);
  set_text (self->given_row, c ? atelier_customer_get_given_name (c) : NULL);
  set_text (self->family_row, c ? atelier_customer_get_family_name (c) : NULL);
  set_text (self->email_row, c ? atelier_customer_get_email (c) : NULL);
  set_text (self->phone_row, c ? atelier_customer_get_phone (c) : NULL);
  set_text (self->language_row, c ? atelier_customer_get_preferred_language (c) : NULL);
  set_text (self->needs_row, c ? atelier_customer_get_needs (c) : NULL);
  set_text (self->new_tag_row, NULL);
  set_text (self->wording_row, c ? atelier_customer_get_consent_wording (c) : NULL);
  g_signal_handlers_unblock_by_func (self->email_row, on_contact_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->phone_row, on_contact_changed_cb, self);
  gtk_text_buffer_set_text (buffer, c ? atelier_customer_get_note (c) : "", -1);
  gtk_switch_set_active (self->consent_switch, c ? atelier_customer_get_consent (c) : FALSE);

  atelier_widget_set_error (self->given_row, FALSE);
  atelier_widget_set_error (self->email_row, FALSE);
  atelier_widget_set_error (self->phone_row, FALSE);
  atelier_widget_set_error (self->language_row, FALSE);
  atelier_widget_set_error (self->new_tag_row, FALSE);
}

/**
 * atelier_customer_editor_load:
 * @customer: (nullable): the customer to change, or %NULL for a new one
 *
 * Fills the form afresh: what was typed before is dropped.
 */
void
atelier_customer_editor_load (AtelierCustomerEditor *self,
                              AtelierCustomer       *customer)
{
  g_return_if_fail (ATELIER_IS_CUSTOMER_EDITOR (self));
  g_return_if_fail (customer == NULL || ATELIER_IS_CUSTOMER (customer));

  if (g_set_object (&self->customer, customer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);

  self->duplicates_accepted = FALSE;
  self->duplicate_id = 0;
  show_error (self, NULL);
  gtk_revealer_set_reveal_child (self->duplicate_revealer, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->anyway_button),
                        customer == NULL ? _("Create _Anyway") : _("Save _Anyway"));
  if (self->store == NULL)
    return;
  load_fields (self);
  update_first_came_row (self);
  load_tags (self);
}

/**
 * atelier_customer_editor_save:
 *
 * Checks the form, then for customers with the same e-mail or phone
 * (unless told to go on anyway), then writes the customer and their
 * interests through the core, and emits "saved". What went wrong shows
 * in the form.
 *
 * Returns: whether the customer was written
 */
gboolean
atelier_customer_editor_save (AtelierCustomerEditor *self)
{
  g_autoptr(AtelierCustomer) customer = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_new;

  g_return_val_if_fail (ATELIER_IS_CUSTOMER_EDITOR (self), FALSE);

  is_new = self->customer == NULL;
  if (is_new)
    customer = atelier_customer_new ("", "");
  else
    {
      /* Fresh from the store: what someone else changed meanwhile stays. */
      customer = atelier_store_get_customer (self->store, customer_id (self), &error);
      if (customer == NULL)
        {
          show_error (self, error->message);
          return FALSE;
        }
    }

  show_error (self, NULL);
  if (!read_form (self, customer, &tags))
    return FALSE;

  if (!self->duplicates_accepted && check_duplicates (self))
    {
      gtk_widget_grab_focus (self->anyway_button);
      return FALSE;
    }

  if (is_new ? !atelier_store_add_customer (self->store, customer, &error)
             : !atelier_store_update_customer (self->store, customer, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  if (is_new)
    {
      /* Written: saving again changes this customer. */
      g_set_object (&self->customer, customer);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
    }

  if (!atelier_tags_set_for_customer (self->store, customer_id (self),
                                      (const char * const *) tags->pdata, &error))
    {
      /* The customer is written; only the interests are not. */
      show_error (self, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[SAVED], 0, customer);
  return TRUE;
}

/* GObject */

static gboolean
atelier_customer_editor_grab_focus (GtkWidget *widget)
{
  AtelierCustomerEditor *self = ATELIER_CUSTOMER_EDITOR (widget);

  return gtk_widget_grab_focus (self->given_row);
}

static void
atelier_customer_editor_dispose (GObject *object)
{
  AtelierCustomerEditor *self = ATELIER_CUSTOMER_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_CUSTOMER_EDITOR);
  self->first_came_row = NULL;
  g_clear_object (&self->customer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_customer_editor_parent_class)->dispose (object);
}

static void
atelier_customer_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AtelierCustomerEditor *self = ATELIER_CUSTOMER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_customer_editor_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AtelierCustomerEditor *self = ATELIER_CUSTOMER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      atelier_customer_editor_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_customer_editor_class_init (AtelierCustomerEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atelier_customer_editor_dispose;
  object_class->get_property = atelier_customer_editor_get_property;
  object_class->set_property = atelier_customer_editor_set_property;

  widget_class->grab_focus = atelier_customer_editor_grab_focus;

  /**
   * AtelierCustomerEditor:store:
   *
   * The store the customer lives in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierCustomerEditor:customer:
   *
   * The customer edited; %NULL for a new one, until it is saved.
   */
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         ATELIER_TYPE_CUSTOMER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtelierCustomerEditor::saved:
   * @customer: the customer as written
   *
   * The customer and their interests are written.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATELIER_TYPE_CUSTOMER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-customer-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, duplicate_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, duplicate_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, anyway_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, given_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, family_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, contact_group);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, email_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, tags_box);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, new_tag_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, needs_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerEditor, wording_row);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_tag_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_existing_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_anyway_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "customereditor");
}

static void
atelier_customer_editor_init (AtelierCustomerEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atelier_customer_editor_new:
 * @store: the store the customer lives in
 *
 * Returns: (transfer floating): a form for a new customer, until
 *   atelier_customer_editor_load() gives it another
 */
GtkWidget *
atelier_customer_editor_new (AtelierStore *store)
{
  AtelierCustomerEditor *self;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  /* A page sets the store from its template and loads the form when it
   * shows it; built alone, the form is ready for a new customer. */
  self = g_object_new (ATELIER_TYPE_CUSTOMER_EDITOR, "store", store, NULL);
  atelier_customer_editor_load (self, NULL);
  return GTK_WIDGET (self);
}

AtelierStore *
atelier_customer_editor_get_store (AtelierCustomerEditor *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_EDITOR (self), NULL);

  return self->store;
}

void
atelier_customer_editor_set_store (AtelierCustomerEditor *self,
                                   AtelierStore          *store)
{
  g_return_if_fail (ATELIER_IS_CUSTOMER_EDITOR (self));
  g_return_if_fail (store == NULL || ATELIER_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * atelier_customer_editor_get_customer:
 *
 * Returns: (transfer none) (nullable): the customer edited, %NULL for a
 *   new one until it is saved
 */
AtelierCustomer *
atelier_customer_editor_get_customer (AtelierCustomerEditor *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_EDITOR (self), NULL);

  return self->customer;
}
