/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-preferences-window.h: the store's settings */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_PREFERENCES_WINDOW (atelier_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (AtelierPreferencesWindow, atelier_preferences_window, ATELIER, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget    *atelier_preferences_window_new       (GtkWindow                *parent,
                                                    AtelierStore             *store);
AtelierStore *atelier_preferences_window_get_store (AtelierPreferencesWindow *self);
GtkWidget    *atelier_preferences_window_get_row   (AtelierPreferencesWindow *self,
                                                    const char               *key);
gboolean      atelier_preferences_window_focus_setting (AtelierPreferencesWindow *self,
                                                        const char               *key);
const char   *atelier_preferences_window_get_mail_status (AtelierPreferencesWindow *self,
                                                          gboolean                 *is_error);
GtkWidget    *atelier_preferences_window_get_test_button (AtelierPreferencesWindow *self);

const char   *atelier_preferences_window_get_imap_status      (AtelierPreferencesWindow *self,
                                                              gboolean                 *is_error);
GtkWidget    *atelier_preferences_window_get_imap_test_button (AtelierPreferencesWindow *self);

G_END_DECLS
