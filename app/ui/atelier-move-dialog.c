/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-move-dialog.c: moves a registration to another session
 *
 * Says who moves (and the party's size), lists the sessions one can still
 * sign up to (AtelierSessionChooser, on the core's rule) but the one they
 * leave, and moves them through the booking rules: confirmed if the seats
 * fit, otherwise on the waiting list. An error shows in the dialog and
 * changes nothing; on success the dialog emits "moved" for its opener to
 * say where they went, and closes.
 */
#define G_LOG_DOMAIN "atelier-move-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-booking.h"
#include "atelier-move-dialog.h"
#include "atelier-roster-row.h"
#include "atelier-session-chooser.h"

struct _AtelierMoveDialog
{
  AdwWindow              parent_instance;

  AtelierStore          *store;
  AtelierRegistration   *registration;
  AtelierSessionChooser *chooser;

  /* Template children */
  GtkWidget             *move_button;
  GtkBox                *content_box;
  GtkLabel              *intro_label;
  GtkLabel              *error_label;
};

G_DEFINE_FINAL_TYPE (AtelierMoveDialog, atelier_move_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_REGISTRATION,
  N_PROPS
};

enum
{
  MOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
on_move_clicked_cb (AtelierMoveDialog *self)
{
  AtelierSession *target = atelier_session_chooser_get_selected_session (self->chooser);
  g_autoptr(AtelierSession) kept_target = NULL;
  g_autoptr(AtelierRegistration) moved = NULL;
  g_autoptr(GError) error = NULL;

  if (target == NULL)
    return;

  /* Held across the move, whatever the chooser does meanwhile. */
  kept_target = g_object_ref (target);
  moved = atelier_booking_move (self->store, atelier_registration_get_id (self->registration),
                                atelier_session_get_id (kept_target), &error);
  if (moved == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[MOVED], 0, moved, kept_target);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_selected_session_cb (AtelierMoveDialog *self)
{
  gtk_widget_set_sensitive (self->move_button,
                            atelier_session_chooser_get_selected_session (self->chooser) != NULL);
}

/* Enter or a double click on a session moves there. */
static void
on_session_activated_cb (AtelierMoveDialog *self)
{
  gtk_widget_activate (self->move_button);
}

static void
show_intro (AtelierMoveDialog *self)
{
  int party = atelier_registration_get_party_size (self->registration);
  g_autofree char *intro = NULL;

  /* TRANSLATORS: e.g. "Choose the session to move Zoé Martin (party of 3) to." */
  intro = g_strdup_printf (ngettext ("Choose the session to move %s (party of %d) to. They are confirmed if the seats fit, otherwise they join its waiting list.",
                                     "Choose the session to move %s (party of %d) to. They are confirmed if the seats fit, otherwise they join its waiting list.",
                                     party),
                           atelier_roster_row_display_name (self->registration), party);
  gtk_label_set_label (self->intro_label, intro);
}

static void
atelier_move_dialog_constructed (GObject *object)
{
  AtelierMoveDialog *self = ATELIER_MOVE_DIALOG (object);
  GtkWidget *chooser;

  G_OBJECT_CLASS (atelier_move_dialog_parent_class)->constructed (object);

  if (self->store == NULL || self->registration == NULL)
    {
      g_critical ("AtelierMoveDialog needs a store and a registration");
      return;
    }

  show_intro (self);

  chooser = atelier_session_chooser_new (self->store, atelier_registration_get_session_id (self->registration));
  self->chooser = ATELIER_SESSION_CHOOSER (chooser);
  g_signal_connect_object (chooser, "notify::selected-session",
                           G_CALLBACK (on_selected_session_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (chooser, "session-activated",
                           G_CALLBACK (on_session_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_box_insert_child_after (self->content_box, chooser, GTK_WIDGET (self->intro_label));
}

static void
atelier_move_dialog_dispose (GObject *object)
{
  AtelierMoveDialog *self = ATELIER_MOVE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_MOVE_DIALOG);
  self->chooser = NULL;
  g_clear_object (&self->registration);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_move_dialog_parent_class)->dispose (object);
}

static void
atelier_move_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtelierMoveDialog *self = ATELIER_MOVE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REGISTRATION:
      g_value_set_object (value, self->registration);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_move_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AtelierMoveDialog *self = ATELIER_MOVE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_REGISTRATION:
      self->registration = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_move_dialog_class_init (AtelierMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = atelier_move_dialog_constructed;
  object_class->dispose = atelier_move_dialog_dispose;
  object_class->get_property = atelier_move_dialog_get_property;
  object_class->set_property = atelier_move_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ATELIER_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierMoveDialog:registration:
   *
   * The registration to move, as it was read when the dialog opened.
   */
  properties[PROP_REGISTRATION] =
    g_param_spec_object ("registration", NULL, NULL,
                         ATELIER_TYPE_REGISTRATION,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtelierMoveDialog::moved:
   * @moved: the registration in the session moved to
   * @target: the session moved to
   *
   * Emitted once the registration is moved, just before the dialog closes.
   */
  signals[MOVED] =
    g_signal_new ("moved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, ATELIER_TYPE_REGISTRATION, ATELIER_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierMoveDialog, move_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierMoveDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, AtelierMoveDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierMoveDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_move_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atelier_move_dialog_init (AtelierMoveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atelier_move_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @registration: the registration to move
 *
 * Returns: (transfer none): a dialog to move @registration to another
 *   session; present it
 */
GtkWidget *
atelier_move_dialog_new (GtkWindow           *parent,
                         AtelierStore        *store,
                         AtelierRegistration *registration)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);
  g_return_val_if_fail (ATELIER_IS_REGISTRATION (registration), NULL);

  return g_object_new (ATELIER_TYPE_MOVE_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "registration", registration,
                       NULL);
}

AtelierStore *
atelier_move_dialog_get_store (AtelierMoveDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_MOVE_DIALOG (self), NULL);

  return self->store;
}

AtelierRegistration *
atelier_move_dialog_get_registration (AtelierMoveDialog *self)
{
  g_return_val_if_fail (ATELIER_IS_MOVE_DIALOG (self), NULL);

  return self->registration;
}
