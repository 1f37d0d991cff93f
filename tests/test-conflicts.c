/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-conflicts.c: a title already in the catalogue, a place already
 * taken at that time */
#include "config.h"

#include "atelier-conflicts.h"
#include "atelier-store-private.h"
#include "test-util.h"

static gint64
add_workshop (AtelierStore *store,
              const char   *title)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "capacity", 8, "duration-minutes", 120, NULL);
  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
  return atelier_workshop_get_id (workshop);
}

static gint64
add_session (AtelierStore *store,
             gint64        workshop_id,
             const char   *place,
             int           start_hour,
             int           end_hour)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) starts = g_date_time_new (paris, 2030, 3, 14, start_hour, 0, 0);
  g_autoptr(GDateTime) ends = g_date_time_new (paris, 2030, 3, 14, end_hour, 0, 0);
  g_autoptr(AtelierSession) session = atelier_session_new (workshop_id, starts, ends, "Europe/Paris");
  g_autoptr(GError) error = NULL;

  g_object_set (session, "capacity", 8, "place", place, NULL);
  g_assert_true (atelier_store_add_session (store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static gint64
at (int hour)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) time = g_date_time_new (paris, 2030, 3, 14, hour, 0, 0);

  return g_date_time_to_unix (time);
}

static void
test_same_text (void)
{
  g_assert_true (atelier_conflicts_same_text ("Risotto", " risotto "));
  g_assert_true (atelier_conflicts_same_text ("CRÈME BRÛLÉE", "crème brûlée"));
  /* Composed and decomposed accents are one text. */
  g_assert_true (atelier_conflicts_same_text ("Cr\303\250me", "Cre\314\200me"));
  g_assert_false (atelier_conflicts_same_text ("Risotto", "Risotto aux cèpes"));
  g_assert_false (atelier_conflicts_same_text ("", " "));
  g_assert_false (atelier_conflicts_same_text (NULL, NULL));
}

static void
test_same_title (TestStore *f, gconstpointer data)
{
  gint64 risotto = add_workshop (f->store, "Risotto");
  g_autoptr(AtelierWorkshop) found = NULL;
  g_autoptr(AtelierWorkshop) itself = NULL;
  g_autoptr(AtelierWorkshop) other = NULL;
  g_autoptr(GError) error = NULL;

  add_workshop (f->store, "Macarons");
  found = atelier_conflicts_find_same_title (f->store, "  risotto", 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (atelier_workshop_get_id (found), ==, risotto);

  /* A workshop is not its own double. */
  itself = atelier_conflicts_find_same_title (f->store, "Risotto", risotto, &error);
  g_assert_null (itself);
  other = atelier_conflicts_find_same_title (f->store, "Tarte Tatin", 0, &error);
  g_assert_null (other);
  g_assert_no_error (error);
}

static void
test_same_place (TestStore *f, gconstpointer data)
{
  gint64 workshop = add_workshop (f->store, "Risotto");
  gint64 morning = add_session (f->store, workshop, "Kitchen", 10, 12);
  gint64 cancelled = add_session (f->store, workshop, "Kitchen", 10, 12);
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GListModel) touching = NULL;
  g_autoptr(GListModel) elsewhere = NULL;
  g_autoptr(GListModel) itself = NULL;
  g_autoptr(GError) error = NULL;

  add_session (f->store, workshop, "Cellar", 11, 13);
  g_assert_true (atelier_store_exec_ids (f->store, "UPDATE sessions SET status = 'cancelled' WHERE id = ?",
                                         &cancelled, 1, &error));

  /* 11:00–13:00 in " kitchen": the morning session overlaps; the
   * cancelled one and the cellar's do not count. */
  found = atelier_conflicts_find_same_place (f->store, " kitchen", at (11), at (13), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  {
    g_autoptr(AtelierSession) first = g_list_model_get_item (found, 0);

    g_assert_cmpint (atelier_session_get_id (first), ==, morning);
  }

  /* Back to back is not an overlap. */
  touching = atelier_conflicts_find_same_place (f->store, "Kitchen", at (12), at (14), 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (touching), ==, 0);
  elsewhere = atelier_conflicts_find_same_place (f->store, "Shop floor", at (10), at (12), 0, &error);
  g_assert_cmpuint (g_list_model_get_n_items (elsewhere), ==, 0);
  itself = atelier_conflicts_find_same_place (f->store, "Kitchen", at (10), at (12), morning, &error);
  g_assert_cmpuint (g_list_model_get_n_items (itself), ==, 0);
}

int
main (int argc, char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/atelier/conflicts/same-text", test_same_text);
  g_test_add ("/atelier/conflicts/same-title", TestStore, NULL, test_store_setup,
              test_same_title, test_store_teardown);
  g_test_add ("/atelier/conflicts/same-place", TestStore, NULL, test_store_setup,
              test_same_place, test_store_teardown);

  return g_test_run ();
}
