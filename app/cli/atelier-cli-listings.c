/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-listings.c: the workshops, sessions and customers commands
 *
 * Each listing reads one GListModel from the store and prints it either
 * as a table or, with --json, as an array of objects.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-cli-items.h"
#include "atelier-cli-json.h"
#include "atelier-cli-private.h"
#include "atelier-cli-table.h"
#include "atelier-money.h"
#include "atelier-settings.h"

static void
print_table (GListModel                    *model,
             const AtelierCliListingFormat *format)
{
  g_autoptr(AtelierCliTable) table = format->new_table ();
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      format->add_row (table, item);
    }

  atelier_cli_table_print (table);
}

/**
 * atelier_cli_print_listing:
 * @model: (nullable): the result of a listing, %NULL if it failed
 * @error: what set when @model is %NULL
 * @json: whether to print JSON instead of a table
 *
 * Prints @model as @format says.
 *
 * Returns: the exit status
 */
int
atelier_cli_print_listing (GListModel                     *model,
                           GError                        **error,
                           gboolean                        json,
                           const AtelierCliListingFormat  *format)
{
  if (model == NULL)
    return atelier_cli_fail (*error);

  if (!json)
    print_table (model, format);
  else if (!atelier_cli_json_print_model (model, format->add_json, error))
    return atelier_cli_fail (*error);

  return ATELIER_CLI_EXIT_OK;
}

/* Workshops */

static char *
format_duration (int minutes)
{
  if (minutes < 60)
    return g_strdup_printf (_("%d min"), minutes);
  if (minutes % 60 == 0)
    return g_strdup_printf (_("%d h"), minutes / 60);
  /* TRANSLATORS: a duration in hours and minutes, such as "2 h 30" */
  return g_strdup_printf (_("%d h %02d"), minutes / 60, minutes % 60);
}

/* The store's currency while its workshops are listed: the listing's
 * row functions take no data of their own. */
static char *listed_currency;

/* As the interface writes money in the store's currency */
static char *
format_price (gint64 minor_units)
{
  return atelier_money_format (minor_units, listed_currency);
}

static void
add_workshop_json (JsonBuilder *builder,
                   gpointer     item)
{
  AtelierWorkshop *workshop = item;

  atelier_cli_json_add_int (builder, "id", atelier_workshop_get_id (workshop));
  atelier_cli_json_add_string (builder, "title", atelier_workshop_get_title (workshop));
  atelier_cli_json_add_string (builder, "description",
                               atelier_workshop_get_description (workshop));
  atelier_cli_json_add_string (builder, "takeaway", atelier_workshop_get_takeaway (workshop));
  atelier_cli_json_add_string (builder, "bring", atelier_workshop_get_bring (workshop));
  atelier_cli_json_add_string (builder, "host", atelier_workshop_get_host (workshop));
  atelier_cli_json_add_int (builder, "duration_minutes",
                            atelier_workshop_get_duration_minutes (workshop));
  atelier_cli_json_add_int (builder, "capacity", atelier_workshop_get_capacity (workshop));
  atelier_cli_json_add_int (builder, "price_cents", atelier_workshop_get_price_cents (workshop));
  atelier_cli_json_add_string (builder, "category", atelier_workshop_get_category (workshop));
  atelier_cli_json_add_utc (builder, "created_at", atelier_workshop_get_created_at (workshop));
}

static void
add_workshop_row (AtelierCliTable *table,
                  gpointer         item)
{
  AtelierWorkshop *workshop = item;
  int minutes = atelier_workshop_get_duration_minutes (workshop);

  atelier_cli_table_add_printf (table, "%" G_GINT64_FORMAT, atelier_workshop_get_id (workshop));
  atelier_cli_table_add (table, atelier_workshop_get_title (workshop));
  atelier_cli_table_add (table, atelier_workshop_get_host (workshop));
  atelier_cli_table_take (table, format_duration (minutes));
  atelier_cli_table_add_printf (table, "%d", atelier_workshop_get_capacity (workshop));
  atelier_cli_table_take (table, format_price (atelier_workshop_get_price_cents (workshop)));
  atelier_cli_table_add (table, atelier_workshop_get_category (workshop));
}

static AtelierCliTable *
new_workshop_table (void)
{
  AtelierCliTable *table = atelier_cli_table_new (_("ID"), _("Title"), _("Host"), _("Duration"),
                                                  _("Capacity"), _("Price"), _("Category"),
                                                  NULL);

  atelier_cli_table_align_right (table, 0);
  atelier_cli_table_align_right (table, 3);
  atelier_cli_table_align_right (table, 4);
  atelier_cli_table_align_right (table, 5);

  return table;
}

static const AtelierCliListingFormat workshop_format = {
  new_workshop_table, add_workshop_row, add_workshop_json,
};

int
atelier_cli_workshops (AtelierCli              *cli,
                       const AtelierCliCommand *command,
                       GStrv                   *args)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!atelier_cli_parse (context, args, 0, 0))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    model = atelier_store_list_workshops (store, &error);
  if (model != NULL)
    listed_currency = atelier_settings_read (store, ATELIER_SETTING_CURRENCY, &error);
  if (listed_currency == NULL)
    g_clear_object (&model);

  status = atelier_cli_print_listing (model, &error, json, &workshop_format);
  g_clear_pointer (&listed_currency, g_free);
  return status;
}

/* Sessions */

/* Also the objects of series --json and reschedule --json */
void
atelier_cli_add_session_json (JsonBuilder *builder,
                              gpointer     item)
{
  AtelierSession *session = item;
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);
  g_autoptr(GDateTime) end = atelier_session_dup_end (session);

  atelier_cli_json_add_int (builder, "id", atelier_session_get_id (session));
  atelier_cli_json_add_int (builder, "workshop_id", atelier_session_get_workshop_id (session));
  atelier_cli_json_add_string (builder, "workshop", atelier_session_get_workshop_title (session));
  atelier_cli_json_add_time (builder, "starts_at", start);
  atelier_cli_json_add_time (builder, "ends_at", end);
  atelier_cli_json_add_string (builder, "time_zone", atelier_session_get_time_zone (session));
  atelier_cli_json_add_string (builder, "place", atelier_session_get_place (session));
  atelier_cli_json_add_int (builder, "capacity", atelier_session_get_capacity (session));
  atelier_cli_json_add_int (builder, "seats_taken", atelier_session_get_seats_taken (session));
  atelier_cli_json_add_int (builder, "waiting_parties",
                            atelier_session_get_waiting_parties (session));
  atelier_cli_json_add_int (builder, "waiting_seats", atelier_session_get_waiting_seats (session));
  atelier_cli_json_add_string (builder, "status", atelier_session_get_status (session));
  atelier_cli_json_add_string (builder, "uid", atelier_session_get_uid (session));
  atelier_cli_json_add_int (builder, "sequence", atelier_session_get_sequence (session));
  atelier_cli_json_add_nullable_int (builder, "series_id", atelier_session_get_series_id (session),
                                     atelier_session_get_series_id (session) == 0);
}

static char *
format_seats (AtelierSession *session)
{
  int taken = atelier_session_get_seats_taken (session);
  int capacity = atelier_session_get_capacity (session);
  int waiting = atelier_session_get_waiting_seats (session);

  if (waiting == 0)
    /* TRANSLATORS: seats taken out of the capacity, such as "7/10" */
    return g_strdup_printf (_("%d/%d"), taken, capacity);

  /* TRANSLATORS: seats taken out of the capacity, then how many people
   * are on the waiting list, such as "10/10 +2 waiting" */
  return g_strdup_printf (ngettext ("%d/%d +%d waiting", "%d/%d +%d waiting", waiting),
                          taken, capacity, waiting);
}

static const char *
format_status (AtelierSession *session)
{
  const char *status = atelier_session_get_status (session);

  if (g_strcmp0 (status, ATELIER_SESSION_SCHEDULED) == 0)
    return _("Scheduled");
  if (g_strcmp0 (status, ATELIER_SESSION_CANCELLED) == 0)
    return _("Cancelled");
  return status;
}

static void
add_session_row (AtelierCliTable *table,
                 gpointer         item)
{
  AtelierSession *session = item;
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);

  atelier_cli_table_add_printf (table, "%" G_GINT64_FORMAT, atelier_session_get_id (session));
  atelier_cli_table_take (table, g_date_time_format (start, "%Y-%m-%d %H:%M"));
  atelier_cli_table_add (table, atelier_session_get_workshop_title (session));
  atelier_cli_table_add (table, atelier_session_get_place (session));
  atelier_cli_table_take (table, format_seats (session));
  atelier_cli_table_add (table, format_status (session));
  if (atelier_session_get_series_id (session) != 0)
    atelier_cli_table_take (table, g_strdup_printf ("#%" G_GINT64_FORMAT,
                                                    atelier_session_get_series_id (session)));
  else
    atelier_cli_table_add (table, "");
}

static AtelierCliTable *
new_session_table (void)
{
  AtelierCliTable *table = atelier_cli_table_new (_("ID"), _("Date/time"), _("Workshop"),
                                                  _("Place"), _("Seats"), _("Status"),
                                                  _("Series"), NULL);

  atelier_cli_table_align_right (table, 0);

  return table;
}

/* Also how series prints the sessions it created */
const AtelierCliListingFormat atelier_cli_session_format = {
  new_session_table, add_session_row, atelier_cli_add_session_json,
};

int
atelier_cli_sessions (AtelierCli              *cli,
                      const AtelierCliCommand *command,
                      GStrv                   *args)
{
  gboolean json = FALSE;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, NULL);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = NULL;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  atelier_cli_add_date_range (context, &from_text, &to_text);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, atelier_cli_describe_date_range ());

  if (!atelier_cli_parse (context, args, 0, 0) ||
      !atelier_cli_parse_date_range (context, from_text, to_text, &from, &to))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    model = atelier_store_list_sessions (store, from, to, &error);

  return atelier_cli_print_listing (model, &error, json, &atelier_cli_session_format);
}

/* Customers */

/* Also the objects of search --json */
void
atelier_cli_add_customer_json (JsonBuilder *builder,
                               gpointer     item)
{
  AtelierCustomer *customer = item;

  atelier_cli_json_add_int (builder, "id", atelier_customer_get_id (customer));
  atelier_cli_json_add_string (builder, "given_name", atelier_customer_get_given_name (customer));
  atelier_cli_json_add_string (builder, "family_name",
                               atelier_customer_get_family_name (customer));
  atelier_cli_json_add_nullable (builder, "email", atelier_customer_get_email (customer));
  atelier_cli_json_add_nullable (builder, "phone", atelier_customer_get_phone (customer));
  atelier_cli_json_add_string (builder, "interests", atelier_customer_get_interests (customer));
  atelier_cli_json_add_string (builder, "note", atelier_customer_get_note (customer));
  atelier_cli_json_add_boolean (builder, "consent", atelier_customer_get_consent (customer));
  atelier_cli_json_add_utc (builder, "created_at", atelier_customer_get_created_at (customer));
}

/* ID, name, e-mail and phone; also the first cells of search's rows */
void
atelier_cli_add_customer_cells (AtelierCliTable *table,
                                gpointer         item)
{
  AtelierCustomer *customer = item;

  atelier_cli_table_add_printf (table, "%" G_GINT64_FORMAT, atelier_customer_get_id (customer));
  atelier_cli_table_take (table, atelier_customer_dup_full_name (customer));
  atelier_cli_table_add (table, atelier_customer_get_email (customer));
  atelier_cli_table_add (table, atelier_customer_get_phone (customer));
}

static AtelierCliTable *
new_customer_table (void)
{
  AtelierCliTable *table = atelier_cli_table_new (_("ID"), _("Name"), _("E-mail"), _("Phone"),
                                                  NULL);

  atelier_cli_table_align_right (table, 0);

  return table;
}

static const AtelierCliListingFormat customer_format = {
  new_customer_table, atelier_cli_add_customer_cells, atelier_cli_add_customer_json,
};

int
atelier_cli_customers (AtelierCli              *cli,
                       const AtelierCliCommand *command,
                       GStrv                   *args)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GListModel) model = NULL;
  g_autoptr(GError) error = NULL;

  if (!atelier_cli_parse (context, args, 0, 0))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    model = atelier_store_list_customers (store, &error);

  return atelier_cli_print_listing (model, &error, json, &customer_format);
}
