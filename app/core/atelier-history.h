/* atelier-history.h: what a customer has done with the store */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

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
GHashTable *atelier_history_attended_before       (AtelierStore            *store,
                                                   gint64                   session_id,
                                                   GError                 **error);

G_END_DECLS
