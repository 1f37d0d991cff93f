/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-widget-util.c: small helpers every widget of the app shares
 *
 * Toasts find their overlay from the widget that raises them, so that a
 * page or a dialog never needs to know the window that shows it.
 */
#define G_LOG_DOMAIN "atelier-widget-util"

#include "config.h"

#include "atelier-widget-util.h"

/**
 * atelier_editable_dup_stripped:
 *
 * Returns: (transfer full): the text of @editable without leading or
 *   trailing white space
 */
char *
atelier_editable_dup_stripped (GtkEditable *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

void
atelier_box_remove_all (GtkBox *box)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_BOX (box));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

/**
 * atelier_widget_get_window:
 *
 * Returns: (transfer none) (nullable): the window @widget is in, if any
 */
GtkWindow *
atelier_widget_get_window (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * atelier_widget_set_error:
 *
 * Marks @widget (an entry row, say) as holding a value that is refused,
 * or clears the mark.
 */
void
atelier_widget_set_error (GtkWidget *widget,
                          gboolean   error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/**
 * atelier_form_show_error:
 * @label: the form's error label, at its top
 * @scroller: (nullable): what scrolls the form
 * @message: (nullable): the message, or %NULL to hide the label
 *
 * Shows a form's error and scrolls the form to its top, where the
 * message sits.
 */
void
atelier_form_show_error (GtkLabel          *label,
                         GtkScrolledWindow *scroller,
                         const char        *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (message == NULL)
    return;

  gtk_label_set_label (label, message);
  if (scroller != NULL)
    {
      GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scroller);

      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
    }
}

static gboolean
close_cb (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

/**
 * atelier_window_close_when_idle:
 *
 * Hides @window now and closes it once the main loop is idle: a question
 * transient for it, still answering, goes first.
 */
void
atelier_window_close_when_idle (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_cb, g_object_ref (window), g_object_unref);
}

/* The first toast overlay in @widget's tree, outermost first. */
static AdwToastOverlay *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_overlay_below (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * atelier_toast_show:
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the nearest toast overlay above @widget; in a
 * preferences window, in that window; in a dialog without an overlay, in
 * the window the dialog belongs to. Dropped with a debug message when
 * nothing can show it (a widget built alone in a test).
 */
void
atelier_toast_show (GtkWidget *widget,
                    AdwToast  *toast)
{
  g_autoptr(AdwToast) owned = toast;
  GtkWidget *overlay;
  GtkWindow *window;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), g_steal_pointer (&owned));
      return;
    }

  window = atelier_widget_get_window (widget);
  if (ADW_IS_PREFERENCES_WINDOW (window))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), g_steal_pointer (&owned));
      return;
    }

  for (GtkWindow *parent = window != NULL ? gtk_window_get_transient_for (window) : NULL;
       parent != NULL;
       parent = gtk_window_get_transient_for (parent))
    {
      AdwToastOverlay *found = find_overlay_below (GTK_WIDGET (parent));

      if (found != NULL)
        {
          adw_toast_overlay_add_toast (found, g_steal_pointer (&owned));
          return;
        }
    }

  g_debug ("No overlay to show the toast “%s”", adw_toast_get_title (toast));
}

/**
 * atelier_toast_show_text:
 * @title: plain text (it is escaped here)
 *
 * Shows a toast that only says @title, as atelier_toast_show() does.
 */
void
atelier_toast_show_text (GtkWidget  *widget,
                         const char *title)
{
  g_autofree char *markup = g_markup_escape_text (title, -1);

  atelier_toast_show (widget, adw_toast_new (markup));
}

/**
 * atelier_widget_focus_next:
 *
 * Moves the focus of @widget's window on, as Tab does. Enter in a field
 * of a form that has more to fill calls this rather than saving.
 */
void
atelier_widget_focus_next (GtkWidget *widget)
{
  GtkWindow *window;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  window = atelier_widget_get_window (widget);
  if (window != NULL)
    gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
}

/**
 * atelier_widget_set_tooltip:
 * @text: (nullable): plain text
 *
 * Sets @widget's tooltip only when its text changes: in GTK 4.8 each
 * set asks the display server where the pointer is, which adds up when
 * a list rebinds its rows often.
 */
void
atelier_widget_set_tooltip (GtkWidget  *widget,
                            const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0)
    return;
  gtk_widget_set_tooltip_text (widget, text);
}
