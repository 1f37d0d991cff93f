/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-tags.h: the store-wide list of interests (cuisine, vin...) */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_TAGS_ERROR (atelier_tags_error_quark ())

typedef enum
{
  ATELIER_TAGS_ERROR_INVALID,    /* empty, too long, with a comma or a line break */
  ATELIER_TAGS_ERROR_EXISTS,     /* already in the list (case aside) */
  ATELIER_TAGS_ERROR_NOT_FOUND,
} AtelierTagsError;

GQuark    atelier_tags_error_quark        (void);

gboolean  atelier_tags_check_name         (const char          *name,
                                           GError             **error);
GStrv     atelier_tags_list               (AtelierStore        *store,
                                           GError             **error);
gboolean  atelier_tags_add                (AtelierStore        *store,
                                           const char          *name,
                                           GError             **error);
gboolean  atelier_tags_remove             (AtelierStore        *store,
                                           const char          *name,
                                           GError             **error);
GStrv     atelier_tags_for_customer       (AtelierStore        *store,
                                           gint64               customer_id,
                                           GError             **error);
gboolean  atelier_tags_set_for_customer   (AtelierStore        *store,
                                           gint64               customer_id,
                                           const char * const  *tags,
                                           GError             **error);

G_END_DECLS
