/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-wait.c: a change waits while another connection writes */

#include "config.h"

#include "atelier-customer.h"
#include "atelier-store-wait.h"
#include "test-util.h"

typedef struct
{
  TestStore         store;
  AtelierStoreWait *wait;
  sqlite3          *other;      /* another connection, as another process has */
  guint             n_writes;
  guint             n_finished;
  GError           *finished;   /* what "finished" said */
  gboolean          was_waiting;
  const char       *invalid;    /* when set, the write fails with this */
} Fixture;

static void
on_finished_cb (AtelierStoreWait *wait,
                const GError     *error,
                Fixture          *fixture)
{
  fixture->n_finished++;
  g_clear_error (&fixture->finished);
  fixture->finished = error ? g_error_copy (error) : NULL;
}

static void
on_waiting_cb (AtelierStoreWait *wait,
               GParamSpec       *pspec,
               Fixture          *fixture)
{
  fixture->was_waiting |= atelier_store_wait_get_waiting (wait);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_store_setup (&fixture->store, data);
  fixture->wait = atelier_store_wait_new (fixture->store.store);
  g_signal_connect (fixture->wait, "finished", G_CALLBACK (on_finished_cb), fixture);
  g_signal_connect (fixture->wait, "notify::waiting", G_CALLBACK (on_waiting_cb), fixture);
  g_assert_cmpint (sqlite3_open (fixture->store.path, &fixture->other), ==, SQLITE_OK);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->wait);
  sqlite3_close (fixture->other);
  g_clear_error (&fixture->finished);
  test_store_teardown (&fixture->store, data);
}

/* An import's write lock, held by the other connection. */
static void
hold_lock (Fixture *fixture)
{
  g_assert_cmpint (sqlite3_exec (fixture->other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
release_lock (Fixture *fixture)
{
  g_assert_cmpint (sqlite3_exec (fixture->other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
}

static gboolean
add_customer (gpointer   user_data,
              GError   **error)
{
  Fixture *fixture = user_data;
  g_autoptr(AtelierCustomer) customer = atelier_customer_new ("Zoé", "Martin");

  fixture->n_writes++;
  if (fixture->invalid != NULL)
    {
      g_set_error_literal (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID, fixture->invalid);
      return FALSE;
    }
  return atelier_store_add_customer (fixture->store.store, customer, error);
}

static guint
count_customers (Fixture *fixture)
{
  g_autoptr(GListModel) customers = atelier_store_list_customers (fixture->store.store, NULL);

  g_assert_nonnull (customers);
  return g_list_model_get_n_items (customers);
}

/* Runs the main loop until "finished", for at most a minute. */
static void
wait_for_finished (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (fixture->n_finished == 0 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (fixture->n_finished, ==, 1);
}

/* A free store: written at once, without waiting. */
static void
test_store_wait_free (Fixture       *fixture,
                      gconstpointer  data)
{
  atelier_store_wait_run (fixture->wait, add_customer, fixture);

  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_no_error (fixture->finished);
  g_assert_false (fixture->was_waiting);
  g_assert_cmpuint (fixture->n_writes, ==, 1);
  g_assert_cmpuint (count_customers (fixture), ==, 1);
}

/* Held by another connection: waiting, said at once, until the lock
 * frees; then written, once. */
static void
test_store_wait_busy (Fixture       *fixture,
                      gconstpointer  data)
{
  hold_lock (fixture);
  atelier_store_wait_run (fixture->wait, add_customer, fixture);

  g_assert_true (atelier_store_wait_get_waiting (fixture->wait));
  g_assert_cmpuint (fixture->n_finished, ==, 0);
  g_assert_cmpuint (count_customers (fixture), ==, 0);

  /* Still waiting after a few tries. */
  while (fixture->n_writes < 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (atelier_store_wait_get_waiting (fixture->wait));
  g_assert_cmpuint (fixture->n_finished, ==, 0);

  release_lock (fixture);
  wait_for_finished (fixture);
  g_assert_no_error (fixture->finished);
  g_assert_false (atelier_store_wait_get_waiting (fixture->wait));
  g_assert_cmpuint (count_customers (fixture), ==, 1);
}

/* Past the limit: given up, with an error that says so, nothing written. */
static void
test_store_wait_limit (Fixture       *fixture,
                       gconstpointer  data)
{
  atelier_store_wait_set_limit (fixture->wait, 500);
  hold_lock (fixture);
  atelier_store_wait_run (fixture->wait, add_customer, fixture);
  g_assert_true (atelier_store_wait_get_waiting (fixture->wait));

  wait_for_finished (fixture);
  g_assert_error (fixture->finished, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (fixture->finished->message, "nothing was saved"));
  g_assert_false (atelier_store_wait_get_waiting (fixture->wait));
  g_assert_true (fixture->was_waiting);
  release_lock (fixture);
  g_assert_cmpuint (count_customers (fixture), ==, 0);

  /* No try after the end. */
  {
    guint n_writes = fixture->n_writes;

    for (guint i = 0; i < 10; i++)
      g_main_context_iteration (NULL, FALSE);
    g_assert_cmpuint (fixture->n_writes, ==, n_writes);
  }
}

/* Another failure is not waited on: it ends the change at once. */
static void
test_store_wait_other_error (Fixture       *fixture,
                             gconstpointer  data)
{
  fixture->invalid = "A customer needs a name.";
  atelier_store_wait_run (fixture->wait, add_customer, fixture);

  g_assert_cmpuint (fixture->n_finished, ==, 1);
  g_assert_error (fixture->finished, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
  g_assert_false (fixture->was_waiting);
  g_assert_cmpuint (fixture->n_writes, ==, 1);
}

/* Cancelled while waiting: no more tries, nothing written. */
static void
test_store_wait_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  guint n_writes;

  hold_lock (fixture);
  atelier_store_wait_run (fixture->wait, add_customer, fixture);
  g_assert_true (atelier_store_wait_get_waiting (fixture->wait));
  atelier_store_wait_cancel (fixture->wait);
  g_assert_false (atelier_store_wait_get_waiting (fixture->wait));
  release_lock (fixture);

  n_writes = fixture->n_writes;
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (fixture->n_writes, ==, n_writes);
  g_assert_cmpuint (fixture->n_finished, ==, 0);
  g_assert_cmpuint (count_customers (fixture), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  test_init (&argc, &argv);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/store-wait/free", test_store_wait_free);
  ADD_TEST ("/atelier/store-wait/busy", test_store_wait_busy);
  ADD_TEST ("/atelier/store-wait/limit", test_store_wait_limit);
  ADD_TEST ("/atelier/store-wait/other-error", test_store_wait_other_error);
  ADD_TEST ("/atelier/store-wait/cancel", test_store_wait_cancel);

#undef ADD_TEST

  return g_test_run ();
}
