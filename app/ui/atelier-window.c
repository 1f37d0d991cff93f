/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-window.c: the main window: schedule, workshops, customers, reports
 *
 * The window receives its store as a construct-only property (or the error
 * that kept the store from opening, which it then shows). Its content is a
 * navigation stack (an AdwLeaflet that never unfolds) in a toast overlay:
 * first the four views in an AdwViewStack (AtelierSchedulePage,
 * AtelierWorkshopsPage, AtelierCustomerBookPage, AtelierReportView), then, when one is opened,
 * the page of a session. Only the view shown first is built with the
 * window; the others, and the shortcuts window, when first asked for.
 *
 * Navigation between widgets goes through the window's actions (win.*),
 * which the pages and the dialogs only activate. The window remembers its
 * size and its view in GSettings when the schema is installed, and works
 * without remembering when it is not.
 */
#define G_LOG_DOMAIN "atelier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-checkin-window.h"
#include "atelier-customer-page.h"
#include "atelier-customer-book-page.h"
#include "atelier-export.h"
#include "atelier-import-dialog.h"
#include "atelier-mail-queue.h"
#include "atelier-report-view.h"
#include "atelier-schedule-page.h"
#include "atelier-settings.h"
#include "atelier-session-editor.h"
#include "atelier-session-page.h"
#include "atelier-signup-dialog.h"
#include "atelier-store-files.h"
#include "atelier-widget-util.h"
#include "atelier-window.h"
#include "atelier-workshop-editor.h"
#include "atelier-workshop-page.h"
#include "atelier-workshops-page.h"

/* Both build profiles share one schema: see data/io.github.ateliers.Atelier.gschema.xml. */
#define SETTINGS_SCHEMA_ID "io.github.ateliers.Atelier"

struct _AtelierWindow
{
  AdwApplicationWindow  parent_instance;

  AtelierStore         *store;
  GError               *store_error;
  GSettings            *settings;
  gboolean              views_ready;
  GtkWidget            *focus_before_page;  /* weak */
  guint                 remove_source;
  guint                 switcher_bar_source;

  AtelierSchedulePage  *schedule_page;
  AtelierWorkshopsPage *workshops_page;  /* NULL until first shown */
  AtelierCustomerBookPage *customers_page;  /* NULL until first shown */
  AtelierReportView    *reports_view;  /* NULL until first shown */
  AdwBin               *workshops_bin;
  AdwBin               *customers_bin;
  AdwBin               *reports_bin;
  GtkWidget            *shortcuts_window;  /* NULL until first shown */
  GCancellable         *mail_cancellable;  /* while win.send-mail sends */

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  GtkRevealer          *mail_banner;
  GtkLabel             *mail_banner_label;
  GtkWidget            *mail_banner_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *main_box;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
};

G_DEFINE_FINAL_TYPE (AtelierWindow, atelier_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_STORE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The mail banner */

/* "3 messages wait to be sent", "2 messages could not be sent…", or
 * hidden when nothing waits nor failed. Sending again is the answer to
 * both: failed ones go back in the queue from their session's Retry. */
static void
update_mail_banner (AtelierWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_waiting = 0;
  guint n_failed = 0;

  if (self->store == NULL)
    return;
  if (!atelier_mail_queue_count (self->store, &n_waiting, &n_failed, &error))
    {
      g_warning ("Could not count the messages waiting: %s", error->message);
      return;
    }

  if (n_failed > 0)
    /* TRANSLATORS: the window's banner, e.g. "2 messages could not be sent: open their session to retry" */
    text = g_strdup_printf (ngettext ("%u message could not be sent: open its session to retry",
                                      "%u messages could not be sent: open their session to retry",
                                      n_failed),
                            n_failed);
  else if (n_waiting > 0)
    /* TRANSLATORS: the window's banner, e.g. "3 messages wait to be sent" */
    text = g_strdup_printf (ngettext ("%u message waits to be sent", "%u messages wait to be sent",
                                      n_waiting),
                            n_waiting);

  if (text != NULL)
    gtk_label_set_label (self->mail_banner_label, text);
  if (n_failed > 0)
    gtk_widget_add_css_class (gtk_widget_get_parent (GTK_WIDGET (self->mail_banner_label)), "error");
  else
    gtk_widget_remove_css_class (gtk_widget_get_parent (GTK_WIDGET (self->mail_banner_label)), "error");
  gtk_widget_set_visible (self->mail_banner_button, n_waiting > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-mail",
                                 n_waiting > 0 && self->mail_cancellable == NULL);
  gtk_revealer_set_reveal_child (self->mail_banner, text != NULL);
}

static void
on_mail_sent_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AtelierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AtelierMailReport report = { 0 };

  if (!atelier_mail_queue_send_finish (ATELIER_STORE (source), result, &report, &error))
    title = g_strdup_printf (_("Not sent: %s"), error->message);
  else
    /* TRANSLATORS: a toast after sending, e.g. "3 messages sent" */
    title = g_strdup_printf (ngettext ("%u message sent", "%u messages sent", report.n_sent),
                             report.n_sent);
  g_clear_object (&self->mail_cancellable);
  if (self->store == NULL)
    return;

  update_mail_banner (self);
  atelier_toast_show_text (GTK_WIDGET (self->toast_overlay), title);
}

/* Sends every message that waits, as the application's timer would. */
static void
send_mail_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->mail_cancellable != NULL)
    return;

  settings = atelier_settings_load (self->store, &error);
  if (settings == NULL || !atelier_settings_check_can_send (settings, &error))
    {
      atelier_toast_show_text (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }

  self->mail_cancellable = g_cancellable_new ();
  gtk_widget_action_set_enabled (widget, "win.send-mail", FALSE);
  atelier_mail_queue_send_async (self->store, NULL, 0, NULL, NULL, self->mail_cancellable,
                                 on_mail_sent_cb, g_object_ref (self));
}

/* Settings */

/* The settings, or %NULL when the schema is not installed (an
 * uninstalled build run without GSETTINGS_SCHEMA_DIR): the window then
 * simply forgets. */
static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("No GSettings schema %s: the window size and view are not remembered",
               SETTINGS_SCHEMA_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static gboolean
settings_has_key (GSettings  *settings,
                  const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;

  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static void
restore_state (AtelierWindow *self)
{
  if (settings_has_key (self->settings, "window-width")
      && settings_has_key (self->settings, "window-height"))
    {
      int width = g_settings_get_int (self->settings, "window-width");
      int height = g_settings_get_int (self->settings, "window-height");

      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), width, height);
    }

  if (settings_has_key (self->settings, "window-maximized")
      && g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (self->store != NULL && settings_has_key (self->settings, "last-view"))
    {
      g_autofree char *view = g_settings_get_string (self->settings, "last-view");

      if (adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
        adw_view_stack_set_visible_child_name (self->view_stack, view);
    }
}

static void
save_size (AtelierWindow *self)
{
  int width;
  int height;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  if (settings_has_key (self->settings, "window-maximized"))
    g_settings_set_boolean (self->settings, "window-maximized", maximized);

  /* The unmaximized size, to come back to. */
  if (maximized || gtk_window_is_fullscreen (GTK_WINDOW (self)))
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && settings_has_key (self->settings, "window-width"))
    g_settings_set_int (self->settings, "window-width", width);
  if (height > 0 && settings_has_key (self->settings, "window-height"))
    g_settings_set_int (self->settings, "window-height", height);
}

/* The Workshops and Customers views are built when first shown: the
 * view stack measures every view, shown or not, and most start-ups only
 * show the schedule. Until then their stack pages hold an empty bin. */
static void
ensure_view (AtelierWindow *self,
             const char    *view)
{
  if (g_strcmp0 (view, "workshops") == 0 && self->workshops_page == NULL)
    {
      self->workshops_page = ATELIER_WORKSHOPS_PAGE (atelier_workshops_page_new (self->store));
      adw_bin_set_child (self->workshops_bin, GTK_WIDGET (self->workshops_page));
    }
  else if (g_strcmp0 (view, "customers") == 0 && self->customers_page == NULL)
    {
      self->customers_page = ATELIER_CUSTOMER_BOOK_PAGE (atelier_customer_book_page_new (self->store));
      adw_bin_set_child (self->customers_bin, GTK_WIDGET (self->customers_page));
    }
  else if (g_strcmp0 (view, "reports") == 0 && self->reports_view == NULL)
    {
      self->reports_view = ATELIER_REPORT_VIEW (atelier_report_view_new (self->store));
      adw_bin_set_child (self->reports_bin, GTK_WIDGET (self->reports_view));
    }
}

static void
on_visible_view_cb (AtelierWindow *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->store != NULL)
    ensure_view (self, view);

  /* Not while the pages are added and the saved view restored. */
  if (!self->views_ready || view == NULL)
    return;

  if (settings_has_key (self->settings, "last-view"))
    g_settings_set_string (self->settings, "last-view", view);
}

/* Parts built when first needed */

/* The view switcher bar shows only in a narrow window, and its three
 * buttons would otherwise be built and styled with every window. The
 * title's switcher hands over to it during a layout, so the bar gets
 * its views right after, while it starts to slide in. */
static gboolean
connect_switcher_bar_cb (gpointer user_data)
{
  AtelierWindow *self = ATELIER_WINDOW (user_data);

  self->switcher_bar_source = 0;
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);

  return G_SOURCE_REMOVE;
}

static void
on_title_visible_cb (AtelierWindow *self)
{
  if (self->store == NULL || self->switcher_bar_source != 0
      || adw_view_switcher_bar_get_stack (self->switcher_bar) != NULL
      || !adw_view_switcher_title_get_title_visible (self->switcher_title))
    return;

  self->switcher_bar_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, connect_switcher_bar_cb,
                                               self, NULL);
  g_source_set_name_by_id (self->switcher_bar_source, "[atelier] connect switcher bar");
}

/* The main menu's items are widgets too: built when first opened. */
static void
create_primary_menu_cb (GtkMenuButton *menu_button,
                        gpointer       user_data)
{
  AtelierWindow *self = ATELIER_WINDOW (user_data);

  if (gtk_menu_button_get_menu_model (menu_button) == NULL)
    gtk_menu_button_set_menu_model (menu_button, self->primary_menu);
}

/* Navigation */

static GtkWidget *
main_page (AtelierWindow *self)
{
  return self->main_box;
}

static gboolean
showing_main_page (AtelierWindow *self)
{
  return adw_leaflet_get_visible_child (self->leaflet) == main_page (self);
}

/* Drops the pages neither shown nor the main one, once no transition
 * shows them any more: a page out of sight holds nothing. */
static void
remove_hidden_pages (AtelierWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = NULL;
  g_autoptr(GPtrArray) hidden = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);
  guint n_pages;

  if (adw_leaflet_get_child_transition_running (self->leaflet))
    return;

  pages = adw_leaflet_get_pages (self->leaflet);
  n_pages = g_list_model_get_n_items (G_LIST_MODEL (pages));
  for (guint i = 0; i < n_pages; i++)
    {
      g_autoptr(AdwLeafletPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_leaflet_page_get_child (page);

      if (child != main_page (self) && child != visible)
        g_ptr_array_add (hidden, g_object_ref (child));
    }

  for (guint i = 0; i < hidden->len; i++)
    adw_leaflet_remove (self->leaflet, hidden->pdata[i]);
}

static gboolean
remove_hidden_pages_cb (gpointer user_data)
{
  AtelierWindow *self = ATELIER_WINDOW (user_data);

  self->remove_source = 0;
  remove_hidden_pages (self);

  return G_SOURCE_REMOVE;
}

/* Never at once: the leaflet notifies in the middle of changing its
 * visible child, when the page on its way in may look hidden. */
static void
queue_remove_hidden_pages (AtelierWindow *self)
{
  if (self->remove_source == 0)
    {
      self->remove_source = g_idle_add (remove_hidden_pages_cb, self);
      g_source_set_name_by_id (self->remove_source, "[atelier] remove hidden pages");
    }
}

static void
on_leaflet_visible_child_cb (AtelierWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", !showing_main_page (self));

  if (showing_main_page (self))
    {
      /* Back where the user came from. */
      if (self->focus_before_page != NULL)
        gtk_widget_grab_focus (self->focus_before_page);
      g_clear_weak_pointer (&self->focus_before_page);
    }

  /* Without animations no transition ends: clean up in any case. */
  queue_remove_hidden_pages (self);
}

static void
on_leaflet_transition_cb (AtelierWindow *self)
{
  if (!adw_leaflet_get_child_transition_running (self->leaflet))
    queue_remove_hidden_pages (self);
}

static void
push_page (AtelierWindow *self,
           GtkWidget     *page)
{
  if (showing_main_page (self))
    g_set_weak_pointer (&self->focus_before_page, gtk_root_get_focus (GTK_ROOT (self)));

  /* A page already shown gives way to this one, and goes once out of sight. */
  adw_leaflet_append (self->leaflet, page);
  adw_leaflet_set_visible_child (self->leaflet, page);
  gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/* Actions */

static void
show_session_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);
  gint64 session_id = g_variant_get_int64 (parameter);
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);

  if (self->store == NULL)
    return;

  /* Already there. */
  if (ATELIER_IS_SESSION_PAGE (visible)
      && atelier_session_page_get_session_id (ATELIER_SESSION_PAGE (visible)) == session_id)
    return;

  push_page (self, atelier_session_page_new (self->store, session_id));
}

/* A workshop's page: its details and its sessions */
static void
show_workshop_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);
  gint64 workshop_id = g_variant_get_int64 (parameter);
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);

  if (self->store == NULL)
    return;

  /* Already there. */
  if (ATELIER_IS_WORKSHOP_PAGE (visible)
      && atelier_workshop_page_get_workshop_id (ATELIER_WORKSHOP_PAGE (visible)) == workshop_id)
    return;

  push_page (self, atelier_workshop_page_new (self->store, workshop_id));
}

/* A customer's page; 0 opens the page on a new customer's editor. */
static void
show_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);
  gint64 customer_id = g_variant_get_int64 (parameter);
  GtkWidget *visible = adw_leaflet_get_visible_child (self->leaflet);

  if (self->store == NULL)
    return;

  /* Already there. */
  if (customer_id != 0 && ATELIER_IS_CUSTOMER_PAGE (visible)
      && atelier_customer_page_get_customer_id (ATELIER_CUSTOMER_PAGE (visible)) == customer_id)
    return;

  push_page (self, atelier_customer_page_new (self->store, customer_id));
}

/* The windows the window opens for one session or workshop: each takes
 * its parent, the store and an id (0 for a new workshop). */
static const struct
{
  const char  *action;
  GtkWidget  *(*open) (GtkWindow *parent, AtelierStore *store, gint64 id);
} windows_by_action[] = {
  { "win.check-in", atelier_checkin_window_new },
  { "win.sign-up", atelier_signup_dialog_new },
  { "win.new-workshop", atelier_workshop_editor_new },
  { "win.edit-workshop", atelier_workshop_editor_new },
};

/* win.check-in, win.sign-up ("x": session id), win.new-workshop,
 * win.edit-workshop ("x": workshop id) */
static void
open_window_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);
  gint64 id = parameter ? g_variant_get_int64 (parameter) : 0;

  if (self->store == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (windows_by_action); i++)
    if (g_str_equal (windows_by_action[i].action, action_name))
      gtk_window_present (GTK_WINDOW (windows_by_action[i].open (GTK_WINDOW (self), self->store, id)));
}

/* win.new-session, win.edit-session ("x": session id) and
 * win.new-workshop-session ("x": the workshop chosen first) */
static void
session_editor_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);
  gint64 session_id = 0;
  gint64 workshop_id = 0;
  GtkWidget *editor;

  if (self->store == NULL)
    return;

  if (g_strcmp0 (action_name, "win.edit-session") == 0)
    session_id = g_variant_get_int64 (parameter);
  else if (parameter != NULL)
    workshop_id = g_variant_get_int64 (parameter);

  editor = atelier_session_editor_new (GTK_WINDOW (self), self->store, session_id, workshop_id);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);

  if (!showing_main_page (self))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Ctrl+F: the search of the view shown. The session page, when shown,
 * has the focus and handles its own shortcuts first. */
static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);
  GtkWidget *visible;

  if (self->store == NULL || !showing_main_page (self))
    return;

  visible = adw_view_stack_get_visible_child (self->view_stack);
  if (visible == GTK_WIDGET (self->schedule_page))
    atelier_schedule_page_focus_search (self->schedule_page);
  else if (visible == GTK_WIDGET (self->customers_bin))
    {
      ensure_view (self, "customers");
      atelier_customer_book_page_focus_search (self->customers_page);
    }
}

static void
view_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);
  const char *view = g_variant_get_string (parameter, NULL);

  if (self->store == NULL || adw_view_stack_get_child_by_name (self->view_stack, view) == NULL)
    return;

  if (!showing_main_page (self))
    adw_leaflet_set_visible_child (self->leaflet, main_page (self));
  adw_view_stack_set_visible_child_name (self->view_stack, view);
}

/* Ctrl+? and the menu's Keyboard Shortcuts (win.show-help-overlay). The
 * window builds its shortcuts window when first asked for, and keeps it
 * hidden once closed. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/ateliers/Atelier/ui/atelier-shortcuts-window.ui");

      self->shortcuts_window = GTK_WIDGET (gtk_builder_get_object (builder, "shortcuts_window"));
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts_window),
                                 (gpointer *) &self->shortcuts_window);
      gtk_window_set_transient_for (GTK_WINDOW (self->shortcuts_window), GTK_WINDOW (self));
      gtk_window_set_hide_on_close (GTK_WINDOW (self->shortcuts_window), TRUE);
    }

  gtk_window_present (GTK_WINDOW (self->shortcuts_window));
}

/* Exporting the schedule */

typedef struct
{
  AtelierWindow *window;
  GFile         *file;
  AdwToast      *progress;
} ExportSchedule;

static void
export_schedule_free (ExportSchedule *export)
{
  g_object_unref (export->window);
  g_object_unref (export->file);
  g_object_unref (export->progress);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportSchedule, export_schedule_free)

static void
on_schedule_exported_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(ExportSchedule) export = user_data;
  AtelierWindow *self = export->window;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = atelier_export_dup_display_name (export->file);
  g_autofree char *title = NULL;
  g_autofree char *markup = NULL;
  guint n_sessions = 0;
  gboolean ok = atelier_export_feed_finish (result, &n_sessions, &error);

  adw_toast_dismiss (export->progress);

  /* The window was closed meanwhile. */
  if (self->store == NULL)
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-schedule", TRUE);

  if (!ok)
    {
      GtkWidget *dialog;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (atelier_export_is_no_organizer_error (error))
        {
          atelier_export_ask_for_organizer (GTK_WIDGET (self), _("The Store’s E-mail Address Is Missing"));
          return;
        }
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Schedule Not Exported"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* TRANSLATORS: a toast, e.g. "12 sessions exported to “schedule.ics”" */
  title = g_strdup_printf (ngettext ("%u session exported to “%s”", "%u sessions exported to “%s”", n_sessions),
                           n_sessions, name);
  markup = g_markup_escape_text (title, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

/**
 * atelier_window_export_schedule:
 * @file: the .ics file chosen
 *
 * Writes the public schedule of the sessions from today to three months
 * ahead to @file, in a thread, with a toast while it runs and when done.
 */
void
atelier_window_export_schedule (AtelierWindow *self,
                                GFile         *file)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  ExportSchedule *export;

  g_return_if_fail (ATELIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL || atelier_store_get_path (self->store) == NULL)
    return;

  from = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                               g_date_time_get_day_of_month (now), 0, 0, 0);
  to = g_date_time_add_months (from, 3);

  export = g_new0 (ExportSchedule, 1);
  export->window = g_object_ref (self);
  export->file = g_object_ref (file);
  export->progress = adw_toast_new (_("Exporting the schedule…"));
  adw_toast_set_timeout (export->progress, 0);
  g_object_ref (export->progress);
  adw_toast_overlay_add_toast (self->toast_overlay, export->progress);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-schedule", FALSE);
  atelier_export_feed_async (atelier_store_get_path (self->store), from, to, file, NULL,
                             on_schedule_exported_cb, export);
}

static void
on_schedule_file_response_cb (GtkNativeDialog *chooser,
                              int              response,
                              gpointer         user_data)
{
  g_autoptr(AtelierWindow) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file != NULL)
    atelier_window_export_schedule (self, file);
}

static void
export_schedule_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GError) error = NULL;
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;

  /* The feed names the store as its organiser. */
  settings = atelier_settings_load (self->store, &error);
  if (settings != NULL && !atelier_settings_check_can_invite (settings, NULL))
    {
      atelier_export_ask_for_organizer (widget, _("The Store’s E-mail Address Is Missing"));
      return;
    }

  chooser = gtk_file_chooser_native_new (_("Export Schedule"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "schedule.ics");
  gtk_file_filter_set_name (filter, _("Calendars"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_schedule_file_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Import customers: a CSV file, then the import dialog on it */

static void
on_import_file_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            gpointer         user_data)
{
  g_autoptr(AtelierWindow) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file != NULL && self->store != NULL)
    gtk_window_present (GTK_WINDOW (atelier_import_dialog_new (GTK_WINDOW (self), self->store, file)));
}

/* The customer list, attendance or a backup, to a file the manager
 * chooses; the action's name says which. */
static void
save_store_file_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);
  AtelierStoreFile what = ATELIER_STORE_FILE_BACKUP;

  if (self->store == NULL)
    return;

  if (g_strcmp0 (action_name, "win.export-customers") == 0)
    what = ATELIER_STORE_FILE_CUSTOMERS;
  else if (g_strcmp0 (action_name, "win.export-attendance") == 0)
    what = ATELIER_STORE_FILE_ATTENDANCE;
  atelier_store_files_save (widget, self->store, what);
}

static void
clean_up_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);

  if (self->store != NULL)
    atelier_store_files_clean_up (widget, self->store);
}

/* From a toast: the folder a file was saved in, in the file manager. */
static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;
  const char *uri = g_variant_get_string (parameter, NULL);

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    atelier_toast_show_text (widget, error->message);
}

static void
import_customers_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AtelierWindow *self = ATELIER_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->store == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import Customers"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter, "text/tab-separated-values");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_file_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Construction */

static void
add_view (AtelierWindow *self,
          GtkWidget     *page,
          const char    *name,
          const char    *title,
          const char    *icon_name)
{
  AdwViewStackPage *stack_page = adw_view_stack_add_titled (self->view_stack, page, name, title);

  adw_view_stack_page_set_icon_name (stack_page, icon_name);
  adw_view_stack_page_set_use_underline (stack_page, TRUE);
}

static void
atelier_window_show_store_error (AtelierWindow *self)
{
  g_autofree char *message = g_markup_escape_text (self->store_error->message, -1);
  GtkWidget *error_page = adw_status_page_new ();

  /* Built here rather than in the template: a window that opens its
   * store never shows it, and GTK would load its icon (an SVG image,
   * whose loader alone weighs some 6 MB) with every window. */
  adw_status_page_set_title (ADW_STATUS_PAGE (error_page), _("Could Not Open the Store"));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (error_page), "dialog-error-symbolic");
  adw_status_page_set_description (ADW_STATUS_PAGE (error_page), message);
  gtk_stack_add_named (self->main_stack, error_page, "error");
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-session", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-customer", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-workshop", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-in", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-up", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.view", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-session", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-workshop-session", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-session", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-workshop", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-workshop", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-schedule", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-customers", FALSE);
}

/* The header says which store this is: its name, as the store calls
 * itself in Preferences, or its file's name until it has one. */
static void
update_subtitle (AtelierWindow *self)
{
  const char *path = atelier_store_get_path (self->store);
  g_autofree char *name = atelier_settings_read (self->store, ATELIER_SETTING_STORE_NAME, NULL);
  g_autofree char *display_path = path != NULL ? g_filename_display_name (path) : NULL;

  if (name != NULL)
    g_strstrip (name);
  if (atelier_str_is_empty (name) && path != NULL)
    {
      g_autofree char *basename = g_path_get_basename (path);

      g_free (name);
      name = g_filename_display_name (basename);
    }

  adw_view_switcher_title_set_subtitle (self->switcher_title, name != NULL ? name : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->switcher_title), display_path);
}

static void
atelier_window_constructed (GObject *object)
{
  AtelierWindow *self = ATELIER_WINDOW (object);

  G_OBJECT_CLASS (atelier_window_parent_class)->constructed (object);

  self->settings = new_settings ();

  if (self->store == NULL)
    {
      if (self->store_error == NULL)
        self->store_error = g_error_new_literal (ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
                                                 _("No store was given to the window."));
      atelier_window_show_store_error (self);
      restore_state (self);
      return;
    }

  update_subtitle (self);
  g_signal_connect_object (self->store, "changed::settings", G_CALLBACK (update_subtitle), self,
                           G_CONNECT_SWAPPED);
  update_mail_banner (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (update_mail_banner), self,
                           G_CONNECT_SWAPPED);

  self->schedule_page = ATELIER_SCHEDULE_PAGE (atelier_schedule_page_new (self->store));
  self->workshops_bin = ADW_BIN (adw_bin_new ());
  self->customers_bin = ADW_BIN (adw_bin_new ());
  self->reports_bin = ADW_BIN (adw_bin_new ());

  /* TRANSLATORS: a view of the main window, with a mnemonic: the
   * upcoming sessions, by day */
  add_view (self, GTK_WIDGET (self->schedule_page), "schedule", _("_Schedule"),
            "x-office-calendar-symbolic");
  /* TRANSLATORS: a view of the main window, with a mnemonic: the
   * catalogue of workshops */
  add_view (self, GTK_WIDGET (self->workshops_bin), "workshops", _("_Workshops"),
            "applications-engineering-symbolic");
  /* TRANSLATORS: a view of the main window, with a mnemonic: the
   * customer book */
  add_view (self, GTK_WIDGET (self->customers_bin), "customers", _("_Customers"),
            "system-users-symbolic");
  /* TRANSLATORS: a view of the main window, with a mnemonic: figures
   * and charts over a period */
  add_view (self, GTK_WIDGET (self->reports_bin), "reports", _("_Reports"),
            "x-office-presentation-symbolic");

  restore_state (self);
  self->views_ready = TRUE;
}

static gboolean
atelier_window_close_request (GtkWindow *window)
{
  AtelierWindow *self = ATELIER_WINDOW (window);

  save_size (self);

  return GTK_WINDOW_CLASS (atelier_window_parent_class)->close_request (window);
}

static void
atelier_window_dispose (GObject *object)
{
  AtelierWindow *self = ATELIER_WINDOW (object);

  g_clear_weak_pointer (&self->focus_before_page);
  g_clear_handle_id (&self->remove_source, g_source_remove);
  g_clear_handle_id (&self->switcher_bar_source, g_source_remove);
  g_cancellable_cancel (self->mail_cancellable);
  g_clear_object (&self->mail_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_WINDOW);

  if (self->shortcuts_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->shortcuts_window),
                                    (gpointer *) &self->shortcuts_window);
      gtk_window_destroy (GTK_WINDOW (self->shortcuts_window));
      self->shortcuts_window = NULL;
    }
  self->schedule_page = NULL;
  self->workshops_page = NULL;
  self->customers_page = NULL;
  self->reports_view = NULL;
  self->workshops_bin = NULL;
  self->customers_bin = NULL;
  self->reports_bin = NULL;
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_window_parent_class)->dispose (object);
}

static void
atelier_window_finalize (GObject *object)
{
  AtelierWindow *self = ATELIER_WINDOW (object);

  g_clear_error (&self->store_error);

  G_OBJECT_CLASS (atelier_window_parent_class)->finalize (object);
}

static void
atelier_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtelierWindow *self = ATELIER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_STORE_ERROR:
      g_value_set_boxed (value, self->store_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtelierWindow *self = ATELIER_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_STORE_ERROR:
      self->store_error = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_window_class_init (AtelierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = atelier_window_constructed;
  object_class->dispose = atelier_window_dispose;
  object_class->finalize = atelier_window_finalize;
  object_class->get_property = atelier_window_get_property;
  object_class->set_property = atelier_window_set_property;

  window_class->close_request = atelier_window_close_request;

  /**
   * AtelierWindow:store:
   *
   * The store the window shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierWindow:store-error:
   *
   * Why the store could not be opened, shown instead of its views.
   */
  properties[PROP_STORE_ERROR] =
    g_param_spec_boxed ("store-error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Navigation, activated by the pages and dialogs (see the UI contract). */
  gtk_widget_class_install_action (widget_class, "win.show-session", "x", show_session_action);
  gtk_widget_class_install_action (widget_class, "win.show-customer", "x", show_customer_action);
  gtk_widget_class_install_action (widget_class, "win.show-workshop", "x", show_workshop_action);
  gtk_widget_class_install_action (widget_class, "win.check-in", "x", open_window_action);
  gtk_widget_class_install_action (widget_class, "win.sign-up", "x", open_window_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.send-mail", NULL, send_mail_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.view", "s", view_action);
  gtk_widget_class_install_action (widget_class, "win.export-schedule", NULL, export_schedule_action);
  gtk_widget_class_install_action (widget_class, "win.import-customers", NULL, import_customers_action);
  gtk_widget_class_install_action (widget_class, "win.export-customers", NULL, save_store_file_action);
  gtk_widget_class_install_action (widget_class, "win.export-attendance", NULL, save_store_file_action);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, save_store_file_action);
  gtk_widget_class_install_action (widget_class, "win.clean-up", NULL, clean_up_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.new-session", NULL, session_editor_action);
  gtk_widget_class_install_action (widget_class, "win.new-workshop-session", "x", session_editor_action);
  gtk_widget_class_install_action (widget_class, "win.edit-session", "x", session_editor_action);
  gtk_widget_class_install_action (widget_class, "win.new-workshop", NULL, open_window_action);
  gtk_widget_class_install_action (widget_class, "win.edit-workshop", "x", open_window_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_shortcuts_action);

  /* Window shortcuts; the application's own (Ctrl+Q, Ctrl+W, Ctrl+,,
   * Ctrl+?) are set in atelier-application.c. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-session", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.view", "s", "schedule");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.view", "s", "workshops");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.view", "s", "customers");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK,
                                       "win.view", "s", "reports");

  g_type_ensure (ATELIER_TYPE_SCHEDULE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, mail_banner);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, mail_banner_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, mail_banner_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, main_box);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, switcher_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_transition_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_view_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_visible_cb);
}

static void
atelier_window_init (AtelierWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_primary_menu_cb, self, NULL);

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", FALSE);
}

AtelierWindow *
atelier_window_new (GtkApplication *application,
                    AtelierStore   *store)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * atelier_window_new_for_error:
 * @store_error: why the store could not be opened
 *
 * Returns: a window that shows @store_error to the user
 */
AtelierWindow *
atelier_window_new_for_error (GtkApplication *application,
                              const GError   *store_error)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (store_error != NULL, NULL);

  return g_object_new (ATELIER_TYPE_WINDOW,
                       "application", application,
                       "store-error", store_error,
                       NULL);
}

/**
 * atelier_window_get_store:
 *
 * Returns: (transfer none) (nullable): the store shown, or %NULL when it
 *   could not be opened
 */
AtelierStore *
atelier_window_get_store (AtelierWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * atelier_window_get_store_error:
 *
 * Returns: (transfer none) (nullable): why the store could not be opened
 */
const GError *
atelier_window_get_store_error (AtelierWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_WINDOW (self), NULL);

  return self->store_error;
}

/**
 * atelier_window_get_sessions:
 *
 * Returns: (transfer none) (nullable): a #GListModel of the
 *   #AtelierSession the schedule shows (by default the upcoming scheduled
 *   ones, by start), or %NULL when the store could not be opened
 */
GListModel *
atelier_window_get_sessions (AtelierWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_WINDOW (self), NULL);

  if (self->schedule_page == NULL)
    return NULL;

  return atelier_schedule_page_get_sessions (self->schedule_page);
}

/**
 * atelier_window_get_visible_view:
 *
 * Returns: (nullable): the name of the view shown: "schedule",
 *   "workshops", "customers" or "reports"
 */
const char *
atelier_window_get_visible_view (AtelierWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * atelier_window_set_visible_view:
 * @view: "schedule", "workshops", "customers" or "reports"
 */
void
atelier_window_set_visible_view (AtelierWindow *self,
                                 const char    *view)
{
  g_return_if_fail (ATELIER_IS_WINDOW (self));
  g_return_if_fail (view != NULL);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.view", "s", view);
}

/**
 * atelier_window_get_toast_overlay:
 *
 * Returns: (transfer none): the overlay where the window's toasts show
 */
AdwToastOverlay *
atelier_window_get_toast_overlay (AtelierWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_WINDOW (self), NULL);

  return self->toast_overlay;
}
