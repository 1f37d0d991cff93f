/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-bench-report.c: every figure of the Reports view over five years
 *
 *   atelier-bench-report --generate PATH [--database FILE] [--runs N]
 *                        [--customers N] [--sessions N] [--registrations N]
 *
 * Times atelier_report_compute() over five years of a store made by
 * atelier-generate (made in a temporary folder unless --database names a
 * store that exists), against the same figures computed by plain SQL
 * written by hand, one query per figure, with SQLite's own date functions
 * for months, weekdays and hours ('localtime': run with
 * TZ=Europe/Paris, the generator's zone), on a connection of its own. Both
 * run warm, with the same 64 MB page cache, in alternating order; the
 * figures are medians of elapsed and of processor time. The program
 * checks that both give the same totals, prints times and the ratio, and
 * asserts nothing about speed.
 */
#define G_LOG_DOMAIN "atelier-bench-report"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>

#include "atelier-bench-util.h"
#include "atelier-report.h"

#define YEAR (G_GINT64_CONSTANT (365) * 86400)

/* The baseline: what someone would type in the sqlite3 shell. */
static const char *const baseline_sql[] = {
  /* fill rate, no-shows, revenue per workshop */
  "SELECT w.id, count (DISTINCT s.id), sum (s.capacity) / 1,"
  "  (SELECT coalesce (sum (r.party_size), 0) FROM registrations r JOIN sessions x ON x.id = r.session_id"
  "   WHERE x.workshop_id = w.id AND x.status = 'scheduled' AND x.starts_at >= ?1 AND x.starts_at < ?2"
  "     AND r.status = 'confirmed')"
  " FROM workshops w JOIN sessions s ON s.workshop_id = w.id"
  " WHERE s.status = 'scheduled' AND s.starts_at >= ?1 AND s.starts_at < ?2 GROUP BY w.id",
  "SELECT s.workshop_id,"
  "  sum (CASE WHEN r.status = 'confirmed' AND s.ends_at <= ?3 THEN r.party_size ELSE 0 END),"
  "  sum (CASE WHEN r.checked_in_at IS NOT NULL THEN coalesce (r.arrived, r.party_size) ELSE 0 END),"
  "  sum (CASE WHEN r.checked_in_at IS NOT NULL AND s.ends_at <= ?3"
  "       THEN coalesce (r.arrived, r.party_size) * w.price_cents ELSE 0 END),"
  "  sum (CASE WHEN r.status = 'waitlisted' THEN r.party_size ELSE 0 END)"
  " FROM sessions s JOIN registrations r ON r.session_id = s.id JOIN workshops w ON w.id = s.workshop_id"
  " WHERE s.status = 'scheduled' AND s.starts_at >= ?1 AND s.starts_at < ?2 GROUP BY s.workshop_id",
  /* full sessions */
  "SELECT count (*) FROM (SELECT s.id FROM sessions s JOIN registrations r ON r.session_id = s.id"
  "  WHERE s.status = 'scheduled' AND s.starts_at >= ?1 AND s.starts_at < ?2 AND r.status = 'confirmed'"
  "  GROUP BY s.id HAVING sum (r.party_size) >= max (s.capacity, 1))",
  /* per month, per weekday, per time of day */
  "SELECT strftime ('%Y-%m', s.starts_at, 'unixepoch', 'localtime') AS month, sum (s.capacity),"
  "  sum ((SELECT coalesce (sum (r.party_size), 0) FROM registrations r"
  "        WHERE r.session_id = s.id AND r.status = 'confirmed'))"
  " FROM sessions s WHERE s.status = 'scheduled' AND s.starts_at >= ?1 AND s.starts_at < ?2"
  " GROUP BY month",
  "SELECT strftime ('%w', s.starts_at, 'unixepoch', 'localtime') AS day,"
  "  CASE WHEN strftime ('%H', s.starts_at, 'unixepoch', 'localtime') < '12' THEN 0"
  "       WHEN strftime ('%H', s.starts_at, 'unixepoch', 'localtime') < '18' THEN 1 ELSE 2 END AS part,"
  "  sum (CASE WHEN r.status = 'confirmed' THEN r.party_size ELSE 0 END),"
  "  sum (CASE WHEN r.checked_in_at IS NOT NULL THEN coalesce (r.arrived, r.party_size) ELSE 0 END)"
  " FROM sessions s JOIN registrations r ON r.session_id = s.id"
  " WHERE s.status = 'scheduled' AND s.starts_at >= ?1 AND s.starts_at < ?2 AND s.ends_at <= ?3"
  " GROUP BY day, part",
  /* demand not served */
  "SELECT s.workshop_id, sum (r.party_size) FROM sessions s JOIN registrations r ON r.session_id = s.id"
  " WHERE s.status = 'scheduled' AND s.starts_at >= ?1 AND s.starts_at < ?2 AND r.status = 'waitlisted'"
  "   AND NOT EXISTS (SELECT 1 FROM registrations o JOIN sessions os ON os.id = o.session_id"
  "                   WHERE o.customer_id = r.customer_id AND os.workshop_id = s.workshop_id"
  "                     AND o.status = 'confirmed')"
  " GROUP BY s.workshop_id",
  /* returning customers */
  "WITH firsts AS (SELECT r.customer_id, min (s.starts_at) AS first_at FROM registrations r"
  "                JOIN sessions s ON s.id = r.session_id WHERE r.checked_in_at IS NOT NULL"
  "                GROUP BY r.customer_id),"
  " came AS (SELECT DISTINCT r.customer_id FROM registrations r JOIN sessions s ON s.id = r.session_id"
  "          WHERE s.starts_at >= ?1 AND s.starts_at < ?2 AND r.checked_in_at IS NOT NULL)"
  " SELECT sum (f.first_at >= ?1), sum (f.first_at < ?1),"
  "  sum (f.first_at >= ?1 AND EXISTS (SELECT 1 FROM registrations n JOIN sessions ns ON ns.id = n.session_id"
  "       WHERE n.customer_id = f.customer_id AND n.checked_in_at IS NOT NULL"
  "         AND ns.starts_at > f.first_at AND ns.starts_at <= f.first_at + 90 * 86400))"
  " FROM came c JOIN firsts f ON f.customer_id = c.customer_id",
  /* interests against the schedule */
  "SELECT t.name, (SELECT count (*) FROM customer_tags ct WHERE ct.tag_id = t.id),"
  "  (SELECT count (*) FROM sessions s JOIN workshops w ON w.id = s.workshop_id"
  "   WHERE w.category = t.name AND s.status = 'scheduled' AND s.starts_at >= ?1 AND s.starts_at < ?2)"
  " FROM tags t",
};

typedef struct
{
  gint64 seats_taken;
  gint64 first_timers;
} Totals;

/* Milliseconds of processor time: what a loaded machine does not inflate. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static double
run_baseline (sqlite3 *db,
              gint64   from,
              gint64   to,
              gint64   now,
              Totals  *totals,
              double  *cpu)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();

  memset (totals, 0, sizeof *totals);
  for (guint i = 0; i < G_N_ELEMENTS (baseline_sql); i++)
    {
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (db, baseline_sql[i], -1, &stmt, NULL) != SQLITE_OK)
        g_error ("Baseline query %u: %s", i, sqlite3_errmsg (db));
      sqlite3_bind_int64 (stmt, 1, from);
      sqlite3_bind_int64 (stmt, 2, to);
      if (sqlite3_bind_parameter_count (stmt) >= 3)
        sqlite3_bind_int64 (stmt, 3, now);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (i == 0)
            totals->seats_taken += sqlite3_column_int64 (stmt, 3);
          else if (i == 6)
            totals->first_timers = sqlite3_column_int64 (stmt, 0);
        }
      sqlite3_finalize (stmt);
    }
  *cpu = cpu_ms () - cpu_start;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
run_atelier (AtelierStore *store,
             gint64        from,
             gint64        to,
             gint64        now,
             Totals       *totals,
             double       *cpu)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  g_autoptr(AtelierReport) report = atelier_report_compute (store, from, to, now, &error);
  double elapsed = (g_get_monotonic_time () - start) / 1000.0;

  *cpu = cpu_ms () - cpu_start;
  if (report == NULL)
    g_error ("The report failed: %s", error->message);
  totals->seats_taken = report->total.seats_taken;
  totals->first_timers = report->returning.first_timers;
  return elapsed;
}

static void
generate (const char *generator,
          const char *path,
          int         customers,
          int         sessions,
          int         registrations)
{
  g_autofree char *c = g_strdup_printf ("%d", customers);
  g_autofree char *s = g_strdup_printf ("%d", sessions);
  g_autofree char *r = g_strdup_printf ("%d", registrations);
  const char *argv[] = { generator, "--database", path, "--customers", c, "--sessions", s,
                         "--registrations", r, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_print ("Generating %s customers, %s sessions, %s registrations…\n", c, s, r);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("The generator failed: %s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *generator = NULL;
  g_autofree char *database = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ours_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) theirs_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  double cpu;
  int runs = 7;
  int customers = 100000;
  int sessions = 5000;
  int registrations = 300000;
  sqlite3 *db = NULL;
  gint64 now;
  gint64 from;
  gint64 to;
  Totals a;
  Totals b;
  GOptionEntry entries[] = {
    { "generate", 0, 0, G_OPTION_ARG_FILENAME, &generator, "atelier-generate", "PATH" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "A store (generated if missing)", "FILE" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Timed runs of each", "N" },
    { "customers", 0, 0, G_OPTION_ARG_INT, &customers, "Customers to generate", "N" },
    { "sessions", 0, 0, G_OPTION_ARG_INT, &sessions, "Sessions to generate", "N" },
    { "registrations", 0, 0, G_OPTION_ARG_INT, &registrations, "Registrations to generate", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* Line by line, also into a file. */
  setvbuf (stdout, NULL, _IOLBF, 0);
  context = g_option_context_new ("— the Reports view's figures against plain SQL");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);

  if (database == NULL)
    {
      dir = g_dir_make_tmp ("atelier-bench-report-XXXXXX", &error);
      g_assert_no_error (error);
      database = g_build_filename (dir, "store.db", NULL);
    }
  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      if (generator == NULL)
        g_error ("No store at %s, and no --generate to make one", database);
      generate (generator, database, customers, sessions, registrations);
    }

  store = atelier_store_open (database, &error);
  g_assert_no_error (error);
  if (sqlite3_open_v2 (database, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("Cannot open %s", database);
  /* The same cache as the report gives itself (64 MB): the comparison is
   * of the queries, not of the settings. */
  sqlite3_exec (db, "PRAGMA cache_size = -65536", NULL, NULL, NULL);

  /* Five years: the generator's two years back and one ahead, and more. */
  now = g_get_real_time () / G_USEC_PER_SEC;
  from = now - 4 * YEAR;
  to = now + YEAR;

  /* Warm both up, and check they agree. */
  run_atelier (store, from, to, now, &a, &cpu);
  run_baseline (db, from, to, now, &b, &cpu);
  g_print ("Seats taken: atelier %" G_GINT64_FORMAT ", SQL %" G_GINT64_FORMAT
           "; first-timers: atelier %" G_GINT64_FORMAT ", SQL %" G_GINT64_FORMAT "\n",
           a.seats_taken, b.seats_taken, a.first_timers, b.first_timers);
  if (a.seats_taken != b.seats_taken || a.first_timers != b.first_timers)
    g_error ("Atelier and the plain SQL disagree");

  for (int i = 0; i < runs; i++)
    for (int turn = 0; turn < 2; turn++)
      {
        double t;

        /* Alternating which goes first. */
        if ((i + turn) % 2 == 0)
          {
            t = run_atelier (store, from, to, now, &a, &cpu);
            g_array_append_val (ours, t);
            g_array_append_val (ours_cpu, cpu);
          }
        else
          {
            t = run_baseline (db, from, to, now, &b, &cpu);
            g_array_append_val (theirs, t);
            g_array_append_val (theirs_cpu, cpu);
          }
      }

  {
    double mine = bench_median (ours);
    double base = bench_median (theirs);
    double mine_cpu = bench_median (ours_cpu);
    double base_cpu = bench_median (theirs_cpu);

    g_print ("Every figure of the Reports view, five years, median of %d runs:\n", runs);
    g_print ("                          elapsed    processor\n");
    g_print ("  atelier_report_compute  %8.1f ms  %8.1f ms  (goal: <= 100 ms)\n", mine, mine_cpu);
    g_print ("  plain SQL (baseline)    %8.1f ms  %8.1f ms\n", base, base_cpu);
    g_print ("  ratio                   %8.2f x   %8.2f x   (goal: <= 1.5)\n",
             base > 0 ? mine / base : 0, base_cpu > 0 ? mine_cpu / base_cpu : 0);
  }

  sqlite3_close (db);
  g_clear_object (&store);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (database, "-wal", NULL);
      g_autofree char *shm = g_strconcat (database, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (database);
      g_rmdir (dir);
    }
  return 0;
}
