/* atelier-cli-items.h: how customers and registrations print, for the
 * commands that share them */
#pragma once

#include "atelier-booking.h"
#include "atelier-cli-json.h"
#include "atelier-cli-table.h"

G_BEGIN_DECLS

/* atelier-cli-listings.c */
void  atelier_cli_add_customer_json      (JsonBuilder         *builder,
                                          gpointer             item);
void  atelier_cli_add_customer_cells     (AtelierCliTable     *table,
                                          gpointer             item);

/* atelier-cli-booking.c */
void  atelier_cli_add_registration_json  (JsonBuilder         *builder,
                                          gpointer             item);
char *atelier_cli_describe_registration  (AtelierRegistration *registration);

G_END_DECLS
