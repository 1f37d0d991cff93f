/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-money.c: currencies, amounts as the interface writes money, the
 * currency setting, and a session's revenue */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "atelier-money.h"
#include "atelier-schema-private.h"
#include "atelier-settings.h"
#include "test-util.h"

#define NBSP   "\302\240"
#define NNBSP  "\342\200\257"

static const char english_pattern[] = "¤1,234.56";
static const char french_pattern[] = "1" NNBSP "234,56" NBSP "¤";

static char *
format_in (const char *pattern,
           gint64      minor_units,
           const char *code)
{
  AtelierMoneyStyle style;

  atelier_money_style_from_pattern (pattern, &style);
  return atelier_money_format_with_style (minor_units, code, &style);
}

static void
assert_format (const char *pattern,
               gint64      minor_units,
               const char *code,
               const char *expected)
{
  g_autofree char *text = format_in (pattern, minor_units, code);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format_english (void)
{
  assert_format (english_pattern, 2500, "EUR", "€25.00");
  assert_format (english_pattern, 125050, "EUR", "€1,250.50");
  assert_format (english_pattern, 5, "USD", "$0.05");
  assert_format (english_pattern, 0, "GBP", "£0.00");
  assert_format (english_pattern, 123456789, "GBP", "£1,234,567.89");
  /* The yen has no decimals: 2500 minor units are 2,500 yen. */
  assert_format (english_pattern, 2500, "JPY", "¥2,500");
  assert_format (english_pattern, 1500, "TND", "DT1.500");
  assert_format (english_pattern, 4500, "CHF", "CHF45.00");
  assert_format (english_pattern, -2500, "EUR", "-€25.00");
}

static void
test_format_french (void)
{
  assert_format (french_pattern, 2500, "EUR", "25,00" NBSP "€");
  assert_format (french_pattern, 125050, "EUR", "1" NNBSP "250,50" NBSP "€");
  assert_format (french_pattern, 2500, "JPY", "2" NNBSP "500" NBSP "¥");
  assert_format (french_pattern, 999, "CAD", "9,99" NBSP "CA$");
}

/* A pattern a translator broke falls back on the English way. */
static void
test_format_bad_pattern (void)
{
  assert_format ("money", 2500, "EUR", "€25.00");
  assert_format ("1 234,56", 2500, "EUR", "€25.00");
}

/* Runs the calling test again in a process that speaks French from its
 * start (gettext keeps what it found for the language it started with). */
static void
run_in_french (void)
{
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_trap_assert_passed ();
}

/* The C locale has no money conventions of its own: the interface's
 * catalogue gives them, so a French window writes French prices. */
static void
test_format_interface (void)
{
  g_autofree char *english = atelier_money_format (2500, "EUR");

  g_assert_cmpstr (english, ==, "€25.00");
}

static void
test_format_interface_french (void)
{
  g_autofree char *french = NULL;
  g_autofree char *yen = NULL;

  if (!g_test_subprocess ())
    {
      run_in_french ();
      return;
    }

  french = atelier_money_format (2500, "EUR");
  g_assert_cmpstr (french, ==, "25,00" NBSP "€");
  yen = atelier_money_format (250000, "JPY");
  g_assert_cmpstr (yen, ==, "250" NNBSP "000" NBSP "¥");
}

static void
test_currencies (void)
{
  const char * const *codes = atelier_money_list_currencies ();

  g_assert_cmpstr (codes[0], ==, "EUR");
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_assert_true (atelier_money_is_currency (codes[i]));
      g_assert_cmpuint (strlen (codes[i]), ==, 3);
      g_assert_nonnull (atelier_money_get_name (codes[i]));
    }
  g_assert_false (atelier_money_is_currency ("eur"));
  g_assert_false (atelier_money_is_currency ("XYZ"));
  g_assert_false (atelier_money_is_currency (""));
  g_assert_false (atelier_money_is_currency (NULL));
  g_assert_cmpint (atelier_money_get_digits ("EUR"), ==, 2);
  g_assert_cmpint (atelier_money_get_digits ("JPY"), ==, 0);
  g_assert_cmpint (atelier_money_get_digits ("TND"), ==, 3);
  g_assert_cmpint (atelier_money_get_minor_per_major ("JPY"), ==, 1);
  g_assert_cmpint (atelier_money_get_minor_per_major ("USD"), ==, 100);
}

/* The tests run under C.UTF-8, whose currency is none: EUR. */
static void
test_default_currency (void)
{
  g_autofree char *code = atelier_money_default_currency ();
  g_autoptr(AtelierSettings) defaults = atelier_settings_new ();

  g_assert_cmpstr (code, ==, "EUR");
  g_assert_cmpstr (atelier_settings_get_currency (defaults), ==, "EUR");
}

static void
test_revenue (void)
{
  AtelierSessionSummary summary = { .capacity = 10, .confirmed_parties = 3, .confirmed_seats = 8,
                                    .waiting_parties = 2, .waiting_seats = 4 };
  AtelierRevenue revenue;
  g_autofree char *text = NULL;
  g_autofree char *free_text = NULL;
  g_autofree char *yen = NULL;

  /* The waiting list pays nothing. */
  atelier_money_compute_revenue (&summary, 2500, &revenue);
  g_assert_cmpint (revenue.seats, ==, 8);
  g_assert_cmpint (revenue.price, ==, 2500);
  g_assert_cmpint (revenue.total, ==, 20000);
  text = atelier_money_describe_revenue (&revenue, "EUR");
  g_assert_cmpstr (text, ==, "Revenue: 8 confirmed seats × €25.00 = €200.00");
  yen = atelier_money_describe_revenue (&revenue, "JPY");
  g_assert_cmpstr (yen, ==, "Revenue: 8 confirmed seats × ¥2,500 = ¥20,000");

  atelier_money_compute_revenue (&summary, 0, &revenue);
  g_assert_cmpint (revenue.total, ==, 0);
  free_text = atelier_money_describe_revenue (&revenue, "EUR");
  g_assert_cmpstr (free_text, ==, "No revenue: the workshop is free");

  /* Never wraps round */
  atelier_money_compute_revenue (&summary, G_MAXINT64 / 2, &revenue);
  g_assert_cmpint (revenue.total, ==, G_MAXINT64);
}

static void
test_setting (TestStore     *f,
              gconstpointer  data)
{
  static const char *const refused[] = { "euro", "XYZ", "", "E UR", "€" };
  g_autoptr(GError) error = NULL;
  g_autofree char *read = NULL;
  g_autofree char *after = NULL;
  g_autofree char *restored = NULL;

  g_assert_true (atelier_settings_write (f->store, ATELIER_SETTING_CURRENCY, " usd ", &error));
  g_assert_no_error (error);
  read = atelier_settings_read (f->store, ATELIER_SETTING_CURRENCY, &error);
  g_assert_cmpstr (read, ==, "USD");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (atelier_settings_write (f->store, ATELIER_SETTING_CURRENCY, refused[i], &error));
      g_assert_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "ISO 4217"));
      g_clear_error (&error);
    }
  after = atelier_settings_read (f->store, ATELIER_SETTING_CURRENCY, &error);
  g_assert_cmpstr (after, ==, "USD");

  /* NULL: back to the locale's */
  g_assert_true (atelier_settings_write (f->store, ATELIER_SETTING_CURRENCY, NULL, &error));
  restored = atelier_settings_read (f->store, ATELIER_SETTING_CURRENCY, &error);
  g_assert_cmpstr (restored, ==, "EUR");
}

/* The refusal in French, as the window shows it */
static void
test_setting_french (TestStore     *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    {
      run_in_french ();
      return;
    }

  g_assert_false (atelier_settings_write (f->store, ATELIER_SETTING_CURRENCY, "euro", &error));
  g_assert_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "n’est pas une devise"));
}

/* The table refuses a code that is not three capitals. */
static void
test_setting_table_check (TestStore     *f,
                          gconstpointer  data)
{
  static const char *const refused[] = {
    "INSERT OR REPLACE INTO settings VALUES ('currency', 'eur')",
    "INSERT OR REPLACE INTO settings VALUES ('currency', 'EURO')",
    "INSERT OR REPLACE INTO settings VALUES ('currency', '')",
  };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    g_assert_cmpint (sqlite3_exec (db, refused[i], NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO settings VALUES ('currency', 'GBP')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A store made before the currency keeps its settings and accepts one. */
static void
test_migration (TestStore     *f,
                gconstpointer  data)
{
  int before = atelier_store_schema_version () - 1;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *currency = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_clear_object (&f->store);
  test_remove_tree (f->dir);
  g_assert_cmpint (g_mkdir (f->dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_true (atelier_schema_migrate_to (db, 0, before, &error));
  g_assert_no_error (error);
  sqlite3_exec (db, "INSERT INTO settings VALUES ('store-name', 'Zoé'), ('rsvp', 'false')",
                NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);

  f->store = atelier_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_read_user_version (f->path), ==, atelier_store_schema_version ());
  name = atelier_settings_read (f->store, ATELIER_SETTING_STORE_NAME, &error);
  g_assert_cmpstr (name, ==, "Zoé");
  g_assert_true (atelier_settings_write (f->store, ATELIER_SETTING_CURRENCY, "CHF", &error));
  g_assert_no_error (error);
  currency = atelier_settings_read (f->store, ATELIER_SETTING_CURRENCY, &error);
  g_assert_cmpstr (currency, ==, "CHF");

  /* The rules of the other keys came along. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT OR REPLACE INTO settings VALUES ('rsvp', 'maybe')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO settings VALUES ('colour', 'blue')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* Prices as a person types them, read in the currency's minor units;
 * anything else refused, never guessed. */
static void
test_parse (void)
{
  static const struct { const char *text; const char *code; gint64 minor; } good[] = {
    { "25", "EUR", 2500 }, { " 25.5 ", "EUR", 2550 }, { "25,50", "EUR", 2550 },
    { "0", "EUR", 0 }, { ".5", "EUR", 50 }, { "2500", "JPY", 2500 },
    { "1000000", "EUR", 100000000 },
  };
  static const struct { const char *text; const char *code; int code_error; } bad[] = {
    { "", "EUR", ATELIER_MONEY_ERROR_INVALID }, { "-3", "EUR", ATELIER_MONEY_ERROR_INVALID },
    { "25.505", "EUR", ATELIER_MONEY_ERROR_INVALID }, { "1.2.3", "EUR", ATELIER_MONEY_ERROR_INVALID },
    { "25.", "EUR", ATELIER_MONEY_ERROR_INVALID }, { "€25", "EUR", ATELIER_MONEY_ERROR_INVALID },
    { "2,500", "JPY", ATELIER_MONEY_ERROR_INVALID }, { "1e3", "EUR", ATELIER_MONEY_ERROR_INVALID },
    { "1000001", "EUR", ATELIER_MONEY_ERROR_TOO_LARGE },
    { "99999999999999999999", "EUR", ATELIER_MONEY_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -1;

      g_assert_true (atelier_money_parse (good[i].text, good[i].code, &minor, &error));
      g_assert_no_error (error);
      g_assert_cmpint (minor, ==, good[i].minor);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minor = -1;

      g_test_message ("%s in %s", bad[i].text, bad[i].code);
      g_assert_false (atelier_money_parse (bad[i].text, bad[i].code, &minor, &error));
      g_assert_error (error, ATELIER_MONEY_ERROR, bad[i].code_error);
      g_assert_cmpint (minor, ==, -1);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("ATELIER_LOCALEDIR") ? g_getenv ("ATELIER_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  test_init (&argc, &argv);

  g_test_add_func ("/atelier/money/format/english", test_format_english);
  g_test_add_func ("/atelier/money/format/french", test_format_french);
  g_test_add_func ("/atelier/money/format/bad-pattern", test_format_bad_pattern);
  g_test_add_func ("/atelier/money/format/interface", test_format_interface);
  g_test_add_func ("/atelier/money/format/interface-french", test_format_interface_french);
  g_test_add_func ("/atelier/money/currencies", test_currencies);
  g_test_add_func ("/atelier/money/default", test_default_currency);
  g_test_add_func ("/atelier/money/revenue", test_revenue);
  g_test_add_func ("/atelier/money/parse", test_parse);
  g_test_add ("/atelier/money/setting", TestStore, NULL,
              test_store_setup, test_setting, test_store_teardown);
  g_test_add ("/atelier/money/setting-french", TestStore, NULL,
              test_store_setup, test_setting_french, test_store_teardown);
  g_test_add ("/atelier/money/setting-table", TestStore, NULL,
              test_store_setup, test_setting_table_check, test_store_teardown);
  g_test_add ("/atelier/money/migration", TestStore, NULL,
              test_store_setup, test_migration, test_store_teardown);

  return g_test_run ();
}
