/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-workshop-card.c: one workshop of the catalogue, as a card
 *
 * Shows the workshop's title, host, duration, capacity, price and
 * category, with a button that plans a session of it
 * (win.new-workshop-session). The card is a box built in C, as the
 * catalogue's list view recycles it: everything it shows is set again on
 * each atelier_workshop_card_set_workshop().
 */
#define G_LOG_DOMAIN "atelier-workshop-card"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-format.h"
#include "atelier-widget-util.h"
#include "atelier-workshop-card.h"

struct _AtelierWorkshopCard
{
  GtkBox           parent_instance;

  AtelierWorkshop *workshop;
  char            *currency;

  GtkLabel        *title_label;
  GtkLabel        *details_label;
  GtkLabel        *price_label;
  GtkLabel        *category_label;
  GtkWidget       *new_session_button;
};

G_DEFINE_FINAL_TYPE (AtelierWorkshopCard, atelier_workshop_card, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_WORKSHOP,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_new_session_button (AtelierWorkshopCard *self,
                           const char          *title)
{
  /* TRANSLATORS: the accessible name of the button on a workshop's card
   * that plans a session of it, e.g. "New Session of Risotto" */
  g_autofree char *label = g_strdup_printf (_("New Session of %s"), title);

  /* The target first: a name without it would not match the action. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->new_session_button),
                                          g_variant_new_int64 (atelier_workshop_get_id (self->workshop)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->new_session_button), "win.new-workshop-session");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_session_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
atelier_workshop_card_update (AtelierWorkshopCard *self)
{
  AtelierWorkshop *workshop = self->workshop;
  const char *title = atelier_workshop_get_title (workshop);
  const char *host = atelier_workshop_get_host (workshop);
  const char *category = atelier_workshop_get_category (workshop);
  int capacity = atelier_workshop_get_capacity (workshop);
  g_autofree char *duration = atelier_format_duration (atelier_workshop_get_duration_minutes (workshop));
  g_autofree char *price = atelier_format_price (atelier_workshop_get_price_cents (workshop),
                                                      self->currency);
  g_autofree char *seats = NULL;
  g_autofree char *details = NULL;
  g_autofree char *accessible = NULL;
  gboolean has_category = !atelier_str_is_empty (category);

  if (atelier_str_is_empty (title))
    title = _("Untitled Workshop");

  /* TRANSLATORS: the capacity of a workshop, e.g. "10 seats" */
  seats = g_strdup_printf (ngettext ("%d seat", "%d seats", capacity), capacity);
  if (!atelier_str_is_empty (host))
    /* TRANSLATORS: a workshop's host, duration and capacity, e.g.
     * "Marco Rossi · 2 h · 10 seats" */
    details = g_strdup_printf (_("%s · %s · %s"), host, duration, seats);
  else
    /* TRANSLATORS: a workshop's duration and capacity, e.g. "2 h · 10 seats" */
    details = g_strdup_printf (_("%s · %s"), duration, seats);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->details_label, details);
  gtk_label_set_label (self->price_label, price);
  gtk_label_set_label (self->category_label, has_category ? category : "");
  gtk_widget_set_visible (GTK_WIDGET (self->category_label), has_category);
  update_new_session_button (self, title);

  /* What a screen reader says for the whole card. */
  accessible = g_strjoin (", ", title, details, price, has_category ? category : NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
atelier_workshop_card_dispose (GObject *object)
{
  AtelierWorkshopCard *self = ATELIER_WORKSHOP_CARD (object);

  g_clear_object (&self->workshop);

  G_OBJECT_CLASS (atelier_workshop_card_parent_class)->dispose (object);
}

static void
atelier_workshop_card_finalize (GObject *object)
{
  AtelierWorkshopCard *self = ATELIER_WORKSHOP_CARD (object);

  g_free (self->currency);

  G_OBJECT_CLASS (atelier_workshop_card_parent_class)->finalize (object);
}

static void
atelier_workshop_card_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AtelierWorkshopCard *self = ATELIER_WORKSHOP_CARD (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      g_value_set_object (value, self->workshop);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_workshop_card_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AtelierWorkshopCard *self = ATELIER_WORKSHOP_CARD (object);

  switch (prop_id)
    {
    case PROP_WORKSHOP:
      atelier_workshop_card_set_workshop (self, g_value_get_object (value));
      break;

    case PROP_CURRENCY:
      atelier_workshop_card_set_currency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_workshop_card_class_init (AtelierWorkshopCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atelier_workshop_card_dispose;
  object_class->finalize = atelier_workshop_card_finalize;
  object_class->get_property = atelier_workshop_card_get_property;
  object_class->set_property = atelier_workshop_card_set_property;

  properties[PROP_WORKSHOP] =
    g_param_spec_object ("workshop", NULL, NULL,
                         ATELIER_TYPE_WORKSHOP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The store's currency (an ISO 4217 code) the price is written in. */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GtkWidget *
new_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
atelier_workshop_card_init (AtelierWorkshopCard *self)
{
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "workshop-card");

  self->title_label = GTK_LABEL (new_label ("heading"));
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  self->details_label = GTK_LABEL (new_label ("dim-label"));
  gtk_label_set_xalign (self->details_label, 0);
  gtk_label_set_wrap (self->details_label, TRUE);
  gtk_widget_set_hexpand (left, TRUE);
  gtk_widget_set_valign (left, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->details_label));

  self->price_label = GTK_LABEL (new_label ("numeric"));
  gtk_label_set_xalign (self->price_label, 1);
  /* Categories are a word or two: shown whole, the title wraps instead. */
  self->category_label = GTK_LABEL (new_label ("badge"));
  gtk_widget_add_css_class (GTK_WIDGET (self->category_label), "category");
  gtk_widget_set_halign (GTK_WIDGET (self->category_label), GTK_ALIGN_END);
  gtk_widget_set_valign (right, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->price_label));
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->category_label));

  gtk_box_append (GTK_BOX (self), left);
  gtk_box_append (GTK_BOX (self), right);

  /* Plans a session of this workshop (win.new-workshop-session). */
  self->new_session_button = gtk_button_new_from_icon_name ("x-office-calendar-symbolic");
  gtk_widget_set_valign (self->new_session_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->new_session_button, _("New Session…"));
  gtk_widget_add_css_class (self->new_session_button, "flat");
  gtk_widget_add_css_class (self->new_session_button, "circular");
  gtk_box_append (GTK_BOX (self), self->new_session_button);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Activate to edit the workshop"),
                                  -1);
}

GtkWidget *
atelier_workshop_card_new (void)
{
  return g_object_new (ATELIER_TYPE_WORKSHOP_CARD, NULL);
}

/**
 * atelier_workshop_card_get_workshop:
 *
 * Returns: (transfer none) (nullable): the workshop shown
 */
AtelierWorkshop *
atelier_workshop_card_get_workshop (AtelierWorkshopCard *self)
{
  g_return_val_if_fail (ATELIER_IS_WORKSHOP_CARD (self), NULL);

  return self->workshop;
}

/**
 * atelier_workshop_card_set_workshop:
 * @workshop: (nullable): the workshop to show; %NULL keeps the texts shown
 *   until the next one, as the list view unbinds the card
 */
void
atelier_workshop_card_set_workshop (AtelierWorkshopCard *self,
                                    AtelierWorkshop     *workshop)
{
  g_return_if_fail (ATELIER_IS_WORKSHOP_CARD (self));
  g_return_if_fail (workshop == NULL || ATELIER_IS_WORKSHOP (workshop));

  if (!g_set_object (&self->workshop, workshop))
    return;

  if (workshop != NULL)
    atelier_workshop_card_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSHOP]);
}

const char *
atelier_workshop_card_get_currency (AtelierWorkshopCard *self)
{
  g_return_val_if_fail (ATELIER_IS_WORKSHOP_CARD (self), NULL);

  return self->currency;
}

/**
 * atelier_workshop_card_set_currency:
 * @currency: (nullable): the store's currency, an ISO 4217 code
 */
void
atelier_workshop_card_set_currency (AtelierWorkshopCard *self,
                                    const char          *currency)
{
  g_return_if_fail (ATELIER_IS_WORKSHOP_CARD (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  if (self->workshop != NULL)
    atelier_workshop_card_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}
