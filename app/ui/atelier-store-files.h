/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-store-files.h: the store's own data written to files from the
 * window (customer list, attendance, a backup), and its retention
 * clean-up */
#pragma once

#include <adwaita.h>

#include "atelier-store.h"

G_BEGIN_DECLS

typedef enum
{
  ATELIER_STORE_FILE_CUSTOMERS,   /* the customer list, CSV */
  ATELIER_STORE_FILE_ATTENDANCE,  /* who came to what, CSV */
  ATELIER_STORE_FILE_BACKUP,      /* a copy of the whole store */
} AtelierStoreFile;

void      atelier_store_files_write_async  (AtelierStore         *store,
                                            AtelierStoreFile      what,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean  atelier_store_files_write_finish (GAsyncResult         *result,
                                            GError              **error);

void      atelier_store_files_save         (GtkWidget            *widget,
                                            AtelierStore         *store,
                                            AtelierStoreFile      what);
GtkWidget *atelier_store_files_clean_up    (GtkWidget            *widget,
                                            AtelierStore         *store);

G_END_DECLS
