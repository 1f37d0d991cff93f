/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-widget-util.h: small helpers every widget of the app shares */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

static inline gboolean
atelier_str_is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

char      *atelier_editable_dup_stripped (GtkEditable *editable);
void       atelier_box_remove_all        (GtkBox      *box);
GtkWindow *atelier_widget_get_window     (GtkWidget   *widget);
void       atelier_widget_focus_next     (GtkWidget   *widget);
void       atelier_widget_set_tooltip    (GtkWidget   *widget,
                                          const char  *text);
void       atelier_widget_set_error      (GtkWidget   *widget,
                                          gboolean     error);
void       atelier_form_show_error       (GtkLabel          *label,
                                          GtkScrolledWindow *scroller,
                                          const char        *message);
void       atelier_window_close_when_idle (GtkWindow  *window);
void       atelier_toast_show            (GtkWidget   *widget,
                                          AdwToast    *toast);
void       atelier_toast_show_text       (GtkWidget   *widget,
                                          const char  *title);

G_END_DECLS
