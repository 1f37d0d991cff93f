/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-secret.c: the mail account's password, in the Secret Service
 *
 * The password of the SMTP account is kept by libsecret (the GNOME
 * keyring, or the Secret portal in Flatpak), under the server and the
 * user name, never in the store's file, GSettings or a log. A headless
 * sender (the systemd timer) may read it from a file instead, which must
 * be readable by its owner alone.
 */
#define G_LOG_DOMAIN "atelier-secret"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>

#include "atelier-secret.h"

/* A password file holds one line, not a book. */
#define MAX_PASSWORD_FILE 4096

G_DEFINE_QUARK (atelier-secret-error-quark, atelier_secret_error)

static const SecretSchema *
account_schema (void)
{
  static const SecretSchema schema = {
    "io.github.ateliers.Atelier.MailAccount", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

static char *
describe_account (const char *host,
                  const char *user)
{
  /* TRANSLATORS: how the keyring lists the password; a user, then a server */
  return g_strdup_printf (_("Atelier mail account %s on %s"), user, host);
}

/* libsecret's own errors say "org.freedesktop.DBus.Error…": say what it means. */
static void
prefix_unavailable (GError **error)
{
  if (error == NULL || *error == NULL || (*error)->domain == ATELIER_SECRET_ERROR)
    return;

  g_prefix_error (error, _("The keyring could not be used: "));
  (*error)->domain = ATELIER_SECRET_ERROR;
  (*error)->code = ATELIER_SECRET_ERROR_UNAVAILABLE;
}

gboolean
atelier_secret_store_password (const char    *host,
                               const char    *user,
                               const char    *password,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (host != NULL && user != NULL && password != NULL, FALSE);

  label = describe_account (host, user);
  if (secret_password_store_sync (account_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                  cancellable, error, "host", host, "user", user, NULL))
    return TRUE;

  prefix_unavailable (error);
  return FALSE;
}

static void
on_stored_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (secret_password_store_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    {
      prefix_unavailable (&error);
      g_task_return_error (task, error);
    }
}

/* What Preferences calls: the keyring may ask the user to unlock it. */
void
atelier_secret_store_password_async (const char          *host,
                                     const char          *user,
                                     const char          *password,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *label = describe_account (host, user);

  g_task_set_source_tag (task, atelier_secret_store_password_async);
  secret_password_store (account_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, on_stored_cb, task, "host", host, "user", user, NULL);
}

gboolean
atelier_secret_store_password_finish (GAsyncResult  *result,
                                      GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * atelier_secret_lookup_password:
 *
 * Returns: (transfer full): the password, to free with
 *   atelier_secret_free(); %NULL with %ATELIER_SECRET_ERROR_NOT_FOUND if
 *   none is kept for that account
 */
char *
atelier_secret_lookup_password (const char    *host,
                                const char    *user,
                                GCancellable  *cancellable,
                                GError       **error)
{
  GError *local_error = NULL;
  char *password;

  g_return_val_if_fail (host != NULL && user != NULL, NULL);

  password = secret_password_lookup_sync (account_schema (), cancellable, &local_error,
                                          "host", host, "user", user, NULL);
  if (local_error != NULL)
    {
      prefix_unavailable (&local_error);
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (password == NULL)
    {
      g_set_error (error, ATELIER_SECRET_ERROR, ATELIER_SECRET_ERROR_NOT_FOUND,
                   _("No password is kept for %s on %s: enter it in Preferences, or give "
                     "--password-file."), user, host);
      return NULL;
    }

  return password;
}

gboolean
atelier_secret_clear_password (const char    *host,
                               const char    *user,
                               GCancellable  *cancellable,
                               GError       **error)
{
  GError *local_error = NULL;

  secret_password_clear_sync (account_schema (), cancellable, &local_error,
                              "host", host, "user", user, NULL);
  if (local_error == NULL)
    return TRUE;

  prefix_unavailable (&local_error);
  g_propagate_error (error, local_error);
  return FALSE;
}

/* Any password, from the keyring (libsecret's own memory) or from a file
 * or an entry (GLib's): cleared, then freed. libsecret frees memory that
 * is not its own through GLib, so one call serves both. */
void
atelier_secret_free (char *password)
{
  if (password != NULL)
    secret_password_free (password);
}

static void
set_file_error (GError     **error,
                const char  *path,
                const char  *reason)
{
  /* TRANSLATORS: a file's path, then why it cannot be used */
  g_set_error (error, ATELIER_SECRET_ERROR, ATELIER_SECRET_ERROR_FILE,
               _("The password file “%s” cannot be used: %s"), path, reason);
}

/**
 * atelier_secret_read_password_file:
 *
 * Reads a password from the first line of @path. A file that its group or
 * other users may read is refused: the password would not be a secret.
 *
 * Returns: (transfer full): the password, to free with atelier_secret_free()
 */
char *
atelier_secret_read_password_file (const char  *path,
                                   GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;
  char *end;
  char *password;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      set_file_error (error, path, g_strerror (errno));
      return NULL;
    }
  if ((st.st_mode & 0077) != 0)
    {
      set_file_error (error, path,
                      _("other users can read it; make it private with chmod 600."));
      return NULL;
    }
  if (!S_ISREG (st.st_mode) || st.st_size > MAX_PASSWORD_FILE)
    {
      set_file_error (error, path, _("it is not a small text file."));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      set_file_error (error, path, g_strerror (errno));
      return NULL;
    }

  end = strpbrk (contents, "\r\n");
  if (end != NULL)
    *end = '\0';
  if (*contents == '\0')
    {
      set_file_error (error, path, _("it is empty."));
      return NULL;
    }

  password = g_strdup (contents);
  memset (contents, 0, length);
  return password;
}
