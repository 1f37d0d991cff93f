/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-private.h: what the commands of atelier-cli share
 *
 * Each command is a handler in the table of atelier-cli.c. A handler
 * receives the command line from the command's name on, parses it with
 * atelier_cli_context_new() and atelier_cli_parse(), and returns the
 * process's exit status.
 */
#pragma once

#include <stdio.h>

#include <glib.h>

#include "atelier-store.h"

G_BEGIN_DECLS

/* Exit statuses */
#define ATELIER_CLI_EXIT_OK    0
#define ATELIER_CLI_EXIT_ERROR 1  /* the store refused or failed */
#define ATELIER_CLI_EXIT_USAGE 2  /* the command line is wrong */

typedef struct
{
  char *database;  /* --database, or NULL for the default store */
  char *database_password_file;  /* --database-password-file, or NULL */
} AtelierCli;

typedef struct _AtelierCliCommand AtelierCliCommand;

typedef int (*AtelierCliHandler) (AtelierCli              *cli,
                                  const AtelierCliCommand *command,
                                  GStrv                   *args);

struct _AtelierCliCommand
{
  const char        *name;
  AtelierCliHandler  handler;
  const char        *parameters;  /* arguments besides options, e.g. "SESSION CUSTOMER" */
  const char        *summary;     /* one line, marked with N_() */
};

/* atelier-cli.c */
void            atelier_cli_print_usage    (FILE                     *stream);

/* atelier-cli-common.c */
GOptionContext *atelier_cli_context_new    (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            const GOptionEntry       *entries);
gboolean        atelier_cli_parse          (GOptionContext           *context,
                                            GStrv                    *args,
                                            guint                     min_args,
                                            guint                     max_args);
int             atelier_cli_usage_error    (GOptionContext           *context,
                                            const char               *format,
                                            ...) G_GNUC_PRINTF (2, 3);
int             atelier_cli_fail           (const GError             *error);
AtelierStore   *atelier_cli_open_store     (AtelierCli               *cli,
                                            gboolean                  create,
                                            GError                  **error);
GDateTime      *atelier_cli_parse_date     (const char               *text,
                                            gboolean                  end_of_day,
                                            GError                  **error);
gboolean        atelier_cli_parse_id       (GOptionContext           *context,
                                            const char               *name,
                                            const char               *text,
                                            gint64                   *id);
gboolean        atelier_cli_parse_int      (GOptionContext           *context,
                                            const char               *name,
                                            const char               *text,
                                            int                       minimum,
                                            int                      *value);

/* --from DATE and --to DATE */
void            atelier_cli_add_date_range      (GOptionContext  *context,
                                                 char           **from_text,
                                                 char           **to_text);
const char     *atelier_cli_describe_date_range (void);
gboolean        atelier_cli_parse_date_range    (GOptionContext  *context,
                                                 const char      *from_text,
                                                 const char      *to_text,
                                                 GDateTime      **from,
                                                 GDateTime      **to);

/* The commands, one file each or grouped by theme */
int             atelier_cli_demo           (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_workshops      (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_sessions       (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_customers      (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);

/* atelier-cli-booking.c */
int             atelier_cli_signup         (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_cancel         (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_move           (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_checkin        (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_undo_checkin   (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_walkin         (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_capacity       (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_cancel_session (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);

/* atelier-cli-roster.c */
int             atelier_cli_roster         (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_summary        (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_search         (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);

/* atelier-cli-schedule.c */
int             atelier_cli_series         (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_reschedule     (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);

/* atelier-cli-settings.c */
int             atelier_cli_settings       (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);

/* atelier-cli-invites.c */
int             atelier_cli_outbox         (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_invites        (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_invite         (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_feed           (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);

/* atelier-cli-mail.c */
int             atelier_cli_send           (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_mail_test      (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_mail_password  (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_messages       (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);
int             atelier_cli_template       (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);

/* atelier-cli-replies.c */
int             atelier_cli_replies        (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);

/* atelier-cli-print.c */
int             atelier_cli_print          (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);

/* atelier-cli-workshop.c */
int             atelier_cli_workshop       (AtelierCli               *cli,
                                            const AtelierCliCommand  *command,
                                            GStrv                    *args);

G_END_DECLS
