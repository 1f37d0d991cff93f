/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-history-row.c: one class of a customer's history, as a
 * row of their profile
 *
 * Shows the workshop, when it starts and for how many people, and what
 * became of the registration (attended, missed, waiting list…); the row
 * opens the session. The texts are shared with the whole-history window,
 * whose list rows say the same.
 */
#define G_LOG_DOMAIN "atelier-customer-history-row"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-customer-history-row.h"
#include "atelier-format.h"

struct _AtelierCustomerHistoryRow
{
  AdwActionRow         parent_instance;

  AtelierHistoryEntry *entry;

  /* Template children */
  GtkWidget           *status_label;
};

G_DEFINE_FINAL_TYPE (AtelierCustomerHistoryRow, atelier_customer_history_row, ADW_TYPE_ACTION_ROW)

enum
{
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * atelier_customer_history_row_describe_entry:
 * @now: the time to judge at, in UTC seconds
 * @upcoming: (out): whether the class is still ahead
 *
 * Returns: (transfer full): what became of the registration
 */
char *
atelier_customer_history_row_describe_entry (AtelierHistoryEntry *entry,
                                             gint64               now,
                                             gboolean            *upcoming)
{
  AtelierSession *session = atelier_history_entry_get_session (entry);
  AtelierRegistration *registration = atelier_history_entry_get_registration (entry);
  const char *status = atelier_registration_get_status (registration);
  gboolean ended = atelier_session_get_ends_at (session) <= now;

  *upcoming = !ended;

  if (atelier_session_is_cancelled (session))
    return g_strdup (_("Session cancelled"));
  if (g_strcmp0 (status, ATELIER_REGISTRATION_CANCELLED) == 0)
    return g_strdup (_("Registration cancelled"));
  if (atelier_registration_get_checked_in_at (registration) != 0)
    {
      *upcoming = FALSE;
      return g_strdup (_("Attended"));
    }
  if (g_strcmp0 (status, ATELIER_REGISTRATION_WAITLISTED) == 0)
    {
      if (ended)
        return g_strdup (_("Waiting list, no seat came free"));
      /* TRANSLATORS: a customer's place in a session's waiting list */
      return g_strdup_printf (_("Waiting list, position %d"),
                              atelier_registration_get_waitlist_position (registration));
    }
  if (ended)
    return g_strdup (_("Missed"));
  return g_strdup (_("Confirmed"));
}

/**
 * atelier_customer_history_row_dup_when:
 *
 * Returns: (transfer full): when the class starts, and the size of the
 *   party when more than one came
 */
char *
atelier_customer_history_row_dup_when (AtelierHistoryEntry *entry)
{
  AtelierSession *session = atelier_history_entry_get_session (entry);
  int party = atelier_registration_get_party_size (atelier_history_entry_get_registration (entry));
  g_autofree char *when = atelier_format_session_start (session);

  if (party <= 1)
    return g_steal_pointer (&when);
  /* TRANSLATORS: a session's date and the size of the party, e.g.
   * "Tue 14 Mar 2025, 18:30 · 3 people" */
  return g_strdup_printf (ngettext ("%s · %d person", "%s · %d people", party), when, party);
}

/**
 * atelier_customer_history_row_style_status:
 * @label: the label showing @status
 *
 * Colours a status: attended in green, missed in orange, the rest dimmed.
 */
void
atelier_customer_history_row_style_status (GtkWidget  *label,
                                           const char *status)
{
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "warning");
  gtk_widget_remove_css_class (label, "dim-label");
  if (g_str_equal (status, _("Attended")))
    gtk_widget_add_css_class (label, "success");
  else if (g_str_equal (status, _("Missed")))
    gtk_widget_add_css_class (label, "warning");
  else
    gtk_widget_add_css_class (label, "dim-label");
}

static void
atelier_customer_history_row_update (AtelierCustomerHistoryRow *self)
{
  AtelierSession *session;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;
  g_autofree char *status = NULL;
  gboolean upcoming;

  if (self->entry == NULL)
    return;

  session = atelier_history_entry_get_session (self->entry);
  title = g_markup_escape_text (atelier_session_get_workshop_title (session), -1);
  when = atelier_customer_history_row_dup_when (self->entry);
  status = atelier_customer_history_row_describe_entry (self->entry, g_get_real_time () / G_USEC_PER_SEC,
                                                        &upcoming);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), when);
  gtk_label_set_label (GTK_LABEL (self->status_label), status);
  atelier_customer_history_row_style_status (self->status_label, status);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x", atelier_session_get_id (session));
}

static void
atelier_customer_history_row_dispose (GObject *object)
{
  AtelierCustomerHistoryRow *self = ATELIER_CUSTOMER_HISTORY_ROW (object);

  g_clear_object (&self->entry);

  G_OBJECT_CLASS (atelier_customer_history_row_parent_class)->dispose (object);
}

static void
atelier_customer_history_row_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  AtelierCustomerHistoryRow *self = ATELIER_CUSTOMER_HISTORY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, self->entry);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_customer_history_row_set_property (GObject      *object,
                                           guint         prop_id,
                                           const GValue *value,
                                           GParamSpec   *pspec)
{
  AtelierCustomerHistoryRow *self = ATELIER_CUSTOMER_HISTORY_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      atelier_customer_history_row_set_entry (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_customer_history_row_class_init (AtelierCustomerHistoryRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atelier_customer_history_row_dispose;
  object_class->get_property = atelier_customer_history_row_get_property;
  object_class->set_property = atelier_customer_history_row_set_property;

  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         ATELIER_TYPE_HISTORY_ENTRY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-customer-history-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerHistoryRow, status_label);
}

static void
atelier_customer_history_row_init (AtelierCustomerHistoryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atelier_customer_history_row_new (AtelierHistoryEntry *entry)
{
  return g_object_new (ATELIER_TYPE_CUSTOMER_HISTORY_ROW, "entry", entry, NULL);
}

/**
 * atelier_customer_history_row_get_entry:
 *
 * Returns: (transfer none) (nullable): the class shown
 */
AtelierHistoryEntry *
atelier_customer_history_row_get_entry (AtelierCustomerHistoryRow *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_HISTORY_ROW (self), NULL);

  return self->entry;
}

void
atelier_customer_history_row_set_entry (AtelierCustomerHistoryRow *self,
                                        AtelierHistoryEntry       *entry)
{
  g_return_if_fail (ATELIER_IS_CUSTOMER_HISTORY_ROW (self));
  g_return_if_fail (entry == NULL || ATELIER_IS_HISTORY_ENTRY (entry));

  if (!g_set_object (&self->entry, entry))
    return;

  atelier_customer_history_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}
