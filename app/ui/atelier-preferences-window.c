/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-preferences-window.c: the store's settings
 *
 * A page, "Store", with the settings that invitations need (see
 * atelier-settings.h): the store's name and address, its e-mail address
 * (the organiser of every invite), its time zone, the reminder, whether
 * invites ask for a reply, and the language of messages to customers.
 * A second page, "Mail", with the mail account (its password goes to the
 * keyring through libsecret, never to the store), a test message that
 * shows the server's exact answer, the reminder mail and follow-ups, and
 * the texts of those mails with a preview; and the mailbox where
 * customers' replies arrive (IMAP), with its own password in the
 * keyring, how often it is read, and a test of the connection.
 *
 * Each change is written at once with atelier_settings_write(), which
 * validates it: text rows when applied (the apply button or Enter), when
 * the focus leaves them, or when the window closes; switches and combo
 * rows as soon as they change. A value the core refuses is not stored:
 * the row is marked, and the reason shown under its group (and as the
 * row's accessible description), until the text is corrected.
 */
#define G_LOG_DOMAIN "atelier-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <libsecret/secret.h>

#include "atelier-imap.h"
#include "atelier-mail-queue.h"
#include "atelier-mail-template.h"
#include "atelier-money.h"
#include "atelier-preferences-window.h"
#include "atelier-secret.h"
#include "atelier-settings.h"

/* What the window knows of a row that shows a setting. */
typedef struct
{
  GtkWidget  *row;
  const char *key;
  GtkLabel   *error_label;  /* where its refusal shows, under its group, or NULL */
  gboolean    shows_error;  /* the label says this row's refusal */
  char       *stored;       /* the value as the store holds it */
  char       *refused;      /* the text last refused, not judged again at each Tab */
} SettingRow;

#define N_SETTING_ROWS 25

struct _AtelierPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AtelierStore         *store;
  gboolean              loading;
  gboolean              writing;
  gboolean              closing;
  int                   custom_reminder;  /* minutes, or -1: a value none of the choices has */
  int                   custom_mail_reminder;
  gboolean              template_loading;
  GCancellable         *cancellable;      /* the test message and the keyring */
  SettingRow            setting_rows[N_SETTING_ROWS];

  /* Template children */
  AdwEntryRow          *store_name_row;
  AdwEntryRow          *address_row;
  AdwEntryRow          *organizer_row;
  AdwEntryRow          *time_zone_row;
  AdwComboRow          *reminder_row;
  AdwActionRow         *rsvp_row;
  GtkSwitch            *rsvp_switch;
  AdwComboRow          *language_row;
  AdwComboRow          *currency_row;
  GtkLabel             *store_error_label;
  GtkLabel             *invitations_error_label;
  AdwEntryRow          *smtp_host_row;
  AdwEntryRow          *smtp_port_row;
  AdwComboRow          *smtp_security_row;
  AdwEntryRow          *smtp_user_row;
  AdwPasswordEntryRow  *password_row;
  AdwEntryRow          *smtp_ca_file_row;
  GtkButton            *test_button;
  GtkLabel             *mail_status_label;
  GtkLabel             *mail_error_label;
  AdwEntryRow          *imap_host_row;
  AdwEntryRow          *imap_port_row;
  AdwComboRow          *imap_security_row;
  AdwEntryRow          *imap_user_row;
  AdwPasswordEntryRow  *imap_password_row;
  AdwEntryRow          *imap_folder_row;
  AdwEntryRow          *imap_done_folder_row;
  AdwEntryRow          *imap_ca_file_row;
  AdwEntryRow          *replies_interval_row;
  GtkButton            *imap_test_button;
  GtkLabel             *imap_status_label;
  GtkLabel             *imap_error_label;
  AdwComboRow          *mail_reminder_row;
  AdwActionRow         *follow_ups_row;
  GtkSwitch            *follow_ups_switch;
  AdwComboRow          *template_row;
  AdwComboRow          *template_language_row;
  AdwEntryRow          *template_subject_row;
  GtkTextView          *template_body_view;
  GtkButton            *template_reset_button;
  GtkLabel             *template_error_label;
  GtkLabel             *template_preview_label;
};

G_DEFINE_FINAL_TYPE (AtelierPreferencesWindow, atelier_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The reminder choices, in minutes before the start. */
static const int reminder_minutes[] = { 0, 60, 3 * 60, 24 * 60, 2 * 24 * 60 };

/* The languages of the combo row, in its order. */
static const char *const languages[] = { "en", "fr" };

/* The securities of the combo row, in its order. */
static const char *const securities[] = { "tls", "starttls", "none" };

/* The same for the mailbox of replies: never in clear. */
static const char *const imap_securities[] = { "tls", "starttls" };

#define N_ENTRY_ROWS 15

/* Showing what was refused */

static void
add_toast (AtelierPreferencesWindow *self,
           const char               *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* The row is marked and the reason shown under its group, in full (a
 * toast would cut it). */
static SettingRow *
setting_row (AtelierPreferencesWindow *self,
             gpointer                  row)
{
  for (guint i = 0; i < N_SETTING_ROWS; i++)
    if (self->setting_rows[i].row == row)
      return &self->setting_rows[i];
  return NULL;
}

static void
show_row_error (AtelierPreferencesWindow *self,
                GtkWidget                *row,
                const char               *message)
{
  SettingRow *setting = setting_row (self, row);

  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  if (setting == NULL || setting->error_label == NULL)
    return;

  /* The group's label now says this row's refusal, no other's. */
  for (guint i = 0; i < N_SETTING_ROWS; i++)
    if (self->setting_rows[i].error_label == setting->error_label)
      self->setting_rows[i].shows_error = FALSE;
  setting->shows_error = TRUE;
  gtk_label_set_label (setting->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (setting->error_label), TRUE);
}

static void
clear_row_error (AtelierPreferencesWindow *self,
                 GtkWidget                *row)
{
  SettingRow *setting = setting_row (self, row);

  if (!gtk_widget_has_css_class (row, "error"))
    return;

  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  if (setting != NULL && setting->error_label != NULL && setting->shows_error)
    {
      gtk_widget_set_visible (GTK_WIDGET (setting->error_label), FALSE);
      setting->shows_error = FALSE;
    }
}

/* Text rows */

static const char *
row_key (AtelierPreferencesWindow *self,
         gpointer                  row)
{
  SettingRow *setting = setting_row (self, row);

  return setting != NULL ? setting->key : NULL;
}

/* Sets the text without showing the apply button: the text is not an
 * edit of the user's. */
static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gboolean show_apply = adw_entry_row_get_show_apply_button (row);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) == 0)
    return;

  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, show_apply);
}

/* Writes the row's text if it changed; %FALSE if the core refused it. */
static gboolean
apply_entry (AtelierPreferencesWindow *self,
             AdwEntryRow              *row)
{
  SettingRow *setting = setting_row (self, row);
  const char *key = row_key (self, row);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gboolean written;

  if (self->store == NULL || key == NULL)
    return FALSE;

  if (g_strcmp0 (text, setting->stored) == 0)
    {
      clear_row_error (self, GTK_WIDGET (row));
      return TRUE;
    }

  self->writing = TRUE;
  written = atelier_settings_write (self->store, key, text, &error);
  self->writing = FALSE;
  if (!written)
    {
      g_free (setting->refused);
      setting->refused = g_strdup (text);
      show_row_error (self, GTK_WIDGET (row), error->message);
      return FALSE;
    }

  clear_row_error (self, GTK_WIDGET (row));
  g_clear_pointer (&setting->refused, g_free);

  /* Shown as stored: trimmed, without "mailto:". */
  value = atelier_settings_read (self->store, key, &error);
  if (value == NULL)
    {
      g_warning ("Could not read back the setting %s: %s", key, error->message);
      return TRUE;
    }
  g_free (setting->stored);
  setting->stored = g_strdup (value);
  set_entry_text (row, value);
  return TRUE;
}

static void
on_entry_apply_cb (AtelierPreferencesWindow *self,
                   AdwEntryRow              *row)
{
  apply_entry (self, row);
}

static void
on_entry_changed_cb (AtelierPreferencesWindow *self,
                     GtkEditable              *row)
{
  /* Being corrected: the mark goes, the next apply judges again. */
  if (!self->loading)
    clear_row_error (self, GTK_WIDGET (row));
}

static void
on_entry_focus_leave_cb (GtkEventControllerFocus  *controller,
                         AtelierPreferencesWindow *self)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (self->closing)
    return;

  /* Once refused, the same text is not judged again at each Tab. */
  if (g_strcmp0 (text, setting_row (self, row)->refused) == 0)
    return;

  apply_entry (self, row);
}

static AdwEntryRow **
entry_rows (AtelierPreferencesWindow *self,
            AdwEntryRow              *rows[N_ENTRY_ROWS + 1])
{
  rows[0] = self->store_name_row;
  rows[1] = self->address_row;
  rows[2] = self->organizer_row;
  rows[3] = self->time_zone_row;
  rows[4] = self->smtp_host_row;
  rows[5] = self->smtp_port_row;
  rows[6] = self->smtp_user_row;
  rows[7] = self->smtp_ca_file_row;
  rows[8] = self->imap_host_row;
  rows[9] = self->imap_port_row;
  rows[10] = self->imap_user_row;
  rows[11] = self->imap_folder_row;
  rows[12] = self->imap_done_folder_row;
  rows[13] = self->imap_ca_file_row;
  rows[14] = self->replies_interval_row;
  rows[15] = NULL;
  return rows;
}

/* The reminder */

static char *
format_reminder (int minutes)
{
  if (minutes == 0)
    return g_strdup (C_("reminder", "None"));
  if (minutes % (24 * 60) == 0)
    return g_strdup_printf (ngettext ("%d day before", "%d days before", minutes / (24 * 60)),
                            minutes / (24 * 60));
  if (minutes % 60 == 0)
    return g_strdup_printf (ngettext ("%d hour before", "%d hours before", minutes / 60), minutes / 60);
  return g_strdup_printf (ngettext ("%d minute before", "%d minutes before", minutes), minutes);
}

/* The choices, and @minutes as one more when none of them is it. */
static void
set_reminder_choices (AdwComboRow *row,
                      int          minutes,
                      int         *custom)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = G_N_ELEMENTS (reminder_minutes);

  *custom = -1;
  for (guint i = 0; i < G_N_ELEMENTS (reminder_minutes); i++)
    {
      g_autofree char *label = format_reminder (reminder_minutes[i]);

      gtk_string_list_append (list, label);
      if (reminder_minutes[i] == minutes)
        selected = i;
    }
  if (selected == G_N_ELEMENTS (reminder_minutes))
    {
      g_autofree char *label = format_reminder (minutes);

      gtk_string_list_append (list, label);
      *custom = minutes;
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  adw_combo_row_set_selected (row, selected);
}

static int
selected_reminder (AdwComboRow *row,
                   int          custom)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected < G_N_ELEMENTS (reminder_minutes))
    return reminder_minutes[selected];
  return custom;
}

/* Loading */

static void
load_values (AtelierPreferencesWindow *self)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  AdwEntryRow *rows[N_ENTRY_ROWS + 1];
  const char * const *currencies = atelier_money_list_currencies ();
  const char *language;
  const char *currency;
  const char *security;

  if (self->store == NULL)
    return;

  settings = atelier_settings_load (self->store, &error);
  if (settings == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  self->loading = TRUE;

  for (AdwEntryRow **row = entry_rows (self, rows); *row != NULL; row++)
    {
      SettingRow *setting = setting_row (self, *row);
      const char *value = atelier_settings_get (settings, setting->key);
      const char *before = setting->stored;
      const char *text = gtk_editable_get_text (GTK_EDITABLE (*row));

      /* A row being edited keeps the user's text. */
      if (before == NULL || g_strcmp0 (text, before) == 0)
        set_entry_text (*row, value);
      g_free (setting->stored);
      setting->stored = g_strdup (value);
    }

  set_reminder_choices (self->reminder_row, atelier_settings_get_reminder (settings),
                        &self->custom_reminder);
  gtk_switch_set_active (self->rsvp_switch, atelier_settings_get_rsvp (settings));

  language = atelier_settings_get_language (settings);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      adw_combo_row_set_selected (self->language_row, i);

  currency = atelier_settings_get_currency (settings);
  for (guint i = 0; currencies[i] != NULL; i++)
    if (g_strcmp0 (currency, currencies[i]) == 0)
      adw_combo_row_set_selected (self->currency_row, i);

  security = atelier_settings_get_smtp_security (settings);
  for (guint i = 0; i < G_N_ELEMENTS (securities); i++)
    if (g_strcmp0 (security, securities[i]) == 0)
      adw_combo_row_set_selected (self->smtp_security_row, i);
  security = atelier_settings_get_imap_security (settings);
  for (guint i = 0; i < G_N_ELEMENTS (imap_securities); i++)
    if (g_strcmp0 (security, imap_securities[i]) == 0)
      adw_combo_row_set_selected (self->imap_security_row, i);
  set_reminder_choices (self->mail_reminder_row, atelier_settings_get_mail_reminder (settings),
                        &self->custom_mail_reminder);
  gtk_switch_set_active (self->follow_ups_switch, atelier_settings_get_follow_ups (settings));

  self->loading = FALSE;
}

static void
on_settings_changed_cb (AtelierStore             *store,
                        const char               *table,
                        AtelierPreferencesWindow *self)
{
  /* Written elsewhere (another window): show it. */
  if (!self->writing)
    load_values (self);
}

/* Switches and choices */

/* Writes @value, or shows why not and puts back what is stored. */
static void
write_choice (AtelierPreferencesWindow *self,
              const char               *key,
              const char               *value)
{
  g_autoptr(GError) error = NULL;
  gboolean written;

  if (self->loading || self->store == NULL)
    return;

  self->writing = TRUE;
  written = atelier_settings_write (self->store, key, value, &error);
  self->writing = FALSE;

  if (!written)
    {
      add_toast (self, error->message);
      load_values (self);
    }
}

static void
on_reminder_selected_cb (AtelierPreferencesWindow *self)
{
  int minutes = selected_reminder (self->reminder_row, self->custom_reminder);
  g_autofree char *value = NULL;

  if (minutes < 0)
    return;
  value = g_strdup_printf ("%d", minutes);
  write_choice (self, ATELIER_SETTING_REMINDER, value);
}

static void
on_rsvp_active_cb (AtelierPreferencesWindow *self)
{
  write_choice (self, ATELIER_SETTING_RSVP, gtk_switch_get_active (self->rsvp_switch) ? "true" : "false");
}

static void
on_language_selected_cb (AtelierPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->language_row);

  if (selected < G_N_ELEMENTS (languages))
    write_choice (self, ATELIER_SETTING_LANGUAGE, languages[selected]);
}

static void
on_currency_selected_cb (AtelierPreferencesWindow *self)
{
  const char * const *currencies = atelier_money_list_currencies ();
  guint selected = adw_combo_row_get_selected (self->currency_row);

  if (selected < g_strv_length ((GStrv) currencies))
    write_choice (self, ATELIER_SETTING_CURRENCY, currencies[selected]);
}

/* "EUR — Euro", each currency Atelier knows, in the order of the core's
 * list. */
static void
fill_currencies (AtelierPreferencesWindow *self)
{
  const char * const *currencies = atelier_money_list_currencies ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; currencies[i] != NULL; i++)
    {
      /* TRANSLATORS: a currency in Preferences: its ISO code, then its
       * name, e.g. "EUR — Euro" */
      g_autofree char *name = g_strdup_printf (_("%s — %s"), currencies[i],
                                               atelier_money_get_name (currencies[i]));

      gtk_string_list_append (names, name);
    }
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (names));
}

/* The mail account */

static void
on_security_selected_cb (AtelierPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->smtp_security_row);

  if (selected < G_N_ELEMENTS (securities))
    write_choice (self, ATELIER_SETTING_SMTP_SECURITY, securities[selected]);
}

static void
on_imap_security_selected_cb (AtelierPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->imap_security_row);

  if (selected < G_N_ELEMENTS (imap_securities))
    write_choice (self, ATELIER_SETTING_IMAP_SECURITY, imap_securities[selected]);
}

static void
on_mail_reminder_selected_cb (AtelierPreferencesWindow *self)
{
  int minutes = selected_reminder (self->mail_reminder_row, self->custom_mail_reminder);
  g_autofree char *value = NULL;

  if (minutes < 0)
    return;
  value = g_strdup_printf ("%d", minutes);
  write_choice (self, ATELIER_SETTING_MAIL_REMINDER, value);
}

static void
on_follow_ups_active_cb (AtelierPreferencesWindow *self)
{
  write_choice (self, ATELIER_SETTING_FOLLOW_UPS,
                gtk_switch_get_active (self->follow_ups_switch) ? "true" : "false");
}

/* One line under the account: what happened, or (@is_error) what went wrong. */
static void
show_mail_status (AtelierPreferencesWindow *self,
                  const char               *message,
                  gboolean                  is_error)
{
  GtkLabel *shown = is_error ? self->mail_error_label : self->mail_status_label;
  GtkLabel *hidden = is_error ? self->mail_status_label : self->mail_error_label;

  gtk_label_set_label (shown, message);
  gtk_widget_set_visible (GTK_WIDGET (shown), message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (hidden), FALSE);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->test_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

static void
on_password_stored_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AtelierPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!atelier_secret_store_password_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_mail_status (self, error->message, TRUE);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_mail_status (self, _("The password is kept in the keyring."), FALSE);
}

/* The password goes to the keyring, under the server and the user name. */
static void
on_password_apply_cb (AtelierPreferencesWindow *self)
{
  g_autoptr(AtelierSettings) settings = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *host;
  const char *user;

  /* What was typed in the rows above counts. */
  apply_entry (self, self->smtp_host_row);
  apply_entry (self, self->smtp_user_row);
  settings = atelier_settings_load (self->store, NULL);
  host = settings ? atelier_settings_get_smtp_host (settings) : "";
  user = settings ? atelier_settings_get_smtp_user (settings) : "";
  if (*host == '\0' || *user == '\0')
    {
      show_mail_status (self, _("Give the server and the user name first: the password is kept for "
                                "that user on that server."), TRUE);
      return;
    }

  atelier_secret_store_password_async (host, user, password, self->cancellable,
                                       on_password_stored_cb, g_object_ref (self));
}

static void
test_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  AtelierSettings *settings = task_data;
  g_autoptr(GError) error = NULL;
  char *reply = NULL;

  /* The password is looked up here, out of the window's way. */
  if (atelier_mail_send_test (settings, NULL, NULL, &reply, &error))
    g_task_return_pointer (task, reply, g_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_test_sent_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  AtelierPreferencesWindow *self = ATELIER_PREFERENCES_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *reply = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), TRUE);
  if (reply == NULL)
    {
      show_mail_status (self, error->message, TRUE);
      return;
    }

  /* TRANSLATORS: the server's answer follows */
  message = g_strdup_printf (_("The test message was sent. The server answered: %s"), reply);
  show_mail_status (self, message, FALSE);
}

/* Sent from a thread: a server that does not answer never holds the window. */
static void
on_test_clicked_cb (AtelierPreferencesWindow *self)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  AdwEntryRow *rows[N_ENTRY_ROWS + 1];

  for (AdwEntryRow **row = entry_rows (self, rows); *row != NULL; row++)
    apply_entry (self, *row);
  settings = atelier_settings_load (self->store, &error);
  if (settings == NULL || !atelier_settings_check_can_send (settings, &error))
    {
      show_mail_status (self, error->message, TRUE);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);
  show_mail_status (self, _("Sending a test message…"), FALSE);
  task = g_task_new (self, self->cancellable, on_test_sent_cb, NULL);
  g_task_set_task_data (task, g_steal_pointer (&settings), g_object_unref);
  g_task_run_in_thread (task, test_thread);
}

/* The mailbox of replies */

/* One line under the mailbox: what happened, or (@is_error) what went wrong. */
static void
show_imap_status (AtelierPreferencesWindow *self,
                  const char               *message,
                  gboolean                  is_error)
{
  GtkLabel *shown = is_error ? self->imap_error_label : self->imap_status_label;
  GtkLabel *hidden = is_error ? self->imap_status_label : self->imap_error_label;

  gtk_label_set_label (shown, message);
  gtk_widget_set_visible (GTK_WIDGET (shown), message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (hidden), FALSE);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->imap_test_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

/* The keyring may ask to be unlocked: out of the window's way. */
static void
store_imap_password_thread (GTask        *task,
                            gpointer      source_object,
                            gpointer      task_data,
                            GCancellable *cancellable)
{
  char **account = task_data;  /* host, user, password */
  GError *error = NULL;

  if (atelier_imap_store_password (account[0], account[1], account[2], cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_imap_password_stored_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  AtelierPreferencesWindow *self = ATELIER_PREFERENCES_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_imap_status (self, error->message, TRUE);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->imap_password_row), "");
  show_imap_status (self, _("The password is kept in the keyring."), FALSE);
}

static void
forget_account (gpointer data)
{
  char **account = data;

  if (account[2] != NULL)
    memset (account[2], 0, strlen (account[2]));
  g_strfreev (account);
}

/* Its own keyring entry, apart from the sending account's. */
static void
on_imap_password_apply_cb (AtelierPreferencesWindow *self)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GTask) task = NULL;
  char **account;

  apply_entry (self, self->imap_host_row);
  apply_entry (self, self->imap_user_row);
  settings = atelier_settings_load (self->store, NULL);
  if (settings == NULL || *atelier_settings_get_imap_host (settings) == '\0' ||
      *atelier_settings_get_imap_user (settings) == '\0')
    {
      show_imap_status (self, _("Give the mailbox server and the user name first: the password is "
                                "kept for that user on that server."), TRUE);
      return;
    }

  account = g_new0 (char *, 4);
  account[0] = g_strdup (atelier_settings_get_imap_host (settings));
  account[1] = g_strdup (atelier_settings_get_imap_user (settings));
  account[2] = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->imap_password_row)));
  task = g_task_new (self, self->cancellable, on_imap_password_stored_cb, NULL);
  g_task_set_task_data (task, account, forget_account);
  g_task_run_in_thread (task, store_imap_password_thread);
}

static void
imap_test_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AtelierSettings *settings = task_data;
  GError *error = NULL;
  char *password;

  password = atelier_imap_lookup_password (atelier_settings_get_imap_host (settings),
                                           atelier_settings_get_imap_user (settings),
                                           cancellable, &error);
  if (password != NULL && atelier_imap_test (settings, password, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  atelier_secret_free (password);
}

static void
on_imap_tested_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AtelierPreferencesWindow *self = ATELIER_PREFERENCES_WINDOW (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->imap_test_button), TRUE);
  if (error != NULL)
    show_imap_status (self, error->message, TRUE);
  else
    show_imap_status (self, _("The mailbox answered: replies can be read."), FALSE);
}

/* From a thread: a server that does not answer never holds the window. */
static void
on_imap_test_clicked_cb (AtelierPreferencesWindow *self)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  AdwEntryRow *rows[N_ENTRY_ROWS + 1];

  for (AdwEntryRow **row = entry_rows (self, rows); *row != NULL; row++)
    apply_entry (self, *row);
  settings = atelier_settings_load (self->store, &error);
  if (settings == NULL || !atelier_settings_check_can_read_replies (settings, &error))
    {
      show_imap_status (self, error->message, TRUE);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->imap_test_button), FALSE);
  show_imap_status (self, _("Connecting to the mailbox…"), FALSE);
  task = g_task_new (self, self->cancellable, on_imap_tested_cb, NULL);
  g_task_set_task_data (task, g_steal_pointer (&settings), g_object_unref);
  g_task_run_in_thread (task, imap_test_thread);
}

/* The texts of mails */

static AtelierMailTemplateId
selected_template (AtelierPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->template_row);

  return selected < ATELIER_MAIL_TEMPLATE_N ? selected : ATELIER_MAIL_TEMPLATE_REMINDER;
}

static const char *
selected_template_language (AtelierPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->template_language_row);

  return selected < G_N_ELEMENTS (languages) ? languages[selected] : "en";
}

static char *
template_body (AtelierPreferencesWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->template_body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_template_error (AtelierPreferencesWindow *self,
                     const char               *message)
{
  gtk_label_set_label (self->template_error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->template_error_label), message != NULL);
}

/* The preview follows what is typed; a text that would be refused says why. */
static void
update_preview (AtelierPreferencesWindow *self)
{
  g_autofree char *body = template_body (self);
  g_autofree char *preview = NULL;
  g_autoptr(GError) error = NULL;

  if (atelier_mail_template_preview (gtk_editable_get_text (GTK_EDITABLE (self->template_subject_row)),
                                     body, selected_template_language (self), &preview, &error))
    {
      gtk_label_set_label (self->template_preview_label, preview);
      show_template_error (self, NULL);
    }
  else
    show_template_error (self, error->message);
}

static void
load_template (AtelierPreferencesWindow *self)
{
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_default = TRUE;

  if (self->store == NULL)
    return;
  if (!atelier_mail_template_load (self->store, selected_template (self), selected_template_language (self),
                                   &subject, &body, &is_default, &error))
    {
      show_template_error (self, error->message);
      return;
    }

  self->template_loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->template_subject_row), subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->template_body_view), body, -1);
  self->template_loading = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_reset_button), !is_default);
  update_preview (self);
}

static void
on_template_selected_cb (AtelierPreferencesWindow *self)
{
  load_template (self);
}

static void
on_template_edited_cb (AtelierPreferencesWindow *self)
{
  if (!self->template_loading)
    update_preview (self);
}

static void
on_template_save_cb (AtelierPreferencesWindow *self)
{
  g_autofree char *body = template_body (self);
  g_autoptr(GError) error = NULL;

  if (!atelier_mail_template_save (self->store, selected_template (self), selected_template_language (self),
                                   gtk_editable_get_text (GTK_EDITABLE (self->template_subject_row)),
                                   body, &error))
    {
      show_template_error (self, error->message);
      return;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_reset_button), TRUE);
  add_toast (self, _("The text is saved."));
}

static void
on_template_reset_cb (AtelierPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (!atelier_mail_template_reset (self->store, selected_template (self), selected_template_language (self),
                                    &error))
    {
      show_template_error (self, error->message);
      return;
    }
  load_template (self);
}

/* GObject */

static gboolean
atelier_preferences_window_close_request (GtkWindow *window)
{
  AtelierPreferencesWindow *self = ATELIER_PREFERENCES_WINDOW (window);
  AdwEntryRow *rows[N_ENTRY_ROWS + 1];

  /* What was typed and not applied yet is kept, if valid. */
  for (AdwEntryRow **row = entry_rows (self, rows); *row != NULL; row++)
    if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (*row)), setting_row (self, *row)->refused) != 0)
      apply_entry (self, *row);
  self->closing = TRUE;

  return GTK_WINDOW_CLASS (atelier_preferences_window_parent_class)->close_request (window);
}

static void
atelier_preferences_window_constructed (GObject *object)
{
  AtelierPreferencesWindow *self = ATELIER_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (atelier_preferences_window_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      g_critical ("AtelierPreferencesWindow needs a store");
      return;
    }

  load_values (self);
  load_template (self);
  g_signal_connect_object (self->store, "changed::settings", G_CALLBACK (on_settings_changed_cb), self, 0);
}

static void
atelier_preferences_window_dispose (GObject *object)
{
  AtelierPreferencesWindow *self = ATELIER_PREFERENCES_WINDOW (object);

  self->closing = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  for (guint i = 0; i < N_SETTING_ROWS; i++)
    {
      g_clear_pointer (&self->setting_rows[i].stored, g_free);
      g_clear_pointer (&self->setting_rows[i].refused, g_free);
      self->setting_rows[i].row = NULL;
    }

  G_OBJECT_CLASS (atelier_preferences_window_parent_class)->dispose (object);
}

static void
atelier_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AtelierPreferencesWindow *self = ATELIER_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AtelierPreferencesWindow *self = ATELIER_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_preferences_window_class_init (AtelierPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = atelier_preferences_window_constructed;
  object_class->dispose = atelier_preferences_window_dispose;
  object_class->get_property = atelier_preferences_window_get_property;
  object_class->set_property = atelier_preferences_window_set_property;

  window_class->close_request = atelier_preferences_window_close_request;

  /**
   * AtelierPreferencesWindow:store:
   *
   * The store whose settings are shown and written.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, store_name_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, organizer_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, time_zone_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, reminder_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, rsvp_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, rsvp_switch);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, store_error_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, invitations_error_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, smtp_host_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, smtp_port_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, smtp_security_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, smtp_user_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, smtp_ca_file_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, test_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, mail_status_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, mail_error_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, imap_host_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, imap_port_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, imap_security_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, imap_user_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, imap_password_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, imap_folder_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, imap_done_folder_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, imap_ca_file_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, replies_interval_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, imap_test_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, imap_status_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, imap_error_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, mail_reminder_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, follow_ups_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, follow_ups_switch);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, template_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, template_language_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, template_subject_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, template_body_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, template_reset_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, template_error_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierPreferencesWindow, template_preview_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_security_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_mail_reminder_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_follow_ups_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_password_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_imap_security_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_imap_password_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_imap_test_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_template_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_template_save_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_template_reset_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reminder_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rsvp_active_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_language_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_currency_selected_cb);
}

static void
atelier_preferences_window_init (AtelierPreferencesWindow *self)
{
  AdwEntryRow *rows[N_ENTRY_ROWS + 1];

  self->custom_reminder = -1;
  self->custom_mail_reminder = -1;
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;  /* until the store's values are in */

  gtk_widget_init_template (GTK_WIDGET (self));
  fill_currencies (self);

  {
    const SettingRow settings[N_SETTING_ROWS] = {
      { GTK_WIDGET (self->store_name_row), ATELIER_SETTING_STORE_NAME, self->store_error_label },
      { GTK_WIDGET (self->address_row), ATELIER_SETTING_ADDRESS, self->store_error_label },
      { GTK_WIDGET (self->organizer_row), ATELIER_SETTING_ORGANIZER, self->invitations_error_label },
      { GTK_WIDGET (self->time_zone_row), ATELIER_SETTING_TIME_ZONE, self->invitations_error_label },
      { GTK_WIDGET (self->reminder_row), ATELIER_SETTING_REMINDER, NULL },
      { GTK_WIDGET (self->rsvp_row), ATELIER_SETTING_RSVP, NULL },
      { GTK_WIDGET (self->language_row), ATELIER_SETTING_LANGUAGE, NULL },
      { GTK_WIDGET (self->currency_row), ATELIER_SETTING_CURRENCY, NULL },
      { GTK_WIDGET (self->smtp_host_row), ATELIER_SETTING_SMTP_HOST, self->mail_error_label },
      { GTK_WIDGET (self->smtp_port_row), ATELIER_SETTING_SMTP_PORT, self->mail_error_label },
      { GTK_WIDGET (self->smtp_security_row), ATELIER_SETTING_SMTP_SECURITY, NULL },
      { GTK_WIDGET (self->smtp_user_row), ATELIER_SETTING_SMTP_USER, self->mail_error_label },
      { GTK_WIDGET (self->smtp_ca_file_row), ATELIER_SETTING_SMTP_CA_FILE, self->mail_error_label },
      { GTK_WIDGET (self->mail_reminder_row), ATELIER_SETTING_MAIL_REMINDER, NULL },
      { GTK_WIDGET (self->follow_ups_row), ATELIER_SETTING_FOLLOW_UPS, NULL },
      { GTK_WIDGET (self->password_row), "smtp-password", NULL },
      { GTK_WIDGET (self->imap_host_row), ATELIER_SETTING_IMAP_HOST, self->imap_error_label },
      { GTK_WIDGET (self->imap_port_row), ATELIER_SETTING_IMAP_PORT, self->imap_error_label },
      { GTK_WIDGET (self->imap_security_row), ATELIER_SETTING_IMAP_SECURITY, NULL },
      { GTK_WIDGET (self->imap_user_row), ATELIER_SETTING_IMAP_USER, self->imap_error_label },
      { GTK_WIDGET (self->imap_password_row), "imap-password", NULL },
      { GTK_WIDGET (self->imap_folder_row), ATELIER_SETTING_IMAP_FOLDER, self->imap_error_label },
      { GTK_WIDGET (self->imap_done_folder_row), ATELIER_SETTING_IMAP_DONE_FOLDER, self->imap_error_label },
      { GTK_WIDGET (self->imap_ca_file_row), ATELIER_SETTING_IMAP_CA_FILE, self->imap_error_label },
      { GTK_WIDGET (self->replies_interval_row), ATELIER_SETTING_REPLIES_INTERVAL, self->imap_error_label },
    };

    memcpy (self->setting_rows, settings, sizeof settings);
  }

  for (AdwEntryRow **row = entry_rows (self, rows); *row != NULL; row++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect (focus, "leave", G_CALLBACK (on_entry_focus_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (*row), focus);
      /* Only now: the text set from the store is no edit to apply. */
      adw_entry_row_set_show_apply_button (*row, TRUE);
    }

  g_signal_connect_object (gtk_text_view_get_buffer (self->template_body_view), "changed",
                           G_CALLBACK (on_template_edited_cb), self, G_CONNECT_SWAPPED);

  self->loading = FALSE;
}

/**
 * atelier_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: the store whose settings to show
 *
 * Returns: (transfer full): a new preferences window, not yet shown
 */
GtkWidget *
atelier_preferences_window_new (GtkWindow    *parent,
                                AtelierStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       NULL);
}

AtelierStore *
atelier_preferences_window_get_store (AtelierPreferencesWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_PREFERENCES_WINDOW (self), NULL);

  return self->store;
}

/**
 * atelier_preferences_window_get_row:
 * @key: a setting, such as %ATELIER_SETTING_ORGANIZER
 *
 * For tests and assistive code: the row that shows @key: an #AdwEntryRow,
 * an #AdwComboRow, or (for the RSVP and follow-ups) an #AdwActionRow with
 * a switch; "smtp-password" is the password's #AdwPasswordEntryRow.
 *
 * Returns: (transfer none) (nullable): the row, or %NULL for an unknown key
 */
GtkWidget *
atelier_preferences_window_get_row (AtelierPreferencesWindow *self,
                                    const char               *key)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->store_name_row), GTK_WIDGET (self->address_row),
    GTK_WIDGET (self->organizer_row), GTK_WIDGET (self->time_zone_row),
    GTK_WIDGET (self->reminder_row), GTK_WIDGET (self->rsvp_row),
    GTK_WIDGET (self->language_row), GTK_WIDGET (self->currency_row),
    GTK_WIDGET (self->smtp_host_row),
    GTK_WIDGET (self->smtp_port_row), GTK_WIDGET (self->smtp_security_row),
    GTK_WIDGET (self->smtp_user_row), GTK_WIDGET (self->password_row),
    GTK_WIDGET (self->smtp_ca_file_row), GTK_WIDGET (self->mail_reminder_row),
    GTK_WIDGET (self->follow_ups_row),
    GTK_WIDGET (self->imap_host_row), GTK_WIDGET (self->imap_port_row),
    GTK_WIDGET (self->imap_security_row), GTK_WIDGET (self->imap_user_row),
    GTK_WIDGET (self->imap_password_row), GTK_WIDGET (self->imap_folder_row),
    GTK_WIDGET (self->imap_done_folder_row), GTK_WIDGET (self->imap_ca_file_row),
    GTK_WIDGET (self->replies_interval_row),
  };

  g_return_val_if_fail (ATELIER_IS_PREFERENCES_WINDOW (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i] != NULL && g_strcmp0 (row_key (self, rows[i]), key) == 0)
      return rows[i];
  return NULL;
}

static GtkWidget *
row_viewport (GtkWidget *row)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = scroller ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)) : NULL;

  return GTK_IS_VIEWPORT (viewport) ? viewport : NULL;
}

/* Scrolls the page so that @row shows whole, with what is just above it
 * (its group's title and description) when that fits. */
static void
scroll_to_row (GtkWidget *row)
{
  GtkWidget *viewport = row_viewport (row);
  GtkWidget *content = viewport ? gtk_viewport_get_child (GTK_VIEWPORT (viewport)) : NULL;
  GtkAdjustment *vadjustment;
  graphene_rect_t bounds;
  double page;

  /* In the content's coordinates, which the adjustment counts in. */
  if (content == NULL || !gtk_widget_compute_bounds (row, content, &bounds))
    return;

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewport));
  page = gtk_adjustment_get_page_size (vadjustment);
  gtk_adjustment_clamp_page (vadjustment,
                             MAX (0, bounds.origin.y + bounds.size.height - page * 2 / 3),
                             bounds.origin.y + bounds.size.height);
}

static gboolean
scroll_to_row_cb (gpointer user_data)
{
  scroll_to_row (user_data);
  return G_SOURCE_REMOVE;
}

/* Once shown, after the first layout (which runs before idle sources). */
static void
on_focus_row_mapped_cb (GtkWidget *row)
{
  g_signal_handlers_disconnect_by_func (row, on_focus_row_mapped_cb, NULL);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scroll_to_row_cb, g_object_ref (row), g_object_unref);
}

/**
 * atelier_preferences_window_focus_setting:
 * @key: a setting, such as %ATELIER_SETTING_ORGANIZER
 *
 * Shows the row of @key, scrolled into view, and gives it the keyboard
 * focus: for a window opened to set one thing ("The Store's E-mail
 * Address Is Missing").
 *
 * Returns: whether @key has a row
 */
gboolean
atelier_preferences_window_focus_setting (AtelierPreferencesWindow *self,
                                          const char               *key)
{
  GtkWidget *row;
  GtkWidget *page;
  GtkWidget *viewport;
  gboolean scroll_to_focus = FALSE;

  g_return_val_if_fail (ATELIER_IS_PREFERENCES_WINDOW (self), FALSE);

  row = atelier_preferences_window_get_row (self, key);
  if (row == NULL)
    return FALSE;

  page = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_PAGE);
  if (page != NULL)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));

  /* The viewport would scroll to the focused text alone, and its animation
   * would undo ours: the row shows whole, with its group's heading. */
  viewport = row_viewport (row);
  if (viewport != NULL)
    {
      scroll_to_focus = gtk_viewport_get_scroll_to_focus (GTK_VIEWPORT (viewport));
      gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), FALSE);
    }
  gtk_window_set_focus (GTK_WINDOW (self), row);
  if (viewport != NULL)
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (viewport), scroll_to_focus);

  if (gtk_widget_get_mapped (row))
    scroll_to_row (row);
  else
    g_signal_connect (row, "map", G_CALLBACK (on_focus_row_mapped_cb), NULL);
  return TRUE;
}

/**
 * atelier_preferences_window_get_mail_status:
 * @is_error: (out) (optional): whether it says what went wrong
 *
 * For tests and assistive code: the line shown under the mail account
 * (the test message's answer, the keyring's news), or %NULL if none.
 */
const char *
atelier_preferences_window_get_mail_status (AtelierPreferencesWindow *self,
                                            gboolean                 *is_error)
{
  g_return_val_if_fail (ATELIER_IS_PREFERENCES_WINDOW (self), NULL);

  if (is_error != NULL)
    *is_error = gtk_widget_get_visible (GTK_WIDGET (self->mail_error_label));
  if (gtk_widget_get_visible (GTK_WIDGET (self->mail_error_label)))
    return gtk_label_get_label (self->mail_error_label);
  if (gtk_widget_get_visible (GTK_WIDGET (self->mail_status_label)))
    return gtk_label_get_label (self->mail_status_label);
  return NULL;
}

/* For tests: the "Send a Test Message" button. */
GtkWidget *
atelier_preferences_window_get_test_button (AtelierPreferencesWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_PREFERENCES_WINDOW (self), NULL);

  return GTK_WIDGET (self->test_button);
}

/**
 * atelier_preferences_window_get_imap_status:
 * @is_error: (out) (optional): whether it says what went wrong
 *
 * For tests and assistive code: the line shown under the mailbox of
 * replies (the connection test's outcome), or %NULL if none.
 */
const char *
atelier_preferences_window_get_imap_status (AtelierPreferencesWindow *self,
                                            gboolean                 *is_error)
{
  g_return_val_if_fail (ATELIER_IS_PREFERENCES_WINDOW (self), NULL);

  if (is_error != NULL)
    *is_error = gtk_widget_get_visible (GTK_WIDGET (self->imap_error_label));
  if (gtk_widget_get_visible (GTK_WIDGET (self->imap_error_label)))
    return gtk_label_get_label (self->imap_error_label);
  if (gtk_widget_get_visible (GTK_WIDGET (self->imap_status_label)))
    return gtk_label_get_label (self->imap_status_label);
  return NULL;
}

/* For tests: the "Test Connection" button of the mailbox. */
GtkWidget *
atelier_preferences_window_get_imap_test_button (AtelierPreferencesWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_PREFERENCES_WINDOW (self), NULL);

  return GTK_WIDGET (self->imap_test_button);
}
