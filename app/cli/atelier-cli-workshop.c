/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-workshop.c: the workshop command: add a workshop, or change
 * one
 *
 *   workshop add TITLE [--description TEXT] [--takeaway TEXT] [--bring TEXT]
 *                      [--host NAME] [--category NAME] [--duration MINUTES]
 *                      [--capacity N] [--price AMOUNT]
 *   workshop edit ID [--title TEXT] [the same options]
 *
 * The store decides what a workshop may be (a title, a positive
 * duration…); a refusal says why (exit 1). An empty TEXT clears a field.
 * AMOUNT is in the store's currency, without its sign ("25.50").
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-cli-private.h"
#include "atelier-money.h"
#include "atelier-settings.h"

typedef struct
{
  char *title;
  char *description;
  char *takeaway;
  char *bring;
  char *host;
  char *category;
  char *duration;
  char *capacity;
  char *price;
} Fields;

static void
fields_clear (Fields *fields)
{
  g_free (fields->title);
  g_free (fields->description);
  g_free (fields->takeaway);
  g_free (fields->bring);
  g_free (fields->host);
  g_free (fields->category);
  g_free (fields->duration);
  g_free (fields->capacity);
  g_free (fields->price);
}

/* A given text option, stripped of the spaces around it. */
static void
set_text (AtelierWorkshop *workshop,
          const char      *property,
          const char      *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return;
  stripped = g_strstrip (g_strdup (text));
  g_object_set (workshop, property, stripped, NULL);
}

/* --price, read in the store's currency; FALSE (said) on a bad amount. */
static gboolean
parse_price (AtelierStore   *store,
             GOptionContext *context,
             const char     *text,
             gint64         *price)
{
  g_autofree char *currency = atelier_settings_read (store, ATELIER_SETTING_CURRENCY, NULL);
  g_autoptr(GError) error = NULL;

  if (atelier_money_parse (text, currency, price, &error))
    return TRUE;
  atelier_cli_usage_error (context, "--price: %s", error->message);
  return FALSE;
}

/* Applies the options given to @workshop; FALSE on a bad number. */
static gboolean
apply_fields (AtelierStore    *store,
              GOptionContext  *context,
              const Fields    *fields,
              AtelierWorkshop *workshop)
{
  int duration = 0;
  int capacity = 0;
  gint64 price = 0;

  if ((fields->duration != NULL &&
       !atelier_cli_parse_int (context, "--duration", fields->duration, 1, &duration)) ||
      (fields->capacity != NULL &&
       !atelier_cli_parse_int (context, "--capacity", fields->capacity, 0, &capacity)) ||
      (fields->price != NULL && !parse_price (store, context, fields->price, &price)))
    return FALSE;

  set_text (workshop, "title", fields->title);
  set_text (workshop, "description", fields->description);
  set_text (workshop, "takeaway", fields->takeaway);
  set_text (workshop, "bring", fields->bring);
  set_text (workshop, "host", fields->host);
  set_text (workshop, "category", fields->category);
  if (fields->duration != NULL)
    g_object_set (workshop, "duration-minutes", duration, NULL);
  if (fields->capacity != NULL)
    g_object_set (workshop, "capacity", capacity, NULL);
  if (fields->price != NULL)
    g_object_set (workshop, "price-cents", price, NULL);
  return TRUE;
}

static int
add_workshop (AtelierStore    *store,
              GOptionContext  *context,
              Fields          *fields,
              const char      *title)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  g_free (fields->title);
  fields->title = g_strdup (title);
  if (!apply_fields (store, context, fields, workshop))
    return ATELIER_CLI_EXIT_USAGE;
  if (!atelier_store_add_workshop (store, workshop, &error))
    return atelier_cli_fail (error);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, atelier_workshop_get_id (workshop));
  /* TRANSLATORS: a workshop's number, then its title */
  g_print (_("Workshop %s: “%s” added"), id, atelier_workshop_get_title (workshop));
  g_print ("\n");
  return ATELIER_CLI_EXIT_OK;
}

static int
edit_workshop (AtelierStore    *store,
               GOptionContext  *context,
               Fields          *fields,
               gint64           workshop_id)
{
  g_autoptr(AtelierWorkshop) workshop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  workshop = atelier_store_get_workshop (store, workshop_id, &error);
  if (workshop == NULL)
    return atelier_cli_fail (error);
  if (!apply_fields (store, context, fields, workshop))
    return ATELIER_CLI_EXIT_USAGE;
  if (!atelier_store_update_workshop (store, workshop, &error))
    return atelier_cli_fail (error);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, workshop_id);
  /* TRANSLATORS: a workshop's number, then its title */
  g_print (_("Workshop %s: “%s” changed"), id, atelier_workshop_get_title (workshop));
  g_print ("\n");
  return ATELIER_CLI_EXIT_OK;
}

int
atelier_cli_workshop (AtelierCli              *cli,
                      const AtelierCliCommand *command,
                      GStrv                   *args)
{
  Fields fields = { 0 };
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &fields.title, N_("The new title (edit)"), N_("TEXT") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &fields.description, N_("What the workshop is"), N_("TEXT") },
    { "takeaway", 0, 0, G_OPTION_ARG_STRING, &fields.takeaway, N_("What participants take home"), N_("TEXT") },
    { "bring", 0, 0, G_OPTION_ARG_STRING, &fields.bring,
      N_("What participants should bring (several lines allowed; empty for nothing)"), N_("TEXT") },
    { "host", 0, 0, G_OPTION_ARG_STRING, &fields.host, N_("Who hosts it"), N_("NAME") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &fields.category, N_("Its category"), N_("NAME") },
    { "duration", 0, 0, G_OPTION_ARG_STRING, &fields.duration, N_("How long it lasts, in minutes"), N_("MINUTES") },
    { "capacity", 0, 0, G_OPTION_ARG_STRING, &fields.capacity, N_("How many seats a session has"), N_("N") },
    { "price", 0, 0, G_OPTION_ARG_STRING, &fields.price,
      N_("The price of a seat, in the store’s currency, such as 25.50"), N_("AMOUNT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *verb;
  gint64 id = 0;
  int status;

  g_option_context_set_description (context, _("“add TITLE” adds a workshop; “edit ID” changes the "
                                               "fields given. An empty TEXT clears a field."));
  if (!atelier_cli_parse (context, args, 2, 2))
    {
      fields_clear (&fields);
      return ATELIER_CLI_EXIT_USAGE;
    }

  verb = (*args)[1];
  if (g_strcmp0 (verb, "add") != 0 && g_strcmp0 (verb, "edit") != 0)
    status = atelier_cli_usage_error (context, _("Say “add TITLE” or “edit ID”, not “%s”."), verb);
  else if (g_strcmp0 (verb, "add") == 0 && fields.title != NULL)
    status = atelier_cli_usage_error (context, _("--title is for edit; add takes the title itself."));
  else if (g_strcmp0 (verb, "edit") == 0 && !atelier_cli_parse_id (context, "ID", (*args)[2], &id))
    status = ATELIER_CLI_EXIT_USAGE;
  /* The first workshop may be the first thing a new store holds. */
  else if ((store = atelier_cli_open_store (cli, g_strcmp0 (verb, "add") == 0, &error)) == NULL)
    status = atelier_cli_fail (error);
  else if (g_strcmp0 (verb, "add") == 0)
    status = add_workshop (store, context, &fields, (*args)[2]);
  else
    status = edit_workshop (store, context, &fields, id);

  fields_clear (&fields);
  return status;
}
