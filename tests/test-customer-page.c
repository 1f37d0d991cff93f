/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-customer-page.c: one customer's page: profile, history, editor,
 * duplicates, personal data */
#define G_LOG_DOMAIN "test-customer-page"

#include "config.h"

#include <adwaita.h>

#include "atelier-booking.h"
#include "atelier-customer-page.h"
#include "atelier-privacy.h"
#include "atelier-signup-dialog.h"
#include "atelier-tags.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  TestStore            store;
  gint64               workshop_id;
  GtkWindow           *window;
  AtelierCustomerPage *page;
} Fixture;

/* Store helpers */

static gint64
add_session (AtelierStore *store,
             gint64        workshop_id,
             int           days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (workshop_id, starts, ends, "Europe/Paris");
  g_autoptr(GError) error = NULL;

  g_object_set (session, "capacity", 10, NULL);
  g_assert_true (atelier_store_add_session (store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static gint64
add_customer (AtelierStore *store,
              const char   *given_name,
              const char   *family_name,
              const char   *email)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, family_name);
  g_autoptr(GError) error = NULL;

  g_object_set (customer, "email", email, "note", "Aime les champignons", NULL);
  g_assert_true (atelier_store_add_customer (store, customer, &error));
  g_assert_no_error (error);
  return atelier_customer_get_id (customer);
}

/* A registration written as it stands (past sessions refuse sign-ups). */
static gint64
add_registration (AtelierStore *store,
                  gint64        session_id,
                  gint64        customer_id,
                  const char   *status,
                  gboolean      checked_in)
{
  g_autoptr(AtelierRegistration) registration = atelier_registration_new (session_id, customer_id, 1);
  g_autoptr(GError) error = NULL;

  g_object_set (registration,
                "status", status,
                "checked-in-at", checked_in ? g_get_real_time () / G_USEC_PER_SEC : (gint64) 0,
                "waitlist-position", g_str_equal (status, ATELIER_REGISTRATION_WAITLISTED) ? 1 : 0,
                NULL);
  g_assert_true (atelier_store_add_registration (store, registration, &error));
  g_assert_no_error (error);
  return atelier_registration_get_id (registration);
}

static guint
count_customers (AtelierStore *store)
{
  g_autoptr(GListModel) customers = atelier_store_list_customers (store, NULL);

  return g_list_model_get_n_items (customers);
}

/* Widget helpers */

/* Every label's text under @widget that is shown, one a line. */
static char *
shown_text (GtkWidget *widget)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  test_collect_widgets (widget, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (labels->pdata[i]))
      g_string_append_printf (text, "%s\n", gtk_label_get_text (labels->pdata[i]));
  return g_string_free (text, FALSE);
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  test_collect_widgets (widget, ADW_TYPE_PREFERENCES_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             GType       type,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  test_collect_widgets (widget, type, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  return NULL;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();

  test_collect_widgets (widget, GTK_TYPE_WIDGET, widgets);
  for (guint i = 0; i < widgets->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (widgets->pdata[i]), name) == 0)
      return widgets->pdata[i];
  return NULL;
}

/* The rows of a history group (its widget name), one a line: the session
 * the row opens, then the status shown at its end. */
static char *
history_rows (Fixture    *fixture,
              const char *group_name)
{
  GtkWidget *group = find_named (GTK_WIDGET (fixture->page), group_name);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  g_assert_nonnull (group);
  test_collect_widgets (group, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GVariant *target = gtk_actionable_get_action_target_value (rows->pdata[i]);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      g_assert_cmpstr (gtk_actionable_get_action_name (rows->pdata[i]), ==, "win.show-session");
      test_collect_widgets (rows->pdata[i], GTK_TYPE_LABEL, labels);
      /* The status is the row's suffix, its last label */
      g_string_append_printf (text, "%" G_GINT64_FORMAT " %s\n", g_variant_get_int64 (target),
                              gtk_label_get_text (labels->pdata[labels->len - 1]));
    }
  return g_string_free (text, FALSE);
}

static void
set_row_text (GtkWidget  *page,
              const char *title,
              const char *text)
{
  GtkWidget *row = find_row (page, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
iterate (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* Lets transitions (the duplicate banner's revealer) run to their end. */
static gboolean
set_done_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_toplevel (Fixture *fixture,
               GType    type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WIDGET (fixture->window) && g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }
  return NULL;
}

static void
show_page (Fixture *fixture,
           gint64   customer_id)
{
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());

  fixture->window = GTK_WINDOW (adw_window_new ());
  gtk_window_set_default_size (fixture->window, 720, 800);
  fixture->page = ATELIER_CUSTOMER_PAGE (atelier_customer_page_new (fixture->store.store, customer_id));
  adw_toast_overlay_set_child (overlay, GTK_WIDGET (fixture->page));
  adw_window_set_content (ADW_WINDOW (fixture->window), GTK_WIDGET (overlay));
  gtk_window_present (fixture->window);
  iterate ();
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes");

  test_store_setup (&fixture->store, data);
  g_object_set (workshop, "capacity", 10, "duration-minutes", 120, "category", "cuisine", NULL);
  g_assert_true (atelier_store_add_workshop (fixture->store.store, workshop, NULL));
  fixture->workshop_id = atelier_workshop_get_id (workshop);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *window;

  while ((window = find_toplevel (fixture, GTK_TYPE_WINDOW)) != NULL)
    gtk_window_destroy (GTK_WINDOW (window));
  if (fixture->window != NULL)
    gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  fixture->page = NULL;
  iterate ();
  test_store_teardown (&fixture->store, data);
}

/* Tests */

static void
test_profile_and_history (Fixture       *fixture,
                          gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 zoe = add_customer (store, "Zoé", "Martin", "zoe@example.com");
  gint64 other = add_customer (store, "Autre", "Personne", "autre@example.com");
  gint64 attended = add_session (store, fixture->workshop_id, -20);
  gint64 attended_again = add_session (store, fixture->workshop_id, -10);
  gint64 missed = add_session (store, fixture->workshop_id, -5);
  gint64 upcoming = add_session (store, fixture->workshop_id, 4);
  gint64 cancelled = add_session (store, fixture->workshop_id, 6);
  gint64 not_hers = add_session (store, fixture->workshop_id, 7);
  gint64 later = add_session (store, fixture->workshop_id, 9);
  g_autoptr(GListModel) registrations = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;
  g_autofree char *upcoming_rows = NULL;
  g_autofree char *past_rows = NULL;
  g_autofree char *expected_upcoming = NULL;
  g_autofree char *expected_past = NULL;

  add_registration (store, attended, zoe, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  add_registration (store, attended_again, zoe, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  add_registration (store, missed, zoe, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  add_registration (store, upcoming, zoe, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  add_registration (store, cancelled, zoe, ATELIER_REGISTRATION_CANCELLED, FALSE);
  add_registration (store, later, zoe, ATELIER_REGISTRATION_WAITLISTED, FALSE);
  add_registration (store, not_hers, other, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  add_registration (store, missed, other, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  g_assert_true (atelier_tags_set_for_customer (store, zoe, (const char *[]) { "vin", NULL }, NULL));

  show_page (fixture, zoe);
  g_assert_false (atelier_customer_page_get_editing (fixture->page));
  text = shown_text (GTK_WIDGET (fixture->page));

  g_assert_nonnull (strstr (text, "Zoé Martin"));
  g_assert_nonnull (strstr (text, "zoe@example.com"));
  g_assert_nonnull (strstr (text, "Aime les champignons"));
  g_assert_nonnull (strstr (text, "vin\n"));
  /* The summary card: 2 attended, 1 no-show, 2 upcoming */
  g_assert_nonnull (strstr (text, "2\nclasses attended"));
  g_assert_nonnull (strstr (text, "1\nno-show"));
  g_assert_nonnull (strstr (text, "2\nupcoming"));
  g_assert_nonnull (strstr (text, "Favourite: cuisine"));
  /* The history: her registrations only, soonest first ahead, most
   * recent first behind */
  g_assert_nonnull (strstr (text, "Risotto aux cèpes"));
  upcoming_rows = history_rows (fixture, "upcoming-classes");
  expected_upcoming = g_strdup_printf ("%" G_GINT64_FORMAT " Confirmed\n"
                                       "%" G_GINT64_FORMAT " Registration cancelled\n"
                                       "%" G_GINT64_FORMAT " Waiting list, position 1\n",
                                       upcoming, cancelled, later);
  g_assert_cmpstr (upcoming_rows, ==, expected_upcoming);
  past_rows = history_rows (fixture, "past-classes");
  expected_past = g_strdup_printf ("%" G_GINT64_FORMAT " Missed\n"
                                   "%" G_GINT64_FORMAT " Attended\n"
                                   "%" G_GINT64_FORMAT " Attended\n",
                                   missed, attended_again, attended);
  g_assert_cmpstr (past_rows, ==, expected_past);

  /* Sign up from the profile: the page follows */
  g_assert_true (atelier_customer_page_sign_up (fixture->page, add_session (store, fixture->workshop_id, 15)));
  iterate ();
  after = shown_text (GTK_WIDGET (fixture->page));
  g_assert_nonnull (strstr (after, "3\nupcoming"));
  g_assert_nonnull (strstr (after, "is signed up to Risotto aux cèpes"));
  g_clear_pointer (&upcoming_rows, g_free);
  upcoming_rows = history_rows (fixture, "upcoming-classes");
  g_assert_true (g_str_has_prefix (upcoming_rows, expected_upcoming));
  g_assert_true (g_str_has_suffix (upcoming_rows, " Confirmed\n"));
  g_assert_cmpuint (strlen (upcoming_rows), >, strlen (expected_upcoming));
  /* Signing up twice is refused, with the core's message in a toast */
  registrations = atelier_store_list_registrations (store, upcoming, NULL);
  g_assert_false (atelier_customer_page_sign_up (fixture->page, upcoming));
  g_assert_cmpuint (g_list_model_get_n_items (registrations), ==, 1);
}

/* With no registration, both groups say so. */
static void
test_no_history (Fixture       *fixture,
                 gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 other = add_customer (store, "Autre", "Personne", NULL);
  g_autofree char *upcoming_rows = NULL;
  g_autofree char *past_rows = NULL;
  GtkWidget *group;

  add_registration (store, add_session (store, fixture->workshop_id, -3), other,
                    ATELIER_REGISTRATION_CONFIRMED, TRUE);
  add_registration (store, add_session (store, fixture->workshop_id, 3), other,
                    ATELIER_REGISTRATION_CONFIRMED, FALSE);
  show_page (fixture, add_customer (store, "Nouvelle", "Venue", NULL));

  upcoming_rows = history_rows (fixture, "upcoming-classes");
  g_assert_cmpstr (upcoming_rows, ==, "");
  group = find_named (GTK_WIDGET (fixture->page), "upcoming-classes");
  g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                            "Not signed up to anything yet"));
  past_rows = history_rows (fixture, "past-classes");
  g_assert_cmpstr (past_rows, ==, "");
  group = find_named (GTK_WIDGET (fixture->page), "past-classes");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)), ==,
                   "No past classes.");
}

static void
test_first_class (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *text = NULL;

  show_page (fixture, add_customer (fixture->store.store, "Nouvelle", "Venue", NULL));
  text = shown_text (GTK_WIDGET (fixture->page));
  g_assert_nonnull (strstr (text, "First class yet to come"));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 zoe = add_customer (store, "Zoé", "Martin", "zoe@example.com");
  g_autoptr(AtelierCustomer) saved = NULL;
  g_auto(GStrv) tags = NULL;
  g_auto(GStrv) all = NULL;
  GtkWidget *toggle, *row, *consent;
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();

  /* The list may know them already (the workshops' categories) */
  atelier_tags_add (store, "vin", NULL);
  atelier_tags_add (store, "cuisine", NULL);
  show_page (fixture, zoe);

  atelier_customer_page_edit (fixture->page);
  g_assert_true (atelier_customer_page_get_editing (fixture->page));

  set_row_text (GTK_WIDGET (fixture->page), "_E-mail", "zoe.martin@example.org");
  set_row_text (GTK_WIDGET (fixture->page), "_Phone", "06 12 34 56 78");
  set_row_text (GTK_WIDGET (fixture->page), "Preferred _Language", "fr");
  set_row_text (GTK_WIDGET (fixture->page), "Dietary or Accessibility _Needs", "Sans gluten");
  set_row_text (GTK_WIDGET (fixture->page), "_Wording Consented To", "Je veux les nouvelles");
  test_collect_widgets (GTK_WIDGET (fixture->page), GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (views->pdata[0]), "Vient avec sa sœur", -1);
  test_collect_widgets (GTK_WIDGET (fixture->page), GTK_TYPE_SWITCH, switches);
  g_assert_cmpuint (switches->len, ==, 1);
  consent = switches->pdata[0];
  gtk_switch_set_active (GTK_SWITCH (consent), TRUE);

  /* Pick one interest of the list, add a new one */
  toggle = find_button (GTK_WIDGET (fixture->page), GTK_TYPE_TOGGLE_BUTTON, "vin");
  g_assert_nonnull (toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  row = find_row (GTK_WIDGET (fixture->page), "_New Interest");
  gtk_editable_set_text (GTK_EDITABLE (row), "pâtisserie");
  g_signal_emit_by_name (row, "apply");
  g_assert_nonnull (find_button (GTK_WIDGET (fixture->page), GTK_TYPE_TOGGLE_BUTTON, "pâtisserie"));

  g_assert_true (atelier_customer_page_save (fixture->page));
  g_assert_false (atelier_customer_page_get_editing (fixture->page));

  saved = atelier_store_get_customer (store, zoe, NULL);
  g_assert_cmpstr (atelier_customer_get_email (saved), ==, "zoe.martin@example.org");
  g_assert_cmpstr (atelier_customer_get_phone (saved), ==, "06 12 34 56 78");
  g_assert_cmpstr (atelier_customer_get_preferred_language (saved), ==, "fr");
  g_assert_cmpstr (atelier_customer_get_needs (saved), ==, "Sans gluten");
  g_assert_cmpstr (atelier_customer_get_note (saved), ==, "Vient avec sa sœur");
  g_assert_true (atelier_customer_get_consent (saved));
  g_assert_cmpint (atelier_customer_get_consent_at (saved), >, 0);
  g_assert_cmpstr (atelier_customer_get_consent_wording (saved), ==, "Je veux les nouvelles");
  g_assert_cmpstr (atelier_customer_get_given_name (saved), ==, "Zoé");

  tags = atelier_tags_for_customer (store, zoe, NULL);
  g_assert_true (g_strv_contains ((const char * const *) tags, "vin"));
  g_assert_true (g_strv_contains ((const char * const *) tags, "pâtisserie"));
  g_assert_false (g_strv_contains ((const char * const *) tags, "cuisine"));
  all = atelier_tags_list (store, NULL);
  g_assert_true (g_strv_contains ((const char * const *) all, "pâtisserie"));

  /* A name is required: the error shows, nothing is written */
  atelier_customer_page_edit (fixture->page);
  set_row_text (GTK_WIDGET (fixture->page), "_Given Name", "");
  set_row_text (GTK_WIDGET (fixture->page), "_Family Name", "");
  g_assert_false (atelier_customer_page_save (fixture->page));
  g_assert_true (atelier_customer_page_get_editing (fixture->page));
  g_clear_object (&saved);
  saved = atelier_store_get_customer (store, zoe, NULL);
  g_assert_cmpstr (atelier_customer_get_given_name (saved), ==, "Zoé");
}

static void
test_duplicate (Fixture       *fixture,
                gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 zoe = add_customer (store, "Zoé", "Martin", "zoe@example.com");
  g_autoptr(AtelierCustomer) created = NULL;
  g_autofree char *text = NULL;
  GtkWidget *anyway;

  show_page (fixture, 0);
  g_assert_true (atelier_customer_page_get_editing (fixture->page));
  g_assert_cmpint (atelier_customer_page_get_customer_id (fixture->page), ==, 0);

  set_row_text (GTK_WIDGET (fixture->page), "_Given Name", "Zoe");
  set_row_text (GTK_WIDGET (fixture->page), "_Family Name", "Martin");
  set_row_text (GTK_WIDGET (fixture->page), "_E-mail", "zoe@example.com");
  wait_ms (600);
  /* Offered live, as the address is typed */
  text = shown_text (GTK_WIDGET (fixture->page));
  g_assert_nonnull (strstr (text, "Zoé Martin already has this e-mail address."));
  g_assert_nonnull (find_button (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "_Open Existing"));

  /* Save stops at the offer: nothing is created */
  g_assert_false (atelier_customer_page_save (fixture->page));
  g_assert_cmpuint (count_customers (store), ==, 1);

  anyway = find_button (GTK_WIDGET (fixture->page), GTK_TYPE_BUTTON, "Create _Anyway");
  g_assert_nonnull (anyway);
  g_signal_emit_by_name (anyway, "clicked");
  g_assert_cmpuint (count_customers (store), ==, 2);
  g_assert_false (atelier_customer_page_get_editing (fixture->page));
  g_assert_cmpint (atelier_customer_page_get_customer_id (fixture->page), !=, 0);
  g_assert_cmpint (atelier_customer_page_get_customer_id (fixture->page), !=, zoe);
  created = atelier_store_get_customer (store, atelier_customer_page_get_customer_id (fixture->page), NULL);
  g_assert_cmpstr (atelier_customer_get_given_name (created), ==, "Zoe");
  g_assert_cmpstr (atelier_customer_get_first_came (created), ==, ATELIER_CUSTOMER_CAME_STORE);
}

static void
test_erase (Fixture       *fixture,
            gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 zoe = add_customer (store, "Zoé", "Martin", "zoe@example.com");
  gint64 session = add_session (store, fixture->workshop_id, 3);
  g_autoptr(AtelierCustomer) erased = NULL;
  g_autoptr(GListModel) registrations = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog;

  add_registration (store, session, zoe, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  show_page (fixture, zoe);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "customer.erase", NULL));
  iterate ();
  dialog = find_toplevel (fixture, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "cannot be undone"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "anonymous"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "erase");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();

  erased = atelier_store_get_customer (store, zoe, NULL);
  g_assert_nonnull (erased);
  g_assert_cmpint (atelier_customer_get_erased_at (erased), >, 0);
  g_assert_cmpstr (atelier_customer_get_given_name (erased), ==, "");
  g_assert_cmpstr (atelier_customer_get_family_name (erased), ==, "");
  g_assert_null (atelier_customer_get_email (erased));
  g_assert_cmpuint (count_customers (store), ==, 0);

  registrations = atelier_store_list_registrations (store, session, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (registrations), ==, 1);

  text = shown_text (GTK_WIDGET (fixture->page));
  g_assert_nonnull (strstr (text, "Personal Data Erased"));
  g_assert_null (strstr (text, "Zoé"));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 zoe = add_customer (store, "Zoé", "Martin", "zoe@example.com");
  g_autofree char *path = g_build_filename (fixture->store.dir, "Zoé Martin.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  add_registration (store, add_session (store, fixture->workshop_id, -3), zoe,
                    ATELIER_REGISTRATION_CONFIRMED, TRUE);
  show_page (fixture, zoe);

  g_assert_true (atelier_customer_page_export_to_file (fixture->page, file));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "zoe@example.com"));
  g_assert_nonnull (strstr (contents, "Risotto aux cèpes"));
}

/* The texts the chooser's rows show, one a line, each row's text
 * prefixed with "-" when it cannot be picked. */
static char *
chooser_rows (GtkWidget *list_view)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  test_collect_widgets (list_view, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (labels->pdata[i]))
      g_string_append_printf (text, "%s%s\n", gtk_widget_is_sensitive (labels->pdata[i]) ? "" : "-",
                              gtk_label_get_text (labels->pdata[i]));
  return g_string_free (text, FALSE);
}

/* Sign Up to a Session…: the chooser lists upcoming sessions, those the
 * customer is signed up to already greyed out. */
static void
test_sign_up_chooser (Fixture       *fixture,
                      gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 zoe = add_customer (store, "Zoé", "Martin", "zoe@example.com");
  gint64 taken = add_session (store, fixture->workshop_id, 3);
  gint64 free_session = add_session (store, fixture->workshop_id, 5);
  gint64 dropped = add_session (store, fixture->workshop_id, 6);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GListModel) registrations = NULL;
  g_autoptr(AtelierRegistration) registration = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *text = NULL;
  GtkSingleSelection *selection;
  AtelierSession *offered;
  GtkWidget *dialog;

  add_session (store, fixture->workshop_id, -2);
  g_assert_true (atelier_booking_cancel_session (store, add_session (store, fixture->workshop_id, 4), &error));
  g_assert_no_error (error);
  add_registration (store, taken, zoe, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  /* A cancelled registration does not keep them from signing up again */
  add_registration (store, dropped, zoe, ATELIER_REGISTRATION_CANCELLED, FALSE);
  show_page (fixture, zoe);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "customer.sign-up", NULL));
  iterate ();
  dialog = find_toplevel (fixture, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  test_collect_widgets (dialog, GTK_TYPE_LIST_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  /* The past and the cancelled sessions are not offered */
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (views->pdata[0]));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 3);
  offered = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  g_assert_cmpint (atelier_session_get_id (offered), ==, taken);
  g_object_unref (offered);
  offered = g_list_model_get_item (G_LIST_MODEL (selection), 2);
  g_assert_cmpint (atelier_session_get_id (offered), ==, dropped);
  g_object_unref (offered);
  rows = chooser_rows (views->pdata[0]);
  g_assert_true (g_str_has_prefix (rows, "-Risotto aux cèpes\n-"));
  g_assert_nonnull (strstr (rows, " · signed up already\nRisotto aux cèpes\n"));
  g_assert_nonnull (strstr (rows, " · 10 seats free\nRisotto aux cèpes\n"));
  g_assert_true (g_str_has_suffix (rows, " · 10 seats free\n"));

  /* Nothing picked, or the session they have: no sign-up */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-up"));
  gtk_single_selection_set_selected (selection, 0);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-up"));
  gtk_single_selection_set_selected (selection, 1);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "sign-up"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "sign-up");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();

  registrations = atelier_store_list_registrations (store, free_session, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (registrations), ==, 1);
  registration = g_list_model_get_item (registrations, 0);
  g_assert_cmpint (atelier_registration_get_customer_id (registration), ==, zoe);
  g_assert_cmpstr (atelier_registration_get_status (registration), ==, ATELIER_REGISTRATION_CONFIRMED);
  text = shown_text (GTK_WIDGET (fixture->page));
  g_assert_nonnull (strstr (text, "Zoé Martin is signed up to Risotto aux cèpes"));
}

/* Enter (or a double click) on a session signs up to it at once. */
static void
test_sign_up_chooser_activate (Fixture       *fixture,
                               gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 zoe = add_customer (store, "Zoé", "Martin", "zoe@example.com");
  gint64 session = add_session (store, fixture->workshop_id, 5);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  g_autoptr(GListModel) registrations = NULL;
  GtkWidget *dialog;

  show_page (fixture, zoe);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "customer.sign-up", NULL));
  iterate ();
  dialog = find_toplevel (fixture, ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  test_collect_widgets (dialog, GTK_TYPE_LIST_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  g_signal_emit_by_name (views->pdata[0], "activate", 0);
  iterate ();

  g_assert_null (find_toplevel (fixture, ADW_TYPE_MESSAGE_DIALOG));
  registrations = atelier_store_list_registrations (store, session, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (registrations), ==, 1);
}

/* With nothing ahead, a toast says so instead of an empty chooser. */
static void
test_sign_up_nothing_ahead (Fixture       *fixture,
                            gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  g_autofree char *text = NULL;

  add_session (store, fixture->workshop_id, -2);
  show_page (fixture, add_customer (store, "Zoé", "Martin", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "customer.sign-up", NULL));
  iterate ();
  g_assert_null (find_toplevel (fixture, ADW_TYPE_MESSAGE_DIALOG));
  text = shown_text (GTK_WIDGET (fixture->window));
  g_assert_nonnull (strstr (text, "There is no upcoming session to sign up to."));
}

/* The sign-up dialog's new-customer form says who has the address already. */
static void
test_signup_duplicate_hint (Fixture       *fixture,
                            gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = add_session (store, fixture->workshop_id, 3);
  GtkWidget *dialog, *new_toggle;
  g_autofree char *before = NULL;
  g_autofree char *text = NULL;
  gint64 zoe = add_customer (store, "Zoé", "Martin", "zoe@example.com");

  show_page (fixture, zoe);
  dialog = atelier_signup_dialog_new (fixture->window, store, session);
  gtk_window_present (GTK_WINDOW (dialog));
  iterate ();

  new_toggle = find_button (dialog, GTK_TYPE_TOGGLE_BUTTON, "_New Customer");
  g_assert_nonnull (new_toggle);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (new_toggle), TRUE);
  set_row_text (dialog, "_Given Name", "Zoe");
  before = shown_text (dialog);
  g_assert_null (strstr (before, "already has"));

  set_row_text (dialog, "_E-mail", "ZOE@example.com");
  iterate ();
  text = shown_text (dialog);
  g_assert_nonnull (strstr (text, "Zoé Martin already has this e-mail address"));

  set_row_text (dialog, "_E-mail", "");
  iterate ();
  g_free (text);
  text = shown_text (dialog);
  g_assert_null (strstr (text, "already has"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The rows of a history group that open a session */
static guint
count_session_rows (Fixture    *fixture,
                    const char *group_name)
{
  GtkWidget *group = find_named (GTK_WIDGET (fixture->page), group_name);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  g_assert_nonnull (group);
  test_collect_widgets (group, ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (rows->pdata[i]), "win.show-session") == 0)
      n++;
  return n;
}

/* A regular's profile shows the next and the latest classes; the whole
 * history is one click away, in a list that builds what shows. */
static void
test_long_history (Fixture       *fixture,
                   gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 regular = add_customer (store, "Zoé", "Martin", "zoe@example.com");
  gint64 latest = 0;
  GtkWidget *all_row;
  GtkWidget *history;
  GtkWidget *list_view;
  g_autofree char *history_text = NULL;

  for (int i = 1; i <= 30; i++)
    {
      gint64 session = add_session (store, fixture->workshop_id, -i);

      add_registration (store, session, regular, ATELIER_REGISTRATION_CONFIRMED, i % 3 != 0);
      if (i == 1)
        latest = session;
    }
  for (int i = 1; i <= 12; i++)
    add_registration (store, add_session (store, fixture->workshop_id, i), regular,
                      ATELIER_REGISTRATION_CONFIRMED, FALSE);

  show_page (fixture, regular);
  g_assert_cmpuint (count_session_rows (fixture, "upcoming-classes"), ==, 10);
  g_assert_cmpuint (count_session_rows (fixture, "past-classes"), ==, 10);
  /* The latest first */
  {
    GtkWidget *group = find_named (GTK_WIDGET (fixture->page), "past-classes");
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    test_collect_widgets (group, ADW_TYPE_ACTION_ROW, rows);
    g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (rows->pdata[0])), ==, latest);
  }

  all_row = find_named (find_named (GTK_WIDGET (fixture->page), "past-classes"), "all-classes");
  g_assert_nonnull (all_row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (all_row)), ==, "All 42 Classes");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (all_row)), ==, "customer.show-history");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "customer.show-history", NULL));
  history = find_toplevel (fixture, ADW_TYPE_WINDOW);
  g_assert_nonnull (history);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (history)), ==, "Classes");
  list_view = find_named (history, "history-list");
  g_assert_true (GTK_IS_LIST_VIEW (list_view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)))),
                    ==, 42);
  gtk_test_widget_wait_for_draw (history);
  /* Newest first: what is ahead comes first */
  history_text = shown_text (history);
  g_assert_nonnull (strstr (history_text, "Risotto aux cèpes\n"));
  g_assert_nonnull (strstr (history_text, "Confirmed\n"));
  gtk_window_destroy (GTK_WINDOW (history));
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

  ADD_TEST ("/atelier/customer-page/profile-and-history", test_profile_and_history);
  ADD_TEST ("/atelier/customer-page/no-history", test_no_history);
  ADD_TEST ("/atelier/customer-page/first-class", test_first_class);
  ADD_TEST ("/atelier/customer-page/edit", test_edit);
  ADD_TEST ("/atelier/customer-page/duplicate", test_duplicate);
  ADD_TEST ("/atelier/customer-page/erase", test_erase);
  ADD_TEST ("/atelier/customer-page/export", test_export);
  ADD_TEST ("/atelier/customer-page/sign-up-chooser", test_sign_up_chooser);
  ADD_TEST ("/atelier/customer-page/sign-up-chooser-activate", test_sign_up_chooser_activate);
  ADD_TEST ("/atelier/customer-page/sign-up-nothing-ahead", test_sign_up_nothing_ahead);
  ADD_TEST ("/atelier/customer-page/signup-duplicate-hint", test_signup_duplicate_hint);
  ADD_TEST ("/atelier/customer-page/long-history", test_long_history);

  return g_test_run ();
}
