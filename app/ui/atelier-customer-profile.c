/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-profile.c: what a customer's page shows of them
 *
 * The name and how they first came, a summary card with what the history
 * derives (classes attended, no-shows, upcoming, last visit, favourite
 * category), the contact, interests, needs, note, consent, the classes
 * (upcoming soonest first, then past ones most recent first), the record
 * the messages they were sent (the latest MAIL_ROWS, with their state),
 * and the personal data actions. Every widget is in the template; an
 * update sets their texts again and rebuilds only the rows of the
 * interests and of the classes.
 *
 * The profile shows HISTORY_ROWS of the upcoming and of the past classes
 * (a regular has hundreds, and a row each took a second to lay out);
 * "All N Classes" (customer.show-history) opens the whole history. The
 * classes come from atelier_history_list_for_customer(), one query
 * through the customer's registrations, so a profile costs what the
 * person did, not the size of the store.
 */
#define G_LOG_DOMAIN "atelier-customer-profile"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atelier-customer-history-row.h"
#include "atelier-customer-profile.h"
#include "atelier-format.h"
#include "atelier-history.h"
#include "atelier-mail-format.h"
#include "atelier-mail-queue.h"
#include "atelier-tags.h"
#include "atelier-widget-util.h"

/* Upcoming and past classes shown on the profile, each */
#define HISTORY_ROWS 10
/* The latest messages shown on the profile */
#define MAIL_ROWS 10

struct _AtelierCustomerProfile
{
  GtkWidget        parent_instance;

  AtelierStore    *store;
  AtelierCustomer *customer;

  /* Template children */
  GtkWidget       *box;
  AdwAvatar       *avatar;
  GtkLabel        *name_label;
  GtkLabel        *first_came_label;
  GtkWidget       *summary_card;
  GtkWidget       *attended_figure;
  GtkLabel        *attended_value;
  GtkLabel        *attended_caption;
  GtkWidget       *no_shows_figure;
  GtkLabel        *no_shows_value;
  GtkLabel        *no_shows_caption;
  GtkWidget       *upcoming_figure;
  GtkLabel        *upcoming_value;
  GtkLabel        *upcoming_caption;
  GtkLabel        *summary_label;
  AdwActionRow    *email_row;
  AdwActionRow    *phone_row;
  AdwActionRow    *language_row;
  AdwPreferencesGroup *interests_group;
  GtkFlowBox      *interests_box;
  AdwActionRow    *needs_row;
  AdwActionRow    *note_row;
  AdwActionRow    *consent_row;
  AdwPreferencesGroup *upcoming_group;
  GtkListBox      *upcoming_list;
  GtkWidget       *upcoming_all_row;
  AdwPreferencesGroup *past_group;
  GtkListBox      *past_list;
  GtkWidget       *past_all_row;
  AdwPreferencesGroup *mail_group;
  GtkListBox      *mail_list;
  AdwActionRow    *created_row;
  AdwActionRow    *last_seen_row;
};

G_DEFINE_FINAL_TYPE (AtelierCustomerProfile, atelier_customer_profile, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * atelier_customer_profile_describe_first_came:
 * @first_came: one of the ATELIER_CUSTOMER_CAME_* values
 *
 * Returns: how a customer first came, as the profile and the editor say it
 */
const char *
atelier_customer_profile_describe_first_came (const char *first_came)
{
  if (g_strcmp0 (first_came, ATELIER_CUSTOMER_CAME_WALK_IN) == 0)
    return _("Walked in at a session");
  if (g_strcmp0 (first_came, ATELIER_CUSTOMER_CAME_SIGN_UP) == 0)
    return _("Signed up by themselves");
  if (g_strcmp0 (first_came, ATELIER_CUSTOMER_CAME_IMPORT) == 0)
    return _("Imported from another system");
  return _("Entered by the store");
}

static char *
format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  /* TRANSLATORS: a day in a customer's profile, in g_date_time_format()
   * notation, e.g. "14 March 2025" */
  return atelier_date_format (local, _("%-d %B %Y"));
}

static void
set_subtitle (AdwActionRow *row,
              const char   *value,
              const char   *if_empty)
{
  adw_action_row_set_subtitle (row, atelier_str_is_empty (value) ? if_empty : value);
}

static void
set_figure (GtkWidget  *figure,
            GtkLabel   *value_label,
            GtkLabel   *caption_label,
            int         value,
            const char *caption)
{
  g_autofree char *number = g_strdup_printf ("%d", value);
  g_autofree char *accessible = g_strdup_printf ("%s %s", number, caption);

  gtk_label_set_label (value_label, number);
  gtk_label_set_label (caption_label, caption);
  gtk_accessible_update_property (GTK_ACCESSIBLE (figure), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static char *
describe_visits (const AtelierCustomerHistory *history)
{
  g_autofree char *day = NULL;

  if (history->attended == 0 || history->last_visit == 0)
    return g_strdup (_("First class yet to come"));

  day = format_day (history->last_visit);
  if (!atelier_str_is_empty (history->favourite_category))
    /* TRANSLATORS: in a customer's summary, e.g.
     * "Last visit 14 March 2025 · Favourite: cuisine" */
    return g_strdup_printf (_("Last visit %s · Favourite: %s"), day, history->favourite_category);
  /* TRANSLATORS: in a customer's summary, e.g. "Last visit 14 March 2025" */
  return g_strdup_printf (_("Last visit %s"), day);
}

static void
update_summary (AtelierCustomerProfile *self)
{
  AtelierCustomerHistory history = { 0, };
  g_autoptr(GError) error = NULL;
  g_autofree char *visits = NULL;
  gint64 customer_id = atelier_customer_get_id (self->customer);

  if (!atelier_history_for_customer (self->store, customer_id, &history, &error))
    {
      g_warning ("Could not read the customer’s history: %s", error->message);
      gtk_widget_set_visible (self->summary_card, FALSE);
      atelier_customer_history_clear (&history);
      return;
    }

  set_figure (self->attended_figure, self->attended_value, self->attended_caption, history.attended,
              /* TRANSLATORS: under the number of classes a customer attended */
              ngettext ("class attended", "classes attended", history.attended));
  set_figure (self->no_shows_figure, self->no_shows_value, self->no_shows_caption, history.no_shows,
              /* TRANSLATORS: under the number of classes a customer missed */
              ngettext ("no-show", "no-shows", history.no_shows));
  set_figure (self->upcoming_figure, self->upcoming_value, self->upcoming_caption, history.upcoming,
              /* TRANSLATORS: under the number of classes a customer is signed up to */
              ngettext ("upcoming", "upcoming", history.upcoming));
  visits = describe_visits (&history);
  gtk_label_set_label (self->summary_label, visits);
  gtk_widget_set_visible (self->summary_card, TRUE);
  atelier_customer_history_clear (&history);
}

static void
update_interests (AtelierCustomerProfile *self)
{
  g_auto(GStrv) tags = atelier_tags_for_customer (self->store, atelier_customer_get_id (self->customer), NULL);
  GtkWidget *child;
  gboolean none = tags == NULL || tags[0] == NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->interests_box))) != NULL)
    gtk_flow_box_remove (self->interests_box, child);
  for (guint i = 0; !none && tags[i] != NULL; i++)
    {
      GtkWidget *chip = gtk_label_new (tags[i]);

      gtk_widget_add_css_class (chip, "customer-tag");
      gtk_flow_box_append (self->interests_box, chip);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->interests_box), !none);
  adw_preferences_group_set_description (self->interests_group,
                                         none ? _("None yet. Edit the customer to pick some.") : NULL);
}

static void
update_consent (AtelierCustomerProfile *self)
{
  AtelierCustomer *c = self->customer;
  const char *wording = atelier_customer_get_consent_wording (c);
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *quoted = NULL;

  if (!atelier_customer_get_consent (c))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->consent_row), _("Not given"));
      adw_action_row_set_subtitle (self->consent_row, _("Send this customer no marketing."));
      return;
    }

  if (atelier_customer_get_consent_at (c) != 0)
    day = format_day (atelier_customer_get_consent_at (c));
  /* TRANSLATORS: when marketing consent was given, e.g. "Given on 14 March 2025" */
  title = day != NULL ? g_strdup_printf (_("Given on %s"), day) : g_strdup (_("Given"));
  if (!atelier_str_is_empty (wording))
    /* TRANSLATORS: the wording a customer consented to, in quotes */
    quoted = g_strdup_printf (_("“%s”"), wording);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->consent_row), title);
  adw_action_row_set_subtitle (self->consent_row, quoted != NULL ? quoted : _("The wording was not recorded."));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, row);
}

/* Fills @list with the first HISTORY_ROWS entries that are (or are not)
 * upcoming, in @entries' order or newest first, then "All N Classes" when
 * there are more; returns how many such entries there are in all. */
static guint
fill_history_list (GtkListBox *list,
                   GtkWidget  *all_row,
                   GListModel *entries,
                   gboolean    want_upcoming,
                   gboolean    newest_first,
                   gint64      now)
{
  guint n_entries = g_list_model_get_n_items (entries);
  guint n = 0;

  clear_list (list);
  for (guint k = 0; k < n_entries; k++)
    {
      g_autoptr(AtelierHistoryEntry) entry = g_list_model_get_item (entries, newest_first ? n_entries - 1 - k : k);
      g_autofree char *status = NULL;
      gboolean upcoming;

      status = atelier_customer_history_row_describe_entry (entry, now, &upcoming);
      if (upcoming != want_upcoming)
        continue;
      if (n < HISTORY_ROWS)
        gtk_list_box_append (list, atelier_customer_history_row_new (entry));
      n++;
    }

  if (n > HISTORY_ROWS)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("All %u Class", "All %u Classes", n_entries), n_entries);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (all_row), title);
      gtk_list_box_append (list, all_row);
    }
  gtk_widget_set_visible (GTK_WIDGET (list), n > 0);
  return n;
}

static void
update_history (AtelierCustomerProfile *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  guint n_upcoming, n_past;

  entries = atelier_history_list_for_customer (self->store, atelier_customer_get_id (self->customer), &error);
  if (entries == NULL)
    {
      g_warning ("Could not read the customer’s history: %s", error->message);
      entries = G_LIST_MODEL (g_list_store_new (ATELIER_TYPE_HISTORY_ENTRY));
    }

  /* Soonest first: the entries come by start */
  n_upcoming = fill_history_list (self->upcoming_list, self->upcoming_all_row, entries, TRUE, FALSE, now);
  adw_preferences_group_set_description (self->upcoming_group,
                                         n_upcoming == 0
                                         ? _("Not signed up to anything yet. Use Sign Up to a Session below.")
                                         : NULL);
  /* Most recent first */
  n_past = fill_history_list (self->past_list, self->past_all_row, entries, FALSE, TRUE, now);
  adw_preferences_group_set_description (self->past_group, n_past == 0 ? _("No past classes.") : NULL);
}

/* What the customer was sent, newest first: the class, what and where
 * it stands, e.g. "Risotto" / "Invite sent 14 Mar, 10:02". */
static void
update_mail (AtelierCustomerProfile *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) messages = NULL;
  guint n;

  clear_list (self->mail_list);
  messages = atelier_mail_queue_list_customer (self->store, atelier_customer_get_id (self->customer), &error);
  if (messages == NULL)
    {
      g_warning ("Could not read the customer’s messages: %s", error->message);
      messages = G_LIST_MODEL (g_list_store_new (ATELIER_TYPE_MAIL_MESSAGE));
    }

  n = g_list_model_get_n_items (messages);
  for (guint i = 0; i < MIN (n, MAIL_ROWS); i++)
    {
      g_autoptr(AtelierMailMessage) message = g_list_model_get_item (messages, i);
      g_autofree char *line = atelier_mail_format_line (message);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), atelier_mail_message_get_workshop_title (message));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
      if (g_strcmp0 (atelier_mail_message_get_state (message), "failed") == 0)
        gtk_widget_add_css_class (row, "error");
      gtk_widget_add_css_class (row, "mail-message");
      gtk_list_box_append (self->mail_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->mail_list), n > 0);
  adw_preferences_group_set_description (self->mail_group, n == 0 ? _("No messages sent yet.") : NULL);
}

static void
update_record (AtelierCustomerProfile *self)
{
  g_autofree char *created = format_day (atelier_customer_get_created_at (self->customer));
  gint64 seen = atelier_customer_get_last_seen_at (self->customer);
  g_autofree char *last_seen = seen != 0 ? format_day (seen) : NULL;

  adw_action_row_set_subtitle (self->created_row, created);
  adw_action_row_set_subtitle (self->last_seen_row, last_seen != NULL ? last_seen : _("Not yet"));
}

/**
 * atelier_customer_profile_reload:
 *
 * Shows the customer's details, and their history read again.
 */
void
atelier_customer_profile_reload (AtelierCustomerProfile *self)
{
  AtelierCustomer *c;
  g_autofree char *name = NULL;

  g_return_if_fail (ATELIER_IS_CUSTOMER_PROFILE (self));

  c = self->customer;
  if (c == NULL || self->store == NULL)
    return;

  name = atelier_customer_dup_full_name (c);
  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->first_came_label,
                       atelier_customer_profile_describe_first_came (atelier_customer_get_first_came (c)));
  update_summary (self);

  set_subtitle (self->email_row, atelier_customer_get_email (c), _("None"));
  set_subtitle (self->phone_row, atelier_customer_get_phone (c), _("None"));
  set_subtitle (self->language_row, atelier_customer_get_preferred_language (c), _("Not given"));
  update_interests (self);
  set_subtitle (self->needs_row, atelier_customer_get_needs (c), _("None known"));
  set_subtitle (self->note_row, atelier_customer_get_note (c), _("No note"));
  update_consent (self);
  update_history (self);
  update_mail (self);
  update_record (self);
}

static void
atelier_customer_profile_dispose (GObject *object)
{
  AtelierCustomerProfile *self = ATELIER_CUSTOMER_PROFILE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_CUSTOMER_PROFILE);
  g_clear_object (&self->customer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_customer_profile_parent_class)->dispose (object);
}

static void
atelier_customer_profile_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  AtelierCustomerProfile *self = ATELIER_CUSTOMER_PROFILE (object);

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
atelier_customer_profile_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  AtelierCustomerProfile *self = ATELIER_CUSTOMER_PROFILE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      atelier_customer_profile_set_store (self, g_value_get_object (value));
      break;

    case PROP_CUSTOMER:
      atelier_customer_profile_set_customer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_customer_profile_class_init (AtelierCustomerProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atelier_customer_profile_dispose;
  object_class->get_property = atelier_customer_profile_get_property;
  object_class->set_property = atelier_customer_profile_set_property;

  /**
   * AtelierCustomerProfile:store:
   *
   * The store the customer lives in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierCustomerProfile:customer:
   *
   * The customer shown.
   */
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         ATELIER_TYPE_CUSTOMER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-customer-profile.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, avatar);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, name_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, first_came_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, summary_card);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, attended_figure);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, attended_value);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, attended_caption);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, no_shows_figure);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, no_shows_value);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, no_shows_caption);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, upcoming_figure);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, upcoming_value);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, upcoming_caption);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, email_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, phone_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, language_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, interests_group);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, interests_box);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, needs_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, note_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, consent_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, upcoming_all_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, past_group);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, past_list);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, past_all_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, mail_group);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, mail_list);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, created_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerProfile, last_seen_row);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "customerprofile");

  g_type_ensure (ATELIER_TYPE_CUSTOMER_HISTORY_ROW);
}

static void
atelier_customer_profile_init (AtelierCustomerProfile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atelier_customer_profile_new:
 * @store: the store the customer lives in
 *
 * Returns: (transfer floating): a profile, empty until given a customer
 */
GtkWidget *
atelier_customer_profile_new (AtelierStore *store)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_CUSTOMER_PROFILE, "store", store, NULL);
}

AtelierStore *
atelier_customer_profile_get_store (AtelierCustomerProfile *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PROFILE (self), NULL);

  return self->store;
}

void
atelier_customer_profile_set_store (AtelierCustomerProfile *self,
                                    AtelierStore           *store)
{
  g_return_if_fail (ATELIER_IS_CUSTOMER_PROFILE (self));
  g_return_if_fail (store == NULL || ATELIER_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  atelier_customer_profile_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * atelier_customer_profile_get_customer:
 *
 * Returns: (transfer none) (nullable): the customer shown
 */
AtelierCustomer *
atelier_customer_profile_get_customer (AtelierCustomerProfile *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_PROFILE (self), NULL);

  return self->customer;
}

void
atelier_customer_profile_set_customer (AtelierCustomerProfile *self,
                                       AtelierCustomer        *customer)
{
  g_return_if_fail (ATELIER_IS_CUSTOMER_PROFILE (self));
  g_return_if_fail (customer == NULL || ATELIER_IS_CUSTOMER (customer));

  if (!g_set_object (&self->customer, customer))
    return;

  atelier_customer_profile_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
}
