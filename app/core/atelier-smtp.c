/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-smtp.c: one connection to the store's mail server, with libcurl
 *
 * An AtelierSmtp is one libcurl handle: the messages of a batch are sent
 * one after the other through it, and libcurl keeps the connection (and
 * its TLS session and login) open between them. Certificates are always
 * verified, against the system's authorities or the account's CA file.
 * Every reply of the server is read through libcurl's debug callback, so
 * that an error quotes the server's exact words ("550 5.1.1 No such
 * user") and a sent message keeps its "250 …" line. Nothing that goes
 * out (the login, the password) is ever kept.
 *
 * Not thread-safe: one AtelierSmtp per thread. The one exception is
 * atelier_smtp_send_begin(), which hands a message to the connection's
 * own thread and returns at once: the caller builds the next message
 * and writes to its store while this one is on the wire, then waits for
 * it with atelier_smtp_send_end(). One message at a time is in flight.
 */
#define G_LOG_DOMAIN "atelier-smtp"

#include "config.h"

#include <curl/curl.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "atelier-smtp.h"

#define DEFAULT_CONNECT_SECONDS 20
#define DEFAULT_REPLY_SECONDS   60

struct _AtelierSmtp
{
  CURL    *curl;
  char    *host;
  char     error_buffer[CURL_ERROR_SIZE];
  GString *pending;       /* the lines of a reply not yet ended */
  char    *last_reply;    /* the last whole reply, lines joined by a space */
  char    *refusal;       /* the first 4xx or 5xx reply of this message */
  guint    n_connections;

  /* the message being read by libcurl */
  const guint8 *data;
  gsize         length;

  /* atelier_smtp_send_begin(): the message handed to the thread, and
   * what became of it */
  gboolean  in_flight;     /* begun and not ended: the caller's side */
  GThread  *thread;
  GMutex    lock;
  GCond     cond;
  gboolean  quit;
  char     *job_from;
  char     *job_to;
  GBytes   *job_message;
  gboolean  job_done;
  gboolean  job_ok;
  char     *job_reply;
  GError   *job_error;
};

G_DEFINE_QUARK (atelier-smtp-error-quark, atelier_smtp_error)

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

/* One reply line "250-…" goes on; "250 …" ends the reply. */
static void
take_reply_line (AtelierSmtp *self,
                 const char  *line,
                 gsize        length)
{
  while (length > 0 && (line[length - 1] == '\r' || line[length - 1] == '\n'))
    length--;
  if (length == 0)
    return;

  if (self->pending->len > 0)
    g_string_append_c (self->pending, ' ');
  g_string_append_len (self->pending, line, length);

  if (length < 4 || line[3] != '-')
    {
      g_free (self->last_reply);
      self->last_reply = g_utf8_make_valid (self->pending->str, self->pending->len);
      g_string_truncate (self->pending, 0);
      /* libcurl says QUIT after a refusal: keep the refusal, not "221 Bye". */
      if (self->refusal == NULL && (line[0] == '4' || line[0] == '5'))
        self->refusal = g_strdup (self->last_reply);
    }
}

static int
on_debug_cb (CURL          *curl,
             curl_infotype  type,
             char          *data,
             size_t         size,
             void          *user_data)
{
  AtelierSmtp *self = user_data;

  if (type == CURLINFO_HEADER_IN)
    {
      const char *end = data + size;

      while (data < end)
        {
          const char *newline = memchr (data, '\n', end - data);
          const char *stop = newline ? newline + 1 : end;

          take_reply_line (self, data, stop - data);
          data = (char *) stop;
        }
    }
  else if (type == CURLINFO_TEXT && g_str_has_prefix (data, "Connected to"))
    self->n_connections++;

  return 0;
}

static size_t
on_read_cb (char   *buffer,
            size_t  size,
            size_t  n_items,
            void   *user_data)
{
  AtelierSmtp *self = user_data;
  size_t n = MIN (size * n_items, self->length);

  memcpy (buffer, self->data, n);
  self->data += n;
  self->length -= n;
  return n;
}

void
atelier_smtp_free (AtelierSmtp *self)
{
  if (self == NULL)
    return;

  if (self->thread != NULL)
    {
      g_mutex_lock (&self->lock);
      self->quit = TRUE;
      g_cond_signal (&self->cond);
      g_mutex_unlock (&self->lock);
      g_thread_join (self->thread);
    }
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_free (self->job_from);
  g_free (self->job_to);
  g_clear_pointer (&self->job_message, g_bytes_unref);
  g_free (self->job_reply);
  g_clear_error (&self->job_error);

  g_clear_pointer (&self->curl, curl_easy_cleanup);
  g_string_free (self->pending, TRUE);
  g_free (self->last_reply);
  g_free (self->refusal);
  g_free (self->host);
  g_free (self);
}

static char *
make_url (AtelierSettings *settings)
{
  const char *security = atelier_settings_get_smtp_security (settings);
  const char *host = atelier_settings_get_smtp_host (settings);
  const char *scheme = g_strcmp0 (security, "tls") == 0 ? "smtps" : "smtp";
  gboolean ipv6 = strchr (host, ':') != NULL && host[0] != '[';

  return g_strdup_printf ("%s://%s%s%s:%d", scheme, ipv6 ? "[" : "", host, ipv6 ? "]" : "",
                          atelier_settings_get_smtp_port (settings));
}

/**
 * atelier_smtp_new:
 * @password: (nullable): the account's password, if it has a user
 *
 * Prepares a connection to the server of @settings; nothing is sent
 * until atelier_smtp_send().
 */
AtelierSmtp *
atelier_smtp_new (AtelierSettings  *settings,
                  const char       *password,
                  GError          **error)
{
  g_autoptr(AtelierSmtp) self = NULL;
  const char *user;
  const char *ca_file;
  const char *security;
  g_autofree char *url = NULL;

  g_return_val_if_fail (ATELIER_IS_SETTINGS (settings), NULL);

  if (!atelier_settings_check_can_send (settings, error))
    return NULL;

  ca_file = atelier_settings_get_smtp_ca_file (settings);
  if (*ca_file != '\0' && !g_file_test (ca_file, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_CONFIG,
                   _("The certificate authority file “%s” does not exist."), ca_file);
      return NULL;
    }

  ensure_curl ();
  self = g_new0 (AtelierSmtp, 1);
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  self->pending = g_string_new (NULL);
  self->host = g_strdup (atelier_settings_get_smtp_host (settings));
  self->curl = curl_easy_init ();
  if (self->curl == NULL)
    {
      g_set_error_literal (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_CONFIG,
                           _("The mail library could not be started."));
      return NULL;
    }

  url = make_url (settings);
  security = atelier_settings_get_smtp_security (settings);
  user = atelier_settings_get_smtp_user (settings);

  curl_easy_setopt (self->curl, CURLOPT_URL, url);
  curl_easy_setopt (self->curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  /* Threads: no signal for a DNS timeout. */
  curl_easy_setopt (self->curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (self->curl, CURLOPT_ERRORBUFFER, self->error_buffer);
  curl_easy_setopt (self->curl, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt (self->curl, CURLOPT_DEBUGFUNCTION, on_debug_cb);
  curl_easy_setopt (self->curl, CURLOPT_DEBUGDATA, self);
  curl_easy_setopt (self->curl, CURLOPT_READFUNCTION, on_read_cb);
  curl_easy_setopt (self->curl, CURLOPT_READDATA, self);
  curl_easy_setopt (self->curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt (self->curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (self->curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (g_strcmp0 (security, "starttls") == 0)
    curl_easy_setopt (self->curl, CURLOPT_USE_SSL, (long) CURLUSESSL_ALL);
  if (*ca_file != '\0')
    curl_easy_setopt (self->curl, CURLOPT_CAINFO, ca_file);
  if (*user != '\0')
    {
      curl_easy_setopt (self->curl, CURLOPT_USERNAME, user);
      curl_easy_setopt (self->curl, CURLOPT_PASSWORD, password ? password : "");
    }
  atelier_smtp_set_timeouts (self, DEFAULT_CONNECT_SECONDS, DEFAULT_REPLY_SECONDS);

  return g_steal_pointer (&self);
}

/* A dead server never freezes anything: no connection nor reply waits
 * longer than this. */
void
atelier_smtp_set_timeouts (AtelierSmtp *self,
                           int          connect_seconds,
                           int          reply_seconds)
{
  curl_easy_setopt (self->curl, CURLOPT_CONNECTTIMEOUT, (long) connect_seconds);
  curl_easy_setopt (self->curl, CURLOPT_SERVER_RESPONSE_TIMEOUT, (long) reply_seconds);
}

/* How many times a connection was opened: one per batch unless the
 * server closed it. */
guint
atelier_smtp_get_n_connections (AtelierSmtp *self)
{
  return self->n_connections;
}

gboolean
atelier_smtp_error_is_account (const GError *error)
{
  return error != NULL && error->domain == ATELIER_SMTP_ERROR &&
         error->code != ATELIER_SMTP_ERROR_TEMPORARY && error->code != ATELIER_SMTP_ERROR_PERMANENT;
}

/* The server's words if it said any during this message, else libcurl's. */
static const char *
what_was_said (AtelierSmtp *self,
               long         code)
{
  if (code > 0 && self->refusal != NULL)
    return self->refusal;
  if (code > 0 && self->last_reply != NULL)
    return self->last_reply;
  return self->error_buffer[0] != '\0' ? self->error_buffer : _("no answer");
}

static void
set_send_error (AtelierSmtp  *self,
                CURLcode      result,
                long          code,
                GError      **error)
{
  const char *said = what_was_said (self, code);

  switch (result)
    {
    case CURLE_COULDNT_RESOLVE_HOST:
      g_set_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_CONNECT,
                   _("The mail server “%s” is unknown: check its name."), self->host);
      return;
    case CURLE_COULDNT_CONNECT:
      g_set_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_CONNECT,
                   _("The mail server %s could not be reached: connection refused."), self->host);
      return;
    case CURLE_OPERATION_TIMEDOUT:
      if (code == 0)
        {
          g_set_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_CONNECT,
                       _("The mail server %s did not answer in time."), self->host);
          return;
        }
      break;
    case CURLE_PEER_FAILED_VERIFICATION:
      g_set_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_TLS,
                   _("The mail server’s certificate is not trusted (%s); if the store has its "
                     "own certificate authority, give its file in the mail account."),
                   self->error_buffer);
      return;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_CERTPROBLEM:
      g_set_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_TLS,
                   _("No secure connection could be made with the mail server: %s"),
                   code > 0 ? said : self->error_buffer);
      return;
    case CURLE_LOGIN_DENIED:
      g_set_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_AUTH,
                   _("The mail server refused the user name or password: %s"), said);
      return;
    default:
      break;
    }

  if (code >= 500)
    g_set_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_PERMANENT,
                 _("The mail server refused the message: %s"), said);
  else if (code >= 400)
    g_set_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_TEMPORARY,
                 _("The mail server cannot take the message now: %s"), said);
  else
    g_set_error (error, ATELIER_SMTP_ERROR, ATELIER_SMTP_ERROR_TEMPORARY,
                 _("The connection to the mail server was lost: %s"),
                 self->error_buffer[0] != '\0' ? self->error_buffer : curl_easy_strerror (result));
}

/**
 * atelier_smtp_send:
 * @from: the envelope sender, a bare address
 * @to: the one envelope recipient, a bare address
 * @message: the whole message, CRLF line ends
 * @reply: (out) (optional): the server's reply to the message, "250 …"
 *
 * Sends one message over the connection, opening it first if it is not
 * open (yet, or any more).
 */
gboolean
atelier_smtp_send (AtelierSmtp  *self,
                   const char   *from,
                   const char   *to,
                   GBytes       *message,
                   char        **reply,
                   GError      **error)
{
  g_autofree char *envelope_from = g_strdup_printf ("<%s>", from);
  g_autofree char *envelope_to = g_strdup_printf ("<%s>", to);
  struct curl_slist *recipients = NULL;
  CURLcode result;
  long code = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  self->data = g_bytes_get_data (message, &self->length);
  self->error_buffer[0] = '\0';
  g_clear_pointer (&self->last_reply, g_free);
  g_clear_pointer (&self->refusal, g_free);
  g_string_truncate (self->pending, 0);

  recipients = curl_slist_append (NULL, envelope_to);
  curl_easy_setopt (self->curl, CURLOPT_MAIL_FROM, envelope_from);
  curl_easy_setopt (self->curl, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt (self->curl, CURLOPT_INFILESIZE_LARGE, (curl_off_t) self->length);

  result = curl_easy_perform (self->curl);
  curl_easy_getinfo (self->curl, CURLINFO_RESPONSE_CODE, &code);
  curl_easy_setopt (self->curl, CURLOPT_MAIL_RCPT, NULL);
  curl_slist_free_all (recipients);
  self->data = NULL;

  if (result != CURLE_OK)
    {
      set_send_error (self, result, code, error);
      return FALSE;
    }

  if (reply != NULL)
    *reply = g_strdup (self->last_reply ? self->last_reply : "");
  return TRUE;
}

/* The connection's thread: sends each message it is handed, one at a
 * time, until the AtelierSmtp is freed. */
static gpointer
send_thread (gpointer data)
{
  AtelierSmtp *self = data;

  g_mutex_lock (&self->lock);
  for (;;)
    {
      g_autoptr(GBytes) message = NULL;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      char *reply = NULL;
      GError *error = NULL;
      gboolean ok;

      while (self->job_message == NULL && !self->quit)
        g_cond_wait (&self->cond, &self->lock);
      if (self->job_message == NULL)
        break;

      message = g_steal_pointer (&self->job_message);
      from = g_steal_pointer (&self->job_from);
      to = g_steal_pointer (&self->job_to);
      g_mutex_unlock (&self->lock);

      ok = atelier_smtp_send (self, from, to, message, &reply, &error);

      g_mutex_lock (&self->lock);
      self->job_ok = ok;
      self->job_reply = reply;
      self->job_error = error;
      self->job_done = TRUE;
      g_cond_broadcast (&self->cond);
    }
  g_mutex_unlock (&self->lock);

  return NULL;
}

/**
 * atelier_smtp_send_begin:
 *
 * Starts sending @message as atelier_smtp_send() does, in the
 * connection's own thread, and returns at once. Every call is followed
 * by atelier_smtp_send_end() before the next one.
 */
void
atelier_smtp_send_begin (AtelierSmtp *self,
                         const char  *from,
                         const char  *to,
                         GBytes      *message)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (message != NULL);

  g_return_if_fail (!self->in_flight);

  self->in_flight = TRUE;
  g_mutex_lock (&self->lock);
  self->job_from = g_strdup (from);
  self->job_to = g_strdup (to);
  self->job_message = g_bytes_ref (message);
  if (self->thread == NULL)
    self->thread = g_thread_new ("atelier-smtp", send_thread, self);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/**
 * atelier_smtp_send_end:
 * @reply: (out) (optional): as for atelier_smtp_send()
 *
 * Waits until the message of atelier_smtp_send_begin() went, or failed.
 *
 * Returns: what atelier_smtp_send() would have returned
 */
gboolean
atelier_smtp_send_end (AtelierSmtp  *self,
                       char        **reply,
                       GError      **error)
{
  g_autofree char *said = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->in_flight, FALSE);

  self->in_flight = FALSE;
  g_mutex_lock (&self->lock);
  while (!self->job_done)
    g_cond_wait (&self->cond, &self->lock);
  self->job_done = FALSE;
  ok = self->job_ok;
  said = g_steal_pointer (&self->job_reply);
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&self->job_error));
  g_clear_error (&self->job_error);
  g_mutex_unlock (&self->lock);

  if (reply != NULL)
    *reply = g_steal_pointer (&said);
  return ok;
}
