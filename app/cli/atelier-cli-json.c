/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-json.c: what the --json outputs share
 *
 * Every listing is one array of objects with snake_case members that do
 * not change between versions. Times are ISO 8601 (RFC 3339) with their
 * offset;
 * text is UTF-8, never escaped into \u sequences.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "atelier-cli-json.h"

/* A missing string is an empty one. */
void
atelier_cli_json_add_string (JsonBuilder *builder,
                             const char  *member,
                             const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

/* A missing or empty string is null. */
void
atelier_cli_json_add_nullable (JsonBuilder *builder,
                               const char  *member,
                               const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL || *value == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

void
atelier_cli_json_add_int (JsonBuilder *builder,
                          const char  *member,
                          gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
atelier_cli_json_add_boolean (JsonBuilder *builder,
                              const char  *member,
                              gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* In @value's own zone, with its offset: RFC 3339, the profile of ISO 8601
 * that every JSON reader accepts ("+01:00", where
 * g_date_time_format_iso8601() writes "+01"). */
void
atelier_cli_json_add_time (JsonBuilder *builder,
                           const char  *member,
                           GDateTime   *value)
{
  g_autofree char *text = NULL;

  if (value != NULL)
    text = g_date_time_format (value, "%Y-%m-%dT%H:%M:%S%:z");
  atelier_cli_json_add_nullable (builder, member, text);
}

/* A number, or null when @is_null */
void
atelier_cli_json_add_nullable_int (JsonBuilder *builder,
                                   const char  *member,
                                   gint64       value,
                                   gboolean     is_null)
{
  json_builder_set_member_name (builder, member);
  if (is_null)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

/* In UTC, as "2026-11-28T17:30:00Z"; 0 (never) is null */
void
atelier_cli_json_add_utc (JsonBuilder *builder,
                          const char  *member,
                          gint64       unix_seconds)
{
  g_autoptr(GDateTime) time = NULL;
  g_autofree char *text = NULL;

  if (unix_seconds != 0)
    time = g_date_time_new_from_unix_utc (unix_seconds);
  if (time != NULL)
    text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  atelier_cli_json_add_nullable (builder, member, text);
}

/* Returns: (transfer full): the builder's root, pretty-printed, with a
 * final line feed */
char *
atelier_cli_json_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}

/* JSON is UTF-8 whatever the terminal's character set: the bytes go out
 * as they are. */
gboolean
atelier_cli_json_print (JsonBuilder  *builder,
                        GError      **error)
{
  g_autofree char *text = atelier_cli_json_to_string (builder);
  size_t length = strlen (text);

  if (fwrite (text, 1, length, stdout) != length || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the output: %s"), g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

/* An array of one object per item of @model, as the value of the member
 * named just before, or as the root */
void
atelier_cli_json_add_model (JsonBuilder           *builder,
                            GListModel            *model,
                            AtelierCliJsonAddFunc  add_item)
{
  guint n_items = g_list_model_get_n_items (model);

  json_builder_begin_array (builder);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      json_builder_begin_object (builder);
      add_item (builder, item);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* A listing: @model as an array of objects */
gboolean
atelier_cli_json_print_model (GListModel             *model,
                              AtelierCliJsonAddFunc   add_item,
                              GError                **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  atelier_cli_json_add_model (builder, model, add_item);

  return atelier_cli_json_print (builder, error);
}
