/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-signup-dialog.c: signing a customer up, found as one types or new */
#define G_LOG_DOMAIN "test-signup-dialog"

#include "config.h"

#include <adwaita.h>

#include "atelier-booking.h"
#include "atelier-signup-dialog.h"
#include "test-ui-util.h"
#include "test-util.h"

/* How long a test waits for the search to answer. */
#define WAIT_TIMEOUT_SECONDS 10

typedef struct
{
  TestStore            store;
  gint64               session_id;
  gint64               zoe;
  gint64               paul;
  AtelierSignupDialog *dialog;
} Fixture;

/* Store helpers */

static gint64
add_customer (AtelierStore *store,
              const char   *given_name,
              const char   *family_name,
              const char   *email)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, family_name);
  g_autoptr(GError) error = NULL;

  g_object_set (customer, "email", email, NULL);
  g_assert_true (atelier_store_add_customer (store, customer, &error));
  g_assert_no_error (error);
  return atelier_customer_get_id (customer);
}

static gint64
add_session (AtelierStore *store,
             int           capacity)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, 2);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
  session = atelier_session_new (atelier_workshop_get_id (workshop), starts, ends, "Europe/Paris");
  g_object_set (session, "capacity", capacity, "place", "Kitchen", NULL);
  g_assert_true (atelier_store_add_session (store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static void
sign_up_existing (Fixture    *fixture,
                  gint64      customer_id,
                  int         party_size,
                  const char *expected_status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierCustomer) customer = atelier_store_get_customer (fixture->store.store, customer_id, &error);
  g_autoptr(AtelierRegistration) registration = NULL;

  g_assert_no_error (error);
  registration = atelier_booking_sign_up (fixture->store.store, fixture->session_id, customer,
                                          party_size, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_registration_get_status (registration), ==, expected_status);
}

static guint
count_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);

  g_object_unref (model);
  return n;
}

static guint
count_customers (AtelierStore *store)
{
  return count_items (atelier_store_list_customers (store, NULL));
}

static guint
count_registrations (AtelierStore *store,
                     gint64        session_id)
{
  return count_items (atelier_store_list_registrations (store, session_id, NULL));
}

/* Widget helpers */

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  test_collect_widgets (root, type, found);
  g_assert_cmpuint (found->len, >=, 1);
  return found->pdata[0];
}

static GtkEditable *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  test_collect_widgets (root, ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_error ("No entry row titled %s", title);
  return NULL;
}

static GListModel *
results (Fixture *fixture)
{
  GtkWidget *list_view = find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_LIST_VIEW);

  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
has_n_results (Fixture *fixture,
               guint    n)
{
  return g_list_model_get_n_items (results (fixture)) == n;
}

/* Types @text in the search entry and waits for @n results. */
static void
search (Fixture    *fixture,
        const char *text,
        guint       n)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_SEARCH_ENTRY);
  gboolean timed_out = FALSE;
  guint timeout;

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  timeout = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);
  /* The search waits for typing to pause; give it that pause. */
  while (!timed_out && !(has_n_results (fixture, n) && !g_main_context_pending (NULL)))
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  g_assert_cmpuint (g_list_model_get_n_items (results (fixture)), ==, n);
}

static char *
result_name (Fixture *fixture,
             guint    position)
{
  g_autoptr(AtelierCustomer) customer = g_list_model_get_item (results (fixture), position);

  return atelier_customer_dup_full_name (customer);
}

static void
press_enter_in_search (Fixture *fixture)
{
  GtkWidget *entry = find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_SEARCH_ENTRY);

  g_signal_emit_by_name (entry, "activate");
}

static GtkWidget *
sign_up_button (Fixture *fixture)
{
  return test_find_button (GTK_WIDGET (fixture->dialog), "_Sign Up");
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static AdwStatusPage *
result_page (Fixture *fixture)
{
  AdwStatusPage *page = ADW_STATUS_PAGE (find_widget (GTK_WIDGET (fixture->dialog), ADW_TYPE_STATUS_PAGE));

  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (page)));
  return page;
}

static void
show_dialog (Fixture *fixture)
{
  fixture->dialog = ATELIER_SIGNUP_DIALOG (atelier_signup_dialog_new (NULL, fixture->store.store,
                                                                      fixture->session_id));
  gtk_window_present (GTK_WINDOW (fixture->dialog));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->dialog));
}

/* Fixture */

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  AtelierStore *store;

  test_store_setup (&fixture->store, data);
  store = fixture->store.store;
  fixture->session_id = add_session (store, GPOINTER_TO_INT (data) ? GPOINTER_TO_INT (data) : 6);
  fixture->zoe = add_customer (store, "Zoé", "Martin", "zoe.martin@example.com");
  fixture->paul = add_customer (store, "Paul", "Durand", "paul@example.com");
  add_customer (store, "Zoltan", "Kiss", NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  fixture->dialog = NULL;
  test_store_teardown (&fixture->store, data);
}

/* Tests */

static void
test_search_and_sign_up (Fixture       *fixture,
                         gconstpointer  data)
{
  AtelierRegistration *registration;
  g_autofree char *name = NULL;
  GtkWidget *spin;

  show_dialog (fixture);
  g_assert_false (gtk_widget_is_sensitive (sign_up_button (fixture)));

  /* "zo" finds Zoé and Zoltan; "zoe" only Zoé, accent or not. */
  search (fixture, "zo", 2);
  search (fixture, "zoe", 1);
  name = result_name (fixture, 0);
  g_assert_cmpstr (name, ==, "Zoé Martin");
  g_assert_false (gtk_widget_is_sensitive (sign_up_button (fixture)));

  /* Enter chooses the first result and moves on to the party size. */
  press_enter_in_search (fixture);
  g_assert_true (gtk_widget_is_sensitive (sign_up_button (fixture)));
  spin = find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2);
  gtk_editable_set_text (find_entry_row (GTK_WIDGET (fixture->dialog), "N_ote"), "Vegetarian");
  click (sign_up_button (fixture));

  registration = atelier_signup_dialog_get_registration (fixture->dialog);
  g_assert_nonnull (registration);
  g_assert_cmpint (atelier_registration_get_customer_id (registration), ==, fixture->zoe);
  g_assert_cmpstr (atelier_registration_get_status (registration), ==, ATELIER_REGISTRATION_CONFIRMED);
  g_assert_cmpint (atelier_registration_get_party_size (registration), ==, 2);
  g_assert_cmpstr (atelier_registration_get_note (registration), ==, "Vegetarian");
  g_assert_cmpuint (count_registrations (fixture->store.store, fixture->session_id), ==, 1);

  g_assert_cmpstr (adw_status_page_get_title (result_page (fixture)), ==, "Confirmed");
  g_assert_cmpstr (adw_status_page_get_description (result_page (fixture)), ==,
                   "Zoé Martin is confirmed (party of 2).");
  g_assert_true (gtk_widget_is_visible (test_find_button (GTK_WIDGET (fixture->dialog), "_Done")));
  g_assert_false (gtk_widget_is_visible (sign_up_button (fixture)));
}

/* Presses @keyval in @widget as its key controllers see it. */
static void
send_key (GtkWidget *widget,
          guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller)
          && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

/* Typing right after the dialog opens goes to the search. */
static void
test_starts_in_search (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *entry;
  GtkWidget *focus;

  show_dialog (fixture);
  entry = find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_SEARCH_ENTRY);
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->dialog));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
test_arrow_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *entry;
  GtkSingleSelection *selection;

  show_dialog (fixture);
  search (fixture, "zo", 2);
  entry = find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_SEARCH_ENTRY);
  gtk_widget_grab_focus (entry);
  selection = GTK_SINGLE_SELECTION (results (fixture));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);

  send_key (entry, GDK_KEY_Down);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  send_key (entry, GDK_KEY_Down);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  send_key (entry, GDK_KEY_Up);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (sign_up_button (fixture)));
}

static void
test_waiting_list (Fixture       *fixture,
                   gconstpointer  data)
{
  AtelierRegistration *registration;

  /* Capacity 2: Paul's party fills it, someone already waits. */
  sign_up_existing (fixture, fixture->paul, 2, ATELIER_REGISTRATION_CONFIRMED);
  sign_up_existing (fixture, add_customer (fixture->store.store, "Ada", "Test", NULL), 1,
                    ATELIER_REGISTRATION_WAITLISTED);

  show_dialog (fixture);
  search (fixture, "martin", 1);
  press_enter_in_search (fixture);
  click (sign_up_button (fixture));

  registration = atelier_signup_dialog_get_registration (fixture->dialog);
  g_assert_cmpstr (atelier_registration_get_status (registration), ==, ATELIER_REGISTRATION_WAITLISTED);
  g_assert_cmpint (atelier_registration_get_waitlist_position (registration), ==, 2);
  g_assert_cmpstr (adw_status_page_get_title (result_page (fixture)), ==, "On the Waiting List");
  g_assert_cmpstr (adw_status_page_get_description (result_page (fixture)), ==,
                   "The session is full: Zoé Martin is on the waiting list, position 2.");
}

static void
test_not_enough_seats (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *spin;

  /* Capacity 2, one seat taken, a party of 2 waits. */
  sign_up_existing (fixture, fixture->paul, 1, ATELIER_REGISTRATION_CONFIRMED);

  show_dialog (fixture);
  search (fixture, "zoe", 1);
  press_enter_in_search (fixture);
  spin = find_widget (GTK_WIDGET (fixture->dialog), GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2);
  click (sign_up_button (fixture));

  g_assert_cmpstr (adw_status_page_get_description (result_page (fixture)), ==,
                   "Only 1 seat is left, not enough for a party of 2: Zoé Martin is on the waiting list, position 1.");
}

static void
test_new_customer (Fixture       *fixture,
                   gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  GtkWidget *dialog;
  GtkEditable *email;
  GtkLabel *hint;
  AtelierRegistration *registration;
  g_autoptr(AtelierCustomer) customer = NULL;
  guint n_customers = count_customers (store);

  show_dialog (fixture);
  dialog = GTK_WIDGET (fixture->dialog);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_find_button (dialog, "_New Customer")), TRUE);
  g_assert_false (gtk_widget_is_sensitive (sign_up_button (fixture)));
  g_assert_nonnull (strstr (gtk_label_get_label (test_find_label_with_class (dialog, "caption")),
                            "A name is required"));

  gtk_editable_set_text (find_entry_row (dialog, "_Given Name"), "Léa");
  gtk_editable_set_text (find_entry_row (dialog, "F_amily Name"), "Roux");
  g_assert_true (gtk_widget_is_sensitive (sign_up_button (fixture)));

  /* A bad address is caught before anything is written. */
  email = find_entry_row (dialog, "_E-mail");
  gtk_editable_set_text (email, "lea.roux");
  g_assert_false (gtk_widget_is_sensitive (sign_up_button (fixture)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (email), "error"));
  hint = test_find_label_with_class (dialog, "caption");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (hint), "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (hint), "does not look right"));

  gtk_editable_set_text (email, "lea.roux@example.com");
  gtk_editable_set_text (find_entry_row (dialog, "_Phone"), "06 12 34 56 78");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (email), "error"));
  click (sign_up_button (fixture));

  registration = atelier_signup_dialog_get_registration (fixture->dialog);
  g_assert_nonnull (registration);
  g_assert_cmpstr (atelier_registration_get_status (registration), ==, ATELIER_REGISTRATION_CONFIRMED);
  g_assert_cmpuint (count_customers (store), ==, n_customers + 1);
  customer = atelier_store_get_customer (store, atelier_registration_get_customer_id (registration), NULL);
  g_assert_cmpstr (atelier_customer_get_given_name (customer), ==, "Léa");
  g_assert_cmpstr (atelier_customer_get_family_name (customer), ==, "Roux");
  g_assert_cmpstr (atelier_customer_get_email (customer), ==, "lea.roux@example.com");
  g_assert_cmpstr (atelier_customer_get_phone (customer), ==, "06 12 34 56 78");
  g_assert_cmpstr (adw_status_page_get_description (result_page (fixture)), ==, "Léa Roux is confirmed.");
}

/* The form asks the core's contact rule: a phone it refuses is named
 * under the form, the row marked, and nothing can be signed up. */
static void
test_new_customer_bad_phone (Fixture       *fixture,
                             gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  guint n_customers = count_customers (store);
  GtkWidget *dialog;
  GtkEditable *phone;
  GtkLabel *hint;

  show_dialog (fixture);
  dialog = GTK_WIDGET (fixture->dialog);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_find_button (dialog, "_New Customer")), TRUE);
  gtk_editable_set_text (find_entry_row (dialog, "_Given Name"), "Odd");
  gtk_editable_set_text (find_entry_row (dialog, "_E-mail"), "odd@example.org");
  phone = find_entry_row (dialog, "_Phone");
  gtk_editable_set_text (phone, "DROP TABLE");

  g_assert_false (gtk_widget_is_sensitive (sign_up_button (fixture)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (phone), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (find_entry_row (dialog, "_E-mail")), "error"));
  hint = test_find_label_with_class (dialog, "caption");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (hint), "error"));
  g_assert_nonnull (strstr (gtk_label_get_label (hint), "“DROP TABLE” is not a phone number"));
  g_assert_cmpuint (count_customers (store), ==, n_customers);

  gtk_editable_set_text (phone, "06 12 34 56 78");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (phone), "error"));
  g_assert_true (gtk_widget_is_sensitive (sign_up_button (fixture)));
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  GtkLabel *error_label;

  sign_up_existing (fixture, fixture->zoe, 1, ATELIER_REGISTRATION_CONFIRMED);

  show_dialog (fixture);
  search (fixture, "zo", 2);
  /* The session's own customers come first. */
  {
    g_autofree char *first = result_name (fixture, 0);

    g_assert_cmpstr (first, ==, "Zoé Martin");
  }
  press_enter_in_search (fixture);
  click (sign_up_button (fixture));

  g_assert_null (atelier_signup_dialog_get_registration (fixture->dialog));
  error_label = test_find_label_with_class (GTK_WIDGET (fixture->dialog), "error");
  g_assert_nonnull (error_label);
  g_assert_cmpstr (gtk_label_get_label (error_label), ==, "Zoé Martin is already signed up to this session.");
  g_assert_true (gtk_widget_is_visible (sign_up_button (fixture)));
  g_assert_cmpuint (count_registrations (store, fixture->session_id), ==, 1);
}

static void
test_new_customer_refused (Fixture       *fixture,
                           gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  GtkWidget *dialog;
  GtkLabel *error_label;
  g_autoptr(GError) error = NULL;
  guint n_customers = count_customers (store);

  show_dialog (fixture);
  /* Cancelled behind the dialog's back: the sign-up is refused, and the
   * new customer is not written either. */
  g_assert_true (atelier_booking_cancel_session (store, fixture->session_id, &error));
  g_assert_no_error (error);

  dialog = GTK_WIDGET (fixture->dialog);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_find_button (dialog, "_New Customer")), TRUE);
  gtk_editable_set_text (find_entry_row (dialog, "_Given Name"), "Léa");
  click (sign_up_button (fixture));
  error_label = test_find_label_with_class (dialog, "error");
  g_assert_nonnull (error_label);
  g_assert_cmpstr (gtk_label_get_label (error_label), ==, "This session is cancelled; nobody can sign up to it.");
  g_assert_cmpuint (count_customers (store), ==, n_customers);

  /* Trying again does not trip over the first attempt. */
  click (sign_up_button (fixture));
  g_assert_cmpuint (count_customers (store), ==, n_customers);
  g_assert_null (atelier_signup_dialog_get_registration (fixture->dialog));
}

static gboolean
has_registration (gpointer      fixture,
                  gconstpointer data)
{
  return atelier_signup_dialog_get_registration (((Fixture *) fixture)->dialog) != NULL;
}

/* Another process (an import) holds the store's write lock: the dialog
 * says it waits, keeps the form as typed, and signs up once the lock
 * frees, instead of freezing or failing. */
static void
test_waits_for_import (Fixture       *fixture,
                       gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  guint n_customers = count_customers (store);
  GtkWidget *dialog;
  GtkLabel *waiting;
  GtkSpinner *spinner;
  sqlite3 *other = NULL;

  show_dialog (fixture);
  dialog = GTK_WIDGET (fixture->dialog);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (test_find_button (dialog, "_New Customer")), TRUE);
  gtk_editable_set_text (find_entry_row (dialog, "_Given Name"), "Léa");
  gtk_editable_set_text (find_entry_row (dialog, "F_amily Name"), "Roux");

  g_assert_cmpint (sqlite3_open (fixture->store.path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  click (sign_up_button (fixture));

  /* Waiting, said at once; no error; the form as it was. */
  g_assert_null (atelier_signup_dialog_get_registration (fixture->dialog));
  waiting = test_find_label (dialog, "Waiting for an import to finish…");
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (waiting)));
  spinner = GTK_SPINNER (find_widget (dialog, GTK_TYPE_SPINNER));
  g_assert_true (gtk_spinner_get_spinning (spinner));
  g_assert_null (test_find_label_with_class (dialog, "error"));
  g_assert_false (gtk_widget_is_sensitive (sign_up_button (fixture)));
  g_assert_cmpstr (gtk_editable_get_text (find_entry_row (dialog, "_Given Name")), ==, "Léa");
  g_assert_cmpuint (count_customers (store), ==, n_customers);

  /* The import ends: the sign-up goes through. */
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  test_wait_until (has_registration, fixture, NULL, 60);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (waiting)));
  g_assert_false (gtk_spinner_get_spinning (spinner));
  g_assert_cmpuint (count_customers (store), ==, n_customers + 1);
  g_assert_cmpuint (count_registrations (store, fixture->session_id), ==, 1);
  g_assert_cmpstr (adw_status_page_get_description (result_page (fixture)), ==, "Léa Roux is confirmed.");
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      for (int i = 1; i < argc; i++)
        if (g_strcmp0 (argv[i], "--tap") == 0)
          {
            g_print ("1..0 # SKIP no display for the sign-up dialog tests\n");
            return 0;
          }
      g_printerr ("No display: skipping the sign-up dialog tests\n");
      return 77;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, capacity, func) \
  g_test_add (path, Fixture, GINT_TO_POINTER (capacity), fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/signup/search-and-sign-up", 6, test_search_and_sign_up);
  ADD_TEST ("/atelier/signup/starts-in-search", 6, test_starts_in_search);
  ADD_TEST ("/atelier/signup/arrow-keys", 6, test_arrow_keys);
  ADD_TEST ("/atelier/signup/waiting-list", 2, test_waiting_list);
  ADD_TEST ("/atelier/signup/not-enough-seats", 2, test_not_enough_seats);
  ADD_TEST ("/atelier/signup/new-customer", 6, test_new_customer);
  ADD_TEST ("/atelier/signup/duplicate", 6, test_duplicate);
  ADD_TEST ("/atelier/signup/new-customer-bad-phone", 6, test_new_customer_bad_phone);
  ADD_TEST ("/atelier/signup/new-customer-refused", 6, test_new_customer_refused);
  ADD_TEST ("/atelier/signup/waits-for-import", 6, test_waits_for_import);

#undef ADD_TEST

  return g_test_run ();
}
