/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-privacy.h: personal data: access, erasure, retention */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_PRIVACY_ERROR (atelier_privacy_error_quark ())

typedef enum
{
  ATELIER_PRIVACY_ERROR_ERASED,   /* the customer was erased already */
  ATELIER_PRIVACY_ERROR_SCRUB,    /* erased, but the file could not be compacted yet */
  ATELIER_PRIVACY_ERROR_INVALID,
  ATELIER_PRIVACY_ERROR_WRITE,
} AtelierPrivacyError;

#define ATELIER_PRIVACY_MAX_RETENTION_YEARS 100

GQuark      atelier_privacy_error_quark          (void);

char       *atelier_privacy_export_customer      (AtelierStore  *store,
                                                  gint64         customer_id,
                                                  GError       **error);
gboolean    atelier_privacy_export_customer_to_file (AtelierStore *store,
                                                  gint64         customer_id,
                                                  const char    *path,
                                                  GError       **error);
gboolean    atelier_privacy_erase_customer       (AtelierStore  *store,
                                                  gint64         customer_id,
                                                  GError       **error);
gboolean    atelier_privacy_scrub                (AtelierStore  *store,
                                                  GError       **error);

guint       atelier_privacy_get_retention_years  (AtelierStore  *store,
                                                  GError       **error);
gboolean    atelier_privacy_set_retention_years  (AtelierStore  *store,
                                                  guint          years,
                                                  GError       **error);
GListModel *atelier_privacy_list_inactive        (AtelierStore  *store,
                                                  guint          years,
                                                  GError       **error);
gboolean    atelier_privacy_erase_inactive       (AtelierStore  *store,
                                                  guint          years,
                                                  guint         *n_erased,
                                                  GError       **error);

G_END_DECLS
