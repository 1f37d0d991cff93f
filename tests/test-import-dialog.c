/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-dialog.c: customers imported from the stores' CSV exports */
#define G_LOG_DOMAIN "test-import-dialog"

#include "config.h"

#include <adwaita.h>

#include "atelier-customer-book.h"
#include "atelier-import-dialog.h"
#include "test-ui-util.h"
#include "test-util.h"

#define WAIT_TIMEOUT_SECONDS 20

typedef struct
{
  TestStore            store;
  AtelierImportDialog *dialog;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  test_store_setup (&f->store, data);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (f->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (f->dialog));
  f->dialog = NULL;
  test_store_teardown (&f->store, data);
}

static void
open_dialog (Fixture *f, const char *sample)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", sample, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  f->dialog = ATELIER_IMPORT_DIALOG (atelier_import_dialog_new (NULL, f->store.store, file));
  gtk_window_present (GTK_WINDOW (f->dialog));
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs an action of the dialog and waits until the thread has answered. */
static void
run_step (Fixture *f, const char *action)
{
  gboolean timed_out = FALSE;
  guint id;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), action, NULL));
  id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);
  while (atelier_import_dialog_get_busy (f->dialog) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static guint
count_customers (Fixture *f)
{
  g_autoptr(GListModel) all = atelier_store_list_customers (f->store.store, NULL);

  return g_list_model_get_n_items (all);
}

static AtelierCustomer *
find_by_email (Fixture *f, const char *email)
{
  g_autoptr(GListModel) found = atelier_customer_book_find_duplicates (f->store.store, email, NULL, 0, NULL);

  g_assert_nonnull (found);
  if (g_list_model_get_n_items (found) == 0)
    return NULL;
  return g_list_model_get_item (found, 0);
}

static void
test_guess_mapping (Fixture *f, gconstpointer data)
{
  AdwComboRow *row;

  open_dialog (f, "customers-semicolon-bom.csv");
  g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "mapping");
  g_assert_nonnull (strstr (atelier_import_dialog_get_format_text (f->dialog), "semicolon"));
  g_assert_nonnull (strstr (atelier_import_dialog_get_format_text (f->dialog), "UTF-8"));
  g_assert_nonnull (strstr (atelier_import_dialog_get_format_text (f->dialog), "2 rows"));

  /* "Prénom" (after the BOM) is the given name, "Courriel" the e-mail. */
  row = atelier_import_dialog_get_column_row (f->dialog, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Prénom");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, ATELIER_IMPORT_FIELD_GIVEN_NAME);
  g_assert_cmpuint (adw_combo_row_get_selected (atelier_import_dialog_get_column_row (f->dialog, 2)),
                    ==, ATELIER_IMPORT_FIELD_EMAIL);
  g_assert_null (atelier_import_dialog_get_column_row (f->dialog, 7));
}

/* The preview shows a column's whole name, however long: the manager
 * matches fields by it. */
static void
test_whole_column_names (Fixture *f, gconstpointer data)
{
  const char *header = "Adresse électronique principale du client";
  g_autofree char *path = g_build_filename (f->store.dir, "long.csv", NULL);
  g_autofree char *csv = g_strdup_printf ("Prénom;Nom;%s\nZoé;Martin;zoe@example.org\n", header);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean found = FALSE;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  f->dialog = ATELIER_IMPORT_DIALOG (atelier_import_dialog_new (NULL, f->store.store, file));
  gtk_window_present (GTK_WINDOW (f->dialog));

  test_collect_widgets (GTK_WIDGET (f->dialog), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = labels->pdata[i];

      if (g_strcmp0 (gtk_label_get_label (label), header) != 0 ||
          !gtk_widget_has_css_class (GTK_WIDGET (label), "heading"))
        continue;
      found = TRUE;
      g_assert_cmpint (gtk_label_get_ellipsize (label), ==, PANGO_ELLIPSIZE_NONE);
      g_assert_true (gtk_label_get_wrap (label));
    }
  g_assert_true (found);
}

static void
test_separators_and_encodings (Fixture *f, gconstpointer data)
{
  static const struct { const char *sample; const char *format; guint n_columns; } cases[] = {
    { "customers-comma.csv", "comma", 6 },
    { "customers-tab.tsv", "tab", 5 },
    { "customers-windows-1252.csv", "Windows-1252", 4 },
    { "customers-quoted-newlines.csv", "2 rows", 4 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      open_dialog (f, cases[i].sample);
      g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "mapping");
      g_assert_nonnull (strstr (atelier_import_dialog_get_format_text (f->dialog), cases[i].format));
      g_assert_nonnull (atelier_import_dialog_get_column_row (f->dialog, cases[i].n_columns - 1));
      g_assert_null (atelier_import_dialog_get_column_row (f->dialog, cases[i].n_columns));
      gtk_window_destroy (GTK_WINDOW (f->dialog));
      f->dialog = NULL;
    }
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_check_then_import (Fixture *f, gconstpointer data)
{
  const AtelierImportReport *report;
  g_autoptr(AtelierCustomer) zoe = NULL;
  guint changes = 0;

  g_signal_connect_swapped (f->store.store, "changed::customers", G_CALLBACK (count_cb), &changes);
  open_dialog (f, "customers-comma.csv");

  /* The dry run writes nothing. */
  run_step (f, "import.check");
  g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "checked");
  report = atelier_import_dialog_get_report (f->dialog);
  g_assert_true (report->dry_run);
  g_assert_cmpuint (report->n_created, ==, 3);
  g_assert_cmpuint (count_customers (f), ==, 0);
  g_assert_nonnull (strstr (atelier_import_dialog_get_message (f->dialog), "3 new customers"));

  g_assert_cmpuint (changes, ==, 0);
  run_step (f, "import.run");
  /* The window's connection hears of the thread's writes. */
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "done");
  report = atelier_import_dialog_get_report (f->dialog);
  g_assert_true (report->applied);
  g_assert_cmpuint (count_customers (f), ==, 3);
  zoe = find_by_email (f, "zoe.martin@example.org");
  g_assert_nonnull (zoe);
  g_assert_cmpstr (atelier_customer_get_given_name (zoe), ==, "Zoé");
  g_assert_true (atelier_customer_get_consent (zoe));
}

static void
test_bad_row (Fixture *f, gconstpointer data)
{
  const char *message;

  open_dialog (f, "customers-bad-row.csv");

  /* The check already says nothing can be imported, and Import is off. */
  run_step (f, "import.check");
  g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "failed");
  message = atelier_import_dialog_get_message (f->dialog);
  g_assert_nonnull (strstr (message, "Nothing can be imported: line 5 (Carla Dumas)"));
  g_assert_nonnull (strstr (message, "not-an-address"));
  g_assert_nonnull (strstr (message, "Fix the file and try again."));
  /* Import is disabled: activating it does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->dialog), "import.run", NULL);
  g_assert_false (atelier_import_dialog_get_busy (f->dialog));
  g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "failed");
  g_assert_cmpuint (count_customers (f), ==, 0);

  /* Ignoring the e-mail column: the row passes (and nothing is matched
   * by e-mail any more). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->dialog), "import.back", NULL));
  g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "mapping");
  adw_combo_row_set_selected (atelier_import_dialog_get_column_row (f->dialog, 2), ATELIER_IMPORT_FIELD_NONE);
  run_step (f, "import.check");
  g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "checked");
  run_step (f, "import.run");
  g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "done");
  g_assert_cmpuint (count_customers (f), ==, 4);
}

static void
test_bad_row_real_run (Fixture *f, gconstpointer data)
{
  g_autoptr(AtelierCustomer) before = atelier_customer_new ("Bruno", "Avant");
  g_autoptr(AtelierCustomer) after = NULL;
  const AtelierImportReport *report;

  g_object_set (before, "email", "bruno@example.org", NULL);
  g_assert_true (atelier_store_add_customer (f->store.store, before, NULL));

  /* Bruno would be updated, Carla is rejected: nothing changes. */
  open_dialog (f, "customers-bad-row.csv");
  run_step (f, "import.check");
  report = atelier_import_dialog_get_report (f->dialog);
  g_assert_cmpuint (report->n_rejected, ==, 1);
  g_assert_cmpuint (report->n_updated, ==, 1);
  g_assert_cmpuint (count_customers (f), ==, 1);
  after = find_by_email (f, "bruno@example.org");
  g_assert_cmpstr (atelier_customer_get_family_name (after), ==, "Avant");
}

static void
test_change_mapping (Fixture *f, gconstpointer data)
{
  g_autoptr(AtelierCustomer) ines = NULL;
  AdwComboRow *notes;

  open_dialog (f, "customers-tab.tsv");
  notes = atelier_import_dialog_get_column_row (f->dialog, 4);
  g_assert_cmpuint (adw_combo_row_get_selected (notes), ==, ATELIER_IMPORT_FIELD_NOTE);

  /* The "Notes" column is read as needs instead. */
  adw_combo_row_set_selected (notes, ATELIER_IMPORT_FIELD_NEEDS);
  g_assert_cmpint (atelier_customer_import_get_field (atelier_import_dialog_get_import (f->dialog), 4),
                   ==, ATELIER_IMPORT_FIELD_NEEDS);
  /* And the phone is ignored. */
  adw_combo_row_set_selected (atelier_import_dialog_get_column_row (f->dialog, 3), ATELIER_IMPORT_FIELD_NONE);

  run_step (f, "import.check");
  g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "checked");
  run_step (f, "import.run");
  g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "done");

  ines = find_by_email (f, "ines@example.net");
  g_assert_nonnull (ines);
  g_assert_cmpstr (atelier_customer_get_needs (ines), ==, "Prefers mornings, weekends");
  g_assert_cmpstr (atelier_customer_get_note (ines) ? atelier_customer_get_note (ines) : "", ==, "");
  g_assert_null (atelier_customer_get_phone (ines));
}

static void
test_missing_columns (Fixture *f, gconstpointer data)
{
  open_dialog (f, "customers-missing-columns.csv");
  g_assert_cmpuint (adw_combo_row_get_selected (atelier_import_dialog_get_column_row (f->dialog, 0)),
                    ==, ATELIER_IMPORT_FIELD_FULL_NAME);
  run_step (f, "import.check");
  run_step (f, "import.run");
  g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "done");
  g_assert_cmpuint (count_customers (f), ==, 3);
}

static void
test_unreadable (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->store.dir, "utf16.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const char utf16[] = "\xff\xfeN\0a\0m\0e\0\r\0\n\0";

  g_assert_true (g_file_set_contents (path, utf16, sizeof utf16 - 1, NULL));
  f->dialog = ATELIER_IMPORT_DIALOG (atelier_import_dialog_new (NULL, f->store.store, file));
  g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "error");
  g_assert_nonnull (strstr (atelier_import_dialog_get_message (f->dialog), "UTF-16"));
  g_assert_null (atelier_import_dialog_get_import (f->dialog));
  gtk_window_destroy (GTK_WINDOW (f->dialog));

  g_clear_object (&file);
  file = g_file_new_for_path ("/nonexistent/customers.csv");
  f->dialog = ATELIER_IMPORT_DIALOG (atelier_import_dialog_new (NULL, f->store.store, file));
  g_assert_cmpstr (atelier_import_dialog_get_step (f->dialog), ==, "error");
  g_assert_nonnull (strstr (atelier_import_dialog_get_message (f->dialog), "customers.csv"));
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display for the import dialog tests\n");
      return 0;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/import-dialog/guess-mapping", test_guess_mapping);
  ADD_TEST ("/atelier/import-dialog/whole-column-names", test_whole_column_names);
  ADD_TEST ("/atelier/import-dialog/separators-and-encodings", test_separators_and_encodings);
  ADD_TEST ("/atelier/import-dialog/check-then-import", test_check_then_import);
  ADD_TEST ("/atelier/import-dialog/bad-row", test_bad_row);
  ADD_TEST ("/atelier/import-dialog/bad-row-store-unchanged", test_bad_row_real_run);
  ADD_TEST ("/atelier/import-dialog/change-mapping", test_change_mapping);
  ADD_TEST ("/atelier/import-dialog/missing-columns", test_missing_columns);
  ADD_TEST ("/atelier/import-dialog/unreadable", test_unreadable);

#undef ADD_TEST

  return g_test_run ();
}
