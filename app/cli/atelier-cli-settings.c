/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-settings.c: the settings command, the store's settings for
 * invitations
 *
 *   settings              every setting, its value and what it is for
 *   settings KEY          the value of KEY
 *   settings KEY VALUE    sets KEY, then prints its value as stored
 *
 * The core validates each value and keeps one spelling of it (a reminder
 * of "2h" is stored and printed as 120): a value it refuses exits with
 * %ATELIER_CLI_EXIT_ERROR and leaves the setting as it was. A KEY that is
 * not a setting is a mistake in the command line (%ATELIER_CLI_EXIT_USAGE),
 * like any other word outside a command's vocabulary.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-cli-json.h"
#include "atelier-cli-private.h"
#include "atelier-cli-table.h"
#include "atelier-settings.h"

static char *
join_keys (void)
{
  return g_strjoinv (", ", (GStrv) atelier_settings_list_keys ());
}

static gboolean
check_key (GOptionContext *context,
           const char     *key)
{
  g_autofree char *keys = NULL;

  if (key == NULL || g_strv_contains (atelier_settings_list_keys (), key))
    return TRUE;

  keys = join_keys ();
  /* TRANSLATORS: what was typed, then the list of settings */
  atelier_cli_usage_error (context, _("There is no setting “%s”; the settings are: %s."),
                           key, keys);
  return FALSE;
}

/* Key, value and description of each setting */
static void
print_table (AtelierSettings *settings)
{
  g_autoptr(AtelierCliTable) table = atelier_cli_table_new (_("Setting"), _("Value"),
                                                            _("Description"), NULL);
  const char * const *keys = atelier_settings_list_keys ();

  for (guint i = 0; keys[i] != NULL; i++)
    {
      atelier_cli_table_add (table, keys[i]);
      atelier_cli_table_add (table, atelier_settings_get (settings, keys[i]));
      atelier_cli_table_add (table, atelier_settings_describe_key (keys[i]));
    }

  atelier_cli_table_print (table);
}

/* One object, each key (or only @key) to its value as a string */
static int
print_json (AtelierSettings *settings,
            const char      *key)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  const char * const *keys = atelier_settings_list_keys ();

  json_builder_begin_object (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    if (key == NULL || g_strcmp0 (key, keys[i]) == 0)
      atelier_cli_json_add_string (builder, keys[i], atelier_settings_get (settings, keys[i]));
  json_builder_end_object (builder);

  if (!atelier_cli_json_print (builder, &error))
    return atelier_cli_fail (error);

  return ATELIER_CLI_EXIT_OK;
}

static int
print_settings (AtelierSettings *settings,
                const char      *key,
                gboolean         json)
{
  if (json)
    return print_json (settings, key);

  if (key == NULL)
    print_table (settings);
  else
    g_print ("%s\n", atelier_settings_get (settings, key));

  return ATELIER_CLI_EXIT_OK;
}

static char *
describe_command (void)
{
  g_autofree char *keys = join_keys ();

  /* TRANSLATORS: %s is the list of settings, which are typed as they are */
  return g_strdup_printf (_("Without KEY, lists the settings; with KEY, prints its value; with "
                            "KEY VALUE, sets it. The settings are: %s."), keys);
}

int
atelier_cli_settings (AtelierCli              *cli,
                      const AtelierCliCommand *command,
                      GStrv                   *args)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON object instead"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autofree char *description = describe_command ();
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  const char *key;
  const char *value;

  g_option_context_set_description (context, description);

  if (!atelier_cli_parse (context, args, 0, 2))
    return ATELIER_CLI_EXIT_USAGE;
  key = (*args)[1];
  value = key != NULL ? (*args)[2] : NULL;
  if (!check_key (context, key))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return atelier_cli_fail (error);

  if (value != NULL && !atelier_settings_write (store, key, value, &error))
    {
      /* TRANSLATORS: a setting's name, then why its value was refused */
      g_prefix_error (&error, _("%s: "), key);
      return atelier_cli_fail (error);
    }

  settings = atelier_settings_load (store, &error);
  if (settings == NULL)
    return atelier_cli_fail (error);

  return print_settings (settings, key, json);
}
