/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-list-model.c: the customer book as a list model that reads
 * its customers as they are looked at
 *
 * A store can know a hundred thousand customers, and a list shows a
 * screenful of them. The list holds only their ids, in the order the
 * book is shown (family name, given name, as atelier_store_list_customers
 * sorts them); a customer object is built when a list view asks for its
 * position, together with the others of its block of BLOCK_SIZE positions,
 * in one query. The last MAX_BLOCKS blocks read are kept, so that
 * scrolling back and forth reads nothing again.
 *
 * The list is a snapshot of the ids: it does not follow later changes of
 * the store. Its owner reads a new one when the store says its customers
 * changed.
 */
#define G_LOG_DOMAIN "atelier-customer-list-model"

#include "config.h"

#include "atelier-customer-list-model.h"
#include "atelier-store-private.h"

#define BLOCK_SIZE 64
#define MAX_BLOCKS 32

/* One SQL parameter per position of a block: ?1 … ?64 */
#define PARAMS_8 "?,?,?,?,?,?,?,?"
#define PARAMS_64 PARAMS_8 "," PARAMS_8 "," PARAMS_8 "," PARAMS_8 ","   \
                  PARAMS_8 "," PARAMS_8 "," PARAMS_8 "," PARAMS_8

G_STATIC_ASSERT (BLOCK_SIZE == 64);

struct _AtelierCustomerListModel
{
  GObject       parent_instance;

  AtelierStore *store;
  GArray       *ids;     /* gint64, in the order shown */
  GHashTable   *blocks;  /* block number → GPtrArray of AtelierCustomer */
  GQueue        recent;  /* block numbers, the one read last first */
};

static void atelier_customer_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtelierCustomerListModel, atelier_customer_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      atelier_customer_list_model_iface_init))

/* Reading */

static GArray *
read_ids (AtelierStore  *store,
          GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  /* The order of atelier_store_list_customers(). */
  stmt = atelier_store_prepare (store,
                                "SELECT id FROM customers WHERE erased_at IS NULL"
                                " ORDER BY family_name, given_name, id",
                                error);
  if (stmt == NULL)
    return NULL;

  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      gint64 id = atelier_db_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  atelier_db_stmt_reset (stmt);

  return rc == ATELIER_DB_STEP_DONE ? g_steal_pointer (&ids) : NULL;
}

/* A customer deleted since the ids were read shows as nobody until the
 * owner reads a new list. */
static AtelierCustomer *
deleted_customer (gint64 id)
{
  return g_object_new (ATELIER_TYPE_CUSTOMER, "id", id, NULL);
}

/* The customer of @id among those read, or NULL. A block is small: a
 * plain search costs less than a table. */
static AtelierCustomer *
find_read (GListModel *read,
           gint64      id)
{
  guint n_items = read != NULL ? g_list_model_get_n_items (read) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      AtelierCustomer *customer = g_list_model_get_item (read, i);

      if (atelier_customer_get_id (customer) == id)
        return customer;
      g_object_unref (customer);
    }

  return NULL;
}

/* The customers of a block, in the order shown, in one query. */
static GPtrArray *
read_block (AtelierCustomerListModel *self,
            guint                block)
{
  guint first = block * BLOCK_SIZE;
  guint n = MIN (BLOCK_SIZE, self->ids->len - first);
  g_autoptr(GListModel) read = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *customers = g_ptr_array_new_full (n, g_object_unref);
  AtelierDbStmt *stmt;

  /* Unbound places stay NULL, which no id equals. */
  stmt = atelier_store_prepare (self->store,
                                "SELECT " ATELIER_CUSTOMER_COLUMNS ("")
                                " FROM customers WHERE id IN (" PARAMS_64 ")",
                                &error);
  if (stmt != NULL)
    {
      for (guint i = 0; i < n; i++)
        atelier_db_stmt_bind_int64 (stmt, i + 1, g_array_index (self->ids, gint64, first + i));
      read = atelier_store_read_objects (self->store, stmt, ATELIER_TYPE_CUSTOMER, &error);
    }
  if (read == NULL)
    g_warning ("Could not read customers: %s", error->message);

  for (guint i = 0; i < n; i++)
    {
      gint64 id = g_array_index (self->ids, gint64, first + i);
      AtelierCustomer *customer = find_read (read, id);

      g_ptr_array_add (customers, customer != NULL ? customer : deleted_customer (id));
    }

  return customers;
}

static GPtrArray *
lookup_block (AtelierCustomerListModel *self,
              guint                block)
{
  gpointer key = GUINT_TO_POINTER (block);
  GPtrArray *customers = g_hash_table_lookup (self->blocks, key);

  if (customers != NULL)
    {
      /* Most lookups are of the block read last. */
      if (g_queue_peek_head (&self->recent) != key)
        {
          g_queue_remove (&self->recent, key);
          g_queue_push_head (&self->recent, key);
        }
      return customers;
    }

  if (g_queue_get_length (&self->recent) >= MAX_BLOCKS)
    g_hash_table_remove (self->blocks, g_queue_pop_tail (&self->recent));

  customers = read_block (self, block);
  g_hash_table_insert (self->blocks, key, customers);
  g_queue_push_head (&self->recent, key);

  return customers;
}

/* GListModel */

static GType
atelier_customer_list_model_get_item_type (GListModel *model)
{
  return ATELIER_TYPE_CUSTOMER;
}

static guint
atelier_customer_list_model_get_n_items (GListModel *model)
{
  AtelierCustomerListModel *self = ATELIER_CUSTOMER_LIST_MODEL (model);

  return self->ids->len;
}

static gpointer
atelier_customer_list_model_get_item (GListModel *model,
                                guint       position)
{
  AtelierCustomerListModel *self = ATELIER_CUSTOMER_LIST_MODEL (model);
  GPtrArray *customers;

  if (position >= self->ids->len)
    return NULL;

  customers = lookup_block (self, position / BLOCK_SIZE);
  return g_object_ref (g_ptr_array_index (customers, position % BLOCK_SIZE));
}

static void
atelier_customer_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = atelier_customer_list_model_get_item_type;
  iface->get_n_items = atelier_customer_list_model_get_n_items;
  iface->get_item = atelier_customer_list_model_get_item;
}

/* GObject */

static void
atelier_customer_list_model_dispose (GObject *object)
{
  AtelierCustomerListModel *self = ATELIER_CUSTOMER_LIST_MODEL (object);

  g_hash_table_remove_all (self->blocks);
  g_queue_clear (&self->recent);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_customer_list_model_parent_class)->dispose (object);
}

static void
atelier_customer_list_model_finalize (GObject *object)
{
  AtelierCustomerListModel *self = ATELIER_CUSTOMER_LIST_MODEL (object);

  g_clear_pointer (&self->blocks, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_array_unref);

  G_OBJECT_CLASS (atelier_customer_list_model_parent_class)->finalize (object);
}

static void
atelier_customer_list_model_class_init (AtelierCustomerListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atelier_customer_list_model_dispose;
  object_class->finalize = atelier_customer_list_model_finalize;
}

static void
atelier_customer_list_model_init (AtelierCustomerListModel *self)
{
  self->blocks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->recent);
}

/* Takes @ids. */
static AtelierCustomerListModel *
new_with_ids (AtelierStore *store,
              GArray       *ids)
{
  AtelierCustomerListModel *self = g_object_new (ATELIER_TYPE_CUSTOMER_LIST_MODEL, NULL);

  self->store = g_object_ref (store);
  self->ids = ids;

  return self;
}

/**
 * atelier_customer_list_model_new:
 *
 * Reads the ids of the customers who are not erased, in the order the
 * book is shown, and makes a list that reads each customer when it is
 * first asked for. Reading the ids of a large book takes a while: see
 * atelier_customer_list_model_new_async().
 *
 * Returns: (transfer full): the list, a #GListModel of #AtelierCustomer,
 *   or %NULL with @error set
 */
AtelierCustomerListModel *
atelier_customer_list_model_new (AtelierStore  *store,
                           GError       **error)
{
  GArray *ids;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  ids = read_ids (store, error);
  if (ids == NULL)
    return NULL;

  return new_with_ids (store, ids);
}

/* The ids are read on a connection of the thread's own (SQLite in WAL
 * mode lets it read while the store's connection writes). */
static void
read_ids_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  store = atelier_store_open (path, &error);
  ids = store != NULL ? read_ids (store, &error) : NULL;
  if (ids == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

/**
 * atelier_customer_list_model_new_async:
 *
 * Does what atelier_customer_list_model_new() does, reading the ids in a
 * thread with a connection of its own to the store's file. The customers
 * are then read on @store's connection, as they are asked for.
 */
void
atelier_customer_list_model_new_async (AtelierStore        *store,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATELIER_IS_STORE (store));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, atelier_customer_list_model_new_async);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, g_strdup (atelier_store_get_path (store)), g_free);
  g_task_run_in_thread (task, read_ids_thread);
}

/**
 * atelier_customer_list_model_new_finish:
 *
 * Returns: (transfer full): the list, or %NULL with @error set
 */
AtelierCustomerListModel *
atelier_customer_list_model_new_finish (GAsyncResult  *result,
                                  GError       **error)
{
  GTask *task;
  GArray *ids;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == atelier_customer_list_model_new_async,
                        NULL);

  task = G_TASK (result);
  ids = g_task_propagate_pointer (task, error);
  if (ids == NULL)
    return NULL;

  return new_with_ids (g_task_get_source_object (task), ids);
}

/**
 * atelier_customer_list_model_get_id:
 * @position: a position in the list
 *
 * The id of the customer at @position, without reading the customer.
 *
 * Returns: the id, or 0 when @position is past the end
 */
gint64
atelier_customer_list_model_get_id (AtelierCustomerListModel *self,
                              guint                position)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_LIST_MODEL (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}
