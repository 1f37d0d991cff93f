/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-history.h: what a customer has done with the store */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

/* One registration of a customer, with its session. */
#define ATELIER_TYPE_HISTORY_ENTRY (atelier_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (AtelierHistoryEntry, atelier_history_entry, ATELIER, HISTORY_ENTRY, GObject)

AtelierSession      *atelier_history_entry_get_session      (AtelierHistoryEntry *self);
AtelierRegistration *atelier_history_entry_get_registration (AtelierHistoryEntry *self);

typedef struct
{
  int     attended;            /* sessions they were checked in at */
  int     no_shows;            /* ended sessions they were confirmed for and missed */
  int     upcoming;            /* scheduled sessions ahead, confirmed or waiting */
  gint64  last_visit;          /* start of the last session attended, or 0 */
  char   *favourite_category;  /* the category they attended most, or NULL */
} AtelierCustomerHistory;

gboolean    atelier_history_for_customer          (AtelierStore            *store,
                                                   gint64                   customer_id,
                                                   AtelierCustomerHistory  *history,
                                                   GError                 **error);
void        atelier_customer_history_clear        (AtelierCustomerHistory  *history);
GListModel *atelier_history_list_for_customer     (AtelierStore            *store,
                                                   gint64                   customer_id,
                                                   GError                 **error);
GHashTable *atelier_history_attended_before       (AtelierStore            *store,
                                                   gint64                   session_id,
                                                   GError                 **error);

G_END_DECLS
