/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-checkin-row.c: one person at the door, with what to say to them
 *
 * A row of the check-in window's list. It shows one of:
 * - a registration of the session (its customer given alongside): the
 *   name, the party, whether they are here (and since when) or on the
 *   waiting list, and a "Check In" or "Undo Check-in" button;
 * - a customer of the store who is not signed up: a "Walk-in" button.
 * Under the name, a short card says what to talk about: their first class
 * or how many they came to before, their interests, the store's note.
 *
 * A party of more than one that is checked in also shows how many of it
 * came ("2 of 3 came"), a button that lets staff correct the count.
 *
 * The buttons activate the check-in window's actions ("checkin.check-in",
 * "checkin.undo-check-in", "checkin.arrived" with a registration id,
 * "checkin.walk-in-customer" with a customer id). The row is recycled: everything is set again on
 * each atelier_checkin_row_set_person().
 */
#define G_LOG_DOMAIN "atelier-checkin-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atelier-checkin-row.h"
#include "atelier-format.h"
#include "atelier-widget-util.h"

struct _AtelierCheckinRow
{
  GtkWidget            parent_instance;

  AtelierRegistration *registration;
  AtelierCustomer     *customer;
  int                  previous_classes;
  char                *time_zone;
  char                *answer;

  /* Template children; the box is the only direct one. */
  GtkWidget           *box;
  AdwAvatar           *avatar;
  GtkLabel            *name_label;
  GtkLabel            *party_label;
  GtkLabel            *status_label;
  GtkLabel            *history_label;
  GtkLabel            *interests_label;
  GtkLabel            *note_label;
  GtkWidget           *check_in_button;
  GtkWidget           *undo_button;
  GtkWidget           *walk_in_button;
  GtkWidget           *arrived_button;
};

G_DEFINE_FINAL_TYPE (AtelierCheckinRow, atelier_checkin_row, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_REGISTRATION,
  PROP_CUSTOMER,
  PROP_PREVIOUS_CLASSES,
  PROP_TIME_ZONE,
  PROP_ANSWER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_label (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), !atelier_str_is_empty (text));
}

/* "risotto,wine, cheese" → "risotto, wine, cheese" */
static char *
format_interests (const char *interests)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;

  if (atelier_str_is_empty (interests))
    return NULL;

  parts = g_strsplit (interests, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (kept, parts[i]);
    }
  words = g_strv_builder_end (kept);
  if (words[0] == NULL)
    return NULL;

  /* TRANSLATORS: the separator between a customer's interests */
  return g_strjoinv (_(", "), words);
}

static char *
format_history (int previous_classes)
{
  if (previous_classes < 0)
    return NULL;
  if (previous_classes == 0)
    /* TRANSLATORS: on a person's card at the door: they never came to a
     * class before */
    return g_strdup (_("First class"));
  /* TRANSLATORS: on a person's card at the door: how many classes they
   * came to before this one */
  return g_strdup_printf (ngettext ("%d class before", "%d classes before", previous_classes),
                          previous_classes);
}

static char *
format_checked_in (AtelierCheckinRow *self,
                   gint64             checked_in_at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (checked_in_at);
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;
  if (self->time_zone != NULL)
    zone = g_time_zone_new_identifier (self->time_zone);
  if (zone == NULL)
    zone = g_time_zone_new_local ();
  local = g_date_time_to_timezone (utc, zone);

  /* TRANSLATORS: when a person was checked in, in g_date_time_format()
   * notation, e.g. "Here since 18:32" */
  return atelier_date_format (local, _("Here since %H:%M"));
}

static void
set_button_target (GtkWidget *button,
                   gint64     id)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
}

static void
set_accessible_label (GtkWidget  *widget,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Each row's buttons say whom they are for: a screen reader that lists
 * the buttons of the window reads "Check in Zoé Martin", not ten
 * "Check In". */
static void
name_buttons (AtelierCheckinRow *self,
              const char        *name,
              const char        *arrived_text)
{
  /* TRANSLATORS: what a screen reader says of the button that checks
   * a person in, e.g. "Check in Zoé Martin" */
  g_autofree char *check_in = g_strdup_printf (_("Check in %s"), name);
  /* TRANSLATORS: what a screen reader says of the button that undoes
   * a person's check-in, e.g. "Undo check-in of Zoé Martin" */
  g_autofree char *undo = g_strdup_printf (_("Undo check-in of %s"), name);
  /* TRANSLATORS: what a screen reader says of the button that signs up
   * and checks in a customer who had not signed up, e.g. "Add Zoé
   * Martin as a walk-in" */
  g_autofree char *walk_in = g_strdup_printf (_("Add %s as a walk-in"), name);

  set_accessible_label (self->check_in_button, check_in);
  set_accessible_label (self->undo_button, undo);
  set_accessible_label (self->walk_in_button, walk_in);
  if (arrived_text != NULL)
    {
      /* TRANSLATORS: what a screen reader says of the button that
       * corrects how many of a party came, e.g. "How many of the party
       * of Zoé Martin came: 2 of 3 came" */
      g_autofree char *arrived = g_strdup_printf (_("How many of the party of %s came: %s"),
                                                  name, arrived_text);

      set_accessible_label (self->arrived_button, arrived);
    }
}

static void
atelier_checkin_row_update (AtelierCheckinRow *self)
{
  AtelierRegistration *registration = self->registration;
  AtelierCustomer *customer = self->customer;
  g_autofree char *name = NULL;
  g_autofree char *party = NULL;
  g_autofree char *arrived_text = NULL;
  g_autofree char *status = NULL;
  g_autofree char *history = NULL;
  g_autofree char *interests = NULL;
  g_autofree char *interests_text = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  g_autoptr(GString) accessible = NULL;
  GtkWidget *status_widget = GTK_WIDGET (self->status_label);
  gboolean confirmed = FALSE;
  gboolean checked_in = FALSE;
  gboolean waitlisted = FALSE;
  int party_size = 1;

  if (customer != NULL)
    name = atelier_customer_dup_full_name (customer);
  else if (registration != NULL)
    name = g_strdup (atelier_registration_get_customer_name (registration));
  if (atelier_str_is_empty (name))
    {
      g_free (name);
      /* TRANSLATORS: shown for a customer whose name was erased */
      name = g_strdup (_("Unnamed Customer"));
    }

  if (registration != NULL)
    {
      const char *reg_status = atelier_registration_get_status (registration);

      confirmed = g_strcmp0 (reg_status, ATELIER_REGISTRATION_CONFIRMED) == 0;
      waitlisted = g_strcmp0 (reg_status, ATELIER_REGISTRATION_WAITLISTED) == 0;
      checked_in = confirmed && atelier_registration_get_checked_in_at (registration) != 0;
      party_size = atelier_registration_get_party_size (registration);

      if (checked_in)
        status = format_checked_in (self, atelier_registration_get_checked_in_at (registration));
      else if (waitlisted)
        /* TRANSLATORS: a person at the door who is on the session's waiting
         * list, and their place on it, e.g. "On the waiting list (2)" */
        status = g_strdup_printf (_("On the waiting list (%d)"),
                                  atelier_registration_get_waitlist_position (registration));
      else if (!confirmed)
        /* TRANSLATORS: a person whose registration was cancelled */
        status = g_strdup (C_("registration", "Cancelled"));
      else if (!atelier_str_is_empty (self->answer))
        /* What they answered from their calendar: "Said yes on 3 May" */
        status = g_strdup (self->answer);

      set_button_target (self->check_in_button, atelier_registration_get_id (registration));
      set_button_target (self->undo_button, atelier_registration_get_id (registration));
      set_button_target (self->arrived_button, atelier_registration_get_id (registration));
    }
  else if (customer != NULL)
    {
      /* TRANSLATORS: a customer of the store found at the door who is not
       * signed up to the session */
      status = g_strdup (_("Not signed up"));
      set_button_target (self->walk_in_button, atelier_customer_get_id (customer));
    }

  if (party_size > 1)
    /* TRANSLATORS: how many people come together, on a small badge */
    party = g_strdup_printf (ngettext ("Party of %d", "Party of %d", party_size), party_size);
  if (checked_in && party_size > 1)
    {
      int arrived = atelier_registration_count_arrived (registration);

      /* TRANSLATORS: on the row of a party at the door: how many of it
       * are here, e.g. "2 of 3 came"; a button to correct it */
      arrived_text = g_strdup_printf (ngettext ("%d of %d came", "%d of %d came", party_size),
                                      arrived, party_size);
    }

  history = format_history (self->previous_classes);
  if (customer != NULL)
    {
      const char *customer_note = atelier_customer_get_note (customer);

      interests = format_interests (atelier_customer_get_interests (customer));
      if (!atelier_str_is_empty (customer_note))
        g_string_append (note, customer_note);
    }
  if (registration != NULL && !atelier_str_is_empty (atelier_registration_get_note (registration)))
    {
      if (note->len > 0)
        g_string_append_c (note, '\n');
      g_string_append (note, atelier_registration_get_note (registration));
    }
  if (interests != NULL)
    /* TRANSLATORS: on a person's card at the door, e.g. "Likes: wine, cheese" */
    interests_text = g_strdup_printf (_("Likes: %s"), interests);

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name);
  set_label (self->party_label, party);
  set_label (self->status_label, status);
  set_label (self->history_label, history);
  set_label (self->interests_label, interests_text);
  set_label (self->note_label, note->str);

  gtk_widget_remove_css_class (status_widget, "success");
  gtk_widget_remove_css_class (status_widget, "warning");
  gtk_widget_remove_css_class (status_widget, "dim-label");
  if (checked_in)
    gtk_widget_add_css_class (status_widget, "success");
  else if (waitlisted)
    gtk_widget_add_css_class (status_widget, "warning");
  else
    gtk_widget_add_css_class (status_widget, "dim-label");

  if (checked_in)
    gtk_widget_add_css_class (GTK_WIDGET (self), "checked-in");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "checked-in");

  gtk_widget_set_visible (self->check_in_button, confirmed && !checked_in);
  gtk_widget_set_visible (self->undo_button, checked_in);
  gtk_widget_set_visible (self->walk_in_button, registration == NULL && customer != NULL);
  gtk_widget_set_visible (self->arrived_button, arrived_text != NULL);
  if (arrived_text != NULL)
    gtk_button_set_label (GTK_BUTTON (self->arrived_button), arrived_text);
  name_buttons (self, name, arrived_text);

  /* What a screen reader says for the whole row. */
  accessible = g_string_new (name);
  if (party != NULL)
    g_string_append_printf (accessible, ", %s", party);
  if (status != NULL)
    g_string_append_printf (accessible, ", %s", status);
  if (arrived_text != NULL)
    g_string_append_printf (accessible, ", %s", arrived_text);
  if (history != NULL)
    g_string_append_printf (accessible, ", %s", history);
  if (interests_text != NULL)
    g_string_append_printf (accessible, ", %s", interests_text);
  if (note->len > 0)
    g_string_append_printf (accessible, ", %s", note->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                  -1);
}

static void
atelier_checkin_row_dispose (GObject *object)
{
  AtelierCheckinRow *self = ATELIER_CHECKIN_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_CHECKIN_ROW);
  g_clear_object (&self->registration);
  g_clear_object (&self->customer);

  G_OBJECT_CLASS (atelier_checkin_row_parent_class)->dispose (object);
}

static void
atelier_checkin_row_finalize (GObject *object)
{
  AtelierCheckinRow *self = ATELIER_CHECKIN_ROW (object);

  g_free (self->time_zone);
  g_free (self->answer);

  G_OBJECT_CLASS (atelier_checkin_row_parent_class)->finalize (object);
}

static void
atelier_checkin_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtelierCheckinRow *self = ATELIER_CHECKIN_ROW (object);

  switch (prop_id)
    {
    case PROP_REGISTRATION:
      g_value_set_object (value, self->registration);
      break;

    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;

    case PROP_PREVIOUS_CLASSES:
      g_value_set_int (value, self->previous_classes);
      break;

    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;

    case PROP_ANSWER:
      g_value_set_string (value, self->answer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_checkin_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AtelierCheckinRow *self = ATELIER_CHECKIN_ROW (object);

  switch (prop_id)
    {
    case PROP_PREVIOUS_CLASSES:
      atelier_checkin_row_set_previous_classes (self, g_value_get_int (value));
      break;

    case PROP_TIME_ZONE:
      atelier_checkin_row_set_time_zone (self, g_value_get_string (value));
      break;

    case PROP_ANSWER:
      atelier_checkin_row_set_answer (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_checkin_row_class_init (AtelierCheckinRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atelier_checkin_row_dispose;
  object_class->finalize = atelier_checkin_row_finalize;
  object_class->get_property = atelier_checkin_row_get_property;
  object_class->set_property = atelier_checkin_row_set_property;

  /* Set together with the customer by atelier_checkin_row_set_person(). */
  properties[PROP_REGISTRATION] =
    g_param_spec_object ("registration", NULL, NULL,
                         ATELIER_TYPE_REGISTRATION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         ATELIER_TYPE_CUSTOMER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* How many classes the customer came to before; -1 when unknown. */
  properties[PROP_PREVIOUS_CLASSES] =
    g_param_spec_int ("previous-classes", NULL, NULL,
                      -1, G_MAXINT, -1,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The session's IANA zone, in which the check-in time is shown. */
  properties[PROP_TIME_ZONE] =
    g_param_spec_string ("time-zone", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* What the customer answered from their calendar, "Said yes on 3 May" */
  properties[PROP_ANSWER] =
    g_param_spec_string ("answer", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-checkin-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinRow, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinRow, avatar);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinRow, party_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinRow, history_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinRow, interests_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinRow, check_in_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinRow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinRow, walk_in_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCheckinRow, arrived_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "checkinrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wrap_button_label (GtkWidget *button)
{
  GtkWidget *label;

  if (gtk_button_get_label (GTK_BUTTON (button)) == NULL)
    gtk_button_set_label (GTK_BUTTON (button), "");
  label = gtk_button_get_child (GTK_BUTTON (button));
  if (!GTK_IS_LABEL (label))
    return;

  /* GTK 4.8 gives a wrapping label only its longest word when the row is
   * short of room, even at 760 pixels: a few characters of width keep a
   * short label ("Check In") on one line, a long one still wraps. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_label_set_width_chars (GTK_LABEL (label),
                             CLAMP ((int) g_utf8_strlen (gtk_label_get_label (GTK_LABEL (label)), -1), 4, 10));
}

static void
atelier_checkin_row_init (AtelierCheckinRow *self)
{
  self->previous_classes = -1;
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A target first, then the action: the actions take an id. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->check_in_button), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->check_in_button), "checkin.check-in");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->undo_button), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->undo_button), "checkin.undo-check-in");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->walk_in_button), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->walk_in_button), "checkin.walk-in-customer");
  /* At 360 px a long label ("Annuler le pointage") wraps instead of
   * widening the window. */
  wrap_button_label (self->check_in_button);
  wrap_button_label (self->undo_button);
  wrap_button_label (self->walk_in_button);
  wrap_button_label (self->arrived_button);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->arrived_button), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->arrived_button), "checkin.arrived");
  atelier_checkin_row_update (self);
}

GtkWidget *
atelier_checkin_row_new (void)
{
  return g_object_new (ATELIER_TYPE_CHECKIN_ROW, NULL);
}

/**
 * atelier_checkin_row_get_registration:
 *
 * Returns: (transfer none) (nullable): the registration shown, or %NULL
 *   for a customer who is not signed up
 */
AtelierRegistration *
atelier_checkin_row_get_registration (AtelierCheckinRow *self)
{
  g_return_val_if_fail (ATELIER_IS_CHECKIN_ROW (self), NULL);

  return self->registration;
}

/**
 * atelier_checkin_row_get_customer:
 *
 * Returns: (transfer none) (nullable): the customer shown
 */
AtelierCustomer *
atelier_checkin_row_get_customer (AtelierCheckinRow *self)
{
  g_return_val_if_fail (ATELIER_IS_CHECKIN_ROW (self), NULL);

  return self->customer;
}

/**
 * atelier_checkin_row_set_person:
 * @registration: (nullable): a registration of the session
 * @customer: (nullable): its customer, or a customer who is not signed up
 *   when @registration is %NULL
 */
void
atelier_checkin_row_set_person (AtelierCheckinRow   *self,
                                AtelierRegistration *registration,
                                AtelierCustomer     *customer)
{
  gboolean registration_changed;
  gboolean customer_changed;

  g_return_if_fail (ATELIER_IS_CHECKIN_ROW (self));
  g_return_if_fail (registration == NULL || ATELIER_IS_REGISTRATION (registration));
  g_return_if_fail (customer == NULL || ATELIER_IS_CUSTOMER (customer));

  registration_changed = g_set_object (&self->registration, registration);
  customer_changed = g_set_object (&self->customer, customer);
  if (!registration_changed && !customer_changed)
    return;

  atelier_checkin_row_update (self);
  if (registration_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRATION]);
  if (customer_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
}

int
atelier_checkin_row_get_previous_classes (AtelierCheckinRow *self)
{
  g_return_val_if_fail (ATELIER_IS_CHECKIN_ROW (self), -1);

  return self->previous_classes;
}

/**
 * atelier_checkin_row_set_previous_classes:
 * @previous_classes: the classes the customer came to before, or -1 when
 *   unknown (nothing is said then)
 */
void
atelier_checkin_row_set_previous_classes (AtelierCheckinRow *self,
                                          int                previous_classes)
{
  g_return_if_fail (ATELIER_IS_CHECKIN_ROW (self));

  previous_classes = MAX (previous_classes, -1);
  if (self->previous_classes == previous_classes)
    return;

  self->previous_classes = previous_classes;
  atelier_checkin_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIOUS_CLASSES]);
}

const char *
atelier_checkin_row_get_time_zone (AtelierCheckinRow *self)
{
  g_return_val_if_fail (ATELIER_IS_CHECKIN_ROW (self), NULL);

  return self->time_zone;
}

void
atelier_checkin_row_set_time_zone (AtelierCheckinRow *self,
                                   const char        *time_zone)
{
  g_return_if_fail (ATELIER_IS_CHECKIN_ROW (self));

  if (g_strcmp0 (self->time_zone, time_zone) == 0)
    return;

  g_free (self->time_zone);
  self->time_zone = g_strdup (time_zone);
  atelier_checkin_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_ZONE]);
}

void
atelier_checkin_row_set_answer (AtelierCheckinRow *self,
                                const char        *answer)
{
  g_return_if_fail (ATELIER_IS_CHECKIN_ROW (self));

  if (g_strcmp0 (self->answer, answer) == 0)
    return;

  g_free (self->answer);
  self->answer = g_strdup (answer);
  atelier_checkin_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
}
