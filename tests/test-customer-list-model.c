/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-customer-list-model.c: the customer book as a list model that reads its
 * customers as they are looked at */
#define G_LOG_DOMAIN "test-customer-list"

#include "config.h"

#include "atelier-customer-list-model.h"
#include "atelier-privacy.h"
#include "test-util.h"

/* More than two blocks of the list's reads. */
#define N_CUSTOMERS 150

static gint64
add_customer (AtelierStore *store,
              const char   *given_name,
              const char   *family_name)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, family_name);
  g_autoptr(GError) error = NULL;

  g_object_set (customer, "email", "someone@example.org", NULL);
  g_assert_true (atelier_store_add_customer (store, customer, &error));
  g_assert_no_error (error);
  return atelier_customer_get_id (customer);
}

/* Customers with names in no particular order, one of them erased. */
static void
fill_book (AtelierStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 erased = 0;

  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autofree char *family = g_strdup_printf ("Family %03u", (i * 37) % N_CUSTOMERS);
      g_autofree char *given = g_strdup_printf ("Given %u", i % 3);
      gint64 id = add_customer (store, given, family);

      if (i == 42)
        erased = id;
    }

  g_assert_true (atelier_privacy_erase_customer (store, erased, &error));
  g_assert_no_error (error);
}

/* The list holds what atelier_store_list_customers() holds, in the same
 * order, whatever order its positions are read in. */
static void
assert_same_customers (GListModel *list,
                       GListModel *expected)
{
  guint n_items = g_list_model_get_n_items (expected);
  /* Last block first, then back and forth across blocks. */
  guint positions[] = { n_items - 1, 0, 70, 63, 64, 1, 128, 127, n_items - 2, 65 };

  g_assert_cmpuint (g_list_model_get_item_type (list), ==, ATELIER_TYPE_CUSTOMER);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_items);
  g_assert_null (g_list_model_get_item (list, n_items));

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(AtelierCustomer) got = g_list_model_get_item (list, positions[i]);
      g_autoptr(AtelierCustomer) want = g_list_model_get_item (expected, positions[i]);

      g_assert_cmpint (atelier_customer_get_id (got), ==, atelier_customer_get_id (want));
      g_assert_cmpint (atelier_customer_list_model_get_id (ATELIER_CUSTOMER_LIST_MODEL (list), positions[i]),
                       ==, atelier_customer_get_id (want));
      g_assert_cmpstr (atelier_customer_get_family_name (got), ==,
                       atelier_customer_get_family_name (want));
      g_assert_cmpstr (atelier_customer_get_given_name (got), ==,
                       atelier_customer_get_given_name (want));
      g_assert_cmpstr (atelier_customer_get_email (got), ==, atelier_customer_get_email (want));
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtelierCustomer) got = g_list_model_get_item (list, i);
      g_autoptr(AtelierCustomer) want = g_list_model_get_item (expected, i);

      g_assert_cmpint (atelier_customer_get_id (got), ==, atelier_customer_get_id (want));
    }
}

static void
test_customer_list_order (TestStore     *fixture,
                          gconstpointer  data)
{
  g_autoptr(AtelierCustomerListModel) list = NULL;
  g_autoptr(GListModel) expected = NULL;
  g_autoptr(GError) error = NULL;

  fill_book (fixture->store);
  expected = atelier_store_list_customers (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (expected), ==, N_CUSTOMERS - 1);

  list = atelier_customer_list_model_new (fixture->store, &error);
  g_assert_no_error (error);
  assert_same_customers (G_LIST_MODEL (list), expected);
  g_assert_cmpint (atelier_customer_list_model_get_id (list, N_CUSTOMERS), ==, 0);
}

static void
on_list_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AtelierCustomerListModel **list = user_data;
  g_autoptr(GError) error = NULL;

  *list = atelier_customer_list_model_new_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*list);
}

static void
test_customer_list_async (TestStore     *fixture,
                          gconstpointer  data)
{
  g_autoptr(AtelierCustomerListModel) list = NULL;
  g_autoptr(GListModel) expected = NULL;
  g_autoptr(GError) error = NULL;

  fill_book (fixture->store);
  expected = atelier_store_list_customers (fixture->store, &error);
  g_assert_no_error (error);

  atelier_customer_list_model_new_async (fixture->store, NULL, on_list_ready_cb, &list);
  while (list == NULL)
    g_main_context_iteration (NULL, TRUE);

  assert_same_customers (G_LIST_MODEL (list), expected);
}

/* A snapshot: a customer deleted since shows as nobody, and the list
 * keeps its length until its owner reads a new one. */
static void
test_customer_list_deleted (TestStore     *fixture,
                            gconstpointer  data)
{
  AtelierStore *store = fixture->store;
  gint64 ada = add_customer (store, "Ada", "Lovelace");
  gint64 zoe = add_customer (store, "Zoé", "Martin");
  gint64 bruno = add_customer (store, "Bruno", "Zola");
  g_autoptr(AtelierCustomerListModel) list = NULL;
  g_autoptr(AtelierCustomer) first = NULL;
  g_autoptr(AtelierCustomer) second = NULL;
  g_autoptr(AtelierCustomer) third = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  list = atelier_customer_list_model_new (store, &error);
  g_assert_no_error (error);
  g_assert_true (atelier_store_delete_customer (store, zoe, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  second = g_list_model_get_item (G_LIST_MODEL (list), 1);
  third = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_cmpint (atelier_customer_get_id (first), ==, ada);
  g_assert_cmpstr (atelier_customer_get_family_name (first), ==, "Lovelace");
  g_assert_cmpint (atelier_customer_get_id (second), ==, zoe);
  name = atelier_customer_dup_full_name (second);
  g_assert_cmpstr (name, ==, "");
  g_assert_cmpint (atelier_customer_get_id (third), ==, bruno);
  g_assert_cmpstr (atelier_customer_get_family_name (third), ==, "Zola");
}

static void
test_customer_list_empty (TestStore     *fixture,
                          gconstpointer  data)
{
  g_autoptr(AtelierCustomerListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  list = atelier_customer_list_model_new (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 0));
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add ("/atelier/customer-list-model/order", TestStore, NULL,
              test_store_setup, test_customer_list_order, test_store_teardown);
  g_test_add ("/atelier/customer-list-model/async", TestStore, NULL,
              test_store_setup, test_customer_list_async, test_store_teardown);
  g_test_add ("/atelier/customer-list-model/deleted", TestStore, NULL,
              test_store_setup, test_customer_list_deleted, test_store_teardown);
  g_test_add ("/atelier/customer-list-model/empty", TestStore, NULL,
              test_store_setup, test_customer_list_empty, test_store_teardown);

  return g_test_run ();
}
