/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-store-wait.c: a change that waits while another process writes
 *
 * Another process may hold the store's write lock for a long time: an
 * import applies its rows in one transaction. A change made at the door
 * (a sign-up, a check-in) should then wait for it, saying so, rather
 * than freeze the window for the whole busy timeout or fail. The change
 * is tried with a short wait for the lock; while the store is busy,
 * "waiting" is set and it is tried again, from the main loop, until it
 * is written, fails for another reason, or the limit has passed. Each
 * end is told by "finished", with the error (NULL when written).
 */
#define G_LOG_DOMAIN "atelier-store-wait"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "atelier-store-private.h"
#include "atelier-store-wait.h"

/* How long one try waits for the lock (the main loop waits with it),
 * and how often it is tried again. */
#define TRY_MS   100
#define RETRY_MS 400

struct _AtelierStoreWait
{
  GObject                parent_instance;

  AtelierStore          *store;
  guint                  limit_ms;
  AtelierStoreWriteFunc  write;
  gpointer               user_data;
  gint64                 started;      /* monotonic, of the first try */
  guint                  retry_source;
  gboolean               waiting;
};

G_DEFINE_FINAL_TYPE (AtelierStoreWait, atelier_store_wait, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_WAITING,
  PROP_LIMIT,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_waiting (AtelierStoreWait *self,
             gboolean          waiting)
{
  if (self->waiting == waiting)
    return;
  self->waiting = waiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING]);
}

static void
finish (AtelierStoreWait *self,
        const GError     *error)
{
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->write = NULL;
  self->user_data = NULL;
  set_waiting (self, FALSE);
  g_signal_emit (self, signals[FINISHED], 0, error);
}

static gboolean on_retry_cb (gpointer user_data);

/* One try, with a short wait for the lock. */
static void
try_write (AtelierStoreWait *self)
{
  g_autoptr(GError) error = NULL;
  guint usual = atelier_store_set_busy_timeout (self->store, TRY_MS);
  gboolean written = self->write (self->user_data, &error);

  atelier_store_set_busy_timeout (self->store, usual);
  if (written)
    {
      finish (self, NULL);
      return;
    }
  if (!g_error_matches (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_BUSY))
    {
      finish (self, error);
      return;
    }
  if ((g_get_monotonic_time () - self->started) / 1000 >= self->limit_ms)
    {
      g_autoptr(GError) limit = g_error_new_literal (ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_BUSY,
                                                     _("The store stayed busy with another "
                                                       "window’s or an import’s work for too long, "
                                                       "and nothing was saved. Try again later: "
                                                       "what you typed is kept."));
      finish (self, limit);
      return;
    }

  set_waiting (self, TRUE);
  self->retry_source = g_timeout_add (RETRY_MS, on_retry_cb, self);
}

static gboolean
on_retry_cb (gpointer user_data)
{
  AtelierStoreWait *self = user_data;

  /* Kept while a handler of "finished" may drop the last reference. */
  g_autoptr(AtelierStoreWait) hold = g_object_ref (self);

  self->retry_source = 0;
  try_write (self);
  return G_SOURCE_REMOVE;
}

static void
atelier_store_wait_dispose (GObject *object)
{
  AtelierStoreWait *self = ATELIER_STORE_WAIT (object);

  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atelier_store_wait_parent_class)->dispose (object);
}

static void
atelier_store_wait_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtelierStoreWait *self = ATELIER_STORE_WAIT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_WAITING:
      g_value_set_boolean (value, self->waiting);
      break;
    case PROP_LIMIT:
      g_value_set_uint (value, self->limit_ms);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_store_wait_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtelierStoreWait *self = ATELIER_STORE_WAIT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_LIMIT:
      atelier_store_wait_set_limit (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_store_wait_class_init (AtelierStoreWaitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atelier_store_wait_dispose;
  object_class->get_property = atelier_store_wait_get_property;
  object_class->set_property = atelier_store_wait_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, ATELIER_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * AtelierStoreWait:waiting:
   *
   * Whether a change waits for another process to finish writing.
   */
  properties[PROP_WAITING] =
    g_param_spec_boolean ("waiting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AtelierStoreWait:limit:
   *
   * How long, in milliseconds, a change waits before it gives up.
   */
  properties[PROP_LIMIT] =
    g_param_spec_uint ("limit", NULL, NULL, 0, G_MAXUINT, ATELIER_STORE_WAIT_DEFAULT_LIMIT_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtelierStoreWait::finished:
   * @error: (nullable): why the change was not written, or %NULL
   *
   * The change was written, failed, or waited too long.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
atelier_store_wait_init (AtelierStoreWait *self)
{
  self->limit_ms = ATELIER_STORE_WAIT_DEFAULT_LIMIT_MS;
}

AtelierStoreWait *
atelier_store_wait_new (AtelierStore *store)
{
  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return g_object_new (ATELIER_TYPE_STORE_WAIT, "store", store, NULL);
}

AtelierStore *
atelier_store_wait_get_store (AtelierStoreWait *self)
{
  g_return_val_if_fail (ATELIER_IS_STORE_WAIT (self), NULL);

  return self->store;
}

gboolean
atelier_store_wait_get_waiting (AtelierStoreWait *self)
{
  g_return_val_if_fail (ATELIER_IS_STORE_WAIT (self), FALSE);

  return self->waiting;
}

guint
atelier_store_wait_get_limit (AtelierStoreWait *self)
{
  g_return_val_if_fail (ATELIER_IS_STORE_WAIT (self), 0);

  return self->limit_ms;
}

void
atelier_store_wait_set_limit (AtelierStoreWait *self,
                              guint             milliseconds)
{
  g_return_if_fail (ATELIER_IS_STORE_WAIT (self));

  if (self->limit_ms == milliseconds)
    return;
  self->limit_ms = milliseconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIMIT]);
}

/**
 * atelier_store_wait_run:
 * @write: the change; called at once, and again while the store is busy
 *
 * Writes the change now if the store is free; otherwise waits for it,
 * by the rules at the top of this file. A change still waiting is
 * given up for this one. "finished" is emitted once the change is
 * written or given up, before this returns when it is at once.
 */
void
atelier_store_wait_run (AtelierStoreWait      *self,
                        AtelierStoreWriteFunc  write,
                        gpointer               user_data)
{
  g_autoptr(AtelierStoreWait) hold = NULL;

  g_return_if_fail (ATELIER_IS_STORE_WAIT (self));
  g_return_if_fail (write != NULL);

  hold = g_object_ref (self);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->write = write;
  self->user_data = user_data;
  self->started = g_get_monotonic_time ();
  try_write (self);
}

/**
 * atelier_store_wait_cancel:
 *
 * Gives up a change that waits, without "finished": nothing of it is
 * written.
 */
void
atelier_store_wait_cancel (AtelierStoreWait *self)
{
  g_return_if_fail (ATELIER_IS_STORE_WAIT (self));

  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->write = NULL;
  self->user_data = NULL;
  set_waiting (self, FALSE);
}
