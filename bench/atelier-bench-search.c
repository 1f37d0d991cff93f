/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-bench-search.c: customer search at the door, keystroke by keystroke
 *
 *   atelier-bench-search --database FILE [--prefixes N] [--seed S]
 *                        [--no-like] [--slowest N] [--cpu-time]
 *
 * Picks N search terms from the store's own customers (family and given
 * names, as stored, in lowercase or typed without their accents, e-mail
 * starts, phone digits) and types each one a character at a time: every
 * prefix is one query. Each keystroke runs the real search
 * (atelier_search_customers(), FTS5) and, as the baseline measured in the
 * same run, the same search as a LIKE '%…%' scan on a second, read-only
 * connection. Prints the latencies and their ratio; it reports, it does
 * not judge: the exit status is 0 whatever the figures. For quick
 * comparisons, --no-like leaves the scan out, --cpu-time counts the
 * thread's CPU time (which other programs on a busy machine inflate less
 * than wall-clock time) and --slowest lists the slowest keystrokes.
 */
#define G_LOG_DOMAIN "atelier-bench-search"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include <sqlite3.h>

#include "atelier-db-sqlite.h"
#include "atelier-search.h"
#include "atelier-store-private.h"

#define RESULT_LIMIT 20
#define MAX_TERM_CHARS 20
#define WARM_UP_TERMS 30
#define GOAL_P99_MS 1.0
#define GOAL_RATIO 20.0

static const char like_sql[] =
  "SELECT * FROM customers"
  " WHERE erased_at IS NULL"
  "   AND (given_name LIKE ?1 ESCAPE '\\' OR family_name LIKE ?1 ESCAPE '\\'"
  "        OR email LIKE ?1 ESCAPE '\\' OR phone LIKE ?1 ESCAPE '\\')"
  " ORDER BY family_name, given_name"
  " LIMIT ?2";

typedef enum
{
  TERM_FAMILY,
  TERM_FAMILY_LOWER,
  TERM_FAMILY_FOLDED,
  TERM_GIVEN,
  TERM_GIVEN_LOWER,
  TERM_GIVEN_FOLDED,
  TERM_FULL_NAME,
  TERM_EMAIL,
  TERM_PHONE,
} TermKind;

/* Out of 100: what people at the door type. */
static const struct { TermKind kind; int share; } term_mix[] = {
  { TERM_FAMILY, 20 }, { TERM_FAMILY_LOWER, 10 }, { TERM_FAMILY_FOLDED, 10 },
  { TERM_GIVEN, 10 }, { TERM_GIVEN_LOWER, 5 }, { TERM_GIVEN_FOLDED, 5 },
  { TERM_FULL_NAME, 10 }, { TERM_EMAIL, 15 }, { TERM_PHONE, 15 },
};

typedef struct
{
  char *given_name;
  char *family_name;
  char *email;
  char *phone;
} PickedCustomer;

/* One keystroke: what the search field holds, and how many characters. */
typedef struct
{
  char  *text;
  guint  n_chars;
} Keystroke;

typedef struct
{
  gint64 *fts_ns;
  gint64 *like_ns;
  guint   n;
  guint   fts_found;
  guint   like_found;
} Timings;

static char *database_path = NULL;
static int n_prefixes = 1000;
static gint64 seed = 1;
static int cache_mb = 0;
static gboolean no_like = FALSE;
static int n_slowest = 0;
static gboolean cpu_clock = FALSE;

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
    "A store made by atelier-generate", "FILE" },
  { "prefixes", 'n', 0, G_OPTION_ARG_INT, &n_prefixes,
    "Number of search terms, each typed a keystroke at a time (default 1000)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
    "Seed of the choice of terms (default 1)", "S" },
  { "cache-mb", 0, 0, G_OPTION_ARG_INT, &cache_mb,
    "Page cache of both connections, in MB (default: as the store opens it)", "N" },
  { "no-like", 0, 0, G_OPTION_ARG_NONE, &no_like,
    "Time the FTS5 search alone, for quick comparisons (no ratio)", NULL },
  { "slowest", 0, 0, G_OPTION_ARG_INT, &n_slowest,
    "List the N slowest FTS5 keystrokes, each timed again", "N" },
  { "cpu-time", 0, 0, G_OPTION_ARG_NONE, &cpu_clock,
    "Time in CPU time of the thread rather than wall-clock time, which a busy machine inflates", NULL },
  { NULL }
};

static gint64
now_ns (void)
{
  struct timespec ts;

  clock_gettime (cpu_clock ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &ts);
  return (gint64) ts.tv_sec * G_GINT64_CONSTANT (1000000000) + ts.tv_nsec;
}

static void
keystroke_clear (gpointer data)
{
  g_free (((Keystroke *) data)->text);
}

static void
picked_customer_clear (PickedCustomer *customer)
{
  g_clear_pointer (&customer->given_name, g_free);
  g_clear_pointer (&customer->family_name, g_free);
  g_clear_pointer (&customer->email, g_free);
  g_clear_pointer (&customer->phone, g_free);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* A random customer still in the book, with a name. */
static gboolean
pick_customer (sqlite3        *db,
               GRand          *rand,
               gint64          max_id,
               PickedCustomer *out)
{
  static const char sql[] =
    "SELECT given_name, family_name, email, phone FROM customers"
    " WHERE id >= ?1 AND erased_at IS NULL AND family_name <> '' ORDER BY id LIMIT 1";
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, g_rand_int_range (rand, 1, (gint32) max_id + 1));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      out->given_name = column_dup (stmt, 0);
      out->family_name = column_dup (stmt, 1);
      out->email = column_dup (stmt, 2);
      out->phone = column_dup (stmt, 3);
      found = TRUE;
    }
  sqlite3_finalize (stmt);

  return found;
}

/* What someone types who does not bother with accents: "zoe" for "Zoé".
 * Names in scripts that do not fold to ASCII are typed as they are. */
static char *
fold (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");

  if (strchr (ascii, '?') != NULL)
    return g_utf8_strdown (name, -1);
  return g_ascii_strdown (ascii, -1);
}

/* The digits as dialled at home: "+33 6 12 34 56 78" is typed 0612345678. */
static char *
phone_digits (const char *phone)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = phone; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  if (phone[0] == '+' && g_str_has_prefix (digits->str, "33"))
    g_string_overwrite_len (g_string_erase (digits, 0, 1), 0, "0", 1);
  if (digits->len > 10)
    g_string_truncate (digits, 10);

  return g_string_free (digits, FALSE);
}

/* The start of the address, up to a random point of its local part. */
static char *
email_start (const char *email,
             GRand      *rand)
{
  const char *at = strchr (email, '@');
  int local = at != NULL ? at - email : (int) strlen (email);

  return g_strndup (email, g_rand_int_range (rand, MIN (3, local), local + 1));
}

static TermKind
pick_kind (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  for (guint i = 0; i < G_N_ELEMENTS (term_mix); i++)
    {
      if (roll < term_mix[i].share)
        return term_mix[i].kind;
      roll -= term_mix[i].share;
    }

  return TERM_FAMILY;
}

static char *
make_term (const PickedCustomer *customer,
           TermKind              kind,
           GRand                *rand)
{
  const char *given = customer->given_name ? customer->given_name : customer->family_name;

  switch (kind)
    {
    case TERM_FAMILY_LOWER:
      return g_utf8_strdown (customer->family_name, -1);
    case TERM_FAMILY_FOLDED:
      return fold (customer->family_name);
    case TERM_GIVEN:
      return g_strdup (given);
    case TERM_GIVEN_LOWER:
      return g_utf8_strdown (given, -1);
    case TERM_GIVEN_FOLDED:
      return fold (given);
    case TERM_FULL_NAME:
      return g_strjoin (" ", given, customer->family_name, NULL);
    case TERM_EMAIL:
      if (customer->email != NULL)
        return email_start (customer->email, rand);
      break;
    case TERM_PHONE:
      if (customer->phone != NULL)
        return phone_digits (customer->phone);
      break;
    case TERM_FAMILY:
    default:
      break;
    }

  return g_strdup (customer->family_name);
}

/* "mull" gives "m", "mu", "mul", "mull". */
static void
add_keystrokes (GArray     *keystrokes,
                const char *term)
{
  guint n_chars = 0;

  for (const char *p = term; *p != '\0' && n_chars < MAX_TERM_CHARS; )
    {
      Keystroke keystroke;

      p = g_utf8_next_char (p);
      keystroke.text = g_strndup (term, p - term);
      keystroke.n_chars = ++n_chars;
      g_array_append_val (keystrokes, keystroke);
    }
}

static gint64
max_customer_id (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 max_id = 0;

  if (sqlite3_prepare_v2 (db, "SELECT max (id) FROM customers", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    max_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return max_id;
}

static GArray *
make_keystrokes (sqlite3  *db,
                 GRand    *rand,
                 guint     n_terms,
                 GError  **error)
{
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (Keystroke));
  gint64 max_id = max_customer_id (db);

  g_array_set_clear_func (keystrokes, keystroke_clear);
  if (max_id <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s has no customers to search for", database_path);
      return NULL;
    }

  for (guint found = 0, tries = 0; found < n_terms && tries < 100 * n_terms; tries++)
    {
      PickedCustomer customer = { 0 };
      g_autofree char *term = NULL;

      if (!pick_customer (db, rand, max_id, &customer))
        continue;
      term = make_term (&customer, pick_kind (rand), rand);
      add_keystrokes (keystrokes, g_strstrip (term));
      picked_customer_clear (&customer);
      found++;
    }

  return g_steal_pointer (&keystrokes);
}

static char *
like_pattern (const char *text)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

/* Times one search through the real code path, objects and all. */
static gint64
time_fts (AtelierStore *store,
          const char   *text,
          guint        *n_found)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) found = NULL;
  gint64 start = now_ns ();
  gint64 elapsed;

  found = atelier_search_customers (store, text, 0, RESULT_LIMIT, &error);
  elapsed = now_ns () - start;

  if (found == NULL)
    g_warning ("Search for “%s” failed: %s", text, error->message);
  *n_found = found != NULL ? g_list_model_get_n_items (found) : 0;

  return elapsed;
}

/* Times the baseline: every row stepped and every column read. */
static gint64
time_like (sqlite3_stmt *stmt,
           const char   *text,
           guint        *n_found)
{
  g_autofree char *pattern = NULL;
  gint64 start, elapsed;
  guint n = 0;
  int rc;

  *n_found = 0;
  if (no_like)
    return 0;

  pattern = like_pattern (text);
  start = now_ns ();

  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, RESULT_LIMIT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        sqlite3_column_text (stmt, i);
      n++;
    }
  sqlite3_reset (stmt);
  elapsed = now_ns () - start;

  if (rc != SQLITE_DONE)
    g_warning ("Scan for “%s” failed: %s", text, sqlite3_errstr (rc));
  *n_found = n;

  return elapsed;
}

/* Both searches for each keystroke, in alternating order so that neither
 * always runs on the other's warm cache. */
static void
run_keystrokes (AtelierStore *store,
                sqlite3_stmt *like,
                GArray       *keystrokes,
                guint         first,
                guint         last,
                Timings      *timings)
{
  for (guint i = first; i < last; i++)
    {
      const Keystroke *keystroke = &g_array_index (keystrokes, Keystroke, i);
      guint fts_found, like_found;
      gint64 fts, scan;

      if (i % 2 == 0)
        {
          fts = time_fts (store, keystroke->text, &fts_found);
          scan = time_like (like, keystroke->text, &like_found);
        }
      else
        {
          scan = time_like (like, keystroke->text, &like_found);
          fts = time_fts (store, keystroke->text, &fts_found);
        }

      if (timings == NULL)
        continue;
      timings->fts_ns[i] = fts;
      timings->like_ns[i] = scan;
      timings->fts_found += fts_found > 0;
      timings->like_found += like_found > 0;
    }
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  double p50;
  double p99;
  double max;
  double mean;
} Summary;

/* Nearest-rank percentiles, in milliseconds, of the keystrokes whose
 * length is within [min_chars, max_chars]. */
static guint
summarize (const gint64 *ns,
           GArray       *keystrokes,
           guint         min_chars,
           guint         max_chars,
           Summary      *out)
{
  g_autofree gint64 *sorted = g_new (gint64, keystrokes->len);
  double total = 0;
  guint n = 0;

  for (guint i = 0; i < keystrokes->len; i++)
    {
      guint n_chars = g_array_index (keystrokes, Keystroke, i).n_chars;

      if (n_chars >= min_chars && n_chars <= max_chars)
        {
          sorted[n++] = ns[i];
          total += ns[i];
        }
    }
  if (n == 0)
    return 0;

  qsort (sorted, n, sizeof (gint64), compare_gint64);
  out->p50 = sorted[(n * 50 + 99) / 100 - 1] / 1e6;
  out->p99 = sorted[(n * 99 + 99) / 100 - 1] / 1e6;
  out->max = sorted[n - 1] / 1e6;
  out->mean = total / n / 1e6;

  return n;
}

static void
print_by_length (const Timings *timings,
                 GArray        *keystrokes)
{
  static const struct { guint min; guint max; const char *label; } groups[] = {
    { 1, 1, "1 char   " }, { 2, 2, "2 chars  " }, { 3, 3, "3 chars  " },
    { 4, 6, "4-6 chars" }, { 7, G_MAXUINT, "7+ chars " },
  };

  g_print ("by length typed          fts5 p50 / p99%s\n",
           no_like ? "" : "        like p50 / p99");
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      Summary fts, like;
      guint n = summarize (timings->fts_ns, keystrokes, groups[i].min, groups[i].max, &fts);

      if (n == 0)
        continue;
      g_print ("  %s %6u   %7.3f / %7.3f ms", groups[i].label, n, fts.p50, fts.p99);
      if (!no_like)
        {
          summarize (timings->like_ns, keystrokes, groups[i].min, groups[i].max, &like);
          g_print ("   %7.3f / %7.3f ms", like.p50, like.p99);
        }
      g_print ("\n");
    }
}

static void
print_report (const Timings *timings,
              GArray        *keystrokes)
{
  Summary fts, like;
  double ratio_p50, ratio_p99;
  gboolean met;

  summarize (timings->fts_ns, keystrokes, 0, G_MAXUINT, &fts);
  summarize (timings->like_ns, keystrokes, 0, G_MAXUINT, &like);
  ratio_p50 = like.p50 / MAX (fts.p50, 1e-6);
  ratio_p99 = like.p99 / MAX (fts.p99, 1e-6);
  met = fts.p99 <= GOAL_P99_MS && ratio_p99 >= GOAL_RATIO;

  g_print ("queries: %u (limit %d)\n", timings->n, RESULT_LIMIT);
  g_print ("fts5: p50 %.3f ms  p99 %.3f ms  max %.3f ms  mean %.3f ms\n",
           fts.p50, fts.p99, fts.max, fts.mean);
  if (!no_like)
    {
      g_print ("like: p50 %.3f ms  p99 %.3f ms  max %.3f ms  mean %.3f ms\n",
               like.p50, like.p99, like.max, like.mean);
      g_print ("ratio (like/fts5): p50 %.0f×  p99 %.0f×\n", ratio_p50, ratio_p99);
    }
  g_print ("found at least one customer: fts5 %.0f%% of queries",
           100.0 * timings->fts_found / MAX (timings->n, 1));
  if (!no_like)
    g_print (", like %.0f%%", 100.0 * timings->like_found / MAX (timings->n, 1));
  g_print ("\n");
  print_by_length (timings, keystrokes);
  if (no_like)
    g_print ("goal p99 <= %g ms: %s (without the scan: no ratio)\n", GOAL_P99_MS,
             fts.p99 <= GOAL_P99_MS ? "met" : "not met");
  else
    g_print ("goal p99 <= %g ms and >= %gx: %s\n", GOAL_P99_MS, GOAL_RATIO,
             met ? "met" : "not met");
}

/* The slowest keystrokes, each searched again at once: a second time
 * much faster than the first points at pages read from the file rather
 * than at the query itself. */
static void
print_slowest (AtelierStore  *store,
               const Timings *timings,
               GArray        *keystrokes)
{
  g_autofree guint *order = g_new (guint, keystrokes->len);
  guint n = MIN ((guint) n_slowest, keystrokes->len);

  for (guint i = 0; i < keystrokes->len; i++)
    order[i] = i;
  /* A partial selection sort: n is small. */
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < keystrokes->len; j++)
      if (timings->fts_ns[order[j]] > timings->fts_ns[order[i]])
        {
          guint swap = order[i];

          order[i] = order[j];
          order[j] = swap;
        }

  g_print ("slowest fts5 keystrokes (ms: measured, again, found)\n");
  for (guint i = 0; i < n; i++)
    {
      const Keystroke *keystroke = &g_array_index (keystrokes, Keystroke, order[i]);
      guint found;
      gint64 again = time_fts (store, keystroke->text, &found);

      g_print ("  %7.3f %7.3f %3u  “%s”\n", timings->fts_ns[order[i]] / 1e6,
               again / 1e6, found, keystroke->text);
    }
}

static int
read_cache_size (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int size = -2000;

  if (sqlite3_prepare_v2 (db, "PRAGMA cache_size", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return size;
}

/* Both connections get the same page cache: the store's own, unless
 * --cache-mb asks for another one (to try a setting before the core
 * adopts it). */
static gboolean
set_cache_sizes (AtelierStore  *store,
                 sqlite3       *db,
                 GError       **error)
{
  int size = cache_mb > 0 ? -1024 * cache_mb : read_cache_size (atelier_db_sqlite_get_handle (atelier_store_get_db (store)));
  g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %d", size);

  if (sqlite3_exec (db, pragma, NULL, NULL, NULL) != SQLITE_OK ||
      (cache_mb > 0 && !atelier_store_exec (store, pragma, error)))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }

  g_print ("page cache of both connections: %d KiB\n", size < 0 ? -size : size * 4);
  return TRUE;
}

static sqlite3 *
open_read_only (GError **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (database_path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not open %s: %s",
                   database_path, db ? sqlite3_errmsg (db) : "out of memory");
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

static guint
count_terms (GArray *keystrokes)
{
  guint n = 0;

  for (guint i = 0; i < keystrokes->len; i++)
    n += g_array_index (keystrokes, Keystroke, i).n_chars == 1;

  return n;
}

/* The end of the first @n_terms terms. */
static guint
terms_end (GArray *keystrokes,
           guint   n_terms)
{
  guint seen = 0;

  for (guint i = 0; i < keystrokes->len; i++)
    if (g_array_index (keystrokes, Keystroke, i).n_chars == 1 && seen++ == n_terms)
      return i;

  return keystrokes->len;
}

static gboolean
bench (AtelierStore  *store,
       sqlite3       *db,
       GError       **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) seed);
  g_autoptr(GArray) keystrokes = NULL;
  g_autofree gint64 *fts_ns = NULL;
  g_autofree gint64 *like_ns = NULL;
  Timings timings = { 0 };
  sqlite3_stmt *like = NULL;

  if ((keystrokes = make_keystrokes (db, rand, n_prefixes, error)) == NULL)
    return FALSE;
  if (sqlite3_prepare_v3 (db, like_sql, -1, SQLITE_PREPARE_PERSISTENT, &like, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not prepare the scan: %s",
                   sqlite3_errmsg (db));
      return FALSE;
    }

  g_print ("%s: %u terms typed one keystroke at a time (seed %" G_GINT64_FORMAT ")\n",
           database_path, count_terms (keystrokes), seed);

  /* Warm up: statements prepared, pages in the cache, on both sides. */
  run_keystrokes (store, like, keystrokes, 0, terms_end (keystrokes, WARM_UP_TERMS), NULL);

  timings.n = keystrokes->len;
  timings.fts_ns = fts_ns = g_new0 (gint64, keystrokes->len);
  timings.like_ns = like_ns = g_new0 (gint64, keystrokes->len);
  run_keystrokes (store, like, keystrokes, 0, keystrokes->len, &timings);
  sqlite3_finalize (like);

  print_report (&timings, keystrokes);
  if (n_slowest > 0)
    print_slowest (store, &timings, keystrokes);
  return TRUE;
}

static gboolean
run (GError **error)
{
  g_autoptr(AtelierStore) store = NULL;
  sqlite3 *db;
  gboolean ok;

  if (database_path == NULL || n_prefixes < 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           "--database FILE is required, and --prefixes must be at least 1");
      return FALSE;
    }
  if (!g_file_test (database_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s does not exist; make one with atelier-generate", database_path);
      return FALSE;
    }

  if ((store = atelier_store_open (database_path, error)) == NULL ||
      (db = open_read_only (error)) == NULL)
    return FALSE;

  ok = set_cache_sizes (store, db, error) && bench (store, db, error);
  sqlite3_close (db);

  return ok;
}

/* Exits 0 whatever the figures: speed is reported, not asserted. Only a
 * store that cannot be read is a failure. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the customer search");
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, option_entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error) || !run (&error))
    {
      g_printerr ("atelier-bench-search: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
