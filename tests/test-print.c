/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-print.c: rosters, the week's poster and the report, written to PDF and read back
 * with poppler-utils (pdfinfo, pdftotext, pdftoppm).
 *
 * The text is set in DejaVu Sans (fonts-dejavu-core), so that the page
 * compared with tests/data/print/roster-page1.png does not depend on the
 * machine's default font. To take that reference again after a deliberate
 * change of the layout, run the test with ATELIER_UPDATE_REFERENCE=1 and
 * look at the new image before committing it.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/wait.h>

#include "atelier-booking.h"
#include "atelier-money.h"
#include "atelier-print-report.h"
#include "atelier-print-roster.h"
#include "atelier-print-week.h"
#include "atelier-settings.h"
#include "test-util.h"

#define TEST_FONT "DejaVu Sans"
#define WORKSHOP "Risotto aux cèpes"

static const char *const given_names[] = {
  "Zoé", "Hélène", "François", "Chloé", "Jérôme", "Noël", "Lucía", "Søren", "Åsa", "Ana",
  "Brigitte", "Kévin",
};

/* Tools */

static char *
run_tool (const char *const *argv,
          int               *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  if (status != NULL)
    *status = WEXITSTATUS (wait_status);
  else
    g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
  return out;
}

static gboolean
have_poppler (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    g_test_skip ("poppler-utils is not installed");
  return pdftotext != NULL;
}

static char *
pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };

  return run_tool (argv, NULL);
}

static guint
pdf_pages (const char *path)
{
  g_autofree char *info = pdf_info (path);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
}

/* The text of each page, as pdftotext -layout lays it out */
static GStrv
pdf_page_texts (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_tool (argv, NULL);
  g_auto(GStrv) pages = g_strsplit (text, "\f", -1);
  guint n = g_strv_length (pages);

  /* pdftotext ends the last page with a form feed too. */
  if (n > 0 && *g_strstrip (pages[n - 1]) == '\0')
    g_clear_pointer (&pages[n - 1], g_free);
  return g_steal_pointer (&pages);
}

/* The store */

static gint64
add_workshop (AtelierStore *store,
              const char   *title)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "capacity", 10, "duration-minutes", 120, NULL);
  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
  return atelier_workshop_get_id (workshop);
}

/* A two-hour session on a fixed day of 2031 at @hour, Paris time: the
 * printed header is the same whenever the test runs. */
static gint64
add_session (AtelierStore *store,
             gint64        workshop_id,
             int           month,
             int           day,
             int           hour,
             int           capacity)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) starts = g_date_time_new (paris, 2031, month, day, hour, 30, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (workshop_id, starts, ends, "Europe/Paris");
  g_autoptr(GError) error = NULL;

  g_object_set (session, "capacity", capacity, "place", "Cuisine du magasin", NULL);
  g_assert_true (atelier_store_add_session (store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static void
sign_up (AtelierStore *store,
         gint64        session_id,
         const char   *given_name,
         const char   *family_name,
         int           party_size,
         const char   *interests,
         const char   *needs)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, family_name);
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (customer, "interests", interests, "needs", needs, NULL);
  registration = atelier_booking_sign_up (store, session_id, customer, party_size, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (registration);
}

static char *
person_name (guint i)
{
  return g_strdup_printf ("%s Martin%02u", given_names[i % G_N_ELEMENTS (given_names)], i);
}

/* 60 people: 54 seats, so the last 6 wait. */
static gint64
add_sixty (AtelierStore *store)
{
  gint64 session_id = add_session (store, add_workshop (store, WORKSHOP), 3, 14, 18, 54);

  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *family = g_strdup_printf ("Martin%02u", i);

      sign_up (store, session_id, given_names[i % G_N_ELEMENTS (given_names)], family, 1,
               i % 3 == 0 ? "vin, fromage" : "", i % 7 == 0 ? "sans gluten" : "");
    }

  return session_id;
}

static AtelierPrintRoster *
new_roster (AtelierStore *store,
            gint64        session_id)
{
  g_autoptr(GError) error = NULL;
  AtelierPrintRoster *roster = atelier_print_roster_new (store, session_id, &error);

  g_assert_no_error (error);
  return roster;
}

static void
write_pdf (AtelierPrintDocument *document,
           const char           *path,
           AtelierPaper          paper)
{
  g_autoptr(GError) error = NULL;
  AtelierPrintSetup setup;

  atelier_print_setup_init (&setup, paper);
  setup.font_family = TEST_FONT;
  g_assert_true (atelier_print_document_write_pdf (document, path, &setup, &error));
  g_assert_no_error (error);
}

/* Lays @document out as write_pdf() does, for the pages it says */
static guint
paginate (AtelierPrintDocument *document,
          AtelierPaper          paper)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  AtelierPrintSetup setup;
  PangoContext *context;
  guint n_pages;

  atelier_print_setup_init (&setup, paper);
  setup.font_family = TEST_FONT;
  context = atelier_print_context_new (cr, &setup);
  n_pages = atelier_print_document_paginate (document, context, &setup);

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return n_pages;
}

/* Roster */

static void
test_roster_sixty (TestStore     *fixture,
                   gconstpointer  data)
{
  gint64 session_id = add_sixty (fixture->store);
  g_autoptr(AtelierPrintRoster) roster = new_roster (fixture->store, session_id);
  g_autofree char *path = g_build_filename (fixture->dir, "roster.pdf", NULL);
  g_autofree char *info = NULL;
  g_auto(GStrv) pages = NULL;
  const char *cursor;
  guint n_pages;
  guint page = 0;

  if (!have_poppler ())
    return;

  write_pdf (ATELIER_PRINT_DOCUMENT (roster), path, ATELIER_PAPER_A4);
  n_pages = paginate (ATELIER_PRINT_DOCUMENT (roster), ATELIER_PAPER_A4);
  g_assert_cmpuint (atelier_print_roster_get_n_people (roster), ==, 60);

  info = pdf_info (path);
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);
  g_assert_cmpuint (n_pages, >=, 2);

  pages = pdf_page_texts (path);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);

  /* The header on every page */
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *page_number = g_strdup_printf ("Page %u of %u", p + 1, n_pages);

      g_assert_nonnull (strstr (pages[p], WORKSHOP));
      g_assert_nonnull (strstr (pages[p], "Friday 14 March 2031, 18:30–20:30"));
      g_assert_nonnull (strstr (pages[p], "Cuisine du magasin"));
      g_assert_nonnull (strstr (pages[p], page_number));
      g_assert_nonnull (strstr (pages[p], "Interests and needs"));
    }

  /* Every name once, in the order of the door, on the page the layout
   * put it; the waiting list after the 54 seated. */
  cursor = pages[0];
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *name = person_name (i);
      guint expected = atelier_print_roster_get_person_page (roster, i);
      const char *found;

      g_assert_cmpstr (atelier_print_roster_get_name (roster, i), ==, name);
      if (expected != page)
        {
          g_assert_cmpuint (expected, ==, page + 1);
          page = expected;
          cursor = pages[page];
        }
      if (i == 54)
        {
          const char *heading = strstr (cursor, "Waiting list");

          g_assert_nonnull (heading);
          cursor = heading;
        }
      found = strstr (cursor, name);
      if (found == NULL)
        g_error ("“%s” is not on page %u after where expected:\n%s", name, page + 1, cursor);
      cursor = found + strlen (name);
    }
  g_assert_cmpuint (page, ==, n_pages - 1);
  g_assert_nonnull (strstr (pages[0], "Likes: vin, fromage"));
  g_assert_nonnull (strstr (pages[0], "Needs: sans gluten"));
}

static void
test_roster_letter (TestStore     *fixture,
                    gconstpointer  data)
{
  gint64 session_id = add_sixty (fixture->store);
  g_autoptr(AtelierPrintRoster) roster = new_roster (fixture->store, session_id);
  g_autofree char *path = g_build_filename (fixture->dir, "roster.pdf", NULL);
  g_autofree char *info = NULL;

  if (!have_poppler ())
    return;

  write_pdf (ATELIER_PRINT_DOCUMENT (roster), path, ATELIER_PAPER_LETTER);
  info = pdf_info (path);
  g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
  g_assert_cmpuint (pdf_pages (path), ==, paginate (ATELIER_PRINT_DOCUMENT (roster),
                                                    ATELIER_PAPER_LETTER));
}

/* Cancelled registrations are left out; nobody is a page that says so. */
static void
test_roster_cancelled_and_empty (TestStore     *fixture,
                                 gconstpointer  data)
{
  gint64 session_id = add_session (fixture->store, add_workshop (fixture->store, WORKSHOP), 3, 14, 18, 5);
  g_autoptr(AtelierPrintRoster) empty = new_roster (fixture->store, session_id);
  g_autoptr(AtelierPrintRoster) roster = NULL;
  g_autoptr(AtelierCustomer) customer = atelier_customer_new ("Gone", "Away");
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "roster.pdf", NULL);
  g_auto(GStrv) pages = NULL;

  if (!have_poppler ())
    return;

  write_pdf (ATELIER_PRINT_DOCUMENT (empty), path, ATELIER_PAPER_A4);
  pages = pdf_page_texts (path);
  g_assert_cmpuint (g_strv_length (pages), ==, 1);
  g_assert_nonnull (strstr (pages[0], "Nobody has signed up yet."));

  sign_up (fixture->store, session_id, "Stays", "Here", 2, "", "");
  registration = atelier_booking_sign_up (fixture->store, session_id, customer, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (atelier_booking_cancel (fixture->store, atelier_registration_get_id (registration),
                                         ATELIER_CANCELLED_BY_CUSTOMER, NULL, &error));
  g_assert_no_error (error);

  roster = new_roster (fixture->store, session_id);
  g_assert_cmpuint (atelier_print_roster_get_n_people (roster), ==, 1);
  g_assert_cmpstr (atelier_print_roster_get_name (roster, 0), ==, "Stays Here");
}

/* The x extents of the first word of the name containing @needle, from
 * pdftotext -bbox */
static void
find_word_box (const char *bbox,
               const char *needle,
               double     *x_min,
               double     *x_max)
{
  const char *end = strstr (bbox, needle);
  const char *start;

  if (end == NULL)
    g_error ("“%s” is not in the page's words:\n%s", needle, bbox);
  start = g_strrstr_len (bbox, end - bbox, "<word xMin=\"");
  g_assert_nonnull (start);
  *x_min = g_ascii_strtod (start + strlen ("<word xMin=\""), NULL);
  start = strstr (start, "xMax=\"");
  g_assert_nonnull (start);
  *x_max = g_ascii_strtod (start + strlen ("xMax=\""), NULL);
}

/* Right-to-left names start at the right of their cell, long names stay
 * in theirs. */
static void
test_roster_directions (TestStore     *fixture,
                        gconstpointer  data)
{
  gint64 session_id = add_session (fixture->store, add_workshop (fixture->store, WORKSHOP), 3, 14, 18, 10);
  g_autoptr(AtelierPrintRoster) roster = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "roster.pdf", NULL);
  g_autofree char *bbox = NULL;
  double latin_min, latin_max, hebrew_min, hebrew_max, arabic_min, arabic_max, party_min, party_max;
  const char *maria;

  if (!have_poppler ())
    return;

  sign_up (fixture->store, session_id, "Léa", "Roux", 1, "", "");
  sign_up (fixture->store, session_id, "נועה", "כהן", 1, "", "");
  sign_up (fixture->store, session_id, "فاطمة", "الزهراء", 1, "", "");
  sign_up (fixture->store, session_id, "Maria-Antonietta Giovanna Francesca",
           "della Rovere-Montefeltro da Urbino e Castiglione del Lago Trasimeno", 3, "", "");
  roster = new_roster (fixture->store, session_id);
  write_pdf (ATELIER_PRINT_DOCUMENT (roster), path, ATELIER_PAPER_A4);

  {
    const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };

    bbox = run_tool (argv, NULL);
  }

  find_word_box (bbox, ">Léa<", &latin_min, &latin_max);
  /* pdftotext gives right-to-left text a word per letter: the first
   * letters of נועה and فاطمة are the rightmost. */
  find_word_box (bbox, ">נ<", &hebrew_min, &hebrew_max);
  find_word_box (bbox, ">ف<", &arabic_min, &arabic_max);
  find_word_box (bbox, ">3<", &party_min, &party_max);

  /* Léa starts the cell; the Hebrew and Arabic names end it, before the
   * party column. */
  g_assert_cmpfloat (hebrew_max, >, latin_max + 100);
  g_assert_cmpfloat (arabic_max, >, latin_max + 100);
  g_assert_cmpfloat_with_epsilon (hebrew_max, arabic_max, 2);
  g_assert_cmpfloat (hebrew_max, <, party_min);

  /* The long name wraps on two lines, the second ellipsized, and every
   * word of it stays left of the party's column. */
  maria = strstr (bbox, ">Maria-Antonietta<");
  g_assert_nonnull (maria);
  for (const char *word = g_strrstr_len (bbox, maria - bbox, "<word "); word != NULL;
       word = strstr (word + 1, "<word xMin=\""))
    {
      const char *x_max = strstr (word, "xMax=\"");
      const char *text = strchr (word, '>');

      if (g_str_has_prefix (text, ">Interests<"))
        break;
      if (!g_str_has_prefix (text, ">3<"))
        g_assert_cmpfloat (g_ascii_strtod (x_max + strlen ("xMax=\""), NULL), <, party_min);
    }

}

/* Page 1 against its reference image, within a tolerance */
static void
test_roster_reference (TestStore     *fixture,
                       gconstpointer  data)
{
  gint64 session_id = add_session (fixture->store, add_workshop (fixture->store, WORKSHOP), 3, 14, 18, 6);
  g_autoptr(AtelierPrintRoster) roster = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "roster.pdf", NULL);
  g_autofree char *prefix = g_build_filename (fixture->dir, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  g_autofree char *reference = g_test_build_filename (G_TEST_DIST, "data", "print", "roster-page1.png",
                                                      NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "72", "-f", "1", "-l", "1", "-singlefile",
                         path, prefix, NULL };
  g_autofree char *out = NULL;
  cairo_surface_t *actual;
  cairo_surface_t *expected;
  int width, height, stride;
  const guchar *a, *e;
  guint differing = 0;

  if (!have_poppler ())
    return;

  sign_up (fixture->store, session_id, "Zoé", "Lefèvre", 2, "vin, fromage", "sans gluten");
  sign_up (fixture->store, session_id, "François", "Dupré", 1, "pâtisserie", "");
  sign_up (fixture->store, session_id, "נועה", "כהן", 1, "", "");
  sign_up (fixture->store, session_id, "Maria-Antonietta Giovanna Francesca",
           "della Rovere-Montefeltro da Urbino e Castiglione del Lago Trasimeno", 2, "", "");
  sign_up (fixture->store, session_id, "Hélène", "Moreau", 2, "cuisine italienne", "végétarienne");
  roster = new_roster (fixture->store, session_id);
  write_pdf (ATELIER_PRINT_DOCUMENT (roster), path, ATELIER_PAPER_A4);
  out = run_tool (argv, NULL);

  if (g_getenv ("ATELIER_UPDATE_REFERENCE") != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_get_contents (png, &contents, &length, &error));
      g_assert_true (g_file_set_contents (reference, contents, length, &error));
      g_assert_no_error (error);
      g_test_message ("wrote %s", reference);
    }

  actual = cairo_image_surface_create_from_png (png);
  expected = cairo_image_surface_create_from_png (reference);
  g_assert_cmpint (cairo_surface_status (actual), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (expected), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (actual);
  height = cairo_image_surface_get_height (actual);
  g_assert_cmpint (width, ==, cairo_image_surface_get_width (expected));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (expected));
  g_assert_cmpint (cairo_image_surface_get_format (actual), ==,
                   cairo_image_surface_get_format (expected));

  /* A pixel differs when a channel moves by more than a quarter; fewer
   * than 0.5 % of them may (anti-aliasing, a newer rasterizer). */
  stride = cairo_image_surface_get_stride (actual);
  a = cairo_image_surface_get_data (actual);
  e = cairo_image_surface_get_data (expected);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      for (int c = 0; c < 4; c++)
        if (ABS (a[y * stride + 4 * x + c] - e[y * stride + 4 * x + c]) > 64)
          {
            differing++;
            break;
          }
  g_test_message ("%u of %d pixels differ", differing, width * height);
  g_assert_cmpuint (differing, <, width * height / 200);

  cairo_surface_destroy (actual);
  cairo_surface_destroy (expected);
}

/* Writing */

static void
test_write_unwritable (TestStore     *fixture,
                       gconstpointer  data)
{
  gint64 session_id = add_sixty (fixture->store);
  g_autoptr(AtelierPrintRoster) roster = new_roster (fixture->store, session_id);
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "roster.pdf", NULL);
  g_autofree char *kept = g_build_filename (fixture->dir, "kept.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  AtelierPrintSetup setup;
  const char *name;
  guint n_files = 0;

  atelier_print_setup_init (&setup, ATELIER_PAPER_A4);
  g_assert_false (atelier_print_document_write_pdf (ATELIER_PRINT_DOCUMENT (roster), path, &setup,
                                                    &error));
  g_assert_error (error, ATELIER_PRINT_ERROR, ATELIER_PRINT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A file written over is replaced whole, with no temporary file left. */
  g_assert_true (g_file_set_contents (kept, "old", -1, NULL));
  g_assert_true (atelier_print_document_write_pdf (ATELIER_PRINT_DOCUMENT (roster), kept, &setup,
                                                   NULL));
  g_assert_true (g_file_get_contents (kept, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "kept"))
      n_files++;
  g_assert_cmpuint (n_files, ==, 1);
}

static void
test_paper_from_locale (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_PAPER, NULL));
  AtelierPaper paper;

  g_assert_nonnull (setlocale (LC_PAPER, "C.UTF-8"));
  g_assert_cmpint (atelier_print_paper_from_locale (), ==, ATELIER_PAPER_A4);

  g_assert_true (atelier_print_paper_from_name ("Letter", &paper));
  g_assert_cmpint (paper, ==, ATELIER_PAPER_LETTER);
  g_assert_true (atelier_print_paper_from_name ("a4", &paper));
  g_assert_cmpint (paper, ==, ATELIER_PAPER_A4);
  g_assert_false (atelier_print_paper_from_name ("A3", &paper));

  if (setlocale (LC_PAPER, "en_US.UTF-8") != NULL)
    g_assert_cmpint (atelier_print_paper_from_locale (), ==, ATELIER_PAPER_LETTER);
  else
    g_test_message ("en_US.UTF-8 is not generated here: Letter from the locale not checked");
  setlocale (LC_PAPER, saved);
}

/* The week's poster */

static void
test_week_poster (TestStore     *fixture,
                  gconstpointer  data)
{
  gint64 workshop_id = add_workshop (fixture->store, "Pâtes fraîches");
  gint64 full = add_session (fixture->store, workshop_id, 3, 11, 18, 2);
  gint64 cancelled = add_session (fixture->store, workshop_id, 3, 13, 10, 8);
  gint64 open = add_session (fixture->store, add_workshop (fixture->store, WORKSHOP), 3, 15, 14, 4);
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) monday = g_date_time_new (paris, 2031, 3, 10, 0, 0, 0);
  g_autoptr(AtelierPrintWeek) week = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "week.pdf", NULL);
  g_auto(GStrv) pages = NULL;
  const char *days[] = { "Monday 10 March", "Tuesday 11 March", "Wednesday 12 March",
                         "Thursday 13 March", "Friday 14 March", "Saturday 15 March",
                         "Sunday 16 March" };
  const char *cursor;

  if (!have_poppler ())
    return;

  add_session (fixture->store, workshop_id, 3, 17, 18, 8);  /* the week after */
  sign_up (fixture->store, full, "Zoé", "Lefèvre", 2, "", "");
  sign_up (fixture->store, open, "Noël", "Petit", 1, "", "");
  g_assert_true (atelier_booking_cancel_session (fixture->store, cancelled, &error));
  g_assert_no_error (error);
  g_assert_true (atelier_settings_write (fixture->store, ATELIER_SETTING_STORE_NAME,
                                         "La Cuisine d’Adèle", &error));
  g_assert_no_error (error);

  week = atelier_print_week_new (fixture->store, monday, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atelier_print_week_get_n_sessions (week), ==, 3);
  write_pdf (ATELIER_PRINT_DOCUMENT (week), path, ATELIER_PAPER_A4);
  g_assert_cmpfloat (atelier_print_week_get_scale (week), ==, 1.0);
  g_assert_cmpuint (pdf_pages (path), ==, 1);

  pages = pdf_page_texts (path);
  g_assert_nonnull (strstr (pages[0], "La Cuisine d’Adèle"));
  g_assert_nonnull (strstr (pages[0], "Classes from 10 March 2031 to 16 March 2031"));
  cursor = pages[0];
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      cursor = strstr (cursor, days[i]);
      g_assert_nonnull (cursor);
    }
  g_assert_nonnull (strstr (pages[0], "18:30–20:30"));
  g_assert_nonnull (strstr (strstr (pages[0], "Tuesday 11 March"), "Full"));
  g_assert_nonnull (strstr (strstr (pages[0], "Thursday 13 March"), "Cancelled"));
  g_assert_nonnull (strstr (strstr (pages[0], "Saturday 15 March"), "3 seats left"));
  g_assert_nonnull (strstr (pages[0], "No class"));
  g_assert_null (strstr (pages[0], "17 March"));
}

/* Days are calendar days: the one after the clocks go forward has a
 * session at 00:30, 23 hours and a half after the week's start. */
static void
test_week_clock_change (TestStore     *fixture,
                        gconstpointer  data)
{
  gint64 workshop_id = add_workshop (fixture->store, WORKSHOP);
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) sunday = g_date_time_new (paris, 2031, 3, 30, 0, 0, 0);
  g_autoptr(AtelierPrintWeek) week = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "week.pdf", NULL);
  g_auto(GStrv) pages = NULL;
  const char *monday;

  if (!have_poppler ())
    return;

  add_session (fixture->store, workshop_id, 3, 31, 0, 8);
  week = atelier_print_week_new (fixture->store, sunday, &error);
  g_assert_no_error (error);
  write_pdf (ATELIER_PRINT_DOCUMENT (week), path, ATELIER_PAPER_A4);
  pages = pdf_page_texts (path);

  monday = strstr (pages[0], "Monday 31 March");
  g_assert_nonnull (monday);
  g_assert_nonnull (strstr (monday, "00:30–02:30"));
  g_assert_nonnull (strstr (strstr (pages[0], "Sunday 30 March"), "No class"));
  g_assert_true (strstr (strstr (pages[0], "Sunday 30 March"), "No class") < monday);
}

/* A busy week shrinks its type and stays on one page. */
static void
test_week_busy (TestStore     *fixture,
                gconstpointer  data)
{
  gint64 workshop_id = add_workshop (fixture->store, "Un atelier au titre plutôt long pour l’affiche");
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) monday = g_date_time_new (paris, 2031, 3, 10, 0, 0, 0);
  g_autoptr(AtelierPrintWeek) week = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "week.pdf", NULL);

  if (!have_poppler ())
    return;

  for (int day = 10; day <= 16; day++)
    for (int hour = 9; hour <= 19; hour += 2)
      add_session (fixture->store, workshop_id, 3, day, hour, 8);

  week = atelier_print_week_new (fixture->store, monday, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (atelier_print_week_get_n_sessions (week), ==, 42);
  write_pdf (ATELIER_PRINT_DOCUMENT (week), path, ATELIER_PAPER_A4);
  g_assert_cmpfloat (atelier_print_week_get_scale (week), <, 1.0);
  g_assert_cmpuint (pdf_pages (path), ==, 1);
}

/* The CLI */

/* The report */

static gint64
paris_time (int month,
            int day)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) time = g_date_time_new (paris, 2031, month, day, 0, 0, 0);

  return g_date_time_to_unix (time);
}

static gint64
add_priced_workshop (AtelierStore *store,
                     const char   *title,
                     gint64        price)
{
  gint64 workshop_id = add_workshop (store, title);
  g_autoptr(AtelierWorkshop) workshop = atelier_store_get_workshop (store, workshop_id, NULL);
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "price-cents", price, NULL);
  g_assert_true (atelier_store_update_workshop (store, workshop, &error));
  g_assert_no_error (error);
  return workshop_id;
}

/* @came: 0 for not checked in, else how many of the party came */
static gint64
register_party (AtelierStore *store,
                gint64        session_id,
                gint64        customer_id,
                const char   *given_name,
                int           party_size,
                const char   *status,
                int           came)
{
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;

  if (customer_id == 0)
    {
      g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, "Durand");

      g_object_set (customer, "interests", "vin", NULL);
      g_assert_true (atelier_store_add_customer (store, customer, &error));
      g_assert_no_error (error);
      customer_id = atelier_customer_get_id (customer);
    }

  registration = atelier_registration_new (session_id, customer_id, party_size);
  g_object_set (registration, "status", status, NULL);
  if (g_strcmp0 (status, ATELIER_REGISTRATION_WAITLISTED) == 0)
    g_object_set (registration, "waitlist-position", 1, NULL);
  if (came > 0)
    {
      g_autoptr(AtelierSession) session = atelier_store_get_session (store, session_id, NULL);

      g_object_set (registration, "checked-in-at", atelier_session_get_starts_at (session),
                    "arrived", came, NULL);
    }
  g_assert_true (atelier_store_add_registration (store, registration, &error));
  g_assert_no_error (error);
  return customer_id;
}

/* Risotto, €40: a full session of 4 seats (a party of 3 of whom 2 came,
 * one who came), a party of 2 that waited in vain. Pâtes, €25: 10 seats,
 * a party of 2 who came and the one who came back 19 days later. */
static void
add_known_figures (AtelierStore *store)
{
  gint64 risotto = add_priced_workshop (store, WORKSHOP, 4000);
  gint64 pates = add_priced_workshop (store, "Pâtes fraîches", 2500);
  gint64 full = add_session (store, risotto, 3, 14, 18, 4);
  gint64 open = add_session (store, pates, 4, 2, 10, 10);
  gint64 noel;
  g_autoptr(GError) error = NULL;

  register_party (store, full, 0, "Zoé", 3, ATELIER_REGISTRATION_CONFIRMED, 2);
  noel = register_party (store, full, 0, "Noël", 1, ATELIER_REGISTRATION_CONFIRMED, 1);
  register_party (store, full, 0, "Hélène", 2, ATELIER_REGISTRATION_WAITLISTED, 0);
  register_party (store, open, 0, "Chloé", 2, ATELIER_REGISTRATION_CONFIRMED, 2);
  register_party (store, open, noel, NULL, 1, ATELIER_REGISTRATION_CONFIRMED, 1);

  g_assert_true (atelier_settings_write (store, ATELIER_SETTING_TIME_ZONE, "Europe/Paris", &error));
  g_assert_true (atelier_settings_write (store, ATELIER_SETTING_STORE_NAME, "La Cuisine d’Adèle",
                                         &error));
  g_assert_no_error (error);
}

static AtelierPrintReport *
new_report (AtelierStore *store,
            gint64        from,
            gint64        to)
{
  g_autoptr(GError) error = NULL;
  AtelierPrintReport *report = atelier_print_report_new (store, from, to, paris_time (12, 1), &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_report_figures (TestStore     *fixture,
                     gconstpointer  data)
{
  g_autoptr(AtelierPrintReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *revenue = atelier_money_format (12000, "EUR");
  g_autofree char *revenue_line = g_strdup_printf ("%s from 3 seats that came", revenue);
  g_auto(GStrv) pages = NULL;
  const char *titles[] = { "Fill rate by workshop", "Fill rate by month", "Demand not served",
                           "Returning customers", "No-shows by workshop", "No-shows by day and time",
                           "Revenue by workshop", "Revenue by month", "Interests and the schedule" };
  guint n_pages;

  if (!have_poppler ())
    return;

  add_known_figures (fixture->store);
  report = new_report (fixture->store, paris_time (3, 1), paris_time (5, 1));
  write_pdf (ATELIER_PRINT_DOCUMENT (report), path, ATELIER_PAPER_A4);
  n_pages = paginate (ATELIER_PRINT_DOCUMENT (report), ATELIER_PAPER_A4);

  info = pdf_info (path);
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
  g_assert_cmpuint (pdf_pages (path), ==, n_pages);
  pages = pdf_page_texts (path);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_nonnull (strstr (pages[i], "La Cuisine d’Adèle"));
      g_assert_nonnull (strstr (pages[i], "Report from 1 March 2031 to 30 April 2031"));
      g_assert_nonnull (strstr (pages[i], page));
    }

  text = g_strjoinv ("\n", pages);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_nonnull (strstr (text, titles[i]));
  g_assert_nonnull (strstr (text, "100% · 4 of 4 seats · 1 full · 2 waited"));
  g_assert_nonnull (strstr (text, "30% · 3 of 10 seats · 0 full · 0 waited"));
  g_assert_nonnull (strstr (text, "March 2031"));
  g_assert_nonnull (strstr (text, "April 2031"));
  g_assert_nonnull (strstr (text, "2 seats never served: add a date"));
  g_assert_nonnull (strstr (text, "1 of 3 first-timers"));
  g_assert_nonnull (strstr (text, "25% · 1 of 4 seats missed"));
  g_assert_nonnull (strstr (text, revenue_line));
  g_assert_nonnull (strstr (revenue, "120"));
  g_assert_nonnull (strstr (text, "4 customers · 0 sessions held"));
}

/* A chart too long for a page goes on at the next, never cut in a row */
static void
test_report_many_workshops (TestStore     *fixture,
                            gconstpointer  data)
{
  g_autoptr(AtelierPrintReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;

  if (!have_poppler ())
    return;

  for (guint i = 0; i < 70; i++)
    {
      g_autofree char *title = g_strdup_printf ("Atelier %02u", i);

      add_session (fixture->store, add_workshop (fixture->store, title), 3, 1 + i % 28, 10, 10);
    }
  report = new_report (fixture->store, paris_time (3, 1), paris_time (4, 1));
  write_pdf (ATELIER_PRINT_DOCUMENT (report), path, ATELIER_PAPER_A4);

  g_assert_cmpuint (pdf_pages (path), >=, 3);
  pages = pdf_page_texts (path);
  text = g_strjoinv ("\n", pages);
  /* Each workshop's fill rate, revenue and no-shows, in order */
  for (guint chart = 0; chart < 3; chart++)
    {
      const char *cursor = strstr (text, chart == 0 ? "Fill rate by workshop"
                                         : chart == 1 ? "No-shows by workshop" : "Revenue by workshop");

      for (guint i = 0; i < 70; i++)
        {
          g_autofree char *title = g_strdup_printf ("Atelier %02u", i);

          g_assert_nonnull (cursor);
          cursor = strstr (cursor, title);
        }
      g_assert_nonnull (cursor);
    }
}

static void
test_report_empty (TestStore     *fixture,
                   gconstpointer  data)
{
  g_autoptr(AtelierPrintReport) report = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "empty.pdf", NULL);
  g_autofree char *info = NULL;
  g_auto(GStrv) pages = NULL;

  if (!have_poppler ())
    return;

  add_known_figures (fixture->store);
  report = new_report (fixture->store, paris_time (6, 1), paris_time (7, 1));
  write_pdf (ATELIER_PRINT_DOCUMENT (report), path, ATELIER_PAPER_LETTER);

  g_assert_cmpuint (pdf_pages (path), ==, 1);
  info = pdf_info (path);
  g_assert_nonnull (strstr (info, "(letter)"));
  pages = pdf_page_texts (path);
  g_assert_nonnull (strstr (pages[0], "Report from 1 June 2031 to 30 June 2031"));
  g_assert_nonnull (strstr (pages[0], "No Sessions in This Period"));
  g_assert_null (strstr (pages[0], "Fill rate by workshop"));
}

static void
test_report_backwards (TestStore     *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierPrintReport) report =
    atelier_print_report_new (fixture->store, paris_time (5, 1), paris_time (3, 1), paris_time (12, 1),
                              &error);

  g_assert_null (report);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
}

/* The CLI */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_cli (Run                *run,
         const char         *language,
         const char *const  *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("ATELIER_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (env, "LANGUAGE", language, TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static void
test_cli (TestStore     *fixture,
          gconstpointer  data)
{
  gint64 session_id = add_sixty (fixture->store);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, session_id);
  g_autofree char *roster = g_build_filename (fixture->dir, "roster.pdf", NULL);
  g_autofree char *week = g_build_filename (fixture->dir, "week.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (fixture->dir, "missing", "roster.pdf", NULL);
  g_autofree char *info = NULL;
  g_auto(GStrv) pages = NULL;
  Run run = { 0 };

  if (!have_poppler ())
    return;

  {
    const char *args[] = { "--database", fixture->path, "print", "roster", id, "--out", roster,
                           "--paper", "letter", NULL };

    run_cli (&run, "C", args);
    g_assert_cmpint (run.status, ==, 0);
    run_clear (&run);
  }
  info = pdf_info (roster);
  g_assert_nonnull (strstr (info, "(letter)"));
  pages = pdf_page_texts (roster);
  g_assert_cmpuint (g_strv_length (pages), >=, 2);
  g_assert_nonnull (strstr (pages[0], "Zoé Martin00"));

  {
    const char *args[] = { "--database", fixture->path, "print", "week", "2031-03-10",
                           "--out", week, NULL };

    run_cli (&run, "C", args);
    g_assert_cmpint (run.status, ==, 0);
    run_clear (&run);
  }
  g_assert_cmpuint (pdf_pages (week), ==, 1);
  g_clear_pointer (&pages, g_strfreev);
  pages = pdf_page_texts (week);
  g_assert_nonnull (strstr (pages[0], "Friday 14 March"));
  g_assert_nonnull (strstr (pages[0], "Full"));

  /* In French: the header, the columns, the days and the seats */
  {
    const char *args[] = { "--database", fixture->path, "print", "roster", id, "--out", roster, NULL };
    const char *week_args[] = { "--database", fixture->path, "print", "week", "2031-03-10",
                                "--out", week, NULL };

    run_cli (&run, "fr", args);
    g_assert_cmpint (run.status, ==, 0);
    run_clear (&run);
    g_clear_pointer (&pages, g_strfreev);
    pages = pdf_page_texts (roster);
    g_assert_nonnull (strstr (pages[0], "vendredi 14 mars 2031, 18:30–20:30"));
    g_assert_nonnull (strstr (pages[0], "Page 1 sur"));
    g_assert_nonnull (strstr (pages[0], "Goûts et besoins"));
    g_assert_nonnull (strstr (pages[0], "Besoins : sans gluten"));
    g_assert_nonnull (strstr (pages[g_strv_length (pages) - 1], "Liste d’attente"));

    run_cli (&run, "fr", week_args);
    g_assert_cmpint (run.status, ==, 0);
    run_clear (&run);
    g_clear_pointer (&pages, g_strfreev);
    pages = pdf_page_texts (week);
    g_assert_nonnull (strstr (pages[0], "vendredi 14 mars"));
    g_assert_nonnull (strstr (pages[0], "Complet"));
    g_assert_nonnull (strstr (pages[0], "Pas d’atelier"));
  }

  /* Mistakes: no --out, no such session, a paper, a folder that is not */
  {
    const char *args[] = { "--database", fixture->path, "print", "roster", id, NULL };

    run_cli (&run, "C", args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--out FILE"));
    run_clear (&run);
  }
  {
    const char *args[] = { "--database", fixture->path, "print", "roster", "999", "--out", roster,
                           NULL };

    run_cli (&run, "C", args);
    g_assert_cmpint (run.status, ==, 1);
    run_clear (&run);
  }
  {
    const char *args[] = { "--database", fixture->path, "print", "week", "--out", week,
                           "--paper", "A3", NULL };

    run_cli (&run, "C", args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "A3"));
    run_clear (&run);
  }
  {
    const char *args[] = { "--database", fixture->path, "print", "roster", id, "--out", nowhere,
                           NULL };

    run_cli (&run, "C", args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, nowhere));
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
    run_clear (&run);

    run_cli (&run, "fr", args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "Impossible d’écrire"));
    run_clear (&run);
  }
}

static void
test_cli_report (TestStore     *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  Run run = { 0 };

  if (!have_poppler ())
    return;

  add_known_figures (fixture->store);
  {
    const char *args[] = { "--database", fixture->path, "print", "report", "--from", "2031-03-01",
                           "--to", "2031-04-30", "--out", path, "--paper", "a4", NULL };

    run_cli (&run, "C", args);
    g_assert_cmpint (run.status, ==, 0);
    run_clear (&run);
  }
  info = pdf_info (path);
  g_assert_nonnull (strstr (info, "(A4)"));
  pages = pdf_page_texts (path);
  text = g_strjoinv ("\n", pages);
  g_assert_nonnull (strstr (pages[0], "Report from 1 March 2031 to 30 April 2031"));
  g_assert_nonnull (strstr (text, "100% · 4 of 4 seats · 1 full · 2 waited"));
  g_assert_nonnull (strstr (text, "Interests and the schedule"));

  /* In French */
  {
    const char *args[] = { "--database", fixture->path, "print", "report", "--from", "2031-03-01",
                           "--to", "2031-04-30", "--out", path, NULL };

    run_cli (&run, "fr", args);
    g_assert_cmpint (run.status, ==, 0);
    run_clear (&run);
  }
  g_clear_pointer (&pages, g_strfreev);
  g_clear_pointer (&text, g_free);
  pages = pdf_page_texts (path);
  text = g_strjoinv ("\n", pages);
  g_assert_nonnull (strstr (pages[0], "Rapport du 1 mars 2031 au 30 avril 2031"));
  g_assert_nonnull (strstr (pages[0], "Page 1 sur"));
  g_assert_nonnull (strstr (text, "Taux de remplissage par atelier"));
  g_assert_nonnull (strstr (text, "4 places sur 4 · 1 complètes · 2 en attente"));
  g_assert_nonnull (strstr (text, "mars 2031"));

  /* Mistakes: a period backwards, no --to, an argument too many */
  {
    const char *args[] = { "--database", fixture->path, "print", "report", "--from", "2031-05-01",
                           "--to", "2031-03-01", "--out", path, NULL };

    g_assert_no_errno (g_unlink (path));
    run_cli (&run, "C", args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "The end of the period must come after its start."));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    run_clear (&run);

    run_cli (&run, "fr", args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "La fin de la période doit venir après son début."));
    run_clear (&run);
  }
  {
    const char *args[] = { "--database", fixture->path, "print", "report", "--from", "2031-03-01",
                           "--out", path, NULL };

    run_cli (&run, "C", args);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--from and --to"));
    run_clear (&run);
  }
  {
    const char *args[] = { "--database", fixture->path, "print", "report", "2031", "--from",
                           "2031-03-01", "--to", "2031-04-30", "--out", path, NULL };

    run_cli (&run, "C", args);
    g_assert_cmpint (run.status, ==, 2);
    run_clear (&run);
  }
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ATELIER_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  test_init (&argc, &argv);

  g_test_add ("/atelier/print/roster/sixty", TestStore, NULL,
              test_store_setup, test_roster_sixty, test_store_teardown);
  g_test_add ("/atelier/print/roster/letter", TestStore, NULL,
              test_store_setup, test_roster_letter, test_store_teardown);
  g_test_add ("/atelier/print/roster/cancelled-and-empty", TestStore, NULL,
              test_store_setup, test_roster_cancelled_and_empty, test_store_teardown);
  g_test_add ("/atelier/print/roster/directions", TestStore, NULL,
              test_store_setup, test_roster_directions, test_store_teardown);
  g_test_add ("/atelier/print/roster/reference", TestStore, NULL,
              test_store_setup, test_roster_reference, test_store_teardown);
  g_test_add ("/atelier/print/write/unwritable", TestStore, NULL,
              test_store_setup, test_write_unwritable, test_store_teardown);
  g_test_add_func ("/atelier/print/paper/locale", test_paper_from_locale);
  g_test_add ("/atelier/print/week/poster", TestStore, NULL,
              test_store_setup, test_week_poster, test_store_teardown);
  g_test_add ("/atelier/print/week/clock-change", TestStore, NULL,
              test_store_setup, test_week_clock_change, test_store_teardown);
  g_test_add ("/atelier/print/week/busy", TestStore, NULL,
              test_store_setup, test_week_busy, test_store_teardown);

  g_test_add ("/atelier/print/report/figures", TestStore, NULL,
              test_store_setup, test_report_figures, test_store_teardown);
  g_test_add ("/atelier/print/report/many-workshops", TestStore, NULL,
              test_store_setup, test_report_many_workshops, test_store_teardown);
  g_test_add ("/atelier/print/report/empty", TestStore, NULL,
              test_store_setup, test_report_empty, test_store_teardown);
  g_test_add ("/atelier/print/report/backwards", TestStore, NULL,
              test_store_setup, test_report_backwards, test_store_teardown);

  g_test_add ("/atelier/print/cli", TestStore, NULL,
              test_store_setup, test_cli, test_store_teardown);
  g_test_add ("/atelier/print/cli-report", TestStore, NULL,
              test_store_setup, test_cli_report, test_store_teardown);

  return g_test_run ();
}
