/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-chooser.c: a list of the sessions one can sign up to
 *
 * Shared by "Sign Up to a Session…" on a customer's page and by "Move to
 * Another Session…" on a session's page. The sessions are those
 * atelier_booking_list_open_sessions() returns, the one rule of which
 * sessions accept sign-ups; one session (the one a registration moves
 * from) can be left out. With a customer set, the sessions that customer
 * is signed up to already show greyed out and cannot be picked.
 *
 * A store plans months ahead, so the list can hold hundreds of sessions:
 * a GtkListView builds rows only for what it shows.
 */
#define G_LOG_DOMAIN "atelier-session-chooser"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atelier-booking.h"
#include "atelier-format.h"
#include "atelier-history.h"
#include "atelier-session-chooser.h"

struct _AtelierSessionChooser
{
  GtkWidget           parent_instance;

  AtelierStore       *store;
  gint64              except_session_id;
  gint64              customer_id;

  /* Ids (gint64 *) of the sessions the customer is signed up to */
  GHashTable         *signed_up;

  /* Template children */
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (AtelierSessionChooser, atelier_session_chooser, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_EXCEPT_SESSION_ID,
  PROP_CUSTOMER_ID,
  PROP_SELECTED_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SESSION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_signed_up (AtelierSessionChooser *self,
              AtelierSession        *session)
{
  gint64 session_id = atelier_session_get_id (session);

  return g_hash_table_contains (self->signed_up, &session_id);
}

/* The sessions the customer holds a seat or a place in the queue for. */
static void
read_signed_up (AtelierSessionChooser *self)
{
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  g_hash_table_remove_all (self->signed_up);
  if (self->customer_id == 0)
    return;

  entries = atelier_history_list_for_customer (self->store, self->customer_id, &error);
  if (entries == NULL)
    {
      g_warning ("Could not read the customer’s history: %s", error->message);
      return;
    }

  n = g_list_model_get_n_items (entries);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierHistoryEntry) entry = g_list_model_get_item (entries, i);
      AtelierRegistration *registration = atelier_history_entry_get_registration (entry);
      gint64 session_id = atelier_registration_get_session_id (registration);

      if (g_strcmp0 (atelier_registration_get_status (registration), ATELIER_REGISTRATION_CANCELLED) != 0)
        g_hash_table_add (self->signed_up, g_memdup2 (&session_id, sizeof session_id));
    }
}

static void
on_row_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 AtelierSessionChooser    *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  /* Spaced like the rows of a boxed list */
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "subtitle");
  gtk_widget_add_css_class (subtitle, "numeric");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (list_item, box);
}

static char *
describe_session (AtelierSessionChooser *self,
                  AtelierSession        *session)
{
  int free_seats = atelier_session_get_capacity (session) - atelier_session_get_seats_taken (session);
  g_autofree char *when = atelier_format_session_start (session);

  if (is_signed_up (self, session))
    /* TRANSLATORS: a session in the sign-up chooser the customer is signed up to already */
    return g_strdup_printf (_("%s · signed up already"), when);
  if (free_seats > 0)
    /* TRANSLATORS: a session in the sign-up chooser, e.g. "Tue 14 Mar, 18:30 · 3 seats free" */
    return g_strdup_printf (ngettext ("%s · %d seat free", "%s · %d seats free", free_seats),
                            when, free_seats);
  /* TRANSLATORS: a full session in the sign-up chooser */
  return g_strdup_printf (_("%s · full, waiting list"), when);
}

static void
on_row_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                AtelierSessionChooser    *self)
{
  AtelierSession *session = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  gboolean can_pick = !is_signed_up (self, session);
  g_autofree char *text = describe_session (self, session);

  gtk_label_set_label (GTK_LABEL (title), atelier_session_get_workshop_title (session));
  gtk_label_set_label (GTK_LABEL (subtitle), text);
  gtk_widget_set_sensitive (box, can_pick);
  gtk_list_item_set_selectable (list_item, can_pick);
  gtk_list_item_set_activatable (list_item, can_pick);
}

static void
on_selected_cb (AtelierSessionChooser *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_SESSION]);
}

/* Enter or a double click picks a session and says so. */
static void
on_activate_cb (GtkListView           *list_view,
                guint                  position,
                AtelierSessionChooser *self)
{
  AtelierSession *session;

  gtk_single_selection_set_selected (self->selection, position);
  session = atelier_session_chooser_get_selected_session (self);
  if (session != NULL)
    g_signal_emit (self, signals[SESSION_ACTIVATED], 0, session);
}

static void
atelier_session_chooser_constructed (GObject *object)
{
  AtelierSessionChooser *self = ATELIER_SESSION_CHOOSER (object);

  G_OBJECT_CLASS (atelier_session_chooser_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      g_critical ("AtelierSessionChooser needs a store");
      return;
    }
  atelier_session_chooser_reload (self);
}

static void
atelier_session_chooser_dispose (GObject *object)
{
  AtelierSessionChooser *self = ATELIER_SESSION_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_SESSION_CHOOSER);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_session_chooser_parent_class)->dispose (object);
}

static void
atelier_session_chooser_finalize (GObject *object)
{
  AtelierSessionChooser *self = ATELIER_SESSION_CHOOSER (object);

  g_clear_pointer (&self->signed_up, g_hash_table_unref);

  G_OBJECT_CLASS (atelier_session_chooser_parent_class)->finalize (object);
}

static void
atelier_session_chooser_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AtelierSessionChooser *self = ATELIER_SESSION_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_EXCEPT_SESSION_ID:
      g_value_set_int64 (value, self->except_session_id);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_SELECTED_SESSION:
      g_value_set_object (value, atelier_session_chooser_get_selected_session (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_session_chooser_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AtelierSessionChooser *self = ATELIER_SESSION_CHOOSER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_EXCEPT_SESSION_ID:
      self->except_session_id = g_value_get_int64 (value);
      break;

    case PROP_CUSTOMER_ID:
      atelier_session_chooser_set_customer_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_session_chooser_class_init (AtelierSessionChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_session_chooser_constructed;
  object_class->dispose = atelier_session_chooser_dispose;
  object_class->finalize = atelier_session_chooser_finalize;
  object_class->get_property = atelier_session_chooser_get_property;
  object_class->set_property = atelier_session_chooser_set_property;

  /**
   * AtelierSessionChooser:store:
   *
   * The store the sessions live in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionChooser:except-session-id:
   *
   * A session left out of the list (the one a registration moves from), or 0.
   */
  properties[PROP_EXCEPT_SESSION_ID] =
    g_param_spec_int64 ("except-session-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionChooser:customer-id:
   *
   * A customer whose sessions show, greyed out, as signed up already; or 0.
   */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionChooser:selected-session:
   *
   * The session picked, or %NULL when none is or it cannot be picked.
   */
  properties[PROP_SELECTED_SESSION] =
    g_param_spec_object ("selected-session", NULL, NULL,
                         ATELIER_TYPE_SESSION,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtelierSessionChooser::session-activated:
   * @session: the session
   *
   * A session was picked with Enter or a double click.
   */
  signals[SESSION_ACTIVATED] =
    g_signal_new ("session-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATELIER_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-session-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionChooser, stack);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionChooser, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionChooser, selection);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionChooser, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_row_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sessionchooser");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atelier_session_chooser_init (AtelierSessionChooser *self)
{
  self->signed_up = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atelier_session_chooser_new:
 * @store: the store the sessions live in
 * @except_session_id: a session to leave out, or 0
 *
 * Returns: (transfer floating): a chooser of the sessions that accept sign-ups
 */
GtkWidget *
atelier_session_chooser_new (AtelierStore *store,
                             gint64        except_session_id)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_SESSION_CHOOSER,
                       "store", store,
                       "except-session-id", except_session_id,
                       NULL);
}

/**
 * atelier_session_chooser_get_selected_session:
 *
 * Returns: (transfer none) (nullable): the session picked, if it can be
 */
AtelierSession *
atelier_session_chooser_get_selected_session (AtelierSessionChooser *self)
{
  AtelierSession *session;

  g_return_val_if_fail (ATELIER_IS_SESSION_CHOOSER (self), NULL);

  session = gtk_single_selection_get_selected_item (self->selection);
  if (session == NULL || is_signed_up (self, session))
    return NULL;
  return session;
}

/**
 * atelier_session_chooser_reload:
 *
 * Lists again the sessions that accept sign-ups now; nothing stays picked.
 * When there is none, or they cannot be read, the chooser says so.
 */
void
atelier_session_chooser_reload (AtelierSessionChooser *self)
{
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ATELIER_IS_SESSION_CHOOSER (self));

  read_signed_up (self);
  sessions = atelier_booking_list_open_sessions (self->store, self->except_session_id, &error);
  gtk_single_selection_set_model (self->selection, sessions);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);

  if (sessions == NULL)
    adw_status_page_set_description (self->empty_page, error->message);
  gtk_stack_set_visible_child_name (self->stack,
                                    atelier_session_chooser_get_n_sessions (self) > 0 ? "sessions" : "empty");
}

/**
 * atelier_session_chooser_get_n_sessions:
 *
 * Returns: how many sessions the chooser lists
 */
guint
atelier_session_chooser_get_n_sessions (AtelierSessionChooser *self)
{
  GListModel *sessions;

  g_return_val_if_fail (ATELIER_IS_SESSION_CHOOSER (self), 0);

  sessions = gtk_single_selection_get_model (self->selection);
  return sessions != NULL ? g_list_model_get_n_items (sessions) : 0;
}

gint64
atelier_session_chooser_get_customer_id (AtelierSessionChooser *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_CHOOSER (self), 0);

  return self->customer_id;
}

/**
 * atelier_session_chooser_set_customer_id:
 * @customer_id: a customer, or 0
 *
 * The sessions @customer_id is signed up to already stay listed, greyed
 * out, and cannot be picked.
 */
void
atelier_session_chooser_set_customer_id (AtelierSessionChooser *self,
                                         gint64                 customer_id)
{
  g_return_if_fail (ATELIER_IS_SESSION_CHOOSER (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  if (self->store != NULL)
    atelier_session_chooser_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}
