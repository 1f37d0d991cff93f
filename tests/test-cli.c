/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: atelier-cli, run as a program on a store of its own
 *
 * Each test makes a fresh directory with its own database, runs the
 * binary named by $ATELIER_CLI, and compares what it prints with what the
 * core reads from the same file.
 */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "atelier-demo.h"
#include "atelier-search.h"
#include "atelier-store.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("atelier-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "store.db", NULL);
}

/* @path and, for a folder, what it holds; links are not followed */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (!S_ISDIR (st.st_mode))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);

  g_free (fixture->db);
  g_free (fixture->dir);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs atelier-cli with @args, a NULL-terminated array. */
static void
run_cli_argv (Run         *run,
              const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ATELIER_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* The arguments from @first_arg to NULL, after @prefix if not NULL */
static GPtrArray *
collect_args (const char *prefix,
              const char *first_arg,
              va_list     args)
{
  GPtrArray *array = g_ptr_array_new ();

  if (prefix != NULL)
    {
      g_ptr_array_add (array, (char *) "--database");
      g_ptr_array_add (array, (char *) prefix);
    }
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (array, (char *) arg);
  g_ptr_array_add (array, NULL);

  return array;
}

/* Runs atelier-cli with the arguments up to NULL. */
static void
run_cli (Run        *run,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  va_list args;

  va_start (args, first_arg);
  argv = collect_args (NULL, first_arg, args);
  va_end (args);

  run_cli_argv (run, (const char **) argv->pdata);
}

static void
assert_success (Run *run)
{
  if (run->status != 0)
    g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

/* Exit 1, one message on stderr, nothing on stdout */
static void
assert_store_error (Run *run)
{
  g_assert_cmpint (run->status, ==, 1);
  g_assert_true (g_str_has_prefix (run->err, "atelier-cli: "));
  g_assert_cmpuint (strlen (run->err), >, strlen ("atelier-cli: \n"));
  g_assert_cmpstr (run->out, ==, "");
}

/* Exit 2, what is wrong then the usage on stderr, nothing on stdout */
static void
assert_usage_error (Run        *run,
                    const char *mentioned)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_true (g_str_has_prefix (run->err, "atelier-cli: "));
  g_assert_nonnull (strstr (run->err, "Usage:"));
  if (mentioned != NULL)
    g_assert_nonnull (strstr (run->err, mentioned));
  g_assert_cmpstr (run->out, ==, "");
}

/* Runs a listing with --json, and returns its array. */
static JsonArray *
run_json (Fixture    *fixture,
          const char *command,
          const char *first_option,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  const char *option;
  JsonNode *root;
  va_list args;

  va_start (args, first_option);
  for (option = first_option; option != NULL; option = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) option);
  va_end (args);
  while (argv->len < 4)
    g_ptr_array_add (argv, NULL);

  run_cli (&run, "--database", fixture->db, command, "--json",
           argv->pdata[0], argv->pdata[1], argv->pdata[2], argv->pdata[3], NULL);
  assert_success (&run);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  return json_array_ref (json_node_get_array (root));
}

static AtelierStore *
open_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  AtelierStore *store = atelier_store_open (fixture->db, &error);

  g_assert_no_error (error);
  return store;
}

/* A small store made through the core, with a full session, a waiting
 * list, a session in another zone and names from several scripts. */

static gint64
add_workshop (AtelierStore *store,
              const char   *title,
              const char   *host,
              int           capacity)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "host", host, "duration-minutes", 150, "capacity", capacity,
                "price-cents", (gint64) 6500, "category", "cuisine",
                "description", "Un « risotto » crémeux", NULL);
  atelier_store_add_workshop (store, workshop, &error);
  g_assert_no_error (error);

  return atelier_workshop_get_id (workshop);
}

static gint64
add_session (AtelierStore *store,
             gint64        workshop_id,
             const char   *zone_name,
             int           month,
             int           day,
             int           hour,
             int           capacity)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  g_autoptr(GDateTime) starts = g_date_time_new (zone, 2030, month, day, hour, 30, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (workshop_id, starts, ends, zone_name);
  g_autoptr(GError) error = NULL;

  g_object_set (session, "place", "Cuisine de l’atelier", "capacity", capacity, NULL);
  atelier_store_add_session (store, session, &error);
  g_assert_no_error (error);

  return atelier_session_get_id (session);
}

static gint64
add_customer (AtelierStore *store,
              const char   *given_name,
              const char   *family_name,
              const char   *email)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, family_name);
  g_autoptr(GError) error = NULL;

  g_object_set (customer, "email", email, "interests", "cuisine", "consent", TRUE, NULL);
  atelier_store_add_customer (store, customer, &error);
  g_assert_no_error (error);

  return atelier_customer_get_id (customer);
}

static void
add_registration (AtelierStore *store,
                  gint64        session_id,
                  gint64        customer_id,
                  int           party_size,
                  int           waitlist_position)
{
  g_autoptr(AtelierRegistration) registration =
    atelier_registration_new (session_id, customer_id, party_size);
  g_autoptr(GError) error = NULL;

  if (waitlist_position > 0)
    g_object_set (registration, "status", ATELIER_REGISTRATION_WAITLISTED,
                  "waitlist-position", waitlist_position, NULL);
  atelier_store_add_registration (store, registration, &error);
  g_assert_no_error (error);
}

static void
fill_by_hand (Fixture *fixture)
{
  g_autoptr(AtelierStore) store = open_store (fixture);
  gint64 risotto = add_workshop (store, "Risotto aux cèpes", "Marco Bellini", 10);
  gint64 sushi = add_workshop (store, "寿司 — les bases", "Kenji Watanabe", 2);
  gint64 first = add_session (store, risotto, "Europe/Paris", 3, 10, 10, 10);
  gint64 full = add_session (store, sushi, "Europe/Paris", 3, 11, 18, 2);
  gint64 zoe, ana, li;

  add_session (store, risotto, "America/New_York", 3, 12, 9, 10);
  add_session (store, sushi, "Europe/Paris", 4, 2, 23, 2);

  zoe = add_customer (store, "Zoé", "Ñúñez-李", "zoe@example.org");
  ana = add_customer (store, "Ana", "Lima", NULL);
  li = add_customer (store, "李", "小龍", "li@example.org");

  add_registration (store, first, zoe, 2, 0);
  add_registration (store, full, ana, 2, 0);
  add_registration (store, full, li, 1, 1);
}

static void
run_demo (Fixture *fixture)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "--database", fixture->db, "demo", NULL);
  assert_success (&run);
  /* One line, saying what it made */
  g_assert_true (g_str_has_suffix (run.out, ".\n"));
  g_assert_true (strchr (run.out, '\n') == run.out + strlen (run.out) - 1);
  g_assert_nonnull (strstr (run.out, "workshops"));
}

/* Comparing the JSON with the store */

static void
assert_member_string (JsonObject *object,
                      const char *member,
                      const char *expected)
{
  g_assert_true (json_object_has_member (object, member));
  g_assert_cmpstr (json_object_get_string_member (object, member), ==,
                   expected != NULL ? expected : "");
}

static void
assert_member_nullable (JsonObject *object,
                        const char *member,
                        const char *expected)
{
  g_assert_true (json_object_has_member (object, member));
  if (expected == NULL || *expected == '\0')
    g_assert_true (json_object_get_null_member (object, member));
  else
    g_assert_cmpstr (json_object_get_string_member (object, member), ==, expected);
}

static void
assert_member_utc (JsonObject *object,
                   const char *member,
                   gint64      expected)
{
  const char *text = json_object_get_string_member (object, member);
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (time);
  g_assert_true (g_str_has_suffix (text, "Z"));
  g_assert_cmpint (g_date_time_to_unix (time), ==, expected);
}

/* As the session shows it: in its zone, with the zone's offset */
static void
assert_member_time (JsonObject *object,
                    const char *member,
                    GDateTime  *expected)
{
  const char *text = json_object_get_string_member (object, member);
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (time);
  g_assert_cmpint (g_date_time_to_unix (time), ==, g_date_time_to_unix (expected));
  g_assert_cmpint (g_date_time_get_utc_offset (time), ==, g_date_time_get_utc_offset (expected));
}

static void
check_workshop (JsonObject      *object,
                AtelierWorkshop *workshop)
{
  g_assert_cmpint (json_object_get_size (object), ==, 11);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==,
                   atelier_workshop_get_id (workshop));
  assert_member_string (object, "title", atelier_workshop_get_title (workshop));
  assert_member_string (object, "description", atelier_workshop_get_description (workshop));
  assert_member_string (object, "takeaway", atelier_workshop_get_takeaway (workshop));
  assert_member_string (object, "bring", atelier_workshop_get_bring (workshop));
  assert_member_string (object, "host", atelier_workshop_get_host (workshop));
  g_assert_cmpint (json_object_get_int_member (object, "duration_minutes"), ==,
                   atelier_workshop_get_duration_minutes (workshop));
  g_assert_cmpint (json_object_get_int_member (object, "capacity"), ==,
                   atelier_workshop_get_capacity (workshop));
  g_assert_cmpint (json_object_get_int_member (object, "price_cents"), ==,
                   atelier_workshop_get_price_cents (workshop));
  assert_member_string (object, "category", atelier_workshop_get_category (workshop));
  assert_member_utc (object, "created_at", atelier_workshop_get_created_at (workshop));
}

static void
check_session (JsonObject     *object,
               AtelierSession *session)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);
  g_autoptr(GDateTime) end = atelier_session_dup_end (session);

  g_assert_cmpint (json_object_get_size (object), ==, 15);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==,
                   atelier_session_get_id (session));
  /* Sessions planned alone belong to no series. */
  if (atelier_session_get_series_id (session) == 0)
    g_assert_true (json_object_get_null_member (object, "series_id"));
  g_assert_cmpint (json_object_get_int_member (object, "workshop_id"), ==,
                   atelier_session_get_workshop_id (session));
  assert_member_string (object, "workshop", atelier_session_get_workshop_title (session));
  assert_member_time (object, "starts_at", start);
  assert_member_time (object, "ends_at", end);
  assert_member_string (object, "time_zone", atelier_session_get_time_zone (session));
  assert_member_string (object, "place", atelier_session_get_place (session));
  g_assert_cmpint (json_object_get_int_member (object, "capacity"), ==,
                   atelier_session_get_capacity (session));
  g_assert_cmpint (json_object_get_int_member (object, "seats_taken"), ==,
                   atelier_session_get_seats_taken (session));
  g_assert_cmpint (json_object_get_int_member (object, "waiting_parties"), ==,
                   atelier_session_get_waiting_parties (session));
  g_assert_cmpint (json_object_get_int_member (object, "waiting_seats"), ==,
                   atelier_session_get_waiting_seats (session));
  assert_member_string (object, "status", atelier_session_get_status (session));
  assert_member_string (object, "uid", atelier_session_get_uid (session));
  g_assert_cmpint (json_object_get_int_member (object, "sequence"), ==,
                   atelier_session_get_sequence (session));
}

static void
check_customer (JsonObject      *object,
                AtelierCustomer *customer)
{
  g_assert_cmpint (json_object_get_size (object), ==, 9);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==,
                   atelier_customer_get_id (customer));
  assert_member_string (object, "given_name", atelier_customer_get_given_name (customer));
  assert_member_string (object, "family_name", atelier_customer_get_family_name (customer));
  assert_member_nullable (object, "email", atelier_customer_get_email (customer));
  assert_member_nullable (object, "phone", atelier_customer_get_phone (customer));
  assert_member_string (object, "interests", atelier_customer_get_interests (customer));
  assert_member_string (object, "note", atelier_customer_get_note (customer));
  g_assert_cmpint (json_object_get_boolean_member (object, "consent"), ==,
                   atelier_customer_get_consent (customer));
  assert_member_utc (object, "created_at", atelier_customer_get_created_at (customer));
}

typedef void (*CheckFunc) (JsonObject *object,
                           gpointer    item);

static void
check_array (JsonArray  *array,
             GListModel *model,
             CheckFunc   check)
{
  guint n_items = g_list_model_get_n_items (model);

  g_assert_cmpuint (json_array_get_length (array), ==, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      JsonNode *node = json_array_get_element (array, i);

      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      check (json_node_get_object (node), item);
    }
}

/* Every listing, compared item by item with the core's */
static void
check_listings (Fixture *fixture)
{
  g_autoptr(AtelierStore) store = open_store (fixture);
  g_autoptr(GListModel) workshops = atelier_store_list_workshops (store, NULL);
  g_autoptr(GListModel) sessions = atelier_store_list_sessions (store, NULL, NULL, NULL);
  g_autoptr(GListModel) customers = atelier_store_list_customers (store, NULL);
  g_autoptr(JsonArray) workshops_json = run_json (fixture, "workshops", NULL);
  g_autoptr(JsonArray) sessions_json = run_json (fixture, "sessions", NULL);
  g_autoptr(JsonArray) customers_json = run_json (fixture, "customers", NULL);

  g_assert_cmpuint (g_list_model_get_n_items (workshops), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (customers), >, 0);

  check_array (workshops_json, workshops, (CheckFunc) check_workshop);
  check_array (sessions_json, sessions, (CheckFunc) check_session);
  check_array (customers_json, customers, (CheckFunc) check_customer);
}

/* Filtering by date */

static char *
local_day (AtelierSession *session,
           int             days_later)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);
  g_autoptr(GDateTime) local = g_date_time_to_local (start);
  g_autoptr(GDateTime) day = g_date_time_add_days (local, days_later);

  return g_date_time_format (day, "%Y-%m-%d");
}

static gboolean
is_between_days (AtelierSession *session,
                 const char     *first,
                 const char     *last)
{
  g_autofree char *day = local_day (session, 0);

  return strcmp (day, first) >= 0 && strcmp (day, last) <= 0;
}

static gboolean
is_between_times (AtelierSession *session,
                  gint64          first,
                  gint64          last)
{
  gint64 start = atelier_session_get_starts_at (session);

  return start >= first && start <= last;
}

/* The ids of @sessions that @keep keeps, in order */
static GArray *
expected_ids (GListModel *sessions,
              gboolean  (*keep) (AtelierSession *session, gconstpointer first, gconstpointer last),
              gconstpointer first,
              gconstpointer last)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (sessions, i);
      gint64 id = atelier_session_get_id (session);

      if (keep (session, first, last))
        g_array_append_val (ids, id);
    }

  return ids;
}

static gboolean
keep_days (AtelierSession *session,
           gconstpointer   first,
           gconstpointer   last)
{
  return is_between_days (session, first, last);
}

static gboolean
keep_times (AtelierSession *session,
            gconstpointer   first,
            gconstpointer   last)
{
  return is_between_times (session, *(const gint64 *) first, *(const gint64 *) last);
}

static void
assert_ids (JsonArray *array,
            GArray    *ids)
{
  g_assert_cmpuint (json_array_get_length (array), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      g_assert_cmpint (json_object_get_int_member (object, "id"), ==,
                       g_array_index (ids, gint64, i));
    }
}

/* Whole days, both included: from the day of one session to the day of
 * a later one, and a single day */
static void
check_filter_days (Fixture    *fixture,
                   GListModel *sessions,
                   guint       first_index,
                   guint       last_index)
{
  g_autoptr(AtelierSession) first = g_list_model_get_item (sessions, first_index);
  g_autoptr(AtelierSession) last = g_list_model_get_item (sessions, last_index);
  g_autofree char *from = local_day (first, 0);
  g_autofree char *to = local_day (last, 0);
  g_autoptr(GArray) range_ids = expected_ids (sessions, keep_days, from, to);
  g_autoptr(GArray) day_ids = expected_ids (sessions, keep_days, from, from);
  g_autoptr(JsonArray) range = run_json (fixture, "sessions", "--from", from, "--to", to, NULL);
  g_autoptr(JsonArray) day = run_json (fixture, "sessions", "--from", from, "--to", from, NULL);

  g_assert_cmpuint (range_ids->len, >=, 2);
  g_assert_cmpuint (range_ids->len, <, g_list_model_get_n_items (sessions));
  g_assert_cmpuint (day_ids->len, >=, 1);
  assert_ids (range, range_ids);
  assert_ids (day, day_ids);
}

/* One bound only, each way */
static void
check_filter_open (Fixture    *fixture,
                   GListModel *sessions,
                   guint       index)
{
  g_autoptr(AtelierSession) session = g_list_model_get_item (sessions, index);
  g_autofree char *day = local_day (session, 0);
  g_autoptr(GArray) after_ids = expected_ids (sessions, keep_days, day, "9999-12-31");
  g_autoptr(GArray) before_ids = expected_ids (sessions, keep_days, "0000-01-01", day);
  g_autoptr(JsonArray) after = run_json (fixture, "sessions", "--from", day, NULL);
  g_autoptr(JsonArray) before = run_json (fixture, "sessions", "--to", day, NULL);

  assert_ids (after, after_ids);
  assert_ids (before, before_ids);
}

/* Exact times with an offset, both included */
static void
check_filter_times (Fixture    *fixture,
                    GListModel *sessions,
                    guint       first_index,
                    guint       last_index)
{
  g_autoptr(AtelierSession) first = g_list_model_get_item (sessions, first_index);
  g_autoptr(AtelierSession) last = g_list_model_get_item (sessions, last_index);
  g_autoptr(GDateTime) first_start = atelier_session_dup_start (first);
  g_autoptr(GDateTime) last_start = atelier_session_dup_start (last);
  g_autofree char *from = g_date_time_format_iso8601 (first_start);
  g_autofree char *to = g_date_time_format_iso8601 (last_start);
  gint64 first_time = g_date_time_to_unix (first_start);
  gint64 last_time = g_date_time_to_unix (last_start);
  g_autoptr(GArray) ids = expected_ids (sessions, keep_times, &first_time, &last_time);
  g_autoptr(JsonArray) array = run_json (fixture, "sessions", "--from", from, "--to", to, NULL);

  g_assert_cmpuint (ids->len, ==, last_index - first_index + 1);
  assert_ids (array, ids);
}

static void
check_filters (Fixture *fixture)
{
  g_autoptr(AtelierStore) store = open_store (fixture);
  g_autoptr(GListModel) sessions = atelier_store_list_sessions (store, NULL, NULL, NULL);
  guint n_sessions = g_list_model_get_n_items (sessions);

  g_assert_cmpuint (n_sessions, >=, 4);
  check_filter_days (fixture, sessions, 1, n_sessions - 2);
  check_filter_open (fixture, sessions, n_sessions / 2);
  check_filter_times (fixture, sessions, 1, n_sessions - 2);
}

/* The tests on the demo store */

static void
test_demo_listings (Fixture       *fixture,
                    gconstpointer  data)
{
  run_demo (fixture);
  check_listings (fixture);
}

static void
test_demo_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  run_demo (fixture);
  check_filters (fixture);
}

static void
test_demo_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonArray) before = NULL;
  g_autoptr(JsonArray) after = NULL;

  run_demo (fixture);
  before = run_json (fixture, "customers", NULL);

  run_cli (&run, "--database", fixture->db, "demo", NULL);
  assert_store_error (&run);

  after = run_json (fixture, "customers", NULL);
  g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before));
}

/* The tests on a store made by hand */

static void
test_listings (Fixture       *fixture,
               gconstpointer  data)
{
  fill_by_hand (fixture);
  check_listings (fixture);
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  fill_by_hand (fixture);
  check_filters (fixture);
}

/* A session in New York keeps its own offset. */
static void
test_time_zones (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(JsonArray) sessions = NULL;

  fill_by_hand (fixture);
  sessions = run_json (fixture, "sessions", NULL);

  g_assert_cmpuint (json_array_get_length (sessions), ==, 4);
  assert_member_string (json_array_get_object_element (sessions, 0), "starts_at",
                        "2030-03-10T10:30:00+01:00");
  assert_member_string (json_array_get_object_element (sessions, 2), "starts_at",
                        "2030-03-12T09:30:00-04:00");
  assert_member_string (json_array_get_object_element (sessions, 2), "time_zone",
                        "America/New_York");
  assert_member_string (json_array_get_object_element (sessions, 3), "starts_at",
                        "2030-04-02T23:30:00+02:00");
}

static void
test_unicode (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonArray) customers = NULL;
  JsonObject *zoe = NULL;

  fill_by_hand (fixture);
  customers = run_json (fixture, "customers", NULL);

  for (guint i = 0; i < json_array_get_length (customers); i++)
    {
      JsonObject *object = json_array_get_object_element (customers, i);
      if (g_strcmp0 (json_object_get_string_member (object, "given_name"), "Zoé") == 0)
        zoe = object;
    }
  g_assert_nonnull (zoe);
  assert_member_string (zoe, "family_name", "Ñúñez-李");
  assert_member_nullable (zoe, "phone", NULL);

  /* As UTF-8, not as \u escapes */
  run_cli (&run, "--database", fixture->db, "customers", "--json", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "\"Ñúñez-李\""));
  g_assert_null (strstr (run.out, "\\u"));
}

/* How many columns a terminal gives @text */
static gsize
display_width (const char *text,
               gsize       length)
{
  gsize width = 0;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      width += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* The header then one line per item; @column starts at the same place on
 * every line, whatever the width of the characters before it. */
static void
check_table (const char  *out,
             guint        n_items,
             const char  *column,
             const char **cells)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  const char *header_cell = strstr (lines[0], column);
  gsize column_start;

  g_assert_cmpuint (g_strv_length (lines), ==, n_items + 2);
  g_assert_cmpstr (lines[n_items + 1], ==, "");
  g_assert_nonnull (header_cell);
  column_start = display_width (lines[0], header_cell - lines[0]);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      guint found = 0;

      for (guint line = 1; line <= n_items; line++)
        {
          const char *cell = strstr (lines[line], cells[i]);

          if (cell == NULL)
            continue;
          g_assert_cmpuint (display_width (lines[line], cell - lines[line]), ==, column_start);
          found++;
        }
      g_assert_cmpuint (found, >, 0);
    }
}

static void
test_tables (Fixture       *fixture,
             gconstpointer  data)
{
  const char *places[] = { "Cuisine de l’atelier", NULL };
  const char *hosts[] = { "Marco Bellini", "Kenji Watanabe", NULL };
  const char *emails[] = { "zoe@example.org", "li@example.org", NULL };
  g_auto(Run) run = { 0 };

  fill_by_hand (fixture);

  run_cli (&run, "--database", fixture->db, "workshops", NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "ID"));
  check_table (run.out, 2, "Host", hosts);
  g_assert_nonnull (strstr (run.out, "2 h 30"));
  g_assert_nonnull (strstr (run.out, "65.00"));

  run_cli (&run, "--database", fixture->db, "sessions", NULL);
  assert_success (&run);
  check_table (run.out, 4, "Place", places);
  g_assert_nonnull (strstr (run.out, "2030-03-12 09:30"));
  g_assert_nonnull (strstr (run.out, "2/2 +1 waiting"));
  g_assert_nonnull (strstr (run.out, "Date/time"));
  g_assert_nonnull (strstr (run.out, "Seats"));
  g_assert_nonnull (strstr (run.out, "Status"));

  run_cli (&run, "--database", fixture->db, "customers", NULL);
  assert_success (&run);
  check_table (run.out, 3, "E-mail", emails);
  g_assert_nonnull (strstr (run.out, "Zoé Ñúñez-李"));
  g_assert_nonnull (strstr (run.out, "Phone"));
}

/* An empty store lists nothing, in either form. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(AtelierStore) store = open_store (fixture);
  g_autoptr(JsonArray) sessions = run_json (fixture, "sessions", NULL);
  g_auto(Run) run = { 0 };

  g_assert_cmpuint (json_array_get_length (sessions), ==, 0);
  run_cli (&run, "--database", fixture->db, "workshops", NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "ID"));
  g_assert_true (strchr (run.out, '\n') == run.out + strlen (run.out) - 1);
}

/* Command lines */

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  const char *forms[] = { "--help", "help", "-h" };
  const char *commands[] = { "demo", "workshops", "sessions", "customers" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    {
      g_auto(Run) run = { 0 };

      run_cli (&run, forms[i], NULL);
      assert_success (&run);
      g_assert_true (g_str_has_prefix (run.out, "Usage:"));
      for (guint j = 0; j < G_N_ELEMENTS (commands); j++)
        g_assert_nonnull (strstr (run.out, commands[j]));
    }
}

static void
test_command_help (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "sessions", "--help", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "atelier-cli sessions"));
  g_assert_nonnull (strstr (run.out, "--from"));
  g_assert_nonnull (strstr (run.out, "--json"));
}

static void
test_unknown_command (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "--database", fixture->db, "frobnicate", NULL);
  assert_usage_error (&run, "frobnicate");
  g_assert_nonnull (strstr (run.err, "sessions"));

  run_cli (&run, "--database", fixture->db, NULL);
  assert_usage_error (&run, NULL);
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_bad_arguments (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  fill_by_hand (fixture);

  run_cli (&run, "--database", fixture->db, "workshops", "--bogus", NULL);
  assert_usage_error (&run, "--bogus");
  run_cli (&run, "--frobnicate", "--database", fixture->db, "workshops", NULL);
  assert_usage_error (&run, "--frobnicate");
  run_cli (&run, "--database", fixture->db, "customers", "extra", NULL);
  assert_usage_error (&run, "extra");
  run_cli (&run, "workshops", "--database", NULL);
  assert_usage_error (&run, "--database");
  run_cli (&run, "--database", fixture->db, "sessions", "--from", NULL);
  assert_usage_error (&run, "--from");
}

static void
test_bad_dates (Fixture       *fixture,
                gconstpointer  data)
{
  const char *bad[] = {
    "2026-13-01", "2026-02-30", "tomorrow", "28/11/2026", "2026-11-28T18:30",
    "2026-11-28 ", "", "2026-1-5",
  };

  fill_by_hand (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *quoted = g_strdup_printf ("“%s”", bad[i]);

      run_cli (&run, "--database", fixture->db, "sessions", "--from", bad[i], NULL);
      assert_usage_error (&run, quoted);
      run_cli (&run, "--database", fixture->db, "sessions", "--to", bad[i], "--json", NULL);
      assert_usage_error (&run, quoted);
    }
}

/* A file that is not a store is refused and left as it was. */
static void
test_not_a_store (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *text = "name,email\nZoé,zoe@example.org\n";
  const char *commands[] = { "workshops", "sessions", "customers", "demo" };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->db, text, -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *contents = NULL;

      run_cli (&run, "--database", fixture->db, commands[i], NULL);
      assert_store_error (&run);

      g_file_get_contents (fixture->db, &contents, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (contents, ==, text);
    }
}

/* Reading a store that does not exist does not create it. */
static void
test_missing_store (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, "--database", fixture->db, "sessions", "--json", NULL);
  assert_store_error (&run);
  g_assert_nonnull (strstr (run.err, fixture->db));
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

/* --database also after the command's name */
static void
test_database_after_command (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  fill_by_hand (fixture);
  run_cli (&run, "workshops", "--json", "--database", fixture->db, NULL);
  assert_success (&run);

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (parser))),
                    ==, 2);
}

/* The booking commands, on two sessions made through the core */

typedef struct
{
  gint64 small;  /* 2 seats */
  gint64 large;  /* 10 seats */
  gint64 zoe;    /* Zoé Ñúñez-李, a known customer */
} Booking;

static void
fill_booking (Fixture *fixture,
              Booking *booking)
{
  g_autoptr(AtelierStore) store = open_store (fixture);
  gint64 risotto = add_workshop (store, "Risotto aux cèpes", "Marco Bellini", 10);

  booking->small = add_session (store, risotto, "Europe/Paris", 5, 4, 18, 2);
  booking->large = add_session (store, risotto, "Europe/Paris", 5, 5, 18, 10);
  booking->zoe = add_customer (store, "Zoé", "Ñúñez-李", "zoe@example.org");
  add_customer (store, "Zoé", "Martin", "zoe.martin@example.org");
}

/* A number as an argument; the result lives until the next call with
 * the same @slot. */
static const char *
arg_id (guint  slot,
        gint64 id)
{
  static char buffers[4][32];

  g_assert_cmpuint (slot, <, G_N_ELEMENTS (buffers));
  g_snprintf (buffers[slot], sizeof buffers[slot], "%" G_GINT64_FORMAT, id);
  return buffers[slot];
}

/* Runs atelier-cli on the fixture's store with the arguments up to NULL. */
static void
run_db (Run        *run,
        Fixture    *fixture,
        const char *first_arg,
        ...)
{
  g_autoptr(GPtrArray) argv = NULL;
  va_list args;

  va_start (args, first_arg);
  argv = collect_args (fixture->db, first_arg, args);
  va_end (args);

  run_cli_argv (run, (const char **) argv->pdata);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* The object printed by a successful command */
static JsonObject *
parse_object (Run *run)
{
  g_autoptr(JsonNode) root = NULL;

  assert_success (run);
  root = parse_json (run->out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_object_ref (json_node_get_object (root));
}

/* "Registration 42: confirmed", one line: returns 42. */
static gint64
parse_outcome (const char *out,
               const char *state)
{
  g_autofree char *rest = g_strdup_printf (": %s\n", state);
  const char *prefix = "Registration ";
  char *end = NULL;
  gint64 id;

  g_assert_true (g_str_has_prefix (out, prefix));
  id = g_ascii_strtoll (out + strlen (prefix), &end, 10);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpstr (end, ==, rest);

  return id;
}

/* Signs a new customer called @name up, and returns the registration's
 * id after checking its state. */
static gint64
sign_up (Fixture    *fixture,
         gint64      session_id,
         const char *name,
         const char *party,
         const char *state)
{
  static guint n_people = 0;
  g_autofree char *email = g_strdup_printf ("someone-%u@example.org", ++n_people);
  g_auto(Run) run = { 0 };

  /* An address of one's own: a known one would be its customer's. */
  run_db (&run, fixture, "signup", arg_id (0, session_id), "--name", name,
          "--email", email, "--party", party, NULL);
  assert_success (&run);

  return parse_outcome (run.out, state);
}

static AtelierRegistration *
get_registration (Fixture *fixture,
                  gint64   id)
{
  g_autoptr(AtelierStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  AtelierRegistration *registration = atelier_store_get_registration (store, id, &error);

  g_assert_no_error (error);
  return registration;
}

static void
assert_customer_name (Fixture    *fixture,
                      gint64      registration_id,
                      const char *given_name,
                      const char *family_name)
{
  g_autoptr(AtelierRegistration) registration = get_registration (fixture, registration_id);
  g_autoptr(AtelierStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierCustomer) customer =
    atelier_store_get_customer (store, atelier_registration_get_customer_id (registration),
                                &error);

  g_assert_no_error (error);
  g_assert_cmpstr (atelier_customer_get_given_name (customer), ==, given_name);
  g_assert_cmpstr (atelier_customer_get_family_name (customer), ==, family_name);
}

static void
assert_member_utc_or_null (JsonObject *object,
                           const char *member,
                           gint64      expected)
{
  g_assert_true (json_object_has_member (object, member));
  if (expected == 0)
    g_assert_true (json_object_get_null_member (object, member));
  else
    assert_member_utc (object, member, expected);
}

static void
check_registration (JsonObject          *object,
                    AtelierRegistration *registration)
{
  int position = atelier_registration_get_waitlist_position (registration);

  g_assert_cmpint (json_object_get_size (object), ==, 15);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==,
                   atelier_registration_get_id (registration));
  g_assert_cmpint (json_object_get_int_member (object, "session_id"), ==,
                   atelier_registration_get_session_id (registration));
  g_assert_cmpint (json_object_get_int_member (object, "customer_id"), ==,
                   atelier_registration_get_customer_id (registration));
  assert_member_string (object, "customer", atelier_registration_get_customer_name (registration));
  g_assert_cmpint (json_object_get_int_member (object, "party_size"), ==,
                   atelier_registration_get_party_size (registration));
  assert_member_string (object, "status", atelier_registration_get_status (registration));
  g_assert_true (json_object_has_member (object, "waitlist_position"));
  if (position == 0)
    g_assert_true (json_object_get_null_member (object, "waitlist_position"));
  else
    g_assert_cmpint (json_object_get_int_member (object, "waitlist_position"), ==, position);
  assert_member_utc_or_null (object, "checked_in_at",
                             atelier_registration_get_checked_in_at (registration));
  assert_member_string (object, "source", atelier_registration_get_source (registration));
  assert_member_string (object, "note", atelier_registration_get_note (registration));
  assert_member_utc (object, "created_at", atelier_registration_get_created_at (registration));
  assert_member_utc_or_null (object, "promoted_at",
                             atelier_registration_get_promoted_at (registration));
  assert_member_utc_or_null (object, "cancelled_at",
                             atelier_registration_get_cancelled_at (registration));
  assert_member_nullable (object, "cancelled_by",
                          atelier_registration_get_cancelled_by (registration));
  g_assert_true (json_object_has_member (object, "arrived"));
  if (atelier_registration_get_checked_in_at (registration) == 0)
    g_assert_true (json_object_get_null_member (object, "arrived"));
  else
    g_assert_cmpint (json_object_get_int_member (object, "arrived"), ==,
                     atelier_registration_count_arrived (registration));
}

/* roster --json: { session_id, summary, registrations } */
static JsonObject *
run_roster (Fixture    *fixture,
            gint64      session_id,
            const char *option)
{
  g_auto(Run) run = { 0 };
  JsonObject *roster;

  run_db (&run, fixture, "roster", arg_id (1, session_id), "--json", option, NULL);
  roster = parse_object (&run);
  g_assert_cmpint (json_object_get_int_member (roster, "session_id"), ==, session_id);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_object_get_member (roster, "summary")));
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (roster, "registrations")));

  return roster;
}

static JsonArray *
roster_registrations (JsonObject *roster)
{
  return json_object_get_array_member (roster, "registrations");
}

static gint64
roster_int (JsonObject *roster,
            const char *member)
{
  return json_object_get_int_member (json_object_get_object_member (roster, "summary"), member);
}

/* The roster's registration with @id, or NULL */
static JsonObject *
find_in_roster (JsonObject *roster,
                gint64      id)
{
  JsonArray *registrations = roster_registrations (roster);

  for (guint i = 0; i < json_array_get_length (registrations); i++)
    {
      JsonObject *object = json_array_get_object_element (registrations, i);

      if (json_object_get_int_member (object, "id") == id)
        return object;
    }

  return NULL;
}

/* Every registration in the roster equals the core's, and the waiting
 * list is numbered 1, 2, 3… in order. */
static void
check_roster (Fixture    *fixture,
              JsonObject *roster)
{
  JsonArray *registrations = roster_registrations (roster);
  gint64 expected_position = 1;

  for (guint i = 0; i < json_array_get_length (registrations); i++)
    {
      JsonObject *object = json_array_get_object_element (registrations, i);
      g_autoptr(AtelierRegistration) registration =
        get_registration (fixture, json_object_get_int_member (object, "id"));

      check_registration (object, registration);
      if (g_strcmp0 (json_object_get_string_member (object, "status"), "waitlisted") == 0)
        g_assert_cmpint (json_object_get_int_member (object, "waitlist_position"), ==,
                         expected_position++);
    }
}

static void
assert_refused (Run        *run,
                const char *rule)
{
  assert_store_error (run);
  if (strstr (run->err, rule) == NULL)
    g_test_message ("stderr: %s", run->err);
  g_assert_nonnull (strstr (run->err, rule));
}

static void
test_booking_signup (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) roster = NULL;
  g_autoptr(AtelierRegistration) known = NULL;
  Booking booking;
  gint64 first, last, single;

  fill_booking (fixture, &booking);

  first = sign_up (fixture, booking.small, "Marie-Claire Dupont", "1", "confirmed");
  assert_customer_name (fixture, first, "Marie-Claire", "Dupont");

  /* A known customer fills the session; --json is the registration */
  run_db (&run, fixture, "signup", arg_id (0, booking.small), "--customer",
          arg_id (1, booking.zoe), "--note", "Végétarienne", "--json", NULL);
  object = parse_object (&run);
  known = get_registration (fixture, json_object_get_int_member (object, "id"));
  check_registration (object, known);
  assert_member_string (object, "status", "confirmed");
  assert_member_string (object, "note", "Végétarienne");
  assert_member_string (object, "customer", "Zoé Ñúñez-李");
  g_assert_cmpint (json_object_get_int_member (object, "customer_id"), ==, booking.zoe);

  /* Full: the waiting list, in order, parties kept together */
  sign_up (fixture, booking.small, "Jean Paul Martin", "2", "waitlisted 1");
  run_db (&run, fixture, "signup", arg_id (0, booking.small), "--given", "Anne",
          "--family", "de la Tour", "--email", "anne@example.org", NULL);
  assert_success (&run);
  last = parse_outcome (run.out, "waitlisted 2");
  assert_customer_name (fixture, last, "Anne", "de la Tour");

  single = sign_up (fixture, booking.large, "  Cher ", "3", "confirmed");
  assert_customer_name (fixture, single, "Cher", "");

  /* A known e-mail address is that customer, as at import: no second
   * customer with Anne's address, whatever the name typed. */
  {
    g_autoptr(AtelierRegistration) anne = get_registration (fixture, last);
    g_autoptr(JsonArray) before = run_json (fixture, "customers", NULL);
    g_autoptr(JsonArray) after = NULL;
    g_autoptr(JsonObject) twin = NULL;
    g_autoptr(AtelierRegistration) walked_in = NULL;

    run_db (&run, fixture, "signup", arg_id (0, booking.large), "--name", "Anne Twin",
            "--email", " ANNE@example.org", "--json", NULL);
    twin = parse_object (&run);
    g_assert_cmpint (json_object_get_int_member (twin, "customer_id"), ==,
                     atelier_registration_get_customer_id (anne));
    run_db (&run, fixture, "walkin", arg_id (0, booking.small), "--name", "Anne Twin",
            "--email", "anne@EXAMPLE.org", NULL);
    g_assert_nonnull (strstr (run.out, "is the e-mail address of Anne de la Tour"));
    after = run_json (fixture, "customers", NULL);
    g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before));
  }

  /* Twice is refused, naming the rule, and changes nothing */
  run_db (&run, fixture, "signup", arg_id (0, booking.small), "--customer",
          arg_id (1, booking.zoe), NULL);
  assert_refused (&run, "already signed up");

  roster = run_roster (fixture, booking.small, NULL);
  g_assert_cmpuint (json_array_get_length (roster_registrations (roster)), ==, 4);
  g_assert_cmpint (roster_int (roster, "confirmed_seats"), ==, 2);
  g_assert_cmpint (roster_int (roster, "waiting_parties"), ==, 2);
  g_assert_cmpint (roster_int (roster, "waiting_seats"), ==, 3);
  check_roster (fixture, roster);
}

static void
test_booking_cancel (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) roster = NULL;
  g_autoptr(JsonObject) all = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(AtelierRegistration) cancelled = NULL;
  g_autofree char *promotion = NULL;
  g_auto(GStrv) lines = NULL;
  Booking booking;
  gint64 ana, bo, couple, dan, eve;
  JsonObject *found;

  fill_booking (fixture, &booking);
  ana = sign_up (fixture, booking.small, "Ana Lima", "1", "confirmed");
  bo = sign_up (fixture, booking.small, "Bo Berg", "1", "confirmed");
  couple = sign_up (fixture, booking.small, "Cléo Roux", "2", "waitlisted 1");
  dan = sign_up (fixture, booking.small, "Dan Yilmaz", "1", "waitlisted 2");
  eve = sign_up (fixture, booking.small, "Ève Moreau", "1", "waitlisted 3");

  /* One seat frees: the couple does not fit, Dan does and is said so */
  run_db (&run, fixture, "cancel", arg_id (0, ana), "--by", "customer", NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "Registration "));
  g_assert_nonnull (strstr (run.out, ": cancelled\n"));
  promotion = g_strdup_printf ("Registration %" G_GINT64_FORMAT " (Dan Yilmaz): now confirmed",
                               dan);
  g_assert_nonnull (strstr (run.out, promotion));
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  roster = run_roster (fixture, booking.small, NULL);
  check_roster (fixture, roster);
  g_assert_null (find_in_roster (roster, ana));
  found = find_in_roster (roster, dan);
  assert_member_string (found, "status", "confirmed");
  g_assert_false (json_object_get_null_member (found, "promoted_at"));
  g_assert_cmpint (json_object_get_int_member (find_in_roster (roster, couple),
                                               "waitlist_position"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (find_in_roster (roster, eve),
                                               "waitlist_position"), ==, 2);
  g_assert_cmpint (roster_int (roster, "confirmed_seats"), ==, 2);
  g_assert_cmpint (roster_int (roster, "waiting_parties"), ==, 2);

  /* With --all, the cancelled one and who cancelled */
  all = run_roster (fixture, booking.small, "--all");
  check_roster (fixture, all);
  assert_member_string (find_in_roster (all, ana), "status", "cancelled");
  assert_member_nullable (find_in_roster (all, ana), "cancelled_by", "customer");

  run_db (&run, fixture, "cancel", arg_id (0, ana), NULL);
  assert_refused (&run, "already cancelled");

  /* A place on the waiting list; the store cancels by default */
  run_db (&run, fixture, "cancel", arg_id (0, couple), "--json", NULL);
  object = parse_object (&run);
  assert_member_string (object, "status", "cancelled");
  assert_member_nullable (object, "cancelled_by", "store");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "promoted")),
                    ==, 0);
  json_object_remove_member (object, "promoted");
  cancelled = get_registration (fixture, couple);
  check_registration (object, cancelled);

  g_clear_pointer (&roster, json_object_unref);
  roster = run_roster (fixture, booking.small, NULL);
  check_roster (fixture, roster);
  g_assert_cmpint (json_object_get_int_member (find_in_roster (roster, eve),
                                               "waitlist_position"), ==, 1);
  g_assert_nonnull (find_in_roster (roster, bo));
}

static void
test_booking_move (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) small = NULL;
  g_autoptr(JsonObject) large = NULL;
  g_autoptr(AtelierRegistration) old = NULL;
  g_autoptr(AtelierRegistration) moved = NULL;
  Booking booking;
  gint64 ana, waiting, new_id;

  fill_booking (fixture, &booking);
  ana = sign_up (fixture, booking.small, "Ana Lima", "2", "confirmed");
  waiting = sign_up (fixture, booking.small, "Bo Berg", "1", "waitlisted 1");

  run_db (&run, fixture, "move", arg_id (0, ana), arg_id (1, booking.large), NULL);
  assert_success (&run);
  new_id = parse_outcome (run.out, "confirmed");

  old = get_registration (fixture, ana);
  moved = get_registration (fixture, new_id);
  g_assert_cmpstr (atelier_registration_get_status (old), ==, ATELIER_REGISTRATION_CANCELLED);
  g_assert_cmpint (atelier_registration_get_session_id (moved), ==, booking.large);
  g_assert_cmpint (atelier_registration_get_customer_id (moved), ==,
                   atelier_registration_get_customer_id (old));
  g_assert_cmpint (atelier_registration_get_party_size (moved), ==, 2);

  /* The seats freed went to the waiting list. */
  small = run_roster (fixture, booking.small, NULL);
  check_roster (fixture, small);
  assert_member_string (find_in_roster (small, waiting), "status", "confirmed");
  large = run_roster (fixture, booking.large, NULL);
  check_roster (fixture, large);
  g_assert_nonnull (find_in_roster (large, new_id));

  run_db (&run, fixture, "move", arg_id (0, new_id), arg_id (1, booking.large), NULL);
  assert_refused (&run, "already in this session");
  run_db (&run, fixture, "move", arg_id (0, new_id), "999", NULL);
  assert_refused (&run, "no session");
}

static void
test_booking_capacity (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  g_autofree char *expected = NULL;
  Booking booking;
  gint64 third, fourth;
  JsonArray *promoted;

  fill_booking (fixture, &booking);
  sign_up (fixture, booking.small, "Ana Lima", "1", "confirmed");
  sign_up (fixture, booking.small, "Bo Berg", "1", "confirmed");
  third = sign_up (fixture, booking.small, "Cléo Roux", "1", "waitlisted 1");
  fourth = sign_up (fixture, booking.small, "Dan Yilmaz", "1", "waitlisted 2");
  before = run_roster (fixture, booking.small, NULL);

  /* Below the seats taken: refused, nothing changed */
  run_db (&run, fixture, "capacity", arg_id (0, booking.small), "1", NULL);
  assert_refused (&run, "seats are already taken");
  store = open_store (fixture);
  session = atelier_store_get_session (store, booking.small, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atelier_session_get_capacity (session), ==, 2);
  after = run_roster (fixture, booking.small, NULL);
  g_assert_true (json_object_equal (before, after));

  /* One more seat: the first waiting is confirmed, and said so */
  run_db (&run, fixture, "capacity", arg_id (0, booking.small), "3", NULL);
  assert_success (&run);
  expected = g_strdup_printf ("Session %" G_GINT64_FORMAT ": capacity 3\n"
                              "Registration %" G_GINT64_FORMAT " (Cléo Roux): now confirmed",
                              booking.small, third);
  g_assert_true (g_str_has_prefix (run.out, expected));

  run_db (&run, fixture, "capacity", arg_id (0, booking.small), "5", "--json", NULL);
  object = parse_object (&run);
  g_assert_cmpint (json_object_get_int_member (object, "session_id"), ==, booking.small);
  g_assert_cmpint (json_object_get_int_member (object, "capacity"), ==, 5);
  promoted = json_object_get_array_member (object, "promoted");
  g_assert_cmpuint (json_array_get_length (promoted), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (promoted, 0), "id"),
                   ==, fourth);

  g_clear_pointer (&after, json_object_unref);
  after = run_roster (fixture, booking.small, NULL);
  g_assert_cmpint (roster_int (after, "capacity"), ==, 5);
  g_assert_cmpint (roster_int (after, "free_seats"), ==, 1);
  g_assert_cmpint (roster_int (after, "waiting_parties"), ==, 0);
}

static void
test_booking_check_in (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;
  Booking booking;
  gint64 ana, bo, waiting;

  fill_booking (fixture, &booking);
  ana = sign_up (fixture, booking.small, "Ana Lima", "1", "confirmed");
  bo = sign_up (fixture, booking.small, "Bo Berg", "1", "confirmed");
  waiting = sign_up (fixture, booking.small, "Cléo Roux", "1", "waitlisted 1");

  run_db (&run, fixture, "checkin", arg_id (0, ana), NULL);
  assert_success (&run);
  parse_outcome (run.out, "checked in");
  run_db (&run, fixture, "checkin", arg_id (0, ana), NULL);
  assert_refused (&run, "already checked in");
  run_db (&run, fixture, "cancel", arg_id (0, ana), NULL);
  assert_refused (&run, "checked in");

  run_db (&run, fixture, "undo-checkin", arg_id (0, ana), NULL);
  assert_success (&run);
  parse_outcome (run.out, "confirmed");
  run_db (&run, fixture, "undo-checkin", arg_id (0, ana), NULL);
  assert_refused (&run, "not checked in");

  run_db (&run, fixture, "checkin", arg_id (0, waiting), NULL);
  assert_refused (&run, "confirmed");

  run_db (&run, fixture, "checkin", arg_id (0, bo), "--json", NULL);
  object = parse_object (&run);
  registration = get_registration (fixture, bo);
  g_assert_cmpint (atelier_registration_get_checked_in_at (registration), !=, 0);
  check_registration (object, registration);

  /* Parties that arrive incomplete: --arrived says how many came. */
  {
    gint64 duo = sign_up (fixture, booking.large, "Dan Duo", "2", "confirmed");
    g_autoptr(JsonObject) partial = NULL;

    run_db (&run, fixture, "checkin", arg_id (0, duo), "--arrived", "3", NULL);
    assert_refused (&run, "between 1 and 2 can arrive, not 3");
    run_db (&run, fixture, "checkin", arg_id (0, duo), "--arrived", "0", NULL);
    g_assert_cmpint (run.status, ==, 2);
    run_db (&run, fixture, "checkin", arg_id (0, duo), "--arrived", "1", NULL);
    assert_success (&run);
    parse_outcome (run.out, "checked in, 1 of 2 came");
    run_db (&run, fixture, "checkin", arg_id (0, duo), "--arrived", "1", "--json", NULL);
    partial = parse_object (&run);
    g_assert_cmpint (json_object_get_int_member (partial, "arrived"), ==, 1);
    run_db (&run, fixture, "summary", arg_id (0, booking.large), "--json", NULL);
    g_clear_pointer (&partial, json_object_unref);
    partial = parse_object (&run);
    g_assert_cmpint (json_object_get_int_member (partial, "checked_in_seats"), ==, 1);
  }

  run_db (&run, fixture, "summary", arg_id (0, booking.small), "--json", NULL);
  summary = parse_object (&run);
  g_assert_cmpint (json_object_get_int_member (summary, "session_id"), ==, booking.small);
  g_assert_cmpint (json_object_get_int_member (summary, "capacity"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "confirmed_seats"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "confirmed_parties"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "checked_in_seats"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "waiting_parties"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "waiting_seats"), ==, 1);
  g_assert_true (json_object_get_null_member (summary, "no_show_seats"));
  g_assert_false (json_object_get_boolean_member (summary, "ended"));

  /* For people: the roster, then the summary */
  run_db (&run, fixture, "roster", arg_id (0, booking.small), NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "Risotto aux cèpes — 2030-05-04 18:30"));
  g_assert_nonnull (strstr (run.out, "Cléo Roux"));
  g_assert_nonnull (strstr (run.out, "waitlisted 1"));
  g_assert_nonnull (strstr (run.out, "checked in"));
  g_assert_nonnull (strstr (run.out, "Checked in    1 seat\n"));
  g_assert_nonnull (strstr (run.out, "Waiting list  1 seat in 1 party\n"));
  g_assert_null (strstr (run.out, "No-shows"));
}

static guint
count_customers (Fixture *fixture)
{
  g_autoptr(JsonArray) customers = run_json (fixture, "customers", NULL);

  return json_array_get_length (customers);
}

/* The values an outside probe got stored through signup and walkin:
 * each is refused with the core's reason, naming the value, and nothing
 * is stored, as import refuses them. */
static void
test_booking_hostile_contact (Fixture       *fixture,
                              gconstpointer  data)
{
  /* e-mail, phone, what the error says */
  static const char *const hostile[][3] = {
    { "x@example.org\r\nBcc: y@evil.example", "06 12 34 56 78", "is not an e-mail address" },
    { "not an email", "06 12 34 56 78", "“not an email” is not an e-mail address" },
    { "odd@example.org", "DROP TABLE", "“DROP TABLE” is not a phone number" },
  };
  static const char *const commands[] = { "signup", "walkin" };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) roster = NULL;
  Booking booking;
  guint n_customers;

  fill_booking (fixture, &booking);
  n_customers = count_customers (fixture);

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
      {
        g_test_message ("%s --email %s --phone %s", commands[c], hostile[i][0], hostile[i][1]);
        run_db (&run, fixture, commands[c], arg_id (0, booking.large), "--name", "Odd Mail",
                "--email", hostile[i][0], "--phone", hostile[i][1], NULL);
        assert_refused (&run, hostile[i][2]);
      }

  g_assert_cmpuint (count_customers (fixture), ==, n_customers);
  roster = run_roster (fixture, booking.large, NULL);
  g_assert_cmpuint (json_array_get_length (roster_registrations (roster)), ==, 0);
}

static void
test_booking_walk_in (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;
  Booking booking;
  guint n_customers;

  fill_booking (fixture, &booking);
  sign_up (fixture, booking.small, "Ana Lima", "2", "confirmed");
  n_customers = count_customers (fixture);

  /* Full: refused, and the new customer is not kept either */
  run_db (&run, fixture, "walkin", arg_id (0, booking.small), "--name", "Paul Durand", NULL);
  assert_refused (&run, "full");
  g_assert_cmpuint (count_customers (fixture), ==, n_customers);

  run_db (&run, fixture, "walkin", arg_id (0, booking.large), "--name", "Paul Durand",
          "--party", "2", "--json", NULL);
  object = parse_object (&run);
  registration = get_registration (fixture, json_object_get_int_member (object, "id"));
  check_registration (object, registration);
  assert_member_string (object, "status", "confirmed");
  assert_member_string (object, "source", "walk-in");
  g_assert_cmpint (json_object_get_int_member (object, "party_size"), ==, 2);
  g_assert_false (json_object_get_null_member (object, "checked_in_at"));
  assert_customer_name (fixture, atelier_registration_get_id (registration), "Paul", "Durand");

  run_db (&run, fixture, "walkin", arg_id (0, booking.large), "--customer",
          arg_id (1, booking.zoe), NULL);
  assert_success (&run);
  parse_outcome (run.out, "checked in");
  g_assert_cmpuint (count_customers (fixture), ==, n_customers + 1);
}

/* The sessions --json object of @session_id */
static JsonObject *
find_session (JsonArray *sessions,
              gint64     session_id)
{
  for (guint i = 0; i < json_array_get_length (sessions); i++)
    {
      JsonObject *object = json_array_get_object_element (sessions, i);

      if (json_object_get_int_member (object, "id") == session_id)
        return object;
    }

  g_assert_not_reached ();
}

static void
test_booking_cancel_session (Fixture       *fixture,
                             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonArray) before = NULL;
  g_autoptr(JsonArray) after = NULL;
  g_autoptr(JsonObject) roster = NULL;
  g_autofree char *expected = NULL;
  JsonArray *registrations;
  JsonObject *session;
  Booking booking;

  fill_booking (fixture, &booking);
  sign_up (fixture, booking.small, "Ana Lima", "2", "confirmed");
  sign_up (fixture, booking.small, "Bo Berg", "1", "waitlisted 1");

  before = run_json (fixture, "sessions", NULL);
  session = find_session (before, booking.small);
  assert_member_string (session, "status", "scheduled");
  g_assert_cmpint (json_object_get_int_member (session, "sequence"), ==, 0);

  run_db (&run, fixture, "cancel-session", arg_id (0, booking.small), NULL);
  assert_success (&run);
  expected = g_strdup_printf ("Session %" G_GINT64_FORMAT ": cancelled, with its 2 registrations\n",
                              booking.small);
  g_assert_cmpstr (run.out, ==, expected);

  after = run_json (fixture, "sessions", NULL);
  session = find_session (after, booking.small);
  assert_member_string (session, "status", "cancelled");
  g_assert_cmpint (json_object_get_int_member (session, "sequence"), ==, 1);
  assert_member_string (find_session (after, booking.large), "status", "scheduled");

  roster = run_roster (fixture, booking.small, "--all");
  check_roster (fixture, roster);
  registrations = roster_registrations (roster);
  g_assert_cmpuint (json_array_get_length (registrations), ==, 2);
  for (guint i = 0; i < json_array_get_length (registrations); i++)
    {
      JsonObject *object = json_array_get_object_element (registrations, i);

      assert_member_string (object, "status", "cancelled");
      assert_member_nullable (object, "cancelled_by", "store");
    }

  run_db (&run, fixture, "cancel-session", arg_id (0, booking.small), NULL);
  assert_refused (&run, "already cancelled");
  run_db (&run, fixture, "signup", arg_id (0, booking.small), "--customer",
          arg_id (1, booking.zoe), NULL);
  assert_refused (&run, "cancelled");
}

static gint64
element_id (JsonArray *array,
            guint      index)
{
  return json_object_get_int_member (json_array_get_object_element (array, index), "id");
}

static void
test_booking_search (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GListModel) expected = NULL;
  g_autoptr(JsonArray) found = NULL;
  g_autoptr(JsonArray) first = NULL;
  g_autoptr(JsonArray) none = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(Run) run = { 0 };
  Booking booking;
  gint64 last;

  fill_booking (fixture, &booking);
  sign_up (fixture, booking.large, "Zacharie Roux", "1", "confirmed");

  run_db (&run, fixture, "search", "zoe", NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "ID"));
  g_assert_nonnull (strstr (run.out, "Zoé Ñúñez-李"));
  g_assert_nonnull (strstr (run.out, "Zoé Martin"));
  g_assert_null (strstr (run.out, "Zacharie"));

  /* The customers' objects, as the customers listing writes them */
  found = run_json (fixture, "search", "zoe", NULL);
  store = open_store (fixture);
  expected = atelier_search_customers (store, "zoe", 0, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (found), ==, 2);
  check_array (found, expected, (CheckFunc) check_customer);

  /* Whoever came last comes first once registered to the session */
  last = element_id (found, 1);
  run_db (&run, fixture, "signup", arg_id (0, booking.large), "--customer", arg_id (1, last),
          NULL);
  assert_success (&run);
  first = run_json (fixture, "search", "zoe", "--session", arg_id (0, booking.large), NULL);
  g_assert_cmpuint (json_array_get_length (first), ==, 2);
  g_assert_cmpint (element_id (first, 0), ==, last);

  /* For people, marked with where they stand */
  run_db (&run, fixture, "search", "--session", arg_id (0, booking.large), "zoe", NULL);
  assert_success (&run);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_nonnull (strstr (lines[0], "In session"));
  g_assert_true (g_str_has_suffix (lines[1], "confirmed"));
  g_assert_false (g_str_has_suffix (lines[2], "confirmed"));

  none = run_json (fixture, "search", "nobody", "here", NULL);
  g_assert_cmpuint (json_array_get_length (none), ==, 0);

  run_db (&run, fixture, "search", "zoe", "--session", "999", NULL);
  assert_refused (&run, "no session");
}

/* Each command line is wrong: exit 2, and the store is left as it was. */
static void
test_booking_bad_arguments (Fixture       *fixture,
                            gconstpointer  data)
{
  Booking booking;
  g_autofree char *small = NULL;
  g_autofree char *zoe = NULL;
  g_autoptr(JsonObject) roster = NULL;
  guint n_customers;

  fill_booking (fixture, &booking);
  small = g_strdup_printf ("%" G_GINT64_FORMAT, booking.small);
  zoe = g_strdup_printf ("%" G_GINT64_FORMAT, booking.zoe);
  n_customers = count_customers (fixture);

  {
    const char *cases[][9] = {
      { "signup", small, NULL },
      { "signup", small, "--email", "a@example.org", NULL },
      { "signup", small, "--name", "Ana Lima", NULL },
      { "signup", small, "--name", "  ", "--email", "a@example.org", NULL },
      { "signup", small, "--customer", zoe, "--name", "Ana Lima", NULL },
      { "signup", small, "--name", "Ana Lima", "--given", "Ana", "--email", "a@example.org", NULL },
      { "signup", small, "--customer", zoe, "--party", "0", NULL },
      { "signup", small, "--customer", zoe, "--party", "two", NULL },
      { "signup", small, "--customer", zoe, "--party", "99999999999", NULL },
      { "signup", "abc", "--customer", zoe, NULL },
      { "signup", "0", "--customer", zoe, NULL },
      { "signup", small, "--customer", "Zoé", NULL },
      { "signup", small, "--customer", zoe, "extra", NULL },
      { "signup", "--customer", zoe, NULL },
      { "cancel", NULL },
      { "cancel", "x1", NULL },
      { "cancel", "1", "--by", "nobody", NULL },
      { "cancel", "1", "2", NULL },
      { "move", "1", NULL },
      { "move", "1", "next", NULL },
      { "checkin", NULL },
      { "checkin", "1.5", NULL },
      { "undo-checkin", "", NULL },
      { "walkin", small, NULL },
      { "walkin", small, "--name", "Paul", "--party", "0", NULL },
      { "capacity", small, NULL },
      { "capacity", small, "ten", NULL },
      { "capacity", "x", "3", NULL },
      { "cancel-session", "x", NULL },
      { "cancel-session", small, "--json", NULL },
      { "roster", NULL },
      { "roster", "x", NULL },
      { "summary", "-", NULL },
      { "search", NULL },
      { "search", "zoe", "--session", "x", NULL },
      { "search", "zoe", "--limit", "0", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(GPtrArray) argv = g_ptr_array_new ();
        g_auto(Run) run = { 0 };

        g_ptr_array_add (argv, (char *) "--database");
        g_ptr_array_add (argv, fixture->db);
        for (guint j = 0; cases[i][j] != NULL; j++)
          g_ptr_array_add (argv, (char *) cases[i][j]);
        g_ptr_array_add (argv, NULL);

        run_cli_argv (&run, (const char **) argv->pdata);
        if (run.status != 2)
          g_test_message ("case %u (%s): %s", i, cases[i][0], run.err);
        assert_usage_error (&run, NULL);
      }
  }

  roster = run_roster (fixture, booking.small, "--all");
  g_assert_cmpuint (json_array_get_length (roster_registrations (roster)), ==, 0);
  g_assert_cmpuint (count_customers (fixture), ==, n_customers);
}

/* What does not exist is refused with exit 1, naming what is missing. */
static void
test_booking_not_found (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  Booking booking;

  fill_booking (fixture, &booking);

  run_db (&run, fixture, "cancel", "999", NULL);
  assert_refused (&run, "no registration number 999");
  run_db (&run, fixture, "checkin", "999", NULL);
  assert_refused (&run, "no registration number 999");
  run_db (&run, fixture, "roster", "999", NULL);
  assert_refused (&run, "no session number 999");
  run_db (&run, fixture, "summary", "999", "--json", NULL);
  assert_refused (&run, "no session number 999");
  run_db (&run, fixture, "signup", "999", "--customer", arg_id (0, booking.zoe), NULL);
  assert_refused (&run, "no session number 999");
  run_db (&run, fixture, "signup", arg_id (0, booking.small), "--customer", "999", NULL);
  assert_refused (&run, "no customer number 999");
  run_db (&run, fixture, "capacity", "999", "4", NULL);
  assert_refused (&run, "no session number 999");
}

static void
test_booking_help (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *commands[] = {
    "signup", "cancel", "move", "checkin", "undo-checkin", "walkin", "capacity",
    "cancel-session", "roster", "summary", "search",
  };
  g_auto(Run) run = { 0 };

  run_cli (&run, "--help", NULL);
  assert_success (&run);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);
      g_auto(Run) command_run = { 0 };
      g_autofree char *usage = g_strdup_printf ("atelier-cli %s", commands[i]);

      g_assert_nonnull (strstr (run.out, line));
      run_cli (&command_run, commands[i], "--help", NULL);
      assert_success (&command_run);
      g_assert_nonnull (strstr (command_run.out, usage));
    }

  run_cli (&run, "signup", "--help", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "--customer"));
  g_assert_nonnull (strstr (run.out, "--party"));
  g_assert_nonnull (strstr (run.out, "--json"));
  g_assert_nonnull (strstr (run.out, "SESSION"));
}

/* Invitations: settings, outbox, invites, invite, feed, series and
 * reschedule */

#define ORGANIZER "shop@example.com"

static void
set_organizer (Fixture *fixture)
{
  g_auto(Run) run = { 0 };

  run_db (&run, fixture, "settings", "organizer", ORGANIZER, NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, ORGANIZER "\n");
}

/* The demo shop has an address of its own: these tests take it away. */
static void
unset_organizer (Fixture *fixture)
{
  g_auto(Run) run = { 0 };

  run_db (&run, fixture, "settings", "organizer", "", NULL);
  assert_success (&run);
}

/* settings --json: one object, every key to its value */
static JsonObject *
run_settings (Fixture *fixture)
{
  g_auto(Run) run = { 0 };

  run_db (&run, fixture, "settings", "--json", NULL);
  return parse_object (&run);
}

/* outbox SESSION --json, or for every session when @session_id is 0 */
static JsonArray *
run_outbox (Fixture *fixture,
            gint64   session_id)
{
  return run_json (fixture, "outbox", session_id != 0 ? arg_id (3, session_id) : NULL, NULL);
}

/* The outbox's item for @registration_id, or NULL */
static JsonObject *
find_item (JsonArray *items,
           gint64     registration_id)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *object = json_array_get_object_element (items, i);

      if (json_object_get_int_member (object, "registration_id") == registration_id)
        return object;
    }

  return NULL;
}

static void
assert_item (JsonObject *item,
             const char *kind,
             const char *method,
             gint64      sequence)
{
  g_assert_nonnull (item);
  assert_member_string (item, "kind", kind);
  assert_member_string (item, "method", method);
  g_assert_cmpint (json_object_get_int_member (item, "sequence"), ==, sequence);
}

/* Every item of @items is @kind, @method and @sequence. */
static void
assert_items (JsonArray  *items,
              const char *kind,
              const char *method,
              gint64      sequence)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    assert_item (json_array_get_object_element (items, i), kind, method, sequence);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The outbox's registration ids, sorted */
static GArray *
item_ids (JsonArray *items)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *object = json_array_get_object_element (items, i);
      gint64 id = json_object_get_int_member (object, "registration_id");

      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);

  return ids;
}

/* The registrations owed a first invitation, read from the core:
 * confirmed, with an e-mail address; sorted */
static GArray *
expected_invitees (Fixture *fixture,
                   gint64   session_id)
{
  g_autoptr(AtelierStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) registrations = atelier_store_list_registrations (store, session_id,
                                                                          &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (registrations); i++)
    {
      g_autoptr(AtelierRegistration) registration = g_list_model_get_item (registrations, i);
      g_autoptr(AtelierCustomer) customer =
        atelier_store_get_customer (store, atelier_registration_get_customer_id (registration),
                                    &error);
      const char *email = atelier_customer_get_email (customer);
      gint64 id = atelier_registration_get_id (registration);

      g_assert_no_error (error);
      if (g_strcmp0 (atelier_registration_get_status (registration),
                     ATELIER_REGISTRATION_CONFIRMED) == 0 && email != NULL && *email != '\0')
        g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);

  return ids;
}

static void
assert_same_ids (GArray *a,
                 GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

/* An upcoming session of the demo with confirmed customers */
static gint64
pick_demo_session (Fixture *fixture)
{
  g_autoptr(JsonArray) sessions = run_json (fixture, "sessions", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = 0; i < json_array_get_length (sessions); i++)
    {
      JsonObject *session = json_array_get_object_element (sessions, i);
      g_autoptr(GDateTime) start =
        g_date_time_new_from_iso8601 (json_object_get_string_member (session, "starts_at"), NULL);
      gint64 id = json_object_get_int_member (session, "id");
      g_autoptr(GArray) invitees = NULL;

      if (g_date_time_compare (start, now) <= 0 ||
          g_strcmp0 (json_object_get_string_member (session, "status"), "scheduled") != 0)
        continue;
      invitees = expected_invitees (fixture, id);
      if (invitees->len >= 2)
        return id;
    }

  g_assert_not_reached ();
}

static guint
count_files (const char *folder,
             const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, suffix))
      count++;

  return count;
}

/* Whether another iCalendar parser is there to read what we write */
static gboolean
have_python_icalendar (void)
{
  const char *argv[] = { "/usr/bin/python3", "-c", "import icalendar", NULL };
  int wait_status = 0;

  return g_spawn_sync (NULL, (char **) argv, NULL,
                       G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &wait_status, NULL) &&
         g_spawn_check_wait_status (wait_status, NULL);
}

/* python3-icalendar reads @path without an error. */
static void
assert_icalendar_parses (const char *path)
{
  const char *argv[] = {
    "/usr/bin/python3", "-c",
    "import icalendar, sys\n"
    "calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
    "assert calendar.walk('VEVENT'), 'no VEVENT'\n",
    path, NULL
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  if (!have_python_icalendar ())
    {
      g_test_message ("python3-icalendar is missing: %s not read by another parser", path);
      return;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_test_message ("%s: %s", path, err);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* invites SESSION --out @folder wrote @n_messages: one path a line, an
 * .ics and an .eml each, then a summary line. */
static void
check_written (Run        *run,
               const char *folder,
               guint       n_messages)
{
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  assert_success (run);
  lines = g_strsplit (run->out, "\n", -1);
  n_lines = g_strv_length (lines);
  g_assert_cmpuint (n_lines, ==, 2 * n_messages + 2);
  g_assert_cmpstr (lines[n_lines - 1], ==, "");
  g_assert_true (g_str_has_prefix (lines[n_lines - 2], n_messages > 0 ? "Wrote " : "Nothing"));

  for (guint i = 0; i < 2 * n_messages; i++)
    {
      g_assert_true (g_str_has_prefix (lines[i], folder));
      g_assert_true (g_file_test (lines[i], G_FILE_TEST_IS_REGULAR));
      if (g_str_has_suffix (lines[i], ".ics"))
        assert_icalendar_parses (lines[i]);
      else
        g_assert_true (g_str_has_suffix (lines[i], ".eml"));
    }
}

/* @run printed the paths of NAME-REG.ics and NAME-REG.eml in @folder */
static void
assert_wrote_pair (Run        *run,
                   const char *folder,
                   const char *name,
                   gint64      registration_id)
{
  const char *extensions[] = { "ics", "eml" };

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s/%s-%" G_GINT64_FORMAT ".%s\n", folder, name,
                                               registration_id, extensions[i]);

      g_assert_nonnull (strstr (run->out, line));
    }
}

static void
test_invites_settings (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *keys[] = {
    "store-name", "organizer", "address", "time-zone", "reminder", "rsvp", "language",
    "currency", "smtp-host", "smtp-port", "smtp-security", "smtp-user", "smtp-ca-file",
    "mail-reminder", "follow-ups",
    "imap-host", "imap-port", "imap-security", "imap-user", "imap-folder", "imap-ca-file",
    "imap-done-folder", "replies-interval",
  };
  g_autoptr(JsonObject) settings = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_auto(Run) run = { 0 };

  fill_by_hand (fixture);

  settings = run_settings (fixture);
  g_assert_cmpuint (json_object_get_size (settings), ==, G_N_ELEMENTS (keys));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (settings, keys[i])));
  assert_member_string (settings, "organizer", "");
  assert_member_string (settings, "rsvp", "true");

  run_db (&run, fixture, "settings", NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "Setting"));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_nonnull (strstr (run.out, keys[i]));

  set_organizer (fixture);
  run_db (&run, fixture, "settings", "organizer", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, ORGANIZER "\n");

  /* Stored in one spelling, printed as stored */
  run_db (&run, fixture, "settings", "reminder", "2h", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "120\n");
  run_db (&run, fixture, "settings", "rsvp", "--json", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "\"rsvp\" : \"true\""));

  /* Refused values: exit 1, the setting unchanged */
  run_db (&run, fixture, "settings", "rsvp", "maybe", NULL);
  assert_refused (&run, "rsvp");
  run_db (&run, fixture, "settings", "organizer", "not-an-address", NULL);
  assert_refused (&run, "not-an-address");
  run_db (&run, fixture, "settings", "time-zone", "Mars/Olympus", NULL);
  assert_refused (&run, "Mars/Olympus");
  after = run_settings (fixture);
  assert_member_string (after, "rsvp", "true");
  assert_member_string (after, "organizer", ORGANIZER);
  assert_member_string (after, "reminder", "120");
  assert_member_string (after, "time-zone", "Europe/Paris");

  /* A key that is not a setting is a mistake in the command line. */
  run_db (&run, fixture, "settings", "colour", NULL);
  assert_usage_error (&run, "colour");
  g_assert_nonnull (strstr (run.err, "organizer"));
  run_db (&run, fixture, "settings", "colour", "blue", NULL);
  assert_usage_error (&run, "colour");
  run_db (&run, fixture, "settings", "rsvp", "true", "extra", NULL);
  assert_usage_error (&run, "extra");
}

/* The currency: a setting, the workshops' prices written in it as the
 * interface writes money, and each session's revenue. The first session
 * of fill_by_hand() has one party of two at 65.00. */
static void
test_currency (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(JsonObject) summary = NULL;
  g_autoptr(JsonObject) roster = NULL;
  JsonObject *roster_summary;
  g_auto(Run) run = { 0 };

  fill_by_hand (fixture);

  /* C.UTF-8 has no currency: EUR */
  run_db (&run, fixture, "settings", "currency", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "EUR\n");
  run_db (&run, fixture, "workshops", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "€65.00"));

  run_db (&run, fixture, "settings", "currency", "gbp", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "GBP\n");
  run_db (&run, fixture, "settings", "currency", "pounds", NULL);
  assert_refused (&run, "ISO 4217");
  run_db (&run, fixture, "settings", "currency", NULL);
  g_assert_cmpstr (run.out, ==, "GBP\n");

  run_db (&run, fixture, "summary", "1", "--json", NULL);
  summary = parse_object (&run);
  g_assert_cmpstr (json_object_get_string_member (summary, "currency"), ==, "GBP");
  g_assert_cmpint (json_object_get_int_member (summary, "price_cents"), ==, 6500);
  g_assert_cmpint (json_object_get_int_member (summary, "revenue_cents"), ==, 2 * 6500);

  roster = run_roster (fixture, 1, NULL);
  roster_summary = json_object_get_object_member (roster, "summary");
  g_assert_cmpint (json_object_get_int_member (roster_summary, "revenue_cents"), ==, 2 * 6500);

  run_db (&run, fixture, "summary", "1", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Revenue"));
  g_assert_nonnull (strstr (run.out, "2 × £65.00 = £130.00"));

  /* In French, as a French window writes it */
  g_setenv ("LANGUAGE", "fr", TRUE);
  run_db (&run, fixture, "summary", "1", NULL);
  g_setenv ("LANGUAGE", "C", TRUE);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Recette"));
  g_assert_nonnull (strstr (run.out, "2 × 65,00\u00a0£ = 130,00\u00a0£"));
}

/* The issue's check, on the demo: invites refused until the organiser is
 * set, then written, parsed by another parser, and off the outbox. */
static void
test_invites_demo (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "invites", NULL);
  g_autofree char *file = g_build_filename (fixture->dir, "a-file", NULL);
  g_autofree char *below_file = g_build_filename (file, "invites", NULL);
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(JsonArray) unchanged = NULL;
  g_autoptr(JsonArray) empty = NULL;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  gint64 session_id;

  run_demo (fixture);
  session_id = pick_demo_session (fixture);
  expected = expected_invitees (fixture, session_id);

  /* No organiser: refused, saying how to set it */
  unset_organizer (fixture);
  run_db (&run, fixture, "invites", arg_id (0, session_id), "--out", folder, NULL);
  assert_refused (&run, "organizer");
  g_assert_nonnull (strstr (run.err, "atelier-cli settings organizer ADDRESS"));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  set_organizer (fixture);
  items = run_outbox (fixture, session_id);
  listed = item_ids (items);
  assert_same_ids (listed, expected);
  assert_items (items, "new", "REQUEST", 0);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_assert_cmpint (json_object_get_int_member (item, "session_id"), ==, session_id);
      g_assert_true (strchr (json_object_get_string_member (item, "email"), '@') != NULL);
      g_assert_cmpstr (json_object_get_string_member (item, "customer"), !=, "");
    }

  /* A folder that cannot be: nothing written, nothing taken off */
  g_file_set_contents (file, "", 0, &error);
  g_assert_no_error (error);
  run_db (&run, fixture, "invites", arg_id (0, session_id), "--out", below_file, NULL);
  assert_refused (&run, below_file);
  unchanged = run_outbox (fixture, session_id);
  g_assert_cmpuint (json_array_get_length (unchanged), ==, expected->len);

  run_db (&run, fixture, "invites", arg_id (0, session_id), "--out", folder, NULL);
  check_written (&run, folder, expected->len);
  g_assert_cmpuint (count_files (folder, ".ics"), ==, expected->len);
  g_assert_cmpuint (count_files (folder, ".eml"), ==, expected->len);

  empty = run_outbox (fixture, session_id);
  g_assert_cmpuint (json_array_get_length (empty), ==, 0);
  run_db (&run, fixture, "outbox", arg_id (0, session_id), NULL);
  assert_success (&run);
  g_assert_true (strchr (run.out, '\n') == run.out + strlen (run.out) - 1);

  /* Nothing more to write */
  run_db (&run, fixture, "invites", arg_id (0, session_id), "--out", folder, NULL);
  check_written (&run, folder, 0);
}

/* Writes @email as @registration_id's customer's address behind the
 * core's back, as a store from before the rule may hold it. */
static void
force_email (Fixture    *fixture,
             gint64      registration_id,
             const char *email)
{
  char *sql = sqlite3_mprintf ("UPDATE customers SET email = %Q WHERE id ="
                               " (SELECT customer_id FROM registrations WHERE id = %lld)",
                               email, (long long) registration_id);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
  sqlite3_free (sql);
}

/* One unusable address holds back its own invite, not the others': they
 * are written and recorded; it stays owed, and the error names whose. */
static void
test_invites_bad_address (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "invites", NULL);
  g_autoptr(JsonArray) owed = NULL;
  g_auto(Run) run = { 0 };
  Booking booking;
  gint64 ana, odd, bo;

  fill_booking (fixture, &booking);
  ana = sign_up (fixture, booking.large, "Ana Lima", "1", "confirmed");
  odd = sign_up (fixture, booking.large, "Odd Mail", "1", "confirmed");
  bo = sign_up (fixture, booking.large, "Bo Berg", "1", "confirmed");
  force_email (fixture, odd, "x@example.org\r\nBcc: y@evil.example");
  set_organizer (fixture);

  run_db (&run, fixture, "invites", arg_id (0, booking.large), "--out", folder, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_wrote_pair (&run, folder, "ana-lima", ana);
  assert_wrote_pair (&run, folder, "bo-berg", bo);
  g_assert_null (strstr (run.out, "odd-mail"));
  g_assert_nonnull (strstr (run.out, "Wrote 2 messages"));
  g_assert_nonnull (strstr (run.err, "Odd Mail"));

  owed = run_outbox (fixture, booking.large);
  g_assert_cmpuint (json_array_get_length (owed), ==, 1);
  g_assert_nonnull (find_item (owed, odd));
}

/* A session's life: invitations, a new time, a cancellation, a promotion
 * from the waiting list */
static void
test_invites_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "invites", NULL);
  g_autoptr(JsonArray) invited = NULL;
  g_autoptr(JsonArray) updates = NULL;
  g_autoptr(JsonArray) cancelled = NULL;
  g_autoptr(JsonArray) sessions = NULL;
  g_autoptr(JsonArray) small = NULL;
  g_autoptr(JsonObject) rescheduled = NULL;
  g_autofree char *expected = NULL;
  JsonObject *session;
  g_auto(Run) run = { 0 };
  Booking booking;
  gint64 ana, bo, chloe, dan, eve;

  fill_booking (fixture, &booking);
  ana = sign_up (fixture, booking.large, "Ana Lima", "2", "confirmed");
  bo = sign_up (fixture, booking.large, "Bo Berg", "1", "confirmed");
  chloe = sign_up (fixture, booking.large, "Chloé Petit", "1", "confirmed");
  dan = sign_up (fixture, booking.small, "Dan Roy", "2", "confirmed");
  eve = sign_up (fixture, booking.small, "Eve Noor", "1", "waitlisted 1");
  set_organizer (fixture);

  invited = run_outbox (fixture, 0);
  g_assert_cmpuint (json_array_get_length (invited), ==, 4);
  g_assert_null (find_item (invited, eve));
  run_db (&run, fixture, "invites", arg_id (0, booking.large), "--out", folder, NULL);
  check_written (&run, folder, 3);
  assert_wrote_pair (&run, folder, "ana-lima", ana);
  assert_wrote_pair (&run, folder, "bo-berg", bo);
  assert_wrote_pair (&run, folder, "chloe-petit", chloe);
  run_db (&run, fixture, "invites", arg_id (0, booking.small), "--out", folder, NULL);
  check_written (&run, folder, 1);
  assert_wrote_pair (&run, folder, "dan-roy", dan);

  /* Ana checked in too early: the move to another day clears it. */
  run_db (&run, fixture, "checkin", arg_id (0, ana), NULL);
  assert_success (&run);

  /* The same length, a week and three hours later */
  run_db (&run, fixture, "reschedule", arg_id (0, booking.large), "--start", "2030-05-12T21:30",
          NULL);
  assert_success (&run);
  expected = g_strdup_printf ("Session %" G_GINT64_FORMAT ": 2030-05-12 21:30, sequence 1\n"
                              "3 customers will receive an update.\n"
                              "1 check-in made before was cleared: the session is on another day.\n",
                              booking.large);
  g_assert_cmpstr (run.out, ==, expected);
  sessions = run_json (fixture, "sessions", NULL);
  session = find_session (sessions, booking.large);
  assert_member_string (session, "starts_at", "2030-05-12T21:30:00+02:00");
  assert_member_string (session, "ends_at", "2030-05-12T23:30:00+02:00");

  updates = run_outbox (fixture, booking.large);
  g_assert_cmpuint (json_array_get_length (updates), ==, 3);
  assert_items (updates, "update", "REQUEST", 1);

  /* With --end, and again before the first update was written */
  run_db (&run, fixture, "reschedule", arg_id (0, booking.large), "--start", "2030-05-12 10:00",
          "--end", "2030-05-12T13:00", "--json", NULL);
  rescheduled = parse_object (&run);
  assert_member_string (rescheduled, "starts_at", "2030-05-12T10:00:00+02:00");
  assert_member_string (rescheduled, "ends_at", "2030-05-12T13:00:00+02:00");
  g_assert_cmpint (json_object_get_int_member (rescheduled, "sequence"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (rescheduled, "updates"), ==, 3);

  /* A cancellation of an invited registration is owed as such. */
  run_db (&run, fixture, "cancel", arg_id (0, bo), NULL);
  assert_success (&run);
  cancelled = run_outbox (fixture, booking.large);
  g_assert_cmpuint (json_array_get_length (cancelled), ==, 3);
  assert_item (find_item (cancelled, ana), "update", "REQUEST", 2);
  assert_item (find_item (cancelled, chloe), "update", "REQUEST", 2);
  assert_item (find_item (cancelled, bo), "cancelled", "CANCEL", 3);

  /* The freed seat of the small session goes to the waiting list. */
  run_db (&run, fixture, "cancel", arg_id (0, dan), NULL);
  assert_success (&run);
  small = run_outbox (fixture, booking.small);
  g_assert_cmpuint (json_array_get_length (small), ==, 2);
  assert_item (find_item (small, dan), "cancelled", "CANCEL", 1);
  assert_item (find_item (small, eve), "promoted", "REQUEST", 0);

  run_db (&run, fixture, "invites", arg_id (0, booking.large), "--out", folder, "--json", NULL);
  {
    g_autoptr(JsonObject) written = parse_object (&run);

    JsonArray *files = json_object_get_array_member (written, "files");
    g_autofree char *bo_ics = g_strdup_printf ("%s/bo-berg-%" G_GINT64_FORMAT ".ics", folder, bo);
    g_autofree char *bo_calendar = NULL;
    gboolean found = FALSE;

    g_assert_cmpint (json_object_get_int_member (written, "messages"), ==, 3);
    g_assert_cmpuint (json_array_get_length (files), ==, 6);
    for (guint i = 0; i < json_array_get_length (files); i++)
      found |= g_strcmp0 (json_array_get_string_element (files, i), bo_ics) == 0;
    g_assert_true (found);

    /* The newer messages replaced the invitations of the same
     * registrations: Bo's file is now his cancellation. */
    g_assert_cmpuint (count_files (folder, ".ics"), ==, 4);
    g_assert_cmpuint (count_files (folder, ".eml"), ==, 4);
    bo_calendar = read_file (bo_ics);
    g_assert_nonnull (strstr (bo_calendar, "METHOD:CANCEL"));
  }
  g_clear_pointer (&cancelled, json_array_unref);
  cancelled = run_outbox (fixture, booking.large);
  g_assert_cmpuint (json_array_get_length (cancelled), ==, 0);

  run_db (&run, fixture, "reschedule", "999", "--start", "2030-05-12T10:00", NULL);
  assert_refused (&run, "no session number 999");
}

/* invite REG writes one confirmed registration's calendar, and records
 * nothing. */
static void
test_invites_one (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "one.ics", NULL);
  g_autofree char *waiting = g_build_filename (fixture->dir, "waiting.ics", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_auto(Run) run = { 0 };
  GStatBuf st;
  Booking booking;
  gint64 ana, bo;

  fill_booking (fixture, &booking);
  ana = sign_up (fixture, booking.small, "Ana Lima", "2", "confirmed");
  bo = sign_up (fixture, booking.small, "Bo Berg", "1", "waitlisted 1");

  run_db (&run, fixture, "invite", arg_id (0, ana), "--out", path, NULL);
  assert_refused (&run, "atelier-cli settings organizer ADDRESS");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  set_organizer (fixture);
  run_db (&run, fixture, "invite", arg_id (0, ana), "--out", path, NULL);
  assert_success (&run);
  expected = g_strdup_printf ("Wrote “%s”.\n", path);
  g_assert_cmpstr (run.out, ==, expected);
  text = read_file (path);
  g_assert_nonnull (strstr (text, "METHOD:REQUEST"));
  g_assert_nonnull (strstr (text, "mailto:" ORGANIZER));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  assert_icalendar_parses (path);

  items = run_outbox (fixture, booking.small);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  assert_item (find_item (items, ana), "new", "REQUEST", 0);

  run_db (&run, fixture, "invite", arg_id (0, bo), "--out", waiting, NULL);
  assert_refused (&run, "waiting list");
  g_assert_false (g_file_test (waiting, G_FILE_TEST_EXISTS));
  run_db (&run, fixture, "invite", "999", "--out", waiting, NULL);
  assert_refused (&run, "no registration number 999");
}

static void
test_invites_feed (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "feed.ics", NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 30);
  g_autofree char *from = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *to = g_date_time_format (later, "%Y-%m-%d");
  g_autofree char *text = NULL;
  g_auto(Run) run = { 0 };

  run_demo (fixture);
  unset_organizer (fixture);
  run_db (&run, fixture, "feed", "--out", path, NULL);
  assert_refused (&run, "atelier-cli settings organizer ADDRESS");
  /* Nothing written, not even a temporary file */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (fixture->dir, ".ics"), ==, 0);
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (name[0] == '.');
  }

  set_organizer (fixture);
  run_db (&run, fixture, "feed", "--out", path, "--from", from, "--to", to, NULL);
  assert_success (&run);
  text = read_file (path);
  g_assert_nonnull (strstr (text, "METHOD:PUBLISH"));
  g_assert_nonnull (strstr (text, "BEGIN:VEVENT"));
  g_assert_null (strstr (text, "ATTENDEE"));
  assert_icalendar_parses (path);

  /* Again, from the events the first feed kept: the same calendar, the
   * file replaced whole */
  run_db (&run, fixture, "feed", "--out", path, "--from", from, "--to", to, NULL);
  assert_success (&run);
  {
    g_autofree char *again = read_file (path);
    g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
    g_auto(GStrv) lines_again = g_strsplit (again, "\r\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, g_strv_length (lines_again));
    for (guint i = 0; lines[i] != NULL; i++)
      if (!g_str_has_prefix (lines[i], "DTSTAMP:"))
        g_assert_cmpstr (lines[i], ==, lines_again[i]);
  }

  run_db (&run, fixture, "feed", "--out", path, "--from", "someday", NULL);
  assert_usage_error (&run, "someday");
}

/* series --json: @n sessions */
static JsonArray *
run_series (Fixture    *fixture,
            const char *workshop,
            const char *start,
            const char *rule,
            const char *option,
            const char *value)
{
  g_autoptr(JsonNode) root = NULL;
  g_auto(Run) run = { 0 };

  run_db (&run, fixture, "series", workshop, "--start", start, "--rrule", rule, "--json",
          option, value, NULL);
  assert_success (&run);
  root = parse_json (run.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  return json_array_ref (json_node_get_array (root));
}

static guint
count_sessions (Fixture *fixture)
{
  g_autoptr(JsonArray) sessions = run_json (fixture, "sessions", NULL);

  return json_array_get_length (sessions);
}

static void
test_invites_series (Fixture       *fixture,
                     gconstpointer  data)
{
  /* Saturdays at 18:30 in Paris, across the end of summer time */
  const char *starts[] = {
    "2030-10-19T18:30:00+02:00", "2030-10-26T18:30:00+02:00", "2030-11-02T18:30:00+01:00",
  };
  const char *ends[] = {
    "2030-10-19T21:00:00+02:00", "2030-10-26T21:00:00+02:00", "2030-11-02T21:00:00+01:00",
  };
  g_autoptr(JsonArray) workshops = NULL;
  g_autoptr(JsonArray) weekly = NULL;
  g_autoptr(JsonArray) zoned = NULL;
  g_autoptr(JsonArray) given = NULL;
  g_autofree char *workshop = NULL;
  g_auto(Run) run = { 0 };
  JsonObject *session;
  Booking booking;
  guint n_sessions;

  fill_booking (fixture, &booking);
  workshops = run_json (fixture, "workshops", NULL);
  workshop = g_strdup_printf ("%" G_GINT64_FORMAT, element_id (workshops, 0));

  weekly = run_series (fixture, workshop, "2030-10-19T18:30", "FREQ=WEEKLY;COUNT=3", "--place",
                       "Salle B");
  g_assert_cmpuint (json_array_get_length (weekly), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      session = json_array_get_object_element (weekly, i);
      assert_member_string (session, "starts_at", starts[i]);
      assert_member_string (session, "ends_at", ends[i]);
      assert_member_string (session, "time_zone", "Europe/Paris");
      assert_member_string (session, "place", "Salle B");
      assert_member_string (session, "workshop", "Risotto aux cèpes");
      g_assert_cmpint (json_object_get_int_member (session, "capacity"), ==, 10);
    }

  /* The store's zone, then one given */
  run_db (&run, fixture, "settings", "time-zone", "America/New_York", NULL);
  assert_success (&run);
  zoned = run_series (fixture, workshop, "2030-07-04T09:00", "FREQ=DAILY;COUNT=1", NULL, NULL);
  session = json_array_get_object_element (zoned, 0);
  assert_member_string (session, "starts_at", "2030-07-04T09:00:00-04:00");
  assert_member_string (session, "time_zone", "America/New_York");

  run_db (&run, fixture, "series", workshop, "--start", "2030-07-04 09:00", "--rrule",
          "FREQ=DAILY;COUNT=2", "--time-zone", "Asia/Tokyo", "--capacity", "4", "--end",
          "2030-07-04T10:15", NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "ID"));
  g_assert_nonnull (strstr (run.out, "2030-07-04 09:00"));
  g_assert_nonnull (strstr (run.out, "2030-07-05 09:00"));
  given = run_json (fixture, "sessions", "--from", "2030-07-05T00:00:00+09:00", "--to",
                    "2030-07-05T23:59:59+09:00", NULL);
  g_assert_cmpuint (json_array_get_length (given), ==, 1);
  session = json_array_get_object_element (given, 0);
  assert_member_string (session, "starts_at", "2030-07-05T09:00:00+09:00");
  assert_member_string (session, "ends_at", "2030-07-05T10:15:00+09:00");
  assert_member_string (session, "time_zone", "Asia/Tokyo");
  g_assert_cmpint (json_object_get_int_member (session, "capacity"), ==, 4);

  /* Too many, or never ending: refused, nothing created */
  n_sessions = count_sessions (fixture);
  run_db (&run, fixture, "series", workshop, "--start", "2030-01-01T09:00", "--rrule",
          "FREQ=DAILY;COUNT=367", NULL);
  assert_refused (&run, "366");
  run_db (&run, fixture, "series", workshop, "--start", "2030-01-01T09:00", "--rrule",
          "FREQ=WEEKLY", NULL);
  assert_refused (&run, "366");
  run_db (&run, fixture, "series", workshop, "--start", "2030-01-01T09:00", "--rrule",
          "FREQ=SOMETIMES", NULL);
  assert_refused (&run, "FREQ=SOMETIMES");
  run_db (&run, fixture, "series", "999", "--start", "2030-01-01T09:00", "--rrule",
          "FREQ=DAILY;COUNT=2", NULL);
  assert_refused (&run, "no workshop number 999");
  /* A start whose end falls past 9999 names the start, not "(null)" */
  run_db (&run, fixture, "series", workshop, "--start", "9999-12-31T22:00", "--rrule",
          "FREQ=DAILY;COUNT=2", NULL);
  assert_usage_error (&run, "“9999-12-31T22:00” is too late: the session would end after the year 9999.");
  g_assert_null (strstr (run.err, "(null)"));
  g_assert_cmpuint (count_sessions (fixture), ==, n_sessions);

  /* A time the clocks skip: series and reschedule keep the same time,
   * RFC 5545's, and say so; the later dates of the series keep 02:30. */
  run_db (&run, fixture, "series", workshop, "--start", "2027-03-28T02:30", "--rrule",
          "FREQ=DAILY;COUNT=2", "--time-zone", "Europe/Paris", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"2027-03-28T03:30:00+02:00\""));
  g_assert_nonnull (strstr (run.out, "\"2027-03-29T02:30:00+02:00\""));
  g_assert_nonnull (strstr (run.err, "02:30 does not exist on 2027-03-28 (clocks go forward); "
                                     "the session starts at 03:30."));
  run_db (&run, fixture, "reschedule", arg_id (0, booking.small), "--start", "2027-03-28 02:30",
          "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"2027-03-28T03:30:00+02:00\""));
  g_assert_nonnull (strstr (run.err, "the session starts at 03:30."));
  /* A time shown twice: the first, and a note says so. */
  run_db (&run, fixture, "reschedule", arg_id (0, booking.small), "--start", "2026-10-25 02:30",
          "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"2026-10-25T02:30:00+02:00\""));
  g_assert_nonnull (strstr (run.err, "02:30 happens twice on 2026-10-25 (clocks go back)"));
}

/* --skip leaves holidays out of a series; a date the rule does not give
 * is refused by name, and nothing is created. */
static void
test_invites_series_skip (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(JsonArray) workshops = NULL;
  g_autofree char *workshop = NULL;
  g_auto(Run) run = { 0 };
  Booking booking;
  guint n_sessions;

  fill_booking (fixture, &booking);
  workshops = run_json (fixture, "workshops", NULL);
  workshop = g_strdup_printf ("%" G_GINT64_FORMAT, element_id (workshops, 0));
  n_sessions = count_sessions (fixture);

  run_db (&run, fixture, "series", workshop, "--start", "2030-12-18T18:30", "--rrule",
          "FREQ=WEEKLY;COUNT=4", "--time-zone", "Europe/Paris", "--skip", "2030-12-25",
          "--skip", "2031-01-01", "--json", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "\"2030-12-18T18:30:00+01:00\""));
  g_assert_null (strstr (run.out, "2030-12-25T"));
  g_assert_null (strstr (run.out, "2031-01-01T"));
  g_assert_nonnull (strstr (run.out, "\"2031-01-08T18:30:00+01:00\""));
  g_assert_cmpuint (count_sessions (fixture), ==, n_sessions + 2);

  /* Both sessions are in one series, which the listing shows. */
  {
    g_autoptr(JsonArray) listed = run_json (fixture, "sessions", "--from", "2030-12-18T00:00:00+01:00",
                                            "--to", "2031-01-09T00:00:00+01:00", NULL);
    JsonObject *first = json_array_get_object_element (listed, 0);
    JsonObject *second = json_array_get_object_element (listed, 1);
    gint64 series_id = json_object_get_int_member (first, "series_id");
    g_autofree char *shown = g_strdup_printf ("#%" G_GINT64_FORMAT, series_id);

    g_assert_cmpuint (json_array_get_length (listed), ==, 2);
    g_assert_cmpint (series_id, >, 0);
    g_assert_cmpint (json_object_get_int_member (second, "series_id"), ==, series_id);
    run_db (&run, fixture, "sessions", "--from", "2030-12-18", "--to", "2031-01-09", NULL);
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, "Series"));
    g_assert_nonnull (strstr (run.out, shown));
  }

  run_db (&run, fixture, "series", workshop, "--start", "2030-12-18T18:30", "--rrule",
          "FREQ=WEEKLY;COUNT=4", "--skip", "2030-12-24", NULL);
  assert_refused (&run, "2030-12-24 is not a date of this series");
  run_db (&run, fixture, "series", workshop, "--start", "2030-12-18T18:30", "--rrule",
          "FREQ=WEEKLY;COUNT=4", "--skip", "Christmas", NULL);
  assert_usage_error (&run, "“Christmas” is not a date such as 2026-12-25.");
  g_assert_cmpuint (count_sessions (fixture), ==, n_sessions + 2);
}

/* Each command line is wrong: exit 2. */
static void
test_invites_bad_arguments (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *cases[][10] = {
    { "settings", "a", "b", "c", NULL },
    { "settings", "nope", NULL },
    { "settings", "--bogus", NULL },
    { "outbox", "x", NULL },
    { "outbox", "1", "2", NULL },
    { "invites", NULL },
    { "invites", "1", NULL },
    { "invites", "x", "--out", "dir", NULL },
    { "invites", "1", "--out", NULL },
    { "invites", "1", "--out", "", NULL },
    { "invite", "--out", "a.ics", NULL },
    { "invite", "0", "--out", "a.ics", NULL },
    { "invite", "1", NULL },
    { "feed", NULL },
    { "feed", "--out", "f.ics", "extra", NULL },
    { "feed", "--out", "f.ics", "--to", "2026-02-30", NULL },
    { "series", NULL },
    { "series", "1", "--rrule", "FREQ=DAILY;COUNT=2", NULL },
    { "series", "1", "--start", "2030-01-01T09:00", NULL },
    { "series", "1", "--start", "tomorrow", "--rrule", "FREQ=DAILY;COUNT=2", NULL },
    { "series", "1", "--start", "2030-01-01", "--rrule", "FREQ=DAILY;COUNT=2", NULL },
    { "series", "1", "--start", "2030-01-01T09:00", "--end", "2030-01-01T08:00",
      "--rrule", "FREQ=DAILY;COUNT=2", NULL },
    { "series", "1", "--start", "2030-01-01T09:00", "--rrule", "FREQ=DAILY;COUNT=2",
      "--capacity", "0", NULL },
    { "series", "1", "--start", "2030-01-01T09:00", "--rrule", "FREQ=DAILY;COUNT=2",
      "--time-zone", "Mars/Olympus", NULL },
    { "series", "w", "--start", "2030-01-01T09:00", "--rrule", "FREQ=DAILY;COUNT=2", NULL },
    { "reschedule", "1", NULL },
    { "reschedule", "1", "--start", "2030-13-01T09:00", NULL },
    { "reschedule", "1", "--start", "2030-01-01T09:00", "--end", "2030-01-01T09:00", NULL },
    { "reschedule", "--start", "2030-01-01T09:00", NULL },
  };
  g_autoptr(JsonObject) settings = NULL;
  Booking booking;
  guint n_sessions;

  fill_booking (fixture, &booking);
  n_sessions = count_sessions (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_auto(Run) run = { 0 };

      g_ptr_array_add (argv, (char *) "--database");
      g_ptr_array_add (argv, fixture->db);
      for (guint j = 0; cases[i][j] != NULL; j++)
        g_ptr_array_add (argv, (char *) cases[i][j]);
      g_ptr_array_add (argv, NULL);

      run_cli_argv (&run, (const char **) argv->pdata);
      if (run.status != 2)
        g_test_message ("case %u (%s): %s", i, cases[i][0], run.err);
      assert_usage_error (&run, NULL);
    }

  g_assert_cmpuint (count_sessions (fixture), ==, n_sessions);
  settings = run_settings (fixture);
  assert_member_string (settings, "organizer", "");
}

static void
test_invites_help (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *commands[] = {
    "settings", "outbox", "invites", "invite", "feed", "series", "reschedule",
  };
  g_auto(Run) run = { 0 };

  run_cli (&run, "--help", NULL);
  assert_success (&run);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);
      g_autofree char *usage = g_strdup_printf ("atelier-cli %s", commands[i]);
      g_auto(Run) command_run = { 0 };

      g_assert_nonnull (strstr (run.out, line));
      run_cli (&command_run, commands[i], "--help", NULL);
      assert_success (&command_run);
      g_assert_nonnull (strstr (command_run.out, usage));
    }

  run_cli (&run, "feed", "--help", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "--from"));
  g_assert_nonnull (strstr (run.out, "--out"));
  run_cli (&run, "series", "--help", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "--rrule"));
  g_assert_nonnull (strstr (run.out, "--time-zone"));
}

/* workshop add and edit: what to bring, several lines, then cleared;
 * a bad number or an unknown workshop changes nothing. */
static void
test_workshop_bring (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonArray) workshops = NULL;
  g_autoptr(JsonArray) after = NULL;
  JsonObject *workshop;

  run_cli (&run, "--database", fixture->db, "workshop", "add", " Pâtes fraîches ",
           "--bring", "Un tablier\nUn couteau", "--duration", "90", "--capacity", "6", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, "Workshop 1: “Pâtes fraîches” added\n");
  workshops = run_json (fixture, "workshops", NULL);
  g_assert_cmpuint (json_array_get_length (workshops), ==, 1);
  workshop = json_array_get_object_element (workshops, 0);
  g_assert_cmpstr (json_object_get_string_member (workshop, "title"), ==, "Pâtes fraîches");
  g_assert_cmpstr (json_object_get_string_member (workshop, "bring"), ==, "Un tablier\nUn couteau");
  g_assert_cmpint (json_object_get_int_member (workshop, "duration_minutes"), ==, 90);
  g_assert_cmpint (json_object_get_int_member (workshop, "capacity"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (workshop, "price_cents"), ==, 0);

  /* A price in the store's currency; a bad one changes nothing. */
  run_cli (&run, "--database", fixture->db, "workshop", "edit", "1", "--price", "25,50", NULL);
  assert_success (&run);
  run_cli (&run, "--database", fixture->db, "workshop", "edit", "1", "--price", "€30",
           "--capacity", "8", NULL);
  assert_usage_error (&run, "--price");
  run_cli (&run, "--database", fixture->db, "workshop", "add", "Sushi", "--price", "-5", NULL);
  assert_usage_error (&run, "--price");
  g_clear_pointer (&workshops, json_array_unref);
  workshops = run_json (fixture, "workshops", NULL);
  g_assert_cmpuint (json_array_get_length (workshops), ==, 1);
  workshop = json_array_get_object_element (workshops, 0);
  g_assert_cmpint (json_object_get_int_member (workshop, "price_cents"), ==, 2550);
  g_assert_cmpint (json_object_get_int_member (workshop, "capacity"), ==, 6);

  run_cli (&run, "--database", fixture->db, "workshop", "edit", "1", "--duration", "0", NULL);
  assert_usage_error (&run, "--duration");
  run_cli (&run, "--database", fixture->db, "workshop", "edit", "7", "--bring", "", NULL);
  assert_store_error (&run);
  run_cli (&run, "--database", fixture->db, "workshop", "grow", "1", NULL);
  assert_usage_error (&run, "grow");

  run_cli (&run, "--database", fixture->db, "workshop", "edit", "1", "--bring", "", NULL);
  assert_success (&run);
  after = run_json (fixture, "workshops", NULL);
  workshop = json_array_get_object_element (after, 0);
  g_assert_cmpstr (json_object_get_string_member (workshop, "bring"), ==, "");
  g_assert_cmpint (json_object_get_int_member (workshop, "duration_minutes"), ==, 90);
}

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

/* The same commands on a store of a PostgreSQL server, named by its URI:
 * a workshop added, someone signed up, the roster read, each by another
 * run of atelier-cli. */
static void
test_server_store (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *schema = NULL;
  g_autofree char *uri = test_new_server_store (&schema);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(JsonNode) roster = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };
  gint64 workshop_id;
  gint64 session_id;

  if (uri == NULL)
    {
      g_test_skip ("no PostgreSQL server (run as cli-pg)");
      return;
    }

  run_cli (&run, "--database", uri, "workshop", "add", "Risotto", "--capacity", "6", NULL);
  assert_success (&run);
  g_assert_null (strstr (run.out, "password"));

  store = atelier_store_open (uri, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GListModel) workshops = atelier_store_list_workshops (store, &error);
    g_autoptr(AtelierWorkshop) workshop = g_list_model_get_item (workshops, 0);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 1);
    g_assert_cmpstr (atelier_workshop_get_title (workshop), ==, "Risotto");
    workshop_id = atelier_workshop_get_id (workshop);
  }
  session_id = add_session (store, workshop_id, "Europe/Paris", 3, 14, 18, 6);

  run_cli (&run, "--database", uri, "signup", arg_id (0, session_id), "--name", "Zoé Martin",
           "--email", "zoe@example.org", NULL);
  assert_success (&run);

  run_cli (&run, "--database", uri, "roster", arg_id (1, session_id), "--json", NULL);
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "Zoé"));
  g_assert_nonnull (strstr (run.out, "Martin"));

  g_clear_object (&store);
  test_drop_server_store (schema);
}

/* A server that asks for a password gets the one of the file given,
 * and a wrong one is said, without the password. */
static void
test_server_password_file (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *uri = NULL;
  g_autofree char *wrong = g_build_filename (fixture->dir, "wrong", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  if (test_server_uri () == NULL)
    {
      g_test_skip ("no PostgreSQL server (run as cli-pg)");
      return;
    }
  uri = g_strconcat (test_server_uri (), "&user=atelier_password", NULL);
  g_assert_true (g_file_set_contents_full (wrong, "not-it-7351\n", -1,
                                           G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);

  run_cli (&run, "--database", uri, "--database-password-file", wrong, "workshops", NULL);
  assert_store_error (&run);
  g_assert_nonnull (strstr (run.err, "password"));
  g_assert_null (strstr (run.err, "not-it-7351"));

  run_cli (&run, "--database", uri, "workshops", NULL);
  assert_store_error (&run);
  g_assert_nonnull (strstr (run.err, "asks for a password"));

  /* A file others may read is refused before the server is asked. */
  g_assert_true (g_file_set_contents_full (wrong, "right-password\n", -1,
                                           G_FILE_SET_CONTENTS_NONE, 0644, &error));
  run_cli (&run, "--database", uri, "--database-password-file", wrong, "workshops", NULL);
  assert_store_error (&run);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add_test ("/atelier/cli/demo/listings", test_demo_listings);
  add_test ("/atelier/cli/demo/filter", test_demo_filter);
  add_test ("/atelier/cli/demo/twice", test_demo_twice);
  add_test ("/atelier/cli/listings/json", test_listings);
  add_test ("/atelier/cli/listings/filter", test_filter);
  add_test ("/atelier/cli/listings/time-zones", test_time_zones);
  add_test ("/atelier/cli/listings/unicode", test_unicode);
  add_test ("/atelier/cli/listings/tables", test_tables);
  add_test ("/atelier/cli/listings/empty", test_empty);
  add_test ("/atelier/cli/usage/help", test_help);
  add_test ("/atelier/cli/usage/command-help", test_command_help);
  add_test ("/atelier/cli/usage/unknown-command", test_unknown_command);
  add_test ("/atelier/cli/usage/bad-arguments", test_bad_arguments);
  add_test ("/atelier/cli/usage/bad-dates", test_bad_dates);
  add_test ("/atelier/cli/usage/database-after-command", test_database_after_command);
  add_test ("/atelier/cli/errors/not-a-store", test_not_a_store);
  add_test ("/atelier/cli/errors/missing-store", test_missing_store);
  add_test ("/atelier/cli/booking/signup", test_booking_signup);
  add_test ("/atelier/cli/booking/hostile-contact", test_booking_hostile_contact);
  add_test ("/atelier/cli/booking/cancel", test_booking_cancel);
  add_test ("/atelier/cli/booking/move", test_booking_move);
  add_test ("/atelier/cli/booking/capacity", test_booking_capacity);
  add_test ("/atelier/cli/booking/check-in", test_booking_check_in);
  add_test ("/atelier/cli/booking/walk-in", test_booking_walk_in);
  add_test ("/atelier/cli/booking/cancel-session", test_booking_cancel_session);
  add_test ("/atelier/cli/booking/search", test_booking_search);
  add_test ("/atelier/cli/booking/bad-arguments", test_booking_bad_arguments);
  add_test ("/atelier/cli/booking/not-found", test_booking_not_found);
  add_test ("/atelier/cli/booking/help", test_booking_help);
  add_test ("/atelier/cli/invites/settings", test_invites_settings);
  add_test ("/atelier/cli/currency", test_currency);
  add_test ("/atelier/cli/invites/demo", test_invites_demo);
  add_test ("/atelier/cli/invites/changes", test_invites_changes);
  add_test ("/atelier/cli/invites/bad-address", test_invites_bad_address);
  add_test ("/atelier/cli/invites/one", test_invites_one);
  add_test ("/atelier/cli/invites/feed", test_invites_feed);
  add_test ("/atelier/cli/invites/series", test_invites_series);
  add_test ("/atelier/cli/invites/series-skip", test_invites_series_skip);
  add_test ("/atelier/cli/workshop/bring", test_workshop_bring);
  add_test ("/atelier/cli/invites/bad-arguments", test_invites_bad_arguments);
  add_test ("/atelier/cli/invites/help", test_invites_help);

  g_test_add ("/atelier/cli/server/signup-roster", Fixture, NULL, fixture_set_up,
              test_server_store, fixture_tear_down);
  g_test_add ("/atelier/cli/server/password-file", Fixture, NULL, fixture_set_up,
              test_server_password_file, fixture_tear_down);

  return g_test_run ();
}
