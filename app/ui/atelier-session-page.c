/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-page.c: one session: its details, its roster, its actions
 *
 * The page is one GtkListView, so that a session with hundreds of
 * attendees costs only the rows on screen. Its model holds, in order:
 * the session itself (drawn as the details block), a heading, the
 * confirmed registrations, and, when there is one, a heading and the
 * waiting list in order. Headings and the empty-roster line are
 * GtkStringObjects tagged with their kind.
 *
 * Every action goes through the core (atelier-booking.h); the page then
 * reloads from the store's "changed" signal, like everything else that
 * shows the session.
 */
#define G_LOG_DOMAIN "atelier-session-page"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-booking.h"
#include "atelier-export.h"
#include "atelier-format.h"
#include "atelier-invite-next-dialog.h"
#include "atelier-outbox.h"
#include "atelier-session-page.h"
#include "atelier-session-row.h"
#include "atelier-signup-dialog.h"

/* Even with nothing changing, look again when the session starts or ends
 * (no-shows appear, sign-ups close), and at least this often. */
#define MAX_RELOAD_INTERVAL_SECONDS 600

#define ITEM_KIND_KEY "atelier-item-kind"
#define ITEM_DETAIL_KEY "atelier-item-detail"
#define ROW_KIND_KEY "atelier-row-kind"
#define ROSTER_ROW_KEY "atelier-roster-row"

typedef enum
{
  ROW_NONE,
  ROW_DETAILS,
  ROW_HEADING,
  ROW_EMPTY,
  ROW_REGISTRATION,
} RowKind;

struct _AtelierSessionPage
{
  GtkWidget              parent_instance;

  AtelierStore          *store;
  gint64                 session_id;

  AtelierSession        *session;
  AtelierWorkshop       *workshop;
  AtelierSessionSummary  summary;
  GListStore            *roster;
  guint                  reload_source;
  guint                  timer_source;
  guint                  n_pending;  /* invites owed */
  gboolean               exporting;
  GCancellable          *export_cancellable;

  /* Template children */
  GtkWidget             *box;
  AdwWindowTitle        *window_title;
  GtkWidget             *sign_up_button;
  GtkWidget             *sign_up_icon_button;
  AdwToastOverlay       *toast_overlay;
  GtkStack              *stack;
  GtkListView           *roster_view;
};

G_DEFINE_FINAL_TYPE (AtelierSessionPage, atelier_session_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SESSION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The widgets of one registration row, kept on its box. */
typedef struct
{
  GtkWidget *box;
  GtkWidget *position_label;
  GtkWidget *name_label;
  GtkWidget *info_label;
  GtkWidget *party_label;
  GtkWidget *checked_icon;
  GtkWidget *check_in_button;
  GtkWidget *menu_button;
} RosterRow;

static void atelier_session_page_reload (AtelierSessionPage *self);

/* Formatting */

static GDateTime *
dup_in_session_zone (AtelierSession *session,
                     gint64          unix_time)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (atelier_session_get_time_zone (session));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  if (zone == NULL)
    zone = g_time_zone_new_local ();
  return g_date_time_to_timezone (utc, zone);
}

/* "Tuesday 14 March 2025, 18:30–20:30", with the zone when it is not the
 * computer's own. */
static char *
format_when (AtelierSession *session)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);
  g_autoptr(GDateTime) end = atelier_session_dup_end (session);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  const char *zone = atelier_session_get_time_zone (session);
  char *when;

  /* TRANSLATORS: the date and start time of a session on its page, in
   * g_date_time_format() notation, e.g. "Tuesday 14 March 2025, 18:30" */
  start_text = atelier_format_date_time (start, _("%A %-d %B %Y, %H:%M"));
  if (g_date_time_get_year (start) == g_date_time_get_year (end)
      && g_date_time_get_day_of_year (start) == g_date_time_get_day_of_year (end))
    end_text = atelier_format_date_time (end, _("–%H:%M"));
  else
    end_text = atelier_format_date_time (end, _(" – %A %-d %B, %H:%M"));

  if (start_text == NULL || end_text == NULL)
    return g_strdup ("");

  when = g_strconcat (start_text, end_text, NULL);
  if (zone != NULL && *zone != '\0'
      && g_strcmp0 (zone, g_time_zone_get_identifier (local)) != 0)
    {
      /* TRANSLATORS: a session's date and time, then its time zone when it
       * is not the computer's, e.g. "Tuesday 14 March, 18:30–20:30 (America/New_York)" */
      char *with_zone = g_strdup_printf (_("%s (%s)"), when, zone);

      g_free (when);
      when = with_zone;
    }

  return when;
}

/* "7 of 10 seats taken · 2 parties waiting (3 seats)", and the check-ins
 * and no-shows when there are any. */
static char *
format_summary (const AtelierSessionSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);
  /* TRANSLATORS: separates the parts of a session's summary line */
  const char *separator = _(" · ");

  g_string_append_printf (text,
                          ngettext ("%d of %d seat taken", "%d of %d seats taken", summary->capacity),
                          summary->confirmed_seats, summary->capacity);

  if (summary->waiting_parties > 0)
    {
      g_autofree char *parties = NULL;
      g_autofree char *seats = NULL;

      /* TRANSLATORS: in a session's summary, e.g. "2 parties waiting" */
      parties = g_strdup_printf (ngettext ("%d party waiting", "%d parties waiting",
                                           summary->waiting_parties),
                                 summary->waiting_parties);
      /* TRANSLATORS: the seats the waiting parties need, e.g. "3 seats" */
      seats = g_strdup_printf (ngettext ("%d seat", "%d seats", summary->waiting_seats),
                               summary->waiting_seats);
      g_string_append (text, separator);
      /* TRANSLATORS: waiting parties, then the seats they need, e.g.
       * "2 parties waiting (3 seats)" */
      g_string_append_printf (text, _("%s (%s)"), parties, seats);
    }

  if (summary->checked_in_seats > 0)
    {
      g_string_append (text, separator);
      /* TRANSLATORS: people already checked in, e.g. "5 checked in" */
      g_string_append_printf (text, ngettext ("%d checked in", "%d checked in",
                                              summary->checked_in_seats),
                              summary->checked_in_seats);
    }

  if (summary->ended)
    {
      g_string_append (text, separator);
      /* TRANSLATORS: confirmed people who did not come, once a session is over */
      g_string_append_printf (text, ngettext ("%d no-show", "%d no-shows", summary->no_show_seats),
                              summary->no_show_seats);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
registration_name (AtelierRegistration *registration)
{
  const char *name = atelier_registration_get_customer_name (registration);

  return name != NULL && *name != '\0' ? name : _("Unnamed Customer");
}

/* Names joined as a list, e.g. "Ada Test, Berthe Test" */
static char *
join_names (GListModel *registrations)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; registrations != NULL && i < g_list_model_get_n_items (registrations); i++)
    {
      g_autoptr(AtelierRegistration) registration = g_list_model_get_item (registrations, i);

      if (names->len > 0)
        /* TRANSLATORS: separates names in a list of people */
        g_string_append (names, _(", "));
      g_string_append (names, registration_name (registration));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* "Paul Durand is confirmed from the waiting list." or %NULL */
static char *
format_promoted (GListModel *promoted)
{
  guint n = promoted != NULL ? g_list_model_get_n_items (promoted) : 0;
  g_autofree char *names = NULL;

  if (n == 0)
    return NULL;

  names = join_names (promoted);
  return g_strdup_printf (ngettext ("%s is confirmed from the waiting list.",
                                    "Confirmed from the waiting list: %s.", n),
                          names);
}

/* A toast's title: what was done, after who was promoted, if anyone.
 * The promotion comes first because a toast cuts off what does not fit
 * on one line, and it is the news: what was done shows on the page. */
static char *
format_done_and_promoted (const char *done,
                          GListModel *promoted)
{
  g_autofree char *promoted_text = format_promoted (promoted);

  if (promoted_text == NULL)
    return g_strdup (done);
  return g_strconcat (promoted_text, " ", done, NULL);
}

/* Toasts */

static void
add_toast (AtelierSessionPage *self,
           const char         *title,
           const char         *action_label,
           const char         *action_name,
           GVariant           *action_target)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (markup);

  if (action_label != NULL)
    {
      adw_toast_set_button_label (toast, action_label);
      adw_toast_set_action_name (toast, action_name);
      adw_toast_set_action_target_value (toast, action_target);
    }
  else if (action_target != NULL)
    g_variant_unref (g_variant_ref_sink (action_target));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
add_error_toast (AtelierSessionPage *self,
                 const GError       *error)
{
  add_toast (self, error->message, NULL, NULL, NULL);
}

static GtkWindow *
page_window (AtelierSessionPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Send invites */

/* How many messages the session's customers are owed. */
static guint
count_pending_invites (AtelierSessionPage *self)
{
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GError) error = NULL;

  items = atelier_outbox_list (self->store, self->session_id, &error);
  if (items == NULL)
    {
      g_warning ("Could not list the invites owed for session %" G_GINT64_FORMAT ": %s",
                 self->session_id, error->message);
      return 0;
    }

  return g_list_model_get_n_items (items);
}

/* "3 to send" and the "Send Invites…" button, among the details. */
static GtkWidget *
invites_row_new (AtelierSessionPage *self)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("mail-send-symbolic");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Send _Invites…"));
  g_autofree char *title = NULL;

  if (self->exporting)
    title = g_strdup (_("Writing invites…"));
  else if (self->n_pending == 0)
    title = g_strdup (_("Nothing to send"));
  else
    /* TRANSLATORS: invites (or cancellations) that customers are owed,
     * beside the "Send Invites…" button, e.g. "3 to send" */
    title = g_strdup_printf (ngettext ("%u to send", "%u to send", self->n_pending), self->n_pending);

  gtk_widget_add_css_class (row, "send-invites");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, C_("session detail", "Invites"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), C_("session detail", "Invites"));

  if (self->exporting)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      gtk_spinner_start (GTK_SPINNER (spinner));
      gtk_accessible_update_property (GTK_ACCESSIBLE (spinner),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Writing invites"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spinner);
    }

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "session.send-invites");
  gtk_widget_set_tooltip_text (button, self->n_pending > 0
                                       ? _("Write the invites customers are owed to a folder, to send them by mail")
                                       : _("Every customer has the latest invite"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Send Invites"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

typedef struct
{
  AtelierSessionPage *page;
  GFile              *folder;
} SendInvites;

static void
send_invites_free (SendInvites *send)
{
  g_object_unref (send->page);
  g_object_unref (send->folder);
  g_free (send);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SendInvites, send_invites_free)

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
  g_autoptr(SendInvites) send = user_data;
  AtelierSessionPage *self = send->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = atelier_export_dup_display_name (send->folder);
  g_autofree char *title = NULL;
  guint n_written = 0;
  gboolean ok = atelier_export_invites_finish (result, &n_written, &error);

  self->exporting = FALSE;
  g_clear_object (&self->export_cancellable);

  /* The page was closed meanwhile. */
  if (self->store == NULL)
    return;

  /* Written through another connection: no "changed" here. */
  atelier_session_page_reload (self);

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
  add_toast (self, title, NULL, NULL, NULL);
}

/**
 * atelier_session_page_send_invites:
 * @folder: the folder chosen to write the invites in
 *
 * Writes the invites the session's customers are owed in @folder, in a
 * thread, showing progress on the page, then a toast or the error.
 */
void
atelier_session_page_send_invites (AtelierSessionPage *self,
                                   GFile              *folder)
{
  SendInvites *send;
  const char *path;

  g_return_if_fail (ATELIER_IS_SESSION_PAGE (self));
  g_return_if_fail (G_IS_FILE (folder));

  if (self->store == NULL || self->exporting)
    return;

  path = atelier_store_get_path (self->store);
  if (path == NULL)
    {
      add_toast (self, _("This store has no file that invites could be written from."), NULL, NULL, NULL);
      return;
    }

  send = g_new0 (SendInvites, 1);
  send->page = g_object_ref (self);
  send->folder = g_object_ref (folder);

  self->exporting = TRUE;
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
  atelier_export_invites_async (path, self->session_id, folder, self->export_cancellable,
                                on_invites_written_cb, send);

  /* Shows the progress. */
  atelier_session_page_reload (self);
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
    atelier_session_page_send_invites (self, folder);
}

static void
send_invites_action (GtkWidget  *widget,
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
      add_error_toast (self, error);
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

/* Rows */

static GtkWidget *
details_new (AtelierSessionPage *self)
{
  AtelierSession *session = self->session;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (atelier_session_get_workshop_title (session));
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *summary = NULL;
  GtkWidget *check_in = NULL;
  g_autofree char *when = format_when (session);
  g_autofree char *capacity = NULL;
  g_autofree char *summary_text = NULL;
  const char *place = atelier_session_get_place (session);
  const char *host = self->workshop ? atelier_workshop_get_host (self->workshop) : NULL;
  gboolean cancelled = atelier_session_is_cancelled (session);
  struct
  {
    const char *icon;
    const char *label;
    const char *value;
  } facts[] = {
    { "x-office-calendar-symbolic", C_("session detail", "Date"), when },
    { "mark-location-symbolic", C_("session detail", "Place"), place },
    { "avatar-default-symbolic", C_("session detail", "Host"), host },
    { "system-users-symbolic", C_("session detail", "Capacity"), NULL },
  };

  gtk_widget_add_css_class (box, "session-details");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "title-2");
  gtk_box_append (GTK_BOX (title_box), title);
  if (cancelled)
    {
      GtkWidget *badge = gtk_label_new (C_("session", "Cancelled"));

      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "badge");
      gtk_widget_add_css_class (badge, "cancelled");
      gtk_box_append (GTK_BOX (title_box), badge);
    }
  gtk_box_append (GTK_BOX (box), title_box);

  /* TRANSLATORS: a session's capacity, e.g. "10 seats" */
  capacity = g_strdup_printf (ngettext ("%d seat", "%d seats", atelier_session_get_capacity (session)),
                              atelier_session_get_capacity (session));
  facts[3].value = capacity;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (facts); i++)
    {
      GtkWidget *row;
      GtkWidget *icon;

      if (facts[i].value == NULL || *facts[i].value == '\0')
        continue;

      row = adw_action_row_new ();
      icon = gtk_image_new_from_icon_name (facts[i].icon);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, facts[i].label, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), facts[i].value);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), facts[i].label);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_list_box_append (GTK_LIST_BOX (list), invites_row_new (self));
  gtk_box_append (GTK_BOX (box), list);

  if (cancelled)
    summary_text = g_strdup (_("This session is cancelled, and so are its registrations."));
  else
    summary_text = format_summary (&self->summary);
  summary = gtk_label_new (summary_text);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_widget_add_css_class (summary, "summary");
  gtk_widget_add_css_class (summary, "heading");
  if (cancelled)
    gtk_widget_add_css_class (summary, "error");
  gtk_box_append (GTK_BOX (box), summary);

  if (!cancelled && !self->summary.ended)
    {
      check_in = gtk_button_new_with_mnemonic (_("Check-in _Mode"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (check_in), "session.check-in-mode");
      gtk_widget_set_tooltip_text (check_in, _("Check people in at the door"));
      gtk_widget_set_halign (check_in, GTK_ALIGN_START);
      gtk_widget_add_css_class (check_in, "pill");
      gtk_box_append (GTK_BOX (box), check_in);
    }

  return box;
}

static GtkWidget *
heading_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "roster-heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 1);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "numeric");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  g_object_set_data (G_OBJECT (box), "title", title);
  g_object_set_data (G_OBJECT (box), "detail", detail);

  return box;
}

static GtkWidget *
empty_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "roster-empty");

  return label;
}

static GtkWidget *
label_new (const char *css_class,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
roster_row_new (void)
{
  RosterRow *row = g_new0 (RosterRow, 1);
  GtkWidget *text_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (row->box, "card");
  gtk_widget_add_css_class (row->box, "roster-row");

  row->position_label = label_new ("numeric", 1);
  gtk_widget_add_css_class (row->position_label, "waitlist-position");
  gtk_box_append (GTK_BOX (row->box), row->position_label);

  gtk_widget_set_hexpand (text_box, TRUE);
  gtk_widget_set_valign (text_box, GTK_ALIGN_CENTER);
  row->name_label = label_new ("heading", 0);
  gtk_label_set_ellipsize (GTK_LABEL (row->name_label), PANGO_ELLIPSIZE_END);
  row->info_label = label_new ("dim-label", 0);
  gtk_label_set_wrap (GTK_LABEL (row->info_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (row->info_label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (row->info_label, "caption");
  gtk_box_append (GTK_BOX (text_box), row->name_label);
  gtk_box_append (GTK_BOX (text_box), row->info_label);
  gtk_box_append (GTK_BOX (row->box), text_box);

  row->party_label = label_new ("numeric", 1);
  gtk_widget_add_css_class (row->party_label, "party-size");
  gtk_box_append (GTK_BOX (row->box), row->party_label);

  row->checked_icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
  gtk_widget_add_css_class (row->checked_icon, "success");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->checked_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, C_("attendee", "Checked in"), -1);
  gtk_box_append (GTK_BOX (row->box), row->checked_icon);

  row->check_in_button = gtk_button_new_with_label (_("Check In"));
  gtk_widget_set_valign (row->check_in_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row->box), row->check_in_button);

  row->menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (row->menu_button), "view-more-symbolic");
  gtk_widget_set_valign (row->menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->menu_button, "flat");
  gtk_box_append (GTK_BOX (row->box), row->menu_button);

  g_object_set_data_full (G_OBJECT (row->box), ROSTER_ROW_KEY, row, g_free);
  return row->box;
}

static void
roster_row_bind (AtelierSessionPage  *self,
                 RosterRow           *row,
                 AtelierRegistration *registration)
{
  const char *status = atelier_registration_get_status (registration);
  gboolean waiting = g_strcmp0 (status, ATELIER_REGISTRATION_WAITLISTED) == 0;
  gboolean confirmed = g_strcmp0 (status, ATELIER_REGISTRATION_CONFIRMED) == 0;
  gint64 checked_in_at = atelier_registration_get_checked_in_at (registration);
  const char *name = registration_name (registration);
  const char *note = atelier_registration_get_note (registration);
  int party = atelier_registration_get_party_size (registration);
  gint64 id = atelier_registration_get_id (registration);
  gboolean session_open = self->session != NULL && !atelier_session_is_cancelled (self->session);
  g_autoptr(GString) info = g_string_new (NULL);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  g_autofree char *position = NULL;
  g_autofree char *party_text = NULL;
  g_autofree char *party_long = NULL;
  g_autofree char *menu_label = NULL;
  g_autofree char *accessible = NULL;

  if (waiting)
    /* TRANSLATORS: a place on the waiting list, e.g. "1." */
    position = g_strdup_printf (_("%d."), atelier_registration_get_waitlist_position (registration));
  gtk_label_set_label (GTK_LABEL (row->position_label), position ? position : "");
  gtk_widget_set_visible (row->position_label, waiting);

  gtk_label_set_label (GTK_LABEL (row->name_label), name);

  /* TRANSLATORS: a party's size, short, e.g. "×3" */
  party_text = g_strdup_printf (_("×%d"), party);
  gtk_label_set_label (GTK_LABEL (row->party_label), party_text);
  /* TRANSLATORS: a party's size, read by screen readers, e.g. "party of 3" */
  party_long = g_strdup_printf (ngettext ("party of %d", "party of %d", party), party);
  gtk_widget_set_tooltip_text (row->party_label, party_long);

  if (checked_in_at != 0 && self->session != NULL)
    {
      g_autoptr(GDateTime) at = dup_in_session_zone (self->session, checked_in_at);
      /* TRANSLATORS: when a party was checked in, in g_date_time_format()
       * notation, e.g. "Checked in at 18:42" */
      g_autofree char *text = atelier_format_date_time (at, _("Checked in at %H:%M"));

      g_string_append (info, text ? text : "");
    }
  else if (confirmed && self->summary.ended)
    g_string_append (info, _("No-show"));
  if (note != NULL && *note != '\0')
    {
      if (info->len > 0)
        g_string_append (info, _(" · "));
      g_string_append (info, note);
    }
  gtk_label_set_label (GTK_LABEL (row->info_label), info->str);
  gtk_widget_set_visible (row->info_label, info->len > 0);

  gtk_widget_set_visible (row->checked_icon, checked_in_at != 0);
  gtk_widget_set_visible (row->check_in_button, confirmed && checked_in_at == 0 && session_open);
  /* The target first: a name without it would not match the action. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row->check_in_button),
                                          g_variant_new_int64 (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row->check_in_button), "session.check-in");

  if (checked_in_at != 0)
    {
      item = g_menu_item_new (_("_Undo Check-in"), NULL);
      g_menu_item_set_action_and_target_value (item, "session.undo-check-in", g_variant_new_int64 (id));
      g_menu_append_item (section, item);
      g_clear_object (&item);
      g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
      g_object_unref (section);
      section = g_menu_new ();
    }
  item = g_menu_item_new (_("_Move to Another Session…"), NULL);
  g_menu_item_set_action_and_target_value (item, "session.move-registration", g_variant_new_int64 (id));
  g_menu_append_item (section, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Cancel Registration…"), NULL);
  g_menu_item_set_action_and_target_value (item, "session.cancel-registration", g_variant_new_int64 (id));
  g_menu_append_item (section, item);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (row->menu_button), G_MENU_MODEL (menu));

  /* TRANSLATORS: the accessible name of the menu of one attendee, e.g.
   * "Actions for Zoé Martin" */
  menu_label = g_strdup_printf (_("Actions for %s"), name);
  gtk_widget_set_tooltip_text (row->menu_button, menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);

  accessible = g_strdup_printf ("%s, %s%s%s", name, party_long,
                                info->len > 0 ? ", " : "", info->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static RowKind
item_kind (GObject *item)
{
  if (ATELIER_IS_SESSION (item))
    return ROW_DETAILS;
  if (ATELIER_IS_REGISTRATION (item))
    return ROW_REGISTRATION;
  return GPOINTER_TO_INT (g_object_get_data (item, ITEM_KIND_KEY));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     AtelierSessionPage       *self)
{
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    AtelierSessionPage       *self)
{
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  RowKind kind = item_kind (item);
  RowKind child_kind = child ? GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), ROW_KIND_KEY)) : ROW_NONE;

  /* The details are made anew each time: there is one of them. Other rows
   * are kept when the recycled item is of the same kind. */
  if (kind == ROW_DETAILS || kind != child_kind)
    {
      switch (kind)
        {
        case ROW_DETAILS:
          child = details_new (self);
          break;
        case ROW_HEADING:
          child = heading_new ();
          break;
        case ROW_EMPTY:
          child = empty_new ();
          break;
        case ROW_REGISTRATION:
          child = roster_row_new ();
          break;
        case ROW_NONE:
        default:
          g_return_if_reached ();
        }
      g_object_set_data (G_OBJECT (child), ROW_KIND_KEY, GINT_TO_POINTER (kind));
      gtk_list_item_set_child (list_item, child);
    }

  switch (kind)
    {
    case ROW_HEADING:
      gtk_label_set_label (g_object_get_data (G_OBJECT (child), "title"),
                           gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      gtk_label_set_label (g_object_get_data (G_OBJECT (child), "detail"),
                           g_object_get_data (item, ITEM_DETAIL_KEY));
      break;
    case ROW_EMPTY:
      gtk_label_set_label (GTK_LABEL (child), gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
      break;
    case ROW_REGISTRATION:
      roster_row_bind (self, g_object_get_data (G_OBJECT (child), ROSTER_ROW_KEY),
                       ATELIER_REGISTRATION (item));
      break;
    case ROW_DETAILS:
    case ROW_NONE:
    default:
      break;
    }
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      AtelierSessionPage       *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  /* Let go of the details (and the session they show) at once. */
  if (child != NULL && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), ROW_KIND_KEY)) == ROW_DETAILS)
    gtk_list_item_set_child (list_item, NULL);
}

/* Loading */

static GObject *
string_item_new (RowKind     kind,
                 const char *text,
                 const char *detail)
{
  GtkStringObject *item = gtk_string_object_new (text);

  g_object_set_data (G_OBJECT (item), ITEM_KIND_KEY, GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (item), ITEM_DETAIL_KEY, g_strdup (detail), g_free);
  return G_OBJECT (item);
}

static gboolean
reload_cb (gpointer user_data)
{
  AtelierSessionPage *self = user_data;

  self->reload_source = 0;
  atelier_session_page_reload (self);
  return G_SOURCE_REMOVE;
}

static gboolean
timer_cb (gpointer user_data)
{
  AtelierSessionPage *self = user_data;

  self->timer_source = 0;
  atelier_session_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_timer (AtelierSessionPage *self)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 wait = MAX_RELOAD_INTERVAL_SECONDS;

  g_clear_handle_id (&self->timer_source, g_source_remove);
  if (self->session == NULL)
    return;

  if (atelier_session_get_starts_at (self->session) > now)
    wait = atelier_session_get_starts_at (self->session) - now + 1;
  else if (atelier_session_get_ends_at (self->session) > now)
    wait = atelier_session_get_ends_at (self->session) - now + 1;
  wait = CLAMP (wait, 1, MAX_RELOAD_INTERVAL_SECONDS);

  self->timer_source = g_timeout_add_seconds ((guint) wait, timer_cb, self);
  g_source_set_name_by_id (self->timer_source, "[atelier] session page timer");
}

static void
update_actions (AtelierSessionPage *self)
{
  gboolean exists = self->session != NULL;
  gboolean cancelled = exists && atelier_session_is_cancelled (self->session);
  gboolean started = exists && atelier_session_get_starts_at (self->session) <= g_get_real_time () / G_USEC_PER_SEC;
  gboolean open = exists && !cancelled;
  const char *tooltip;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.sign-up", open && !started);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.edit", open && !self->summary.ended);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.change-capacity", open && !self->summary.ended);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.cancel-session", open && !self->summary.ended);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.check-in-mode", open && !self->summary.ended);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.invite-next", open && !started);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.cancel-registration", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.move-registration", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.check-in", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.undo-check-in", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.send-invites",
                                 exists && self->n_pending > 0 && !self->exporting);

  tooltip = started && open
              ? _("This session has already started; add late arrivals as walk-ins in check-in mode.")
              : _("Sign a customer up to this session");
  gtk_widget_set_tooltip_text (self->sign_up_button, tooltip);
  gtk_widget_set_tooltip_text (self->sign_up_icon_button, tooltip);
}

static void
atelier_session_page_reload (AtelierSessionPage *self)
{
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GListModel) registrations = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GDateTime) start = NULL;
  AtelierSessionSummary summary = { 0 };
  guint n_confirmed = 0;
  guint n_waiting = 0;
  guint n;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store == NULL)
    return;

  session = atelier_store_get_session (self->store, self->session_id, &error);
  if (session == NULL)
    {
      if (!g_error_matches (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read session %" G_GINT64_FORMAT ": %s", self->session_id, error->message);
      g_clear_object (&self->session);
      g_list_store_remove_all (self->roster);
      adw_window_title_set_title (self->window_title, _("Session Not Found"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->stack, "missing");
      update_actions (self);
      g_clear_handle_id (&self->timer_source, g_source_remove);
      return;
    }

  registrations = atelier_store_list_registrations (self->store, self->session_id, &error);
  if (registrations == NULL || !atelier_booking_summarize (self->store, self->session_id, &summary, &error))
    {
      /* Keep what is shown; the next change tries again. */
      g_warning ("Could not read the roster of session %" G_GINT64_FORMAT ": %s",
                 self->session_id, error->message);
      return;
    }

  g_set_object (&self->session, session);
  g_clear_object (&self->workshop);
  self->workshop = atelier_store_get_workshop (self->store, atelier_session_get_workshop_id (session), NULL);
  self->summary = summary;
  self->n_pending = count_pending_invites (self);

  n = g_list_model_get_n_items (registrations);
  items = g_ptr_array_new_full (n + 4, g_object_unref);
  g_ptr_array_add (items, g_object_ref (session));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (registrations, i);
      const char *status = atelier_registration_get_status (r);

      if (g_strcmp0 (status, ATELIER_REGISTRATION_CONFIRMED) == 0)
        n_confirmed++;
      else if (g_strcmp0 (status, ATELIER_REGISTRATION_WAITLISTED) == 0)
        n_waiting++;
    }

  if (!atelier_session_is_cancelled (session))
    {
      g_autofree char *seats = NULL;

      /* TRANSLATORS: beside the "Confirmed" heading, e.g. "7 / 10 seats" */
      seats = g_strdup_printf (ngettext ("%d / %d seat", "%d / %d seats", summary.capacity),
                               summary.confirmed_seats, summary.capacity);
      g_ptr_array_add (items, string_item_new (ROW_HEADING, C_("roster", "Confirmed"), seats));
      if (n_confirmed == 0)
        g_ptr_array_add (items, string_item_new (ROW_EMPTY,
                                                 _("Nobody is signed up yet. Use “Sign Up…” to add someone."),
                                                 NULL));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (registrations, i);
      const char *status = atelier_registration_get_status (r);

      if (g_strcmp0 (status, ATELIER_REGISTRATION_WAITLISTED) == 0 && i == n_confirmed)
        {
          g_autofree char *parties = NULL;
          g_autofree char *seats = NULL;
          g_autofree char *waiting = NULL;

          /* TRANSLATORS: beside the "Waiting List" heading, e.g. "2 parties" */
          parties = g_strdup_printf (ngettext ("%d party", "%d parties", summary.waiting_parties),
                                     summary.waiting_parties);
          seats = g_strdup_printf (ngettext ("%d seat", "%d seats", summary.waiting_seats),
                                   summary.waiting_seats);
          /* TRANSLATORS: beside the "Waiting List" heading, e.g. "2 parties · 3 seats" */
          waiting = g_strdup_printf (_("%s · %s"), parties, seats);
          g_ptr_array_add (items, string_item_new (ROW_HEADING, _("Waiting List"), waiting));
        }
      if (g_strcmp0 (status, ATELIER_REGISTRATION_CANCELLED) != 0)
        g_ptr_array_add (items, g_steal_pointer (&r));
    }

  g_list_store_splice (self->roster, 0, g_list_model_get_n_items (G_LIST_MODEL (self->roster)),
                       items->pdata, items->len);

  start = atelier_session_dup_start (session);
  /* TRANSLATORS: a session's date under its title in the header bar, in
   * g_date_time_format() notation, e.g. "Tue 14 Mar, 18:30" */
  subtitle = atelier_format_date_time (start, _("%a %-d %b, %H:%M"));
  adw_window_title_set_title (self->window_title, atelier_session_get_workshop_title (session));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, "roster");

  update_actions (self);
  schedule_timer (self);
}

static void
on_store_changed_cb (AtelierStore       *store,
                     const char         *table,
                     AtelierSessionPage *self)
{
  /* A batch of writes reloads once. */
  if (self->reload_source == 0)
    {
      self->reload_source = g_idle_add (reload_cb, self);
      g_source_set_name_by_id (self->reload_source, "[atelier] reload session page");
    }
}

/* Finding one registration of this session */

static AtelierRegistration *
get_registration (AtelierSessionPage *self,
                  GVariant           *parameter)
{
  g_autoptr(GError) error = NULL;
  AtelierRegistration *registration;

  registration = atelier_store_get_registration (self->store, g_variant_get_int64 (parameter), &error);
  if (registration == NULL)
    add_error_toast (self, error);
  return registration;
}

/* Cancel a registration */

static void
on_cancel_registration_response_cb (AdwMessageDialog   *dialog,
                                    const char         *response,
                                    AtelierSessionPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "registration-id"));
  const char *name = g_object_get_data (G_OBJECT (dialog), "name");
  g_autoptr(GListModel) promoted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, "cancel-registration") != 0)
    return;

  if (!atelier_booking_cancel (self->store, id, ATELIER_CANCELLED_BY_CUSTOMER, &promoted, &error))
    {
      add_error_toast (self, error);
      return;
    }

  /* TRANSLATORS: a toast, e.g. "Zoé Martin’s registration is cancelled." */
  done = g_strdup_printf (_("%s’s registration is cancelled."), name);
  title = format_done_and_promoted (done, promoted);
  add_toast (self, title, NULL, NULL, NULL);
  atelier_session_page_reload (self);
}

static void
cancel_registration_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  g_autoptr(AtelierRegistration) registration = get_registration (self, parameter);
  g_autofree char *heading = NULL;
  const char *body;
  const char *name;
  int party;
  GtkWidget *dialog;

  if (registration == NULL)
    return;

  name = registration_name (registration);
  party = atelier_registration_get_party_size (registration);
  if (party == 1)
    heading = g_strdup_printf (_("Cancel %s’s registration?"), name);
  else
    heading = g_strdup_printf (ngettext ("Cancel %s’s registration (party of %d)?",
                                         "Cancel %s’s registration (party of %d)?", party),
                               name, party);

  if (g_strcmp0 (atelier_registration_get_status (registration), ATELIER_REGISTRATION_WAITLISTED) == 0)
    body = _("They leave the waiting list; those behind them move up.");
  else if (self->summary.waiting_parties > 0)
    body = _("The seats freed go to the waiting list, in order.");
  else
    body = _("The seats freed become available again.");

  dialog = adw_message_dialog_new (page_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Registration"),
                                    "cancel-registration", _("_Cancel Registration"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-registration",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data (G_OBJECT (dialog), "registration-id",
                     GSIZE_TO_POINTER (atelier_registration_get_id (registration)));
  g_object_set_data_full (G_OBJECT (dialog), "name", g_strdup (name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_registration_response_cb), self, 0);
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
      add_error_toast (self, error);
      return;
    }

  if (undo)
    {
      /* TRANSLATORS: a toast, e.g. "Zoé Martin is no longer checked in." */
      title = g_strdup_printf (_("%s is no longer checked in."), registration_name (registration));
      add_toast (self, title, NULL, NULL, NULL);
    }
  else
    {
      /* TRANSLATORS: a toast, e.g. "Zoé Martin is checked in." */
      title = g_strdup_printf (_("%s is checked in."), registration_name (registration));
      add_toast (self, title, _("_Undo"), "session.undo-check-in", g_variant_new_int64 (id));
    }
  atelier_session_page_reload (self);
}

/* Move a registration: a small dialog listing the upcoming sessions */

typedef struct
{
  AtelierSessionPage *page;
  gint64              registration_id;
  char               *name;
  GtkSingleSelection *selection;
  GtkWidget          *move_button;
  GtkWidget          *error_label;
} MoveDialog;

static void
move_dialog_free (gpointer data)
{
  MoveDialog *move = data;

  g_clear_weak_pointer (&move->page);
  g_free (move->name);
  g_free (move);
}

static void
on_move_selection_changed_cb (GtkSingleSelection *selection,
                              GParamSpec         *pspec,
                              MoveDialog         *move)
{
  gtk_widget_set_sensitive (move->move_button,
                            gtk_single_selection_get_selected_item (selection) != NULL);
}

static void
on_move_clicked_cb (GtkButton *button,
                    GtkWindow *dialog)
{
  MoveDialog *move = g_object_get_data (G_OBJECT (dialog), "move");
  AtelierSession *target = gtk_single_selection_get_selected_item (move->selection);
  g_autoptr(AtelierRegistration) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) start = NULL;
  AtelierSessionPage *page = move->page;

  if (page == NULL || target == NULL)
    return;

  moved = atelier_booking_move (page->store, move->registration_id, atelier_session_get_id (target), &error);
  if (moved == NULL)
    {
      gtk_label_set_label (GTK_LABEL (move->error_label), error->message);
      gtk_widget_set_visible (move->error_label, TRUE);
      return;
    }

  start = atelier_session_dup_start (target);
  /* TRANSLATORS: the session a registration moved to, in
   * g_date_time_format() notation, e.g. "Tue 14 Mar, 18:30" */
  when = atelier_format_date_time (start, _("%a %-d %b, %H:%M"));
  if (g_strcmp0 (atelier_registration_get_status (moved), ATELIER_REGISTRATION_WAITLISTED) == 0)
    /* TRANSLATORS: a toast, e.g. "Zoé Martin moved to Cours de pâtisserie, Tue 14 Mar, 18:30: on the waiting list, position 2." */
    title = g_strdup_printf (_("%s moved to %s, %s: on the waiting list, position %d."),
                             move->name, atelier_session_get_workshop_title (target), when,
                             atelier_registration_get_waitlist_position (moved));
  else
    /* TRANSLATORS: a toast, e.g. "Zoé Martin moved to Cours de pâtisserie, Tue 14 Mar, 18:30: confirmed." */
    title = g_strdup_printf (_("%s moved to %s, %s: confirmed."),
                             move->name, atelier_session_get_workshop_title (target), when);

  add_toast (page, title, NULL, NULL, NULL);
  atelier_session_page_reload (page);
  gtk_window_destroy (dialog);
}

static void
on_move_factory_setup_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, atelier_session_row_new ());
}

static void
on_move_factory_bind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         gpointer                  user_data)
{
  atelier_session_row_set_session (ATELIER_SESSION_ROW (gtk_list_item_get_child (list_item)),
                                   gtk_list_item_get_item (list_item));
}

static void
on_move_factory_unbind_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item,
                           gpointer                  user_data)
{
  atelier_session_row_set_session (ATELIER_SESSION_ROW (gtk_list_item_get_child (list_item)), NULL);
}

static void
on_move_activate_cb (GtkListView *list_view,
                     guint        position,
                     MoveDialog  *move)
{
  gtk_single_selection_set_selected (move->selection, position);
  gtk_widget_activate (move->move_button);
}

/* Upcoming scheduled sessions other than this one. */
static GListStore *
list_move_targets (AtelierSessionPage  *self,
                   GError             **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GListModel) sessions = atelier_store_list_sessions (self->store, now, NULL, error);
  GListStore *targets;

  if (sessions == NULL)
    return NULL;

  targets = g_list_store_new (ATELIER_TYPE_SESSION);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (sessions, i);

      if (atelier_session_get_id (session) != self->session_id && !atelier_session_is_cancelled (session))
        g_list_store_append (targets, session);
    }
  return targets;
}

static GtkWidget *
dialog_window_new (AtelierSessionPage *self,
                   const char         *title,
                   int                 width,
                   int                 height)
{
  GtkWidget *window = adw_window_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), page_window (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_widget_set_size_request (window, 300, -1);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  return window;
}

/* A header bar with "Cancel" and a suggested button, for the small dialogs. */
static GtkWidget *
dialog_header_new (const char  *main_label,
                   GtkWidget  **main_button)
{
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);

  *main_button = gtk_button_new_with_mnemonic (main_label);
  gtk_widget_add_css_class (*main_button, "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), *main_button);
  return header;
}

static GtkWidget *
error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_visible (label, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Error"), -1);
  return label;
}

static void
move_registration_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  g_autoptr(AtelierRegistration) registration = get_registration (self, parameter);
  g_autoptr(GListStore) targets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *intro = NULL;
  GtkListItemFactory *factory;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *content;
  GtkWidget *label;
  GtkWidget *scrolled;
  GtkWidget *list_view;
  MoveDialog *move;
  int party;

  if (registration == NULL)
    return;
  targets = list_move_targets (self, &error);
  if (targets == NULL)
    {
      add_error_toast (self, error);
      return;
    }

  move = g_new0 (MoveDialog, 1);
  g_set_weak_pointer (&move->page, self);
  move->registration_id = atelier_registration_get_id (registration);
  move->name = g_strdup (registration_name (registration));

  window = dialog_window_new (self, _("Move Registration"), 440, 560);
  g_object_set_data_full (G_OBJECT (window), "move", move, move_dialog_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), dialog_header_new (_("_Move"), &move->move_button));
  gtk_widget_set_sensitive (move->move_button, FALSE);
  g_signal_connect (move->move_button, "clicked", G_CALLBACK (on_move_clicked_cb), window);
  gtk_window_set_default_widget (GTK_WINDOW (window), move->move_button);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_vexpand (content, TRUE);

  party = atelier_registration_get_party_size (registration);
  /* TRANSLATORS: e.g. "Choose the session to move Zoé Martin (party of 3) to." */
  intro = g_strdup_printf (ngettext ("Choose the session to move %s (party of %d) to. They are confirmed if the seats fit, otherwise they join its waiting list.",
                                     "Choose the session to move %s (party of %d) to. They are confirmed if the seats fit, otherwise they join its waiting list.",
                                     party),
                           move->name, party);
  label = gtk_label_new (intro);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (content), label);

  if (g_list_model_get_n_items (G_LIST_MODEL (targets)) == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-calendar-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Other Upcoming Session"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       _("Plan another session first, then move the registration to it."));
      gtk_widget_set_vexpand (status, TRUE);
      gtk_box_append (GTK_BOX (content), status);
    }

  move->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (targets)));
  gtk_single_selection_set_autoselect (move->selection, FALSE);
  gtk_single_selection_set_can_unselect (move->selection, TRUE);
  gtk_single_selection_set_selected (move->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (move->selection, "notify::selected", G_CALLBACK (on_move_selection_changed_cb), move);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_move_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_move_factory_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_move_factory_unbind_cb), NULL);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (move->selection), factory);
  gtk_widget_add_css_class (list_view, "sessions");
  gtk_widget_add_css_class (list_view, "move-targets");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Upcoming sessions"), -1);
  g_signal_connect (list_view, "activate", G_CALLBACK (on_move_activate_cb), move);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list_view);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_visible (scrolled, g_list_model_get_n_items (G_LIST_MODEL (targets)) > 0);
  gtk_box_append (GTK_BOX (content), scrolled);

  move->error_label = error_label_new ();
  gtk_box_append (GTK_BOX (content), move->error_label);

  gtk_box_append (GTK_BOX (box), content);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

/* Change the capacity */

typedef struct
{
  AtelierSessionPage *page;
  GtkWidget          *spin;
  GtkWidget          *error_label;
} CapacityDialog;

static void
capacity_dialog_free (gpointer data)
{
  CapacityDialog *capacity = data;

  g_clear_weak_pointer (&capacity->page);
  g_free (capacity);
}

static void
on_capacity_save_clicked_cb (GtkButton *button,
                             GtkWindow *dialog)
{
  CapacityDialog *capacity = g_object_get_data (G_OBJECT (dialog), "capacity");
  AtelierSessionPage *page = capacity->page;
  g_autoptr(GListModel) promoted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  g_autofree char *title = NULL;
  int value;

  if (page == NULL)
    return;

  gtk_spin_button_update (GTK_SPIN_BUTTON (capacity->spin));
  value = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (capacity->spin));
  if (!atelier_booking_set_capacity (page->store, page->session_id, value, &promoted, &error))
    {
      gtk_label_set_label (GTK_LABEL (capacity->error_label), error->message);
      gtk_widget_set_visible (capacity->error_label, TRUE);
      gtk_widget_add_css_class (capacity->spin, "error");
      return;
    }

  /* TRANSLATORS: a toast, e.g. "The capacity is now 12 seats." */
  done = g_strdup_printf (ngettext ("The capacity is now %d seat.", "The capacity is now %d seats.", value),
                          value);
  title = format_done_and_promoted (done, promoted);
  add_toast (page, title, NULL, NULL, NULL);
  atelier_session_page_reload (page);
  gtk_window_destroy (dialog);
}

static void
on_capacity_value_changed_cb (GtkSpinButton  *spin,
                              CapacityDialog *capacity)
{
  gtk_widget_set_visible (capacity->error_label, FALSE);
  gtk_widget_remove_css_class (capacity->spin, "error");
}

static void
change_capacity_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  CapacityDialog *capacity;
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *content;
  GtkWidget *clamp;
  GtkWidget *list;
  GtkWidget *row;
  GtkWidget *save;
  GtkEditable *delegate;
  g_autofree char *summary = NULL;

  if (self->session == NULL)
    return;

  capacity = g_new0 (CapacityDialog, 1);
  g_set_weak_pointer (&capacity->page, self);

  window = dialog_window_new (self, _("Change Capacity"), 400, -1);
  g_object_set_data_full (G_OBJECT (window), "capacity", capacity, capacity_dialog_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), dialog_header_new (_("_Save"), &save));
  g_signal_connect (save, "clicked", G_CALLBACK (on_capacity_save_clicked_cb), window);
  gtk_window_set_default_widget (GTK_WINDOW (window), save);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 24);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_bottom (content, 24);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Capacity"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  summary = format_summary (&self->summary);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  capacity->spin = gtk_spin_button_new_with_range (0, 999, 1);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (capacity->spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (capacity->spin), atelier_session_get_capacity (self->session));
  gtk_widget_set_valign (capacity->spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (capacity->spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Capacity"), -1);
  /* GTK 4.8's spin button has no activates-default of its own. */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (capacity->spin));
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_activates_default (GTK_TEXT (delegate), TRUE);
  g_signal_connect (capacity->spin, "value-changed", G_CALLBACK (on_capacity_value_changed_cb), capacity);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), capacity->spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), capacity->spin);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_box_append (GTK_BOX (content), list);

  capacity->error_label = error_label_new ();
  gtk_box_append (GTK_BOX (content), capacity->error_label);

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_box_append (GTK_BOX (box), clamp);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (capacity->spin);
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
      add_error_toast (self, error);
      return;
    }

  add_toast (self, _("The session is cancelled."), NULL, NULL, NULL);
  atelier_session_page_reload (self);
}

static void
cancel_session_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  int people = self->summary.confirmed_seats + self->summary.waiting_seats;
  int registrations = self->summary.confirmed_parties + self->summary.waiting_parties;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->session == NULL)
    return;

  if (registrations == 0)
    body = g_strdup (_("Nobody is signed up to it yet."));
  else
    {
      /* TRANSLATORS: how many registrations a cancelled session affects,
       * inserted in the next message, e.g. "8 registrations" */
      g_autofree char *parties = g_strdup_printf (ngettext ("%d registration", "%d registrations",
                                                            registrations),
                                                  registrations);

      /* TRANSLATORS: e.g. "12 people (8 registrations) will be told it is cancelled." */
      body = g_strdup_printf (ngettext ("%d person (%s) will be told it is cancelled.",
                                        "%d people (%s) will be told it is cancelled.",
                                        people),
                              people, parties);
    }

  dialog = adw_message_dialog_new (page_window (self), _("Cancel this session?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Session"),
                                    "cancel-session", _("_Cancel Session"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-session",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_session_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Sign-up and check-in mode */

static void
sign_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);
  GtkWidget *dialog = atelier_signup_dialog_new (page_window (self), self->store, self->session_id);

  gtk_window_present (GTK_WINDOW (dialog));
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
    add_toast (self, _("Check-in mode is not available in this window."), NULL, NULL, NULL);
}

/* The session editor belongs to the window (win.edit-session). */
static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (widget);

  if (!gtk_widget_activate_action (widget, "win.edit-session", "x", self->session_id))
    add_toast (self, _("The session cannot be edited in this window."), NULL, NULL, NULL);
}

/* GObject */

static void
atelier_session_page_constructed (GObject *object)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (object);

  G_OBJECT_CLASS (atelier_session_page_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      g_critical ("AtelierSessionPage needs a store");
      return;
    }

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  atelier_session_page_reload (self);
}

static void
atelier_session_page_dispose (GObject *object)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->timer_source, g_source_remove);
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_SESSION_PAGE);

  g_clear_object (&self->roster);
  g_clear_object (&self->session);
  g_clear_object (&self->workshop);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_session_page_parent_class)->dispose (object);
}

static void
atelier_session_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_session_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AtelierSessionPage *self = ATELIER_SESSION_PAGE (object);

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
atelier_session_page_class_init (AtelierSessionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_session_page_constructed;
  object_class->dispose = atelier_session_page_dispose;
  object_class->get_property = atelier_session_page_get_property;
  object_class->set_property = atelier_session_page_set_property;

  /**
   * AtelierSessionPage:store:
   *
   * The store the session lives in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionPage:session-id:
   *
   * The id of the session shown.
   */
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-session-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionPage, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionPage, sign_up_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionPage, sign_up_icon_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionPage, roster_view);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);

  gtk_widget_class_install_action (widget_class, "session.sign-up", NULL, sign_up_action);
  gtk_widget_class_install_action (widget_class, "session.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "session.check-in-mode", NULL, check_in_mode_action);
  gtk_widget_class_install_action (widget_class, "session.invite-next", NULL, invite_next_action);
  gtk_widget_class_install_action (widget_class, "session.change-capacity", NULL, change_capacity_action);
  gtk_widget_class_install_action (widget_class, "session.cancel-session", NULL, cancel_session_action);
  gtk_widget_class_install_action (widget_class, "session.cancel-registration", "x",
                                   cancel_registration_action);
  gtk_widget_class_install_action (widget_class, "session.move-registration", "x",
                                   move_registration_action);
  gtk_widget_class_install_action (widget_class, "session.check-in", "x", check_in_action);
  gtk_widget_class_install_action (widget_class, "session.undo-check-in", "x", check_in_action);
  gtk_widget_class_install_action (widget_class, "session.send-invites", NULL, send_invites_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sessionpage");
}

static void
atelier_session_page_init (AtelierSessionPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->roster = g_list_store_new (G_TYPE_OBJECT);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->roster)));
  gtk_list_view_set_model (self->roster_view, GTK_SELECTION_MODEL (selection));
}

/**
 * atelier_session_page_new:
 * @store: the store the session lives in
 * @session_id: the session to show
 *
 * Returns: (transfer floating): a page showing one session and its roster
 */
GtkWidget *
atelier_session_page_new (AtelierStore *store,
                          gint64        session_id)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_SESSION_PAGE,
                       "store", store,
                       "session-id", session_id,
                       NULL);
}

AtelierStore *
atelier_session_page_get_store (AtelierSessionPage *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_PAGE (self), NULL);

  return self->store;
}

gint64
atelier_session_page_get_session_id (AtelierSessionPage *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_PAGE (self), 0);

  return self->session_id;
}

/**
 * atelier_session_page_get_roster:
 *
 * What the page lists, in order: the session (its details), headings and
 * empty-roster lines (#GtkStringObject), and the registrations, confirmed
 * first, then the waiting list. For tests and assistive code.
 *
 * Returns: (transfer none): the page's list model
 */
GListModel *
atelier_session_page_get_roster (AtelierSessionPage *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_PAGE (self), NULL);

  return G_LIST_MODEL (self->roster);
}
