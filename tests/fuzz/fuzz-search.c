/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-search.c: the door's search, from what is typed to the query
 *
 * One store, opened once with a few customers, answers every input: what
 * is typed either finds nothing to search for or becomes a query that
 * the full-text index accepts. A query the index refuses would show the
 * staff at the door an error instead of names.
 */
#define G_LOG_DOMAIN "fuzz-search"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "atelier-search.h"
#include "fuzz-util.h"

static AtelierStore *store;

static void
add_customer (const char *given,
              const char *family,
              const char *email,
              const char *phone)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given, family);

  g_object_set (customer, "email", email, "phone", phone, NULL);
  if (!atelier_store_add_customer (store, customer, NULL))
    abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *dir = g_dir_make_tmp ("atelier-fuzz-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "store.db", NULL);
  g_autoptr(GError) error = NULL;

  store = atelier_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  add_customer ("Zoé", "Martin", "zoe.martin@example.org", "+33 6 12 34 56 78");
  add_customer ("Jean-Ève", "O'Neil", "jean@example.org", "01 23 45 67 89");
  add_customer ("प्रिया", "Šťastná", NULL, NULL);
  /* The file goes when the process does; the open store keeps it. */
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_dup_text (data, size);
  g_autofree char *query = NULL;
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;

  /* Entries hand over UTF-8 only. */
  if (!g_utf8_validate (text, -1, NULL))
    return 0;

  query = atelier_search_build_query (store, text);
  found = atelier_search_customers (store, text, 0, 5, &error);
  if (error != NULL)
    g_printerr ("query %s: %s\n", query ? query : "(none)", error->message);
  FUZZ_CHECK (error == NULL && found != NULL);
  FUZZ_CHECK (g_list_model_get_n_items (found) <= 5);
  return 0;
}
