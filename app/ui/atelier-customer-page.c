/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-page.c: one customer: profile, history, editor,
 * personal data
 *
 * The page has two faces in one GtkStack: the profile (a summary card
 * with what the history derives, the contact, interests, needs, note,
 * consent, and the classes: upcoming, then past ones with attended or
 * missed) and the editor (every field, interests picked from the
 * store-wide list, consent with its wording). With customer id 0 it opens
 * on the editor for a new customer and becomes that customer's page once
 * saved.
 *
 * Everything goes through the core (atelier-store.h, atelier-tags.h,
 * atelier-history.h, atelier-customer-book.h, atelier-booking.h,
 * atelier-privacy.h); the page rebuilds its profile from the store's
 * "changed" signal. The classes come from
 * atelier_history_list_for_customer(), one query through the customer's
 * registrations, so a profile costs what the person did, not the size of
 * the store. The profile shows the next and the latest classes only
 * (HISTORY_ROWS of each: a regular has hundreds, and a row each took a
 * second to lay out); "All N Classes" opens the whole history in a
 * GtkListView, newest first. "Sign Up to a Session…" offers the shared
 * AtelierSessionChooser.
 */
#define G_LOG_DOMAIN "atelier-customer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-booking.h"
#include "atelier-customer-book.h"
#include "atelier-customer-page.h"
#include "atelier-format.h"
#include "atelier-history.h"
#include "atelier-privacy.h"
#include "atelier-session-chooser.h"
#include "atelier-tags.h"

#define TAG_NAME_KEY "atelier-tag-name"

/* Upcoming and past classes shown on the profile, each */
#define HISTORY_ROWS 10

struct _AtelierCustomerPage
{
  GtkWidget          parent_instance;

  AtelierStore      *store;
  gint64             customer_id;

  AtelierCustomer   *customer;
  gboolean           editing;
  gboolean           duplicates_accepted;
  guint              reload_source;
  guint              focus_source;
  GtkFileChooserNative *chooser;

  /* The editor's widgets, while it is built */
  GtkWidget         *given_row;
  GtkWidget         *family_row;
  GtkWidget         *email_row;
  GtkWidget         *phone_row;
  GtkWidget         *language_row;
  GtkWidget         *first_came_row;
  GtkWidget         *needs_row;
  GtkTextBuffer     *note_buffer;
  GtkWidget         *tags_box;
  GtkWidget         *new_tag_row;
  GtkWidget         *consent_switch;
  GtkWidget         *wording_row;
  GtkWidget         *error_label;
  GtkWidget         *duplicate_revealer;
  GtkWidget         *duplicate_label;
  GtkWidget         *duplicate_anyway_button;
  gint64             duplicate_id;

  /* Template children */
  GtkWidget         *box;
  AdwWindowTitle    *window_title;
  GtkWidget         *back_button;
  GtkWidget         *cancel_button;
  GtkWidget         *edit_button;
  GtkWidget         *save_button;
  GtkWidget         *menu_button;
  AdwToastOverlay   *toast_overlay;
  GtkStack          *stack;
  GtkWidget         *profile_box;
  GtkWidget         *edit_box;
};

G_DEFINE_FINAL_TYPE (AtelierCustomerPage, atelier_customer_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const first_came_values[] = {
  ATELIER_CUSTOMER_CAME_STORE,
  ATELIER_CUSTOMER_CAME_WALK_IN,
  ATELIER_CUSTOMER_CAME_SIGN_UP,
  ATELIER_CUSTOMER_CAME_IMPORT,
};

static void atelier_customer_page_reload (AtelierCustomerPage *self);

/* Helpers */

static void
add_toast (AtelierCustomerPage *self,
           const char          *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static GtkWindow *
page_window (AtelierCustomerPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static char *
dup_stripped (GtkWidget *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static char *
format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  /* TRANSLATORS: a day in a customer's profile, in g_date_time_format()
   * notation, e.g. "14 March 2025" */
  return atelier_format_date_time (local, _("%-d %B %Y"));
}

static char *
format_session_time (AtelierSession *session)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);

  /* TRANSLATORS: when a session of a customer's history starts, in
   * g_date_time_format() notation, e.g. "Tue 14 Mar 2025, 18:30" */
  return atelier_format_date_time (start, _("%a %-d %b %Y, %H:%M"));
}

static const char *
first_came_label (const char *value)
{
  if (g_strcmp0 (value, ATELIER_CUSTOMER_CAME_WALK_IN) == 0)
    return _("Walked in at a session");
  if (g_strcmp0 (value, ATELIER_CUSTOMER_CAME_SIGN_UP) == 0)
    return _("Signed up by themselves");
  if (g_strcmp0 (value, ATELIER_CUSTOMER_CAME_IMPORT) == 0)
    return _("Imported from another system");
  return _("Entered by the store");
}

static GtkWidget *
new_group (GtkWidget  *box,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (box), group);
  return group;
}

static GtkWidget *
add_info_row (GtkWidget  *group,
              const char *title,
              const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
new_wrapping_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

/* The profile */

static GtkWidget *
new_figure (const char *number,
            const char *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *value = gtk_label_new (number);
  GtkWidget *label = gtk_label_new (caption);
  g_autofree char *accessible = g_strdup_printf ("%s %s", number, caption);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_add_css_class (value, "title-2");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return box;
}

static void
add_summary_card (AtelierCustomerPage          *self,
                  const AtelierCustomerHistory *history)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *figures = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *attended = g_strdup_printf ("%d", history->attended);
  g_autofree char *no_shows = g_strdup_printf ("%d", history->no_shows);
  g_autofree char *upcoming = g_strdup_printf ("%d", history->upcoming);
  g_autofree char *line = NULL;
  GtkWidget *label;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "customer-summary");
  gtk_box_set_homogeneous (GTK_BOX (figures), TRUE);
  gtk_box_append (GTK_BOX (figures),
                  /* TRANSLATORS: under the number of classes a customer attended */
                  new_figure (attended, ngettext ("class attended", "classes attended", history->attended)));
  gtk_box_append (GTK_BOX (figures),
                  /* TRANSLATORS: under the number of classes a customer missed */
                  new_figure (no_shows, ngettext ("no-show", "no-shows", history->no_shows)));
  gtk_box_append (GTK_BOX (figures),
                  /* TRANSLATORS: under the number of classes a customer is signed up to */
                  new_figure (upcoming, ngettext ("upcoming", "upcoming", history->upcoming)));
  gtk_box_append (GTK_BOX (card), figures);

  if (history->attended == 0 || history->last_visit == 0)
    line = g_strdup (_("First class yet to come"));
  else
    {
      g_autofree char *day = format_day (history->last_visit);

      if (history->favourite_category != NULL && *history->favourite_category != '\0')
        /* TRANSLATORS: in a customer's summary, e.g.
         * "Last visit 14 March 2025 · Favourite: cuisine" */
        line = g_strdup_printf (_("Last visit %s · Favourite: %s"), day, history->favourite_category);
      else
        /* TRANSLATORS: in a customer's summary, e.g. "Last visit 14 March 2025" */
        line = g_strdup_printf (_("Last visit %s"), day);
    }
  label = new_wrapping_label (line);
  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_name (label, "summary-line");
  gtk_box_append (GTK_BOX (card), label);

  gtk_box_append (GTK_BOX (self->profile_box), card);
}

static GtkWidget *
new_tag_chip (const char *name)
{
  GtkWidget *label = gtk_label_new (name);

  gtk_widget_add_css_class (label, "customer-tag");
  return label;
}

/* What became of one registration, and whether it is still ahead. */
static char *
describe_entry (AtelierHistoryEntry *entry,
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

static void
add_history_row (GtkWidget           *group,
                 AtelierHistoryEntry *entry,
                 const char          *status)
{
  AtelierSession *session = atelier_history_entry_get_session (entry);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status_label = gtk_label_new (status);
  g_autofree char *when = format_session_time (session);
  g_autofree char *title = g_markup_escape_text (atelier_session_get_workshop_title (session), -1);
  int party = atelier_registration_get_party_size (atelier_history_entry_get_registration (entry));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (party > 1)
    {
      /* TRANSLATORS: a session's date and the size of the party, e.g.
       * "Tue 14 Mar 2025, 18:30 · 3 people" */
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%s · %d person", "%s · %d people", party),
                                                   when, party);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);

  gtk_label_set_wrap (GTK_LABEL (status_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (status_label), 1);
  gtk_label_set_max_width_chars (GTK_LABEL (status_label), 14);
  gtk_widget_add_css_class (status_label, "caption");
  if (g_str_equal (status, _("Attended")))
    gtk_widget_add_css_class (status_label, "success");
  else if (g_str_equal (status, _("Missed")))
    gtk_widget_add_css_class (status_label, "warning");
  else
    gtk_widget_add_css_class (status_label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label);

  /* A row opens its session. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-session");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", atelier_session_get_id (session));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* "All 208 Classes": the rest is in the history window. */
static void
add_all_classes_row (GtkWidget *group,
                     guint      n_entries)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf (ngettext ("All %u Class", "All %u Classes", n_entries), n_entries);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, "all-classes");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "customer.show-history");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* Adds rows for the first HISTORY_ROWS entries that are (or are not)
 * upcoming, in @entries' order or newest first; returns how many such
 * entries there are in all. */
static guint
add_history_rows (GtkWidget  *group,
                  GListModel *entries,
                  gboolean    want_upcoming,
                  gboolean    newest_first,
                  gint64      now)
{
  guint n_entries = g_list_model_get_n_items (entries);
  guint n = 0;

  for (guint k = 0; k < n_entries; k++)
    {
      g_autoptr(AtelierHistoryEntry) entry = g_list_model_get_item (entries, newest_first ? n_entries - 1 - k : k);
      gboolean upcoming;
      g_autofree char *status = describe_entry (entry, now, &upcoming);

      if (upcoming != want_upcoming)
        continue;
      if (n < HISTORY_ROWS)
        add_history_row (group, entry, status);
      n++;
    }
  return n;
}

static void
add_history (AtelierCustomerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = atelier_history_list_for_customer (self->store, self->customer_id, &error);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkWidget *upcoming_group;
  GtkWidget *past_group;
  guint n_upcoming, n_past;

  if (entries == NULL)
    {
      g_warning ("Could not read the customer’s history: %s", error->message);
      return;
    }

  /* Soonest first: the entries come by start */
  upcoming_group = new_group (self->profile_box, _("Upcoming Classes"));
  gtk_widget_set_name (upcoming_group, "upcoming-classes");
  n_upcoming = add_history_rows (upcoming_group, entries, TRUE, FALSE, now);
  if (n_upcoming == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (upcoming_group),
                                           _("Not signed up to anything yet. Use Sign Up to a Session below."));
  else if (n_upcoming > HISTORY_ROWS)
    add_all_classes_row (upcoming_group, g_list_model_get_n_items (entries));

  /* Most recent first */
  past_group = new_group (self->profile_box, _("Past Classes"));
  gtk_widget_set_name (past_group, "past-classes");
  n_past = add_history_rows (past_group, entries, FALSE, TRUE, now);
  if (n_past == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (past_group),
                                           _("No past classes."));
  else if (n_past > HISTORY_ROWS)
    add_all_classes_row (past_group, g_list_model_get_n_items (entries));
}

/* The whole history, in a window of its own: a GtkListView builds rows
 * only for what shows. */

static void
on_history_item_setup_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *list_item,
                          gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "subtitle");
  gtk_widget_add_css_class (subtitle, "numeric");
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_label_set_xalign (GTK_LABEL (status), 1);
  gtk_label_set_max_width_chars (GTK_LABEL (status), 14);
  gtk_widget_add_css_class (status, "caption");
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), status);
  gtk_list_item_set_child (list_item, box);
}

static void
on_history_item_bind_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         gpointer                  user_data)
{
  AtelierHistoryEntry *entry = gtk_list_item_get_item (list_item);
  AtelierSession *session = atelier_history_entry_get_session (entry);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *texts = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *status = gtk_widget_get_last_child (box);
  int party = atelier_registration_get_party_size (atelier_history_entry_get_registration (entry));
  g_autofree char *when = format_session_time (session);
  g_autofree char *text = NULL;
  gboolean upcoming;

  gtk_label_set_label (GTK_LABEL (title), atelier_session_get_workshop_title (session));
  if (party > 1)
    text = g_strdup_printf (ngettext ("%s · %d person", "%s · %d people", party), when, party);
  gtk_label_set_label (GTK_LABEL (subtitle), text ? text : when);

  g_free (text);
  text = describe_entry (entry, g_get_real_time () / G_USEC_PER_SEC, &upcoming);
  gtk_label_set_label (GTK_LABEL (status), text);
  gtk_widget_remove_css_class (status, "success");
  gtk_widget_remove_css_class (status, "warning");
  gtk_widget_remove_css_class (status, "dim-label");
  if (g_str_equal (text, _("Attended")))
    gtk_widget_add_css_class (status, "success");
  else if (g_str_equal (text, _("Missed")))
    gtk_widget_add_css_class (status, "warning");
  else
    gtk_widget_add_css_class (status, "dim-label");
}

/* A class opens its session, in the main window, as the profile's rows do. */
static void
on_history_activate_cb (GtkListView *list_view,
                        guint        position,
                        GtkWindow   *window)
{
  AtelierCustomerPage *page = g_object_get_data (G_OBJECT (window), "customer-page");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));
  g_autoptr(AtelierHistoryEntry) entry = g_list_model_get_item (model, position);

  if (entry == NULL || page == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (page), "win.show-session", "x",
                              atelier_session_get_id (atelier_history_entry_get_session (entry)));
  gtk_window_destroy (window);
}

/* Newest first: what is ahead, then what is past. */
static GListModel *
list_history_newest_first (AtelierCustomerPage  *self,
                           GError              **error)
{
  g_autoptr(GListModel) entries = atelier_history_list_for_customer (self->store, self->customer_id, error);
  GListStore *reversed;
  guint n;

  if (entries == NULL)
    return NULL;
  reversed = g_list_store_new (ATELIER_TYPE_HISTORY_ENTRY);
  n = g_list_model_get_n_items (entries);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GObject) entry = g_list_model_get_item (entries, i - 1);

      g_list_store_append (reversed, entry);
    }
  return G_LIST_MODEL (reversed);
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (widget);
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkWidget *window, *header, *box, *scrolled, *list_view;
  AdwWindowTitle *title;

  if (self->customer == NULL)
    return;
  entries = list_history_newest_first (self, &error);
  if (entries == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_history_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_history_item_bind_cb), NULL);
  list_view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (entries))),
                                 g_object_ref (factory));
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list_view), TRUE);
  gtk_widget_add_css_class (list_view, "rich-list");
  gtk_widget_set_name (list_view, "history-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Classes"), -1);

  window = adw_window_new ();
  name = atelier_customer_dup_full_name (self->customer);
  gtk_window_set_title (GTK_WINDOW (window), _("Classes"));
  gtk_window_set_transient_for (GTK_WINDOW (window), page_window (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 640);
  g_object_set_data_full (G_OBJECT (window), "customer-page", g_object_ref (self), g_object_unref);
  g_signal_connect (list_view, "activate", G_CALLBACK (on_history_activate_cb), window);

  header = adw_header_bar_new ();
  title = ADW_WINDOW_TITLE (adw_window_title_new (_("Classes"), name));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (title));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list_view);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);

  {
    GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());

    gtk_shortcut_controller_add_shortcut (shortcuts,
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (shortcuts));
  }
  gtk_window_present (GTK_WINDOW (window));
}

static GtkWidget *
new_action_button (const char *label,
                   const char *action_name,
                   const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "pill");
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  return button;
}

static void
build_profile (AtelierCustomerPage *self)
{
  AtelierCustomer *c = self->customer;
  g_autofree char *name = atelier_customer_dup_full_name (c);
  AtelierCustomerHistory history = { 0, };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  GtkWidget *header, *avatar, *label, *group, *buttons;
  const char *text;

  clear_box (self->profile_box);

  /* Name and how they first came */
  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  avatar = adw_avatar_new (64, name, TRUE);
  gtk_box_append (GTK_BOX (header), avatar);
  label = new_wrapping_label (name);
  gtk_label_set_xalign (GTK_LABEL (label), 0.5);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "title-1");
  gtk_box_append (GTK_BOX (header), label);
  label = gtk_label_new (first_came_label (atelier_customer_get_first_came (c)));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (header), label);
  gtk_box_append (GTK_BOX (self->profile_box), header);

  /* What the history derives */
  if (atelier_history_for_customer (self->store, self->customer_id, &history, &error))
    add_summary_card (self, &history);
  else
    g_warning ("Could not read the customer’s history: %s", error->message);
  atelier_customer_history_clear (&history);
  g_clear_error (&error);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons),
                  new_action_button (_("_Sign Up to a Session…"), "customer.sign-up", "suggested-action"));
  gtk_box_append (GTK_BOX (self->profile_box), buttons);

  /* Contact */
  group = new_group (self->profile_box, _("Contact"));
  text = atelier_customer_get_email (c);
  add_info_row (group, _("E-mail"), is_empty (text) ? _("None") : text);
  text = atelier_customer_get_phone (c);
  add_info_row (group, _("Phone"), is_empty (text) ? _("None") : text);
  text = atelier_customer_get_preferred_language (c);
  add_info_row (group, _("Preferred Language"), is_empty (text) ? _("Not given") : text);

  /* Interests */
  group = new_group (self->profile_box, _("Interests"));
  tags = atelier_tags_for_customer (self->store, self->customer_id, &error);
  if (tags == NULL || tags[0] == NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("None yet. Edit the customer to pick some."));
  else
    {
      GtkWidget *flow = gtk_flow_box_new ();

      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 20);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
      gtk_widget_set_name (flow, "interests");
      for (guint i = 0; tags[i] != NULL; i++)
        gtk_flow_box_append (GTK_FLOW_BOX (flow), new_tag_chip (tags[i]));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), flow);
    }
  g_clear_error (&error);

  /* Needs and note */
  group = new_group (self->profile_box, _("About"));
  text = atelier_customer_get_needs (c);
  add_info_row (group, _("Dietary or Accessibility Needs"), is_empty (text) ? _("None known") : text);
  text = atelier_customer_get_note (c);
  add_info_row (group, _("Note"), is_empty (text) ? _("No note") : text);

  /* Consent and dates */
  group = new_group (self->profile_box, _("Marketing Consent"));
  if (atelier_customer_get_consent (c))
    {
      g_autofree char *day = atelier_customer_get_consent_at (c) != 0
                             ? format_day (atelier_customer_get_consent_at (c)) : NULL;
      const char *wording = atelier_customer_get_consent_wording (c);
      g_autofree char *given = day != NULL
                               /* TRANSLATORS: when marketing consent was given, e.g. "Given on 14 March 2025" */
                               ? g_strdup_printf (_("Given on %s"), day)
                               : g_strdup (_("Given"));
      GtkWidget *row = add_info_row (group, given,
                                     is_empty (wording) ? _("The wording was not recorded.") : NULL);

      if (!is_empty (wording))
        {
          /* TRANSLATORS: the wording a customer consented to, in quotes */
          g_autofree char *quoted = g_strdup_printf (_("“%s”"), wording);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), quoted);
        }
    }
  else
    add_info_row (group, _("Not given"), _("Send this customer no marketing."));

  /* Classes */
  add_history (self);

  group = new_group (self->profile_box, _("Record"));
  {
    g_autofree char *created = format_day (atelier_customer_get_created_at (c));
    gint64 seen = atelier_customer_get_last_seen_at (c);
    g_autofree char *last_seen = seen != 0 ? format_day (seen) : NULL;

    add_info_row (group, _("Created"), created);
    add_info_row (group, _("Last Seen"), last_seen != NULL ? last_seen : _("Not yet"));
  }

  /* Personal data */
  group = new_group (self->profile_box, _("Personal Data"));
  {
    GtkWidget *row = adw_action_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("E_xport Personal Data…"));
    adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Everything the store holds about them, as a JSON file"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "customer.export");
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

    row = adw_action_row_new ();
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("E_rase Personal Data…"));
    adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Their registrations stay as anonymous counts"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "customer.erase");
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    gtk_widget_add_css_class (row, "error");
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  }
}

/* The editor */

static void
set_row_error (GtkWidget *row,
               gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static GtkWidget *
add_entry_row (GtkWidget  *group,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static GtkWidget *
new_tag_toggle (const char *name,
                gboolean    active)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_label (name);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), active);
  gtk_widget_add_css_class (toggle, "customer-tag-toggle");
  gtk_widget_add_css_class (toggle, "pill");
  g_object_set_data_full (G_OBJECT (toggle), TAG_NAME_KEY, g_strdup (name), g_free);
  return toggle;
}

static void
show_editor_error (AtelierCustomerPage *self,
                   const char          *message)
{
  gtk_label_set_label (GTK_LABEL (self->error_label), message != NULL ? message : "");
  gtk_widget_set_visible (self->error_label, message != NULL);
}

static void
on_new_tag_apply_cb (AdwEntryRow         *row,
                     AtelierCustomerPage *self)
{
  g_autofree char *name = dup_stripped (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    return;

  if (!atelier_tags_add (self->store, name, &error)
      && !g_error_matches (error, ATELIER_TAGS_ERROR, ATELIER_TAGS_ERROR_EXISTS))
    {
      show_editor_error (self, error->message);
      set_row_error (GTK_WIDGET (row), TRUE);
      return;
    }

  /* Already a chip (case aside): tick it. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->tags_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const char *tag = g_object_get_data (G_OBJECT (toggle), TAG_NAME_KEY);

      if (g_utf8_collate (tag, name) == 0 || g_ascii_strcasecmp (tag, name) == 0)
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
          gtk_editable_set_text (GTK_EDITABLE (row), "");
          return;
        }
    }

  gtk_flow_box_append (GTK_FLOW_BOX (self->tags_box), new_tag_toggle (name, TRUE));
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  set_row_error (GTK_WIDGET (row), FALSE);
  show_editor_error (self, NULL);
}

static void
on_open_existing_cb (GtkButton           *button,
                     AtelierCustomerPage *self)
{
  if (self->duplicate_id != 0
      && !gtk_widget_activate_action (GTK_WIDGET (self), "win.show-customer", "x", self->duplicate_id))
    add_toast (self, _("The customer cannot be opened in this window."));
}

static void
on_create_anyway_cb (GtkButton           *button,
                     AtelierCustomerPage *self)
{
  self->duplicates_accepted = TRUE;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->duplicate_revealer), FALSE);
  atelier_customer_page_save (self);
}

/* Looks for customers with the e-mail or phone typed; shows the first in
 * the banner. Returns whether there is one. */
static gboolean
check_duplicates (AtelierCustomerPage *self)
{
  g_autofree char *email = dup_stripped (self->email_row);
  g_autofree char *phone = dup_stripped (self->phone_row);
  g_autoptr(GListModel) found = NULL;
  g_autoptr(AtelierCustomer) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  const char *other_email;

  self->duplicate_id = 0;
  if (*email == '\0' && *phone == '\0')
    found = NULL;
  else
    found = atelier_customer_book_find_duplicates (self->store,
                                                   *email != '\0' ? email : NULL,
                                                   *phone != '\0' ? phone : NULL,
                                                   self->customer_id, &error);
  if (found == NULL && error != NULL)
    g_warning ("Could not look for duplicates: %s", error->message);

  if (found == NULL || g_list_model_get_n_items (found) == 0)
    {
      gtk_revealer_set_reveal_child (GTK_REVEALER (self->duplicate_revealer), FALSE);
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

  gtk_label_set_label (GTK_LABEL (self->duplicate_label), message);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->duplicate_revealer), !self->duplicates_accepted);
  return TRUE;
}

static void
on_contact_changed_cb (GtkEditable         *editable,
                       AtelierCustomerPage *self)
{
  /* A new address or number: ask again. */
  self->duplicates_accepted = FALSE;
  set_row_error (GTK_WIDGET (editable), FALSE);
  check_duplicates (self);
}

static GtkWidget *
build_duplicate_banner (AtelierCustomerPage *self)
{
  GtkWidget *revealer = gtk_revealer_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *open_button, *anyway_button;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "duplicate-banner");
  gtk_widget_set_margin_top (box, 0);

  self->duplicate_label = new_wrapping_label ("");
  gtk_widget_add_css_class (self->duplicate_label, "heading");
  gtk_widget_set_margin_top (self->duplicate_label, 12);
  gtk_widget_set_margin_start (self->duplicate_label, 12);
  gtk_widget_set_margin_end (self->duplicate_label, 12);
  gtk_box_append (GTK_BOX (box), self->duplicate_label);

  open_button = gtk_button_new_with_mnemonic (_("_Open Existing"));
  gtk_widget_add_css_class (open_button, "suggested-action");
  g_signal_connect_object (open_button, "clicked", G_CALLBACK (on_open_existing_cb), self, 0);
  anyway_button = gtk_button_new_with_mnemonic (self->customer_id == 0 ? _("Create _Anyway")
                                                                       : _("Save _Anyway"));
  g_signal_connect_object (anyway_button, "clicked", G_CALLBACK (on_create_anyway_cb), self, 0);
  self->duplicate_anyway_button = anyway_button;
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_start (buttons, 12);
  gtk_widget_set_margin_end (buttons, 12);
  gtk_widget_set_margin_bottom (buttons, 12);
  gtk_box_append (GTK_BOX (buttons), anyway_button);
  gtk_box_append (GTK_BOX (buttons), open_button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_revealer_set_child (GTK_REVEALER (revealer), box);
  return revealer;
}

static void
build_editor (AtelierCustomerPage *self)
{
  AtelierCustomer *c = self->customer;
  g_auto(GStrv) all_tags = NULL;
  g_auto(GStrv) tags = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *group, *row, *frame, *text_view;

  clear_box (self->edit_box);
  self->duplicates_accepted = FALSE;
  self->duplicate_id = 0;

  self->error_label = new_wrapping_label (NULL);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (self->edit_box), self->error_label);

  self->duplicate_revealer = build_duplicate_banner (self);
  gtk_box_append (GTK_BOX (self->edit_box), self->duplicate_revealer);

  group = new_group (self->edit_box, _("Name"));
  self->given_row = add_entry_row (group, _("_Given Name"), c ? atelier_customer_get_given_name (c) : NULL);
  self->family_row = add_entry_row (group, _("_Family Name"), c ? atelier_customer_get_family_name (c) : NULL);

  group = new_group (self->edit_box, _("Contact"));
  self->email_row = add_entry_row (group, _("_E-mail"), c ? atelier_customer_get_email (c) : NULL);
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->email_row), TRUE);
  self->phone_row = add_entry_row (group, _("_Phone"), c ? atelier_customer_get_phone (c) : NULL);
  self->language_row = add_entry_row (group, _("Preferred _Language"),
                                      c ? atelier_customer_get_preferred_language (c) : NULL);
  g_signal_connect_object (self->email_row, "changed", G_CALLBACK (on_contact_changed_cb), self, 0);
  g_signal_connect_object (self->phone_row, "changed", G_CALLBACK (on_contact_changed_cb), self, 0);

  if (c == NULL)
    {
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (first_came_values); i++)
        gtk_string_list_append (choices, first_came_label (first_came_values[i]));
      self->first_came_row = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->first_came_row), _("How They First Came"));
      adw_combo_row_set_model (ADW_COMBO_ROW (self->first_came_row), G_LIST_MODEL (choices));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->first_came_row);
    }
  else
    self->first_came_row = NULL;

  /* Interests: the store-wide list, ticked */
  group = new_group (self->edit_box, _("Interests"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Pick from the store’s list, or add a new interest to it."));
  self->tags_box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->tags_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->tags_box), 20);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->tags_box), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->tags_box), 6);
  gtk_widget_set_margin_bottom (self->tags_box, 6);
  all_tags = atelier_tags_list (self->store, &error);
  if (all_tags == NULL)
    g_warning ("Could not list the interests: %s", error->message);
  g_clear_error (&error);
  if (c != NULL)
    tags = atelier_tags_for_customer (self->store, self->customer_id, NULL);
  for (guint i = 0; all_tags != NULL && all_tags[i] != NULL; i++)
    gtk_flow_box_append (GTK_FLOW_BOX (self->tags_box),
                         new_tag_toggle (all_tags[i], tags != NULL && g_strv_contains ((const char * const *) tags, all_tags[i])));
  /* Interests of the customer the list lost meanwhile */
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    if (all_tags == NULL || !g_strv_contains ((const char * const *) all_tags, tags[i]))
      gtk_flow_box_append (GTK_FLOW_BOX (self->tags_box), new_tag_toggle (tags[i], TRUE));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->tags_box);
  group = new_group (self->edit_box, NULL);
  self->new_tag_row = add_entry_row (group, _("_New Interest"), NULL);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->new_tag_row), TRUE);
  g_signal_connect_object (self->new_tag_row, "apply", G_CALLBACK (on_new_tag_apply_cb), self, 0);

  group = new_group (self->edit_box, _("About"));
  self->needs_row = add_entry_row (group, _("Dietary or Accessibility _Needs"),
                                   c ? atelier_customer_get_needs (c) : NULL);
  row = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (row), _("Note"));
  frame = gtk_frame_new (NULL);
  text_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 8);
  gtk_widget_set_size_request (text_view, -1, 80);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  self->note_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_text_buffer_set_text (self->note_buffer, c ? atelier_customer_get_note (c) : "", -1);
  gtk_frame_set_child (GTK_FRAME (frame), text_view);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (row), frame);
  gtk_box_append (GTK_BOX (self->edit_box), row);

  group = new_group (self->edit_box, _("Marketing Consent"));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Consents to Marketing"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  self->consent_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->consent_switch, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (self->consent_switch), c ? atelier_customer_get_consent (c) : FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->consent_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Consents to Marketing"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->consent_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->consent_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  self->wording_row = add_entry_row (group, _("_Wording Consented To"),
                                     c ? atelier_customer_get_consent_wording (c) : NULL);
  g_object_bind_property (self->consent_switch, "active", self->wording_row, "sensitive", G_BINDING_SYNC_CREATE);
}

static void
set_editing (AtelierCustomerPage *self,
             gboolean             editing)
{
  self->editing = editing;

  gtk_widget_set_visible (self->back_button, !editing);
  gtk_widget_set_visible (self->cancel_button, editing);
  gtk_widget_set_visible (self->save_button, editing);
  gtk_widget_set_visible (self->edit_button, !editing && self->customer != NULL);
  gtk_widget_set_visible (self->menu_button, !editing && self->customer != NULL);

  if (editing)
    {
      build_editor (self);
      gtk_stack_set_visible_child_name (self->stack, "edit");
      adw_window_title_set_subtitle (self->window_title, self->customer != NULL ? _("Editing") : NULL);
      if (self->customer == NULL)
        adw_window_title_set_title (self->window_title, _("New Customer"));
      gtk_widget_grab_focus (self->given_row);
    }
  else
    atelier_customer_page_reload (self);
}

/* Reads the editor into @customer. */
static gboolean
read_editor (AtelierCustomerPage *self,
             AtelierCustomer     *customer,
             GPtrArray           *tags)
{
  g_autofree char *given = dup_stripped (self->given_row);
  g_autofree char *family = dup_stripped (self->family_row);
  g_autofree char *email = dup_stripped (self->email_row);
  g_autofree char *phone = dup_stripped (self->phone_row);
  g_autofree char *language = dup_stripped (self->language_row);
  g_autofree char *needs = dup_stripped (self->needs_row);
  g_autofree char *wording = dup_stripped (self->wording_row);
  g_autofree char *note = NULL;
  GtkTextIter start, end;
  gboolean consent = gtk_switch_get_active (GTK_SWITCH (self->consent_switch));
  g_autoptr(GString) interests = g_string_new (NULL);

  set_row_error (self->given_row, FALSE);
  set_row_error (self->email_row, FALSE);
  if (*given == '\0' && *family == '\0')
    {
      set_row_error (self->given_row, TRUE);
      show_editor_error (self, _("A customer needs a name."));
      return FALSE;
    }
  if (*email != '\0' && !g_regex_match_simple ("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", email, 0, 0))
    {
      set_row_error (self->email_row, TRUE);
      show_editor_error (self, _("This e-mail address does not look right."));
      return FALSE;
    }

  gtk_text_buffer_get_bounds (self->note_buffer, &start, &end);
  note = gtk_text_buffer_get_text (self->note_buffer, &start, &end, FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (self->tags_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)))
        {
          const char *name = g_object_get_data (G_OBJECT (toggle), TAG_NAME_KEY);

          g_ptr_array_add (tags, g_strdup (name));
          g_string_append_printf (interests, "%s%s", interests->len ? ", " : "", name);
        }
    }
  g_ptr_array_add (tags, NULL);

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

  if (consent && !atelier_customer_get_consent (customer))
    g_object_set (customer, "consent", TRUE, "consent-at", g_get_real_time () / G_USEC_PER_SEC, NULL);
  else if (!consent && atelier_customer_get_consent (customer))
    g_object_set (customer, "consent", FALSE, "consent-at", (gint64) 0, NULL);
  if (consent)
    g_object_set (customer, "consent-wording", *wording != '\0' ? wording : NULL, NULL);

  if (self->first_came_row != NULL)
    {
      guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->first_came_row));

      if (selected < G_N_ELEMENTS (first_came_values))
        g_object_set (customer, "first-came", first_came_values[selected], NULL);
    }

  return TRUE;
}

/* Reload */

static void
atelier_customer_page_reload (AtelierCustomerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierCustomer) customer = NULL;
  g_autofree char *name = NULL;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->store == NULL || self->editing)
    return;

  if (self->customer_id == 0)
    {
      set_editing (self, TRUE);
      return;
    }

  customer = atelier_store_get_customer (self->store, self->customer_id, &error);
  g_set_object (&self->customer, customer);
  gtk_widget_set_visible (self->edit_button, customer != NULL);
  gtk_widget_set_visible (self->menu_button, customer != NULL);

  if (customer == NULL)
    {
      if (!g_error_matches (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read the customer: %s", error->message);
      adw_window_title_set_title (self->window_title, _("Customer Not Found"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->stack, "missing");
      return;
    }

  if (atelier_customer_get_erased_at (customer) != 0)
    {
      adw_window_title_set_title (self->window_title, _("Erased Customer"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_widget_set_visible (self->edit_button, FALSE);
      gtk_widget_set_visible (self->menu_button, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "erased");
      return;
    }

  name = atelier_customer_dup_full_name (customer);
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, NULL);
  build_profile (self);
  gtk_stack_set_visible_child_name (self->stack, "profile");
}

static gboolean
reload_cb (gpointer user_data)
{
  AtelierCustomerPage *self = user_data;

  self->reload_source = 0;
  atelier_customer_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (AtelierStore        *store,
                     const char          *table,
                     AtelierCustomerPage *self)
{
  if (self->reload_source == 0 && !self->editing)
    {
      self->reload_source = g_idle_add (reload_cb, self);
      g_source_set_name_by_id (self->reload_source, "[atelier] reload customer");
    }
}

/* Actions */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  atelier_customer_page_edit (ATELIER_CUSTOMER_PAGE (widget));
}

static void
cancel_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (widget);

  if (self->customer == NULL)
    {
      gtk_widget_activate_action (widget, "win.back", NULL);
      return;
    }
  set_editing (self, FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  atelier_customer_page_save (ATELIER_CUSTOMER_PAGE (widget));
}

/* Sign-up: the shared chooser of the sessions that take sign-ups, those
 * the customer has already greyed out. */

static void
on_sign_up_selected_cb (AtelierSessionChooser *chooser,
                        GParamSpec            *pspec,
                        AdwMessageDialog      *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "sign-up",
                                           atelier_session_chooser_get_selected_session (chooser) != NULL);
}

/* Enter or a double click on a session signs up to it. */
static void
on_sign_up_activated_cb (AtelierSessionChooser *chooser,
                         AtelierSession        *session,
                         AdwMessageDialog      *dialog)
{
  adw_message_dialog_response (dialog, "sign-up");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_sign_up_response_cb (AdwMessageDialog    *dialog,
                        const char          *response,
                        AtelierCustomerPage *self)
{
  GtkWidget *chooser = adw_message_dialog_get_extra_child (dialog);
  AtelierSession *session;

  if (g_strcmp0 (response, "sign-up") != 0)
    return;

  session = atelier_session_chooser_get_selected_session (ATELIER_SESSION_CHOOSER (chooser));
  if (session != NULL)
    atelier_customer_page_sign_up (self, atelier_session_get_id (session));
}

static void
sign_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (widget);
  g_autoptr(GtkWidget) chooser = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->customer == NULL)
    return;

  chooser = g_object_ref_sink (g_object_new (ATELIER_TYPE_SESSION_CHOOSER,
                                             "store", self->store,
                                             "customer-id", self->customer_id,
                                             NULL));
  if (atelier_session_chooser_get_n_sessions (ATELIER_SESSION_CHOOSER (chooser)) == 0)
    {
      add_toast (self, _("There is no upcoming session to sign up to."));
      return;
    }

  name = atelier_customer_dup_full_name (self->customer);
  /* TRANSLATORS: heading of the session chooser, e.g. "Sign Up Zoé Martin" */
  heading = g_strdup_printf (_("Sign Up %s"), name);
  dialog = adw_message_dialog_new (page_window (self), heading, _("Choose an upcoming session."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), chooser);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sign-up", _("_Sign Up"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-up",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-up", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "sign-up");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (chooser, "notify::selected-session",
                           G_CALLBACK (on_sign_up_selected_cb), dialog, 0);
  g_signal_connect_object (chooser, "session-activated",
                           G_CALLBACK (on_sign_up_activated_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_sign_up_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Export */

static void
on_export_chosen_cb (GtkNativeDialog     *chooser,
                     int                  response,
                     AtelierCustomerPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        atelier_customer_page_export_to_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (widget);
  g_autofree char *name = NULL;
  g_autofree char *file_name = NULL;

  if (self->customer == NULL || self->chooser != NULL)
    return;

  name = atelier_customer_dup_full_name (self->customer);
  g_strdelimit (name, "/\\", '-');
  file_name = g_strconcat (name, ".json", NULL);
  self->chooser = gtk_file_chooser_native_new (_("Export Personal Data"), page_window (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), file_name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_export_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Erase */

static void
on_erase_response_cb (AdwMessageDialog    *dialog,
                      const char          *response,
                      AtelierCustomerPage *self)
{
  if (g_strcmp0 (response, "erase") == 0)
    atelier_customer_page_erase (self);
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (widget);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (self->customer == NULL)
    return;

  name = atelier_customer_dup_full_name (self->customer);
  /* TRANSLATORS: e.g. "Erase Zoé Martin’s personal data?" */
  heading = g_strdup_printf (_("Erase %s’s personal data?"), name);
  dialog = adw_message_dialog_new (page_window (self), heading,
                                   _("Their name, contact details, note, needs and interests are "
                                     "erased for good. Their registrations stay as anonymous "
                                     "counts in the sessions’ figures. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static gboolean
focus_editor_cb (gpointer user_data)
{
  AtelierCustomerPage *self = user_data;

  self->focus_source = 0;
  if (self->editing && self->given_row != NULL)
    gtk_widget_grab_focus (self->given_row);
  return G_SOURCE_REMOVE;
}

/* A new customer's page opens with the keyboard in the first field,
 * whatever the window focused on pushing it. */
static void
atelier_customer_page_map (GtkWidget *widget)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (widget);

  GTK_WIDGET_CLASS (atelier_customer_page_parent_class)->map (widget);

  if (self->editing && self->focus_source == 0)
    self->focus_source = g_idle_add (focus_editor_cb, self);
}

static void
atelier_customer_page_constructed (GObject *object)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (object);

  G_OBJECT_CLASS (atelier_customer_page_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      g_critical ("AtelierCustomerPage needs a store");
      return;
    }

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self, 0);
  atelier_customer_page_reload (self);
}

static void
atelier_customer_page_dispose (GObject *object)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->focus_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_CUSTOMER_PAGE);

  g_clear_object (&self->customer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_customer_page_parent_class)->dispose (object);
}

static void
atelier_customer_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_customer_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AtelierCustomerPage *self = ATELIER_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CUSTOMER_ID:
      self->customer_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_customer_page_class_init (AtelierCustomerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_customer_page_constructed;
  object_class->dispose = atelier_customer_page_dispose;
  object_class->get_property = atelier_customer_page_get_property;
  object_class->set_property = atelier_customer_page_set_property;

  widget_class->map = atelier_customer_page_map;

  /**
   * AtelierCustomerPage:store:
   *
   * The store the customer lives in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierCustomerPage:customer-id:
   *
   * The id of the customer shown; 0 for a new customer, until saved.
   */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS
                         | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-customer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, profile_box);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerPage, edit_box);

  gtk_widget_class_install_action (widget_class, "customer.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "customer.cancel-edit", NULL, cancel_edit_action);
  gtk_widget_class_install_action (widget_class, "customer.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "customer.sign-up", NULL, sign_up_action);
  gtk_widget_class_install_action (widget_class, "customer.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "customer.erase", NULL, erase_action);
  gtk_widget_class_install_action (widget_class, "customer.show-history", NULL, show_history_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "customer.save", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "customerpage");
}

static void
atelier_customer_page_init (AtelierCustomerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atelier_customer_page_new:
 * @store: the store the customer lives in
 * @customer_id: the customer to show, or 0 for a new customer
 *
 * Returns: (transfer floating): a page showing one customer
 */
GtkWidget *
atelier_customer_page_new (AtelierStore *store,
                           gint64        customer_id)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_CUSTOMER_PAGE,
                       "store", store,
                       "customer-id", customer_id,
                       NULL);
}

AtelierStore *
atelier_customer_page_get_store (AtelierCustomerPage *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PAGE (self), NULL);

  return self->store;
}

gint64
atelier_customer_page_get_customer_id (AtelierCustomerPage *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PAGE (self), 0);

  return self->customer_id;
}

gboolean
atelier_customer_page_get_editing (AtelierCustomerPage *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PAGE (self), FALSE);

  return self->editing;
}

/**
 * atelier_customer_page_edit:
 *
 * Switches the page to its editor (what the Edit button does).
 */
void
atelier_customer_page_edit (AtelierCustomerPage *self)
{
  g_return_if_fail (ATELIER_IS_CUSTOMER_PAGE (self));

  if (self->customer == NULL && self->customer_id != 0)
    return;
  if (self->customer != NULL && atelier_customer_get_erased_at (self->customer) != 0)
    return;
  if (!self->editing)
    set_editing (self, TRUE);
}

/**
 * atelier_customer_page_save:
 *
 * What the Save button does: checks for customers with the same e-mail
 * or phone (unless told to go on anyway), then writes the customer and
 * their interests through the core. Errors show in the editor.
 *
 * Returns: whether the customer was written
 */
gboolean
atelier_customer_page_save (AtelierCustomerPage *self)
{
  g_autoptr(AtelierCustomer) customer = NULL;
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean is_new;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PAGE (self), FALSE);

  if (!self->editing)
    return FALSE;

  is_new = self->customer == NULL;
  if (is_new)
    customer = atelier_customer_new ("", "");
  else
    {
      /* Fresh from the store: what someone else changed meanwhile stays. */
      customer = atelier_store_get_customer (self->store, self->customer_id, &error);
      if (customer == NULL)
        {
          show_editor_error (self, error->message);
          return FALSE;
        }
    }

  show_editor_error (self, NULL);
  if (!read_editor (self, customer, tags))
    return FALSE;

  if (!self->duplicates_accepted && check_duplicates (self))
    {
      gtk_widget_grab_focus (self->duplicate_anyway_button);
      return FALSE;
    }

  if (is_new ? !atelier_store_add_customer (self->store, customer, &error)
             : !atelier_store_update_customer (self->store, customer, &error))
    {
      show_editor_error (self, error->message);
      return FALSE;
    }

  if (is_new)
    {
      self->customer_id = atelier_customer_get_id (customer);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
      g_set_object (&self->customer, customer);
    }

  if (!atelier_tags_set_for_customer (self->store, self->customer_id,
                                      (const char * const *) tags->pdata, &error))
    {
      /* The customer is written; only the interests are not. */
      show_editor_error (self, error->message);
      return FALSE;
    }

  name = atelier_customer_dup_full_name (customer);
  /* TRANSLATORS: after saving a customer, e.g. "Zoé Martin is saved." */
  message = g_strdup_printf (is_new ? _("%s is added to the customers.") : _("%s is saved."), name);
  set_editing (self, FALSE);
  add_toast (self, message);
  return TRUE;
}

/**
 * atelier_customer_page_sign_up:
 * @session_id: an upcoming session
 *
 * Signs the customer up to a session, for one person; the result
 * (confirmed, or their place in the waiting list) shows in a toast.
 *
 * Returns: whether they are signed up
 */
gboolean
atelier_customer_page_sign_up (AtelierCustomerPage *self,
                               gint64               session_id)
{
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PAGE (self), FALSE);

  if (self->customer == NULL)
    return FALSE;

  registration = atelier_booking_sign_up (self->store, session_id, self->customer, 1, NULL, &error);
  if (registration == NULL)
    {
      add_toast (self, error->message);
      return FALSE;
    }

  session = atelier_store_get_session (self->store, session_id, NULL);
  name = atelier_customer_dup_full_name (self->customer);
  when = session != NULL ? format_session_time (session) : g_strdup ("");
  if (g_strcmp0 (atelier_registration_get_status (registration), ATELIER_REGISTRATION_WAITLISTED) == 0)
    /* TRANSLATORS: e.g. "Zoé Martin is number 2 on the waiting list of Risotto (Tue 14 Mar 2025, 18:30)." */
    message = g_strdup_printf (_("%s is number %d on the waiting list of %s (%s)."), name,
                               atelier_registration_get_waitlist_position (registration),
                               session != NULL ? atelier_session_get_workshop_title (session) : "",
                               when);
  else
    /* TRANSLATORS: e.g. "Zoé Martin is signed up to Risotto (Tue 14 Mar 2025, 18:30)." */
    message = g_strdup_printf (_("%s is signed up to %s (%s)."), name,
                               session != NULL ? atelier_session_get_workshop_title (session) : "",
                               when);
  add_toast (self, message);
  return TRUE;
}

/**
 * atelier_customer_page_export_to_file:
 * @file: a local file to write
 *
 * Writes everything the store holds about the customer as JSON
 * (atelier_privacy_export_customer_to_file); the result shows in a toast.
 *
 * Returns: whether the file is written
 */
gboolean
atelier_customer_page_export_to_file (AtelierCustomerPage *self,
                                      GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      add_toast (self, _("The personal data can only be exported to a local file."));
      return FALSE;
    }

  if (!atelier_privacy_export_customer_to_file (self->store, self->customer_id, path, &error))
    {
      add_toast (self, error->message);
      return FALSE;
    }

  basename = g_file_get_basename (file);
  /* TRANSLATORS: after exporting a customer's personal data, e.g.
   * "Personal data exported to “Zoé Martin.json”." */
  message = g_strdup_printf (_("Personal data exported to “%s”."), basename);
  add_toast (self, message);
  return TRUE;
}

/**
 * atelier_customer_page_erase:
 *
 * Erases the customer's personal data (after the confirmation), then
 * compacts the file so that nothing erased survives in it.
 */
void
atelier_customer_page_erase (AtelierCustomerPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ATELIER_IS_CUSTOMER_PAGE (self));

  if (!atelier_privacy_erase_customer (self->store, self->customer_id, &error))
    {
      add_toast (self, error->message);
      return;
    }

  atelier_customer_page_reload (self);
  if (!atelier_privacy_scrub (self->store, &error))
    add_toast (self, error->message);
  else
    add_toast (self, _("The personal data is erased."));
}
