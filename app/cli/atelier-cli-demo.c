/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-demo.c: the demo command, a believable store to try on */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-cli-private.h"
#include "atelier-demo.h"

typedef struct
{
  guint workshops;
  guint sessions;
  guint customers;
  guint registrations;
} DemoCounts;

static guint
count_and_clear (GListModel *model)
{
  guint n_items = g_list_model_get_n_items (model);

  g_object_unref (model);
  return n_items;
}

static gboolean
count_registrations (AtelierStore  *store,
                     GListModel    *sessions,
                     guint         *count,
                     GError       **error)
{
  guint n_sessions = g_list_model_get_n_items (sessions);

  for (guint i = 0; i < n_sessions; i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (sessions, i);
      GListModel *registrations =
        atelier_store_list_registrations (store, atelier_session_get_id (session), error);

      if (registrations == NULL)
        return FALSE;
      *count += count_and_clear (registrations);
    }

  return TRUE;
}

/* What the store holds, read back from it */
static gboolean
count_store (AtelierStore  *store,
             DemoCounts    *counts,
             GError       **error)
{
  g_autoptr(GListModel) workshops = atelier_store_list_workshops (store, error);
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GListModel) customers = NULL;

  if (workshops == NULL ||
      (sessions = atelier_store_list_sessions (store, NULL, NULL, error)) == NULL ||
      (customers = atelier_store_list_customers (store, error)) == NULL)
    return FALSE;

  counts->workshops = g_list_model_get_n_items (workshops);
  counts->sessions = g_list_model_get_n_items (sessions);
  counts->customers = g_list_model_get_n_items (customers);
  counts->registrations = 0;

  return count_registrations (store, sessions, &counts->registrations, error);
}

static void
print_counts (AtelierStore     *store,
              const DemoCounts *counts)
{
  g_autofree char *workshops =
    g_strdup_printf (ngettext ("%u workshop", "%u workshops", counts->workshops),
                     counts->workshops);
  g_autofree char *sessions =
    g_strdup_printf (ngettext ("%u session", "%u sessions", counts->sessions),
                     counts->sessions);
  g_autofree char *customers =
    g_strdup_printf (ngettext ("%u customer", "%u customers", counts->customers),
                     counts->customers);
  g_autofree char *registrations =
    g_strdup_printf (ngettext ("%u registration", "%u registrations", counts->registrations),
                     counts->registrations);

  /* TRANSLATORS: the numbers of workshops, sessions, customers and
   * registrations, then the store's file */
  g_print (_("Created %s, %s, %s and %s in “%s”.\n"),
           workshops, sessions, customers, registrations, atelier_store_get_path (store));
}

int
atelier_cli_demo (AtelierCli              *cli,
                  const AtelierCliCommand *command,
                  GStrv                   *args)
{
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, NULL);
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  DemoCounts counts;

  if (!atelier_cli_parse (context, args, 0, 0))
    return ATELIER_CLI_EXIT_USAGE;

  store = atelier_cli_open_store (cli, TRUE, &error);
  if (store == NULL)
    return atelier_cli_fail (error);

  now = g_date_time_new_now_local ();
  if (!atelier_demo_fill (store, now, &error) || !count_store (store, &counts, &error))
    return atelier_cli_fail (error);

  print_counts (store, &counts);
  return ATELIER_CLI_EXIT_OK;
}
