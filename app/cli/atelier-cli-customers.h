/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-customers.h: the commands about customers' data */
#pragma once

#include "atelier-cli-private.h"

G_BEGIN_DECLS

int atelier_cli_import_customers  (AtelierCli *cli, const AtelierCliCommand *command, GStrv *args);
int atelier_cli_export_customers  (AtelierCli *cli, const AtelierCliCommand *command, GStrv *args);
int atelier_cli_export_attendance (AtelierCli *cli, const AtelierCliCommand *command, GStrv *args);
int atelier_cli_export_customer   (AtelierCli *cli, const AtelierCliCommand *command, GStrv *args);
int atelier_cli_erase_customer    (AtelierCli *cli, const AtelierCliCommand *command, GStrv *args);
int atelier_cli_retention         (AtelierCli *cli, const AtelierCliCommand *command, GStrv *args);
int atelier_cli_backup            (AtelierCli *cli, const AtelierCliCommand *command, GStrv *args);
int atelier_cli_invite_next       (AtelierCli *cli, const AtelierCliCommand *command, GStrv *args);

G_END_DECLS
