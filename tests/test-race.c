/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-race.c: two processes booking one small session at the same time
 *
 * Each process signs up new customers and cancels some of its own at
 * random. Afterwards the session must never hold more confirmed seats than
 * it has, the waiting list must be dense and in order, no waiting party may
 * fit in the free seats, every attempt must be either stored or reported,
 * and the file must be sound.
 */
#define G_LOG_DOMAIN "test-race"

#include "config.h"

#include <sys/wait.h>
#include <unistd.h>

#include "atelier-booking.h"
#include "test-util.h"

#define N_PROCESSES 2
#define N_ATTEMPTS  150
#define CAPACITY    7

static gint64
make_session (const char *path)
{
  g_autoptr(AtelierStore) store = atelier_store_open (path, NULL);
  g_autoptr(AtelierWorkshop) w = atelier_workshop_new ("Macarons parisiens");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 3);
  g_autoptr(AtelierSession) s = NULL;

  g_object_set (w, "capacity", CAPACITY, NULL);
  g_assert_true (atelier_store_add_workshop (store, w, NULL));
  s = atelier_session_new (atelier_workshop_get_id (w), starts, ends, "Europe/Paris");
  g_object_set (s, "capacity", CAPACITY, NULL);
  g_assert_true (atelier_store_add_session (store, s, NULL));
  return atelier_session_get_id (s);
}

/* One competing process: logs "signup <id>" for each stored sign-up and
 * "error <message>" for each refusal, and exits non-zero if anything went
 * wrong that the rules do not explain. */
static int
compete (const char *path,
         gint64      session_id,
         int         index,
         const char *log_path)
{
  g_autoptr(AtelierStore) store = atelier_store_open (path, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (index * 7919 + getpid ());
  g_autoptr(GArray) mine = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GString) log = g_string_new (NULL);
  int unexpected = 0;

  if (store == NULL)
    return 3;

  for (int i = 0; i < N_ATTEMPTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %d-%d", index, i);
      g_autoptr(AtelierCustomer) c = atelier_customer_new (name, "Concurrent");
      g_autoptr(AtelierRegistration) r = NULL;
      g_autoptr(GError) error = NULL;

      r = atelier_booking_sign_up (store, session_id, c, g_rand_int_range (rand, 1, 4), NULL, &error);
      if (r != NULL)
        {
          gint64 id = atelier_registration_get_id (r);
          g_array_append_val (mine, id);
          g_string_append_printf (log, "signup %" G_GINT64_FORMAT "\n", id);
        }
      else
        {
          g_string_append_printf (log, "error %s\n", error->message);
          unexpected++;
        }

      if (mine->len > 0 && g_rand_int_range (rand, 0, 100) < 40)
        {
          gint64 victim = g_array_index (mine, gint64, g_rand_int_range (rand, 0, mine->len));
          g_autoptr(GError) cancel_error = NULL;

          if (!atelier_booking_cancel (store, victim, ATELIER_CANCELLED_BY_CUSTOMER, NULL, &cancel_error) &&
              !g_error_matches (cancel_error, ATELIER_BOOKING_ERROR, ATELIER_BOOKING_ERROR_ALREADY_CANCELLED))
            {
              g_string_append_printf (log, "error %s\n", cancel_error->message);
              unexpected++;
            }
        }
    }

  if (!g_file_set_contents (log_path, log->str, log->len, NULL))
    return 4;
  return unexpected == 0 ? 0 : 5;
}

static void
check_session (AtelierStore *store,
               gint64        session_id)
{
  g_autoptr(GListModel) roster = atelier_store_list_registrations (store, session_id, NULL);
  g_autoptr(AtelierSession) session = atelier_store_get_session (store, session_id, NULL);
  int confirmed = 0;
  int smallest_waiting = G_MAXINT;
  int next_position = 1;

  for (guint i = 0; i < g_list_model_get_n_items (roster); i++)
    {
      g_autoptr(AtelierRegistration) r = g_list_model_get_item (roster, i);
      const char *status = atelier_registration_get_status (r);

      if (g_str_equal (status, ATELIER_REGISTRATION_CONFIRMED))
        confirmed += atelier_registration_get_party_size (r);
      else if (g_str_equal (status, ATELIER_REGISTRATION_WAITLISTED))
        {
          g_assert_cmpint (atelier_registration_get_waitlist_position (r), ==, next_position++);
          smallest_waiting = MIN (smallest_waiting, atelier_registration_get_party_size (r));
        }
    }

  g_assert_cmpint (confirmed, <=, CAPACITY);
  g_assert_cmpint (confirmed, ==, atelier_session_get_seats_taken (session));
  /* Promotion left nobody waiting who would fit. */
  g_assert_cmpint (smallest_waiting, >, CAPACITY - confirmed);
}

static guint
check_log (AtelierStore *store,
           const char   *log_path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_signups = 0;

  g_assert_true (g_file_get_contents (log_path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_autoptr(AtelierRegistration) r = NULL;
      gint64 id;

      g_assert_true (g_str_has_prefix (lines[i], "signup "));
      id = g_ascii_strtoll (lines[i] + 7, NULL, 10);
      r = atelier_store_get_registration (store, id, NULL);
      g_assert_nonnull (r);
      n_signups++;
    }
  return n_signups;
}

static void
test_two_processes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atelier-race-XXXXXX", NULL);
  g_autofree char *schema = NULL;
  /* On the test server when there is one (race-pg), else in a file. */
  g_autofree char *server_path = test_new_server_store (&schema);
  g_autofree char *path = server_path != NULL ? g_strdup (server_path)
                                              : g_build_filename (dir, "store.db", NULL);
  gint64 session_id = make_session (path);
  pid_t children[N_PROCESSES];
  g_autoptr(AtelierStore) store = NULL;
  guint n_signups = 0;

  for (int i = 0; i < N_PROCESSES; i++)
    {
      g_autofree char *log_path = g_strdup_printf ("%s/log-%d", dir, i);

      children[i] = fork ();
      g_assert_cmpint (children[i], >=, 0);
      if (children[i] == 0)
        _exit (compete (path, session_id, i, log_path));
    }

  for (int i = 0; i < N_PROCESSES; i++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (children[i], &status, 0), ==, children[i]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }

  store = atelier_store_open (path, NULL);
  for (int i = 0; i < N_PROCESSES; i++)
    {
      g_autofree char *log_path = g_strdup_printf ("%s/log-%d", dir, i);
      n_signups += check_log (store, log_path);
    }

  /* Every attempt was stored (none was refused: each was a new customer),
   * and nothing was stored that was not reported. */
  g_assert_cmpuint (n_signups, ==, N_PROCESSES * N_ATTEMPTS);
  g_assert_cmpint (g_ascii_strtoll (test_query_text (store, "SELECT count(*) FROM registrations"), NULL, 10),
                   ==, N_PROCESSES * N_ATTEMPTS);
  check_session (store, session_id);
  if (schema == NULL)
    {
      g_assert_cmpstr (test_query_text (store, "PRAGMA integrity_check"), ==, "ok");
      g_assert_cmpstr (test_query_text (store, "PRAGMA foreign_key_check"), ==, "");
    }

  g_clear_object (&store);
  test_drop_server_store (schema);
  test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

  g_test_add_func ("/atelier/booking/race/two-processes", test_two_processes);

  return g_test_run ();
}
