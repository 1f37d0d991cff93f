/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-booking.c: the commands that change bookings: signup,
 * cancel, move, checkin, undo-checkin, walkin, capacity, cancel-session
 *
 * Each is one call to the booking rules of the core. The command line is
 * checked first (exit 2); a rule that refuses says which in its message
 * (exit 1). What changed is printed in a line or two, or with --json as
 * the resulting registration.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "atelier-cli-items.h"
#include "atelier-customer-book.h"
#include "atelier-cli-private.h"

/* Registrations as objects and as words */

/**
 * atelier_cli_add_registration_json:
 * @item: an #AtelierRegistration
 *
 * The members of a registration, which do not change between versions.
 */
void
atelier_cli_add_registration_json (JsonBuilder *builder,
                                   gpointer     item)
{
  AtelierRegistration *registration = item;
  int position = atelier_registration_get_waitlist_position (registration);

  atelier_cli_json_add_int (builder, "id", atelier_registration_get_id (registration));
  atelier_cli_json_add_int (builder, "session_id",
                            atelier_registration_get_session_id (registration));
  atelier_cli_json_add_int (builder, "customer_id",
                            atelier_registration_get_customer_id (registration));
  atelier_cli_json_add_string (builder, "customer",
                               atelier_registration_get_customer_name (registration));
  atelier_cli_json_add_int (builder, "party_size",
                            atelier_registration_get_party_size (registration));
  atelier_cli_json_add_string (builder, "status", atelier_registration_get_status (registration));
  atelier_cli_json_add_nullable_int (builder, "waitlist_position", position, position <= 0);
  atelier_cli_json_add_utc (builder, "checked_in_at",
                            atelier_registration_get_checked_in_at (registration));
  atelier_cli_json_add_string (builder, "source", atelier_registration_get_source (registration));
  atelier_cli_json_add_string (builder, "note", atelier_registration_get_note (registration));
  atelier_cli_json_add_utc (builder, "created_at",
                            atelier_registration_get_created_at (registration));
  atelier_cli_json_add_utc (builder, "promoted_at",
                            atelier_registration_get_promoted_at (registration));
  atelier_cli_json_add_utc (builder, "cancelled_at",
                            atelier_registration_get_cancelled_at (registration));
  atelier_cli_json_add_nullable (builder, "cancelled_by",
                                 atelier_registration_get_cancelled_by (registration));
  /* How many of the party came; null before the check-in. */
  atelier_cli_json_add_nullable_int (builder, "arrived",
                                     atelier_registration_count_arrived (registration),
                                     atelier_registration_get_checked_in_at (registration) == 0);
}

/**
 * atelier_cli_describe_registration:
 *
 * Returns: (transfer full): where the registration stands, in a word or
 *   two: “confirmed”, “checked in”, “waitlisted 2” or “cancelled”
 */
char *
atelier_cli_describe_registration (AtelierRegistration *registration)
{
  const char *status = atelier_registration_get_status (registration);

  if (g_strcmp0 (status, ATELIER_REGISTRATION_WAITLISTED) == 0)
    /* TRANSLATORS: a registration's state; %d is its place on the
     * waiting list */
    return g_strdup_printf (_("waitlisted %d"),
                            atelier_registration_get_waitlist_position (registration));
  if (g_strcmp0 (status, ATELIER_REGISTRATION_CANCELLED) == 0)
    return g_strdup (C_("registration", "cancelled"));
  if (atelier_registration_get_checked_in_at (registration) != 0 &&
      atelier_registration_count_arrived (registration) < atelier_registration_get_party_size (registration))
    /* TRANSLATORS: a party checked in of which only some came, e.g.
     * “checked in, 2 of 3 came” */
    return g_strdup_printf (_("checked in, %d of %d came"),
                            atelier_registration_count_arrived (registration),
                            atelier_registration_get_party_size (registration));
  if (atelier_registration_get_checked_in_at (registration) != 0)
    return g_strdup (C_("registration", "checked in"));

  return g_strdup (C_("registration", "confirmed"));
}

static char *
format_id (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static void
print_state (AtelierRegistration *registration)
{
  g_autofree char *id = format_id (atelier_registration_get_id (registration));
  g_autofree char *state = atelier_cli_describe_registration (registration);

  /* TRANSLATORS: a registration's number then its state, such as
   * “Registration 42: confirmed” or “Registration 43: waitlisted 2” */
  g_print (_("Registration %s: %s"), id, state);
  g_print ("\n");
}

/* Who came off the waiting list, one line each */
static void
print_promoted (GListModel *promoted)
{
  guint n_items = g_list_model_get_n_items (promoted);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AtelierRegistration) registration = g_list_model_get_item (promoted, i);
      g_autofree char *id = format_id (atelier_registration_get_id (registration));

      /* TRANSLATORS: a registration's number and the customer's name */
      g_print (_("Registration %s (%s): now confirmed, from the waiting list"),
               id, atelier_registration_get_customer_name (registration));
      g_print ("\n");
    }
}

static int
print_json (JsonBuilder *builder)
{
  g_autoptr(GError) error = NULL;

  if (!atelier_cli_json_print (builder, &error))
    return atelier_cli_fail (error);

  return ATELIER_CLI_EXIT_OK;
}

/* What an action led to: its registration's state and, if given, those
 * it promoted; with --json the registration, with a "promoted" array
 * when @promoted is given */
static int
print_outcome (AtelierRegistration *registration,
               GListModel          *promoted,
               gboolean             json)
{
  g_autoptr(JsonBuilder) builder = NULL;

  if (!json)
    {
      print_state (registration);
      if (promoted != NULL)
        print_promoted (promoted);
      return ATELIER_CLI_EXIT_OK;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  atelier_cli_add_registration_json (builder, registration);
  if (promoted != NULL)
    {
      json_builder_set_member_name (builder, "promoted");
      atelier_cli_json_add_model (builder, promoted, atelier_cli_add_registration_json);
    }
  json_builder_end_object (builder);

  return print_json (builder);
}

/* Who signs up or walks in: a known customer or a new one */

typedef struct
{
  char *customer;  /* --customer ID */
  char *name;      /* --name, split into given and family name */
  char *given;
  char *family;
  char *email;
  char *phone;
} CustomerOptions;

static void
customer_options_clear (CustomerOptions *self)
{
  g_clear_pointer (&self->customer, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->given, g_free);
  g_clear_pointer (&self->family, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->phone, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CustomerOptions, customer_options_clear)

/* The options that say who, then the command's own @entries */
static GOptionContext *
new_customer_context (AtelierCli              *cli,
                      const AtelierCliCommand *command,
                      CustomerOptions         *who,
                      const GOptionEntry      *entries,
                      const char              *description)
{
  const GOptionEntry customer_entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &who->customer,
      N_("The known customer number ID"), N_("ID") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &who->name,
      N_("A new customer’s name; the last word is the family name"), N_("NAME") },
    { "given", 0, 0, G_OPTION_ARG_STRING, &who->given,
      N_("A new customer’s given name"), N_("NAME") },
    { "family", 0, 0, G_OPTION_ARG_STRING, &who->family,
      N_("A new customer’s family name"), N_("NAME") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &who->email,
      N_("A new customer’s e-mail address"), N_("EMAIL") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &who->phone,
      N_("A new customer’s phone number"), N_("PHONE") },
    { NULL }
  };
  GOptionContext *context = atelier_cli_context_new (cli, command, customer_entries);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, description);

  return context;
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;

  return FALSE;
}

/* Whether the options name someone, and only once; @customer_id is 0 for
 * a new customer. */
static gboolean
check_customer_options (GOptionContext  *context,
                        CustomerOptions *who,
                        gboolean         email_required,
                        gint64          *customer_id)
{
  gboolean describes_new = who->name != NULL || who->given != NULL || who->family != NULL ||
                           who->email != NULL || who->phone != NULL;

  *customer_id = 0;
  if (who->customer != NULL && describes_new)
    atelier_cli_usage_error (context,
                             _("--customer is for a known customer, --name, --given, --family, "
                               "--email and --phone for a new one: give one or the other."));
  else if (who->customer != NULL)
    return atelier_cli_parse_id (context, "--customer", who->customer, customer_id);
  else if (who->name != NULL && (who->given != NULL || who->family != NULL))
    atelier_cli_usage_error (context, _("Give either --name, or --given and --family."));
  else if (!has_text (who->name) && !has_text (who->given) && !has_text (who->family))
    atelier_cli_usage_error (context,
                             _("Say who: --customer ID for a known customer, or --name NAME "
                               "for a new one."));
  else if (email_required && !has_text (who->email))
    atelier_cli_usage_error (context, _("A new customer needs an e-mail address (--email)."));
  else
    return TRUE;

  return FALSE;
}

/* “Marie-Claire Dupont” is given “Marie-Claire”, family “Dupont”; a single
 * word is a given name. */
static void
split_name (const char  *name,
            char       **given,
            char       **family)
{
  g_autofree char *copy = g_strstrip (g_strdup (name));
  char *space = strrchr (copy, ' ');

  if (space == NULL)
    {
      *given = g_steal_pointer (&copy);
      *family = g_strdup ("");
      return;
    }

  *space = '\0';
  *given = g_strdup (g_strchomp (copy));
  *family = g_strdup (space + 1);
}

static char *
dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* An empty e-mail address or phone number is none. */
static const char *
nullable (const char *text)
{
  return has_text (text) ? text : NULL;
}

static AtelierCustomer *
new_customer (const CustomerOptions *who)
{
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  AtelierCustomer *customer;

  if (who->name != NULL)
    split_name (who->name, &given, &family);
  else
    {
      given = dup_stripped (who->given);
      family = dup_stripped (who->family);
    }
  if (nullable (who->email) != NULL)
    email = dup_stripped (who->email);
  if (nullable (who->phone) != NULL)
    phone = dup_stripped (who->phone);

  customer = atelier_customer_new (given, family);
  g_object_set (customer, "email", email, "phone", phone, NULL);

  return customer;
}

/* The known customer, or a new one (id 0) that the booking adds. An
 * e-mail address of a customer the store knows is that customer, by the
 * rule the import follows: said on @json's absence, so that nobody
 * wonders where the new name went. */
static AtelierCustomer *
find_customer (AtelierStore           *store,
               const CustomerOptions  *who,
               gint64                  customer_id,
               gboolean                json,
               GError                **error)
{
  g_autoptr(AtelierCustomer) known = NULL;
  g_autoptr(GError) local_error = NULL;

  if (customer_id != 0)
    return atelier_store_get_customer (store, customer_id, error);

  known = atelier_customer_book_match_email (store, nullable (who->email), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (known == NULL)
    return new_customer (who);

  if (!json)
    {
      g_autofree char *name = atelier_customer_dup_full_name (known);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, atelier_customer_get_id (known));

      /* TRANSLATORS: an e-mail address, a customer's name, their number */
      g_print (_("“%s” is the e-mail address of %s (customer %s): this is them, not a new customer.\n"),
               atelier_customer_get_email (known), name, id);
    }
  return g_steal_pointer (&known);
}

/* The commands */

#define JSON_ENTRY(json) \
  { "json", 0, 0, G_OPTION_ARG_NONE, (json), N_("Print the result as JSON"), NULL }

static gboolean
parse_party (GOptionContext *context,
             const char     *text,
             int            *party)
{
  if (text == NULL)
    {
      *party = 1;
      return TRUE;
    }

  return atelier_cli_parse_int (context, "--party", text, 1, party);
}

int
atelier_cli_signup (AtelierCli              *cli,
                    const AtelierCliCommand *command,
                    GStrv                   *args)
{
  g_auto(CustomerOptions) who = { NULL };
  g_autofree char *party_text = NULL;
  g_autofree char *note = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "party", 0, 0, G_OPTION_ARG_STRING, &party_text,
      N_("How many people come together (1 unless given)"), N_("N") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note on the registration"), N_("TEXT") },
    JSON_ENTRY (&json),
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    new_customer_context (cli, command, &who, entries,
                          _("Give --customer for a known customer, or --name (or --given and "
                            "--family) and --email for a new one, who is added to the store. "
                            "A party that does not fit joins the waiting list."));
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierCustomer) customer = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  gint64 session_id;
  gint64 customer_id;
  int party;

  if (!atelier_cli_parse (context, args, 1, 1) ||
      !atelier_cli_parse_id (context, "SESSION", (*args)[1], &session_id) ||
      !parse_party (context, party_text, &party) ||
      !check_customer_options (context, &who, TRUE, &customer_id))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    customer = find_customer (store, &who, customer_id, json, &error);
  if (customer != NULL)
    registration = atelier_booking_sign_up (store, session_id, customer, party, note, &error);
  if (registration == NULL)
    return atelier_cli_fail (error);

  return print_outcome (registration, NULL, json);
}

int
atelier_cli_walkin (AtelierCli              *cli,
                    const AtelierCliCommand *command,
                    GStrv                   *args)
{
  g_auto(CustomerOptions) who = { NULL };
  g_autofree char *party_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "party", 0, 0, G_OPTION_ARG_STRING, &party_text,
      N_("How many people come together (1 unless given)"), N_("N") },
    JSON_ENTRY (&json),
    { NULL }
  };
  g_autoptr(GOptionContext) context =
    new_customer_context (cli, command, &who, entries,
                          _("Give --customer for a known customer, or --name (or --given and "
                            "--family) for a new one, who is added to the store. A walk-in is "
                            "refused when the session is full."));
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierCustomer) customer = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  gint64 session_id;
  gint64 customer_id;
  int party;

  if (!atelier_cli_parse (context, args, 1, 1) ||
      !atelier_cli_parse_id (context, "SESSION", (*args)[1], &session_id) ||
      !parse_party (context, party_text, &party) ||
      !check_customer_options (context, &who, FALSE, &customer_id))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    customer = find_customer (store, &who, customer_id, json, &error);
  if (customer != NULL)
    registration = atelier_booking_walk_in (store, session_id, customer, party, &error);
  if (registration == NULL)
    return atelier_cli_fail (error);

  return print_outcome (registration, NULL, json);
}

static gboolean
parse_cancelled_by (GOptionContext     *context,
                    const char         *text,
                    AtelierCancelledBy *by)
{
  if (text == NULL || strcmp (text, "store") == 0)
    *by = ATELIER_CANCELLED_BY_STORE;
  else if (strcmp (text, "customer") == 0)
    *by = ATELIER_CANCELLED_BY_CUSTOMER;
  else
    {
      atelier_cli_usage_error (context, _("--by is “customer” or “store”, not “%s”."), text);
      return FALSE;
    }

  return TRUE;
}

int
atelier_cli_cancel (AtelierCli              *cli,
                    const AtelierCliCommand *command,
                    GStrv                   *args)
{
  g_autofree char *by_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    /* TRANSLATORS: “customer” and “store” are typed as they are */
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_text,
      N_("Who cancels: “customer” or “store” (the default)"), N_("WHO") },
    JSON_ENTRY (&json),
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GListModel) promoted = NULL;
  g_autoptr(GError) error = NULL;
  AtelierCancelledBy by;
  gint64 id;

  if (!atelier_cli_parse (context, args, 1, 1) ||
      !atelier_cli_parse_id (context, "REG", (*args)[1], &id) ||
      !parse_cancelled_by (context, by_text, &by))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store != NULL && atelier_booking_cancel (store, id, by, &promoted, &error))
    registration = atelier_store_get_registration (store, id, &error);
  if (registration == NULL)
    return atelier_cli_fail (error);

  return print_outcome (registration, promoted, json);
}

int
atelier_cli_move (AtelierCli              *cli,
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
  g_autoptr(AtelierRegistration) moved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  gint64 session_id;

  g_option_context_set_description (context,
                                    _("The party signs up to SESSION by the usual rule, and its "
                                      "place in the old session is offered on. The registration "
                                      "in the new session may have another number."));

  if (!atelier_cli_parse (context, args, 2, 2) ||
      !atelier_cli_parse_id (context, "REG", (*args)[1], &id) ||
      !atelier_cli_parse_id (context, "SESSION", (*args)[2], &session_id))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    moved = atelier_booking_move (store, id, session_id, &error);
  if (moved == NULL)
    return atelier_cli_fail (error);

  return print_outcome (moved, NULL, json);
}

typedef AtelierRegistration *(*CheckInFunc) (AtelierStore  *store,
                                             gint64         registration_id,
                                             GError       **error);

/* checkin and undo-checkin; checkin takes --arrived N (@with_arrived) */
static int
run_check_in (AtelierCli              *cli,
              const AtelierCliCommand *command,
              GStrv                   *args,
              CheckInFunc              check_in,
              gboolean                 with_arrived)
{
  g_autofree char *arrived_text = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    JSON_ENTRY (&json),
    { "arrived", 0, 0, G_OPTION_ARG_STRING, &arrived_text,
      N_("How many of the party came (the whole party unless given)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int arrived = 0;

  /* undo-checkin takes no --arrived: the list ends before it */
  if (!with_arrived)
    entries[1] = entries[2];
  context = atelier_cli_context_new (cli, command, entries);
  if (with_arrived)
    g_option_context_set_description (context,
                                      _("With --arrived, only some of a party came: the seats "
                                        "stay taken and the others count as no-shows. A party "
                                        "already checked in has its count corrected."));

  if (!atelier_cli_parse (context, args, 1, 1) ||
      !atelier_cli_parse_id (context, "REG", (*args)[1], &id) ||
      (arrived_text != NULL && !atelier_cli_parse_int (context, "--arrived", arrived_text, 1, &arrived)))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store != NULL && arrived > 0)
    registration = atelier_booking_check_in_arrived (store, id, arrived, &error);
  else if (store != NULL)
    registration = check_in (store, id, &error);
  if (registration == NULL)
    return atelier_cli_fail (error);

  return print_outcome (registration, NULL, json);
}

int
atelier_cli_checkin (AtelierCli              *cli,
                     const AtelierCliCommand *command,
                     GStrv                   *args)
{
  return run_check_in (cli, command, args, atelier_booking_check_in, TRUE);
}

int
atelier_cli_undo_checkin (AtelierCli              *cli,
                          const AtelierCliCommand *command,
                          GStrv                   *args)
{
  return run_check_in (cli, command, args, atelier_booking_undo_check_in, FALSE);
}

static int
print_capacity (gint64      session_id,
                int         capacity,
                GListModel *promoted,
                gboolean    json)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *id = NULL;

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      atelier_cli_json_add_int (builder, "session_id", session_id);
      atelier_cli_json_add_int (builder, "capacity", capacity);
      json_builder_set_member_name (builder, "promoted");
      atelier_cli_json_add_model (builder, promoted, atelier_cli_add_registration_json);
      json_builder_end_object (builder);
      return print_json (builder);
    }

  id = format_id (session_id);
  /* TRANSLATORS: a session's number, then its number of seats */
  g_print (_("Session %s: capacity %d"), id, capacity);
  g_print ("\n");
  print_promoted (promoted);

  return ATELIER_CLI_EXIT_OK;
}

int
atelier_cli_capacity (AtelierCli              *cli,
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
  g_autoptr(GListModel) promoted = NULL;
  g_autoptr(GError) error = NULL;
  gint64 session_id;
  int capacity;

  g_option_context_set_description (context,
                                    _("Raising the capacity confirms parties from the waiting "
                                      "list, in order; it cannot go below the seats already "
                                      "taken."));

  if (!atelier_cli_parse (context, args, 2, 2) ||
      !atelier_cli_parse_id (context, "SESSION", (*args)[1], &session_id) ||
      !atelier_cli_parse_int (context, "N", (*args)[2], 0, &capacity))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store == NULL ||
      !atelier_booking_set_capacity (store, session_id, capacity, &promoted, &error))
    return atelier_cli_fail (error);

  return print_capacity (session_id, capacity, promoted, json);
}

/* Registrations that the session's cancellation will cancel */
static int
count_open (AtelierStore  *store,
            gint64         session_id,
            GError       **error)
{
  g_autoptr(GListModel) registrations = atelier_store_list_registrations (store, session_id,
                                                                          error);
  int count = 0;

  if (registrations == NULL)
    return -1;

  for (guint i = 0; i < g_list_model_get_n_items (registrations); i++)
    {
      g_autoptr(AtelierRegistration) registration = g_list_model_get_item (registrations, i);

      if (g_strcmp0 (atelier_registration_get_status (registration),
                     ATELIER_REGISTRATION_CANCELLED) != 0)
        count++;
    }

  return count;
}

int
atelier_cli_cancel_session (AtelierCli              *cli,
                            const AtelierCliCommand *command,
                            GStrv                   *args)
{
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, NULL);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  gint64 session_id;
  int n_open = -1;

  if (!atelier_cli_parse (context, args, 1, 1) ||
      !atelier_cli_parse_id (context, "SESSION", (*args)[1], &session_id))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    n_open = count_open (store, session_id, &error);
  if (n_open < 0 || !atelier_booking_cancel_session (store, session_id, &error))
    return atelier_cli_fail (error);

  id = format_id (session_id);
  if (n_open == 0)
    g_print (_("Session %s: cancelled"), id);
  else
    /* TRANSLATORS: a session's number, then how many registrations were
     * cancelled with it */
    g_print (ngettext ("Session %s: cancelled, with its %d registration",
                       "Session %s: cancelled, with its %d registrations", n_open),
             id, n_open);
  g_print ("\n");

  return ATELIER_CLI_EXIT_OK;
}
