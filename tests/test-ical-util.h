/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ical-util.h: what the invitation tests share: a store with a
 * workshop and settings, and checks of produced iCalendar text */
#pragma once

#include <libical/ical.h>
#include <stdlib.h>

#include "atelier-booking.h"
#include "atelier-invite.h"
#include "atelier-settings.h"
#include "test-util.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* Long enough to be folded several times, with accents and an emoji
 * (4 octets) for the folds to fall on. */
#define LONG_FRENCH_DESCRIPTION \
  "Un atelier pour apprendre à préparer un risotto crémeux aux cèpes : " \
  "choisir le riz, nacrer, mouiller au bouillon louche après louche, " \
  "et réussir la mantecatura finale avec un parmesan affiné vingt-quatre mois 🍄🧀. " \
  "Déjà fait ? Venez quand même : les cèpes séchés, ça s’apprend ! Ça, c’est l’été ☀️."

typedef struct
{
  TestStore  base;
  gint64     workshop_id;
} IcalFixture;

static inline void
ical_fixture_setup (IcalFixture *f, gconstpointer data)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto aux cèpes");
  g_autoptr(GError) error = NULL;

  test_store_setup (&f->base, data);
  g_object_set (workshop,
                "capacity", 4, "duration-minutes", 150,
                "description", LONG_FRENCH_DESCRIPTION,
                "takeaway", "Un bocal de bouillon maison",
                "host", "Chef Élodie Marchand",
                NULL);
  g_assert_true (atelier_store_add_workshop (f->base.store, workshop, &error));
  g_assert_no_error (error);
  f->workshop_id = atelier_workshop_get_id (workshop);

  g_assert_true (atelier_settings_write (f->base.store, "store-name", "Cuisine & Co, Lyon; 2e", &error));
  g_assert_true (atelier_settings_write (f->base.store, "organizer", "ateliers@cuisine.example", &error));
  g_assert_true (atelier_settings_write (f->base.store, "address", "12 rue Mercière, 69002 Lyon", &error));
  g_assert_no_error (error);
}

static inline void
ical_fixture_teardown (IcalFixture *f, gconstpointer data)
{
  test_store_teardown (&f->base, data);
}

/* A session starting @days from now at 18:30 Paris time. */
static inline gint64
ical_session_in_days (IcalFixture *f,
                      int          days,
                      int          capacity)
{
  g_autoptr(GTimeZone) paris = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) now = g_date_time_new_now (paris);
  g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
  g_autoptr(GDateTime) starts = g_date_time_new (paris, g_date_time_get_year (day),
                                                 g_date_time_get_month (day),
                                                 g_date_time_get_day_of_month (day), 18, 30, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_minutes (starts, 150);
  g_autoptr(AtelierSession) session = atelier_session_new (f->workshop_id, starts, ends, "Europe/Paris");
  g_autoptr(GError) error = NULL;

  g_object_set (session, "capacity", capacity, NULL);
  g_assert_true (atelier_store_add_session (f->base.store, session, &error));
  g_assert_no_error (error);
  return atelier_session_get_id (session);
}

static inline AtelierCustomer *
ical_customer (IcalFixture *f,
               const char  *given,
               const char  *family,
               const char  *email)
{
  AtelierCustomer *c = atelier_customer_new (given, family);
  g_autoptr(GError) error = NULL;

  g_object_set (c, "email", email, NULL);
  g_assert_true (atelier_store_add_customer (f->base.store, c, &error));
  g_assert_no_error (error);
  return c;
}

static inline gint64
ical_sign_up (IcalFixture *f,
              gint64       session_id,
              const char  *given,
              const char  *family,
              const char  *email,
              int          party,
              const char  *note)
{
  g_autoptr(AtelierCustomer) c = ical_customer (f, given, family, email);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierRegistration) r =
    atelier_booking_sign_up (f->base.store, session_id, c, party, note, &error);

  g_assert_no_error (error);
  return atelier_registration_get_id (r);
}

/* The raw rules of RFC 5545 that a parser forgives: CRLF everywhere, no
 * line over 75 octets, no fold inside a UTF-8 character. */
static inline void
assert_ical_raw (const char *text)
{
  const char *line = text;

  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  while (*line != '\0')
    {
      const char *end = strstr (line, "\r\n");
      g_autofree char *copy = NULL;

      g_assert_nonnull (end);
      copy = g_strndup (line, end - line);
      g_assert_null (strchr (copy, '\n'));
      g_assert_null (strchr (copy, '\r'));
      if (end - line > 75)
        g_error ("Line of %d octets: %s", (int) (end - line), copy);
      /* Each physical line is whole UTF-8: a fold never cut a character. */
      g_assert_true (g_utf8_validate (copy, -1, NULL));
      line = end + 2;
    }
}

static inline int
count_lines_starting (const char *text,
                      const char *prefix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  int n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      n++;
  return n;
}

static inline icalcomponent *
find_vtimezone (icalcomponent *calendar,
                const char    *tzid)
{
  /* An external iterator: the component's own one may be in use. */
  icalcompiter iter = icalcomponent_begin_component (calendar, ICAL_VTIMEZONE_COMPONENT);

  for (icalcomponent *c = icalcompiter_deref (&iter); c != NULL; c = icalcompiter_next (&iter))
    {
      icalproperty *p = icalcomponent_get_first_property (c, ICAL_TZID_PROPERTY);
      if (p != NULL && g_strcmp0 (icalproperty_get_tzid (p), tzid) == 0)
        return c;
    }
  return NULL;
}

/* Every TZID parameter of every event has its VTIMEZONE in the file. */
static inline void
assert_tzids_defined (icalcomponent *calendar)
{
  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       e != NULL; e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    for (icalproperty *p = icalcomponent_get_first_property (e, ICAL_ANY_PROPERTY);
         p != NULL; p = icalcomponent_get_next_property (e, ICAL_ANY_PROPERTY))
      {
        icalparameter *tzid = icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER);
        if (tzid != NULL)
          {
            g_assert_nonnull (find_vtimezone (calendar, icalparameter_get_tzid (tzid)));
            g_assert_false (g_str_has_prefix (icalparameter_get_tzid (tzid), "/"));
          }
      }
}

/* Parses @text with libical, checks what every produced calendar must
 * satisfy, and returns it. */
static inline icalcomponent *
parse_ical (const char *text,
            const char *method)
{
  icalcomponent *calendar;
  icalproperty *method_property;

  assert_ical_raw (text);
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_true (icalcomponent_is_valid (calendar));
  g_assert_null (icalcomponent_get_first_property (calendar, ICAL_XLICERROR_PROPERTY));
  method_property = icalcomponent_get_first_property (calendar, ICAL_METHOD_PROPERTY);
  g_assert_nonnull (method_property);
  g_assert_cmpstr (icalproperty_method_to_string (icalproperty_get_method (method_property)), ==, method);
  assert_tzids_defined (calendar);

  for (icalcomponent *e = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       e != NULL; e = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      icalproperty *dtstamp = icalcomponent_get_first_property (e, ICAL_DTSTAMP_PROPERTY);
      g_assert_nonnull (dtstamp);
      g_assert_true (icaltime_is_utc (icalproperty_get_dtstamp (dtstamp)));
      g_assert_null (icalcomponent_get_first_property (e, ICAL_XLICERROR_PROPERTY));
    }

  return calendar;
}

static inline int
count_properties (icalcomponent *component,
                  icalproperty_kind kind)
{
  return icalcomponent_count_properties (component, kind);
}

static inline int
count_parameters (icalproperty *property)
{
  int n = 0;

  for (icalparameter *p = icalproperty_get_first_parameter (property, ICAL_ANY_PARAMETER);
       p != NULL; p = icalproperty_get_next_parameter (property, ICAL_ANY_PARAMETER))
    n++;
  return n;
}

static inline char *
read_text_file (const char *path)
{
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}
