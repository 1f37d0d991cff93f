/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-capacity-dialog.c: changing a session's capacity, built alone
 * with a store */
#define G_LOG_DOMAIN "test-capacity-dialog"

#include "config.h"

#include <adwaita.h>

#include "atelier-capacity-dialog.h"
#include "test-session-util.h"
#include "test-ui-util.h"

typedef struct
{
  TestStore              store;
  gint64                 workshop_id;
  AtelierCapacityDialog *dialog;
  int                    n_changed;
  int                    capacity_changed;
  guint                  n_promoted;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_store_setup (&fixture->store, data);
  fixture->workshop_id = test_add_workshop (fixture->store.store, "Risotto", "Chef Anne");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_clear_object (&fixture->dialog);
  test_store_teardown (&fixture->store, data);
}

static void
on_capacity_changed_cb (AtelierCapacityDialog *dialog,
                        int                    capacity,
                        GListModel            *promoted,
                        Fixture               *fixture)
{
  fixture->n_changed++;
  fixture->capacity_changed = capacity;
  fixture->n_promoted = promoted != NULL ? g_list_model_get_n_items (promoted) : 0;
}

static void
open_dialog (Fixture *fixture,
             gint64   session_id)
{
  fixture->dialog = g_object_ref (ATELIER_CAPACITY_DIALOG (atelier_capacity_dialog_new (NULL, fixture->store.store,
                                                                                        session_id)));
  g_signal_connect (fixture->dialog, "capacity-changed", G_CALLBACK (on_capacity_changed_cb), fixture);
  gtk_window_present (GTK_WINDOW (fixture->dialog));
}

static GtkSpinButton *
spin_button (Fixture *fixture)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (fixture->dialog), GTK_TYPE_SPIN_BUTTON, found);
  g_assert_cmpuint (found->len, ==, 1);
  return found->pdata[0];
}

static int
stored_capacity (Fixture *fixture,
                 gint64   session_id)
{
  g_autoptr(AtelierSession) session = test_get_session (fixture->store.store, session_id);

  return atelier_session_get_capacity (session);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = test_add_session (store, fixture->workshop_id, 48, 10, "Europe/Paris");
  g_autoptr(AtelierRegistration) ada = test_sign_up (store, session, "Ada", 7, ATELIER_REGISTRATION_CONFIRMED);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkLabel *error_label;

  open_dialog (fixture, session);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->dialog)), ==, "Change Capacity");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_button (fixture)), ==, 10);
  /* One types the new capacity at once. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->dialog)),
                                         GTK_WIDGET (spin_button (fixture))));
  test_collect_widgets (GTK_WIDGET (fixture->dialog), ADW_TYPE_ACTION_ROW, rows);
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==, "7 of 10 seats taken");

  /* Below the seats taken: the error shows, nothing changes. */
  gtk_spin_button_set_value (spin_button (fixture), 5);
  g_signal_emit_by_name (test_find_button (GTK_WIDGET (fixture->dialog), "_Save"), "clicked");
  error_label = test_find_label_with_class (GTK_WIDGET (fixture->dialog), "error");
  g_assert_nonnull (error_label);
  g_assert_cmpstr (gtk_label_get_label (error_label), ==,
                   "7 seats are already taken; the capacity cannot be lower than that.");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (spin_button (fixture)), "error"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
  g_assert_cmpint (fixture->n_changed, ==, 0);
  g_assert_cmpint (stored_capacity (fixture, session), ==, 10);

  /* Another value clears the error. */
  gtk_spin_button_set_value (spin_button (fixture), 8);
  g_assert_null (test_find_label_with_class (GTK_WIDGET (fixture->dialog), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (spin_button (fixture)), "error"));
}

static void
test_saved (Fixture       *fixture,
            gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 session = test_add_session (store, fixture->workshop_id, 48, 4, "Europe/Paris");
  g_autoptr(AtelierRegistration) ada = test_sign_up (store, session, "Ada", 3, ATELIER_REGISTRATION_CONFIRMED);
  g_autoptr(AtelierRegistration) berthe = test_sign_up (store, session, "Berthe", 2, ATELIER_REGISTRATION_WAITLISTED);
  g_autoptr(AtelierRegistration) berthe_after = NULL;

  open_dialog (fixture, session);
  gtk_spin_button_set_value (spin_button (fixture), 6);
  g_signal_emit_by_name (test_find_button (GTK_WIDGET (fixture->dialog), "_Save"), "clicked");

  /* Saved, the waiting party confirmed, the opener told, the dialog gone. */
  g_assert_cmpint (stored_capacity (fixture, session), ==, 6);
  berthe_after = test_get_registration (store, atelier_registration_get_id (berthe));
  g_assert_cmpstr (atelier_registration_get_status (berthe_after), ==, ATELIER_REGISTRATION_CONFIRMED);
  g_assert_cmpint (fixture->n_changed, ==, 1);
  g_assert_cmpint (fixture->capacity_changed, ==, 6);
  g_assert_cmpuint (fixture->n_promoted, ==, 1);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display for the capacity dialog tests\n");
      return 0;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/capacity-dialog/refused", test_refused);
  ADD_TEST ("/atelier/capacity-dialog/saved", test_saved);

#undef ADD_TEST

  return g_test_run ();
}
