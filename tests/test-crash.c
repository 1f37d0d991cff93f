/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-crash.c: atelier-cli killed (SIGKILL) at random moments
 *
 * During imports and during sign-ups racing for the same seats, the CLI
 * is killed at a random moment of its run, again and again. After each
 * kill the store must pass SQLite's integrity check, an import must be
 * all or nothing, and the seat rule must hold: confirmed parties never
 * more than the capacity, the waiting list numbered 1, 2, 3…, nobody
 * signed up twice, no customer left without the sign-up that made them.
 *
 * ATELIER_CRASH_ROUNDS sets the number of rounds of each (24 unless
 * given); the kill moments are drawn from the time a whole run takes on
 * this machine, measured first, so that kills land all along the run.
 */
#define G_LOG_DOMAIN "test-crash"

#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include "atelier-booking.h"
#include "test-util.h"

#define IMPORT_ROWS 1500

static guint
n_rounds (void)
{
  const char *text = g_getenv ("ATELIER_CRASH_ROUNDS");
  guint64 rounds = text ? g_ascii_strtoull (text, NULL, 10) : 0;

  return rounds > 0 ? (guint) MIN (rounds, 100000) : 24;
}

static GPid
spawn_cli (const char *database,
           ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ATELIER_CLI");
  const char *arg;
  va_list args;
  GPid pid = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, (char *) database);
  va_start (args, database);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_async (NULL, (char **) argv->pdata, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

/* Returns: whether @pid ended by itself, with status 0 */
static gboolean
reap (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static void
kill_and_reap (GPid pid)
{
  kill (pid, SIGKILL);
  reap (pid);
}

static void
assert_integrity (TestStore *f)
{
  g_assert_cmpstr (test_query_text (f->store, "PRAGMA integrity_check"), ==, "ok");
  g_assert_cmpstr (test_query_text (f->store, "PRAGMA foreign_key_check"), ==, "");
}

static char *
write_import_file (TestStore *f,
                   guint      round)
{
  g_autofree char *name = g_strdup_printf ("round-%u.csv", round);
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GString) csv = g_string_new ("First name,Last name,Email,Phone,Interests\n");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < IMPORT_ROWS; i++)
    g_string_append_printf (csv, "Given%u,Family%u,r%u-%u@example.org,06 %02u %02u %02u %02u,"
                            "\"cuisine, vin%u\"\n",
                            i, round, round, i, round % 100, i / 100 % 100, i % 100, round % 7, i % 5);
  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_round (TestStore *f,
             guint      round)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count (*) FROM customers WHERE email LIKE 'r%u-%%@example.org'", round);

  return (guint) g_ascii_strtoull (test_query_text (f->store, sql), NULL, 10);
}

/* A kill at a random moment of an import leaves all of its customers or
 * none, in a sound file. */
static void
test_crash_import (TestStore *f, gconstpointer data)
{
  guint rounds = n_rounds ();
  guint completed = 0;
  gint64 full;

  /* The length of a whole run: where the kills are drawn from. */
  {
    g_autofree char *path = write_import_file (f, 0);
    gint64 started = g_get_monotonic_time ();

    g_assert_true (reap (spawn_cli (f->path, "import-customers", path, NULL)));
    full = g_get_monotonic_time () - started;
    g_assert_cmpuint (count_round (f, 0), ==, IMPORT_ROWS);
  }

  for (guint round = 1; round <= rounds; round++)
    {
      g_autofree char *path = write_import_file (f, round);
      GPid pid = spawn_cli (f->path, "import-customers", path, NULL);
      guint n;

      g_usleep (g_random_int_range (0, (gint32) MIN (full * 6 / 5, G_MAXINT32 - 1) + 1));
      kill_and_reap (pid);

      assert_integrity (f);
      n = count_round (f, round);
      if (n != 0 && n != IMPORT_ROWS)
        g_error ("Round %u: %u of %u customers imported, not all or nothing", round, n, IMPORT_ROWS);
      completed += n == IMPORT_ROWS;
    }

  g_test_message ("%u rounds, %u imports done before their kill, a whole run %.0f ms",
                  rounds, completed, full / 1000.0);
  g_assert_cmpuint (count_round (f, 0), ==, IMPORT_ROWS);
}

static gint64
add_session (TestStore *f,
             int        capacity)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, 30);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = NULL;

  g_object_set (workshop, "capacity", capacity, NULL);
  g_assert_true (atelier_store_add_workshop (f->store, workshop, NULL));
  session = atelier_session_new (atelier_workshop_get_id (workshop), starts, ends, "Europe/Paris");
  g_object_set (session, "capacity", capacity, NULL);
  g_assert_true (atelier_store_add_session (f->store, session, NULL));
  return atelier_session_get_id (session);
}

static void
assert_seat_rule (TestStore *f,
                  gint64     session_id,
                  int        capacity)
{
  g_autofree char *seats =
    g_strdup_printf ("SELECT coalesce (sum (party_size), 0) FROM registrations"
                     " WHERE session_id = %" G_GINT64_FORMAT " AND status = 'confirmed'", session_id);
  g_autofree char *gaps =
    g_strdup_printf ("SELECT count (*) = coalesce (max (waitlist_position), 0)"
                     "   AND count (DISTINCT waitlist_position) = count (*)"
                     " FROM registrations WHERE session_id = %" G_GINT64_FORMAT
                     " AND status = 'waitlisted'", session_id);

  g_assert_cmpint (atoi (test_query_text (f->store, seats)), <=, capacity);
  g_assert_cmpstr (test_query_text (f->store, gaps), ==, "1");
  g_assert_cmpstr (test_query_text (f->store,
                                    "SELECT count (*) FROM customers c WHERE NOT EXISTS"
                                    " (SELECT 1 FROM registrations r WHERE r.customer_id = c.id)"),
                   ==, "0");
}

/* Sign-ups racing for the same seats, killed at random moments: the
 * seat rule holds after every kill. */
static void
test_crash_signups (TestStore *f, gconstpointer data)
{
  enum { CAPACITY = 10, RACERS = 4 };
  gint64 session_id = add_session (f, CAPACITY);
  g_autofree char *session = g_strdup_printf ("%" G_GINT64_FORMAT, session_id);
  guint rounds = n_rounds ();
  gint64 full;

  g_clear_object (&f->store);
  {
    gint64 started = g_get_monotonic_time ();

    g_assert_true (reap (spawn_cli (f->path, "signup", session, "--name", "First Person",
                                    "--email", "first@example.org", NULL)));
    full = g_get_monotonic_time () - started;
  }
  f->store = atelier_store_open (f->path, NULL);
  g_assert_nonnull (f->store);

  for (guint round = 0; round < rounds; round++)
    {
      GPid pids[RACERS];

      for (guint i = 0; i < RACERS; i++)
        {
          g_autofree char *name = g_strdup_printf ("Racer R%uP%u", round, i);
          g_autofree char *email = g_strdup_printf ("racer-%u-%u@example.org", round, i);
          g_autofree char *party = g_strdup_printf ("%u", 1 + (round + i) % 3);

          pids[i] = spawn_cli (f->path, "signup", session, "--name", name, "--email", email,
                               "--party", party, NULL);
        }
      g_usleep (g_random_int_range (0, (gint32) MIN (full * 3 / 2, G_MAXINT32 - 1) + 1));
      for (guint i = 0; i < RACERS; i++)
        {
          /* Every other racer is left to finish, so that the session fills. */
          if (i % 2 == 0)
            kill_and_reap (pids[i]);
          else
            reap (pids[i]);
        }

      assert_integrity (f);
      assert_seat_rule (f, session_id, CAPACITY);
    }

  g_test_message ("%u rounds of %d racers, a whole sign-up %.0f ms; %s registrations",
                  rounds, RACERS, full / 1000.0,
                  test_query_text (f->store, "SELECT count (*) FROM registrations"));
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

  g_test_add ("/atelier/crash/import", TestStore, NULL, test_store_setup,
              test_crash_import, test_store_teardown);
  g_test_add ("/atelier/crash/signups", TestStore, NULL, test_store_setup,
              test_crash_signups, test_store_teardown);

  return g_test_run ();
}
