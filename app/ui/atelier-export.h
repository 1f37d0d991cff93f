/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-export.h: the store's data written to files off the main
 * thread: invites, the schedule, and the helper every such file uses */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_EXPORT_ERROR (atelier_export_error_quark ())

typedef enum
{
  ATELIER_EXPORT_ERROR_FOLDER,     /* the chosen folder cannot be written to */
  ATELIER_EXPORT_ERROR_FILE,       /* the chosen file cannot be written */
  ATELIER_EXPORT_ERROR_NOT_LOCAL,  /* not a folder on this computer */
} AtelierExportError;

GQuark   atelier_export_error_quark          (void);

/* Writes in a thread with its own connection to the store; @data is
 * what the caller gave atelier_export_write_async(). */
typedef gboolean (*AtelierExportWriteFunc) (AtelierStore  *store,
                                            gpointer       data,
                                            GCancellable  *cancellable,
                                            GError       **error);

void     atelier_export_write_async          (const char              *store_path,
                                              gpointer                 source_tag,
                                              const char              *name,
                                              AtelierExportWriteFunc   write,
                                              gpointer                 data,
                                              GDestroyNotify           data_free,
                                              GCancellable            *cancellable,
                                              GAsyncReadyCallback      callback,
                                              gpointer                 user_data);
gpointer atelier_export_write_get_data       (GAsyncResult            *result);
gboolean atelier_export_write_finish         (GAsyncResult            *result,
                                              gpointer                 source_tag,
                                              GError                 **error);

void     atelier_export_invites_async        (const char           *store_path,
                                              gint64                session_id,
                                              GFile                *folder,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean atelier_export_invites_finish       (GAsyncResult         *result,
                                              guint                *n_written,
                                              GError              **error);

void     atelier_export_feed_async           (const char           *store_path,
                                              GDateTime            *from,
                                              GDateTime            *to,
                                              GFile                *file,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean atelier_export_feed_finish          (GAsyncResult         *result,
                                              guint                *n_sessions,
                                              GError              **error);

/* What the session page and the window share around the exports. */
gboolean atelier_export_is_no_organizer_error (const GError        *error);
void     atelier_export_ask_for_organizer     (GtkWidget           *widget,
                                               const char          *heading);
char    *atelier_export_dup_display_name      (GFile               *file);

G_END_DECLS
