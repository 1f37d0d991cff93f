/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-table.h: columns of text aligned for a terminal */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AtelierCliTable AtelierCliTable;

AtelierCliTable *atelier_cli_table_new         (const char      *first_header,
                                                ...) G_GNUC_NULL_TERMINATED;
void             atelier_cli_table_free        (AtelierCliTable *self);
void             atelier_cli_table_align_right (AtelierCliTable *self,
                                                guint            column);
void             atelier_cli_table_add         (AtelierCliTable *self,
                                                const char      *text);
void             atelier_cli_table_take        (AtelierCliTable *self,
                                                char            *text);
void             atelier_cli_table_add_printf  (AtelierCliTable *self,
                                                const char      *format,
                                                ...) G_GNUC_PRINTF (2, 3);
guint            atelier_cli_table_get_n_rows  (AtelierCliTable *self);
char            *atelier_cli_table_to_string   (AtelierCliTable *self);
void             atelier_cli_table_print       (AtelierCliTable *self);

gsize            atelier_cli_display_width     (const char      *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtelierCliTable, atelier_cli_table_free)

G_END_DECLS
