/* atelier-window.c: the main window, listing the store's upcoming sessions
 *
 * The window receives its store as a construct-only property (or the error
 * that kept the store from opening, which it then shows). It keeps one
 * GListStore of the upcoming scheduled sessions, refilled in one splice
 * whenever the store says that something it shows has changed, and when
 * the first of them starts.
 */
#define G_LOG_DOMAIN "atelier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-session-row.h"
#include "atelier-window.h"

/* Even with no session starting before then, look again at least this
 * often: timeouts do not count the time a computer spends suspended. */
#define MAX_RELOAD_INTERVAL_SECONDS 600

struct _AtelierWindow
{
  AdwApplicationWindow  parent_instance;

  AtelierStore         *store;
  GError               *store_error;
  GListStore           *sessions;
  gulong                changed_handler;
  guint                 reload_source;
  guint                 expire_source;

  /* Template children */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkListView          *list_view;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
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

static void atelier_window_reload (AtelierWindow *self);

static gboolean
reload_cb (gpointer user_data)
{
  AtelierWindow *self = ATELIER_WINDOW (user_data);

  self->reload_source = 0;
  atelier_window_reload (self);

  return G_SOURCE_REMOVE;
}

static gboolean
expire_cb (gpointer user_data)
{
  AtelierWindow *self = ATELIER_WINDOW (user_data);

  self->expire_source = 0;
  atelier_window_reload (self);

  return G_SOURCE_REMOVE;
}

/* Reloads once the first listed session has started, since it is then no
 * longer upcoming. */
static void
schedule_expiry (AtelierWindow *self,
                 GDateTime     *now)
{
  g_autoptr(AtelierSession) first = NULL;
  gint64 wait = MAX_RELOAD_INTERVAL_SECONDS;

  g_clear_handle_id (&self->expire_source, g_source_remove);

  first = g_list_model_get_item (G_LIST_MODEL (self->sessions), 0);
  if (first != NULL)
    wait = CLAMP (atelier_session_get_starts_at (first) - g_date_time_to_unix (now) + 1,
                  1, MAX_RELOAD_INTERVAL_SECONDS);

  self->expire_source = g_timeout_add_seconds ((guint) wait, expire_cb, self);
  g_source_set_name_by_id (self->expire_source, "[atelier] sessions expire");
}

static void
atelier_window_reload (AtelierWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GPtrArray) upcoming = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;

  if (self->store == NULL)
    return;

  g_clear_handle_id (&self->reload_source, g_source_remove);

  listed = atelier_store_list_sessions (self->store, now, NULL, &error);
  if (listed == NULL)
    {
      /* Keep what is shown; the next change or timeout tries again. */
      g_warning ("Could not list the upcoming sessions: %s", error->message);
      schedule_expiry (self, now);
      return;
    }

  /* Cancelled sessions are left out until the interface can show them
   * for what they are. */
  n_items = g_list_model_get_n_items (listed);
  upcoming = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (listed, i);

      if (!atelier_session_is_cancelled (session))
        g_ptr_array_add (upcoming, g_steal_pointer (&session));
    }

  g_list_store_splice (self->sessions,
                       0, g_list_model_get_n_items (G_LIST_MODEL (self->sessions)),
                       upcoming->pdata, upcoming->len);

  gtk_stack_set_visible_child_name (self->stack, upcoming->len > 0 ? "sessions" : "empty");
  schedule_expiry (self, now);
}

static void
on_store_changed_cb (AtelierStore  *store,
                     const char    *table,
                     AtelierWindow *self)
{
  /* The list shows sessions, their workshops' titles and their seats. */
  if (g_strcmp0 (table, "sessions") != 0
      && g_strcmp0 (table, "workshops") != 0
      && g_strcmp0 (table, "registrations") != 0)
    return;

  /* A batch of writes (an import, the demo) reloads once. */
  if (self->reload_source == 0)
    {
      self->reload_source = g_idle_add (reload_cb, self);
      g_source_set_name_by_id (self->reload_source, "[atelier] reload sessions");
    }
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     AtelierWindow            *self)
{
  gtk_list_item_set_child (list_item, atelier_session_row_new ());
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    AtelierWindow            *self)
{
  atelier_session_row_set_session (ATELIER_SESSION_ROW (gtk_list_item_get_child (list_item)),
                                   gtk_list_item_get_item (list_item));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      AtelierWindow            *self)
{
  atelier_session_row_set_session (ATELIER_SESSION_ROW (gtk_list_item_get_child (list_item)),
                                   NULL);
}

static void
atelier_window_show_store_error (AtelierWindow *self)
{
  g_autofree char *message = g_markup_escape_text (self->store_error->message, -1);

  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
atelier_window_constructed (GObject *object)
{
  AtelierWindow *self = ATELIER_WINDOW (object);

  G_OBJECT_CLASS (atelier_window_parent_class)->constructed (object);

  if (self->store_error != NULL)
    {
      atelier_window_show_store_error (self);
      return;
    }

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (atelier_store_get_path (self->store) != NULL)
    {
      const char *path = atelier_store_get_path (self->store);
      g_autofree char *basename = g_path_get_basename (path);
      g_autofree char *display_name = g_filename_display_name (basename);
      g_autofree char *display_path = g_filename_display_name (path);

      adw_window_title_set_subtitle (self->window_title, display_name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), display_path);
    }

  self->changed_handler = g_signal_connect (self->store, "changed",
                                            G_CALLBACK (on_store_changed_cb), self);
  atelier_window_reload (self);
}

static void
atelier_window_dispose (GObject *object)
{
  AtelierWindow *self = ATELIER_WINDOW (object);

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->expire_source, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_WINDOW);

  g_clear_object (&self->sessions);
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

  object_class->constructed = atelier_window_constructed;
  object_class->dispose = atelier_window_dispose;
  object_class->finalize = atelier_window_finalize;
  object_class->get_property = atelier_window_get_property;
  object_class->set_property = atelier_window_set_property;

  /**
   * AtelierWindow:store:
   *
   * The store whose sessions the window shows.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierWindow:store-error:
   *
   * Why the store could not be opened, shown instead of its sessions.
   */
  properties[PROP_STORE_ERROR] =
    g_param_spec_boxed ("store-error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ATELIER_TYPE_SESSION_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AtelierWindow, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_unbind_cb);
}

static void
atelier_window_init (AtelierWindow *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->sessions = g_list_store_new (ATELIER_TYPE_SESSION);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sessions)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
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
 * Returns: (transfer none): a #GListModel of the upcoming scheduled
 *   #AtelierSession, by start
 */
GListModel *
atelier_window_get_sessions (AtelierWindow *self)
{
  g_return_val_if_fail (ATELIER_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->sessions);
}
