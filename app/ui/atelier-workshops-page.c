/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-workshops-page.c: the store's catalogue of workshops
 *
 * One card per workshop: its title, host, duration, capacity, price and
 * category. The page keeps one GListStore, refilled in one splice when the
 * store says its workshops changed; activating a card asks the window to
 * open that workshop's page, with its sessions (win.show-workshop), and
 * its calendar button to plan a session of it (win.new-workshop-session).
 *
 * The catalogue is read when the page is first shown, not with the
 * window: its cards would be built (and measured, since the window's view
 * stack measures every view) for a first frame that does not show them.
 * After a change of the workshops the page reads them again at once if it
 * is on screen, or when it is next shown.
 */
#define G_LOG_DOMAIN "atelier-workshops-page"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-settings.h"
#include "atelier-workshop-card.h"
#include "atelier-workshops-page.h"

struct _AtelierWorkshopsPage
{
  GtkWidget      parent_instance;

  AtelierStore  *store;
  GListStore    *workshops;
  char          *currency; /* the store's, that prices are written in */
  gboolean       loaded;   /* whether @workshops holds the store's */
  gboolean       stale;    /* the store changed since */
  guint          reload_source;

  /* Template children */
  GtkWidget     *box;
  GtkLabel      *count_label;
  GtkStack      *stack;
  GtkListView   *list_view;
  AdwStatusPage *empty_page;
};

G_DEFINE_FINAL_TYPE (AtelierWorkshopsPage, atelier_workshops_page, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     AtelierWorkshopsPage     *self)
{
  gtk_list_item_set_child (list_item, atelier_workshop_card_new ());
  gtk_list_item_set_activatable (list_item, TRUE);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    AtelierWorkshopsPage     *self)
{
  AtelierWorkshopCard *card = ATELIER_WORKSHOP_CARD (gtk_list_item_get_child (list_item));

  atelier_workshop_card_set_currency (card, self->currency);
  atelier_workshop_card_set_workshop (card, gtk_list_item_get_item (list_item));
}

static void
on_list_view_activate_cb (GtkListView          *list_view,
                          guint                 position,
                          AtelierWorkshopsPage *self)
{
  g_autoptr(AtelierWorkshop) workshop = g_list_model_get_item (G_LIST_MODEL (self->workshops),
                                                               position);

  if (workshop == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-workshop", "x",
                              atelier_workshop_get_id (workshop));
}

static void
atelier_workshops_page_reload (AtelierWorkshopsPage *self)
{
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  guint n_items;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->store == NULL)
    return;

  self->loaded = TRUE;
  self->stale = FALSE;
  listed = atelier_store_list_workshops (self->store, &error);
  if (listed == NULL)
    {
      /* Keep what is shown; the next change tries again. */
      g_warning ("Could not list the workshops: %s", error->message);
      return;
    }

  g_free (self->currency);
  self->currency = atelier_settings_read (self->store, ATELIER_SETTING_CURRENCY, NULL);

  n_items = g_list_model_get_n_items (listed);
  items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (listed, i));

  g_list_store_splice (self->workshops,
                       0, g_list_model_get_n_items (G_LIST_MODEL (self->workshops)),
                       items->pdata, items->len);

  /* TRANSLATORS: the size of the catalogue, above it, e.g. "12 workshops" */
  count = g_strdup_printf (ngettext ("%u workshop", "%u workshops", n_items), n_items);
  gtk_label_set_label (self->count_label, count);

  /* The status page's icon only when it is shown: GTK loads the icons
   * of hidden status pages with the window, and these are SVG images
   * whose loader alone adds some 6 MB to start-up. */
  if (n_items == 0)
    adw_status_page_set_icon_name (self->empty_page, "applications-engineering-symbolic");
  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "workshops" : "empty");
}

static gboolean
reload_cb (gpointer user_data)
{
  AtelierWorkshopsPage *self = ATELIER_WORKSHOPS_PAGE (user_data);

  self->reload_source = 0;
  atelier_workshops_page_reload (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (AtelierStore         *store,
                     const char           *table,
                     AtelierWorkshopsPage *self)
{
  self->stale = TRUE;

  /* Off screen, the catalogue waits until it is shown again. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (self->reload_source == 0)
    {
      self->reload_source = g_idle_add (reload_cb, self);
      g_source_set_name_by_id (self->reload_source, "[atelier] reload workshops");
    }
}

static void
atelier_workshops_page_map (GtkWidget *widget)
{
  AtelierWorkshopsPage *self = ATELIER_WORKSHOPS_PAGE (widget);

  GTK_WIDGET_CLASS (atelier_workshops_page_parent_class)->map (widget);

  if (!self->loaded || self->stale)
    atelier_workshops_page_reload (self);
}

static void
atelier_workshops_page_constructed (GObject *object)
{
  AtelierWorkshopsPage *self = ATELIER_WORKSHOPS_PAGE (object);

  G_OBJECT_CLASS (atelier_workshops_page_parent_class)->constructed (object);

  if (self->store == NULL)
    return;

  g_signal_connect_object (self->store, "changed::workshops",
                           G_CALLBACK (on_store_changed_cb), self, 0);
  /* The currency of the prices is a setting. */
  g_signal_connect_object (self->store, "changed::settings",
                           G_CALLBACK (on_store_changed_cb), self, 0);
}

static void
atelier_workshops_page_dispose (GObject *object)
{
  AtelierWorkshopsPage *self = ATELIER_WORKSHOPS_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_WORKSHOPS_PAGE);

  g_clear_object (&self->workshops);
  g_clear_object (&self->store);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (atelier_workshops_page_parent_class)->dispose (object);
}

static void
atelier_workshops_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AtelierWorkshopsPage *self = ATELIER_WORKSHOPS_PAGE (object);

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
atelier_workshops_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AtelierWorkshopsPage *self = ATELIER_WORKSHOPS_PAGE (object);

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
atelier_workshops_page_class_init (AtelierWorkshopsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_workshops_page_constructed;
  object_class->dispose = atelier_workshops_page_dispose;
  object_class->get_property = atelier_workshops_page_get_property;
  object_class->set_property = atelier_workshops_page_set_property;

  widget_class->map = atelier_workshops_page_map;

  /**
   * AtelierWorkshopsPage:store:
   *
   * The store whose catalogue the page shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-workshops-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopsPage, box);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierWorkshopsPage, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "workshopspage");
}

static void
atelier_workshops_page_init (AtelierWorkshopsPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->workshops = g_list_store_new (ATELIER_TYPE_WORKSHOP);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->workshops)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

GtkWidget *
atelier_workshops_page_new (AtelierStore *store)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_WORKSHOPS_PAGE, "store", store, NULL);
}

/**
 * atelier_workshops_page_get_store:
 *
 * Returns: (transfer none): the store shown
 */
AtelierStore *
atelier_workshops_page_get_store (AtelierWorkshopsPage *self)
{
  g_return_val_if_fail (ATELIER_IS_WORKSHOPS_PAGE (self), NULL);

  return self->store;
}

/**
 * atelier_workshops_page_get_workshops:
 *
 * Returns: (transfer none): a #GListModel of the #AtelierWorkshop shown, by
 *   title; empty until the page is first shown
 */
GListModel *
atelier_workshops_page_get_workshops (AtelierWorkshopsPage *self)
{
  g_return_val_if_fail (ATELIER_IS_WORKSHOPS_PAGE (self), NULL);

  return G_LIST_MODEL (self->workshops);
}
