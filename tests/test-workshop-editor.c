/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-workshop-editor.c: the workshop editor: validation, saving, deleting */
#define G_LOG_DOMAIN "test-workshop-editor"

#include "config.h"

#include <adwaita.h>

#include "atelier-settings.h"
#include "atelier-money.h"
#include "atelier-workshop-editor.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  TestStore              store;
  AtelierWorkshopEditor *editor;  /* weak: the editor closes itself */
} Fixture;

/* Widget helpers */

/* The template child with id @id (GtkBuilder names what it builds). */
static GObject *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (GTK_IS_BUILDABLE (widget) &&
      g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return G_OBJECT (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GObject *found = find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gpointer
child (Fixture    *fixture,
       const char *id)
{
  GObject *found = find_by_id (GTK_WIDGET (fixture->editor), id);

  if (found == NULL)
    g_error ("No widget %s in the editor", id);
  return found;
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_widgets (c, type, found);
}

static GtkEditable *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_widgets (root, ADW_TYPE_ENTRY_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_error ("No entry row titled %s", title);
  return NULL;
}

static GtkWidget *
save_button (Fixture *fixture)
{
  return test_find_button (GTK_WIDGET (fixture->editor), "_Save");
}

static void
set_text_view (Fixture    *fixture,
               const char *id,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child (fixture, id)), text, -1);
}

static char *
dup_text_view (Fixture    *fixture,
               const char *id)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (child (fixture, id));
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
open_editor (Fixture *fixture,
             gint64   workshop_id)
{
  fixture->editor = ATELIER_WORKSHOP_EDITOR (atelier_workshop_editor_new (NULL, fixture->store.store,
                                                                          workshop_id));
  g_object_add_weak_pointer (G_OBJECT (fixture->editor), (gpointer *) &fixture->editor);
  gtk_window_present (GTK_WINDOW (fixture->editor));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->editor));
}

/* The message dialog shown, answered with @response. */
static void
answer_message_dialog (const char *expected_heading,
                       const char *response)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        g_assert_cmpstr (adw_message_dialog_get_heading (l->data), ==, expected_heading);
        /* As a click on its button does: answer, then close. */
        adw_message_dialog_response (l->data, response);
        gtk_window_close (l->data);
        return;
      }
  g_error ("No message dialog");
}

/* The editor, having saved or deleted, closes (at once, or once the
 * question it asked has gone). */
static void
wait_until_closed (Fixture *fixture)
{
  for (guint i = 0; fixture->editor != NULL && i < 100; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (fixture->editor);
}

static gint64
add_workshop (AtelierStore *store,
              const char   *title,
              const char   *category)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "category", category, NULL);
  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
  return atelier_workshop_get_id (workshop);
}

/* Fixture */

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
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  /* Dialogs left open (message dialogs included). */
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  if (fixture->editor != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->editor));
  g_assert_null (fixture->editor);
  test_store_teardown (&fixture->store, data);
}

/* Tests */

static void
test_empty_title (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkEditable *title;
  GtkWidget *hint;

  open_editor (fixture, 0);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "New Workshop");
  title = find_entry_row (GTK_WIDGET (fixture->editor), "_Title");
  hint = child (fixture, "title_hint");

  /* The title has the focus, not the header's Cancel button. */
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->editor)),
                                         GTK_WIDGET (title)));

  /* A fresh form: Save waits, and says why. */
  g_assert_false (gtk_widget_is_sensitive (save_button (fixture)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (save_button (fixture)), ==, "A workshop needs a title.");
  g_assert_cmpstr (atelier_workshop_editor_get_message (fixture->editor), ==, "A workshop needs a title.");
  g_assert_true (gtk_widget_is_visible (hint));

  gtk_editable_set_text (title, "Risotto aux cèpes");
  g_assert_true (gtk_widget_is_sensitive (save_button (fixture)));
  g_assert_null (atelier_workshop_editor_get_message (fixture->editor));
  g_assert_false (gtk_widget_is_visible (hint));

  /* Blanks are no title; once the user has typed, the hint turns red. */
  gtk_editable_set_text (title, "   ");
  g_assert_false (gtk_widget_is_sensitive (save_button (fixture)));
  g_assert_true (gtk_widget_is_visible (hint));
  g_assert_true (gtk_widget_has_css_class (hint, "error"));
  g_assert_cmpstr (atelier_workshop_editor_get_message (fixture->editor), ==, "A workshop needs a title.");

  /* Nothing was written. */
  g_signal_emit_by_name (save_button (fixture), "clicked");
  {
    g_autoptr(GListModel) workshops = atelier_store_list_workshops (fixture->store.store, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 0);
  }
  g_assert_nonnull (fixture->editor);
}

/* A title already in the catalogue is said, not refused. */
static void
test_same_title (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkEditable *title;
  GtkWidget *hint;

  add_workshop (fixture->store.store, "Risotto", NULL);
  open_editor (fixture, 0);
  title = find_entry_row (GTK_WIDGET (fixture->editor), "_Title");
  hint = child (fixture, "title_hint");

  gtk_editable_set_text (title, "risotto ");
  g_assert_true (gtk_widget_is_visible (hint));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (hint)),
                                   "“Risotto” is already in the catalogue."));
  g_assert_true (gtk_widget_is_sensitive (save_button (fixture)));

  gtk_editable_set_text (title, "Risotto aux cèpes");
  g_assert_false (gtk_widget_is_visible (hint));

  gtk_editable_set_text (title, "RISOTTO");
  g_signal_emit_by_name (save_button (fixture), "clicked");
  {
    g_autoptr(GListModel) workshops = atelier_store_list_workshops (fixture->store.store, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 2);
  }
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *root;
  g_autoptr(AtelierWorkshop) saved = NULL;
  g_autoptr(AtelierWorkshop) updated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  gint64 id;

  add_workshop (fixture->store.store, "Dégustation", "Vin");
  open_editor (fixture, 0);
  root = GTK_WIDGET (fixture->editor);

  /* The categories in use are offered. */
  g_assert_true (gtk_widget_get_visible (child (fixture, "category_button")));

  gtk_editable_set_text (find_entry_row (root, "_Title"), "  Risotto aux cèpes ");
  gtk_editable_set_text (find_entry_row (root, "_Host"), "Marco Rossi");
  gtk_widget_activate_action (root, "editor.use-category", "s", "Vin");
  g_assert_cmpstr (gtk_editable_get_text (find_entry_row (root, "C_ategory")), ==, "Vin");
  gtk_editable_set_text (find_entry_row (root, "C_ategory"), "Cuisine");
  set_text_view (fixture, "description_view", "Un risotto crémeux,\nde A à Z.");
  set_text_view (fixture, "takeaway_view", "Le livret de recettes");
  gtk_spin_button_set_value (child (fixture, "duration_spin"), 150);
  gtk_spin_button_set_value (child (fixture, "capacity_spin"), 8);
  gtk_spin_button_set_value (child (fixture, "price_spin"), 45.5);
  click (save_button (fixture));

  /* Saved, and closed. */
  g_assert_null (fixture->editor);
  {
    g_autoptr(GListModel) workshops = atelier_store_list_workshops (fixture->store.store, NULL);
    g_autoptr(AtelierWorkshop) first = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (workshops), ==, 2);
    first = g_list_model_get_item (workshops, 1);
    id = atelier_workshop_get_id (first);
  }
  saved = atelier_store_get_workshop (fixture->store.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_workshop_get_title (saved), ==, "Risotto aux cèpes");
  g_assert_cmpstr (atelier_workshop_get_host (saved), ==, "Marco Rossi");
  g_assert_cmpstr (atelier_workshop_get_category (saved), ==, "Cuisine");
  g_assert_cmpstr (atelier_workshop_get_description (saved), ==, "Un risotto crémeux,\nde A à Z.");
  g_assert_cmpstr (atelier_workshop_get_takeaway (saved), ==, "Le livret de recettes");
  g_assert_cmpint (atelier_workshop_get_duration_minutes (saved), ==, 150);
  g_assert_cmpint (atelier_workshop_get_capacity (saved), ==, 8);
  g_assert_cmpint (atelier_workshop_get_price_cents (saved), ==, 4550);

  /* Opened again: every field as saved; a change is an update. */
  open_editor (fixture, id);
  root = GTK_WIDGET (fixture->editor);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->editor)), ==, "Edit Workshop");
  g_assert_cmpstr (gtk_editable_get_text (find_entry_row (root, "_Title")), ==, "Risotto aux cèpes");
  g_assert_cmpstr (gtk_editable_get_text (find_entry_row (root, "_Host")), ==, "Marco Rossi");
  g_assert_cmpstr (gtk_editable_get_text (find_entry_row (root, "C_ategory")), ==, "Cuisine");
  description = dup_text_view (fixture, "description_view");
  g_assert_cmpstr (description, ==, "Un risotto crémeux,\nde A à Z.");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (fixture, "duration_spin")), ==, 150);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (fixture, "capacity_spin")), ==, 8);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (child (fixture, "price_spin")), 45.5, 0.001);
  g_assert_true (gtk_widget_is_sensitive (save_button (fixture)));
  g_assert_null (atelier_workshop_editor_get_message (fixture->editor));

  gtk_editable_set_text (find_entry_row (root, "_Host"), "");
  gtk_spin_button_set_value (child (fixture, "price_spin"), 0);
  click (save_button (fixture));
  g_assert_null (fixture->editor);

  updated = atelier_store_get_workshop (fixture->store.store, id, &error);
  g_assert_no_error (error);
  /* No host any more (the store reads it back as an empty string). */
  g_assert_cmpstr (atelier_workshop_get_host (updated) ? atelier_workshop_get_host (updated) : "", ==, "");
  g_assert_cmpint (atelier_workshop_get_price_cents (updated), ==, 0);
  g_assert_cmpstr (atelier_workshop_get_takeaway (updated), ==, "Le livret de recettes");
}

/* The price is typed in the store's currency: the yen has no cents, so
 * 2500 typed is 2500 stored, and shown as the interface writes it. */
static void
test_price_in_yen (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) workshops = NULL;
  g_autoptr(AtelierWorkshop) saved = NULL;
  GtkSpinButton *price;
  GtkWidget *root;

  g_assert_true (atelier_settings_write (fixture->store.store, ATELIER_SETTING_CURRENCY, "JPY", &error));
  g_assert_no_error (error);
  open_editor (fixture, 0);
  root = GTK_WIDGET (fixture->editor);
  price = child (fixture, "price_spin");
  g_assert_cmpuint (gtk_spin_button_get_digits (price), ==, 0);
  /* The CLI's bound: a price one path takes, the other takes too. */
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_spin_button_get_adjustment (price)), ==,
                     ATELIER_MONEY_MAX_MAJOR);

  gtk_editable_set_text (find_entry_row (root, "_Title"), "Sushi");
  gtk_spin_button_set_value (price, 2500);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (fixture, "price_row"))), ==,
                   "Per person: ¥2,500");
  click (save_button (fixture));
  g_assert_null (fixture->editor);

  workshops = atelier_store_list_workshops (fixture->store.store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (workshops) && saved == NULL; i++)
    {
      g_autoptr(AtelierWorkshop) item = g_list_model_get_item (workshops, i);

      if (g_strcmp0 (atelier_workshop_get_title (item), "Sushi") == 0)
        saved = g_steal_pointer (&item);
    }
  g_assert_nonnull (saved);
  g_assert_cmpint (atelier_workshop_get_price_cents (saved), ==, 2500);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  gint64 busy = add_workshop (fixture->store.store, "Risotto", NULL);
  gint64 idle = add_workshop (fixture->store.store, "Tiramisu", NULL);
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new_now (paris);
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, 3);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (busy, starts, ends, "Europe/Paris");
  g_autoptr(AtelierWorkshop) still = NULL;
  g_autoptr(AtelierWorkshop) gone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_store_add_session (fixture->store.store, session, &error));
  g_assert_no_error (error);

  /* A new workshop has nothing to delete. */
  open_editor (fixture, 0);
  g_assert_false (gtk_widget_get_visible (child (fixture, "delete_button")));
  gtk_window_destroy (GTK_WINDOW (fixture->editor));

  /* With a session: the core refuses, the editor says so and stays. */
  open_editor (fixture, busy);
  g_assert_true (gtk_widget_get_visible (child (fixture, "delete_button")));
  click (test_find_button (GTK_WIDGET (fixture->editor), "De_lete Workshop"));
  answer_message_dialog ("Delete Workshop?", "delete");
  g_assert_nonnull (fixture->editor);
  g_assert_cmpstr (atelier_workshop_editor_get_message (fixture->editor), ==,
                   "This workshop still has sessions; delete or cancel them first.");
  g_assert_true (gtk_widget_is_visible (child (fixture, "error_label")));
  still = atelier_store_get_workshop (fixture->store.store, busy, &error);
  g_assert_no_error (error);
  g_assert_nonnull (still);
  gtk_window_destroy (GTK_WINDOW (fixture->editor));

  /* Asked, then cancelled: nothing happens. */
  open_editor (fixture, idle);
  click (test_find_button (GTK_WIDGET (fixture->editor), "De_lete Workshop"));
  answer_message_dialog ("Delete Workshop?", "cancel");
  g_assert_nonnull (fixture->editor);
  g_assert_null (atelier_workshop_editor_get_message (fixture->editor));

  /* Confirmed: gone, and the editor closes. */
  click (test_find_button (GTK_WIDGET (fixture->editor), "De_lete Workshop"));
  answer_message_dialog ("Delete Workshop?", "delete");
  wait_until_closed (fixture);
  gone = atelier_store_get_workshop (fixture->store.store, idle, &error);
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
}

/* What to bring: several lines kept as typed, shown again, and emptied. */
static void
test_bring (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(AtelierWorkshop) saved = NULL;
  g_autoptr(AtelierWorkshop) emptied = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  gint64 id;

  open_editor (fixture, 0);
  gtk_editable_set_text (find_entry_row (GTK_WIDGET (fixture->editor), "_Title"), "Pâtes fraîches");
  set_text_view (fixture, "bring_view", "  Un tablier\nUn couteau bien aiguisé  ");
  click (save_button (fixture));
  g_assert_null (fixture->editor);
  {
    g_autoptr(GListModel) workshops = atelier_store_list_workshops (fixture->store.store, NULL);
    g_autoptr(AtelierWorkshop) w = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
      {
        g_clear_object (&w);
        w = g_list_model_get_item (workshops, i);
        if (g_strcmp0 (atelier_workshop_get_title (w), "Pâtes fraîches") == 0)
          break;
      }
    id = atelier_workshop_get_id (w);
  }
  saved = atelier_store_get_workshop (fixture->store.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_workshop_get_bring (saved), ==, "Un tablier\nUn couteau bien aiguisé");

  open_editor (fixture, id);
  shown = dup_text_view (fixture, "bring_view");
  g_assert_cmpstr (shown, ==, "Un tablier\nUn couteau bien aiguisé");
  set_text_view (fixture, "bring_view", "");
  click (save_button (fixture));
  g_assert_null (fixture->editor);
  emptied = atelier_store_get_workshop (fixture->store.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_workshop_get_bring (emptied) ? atelier_workshop_get_bring (emptied) : "", ==, "");
}

static void
test_missing (Fixture       *fixture,
              gconstpointer  data)
{
  open_editor (fixture, 4242);
  g_assert_false (gtk_widget_is_sensitive (save_button (fixture)));
  g_assert_cmpstr (atelier_workshop_editor_get_message (fixture->editor), ==, "There is no workshop number 4242.");
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
            g_print ("1..0 # SKIP no display for the workshop editor tests\n");
            return 0;
          }
      g_printerr ("No display: skipping the workshop editor tests\n");
      return 77;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/workshop-editor/empty-title", test_empty_title);
  ADD_TEST ("/atelier/workshop-editor/round-trip", test_round_trip);
  ADD_TEST ("/atelier/workshop-editor/same-title", test_same_title);
  ADD_TEST ("/atelier/workshop-editor/delete", test_delete);
  ADD_TEST ("/atelier/workshop-editor/price-in-yen", test_price_in_yen);
  ADD_TEST ("/atelier/workshop-editor/missing", test_missing);
  ADD_TEST ("/atelier/workshop-editor/bring", test_bring);

#undef ADD_TEST

  return g_test_run ();
}
