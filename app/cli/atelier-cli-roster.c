/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-roster.c: the commands that read bookings: roster and
 * summary (one session), search (customers, at the door)
 *
 * Like the listings, each prints a table for people or, with --json,
 * objects whose members do not change between versions.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-cli-items.h"
#include "atelier-cli-private.h"
#include "atelier-money.h"
#include "atelier-search.h"
#include "atelier-settings.h"

#define DEFAULT_SEARCH_LIMIT 20

#define JSON_ENTRY(json) \
  { "json", 0, 0, G_OPTION_ARG_NONE, (json), N_("Print JSON instead of a table"), NULL }

static int
print_json (JsonBuilder *builder)
{
  g_autoptr(GError) error = NULL;

  if (!atelier_cli_json_print (builder, &error))
    return atelier_cli_fail (error);

  return ATELIER_CLI_EXIT_OK;
}

/* One session's summary */

static void
add_summary_json (JsonBuilder                 *builder,
                  const AtelierSessionSummary *summary,
                  const AtelierRevenue        *revenue,
                  const char                  *currency)
{
  atelier_cli_json_add_int (builder, "capacity", summary->capacity);
  atelier_cli_json_add_int (builder, "confirmed_parties", summary->confirmed_parties);
  atelier_cli_json_add_int (builder, "confirmed_seats", summary->confirmed_seats);
  atelier_cli_json_add_int (builder, "checked_in_seats", summary->checked_in_seats);
  atelier_cli_json_add_nullable_int (builder, "no_show_seats", summary->no_show_seats,
                                     !summary->ended);
  atelier_cli_json_add_int (builder, "waiting_parties", summary->waiting_parties);
  atelier_cli_json_add_int (builder, "waiting_seats", summary->waiting_seats);
  atelier_cli_json_add_int (builder, "free_seats",
                            MAX (summary->capacity - summary->confirmed_seats, 0));
  atelier_cli_json_add_boolean (builder, "ended", summary->ended);
  /* Confirmed seats at the workshop's price, in the currency's minor unit */
  atelier_cli_json_add_string (builder, "currency", currency);
  atelier_cli_json_add_int (builder, "price_cents", revenue->price);
  atelier_cli_json_add_int (builder, "revenue_cents", revenue->total);
}

static char *
format_seats (int seats)
{
  return g_strdup_printf (ngettext ("%d seat", "%d seats", seats), seats);
}

static char *
format_seats_in_parties (int seats,
                         int parties)
{
  g_autofree char *seats_text = format_seats (seats);
  g_autofree char *parties_text = NULL;

  if (parties == 0)
    return g_steal_pointer (&seats_text);

  parties_text = g_strdup_printf (ngettext ("%d party", "%d parties", parties), parties);
  /* TRANSLATORS: seats, then the parties that take them, such as
   * “5 seats in 2 parties” */
  return g_strdup_printf (_("%s in %s"), seats_text, parties_text);
}

/* Label and value, the values aligned whatever the labels' widths */
static void
print_pairs (const char * const *labels,
             char * const       *values,
             guint               n_pairs)
{
  gsize width = 0;

  for (guint i = 0; i < n_pairs; i++)
    width = MAX (width, atelier_cli_display_width (labels[i]));

  for (guint i = 0; i < n_pairs; i++)
    {
      gsize padding = width - atelier_cli_display_width (labels[i]) + 2;

      g_print ("%s%*s%s\n", labels[i], (int) padding, "", values[i]);
    }
}

static char *
format_revenue (const AtelierRevenue *revenue,
                const char           *currency)
{
  g_autofree char *price = NULL;
  g_autofree char *total = NULL;

  if (revenue->price == 0)
    return g_strdup (_("none, the workshop is free"));

  price = atelier_money_format (revenue->price, currency);
  total = atelier_money_format (revenue->total, currency);
  /* TRANSLATORS: a session's revenue in `atelier-cli summary`: the
   * confirmed seats, the price of one, and the sum, such as
   * “8 × €25.00 = €200.00” */
  return g_strdup_printf (_("%d × %s = %s"), revenue->seats, price, total);
}

static void
print_summary (const AtelierSessionSummary *summary,
               const AtelierRevenue        *revenue,
               const char                  *currency)
{
  const char *labels[] = {
    _("Capacity"), _("Confirmed"), _("Free"), _("Checked in"), _("Waiting list"), _("Revenue"),
    _("No-shows"),
  };
  char *values[G_N_ELEMENTS (labels)] = {
    g_strdup_printf ("%d", summary->capacity),
    format_seats_in_parties (summary->confirmed_seats, summary->confirmed_parties),
    format_seats (MAX (summary->capacity - summary->confirmed_seats, 0)),
    format_seats (summary->checked_in_seats),
    format_seats_in_parties (summary->waiting_seats, summary->waiting_parties),
    format_revenue (revenue, currency),
    format_seats (summary->no_show_seats),
  };

  /* No-shows are known once the session has ended. */
  print_pairs (labels, values, G_N_ELEMENTS (labels) - (summary->ended ? 0 : 1));

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_free (values[i]);
}

/* Its workshop, date and place, on one line */
static void
print_session (AtelierSession *session)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);
  g_autofree char *when = g_date_time_format (start, "%Y-%m-%d %H:%M");
  g_autoptr(GString) line = g_string_new (atelier_session_get_workshop_title (session));
  const char *place = atelier_session_get_place (session);

  g_string_append_printf (line, " — %s", when);
  if (place != NULL && *place != '\0')
    g_string_append_printf (line, ", %s", place);
  if (atelier_session_is_cancelled (session))
    g_string_append_printf (line, " — %s", _("Cancelled"));

  g_print ("%s\n", line->str);
}

/* The session and its summary, or %NULL with @error set */
static AtelierSession *
read_session (AtelierCli             *cli,
              gint64                  session_id,
              AtelierStore          **store,
              AtelierSessionSummary  *summary,
              AtelierRevenue         *revenue,
              char                  **currency,
              GError                **error)
{
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(AtelierWorkshop) workshop = NULL;

  *store = atelier_cli_open_store (cli, FALSE, error);
  if (*store == NULL)
    return NULL;

  session = atelier_store_get_session (*store, session_id, error);
  if (session == NULL || !atelier_booking_summarize (*store, session_id, summary, error))
    return NULL;

  workshop = atelier_store_get_workshop (*store, atelier_session_get_workshop_id (session), error);
  if (workshop == NULL)
    return NULL;
  *currency = atelier_settings_read (*store, ATELIER_SETTING_CURRENCY, error);
  if (*currency == NULL)
    return NULL;
  atelier_money_compute_revenue (summary, atelier_workshop_get_price_cents (workshop), revenue);

  return g_steal_pointer (&session);
}

int
atelier_cli_summary (AtelierCli              *cli,
                     const AtelierCliCommand *command,
                     GStrv                   *args)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    JSON_ENTRY (&json),
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  AtelierSessionSummary summary = { 0 };
  AtelierRevenue revenue = { 0 };
  g_autofree char *currency = NULL;
  gint64 session_id;

  if (!atelier_cli_parse (context, args, 1, 1) ||
      !atelier_cli_parse_id (context, "SESSION", (*args)[1], &session_id))
    return ATELIER_CLI_EXIT_USAGE;

  session = read_session (cli, session_id, &store, &summary, &revenue, &currency, &error);
  if (session == NULL)
    return atelier_cli_fail (error);

  if (!json)
    {
      print_session (session);
      print_summary (&summary, &revenue, currency);
      return ATELIER_CLI_EXIT_OK;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  atelier_cli_json_add_int (builder, "session_id", session_id);
  add_summary_json (builder, &summary, &revenue, currency);
  json_builder_end_object (builder);

  return print_json (builder);
}

/* One session's roster */

/* The registrations still open, or all of them */
static GListModel *
list_roster (AtelierStore  *store,
             gint64         session_id,
             gboolean       all,
             GError       **error)
{
  g_autoptr(GListModel) registrations = atelier_store_list_registrations (store, session_id,
                                                                          error);
  GListStore *roster;

  if (registrations == NULL || all)
    return g_steal_pointer (&registrations);

  roster = g_list_store_new (ATELIER_TYPE_REGISTRATION);
  for (guint i = 0; i < g_list_model_get_n_items (registrations); i++)
    {
      g_autoptr(AtelierRegistration) registration = g_list_model_get_item (registrations, i);

      if (g_strcmp0 (atelier_registration_get_status (registration),
                     ATELIER_REGISTRATION_CANCELLED) != 0)
        g_list_store_append (roster, registration);
    }

  return G_LIST_MODEL (roster);
}

/* When they arrived, in the session's time zone */
static char *
format_arrival (AtelierRegistration *registration,
                GTimeZone           *zone)
{
  gint64 checked_in_at = atelier_registration_get_checked_in_at (registration);
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (checked_in_at == 0 || (utc = g_date_time_new_from_unix_utc (checked_in_at)) == NULL)
    return NULL;

  local = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (local, "%H:%M");
}

static void
print_roster_table (GListModel     *roster,
                    AtelierSession *session)
{
  g_autoptr(AtelierCliTable) table = atelier_cli_table_new (_("ID"), _("Name"), _("Party"),
                                                            _("Status"), _("Arrived"),
                                                            _("Note"), NULL);
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);
  GTimeZone *zone = g_date_time_get_timezone (start);

  atelier_cli_table_align_right (table, 0);
  atelier_cli_table_align_right (table, 2);

  for (guint i = 0; i < g_list_model_get_n_items (roster); i++)
    {
      g_autoptr(AtelierRegistration) registration = g_list_model_get_item (roster, i);

      atelier_cli_table_add_printf (table, "%" G_GINT64_FORMAT,
                                    atelier_registration_get_id (registration));
      atelier_cli_table_add (table, atelier_registration_get_customer_name (registration));
      atelier_cli_table_add_printf (table, "%d",
                                    atelier_registration_get_party_size (registration));
      atelier_cli_table_take (table, atelier_cli_describe_registration (registration));
      atelier_cli_table_take (table, format_arrival (registration, zone));
      atelier_cli_table_add (table, atelier_registration_get_note (registration));
    }

  atelier_cli_table_print (table);
}

static int
print_roster_json (gint64                       session_id,
                   const AtelierSessionSummary *summary,
                   const AtelierRevenue        *revenue,
                   const char                  *currency,
                   GListModel                  *roster)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  atelier_cli_json_add_int (builder, "session_id", session_id);
  json_builder_set_member_name (builder, "summary");
  json_builder_begin_object (builder);
  add_summary_json (builder, summary, revenue, currency);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "registrations");
  atelier_cli_json_add_model (builder, roster, atelier_cli_add_registration_json);
  json_builder_end_object (builder);

  return print_json (builder);
}

int
atelier_cli_roster (AtelierCli              *cli,
                    const AtelierCliCommand *command,
                    GStrv                   *args)
{
  gboolean json = FALSE;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Also list cancelled registrations"), NULL },
    JSON_ENTRY (&json),
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GListModel) roster = NULL;
  g_autoptr(GError) error = NULL;
  AtelierSessionSummary summary = { 0 };
  AtelierRevenue revenue = { 0 };
  g_autofree char *currency = NULL;
  gint64 session_id;

  g_option_context_set_description (context,
                                    _("Confirmed parties come first, then the waiting list in "
                                      "order, then (with --all) cancelled registrations."));

  if (!atelier_cli_parse (context, args, 1, 1) ||
      !atelier_cli_parse_id (context, "SESSION", (*args)[1], &session_id))
    return ATELIER_CLI_EXIT_USAGE;

  session = read_session (cli, session_id, &store, &summary, &revenue, &currency, &error);
  if (session != NULL)
    roster = list_roster (store, session_id, all, &error);
  if (roster == NULL)
    return atelier_cli_fail (error);

  if (json)
    return print_roster_json (session_id, &summary, &revenue, currency, roster);

  print_session (session);
  g_print ("\n");
  print_roster_table (roster, session);
  g_print ("\n");
  print_summary (&summary, &revenue, currency);

  return ATELIER_CLI_EXIT_OK;
}

/* Searching customers */

/* Customer id → their open registration to the session */
static GHashTable *
index_registrations (AtelierStore  *store,
                     gint64         session_id,
                     GError       **error)
{
  g_autoptr(GListModel) open = list_roster (store, session_id, FALSE, error);
  GHashTable *index;

  if (open == NULL)
    return NULL;

  index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (open); i++)
    {
      AtelierRegistration *registration = g_list_model_get_item (open, i);
      gint64 *customer_id = g_new (gint64, 1);

      *customer_id = atelier_registration_get_customer_id (registration);
      g_hash_table_insert (index, customer_id, registration);
    }

  return index;
}

/* With @registered, a last column says where those of the session stand. */
static void
print_found (GListModel *found,
             GHashTable *registered)
{
  g_autoptr(AtelierCliTable) table = NULL;

  if (registered != NULL)
    table = atelier_cli_table_new (_("ID"), _("Name"), _("E-mail"), _("Phone"),
                                   _("In session"), NULL);
  else
    table = atelier_cli_table_new (_("ID"), _("Name"), _("E-mail"), _("Phone"), NULL);
  atelier_cli_table_align_right (table, 0);

  for (guint i = 0; i < g_list_model_get_n_items (found); i++)
    {
      g_autoptr(AtelierCustomer) customer = g_list_model_get_item (found, i);
      gint64 customer_id = atelier_customer_get_id (customer);
      AtelierRegistration *registration = NULL;

      atelier_cli_add_customer_cells (table, customer);
      if (registered == NULL)
        continue;

      registration = g_hash_table_lookup (registered, &customer_id);
      atelier_cli_table_take (table, registration != NULL
                                       ? atelier_cli_describe_registration (registration)
                                       : NULL);
    }

  atelier_cli_table_print (table);
}

/* The customers found, and with --session where they stand in it */
static int
search (AtelierCli    *cli,
        const char    *text,
        gint64         session_id,
        int            limit,
        gboolean       json)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GHashTable) registered = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL)
    return atelier_cli_fail (error);

  if (session_id != 0 &&
      ((session = atelier_store_get_session (store, session_id, &error)) == NULL ||
       (registered = index_registrations (store, session_id, &error)) == NULL))
    return atelier_cli_fail (error);

  found = atelier_search_customers (store, text, session_id, limit, &error);
  if (found == NULL)
    return atelier_cli_fail (error);

  if (!json)
    print_found (found, registered);
  else if (!atelier_cli_json_print_model (found, atelier_cli_add_customer_json, &error))
    return atelier_cli_fail (error);

  return ATELIER_CLI_EXIT_OK;
}

int
atelier_cli_search (AtelierCli              *cli,
                    const AtelierCliCommand *command,
                    GStrv                   *args)
{
  g_autofree char *session_text = NULL;
  g_autofree char *limit_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_text,
      N_("Customers registered to SESSION first, with where they stand"), N_("SESSION") },
    { "limit", 0, 0, G_OPTION_ARG_STRING, &limit_text,
      N_("At most N customers (20 unless given)"), N_("N") },
    JSON_ENTRY (&json),
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autofree char *text = NULL;
  gint64 session_id = 0;
  int limit = DEFAULT_SEARCH_LIMIT;

  g_option_context_set_description (context,
                                    _("Each word of TEXT starts a word of the name, the e-mail "
                                      "address or the phone number; case and accents do not "
                                      "matter."));

  if (!atelier_cli_parse (context, args, 1, G_MAXUINT) ||
      (session_text != NULL &&
       !atelier_cli_parse_id (context, "--session", session_text, &session_id)) ||
      (limit_text != NULL && !atelier_cli_parse_int (context, "--limit", limit_text, 1, &limit)))
    return ATELIER_CLI_EXIT_USAGE;

  text = g_strjoinv (" ", *args + 1);

  return search (cli, text, session_id, limit, json);
}
