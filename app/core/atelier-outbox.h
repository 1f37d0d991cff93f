/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-outbox.h: what each customer is owed, and writing it out */
#pragma once

#include "atelier-outbox-item.h"
#include "atelier-settings.h"

G_BEGIN_DECLS

#define ATELIER_OUTBOX_ERROR (atelier_outbox_error_quark ())

typedef enum
{
  ATELIER_OUTBOX_ERROR_WRITE,    /* a file could not be written */
  ATELIER_OUTBOX_ERROR_CHANGED,  /* the item is no longer owed as it was */
} AtelierOutboxError;

GQuark      atelier_outbox_error_quark (void);

GListModel *atelier_outbox_list        (AtelierStore       *store,
                                        gint64              session_id,
                                        GError            **error);
gboolean    atelier_outbox_build       (AtelierStore       *store,
                                        AtelierSettings    *settings,
                                        AtelierOutboxItem  *item,
                                        char              **calendar,
                                        GBytes            **mail,
                                        GError            **error);
gboolean    atelier_outbox_mark_sent   (AtelierStore       *store,
                                        AtelierOutboxItem  *item,
                                        GError            **error);
gboolean    atelier_outbox_write       (AtelierStore       *store,
                                        gint64              session_id,
                                        const char         *folder,
                                        guint              *n_written,
                                        GError            **error);
gboolean    atelier_outbox_write_full  (AtelierStore       *store,
                                        gint64              session_id,
                                        const char         *folder,
                                        guint              *n_written,
                                        GPtrArray         **files,
                                        GError            **error);

/* "NAME-REG": the name, without extension, of a registration's files */
char       *atelier_outbox_file_stem   (const char         *customer_name,
                                        gint64              registration_id);

G_END_DECLS
