/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-invite-next-row.c: one customer worth inviting to a session
 *
 * An avatar, the customer's name, why they are listed (the workshop's
 * category is among their interests, or they came to classes of it), and
 * their history with the store: classes attended and when they were last
 * contacted, as a date in the session's time zone. The list view of the
 * invite-next dialog recycles rows: everything shown is set again on each
 * atelier_invite_next_row_set_candidate().
 */
#define G_LOG_DOMAIN "atelier-invite-next-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atelier-format.h"
#include "atelier-invite-next-row.h"

struct _AtelierInviteNextRow
{
  GtkBox                  parent_instance;

  AtelierInviteCandidate *candidate;

  AdwAvatar              *avatar;
  GtkLabel               *name_label;
  GtkLabel               *why_label;
  GtkLabel               *history_label;
};

G_DEFINE_FINAL_TYPE (AtelierInviteNextRow, atelier_invite_next_row, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_CANDIDATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_contacted (gint64      unix_time,
                  const char *time_zone)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *date = NULL;

  if (unix_time <= 0)
    return g_strdup (_("never contacted"));

  utc = g_date_time_new_from_unix_utc (unix_time);
  zone = time_zone != NULL ? g_time_zone_new_identifier (time_zone) : NULL;
  if (zone == NULL)
    zone = g_time_zone_new_local ();
  local = g_date_time_to_timezone (utc, zone);
  /* TRANSLATORS: a date, as in "last contacted 3 March 2025" */
  date = atelier_date_format (local, _("%-d %B %Y"));
  /* TRANSLATORS: when the store last reached out to the customer */
  return g_strdup_printf (_("last contacted %s"), date);
}

static char *
format_why (AtelierInviteCandidate *candidate,
            const char             *category)
{
  if (atelier_invite_candidate_get_interest_match (candidate))
    /* TRANSLATORS: why a customer is listed: the workshop's category is
     * among their interests, e.g. "Interested in cuisine" */
    return g_strdup_printf (_("Interested in %s"), category);

  /* TRANSLATORS: why a customer is listed: they came to classes of the
   * workshop's category, e.g. "Came to cuisine classes" */
  return g_strdup_printf (_("Came to %s classes"), category);
}

static char *
format_history (AtelierInviteCandidate *candidate,
                const char             *category,
                const char             *time_zone)
{
  int n_attended = atelier_invite_candidate_get_attended (candidate);
  int n_in_category = atelier_invite_candidate_get_attended_in_category (candidate);
  g_autofree char *attended = NULL;
  g_autofree char *contacted = NULL;

  if (n_in_category > 0)
    /* TRANSLATORS: classes attended, then those of the workshop's
     * category, e.g. "3 classes attended, 2 in cuisine" */
    attended = g_strdup_printf (ngettext ("%d class attended, %d in %s",
                                          "%d classes attended, %d in %s", n_attended),
                                n_attended, n_in_category, category);
  else
    attended = g_strdup_printf (ngettext ("%d class attended", "%d classes attended", n_attended),
                                n_attended);
  contacted = format_contacted (atelier_invite_candidate_get_last_contacted_at (candidate), time_zone);
  /* TRANSLATORS: classes attended, then when last contacted, e.g.
   * "2 classes attended · never contacted" */
  return g_strdup_printf (_("%s · %s"), attended, contacted);
}

static void
atelier_invite_next_row_update (AtelierInviteNextRow *self,
                                const char           *category,
                                const char           *time_zone)
{
  AtelierCustomer *customer = atelier_invite_candidate_get_customer (self->candidate);
  g_autofree char *name = atelier_customer_dup_full_name (customer);
  g_autofree char *why = format_why (self->candidate, category);
  g_autofree char *history = format_history (self->candidate, category, time_zone);
  g_autofree char *accessible = NULL;

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->why_label, why);
  gtk_label_set_label (self->history_label, history);

  accessible = g_strjoin (", ", name, why, history, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
atelier_invite_next_row_dispose (GObject *object)
{
  AtelierInviteNextRow *self = ATELIER_INVITE_NEXT_ROW (object);

  g_clear_object (&self->candidate);

  G_OBJECT_CLASS (atelier_invite_next_row_parent_class)->dispose (object);
}

static void
atelier_invite_next_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AtelierInviteNextRow *self = ATELIER_INVITE_NEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_CANDIDATE:
      g_value_set_object (value, self->candidate);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_invite_next_row_class_init (AtelierInviteNextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atelier_invite_next_row_dispose;
  object_class->get_property = atelier_invite_next_row_get_property;

  /* Read-only: what the row says depends on the session too, given with
   * the candidate to atelier_invite_next_row_set_candidate(). */
  properties[PROP_CANDIDATE] =
    g_param_spec_object ("candidate", NULL, NULL,
                         ATELIER_TYPE_INVITE_CANDIDATE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static GtkLabel *
new_wrapped_caption (void)
{
  GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_xalign (label, 0);
  gtk_label_set_wrap (label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (label), "caption");
  return label;
}

static void
atelier_invite_next_row_init (AtelierInviteNextRow *self)
{
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_box_set_spacing (GTK_BOX (self), 12);

  self->avatar = ADW_AVATAR (adw_avatar_new (32, NULL, TRUE));
  gtk_widget_set_valign (GTK_WIDGET (self->avatar), GTK_ALIGN_CENTER);

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "heading");
  self->why_label = new_wrapped_caption ();
  self->history_label = new_wrapped_caption ();
  gtk_widget_add_css_class (GTK_WIDGET (self->history_label), "dim-label");

  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->why_label));
  gtk_box_append (GTK_BOX (labels), GTK_WIDGET (self->history_label));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->avatar));
  gtk_box_append (GTK_BOX (self), labels);
}

GtkWidget *
atelier_invite_next_row_new (void)
{
  return g_object_new (ATELIER_TYPE_INVITE_NEXT_ROW, NULL);
}

/**
 * atelier_invite_next_row_get_candidate:
 *
 * Returns: (transfer none) (nullable): the candidate shown
 */
AtelierInviteCandidate *
atelier_invite_next_row_get_candidate (AtelierInviteNextRow *self)
{
  g_return_val_if_fail (ATELIER_IS_INVITE_NEXT_ROW (self), NULL);

  return self->candidate;
}

/**
 * atelier_invite_next_row_set_candidate:
 * @candidate: the customer to show
 * @category: (nullable): the category of the session's workshop
 * @time_zone: (nullable): the session's IANA time zone, for the date of the
 *   last contact; %NULL for the local one
 */
void
atelier_invite_next_row_set_candidate (AtelierInviteNextRow   *self,
                                       AtelierInviteCandidate *candidate,
                                       const char             *category,
                                       const char             *time_zone)
{
  g_return_if_fail (ATELIER_IS_INVITE_NEXT_ROW (self));
  g_return_if_fail (ATELIER_IS_INVITE_CANDIDATE (candidate));

  if (g_set_object (&self->candidate, candidate))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANDIDATE]);
  atelier_invite_next_row_update (self, category != NULL ? category : "", time_zone);
}
