/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-attendance.c: what became of a registration, and the Attendance
 * column of the attendance export that says it */
#define G_LOG_DOMAIN "test-attendance"

#include "config.h"

#include "atelier-attendance.h"
#include "atelier-customer-book.h"
#include "test-util.h"

static void
test_decide (void)
{
  static const struct
  {
    const char        *status;
    gint64             checked_in_at;
    int                arrived;
    int                party_size;
    gboolean           session_cancelled;
    gboolean           session_ended;
    AtelierAttendance  expected;
  } cases[] = {
    { ATELIER_REGISTRATION_CONFIRMED, 0, 0, 2, FALSE, FALSE, ATELIER_ATTENDANCE_EXPECTED },
    { ATELIER_REGISTRATION_CONFIRMED, 0, 0, 2, FALSE, TRUE, ATELIER_ATTENDANCE_NO_SHOW },
    /* Checked in: the whole party, recorded or not. */
    { ATELIER_REGISTRATION_CONFIRMED, 100, 0, 2, FALSE, TRUE, ATELIER_ATTENDANCE_ATTENDED },
    { ATELIER_REGISTRATION_CONFIRMED, 100, 2, 2, FALSE, TRUE, ATELIER_ATTENDANCE_ATTENDED },
    /* Here before the end is attended already, not expected. */
    { ATELIER_REGISTRATION_CONFIRMED, 100, 0, 1, FALSE, FALSE, ATELIER_ATTENDANCE_ATTENDED },
    { ATELIER_REGISTRATION_CONFIRMED, 100, 1, 3, FALSE, TRUE, ATELIER_ATTENDANCE_PARTLY_ATTENDED },
    { ATELIER_REGISTRATION_WAITLISTED, 0, 0, 2, FALSE, FALSE, ATELIER_ATTENDANCE_WAITING },
    { ATELIER_REGISTRATION_WAITLISTED, 0, 0, 2, FALSE, TRUE, ATELIER_ATTENDANCE_WAITING },
    { ATELIER_REGISTRATION_CANCELLED, 0, 0, 1, FALSE, TRUE, ATELIER_ATTENDANCE_CANCELLED },
    /* A cancellation wins over a check-in recorded before it. */
    { ATELIER_REGISTRATION_CANCELLED, 100, 0, 1, FALSE, TRUE, ATELIER_ATTENDANCE_CANCELLED },
    /* So does the session's own cancellation. */
    { ATELIER_REGISTRATION_CONFIRMED, 0, 0, 1, TRUE, TRUE, ATELIER_ATTENDANCE_CANCELLED },
    { ATELIER_REGISTRATION_WAITLISTED, 0, 0, 1, TRUE, FALSE, ATELIER_ATTENDANCE_CANCELLED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (atelier_attendance_decide (cases[i].status, cases[i].checked_in_at,
                                                  cases[i].arrived, cases[i].party_size,
                                                  cases[i].session_cancelled, cases[i].session_ended),
                       ==, cases[i].expected);
    }
}

static void
test_words (void)
{
  g_assert_cmpstr (atelier_attendance_to_string (ATELIER_ATTENDANCE_ATTENDED), ==, "attended");
  g_assert_cmpstr (atelier_attendance_to_string (ATELIER_ATTENDANCE_PARTLY_ATTENDED), ==, "partly-attended");
  g_assert_cmpstr (atelier_attendance_to_string (ATELIER_ATTENDANCE_NO_SHOW), ==, "no-show");
  g_assert_cmpstr (atelier_attendance_to_string (ATELIER_ATTENDANCE_CANCELLED), ==, "cancelled");
  g_assert_cmpstr (atelier_attendance_to_string (ATELIER_ATTENDANCE_WAITING), ==, "waiting");
  g_assert_cmpstr (atelier_attendance_to_string (ATELIER_ATTENDANCE_EXPECTED), ==, "expected");
}

/* A session @days from now, cancelled if asked. */
static gint64
add_session (TestStore *f,
             gint64     workshop_id,
             int        days,
             gboolean   cancelled)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) starts = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) s = atelier_session_new (workshop_id, starts, ends, "Europe/Paris");

  g_object_set (s, "capacity", 10,
                "status", cancelled ? ATELIER_SESSION_CANCELLED : ATELIER_SESSION_SCHEDULED, NULL);
  g_assert_true (atelier_store_add_session (f->store, s, NULL));
  return atelier_session_get_id (s);
}

/* A customer named @family registered to @session_id as said. */
static void
add_registration (TestStore  *f,
                  gint64      session_id,
                  const char *family,
                  int         party_size,
                  const char *status,
                  gboolean    here,
                  int         arrived)
{
  g_autoptr(AtelierCustomer) c = atelier_customer_new ("Test", family);
  g_autoptr(AtelierRegistration) r = NULL;

  g_assert_true (atelier_store_add_customer (f->store, c, NULL));
  r = atelier_registration_new (session_id, atelier_customer_get_id (c), party_size);
  g_object_set (r, "status", status,
                "waitlist-position", g_str_equal (status, ATELIER_REGISTRATION_WAITLISTED) ? 1 : 0,
                "checked-in-at", here ? (gint64) 1 : (gint64) 0, "arrived", arrived, NULL);
  g_assert_true (atelier_store_add_registration (f->store, r, NULL));
}

/* The Attendance field of the line of the customer named @family. */
static char *
attendance_of (const GString *csv,
               const char    *family)
{
  g_autofree char *needle = g_strdup_printf (",Test %s,", family);
  g_auto(GStrv) lines = g_strsplit (csv->str, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      {
        g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

        g_assert_cmpuint (g_strv_length (fields), ==, 10);
        return g_strdup (fields[7]);
      }
  g_error ("No line for %s in %s", family, csv->str);
  return NULL;
}

static void
test_export_column (TestStore *f, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) w = atelier_workshop_new ("Risotto");
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const expected[][2] = {
    { "Attended", "attended" },
    { "Partly", "partly-attended" },
    { "Missed", "no-show" },
    { "Cancelled", "cancelled" },
    { "Waiting", "waiting" },
    { "Ahead", "expected" },
    { "Called", "cancelled" },
  };
  gint64 past;
  gint64 ahead;
  gint64 called_off;

  g_object_set (w, "capacity", 10, NULL);
  g_assert_true (atelier_store_add_workshop (f->store, w, NULL));
  past = add_session (f, atelier_workshop_get_id (w), -3, FALSE);
  ahead = add_session (f, atelier_workshop_get_id (w), 3, FALSE);
  called_off = add_session (f, atelier_workshop_get_id (w), -2, TRUE);

  add_registration (f, past, "Attended", 2, ATELIER_REGISTRATION_CONFIRMED, TRUE, 0);
  add_registration (f, past, "Partly", 3, ATELIER_REGISTRATION_CONFIRMED, TRUE, 1);
  add_registration (f, past, "Missed", 1, ATELIER_REGISTRATION_CONFIRMED, FALSE, 0);
  add_registration (f, past, "Cancelled", 1, ATELIER_REGISTRATION_CANCELLED, FALSE, 0);
  add_registration (f, past, "Waiting", 2, ATELIER_REGISTRATION_WAITLISTED, FALSE, 0);
  add_registration (f, ahead, "Ahead", 1, ATELIER_REGISTRATION_CONFIRMED, FALSE, 0);
  add_registration (f, called_off, "Called", 1, ATELIER_REGISTRATION_CONFIRMED, FALSE, 0);

  csv = atelier_customer_book_export_attendance (f->store, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  /* One column says it; Status is gone, Checked In and Arrived stay as
   * the details. */
  g_assert_true (g_str_has_prefix (csv->str,
                                   "Session,Start,Workshop,Customer ID,Customer,Email,Party,"
                                   "Attendance,Checked In,Arrived\r\n"));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *attendance = attendance_of (csv, expected[i][0]);

      g_assert_cmpstr (attendance, ==, expected[i][1]);
    }
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/atelier/attendance/decide", test_decide);
  g_test_add_func ("/atelier/attendance/words", test_words);
  g_test_add ("/atelier/attendance/export-column", TestStore, NULL, test_store_setup,
              test_export_column, test_store_teardown);

  return g_test_run ();
}
