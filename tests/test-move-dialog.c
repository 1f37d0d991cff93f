/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-move-dialog.c: moving a registration to another session, built
 * alone with a store */
#define G_LOG_DOMAIN "test-move-dialog"

#include "config.h"

#include <adwaita.h>

#include "atelier-move-dialog.h"
#include "test-session-util.h"
#include "test-ui-util.h"

typedef struct
{
  TestStore            store;
  gint64               workshop_id;
  gint64               session_id;
  gint64               other_id;
  AtelierRegistration *ada;
  AtelierMoveDialog   *dialog;
  int                  n_moved;
  AtelierRegistration *moved;
  gint64               target_id;
} Fixture;

/* Ada (party of 2) in a session two days ahead; another session the day
 * after with one seat left. A session that is over and one that is
 * cancelled are not offered. */
static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  AtelierStore *store;
  g_autoptr(AtelierRegistration) berthe = NULL;
  g_autoptr(GError) error = NULL;
  gint64 cancelled;

  test_store_setup (&fixture->store, data);
  store = fixture->store.store;
  fixture->workshop_id = test_add_workshop (store, "Risotto", "Chef Anne");
  fixture->session_id = test_add_session (store, fixture->workshop_id, 48, 4, "Europe/Paris");
  fixture->other_id = test_add_session (store, fixture->workshop_id, 72, 2, "Europe/Paris");
  test_add_session (store, fixture->workshop_id, -48, 4, "Europe/Paris");
  cancelled = test_add_session (store, fixture->workshop_id, 96, 4, "Europe/Paris");
  g_assert_true (atelier_booking_cancel_session (store, cancelled, &error));
  g_assert_no_error (error);

  fixture->ada = test_sign_up (store, fixture->session_id, "Ada", 2, ATELIER_REGISTRATION_CONFIRMED);
  berthe = test_sign_up (store, fixture->other_id, "Berthe", 1, ATELIER_REGISTRATION_CONFIRMED);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (fixture->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->dialog));
  g_clear_object (&fixture->dialog);
  g_clear_object (&fixture->ada);
  g_clear_object (&fixture->moved);
  test_store_teardown (&fixture->store, data);
}

static void
on_moved_cb (AtelierMoveDialog   *dialog,
             AtelierRegistration *moved,
             AtelierSession      *target,
             Fixture             *fixture)
{
  fixture->n_moved++;
  g_set_object (&fixture->moved, moved);
  fixture->target_id = atelier_session_get_id (target);
}

static void
open_dialog (Fixture *fixture)
{
  GtkWidget *dialog = atelier_move_dialog_new (NULL, fixture->store.store, fixture->ada);

  fixture->dialog = g_object_ref (ATELIER_MOVE_DIALOG (dialog));
  g_signal_connect (dialog, "moved", G_CALLBACK (on_moved_cb), fixture);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkListView *
list_view (Fixture *fixture)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (fixture->dialog), GTK_TYPE_LIST_VIEW, found);
  g_assert_cmpuint (found->len, ==, 1);
  return found->pdata[0];
}

static GtkWidget *
move_button (Fixture *fixture)
{
  return test_find_button (GTK_WIDGET (fixture->dialog), "_Move");
}

static void
assert_moved_to_waiting_list (Fixture *fixture)
{
  g_autoptr(AtelierRegistration) old = test_get_registration (fixture->store.store,
                                                              atelier_registration_get_id (fixture->ada));

  g_assert_cmpstr (atelier_registration_get_status (old), ==, ATELIER_REGISTRATION_CANCELLED);
  g_assert_cmpint (fixture->n_moved, ==, 1);
  g_assert_cmpint (fixture->target_id, ==, fixture->other_id);
  g_assert_cmpint (atelier_registration_get_session_id (fixture->moved), ==, fixture->other_id);
  g_assert_cmpstr (atelier_registration_get_status (fixture->moved), ==, ATELIER_REGISTRATION_WAITLISTED);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  GtkSelectionModel *selection;

  open_dialog (fixture);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->dialog)), ==, "Move Registration");
  g_assert_nonnull (test_find_label (GTK_WIDGET (fixture->dialog),
                                     "Choose the session to move Ada Test (party of 2) to. They are confirmed "
                                     "if the seats fit, otherwise they join its waiting list."));

  /* Only the other session that still takes sign-ups is offered. */
  selection = gtk_list_view_get_model (list_view (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  g_assert_false (gtk_widget_get_sensitive (move_button (fixture)));
  gtk_selection_model_select_item (selection, 0, TRUE);
  g_assert_true (gtk_widget_get_sensitive (move_button (fixture)));

  g_signal_emit_by_name (move_button (fixture), "clicked");
  assert_moved_to_waiting_list (fixture);
}

static gboolean
has_moved (gpointer      data,
           gconstpointer unused)
{
  Fixture *fixture = data;

  return fixture->n_moved > 0;
}

/* Enter or a double click on a session presses "Move" (a button shows
 * itself pressed for a moment before it acts). */
static void
test_activate (Fixture       *fixture,
               gconstpointer  data)
{
  open_dialog (fixture);
  g_signal_emit_by_name (list_view (fixture), "activate", 0);
  test_wait_until (has_moved, fixture, NULL, 10);
  assert_moved_to_waiting_list (fixture);
}

/* The core refuses (the registration was cancelled meanwhile): the
 * error shows in the dialog, which stays, and nothing moves. */
static void
test_refused (Fixture       *fixture,
              gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  g_autoptr(GListModel) other = NULL;
  g_autoptr(GError) error = NULL;
  GtkLabel *error_label;

  open_dialog (fixture);
  g_assert_true (atelier_booking_cancel (store, atelier_registration_get_id (fixture->ada),
                                         ATELIER_CANCELLED_BY_CUSTOMER, NULL, &error));
  g_assert_no_error (error);

  gtk_selection_model_select_item (gtk_list_view_get_model (list_view (fixture)), 0, TRUE);
  g_signal_emit_by_name (move_button (fixture), "clicked");

  error_label = test_find_label_with_class (GTK_WIDGET (fixture->dialog), "error");
  g_assert_nonnull (error_label);
  g_assert_cmpstr (gtk_label_get_label (error_label), !=, "");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->dialog)));
  g_assert_cmpint (fixture->n_moved, ==, 0);
  other = atelier_store_list_registrations (store, fixture->other_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (other), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display for the move dialog tests\n");
      return 0;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/move-dialog/move", test_move);
  ADD_TEST ("/atelier/move-dialog/activate", test_activate);
  ADD_TEST ("/atelier/move-dialog/refused", test_refused);

#undef ADD_TEST

  return g_test_run ();
}
