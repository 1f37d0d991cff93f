/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-page-actions.c: what one can do from a session's page
 *
 * The page's "session." actions: sign up, edit, check-in mode, who to
 * invite next, change the capacity, cancel the session, send the invites
 * owed by mail (or save them to a folder), retry a failed message; and, with a registration's id, check in, undo it, move to another
 * session, cancel. Each asks when it destroys something, goes through the
 * core (atelier-booking.h), says what it did in a toast on the page, and
 * reloads the page; which actions are allowed follows the session
 * (_atelier_session_page_update_actions()).
 */
#define G_LOG_DOMAIN "atelier-session-page"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-capacity-dialog.h"
#include "atelier-export.h"
#include "atelier-format.h"
#include "atelier-invite-next-dialog.h"
#include "atelier-mail-queue.h"
#include "atelier-move-dialog.h"
#include "atelier-print-operation.h"
#include "atelier-print-roster.h"
#include "atelier-preferences-window.h"
#include "atelier-roster-row.h"
#include "atelier-session-page-private.h"
#include "atelier-settings.h"
#include "atelier-signup-dialog.h"
#include "atelier-widget-util.h"

/* Toasts: in the page's own overlay, below its header bar. */

static void
show_toast (AtelierSessionPage *self,
            const char         *title)
{
  atelier_toast_show_text (GTK_WIDGET (self->stack), title);
}

static void
show_error_toast (AtelierSessionPage *self,
                  const GError       *error)
{
  show_toast (self, error->message);
}

static GtkWindow *
page_window (AtelierSessionPage *self)
{
  return atelier_widget_get_window (GTK_WIDGET (self));
}

/* Names joined as a list, e.g. "Ada Test, Berthe Test" */
static char *
join_names (GListModel *registrations)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (registrations); i++)
    {
      g_autoptr(AtelierRegistration) registration = g_list_model_get_item (registrations, i);

      if (names->len > 0)
        /* TRANSLATORS: separates names in a list of people */
        g_string_append (names, _(", "));
      g_string_append (names, atelier_roster_row_display_name (registration));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* A toast's title: what was done, after who was promoted, if anyone.
 * The promotion comes first because a toast cuts off what does not fit
 * on one line, and it is the news: what was done shows on the page. */
static char *
format_done_and_promoted (const char *done,
                          GListModel *promoted)
{
  guint n = promoted != NULL ? g_list_model_get_n_items (promoted) : 0;
  g_autofree char *names = NULL;
  g_autofree char *promoted_text = NULL;

  if (n == 0)
    return g_strdup (done);

  names = join_names (promoted);
  promoted_text = g_strdup_printf (ngettext ("%s is confirmed from the waiting list.",
                                             "Confirmed from the waiting list: %s.", n),
                                   names);
  return g_strconcat (promoted_text, " ", done, NULL);
}

/* One registration of this session, from an action's parameter; a toast
 * says why when it cannot be read. */
static AtelierRegistration *
get_registration (AtelierSessionPage *self,
                  GVariant           *parameter)
{
  g_autoptr(GError) error = NULL;
  AtelierRegistration *registration;

  registration = atelier_store_get_registration (self->store, g_variant_get_int64 (parameter), &error);
  if (registration == NULL)
    show_error_toast (self, error);
  return registration;
}

/* A question with a destructive answer and a safe one, the default. */
static AdwMessageDialog *
confirm_dialog_new (AtelierSessionPage *self,
                    const char         *heading,
                    const char         *body,
                    const char         *keep_label,
                    const char         *destroy_response,
                    const char         *destroy_label)
{
  GtkWidget *dialog = adw_message_dialog_new (page_window (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", keep_label,
                                    destroy_response, destroy_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), destroy_response,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  return ADW_MESSAGE_DIALOG (dialog);
}

/* Cancel a registration */

/* What the question's answer needs once the dialog is gone. */
typedef struct
{
  AtelierSessionPage *page;
  gint64              registration_id;
  char               *name;
} CancelRegistration;

static void
cancel_registration_free (gpointer data,
                          GClosure *closure)
{
  CancelRegistration *cancel = data;

  g_clear_weak_pointer (&cancel->page);
  g_free (cancel->name);
  g_free (cancel);
}

static void
on_cancel_registration_response_cb (AdwMessageDialog   *dialog,
                                    const char         *response,
                                    CancelRegistration *cancel)
{
  AtelierSessionPage *self = cancel->page;
  g_autoptr(GListModel) promoted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  g_autofree char *title = NULL;

  if (self == NULL || g_strcmp0 (response, "cancel-registration") != 0)
    return;

  if (!atelier_booking_cancel (self->store, cancel->registration_id, ATELIER_CANCELLED_BY_CUSTOMER,
                               &promoted, &error))
    {
      show_error_toast (self, error);
      return;
    }

  /* TRANSLATORS: a toast, e.g. "Zoé Martin’s registration is cancelled." */
  done = g_strdup_printf (_("%s’s registration is cancelled."), cancel->name);
  title = format_done_and_promoted (done, promoted);
  show_toast (self, title);
  _atelier_session_page_reload (self);
}

/* Who a cancellation would confirm from the waiting list, and why a
 * party ahead of them may stay: the rule is the core's, said before it
 * surprises anyone. */
static char *
describe_promotion (AtelierSessionPage  *self,
                    AtelierRegistration *registration)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) promoted = NULL;
  g_autofree char *names = NULL;
  g_autofree char *who = NULL;
  int freed = 0;
  guint n;

  promoted = atelier_booking_preview_cancel (self->store, atelier_registration_get_id (registration),
                                             &freed, &error);
  if (promoted == NULL)
    return g_strdup (_("The seats freed go to the waiting list, in order."));

  n = g_list_model_get_n_items (promoted);
  if (n == 0)
    /* TRANSLATORS: in the question before cancelling a registration */
    return g_strdup_printf (ngettext ("Nobody on the waiting list fits in the %d seat freed: each party keeps its place.",
                                      "Nobody on the waiting list fits in the %d seats freed: each party keeps its place.",
                                      freed), freed);

  names = join_names (promoted);
  /* TRANSLATORS: in the question before cancelling a registration, e.g.
   * "Hugo Moreau, Jules Bonnet will be confirmed from the waiting list." */
  who = g_strdup_printf (ngettext ("%s will be confirmed from the waiting list.",
                                   "%s will be confirmed from the waiting list.", n), names);
  /* TRANSLATORS: after who will be confirmed; the waiting list's rule */
  return g_strconcat (who, " ", _("Seats go down the list in order; a party too large for the seats left keeps its place, and smaller parties behind it are confirmed."), NULL);
}

static void
cancel_registration_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  g_autoptr(AtelierRegistration) registration = get_registration (self, parameter);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  CancelRegistration *cancel;
  AdwMessageDialog *dialog;
  const char *name;
  int party;

  if (registration == NULL)
    return;

  name = atelier_roster_row_display_name (registration);
  party = atelier_registration_get_party_size (registration);
  if (party == 1)
    heading = g_strdup_printf (_("Cancel %s’s registration?"), name);
  else
    heading = g_strdup_printf (ngettext ("Cancel %s’s registration (party of %d)?",
                                         "Cancel %s’s registration (party of %d)?", party),
                               name, party);

  if (g_strcmp0 (atelier_registration_get_status (registration), ATELIER_REGISTRATION_WAITLISTED) == 0)
    body = g_strdup (_("They leave the waiting list; those behind them move up."));
  else if (self->summary.waiting_parties > 0)
    body = describe_promotion (self, registration);
  else
    body = g_strdup (_("The seats freed become available again."));

  dialog = confirm_dialog_new (self, heading, body, _("_Keep Registration"),
                               "cancel-registration", _("_Cancel Registration"));
  cancel = g_new0 (CancelRegistration, 1);
  g_set_weak_pointer (&cancel->page, self);
  cancel->registration_id = atelier_registration_get_id (registration);
  cancel->name = g_strdup (name);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_cancel_registration_response_cb),
                         cancel, cancel_registration_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Check-in */

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  gboolean undo = g_strcmp0 (action_name, "session.undo-check-in") == 0;
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (undo)
    registration = atelier_booking_undo_check_in (self->store, id, &error);
  else
    registration = atelier_booking_check_in (self->store, id, &error);

  if (registration == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  if (undo)
    {
      /* TRANSLATORS: a toast, e.g. "Zoé Martin is no longer checked in." */
      title = g_strdup_printf (_("%s is no longer checked in."), atelier_roster_row_display_name (registration));
      show_toast (self, title);
    }
  else
    {
      g_autofree char *markup = NULL;
      AdwToast *toast;

      /* TRANSLATORS: a toast, e.g. "Zoé Martin is checked in." */
      title = g_strdup_printf (_("%s is checked in."), atelier_roster_row_display_name (registration));
      markup = g_markup_escape_text (title, -1);
      toast = adw_toast_new (markup);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "session.undo-check-in");
      adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
      atelier_toast_show (GTK_WIDGET (self->stack), toast);
    }
  _atelier_session_page_reload (self);
}

/* Move a registration */

static void
on_moved_cb (AtelierMoveDialog   *dialog,
             AtelierRegistration *moved,
             AtelierSession      *target,
             AtelierSessionPage  *self)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (target);
  const char *name = atelier_roster_row_display_name (moved);
  const char *workshop = atelier_session_get_workshop_title (target);
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;

  /* TRANSLATORS: the session a registration moved to, in
   * g_date_time_format() notation, e.g. "Tue 14 Mar, 18:30" */
  when = atelier_date_format (start, _("%a %-d %b, %H:%M"));
  if (g_strcmp0 (atelier_registration_get_status (moved), ATELIER_REGISTRATION_WAITLISTED) == 0)
    /* TRANSLATORS: a toast, e.g. "Zoé Martin moved to Cours de pâtisserie, Tue 14 Mar, 18:30: on the waiting list, position 2." */
    title = g_strdup_printf (_("%s moved to %s, %s: on the waiting list, position %d."),
                             name, workshop, when, atelier_registration_get_waitlist_position (moved));
  else
    /* TRANSLATORS: a toast, e.g. "Zoé Martin moved to Cours de pâtisserie, Tue 14 Mar, 18:30: confirmed." */
    title = g_strdup_printf (_("%s moved to %s, %s: confirmed."), name, workshop, when);

  show_toast (self, title);
  _atelier_session_page_reload (self);
}

static void
move_registration_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  g_autoptr(AtelierRegistration) registration = get_registration (self, parameter);
  GtkWidget *dialog;

  if (registration == NULL)
    return;

  dialog = atelier_move_dialog_new (page_window (self), self->store, registration);
  g_signal_connect_object (dialog, "moved", G_CALLBACK (on_moved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Change the capacity */

static void
on_capacity_changed_cb (AtelierCapacityDialog *dialog,
                        int                    capacity,
                        GListModel            *promoted,
                        AtelierSessionPage    *self)
{
  g_autofree char *done = NULL;
  g_autofree char *title = NULL;

  /* TRANSLATORS: a toast, e.g. "The capacity is now 12 seats." */
  done = g_strdup_printf (ngettext ("The capacity is now %d seat.", "The capacity is now %d seats.", capacity),
                          capacity);
  title = format_done_and_promoted (done, promoted);
  show_toast (self, title);
  _atelier_session_page_reload (self);
}

static void
change_capacity_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  GtkWidget *dialog;

  if (self->session == NULL)
    return;

  dialog = atelier_capacity_dialog_new (page_window (self), self->store, self->session_id);
  g_signal_connect_object (dialog, "capacity-changed", G_CALLBACK (on_capacity_changed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Cancel the session */

static void
on_cancel_session_response_cb (AdwMessageDialog   *dialog,
                               const char         *response,
                               AtelierSessionPage *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "cancel-session") != 0)
    return;

  if (!atelier_booking_cancel_session (self->store, self->session_id, &error))
    {
      show_error_toast (self, error);
      return;
    }

  show_toast (self, _("The session is cancelled."));
  _atelier_session_page_reload (self);
}

/* "12 people (8 registrations) will be told it is cancelled." */
static char *
format_cancel_session_body (const AtelierSessionSummary *summary)
{
  int people = summary->confirmed_seats + summary->waiting_seats;
  int registrations = summary->confirmed_parties + summary->waiting_parties;
  g_autofree char *parties = NULL;

  if (registrations == 0)
    return g_strdup (_("Nobody is signed up to it yet."));

  /* TRANSLATORS: how many registrations a cancelled session affects,
   * inserted in the next message, e.g. "8 registrations" */
  parties = g_strdup_printf (ngettext ("%d registration", "%d registrations", registrations),
                             registrations);
  /* TRANSLATORS: e.g. "12 people (8 registrations) will be told it is cancelled." */
  return g_strdup_printf (ngettext ("%d person (%s) will be told it is cancelled.",
                                    "%d people (%s) will be told it is cancelled.",
                                    people),
                          people, parties);
}

static void
cancel_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->session == NULL)
    return;

  body = format_cancel_session_body (&self->summary);
  dialog = confirm_dialog_new (self, _("Cancel this session?"), body, _("_Keep Session"),
                               "cancel-session", _("_Cancel Session"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_session_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Save invites to a folder */

typedef struct
{
  AtelierSessionPage *page;
  GFile              *folder;
} SaveInvites;

static void
save_invites_free (SaveInvites *save)
{
  g_object_unref (save->page);
  g_object_unref (save->folder);
  g_free (save);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveInvites, save_invites_free)

static void
show_export_error (AtelierSessionPage *self,
                   const char         *heading,
                   const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (page_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_invites_written_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(SaveInvites) save = user_data;
  AtelierSessionPage *self = save->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = atelier_export_dup_display_name (save->folder);
  g_autofree char *title = NULL;
  guint n_written = 0;
  gboolean ok = atelier_export_invites_finish (result, &n_written, &error);

  self->exporting = FALSE;
  g_clear_object (&self->export_cancellable);

  /* The page was closed meanwhile. */
  if (self->store == NULL)
    return;

  /* Written through another connection: no "changed" here. */
  _atelier_session_page_reload (self);

  if (!ok)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (atelier_export_is_no_organizer_error (error))
        atelier_export_ask_for_organizer (GTK_WIDGET (self), _("The Store’s E-mail Address Is Missing"));
      else
        show_export_error (self, _("Invites Not Written"), error);
      return;
    }

  if (n_written == 0)
    title = g_strdup (_("Nothing to send: every customer has the latest invite."));
  else
    /* TRANSLATORS: a toast, e.g. "3 invites written to “Invites”" */
    title = g_strdup_printf (ngettext ("%u invite written to “%s”", "%u invites written to “%s”", n_written),
                             n_written, name);
  show_toast (self, title);
}

/**
 * atelier_session_page_save_invites:
 * @folder: the folder chosen to write the invites in
 *
 * Writes the invites the session's customers are owed in @folder, in a
 * thread, showing progress on the page, then a toast or the error.
 */
void
atelier_session_page_save_invites (AtelierSessionPage *self,
                                   GFile              *folder)
{
  SaveInvites *save;
  const char *path;

  g_return_if_fail (ATELIER_IS_SESSION_PAGE (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (self->store == NULL || self->exporting)
    return;

  path = atelier_store_get_path (self->store);
  if (path == NULL)
    {
      show_toast (self, _("This store has no file that invites could be written from."));
      return;
    }

  save = g_new0 (SaveInvites, 1);
  save->page = g_object_ref (self);
  save->folder = g_object_ref (folder);

  self->exporting = TRUE;
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
  atelier_export_invites_async (path, self->session_id, folder, self->export_cancellable,
                                on_invites_written_cb, save);

  /* Shows the progress. */
  _atelier_session_page_reload (self);
}

static void
on_invites_folder_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               gpointer         user_data)
{
  g_autoptr(AtelierSessionPage) self = user_data;
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (folder != NULL)
    atelier_session_page_save_invites (self, folder);
}

static void
save_invites_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooserNative *chooser;

  if (self->session == NULL || self->exporting)
    return;

  settings = atelier_settings_load (self->store, &error);
  if (settings == NULL)
    {
      show_error_toast (self, error);
      return;
    }
  if (!atelier_settings_check_can_invite (settings, NULL))
    {
      atelier_export_ask_for_organizer (widget, _("The Store’s E-mail Address Is Missing"));
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Choose a Folder for the Invites"), page_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Write Invites"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_invites_folder_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Send invites by mail */

/* What the mail account lacks, with a button to the preferences. */
static void
on_mail_account_response_cb (AdwMessageDialog   *dialog,
                             const char         *response,
                             AtelierSessionPage *self)
{
  GListModel *toplevels;
  GApplication *application;

  if (g_strcmp0 (response, "preferences") != 0)
    return;

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "app.preferences", NULL))
    {
      /* Not in an application window (a test, a lone page). */
      application = g_application_get_default ();
      if (application != NULL)
        g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
    }

  /* The action runs at once: open the window on the mail server. */
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (ATELIER_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_visible (window))
        atelier_preferences_window_focus_setting (ATELIER_PREFERENCES_WINDOW (window),
                                                  ATELIER_SETTING_SMTP_HOST);
    }
}

static void
ask_for_mail_account (AtelierSessionPage *self,
                      const GError       *error)
{
  GtkWidget *dialog = adw_message_dialog_new (page_window (self), _("The Mail Account Is Not Set"),
                                              error->message);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Not Now"),
                                    "preferences", _("Open _Preferences"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "preferences",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "preferences");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_mail_account_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* "Sending 12 of 40…" and the message's state, after each message; the
 * page shows them at its next frame. */
static void
on_message_sent_cb (AtelierMailMessage *message,
                    guint               index,
                    guint               total,
                    const GError       *error,
                    gpointer            user_data)
{
  AtelierSessionPage *self = user_data;
  guint next = MIN (index + 2, total);

  g_free (self->send_progress);
  /* TRANSLATORS: progress while invites are sent, e.g. "Sending 12 of 40…" */
  self->send_progress = g_strdup_printf (_("Sending %u of %u…"), next, total);
  _atelier_session_page_add_news (self, message);
}

/* "3 invites sent", "2 sent, 1 failed", or why nothing was sent */
static char *
format_send_report (const AtelierMailReport *report)
{
  guint n_failed = report->n_failed + report->n_retry;

  if (report->n_sent == 0 && n_failed == 0)
    return g_strdup (_("Nothing to send: every customer has the latest invite."));
  if (n_failed == 0)
    /* TRANSLATORS: a toast after sending, e.g. "3 messages sent" */
    return g_strdup_printf (ngettext ("%u message sent", "%u messages sent", report->n_sent),
                            report->n_sent);
  /* TRANSLATORS: a toast after sending, e.g. "2 sent, 1 failed: see the roster" */
  return g_strdup_printf (ngettext ("%u sent, %u failed: see the roster",
                                    "%u sent, %u failed: see the roster", n_failed),
                          report->n_sent, n_failed);
}

static void
on_invites_sent_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AtelierSessionPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AtelierMailReport report = { 0 };
  gboolean ok;

  ok = atelier_mail_queue_send_finish (ATELIER_STORE (source), result, &report, &error);
  self->sending = FALSE;
  g_clear_object (&self->send_cancellable);
  g_clear_pointer (&self->send_progress, g_free);

  /* The page was closed meanwhile. */
  if (self->store == NULL)
    return;

  _atelier_session_page_reload (self);

  if (!ok && g_error_matches (error, ATELIER_MAIL_QUEUE_ERROR, ATELIER_MAIL_QUEUE_ERROR_CANCELLED))
    /* TRANSLATORS: a toast when the manager stopped sending, e.g. "Stopped: 3 messages sent" */
    title = g_strdup_printf (ngettext ("Stopped: %u message sent", "Stopped: %u messages sent",
                                       report.n_sent),
                             report.n_sent);
  else if (!ok)
    title = g_strdup_printf (_("Not sent: %s"), error->message);
  else
    title = format_send_report (&report);
  show_toast (self, title);
}

/**
 * atelier_session_page_send_invites:
 *
 * Sends by mail what the session's customers are owed (invites, updates,
 * cancellations), in a thread, showing progress on the page with a way
 * to stop, then a toast with what was sent and what failed.
 */
void
atelier_session_page_send_invites (AtelierSessionPage *self)
{
  g_return_if_fail (ATELIER_IS_SESSION_PAGE (self));

  if (self->store == NULL || self->sending || self->exporting)
    return;

  self->sending = TRUE;
  self->send_progress = g_strdup (_("Sending invites…"));
  g_clear_object (&self->send_cancellable);
  self->send_cancellable = g_cancellable_new ();
  atelier_mail_queue_send_async (self->store, NULL, self->session_id, on_message_sent_cb, self,
                                 self->send_cancellable, on_invites_sent_cb, g_object_ref (self));
  /* The progress alone, not a reload: reloading makes new rows, and new
   * rows set their tooltips, a round trip to the display server each. */
  _atelier_session_page_add_news (self, NULL);
  _atelier_session_page_update_actions (self);
}

/**
 * atelier_session_page_get_sending:
 *
 * Returns: whether the page is sending mail now
 */
gboolean
atelier_session_page_get_sending (AtelierSessionPage *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_PAGE (self), FALSE);

  return self->sending;
}

/* Sends, once the account allows it; else says what it lacks. */
static void
check_account_and_send (AtelierSessionPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  if (self->session == NULL || self->sending)
    return;

  settings = atelier_settings_load (self->store, &error);
  if (settings == NULL)
    {
      show_error_toast (self, error);
      return;
    }
  if (!atelier_settings_check_can_invite (settings, NULL))
    {
      atelier_export_ask_for_organizer (widget, _("The Store’s E-mail Address Is Missing"));
      return;
    }
  if (!atelier_settings_check_can_send (settings, &error))
    {
      ask_for_mail_account (self, error);
      return;
    }

  atelier_session_page_send_invites (self);
}

static void
send_invites_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  check_account_and_send (ATELIER_SESSION_PAGE (widget));
}

static void
stop_sending_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);

  if (self->send_cancellable != NULL)
    g_cancellable_cancel (self->send_cancellable);
}

/* A failed message goes back to the queue; Send Invites sends it. */
static void
retry_message_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!atelier_mail_queue_retry (self->store, g_variant_get_int64 (parameter), &error))
    {
      show_error_toast (self, error);
      return;
    }
  _atelier_session_page_reload (self);
  check_account_and_send (self);
}

/* Sign-up, who to invite next, check-in mode, editing */

static void
sign_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  GtkWidget *dialog = atelier_signup_dialog_new (page_window (self), self->store, self->session_id);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* The sign-in sheet for the door, through the print dialog ("Print to
 * File" writes it as PDF) */
static void
print_roster_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  g_autoptr(AtelierPrintRoster) roster = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  roster = atelier_print_roster_new (self->store, self->session_id, &error);
  if (roster == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  /* TRANSLATORS: the name of a print job, in the printer's queue */
  operation = atelier_print_operation_new (ATELIER_PRINT_DOCUMENT (roster), _("Roster"));
  atelier_print_operation_run_dialog (operation, page_window (self));
}

static void
invite_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  GtkWidget *dialog = atelier_invite_next_dialog_new (page_window (self), self->store, self->session_id);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_in_mode_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);

  if (!gtk_widget_activate_action (widget, "win.check-in", "x", self->session_id))
    show_toast (self, _("Check-in mode is not available in this window."));
}

/* The session editor belongs to the window (win.edit-session). */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);

  if (!gtk_widget_activate_action (widget, "win.edit-session", "x", self->session_id))
    show_toast (self, _("The session cannot be edited in this window."));
}

/**
 * _atelier_session_page_update_actions:
 *
 * Allows what the session allows now: nothing once it is cancelled or
 * gone, no sign-up once it has started, no change once it is over.
 */
void
_atelier_session_page_update_actions (AtelierSessionPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean exists = self->session != NULL;
  gboolean cancelled = exists && atelier_session_is_cancelled (self->session);
  gboolean started = exists && atelier_session_get_starts_at (self->session) <= g_get_real_time () / G_USEC_PER_SEC;
  gboolean open = exists && !cancelled;
  gboolean changeable = open && !self->summary.ended;
  /* Inviting more people to a full session only lengthens its waiting
   * list: the list, or the workshop's next session, is the answer. */
  gboolean full = self->summary.confirmed_seats >= self->summary.capacity;
  const char *tooltip;

  gtk_widget_action_set_enabled (widget, "session.sign-up", open && !started);
  gtk_widget_action_set_enabled (widget, "session.edit", changeable);
  gtk_widget_action_set_enabled (widget, "session.change-capacity", changeable);
  gtk_widget_action_set_enabled (widget, "session.cancel-session", changeable);
  gtk_widget_action_set_enabled (widget, "session.check-in-mode", changeable);
  gtk_widget_action_set_enabled (widget, "session.invite-next", open && !started && !full);
  gtk_widget_action_set_enabled (widget, "session.print-roster", exists);
  gtk_widget_action_set_enabled (widget, "session.cancel-registration", open);
  gtk_widget_action_set_enabled (widget, "session.move-registration", open);
  gtk_widget_action_set_enabled (widget, "session.check-in", open);
  gtk_widget_action_set_enabled (widget, "session.undo-check-in", open);
  gtk_widget_action_set_enabled (widget, "session.save-invites",
                                 exists && self->n_pending > 0 && !self->exporting && !self->sending);
  gtk_widget_action_set_enabled (widget, "session.send-invites",
                                 exists && self->n_pending > 0 && !self->exporting && !self->sending);
  gtk_widget_action_set_enabled (widget, "session.stop-sending", self->sending);
  gtk_widget_action_set_enabled (widget, "session.retry-message", exists && !self->sending);

  tooltip = started && open
              ? _("This session has already started; add late arrivals as walk-ins in check-in mode.")
              : _("Sign a customer up to this session");
  atelier_widget_set_tooltip (self->sign_up_button, tooltip);
  atelier_widget_set_tooltip (self->sign_up_icon_button, tooltip);
}

void
_atelier_session_page_class_actions_init (AtelierSessionPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "session.sign-up", NULL, sign_up_action);
  gtk_widget_class_install_action (widget_class, "session.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "session.check-in-mode", NULL, check_in_mode_action);
  gtk_widget_class_install_action (widget_class, "session.invite-next", NULL, invite_next_action);
  gtk_widget_class_install_action (widget_class, "session.print-roster", NULL, print_roster_action);
  gtk_widget_class_install_action (widget_class, "session.change-capacity", NULL, change_capacity_action);
  gtk_widget_class_install_action (widget_class, "session.cancel-session", NULL, cancel_session_action);
  gtk_widget_class_install_action (widget_class, "session.cancel-registration", "x",
                                   cancel_registration_action);
  gtk_widget_class_install_action (widget_class, "session.move-registration", "x",
                                   move_registration_action);
  gtk_widget_class_install_action (widget_class, "session.check-in", "x", check_in_action);
  gtk_widget_class_install_action (widget_class, "session.undo-check-in", "x", check_in_action);
  gtk_widget_class_install_action (widget_class, "session.save-invites", NULL, save_invites_action);
  gtk_widget_class_install_action (widget_class, "session.send-invites", NULL, send_invites_action);
  gtk_widget_class_install_action (widget_class, "session.stop-sending", NULL, stop_sending_action);
  gtk_widget_class_install_action (widget_class, "session.retry-message", "x", retry_message_action);
}
