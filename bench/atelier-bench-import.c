/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-bench-import.c: importing a 100,000-row customer CSV
 *
 *   atelier-bench-import [--rows N] [--runs N] [--seed S] [--csv FILE]
 *                        [--write-csv FILE] [--sqlite3 PATH]
 *
 * Atelier's import (what `atelier-cli import-customers FILE` runs: read
 * the file from disk, map its columns, check every row, match by e-mail,
 * insert, index for search, link tags, commit) into a fresh store, against
 * the sqlite3 shell's `.import --csv` of the same file into a plain table
 * of a fresh database. Each run times both, each in a new process, in
 * alternating order; the figures are medians. A third figure, for the
 * generated file, is what the store's schema costs by itself: the shell
 * imports the file, then copies it into a fresh store in one statement.
 * It prints times and ratios, and asserts nothing. It also prints the
 * peak memory (resident set) of each import against the file's size,
 * beside two baselines of the same run: the same process opening the
 * store and importing nothing (its floor), and the sqlite3 shell.
 *
 * The file is generated unless --csv gives one: an export as a shop's
 * online till writes it, with names from many countries (some in their
 * own script), e-mails, phones written every way, tags, marketing
 * consent, addresses, notes (a few on several lines), and some customers
 * twice under the same address, which the import merges.
 */
#define G_LOG_DOMAIN "atelier-bench-import"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atelier-bench-names.h"
#include "atelier-bench-util.h"
#include "atelier-csv.h"
#include "atelier-customer-import.h"
#include "atelier-schema-private.h"

static const char *const header[] = {
  "First Name", "Last Name", "Email", "Accepts Email Marketing", "Company", "Address1",
  "City", "Zip", "Country Code", "Phone", "Total Spent", "Total Orders", "Note", "Tags",
  "Created At",
};

static const char *const streets[] = {
  "rue de la Roquette", "boulevard Voltaire", "rue des Martyrs", "avenue Jean-Jaurès",
  "rue de l’Église", "place de la Bastille", "rue Oberkampf", "quai de la Tournelle",
  "rue du Faubourg-Saint-Antoine", "allée des Érables", "rue Lamarck", "impasse Bérenger",
};

static const struct { const char *city; const char *zip; } cities[] = {
  { "Paris", "75011" }, { "Paris", "75018" }, { "Paris", "75005" }, { "Montreuil", "93100" },
  { "Vincennes", "94300" }, { "Boulogne-Billancourt", "92100" }, { "Saint-Denis", "93200" },
  { "Ivry-sur-Seine", "94200" }, { "Neuilly-sur-Seine", "92200" }, { "Créteil", "94000" },
};

static const char *const companies[] = {
  "", "", "", "", "", "", "Boulangerie Lefèvre", "Café des Arts", "Atelier Nord-Sud",
  "Müller & Söhne", "SARL L’Épi d’Or",
};

static const char *const tags[] = {
  "cuisine", "pâtisserie", "vin", "beauté", "boulangerie", "spiritueux", "thé", "enfants",
  "végétarien", "cuisine du monde", "VIP", "newsletter",
};

static const char *const notes[] = {
  "Allergique aux fruits à coque", "Végétarienne", "Vient avec sa fille, 8 ans",
  "Préfère le samedi matin", "Carte cadeau à utiliser", "Ne boit pas d’alcool",
  "Intolérant au lactose; prévenir le chef", "Parle anglais", "Client \"fidèle\" depuis 2019",
  "Mobilité réduite :\nprévoir une chaise\net l’accès par la cour",
};

static const char *const domains[] = {
  "gmail.example", "gmail.example", "gmail.example", "orange.test", "free.test",
  "hotmail.example", "yahoo.example", "laposte.test", "outlook.example", "icloud.example",
  "gmx.invalid", "web.invalid",
};

/* 'X' is a random digit. */
static const char *const phones[] = {
  "06 XX XX XX XX", "06 XX XX XX XX", "07 XX XX XX XX", "06XXXXXXXX", "+33 6 XX XX XX XX",
  "+33 7 XX XX XX XX", "06.XX.XX.XX.XX", "01 XX XX XX XX", "+49 151 XXXXXXX",
  "+81 90-XXXX-XXXX", "+44 7700 9XXXXX", "+212 6 XX XX XX XX",
};

static const char *
pick (GRand              *rand,
      const char * const *items,
      guint               n_items)
{
  return items[g_rand_int_range (rand, 0, n_items)];
}

static const BenchOrigin *
pick_origin (GRand             *rand,
             const BenchOrigin *origins,
             guint              n_origins)
{
  guint roll = g_rand_int_range (rand, 0, 1000);

  for (guint i = 0; i < n_origins; i++)
    {
      if (roll < origins[i].weight)
        return &origins[i];
      roll -= origins[i].weight;
    }
  return &origins[0];
}

static char *
make_phone (GRand *rand)
{
  char *phone = g_strdup (pick (rand, phones, G_N_ELEMENTS (phones)));

  for (char *p = phone; *p != '\0'; p++)
    if (*p == 'X')
      *p = '0' + g_rand_int_range (rand, 0, 10);
  return phone;
}

static char *
make_tags (GRand *rand)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  int n = g_rand_int_range (rand, 0, 5);
  guint first = g_rand_int_range (rand, 0, G_N_ELEMENTS (tags));

  /* Distinct tags, as the exporting system keeps them. */
  for (int i = 0; i < n; i++)
    g_string_append_printf (joined, "%s%s", i ? ", " : "", tags[(first + 3 * i) % G_N_ELEMENTS (tags)]);
  return g_string_free (g_steal_pointer (&joined), FALSE);
}

typedef struct
{
  char *given;
  char *family;
  char *email;
} Person;

static void
make_person (GRand             *rand,
             const BenchOrigin *origins,
             guint              n_origins,
             guint              number,
             Person            *person)
{
  const BenchOrigin *origin = pick_origin (rand, origins, n_origins);
  const BenchName *given = &origin->given[g_rand_int_range (rand, 0, origin->n_given)];
  const BenchName *family = &origin->family[g_rand_int_range (rand, 0, origin->n_family)];
  gboolean native = g_rand_int_range (rand, 0, 100) < (int) origin->native_share;
  g_autofree char *given_word = bench_email_word (given->latin ? given->latin : given->name);
  g_autofree char *family_word = bench_email_word (family->latin ? family->latin : family->name);

  person->given = g_strdup (native || !given->latin ? given->name : given->latin);
  person->family = g_strdup (native || !family->latin ? family->name : family->latin);
  /* The number keeps addresses apart, as real ones are. */
  person->email = g_rand_int_range (rand, 0, 100) < 90
                  ? g_strdup_printf ("%s.%s%u@%s", given_word, family_word, number,
                                     pick (rand, domains, G_N_ELEMENTS (domains)))
                  : NULL;
}

static void
person_clear (Person *person)
{
  g_free (person->given);
  g_free (person->family);
  g_free (person->email);
}

/* Returns: (transfer full): the CSV text, header first */
static GString *
generate_csv (int    n_rows,
              gint64 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) seed);
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) start = g_date_time_new (paris, 2019, 3, 1, 9, 0, 0);
  GString *csv = g_string_new (NULL);
  guint n_origins = 0;
  const BenchOrigin *origins = bench_names_get_origins (&n_origins);
  Person previous = { NULL };

  atelier_csv_append_row (csv, header, G_N_ELEMENTS (header), ',');
  for (int i = 0; i < n_rows; i++)
    {
      Person person = { NULL };
      g_autofree char *phone = g_rand_int_range (rand, 0, 100) < 80 ? make_phone (rand) : NULL;
      g_autofree char *row_tags = make_tags (rand);
      g_autoptr(GDateTime) created = g_date_time_add_seconds (start, g_rand_double_range (rand, 0, 6 * 365 * 86400.0));
      g_autofree char *created_text = g_date_time_format (created, "%Y-%m-%dT%H:%M:%S%:z");
      g_autofree char *spent = g_strdup_printf ("%d.%02d", g_rand_int_range (rand, 0, 900), g_rand_int_range (rand, 0, 100));
      g_autofree char *orders = g_strdup_printf ("%d", g_rand_int_range (rand, 0, 30));
      g_autofree char *address = g_strdup_printf ("%d %s", g_rand_int_range (rand, 1, 120),
                                                  pick (rand, streets, G_N_ELEMENTS (streets)));
      guint city = g_rand_int_range (rand, 0, G_N_ELEMENTS (cities));
      const char *fields[G_N_ELEMENTS (header)];

      /* One customer in 70 is there twice, under the same address (a
       * second account): the import updates the first with the second. */
      if (previous.email != NULL && g_rand_int_range (rand, 0, 70) == 0)
        {
          person.given = g_strdup (previous.given);
          person.family = g_strdup (previous.family);
          person.email = g_ascii_strup (previous.email, -1);
        }
      else
        make_person (rand, origins, n_origins, i, &person);

      fields[0] = person.given;
      fields[1] = person.family;
      fields[2] = person.email;
      fields[3] = g_rand_int_range (rand, 0, 100) < 60 ? "yes" : "no";
      fields[4] = pick (rand, companies, G_N_ELEMENTS (companies));
      fields[5] = address;
      fields[6] = cities[city].city;
      fields[7] = cities[city].zip;
      fields[8] = "FR";
      fields[9] = phone;
      fields[10] = spent;
      fields[11] = orders;
      fields[12] = g_rand_int_range (rand, 0, 100) < 8 ? pick (rand, notes, G_N_ELEMENTS (notes)) : "";
      fields[13] = row_tags;
      fields[14] = created_text;
      atelier_csv_append_row (csv, fields, G_N_ELEMENTS (fields), ',');

      person_clear (&previous);
      previous = person;
    }
  person_clear (&previous);

  return csv;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* In the child: the CLI's code path, from the file on disk to the commit,
 * into the store the parent made. */
static int
run_import (const char *csv_path,
            const char *db_path,
            gboolean    open_only)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierCustomerImport) import = NULL;
  g_autoptr(AtelierImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  store = atelier_store_open (db_path, &error);
  /* The memory's floor: the same process, its store opened, no import. */
  if (store != NULL && open_only)
    {
      g_print ("0 0 0\n");
      return 0;
    }
  import = store ? atelier_customer_import_new_for_path (csv_path, &error) : NULL;
  if (import == NULL || !atelier_customer_import_run (import, store, FALSE, &report, &error))
    {
      g_printerr ("import: %s\n", error->message);
      return 1;
    }
  g_print ("%u %u %u\n", report->n_created, report->n_updated, report->n_rejected);
  return 0;
}

/* Runs @argv to its end. Returns: the seconds it took; its peak resident
 * set, in bytes, in @peak_rss (wait4's ru_maxrss, the child's own) */
static double
time_command (const char * const  *argv,
              char               **output,
              gint64              *peak_rss)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GPid pid = 0;
  int out_fd = -1;
  int status = 0;
  gint64 start = g_get_monotonic_time ();
  double seconds;
  char buffer[4096];
  ssize_t n;

  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_CHILD_INHERITS_STDIN,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    g_error ("%s: %s", argv[0], error->message);
  while ((n = read (out_fd, buffer, sizeof buffer)) != 0)
    if (n > 0)
      g_string_append_len (out, buffer, n);
    else if (errno != EINTR)
      break;
  close (out_fd);
  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      g_error ("wait4: %s", g_strerror (errno));
  seconds = seconds_since (start);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);

  if (peak_rss != NULL)
    *peak_rss = (gint64) usage.ru_maxrss * 1024;  /* kilobytes on Linux */
  if (output != NULL)
    *output = g_string_free (g_steal_pointer (&out), FALSE);
  return seconds;
}

/* Atelier: a fresh process (like the CLI's) imports into a fresh store,
 * made before the clock starts. */
static double
time_atelier (const char  *self_path,
              const char  *csv_path,
              const char  *db_path,
              gboolean     open_only,
              char       **counts,
              gint64      *peak_rss)
{
  const char *argv[] = {
    self_path, "--run-import", csv_path, "--into", db_path, open_only ? "--open-only" : NULL, NULL
  };
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;

  remove_database (db_path);
  store = atelier_store_open (db_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_clear_object (&store);

  g_free (*counts);
  return time_command (argv, counts, peak_rss);
}

/* The baseline: the sqlite3 shell, started on a fresh database, reading
 * the same file into a table it makes from the header. */
static double
time_sqlite3 (const char *sqlite3_path,
              const char *csv_path,
              const char *db_path,
              gint64     *peak_rss)
{
  g_autofree char *command = g_strdup_printf (".import --csv '%s' customers", csv_path);
  const char *argv[] = { sqlite3_path, "-batch", db_path, command, NULL };
  g_autofree char *output = NULL;

  remove_database (db_path);
  return time_command (argv, &output, peak_rss);
}

/* What the store's design costs by itself: the sqlite3 shell reads the
 * same file into a plain table, then copies it with one INSERT … SELECT
 * into the customers of a fresh store (its indexes, search index and
 * tags, the last two filled in one statement each, as the import does),
 * with the store's connection settings; nothing is checked or matched,
 * and the same customer twice is two customers. For the generated file
 * only: the statement knows its columns. */
static double
time_sqlite3_into_store (const char *sqlite3_path,
                         const char *csv_path,
                         const char *db_path)
{
  static const char copy[] =
    "INSERT INTO customers (given_name, family_name, email, phone, interests, consent,"
    "  consent_at, note, first_came, created_at)"
    " SELECT \"First Name\", \"Last Name\", nullif (Email, ''), nullif (Phone, ''), Tags,"
    "  \"Accepts Email Marketing\" = 'yes',"
    "  CASE WHEN \"Accepts Email Marketing\" = 'yes' THEN unixepoch () END, Note, 'import',"
    "  unixepoch (\"Created At\")"
    " FROM plain";
  g_autofree char *import = g_strdup_printf (".import --csv '%s' plain", csv_path);
  const char *argv[] = {
    sqlite3_path, "-batch", db_path,
    "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = ON;",
    "PRAGMA cache_size = -131072;", import, "BEGIN IMMEDIATE;",
    atelier_schema_defer_tag_links, atelier_schema_defer_search, copy,
    atelier_schema_index_deferred_search, atelier_schema_link_deferred_tags, "COMMIT;", NULL
  };
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  remove_database (db_path);
  store = atelier_store_open (db_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_clear_object (&store);

  return time_command (argv, &output, NULL);
}

static gint64
count_rows (const char *db_path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 count = -1;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return count;
}

int
main (int argc, char **argv)
{
  int n_rows = 100000, runs = 3;
  gint64 seed = 1;
  g_autofree char *csv_path = NULL;
  g_autofree char *write_csv = NULL;
  g_autofree char *sqlite3_path = NULL;
  g_autofree char *child_csv = NULL;
  g_autofree char *child_db = NULL;
  gboolean open_only = FALSE;
  GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &n_rows, "Rows of the generated file (default 100000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each, the median is kept (default 3)", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, "Seed of the generated file (default 1)", "S" },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, "Import this file instead of generating one", "FILE" },
    { "write-csv", 0, 0, G_OPTION_ARG_FILENAME, &write_csv, "Also keep the generated file here", "FILE" },
    { "sqlite3", 0, 0, G_OPTION_ARG_FILENAME, &sqlite3_path, "The sqlite3 shell (default: from PATH)", "PATH" },
    { "run-import", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_csv, NULL, NULL },
    { "into", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &child_db, NULL, NULL },
    { "open-only", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &open_only, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *store_db = NULL;
  g_autofree char *plain_db = NULL;
  g_autofree char *floor_db = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *floor_out = NULL;
  g_auto(GStrv) outcome = NULL;
  g_autoptr(GArray) atelier_t = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sqlite3_t = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_t = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) atelier_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sqlite3_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_rss = g_array_new (FALSE, FALSE, sizeof (double));
  GStatBuf st;
  double a, s;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_rows < 1 || runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "bad arguments");
      return 2;
    }
  if (child_csv != NULL && child_db != NULL)
    return run_import (child_csv, child_db, open_only);

  if (sqlite3_path == NULL && (sqlite3_path = g_find_program_in_path ("sqlite3")) == NULL)
    {
      g_printerr ("No sqlite3 shell in PATH: install the sqlite3 package, or give --sqlite3.\n");
      return 2;
    }
  /* Started again, as a new process, for each of its imports. */
  self_path = strchr (argv[0], G_DIR_SEPARATOR) ? g_strdup (argv[0]) : g_find_program_in_path (argv[0]);

  dir = g_dir_make_tmp ("atelier-bench-import-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  store_db = g_build_filename (dir, "store.db", NULL);
  plain_db = g_build_filename (dir, "plain.db", NULL);
  floor_db = g_build_filename (dir, "floor.db", NULL);

  if (csv_path == NULL)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GString) csv = generate_csv (n_rows, seed);

      generated = g_build_filename (dir, "customers.csv", NULL);
      if (!g_file_set_contents (generated, csv->str, csv->len, &error) ||
          (write_csv != NULL && !g_file_set_contents (write_csv, csv->str, csv->len, &error)))
        g_error ("%s", error->message);
      csv_path = g_strdup (generated);
      g_print ("generated %d rows in %.1f s\n", n_rows, seconds_since (start));
    }
  if (g_stat (csv_path, &st) != 0)
    g_error ("cannot read %s", csv_path);

  /* Warm-up: the file and both programs in the page cache. */
  time_sqlite3 (sqlite3_path, csv_path, plain_db, NULL);
  time_atelier (self_path, csv_path, store_db, FALSE, &counts, NULL);

  for (int i = 0; i < runs; i++)
    {
      double t_atelier, t_sqlite3;
      gint64 rss_atelier = 0, rss_sqlite3 = 0, rss_open = 0;
      double mb;

      if (i % 2 == 0)
        {
          t_atelier = time_atelier (self_path, csv_path, store_db, FALSE, &counts, &rss_atelier);
          t_sqlite3 = time_sqlite3 (sqlite3_path, csv_path, plain_db, &rss_sqlite3);
        }
      else
        {
          t_sqlite3 = time_sqlite3 (sqlite3_path, csv_path, plain_db, &rss_sqlite3);
          t_atelier = time_atelier (self_path, csv_path, store_db, FALSE, &counts, &rss_atelier);
        }
      g_array_append_val (atelier_t, t_atelier);
      g_array_append_val (sqlite3_t, t_sqlite3);
      mb = rss_atelier / 1e6;
      g_array_append_val (atelier_rss, mb);
      mb = rss_sqlite3 / 1e6;
      g_array_append_val (sqlite3_rss, mb);
      g_print ("run %d: atelier %.3f s, sqlite3 .import %.3f s, ratio %.2fx", i + 1,
               t_atelier, t_sqlite3, t_atelier / t_sqlite3);
      if (generated != NULL)
        {
          double t_floor = time_sqlite3_into_store (sqlite3_path, csv_path, floor_db);

          g_array_append_val (floor_t, t_floor);
          g_print ("; sqlite3 into a store %.3f s", t_floor);
        }
      /* The floor of the memory: the same process, no import. */
      time_atelier (self_path, csv_path, floor_db, TRUE, &floor_out, &rss_open);
      mb = rss_open / 1e6;
      g_array_append_val (open_rss, mb);
      g_print ("; peak memory: atelier %.1f MB, sqlite3 %.1f MB\n", rss_atelier / 1e6, rss_sqlite3 / 1e6);
    }
  a = bench_median (atelier_t);
  s = bench_median (sqlite3_t);
  outcome = g_strsplit (g_strstrip (counts), " ", 3);
  g_print ("file: %s, %.1f MB\n", csv_path, st.st_size / 1e6);
  g_print ("atelier: %s created, %s updated, %s rejected; %" G_GINT64_FORMAT " customers in the store\n",
           outcome[0], outcome[1] ? outcome[1] : "?", outcome[1] && outcome[2] ? outcome[2] : "?",
           count_rows (store_db, "customers"));
  g_print ("sqlite3: %" G_GINT64_FORMAT " rows in the plain table\n", count_rows (plain_db, "customers"));
  g_print ("median of %d runs, each in a new process\n", runs);
  g_print ("atelier import (read, check, match, insert, index, commit):  %8.3f s\n", a);
  g_print ("sqlite3 shell .import into a plain table:                   %8.3f s\n", s);
  if (floor_t->len > 0)
    g_print ("sqlite3 shell .import, then one INSERT … SELECT into a store:  %8.3f s (%.2fx the plain .import)\n",
             bench_median (floor_t), bench_median (floor_t) / s);
  {
    double file_mb = st.st_size / 1e6;
    double peak = bench_median (atelier_rss), floor = bench_median (open_rss);

    g_print ("peak memory (resident set), median:\n");
    g_print ("  atelier import:                     %8.1f MB = %.2fx the file\n", peak, peak / file_mb);
    g_print ("  atelier, store opened, no import:   %8.1f MB (the process's floor)\n", floor);
    g_print ("  atelier import above that floor:    %8.1f MB = %.2fx the file (goal <= 3x: %s)\n",
             peak - floor, (peak - floor) / file_mb, (peak - floor) / file_mb <= 3 ? "met" : "not met");
    g_print ("  sqlite3 shell .import:              %8.1f MB = %.2fx the file\n",
             bench_median (sqlite3_rss), bench_median (sqlite3_rss) / file_mb);
  }
  g_print ("atelier / sqlite3: %.2fx (goal <= 1.5x: %s)\n", a / s, a / s <= 1.5 ? "met" : "not met");

  remove_database (store_db);
  remove_database (plain_db);
  remove_database (floor_db);
  if (generated != NULL)
    g_unlink (generated);
  g_rmdir (dir);
  return 0;
}
