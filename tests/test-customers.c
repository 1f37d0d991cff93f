/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-customers.c: the customer profile, tags, duplicates, who to
 * invite next */
#define G_LOG_DOMAIN "test-customers"

#include "config.h"

#include "atelier-contact.h"
#include "atelier-customer-book.h"
#include "atelier-history.h"
#include "atelier-invite-next.h"
#include "atelier-schema-private.h"
#include "atelier-tags.h"
#include "test-util.h"

static gint64
workshop (TestStore *f, const char *title, const char *category)
{
  g_autoptr(AtelierWorkshop) w = atelier_workshop_new (title);

  g_object_set (w, "capacity", 10, "category", category, NULL);
  g_assert_true (atelier_store_add_workshop (f->store, w, NULL));
  return atelier_workshop_get_id (w);
}

static gint64
session (TestStore *f, gint64 workshop_id, int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) s = atelier_session_new (workshop_id, starts, ends, "Europe/Paris");

  g_object_set (s, "capacity", 10, NULL);
  g_assert_true (atelier_store_add_session (f->store, s, NULL));
  return atelier_session_get_id (s);
}

static gint64
customer (TestStore *f, const char *given, const char *email, const char *interests, gboolean consent)
{
  g_autoptr(AtelierCustomer) c = atelier_customer_new (given, "Test");

  g_object_set (c, "email", email, "interests", interests, "consent", consent, NULL);
  g_assert_true (atelier_store_add_customer (f->store, c, NULL));
  return atelier_customer_get_id (c);
}

static void
attend (TestStore *f, gint64 session_id, gint64 customer_id, gboolean here)
{
  g_autoptr(AtelierRegistration) r = atelier_registration_new (session_id, customer_id, 1);

  g_object_set (r, "checked-in-at", here ? (gint64) 1 : (gint64) 0, NULL);
  g_assert_true (atelier_store_add_registration (f->store, r, NULL));
}

static void
test_profile_crud (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierCustomer) c = atelier_customer_new ("Zoé", "Martin");
  g_autoptr(AtelierCustomer) read = NULL;
  g_autoptr(AtelierCustomer) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (atelier_customer_get_first_came (c), ==, ATELIER_CUSTOMER_CAME_STORE);
  g_object_set (c, "email", "zoe@example.org", "phone", "06 12 34 56 78",
                "preferred-language", "fr", "interests", "cuisine, vin",
                "note", "Comes with her sister", "needs", "Vegetarian; step-free access",
                "first-came", ATELIER_CUSTOMER_CAME_WALK_IN, "consent", TRUE,
                "consent-at", (gint64) 1700000000,
                "consent-wording", "I agree to receive the store’s class news", NULL);
  g_assert_true (atelier_store_add_customer (f->store, c, &error));
  g_assert_no_error (error);

  read = atelier_store_get_customer (f->store, atelier_customer_get_id (c), &error);
  g_assert_no_error (error);
  test_assert_same_properties (G_OBJECT (c), G_OBJECT (read));
  g_assert_cmpint (atelier_customer_get_created_at (read), >, 0);
  g_assert_cmpint (atelier_customer_get_last_seen_at (read), ==, 0);

  /* first-came and last-seen-at are not written by an update. */
  g_object_set (read, "needs", "", "preferred-language", "en", "first-came", "import",
                "last-seen-at", (gint64) 42, NULL);
  g_assert_true (atelier_store_update_customer (f->store, read, &error));
  again = atelier_store_get_customer (f->store, atelier_customer_get_id (c), &error);
  g_assert_cmpstr (atelier_customer_get_needs (again), ==, "");
  g_assert_cmpstr (atelier_customer_get_preferred_language (again), ==, "en");
  g_assert_cmpstr (atelier_customer_get_first_came (again), ==, ATELIER_CUSTOMER_CAME_WALK_IN);
  g_assert_cmpint (atelier_customer_get_last_seen_at (again), ==, 0);

  /* The database refuses an unknown origin. */
  {
    g_autoptr(AtelierCustomer) odd = atelier_customer_new ("Odd", NULL);
    g_object_set (odd, "first-came", "carrier pigeon", NULL);
    g_assert_false (atelier_store_add_customer (f->store, odd, &error));
    g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_true (atelier_store_delete_customer (f->store, atelier_customer_get_id (c), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM customer_tags"), ==, "0");
}

/* Every path that adds or changes a customer gets the one rule of
 * contact details: a bad value is refused, named, and nothing changes. */
static void
test_contact_rule (TestStore *f, gconstpointer data)
{
  static const char *const bad[][2] = {
    { "email", "x@example.org\r\nBcc: y@evil.example" },
    { "email", "not an email" },
    { "phone", "DROP TABLE" },
    { "preferred-language", "Klingon" },
  };
  g_autoptr(AtelierCustomer) zoe = atelier_customer_new ("Zoé", "Martin");
  g_autoptr(GError) error = NULL;

  g_object_set (zoe, "email", "zoe@example.org", "phone", "06 12 34 56 78",
                "preferred-language", "fr", NULL);
  g_assert_true (atelier_store_add_customer (f->store, zoe, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(AtelierCustomer) odd = atelier_customer_new ("Odd", "Mail");
      g_autoptr(AtelierCustomer) changed = atelier_store_get_customer (f->store, atelier_customer_get_id (zoe), NULL);
      g_autoptr(AtelierCustomer) again = NULL;
      int expected = i < 2 ? ATELIER_CONTACT_ERROR_EMAIL
                     : i == 2 ? ATELIER_CONTACT_ERROR_PHONE : ATELIER_CONTACT_ERROR_LANGUAGE;

      g_object_set (odd, bad[i][0], bad[i][1], NULL);
      g_assert_false (atelier_store_add_customer (f->store, odd, &error));
      g_assert_error (error, ATELIER_CONTACT_ERROR, expected);
      g_clear_error (&error);
      g_assert_cmpint (atelier_customer_get_id (odd), ==, 0);

      g_object_set (changed, "family-name", "Lefèvre", bad[i][0], bad[i][1], NULL);
      g_assert_false (atelier_store_update_customer (f->store, changed, &error));
      g_assert_error (error, ATELIER_CONTACT_ERROR, expected);
      g_clear_error (&error);
      again = atelier_store_get_customer (f->store, atelier_customer_get_id (zoe), NULL);
      g_assert_cmpstr (atelier_customer_get_family_name (again), ==, "Martin");
      g_assert_cmpstr (atelier_customer_get_email (again), ==, "zoe@example.org");
      g_assert_cmpstr (atelier_customer_get_phone (again), ==, "06 12 34 56 78");
      g_assert_cmpstr (atelier_customer_get_preferred_language (again), ==, "fr");
    }

  g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM customers"), ==, "1");
}

static void
test_derived_figures (TestStore *f, gconstpointer data)
{
  gint64 cuisine = workshop (f, "Risotto", "cuisine");
  gint64 zoe = customer (f, "Zoé", "zoe@example.org", "", FALSE);
  gint64 past = session (f, cuisine, -10);
  g_autoptr(AtelierRegistration) r = atelier_registration_new (past, zoe, 1);
  g_autoptr(AtelierCustomer) read = NULL;
  AtelierCustomerHistory history;

  g_assert_true (atelier_store_add_registration (f->store, r, NULL));
  read = atelier_store_get_customer (f->store, zoe, NULL);
  /* Signing up is being seen. */
  g_assert_cmpint (atelier_customer_get_last_seen_at (read), ==, atelier_registration_get_created_at (r));
  g_clear_object (&read);

  g_object_set (r, "checked-in-at", atelier_registration_get_created_at (r) + 1000, NULL);
  g_assert_true (atelier_store_update_registration (f->store, r, NULL));
  read = atelier_store_get_customer (f->store, zoe, NULL);
  g_assert_cmpint (atelier_customer_get_last_seen_at (read), ==, atelier_registration_get_created_at (r) + 1000);

  attend (f, session (f, cuisine, -3), zoe, FALSE);
  attend (f, session (f, cuisine, 5), zoe, FALSE);
  g_assert_true (atelier_history_for_customer (f->store, zoe, &history, NULL));
  g_assert_cmpint (history.attended, ==, 1);
  g_assert_cmpint (history.no_shows, ==, 1);
  g_assert_cmpint (history.upcoming, ==, 1);
  g_assert_cmpstr (history.favourite_category, ==, "cuisine");
  atelier_customer_history_clear (&history);
}

static void
test_tags (TestStore *f, gconstpointer data)
{
  g_auto(GStrv) list = NULL;
  g_auto(GStrv) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierCustomer) read = NULL;
  gint64 zoe;

  workshop (f, "Risotto", "cuisine");
  workshop (f, "Macarons", "Pâtisserie");
  zoe = customer (f, "Zoé", NULL, "vin; CUISINE, , bougies", FALSE);

  list = atelier_tags_list (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (list, ((const char *[]) { "bougies", "cuisine", "Pâtisserie", "vin", NULL }));
  mine = atelier_tags_for_customer (f->store, zoe, NULL);
  g_assert_cmpstrv (mine, ((const char *[]) { "bougies", "cuisine", "vin", NULL }));
  g_clear_pointer (&mine, g_strfreev);

  g_assert_true (atelier_tags_add (f->store, "beauté", &error));
  g_assert_no_error (error);
  g_assert_false (atelier_tags_add (f->store, "Beauté", &error));
  g_assert_error (error, ATELIER_TAGS_ERROR, ATELIER_TAGS_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (atelier_tags_add (f->store, "a, b", &error));
  g_assert_error (error, ATELIER_TAGS_ERROR, ATELIER_TAGS_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (atelier_tags_set_for_customer (f->store, zoe,
                                                (const char *[]) { "pâtisserie", "Vin", "vin", NULL },
                                                &error));
  g_assert_no_error (error);
  read = atelier_store_get_customer (f->store, zoe, NULL);
  /* The list's spelling wins. */
  g_assert_cmpstr (atelier_customer_get_interests (read), ==, "Pâtisserie, vin");
  g_clear_object (&read);

  g_assert_true (atelier_tags_remove (f->store, "VIN", &error));
  g_assert_no_error (error);
  read = atelier_store_get_customer (f->store, zoe, NULL);
  g_assert_cmpstr (atelier_customer_get_interests (read), ==, "Pâtisserie");
  mine = atelier_tags_for_customer (f->store, zoe, NULL);
  g_assert_cmpstrv (mine, ((const char *[]) { "Pâtisserie", NULL }));
  g_assert_false (atelier_tags_remove (f->store, "vin", &error));
  g_assert_error (error, ATELIER_TAGS_ERROR, ATELIER_TAGS_ERROR_NOT_FOUND);
}

/* Replaces the fixture's store by a file as version @version of the
 * schema left it, holding what @sql writes. */
static void
make_old_store (TestStore  *f,
                int         version,
                const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  g_clear_object (&f->store);
  test_remove_tree (f->dir);
  g_assert_cmpint (g_mkdir (f->dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_true (atelier_schema_migrate_to (db, 0, version, &error));
  g_assert_no_error (error);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
  g_assert_cmpint (test_read_user_version (f->path), ==, version);
}

/* From version 3: no tags, interests as text. */
static void
test_migration (TestStore *f, gconstpointer data)
{
  static const char v3[] =
    "INSERT INTO workshops (title, duration_minutes, capacity, category, created_at)"
    "  VALUES ('Maquillage', 60, 6, 'beauté', 1);"
    "INSERT INTO sessions (workshop_id, starts_at, ends_at, time_zone, capacity, uid, created_at)"
    "  VALUES (1, 1000, 2000, 'Europe/Paris', 6, 'u1', 1);"
    "INSERT INTO customers (given_name, interests, created_at)"
    "  VALUES ('Zoé', 'cuisine, Vin,  pâtisserie', 1), ('Hugo', 'vin', 2), ('Léa', '', 3);"
    "INSERT INTO registrations (session_id, customer_id, party_size, status, checked_in_at, created_at)"
    "  VALUES (1, 2, 1, 'confirmed', 1500, 900);";
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) list = NULL;
  g_auto(GStrv) zoe = NULL;
  g_autoptr(AtelierCustomer) hugo = NULL;

  make_old_store (f, 3, v3);
  f->store = atelier_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_read_user_version (f->path), ==, atelier_store_schema_version ());

  list = atelier_tags_list (f->store, NULL);
  g_assert_cmpstrv (list, ((const char *[]) { "beauté", "cuisine", "pâtisserie", "Vin", NULL }));
  zoe = atelier_tags_for_customer (f->store, 1, NULL);
  g_assert_cmpstrv (zoe, ((const char *[]) { "cuisine", "pâtisserie", "Vin", NULL }));
  hugo = atelier_store_get_customer (f->store, 2, NULL);
  g_assert_cmpstr (atelier_customer_get_first_came (hugo), ==, "store");
  g_assert_cmpint (atelier_customer_get_last_seen_at (hugo), ==, 1500);
}

/* From version 4, whose tag triggers step 5 replaces: the links made
 * before stay, and the new triggers link as the old ones did. */
static void
test_migration_tag_triggers (TestStore *f, gconstpointer data)
{
  static const char v4[] =
    "INSERT INTO workshops (title, duration_minutes, capacity, category, created_at)"
    "  VALUES ('Maquillage', 60, 6, 'Beauté', 1);"
    "INSERT INTO customers (given_name, interests, created_at)"
    "  VALUES ('Zoé', 'cuisine; Vin', 1), ('Hugo', 'vin', 2);";
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = NULL;
  g_autoptr(AtelierCustomer) lea = atelier_customer_new ("Léa", NULL);
  gint64 hugo = 2;

  make_old_store (f, 4, v4);
  f->store = atelier_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_read_user_version (f->path), ==, atelier_store_schema_version ());

  tags = atelier_tags_for_customer (f->store, 1, NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "cuisine", "Vin", NULL }));
  g_clear_pointer (&tags, g_strfreev);
  tags = atelier_tags_for_customer (f->store, hugo, NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "Vin", NULL }));
  g_clear_pointer (&tags, g_strfreev);

  /* Case aside, twice, blank, too long, or new: as before. */
  g_object_set (lea, "interests",
                "VIN, vin, beauté,  , bougies, "
                "0123456789012345678901234567890123456789012345678901234567890", NULL);
  g_assert_true (atelier_store_add_customer (f->store, lea, &error));
  g_assert_no_error (error);
  tags = atelier_tags_for_customer (f->store, atelier_customer_get_id (lea), NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "Beauté", "bougies", "Vin", NULL }));
  g_clear_pointer (&tags, g_strfreev);

  g_assert_true (atelier_tags_set_for_customer (f->store, hugo,
                                                (const char *[]) { "cuisine", "thé", NULL }, &error));
  g_assert_no_error (error);
  tags = atelier_tags_for_customer (f->store, hugo, NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "cuisine", "thé", NULL }));
  g_clear_pointer (&tags, g_strfreev);

  tags = atelier_tags_list (f->store, NULL);
  g_assert_cmpstrv (tags, ((const char *[]) { "Beauté", "bougies", "cuisine", "thé", "Vin", NULL }));
  g_assert_cmpstr (test_query_text (f->store, "SELECT count (*) FROM deferred_tag_links"), ==, "0");
}

static void
test_duplicates (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierCustomer) zoe = atelier_customer_new ("Zoé", "Martin");
  g_autoptr(AtelierCustomer) hugo = atelier_customer_new ("Hugo", "Bernard");
  g_autoptr(AtelierCustomer) gone = atelier_customer_new ("Gone", NULL);
  g_autoptr(GListModel) found = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (zoe, "email", "Zoe.Martin@Example.org", "phone", "+33 6 12 34 56 78", NULL);
  g_object_set (hugo, "email", "hugo@example.org", "phone", "(01) 23-45-67-89", NULL);
  g_object_set (gone, "email", "gone@example.org", "erased-at", (gint64) 5, NULL);
  g_assert_true (atelier_store_add_customer (f->store, zoe, NULL));
  g_assert_true (atelier_store_add_customer (f->store, hugo, NULL));
  g_assert_true (atelier_store_add_customer (f->store, gone, NULL));

  {
    g_autofree char *key = atelier_customer_book_phone_key ("+33 6 12 34 56 78");
    g_assert_cmpstr (key, ==, "0612345678");
  }

  found = atelier_customer_book_find_duplicates (f->store, " zoe.martin@EXAMPLE.org ", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);

  /* The same number in national form, spaced otherwise. */
  found = atelier_customer_book_find_duplicates (f->store, NULL, "06.12.34.56.78", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);

  /* Both at once, each once, oldest first. */
  found = atelier_customer_book_find_duplicates (f->store, "hugo@example.org", "0612345678", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 2);
  {
    g_autoptr(AtelierCustomer) first = g_list_model_get_item (found, 0);
    g_assert_cmpint (atelier_customer_get_id (first), ==, atelier_customer_get_id (zoe));
  }
  g_clear_object (&found);

  /* The customer being edited is not their own duplicate. */
  found = atelier_customer_book_find_duplicates (f->store, "hugo@example.org", "0123456789",
                                                 atelier_customer_get_id (hugo), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  g_clear_object (&found);

  /* Nothing matches nothing, an erased customer, or a too short number. */
  found = atelier_customer_book_find_duplicates (f->store, "", "", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
  g_clear_object (&found);
  found = atelier_customer_book_find_duplicates (f->store, "gone@example.org", "12", 0, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
}

static void
check_in (TestStore *f, gint64 session_id, gint64 customer_id)
{
  g_autoptr(AtelierRegistration) r = atelier_registration_new (session_id, customer_id, 1);

  g_object_set (r, "checked-in-at", (gint64) 1, NULL);
  g_assert_true (atelier_store_add_registration (f->store, r, NULL));
}

static void
test_invite_next (TestStore *f, gconstpointer data)
{
  gint64 cuisine = workshop (f, "Risotto", "cuisine");
  gint64 vin = workshop (f, "Loire", "vin");
  gint64 target = session (f, cuisine, 7);
  gint64 old_cuisine = session (f, cuisine, -30);
  gint64 older_cuisine = session (f, cuisine, -60);
  gint64 old_vin = session (f, vin, -20);
  gint64 fan = customer (f, "Fan", "fan@example.org", "Cuisine", TRUE);            /* match, 2 in category */
  gint64 keen = customer (f, "Keen", "keen@example.org", "cuisine, vin", TRUE);    /* match, 0 */
  gint64 contacted = customer (f, "Contacted", "c@example.org", "cuisine", TRUE);  /* match, 0, contacted */
  gint64 alumni = customer (f, "Alumni", "alumni@example.org", "vin", TRUE);       /* no match, 1 in category */
  gint64 regular = customer (f, "Regular", "regular@example.org", "cuisine", TRUE);
  gint64 refused = customer (f, "Refused", "no@example.org", "cuisine", FALSE);
  gint64 unreachable = customer (f, "Unreachable", NULL, "cuisine", TRUE);
  gint64 wine_only = customer (f, "Wine", "wine@example.org", "vin", TRUE);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) again = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) error = NULL;
  gint64 expected[] = { fan, keen, contacted, alumni };

  check_in (f, old_cuisine, fan);
  check_in (f, older_cuisine, fan);
  check_in (f, old_cuisine, alumni);
  check_in (f, old_vin, wine_only);
  check_in (f, old_vin, refused);
  attend (f, target, regular, FALSE);  /* already signed up */
  (void) unreachable;

  /* Contacted earlier about another session: comes after Keen. */
  {
    g_autoptr(GListStore) one = g_list_store_new (ATELIER_TYPE_INVITE_CANDIDATE);
    g_autoptr(GListModel) all = atelier_invite_next_list (f->store, target, 0, NULL);
    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(AtelierInviteCandidate) c = g_list_model_get_item (all, i);
        if (atelier_customer_get_id (atelier_invite_candidate_get_customer (c)) == contacted)
          g_list_store_append (one, c);
      }
    g_assert_true (atelier_invite_next_record_contacts (f->store, target, G_LIST_MODEL (one), NULL));
  }

  list = atelier_invite_next_list (f->store, target, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AtelierInviteCandidate) c = g_list_model_get_item (list, i);
      g_assert_cmpint (atelier_customer_get_id (atelier_invite_candidate_get_customer (c)), ==, expected[i]);
    }
  {
    g_autoptr(AtelierInviteCandidate) first = g_list_model_get_item (list, 0);
    g_autoptr(AtelierInviteCandidate) third = g_list_model_get_item (list, 2);
    g_autoptr(AtelierInviteCandidate) last = g_list_model_get_item (list, 3);
    g_assert_true (atelier_invite_candidate_get_interest_match (first));
    g_assert_cmpint (atelier_invite_candidate_get_attended_in_category (first), ==, 2);
    g_assert_cmpint (atelier_invite_candidate_get_last_contacted_at (third), >, 0);
    g_assert_false (atelier_invite_candidate_get_interest_match (last));
  }

  again = atelier_invite_next_list (f->store, target, 2, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (again), ==, 2);

  csv = atelier_invite_next_to_csv (list);
  g_assert_true (g_str_has_prefix (csv->str, "First Name,Last Name,Email,Language,Tags,Classes Attended,Last Contacted\r\n"
                                             "Fan,Test,fan@example.org,,Cuisine,2,\r\n"));

  g_assert_null (atelier_invite_next_list (f->store, 999, 0, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

  g_test_add ("/atelier/customers/profile-crud", TestStore, NULL, test_store_setup,
              test_profile_crud, test_store_teardown);
  g_test_add ("/atelier/customers/contact-rule", TestStore, NULL, test_store_setup,
              test_contact_rule, test_store_teardown);
  g_test_add ("/atelier/customers/derived-figures", TestStore, NULL, test_store_setup,
              test_derived_figures, test_store_teardown);
  g_test_add ("/atelier/customers/tags", TestStore, NULL, test_store_setup,
              test_tags, test_store_teardown);
  g_test_add ("/atelier/customers/migration", TestStore, NULL, test_store_setup,
              test_migration, test_store_teardown);
  g_test_add ("/atelier/customers/migration-tag-triggers", TestStore, NULL, test_store_setup,
              test_migration_tag_triggers, test_store_teardown);
  g_test_add ("/atelier/customers/duplicates", TestStore, NULL, test_store_setup,
              test_duplicates, test_store_teardown);
  g_test_add ("/atelier/customers/invite-next", TestStore, NULL, test_store_setup,
              test_invite_next, test_store_teardown);

  return g_test_run ();
}
