/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session-util.h: what the tests of the session page's parts share:
 * a workshop, sessions around now, and sign-ups through the rules */
#pragma once

#include <gtk/gtk.h>

#include "atelier-booking.h"
#include "test-util.h"

static inline gint64
test_add_workshop (AtelierStore *store,
                   const char   *title,
                   const char   *host)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (title);
  g_autoptr(GError) error = NULL;

  g_object_set (workshop, "capacity", 10, "duration-minutes", 120, "host", host, NULL);
  g_assert_true (atelier_store_add_workshop (store, workshop, &error));
  g_assert_no_error (error);
  return atelier_workshop_get_id (workshop);
}

/* A two-hour session starting @hours from now, on the hour, in @zone */
static inline gint64
test_add_session (AtelierStore *store,
                  gint64        workshop_id,
                  int           hours,
                  int           capacity,
                  const char   *zone)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) hour = g_date_time_new_utc (g_date_time_get_year (now),
                                                   g_date_time_get_month (now),
                                                   g_date_time_get_day_of_month (now),
                                                   g_date_time_get_hour (now), 0, 0);
  g_autoptr(GDateTime) starts = g_date_time_add_hours (hour, hours);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);
  g_autoptr(AtelierSession) session = atelier_session_new (workshop_id, starts, ends, zone);
  g_autoptr(GError) error = NULL;

  g_object_set (session, "capacity", capacity, "place", "Kitchen", NULL);
  g_assert_true (atelier_store_add_session (store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static inline AtelierSession *
test_get_session (AtelierStore *store,
                  gint64        session_id)
{
  g_autoptr(GError) error = NULL;
  AtelierSession *session = atelier_store_get_session (store, session_id, &error);

  g_assert_no_error (error);
  return session;
}

/* Signs "@given_name Test" up through the booking rules. */
static inline AtelierRegistration *
test_sign_up (AtelierStore *store,
              gint64        session_id,
              const char   *given_name,
              int           party_size,
              const char   *expected_status)
{
  g_autoptr(AtelierCustomer) customer = atelier_customer_new (given_name, "Test");
  g_autoptr(GError) error = NULL;
  AtelierRegistration *registration;

  registration = atelier_booking_sign_up (store, session_id, customer, party_size, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (atelier_registration_get_status (registration), ==, expected_status);
  return registration;
}

/* The registration as the store has it now. */
static inline AtelierRegistration *
test_get_registration (AtelierStore *store,
                       gint64        registration_id)
{
  g_autoptr(GError) error = NULL;
  AtelierRegistration *registration = atelier_store_get_registration (store, registration_id, &error);

  g_assert_no_error (error);
  return registration;
}

