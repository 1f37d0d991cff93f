/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-imap.c: reading the store's mailbox over IMAP, with libcurl
 *
 * An AtelierImap is one libcurl handle: the commands of a check go one
 * after the other through it, and libcurl keeps the connection (its TLS
 * session and login) open between them. The connection is always
 * encrypted: imaps://, or imap:// with STARTTLS required; certificates
 * are always verified, against the system's authorities or the
 * account's CA file. No connection nor reply waits forever.
 *
 * What the server says to EXAMINE, SEARCH and MOVE comes back through
 * libcurl's write callback as its untagged lines ("* SEARCH 3 4"); a
 * message is fetched by its UID (which marks it \Seen on the server).
 *
 * Not thread-safe: one AtelierImap per thread.
 */
#define G_LOG_DOMAIN "atelier-imap"

#include "config.h"

#include <curl/curl.h>
#include <glib/gi18n-lib.h>
#include <libsecret/secret.h>
#include <stdlib.h>
#include <string.h>

#include "atelier-imap.h"

#define DEFAULT_CONNECT_SECONDS 20
#define DEFAULT_REPLY_SECONDS   60
/* A reply with its attachments; anything larger is not a calendar reply. */
#define MAX_MESSAGE_SIZE (16 * 1024 * 1024)

struct _AtelierImap
{
  CURL       *curl;
  char       *base_url;   /* imaps://host:port/ */
  char       *host;
  char        error_buffer[CURL_ERROR_SIZE];
  GByteArray *received;
  gboolean    too_large;
};

G_DEFINE_QUARK (atelier-imap-error-quark, atelier_imap_error)

static void
ensure_curl (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      curl_global_init (CURL_GLOBAL_DEFAULT);
      g_once_init_leave (&initialized, 1);
    }
}

static size_t
on_write_cb (char   *data,
             size_t  size,
             size_t  n_items,
             void   *user_data)
{
  AtelierImap *self = user_data;
  size_t n = size * n_items;

  if (self->received->len + n > MAX_MESSAGE_SIZE)
    {
      self->too_large = TRUE;
      return 0;
    }
  g_byte_array_append (self->received, (const guint8 *) data, n);
  return n;
}

void
atelier_imap_free (AtelierImap *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->curl, curl_easy_cleanup);
  g_byte_array_unref (self->received);
  g_free (self->base_url);
  g_free (self->host);
  g_free (self);
}

static char *
make_base_url (AtelierSettings *settings)
{
  const char *host = atelier_settings_get_imap_host (settings);
  const char *scheme = g_strcmp0 (atelier_settings_get_imap_security (settings), "starttls") == 0
                       ? "imap" : "imaps";
  gboolean ipv6 = strchr (host, ':') != NULL && host[0] != '[';

  return g_strdup_printf ("%s://%s%s%s:%d/", scheme, ipv6 ? "[" : "", host, ipv6 ? "]" : "",
                          atelier_settings_get_imap_port (settings));
}

/**
 * atelier_imap_new:
 * @password: the account's password
 *
 * Prepares a connection to the IMAP server of @settings; nothing is
 * said to it before the first command.
 */
AtelierImap *
atelier_imap_new (AtelierSettings  *settings,
                  const char       *password,
                  GError          **error)
{
  g_autoptr(AtelierImap) self = NULL;
  const char *ca_file;

  g_return_val_if_fail (ATELIER_IS_SETTINGS (settings), NULL);

  if (!atelier_settings_check_can_read_replies (settings, error))
    return NULL;

  ca_file = atelier_settings_get_imap_ca_file (settings);
  if (*ca_file != '\0' && !g_file_test (ca_file, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_CONFIG,
                   _("The certificate authority file “%s” does not exist."), ca_file);
      return NULL;
    }

  ensure_curl ();
  self = g_new0 (AtelierImap, 1);
  self->received = g_byte_array_new ();
  self->host = g_strdup (atelier_settings_get_imap_host (settings));
  self->base_url = make_base_url (settings);
  self->curl = curl_easy_init ();
  if (self->curl == NULL)
    {
      g_set_error_literal (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_CONFIG,
                           _("The mail library could not be started."));
      return NULL;
    }

  curl_easy_setopt (self->curl, CURLOPT_PROTOCOLS_STR, "imap,imaps");
  /* Threads: no signal for a DNS timeout. */
  curl_easy_setopt (self->curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (self->curl, CURLOPT_ERRORBUFFER, self->error_buffer);
  curl_easy_setopt (self->curl, CURLOPT_WRITEFUNCTION, on_write_cb);
  curl_easy_setopt (self->curl, CURLOPT_WRITEDATA, self);
  curl_easy_setopt (self->curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (self->curl, CURLOPT_SSL_VERIFYHOST, 2L);
  /* imap:// only ever with STARTTLS: never a password in clear. */
  curl_easy_setopt (self->curl, CURLOPT_USE_SSL, (long) CURLUSESSL_ALL);
  if (*ca_file != '\0')
    curl_easy_setopt (self->curl, CURLOPT_CAINFO, ca_file);
  curl_easy_setopt (self->curl, CURLOPT_USERNAME, atelier_settings_get_imap_user (settings));
  curl_easy_setopt (self->curl, CURLOPT_PASSWORD, password ? password : "");
  atelier_imap_set_timeouts (self, DEFAULT_CONNECT_SECONDS, DEFAULT_REPLY_SECONDS);

  return g_steal_pointer (&self);
}

/* A dead server never freezes a check: no connection nor reply waits
 * longer than this. */
void
atelier_imap_set_timeouts (AtelierImap *self,
                           int          connect_seconds,
                           int          reply_seconds)
{
  curl_easy_setopt (self->curl, CURLOPT_CONNECTTIMEOUT, (long) connect_seconds);
  curl_easy_setopt (self->curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, (long) reply_seconds);
}

static void
set_error (AtelierImap  *self,
           CURLcode      result,
           GError      **error)
{
  const char *said = self->error_buffer[0] != '\0' ? self->error_buffer : curl_easy_strerror (result);

  switch (result)
    {
    case CURLE_COULDNT_RESOLVE_HOST:
      g_set_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_CONNECT,
                   _("The mail server “%s” is unknown: check its name."), self->host);
      return;
    case CURLE_COULDNT_CONNECT:
      g_set_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_CONNECT,
                   _("The mail server %s could not be reached: connection refused."), self->host);
      return;
    case CURLE_OPERATION_TIMEDOUT:
      g_set_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_CONNECT,
                   _("The mail server %s did not answer in time."), self->host);
      return;
    case CURLE_PEER_FAILED_VERIFICATION:
      g_set_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_TLS,
                   _("The mail server’s certificate is not trusted (%s); if the store has its "
                     "own certificate authority, give its file in the mail account."),
                   self->error_buffer);
      return;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CERTPROBLEM:
      g_set_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_TLS,
                   _("No secure connection could be made with the mail server: %s"), said);
      return;
    case CURLE_LOGIN_DENIED:
      g_set_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_AUTH,
                   _("The mail server refused the user name or password: %s"), said);
      return;
    case CURLE_WRITE_ERROR:
      if (self->too_large)
        {
          g_set_error_literal (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_FAILED,
                               _("A message in the mailbox is too large to be a reply."));
          return;
        }
      break;
    default:
      break;
    }

  g_set_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_FAILED,
               _("The mail server refused to read the mailbox: %s"), said);
}

/* Runs one command (@request, or a plain fetch of @path when %NULL) and
 * keeps what the server sent in self->received. */
static gboolean
perform (AtelierImap  *self,
         const char   *path,
         const char   *request,
         GError      **error)
{
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);
  CURLcode result;

  g_byte_array_set_size (self->received, 0);
  self->too_large = FALSE;
  self->error_buffer[0] = '\0';
  curl_easy_setopt (self->curl, CURLOPT_URL, url);
  curl_easy_setopt (self->curl, CURLOPT_CUSTOMREQUEST, request);
  result = curl_easy_perform (self->curl);
  curl_easy_setopt (self->curl, CURLOPT_CUSTOMREQUEST, NULL);
  if (result == CURLE_OK)
    return TRUE;

  set_error (self, result, error);
  return FALSE;
}

/* A folder's name in a URL path: its characters escaped. */
static char *
escape_folder (AtelierImap *self,
               const char  *folder)
{
  char *escaped = curl_easy_escape (self->curl, folder, 0);
  char *copy = g_strdup (escaped);

  curl_free (escaped);
  return copy;
}

/* A folder's name in a command: a quoted string. */
static char *
quote_folder (const char *folder)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = folder; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');
  return g_string_free (quoted, FALSE);
}

static char *
received_text (AtelierImap *self)
{
  return g_strndup ((const char *) self->received->data, self->received->len);
}

static void
set_folder_error (const char  *folder,
                  GError     **error)
{
  g_set_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_FOLDER,
               _("The mailbox has no folder “%s”: check the folder in the mail account."), folder);
}

/**
 * atelier_imap_examine:
 * @uidvalidity: (out): the folder's UIDVALIDITY: when it changes, its
 *   UIDs name other messages
 *
 * Opens @folder read-only.
 */
gboolean
atelier_imap_examine (AtelierImap  *self,
                      const char   *folder,
                      guint32      *uidvalidity,
                      GError      **error)
{
  g_autofree char *quoted = quote_folder (folder);
  g_autofree char *request = g_strdup_printf ("EXAMINE %s", quoted);
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *found;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!perform (self, "", request, &local_error))
    {
      /* A NO to EXAMINE is a folder that does not exist. */
      if (g_error_matches (local_error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_FAILED))
        set_folder_error (folder, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  text = received_text (self);
  found = strstr (text, "[UIDVALIDITY ");
  if (found == NULL)
    {
      set_folder_error (folder, error);
      return FALSE;
    }
  *uidvalidity = (guint32) g_ascii_strtoull (found + strlen ("[UIDVALIDITY "), NULL, 10);
  return TRUE;
}

static gint
compare_uids (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a;
  guint32 y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

/**
 * atelier_imap_search_after:
 *
 * Returns: (transfer full): the UIDs (guint32) of @folder's messages
 *   above @last_uid, in increasing order
 */
GArray *
atelier_imap_search_after (AtelierImap  *self,
                           const char   *folder,
                           guint32       last_uid,
                           GError      **error)
{
  g_autofree char *path = escape_folder (self, folder);
  g_autofree char *request = g_strdup_printf ("UID SEARCH UID %u:*", last_uid + 1);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) uids = g_array_new (FALSE, FALSE, sizeof (guint32));

  g_return_val_if_fail (self != NULL, NULL);

  if (!perform (self, path, request, error))
    return NULL;

  text = received_text (self);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *p;

      if (!g_str_has_prefix (lines[i], "* SEARCH"))
        continue;
      p = lines[i] + strlen ("* SEARCH");
      while (*p != '\0')
        {
          char *end = NULL;
          guint64 uid = g_ascii_strtoull (p, &end, 10);

          if (end == p)
            {
              p++;
              continue;
            }
          /* "N:*" names the last message even when its UID is below N. */
          if (uid > last_uid && uid <= G_MAXUINT32)
            {
              guint32 value = (guint32) uid;
              g_array_append_val (uids, value);
            }
          p = end;
        }
    }

  g_array_sort (uids, compare_uids);
  return g_steal_pointer (&uids);
}

/**
 * atelier_imap_fetch:
 *
 * Returns: (transfer full): the whole message of that UID, or %NULL
 *   with @error set
 */
GBytes *
atelier_imap_fetch (AtelierImap  *self,
                    const char   *folder,
                    guint32       uid,
                    GError      **error)
{
  g_autofree char *folder_path = escape_folder (self, folder);
  g_autofree char *path = g_strdup_printf ("%s;UID=%u", folder_path, uid);

  g_return_val_if_fail (self != NULL, NULL);

  if (!perform (self, path, NULL, error))
    return NULL;
  return g_bytes_new (self->received->data, self->received->len);
}

/**
 * atelier_imap_move:
 *
 * Moves one message of @folder to @to_folder (IMAP MOVE, RFC 6851).
 */
gboolean
atelier_imap_move (AtelierImap  *self,
                   const char   *folder,
                   guint32       uid,
                   const char   *to_folder,
                   GError      **error)
{
  g_autofree char *path = escape_folder (self, folder);
  g_autofree char *quoted = quote_folder (to_folder);
  g_autofree char *request = g_strdup_printf ("UID MOVE %u %s", uid, quoted);

  g_return_val_if_fail (self != NULL, FALSE);

  if (perform (self, path, request, error))
    return TRUE;

  g_prefix_error (error, _("A handled reply could not be moved to “%s”: "), to_folder);
  return FALSE;
}

/**
 * atelier_imap_test:
 *
 * Logs in and opens the account's folder, and the folder for handled
 * replies if one is set: what Preferences' "Test Connection" does.
 */
gboolean
atelier_imap_test (AtelierSettings  *settings,
                   const char       *password,
                   GError          **error)
{
  g_autoptr(AtelierImap) self = atelier_imap_new (settings, password, error);
  const char *done = NULL;
  guint32 uidvalidity = 0;

  if (self == NULL || !atelier_imap_examine (self, atelier_settings_get_imap_folder (settings),
                                             &uidvalidity, error))
    return FALSE;

  done = atelier_settings_get_imap_done_folder (settings);
  return *done == '\0' || atelier_imap_examine (self, done, &uidvalidity, error);
}

static const SecretSchema *
imap_schema (void)
{
  static const SecretSchema schema = {
    "io.github.ateliers.Atelier.ImapAccount", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

static void
set_keyring_error (GError **error,
                   GError  *local_error)
{
  g_set_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_CONFIG,
               _("The keyring could not be used: %s"), local_error->message);
  g_error_free (local_error);
}

gboolean
atelier_imap_store_password (const char    *host,
                             const char    *user,
                             const char    *password,
                             GCancellable  *cancellable,
                             GError       **error)
{
  /* TRANSLATORS: how the keyring lists the password; a user, then a server */
  g_autofree char *label = g_strdup_printf (_("Atelier replies mailbox %s on %s"), user, host);
  GError *local_error = NULL;

  g_return_val_if_fail (host != NULL && user != NULL && password != NULL, FALSE);

  if (secret_password_store_sync (imap_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                  cancellable, &local_error, "host", host, "user", user, NULL))
    return TRUE;

  set_keyring_error (error, local_error);
  return FALSE;
}

/**
 * atelier_imap_lookup_password:
 *
 * Returns: (transfer full): the password, to free with
 *   atelier_secret_free(), or %NULL with @error set
 */
char *
atelier_imap_lookup_password (const char    *host,
                              const char    *user,
                              GCancellable  *cancellable,
                              GError       **error)
{
  GError *local_error = NULL;
  char *password;

  g_return_val_if_fail (host != NULL && user != NULL, NULL);

  password = secret_password_lookup_sync (imap_schema (), cancellable, &local_error,
                                          "host", host, "user", user, NULL);
  if (local_error != NULL)
    {
      set_keyring_error (error, local_error);
      return NULL;
    }
  if (password == NULL)
    g_set_error (error, ATELIER_IMAP_ERROR, ATELIER_IMAP_ERROR_AUTH,
                 _("No password is kept for %s on %s: enter it in Preferences, or give "
                   "--password-file."), user, host);
  return password;
}
