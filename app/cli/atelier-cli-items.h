/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-items.h: how listings, sessions, customers and
 * registrations print, for the commands that share them */
#pragma once

#include "atelier-booking.h"
#include "atelier-cli-json.h"
#include "atelier-cli-table.h"

G_BEGIN_DECLS

typedef void (*AtelierCliAddRowFunc) (AtelierCliTable *table,
                                      gpointer         item);

/* How a listing prints one kind of item: as a table row or, with
 * --json, as an object */
typedef struct
{
  AtelierCliTable      *(*new_table) (void);
  AtelierCliAddRowFunc   add_row;
  AtelierCliJsonAddFunc  add_json;
} AtelierCliListingFormat;

/* atelier-cli-listings.c */
int   atelier_cli_print_listing          (GListModel                     *model,
                                          GError                        **error,
                                          gboolean                        json,
                                          const AtelierCliListingFormat  *format);

extern const AtelierCliListingFormat atelier_cli_session_format;

void  atelier_cli_add_session_json       (JsonBuilder         *builder,
                                          gpointer             item);
void  atelier_cli_add_customer_json      (JsonBuilder         *builder,
                                          gpointer             item);
void  atelier_cli_add_customer_cells     (AtelierCliTable     *table,
                                          gpointer             item);

/* atelier-cli-booking.c */
void  atelier_cli_add_registration_json  (JsonBuilder         *builder,
                                          gpointer             item);
char *atelier_cli_describe_registration  (AtelierRegistration *registration);

G_END_DECLS
