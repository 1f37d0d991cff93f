/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-money.c: currencies, amounts as the interface writes money, and
 * what a session brings in
 *
 * Prices are stored as whole numbers of the currency's minor unit (the
 * workshops' price_cents column: cents of a euro, yen for the yen), so
 * they add up without rounding. Which currency is a store setting; how an
 * amount is written is the interface's language: LC_MONETARY when the
 * locale has conventions of its own, else the pattern its catalogue gives
 * (under the C locale with LANGUAGE=fr the window is French, and so must
 * its prices be). GLib has no money formatter, and strfmon() only knows
 * the locale's own currency: the symbols and decimals are our own table.
 */
#define G_LOG_DOMAIN "atelier-money"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <limits.h>
#include <locale.h>
#include <string.h>

#include "atelier-money.h"

#define NO_BREAK_SPACE "\302\240"
#define CURRENCY_SIGN  "\302\244"  /* ¤, where a pattern puts the symbol */
#define FALLBACK_CURRENCY "EUR"

typedef struct
{
  const char *code;
  const char *symbol;
  int         digits;  /* ISO 4217's minor unit */
  const char *name;
} Currency;

/* The currencies a store can choose, the most common first. */
static const Currency currencies[] = {
  { "EUR", "€", 2, N_("Euro") },
  { "USD", "$", 2, N_("US Dollar") },
  { "GBP", "£", 2, N_("Pound Sterling") },
  { "CHF", "CHF", 2, N_("Swiss Franc") },
  { "CAD", "CA$", 2, N_("Canadian Dollar") },
  { "JPY", "¥", 0, N_("Japanese Yen") },
  { "AUD", "A$", 2, N_("Australian Dollar") },
  { "NZD", "NZ$", 2, N_("New Zealand Dollar") },
  { "SEK", "kr", 2, N_("Swedish Krona") },
  { "NOK", "kr", 2, N_("Norwegian Krone") },
  { "DKK", "kr.", 2, N_("Danish Krone") },
  { "ISK", "kr", 0, N_("Icelandic Króna") },
  { "PLN", "zł", 2, N_("Polish Złoty") },
  { "CZK", "Kč", 2, N_("Czech Koruna") },
  { "HUF", "Ft", 2, N_("Hungarian Forint") },
  { "RON", "lei", 2, N_("Romanian Leu") },
  { "BGN", "лв.", 2, N_("Bulgarian Lev") },
  { "TRY", "₺", 2, N_("Turkish Lira") },
  { "ILS", "₪", 2, N_("Israeli New Shekel") },
  { "MAD", "MAD", 2, N_("Moroccan Dirham") },
  { "TND", "DT", 3, N_("Tunisian Dinar") },
  { "XOF", "F CFA", 0, N_("West African CFA Franc") },
  { "XPF", "F CFP", 0, N_("CFP Franc") },
  { "ZAR", "R", 2, N_("South African Rand") },
  { "BRL", "R$", 2, N_("Brazilian Real") },
  { "MXN", "MX$", 2, N_("Mexican Peso") },
  { "CNY", "CN¥", 2, N_("Chinese Yuan") },
  { "HKD", "HK$", 2, N_("Hong Kong Dollar") },
  { "SGD", "S$", 2, N_("Singapore Dollar") },
  { "KRW", "₩", 0, N_("South Korean Won") },
  { "INR", "₹", 2, N_("Indian Rupee") },
};

static const Currency *
find_currency (const char *code)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (currencies); i++)
    if (strcmp (currencies[i].code, code) == 0)
      return &currencies[i];
  return NULL;
}

/**
 * atelier_money_list_currencies:
 *
 * Returns: (transfer none): the ISO 4217 codes a store can choose, the
 *   most common first
 */
const char * const *
atelier_money_list_currencies (void)
{
  static const char *codes[G_N_ELEMENTS (currencies) + 1];
  static gsize filled = 0;

  if (g_once_init_enter (&filled))
    {
      for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
        codes[i] = currencies[i].code;
      g_once_init_leave (&filled, 1);
    }
  return codes;
}

/**
 * atelier_money_is_currency:
 *
 * Whether @code is a currency Atelier knows, spelt in capitals ("EUR").
 */
gboolean
atelier_money_is_currency (const char *code)
{
  return find_currency (code) != NULL;
}

/**
 * atelier_money_get_digits:
 *
 * Returns: how many decimals @code has (2 for EUR, 0 for JPY); 2 for a
 *   currency Atelier does not know
 */
int
atelier_money_get_digits (const char *code)
{
  const Currency *currency = find_currency (code);

  return currency != NULL ? currency->digits : 2;
}

/**
 * atelier_money_get_minor_per_major:
 *
 * Returns: how many minor units make one unit of @code: 100 for EUR, 1
 *   for JPY
 */
gint64
atelier_money_get_minor_per_major (const char *code)
{
  gint64 factor = 1;

  for (int i = 0; i < atelier_money_get_digits (code); i++)
    factor *= 10;
  return factor;
}

G_DEFINE_QUARK (atelier-money-error-quark, atelier_money_error)

/* Adds @digit to @value, a number of at most @limit. */
static gboolean
push_digit (gint64 *value,
            char    digit,
            gint64  limit)
{
  if (!g_ascii_isdigit (digit) || *value > (limit - (digit - '0')) / 10)
    return FALSE;
  *value = *value * 10 + (digit - '0');
  return TRUE;
}

/**
 * atelier_money_parse:
 * @text: an amount as a person types it: "25", "25.50" or "25,50"
 * @code: the currency, which says how many decimals an amount may have
 * @minor_units: (out): the amount in @code's minor units (2550 for EUR)
 *
 * Reads a price without its currency sign; "¥2,500" is refused rather
 * than guessed (the comma could be a thousands mark).
 */
gboolean
atelier_money_parse (const char  *text,
                     const char  *code,
                     gint64      *minor_units,
                     GError     **error)
{
  g_autofree char *amount = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 factor = atelier_money_get_minor_per_major (code);
  gint64 whole = 0;
  gint64 fraction = 0;
  int decimals = -1;  /* none seen yet, then how many */
  gboolean ok = *amount != '\0';

  for (const char *p = amount; ok && *p != '\0'; p++)
    {
      if ((*p == '.' || *p == ',') && decimals < 0 && p[1] != '\0')
        decimals = 0;
      else if (decimals < 0)
        ok = push_digit (&whole, *p, G_MAXINT64 / factor);
      else
        ok = ++decimals <= atelier_money_get_digits (code) && push_digit (&fraction, *p, factor);
    }

  if (!ok)
    {
      g_set_error (error, ATELIER_MONEY_ERROR, ATELIER_MONEY_ERROR_INVALID,
                   ngettext ("“%s” is not a price in %s: write an amount such as 25 or 25.5, "
                             "with at most %d decimal and no currency sign.",
                             "“%s” is not a price in %s: write an amount such as 25 or 25.50, "
                             "with at most %d decimals and no currency sign.",
                             atelier_money_get_digits (code)),
                   amount, code, atelier_money_get_digits (code));
      return FALSE;
    }
  if (whole > ATELIER_MONEY_MAX_MAJOR)
    {
      g_set_error (error, ATELIER_MONEY_ERROR, ATELIER_MONEY_ERROR_TOO_LARGE,
                   _("A price of more than %d %s is surely a typing mistake."),
                   ATELIER_MONEY_MAX_MAJOR, code);
      return FALSE;
    }

  for (int i = MAX (decimals, 0); i < atelier_money_get_digits (code); i++)
    fraction *= 10;
  *minor_units = whole * factor + fraction;
  return TRUE;
}

/**
 * atelier_money_get_symbol:
 *
 * Returns: (transfer none): how amounts of @code are marked ("€"), or
 *   @code itself for a currency Atelier does not know
 */
const char *
atelier_money_get_symbol (const char *code)
{
  const Currency *currency = find_currency (code);

  return currency != NULL ? currency->symbol : code;
}

/**
 * atelier_money_get_name:
 *
 * Returns: (transfer none) (nullable): the translated name of @code
 */
const char *
atelier_money_get_name (const char *code)
{
  const Currency *currency = find_currency (code);

  return currency != NULL ? _(currency->name) : NULL;
}

/**
 * atelier_money_default_currency:
 *
 * Returns: (transfer full): the locale's currency (LC_MONETARY) when
 *   Atelier knows it, else EUR
 */
char *
atelier_money_default_currency (void)
{
  /* "EUR ": the international symbol ends with its separator. The same
   * item as nl_langinfo's INT_CURR_SYMBOL, which needs _GNU_SOURCE. */
  const char *international = localeconv ()->int_curr_symbol;
  g_autofree char *code = NULL;

  if (international == NULL || strlen (international) < 3)
    return g_strdup (FALLBACK_CURRENCY);

  code = g_strndup (international, 3);
  return atelier_money_is_currency (code) ? g_steal_pointer (&code) : g_strdup (FALLBACK_CURRENCY);
}

static void
copy_mark (char       *mark,
           const char *start,
           const char *end)
{
  gsize length = MIN ((gsize) (end - start), 7);

  memcpy (mark, start, length);
  mark[length] = '\0';
}

static void
set_english_style (AtelierMoneyStyle *style)
{
  g_strlcpy (style->decimal_mark, ".", sizeof style->decimal_mark);
  g_strlcpy (style->group_mark, ",", sizeof style->group_mark);
  style->symbol_first = TRUE;
  style->symbol_spaced = FALSE;
}

/**
 * atelier_money_style_from_pattern:
 * @pattern: how a language writes ¤1,234.56: "¤1,234.56", "1 234,56 ¤"
 *
 * Reads the marks and the symbol's place from @pattern; a pattern
 * without the example amount and the ¤ sign gives the English style.
 */
void
atelier_money_style_from_pattern (const char        *pattern,
                                  AtelierMoneyStyle *style)
{
  const char *sign = strstr (pattern, CURRENCY_SIGN);
  const char *one = strchr (pattern, '1');
  const char *hundreds = one ? strstr (one, "234") : NULL;
  const char *cents = hundreds ? strstr (hundreds + 3, "56") : NULL;
  const char *first;
  const char *last;

  if (sign == NULL || one == NULL || hundreds == NULL || cents == NULL)
    {
      set_english_style (style);
      return;
    }

  copy_mark (style->group_mark, one + 1, hundreds);
  copy_mark (style->decimal_mark, hundreds + 3, cents);
  style->symbol_first = sign < one;
  first = style->symbol_first ? sign + strlen (CURRENCY_SIGN) : cents + 2;
  last = style->symbol_first ? one : sign;
  style->symbol_spaced = first < last;
}

/* Whether LC_MONETARY names a locale with conventions of its own. */
static gboolean
monetary_locale_has_conventions (void)
{
  const char *name = setlocale (LC_MONETARY, NULL);

  return name != NULL && strcmp (name, "C") != 0 && strcmp (name, "POSIX") != 0 &&
         !g_str_has_prefix (name, "C.");
}

/**
 * atelier_money_get_style:
 *
 * The interface's way of writing money: the locale's (LC_MONETARY), or
 * the one its translation gives when the locale is C.
 */
void
atelier_money_get_style (AtelierMoneyStyle *style)
{
  const struct lconv *conventions;

  if (!monetary_locale_has_conventions ())
    {
      /* TRANSLATORS: how your language writes one thousand two hundred
       * thirty-four units and 56 hundredths of a currency whose symbol is
       * ¤: keep the digits 1, 234 and 56 and the sign ¤; change the marks
       * between the digits and the place of ¤, e.g. "1 234,56 ¤" in French
       * (use no-break spaces) */
      atelier_money_style_from_pattern (C_("money", "¤1,234.56"), style);
      return;
    }

  conventions = localeconv ();
  g_strlcpy (style->decimal_mark,
             *conventions->mon_decimal_point ? conventions->mon_decimal_point : ".",
             sizeof style->decimal_mark);
  g_strlcpy (style->group_mark, conventions->mon_thousands_sep, sizeof style->group_mark);
  style->symbol_first = conventions->p_cs_precedes == 1;
  style->symbol_spaced = conventions->p_sep_by_space == 1 || conventions->p_sep_by_space == 2;
}

/* @digits as text with @mark between groups of three, from the right. */
static void
append_grouped (GString    *out,
                const char *digits,
                const char *mark)
{
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (out, mark);
      g_string_append_c (out, digits[i]);
    }
}

/**
 * atelier_money_format_with_style:
 * @minor_units: the amount in @code's minor unit (cents of EUR, yen)
 * @code: an ISO 4217 code
 *
 * Returns: (transfer full): the amount written in @style: "€1,250.00",
 *   "1 250,00 €", "¥2,500"
 */
char *
atelier_money_format_with_style (gint64                   minor_units,
                                 const char              *code,
                                 const AtelierMoneyStyle *style)
{
  int digits = atelier_money_get_digits (code);
  guint64 factor = (guint64) atelier_money_get_minor_per_major (code);
  guint64 magnitude = minor_units < 0 ? - (guint64) minor_units : (guint64) minor_units;
  g_autofree char *whole = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude / factor);
  g_autoptr(GString) amount = g_string_new (NULL);
  const char *symbol = atelier_money_get_symbol (code != NULL ? code : FALLBACK_CURRENCY);

  g_return_val_if_fail (style != NULL, NULL);

  append_grouped (amount, whole, style->group_mark);
  if (digits > 0)
    g_string_append_printf (amount, "%s%0*" G_GUINT64_FORMAT,
                            style->decimal_mark, digits, magnitude % factor);

  return g_strconcat (minor_units < 0 ? "-" : "",
                      style->symbol_first ? symbol : amount->str,
                      style->symbol_spaced ? NO_BREAK_SPACE : "",
                      style->symbol_first ? amount->str : symbol,
                      NULL);
}

/**
 * atelier_money_format:
 *
 * Returns: (transfer full): the amount as the interface writes money
 */
char *
atelier_money_format (gint64      minor_units,
                      const char *code)
{
  AtelierMoneyStyle style;

  atelier_money_get_style (&style);
  return atelier_money_format_with_style (minor_units, code, &style);
}

/**
 * atelier_money_compute_revenue:
 * @summary: the session's seats
 * @price: one seat's price, in minor units
 *
 * What a session brings in: its confirmed seats (waiting lists and
 * cancellations pay nothing) at the workshop's price.
 */
void
atelier_money_compute_revenue (const AtelierSessionSummary *summary,
                               gint64                       price,
                               AtelierRevenue              *revenue)
{
  g_return_if_fail (summary != NULL && revenue != NULL);

  revenue->seats = MAX (summary->confirmed_seats, 0);
  revenue->price = MAX (price, 0);
  /* A price cannot be so high, but a sum must not wrap if it were. */
  if (revenue->seats > 0 && revenue->price > G_MAXINT64 / revenue->seats)
    revenue->total = G_MAXINT64;
  else
    revenue->total = revenue->price * revenue->seats;
}

/**
 * atelier_money_describe_revenue:
 *
 * Returns: (transfer full): "Revenue: 8 confirmed seats × €25.00 =
 *   €200.00", or that a free workshop brings nothing in
 */
char *
atelier_money_describe_revenue (const AtelierRevenue *revenue,
                                const char           *code)
{
  g_autofree char *seats = NULL;
  g_autofree char *price = NULL;
  g_autofree char *total = NULL;

  g_return_val_if_fail (revenue != NULL, NULL);

  if (revenue->price == 0)
    return g_strdup (_("No revenue: the workshop is free"));

  /* TRANSLATORS: the seats a session's revenue counts, e.g. "8 confirmed seats" */
  seats = g_strdup_printf (ngettext ("%d confirmed seat", "%d confirmed seats", revenue->seats),
                           revenue->seats);
  price = atelier_money_format (revenue->price, code);
  total = atelier_money_format (revenue->total, code);
  /* TRANSLATORS: a session's revenue: seats, the price of one, and the
   * sum, e.g. "Revenue: 8 confirmed seats × €25.00 = €200.00" */
  return g_strdup_printf (_("Revenue: %s × %s = %s"), seats, price, total);
}
