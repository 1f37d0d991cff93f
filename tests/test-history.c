/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-history.c: classes attended, no-shows, upcoming, last visit, and
 * the list of one customer's registrations */
#define G_LOG_DOMAIN "test-history"

#include "config.h"

#include "atelier-history.h"
#include "atelier-privacy.h"
#include "test-util.h"

static gint64
workshop (TestStore *f, const char *title, const char *category)
{
  g_autoptr(AtelierWorkshop) w = atelier_workshop_new (title);

  g_object_set (w, "capacity", 10, "category", category, NULL);
  g_assert_true (atelier_store_add_workshop (f->store, w, NULL));
  return atelier_workshop_get_id (w);
}

/* A session @days from now; cancelled if asked. */
static gint64
session (TestStore *f, gint64 workshop_id, int days, gboolean cancelled)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) s = atelier_session_new (workshop_id, starts, ends, "Europe/Paris");

  g_object_set (s, "capacity", 10, "status", cancelled ? ATELIER_SESSION_CANCELLED : ATELIER_SESSION_SCHEDULED, NULL);
  g_assert_true (atelier_store_add_session (f->store, s, NULL));
  return atelier_session_get_id (s);
}

static gint64
customer (TestStore *f, const char *name)
{
  g_autoptr(AtelierCustomer) c = atelier_customer_new (name, "Test");

  g_assert_true (atelier_store_add_customer (f->store, c, NULL));
  return atelier_customer_get_id (c);
}

static gint64
registration_of (TestStore  *f,
                 gint64      session_id,
                 gint64      customer_id,
                 int         party_size,
                 const char *status,
                 gboolean    here)
{
  g_autoptr(AtelierRegistration) r = atelier_registration_new (session_id, customer_id, party_size);

  g_object_set (r, "status", status, "checked-in-at", here ? (gint64) 1 : (gint64) 0,
                "waitlist-position", g_str_equal (status, ATELIER_REGISTRATION_WAITLISTED) ? 1 : 0, NULL);
  g_assert_true (atelier_store_add_registration (f->store, r, NULL));
  return atelier_registration_get_id (r);
}

static void
registration (TestStore *f, gint64 session_id, gint64 customer_id, const char *status, gboolean here)
{
  registration_of (f, session_id, customer_id, 1, status, here);
}

static void
test_customer_history (TestStore *f, gconstpointer data)
{
  gint64 cuisine = workshop (f, "Risotto", "cuisine");
  gint64 vin = workshop (f, "Vins de Loire", "vin");
  gint64 zoe = customer (f, "Zoé");
  gint64 last = session (f, cuisine, -3, FALSE);
  AtelierCustomerHistory history;
  g_autoptr(AtelierSession) last_session = NULL;
  g_autoptr(GError) error = NULL;

  registration (f, session (f, cuisine, -30, FALSE), zoe, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  registration (f, last, zoe, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  registration (f, session (f, vin, -20, FALSE), zoe, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  registration (f, session (f, vin, -10, FALSE), zoe, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  registration (f, session (f, vin, -5, TRUE), zoe, ATELIER_REGISTRATION_CANCELLED, FALSE);
  registration (f, session (f, cuisine, 4, FALSE), zoe, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  registration (f, session (f, vin, 9, FALSE), zoe, ATELIER_REGISTRATION_WAITLISTED, FALSE);
  registration (f, session (f, vin, 12, TRUE), zoe, ATELIER_REGISTRATION_CANCELLED, FALSE);

  g_assert_true (atelier_history_for_customer (f->store, zoe, &history, &error));
  g_assert_no_error (error);
  g_assert_cmpint (history.attended, ==, 3);
  g_assert_cmpint (history.no_shows, ==, 1);
  g_assert_cmpint (history.upcoming, ==, 2);
  last_session = atelier_store_get_session (f->store, last, NULL);
  g_assert_cmpint (history.last_visit, ==, atelier_session_get_starts_at (last_session));
  g_assert_cmpstr (history.favourite_category, ==, "cuisine");
  atelier_customer_history_clear (&history);

  g_assert_true (atelier_history_for_customer (f->store, customer (f, "Nouveau"), &history, &error));
  g_assert_cmpint (history.attended, ==, 0);
  g_assert_cmpint (history.last_visit, ==, 0);
  g_assert_null (history.favourite_category);
  atelier_customer_history_clear (&history);
}

static void
test_attended_before (TestStore *f, gconstpointer data)
{
  gint64 w = workshop (f, "Macarons", "pâtisserie");
  gint64 today = session (f, w, 0, FALSE);
  gint64 regular = customer (f, "Régulière");
  gint64 first = customer (f, "Première");
  g_autoptr(GHashTable) counts = NULL;
  g_autoptr(GError) error = NULL;

  registration (f, session (f, w, -60, FALSE), regular, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  registration (f, session (f, w, -30, FALSE), regular, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  registration (f, session (f, w, -15, FALSE), regular, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  registration (f, today, regular, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  registration (f, today, first, ATELIER_REGISTRATION_CONFIRMED, FALSE);

  counts = atelier_history_attended_before (f->store, today, &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (counts, &regular)), ==, 2);
  g_assert_false (g_hash_table_contains (counts, &first));
}

/* Checks each entry of @entries against the store, and that they come by
 * start; returns the registration ids in order. */
static GArray *
check_entries (TestStore  *f,
               GListModel *entries,
               gint64      customer_id)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 previous_start = G_MININT64;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(AtelierHistoryEntry) entry = g_list_model_get_item (entries, i);
      AtelierSession *session = atelier_history_entry_get_session (entry);
      AtelierRegistration *registration = atelier_history_entry_get_registration (entry);
      g_autoptr(AtelierSession) stored_session = NULL;
      g_autoptr(AtelierRegistration) stored_registration = NULL;
      gint64 id = atelier_registration_get_id (registration);

      g_assert_true (ATELIER_IS_HISTORY_ENTRY (entry));
      g_assert_cmpint (atelier_registration_get_customer_id (registration), ==, customer_id);
      g_assert_cmpint (atelier_registration_get_session_id (registration), ==, atelier_session_get_id (session));
      g_assert_cmpint (atelier_session_get_starts_at (session), >=, previous_start);
      previous_start = atelier_session_get_starts_at (session);

      stored_session = atelier_store_get_session (f->store, atelier_session_get_id (session), NULL);
      stored_registration = atelier_store_get_registration (f->store, id, NULL);
      test_assert_same_properties (G_OBJECT (session), G_OBJECT (stored_session));
      test_assert_same_properties (G_OBJECT (registration), G_OBJECT (stored_registration));
      g_array_append_val (ids, id);
    }
  return ids;
}

static void
test_list_for_customer (TestStore *f, gconstpointer data)
{
  gint64 cuisine = workshop (f, "Risotto", "cuisine");
  gint64 vin = workshop (f, "Vins de Loire", "vin");
  gint64 patisserie = workshop (f, "Macarons", "pâtisserie");
  gint64 zoe = customer (f, "Zoé");
  gint64 other = customer (f, "Autre");
  gint64 ahead = session (f, vin, 9, FALSE);
  gint64 attended = session (f, cuisine, -30, FALSE);
  gint64 missed = session (f, patisserie, -10, FALSE);
  gint64 store_cancelled = session (f, vin, -5, TRUE);
  gint64 waiting = session (f, patisserie, 12, FALSE);
  gint64 dropped = session (f, cuisine, 4, FALSE);
  gint64 only_other = session (f, cuisine, 2, FALSE);
  gint64 expected[6];
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GListModel) others = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) other_ids = NULL;
  g_autoptr(GError) error = NULL;

  /* The other customer first, so that no registration id of Zoé's
   * matches its session's id by chance */
  registration (f, only_other, other, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  registration (f, ahead, other, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  registration (f, attended, other, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  registration (f, missed, other, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  /* Zoé's, out of time order */
  expected[5] = registration_of (f, waiting, zoe, 1, ATELIER_REGISTRATION_WAITLISTED, FALSE);
  expected[0] = registration_of (f, attended, zoe, 2, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  expected[4] = registration_of (f, ahead, zoe, 3, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  expected[1] = registration_of (f, missed, zoe, 1, ATELIER_REGISTRATION_CONFIRMED, FALSE);
  expected[3] = registration_of (f, dropped, zoe, 1, ATELIER_REGISTRATION_CANCELLED, FALSE);
  expected[2] = registration_of (f, store_cancelled, zoe, 1, ATELIER_REGISTRATION_CANCELLED, FALSE);

  entries = atelier_history_list_for_customer (f->store, zoe, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entries);
  g_assert_true (g_list_model_get_item_type (entries) == ATELIER_TYPE_HISTORY_ENTRY);
  ids = check_entries (f, entries, zoe);
  g_assert_cmpmem (ids->data, ids->len * sizeof (gint64), expected, sizeof expected);

  /* What the page reads of them: the workshop, the seats, the statuses */
  {
    g_autoptr(AtelierHistoryEntry) first = g_list_model_get_item (entries, 0);
    g_autoptr(AtelierHistoryEntry) cancelled = g_list_model_get_item (entries, 2);
    g_autoptr(AtelierHistoryEntry) next = g_list_model_get_item (entries, 4);
    g_autoptr(AtelierHistoryEntry) last = g_list_model_get_item (entries, 5);

    g_assert_cmpstr (atelier_session_get_workshop_title (atelier_history_entry_get_session (first)), ==, "Risotto");
    g_assert_cmpint (atelier_registration_get_checked_in_at (atelier_history_entry_get_registration (first)), !=, 0);
    g_assert_cmpint (atelier_registration_get_party_size (atelier_history_entry_get_registration (first)), ==, 2);
    g_assert_true (atelier_session_is_cancelled (atelier_history_entry_get_session (cancelled)));
    g_assert_cmpstr (atelier_registration_get_status (atelier_history_entry_get_registration (cancelled)), ==,
                     ATELIER_REGISTRATION_CANCELLED);
    /* Her party of 3 and the other customer's 1 */
    g_assert_cmpint (atelier_session_get_seats_taken (atelier_history_entry_get_session (next)), ==, 4);
    g_assert_cmpstr (atelier_session_get_workshop_title (atelier_history_entry_get_session (last)), ==, "Macarons");
    g_assert_cmpstr (atelier_session_get_status (atelier_history_entry_get_session (last)), ==,
                     ATELIER_SESSION_SCHEDULED);
    g_assert_cmpstr (atelier_registration_get_status (atelier_history_entry_get_registration (last)), ==,
                     ATELIER_REGISTRATION_WAITLISTED);
    g_assert_cmpint (atelier_registration_get_waitlist_position (atelier_history_entry_get_registration (last)), ==, 1);
  }

  /* The other customer sees only theirs */
  others = atelier_history_list_for_customer (f->store, other, &error);
  g_assert_no_error (error);
  other_ids = check_entries (f, others, other);
  g_assert_cmpuint (other_ids->len, ==, 4);
  for (guint i = 0; i < other_ids->len; i++)
    for (guint j = 0; j < G_N_ELEMENTS (expected); j++)
      g_assert_cmpint (g_array_index (other_ids, gint64, i), !=, expected[j]);
}

/* Erasure keeps the registrations as anonymous counts: they are still
 * listed, with nothing left of the person. */
static void
test_list_erased (TestStore *f, gconstpointer data)
{
  gint64 w = workshop (f, "Risotto", "cuisine");
  gint64 zoe = customer (f, "Zoé");
  gint64 past = session (f, w, -7, FALSE);
  g_autoptr(AtelierRegistration) noted = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GArray) before_ids = NULL;
  g_autoptr(GArray) after_ids = NULL;
  g_autoptr(GError) error = NULL;

  registration (f, past, zoe, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  noted = atelier_store_get_registration (f->store,
                                          registration_of (f, session (f, w, 5, FALSE), zoe, 2,
                                                           ATELIER_REGISTRATION_CONFIRMED, FALSE),
                                          NULL);
  g_object_set (noted, "note", "Allergique aux noix", NULL);
  g_assert_true (atelier_store_update_registration (f->store, noted, NULL));

  before = atelier_history_list_for_customer (f->store, zoe, &error);
  g_assert_no_error (error);
  before_ids = check_entries (f, before, zoe);
  g_assert_cmpuint (before_ids->len, ==, 2);

  g_assert_true (atelier_privacy_erase_customer (f->store, zoe, &error));
  g_assert_no_error (error);

  after = atelier_history_list_for_customer (f->store, zoe, &error);
  g_assert_no_error (error);
  after_ids = check_entries (f, after, zoe);
  g_assert_cmpmem (after_ids->data, after_ids->len * sizeof (gint64),
                   before_ids->data, before_ids->len * sizeof (gint64));
  for (guint i = 0; i < g_list_model_get_n_items (after); i++)
    {
      g_autoptr(AtelierHistoryEntry) entry = g_list_model_get_item (after, i);
      AtelierRegistration *r = atelier_history_entry_get_registration (entry);

      g_assert_cmpstr (atelier_registration_get_customer_name (r), ==, "");
      g_assert_cmpstr (atelier_registration_get_note (r), ==, "");
    }
}

static void
test_list_empty (TestStore *f, gconstpointer data)
{
  gint64 w = workshop (f, "Risotto", "cuisine");
  gint64 someone = customer (f, "Quelqu’un");
  gint64 newcomer = customer (f, "Nouveau");
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GListModel) nobody = NULL;
  g_autoptr(GError) error = NULL;

  registration (f, session (f, w, -3, FALSE), someone, ATELIER_REGISTRATION_CONFIRMED, TRUE);
  registration (f, session (f, w, 3, FALSE), someone, ATELIER_REGISTRATION_CONFIRMED, FALSE);

  entries = atelier_history_list_for_customer (f->store, newcomer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entries);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 0);

  /* No such customer: nothing either, and no error */
  nobody = atelier_history_list_for_customer (f->store, newcomer + someone + 1000, &error);
  g_assert_no_error (error);
  g_assert_nonnull (nobody);
  g_assert_cmpuint (g_list_model_get_n_items (nobody), ==, 0);
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

  g_test_add ("/atelier/history/customer", TestStore, NULL, test_store_setup,
              test_customer_history, test_store_teardown);
  g_test_add ("/atelier/history/attended-before", TestStore, NULL, test_store_setup,
              test_attended_before, test_store_teardown);
  g_test_add ("/atelier/history/list", TestStore, NULL, test_store_setup,
              test_list_for_customer, test_store_teardown);
  g_test_add ("/atelier/history/list-erased", TestStore, NULL, test_store_setup,
              test_list_erased, test_store_teardown);
  g_test_add ("/atelier/history/list-empty", TestStore, NULL, test_store_setup,
              test_list_empty, test_store_teardown);

  return g_test_run ();
}
