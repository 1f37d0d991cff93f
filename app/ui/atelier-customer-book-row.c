/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-book-row.c: one customer in the customer book
 *
 * An avatar with the customer's initials, their name, and their e-mail
 * address and phone number. The book may hold tens of thousands of
 * customers and its list view recycles rows, so the row is a box built in
 * C and shows again everything on each
 * atelier_customer_book_row_set_customer().
 */
#define G_LOG_DOMAIN "atelier-customer-book-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atelier-customer-book-row.h"
#include "atelier-widget-util.h"

struct _AtelierCustomerBookRow
{
  GtkBox           parent_instance;

  AtelierCustomer *customer;

  AdwAvatar       *avatar;
  GtkLabel        *name_label;
  GtkLabel        *contact_label;
};

G_DEFINE_FINAL_TYPE (AtelierCustomerBookRow, atelier_customer_book_row, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_CUSTOMER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_contact (AtelierCustomer *customer)
{
  const char *email = atelier_customer_get_email (customer);
  const char *phone = atelier_customer_get_phone (customer);
  gboolean has_email = !atelier_str_is_empty (email);
  gboolean has_phone = !atelier_str_is_empty (phone);

  if (has_email && has_phone)
    /* TRANSLATORS: a customer's e-mail address and phone number, e.g.
     * "zoe@example.com · 06 12 34 56 78" */
    return g_strdup_printf (_("%s · %s"), email, phone);
  if (has_email || has_phone)
    return g_strdup (has_email ? email : phone);
  return g_strdup (_("No e-mail or phone"));
}

static void
atelier_customer_book_row_update (AtelierCustomerBookRow *self)
{
  g_autofree char *name = atelier_customer_dup_full_name (self->customer);
  g_autofree char *contact = format_contact (self->customer);
  g_autofree char *accessible = NULL;

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->contact_label, contact);

  accessible = g_strjoin (", ", name, contact, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
atelier_customer_book_row_dispose (GObject *object)
{
  AtelierCustomerBookRow *self = ATELIER_CUSTOMER_BOOK_ROW (object);

  g_clear_object (&self->customer);

  G_OBJECT_CLASS (atelier_customer_book_row_parent_class)->dispose (object);
}

static void
atelier_customer_book_row_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  AtelierCustomerBookRow *self = ATELIER_CUSTOMER_BOOK_ROW (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_customer_book_row_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  AtelierCustomerBookRow *self = ATELIER_CUSTOMER_BOOK_ROW (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER:
      atelier_customer_book_row_set_customer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_customer_book_row_class_init (AtelierCustomerBookRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atelier_customer_book_row_dispose;
  object_class->get_property = atelier_customer_book_row_get_property;
  object_class->set_property = atelier_customer_book_row_set_property;

  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         ATELIER_TYPE_CUSTOMER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atelier_customer_book_row_init (AtelierCustomerBookRow *self)
{
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "customer-row");

  self->avatar = ADW_AVATAR (adw_avatar_new (32, NULL, TRUE));

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "customer-name");
  self->contact_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->contact_label, 0);
  gtk_label_set_ellipsize (self->contact_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->contact_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->contact_label), "caption");

  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->contact_label));

  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->avatar));
  gtk_box_append (GTK_BOX (self), labels);
}

GtkWidget *
atelier_customer_book_row_new (void)
{
  return g_object_new (ATELIER_TYPE_CUSTOMER_BOOK_ROW, NULL);
}

/**
 * atelier_customer_book_row_get_customer:
 *
 * Returns: (transfer none) (nullable): the customer shown
 */
AtelierCustomer *
atelier_customer_book_row_get_customer (AtelierCustomerBookRow *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_BOOK_ROW (self), NULL);

  return self->customer;
}

/**
 * atelier_customer_book_row_set_customer:
 * @customer: (nullable): the customer to show; %NULL keeps the texts shown
 *   until the next one, as the list view unbinds the row
 */
void
atelier_customer_book_row_set_customer (AtelierCustomerBookRow *self,
                                        AtelierCustomer        *customer)
{
  g_return_if_fail (ATELIER_IS_CUSTOMER_BOOK_ROW (self));
  g_return_if_fail (customer == NULL || ATELIER_IS_CUSTOMER (customer));

  if (!g_set_object (&self->customer, customer))
    return;

  if (customer != NULL)
    atelier_customer_book_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
}
