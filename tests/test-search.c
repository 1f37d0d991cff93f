/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-search.c: finding customers at the door: accents, case, prefixes,
 * phone digits, the session at hand first */
#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include "atelier-booking.h"
#include "atelier-schema-private.h"
#include "atelier-search.h"
#include "atelier-store-private.h"
#include "test-util.h"

static gint64
add (TestStore  *f,
     const char *given,
     const char *family,
     const char *email,
     const char *phone)
{
  g_autoptr(AtelierCustomer) c = atelier_customer_new (given, family);
  g_autoptr(GError) error = NULL;

  g_object_set (c, "email", email, "phone", phone, NULL);
  g_assert_true (atelier_store_add_customer (f->store, c, &error));
  g_assert_no_error (error);
  return atelier_customer_get_id (c);
}

static void
populate (TestStore *f)
{
  add (f, "Zoé", "Martin", "zoe.martin@example.org", "06 12 34 56 78");
  add (f, "Jürgen", "Müller", "jmueller@example.de", "+49 151 2345678");
  add (f, "Alejandro", "Núñez", NULL, "+33 6 98 76 54 32");
  add (f, "Élodie", "Marchand", "elodie@example.fr", "07.11.22.33.44");
  add (f, "Hugo", "Moreau", "hugo@example.org", NULL);
  add (f, "ليلى", "حداد", NULL, NULL);
  add (f, "芳", "王", NULL, NULL);
}

/* The full names found for @text, in order, joined by "|". */
static char *
found (TestStore  *f,
       const char *text,
       gint64      session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = atelier_search_customers (f->store, text, session_id, 20, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (results);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(AtelierCustomer) c = g_list_model_get_item (results, i);
      g_autofree char *name = atelier_customer_dup_full_name (c);

      g_string_append_printf (names, "%s%s", i ? "|" : "", name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define assert_found(f, text, expected)                       \
  G_STMT_START {                                              \
    g_autofree char *got_ = found (f, text, 0);               \
    g_assert_cmpstr (got_, ==, expected);                     \
  } G_STMT_END

static void
test_accents_and_case (TestStore *f, gconstpointer data)
{
  populate (f);
  assert_found (f, "zoe", "Zoé Martin");
  assert_found (f, "ZOÉ", "Zoé Martin");
  assert_found (f, "mull", "Jürgen Müller");
  assert_found (f, "jurg", "Jürgen Müller");
  assert_found (f, "nunez", "Alejandro Núñez");
  assert_found (f, "elod", "Élodie Marchand");
  /* Decomposed input (e + combining acute) finds the composed name. */
  assert_found (f, "Zoe\xcc\x81", "Zoé Martin");
  assert_found (f, "ليلى", "ليلى حداد");
  assert_found (f, "王", "芳 王");
}

static void
test_prefixes (TestStore *f, gconstpointer data)
{
  populate (f);
  assert_found (f, "z", "Zoé Martin");
  /* Two names start with it: equally good, shown by name. */
  assert_found (f, "mar", "Élodie Marchand|Zoé Martin");
  assert_found (f, "zoe mar", "Zoé Martin");
  assert_found (f, "mar zo", "Zoé Martin");
  assert_found (f, "zoe.mar", "Zoé Martin");
  assert_found (f, "jmuel", "Jürgen Müller");
  assert_found (f, "xyz", "");
}

static void
test_ranking (TestStore *f, gconstpointer data)
{
  add (f, "Hugo", "Blanc", "martin.h@example.org", NULL);
  add (f, "Martine", "Roux", NULL, NULL);
  add (f, "Zoé", "Martin", NULL, NULL);
  add (f, "Paul", "Durand", "li.paul@example.org", NULL);
  add (f, "Lionel", "Petit", "lionel@example.org", NULL);
  add (f, "Wei", "Li", NULL, NULL);

  /* A whole word of the name, then the start of one, then the e-mail. */
  assert_found (f, "martin", "Zoé Martin|Martine Roux|Hugo Blanc");
  assert_found (f, "li", "Wei Li|Lionel Petit|Paul Durand");
  assert_found (f, "wei li", "Wei Li");
  /* Every word counts: one word short of a whole name is a prefix match. */
  assert_found (f, "zoe mart", "Zoé Martin");
}

static void
test_phone_digits (TestStore *f, gconstpointer data)
{
  populate (f);
  assert_found (f, "06 12", "Zoé Martin");
  assert_found (f, "0612 34", "Zoé Martin");
  assert_found (f, "06-12-34-56-78", "Zoé Martin");
  /* A number kept in international form is found from its national one. */
  assert_found (f, "0698", "Alejandro Núñez");
  assert_found (f, "+33 6 98", "Alejandro Núñez");
  assert_found (f, "071122", "Élodie Marchand");
  assert_found (f, "+49151", "Jürgen Müller");
  assert_found (f, "99", "");
}

static void
test_odd_input (TestStore *f, gconstpointer data)
{
  static const char *const inputs[] = {
    "", "   ", "\"", "*", "\"zoe\" OR 1=1 --", "NEAR(zoe mar)", "zoe AND", "^mar", "-zoe", "(", "'; DROP TABLE customers; --",
  };

  populate (f);
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    g_free (found (f, inputs[i], 0));

  assert_found (f, "'zoe'", "Zoé Martin");
  assert_found (f, "", "");
  g_assert_cmpstr (test_query_text (f->store, "SELECT count(*) FROM customers"), ==, "7");
}

/* Marks that the index's tokenizer takes for separators (a virama, a
 * shadda) cut a typed word in several: each is looked up on its own,
 * never as a phrase, which the index (without positions) cannot answer. */
static void
test_marks (TestStore *f, gconstpointer data)
{
  add (f, "प्रिया", "शर्मा", NULL, NULL);
  add (f, "محمّد", "حداد", NULL, NULL);

  assert_found (f, "प्रिया", "प्रिया शर्मा");
  assert_found (f, "प्रि", "प्रिया शर्मा");
  assert_found (f, "प्रिया शर्", "प्रिया शर्मा");
  assert_found (f, "محمّد", "محمّد حداد");
  assert_found (f, "محم", "محمّد حداد");
}

/* The names first, even when the e-mail addresses that match come first
 * in the index and are more than the limit. */
static void
test_names_before_emails (TestStore *f, gconstpointer data)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *family = g_strdup_printf ("A%d", i);
      g_autofree char *email = g_strdup_printf ("zedka.anne%d@example.org", i);

      add (f, "Anne", family, email, NULL);
    }
  add (f, "Anne", "Zedkiel", NULL, NULL);
  add (f, "Annette", "Zedkov", NULL, NULL);

  results = atelier_search_customers (f->store, "anne zedk", 0, 3, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(AtelierCustomer) c = g_list_model_get_item (results, i);
      g_autofree char *name = atelier_customer_dup_full_name (c);

      g_string_append_printf (names, "%s%s", i ? "|" : "", name);
    }
  g_assert_cmpstr (names->str, ==, "Anne Zedkiel|Annette Zedkov|Anne A1");
  assert_found (f, "anne zedk", "Anne Zedkiel|Annette Zedkov|Anne A1|Anne A2|Anne A3|Anne A4|Anne A5");
  assert_found (f, "zedk", "Anne Zedkiel|Annette Zedkov|Anne A1|Anne A2|Anne A3|Anne A4|Anne A5");
  assert_found (f, "anne zedkiel", "Anne Zedkiel");
  assert_found (f, "zedka anne3", "Anne A3");
}

/* A customer found is read whole, as the store reads them one by one. */
static void
test_found_whole (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierCustomer) c = atelier_customer_new ("Zoé", "Martin");
  g_autoptr(AtelierCustomer) stored = NULL;
  g_autoptr(AtelierCustomer) found_one = NULL;
  g_autoptr(GListModel) results = NULL;

  g_object_set (c, "email", "zoe@example.org", "phone", "06 12 34 56 78",
                "interests", "vin, cuisine", "note", "Allergique aux noix",
                "consent", TRUE, "consent-at", (gint64) 1700000000,
                "preferred-language", "fr", "needs", "Fauteuil",
                "consent-wording", "J'accepte", NULL);
  g_assert_true (atelier_store_add_customer (f->store, c, NULL));
  stored = atelier_store_get_customer (f->store, atelier_customer_get_id (c), NULL);

  results = atelier_search_customers (f->store, "zoe", 0, 20, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  found_one = g_list_model_get_item (results, 0);
  test_assert_same_properties (G_OBJECT (found_one), G_OBJECT (stored));
}

/* A search inside a transaction of the caller's joins it. */
static void
test_inside_transaction (TestStore *f, gconstpointer data)
{
  populate (f);
  g_assert_true (atelier_store_exec (f->store, "BEGIN IMMEDIATE", NULL));
  add (f, "Zoéline", "Petit", NULL, NULL);
  assert_found (f, "zoe", "Zoé Martin|Zoéline Petit");
  g_assert_true (atelier_db_in_transaction (atelier_store_get_db (f->store)));
  g_assert_true (atelier_store_exec (f->store, "ROLLBACK", NULL));
  assert_found (f, "zoel", "");
}

/* A store left at version 7 (search index with positions, prefixes up
 * to 3) gets the new index: built from its customers, kept in step by
 * the same triggers. */
static void
test_migration (TestStore *f, gconstpointer data)
{
  static const char v7[] =
    "INSERT INTO customers (given_name, family_name, email, phone, created_at) VALUES"
    "  ('Zoé', 'Martin', 'zoe.martin@example.org', '06 12 34 56 78', 1),"
    "  ('Jürgen', 'Müller', 'jmueller@example.de', '+49 151 2345678', 2),"
    "  ('Alejandro', 'Núñez', NULL, '+33 6 98 76 54 32', 3),"
    "  ('Françoise', 'Dumont', 'francoise1958@example.fr', NULL, 4);";
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierCustomer) zoe = NULL;
  sqlite3 *db = NULL;

  g_clear_object (&f->store);
  test_remove_tree (f->dir);
  g_assert_cmpint (g_mkdir (f->dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_true (atelier_schema_migrate_to (db, 0, 7, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db, v7, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (test_read_user_version (f->path), ==, 7);

  f->store = atelier_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_read_user_version (f->path), ==, atelier_store_schema_version ());
  g_assert_nonnull (strstr (test_query_text (f->store, "SELECT sql FROM sqlite_master"
                                                       " WHERE name = 'customer_search'"),
                            "detail = column"));

  assert_found (f, "zoe", "Zoé Martin");
  assert_found (f, "MULL", "Jürgen Müller");
  assert_found (f, "nunez", "Alejandro Núñez");
  assert_found (f, "francoise dum", "Françoise Dumont");
  assert_found (f, "francoise1958", "Françoise Dumont");
  assert_found (f, "0612", "Zoé Martin");
  assert_found (f, "+33 6 98", "Alejandro Núñez");
  assert_found (f, "0698", "Alejandro Núñez");
  assert_found (f, "+49151", "Jürgen Müller");

  /* The triggers of step 2 write to the new table. */
  zoe = atelier_store_get_customer (f->store, 1, NULL);
  g_object_set (zoe, "family-name", "Lefèvre", "phone", "07 99 99 99 99", NULL);
  g_assert_true (atelier_store_update_customer (f->store, zoe, NULL));
  assert_found (f, "0612", "");
  assert_found (f, "zoe lef", "Zoé Lefèvre");
  assert_found (f, "0799", "Zoé Lefèvre");
  g_assert_true (atelier_store_delete_customer (f->store, 2, NULL));
  assert_found (f, "jurgen", "");
  add (f, "Hugo", "Moreau", "hugo@example.org", NULL);
  assert_found (f, "hugo", "Hugo Moreau");
  g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM customer_search"), ==, "4");
}

static void
test_index_follows_changes (TestStore *f, gconstpointer data)
{
  gint64 id = add (f, "Camille", "Dubois", "camille@example.org", "06 00 00 00 01");
  g_autoptr(AtelierCustomer) c = atelier_store_get_customer (f->store, id, NULL);

  g_object_set (c, "family-name", "Lefèvre", "phone", "07 99 99 99 99", NULL);
  g_assert_true (atelier_store_update_customer (f->store, c, NULL));
  assert_found (f, "dubois", "");
  assert_found (f, "lefe", "Camille Lefèvre");
  assert_found (f, "0600", "");
  assert_found (f, "0799", "Camille Lefèvre");

  g_assert_true (atelier_store_delete_customer (f->store, id, NULL));
  assert_found (f, "camille", "");
}

static void
test_session_first (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) w = atelier_workshop_new ("Vins de Loire");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, 2);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) s = NULL;
  g_autoptr(AtelierCustomer) second = NULL;
  g_autoptr(AtelierRegistration) r = NULL;
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;

  g_object_set (w, "capacity", 10, NULL);
  g_assert_true (atelier_store_add_workshop (f->store, w, NULL));
  s = atelier_session_new (atelier_workshop_get_id (w), starts, ends, "Europe/Paris");
  g_object_set (s, "capacity", 10, NULL);
  g_assert_true (atelier_store_add_session (f->store, s, NULL));

  add (f, "Anne", "Martin", NULL, NULL);
  second = atelier_store_get_customer (f->store, add (f, "Bruno", "Martin", NULL, NULL), NULL);
  r = atelier_booking_sign_up (f->store, atelier_session_get_id (s), second, 1, NULL, NULL);
  g_assert_nonnull (r);

  without = found (f, "martin", 0);
  g_assert_cmpstr (without, ==, "Anne Martin|Bruno Martin");
  with = found (f, "martin", atelier_session_get_id (s));
  g_assert_cmpstr (with, ==, "Bruno Martin|Anne Martin");

  /* Two letters are answered unranked: the session still comes first. */
  g_free (with);
  with = found (f, "ma", atelier_session_get_id (s));
  g_assert_cmpstr (with, ==, "Bruno Martin|Anne Martin");
}

static void
test_limit (TestStore *f, gconstpointer data)
{
  g_autoptr(GListModel) some = NULL;

  for (int i = 0; i < 30; i++)
    {
      g_autofree char *family = g_strdup_printf ("Martin-%02d", i);
      add (f, "Anne", family, NULL, NULL);
    }

  /* Short and long queries alike stop at the limit. */
  some = atelier_search_customers (f->store, "m", 0, 20, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (some), ==, 20);
  g_clear_object (&some);
  some = atelier_search_customers (f->store, "martin", 0, 20, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (some), ==, 20);
  g_clear_object (&some);
  some = atelier_search_customers (f->store, "anne mar", 0, 5, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (some), ==, 5);
}

static void
test_erased_left_out (TestStore *f, gconstpointer data)
{
  gint64 id = add (f, "Hélène", "Dupont", NULL, NULL);
  g_autoptr(AtelierCustomer) c = atelier_store_get_customer (f->store, id, NULL);

  g_object_set (c, "erased-at", (gint64) 1764000000, NULL);
  g_assert_true (atelier_store_update_customer (f->store, c, NULL));
  assert_found (f, "helene", "");
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/atelier/search/" path, TestStore, NULL, test_store_setup, func, test_store_teardown)

  ADD ("accents-and-case", test_accents_and_case);
  ADD ("prefixes", test_prefixes);
  ADD ("ranking", test_ranking);
  ADD ("phone-digits", test_phone_digits);
  ADD ("odd-input", test_odd_input);
  ADD ("index-follows-changes", test_index_follows_changes);
  ADD ("session-first", test_session_first);
  ADD ("erased-left-out", test_erased_left_out);
  ADD ("limit", test_limit);
  ADD ("marks", test_marks);
  ADD ("names-before-emails", test_names_before_emails);
  ADD ("found-whole", test_found_whole);
  ADD ("inside-transaction", test_inside_transaction);
  ADD ("migration", test_migration);

  return g_test_run ();
}
