/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-money.h: currencies, amounts as the interface writes money, and
 * what a session brings in */
#pragma once

#include <glib.h>

#include "atelier-booking.h"

G_BEGIN_DECLS

/* How a language writes an amount of money: the marks and where the
 * currency's symbol goes. */
typedef struct
{
  char     decimal_mark[8];
  char     group_mark[8];    /* empty: digits are not grouped */
  gboolean symbol_first;     /* "€25.00" rather than "25,00 €" */
  gboolean symbol_spaced;    /* a no-break space between symbol and amount */
} AtelierMoneyStyle;

/* What a session brings in: its confirmed seats at the workshop's price. */
typedef struct
{
  int    seats;
  gint64 price;   /* of one seat, in the currency's minor units */
  gint64 total;
} AtelierRevenue;

#define ATELIER_MONEY_ERROR (atelier_money_error_quark ())

typedef enum
{
  ATELIER_MONEY_ERROR_INVALID,  /* not an amount, or too many decimals */
  ATELIER_MONEY_ERROR_TOO_LARGE,
} AtelierMoneyError;

/* A price above this many units of any currency is a typing mistake. */
#define ATELIER_MONEY_MAX_MAJOR 1000000

GQuark              atelier_money_error_quark       (void);
gboolean            atelier_money_parse             (const char              *text,
                                                     const char              *code,
                                                     gint64                  *minor_units,
                                                     GError                 **error);

const char * const *atelier_money_list_currencies   (void);
gboolean            atelier_money_is_currency       (const char              *code);
int                 atelier_money_get_digits        (const char              *code);
gint64              atelier_money_get_minor_per_major (const char            *code);
const char         *atelier_money_get_symbol        (const char              *code);
const char         *atelier_money_get_name          (const char              *code);
char               *atelier_money_default_currency  (void);

void                atelier_money_style_from_pattern (const char             *pattern,
                                                      AtelierMoneyStyle      *style);
void                atelier_money_get_style         (AtelierMoneyStyle       *style);

char               *atelier_money_format_with_style (gint64                   minor_units,
                                                     const char              *code,
                                                     const AtelierMoneyStyle *style);
char               *atelier_money_format            (gint64                   minor_units,
                                                     const char              *code);

void                atelier_money_compute_revenue   (const AtelierSessionSummary *summary,
                                                     gint64                   price,
                                                     AtelierRevenue          *revenue);
char               *atelier_money_describe_revenue  (const AtelierRevenue     *revenue,
                                                     const char              *code);

G_END_DECLS
