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
#include <sys/wait.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "atelier-demo.h"
#include "atelier-store.h"

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

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);

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

/* Runs atelier-cli with the arguments up to NULL. */
static void
run_cli (Run        *run,
         const char *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("ATELIER_CLI");
  const char *arg;
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *) cli);
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
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
  g_assert_cmpint (json_object_get_size (object), ==, 10);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==,
                   atelier_workshop_get_id (workshop));
  assert_member_string (object, "title", atelier_workshop_get_title (workshop));
  assert_member_string (object, "description", atelier_workshop_get_description (workshop));
  assert_member_string (object, "takeaway", atelier_workshop_get_takeaway (workshop));
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

  g_assert_cmpint (json_object_get_size (object), ==, 14);
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==,
                   atelier_session_get_id (session));
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

static void
add_test (const char *path,
          void      (*func) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
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

  return g_test_run ();
}
