/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-book-page.c: the store's customers, searched as you type
 *
 * With the search entry empty the list shows every customer; as soon as
 * something is typed it shows what the FTS5 index finds
 * (atelier_search_customers), best first.
 *
 * The whole book is an AtelierCustomerListModel: the ids of the customers in
 * the order shown, and a customer object only for the rows a list view
 * asks for, read in blocks as it scrolls. The GtkListView binds the rows
 * on screen (and some around them), so a book of 100,000 customers
 * scrolls as smoothly as one of ten and holds at most a few thousand
 * customer objects.
 *
 * Reading 100,000 ids in the order of the names takes a moment, so they
 * are read in a thread with a connection of its own, when the page is
 * first shown and, after a change of the customers, again when it is next
 * shown (or at once if it is on screen). What is shown stays until the
 * new list arrives. Searches are FTS5 queries, fast enough for the main
 * thread.
 */
#define G_LOG_DOMAIN "atelier-customer-book-page"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-customer-list-model.h"
#include "atelier-customer-book-page.h"
#include "atelier-customer-book-row.h"
#include "atelier-search.h"

/* The most search results shown; typing more narrows them. */
#define SEARCH_LIMIT 500

struct _AtelierCustomerBookPage
{
  GtkWidget       parent_instance;

  AtelierStore   *store;
  GListModel     *all;        /* every customer, or NULL until read */
  GListModel     *results;    /* of the current search, or NULL */
  GtkNoSelection *selection;
  gboolean        all_stale;
  guint           reload_source;
  GCancellable   *load_cancellable;

  /* Template children */
  GtkWidget      *box;
  GtkSearchEntry *search_entry;
  GtkLabel       *count_label;
  GtkStack       *stack;
  GtkListView    *list_view;
  AdwStatusPage  *empty_page;
  AdwStatusPage  *no_results_page;
};

G_DEFINE_FINAL_TYPE (AtelierCustomerBookPage, atelier_customer_book_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Rows */

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     AtelierCustomerBookPage  *self)
{
  gtk_list_item_set_child (list_item, atelier_customer_book_row_new ());
  /* Activating a row opens the customer's page (win.show-customer). */
  gtk_list_item_set_activatable (list_item, TRUE);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    AtelierCustomerBookPage  *self)
{
  atelier_customer_book_row_set_customer (ATELIER_CUSTOMER_BOOK_ROW (gtk_list_item_get_child (list_item)),
                                          gtk_list_item_get_item (list_item));
}

static void
on_list_activate_cb (GtkListView          *list_view,
                     guint                 position,
                     AtelierCustomerBookPage *self)
{
  GListModel *shown = gtk_no_selection_get_model (self->selection);
  g_autoptr(AtelierCustomer) customer = NULL;

  if (shown == NULL || position >= g_list_model_get_n_items (shown))
    return;

  customer = g_list_model_get_item (shown, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-customer", "x",
                              atelier_customer_get_id (customer));
}

/* Loading and searching */

/* GTK loads the icon of every status page as soon as the window is
 * shown, on a page of a stack that is not shown too; these large icons
 * are SVG images, and their loader alone adds some 6 MB to a start-up
 * that shows none of them. A status page gets its icon when it is shown. */
static void
show_stack_page (AtelierCustomerBookPage *self,
                 const char           *name)
{
  if (g_str_equal (name, "empty"))
    adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
  else if (g_str_equal (name, "no-results"))
    adw_status_page_set_icon_name (self->no_results_page, "system-search-symbolic");

  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
atelier_customer_book_page_update (AtelierCustomerBookPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  GListModel *shown;
  g_autofree char *count = NULL;
  guint n_items;

  if (*stripped != '\0')
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) found = NULL;

      found = atelier_search_customers (self->store, stripped, 0, SEARCH_LIMIT, &error);
      if (found == NULL)
        {
          g_warning ("Could not search the customers: %s", error->message);
          found = G_LIST_MODEL (g_list_store_new (ATELIER_TYPE_CUSTOMER));
        }
      g_set_object (&self->results, found);
      shown = self->results;
    }
  else
    {
      g_clear_object (&self->results);
      shown = self->all;
    }

  if (gtk_no_selection_get_model (self->selection) != shown)
    gtk_no_selection_set_model (self->selection, shown);

  n_items = shown != NULL ? g_list_model_get_n_items (shown) : 0;

  if (*stripped != '\0')
    {
      if (n_items >= SEARCH_LIMIT)
        /* TRANSLATORS: above the search results when there are more than
         * can be shown */
        count = g_strdup_printf (_("The first %u matches; type more to narrow the search"),
                                 n_items);
      else
        /* TRANSLATORS: the number of search results, e.g. "3 matches" */
        count = g_strdup_printf (ngettext ("%u match", "%u matches", n_items), n_items);
    }
  else
    /* TRANSLATORS: the number of customers in the store, e.g. "1250 customers" */
    count = g_strdup_printf (ngettext ("%u customer", "%u customers", n_items), n_items);
  gtk_label_set_label (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), n_items > 0);

  if (n_items > 0)
    show_stack_page (self, "customers");
  else if (*stripped != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (stripped, -1);
      /* TRANSLATORS: the %s is what was typed in the search entry */
      g_autofree char *description = g_strdup_printf (_("No customer’s name, e-mail or phone "
                                                        "matches “%s”."),
                                                      escaped);

      adw_status_page_set_description (self->no_results_page, description);
      show_stack_page (self, "no-results");
    }
  else if (self->all != NULL)
    show_stack_page (self, "empty");
  else
    show_stack_page (self, "loading");
}

static void
on_customers_listed_cb (GObject      *source_object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(AtelierCustomerBookPage) self = user_data;
  g_autoptr(AtelierCustomerListModel) listed = NULL;
  g_autoptr(GError) error = NULL;

  listed = atelier_customer_list_model_new_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);
  if (listed == NULL)
    {
      /* Keep what is shown; the next change tries again. */
      g_warning ("Could not list the customers: %s", error->message);
      return;
    }

  g_set_object (&self->all, G_LIST_MODEL (listed));
  atelier_customer_book_page_update (self);
}

static void
atelier_customer_book_page_reload (AtelierCustomerBookPage *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->store == NULL)
    return;

  /* A newer list is on its way. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  self->all_stale = FALSE;

  atelier_customer_list_model_new_async (self->store, self->load_cancellable,
                                   on_customers_listed_cb, g_object_ref (self));
}

static gboolean
reload_cb (gpointer user_data)
{
  AtelierCustomerBookPage *self = ATELIER_CUSTOMER_BOOK_PAGE (user_data);

  self->reload_source = 0;
  atelier_customer_book_page_reload (self);

  return G_SOURCE_REMOVE;
}

static void
queue_reload (AtelierCustomerBookPage *self)
{
  if (self->reload_source == 0)
    {
      self->reload_source = g_idle_add (reload_cb, self);
      g_source_set_name_by_id (self->reload_source, "[atelier] reload customers");
    }
}

static void
on_store_changed_cb (AtelierStore         *store,
                     const char           *table,
                     AtelierCustomerBookPage *self)
{
  self->all_stale = TRUE;

  /* Off screen, the full list waits until it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    queue_reload (self);
}

static void
on_search_changed_cb (GtkSearchEntry       *entry,
                      AtelierCustomerBookPage *self)
{
  atelier_customer_book_page_update (self);
}

static void
on_stop_search_cb (GtkSearchEntry       *entry,
                   AtelierCustomerBookPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/* GObject and GtkWidget */

static void
atelier_customer_book_page_map (GtkWidget *widget)
{
  AtelierCustomerBookPage *self = ATELIER_CUSTOMER_BOOK_PAGE (widget);

  GTK_WIDGET_CLASS (atelier_customer_book_page_parent_class)->map (widget);

  if ((self->all == NULL && self->load_cancellable == NULL) || self->all_stale)
    atelier_customer_book_page_reload (self);
}

static void
atelier_customer_book_page_constructed (GObject *object)
{
  AtelierCustomerBookPage *self = ATELIER_CUSTOMER_BOOK_PAGE (object);

  G_OBJECT_CLASS (atelier_customer_book_page_parent_class)->constructed (object);

  if (self->store == NULL)
    return;

  g_signal_connect_object (self->store, "changed::customers",
                           G_CALLBACK (on_store_changed_cb), self, 0);
}

static void
atelier_customer_book_page_dispose (GObject *object)
{
  AtelierCustomerBookPage *self = ATELIER_CUSTOMER_BOOK_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_CUSTOMER_BOOK_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->results);
  g_clear_object (&self->all);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_customer_book_page_parent_class)->dispose (object);
}

static void
atelier_customer_book_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AtelierCustomerBookPage *self = ATELIER_CUSTOMER_BOOK_PAGE (object);

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
atelier_customer_book_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AtelierCustomerBookPage *self = ATELIER_CUSTOMER_BOOK_PAGE (object);

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
atelier_customer_book_page_class_init (AtelierCustomerBookPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_customer_book_page_constructed;
  object_class->dispose = atelier_customer_book_page_dispose;
  object_class->get_property = atelier_customer_book_page_get_property;
  object_class->set_property = atelier_customer_book_page_set_property;

  widget_class->map = atelier_customer_book_page_map;

  /**
   * AtelierCustomerBookPage:store:
   *
   * The store whose customers the page shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-customer-book-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerBookPage, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerBookPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerBookPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerBookPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerBookPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerBookPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AtelierCustomerBookPage, no_results_page);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "customerspage");
}

static void
atelier_customer_book_page_init (AtelierCustomerBookPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "loading");

  self->selection = gtk_no_selection_new (NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

GtkWidget *
atelier_customer_book_page_new (AtelierStore *store)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_CUSTOMER_BOOK_PAGE, "store", store, NULL);
}

/**
 * atelier_customer_book_page_get_store:
 *
 * Returns: (transfer none): the store shown
 */
AtelierStore *
atelier_customer_book_page_get_store (AtelierCustomerBookPage *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_BOOK_PAGE (self), NULL);

  return self->store;
}

/**
 * atelier_customer_book_page_get_customers:
 *
 * Returns: (transfer none) (nullable): a #GListModel of the
 *   #AtelierCustomer shown: all of them, or those the search found; %NULL
 *   until the page has first been shown
 */
GListModel *
atelier_customer_book_page_get_customers (AtelierCustomerBookPage *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_BOOK_PAGE (self), NULL);

  return gtk_no_selection_get_model (self->selection);
}

/**
 * atelier_customer_book_page_focus_search:
 *
 * Moves the keyboard focus to the search entry, its text selected.
 */
void
atelier_customer_book_page_focus_search (AtelierCustomerBookPage *self)
{
  g_return_if_fail (ATELIER_IS_CUSTOMER_BOOK_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}
