/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-backup.h: copies of a store, taken while it is in use */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_BACKUP_ERROR (atelier_backup_error_quark ())

typedef enum
{
  ATELIER_BACKUP_ERROR_FAILED,
  ATELIER_BACKUP_ERROR_NOT_A_STORE,  /* restoring from a file that is no Atelier store */
} AtelierBackupError;

GQuark   atelier_backup_error_quark (void);

gboolean atelier_backup_to_file     (AtelierStore  *store,
                                     const char    *path,
                                     GError       **error);
gboolean atelier_backup_restore     (AtelierStore  *store,
                                     const char    *path,
                                     GError       **error);

G_END_DECLS
