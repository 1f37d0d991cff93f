/* atelier-bench-feed.c: writing the public feed of 10,000 sessions
 *
 *   atelier-bench-feed [--sessions N] [--runs N] [--python PATH --script PATH]
 *
 * Three figures from one run, each the median of --runs: Atelier's feed
 * (built with libical from the store, then written), python3-icalendar
 * building and serialising the same events, and a plain write() of as
 * many bytes. It prints times and ratios; it asserts nothing.
 */
#define G_LOG_DOMAIN "atelier-bench-feed"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

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

/* The sessions as tab-separated rows for the Python baseline: the same
 * UIDs, local times, titles, places and descriptions. */
static gboolean
write_rows (AtelierStore  *store,
            const char    *path,
            GError       **error)
{
  g_autoptr(GListModel) sessions = atelier_store_list_sessions (store, NULL, NULL, error);
  g_autoptr(GString) rows = g_string_new (NULL);

  if (sessions == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(AtelierSession) s = g_list_model_get_item (sessions, i);
      g_autoptr(GDateTime) starts = atelier_session_dup_start (s);
      g_autoptr(GDateTime) ends = atelier_session_dup_end (s);
      g_autofree char *start_text = g_date_time_format (starts, "%Y-%m-%dT%H:%M:%S");
      g_autofree char *end_text = g_date_time_format (ends, "%Y-%m-%dT%H:%M:%S");

      g_string_append_printf (rows, "%s\t%s\t%s\t%s\t%s\t%s\n",
                              atelier_session_get_uid (s), start_text, end_text,
                              atelier_session_get_workshop_title (s), atelier_session_get_place (s),
                              "Un atelier pratique, en petit groupe ; tout le matériel est fourni.\\n"
                              "Hôte : Marco Bellini");
    }

  return g_file_set_contents (path, rows->str, rows->len, error);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
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

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* Atelier: the feed built from the store and written to a file. */
static double
time_atelier (AtelierStore *store,
              const char   *path,
              gsize        *length)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autofree char *feed = atelier_invite_build_feed (store, NULL, NULL, &error);

  if (feed == NULL)
    g_error ("feed: %s", error->message);
  *length = strlen (feed);
  if (!write_bytes (path, feed, *length))
    g_error ("could not write %s", path);
  return seconds_since (start);
}

static double
time_raw (const char *path,
          gsize       length)
{
  g_autofree char *bytes = g_malloc (length);
  gint64 start;

  /* Text-like bytes, touched first so that only the write is timed. */
  for (gsize i = 0; i < length; i++)
    bytes[i] = i % 76 == 75 ? '\n' : 'a' + i % 26;
  start = g_get_monotonic_time ();
  if (!write_bytes (path, bytes, length))
    g_error ("could not write %s", path);
  return seconds_since (start);
}

static double
time_python (const char *python,
             const char *script,
             const char *rows,
             const char *out)
{
  const char *argv[] = { python, script, rows, out, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &output, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    return -1;
  return g_ascii_strtod (output, NULL);
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
  g_autofree char *db = NULL, *rows = NULL, *out_atelier = NULL, *out_raw = NULL, *out_py = NULL;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GArray) atelier_t = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_t = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) python_t = g_array_new (FALSE, FALSE, sizeof (double));
  double a, r, p = -1;
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
  out_atelier = g_build_filename (dir, "atelier.ics", NULL);
  out_raw = g_build_filename (dir, "raw.bin", NULL);
  out_py = g_build_filename (dir, "python.ics", NULL);

  store = atelier_store_open (db, &error);
  if (store == NULL || !fill_store (store, n_sessions, &error) ||
      !atelier_settings_write (store, "organizer", "shop@example.com", &error) ||
      !atelier_settings_write (store, "store-name", "Atelier bench", &error) ||
      !write_rows (store, rows, &error))
    g_error ("%s", error->message);

  time_atelier (store, out_atelier, &length);  /* warm-up: caches, zone data */
  for (int i = 0; i < runs; i++)
    {
      double t = time_atelier (store, out_atelier, &length);
      double w = time_raw (out_raw, length);

      g_array_append_val (atelier_t, t);
      g_array_append_val (raw_t, w);
      if (script != NULL && (t = time_python (python, script, rows, out_py)) >= 0)
        g_array_append_val (python_t, t);
    }

  a = median (atelier_t);
  r = median (raw_t);
  g_print ("feed of %d sessions, %" G_GSIZE_FORMAT " bytes, median of %d runs\n", n_sessions, length, runs);
  g_print ("atelier (libical, from the store): %8.3f ms\n", a * 1000);
  g_print ("plain write() of the same bytes:   %8.3f ms\n", r * 1000);
  if (python_t->len > 0)
    {
      p = median (python_t);
      g_print ("python3-icalendar, same events:    %8.3f ms\n", p * 1000);
      g_print ("python3-icalendar / atelier: %.1fx (goal >= 10x: %s)\n", p / a, p / a >= 10 ? "met" : "not met");
    }
  else
    g_print ("python3-icalendar: not measured (no --script, or it failed)\n");
  g_print ("atelier / plain write:       %.1fx (goal <= 3x: %s)\n", a / r, a / r <= 3 ? "met" : "not met");

  g_clear_object (&store);
  g_unlink (out_atelier); g_unlink (out_raw); g_unlink (out_py); g_unlink (rows);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal); g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
