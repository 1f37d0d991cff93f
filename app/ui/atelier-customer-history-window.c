/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-history-window.c: every class of one customer, in a
 * window of its own
 *
 * The profile shows the next and the latest classes only; "All N
 * Classes" opens this window, newest first (what is ahead, then what is
 * past). A regular has hundreds of classes: a GtkListView builds rows only
 * for what shows. A class opens its session: the window says which in
 * "session-activated" and closes.
 */
#define G_LOG_DOMAIN "atelier-customer-history-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-customer-history-row.h"
#include "atelier-customer-history-window.h"
#include "atelier-history.h"

struct _AtelierCustomerHistoryWindow
{
  AdwWindow        parent_instance;

  AtelierStore    *store;
  AtelierCustomer *customer;

  /* Template children */
  AdwWindowTitle  *window_title;
  GtkListView     *list_view;
  GtkNoSelection  *selection;
};

G_DEFINE_FINAL_TYPE (AtelierCustomerHistoryWindow, atelier_customer_history_window, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SESSION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_row_setup_cb (GtkSignalListItemFactory     *factory,
                 GtkListItem                  *list_item,
                 AtelierCustomerHistoryWindow *self)
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
on_row_bind_cb (GtkSignalListItemFactory     *factory,
                GtkListItem                  *list_item,
                AtelierCustomerHistoryWindow *self)
{
  AtelierHistoryEntry *entry = gtk_list_item_get_item (list_item);
  AtelierSession *session = atelier_history_entry_get_session (entry);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *texts = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *status = gtk_widget_get_last_child (box);
  g_autofree char *when = atelier_customer_history_row_dup_when (entry);
  g_autofree char *text = NULL;
  gboolean upcoming;

  text = atelier_customer_history_row_describe_entry (entry, g_get_real_time () / G_USEC_PER_SEC, &upcoming);
  gtk_label_set_label (GTK_LABEL (title), atelier_session_get_workshop_title (session));
  gtk_label_set_label (GTK_LABEL (subtitle), when);
  gtk_label_set_label (GTK_LABEL (status), text);
  atelier_customer_history_row_style_status (status, text);
}

static void
on_activate_cb (GtkListView                  *list_view,
                guint                         position,
                AtelierCustomerHistoryWindow *self)
{
  g_autoptr(AtelierHistoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (entry == NULL)
    return;
  g_signal_emit (self, signals[SESSION_ACTIVATED], 0,
                 atelier_session_get_id (atelier_history_entry_get_session (entry)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
atelier_customer_history_window_constructed (GObject *object)
{
  AtelierCustomerHistoryWindow *self = ATELIER_CUSTOMER_HISTORY_WINDOW (object);
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (atelier_customer_history_window_parent_class)->constructed (object);

  if (self->customer != NULL)
    name = atelier_customer_dup_full_name (self->customer);
  adw_window_title_set_subtitle (self->window_title, name);
}

static void
atelier_customer_history_window_dispose (GObject *object)
{
  AtelierCustomerHistoryWindow *self = ATELIER_CUSTOMER_HISTORY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_CUSTOMER_HISTORY_WINDOW);
  g_clear_object (&self->customer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_customer_history_window_parent_class)->dispose (object);
}

static void
atelier_customer_history_window_get_property (GObject    *object,
                                              guint       prop_id,
                                              GValue     *value,
                                              GParamSpec *pspec)
{
  AtelierCustomerHistoryWindow *self = ATELIER_CUSTOMER_HISTORY_WINDOW (object);

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
atelier_customer_history_window_set_property (GObject      *object,
                                              guint         prop_id,
                                              const GValue *value,
                                              GParamSpec   *pspec)
{
  AtelierCustomerHistoryWindow *self = ATELIER_CUSTOMER_HISTORY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_CUSTOMER:
      self->customer = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_customer_history_window_class_init (AtelierCustomerHistoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_customer_history_window_constructed;
  object_class->dispose = atelier_customer_history_window_dispose;
  object_class->get_property = atelier_customer_history_window_get_property;
  object_class->set_property = atelier_customer_history_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         ATELIER_TYPE_CUSTOMER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtelierCustomerHistoryWindow::session-activated:
   * @session_id: the session of the class picked
   *
   * A class was picked; the window closes after this.
   */
  signals[SESSION_ACTIVATED] =
    g_signal_new ("session-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-customer-history-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerHistoryWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerHistoryWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerHistoryWindow, selection);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atelier_customer_history_window_init (AtelierCustomerHistoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atelier_customer_history_window_new:
 * @customer: the customer whose classes show
 *
 * Returns: (transfer none): a window for the classes of @customer; call
 *   atelier_customer_history_window_reload() to fill it
 */
GtkWidget *
atelier_customer_history_window_new (AtelierStore    *store,
                                     AtelierCustomer *customer)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);
  g_return_val_if_fail (ATELIER_IS_CUSTOMER (customer), NULL);

  return g_object_new (ATELIER_TYPE_CUSTOMER_HISTORY_WINDOW,
                       "store", store,
                       "customer", customer,
                       NULL);
}

AtelierStore *
atelier_customer_history_window_get_store (AtelierCustomerHistoryWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_HISTORY_WINDOW (self), NULL);

  return self->store;
}

AtelierCustomer *
atelier_customer_history_window_get_customer (AtelierCustomerHistoryWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_HISTORY_WINDOW (self), NULL);

  return self->customer;
}

/**
 * atelier_customer_history_window_reload:
 *
 * Reads the customer's classes again, newest first.
 *
 * Returns: whether they could be read
 */
gboolean
atelier_customer_history_window_reload (AtelierCustomerHistoryWindow  *self,
                                        GError                       **error)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GListStore) newest_first = NULL;
  guint n;

  g_return_val_if_fail (ATELIER_IS_CUSTOMER_HISTORY_WINDOW (self), FALSE);

  entries = atelier_history_list_for_customer (self->store, atelier_customer_get_id (self->customer), error);
  if (entries == NULL)
    return FALSE;

  /* The entries come by start: the last is the newest. */
  newest_first = g_list_store_new (ATELIER_TYPE_HISTORY_ENTRY);
  n = g_list_model_get_n_items (entries);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(GObject) entry = g_list_model_get_item (entries, i - 1);

      g_list_store_append (newest_first, entry);
    }
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (newest_first));
  return TRUE;
}
