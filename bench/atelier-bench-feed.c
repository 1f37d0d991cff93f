/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-bench-feed.c: writing the public feed of 10,000 sessions
 *
 *   atelier-bench-feed [--sessions N] [--runs N] [--python PATH --script PATH]
 *
 * From one run, each the median of --runs: Atelier's feed (read from the
 * store, built with libical and written to a file as it is built),
 * cold (no event kept from an earlier feed) and warm (every event kept);
 * python3-icalendar building and serialising the same events; and a
 * plain write() of as many bytes. It prints times and ratios and asserts
 * nothing about them; it fails only if the cold and warm feeds differ
 * in anything but their DTSTAMP. See bench/README.md, "Feed".
 */
#define G_LOG_DOMAIN "atelier-bench-feed"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "atelier-bench-util.h"
#include "atelier-invite.h"
#include "atelier-settings.h"
#include "atelier-store-private.h"

static const char *const titles[] = {
  "Risotto aux cèpes", "Macarons parisiens", "Vins de Loire : initiation à la dégustation",
  "Maquillage naturel du quotidien", "Affûter et tailler : les couteaux du chef",
  "Pain au levain maison",
};

static gboolean
fill_store (AtelierStore  *store,
            int            n_sessions,
            GError       **error)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) first = g_date_time_new (paris, 2026, 1, 5, 18, 30, 0);
  gint64 workshop_ids[G_N_ELEMENTS (titles)];
  gboolean ok = TRUE;

  if (!atelier_store_begin (store, error))
    return FALSE;

  for (guint i = 0; ok && i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (titles[i]);

      g_object_set (workshop, "capacity", 10, "duration-minutes", 150, "host", "Marco Bellini",
                    "description", "Un atelier pratique, en petit groupe ; tout le matériel est fourni. "
                    "Venez avec l’envie d’apprendre 🍄 et repartez avec vos créations.",
                    "takeaway", "Le livret de recettes", NULL);
      ok = atelier_store_add_workshop (store, workshop, error);
      workshop_ids[i] = atelier_workshop_get_id (workshop);
    }

  for (int i = 0; ok && i < n_sessions; i++)
    {
      g_autoptr(GDateTime) starts = g_date_time_add_hours (first, i * 5);
      g_autoptr(GDateTime) ends = g_date_time_add_minutes (starts, 150);
      g_autoptr(AtelierSession) session =
        atelier_session_new (workshop_ids[i % G_N_ELEMENTS (titles)], starts, ends, "Europe/Paris");

      g_object_set (session, "capacity", 10, "place", "Cuisine de l’atelier, 12 rue des Martyrs", NULL);
      ok = atelier_store_add_session (store, session, error);
    }

  return atelier_store_finish (store, ok, error);
}

/* A TEXT value on one line of the rows: its line breaks as "\n" */
static void
append_field (GString    *rows,
              const char *value)
{
  for (const char *p = value ? value : ""; *p != '\0'; p++)
    {
      if (*p == '\t' || *p == '\\')
        g_error ("a value the rows cannot hold: %s", value);
      if (*p == '\n')
        g_string_append (rows, "\\n");
      else
        g_string_append_c (rows, *p);
    }
}

static void
append_time (GString        *rows,
             icalproperty   *property)
{
  struct icaltimetype t = icalvalue_get_datetime (icalproperty_get_value (property));

  g_string_append_printf (rows, "%04d-%02d-%02dT%02d:%02d:%02d",
                          t.year, t.month, t.day, t.hour, t.minute, t.second);
}

/* The events of Atelier's feed @feed_path, as tab-separated rows for the
 * Python baseline: the same UIDs, local times, titles, places and
 * descriptions, read back with libical. */
static void
write_rows (const char *feed_path,
            const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar;

  if (!g_file_get_contents (feed_path, &text, NULL, &error) ||
      (calendar = icalparser_parse_string (text)) == NULL)
    g_error ("could not read the feed back: %s", error ? error->message : "not iCalendar");

  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       e != NULL; e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      append_field (rows, icalcomponent_get_uid (e));
      g_string_append_c (rows, '\t');
      append_time (rows, icalcomponent_get_first_property (e, ICAL_DTSTART_PROPERTY));
      g_string_append_c (rows, '\t');
      append_time (rows, icalcomponent_get_first_property (e, ICAL_DTEND_PROPERTY));
      g_string_append_c (rows, '\t');
      append_field (rows, icalcomponent_get_summary (e));
      g_string_append_c (rows, '\t');
      append_field (rows, icalcomponent_get_location (e));
      g_string_append_c (rows, '\t');
      append_field (rows, icalcomponent_get_description (e));
      g_string_append_c (rows, '\n');
    }
  icalcomponent_free (calendar);

  if (!g_file_set_contents (path, rows->str, rows->len, &error))
    g_error ("%s", error->message);
}

/* How long something took: on the clock, and in CPU time (user and
 * system) of the thread that did it. On a machine that other programs
 * keep busy, the second varies much less. */
typedef struct
{
  double wall;
  double cpu;
} Took;

typedef struct
{
  gint64          wall;
  struct timespec cpu;
} Start;

static Start
start_timing (void)
{
  Start start = { g_get_monotonic_time () };

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &start.cpu);
  return start;
}

static Took
took_since (const Start *start)
{
  struct timespec cpu;
  Took took;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &cpu);
  took.wall = (g_get_monotonic_time () - start->wall) / (double) G_USEC_PER_SEC;
  took.cpu = (cpu.tv_sec - start->cpu.tv_sec) + (cpu.tv_nsec - start->cpu.tv_nsec) / 1e9;
  return took;
}

static gboolean
write_bytes (const char *path,
             const char *data,
             gsize       length)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  gsize done = 0;

  if (fd < 0)
    return FALSE;
  while (done < length)
    {
      gssize n = write (fd, data + done, length - done);

      if (n <= 0)
        break;
      done += n;
    }
  close (fd);
  return done == length;
}

static AtelierStore *
open_store (const char *db)
{
  g_autoptr(GError) error = NULL;
  AtelierStore *store = atelier_store_open (db, &error);

  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

/* Atelier: the feed read from the store, built and written to a file as
 * it is built, on a connection opened for it like `atelier-cli feed`
 * opens one (not timed). With @cold, the events kept by earlier feeds
 * are forgotten first, so that libical builds each one. */
static Took
time_atelier (const char *db,
              const char *path,
              gboolean    cold,
              gsize      *length)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  Start start;
  Took took;

  if (cold)
    {
      store = open_store (db);
      if (!atelier_store_exec (store, "DELETE FROM feed_events", &error))
        g_error ("%s", error->message);
      g_clear_object (&store);
    }
  store = open_store (db);
  g_unlink (path);

  start = start_timing ();
  /* A new file, written straight (no temporary, no sync), like the
   * baseline's */
  stream = g_file_create (file, G_FILE_CREATE_PRIVATE, NULL, &error);
  if (stream == NULL ||
      !atelier_invite_write_feed (store, NULL, NULL, G_OUTPUT_STREAM (stream), NULL, NULL, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    g_error ("feed: %s", error->message);
  took = took_since (&start);

  if (g_stat (path, &st) != 0)
    g_error ("could not read %s", path);
  *length = st.st_size;
  return took;
}

/* Whether two files hold the same bytes, but for their DTSTAMP lines
 * (each feed's is the time it was made) */
static gboolean
same_feed (const char *a,
           const char *b)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;
  g_auto(GStrv) lines_a = NULL;
  g_auto(GStrv) lines_b = NULL;

  if (!g_file_get_contents (a, &text_a, NULL, NULL) || !g_file_get_contents (b, &text_b, NULL, NULL))
    return FALSE;
  lines_a = g_strsplit (text_a, "\r\n", -1);
  lines_b = g_strsplit (text_b, "\r\n", -1);
  if (g_strv_length (lines_a) != g_strv_length (lines_b))
    return FALSE;
  for (guint i = 0; lines_a[i] != NULL; i++)
    if (!(g_str_has_prefix (lines_a[i], "DTSTAMP:") && g_str_has_prefix (lines_b[i], "DTSTAMP:")) &&
        strcmp (lines_a[i], lines_b[i]) != 0)
      return FALSE;
  return TRUE;
}

/* The baseline: as many bytes, in one write() of a buffer filled
 * beforehand (not timed), to a file opened and closed in the time */
static Took
time_raw (const char *path,
          gsize       length)
{
  g_autofree char *bytes = g_malloc (length);
  Start start;

  for (gsize i = 0; i < length; i++)
    bytes[i] = i % 76 == 75 ? '\n' : 'a' + i % 26;
  start = start_timing ();
  if (!write_bytes (path, bytes, length))
    g_error ("could not write %s", path);
  return took_since (&start);
}

/* The script prints the seconds it spent building and writing: on the
 * clock, then in CPU time. */
static gboolean
time_python (const char *python,
             const char *script,
             const char *rows,
             const char *out,
             Took       *took)
{
  const char *argv[] = { python, script, rows, out, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &output, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    return FALSE;
  took->wall = g_ascii_strtod (output, &end);
  took->cpu = g_ascii_strtod (end, NULL);
  return took->wall > 0 && took->cpu > 0;
}

/* Each run's ratios, from times taken one right after the other */
typedef struct
{
  GArray *cold;
  GArray *warm;
} Ratios;

static void
ratios_init (Ratios *ratios)
{
  ratios->cold = g_array_new (FALSE, FALSE, sizeof (double));
  ratios->warm = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
ratios_clear (Ratios *ratios)
{
  g_array_unref (ratios->cold);
  g_array_unref (ratios->warm);
}

static void
ratios_add (Ratios *ratios,
            double  cold,
            double  warm)
{
  g_array_append_val (ratios->cold, cold);
  g_array_append_val (ratios->warm, warm);
}

static void
print_ratios (const char *what,
              Ratios     *ratios,
              gboolean    (*met) (double))
{
  double cold = bench_median (ratios->cold);
  double warm = bench_median (ratios->warm);

  g_print ("%s  cold %6.1fx (%s), warm %6.1fx (%s)\n", what,
           cold, met (cold) ? "met" : "not met", warm, met (warm) ? "met" : "not met");
}

static gboolean
ten_times_faster (double ratio)
{
  return ratio >= 10;
}

static gboolean
within_three_times (double ratio)
{
  return ratio <= 3;
}

static void
print_time (const char *what,
            GArray     *wall,
            GArray     *cpu)
{
  g_print ("%-58s %9.3f ms %9.3f ms\n", what, bench_median (wall) * 1000, bench_median (cpu) * 1000);
}

int
main (int argc, char **argv)
{
  int n_sessions = 10000, runs = 5;
  g_autofree char *python = g_strdup ("/usr/bin/python3");
  g_autofree char *script = NULL;
  GOptionEntry entries[] = {
    { "sessions", 0, 0, G_OPTION_ARG_INT, &n_sessions, "Sessions in the feed", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each, the median is kept", "N" },
    { "python", 0, 0, G_OPTION_ARG_FILENAME, &python, "The Python interpreter", "PATH" },
    { "script", 0, 0, G_OPTION_ARG_FILENAME, &script, "feed-icalendar.py", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL, *rows = NULL, *out_cold = NULL, *out_warm = NULL;
  g_autofree char *out_raw = NULL, *out_py = NULL;
  g_autoptr(AtelierStore) store = NULL;
  /* Times: wall and CPU of cold, warm, raw and python */
  GArray *times[4][2];
  Ratios raw_wall, raw_cpu, python_wall, python_cpu;
  gboolean identical = TRUE;
  gsize length = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_sessions < 1 || runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "bad arguments");
      return 2;
    }

  dir = g_dir_make_tmp ("atelier-bench-feed-XXXXXX", NULL);
  db = g_build_filename (dir, "store.db", NULL);
  rows = g_build_filename (dir, "sessions.tsv", NULL);
  out_cold = g_build_filename (dir, "cold.ics", NULL);
  out_warm = g_build_filename (dir, "warm.ics", NULL);
  out_raw = g_build_filename (dir, "raw.bin", NULL);
  out_py = g_build_filename (dir, "python.ics", NULL);

  store = open_store (db);
  if (!fill_store (store, n_sessions, &error) ||
      !atelier_settings_write (store, "organizer", "shop@example.com", &error) ||
      !atelier_settings_write (store, "store-name", "Atelier bench", &error))
    g_error ("%s", error->message);
  g_clear_object (&store);

  /* Warm-up (zone data, page cache), and the events for Python */
  time_atelier (db, out_cold, TRUE, &length);
  write_rows (out_cold, rows);

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    for (guint j = 0; j < 2; j++)
      times[i][j] = g_array_new (FALSE, FALSE, sizeof (double));
  ratios_init (&raw_wall);
  ratios_init (&raw_cpu);
  ratios_init (&python_wall);
  ratios_init (&python_cpu);

  for (int i = 0; i < runs; i++)
    {
      Took c = time_atelier (db, out_cold, TRUE, &length);
      Took w = time_atelier (db, out_warm, FALSE, &length);
      Took r = time_raw (out_raw, length);
      Took p;

      identical = identical && same_feed (out_cold, out_warm);
      g_array_append_val (times[0][0], c.wall);
      g_array_append_val (times[0][1], c.cpu);
      g_array_append_val (times[1][0], w.wall);
      g_array_append_val (times[1][1], w.cpu);
      g_array_append_val (times[2][0], r.wall);
      g_array_append_val (times[2][1], r.cpu);
      ratios_add (&raw_wall, c.wall / r.wall, w.wall / r.wall);
      ratios_add (&raw_cpu, c.cpu / r.cpu, w.cpu / r.cpu);
      if (script != NULL && time_python (python, script, rows, out_py, &p))
        {
          g_array_append_val (times[3][0], p.wall);
          g_array_append_val (times[3][1], p.cpu);
          ratios_add (&python_wall, p.wall / c.wall, p.wall / w.wall);
          ratios_add (&python_cpu, p.cpu / c.cpu, p.cpu / w.cpu);
        }
    }

  g_print ("feed of %d sessions, %" G_GSIZE_FORMAT " bytes; medians of %d runs,"
           " ratios the medians of each run's\n", n_sessions, length, runs);
  g_print ("%-58s %12s %12s\n", "", "wall", "cpu");
  print_time ("atelier, cold (nothing kept: libical builds every event):", times[0][0], times[0][1]);
  print_time ("atelier, warm (every event kept from the last feed):", times[1][0], times[1][1]);
  print_time ("plain write() of the same number of bytes:", times[2][0], times[2][1]);
  if (times[3][0]->len > 0)
    {
      print_time ("python3-icalendar, building the same events:", times[3][0], times[3][1]);
      print_ratios ("python3-icalendar / atelier, goal >= 10x, wall:", &python_wall, ten_times_faster);
      print_ratios ("python3-icalendar / atelier, goal >= 10x, cpu: ", &python_cpu, ten_times_faster);
    }
  else
    g_print ("python3-icalendar: not measured (no --script, or it failed)\n");
  print_ratios ("atelier / plain write,       goal <=  3x, wall:", &raw_wall, within_three_times);
  print_ratios ("atelier / plain write,       goal <=  3x, cpu: ", &raw_cpu, within_three_times);
  g_print ("cold and warm feeds identical but for DTSTAMP: %s\n", identical ? "yes" : "NO");

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    for (guint j = 0; j < 2; j++)
      g_array_unref (times[i][j]);
  ratios_clear (&raw_wall);
  ratios_clear (&raw_cpu);
  ratios_clear (&python_wall);
  ratios_clear (&python_cpu);
  g_unlink (out_cold); g_unlink (out_warm); g_unlink (out_raw); g_unlink (out_py); g_unlink (rows);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal); g_unlink (shm);
  }
  g_rmdir (dir);
  return identical ? 0 : 1;
}
