/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-mail-util.h: what the mail tests share: a real SMTP server on
 * 127.0.0.1 (tests/smtp-server.py, python3-aiosmtpd), a certificate made
 * with openssl, and what the server received */
#pragma once

#include <gmime/gmime.h>
#include <signal.h>
#include <sys/prctl.h>
#include <json-glib/json-glib.h>

#include "atelier-mail-queue.h"
#include "test-ical-util.h"

/* GMime 3.2 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeMessage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeStream, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GMimeParser, g_object_unref)

#define TEST_SMTP_USER     "shop"
#define TEST_SMTP_PASSWORD "s3cret pass"

typedef struct
{
  IcalFixture  ical;
  GSubprocess *server;
  char        *log;
  char        *cert;
  char        *key;
  int          port;
  gboolean     anonymous;  /* a server without AUTH, an account without user */
} MailFixture;

/* A certificate for localhost and 127.0.0.1, made once per program. */
static inline void
mail_make_certificate (MailFixture *f)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  f->cert = g_build_filename (f->ical.base.dir, "cert.pem", NULL);
  f->key = g_build_filename (f->ical.base.dir, "key.pem", NULL);
  {
    const char *argv[] = {
      "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
      "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout", f->key, "-out", f->cert, NULL
    };
    g_spawn_sync (NULL, (char **) argv, NULL,
                  G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static inline gboolean
mail_can_run (void)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr(GError) error = NULL;
  int status = 1;
  const char *argv[] = { "/usr/bin/python3", "-c", "import aiosmtpd", NULL };

  if (openssl == NULL)
    return FALSE;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, &error);
  return error == NULL && g_spawn_check_wait_status (status, NULL);
}

static inline void
mail_fixture_setup (MailFixture *f, gconstpointer data)
{
  ical_fixture_setup (&f->ical, data);
  f->log = g_build_filename (f->ical.base.dir, "received.jsonl", NULL);
  mail_make_certificate (f);
}

static inline void
mail_stop_server (MailFixture *f)
{
  if (f->server != NULL)
    {
      g_subprocess_send_signal (f->server, SIGTERM);
      g_subprocess_wait (f->server, NULL, NULL);
      g_clear_object (&f->server);
    }
}

static inline void
mail_fixture_teardown (MailFixture *f, gconstpointer data)
{
  mail_stop_server (f);
  g_free (f->log);
  g_free (f->cert);
  g_free (f->key);
  ical_fixture_teardown (&f->ical, data);
}

static inline void
mail_write_setting (MailFixture *f, const char *key, const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_settings_write (f->ical.base.store, key, value, &error));
  g_assert_no_error (error);
}

/* A test that fails does not leave its server behind. */
static inline void
mail_server_child_setup (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

/* Starts the server with @security ("starttls", "tls", "none") and the
 * extra arguments (NULL-terminated), and points the store's account at it. */
static inline void
mail_start_server (MailFixture *f, const char *security, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "smtp-server.py", NULL);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *port = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, g_strdup ("/usr/bin/python3"));
  g_ptr_array_add (argv, g_strdup (script));
  g_ptr_array_add (argv, g_strdup ("--log"));
  g_ptr_array_add (argv, g_strdup (f->log));
  g_ptr_array_add (argv, g_strdup ("--security"));
  g_ptr_array_add (argv, g_strdup (security));
  g_ptr_array_add (argv, g_strdup ("--cert"));
  g_ptr_array_add (argv, g_strdup (f->cert));
  g_ptr_array_add (argv, g_strdup ("--key"));
  g_ptr_array_add (argv, g_strdup (f->key));
  if (!f->anonymous)
    {
      g_ptr_array_add (argv, g_strdup ("--user"));
      g_ptr_array_add (argv, g_strdup (TEST_SMTP_USER));
      g_ptr_array_add (argv, g_strdup ("--password"));
      g_ptr_array_add (argv, g_strdup (TEST_SMTP_PASSWORD));
    }
  va_start (args, security);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, mail_server_child_setup, NULL, NULL);
  f->server = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (f->server));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  f->port = atoi (line);
  g_assert_cmpint (f->port, >, 0);

  port = g_strdup_printf ("%d", f->port);
  mail_write_setting (f, "smtp-host", "127.0.0.1");
  mail_write_setting (f, "smtp-port", port);
  mail_write_setting (f, "smtp-security", security);
  mail_write_setting (f, "smtp-user", f->anonymous ? "" : TEST_SMTP_USER);
  mail_write_setting (f, "smtp-ca-file", f->cert);
}

/* Every message the server took, in order: JSON objects with "peer",
 * "from", "to" (an array) and "data". */
static inline GPtrArray *
mail_read_log (MailFixture *f)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  if (!g_file_get_contents (f->log, &text, NULL, NULL))
    return records;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) error = NULL;

      if (*lines[i] == '\0')
        continue;
      node = json_from_string (lines[i], &error);
      g_assert_no_error (error);
      g_ptr_array_add (records, json_object_ref (json_node_get_object (node)));
    }
  return records;
}

static inline guint
mail_count_peers (GPtrArray *records)
{
  g_autoptr(GHashTable) peers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < records->len; i++)
    g_hash_table_add (peers, (gpointer) json_object_get_string_member (records->pdata[i], "peer"));
  return g_hash_table_size (peers);
}

static inline const char *
mail_record_to (JsonObject *record)
{
  JsonArray *to = json_object_get_array_member (record, "to");

  g_assert_cmpuint (json_array_get_length (to), ==, 1);
  return json_array_get_string_element (to, 0);
}

static inline GMimeMessage *
mail_parse (const char *data)
{
  g_autoptr(GMimeStream) stream = g_mime_stream_mem_new_with_buffer (data, strlen (data));
  g_autoptr(GMimeParser) parser = g_mime_parser_new_with_stream (stream);
  GMimeMessage *message = g_mime_parser_construct_message (parser, NULL);

  g_assert_nonnull (message);
  return message;
}

static inline void
mail_find_calendar (GMimeObject *parent, GMimeObject *part, gpointer data)
{
  GMimeObject **found = data;
  GMimeContentType *type = g_mime_object_get_content_type (part);

  if (*found == NULL && g_mime_content_type_is_type (type, "text", "calendar"))
    *found = part;
}

/* The decoded text/calendar part of a message, with its method parameter. */
static inline char *
mail_calendar_text (GMimeMessage *message, char **method)
{
  GMimeObject *part = NULL;
  g_autoptr(GMimeStream) out = g_mime_stream_mem_new ();
  GByteArray *array;

  g_mime_message_foreach (message, mail_find_calendar, &part);
  if (part == NULL)
    return NULL;
  if (method != NULL)
    *method = g_strdup (g_mime_object_get_content_type_parameter (part, "method"));
  g_mime_data_wrapper_write_to_stream (g_mime_part_get_content (GMIME_PART (part)), out);
  array = g_mime_stream_mem_get_byte_array (GMIME_STREAM_MEM (out));
  return g_strndup ((const char *) array->data, array->len);
}

static inline void
mail_find_text (GMimeObject *parent, GMimeObject *part, gpointer data)
{
  GMimeObject **found = data;
  GMimeContentType *type = g_mime_object_get_content_type (part);

  if (*found == NULL && g_mime_content_type_is_type (type, "text", "plain"))
    *found = part;
}

/* The text/plain part, decoded */
static inline char *
mail_plain_text (GMimeMessage *message)
{
  GMimeObject *part = NULL;

  g_mime_message_foreach (message, mail_find_text, &part);
  if (part == NULL && GMIME_IS_TEXT_PART (g_mime_message_get_mime_part (message)))
    part = g_mime_message_get_mime_part (message);
  g_assert_nonnull (part);
  return g_mime_text_part_get_text (GMIME_TEXT_PART (part));
}

/* Sends what is due at @now with the test's password. */
static inline gboolean
mail_send (MailFixture *f, gint64 now, AtelierMailReport *report, GError **error)
{
  return atelier_mail_queue_send (f->ical.base.store, TEST_SMTP_PASSWORD, now, 0, NULL, NULL, NULL,
                                  report, error);
}

static inline gint64
mail_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}
