/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-capacity-dialog.c: changes how many seats a session has
 *
 * One spin button, with the seats taken and waiting as its row's
 * subtitle. Saving goes through the booking rules: a capacity below the
 * seats taken is refused (the error shows, nothing changes); a higher one
 * confirms parties from the waiting list. On success the dialog emits
 * "capacity-changed" with who was confirmed, for its opener to say so,
 * and closes.
 */
#define G_LOG_DOMAIN "atelier-capacity-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-booking.h"
#include "atelier-capacity-dialog.h"
#include "atelier-session-details.h"

struct _AtelierCapacityDialog
{
  AdwWindow          parent_instance;

  AtelierStore      *store;
  gint64             session_id;

  /* Template children */
  AdwActionRow      *capacity_row;
  GtkSpinButton     *spin_button;
  GtkLabel          *error_label;
};

G_DEFINE_FINAL_TYPE (AtelierCapacityDialog, atelier_capacity_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SESSION_ID,
  N_PROPS
};

enum
{
  CAPACITY_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (AtelierCapacityDialog *self,
            const char            *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->spin_button), "error");
}

static void
on_value_changed_cb (AtelierCapacityDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->spin_button), "error");
}

static void
on_save_clicked_cb (AtelierCapacityDialog *self)
{
  g_autoptr(GListModel) promoted = NULL;
  g_autoptr(GError) error = NULL;
  int capacity;

  gtk_spin_button_update (self->spin_button);
  capacity = gtk_spin_button_get_value_as_int (self->spin_button);
  if (!atelier_booking_set_capacity (self->store, self->session_id, capacity, &promoted, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[CAPACITY_CHANGED], 0, capacity, promoted);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The capacity to start from, and the seats taken and waiting. */
static void
load_session (AtelierCapacityDialog *self)
{
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GError) error = NULL;
  AtelierSessionSummary summary = { 0 };
  g_autofree char *text = NULL;

  session = atelier_store_get_session (self->store, self->session_id, &error);
  if (session == NULL || !atelier_booking_summarize (self->store, self->session_id, &summary, &error))
    {
      show_error (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->spin_button), FALSE);
      return;
    }

  gtk_spin_button_set_value (self->spin_button, atelier_session_get_capacity (session));
  text = atelier_session_details_format_summary (&summary);
  adw_action_row_set_subtitle (self->capacity_row, text);
}

/* The capacity is what one came to change: it has the focus, selected. */
static void
atelier_capacity_dialog_map (GtkWidget *widget)
{
  AtelierCapacityDialog *self = ATELIER_CAPACITY_DIALOG (widget);

  GTK_WIDGET_CLASS (atelier_capacity_dialog_parent_class)->map (widget);
  gtk_widget_grab_focus (GTK_WIDGET (self->spin_button));
}

static void
atelier_capacity_dialog_constructed (GObject *object)
{
  AtelierCapacityDialog *self = ATELIER_CAPACITY_DIALOG (object);

  G_OBJECT_CLASS (atelier_capacity_dialog_parent_class)->constructed (object);

  if (self->store == NULL)
    {
      g_critical ("AtelierCapacityDialog needs a store");
      return;
    }

  load_session (self);
}

static void
atelier_capacity_dialog_dispose (GObject *object)
{
  AtelierCapacityDialog *self = ATELIER_CAPACITY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_CAPACITY_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_capacity_dialog_parent_class)->dispose (object);
}

static void
atelier_capacity_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AtelierCapacityDialog *self = ATELIER_CAPACITY_DIALOG (object);

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
atelier_capacity_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AtelierCapacityDialog *self = ATELIER_CAPACITY_DIALOG (object);

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
atelier_capacity_dialog_class_init (AtelierCapacityDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_capacity_dialog_constructed;
  object_class->dispose = atelier_capacity_dialog_dispose;
  object_class->get_property = atelier_capacity_dialog_get_property;
  object_class->set_property = atelier_capacity_dialog_set_property;

  widget_class->map = atelier_capacity_dialog_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtelierCapacityDialog::capacity-changed:
   * @capacity: the capacity saved
   * @promoted: (nullable): the registrations confirmed from the waiting list
   *
   * Emitted once the capacity is saved, just before the dialog closes.
   */
  signals[CAPACITY_CHANGED] =
    g_signal_new ("capacity-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_LIST_MODEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-capacity-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierCapacityDialog, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierCapacityDialog, spin_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierCapacityDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atelier_capacity_dialog_init (AtelierCapacityDialog *self)
{
  GtkEditable *delegate;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8's spin button has no activates-default of its own. */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->spin_button));
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_activates_default (GTK_TEXT (delegate), TRUE);
}

/**
 * atelier_capacity_dialog_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a dialog to change @session_id's capacity;
 *   present it
 */
GtkWidget *
atelier_capacity_dialog_new (GtkWindow    *parent,
                             AtelierStore *store,
                             gint64        session_id)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_CAPACITY_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "session-id", session_id,
                       NULL);
}

AtelierStore *
atelier_capacity_dialog_get_store (AtelierCapacityDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_CAPACITY_DIALOG (self), NULL);

  return self->store;
}

gint64
atelier_capacity_dialog_get_session_id (AtelierCapacityDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_CAPACITY_DIALOG (self), 0);

  return self->session_id;
}
