/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-report.h: the figures of a period, as the Reports view has them */
#pragma once

#include "atelier-cli-private.h"

G_BEGIN_DECLS

int atelier_cli_report (AtelierCli *cli, const AtelierCliCommand *command, GStrv *args);

G_END_DECLS
