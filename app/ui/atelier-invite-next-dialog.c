/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-invite-next-dialog.c: who to invite next to a session
 *
 * The customers the core ranks for a session (atelier_invite_next_list():
 * consented to be contacted, not registered, interested in the workshop's
 * category or came to classes of it; best first), each with why they are
 * listed, how many classes they attended and when they were last
 * contacted. "Export CSV…" writes them as a mail-merge list; "Mark as
 * Contacted" records that the store reached out to them, so that they
 * come later in the next lists.
 */
#define G_LOG_DOMAIN "atelier-invite-next-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-csv.h"
#include "atelier-export.h"
#include "atelier-format.h"
#include "atelier-invite-next-dialog.h"
#include "atelier-invite-next-row.h"
#include "atelier-widget-util.h"
#include "atelier-invite-next.h"

struct _AtelierInviteNextDialog
{
  AdwWindow        parent_instance;

  AtelierStore    *store;
  gint64           session_id;
  char            *category;
  char            *time_zone;
  GListModel      *candidates;
  GtkNoSelection  *selection;

  /* Template children */
  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkLabel        *count_label;
  GtkListView     *list_view;
  AdwStatusPage   *empty_page;
  AdwStatusPage   *error_page;
  GtkWidget       *export_button;
  GtkWidget       *contacted_button;
};

G_DEFINE_FINAL_TYPE (AtelierInviteNextDialog, atelier_invite_next_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SESSION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows */

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     AtelierInviteNextDialog  *self)
{
  gtk_list_item_set_child (list_item, atelier_invite_next_row_new ());
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    AtelierInviteNextDialog  *self)
{
  atelier_invite_next_row_set_candidate (ATELIER_INVITE_NEXT_ROW (gtk_list_item_get_child (list_item)),
                                         gtk_list_item_get_item (list_item),
                                         self->category, self->time_zone);
}

/* Loading */

static void
show_error (AtelierInviteNextDialog *self,
            const GError            *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_widget_set_sensitive (self->contacted_button, FALSE);
}

static void
reload (AtelierInviteNextDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(AtelierWorkshop) workshop = NULL;
  g_autoptr(GListModel) candidates = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *count = NULL;
  guint n_items;

  if (self->store == NULL)
    return;

  session = atelier_store_get_session (self->store, self->session_id, &error);
  if (session != NULL)
    workshop = atelier_store_get_workshop (self->store, atelier_session_get_workshop_id (session), &error);
  if (workshop != NULL)
    candidates = atelier_invite_next_list (self->store, self->session_id, 0, &error);
  if (candidates == NULL)
    {
      show_error (self, error);
      return;
    }

  g_free (self->category);
  self->category = g_strdup (atelier_workshop_get_category (workshop));
  g_free (self->time_zone);
  self->time_zone = g_strdup (atelier_session_get_time_zone (session));

  {
    g_autoptr(GDateTime) start = atelier_session_dup_start (session);
    g_autofree char *date = atelier_date_format (start, _("%A %-d %B %Y, %H:%M"));

    /* TRANSLATORS: the workshop's title and the session's start */
    subtitle = g_strdup_printf (_("%s · %s"), atelier_workshop_get_title (workshop), date);
    adw_window_title_set_subtitle (self->window_title, subtitle);
  }

  g_set_object (&self->candidates, candidates);
  gtk_no_selection_set_model (self->selection, self->candidates);

  n_items = g_list_model_get_n_items (self->candidates);
  if (self->category == NULL || *self->category == '\0')
    {
      adw_status_page_set_description (self->empty_page,
                                       _("This workshop has no category. Give it one (cuisine, vin…) "
                                         "in the workshop’s details to find the customers interested in it."));
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (self->category, -1);
      /* TRANSLATORS: %s is the workshop's category, e.g. "cuisine" */
      g_autofree char *description = g_strdup_printf (_("No customer who agreed to be contacted is interested "
                                                        "in “%s” or came to one of its classes, except those "
                                                        "already signed up."),
                                                      escaped);
      adw_status_page_set_description (self->empty_page, description);
    }

  /* TRANSLATORS: above the list, e.g. "12 customers to invite, best first" */
  count = g_strdup_printf (ngettext ("%u customer to invite, best first",
                                     "%u customers to invite, best first", n_items),
                           n_items);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (self->export_button, n_items > 0);
  gtk_widget_set_sensitive (self->contacted_button, n_items > 0);
}

static void
on_store_changed_cb (AtelierStore            *store,
                     const char              *table,
                     AtelierInviteNextDialog *self)
{
  reload (self);
}

/* Export */

/**
 * atelier_invite_next_dialog_export:
 * @file: the CSV file to write (replaced)
 * @n_written: (out) (optional): how many customers were written
 *
 * Writes the listed customers to @file as a mail-merge list.
 */
gboolean
atelier_invite_next_dialog_export (AtelierInviteNextDialog  *self,
                                   GFile                    *file,
                                   guint                    *n_written,
                                   GError                  **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GString) csv = NULL;

  g_return_val_if_fail (ATELIER_IS_INVITE_NEXT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *name = atelier_export_dup_display_name (file);

      g_set_error (error, ATELIER_EXPORT_ERROR, ATELIER_EXPORT_ERROR_NOT_LOCAL,
                   _("“%s” is not on this computer. Choose a file on this computer."), name);
      return FALSE;
    }

  if (self->candidates == NULL)
    {
      g_set_error_literal (error, ATELIER_EXPORT_ERROR, ATELIER_EXPORT_ERROR_FILE,
                           _("There is no list to export."));
      return FALSE;
    }

  csv = atelier_invite_next_to_csv (self->candidates);
  /* With a byte-order mark: spreadsheets on Windows then read UTF-8. */
  if (!atelier_csv_write_file (path, csv, TRUE, error))
    return FALSE;

  if (n_written != NULL)
    *n_written = g_list_model_get_n_items (self->candidates);
  return TRUE;
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       gpointer         user_data)
{
  g_autoptr(AtelierInviteNextDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  guint n_written = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL || self->store == NULL)
    return;

  if (!atelier_invite_next_dialog_export (self, file, &n_written, &error))
    {
      atelier_toast_show_text (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }

  name = atelier_export_dup_display_name (file);
  /* TRANSLATORS: a toast, e.g. "12 customers written to “invite-next.csv”" */
  title = g_strdup_printf (ngettext ("%u customer written to “%s”", "%u customers written to “%s”", n_written),
                           n_written, name);
  atelier_toast_show_text (GTK_WIDGET (self->toast_overlay), title);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtelierInviteNextDialog *self = ATELIER_INVITE_NEXT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Customers to Invite"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "invite-next.csv");
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Mark as contacted */

/**
 * atelier_invite_next_dialog_mark_contacted:
 *
 * Records that every listed customer was contacted about the session now.
 */
gboolean
atelier_invite_next_dialog_mark_contacted (AtelierInviteNextDialog  *self,
                                           GError                  **error)
{
  g_autoptr(GListModel) contacted = NULL;

  g_return_val_if_fail (ATELIER_IS_INVITE_NEXT_DIALOG (self), FALSE);

  if (self->candidates == NULL)
    return TRUE;

  contacted = g_object_ref (self->candidates);
  if (!atelier_invite_next_record_contacts (self->store, self->session_id, contacted, error))
    return FALSE;

  reload (self);
  return TRUE;
}

static void
contacted_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AtelierInviteNextDialog *self = ATELIER_INVITE_NEXT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  guint n_items = self->candidates != NULL ? g_list_model_get_n_items (self->candidates) : 0;

  if (!atelier_invite_next_dialog_mark_contacted (self, &error))
    {
      atelier_toast_show_text (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }

  /* TRANSLATORS: a toast */
  title = g_strdup_printf (ngettext ("%u customer marked as contacted today",
                                     "%u customers marked as contacted today", n_items),
                           n_items);
  atelier_toast_show_text (GTK_WIDGET (self->toast_overlay), title);
}

/* GObject */

static void
atelier_invite_next_dialog_constructed (GObject *object)
{
  AtelierInviteNextDialog *self = ATELIER_INVITE_NEXT_DIALOG (object);

  G_OBJECT_CLASS (atelier_invite_next_dialog_parent_class)->constructed (object);

  if (self->store == NULL)
    return;

  g_signal_connect_object (self->store, "changed::customers", G_CALLBACK (on_store_changed_cb), self, 0);
  g_signal_connect_object (self->store, "changed::registrations", G_CALLBACK (on_store_changed_cb), self, 0);
  reload (self);
}

static void
atelier_invite_next_dialog_dispose (GObject *object)
{
  AtelierInviteNextDialog *self = ATELIER_INVITE_NEXT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_INVITE_NEXT_DIALOG);

  g_clear_object (&self->selection);
  g_clear_object (&self->candidates);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_invite_next_dialog_parent_class)->dispose (object);
}

static void
atelier_invite_next_dialog_finalize (GObject *object)
{
  AtelierInviteNextDialog *self = ATELIER_INVITE_NEXT_DIALOG (object);

  g_free (self->category);
  g_free (self->time_zone);

  G_OBJECT_CLASS (atelier_invite_next_dialog_parent_class)->finalize (object);
}

static void
atelier_invite_next_dialog_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  AtelierInviteNextDialog *self = ATELIER_INVITE_NEXT_DIALOG (object);

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
atelier_invite_next_dialog_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  AtelierInviteNextDialog *self = ATELIER_INVITE_NEXT_DIALOG (object);

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
atelier_invite_next_dialog_class_init (AtelierInviteNextDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_invite_next_dialog_constructed;
  object_class->dispose = atelier_invite_next_dialog_dispose;
  object_class->finalize = atelier_invite_next_dialog_finalize;
  object_class->get_property = atelier_invite_next_dialog_get_property;
  object_class->set_property = atelier_invite_next_dialog_set_property;

  /**
   * AtelierInviteNextDialog:store:
   *
   * The store the customers come from.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierInviteNextDialog:session-id:
   *
   * The session to invite to.
   */
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-invite-next-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierInviteNextDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierInviteNextDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtelierInviteNextDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierInviteNextDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierInviteNextDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierInviteNextDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AtelierInviteNextDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, AtelierInviteNextDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierInviteNextDialog, contacted_button);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);

  gtk_widget_class_install_action (widget_class, "invite-next.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "invite-next.mark-contacted", NULL, contacted_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atelier_invite_next_dialog_init (AtelierInviteNextDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

/**
 * atelier_invite_next_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 *
 * Returns: (transfer floating): the dialog, to present
 */
GtkWidget *
atelier_invite_next_dialog_new (GtkWindow    *parent,
                                AtelierStore *store,
                                gint64        session_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_INVITE_NEXT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "session-id", session_id,
                       NULL);
}

/**
 * atelier_invite_next_dialog_get_candidates:
 *
 * Returns: (transfer none) (nullable): the #AtelierInviteCandidate listed
 */
GListModel *
atelier_invite_next_dialog_get_candidates (AtelierInviteNextDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_INVITE_NEXT_DIALOG (self), NULL);
  return self->candidates;
}
