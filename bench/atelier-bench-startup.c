/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-bench-startup.c: Atelier's start-up against a bare libadwaita window
 *
 *   atelier-bench-startup --atelier PATH --bare PATH --database FILE
 *                         [--runs N] [--renderer cairo,gl]
 *
 * For each renderer, runs the bare window (bench/bare-window.c) and
 * `atelier --database FILE` one after the other, N times each, with
 * ATELIER_EXIT_AFTER_FIRST_FRAME=1: each prints the monotonic time of its
 * first drawn frame and exits. The time of a run is that instant minus
 * the instant of the spawn (both CLOCK_MONOTONIC, g_get_monotonic_time),
 * its memory the child's peak resident set (wait4's ru_maxrss), that is
 * up to its first frame. Prints the medians, Atelier's time as a multiple
 * of the bare window's and its memory as megabytes more, and whether the
 * goals are met (the processes' CPU time, user and system, and the load
 * average are printed too: they tell how much a busy machine blurs the
 * times, but the goals are on the times):
 *
 *   time   ≤ 1.2 × the bare window's
 *   memory ≤ the bare window's + 20 MB
 *
 * Needs a display (run it under xvfb-run, see bench/run-startup.sh). The
 * exit status says whether every run worked, never whether a goal is met.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>

#include "atelier-bench-util.h"

#define TIME_GOAL 1.2          /* × the bare window's time */
#define MEMORY_GOAL_MB 20.0    /* MB more than the bare window */
#define RUN_TIMEOUT_S 120      /* a run that takes longer has hung */
#define PAUSE_BETWEEN_RUNS_MS 300

typedef struct
{
  double ms;                   /* spawn to first frame */
  double cpu_ms;               /* user and system time, all threads */
  double rss_mb;               /* peak resident set */
} Run;

/* The machine's load average, as /proc/loadavg gives it, or "?". */
static char *
dup_load_average (void)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &contents, NULL, NULL))
    return g_strdup ("?");
  fields = g_strsplit (g_strstrip (contents), " ", 4);
  if (g_strv_length (fields) < 3)
    return g_strdup ("?");
  return g_strdup_printf ("%s %s %s", fields[0], fields[1], fields[2]);
}

/* Runs argv once with the renderer; fills @run. */
static gboolean
run_once (char       **argv,
          const char  *renderer,
          Run         *run,
          GError     **error)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GString) out = g_string_new (NULL);
  struct rusage usage = { 0 };
  gint64 spawned;
  gint64 deadline;
  gint64 first_frame = 0;
  const char *marker;
  int out_fd = -1;
  GPid pid = 0;
  int status = 0;
  pid_t waited = 0;

  envp = g_environ_setenv (envp, "ATELIER_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  if (g_strcmp0 (renderer, "default") == 0)
    envp = g_environ_unsetenv (envp, "GSK_RENDERER");
  else
    envp = g_environ_setenv (envp, "GSK_RENDERER", renderer, TRUE);

  spawned = g_get_monotonic_time ();
  /* DO_NOT_REAP_CHILD: wait4() below reaps it, with its rusage. */
  if (!g_spawn_async_with_pipes (NULL, argv, envp,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, error))
    return FALSE;

  /* Read its output to the end (it exits after its first frame). */
  deadline = spawned + RUN_TIMEOUT_S * G_USEC_PER_SEC;
  for (;;)
    {
      GPollFD poll_fd = { out_fd, G_IO_IN | G_IO_HUP | G_IO_ERR, 0 };
      gint64 left_ms = (deadline - g_get_monotonic_time ()) / 1000;
      char buffer[4096];
      ssize_t n;

      if (left_ms <= 0 || g_poll (&poll_fd, 1, (int) left_ms) == 0)
        {
          kill (pid, SIGKILL);  /* hung: no frame in RUN_TIMEOUT_S */
          break;
        }
      n = read (out_fd, buffer, sizeof buffer);
      if (n > 0)
        g_string_append_len (out, buffer, n);
      else if (n == 0 || errno != EINTR)
        break;
    }
  close (out_fd);

  do
    waited = wait4 (pid, &status, 0, &usage);
  while (waited < 0 && errno == EINTR);

  if (waited < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "wait4: %s", g_strerror (errno));
      return FALSE;
    }

  marker = strstr (out->str, "ATELIER_FIRST_FRAME_US=");
  if (marker != NULL)
    first_frame = g_ascii_strtoll (marker + strlen ("ATELIER_FIRST_FRAME_US="), NULL, 10);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0 || first_frame <= spawned)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "%s (GSK_RENDERER=%s) drew no frame (status %d): %s",
                   argv[0], renderer, status, out->str);
      return FALSE;
    }

  run->ms = (first_frame - spawned) / 1000.0;
  run->cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
                + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  run->rss_mb = usage.ru_maxrss / 1024.0;  /* kilobytes on Linux */
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *atelier = NULL;
  g_autofree char *bare = NULL;
  g_autofree char *database = NULL;
  g_autofree char *renderers = NULL;
  g_auto(GStrv) renderer_list = NULL;
  int runs = 10;
  gboolean all_met = TRUE;
  const GOptionEntry entries[] = {
    { "atelier", 0, 0, G_OPTION_ARG_FILENAME, &atelier, "The atelier program", "PATH" },
    { "bare", 0, 0, G_OPTION_ARG_FILENAME, &bare, "The bare-window program", "PATH" },
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "The store Atelier opens", "FILE" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Runs of each program per renderer (default 10)", "N" },
    { "renderer", 0, 0, G_OPTION_ARG_STRING, &renderers,
      "GSK renderers, comma-separated; \"default\" leaves GSK_RENDERER unset (default: cairo,default)",
      "LIST" },
    { NULL }
  };

  context = g_option_context_new ("— time Atelier's start-up against a bare libadwaita window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (atelier == NULL || bare == NULL || database == NULL || runs < 1)
    {
      g_printerr ("--atelier, --bare and --database are required, --runs at least 1\n");
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_printerr ("No display: run under xvfb-run (see bench/run-startup.sh)\n");
      return 2;
    }
  if (!g_file_test (database, G_FILE_TEST_IS_REGULAR))
    {
      g_printerr ("No store %s: generate one with atelier-generate\n", database);
      return 2;
    }

  renderer_list = g_strsplit (renderers != NULL ? renderers : "cairo,default", ",", -1);

  {
    g_autofree char *load = dup_load_average ();

    g_print ("Start-up to the first drawn frame, %d runs of each, alternately\n", runs);
    g_print ("Atelier: %s --database %s\n", atelier, database);
    g_print ("Load average before: %s\n\n", load);
  }

  for (guint r = 0; renderer_list[r] != NULL; r++)
    {
      const char *renderer = renderer_list[r];
      g_autoptr(GArray) bare_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) bare_mb = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) bare_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) app_ms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) app_mb = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) app_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      char *bare_argv[] = { bare, NULL };
      char *app_argv[] = { atelier, (char *) "--database", database, NULL };
      double ratio;
      double extra_mb;
      gboolean time_met;
      gboolean memory_met;

      /* One of each first, not counted: caches warm for both. */
      for (int i = -1; i < runs; i++)
        {
          Run b = { 0 }, a = { 0 };

          if (!run_once (bare_argv, renderer, &b, &error)
              || (g_usleep (PAUSE_BETWEEN_RUNS_MS * 1000), !run_once (app_argv, renderer, &a, &error)))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          g_usleep (PAUSE_BETWEEN_RUNS_MS * 1000);
          if (i < 0)
            continue;
          g_array_append_val (bare_ms, b.ms);
          g_array_append_val (bare_mb, b.rss_mb);
          g_array_append_val (bare_cpu, b.cpu_ms);
          g_array_append_val (app_ms, a.ms);
          g_array_append_val (app_mb, a.rss_mb);
          g_array_append_val (app_cpu, a.cpu_ms);
        }

      ratio = bench_median (app_ms) / bench_median (bare_ms);
      extra_mb = bench_median (app_mb) - bench_median (bare_mb);
      time_met = ratio <= TIME_GOAL;
      memory_met = extra_mb <= MEMORY_GOAL_MB;
      all_met = all_met && time_met && memory_met;

      g_print ("GSK_RENDERER=%s\n", g_strcmp0 (renderer, "default") == 0 ? "(unset)" : renderer);
      g_print ("  %-12s %10s %10s %10s %12s %10s\n", "", "median ms", "min ms", "max ms", "peak RSS MB",
               "CPU ms");
      {
        g_autoptr(GArray) sorted_b = g_array_copy (bare_ms);
        g_autoptr(GArray) sorted_a = g_array_copy (app_ms);

        g_array_sort (sorted_b, bench_compare_doubles);
        g_array_sort (sorted_a, bench_compare_doubles);
        g_print ("  %-12s %10.1f %10.1f %10.1f %12.1f %10.1f\n", "bare window", bench_median (bare_ms),
                 g_array_index (sorted_b, double, 0),
                 g_array_index (sorted_b, double, sorted_b->len - 1), bench_median (bare_mb),
                 bench_median (bare_cpu));
        g_print ("  %-12s %10.1f %10.1f %10.1f %12.1f %10.1f\n", "atelier", bench_median (app_ms),
                 g_array_index (sorted_a, double, 0),
                 g_array_index (sorted_a, double, sorted_a->len - 1), bench_median (app_mb),
                 bench_median (app_cpu));
      }
      g_print ("  time:   %.2f x the bare window's (goal <= %.1f x): %s\n",
               ratio, TIME_GOAL, time_met ? "met" : "NOT MET");
      g_print ("  memory: %+.1f MB (goal <= +%.0f MB): %s\n",
               extra_mb, MEMORY_GOAL_MB, memory_met ? "met" : "NOT MET");
      g_print ("  CPU:    %.2f x the bare window's (not a goal)\n\n",
               bench_median (app_cpu) / bench_median (bare_cpu));
    }

  {
    g_autofree char *load = dup_load_average ();

    g_print ("Load average after: %s\n", load);
  }
  g_print ("%s\n", all_met ? "All goals met." : "Some goals are not met.");
  return 0;
}
