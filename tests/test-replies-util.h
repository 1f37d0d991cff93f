/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-replies-util.h: what the tests of replies share: replies shaped
 * as the major calendars write them, a store whose customers were sent
 * their invites, and a real IMAP server (tests/imap-server.py, Debian's
 * dovecot) with a certificate the test makes */
#pragma once

#include <signal.h>
#include <sys/prctl.h>

#include "atelier-outbox.h"
#include "atelier-replies.h"
#include "test-ical-util.h"

#define TEST_IMAP_USER     "shop"
#define TEST_IMAP_PASSWORD "imap s3cret"

/* The shapes of a reply: each as one of the major calendars writes it. */
typedef enum
{
  SHAPE_GMAIL,        /* multipart/alternative with an inline method=REPLY, plus invite.ics */
  SHAPE_OUTLOOK,      /* base64 text/calendar, X-MICROSOFT- properties, the address in capitals */
  SHAPE_APPLE,        /* a lone text/calendar part, quoted-printable */
  SHAPE_THUNDERBIRD,  /* a Windows-1252 body and calendar, 8bit, beside an .ics attachment */
} ReplyShape;

typedef struct
{
  const char *uid;
  int         sequence;
  const char *partstat;
  const char *attendee;     /* the ATTENDEE's address */
  const char *second;       /* a second ATTENDEE, or NULL */
  const char *method;       /* "REPLY" unless given */
  const char *from;         /* the From header; the attendee's unless given */
  const char *message_id;
} ReplySpec;

static inline char *
reply_calendar (const ReplySpec *spec,
                gboolean         outlook,
                const char      *cn)
{
  GString *ics = g_string_new (NULL);

  g_string_append_printf (ics,
                          "BEGIN:VCALENDAR\r\n"
                          "PRODID:%s\r\n"
                          "VERSION:2.0\r\n"
                          "METHOD:%s\r\n"
                          "BEGIN:VEVENT\r\n"
                          "UID:%s\r\n"
                          "SEQUENCE:%d\r\n"
                          "DTSTAMP:20261207T101500Z\r\n"
                          "ORGANIZER;CN=Cuisine & Co:mailto:ateliers@cuisine.example\r\n"
                          "ATTENDEE;PARTSTAT=%s;CN=%s:%s%s\r\n",
                          outlook ? "Microsoft Exchange Server 2010" : "-//Test//Calendar//EN",
                          spec->method ? spec->method : "REPLY", spec->uid, spec->sequence,
                          spec->partstat, cn, outlook ? "MAILTO:" : "mailto:", spec->attendee);
  if (spec->second != NULL)
    g_string_append_printf (ics, "ATTENDEE;PARTSTAT=ACCEPTED:mailto:%s\r\n", spec->second);
  if (outlook)
    g_string_append (ics,
                     "X-MICROSOFT-CDO-APPT-SEQUENCE:0\r\n"
                     "X-MICROSOFT-CDO-OWNERAPPTID:-1207212931\r\n"
                     "X-MICROSOFT-CDO-BUSYSTATUS:BUSY\r\n"
                     "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY\r\n"
                     "X-MICROSOFT-DISALLOW-COUNTER:FALSE\r\n");
  g_string_append (ics, "END:VEVENT\r\nEND:VCALENDAR\r\n");
  return g_string_free (ics, FALSE);
}

static inline char *
base64_lines (const char *data,
              gsize       length)
{
  g_autofree char *flat = g_base64_encode ((const guchar *) data, length);
  GString *out = g_string_new (NULL);

  gsize n = strlen (flat);

  for (gsize i = 0; i < n; i += 76)
    {
      g_string_append_len (out, flat + i, MIN (76, n - i));
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

/* Quoted-printable (RFC 2045): soft breaks before 76 characters. */
static inline char *
quoted_printable (const char *text)
{
  GString *out = g_string_new (NULL);
  guint column = 0;

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      char piece[4];

      if (*p == '\r' && p[1] == '\n')
        {
          g_string_append (out, "\r\n");
          column = 0;
          p++;
          continue;
        }
      if (*p == '=' || *p > 126 || (*p < 32 && *p != '\t'))
        g_snprintf (piece, sizeof piece, "=%02X", *p);
      else
        g_snprintf (piece, sizeof piece, "%c", *p);
      if (column + strlen (piece) > 73)
        {
          g_string_append (out, "=\r\n");
          column = 0;
        }
      g_string_append (out, piece);
      column += strlen (piece);
    }
  return g_string_free (out, FALSE);
}

/* A whole reply mail, as @shape's calendar writes it. */
static inline GBytes *
reply_message (ReplyShape       shape,
               const ReplySpec *spec)
{
  g_autofree char *message_id = spec->message_id ? g_strdup (spec->message_id)
                                : g_strdup_printf ("<%s.%s.%d@calendar.example>", spec->partstat,
                                                   spec->attendee, g_random_int ());
  const char *from = spec->from ? spec->from : spec->attendee;
  GString *mail = g_string_new (NULL);
  const char *method = spec->method ? spec->method : "REPLY";

  g_string_append_printf (mail,
                          "From: Customer <%s>\r\n"
                          "To: ateliers@cuisine.example\r\n"
                          "Subject: =?UTF-8?Q?R=C3=A9ponse?=: Risotto aux =?UTF-8?Q?c=C3=A8pes?=\r\n"
                          "Date: Mon, 07 Dec 2026 11:15:00 +0100\r\n"
                          "Message-ID: %s\r\n"
                          "MIME-Version: 1.0\r\n",
                          from, message_id);

  switch (shape)
    {
    case SHAPE_GMAIL:
      {
        g_autofree char *ics = reply_calendar (spec, FALSE, "Customer");
        g_autofree char *b64 = base64_lines (ics, strlen (ics));

        g_string_append_printf (mail,
                                "Content-Type: multipart/mixed; boundary=\"000mixed\"\r\n\r\n"
                                "--000mixed\r\n"
                                "Content-Type: multipart/alternative; boundary=\"000alt\"\r\n\r\n"
                                "--000alt\r\n"
                                "Content-Type: text/plain; charset=\"UTF-8\"\r\n\r\n"
                                "Customer has answered.\r\n"
                                "--000alt\r\n"
                                "Content-Type: text/html; charset=\"UTF-8\"\r\n\r\n"
                                "<p>Customer has answered.</p>\r\n"
                                "--000alt\r\n"
                                "Content-Type: text/calendar; charset=\"UTF-8\"; method=%s\r\n"
                                "Content-Transfer-Encoding: 7bit\r\n\r\n"
                                "%s"
                                "--000alt--\r\n"
                                "--000mixed\r\n"
                                "Content-Type: application/ics; name=\"invite.ics\"\r\n"
                                "Content-Disposition: attachment; filename=\"invite.ics\"\r\n"
                                "Content-Transfer-Encoding: base64\r\n\r\n"
                                "%s"
                                "--000mixed--\r\n",
                                method, ics, b64);
        break;
      }
    case SHAPE_OUTLOOK:
      {
        g_autofree char *ics = reply_calendar (spec, TRUE, "CUSTOMER");
        g_autofree char *b64 = base64_lines (ics, strlen (ics));

        g_string_append_printf (mail,
                                "Thread-Topic: Risotto\r\n"
                                "X-MS-Exchange-Organization-SCL: -1\r\n"
                                "Content-Type: multipart/alternative; boundary=\"_000_outlook_\"\r\n\r\n"
                                "--_000_outlook_\r\n"
                                "Content-Type: text/plain; charset=\"us-ascii\"\r\n\r\n"
                                "\r\n"
                                "--_000_outlook_\r\n"
                                "Content-Type: text/calendar; charset=\"utf-8\"; method=%s\r\n"
                                "Content-Transfer-Encoding: base64\r\n\r\n"
                                "%s"
                                "--_000_outlook_--\r\n",
                                method, b64);
        break;
      }
    case SHAPE_APPLE:
      {
        g_autofree char *ics = reply_calendar (spec, FALSE, "Zoé Laurent-Dubois de la Fontaine");
        g_autofree char *qp = quoted_printable (ics);

        g_string_append_printf (mail,
                                "Content-Type: text/calendar; charset=utf-8; method=%s\r\n"
                                "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
                                "%s",
                                method, qp);
        break;
      }
    case SHAPE_THUNDERBIRD:
      {
        g_autofree char *ics_utf8 = reply_calendar (spec, FALSE, "Zoé Crème");
        g_autofree char *ics = g_convert (ics_utf8, -1, "WINDOWS-1252", "UTF-8", NULL, NULL, NULL);
        g_autofree char *body = g_convert ("Zoé a répondu : « non ».\r\n", -1, "WINDOWS-1252", "UTF-8",
                                           NULL, NULL, NULL);
        g_autofree char *b64 = base64_lines (ics, strlen (ics));

        g_string_append_printf (mail,
                                "Content-Type: multipart/mixed; boundary=\"------------tb\"\r\n\r\n"
                                "--------------tb\r\n"
                                "Content-Type: text/plain; charset=windows-1252\r\n"
                                "Content-Transfer-Encoding: 8bit\r\n\r\n"
                                "%s"
                                "--------------tb\r\n"
                                "Content-Type: text/calendar; charset=windows-1252; method=%s\r\n"
                                "Content-Transfer-Encoding: 8bit\r\n\r\n"
                                "%s"
                                "--------------tb\r\n"
                                "Content-Type: application/ics; name=\"invite.ics\"\r\n"
                                "Content-Disposition: attachment; filename=\"invite.ics\"\r\n"
                                "Content-Transfer-Encoding: base64\r\n\r\n"
                                "%s"
                                "--------------tb--\r\n",
                                body, method, ics, b64);
        break;
      }
    }

  return g_string_free_to_bytes (mail);
}

/* Every registration of @session_id is recorded as sent what it is owed. */
static inline void
replies_mark_invites_sent (AtelierStore *store,
                           gint64        session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) owed = atelier_outbox_list (store, session_id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (owed); i++)
    {
      g_autoptr(AtelierOutboxItem) item = g_list_model_get_item (owed, i);

      g_assert_true (atelier_outbox_mark_sent (store, item, &error));
      g_assert_no_error (error);
    }
}

static inline char *
replies_session_uid (AtelierStore *store,
                     gint64        session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierSession) session = atelier_store_get_session (store, session_id, &error);

  g_assert_no_error (error);
  return g_strdup (atelier_session_get_uid (session));
}

static inline const char *
replies_status (AtelierStore *store,
                gint64        registration_id)
{
  static char status[32];
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierRegistration) r = atelier_store_get_registration (store, registration_id, &error);

  g_assert_no_error (error);
  g_strlcpy (status, atelier_registration_get_status (r), sizeof status);
  return status;
}

/* The IMAP server. */

typedef struct
{
  GSubprocess *process;
  char        *cert;
  char        *key;
  int          imaps_port;
  int          imap_port;
  char        *maildir;
  guint        n_delivered;
} ImapServer;

static inline gboolean
imap_server_can_run (void)
{
  g_autofree char *dovecot = g_find_program_in_path ("dovecot");
  g_autofree char *dovecot_sbin = g_file_test ("/usr/sbin/dovecot", G_FILE_TEST_IS_EXECUTABLE)
                                  ? g_strdup ("/usr/sbin/dovecot") : NULL;
  g_autofree char *openssl = g_find_program_in_path ("openssl");

  return (dovecot != NULL || dovecot_sbin != NULL) && openssl != NULL;
}

static inline void
imap_server_child_setup (gpointer data)
{
  /* A test that dies does not leave its server behind. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static inline void
imap_server_start (ImapServer *server,
                   const char *dir)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "imap-server.py", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) words = NULL;
  g_autofree char *path = g_strconcat (g_getenv ("PATH") ? g_getenv ("PATH") : "/usr/bin", ":/usr/sbin", NULL);
  int status = 1;

  server->cert = g_build_filename (dir, "imap-cert.pem", NULL);
  server->key = g_build_filename (dir, "imap-key.pem", NULL);
  {
    const char *argv[] = {
      "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
      "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout", server->key, "-out", server->cert, NULL
    };
    g_spawn_sync (NULL, (char **) argv, NULL,
                  G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_subprocess_launcher_setenv (launcher, "PATH", path, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, imap_server_child_setup, NULL, NULL);
  server->process = g_subprocess_launcher_spawn (launcher, &error, "/usr/bin/python3", script,
                                                 "--cert", server->cert, "--key", server->key,
                                                 "--user", TEST_IMAP_USER,
                                                 "--password", TEST_IMAP_PASSWORD, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  words = g_strsplit (line, " ", 3);
  g_assert_cmpuint (g_strv_length (words), ==, 3);
  server->imaps_port = atoi (words[0]);
  server->imap_port = atoi (words[1]);
  server->maildir = g_strdup (words[2]);
  g_assert_cmpint (server->imaps_port, >, 0);
}

static inline void
imap_server_stop (ImapServer *server)
{
  if (server->process != NULL)
    {
      g_subprocess_send_signal (server->process, SIGTERM);
      g_subprocess_wait (server->process, NULL, NULL);
      g_clear_object (&server->process);
    }
  g_clear_pointer (&server->cert, g_free);
  g_clear_pointer (&server->key, g_free);
  g_clear_pointer (&server->maildir, g_free);
}

/* Delivers @message into @folder ("" for INBOX) as a mail server would. */
static inline void
imap_server_deliver (ImapServer *server,
                     const char *folder,
                     GBytes     *message)
{
  g_autofree char *name = g_strdup_printf ("%" G_GINT64_FORMAT ".M%uP%d.test,S=%" G_GSIZE_FORMAT,
                                           g_get_real_time () / G_USEC_PER_SEC, ++server->n_delivered,
                                           (int) getpid (), g_bytes_get_size (message));
  g_autofree char *box = *folder ? g_strconcat (".", folder, NULL) : g_strdup ("");
  g_autofree char *tmp = g_build_filename (server->maildir, box, "tmp", name, NULL);
  g_autofree char *path = g_build_filename (server->maildir, box, "new", name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (tmp, g_bytes_get_data (message, NULL),
                                      g_bytes_get_size (message), &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
}

/* A folder of the mailbox, as dovecot keeps it (Maildir++). */
static inline void
imap_server_make_folder (ImapServer *server,
                         const char *folder)
{
  const char *parts[] = { "cur", "new", "tmp" };
  g_autofree char *box = g_strconcat (".", folder, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *path = g_build_filename (server->maildir, box, parts[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0777), ==, 0);
      g_assert_cmpint (g_chmod (path, 0777), ==, 0);
    }
  {
    g_autofree char *path = g_build_filename (server->maildir, box, NULL);
    g_assert_cmpint (g_chmod (path, 0777), ==, 0);
  }
}

/* How many messages @folder ("" for INBOX) holds on the server's disk. */
static inline guint
imap_server_count (ImapServer *server,
                   const char *folder)
{
  const char *parts[] = { "cur", "new" };
  g_autofree char *box = *folder ? g_strconcat (".", folder, NULL) : g_strdup ("");
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *path = g_build_filename (server->maildir, box, parts[i], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

      while (dir != NULL && g_dir_read_name (dir) != NULL)
        n++;
    }
  return n;
}

/* Points the store's IMAP account at @server. */
static inline void
imap_server_configure (ImapServer   *server,
                       AtelierStore *store,
                       const char   *security)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *port = g_strdup_printf ("%d", g_strcmp0 (security, "starttls") == 0
                                                 ? server->imap_port : server->imaps_port);

  g_assert_true (atelier_settings_write (store, "imap-host", "127.0.0.1", &error));
  g_assert_true (atelier_settings_write (store, "imap-port", port, &error));
  g_assert_true (atelier_settings_write (store, "imap-security", security, &error));
  g_assert_true (atelier_settings_write (store, "imap-user", TEST_IMAP_USER, &error));
  g_assert_true (atelier_settings_write (store, "imap-ca-file", server->cert, &error));
  g_assert_no_error (error);
}
