/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-replies-window.c: the replies read from the store's mailbox
 *
 * Every calendar reply found, the newest first: what was applied (a
 * decline, a yes, a maybe) and what was set aside with the reason, each
 * with its original message to read. The list follows the store: a
 * check in the background, or by `atelier-cli replies`, shows here.
 */
#define G_LOG_DOMAIN "atelier-replies-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-replies.h"
#include "atelier-replies-window.h"

struct _AtelierRepliesWindow
{
  AdwWindow     parent_instance;

  AtelierStore *store;
  GtkListBox   *list;
};

G_DEFINE_FINAL_TYPE (AtelierRepliesWindow, atelier_replies_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "Zoé Martin, declined", or the address when no customer has it */
static char *
describe_who (AtelierReply *reply)
{
  const char *name = atelier_reply_get_customer_name (reply);

  /* TRANSLATORS: who answered, then what: "Zoé Martin, declined" */
  return g_strdup_printf (_("%s, %s"), *name != '\0' ? name : atelier_reply_get_attendee (reply),
                          atelier_reply_describe_answer (reply));
}

/* "Risotto · Applied", or the workshop and why it was set aside */
static char *
describe_what (AtelierReply *reply)
{
  const char *title = atelier_reply_get_workshop_title (reply);
  const char *outcome = atelier_reply_is_applied (reply) ? _("Applied")
                        : atelier_reply_describe_reason (reply);

  if (*title == '\0')
    return g_strdup (outcome);
  /* TRANSLATORS: a workshop, then what became of the reply */
  return g_strdup_printf (_("%s · %s"), title, outcome);
}

static void
on_view_clicked_cb (GtkButton            *button,
                    AtelierRepliesWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "reply-id"));

  atelier_replies_window_show_message (self, id);
}

static GtkWidget *
new_reply_row (AtelierRepliesWindow *self,
               AtelierReply         *reply)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *view = gtk_button_new_from_icon_name ("mail-read-symbolic");
  g_autofree char *who = describe_who (reply);
  g_autofree char *what = describe_what (reply);
  g_autofree char *view_label = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), who);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, atelier_reply_is_applied (reply) ? "reply-applied" : "reply-set-aside");

  /* TRANSLATORS: a button's accessible name; the reply's title follows */
  view_label = g_strdup_printf (_("Original message: %s"), who);
  gtk_widget_set_tooltip_text (view, _("Show the original message"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, view_label, -1);
  gtk_widget_set_valign (view, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (view, "flat");
  g_object_set_data (G_OBJECT (view), "reply-id", GSIZE_TO_POINTER (atelier_reply_get_id (reply)));
  g_signal_connect_object (view, "clicked", G_CALLBACK (on_view_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), view);

  return row;
}

static void
reload (AtelierRepliesWindow *self)
{
  g_autoptr(GListModel) replies = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));

  if (self->store == NULL)
    return;
  replies = atelier_replies_list (self->store, &error);
  if (replies == NULL)
    {
      g_warning ("Could not list the replies: %s", error->message);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (replies); i++)
    {
      g_autoptr(AtelierReply) reply = g_list_model_get_item (replies, i);

      gtk_list_box_append (self->list, new_reply_row (self, reply));
    }
}

static void
on_store_changed_cb (AtelierStore         *store,
                     const char           *table,
                     AtelierRepliesWindow *self)
{
  reload (self);
}

/**
 * atelier_replies_window_show_message:
 *
 * Opens a window with the reply's original message, as it came.
 *
 * Returns: (transfer none) (nullable): the window
 */
GtkWidget *
atelier_replies_window_show_message (AtelierRepliesWindow *self,
                                     gint64                reply_id)
{
  g_autoptr(GBytes) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *window;
  GtkWidget *scrolled;
  GtkWidget *view;
  GtkWidget *box;
  gsize length;
  const char *data;

  g_return_val_if_fail (ATELIER_IS_REPLIES_WINDOW (self), NULL);

  message = atelier_replies_get_message (self->store, reply_id, &error);
  if (message == NULL)
    {
      g_warning ("Could not read a reply: %s", error->message);
      return NULL;
    }
  data = g_bytes_get_data (message, &length);
  text = g_utf8_make_valid (data, length);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Original Message"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 560);

  view = gtk_text_view_new ();
  gtk_widget_set_name (view, "reply-message");
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Original message"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

AtelierStore *
atelier_replies_window_get_store (AtelierRepliesWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_REPLIES_WINDOW (self), NULL);

  return self->store;
}

static void
atelier_replies_window_set_store (AtelierRepliesWindow *self,
                                  AtelierStore         *store)
{
  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed::replies", G_CALLBACK (on_store_changed_cb), self, 0);
      g_signal_connect_object (store, "changed::registrations", G_CALLBACK (on_store_changed_cb), self, 0);
    }
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
atelier_replies_window_dispose (GObject *object)
{
  AtelierRepliesWindow *self = ATELIER_REPLIES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_REPLIES_WINDOW);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_replies_window_parent_class)->dispose (object);
}

static void
atelier_replies_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AtelierRepliesWindow *self = ATELIER_REPLIES_WINDOW (object);

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
atelier_replies_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AtelierRepliesWindow *self = ATELIER_REPLIES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      atelier_replies_window_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_replies_window_class_init (AtelierRepliesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atelier_replies_window_dispose;
  object_class->get_property = atelier_replies_window_get_property;
  object_class->set_property = atelier_replies_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-replies-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierRepliesWindow, list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atelier_replies_window_init (AtelierRepliesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
atelier_replies_window_new (GtkWindow    *parent,
                            AtelierStore *store)
{
  /* In the application: its Check Now is the application's action. */
  return g_object_new (ATELIER_TYPE_REPLIES_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       "store", store,
                       NULL);
}
