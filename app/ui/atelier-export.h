/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-export.h: invites and the schedule written to files, off the
 * main thread */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ATELIER_EXPORT_ERROR (atelier_export_error_quark ())

typedef enum
{
  ATELIER_EXPORT_ERROR_FOLDER,     /* the chosen folder cannot be written to */
  ATELIER_EXPORT_ERROR_FILE,       /* the chosen file cannot be written */
  ATELIER_EXPORT_ERROR_NOT_LOCAL,  /* not a folder on this computer */
} AtelierExportError;

GQuark   atelier_export_error_quark          (void);

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
