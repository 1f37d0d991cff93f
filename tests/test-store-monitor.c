/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store-monitor.c: writes by another connection reach the views */
#include "config.h"

#include "atelier-store-monitor.h"
#include "atelier-workshop.h"
#include "test-util.h"

static void
on_changed (AtelierStore *store,
            const char   *table,
            gpointer      user_data)
{
  GPtrArray *seen = user_data;

  g_ptr_array_add (seen, g_strdup (table));
}

static gboolean
seen_table (GPtrArray  *seen,
            const char *table)
{
  for (guint i = 0; i < seen->len; i++)
    if (g_strcmp0 (seen->pdata[i], table) == 0)
      return TRUE;
  return FALSE;
}

static void
add_workshop (AtelierStore *store,
              const char   *title)
{
  g_autoptr(AtelierWorkshop) workshop = g_object_new (ATELIER_TYPE_WORKSHOP,
                                                      "title", title,
                                                      "duration-minutes", 90,
                                                      "capacity", 8,
                                                      NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
}

static AtelierStore *
open_other (TestStore *fixture)
{
  g_autoptr(GError) error = NULL;
  AtelierStore *other = atelier_store_open (fixture->path, &error);

  g_assert_no_error (error);
  return other;
}

/* Another process's commit is announced once, for the tables views show. */
static void
test_other_connection (TestStore *fixture, gconstpointer data)
{
  g_autoptr(AtelierStoreMonitor) monitor = atelier_store_monitor_new (fixture->store);
  g_autoptr(AtelierStore) other = open_other (fixture);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), seen);
  g_assert_false (atelier_store_monitor_check_now (monitor));

  add_workshop (other, "Risotto");
  g_assert_true (atelier_store_monitor_check_now (monitor));
  g_assert_true (seen_table (seen, "workshops"));
  g_assert_true (seen_table (seen, "registrations"));
  g_assert_true (seen_table (seen, "customers"));

  g_ptr_array_set_size (seen, 0);
  g_assert_false (atelier_store_monitor_check_now (monitor));
  g_assert_cmpuint (seen->len, ==, 0);
}

/* The store announces its own writes itself: the monitor stays quiet. */
static void
test_own_writes (TestStore *fixture, gconstpointer data)
{
  g_autoptr(AtelierStoreMonitor) monitor = atelier_store_monitor_new (fixture->store);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);

  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), seen);
  add_workshop (fixture->store, "Risotto");
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_false (atelier_store_monitor_check_now (monitor));
  g_assert_cmpuint (seen->len, ==, 1);
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* The file monitor notices the commit without anyone asking: this is
 * what keeps an open window current. */
static void
test_noticed_from_the_file (TestStore *fixture, gconstpointer data)
{
  g_autoptr(AtelierStoreMonitor) monitor = atelier_store_monitor_new (fixture->store);
  g_autoptr(AtelierStore) other = open_other (fixture);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  gboolean timed_out = FALSE;
  guint guard;

  g_signal_connect (fixture->store, "changed::sessions", G_CALLBACK (on_changed), seen);
  add_workshop (other, "Risotto");

  /* A guard against a hang, not a measure of speed. */
  guard = g_timeout_add_seconds (30, on_timeout_cb, &timed_out);
  while (seen->len == 0 && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (guard);

  g_assert_false (timed_out);
  g_assert_cmpstr (seen->pdata[0], ==, "sessions");
}

int
main (int argc, char *argv[])
{
  test_init (&argc, &argv);

  g_test_add ("/atelier/store-monitor/other-connection", TestStore, NULL, test_store_setup,
              test_other_connection, test_store_teardown);
  g_test_add ("/atelier/store-monitor/own-writes", TestStore, NULL, test_store_setup,
              test_own_writes, test_store_teardown);
  g_test_add ("/atelier/store-monitor/noticed-from-the-file", TestStore, NULL, test_store_setup,
              test_noticed_from_the_file, test_store_teardown);

  return g_test_run ();
}
