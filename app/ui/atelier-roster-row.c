/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-roster-row.c: one registration on a session's page
 *
 * A row of the session page's roster: the place on the waiting list, the
 * name, when they were checked in (or that they did not come) and the
 * note, the party's size, a "Check In" button and a menu (undo the
 * check-in, move, cancel). Under them, across the whole card, the state
 * of the last message sent to the customer, with Retry when it failed.
 *
 * The button and the menu activate the page's actions ("session.check-in",
 * "session.undo-check-in", "session.move-registration",
 * "session.cancel-registration", each with the registration's id), so that
 * the page decides when they are allowed. The row is recycled by the
 * page's list view: everything is set again when its registration is.
 */
#define G_LOG_DOMAIN "atelier-roster-row"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-attendance.h"
#include "atelier-format.h"
#include "atelier-mail-format.h"
#include "atelier-roster-row.h"
#include "atelier-widget-util.h"

struct _AtelierRosterRow
{
  GtkBox               parent_instance;

  AtelierRegistration *registration;
  AtelierSession      *session;
  gboolean             session_ended;
  AtelierMailMessage  *mail_message;
  char                *answer;

  /* Template children */
  GtkLabel            *position_label;
  GtkLabel            *name_label;
  GtkLabel            *info_label;
  GtkLabel            *party_label;
  GtkWidget           *mail_box;
  GtkLabel            *mail_label;
  GtkWidget           *retry_button;
  GtkWidget           *checked_icon;
  GtkWidget           *check_in_button;
  GtkMenuButton       *menu_button;
};

G_DEFINE_FINAL_TYPE (AtelierRosterRow, atelier_roster_row, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_REGISTRATION,
  PROP_SESSION,
  PROP_SESSION_ENDED,
  PROP_MAIL_MESSAGE,
  PROP_ANSWER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * atelier_roster_row_display_name:
 *
 * Returns: (transfer none): the name a roster shows for @registration's
 *   customer, or "Unnamed Customer" for one whose name was erased
 */
const char *
atelier_roster_row_display_name (AtelierRegistration *registration)
{
  const char *name;

  g_return_val_if_fail (ATELIER_IS_REGISTRATION (registration), NULL);

  name = atelier_registration_get_customer_name (registration);
  return !atelier_str_is_empty (name) ? name : _("Unnamed Customer");
}

/* "Checked in at 18:42", in the session's own zone. */
static char *
format_checked_in (AtelierRosterRow *self,
                   gint64            checked_in_at)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (atelier_session_get_time_zone (self->session));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (checked_in_at);
  g_autoptr(GDateTime) at = NULL;

  if (zone == NULL)
    zone = g_time_zone_new_local ();
  at = g_date_time_to_timezone (utc, zone);

  /* TRANSLATORS: when a party was checked in, in g_date_time_format()
   * notation, e.g. "Checked in at 18:42" */
  return atelier_date_format (at, _("Checked in at %H:%M"));
}

/* When they came (or that they did not) and the registration's note. */
static char *
format_info (AtelierRosterRow *self)
{
  AtelierRegistration *registration = self->registration;
  gint64 checked_in_at = atelier_registration_get_checked_in_at (registration);
  const char *note = atelier_registration_get_note (registration);
  GString *info = g_string_new (NULL);

  if (checked_in_at != 0 && self->session != NULL)
    {
      g_autofree char *text = format_checked_in (self, checked_in_at);

      g_string_append (info, text ? text : "");
    }
  else if (atelier_attendance_for_registration (registration,
                                                self->session != NULL && atelier_session_is_cancelled (self->session),
                                                self->session_ended) == ATELIER_ATTENDANCE_NO_SHOW)
    g_string_append (info, _("No-show"));

  if (!atelier_str_is_empty (self->answer))
    {
      if (info->len > 0)
        g_string_append (info, _(" · "));
      g_string_append (info, self->answer);
    }

  if (!atelier_str_is_empty (note))
    {
      if (info->len > 0)
        g_string_append (info, _(" · "));
      g_string_append (info, note);
    }

  return g_string_free (info, FALSE);
}

static void
append_item (GMenu      *section,
             const char *label,
             const char *action_name,
             gint64      id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action_name, g_variant_new_int64 (id));
  g_menu_append_item (section, item);
}

/* Undo the check-in (when there is one) apart, then move and cancel. */
static GMenuModel *
menu_new (gint64   id,
          gboolean checked_in)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();

  if (checked_in)
    {
      g_autoptr(GMenu) undo = g_menu_new ();

      append_item (undo, _("_Undo Check-in"), "session.undo-check-in", id);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (undo));
    }
  append_item (section, _("_Move to Another Session…"), "session.move-registration", id);
  append_item (section, _("_Cancel Registration…"), "session.cancel-registration", id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  return G_MENU_MODEL (menu);
}

static void
update_menu (AtelierRosterRow *self,
             const char       *name,
             gint64            id,
             gboolean          checked_in)
{
  g_autoptr(GMenuModel) menu = menu_new (id, checked_in);
  /* TRANSLATORS: the accessible name of the menu of one attendee, e.g.
   * "Actions for Zoé Martin" */
  g_autofree char *label = g_strdup_printf (_("Actions for %s"), name);

  gtk_menu_button_set_menu_model (self->menu_button, menu);
  atelier_widget_set_tooltip (GTK_WIDGET (self->menu_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The row's buttons say whom they are for, as the menu does: a screen
 * reader that lists a roster's buttons reads "Check in Zoé Martin", not
 * ten "Check In". */
static void
name_buttons (AtelierRosterRow *self,
              const char       *name)
{
  /* TRANSLATORS: what a screen reader says of the button that checks
   * a person in, e.g. "Check in Zoé Martin" */
  g_autofree char *check_in = g_strdup_printf (_("Check in %s"), name);
  /* TRANSLATORS: what a screen reader says of the button that sends
   * a failed message again, e.g. "Send the message to Zoé Martin again" */
  g_autofree char *retry = g_strdup_printf (_("Send the message to %s again"), name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_in_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, check_in, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->retry_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, retry, -1);
}

/* The last message this customer was sent for the session, and a Retry
 * button when it failed for good. */
static void
update_mail (AtelierRosterRow *self)
{
  g_autofree char *line = NULL;
  gboolean failed;

  gtk_widget_set_visible (self->mail_box, self->mail_message != NULL);
  if (self->mail_message == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->mail_label), FALSE);
      gtk_widget_set_visible (self->retry_button, FALSE);
      return;
    }

  line = atelier_mail_format_line (self->mail_message);
  failed = g_strcmp0 (atelier_mail_message_get_state (self->mail_message), "failed") == 0;
  gtk_label_set_label (self->mail_label, line);
  gtk_widget_set_visible (GTK_WIDGET (self->mail_label), TRUE);
  if (failed)
    gtk_widget_add_css_class (GTK_WIDGET (self->mail_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->mail_label), "error");

  gtk_widget_set_visible (self->retry_button, failed);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->retry_button),
                                          g_variant_new_int64 (atelier_mail_message_get_id (self->mail_message)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry_button), "session.retry-message");
}

/* Whether the row would show @a and @b alike. */
static gboolean
same_mail_line (AtelierMailMessage *a,
                AtelierMailMessage *b)
{
  g_autofree char *line_a = NULL;
  g_autofree char *line_b = NULL;

  if (a == NULL || b == NULL)
    return a == b;
  if (atelier_mail_message_get_id (a) != atelier_mail_message_get_id (b)
      || g_strcmp0 (atelier_mail_message_get_state (a), atelier_mail_message_get_state (b)) != 0)
    return FALSE;

  line_a = atelier_mail_format_line (a);
  line_b = atelier_mail_format_line (b);
  return g_strcmp0 (line_a, line_b) == 0;
}

static void
atelier_roster_row_update (AtelierRosterRow *self)
{
  AtelierRegistration *registration = self->registration;
  const char *status;
  const char *name;
  gboolean waiting;
  gboolean confirmed;
  gboolean checked_in;
  gboolean session_open;
  gint64 id;
  int party;
  g_autofree char *position = NULL;
  g_autofree char *party_text = NULL;
  g_autofree char *party_long = NULL;
  g_autofree char *info = NULL;
  g_autofree char *accessible = NULL;

  if (registration == NULL)
    return;

  status = atelier_registration_get_status (registration);
  waiting = g_strcmp0 (status, ATELIER_REGISTRATION_WAITLISTED) == 0;
  confirmed = g_strcmp0 (status, ATELIER_REGISTRATION_CONFIRMED) == 0;
  checked_in = atelier_registration_get_checked_in_at (registration) != 0;
  session_open = self->session != NULL && !atelier_session_is_cancelled (self->session);
  name = atelier_roster_row_display_name (registration);
  id = atelier_registration_get_id (registration);
  party = atelier_registration_get_party_size (registration);

  if (waiting)
    /* TRANSLATORS: a place on the waiting list, e.g. "1." */
    position = g_strdup_printf (_("%d."), atelier_registration_get_waitlist_position (registration));
  gtk_label_set_label (self->position_label, position ? position : "");
  gtk_widget_set_visible (GTK_WIDGET (self->position_label), waiting);

  gtk_label_set_label (self->name_label, name);

  /* TRANSLATORS: a party's size, short, e.g. "×3" */
  party_text = g_strdup_printf (_("×%d"), party);
  gtk_label_set_label (self->party_label, party_text);
  /* TRANSLATORS: a party's size, read by screen readers, e.g. "party of 3" */
  party_long = g_strdup_printf (ngettext ("party of %d", "party of %d", party), party);
  atelier_widget_set_tooltip (GTK_WIDGET (self->party_label), party_long);

  info = format_info (self);
  gtk_label_set_label (self->info_label, info);
  gtk_widget_set_visible (GTK_WIDGET (self->info_label), *info != '\0');

  gtk_widget_set_visible (self->checked_icon, checked_in);
  gtk_widget_set_visible (self->check_in_button, confirmed && !checked_in && session_open);
  /* The target first: a name without it would not match the action. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->check_in_button), g_variant_new_int64 (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->check_in_button), "session.check-in");

  update_menu (self, name, id, checked_in);
  name_buttons (self, name);
  update_mail (self);

  accessible = g_strdup_printf ("%s, %s%s%s", name, party_long, *info != '\0' ? ", " : "", info);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
atelier_roster_row_dispose (GObject *object)
{
  AtelierRosterRow *self = ATELIER_ROSTER_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_ROSTER_ROW);
  g_clear_object (&self->registration);
  g_clear_object (&self->session);
  g_clear_object (&self->mail_message);
  g_clear_pointer (&self->answer, g_free);

  G_OBJECT_CLASS (atelier_roster_row_parent_class)->dispose (object);
}

static void
atelier_roster_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtelierRosterRow *self = ATELIER_ROSTER_ROW (object);

  switch (prop_id)
    {
    case PROP_REGISTRATION:
      g_value_set_object (value, self->registration);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_SESSION_ENDED:
      g_value_set_boolean (value, self->session_ended);
      break;

    case PROP_MAIL_MESSAGE:
      g_value_set_object (value, self->mail_message);
      break;

    case PROP_ANSWER:
      g_value_set_string (value, self->answer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_roster_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtelierRosterRow *self = ATELIER_ROSTER_ROW (object);

  switch (prop_id)
    {
    case PROP_REGISTRATION:
      atelier_roster_row_set_registration (self, g_value_get_object (value));
      break;

    case PROP_SESSION:
      atelier_roster_row_set_session (self, g_value_get_object (value));
      break;

    case PROP_SESSION_ENDED:
      atelier_roster_row_set_session_ended (self, g_value_get_boolean (value));
      break;

    case PROP_MAIL_MESSAGE:
      atelier_roster_row_set_mail_message (self, g_value_get_object (value));
      break;

    case PROP_ANSWER:
      atelier_roster_row_set_answer (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_roster_row_class_init (AtelierRosterRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atelier_roster_row_dispose;
  object_class->get_property = atelier_roster_row_get_property;
  object_class->set_property = atelier_roster_row_set_property;

  /**
   * AtelierRosterRow:registration:
   *
   * The registration shown, or %NULL.
   */
  properties[PROP_REGISTRATION] =
    g_param_spec_object ("registration", NULL, NULL,
                         ATELIER_TYPE_REGISTRATION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierRosterRow:session:
   *
   * The registration's session: its zone for the check-in time, and
   * whether it is cancelled (no check-in then).
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         ATELIER_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierRosterRow:session-ended:
   *
   * Whether the session is over: confirmed people not checked in are
   * then no-shows.
   */
  properties[PROP_SESSION_ENDED] =
    g_param_spec_boolean ("session-ended", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierRosterRow:mail-message:
   *
   * The last message the customer was sent (or owed) for the session,
   * shown on a line of its own with Retry when it failed; or %NULL.
   */
  properties[PROP_MAIL_MESSAGE] =
    g_param_spec_object ("mail-message", NULL, NULL,
                         ATELIER_TYPE_MAIL_MESSAGE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierRosterRow:answer:
   *
   * What the customer answered from their calendar, "Said yes on 3
   * May", shown beside the check-in time and the note; or %NULL.
   */
  properties[PROP_ANSWER] =
    g_param_spec_string ("answer", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-roster-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierRosterRow, position_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierRosterRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierRosterRow, info_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierRosterRow, party_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierRosterRow, mail_box);
  gtk_widget_class_bind_template_child (widget_class, AtelierRosterRow, mail_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierRosterRow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierRosterRow, checked_icon);
  gtk_widget_class_bind_template_child (widget_class, AtelierRosterRow, check_in_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierRosterRow, menu_button);
}

static void
atelier_roster_row_init (AtelierRosterRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atelier_roster_row_new:
 *
 * Returns: (transfer floating): an empty row; give it a session and a
 *   registration
 */
GtkWidget *
atelier_roster_row_new (void)
{
  return g_object_new (ATELIER_TYPE_ROSTER_ROW, NULL);
}

AtelierRegistration *
atelier_roster_row_get_registration (AtelierRosterRow *self)
{
  g_return_val_if_fail (ATELIER_IS_ROSTER_ROW (self), NULL);

  return self->registration;
}

void
atelier_roster_row_set_registration (AtelierRosterRow    *self,
                                     AtelierRegistration *registration)
{
  g_return_if_fail (ATELIER_IS_ROSTER_ROW (self));
  g_return_if_fail (registration == NULL || ATELIER_IS_REGISTRATION (registration));

  if (!g_set_object (&self->registration, registration))
    return;

  atelier_roster_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRATION]);
}

AtelierSession *
atelier_roster_row_get_session (AtelierRosterRow *self)
{
  g_return_val_if_fail (ATELIER_IS_ROSTER_ROW (self), NULL);

  return self->session;
}

void
atelier_roster_row_set_session (AtelierRosterRow *self,
                                AtelierSession   *session)
{
  g_return_if_fail (ATELIER_IS_ROSTER_ROW (self));
  g_return_if_fail (session == NULL || ATELIER_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  atelier_roster_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

gboolean
atelier_roster_row_get_session_ended (AtelierRosterRow *self)
{
  g_return_val_if_fail (ATELIER_IS_ROSTER_ROW (self), FALSE);

  return self->session_ended;
}

void
atelier_roster_row_set_session_ended (AtelierRosterRow *self,
                                      gboolean          session_ended)
{
  g_return_if_fail (ATELIER_IS_ROSTER_ROW (self));

  session_ended = !!session_ended;
  if (self->session_ended == session_ended)
    return;

  self->session_ended = session_ended;
  atelier_roster_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ENDED]);
}

AtelierMailMessage *
atelier_roster_row_get_mail_message (AtelierRosterRow *self)
{
  g_return_val_if_fail (ATELIER_IS_ROSTER_ROW (self), NULL);

  return self->mail_message;
}

void
atelier_roster_row_set_mail_message (AtelierRosterRow   *self,
                                     AtelierMailMessage *message)
{
  g_return_if_fail (ATELIER_IS_ROSTER_ROW (self));
  g_return_if_fail (message == NULL || ATELIER_IS_MAIL_MESSAGE (message));

  /* Reloading gives new objects for the same message: redraw only when
   * what the row shows of it changed. */
  if (same_mail_line (self->mail_message, message))
    {
      g_set_object (&self->mail_message, message);
      return;
    }

  g_set_object (&self->mail_message, message);
  update_mail (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAIL_MESSAGE]);
}

const char *
atelier_roster_row_get_answer (AtelierRosterRow *self)
{
  g_return_val_if_fail (ATELIER_IS_ROSTER_ROW (self), NULL);

  return self->answer;
}

void
atelier_roster_row_set_answer (AtelierRosterRow *self,
                               const char       *answer)
{
  g_return_if_fail (ATELIER_IS_ROSTER_ROW (self));

  if (g_strcmp0 (self->answer, answer) == 0)
    return;
  g_free (self->answer);
  self->answer = g_strdup (answer);
  atelier_roster_row_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER]);
}
