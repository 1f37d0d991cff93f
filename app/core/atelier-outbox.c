/* atelier-outbox.c: what each customer is owed, and writing it out
 *
 * Nothing here is a queue: what is owed is derived (the outbox view) by
 * comparing what each customer last received (method and SEQUENCE, kept
 * on the registration) with the session's SEQUENCE and status and the
 * registration's status. Writing an item's files, then recording it as
 * received, is what takes it off the list; a file that could not be
 * written leaves its item owed.
 */
#define G_LOG_DOMAIN "atelier-outbox"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "atelier-mail.h"
#include "atelier-outbox.h"
#include "atelier-store-private.h"

G_DEFINE_QUARK (atelier-outbox-error-quark, atelier_outbox_error)

/**
 * atelier_outbox_list:
 * @session_id: one session, or 0 for every session
 *
 * Lists the messages owed to customers of sessions not yet over: first
 * invitations (new, or promoted from the waiting list), updates after a
 * session changed, and cancellations. Customers without an e-mail
 * address are left out.
 *
 * Returns: (transfer full): a #GListModel of #AtelierOutboxItem, by
 *   session start, then customer
 */
GListModel *
atelier_outbox_list (AtelierStore  *store,
                     gint64         session_id,
                     GError       **error)
{
  gint64 params[] = { atelier_store_now (), session_id, session_id };

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  return atelier_store_query_objects (store, ATELIER_TYPE_OUTBOX_ITEM,
                                      "SELECT * FROM outbox"
                                      " WHERE ends_at > ? AND (? = 0 OR session_id = ?)"
                                      " ORDER BY starts_at, session_id, customer_name, registration_id",
                                      params, G_N_ELEMENTS (params), error);
}

/**
 * atelier_outbox_build:
 * @calendar: (out) (optional): the iCalendar text
 * @mail: (out) (optional): the whole mail, ready to send
 *
 * Builds what @item owes its customer, without recording anything.
 */
gboolean
atelier_outbox_build (AtelierStore       *store,
                      AtelierSettings    *settings,
                      AtelierOutboxItem  *item,
                      char              **calendar,
                      GBytes            **mail,
                      GError            **error)
{
  AtelierInviteKind kind = atelier_outbox_item_get_kind (item);
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(AtelierWorkshop) workshop = NULL;
  g_autoptr(AtelierCustomer) customer = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (ATELIER_IS_SETTINGS (settings), FALSE);
  g_return_val_if_fail (ATELIER_IS_OUTBOX_ITEM (item), FALSE);

  session = atelier_store_get_session (store, atelier_outbox_item_get_session_id (item), error);
  if (session != NULL)
    workshop = atelier_store_get_workshop (store, atelier_session_get_workshop_id (session), error);
  if (workshop != NULL)
    customer = atelier_store_get_customer (store, atelier_outbox_item_get_customer_id (item), error);
  if (customer == NULL)
    return FALSE;

  text = atelier_invite_build (settings, session, workshop, customer,
                               atelier_outbox_item_get_party_size (item), kind,
                               atelier_outbox_item_get_sequence (item), error);
  if (text == NULL)
    return FALSE;

  if (mail != NULL)
    {
      GMimeMessage *message = atelier_mail_new_invite (settings, session, workshop, customer,
                                                       atelier_outbox_item_get_party_size (item),
                                                       kind, text, error);
      if (message == NULL)
        return FALSE;
      *mail = atelier_mail_to_bytes (message);
      g_object_unref (message);
    }
  if (calendar != NULL)
    *calendar = g_steal_pointer (&text);

  return TRUE;
}

static gboolean
same_item (AtelierOutboxItem *a,
           AtelierOutboxItem *b)
{
  return atelier_outbox_item_get_kind (a) == atelier_outbox_item_get_kind (b) &&
         atelier_outbox_item_get_sequence (a) == atelier_outbox_item_get_sequence (b);
}

/* Records the item as received, if it is still owed as it was read. */
static gboolean
mark_sent_locked (AtelierStore       *store,
                  AtelierOutboxItem  *item,
                  GError            **error)
{
  gint64 registration_id = atelier_outbox_item_get_registration_id (item);
  g_autoptr(GListModel) now_owed = NULL;
  g_autoptr(AtelierOutboxItem) current = NULL;
  sqlite3_stmt *stmt;

  now_owed = atelier_store_query_objects (store, ATELIER_TYPE_OUTBOX_ITEM,
                                          "SELECT * FROM outbox WHERE registration_id = ?",
                                          &registration_id, 1, error);
  if (now_owed == NULL)
    return FALSE;
  if (g_list_model_get_n_items (now_owed) > 0)
    current = g_list_model_get_item (now_owed, 0);
  if (current == NULL || !same_item (current, item))
    {
      g_set_error (error, ATELIER_OUTBOX_ERROR, ATELIER_OUTBOX_ERROR_CHANGED,
                   _("What %s is owed has changed meanwhile; list the outbox again."),
                   atelier_outbox_item_get_customer_name (item));
      return FALSE;
    }

  stmt = atelier_store_prepare (store,
                                "UPDATE registrations SET sent_method = ?1, sent_sequence = ?2,"
                                " sent_at = ?3,"
                                " sequence_offset = ?2 - (SELECT sequence FROM sessions"
                                "                         WHERE id = registrations.session_id)"
                                " WHERE id = ?4",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, atelier_outbox_item_get_method (item), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, atelier_outbox_item_get_sequence (item));
  sqlite3_bind_int64 (stmt, 3, atelier_store_now ());
  sqlite3_bind_int64 (stmt, 4, registration_id);

  return atelier_store_step_done (store, stmt, error);
}

/**
 * atelier_outbox_mark_sent:
 *
 * Records that @item's customer received it (for a sender other than
 * atelier_outbox_write()). Refused with %ATELIER_OUTBOX_ERROR_CHANGED if
 * what the customer is owed changed since @item was listed.
 */
gboolean
atelier_outbox_mark_sent (AtelierStore       *store,
                          AtelierOutboxItem  *item,
                          GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (ATELIER_IS_OUTBOX_ITEM (item), FALSE);

  if (!atelier_store_begin (store, error))
    return FALSE;
  ok = mark_sent_locked (store, item, error);
  if (!atelier_store_finish (store, ok, error))
    return FALSE;

  atelier_store_emit_changed (store, "registrations");
  return TRUE;
}

typedef struct
{
  AtelierOutboxItem *item;
  char              *calendar;
  GBytes            *mail;
} Built;

static void
built_free (gpointer data)
{
  Built *built = data;

  g_object_unref (built->item);
  g_free (built->calendar);
  g_bytes_unref (built->mail);
  g_free (built);
}

/* Builds every item first, so that one unusable address stops the
 * whole batch before anything is written. */
static GPtrArray *
build_all (AtelierStore     *store,
           AtelierSettings  *settings,
           GListModel       *items,
           GError          **error)
{
  g_autoptr(GPtrArray) built = g_ptr_array_new_with_free_func (built_free);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      Built *b = g_new0 (Built, 1);

      b->item = g_list_model_get_item (items, i);
      g_ptr_array_add (built, b);
      if (!atelier_outbox_build (store, settings, b->item, &b->calendar, &b->mail, error))
        return NULL;
    }

  return g_steal_pointer (&built);
}

static char *
file_stem (AtelierOutboxItem *item)
{
  return g_strdup_printf ("session-%" G_GINT64_FORMAT "-registration-%" G_GINT64_FORMAT
                          "-seq-%d-%s",
                          atelier_outbox_item_get_session_id (item),
                          atelier_outbox_item_get_registration_id (item),
                          atelier_outbox_item_get_sequence (item),
                          atelier_invite_kind_to_string (atelier_outbox_item_get_kind (item)));
}

/* Written under a temporary name, synced, then renamed: a file is
 * either whole or absent. Mode 0600: it holds a customer's address. */
static gboolean
write_file (const char  *folder,
            const char  *name,
            const void  *data,
            gsize        length,
            GError     **error)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) local_error = NULL;

  if (g_file_set_contents_full (path, data, length,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                0600, &local_error))
    return TRUE;

  g_set_error (error, ATELIER_OUTBOX_ERROR, ATELIER_OUTBOX_ERROR_WRITE,
               _("Could not write “%s”: %s"), path, local_error->message);
  return FALSE;
}

static gboolean
write_built (const char  *folder,
             Built       *built,
             GError     **error)
{
  g_autofree char *stem = file_stem (built->item);
  g_autofree char *ics_name = g_strconcat (stem, ".ics", NULL);
  g_autofree char *eml_name = g_strconcat (stem, ".eml", NULL);
  gsize mail_length = 0;
  const void *mail_data = g_bytes_get_data (built->mail, &mail_length);

  return write_file (folder, ics_name, built->calendar, strlen (built->calendar), error) &&
         write_file (folder, eml_name, mail_data, mail_length, error);
}

static gboolean
ensure_folder (const char  *folder,
               GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) == 0)
    return TRUE;

  {
    int saved_errno = errno;
    g_set_error (error, ATELIER_OUTBOX_ERROR, ATELIER_OUTBOX_ERROR_WRITE,
                 _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
  }
  return FALSE;
}

/* Writes each built item and records it as sent, stopping at the first
 * file that cannot be written. */
static gboolean
write_and_mark (AtelierStore  *store,
                GPtrArray     *built,
                const char    *folder,
                guint         *n_written,
                GError       **write_error,
                GError       **error)
{
  for (guint i = 0; i < built->len; i++)
    {
      Built *b = built->pdata[i];

      if (!write_built (folder, b, write_error))
        return TRUE;
      if (!mark_sent_locked (store, b->item, error))
        return FALSE;
      (*n_written)++;
    }

  return TRUE;
}

/**
 * atelier_outbox_write:
 * @session_id: one session, or 0 for every session
 * @folder: where to write; created if missing
 * @n_written: (out) (optional): how many items were written and recorded
 *
 * Writes, for each item owed, `STEM.ics` (the calendar) and `STEM.eml`
 * (the mail carrying it), each atomically, and records the item as sent
 * once both are written. Stops at the first file that cannot be written:
 * the items written before it are recorded, that one and the rest stay
 * owed, and %FALSE is returned with @error set. Refused as a whole while
 * the organiser mailbox is unset or a customer's address is unusable.
 */
gboolean
atelier_outbox_write (AtelierStore  *store,
                      gint64         session_id,
                      const char    *folder,
                      guint         *n_written,
                      GError       **error)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GPtrArray) built = NULL;
  g_autoptr(GError) write_error = NULL;
  guint written = 0;
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;

  settings = atelier_settings_load (store, error);
  if (settings == NULL || !atelier_settings_check_can_invite (settings, error))
    return FALSE;
  if (!atelier_store_begin (store, error))
    return FALSE;

  items = atelier_outbox_list (store, session_id, error);
  built = items ? build_all (store, settings, items, error) : NULL;
  ok = built != NULL &&
       (built->len == 0 || ensure_folder (folder, error)) &&
       write_and_mark (store, built, folder, &written, &write_error, error);
  if (!atelier_store_finish (store, ok, error))
    return FALSE;

  if (written > 0)
    atelier_store_emit_changed (store, "registrations");
  if (n_written != NULL)
    *n_written = written;
  if (write_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }

  return TRUE;
}
