/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-outbox.c: what customers are owed, SEQUENCE across changes, and
 * writing .ics/.eml files that clear the outbox only once written */
#define G_LOG_DOMAIN "test-outbox"

#include "config.h"

#include "atelier-outbox.h"
#include "atelier-reschedule.h"
#include "test-ical-util.h"

typedef IcalFixture Fixture;

typedef struct
{
  gint64      registration_id;
  const char *kind;
  const char *method;
  int         sequence;
} Expected;

/* The outbox of @session holds exactly @expected, in any order. */
static void
assert_outbox (Fixture *f, gint64 session, const Expected *expected, guint n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = atelier_outbox_list (f->base.store, session, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (items); j++)
        {
          g_autoptr(AtelierOutboxItem) item = g_list_model_get_item (items, j);

          if (atelier_outbox_item_get_registration_id (item) != expected[i].registration_id)
            continue;
          found = TRUE;
          g_assert_cmpstr (atelier_invite_kind_to_string (atelier_outbox_item_get_kind (item)), ==,
                           expected[i].kind);
          g_assert_cmpstr (atelier_outbox_item_get_method (item), ==, expected[i].method);
          g_assert_cmpint (atelier_outbox_item_get_sequence (item), ==, expected[i].sequence);
        }
      g_assert_true (found);
    }
}

static char *
outbox_dir (Fixture *f)
{
  return g_build_filename (f->base.dir, "outbox", NULL);
}

static guint
write_outbox (Fixture *f, gint64 session)
{
  g_autofree char *dir = outbox_dir (f);
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (atelier_outbox_write (f->base.store, session, dir, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* NAME-REG, with NAME as the customer's name should come out */
static char *
stem (const char *name, gint64 registration)
{
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT, name, registration);
}

/* The written calendar of one item, parsed and checked: @name is the
 * customer's name as it should appear in the files' names. */
static icalcomponent *
read_written (Fixture *f, const char *name, gint64 registration, int sequence,
              const char *method, const char *email)
{
  g_autofree char *dir = outbox_dir (f);
  g_autofree char *file_stem = stem (name, registration);
  g_autofree char *ics_name = g_strconcat (file_stem, ".ics", NULL);
  g_autofree char *eml_name = g_strconcat (file_stem, ".eml", NULL);
  g_autofree char *ics_path = g_build_filename (dir, ics_name, NULL);
  g_autofree char *eml_path = g_build_filename (dir, eml_name, NULL);
  g_autofree char *text = read_text_file (ics_path);
  g_autofree char *mail = read_text_file (eml_path);
  g_autofree char *method_parameter = g_strdup_printf ("method=%s", method);
  icalcomponent *calendar = parse_ical (text, method);
  icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
  icalproperty *attendee = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
  g_autofree char *mailto = g_strconcat ("mailto:", email, NULL);
  GStatBuf st;

  g_assert_cmpint (icalcomponent_get_sequence (event), ==, sequence);
  g_assert_cmpint (icalcomponent_count_properties (event, ICAL_ATTENDEE_PROPERTY), ==, 1);
  g_assert_cmpstr (icalproperty_get_attendee (attendee), ==, mailto);
  g_assert_nonnull (strstr (mail, method_parameter));
  g_assert_nonnull (strstr (mail, email));
  g_assert_cmpint (g_stat (ics_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  return calendar;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the outbox folder, sorted */
static GStrv
list_outbox (Fixture *f)
{
  g_autofree char *dir = outbox_dir (f);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return (GStrv) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
reschedule (Fixture *f, gint64 session_id, int hours, const char *place)
{
  g_autoptr(AtelierSession) session = atelier_store_get_session (f->base.store, session_id, NULL);
  g_autoptr(GError) error = NULL;

  g_object_set (session,
                "starts-at", atelier_session_get_starts_at (session) + hours * 3600,
                "ends-at", atelier_session_get_ends_at (session) + hours * 3600,
                NULL);
  if (place != NULL)
    g_object_set (session, "place", place, NULL);
  g_assert_true (atelier_reschedule_update_session (f->base.store, session, NULL, &error));
  g_assert_no_error (error);
}

static int
session_sequence (Fixture *f, gint64 session_id)
{
  g_autoptr(AtelierSession) session = atelier_store_get_session (f->base.store, session_id, NULL);

  return atelier_session_get_sequence (session);
}

/* The whole life of a session: invite, reschedule, a cancellation that
 * promotes from the waiting list, a re-invitation, a second change, and
 * the session's cancellation. Each customer's SEQUENCE only grows. */
static void
test_sequences (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 2);
  gint64 zoe = ical_sign_up (f, s, "Zoé", "Martin", "zoe@example.org", 2, NULL);
  gint64 hugo = ical_sign_up (f, s, "Hugo", "Moreau", "hugo@example.org", 2, NULL);
  gint64 lea = ical_sign_up (f, s, "Léa", "Roux", "lea@example.org", 3, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(icalcomponent) c = NULL;
  g_autoptr(AtelierCustomer) zoe_again = NULL;

  /* Zoé is confirmed; Hugo and Léa wait and are owed nothing. */
  assert_outbox (f, s, (Expected[]) { { zoe, "new", "REQUEST", 0 } }, 1);
  g_assert_cmpuint (write_outbox (f, s), ==, 1);
  c = read_written (f, "zoe-martin", zoe, 0, "REQUEST", "zoe@example.org");
  g_clear_pointer (&c, icalcomponent_free);
  assert_outbox (f, s, NULL, 0);
  g_assert_cmpuint (write_outbox (f, s), ==, 0);

  /* A new time: SEQUENCE 1 for the session, an update for Zoé. */
  reschedule (f, s, 24, NULL);
  g_assert_cmpint (session_sequence (f, s), ==, 1);
  assert_outbox (f, s, (Expected[]) { { zoe, "update", "REQUEST", 1 } }, 1);
  g_assert_cmpuint (write_outbox (f, s), ==, 1);
  c = read_written (f, "zoe-martin", zoe, 1, "REQUEST", "zoe@example.org");
  g_clear_pointer (&c, icalcomponent_free);

  /* Zoé cancels: her CANCEL raises her SEQUENCE, not the session's;
   * Hugo is promoted and owed a first REQUEST. */
  g_assert_true (atelier_booking_cancel (f->base.store, zoe, ATELIER_CANCELLED_BY_CUSTOMER, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (session_sequence (f, s), ==, 1);
  assert_outbox (f, s, (Expected[]) { { zoe, "cancelled", "CANCEL", 2 },
                                      { hugo, "promoted", "REQUEST", 1 } }, 2);
  g_assert_cmpuint (write_outbox (f, s), ==, 2);
  c = read_written (f, "zoe-martin", zoe, 2, "CANCEL", "zoe@example.org");
  g_assert_null (icalcomponent_get_first_property (icalcomponent_get_first_component (c, ICAL_VEVENT_COMPONENT),
                                                   ICAL_STATUS_PROPERTY));
  g_clear_pointer (&c, icalcomponent_free);
  c = read_written (f, "hugo-moreau", hugo, 1, "REQUEST", "hugo@example.org");
  g_clear_pointer (&c, icalcomponent_free);

  /* Zoé signs up again once the capacity grows: her new REQUEST must
   * outrank the CANCEL she received. Léa is promoted too. */
  g_assert_true (atelier_booking_set_capacity (f->base.store, s, 7, NULL, &error));
  g_assert_no_error (error);
  zoe_again = atelier_store_get_customer (f->base.store, 1, NULL);
  {
    g_autoptr(AtelierRegistration) r = atelier_booking_sign_up (f->base.store, s, zoe_again, 2, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (atelier_registration_get_id (r), ==, zoe);
  }
  assert_outbox (f, s, (Expected[]) { { zoe, "new", "REQUEST", 3 },
                                      { lea, "promoted", "REQUEST", 1 } }, 2);
  g_assert_cmpuint (write_outbox (f, s), ==, 2);

  /* A new place: everyone confirmed gets an update above what they had. */
  reschedule (f, s, 0, "Cuisine du premier étage");
  g_assert_cmpint (session_sequence (f, s), ==, 2);
  assert_outbox (f, s, (Expected[]) { { zoe, "update", "REQUEST", 4 },
                                      { hugo, "update", "REQUEST", 2 },
                                      { lea, "update", "REQUEST", 2 } }, 3);
  g_assert_cmpuint (write_outbox (f, s), ==, 3);
  c = read_written (f, "zoe-martin", zoe, 4, "REQUEST", "zoe@example.org");
  g_assert_cmpstr (icalcomponent_get_location (icalcomponent_get_first_component (c, ICAL_VEVENT_COMPONENT)),
                   ==, "Cuisine du premier étage");
  g_clear_pointer (&c, icalcomponent_free);

  /* The session is cancelled: CANCEL with STATUS:CANCELLED to each. */
  g_assert_true (atelier_booking_cancel_session (f->base.store, s, &error));
  g_assert_no_error (error);
  assert_outbox (f, s, (Expected[]) { { zoe, "session-cancelled", "CANCEL", 5 },
                                      { hugo, "session-cancelled", "CANCEL", 3 },
                                      { lea, "session-cancelled", "CANCEL", 3 } }, 3);
  g_assert_cmpuint (write_outbox (f, s), ==, 3);
  c = read_written (f, "hugo-moreau", hugo, 3, "CANCEL", "hugo@example.org");
  g_assert_cmpint (icalcomponent_get_status (icalcomponent_get_first_component (c, ICAL_VEVENT_COMPONENT)),
                   ==, ICAL_STATUS_CANCELLED);
  g_clear_pointer (&c, icalcomponent_free);
  assert_outbox (f, s, NULL, 0);

  /* Each newer message replaced the older one of the same registration:
   * one pair per customer, holding what they were sent last. */
  {
    g_autofree char *hugo_stem = stem ("hugo-moreau", hugo);
    g_autofree char *lea_stem = stem ("lea-roux", lea);
    g_autofree char *zoe_stem = stem ("zoe-martin", zoe);
    g_auto(GStrv) names = list_outbox (f);

    const char *stems[] = { hugo_stem, lea_stem, zoe_stem };

    g_assert_cmpuint (g_strv_length (names), ==, 6);
    for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
      {
        g_autofree char *ics = g_strconcat (stems[i], ".ics", NULL);
        g_autofree char *eml = g_strconcat (stems[i], ".eml", NULL);

        g_assert_true (g_strv_contains ((const char * const *) names, ics));
        g_assert_true (g_strv_contains ((const char * const *) names, eml));
      }
  }
}

/* Each file goes to its own customer: nobody's address in another's. */
static void
test_privacy (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 4);
  gint64 zoe = ical_sign_up (f, s, "Zoé", "Martin", "zoe@example.org", 1, "Allergique aux noix");
  gint64 hugo = ical_sign_up (f, s, "Hugo", "Moreau", "hugo@example.org", 1, NULL);
  g_autofree char *dir = outbox_dir (f);
  g_autofree char *zoe_stem = stem ("zoe-martin", zoe);
  g_autofree char *hugo_stem = stem ("hugo-moreau", hugo);
  g_autofree char *zoe_eml = g_strconcat (dir, "/", zoe_stem, ".eml", NULL);
  g_autofree char *hugo_ics = g_strconcat (dir, "/", hugo_stem, ".ics", NULL);
  g_autofree char *mail = NULL;
  g_autofree char *calendar = NULL;

  g_assert_cmpuint (write_outbox (f, 0), ==, 2);
  mail = read_text_file (zoe_eml);
  calendar = read_text_file (hugo_ics);
  g_assert_null (strstr (mail, "hugo@example.org"));
  g_assert_null (strstr (mail, "Moreau"));
  g_assert_null (strstr (mail, "noix"));
  g_assert_null (strstr (calendar, "zoe@example.org"));
}

static void
test_refused_without_organizer (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 4);
  gint64 zoe = ical_sign_up (f, s, "Zoé", "Martin", "zoe@example.org", 1, NULL);
  g_autofree char *dir = outbox_dir (f);
  g_autoptr(GError) error = NULL;
  guint n = 99;

  g_assert_true (atelier_settings_write (f->base.store, "organizer", "", &error));
  g_assert_false (atelier_outbox_write (f->base.store, s, dir, &n, &error));
  g_assert_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ORGANIZER);
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  assert_outbox (f, s, (Expected[]) { { zoe, "new", "REQUEST", 0 } }, 1);
}

/* Items stay owed when their files cannot be written, even as root. */
static void
test_unwritable_folder (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 4);
  gint64 hugo = ical_sign_up (f, s, "Hugo", "Moreau", "hugo@example.org", 1, NULL);
  gint64 zoe = ical_sign_up (f, s, "Zoé", "Martin", "zoe@example.org", 1, NULL);
  g_autofree char *file = g_build_filename (f->base.dir, "a-file", NULL);
  g_autofree char *below_file = g_build_filename (file, "outbox", NULL);
  g_autofree char *dir = outbox_dir (f);
  g_autofree char *zoe_stem = stem ("zoe-martin", zoe);
  g_autofree char *blocker = g_strconcat (dir, "/", zoe_stem, ".ics", NULL);
  g_autofree char *blocker_child = g_build_filename (blocker, "keep", NULL);
  g_autoptr(GError) error = NULL;
  guint n = 99;

  /* A folder that cannot exist: nothing is written, nothing cleared. */
  g_assert_true (g_file_set_contents (file, "", 0, NULL));
  g_assert_false (atelier_outbox_write (f->base.store, s, below_file, &n, &error));
  g_assert_error (error, ATELIER_OUTBOX_ERROR, ATELIER_OUTBOX_ERROR_WRITE);
  g_assert_cmpuint (n, ==, 0);
  g_clear_error (&error);
  assert_outbox (f, s, (Expected[]) { { hugo, "new", "REQUEST", 0 }, { zoe, "new", "REQUEST", 0 } }, 2);

  /* Zoé's file name is taken by a folder: Hugo's files (first, by name)
   * are written and his item cleared; Zoé's stays owed. */
  g_assert_cmpint (g_mkdir_with_parents (blocker, 0700), ==, 0);
  g_assert_true (g_file_set_contents (blocker_child, "", 0, NULL));
  g_assert_false (atelier_outbox_write (f->base.store, s, dir, &n, &error));
  g_assert_error (error, ATELIER_OUTBOX_ERROR, ATELIER_OUTBOX_ERROR_WRITE);
  g_assert_cmpuint (n, ==, 1);
  g_clear_error (&error);
  assert_outbox (f, s, (Expected[]) { { zoe, "new", "REQUEST", 0 } }, 1);

  /* No temporary file is left behind. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n_files = 0;

    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_assert_true (g_str_has_suffix (name, ".ics") || g_str_has_suffix (name, ".eml"));
        n_files++;
      }
    g_assert_cmpuint (n_files, ==, 3);
  }

  /* Once the way is clear, Zoé's goes out. */
  g_unlink (blocker_child);
  g_rmdir (blocker);
  g_assert_cmpuint (write_outbox (f, s), ==, 1);
  assert_outbox (f, s, NULL, 0);
}

static void
test_mark_sent_checks (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 4);
  gint64 zoe = ical_sign_up (f, s, "Zoé", "Martin", "zoe@example.org", 1, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = atelier_outbox_list (f->base.store, s, &error);
  g_autoptr(AtelierOutboxItem) item = g_list_model_get_item (items, 0);
  g_autoptr(GListModel) again = NULL;
  g_autoptr(AtelierOutboxItem) fresh = NULL;

  g_assert_no_error (error);
  /* The session moved after the listing: the stale item is refused. */
  reschedule (f, s, 2, NULL);
  g_assert_false (atelier_outbox_mark_sent (f->base.store, item, &error));
  g_assert_error (error, ATELIER_OUTBOX_ERROR, ATELIER_OUTBOX_ERROR_CHANGED);
  g_clear_error (&error);

  again = atelier_outbox_list (f->base.store, s, &error);
  fresh = g_list_model_get_item (again, 0);
  g_assert_cmpint (atelier_outbox_item_get_sequence (fresh), ==, 1);
  g_assert_true (atelier_outbox_mark_sent (f->base.store, fresh, &error));
  g_assert_no_error (error);
  assert_outbox (f, s, NULL, 0);
  g_assert_cmpstr (test_query_text (f->base.store, "SELECT sent_method || ' ' || sent_sequence"
                                                   " FROM registrations WHERE id = 1"), ==, "REQUEST 1");
  (void) zoe;
}

/* Customers with no address are not listed; past sessions neither. */
static void
test_outbox_leaves_out (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 4);
  g_autoptr(AtelierCustomer) nobody = atelier_customer_new ("Sans", "Adresse");
  g_autoptr(AtelierRegistration) r = NULL;
  g_autoptr(GError) error = NULL;

  r = atelier_booking_sign_up (f->base.store, s, nobody, 1, NULL, &error);
  g_assert_no_error (error);
  assert_outbox (f, s, NULL, 0);
}

static void
test_schedule_update (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 4);
  gint64 zoe = ical_sign_up (f, s, "Zoé", "Martin", "zoe@example.org", 1, NULL);
  g_autoptr(AtelierSession) session = atelier_store_get_session (f->base.store, s, NULL);
  g_autoptr(GError) error = NULL;

  /* Nothing a calendar shows changed: no new SEQUENCE. */
  g_assert_true (atelier_reschedule_update_session (f->base.store, session, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (session_sequence (f, s), ==, 0);

  g_object_set (session, "capacity", 10, NULL);
  g_assert_false (atelier_reschedule_update_session (f->base.store, session, NULL, &error));
  g_assert_error (error, ATELIER_RESCHEDULE_ERROR, ATELIER_RESCHEDULE_ERROR_CAPACITY);
  g_clear_error (&error);
  g_object_set (session, "capacity", 4, NULL);

  g_object_set (session, "ends-at", atelier_session_get_ends_at (session) + 1800, NULL);
  g_assert_true (atelier_reschedule_update_session (f->base.store, session, NULL, &error));
  g_assert_cmpint (atelier_session_get_sequence (session), ==, 1);
  g_assert_cmpint (session_sequence (f, s), ==, 1);

  /* A session that ends before it starts is refused, nothing changes. */
  g_object_set (session, "ends-at", atelier_session_get_starts_at (session) - 60, NULL);
  g_assert_false (atelier_reschedule_update_session (f->base.store, session, NULL, &error));
  g_assert_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (session_sequence (f, s), ==, 1);

  /* Status: cancelling through an update cancels its registrations. */
  g_clear_object (&session);
  session = atelier_store_get_session (f->base.store, s, NULL);
  g_assert_true (atelier_reschedule_update_session (f->base.store, session, ATELIER_SESSION_CANCELLED, &error));
  g_assert_no_error (error);
  g_assert_cmpint (session_sequence (f, s), ==, 2);
  g_assert_cmpstr (test_query_text (f->base.store, "SELECT status FROM registrations WHERE id = 1"),
                   ==, "cancelled");
  g_assert_false (atelier_reschedule_update_session (f->base.store, session, "postponed", &error));
  g_assert_error (error, ATELIER_RESCHEDULE_ERROR, ATELIER_RESCHEDULE_ERROR_STATUS);
  (void) zoe;
}

/* A file name from a customer's name: ASCII letters and digits in lower
 * case, words joined by "-", then the registration. */
static void
test_file_stem (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *name;
    gint64      registration;
    const char *stem;
  } cases[] = {
    { "Zoé Martin", 12, "zoe-martin-12" },
    { "  Jean-Éric   d’Orléans ", 3, "jean-eric-dorleans-3" },
    { "Ærøskøbing Straße", 4, "aeroeskoebing-strasse-4" },
    { "Nguyễn Văn Anh", 5, "nguyen-van-anh-5" },
    { "Łukasz Żółć", 6, "lukasz-zolc-6" },
    /* Out of the folder, hidden, or an option: never */
    { "../../etc/passwd", 7, "etc-passwd-7" },
    { "..", 8, "customer-8" },
    { ".hidden", 9, "hidden-9" },
    { "-rf /", 10, "rf-10" },
    { "a\\b/c:d*e?f\"g<h>i|j", 11, "a-b-c-d-e-f-g-h-i-j-11" },
    { "Line\r\nBreak\tTab\001\177End", 12, "line-break-tab-end-12" },
    /* Emoji and other scripts have no ASCII form */
    { "Zoé 🍄🧀 Martin", 13, "zoe-martin-13" },
    { "🍄🧀", 14, "customer-14" },
    { "محمد العلي", 15, "customer-15" },
    { "李小龙", 16, "customer-16" },
    { "", 17, "customer-17" },
    { NULL, 18, "customer-18" },
    { "\xff\xfe", 19, "customer-19" },
    { "C3PO 2000", 20, "c3po-2000-20" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *stem = atelier_outbox_file_stem (cases[i].name, cases[i].registration);

      g_assert_cmpstr (stem, ==, cases[i].stem);
    }

  /* A long name is cut, not the registration. */
  {
    g_autofree char *long_name = g_strnfill (300, 'x');
    g_autofree char *stem = atelier_outbox_file_stem (long_name, 123456);

    g_assert_cmpuint (strlen (stem), <=, 64);
    g_assert_true (g_str_has_suffix (stem, "x-123456"));
  }
}

/* Hostile names put nothing outside the folder, and every file name is
 * one a mail client takes. */
static void
test_file_names_written (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 6);
  gint64 up = ical_sign_up (f, s, "../..", "Zoé/..", "zoe@example.org", 1, NULL);
  gint64 emoji = ical_sign_up (f, s, "🍄", "🧀", "emoji@example.org", 1, NULL);
  gint64 twin1 = ical_sign_up (f, s, "Léa", "Roux", "lea@example.org", 1, NULL);
  gint64 twin2 = ical_sign_up (f, s, "Lea", "Roux", "lea.roux@example.org", 1, NULL);
  g_autofree char *dir = outbox_dir (f);
  g_autofree char *up_stem = stem ("zoe", up);
  g_autofree char *emoji_stem = stem ("customer", emoji);
  g_autofree char *twin1_stem = stem ("lea-roux", twin1);
  g_autofree char *twin2_stem = stem ("lea-roux", twin2);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  guint n = 0;

  g_assert_true (atelier_outbox_write_full (f->base.store, s, dir, &n, &files, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);

  /* The paths said are the files there, in the order written. */
  names = list_outbox (f);
  g_assert_cmpuint (g_strv_length (names), ==, 8);
  g_assert_cmpuint (files->len, ==, 8);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *folder = g_path_get_dirname (files->pdata[i]);
      g_autofree char *name = g_path_get_basename (files->pdata[i]);

      g_assert_cmpstr (folder, ==, dir);
      g_assert_true (g_strv_contains ((const char * const *) names, name));
      g_assert_true (g_str_has_suffix (name, i % 2 == 0 ? ".ics" : ".eml"));
    }
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_assert_cmpint (names[i][0], !=, '.');
      g_assert_cmpint (names[i][0], !=, '-');
      for (const char *p = names[i]; *p != '\0'; p++)
        g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '.');
    }
  for (guint i = 0; i < 4; i++)
    {
      const char *stems[] = { up_stem, emoji_stem, twin1_stem, twin2_stem };
      g_autofree char *ics = g_strconcat (stems[i], ".ics", NULL);
      g_autofree char *eml = g_strconcat (stems[i], ".eml", NULL);

      g_assert_true (g_strv_contains ((const char * const *) names, ics));
      g_assert_true (g_strv_contains ((const char * const *) names, eml));
    }

  /* Nothing beside the folder but what the fixture made. */
  {
    g_autoptr(GDir) listing = g_dir_open (f->base.dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_suffix (name, ".ics") || g_str_has_suffix (name, ".eml"));
  }
}

/* An update after the invitation, into the same folder: the newer pair
 * replaces the older one, and the mail carries the newer calendar. */
static void
test_update_replaces (Fixture *f, gconstpointer data)
{
  gint64 s = ical_session_in_days (f, 10, 4);
  gint64 zoe = ical_sign_up (f, s, "Zoé", "Martin", "zoe@example.org", 1, NULL);
  g_autofree char *dir = outbox_dir (f);
  g_autofree char *zoe_stem = stem ("zoe-martin", zoe);
  g_autofree char *eml_path = g_strconcat (dir, "/", zoe_stem, ".eml", NULL);
  g_autofree char *first_mail = NULL;
  g_autofree char *second_mail = NULL;
  g_autoptr(icalcomponent) c = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_cmpuint (write_outbox (f, s), ==, 1);
  first_mail = read_text_file (eml_path);
  c = read_written (f, "zoe-martin", zoe, 0, "REQUEST", "zoe@example.org");
  g_clear_pointer (&c, icalcomponent_free);

  reschedule (f, s, 48, "Cuisine du premier étage");
  g_assert_cmpuint (write_outbox (f, s), ==, 1);
  c = read_written (f, "zoe-martin", zoe, 1, "REQUEST", "zoe@example.org");
  g_assert_cmpstr (icalcomponent_get_location (icalcomponent_get_first_component (c, ICAL_VEVENT_COMPONENT)),
                   ==, "Cuisine du premier étage");
  second_mail = read_text_file (eml_path);
  g_assert_cmpstr (first_mail, !=, second_mail);

  names = list_outbox (f);
  g_assert_cmpuint (g_strv_length (names), ==, 2);
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/atelier/outbox/" path, Fixture, NULL, ical_fixture_setup, func, ical_fixture_teardown)

  ADD ("sequences", test_sequences);
  ADD ("privacy", test_privacy);
  ADD ("refused-without-organizer", test_refused_without_organizer);
  ADD ("unwritable-folder", test_unwritable_folder);
  ADD ("mark-sent-checks", test_mark_sent_checks);
  ADD ("leaves-out", test_outbox_leaves_out);
  ADD ("schedule-update", test_schedule_update);
  ADD ("file-stem", test_file_stem);
  ADD ("file-names-written", test_file_names_written);
  ADD ("update-replaces", test_update_replaces);

  return g_test_run ();
}
