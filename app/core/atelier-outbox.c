/* SPDX-License-Identifier: GPL-3.0-or-later */
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
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

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
      GMimeMessage *message = atelier_mail_build_invite (store, settings, session, workshop, customer,
                                                         atelier_outbox_item_get_registration_id (item),
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
  AtelierDbStmt *stmt;

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
  atelier_db_stmt_bind_text (stmt, 1, atelier_outbox_item_get_method (item));
  atelier_db_stmt_bind_int64 (stmt, 2, atelier_outbox_item_get_sequence (item));
  atelier_db_stmt_bind_int64 (stmt, 3, atelier_store_now ());
  atelier_db_stmt_bind_int64 (stmt, 4, registration_id);

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

/* An error that concerns one customer's address only. */
static gboolean
is_address_error (const GError *error)
{
  return g_error_matches (error, ATELIER_INVITE_ERROR, ATELIER_INVITE_ERROR_BAD_ADDRESS) ||
         g_error_matches (error, ATELIER_INVITE_ERROR, ATELIER_INVITE_ERROR_NO_ADDRESS);
}

/* Builds every item first, before anything is written. An unusable
 * address holds back its own item only: it stays owed, and the first
 * such refusal goes to @held_back. */
static GPtrArray *
build_all (AtelierStore     *store,
           AtelierSettings  *settings,
           GListModel       *items,
           GError          **held_back,
           GError          **error)
{
  g_autoptr(GPtrArray) built = g_ptr_array_new_with_free_func (built_free);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      Built *b = g_new0 (Built, 1);
      g_autoptr(GError) build_error = NULL;

      b->item = g_list_model_get_item (items, i);
      if (atelier_outbox_build (store, settings, b->item, &b->calendar, &b->mail, &build_error))
        {
          g_ptr_array_add (built, b);
          continue;
        }
      built_free (b);
      if (!is_address_error (build_error))
        {
          g_propagate_error (error, g_steal_pointer (&build_error));
          return NULL;
        }
      if (*held_back == NULL)
        g_propagate_error (held_back, g_steal_pointer (&build_error));
    }

  return g_steal_pointer (&built);
}

/* How many characters of the name a file name keeps. */
#define STEM_NAME_MAX 48

/* The customer's name as any file system, mail client or archive takes
 * it: ASCII letters and digits in lower case, words joined by "-".
 * Accents are dropped ("Zoé" is "zoe"); what has no ASCII form (another
 * script, an emoji) is left out, as are apostrophes ("O'Brien" is
 * "obrien"); anything else (spaces, "/", ".", control characters)
 * separates words. A name with nothing left is "customer". */
static char *
safe_name (const char *customer_name)
{
  g_autofree char *valid = g_utf8_make_valid (customer_name ? customer_name : "", -1);
  g_autofree char *ascii = g_str_to_ascii (valid, "C");
  GString *name = g_string_new (NULL);
  gboolean new_word = FALSE;

  for (const char *p = ascii; *p != '\0' && name->len < STEM_NAME_MAX; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (new_word && name->len > 0)
            g_string_append_c (name, '-');
          g_string_append_c (name, g_ascii_tolower (*p));
          new_word = FALSE;
        }
      else if (*p != '\'')
        new_word = TRUE;
    }

  if (name->len == 0)
    g_string_append (name, "customer");

  return g_string_free (name, FALSE);
}

/**
 * atelier_outbox_file_stem:
 * @customer_name: (nullable): the customer's name, as written
 * @registration_id: the registration the files are for
 *
 * The name of a registration's files, without the extension: the
 * customer's name made safe (see safe_name()), then the registration's
 * id, as in "zoe-martin-12". The id makes it unique: two customers of
 * the same name never share a file, and a newer message for the same
 * registration replaces the older one, which is what the customer
 * should get.
 *
 * Returns: (transfer full): only ASCII letters, digits and "-"; it
 *   never starts with "-" or "."
 */
char *
atelier_outbox_file_stem (const char *customer_name,
                          gint64      registration_id)
{
  g_autofree char *name = safe_name (customer_name);

  return g_strdup_printf ("%s-%" G_GINT64_FORMAT, name, registration_id);
}

static void
set_write_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_set_error (error, ATELIER_OUTBOX_ERROR, ATELIER_OUTBOX_ERROR_WRITE,
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
}

/* Writes @data to a new hidden file beside @path, synced to disk, and
 * returns its name; mode 0600: it holds a customer's address. */
static char *
write_temporary (const char  *path,
                 const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *hidden = g_strconcat (".", name, ".XXXXXX", NULL);
  g_autofree char *temporary = g_build_filename (folder, hidden, NULL);
  int fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0600);
  int saved_errno = 0;

  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return NULL;
    }

  while (length > 0 && saved_errno == 0)
    {
      gssize n = write (fd, data, length);

      if (n > 0)
        {
          data += n;
          length -= n;
        }
      else if (n == 0)
        saved_errno = EIO;
      else if (errno != EINTR)
        saved_errno = errno;
    }
  if (saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_unlink (temporary);
      set_write_error (error, path, saved_errno);
      return NULL;
    }

  return g_steal_pointer (&temporary);
}

/* Writes an item's two files as a pair: both are written whole under
 * temporary names first, then renamed over any older pair of the same
 * registration. Adds the paths it put in place to @files. */
static gboolean
write_built (const char  *folder,
             Built       *built,
             GPtrArray   *files,
             GError     **error)
{
  g_autofree char *stem = atelier_outbox_file_stem (atelier_outbox_item_get_customer_name (built->item),
                                                    atelier_outbox_item_get_registration_id (built->item));
  g_autofree char *ics_name = g_strconcat (stem, ".ics", NULL);
  g_autofree char *eml_name = g_strconcat (stem, ".eml", NULL);
  char *paths[2] = {
    g_build_filename (folder, ics_name, NULL),
    g_build_filename (folder, eml_name, NULL),
  };
  char *temporaries[2] = { NULL, NULL };
  gsize mail_length = 0;
  const char *mail_data = g_bytes_get_data (built->mail, &mail_length);
  gboolean ok;

  temporaries[0] = write_temporary (paths[0], built->calendar, strlen (built->calendar), error);
  if (temporaries[0] != NULL)
    temporaries[1] = write_temporary (paths[1], mail_data, mail_length, error);

  ok = temporaries[1] != NULL;
  for (guint i = 0; ok && i < G_N_ELEMENTS (paths); i++)
    {
      if (g_rename (temporaries[i], paths[i]) != 0)
        {
          set_write_error (error, paths[i], errno);
          ok = FALSE;
          break;
        }
      g_clear_pointer (&temporaries[i], g_free);
      g_ptr_array_add (files, g_steal_pointer (&paths[i]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      if (temporaries[i] != NULL)
        g_unlink (temporaries[i]);
      g_free (temporaries[i]);
      g_free (paths[i]);
    }

  return ok;
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
                GPtrArray     *files,
                GError       **write_error,
                GError       **error)
{
  for (guint i = 0; i < built->len; i++)
    {
      Built *b = built->pdata[i];

      if (!write_built (folder, b, files, write_error))
        return TRUE;
      if (!mark_sent_locked (store, b->item, error))
        return FALSE;
      (*n_written)++;
    }

  return TRUE;
}

/**
 * atelier_outbox_write:
 *
 * atelier_outbox_write_full() without the list of files.
 */
gboolean
atelier_outbox_write (AtelierStore  *store,
                      gint64         session_id,
                      const char    *folder,
                      guint         *n_written,
                      GError       **error)
{
  return atelier_outbox_write_full (store, session_id, folder, n_written, NULL, error);
}

/**
 * atelier_outbox_write_full:
 * @session_id: one session, or 0 for every session
 * @folder: where to write; created if missing
 * @n_written: (out) (optional): how many items were written and recorded
 * @files: (out) (optional) (transfer full) (element-type filename): the
 *   paths of the files written, in the order written, also when an error
 *   stopped the writing half-way
 *
 * Writes, for each item owed, `NAME-REG.ics` (the calendar) and
 * `NAME-REG.eml` (the mail carrying it), named by
 * atelier_outbox_file_stem(), and records the item as sent once both are
 * in place. The two are written whole under temporary names, then
 * renamed: a newer message for a registration (an update after an
 * invitation) replaces the pair already in @folder. Stops at the first
 * file that cannot be written: the items written before it are
 * recorded, that one and the rest stay owed, and %FALSE is returned with
 * @error set. Refused as a whole while the organiser mailbox is unset; a
 * customer whose address is unusable holds back their own item only: the
 * others are written, and %FALSE is returned with that customer's
 * #ATELIER_INVITE_ERROR.
 */
gboolean
atelier_outbox_write_full (AtelierStore  *store,
                           gint64         session_id,
                           const char    *folder,
                           guint         *n_written,
                           GPtrArray    **files,
                           GError       **error)
{
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GPtrArray) built = NULL;
  g_autoptr(GPtrArray) written_files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) write_error = NULL;
  g_autoptr(GError) held_back = NULL;
  guint written = 0;
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (n_written != NULL)
    *n_written = 0;
  if (files != NULL)
    *files = NULL;

  settings = atelier_settings_load (store, error);
  if (settings == NULL || !atelier_settings_check_can_invite (settings, error))
    return FALSE;
  if (!atelier_store_begin (store, error))
    return FALSE;

  items = atelier_outbox_list (store, session_id, error);
  built = items ? build_all (store, settings, items, &held_back, error) : NULL;
  ok = built != NULL &&
       (built->len == 0 || ensure_folder (folder, error)) &&
       write_and_mark (store, built, folder, &written, written_files, &write_error, error);
  /* What is on disk is said even if nothing could be recorded. */
  if (files != NULL)
    *files = g_steal_pointer (&written_files);
  if (!atelier_store_finish (store, ok, error))
    return FALSE;

  if (written > 0)
    atelier_store_emit_changed (store, "registrations");
  if (n_written != NULL)
    *n_written = written;
  if (write_error != NULL || held_back != NULL)
    {
      g_propagate_error (error, write_error ? g_steal_pointer (&write_error)
                                            : g_steal_pointer (&held_back));
      return FALSE;
    }

  return TRUE;
}
