/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-customer-editor.c: the customer form, built alone with a store */
#define G_LOG_DOMAIN "test-customer-editor"

#include "config.h"

#include <adwaita.h>

#include "atelier-customer-editor.h"
#include "atelier-tags.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  TestStore              store;
  GtkWindow             *window;
  AtelierCustomerEditor *editor;
  guint                  n_saved;
  gint64                 saved_id;
} Fixture;

static gint64
add_customer (AtelierStore *store,
              const char   *given_name,
              const char   *email,
              const char   *phone)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, "Martin");
  g_autoptr(GError) error = NULL;

  g_object_set (customer, "email", email, "phone", phone, NULL);
  g_assert_true (atelier_store_add_customer (store, customer, &error));
  g_assert_no_error (error);
  return atelier_customer_get_id (customer);
}

static void
iterate (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static GtkWidget *
find_row (Fixture    *fixture,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (fixture->editor), ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  return NULL;
}

static void
set_row_text (Fixture    *fixture,
              const char *title,
              const char *text)
{
  GtkWidget *row = find_row (fixture, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The error shown above the form, or NULL */
static const char *
shown_error (Fixture *fixture)
{
  GtkLabel *label = test_find_label_with_class (GTK_WIDGET (fixture->editor), "error");

  return label != NULL ? gtk_label_get_text (label) : NULL;
}

static void
on_saved_cb (AtelierCustomerEditor *editor,
             AtelierCustomer       *customer,
             Fixture               *fixture)
{
  fixture->n_saved++;
  fixture->saved_id = atelier_customer_get_id (customer);
}

static void
show_editor (Fixture *fixture,
             gint64   customer_id)
{
  g_autoptr(AtelierCustomer) customer = NULL;

  if (customer_id != 0)
    customer = atelier_store_get_customer (fixture->store.store, customer_id, NULL);
  /* Built with a store, the form is ready for a new customer */
  fixture->editor = ATELIER_CUSTOMER_EDITOR (atelier_customer_editor_new (fixture->store.store));
  if (customer != NULL)
    atelier_customer_editor_load (fixture->editor, customer);
  g_signal_connect (fixture->editor, "saved", G_CALLBACK (on_saved_cb), fixture);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 600, 900);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
  iterate ();
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_store_setup (&fixture->store, data);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  iterate ();
  test_store_teardown (&fixture->store, data);
}

static guint
count_customers (AtelierStore *store)
{
  g_autoptr(GListModel) customers = atelier_store_list_customers (store, NULL);

  return g_list_model_get_n_items (customers);
}

/* A new customer: "How They First Came" is asked, saving writes them
 * and says so. */
static void
test_new_customer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(AtelierCustomer) saved = NULL;
  GtkWidget *first_came;

  show_editor (fixture, 0);
  g_assert_null (atelier_customer_editor_get_customer (fixture->editor));
  first_came = find_row (fixture, "How They First Came");
  g_assert_true (ADW_IS_COMBO_ROW (first_came));
  adw_combo_row_set_selected (ADW_COMBO_ROW (first_came), 1);
  set_row_text (fixture, "_Given Name", "Zoé");
  set_row_text (fixture, "_E-mail", "zoe@example.com");

  g_assert_true (atelier_customer_editor_save (fixture->editor));
  g_assert_cmpuint (fixture->n_saved, ==, 1);
  g_assert_cmpint (fixture->saved_id, !=, 0);
  g_assert_nonnull (atelier_customer_editor_get_customer (fixture->editor));
  saved = atelier_store_get_customer (fixture->store.store, fixture->saved_id, NULL);
  g_assert_cmpstr (atelier_customer_get_given_name (saved), ==, "Zoé");
  g_assert_cmpstr (atelier_customer_get_first_came (saved), ==, ATELIER_CUSTOMER_CAME_WALK_IN);

  /* Saving again changes that customer, it adds none. */
  set_row_text (fixture, "_Family Name", "Martin");
  g_assert_true (atelier_customer_editor_save (fixture->editor));
  g_assert_cmpuint (count_customers (fixture->store.store), ==, 1);
}

/* An existing customer: the form shows them, without "How They First
 * Came", and their interests ticked among the store's. */
static void
test_load_existing (Fixture       *fixture,
                    gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 zoe = add_customer (store, "Zoé", "zoe@example.com", NULL);
  GtkWidget *toggle;

  g_assert_true (atelier_tags_add (store, "vin", NULL));
  g_assert_true (atelier_tags_add (store, "cuisine", NULL));
  g_assert_true (atelier_tags_set_for_customer (store, zoe, (const char *[]) { "vin", NULL }, NULL));

  show_editor (fixture, zoe);
  g_assert_null (find_row (fixture, "How They First Came"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (fixture, "_Given Name"))), ==, "Zoé");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (fixture, "_E-mail"))), ==, "zoe@example.com");
  toggle = test_find_button (GTK_WIDGET (fixture->editor), "vin");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  toggle = test_find_button (GTK_WIDGET (fixture->editor), "cuisine");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));
  /* Filling the form is no typing: no duplicate offered */
  g_assert_null (test_find_label (GTK_WIDGET (fixture->editor), "Zoé Martin already has this e-mail address."));

  /* Untick one, add a new one: saved as shown */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  set_row_text (fixture, "_New Interest", "pâtisserie");
  g_signal_emit_by_name (find_row (fixture, "_New Interest"), "apply");
  g_assert_true (atelier_customer_editor_save (fixture->editor));
  {
    g_auto(GStrv) tags = atelier_tags_for_customer (store, zoe, NULL);

    g_assert_cmpuint (g_strv_length (tags), ==, 3);
    g_assert_true (g_strv_contains ((const char * const *) tags, "pâtisserie"));
  }
}

/* The contact details follow the core's rule, as an import does: a bad
 * phone number or language is refused, its field marked, nothing written. */
static void
test_contact_rule (Fixture       *fixture,
                   gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 zoe = add_customer (store, "Zoé", "zoe@example.com", NULL);
  g_autoptr(AtelierCustomer) saved = NULL;
  GtkWidget *phone_row, *language_row, *email_row;

  show_editor (fixture, zoe);
  phone_row = find_row (fixture, "_Phone");
  language_row = find_row (fixture, "Preferred _Language");
  email_row = find_row (fixture, "_E-mail");

  gtk_editable_set_text (GTK_EDITABLE (phone_row), "12");
  g_assert_false (atelier_customer_editor_save (fixture->editor));
  g_assert_true (gtk_widget_has_css_class (phone_row, "error"));
  g_assert_nonnull (strstr (shown_error (fixture), "“12” is not a phone number"));

  gtk_editable_set_text (GTK_EDITABLE (phone_row), "06 12 34 56 78");
  gtk_editable_set_text (GTK_EDITABLE (language_row), "klingon");
  g_assert_false (atelier_customer_editor_save (fixture->editor));
  g_assert_false (gtk_widget_has_css_class (phone_row, "error"));
  g_assert_true (gtk_widget_has_css_class (language_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (language_row), "");
  gtk_editable_set_text (GTK_EDITABLE (email_row), "zoe@");
  g_assert_false (atelier_customer_editor_save (fixture->editor));
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  g_assert_cmpuint (fixture->n_saved, ==, 0);

  saved = atelier_store_get_customer (store, zoe, NULL);
  g_assert_null (atelier_customer_get_phone (saved));
  g_assert_cmpstr (atelier_customer_get_email (saved), ==, "zoe@example.com");

  /* Put right, it saves */
  gtk_editable_set_text (GTK_EDITABLE (email_row), "zoe@example.org");
  g_assert_true (atelier_customer_editor_save (fixture->editor));
  g_assert_null (shown_error (fixture));
  g_assert_cmpuint (fixture->n_saved, ==, 1);
}

/* Someone has the phone typed: the banner says who; saving stops there
 * once, "Create Anyway" writes. */
static void
test_duplicate_banner (Fixture       *fixture,
                       gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  GtkWidget *anyway;

  add_customer (store, "Zoé", NULL, "06 12 34 56 78");
  show_editor (fixture, 0);
  set_row_text (fixture, "_Given Name", "Zoe");
  set_row_text (fixture, "_Phone", "0612345678");
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->editor), "Zoé Martin already has this phone number."));

  g_assert_false (atelier_customer_editor_save (fixture->editor));
  g_assert_cmpuint (count_customers (store), ==, 1);
  g_assert_cmpuint (fixture->n_saved, ==, 0);

  anyway = test_find_button (GTK_WIDGET (fixture->editor), "Create _Anyway");
  g_signal_emit_by_name (anyway, "clicked");
  g_assert_cmpuint (count_customers (store), ==, 2);
  g_assert_cmpuint (fixture->n_saved, ==, 1);
}

/* Loading again drops what was typed and the error shown. */
static void
test_load_resets (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 zoe = add_customer (fixture->store.store, "Zoé", NULL, NULL);
  g_autoptr(AtelierCustomer) customer = atelier_store_get_customer (fixture->store.store, zoe, NULL);

  show_editor (fixture, zoe);
  set_row_text (fixture, "_Given Name", "");
  set_row_text (fixture, "_Family Name", "");
  g_assert_false (atelier_customer_editor_save (fixture->editor));
  g_assert_cmpstr (shown_error (fixture), ==, "A customer needs a name.");

  atelier_customer_editor_load (fixture->editor, customer);
  g_assert_null (shown_error (fixture));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (fixture, "_Given Name"))), ==, "Zoé");
  g_assert_false (gtk_widget_has_css_class (find_row (fixture, "_Given Name"), "error"));
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/customer-editor/new-customer", test_new_customer);
  ADD_TEST ("/atelier/customer-editor/load-existing", test_load_existing);
  ADD_TEST ("/atelier/customer-editor/contact-rule", test_contact_rule);
  ADD_TEST ("/atelier/customer-editor/duplicate-banner", test_duplicate_banner);
  ADD_TEST ("/atelier/customer-editor/load-resets", test_load_resets);

  return g_test_run ();
}
