/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-bench-print.c: the roster PDF of a 200-person session
 *
 *   atelier-bench-print [--people N] [--runs N]
 *
 * From one run, each the median of --runs: Atelier's roster (read from
 * the store, laid out with Pango on as many pages as needed, written to
 * a PDF file through a temporary file, as `atelier-cli print roster`
 * does after opening the store), against a baseline that writes the same
 * names as plain text lines through the same cairo PDF surface, with
 * cairo's toy text API and no layout at all. It prints times, the ratio
 * and whether the goal (≤ 0.5 s) was met; it asserts nothing about them.
 * See bench/README.md, "Print".
 */
#define G_LOG_DOMAIN "atelier-bench-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "atelier-bench-util.h"
#include "atelier-booking.h"
#include "atelier-print-roster.h"

#define GOAL_SECONDS 0.5

static const char *const given_names[] = {
  "Zoé", "Hélène", "François", "Chloé", "Jérôme", "Noël", "Lucía", "Søren", "Åsa", "Ana",
  "Brigitte", "Kévin", "Fatima", "Noa", "Maria-Antonietta",
};

static const char *const family_names[] = {
  "Lefèvre", "Dupré", "Moreau", "Bellini", "Castiglione del Lago", "Durand", "García", "Nørgaard",
  "Cohen", "Haddad", "Rousseau", "Da Silva",
};

static gint64
fill_store (AtelierStore *store,
            int           n_people)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes");
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) starts = g_date_time_new (paris, 2031, 3, 14, 18, 30, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "capacity", n_people, "duration-minutes", 120, NULL);
  if (!atelier_store_add_workshop (store, workshop, &error))
    g_error ("%s", error->message);
  session = atelier_session_new (atelier_workshop_get_id (workshop), starts, ends, "Europe/Paris");
  /* A tenth of them wait. */
  g_object_set (session, "capacity", n_people - n_people / 10, "place", "Cuisine du magasin", NULL);
  if (!atelier_store_add_session (store, session, &error))
    g_error ("%s", error->message);

  for (int i = 0; i < n_people; i++)
    {
      g_autoptr(AtelierCustomer) customer =
        atelier_customer_new (given_names[i % G_N_ELEMENTS (given_names)],
                              family_names[i % G_N_ELEMENTS (family_names)]);
      g_autoptr(AtelierRegistration) registration = NULL;

      g_object_set (customer,
                    "interests", i % 3 == 0 ? "vin, fromage, cuisine italienne" : "",
                    "needs", i % 7 == 0 ? "sans gluten" : "", NULL);
      registration = atelier_booking_sign_up (store, atelier_session_get_id (session), customer,
                                              1 + i % 3 / 2, NULL, &error);
      if (registration == NULL)
        g_error ("%s", error->message);
    }

  return atelier_session_get_id (session);
}

static double
time_atelier (AtelierStore *store,
              gint64        session_id,
              const char   *out,
              guint        *n_people)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(AtelierPrintRoster) roster = NULL;
  g_autoptr(GError) error = NULL;
  AtelierPrintSetup setup;

  atelier_print_setup_init (&setup, ATELIER_PAPER_A4);
  roster = atelier_print_roster_new (store, session_id, &error);
  if (roster == NULL ||
      !atelier_print_document_write_pdf (ATELIER_PRINT_DOCUMENT (roster), out, &setup, &error))
    g_error ("%s", error->message);
  *n_people = atelier_print_roster_get_n_people (roster);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* The pages the roster takes, laid out as the PDF writer does */
static guint
count_pages (AtelierPrintRoster *roster)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  AtelierPrintSetup setup;
  PangoContext *context;
  guint n_pages;

  atelier_print_setup_init (&setup, ATELIER_PAPER_A4);
  context = atelier_print_context_new (cr, &setup);
  n_pages = atelier_print_document_paginate (ATELIER_PRINT_DOCUMENT (roster), context, &setup);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n_pages;
}

/* The baseline: the names, a line each, 50 a page, no layout */
static double
time_plain (GPtrArray  *names,
            const char *out)
{
  gint64 start = g_get_monotonic_time ();
  cairo_surface_t *surface = cairo_pdf_surface_create (out, 595.276, 841.89);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0 && i % 50 == 0)
        cairo_show_page (cr);
      cairo_move_to (cr, 42, 60 + (i % 50) * 15);
      cairo_show_text (cr, names->pdata[i]);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("The baseline's PDF failed: %s", cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (int argc, char **argv)
{
  int n_people = 200, runs = 5;
  GOptionEntry entries[] = {
    { "people", 0, 0, G_OPTION_ARG_INT, &n_people, "People signed up to the session", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each, the median is kept", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierPrintRoster) roster = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) atelier_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) plain_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL, *db = NULL, *out_atelier = NULL, *out_plain = NULL;
  double atelier, plain;
  guint printed = 0;
  gint64 session_id;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_people < 10 || runs < 1)
    {
      g_printerr ("%s\n", error ? error->message : "bad arguments");
      return 2;
    }

  dir = g_dir_make_tmp ("atelier-bench-print-XXXXXX", NULL);
  db = g_build_filename (dir, "store.db", NULL);
  out_atelier = g_build_filename (dir, "roster.pdf", NULL);
  out_plain = g_build_filename (dir, "plain.pdf", NULL);

  store = atelier_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  session_id = fill_store (store, n_people);

  /* The same names, in the same order, for the baseline */
  roster = atelier_print_roster_new (store, session_id, &error);
  if (roster == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < atelier_print_roster_get_n_people (roster); i++)
    g_ptr_array_add (names, (char *) atelier_print_roster_get_name (roster, i));

  /* Warm-up: fonts found and loaded, page cache */
  time_atelier (store, session_id, out_atelier, &printed);
  time_plain (names, out_plain);

  for (int i = 0; i < runs; i++)
    {
      double a = time_atelier (store, session_id, out_atelier, &printed);
      double p = time_plain (names, out_plain);

      g_array_append_val (atelier_times, a);
      g_array_append_val (plain_times, p);
    }
  atelier = bench_median (atelier_times);
  plain = bench_median (plain_times);

  g_print ("roster of %u people on %u A4 pages, %d runs (median)\n", printed, count_pages (roster),
           runs);
  g_print ("  atelier (store, Pango layout, PDF): %8.1f ms\n", atelier * 1000);
  g_print ("  plain lines, same PDF surface:      %8.1f ms\n", plain * 1000);
  g_print ("  ratio atelier / plain:              %8.1fx\n", plain > 0 ? atelier / plain : 0);
  g_print ("  goal <= %.1f s:                      %s\n", GOAL_SECONDS,
           atelier <= GOAL_SECONDS ? "met" : "NOT met");

  g_unlink (out_atelier);
  g_unlink (out_plain);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (dir);

  return 0;
}
