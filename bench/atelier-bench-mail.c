/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-bench-mail.c: 1,000 invites built and sent over one connection
 *
 *   atelier-bench-mail [--invites N] [--runs N] --server PATH --smtplib PATH
 *
 * Starts tests/smtp-server.py (python3-aiosmtpd) on 127.0.0.1, then, in
 * one run, each the median of --runs: Atelier building and sending N
 * invites with atelier_mail_queue_send() (queue, GMime, libcurl, each
 * message recorded in the store as it goes), and python's smtplib sending
 * the same N messages, built beforehand, over one connection. Prints the
 * times and their ratio; asserts nothing about them. It fails if a run
 * did not send every message over one connection.
 *
 * With --steps, each step of building the messages (the store's reads,
 * libical, GMime) is timed alone over the N messages.
 *
 * With --frames (and a display), the session's page, as the app shows
 * it, sends the --frame-invites invites of one session (Send Invites: a thread with
 * its own connection, the page told each message's news) while its
 * window's frames are counted, --frame-runs times, alternating with the
 * same page idle for as long: the worst and the median of the longest
 * gaps between two frames are printed for both, with the median gap.
 * See bench/README.md, "Mail".
 */
#define G_LOG_DOMAIN "atelier-bench-mail"

#include "config.h"

#include <adwaita.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>

#include "atelier-bench-util.h"
#include <string.h>

#include "atelier-booking.h"
#include "atelier-invite.h"
#include "atelier-mail.h"
#include "atelier-mail-queue.h"
#include "atelier-session-page.h"
#include "atelier-settings.h"
#include "atelier-smtp.h"

#define SENDER "bonjour@atelier.example"
#define SEATS_PER_SESSION 25

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error ? error->message : "failed");
}

static void
child_setup (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static GSubprocess *
start_server (const char *script,
              const char *log,
              int        *port)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GSubprocess *server;

  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  server = g_subprocess_launcher_spawn (launcher, &error, "/usr/bin/python3", script, "--log", log,
                                        "--security", "none", NULL);
  check (server != NULL, error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  check (line != NULL, error);
  *port = atoi (line);
  return server;
}

/* A store with @n customers signed up, @seats to a session, and the
 * account set to the server. Returns the last session's id. */
static gint64
fill_store (const char *path,
            int         n,
            int         seats,
            int         port)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new_now (paris);
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes");
  g_autofree char *port_text = g_strdup_printf ("%d", port);
  g_autoptr(GError) error = NULL;
  gint64 session_id = 0;

  store = atelier_store_open (path, &error);
  check (store != NULL, error);
  g_object_set (workshop, "capacity", seats, "duration-minutes", 150,
                "description", "Un atelier pratique, en petit groupe ; tout le matériel est fourni.",
                "host", "Chef Élodie Marchand", NULL);
  check (atelier_store_add_workshop (store, workshop, &error), error);
  check (atelier_settings_write (store, "store-name", "Cuisine & Co", &error) &&
         atelier_settings_write (store, "organizer", SENDER, &error) &&
         atelier_settings_write (store, "address", "12 rue Mercière, 69002 Lyon", &error) &&
         atelier_settings_write (store, "smtp-host", "127.0.0.1", &error) &&
         atelier_settings_write (store, "smtp-port", port_text, &error) &&
         atelier_settings_write (store, "smtp-security", "none", &error) &&
         atelier_settings_write (store, "mail-reminder", "off", &error), error);

  for (int i = 0; i < n; i++)
    {
      g_autofree char *given = g_strdup_printf ("Zoé %d", i);
      g_autofree char *email = g_strdup_printf ("customer%04d@example.org", i);
      g_autoptr(AtelierCustomer) customer = atelier_customer_new (given, "Lefèvre");
      g_autoptr(AtelierRegistration) registration = NULL;

      if (i % seats == 0)
        {
          g_autoptr(GDateTime) day = g_date_time_add_days (now, 2 + i / seats);
          g_autoptr(GDateTime) start = g_date_time_new (paris, g_date_time_get_year (day),
                                                        g_date_time_get_month (day),
                                                        g_date_time_get_day_of_month (day), 18, 30, 0);
          g_autoptr(GDateTime) end = g_date_time_add_minutes (start, 150);
          g_autoptr(AtelierSession) session = atelier_session_new (atelier_workshop_get_id (workshop),
                                                                   start, end, "Europe/Paris");

          g_object_set (session, "capacity", seats, NULL);
          check (atelier_store_add_session (store, session, &error), error);
          session_id = atelier_session_get_id (session);
        }
      g_object_set (customer, "email", email, NULL);
      check (atelier_store_add_customer (store, customer, &error), error);
      registration = atelier_booking_sign_up (store, session_id, customer, 1, NULL, &error);
      check (registration != NULL, error);
    }
  return session_id;
}

static void
copy_store (const char *from,
            const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  check (g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error), error);
}

/* The messages as Atelier builds them, one file each, for smtplib. */
static void
write_messages (const char *path,
                const char *folder,
                int         n)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  store = atelier_store_open (path, &error);
  check (store != NULL, error);
  settings = atelier_settings_load (store, &error);
  check (settings != NULL, error);
  check (atelier_mail_queue_refresh (store, settings, now, 0, &error), error);
  due = atelier_mail_queue_list_due (store, now, 0, &error);
  check (due != NULL && (int) g_list_model_get_n_items (due) == n, error);

  g_mkdir_with_parents (folder, 0700);
  for (guint i = 0; i < g_list_model_get_n_items (due); i++)
    {
      g_autoptr(AtelierMailMessage) message = g_list_model_get_item (due, i);
      g_autoptr(GBytes) bytes = atelier_mail_queue_build (store, settings, message, now, &error);
      g_autofree char *name = g_strconcat (atelier_mail_message_get_recipient (message), ".eml", NULL);
      g_autofree char *file = g_build_filename (folder, name, NULL);
      gsize length;
      const char *data;

      check (bytes != NULL, error);
      data = g_bytes_get_data (bytes, &length);
      check (g_file_set_contents (file, data, length, &error), error);
    }
}

static double
run_atelier (const char *template_path,
             const char *path,
             int         n)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  AtelierMailReport report;
  gint64 start;
  double seconds;

  copy_store (template_path, path);
  store = atelier_store_open (path, &error);
  check (store != NULL, error);

  start = g_get_monotonic_time ();
  check (atelier_mail_queue_send (store, "", g_get_real_time () / G_USEC_PER_SEC, 0, NULL, NULL, NULL,
                                  &report, &error), error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  if ((int) report.n_sent != n || report.n_connections != 1)
    g_error ("Atelier sent %u of %d messages over %u connections", report.n_sent, n, report.n_connections);
  return seconds;
}

/* Atelier's sender alone: the prebuilt messages through AtelierSmtp. */
static double
run_curl (const char *path,
          const char *folder)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(AtelierSmtp) smtp = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  gint64 start;

  store = atelier_store_open (path, &error);
  check (store != NULL, error);
  settings = atelier_settings_load (store, &error);
  check (settings != NULL, error);
  listing = g_dir_open (folder, 0, &error);
  check (listing != NULL, error);

  start = g_get_monotonic_time ();
  smtp = atelier_smtp_new (settings, "", &error);
  check (smtp != NULL, error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *file = g_build_filename (folder, name, NULL);
      g_autofree char *recipient = g_strndup (name, strlen (name) - strlen (".eml"));
      g_autofree char *data = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;

      check (g_file_get_contents (file, &data, &length, &error), error);
      bytes = g_bytes_new_take (g_steal_pointer (&data), length);
      check (atelier_smtp_send (smtp, SENDER, recipient, bytes, NULL, &error), error);
    }
  g_clear_pointer (&smtp, atelier_smtp_free);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static double
run_smtplib (const char *script,
             int         port,
             const char *folder)
{
  g_autofree char *port_text = g_strdup_printf ("%d", port);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, "/usr/bin/python3", script, port_text,
                              SENDER, folder, NULL);
  check (process != NULL, error);
  check (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error), error);
  check (g_subprocess_get_successful (process), NULL);
  return g_ascii_strtod (out, NULL);
}

/* --- Where the time of building goes -------------------------------------- */

/* The time of each step of building the @n due messages, as
 * atelier_mail_queue_build() takes them, each step alone over every
 * message: what the store reads, what libical takes for the invite,
 * GMime with the mail's template for the message, and GMime writing it
 * out. The steps read the store as the batch does. */
static void
time_build_steps (const char *path)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  double reads = 0, calendar = 0, mime = 0, bytes_out = 0, whole = 0;
  guint n;

  store = atelier_store_open (path, &error);
  check (store != NULL, error);
  settings = atelier_settings_load (store, &error);
  check (settings != NULL, error);
  check (atelier_mail_queue_refresh (store, settings, now, 0, &error), error);
  due = atelier_mail_queue_list_due (store, now, 0, &error);
  check (due != NULL, error);
  n = g_list_model_get_n_items (due);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierMailMessage) message = g_list_model_get_item (due, i);
      g_autoptr(AtelierSession) session = NULL;
      g_autoptr(AtelierWorkshop) workshop = NULL;
      g_autoptr(AtelierCustomer) customer = NULL;
      GMimeMessage *built;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *ics = NULL;
      gint64 t0, t1, t2, t3, t4, t5;

      t0 = g_get_monotonic_time ();
      session = atelier_store_get_session (store, atelier_mail_message_get_session_id (message), &error);
      check (session != NULL, error);
      workshop = atelier_store_get_workshop (store, atelier_session_get_workshop_id (session), &error);
      check (workshop != NULL, error);
      customer = atelier_store_get_customer (store, atelier_mail_message_get_customer_id (message), &error);
      check (customer != NULL, error);
      t1 = g_get_monotonic_time ();
      ics = atelier_invite_build (settings, session, workshop, customer, 1, ATELIER_INVITE_NEW,
                                  atelier_mail_message_get_sequence (message), &error);
      check (ics != NULL, error);
      t2 = g_get_monotonic_time ();
      built = atelier_mail_build_invite (store, settings, session, workshop, customer,
                                         atelier_mail_message_get_registration_id (message), 1,
                                         ATELIER_INVITE_NEW, ics, &error);
      check (built != NULL, error);
      t3 = g_get_monotonic_time ();
      bytes = atelier_mail_to_bytes (built);
      t4 = g_get_monotonic_time ();
      g_object_unref (built);
      g_clear_pointer (&bytes, g_bytes_unref);
      bytes = atelier_mail_queue_build (store, settings, message, now, &error);
      check (bytes != NULL, error);
      t5 = g_get_monotonic_time ();

      reads += t1 - t0;
      calendar += t2 - t1;
      mime += t3 - t2;
      bytes_out += t4 - t3;
      whole += t5 - t4;
    }

  g_print ("building %u messages, each step alone (ms per message):\n", n);
  g_print ("  the store's reads (session, workshop, customer):    %6.3f\n", reads / n / 1000);
  g_print ("  the invite's iCalendar (libical):                  %6.3f\n", calendar / n / 1000);
  g_print ("  the mail (GMime, its template, what it describes): %6.3f\n", mime / n / 1000);
  g_print ("  writing it out (GMime, CRLF):                      %6.3f\n", bytes_out / n / 1000);
  g_print ("  the whole of atelier_mail_queue_build():           %6.3f\n", whole / n / 1000);
}

/* How many of the session's messages went. */
static guint
count_sent (AtelierStore *store,
            gint64        session_id)
{
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  messages = atelier_mail_queue_list_session (store, session_id, &error);
  check (messages != NULL, error);
  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(AtelierMailMessage) message = g_list_model_get_item (messages, i);

      if (g_strcmp0 (atelier_mail_message_get_state (message), "sent") == 0)
        n++;
    }
  return n;
}

/* --- The frame clock while a batch is sent ------------------------------- */

/* The gaps between the frames of one measure, in ms, by the clock of
 * the process (the frame clock's own times are smoothed). */
typedef struct
{
  GArray   *gaps;
  gint64    last;
  gboolean  done;
} Frames;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   Frames        *frames)
{
  gint64 now = g_get_monotonic_time ();

  if (frames->last != 0)
    {
      double gap = (now - frames->last) / 1000.0;

      g_array_append_val (frames->gaps, gap);
    }
  frames->last = now;
}

/* Asks for the next frame at every frame, as an animation does: the
 * frame clock then runs all along, and a late frame is a stall of the
 * window's thread rather than nothing to draw. */
static gboolean
on_tick_cb (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       user_data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
on_idle_over_cb (gpointer user_data)
{
  ((Frames *) user_data)->done = TRUE;
  return G_SOURCE_REMOVE;
}

static double
longest (GArray *gaps)
{
  double most = 0;

  for (guint i = 0; i < gaps->len; i++)
    most = MAX (most, g_array_index (gaps, double, i));
  return most;
}

/* Runs the main loop, counting frames, until the page has sent its
 * batch (@page given) or for @idle_ms; appends the longest gap to
 * @worst and every gap to @all. Returns how long it took, in ms. */
static double
measure_frames (GtkWidget          *window,
                AtelierSessionPage *page,
                guint               idle_ms,
                GArray             *worst,
                GArray             *all)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  Frames frames = { gaps, 0, FALSE };
  gint64 start;
  double most;
  gulong handler;
  guint ticking;

  start = g_get_monotonic_time ();
  ticking = gtk_widget_add_tick_callback (window, on_tick_cb, NULL, NULL);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &frames);
  if (page != NULL)
    {
      /* What the Send Invites button does. */
      gtk_widget_activate_action (GTK_WIDGET (page), "session.send-invites", NULL);
      if (!atelier_session_page_get_sending (page))
        g_error ("the session page did not start sending");
      while (atelier_session_page_get_sending (page))
        g_main_context_iteration (NULL, TRUE);
    }
  else
    {
      g_timeout_add (idle_ms, on_idle_over_cb, &frames);
      while (!frames.done)
        g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, handler);
  gtk_widget_remove_tick_callback (window, ticking);

  most = longest (gaps);
  g_array_append_val (worst, most);
  g_array_append_vals (all, gaps->data, gaps->len);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
print_frames (const char *what,
              GArray     *worst,
              GArray     *all)
{
  g_print ("  %-34s longest gap: worst %6.1f ms, median of runs %6.1f ms; median gap %5.1f ms (%u frames)\n",
           what, longest (worst), bench_median (worst), bench_median (all), all->len);
}

/* A window showing the session's page, as the app does, with its store
 * open and its first frames drawn. */
static GtkWidget *
show_session_page (AtelierStore        *store,
                   gint64               session_id,
                   AtelierSessionPage **page)
{
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GArray) warm_up = g_array_new (FALSE, FALSE, sizeof (double));

  *page = ATELIER_SESSION_PAGE (atelier_session_page_new (store, session_id));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (*page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_present (GTK_WINDOW (window));
  while (gtk_widget_get_frame_clock (window) == NULL || !gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  /* past the first frames */
  measure_frames (window, NULL, 500, warm_up, warm_up);
  return window;
}

/* The session's page, as the app shows it, sends the invites of a
 * session of @n customers (Send Invites: a thread with its own
 * connection, the page told each message's news) while its window's
 * frames are counted; then the same page idle for as long, the
 * baseline. @runs of each, alternately, each on a fresh copy of the
 * store. */
static void
run_frames (const char *template_path,
            const char *path,
            gint64      session_id,
            int         runs)
{
  g_autoptr(GArray) batch_worst = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) batch_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) idle_worst = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) idle_all = g_array_new (FALSE, FALSE, sizeof (double));
  double batch_ms = 0;
  guint n_sent = 0;

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(AtelierStore) store = NULL;
      g_autoptr(GError) error = NULL;
      AtelierSessionPage *page;
      GtkWidget *window;
      double ms;

      copy_store (template_path, path);
      store = atelier_store_open (path, &error);
      check (store != NULL, error);
      window = show_session_page (store, session_id, &page);
      ms = measure_frames (window, page, 0, batch_worst, batch_all);
      batch_ms += ms;
      measure_frames (window, NULL, (guint) ms, idle_worst, idle_all);
      gtk_window_destroy (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      n_sent = count_sent (store, session_id);
    }

  g_print ("frames of the session page's window, %d runs of each (%u invites of one session,"
           " a batch took %.2f s on average)\n", runs, n_sent, batch_ms / runs / 1000);
  print_frames ("while its batch is sent:", batch_worst, batch_all);
  print_frames ("idle as long (the baseline):", idle_worst, idle_all);
}

int
main (int argc, char **argv)
{
  int n = 1000;
  int runs = 5;
  g_autofree char *server_script = NULL;
  g_autofree char *smtplib_script = NULL;
  gboolean frames = FALSE;
  gboolean steps = FALSE;
  int frame_runs = 3;
  int frame_invites = 100;
  const GOptionEntry entries[] = {
    { "frames", 0, 0, G_OPTION_ARG_NONE, &frames, "Also measure the session page's frames during a batch", NULL },
    { "steps", 0, 0, G_OPTION_ARG_NONE, &steps, "Also time each step of building the messages", NULL },
    { "frame-runs", 0, 0, G_OPTION_ARG_INT, &frame_runs, "Batches (and idle times) the frames are measured over (3)", "N" },
    { "frame-invites", 0, 0, G_OPTION_ARG_INT, &frame_invites, "Invites of the session the page sends (100)", "N" },
    { "invites", 0, 0, G_OPTION_ARG_INT, &n, "Invites per run (1000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each, the median is shown (5)", "N" },
    { "server", 0, 0, G_OPTION_ARG_FILENAME, &server_script, "tests/smtp-server.py", "PATH" },
    { "smtplib", 0, 0, G_OPTION_ARG_FILENAME, &smtplib_script, "bench/smtplib-send.py", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— invites sent over SMTP against smtplib");
  g_autoptr(GArray) atelier = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) smtplib = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) curl = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *template_path = NULL;
  g_autofree char *run_path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *log = NULL;
  int port = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || server_script == NULL || smtplib_script == NULL)
    {
      g_printerr ("%s\n", error ? error->message : "--server and --smtplib are needed");
      return 2;
    }

  dir = g_dir_make_tmp ("atelier-bench-mail-XXXXXX", &error);
  check (dir != NULL, error);
  template_path = g_build_filename (dir, "template.db", NULL);
  run_path = g_build_filename (dir, "run.db", NULL);
  folder = g_build_filename (dir, "messages", NULL);
  log = g_build_filename (dir, "received.jsonl", NULL);

  server = start_server (server_script, log, &port);
  fill_store (template_path, n, SEATS_PER_SESSION, port);
  {
    gint64 start = g_get_monotonic_time ();

    write_messages (template_path, folder, n);
    g_print ("  (building the %d messages alone, for smtplib: %.3f s)\n", n,
             (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  }

  for (int i = 0; i < runs; i++)
    {
      double a = run_atelier (template_path, run_path, n);
      double b = run_smtplib (smtplib_script, port, folder);
      double c = run_curl (template_path, folder);

      g_array_append_val (atelier, a);
      g_array_append_val (smtplib, b);
      g_array_append_val (curl, c);
    }

  g_print ("%d invites over one connection to aiosmtpd on 127.0.0.1, median of %d runs\n", n, runs);
  g_print ("  Atelier (queue, built with GMime, sent with libcurl, recorded): %8.3f s\n",
           bench_median (atelier));
  g_print ("  smtplib (the same messages, built beforehand):                 %8.3f s\n",
           bench_median (smtplib));
  g_print ("  Atelier's sender alone (the same messages, libcurl):          %8.3f s\n",
           bench_median (curl));
  g_print ("  ratio Atelier / smtplib: %.2f\n", bench_median (atelier) / bench_median (smtplib));
  if (steps)
    time_build_steps (template_path);
  if (frames && !gtk_init_check ())
    g_print ("frames: no display, not measured\n");
  else if (frames)
    {
      g_autofree char *one_session = g_build_filename (dir, "one-session.db", NULL);
      gint64 session_id;

      adw_init ();
      /* The page sends one session's invites: a session that large. */
      session_id = fill_store (one_session, frame_invites, frame_invites, port);
      run_frames (one_session, run_path, session_id, frame_runs);
    }

  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  return 0;
}
