/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-json.h: what the --json outputs share */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Writes the members of one object for @item */
typedef void (*AtelierCliJsonAddFunc) (JsonBuilder *builder,
                                       gpointer     item);

void     atelier_cli_json_add_string       (JsonBuilder            *builder,
                                            const char             *member,
                                            const char             *value);
void     atelier_cli_json_add_nullable     (JsonBuilder            *builder,
                                            const char             *member,
                                            const char             *value);
void     atelier_cli_json_add_int          (JsonBuilder            *builder,
                                            const char             *member,
                                            gint64                  value);
void     atelier_cli_json_add_nullable_int (JsonBuilder            *builder,
                                            const char             *member,
                                            gint64                  value,
                                            gboolean                is_null);
void     atelier_cli_json_add_boolean      (JsonBuilder            *builder,
                                            const char             *member,
                                            gboolean                value);
void     atelier_cli_json_add_time         (JsonBuilder            *builder,
                                            const char             *member,
                                            GDateTime              *value);
void     atelier_cli_json_add_utc          (JsonBuilder            *builder,
                                            const char             *member,
                                            gint64                  unix_seconds);
void     atelier_cli_json_add_model        (JsonBuilder            *builder,
                                            GListModel             *model,
                                            AtelierCliJsonAddFunc   add_item);
char    *atelier_cli_json_to_string        (JsonBuilder            *builder);
gboolean atelier_cli_json_print            (JsonBuilder            *builder,
                                            GError                **error);
gboolean atelier_cli_json_print_model      (GListModel             *model,
                                            AtelierCliJsonAddFunc   add_item,
                                            GError                **error);

G_END_DECLS
