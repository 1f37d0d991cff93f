/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-format.c: dates, times and prices as the interface speaks
 *
 * g_date_time_format() takes day and month names from LC_TIME. Under the
 * C locale (LANG=C.UTF-8 LANGUAGE=fr, common on a shop's tablet set up in
 * a hurry) those names are English in an otherwise French window; there,
 * and only there, the names come from the interface's own catalogue.
 */
#define G_LOG_DOMAIN "atelier-format"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "atelier-format.h"
#include "atelier-money.h"

static const char *const weekdays[] = {
  NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

static const char *const weekdays_short[] = {
  NC_("weekday abbreviation", "Mon"), NC_("weekday abbreviation", "Tue"),
  NC_("weekday abbreviation", "Wed"), NC_("weekday abbreviation", "Thu"),
  NC_("weekday abbreviation", "Fri"), NC_("weekday abbreviation", "Sat"),
  NC_("weekday abbreviation", "Sun"),
};

static const char *const months[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

static const char *const months_short[] = {
  NC_("month abbreviation", "Jan"), NC_("month abbreviation", "Feb"),
  NC_("month abbreviation", "Mar"), NC_("month abbreviation", "Apr"),
  NC_("month abbreviation", "May"), NC_("month abbreviation", "Jun"),
  NC_("month abbreviation", "Jul"), NC_("month abbreviation", "Aug"),
  NC_("month abbreviation", "Sep"), NC_("month abbreviation", "Oct"),
  NC_("month abbreviation", "Nov"), NC_("month abbreviation", "Dec"),
};

static gboolean
time_locale_has_names (void)
{
  const char *name = setlocale (LC_TIME, NULL);

  return name != NULL && strcmp (name, "C") != 0 && strcmp (name, "POSIX") != 0 &&
         !g_str_has_prefix (name, "C.");
}

/* The translated name a conversion stands for, or NULL for any other. */
static const char *
name_for (GDateTime *date_time,
          char       conversion)
{
  int weekday = g_date_time_get_day_of_week (date_time) - 1;
  int month = g_date_time_get_month (date_time) - 1;

  switch (conversion)
    {
    case 'A':
      return g_dpgettext2 (NULL, "weekday", weekdays[weekday]);
    case 'a':
      return g_dpgettext2 (NULL, "weekday abbreviation", weekdays_short[weekday]);
    case 'B':
      return g_dpgettext2 (NULL, "month", months[month]);
    case 'b':
      return g_dpgettext2 (NULL, "month abbreviation", months_short[month]);
    default:
      return NULL;
    }
}

static void
append_literal (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%')
        g_string_append_c (out, '%');
      g_string_append_c (out, *p);
    }
}

/**
 * atelier_format_date_time:
 * @format: a g_date_time_format() format, usually translatable
 *
 * Returns: (transfer full): @date_time formatted, with day and month
 *   names in the interface's language when the locale has none of its own
 */
char *
atelier_format_date_time (GDateTime  *date_time,
                          const char *format)
{
  g_autoptr(GString) named = NULL;

  g_return_val_if_fail (date_time != NULL && format != NULL, NULL);

  if (time_locale_has_names ())
    return g_date_time_format (date_time, format);

  named = g_string_new (NULL);
  for (const char *p = format; *p != '\0'; p++)
    {
      const char *name = p[0] == '%' ? name_for (date_time, p[1]) : NULL;

      if (name != NULL)
        {
          append_literal (named, name);
          p++;
        }
      else if (p[0] == '%' && p[1] != '\0')
        {
          g_string_append_len (named, p, 2);
          p++;
        }
      else
        g_string_append_c (named, *p);
    }

  return g_date_time_format (date_time, named->str);
}

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

/* " (America/New_York)" after @when when the session's zone is not the
 * computer's own. */
static char *
add_zone (char           *when,
          AtelierSession *session)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *zone = atelier_session_get_time_zone (session);
  char *with_zone;

  if (zone == NULL || *zone == '\0' || g_strcmp0 (zone, g_time_zone_get_identifier (local)) == 0)
    return when;

  /* TRANSLATORS: a session's date and time, then its time zone when it
   * is not the computer's, e.g. "Tuesday 14 March, 18:30–20:30 (America/New_York)" */
  with_zone = g_strdup_printf (_("%s (%s)"), when, zone);
  g_free (when);
  return with_zone;
}

#define EN_DASH "\342\200\223"
#define WORD_JOINER "\342\201\240"

static char *
join_after_dashes (char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, EN_DASH, -1);

  g_free (text);
  return g_strjoinv (EN_DASH WORD_JOINER, parts);
}

/**
 * atelier_format_session_when:
 * @flags: whether to say the year, and the zone when it is not the computer's
 *
 * Returns: (transfer full): when @session takes place in its own zone, as
 *   "Tuesday 14 March, 18:30–20:30", or with both dates when it ends on
 *   another day
 */
char *
atelier_format_session_when (AtelierSession   *session,
                             AtelierWhenFlags  flags)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  g_return_val_if_fail (ATELIER_IS_SESSION (session), NULL);

  start = atelier_session_dup_start (session);
  end = atelier_session_dup_end (session);

  if (flags & ATELIER_WHEN_WITH_YEAR)
    /* TRANSLATORS: the date and start time of a session on its page, in
     * g_date_time_format() notation, e.g. "Tuesday 14 March 2025, 18:30" */
    start_text = atelier_format_date_time (start, _("%A %-d %B %Y, %H:%M"));
  else
    /* TRANSLATORS: the date and start time of a session, in g_date_time_format()
     * notation, e.g. "Tuesday 14 March, 18:30" */
    start_text = atelier_format_date_time (start, _("%A %-d %B, %H:%M"));

  if (same_day (start, end))
    /* TRANSLATORS: the end time of a session that ends on the day it
     * starts, appended to its start, e.g. "–20:30" */
    end_text = atelier_format_date_time (end, _("–%H:%M"));
  else
    /* TRANSLATORS: the end of a session that ends on another day than it
     * starts, appended to its start, e.g. " – Wednesday 15 March, 01:00" */
    end_text = atelier_format_date_time (end, _(" – %A %-d %B, %H:%M"));

  if (start_text == NULL || end_text == NULL)
    return g_strdup ("");

  /* "18:30–20:30" is one word to a reader: a narrow card must not break
   * it after the dash (a word joiner forbids that line break). */
  end_text = join_after_dashes (g_steal_pointer (&end_text));

  if (flags & ATELIER_WHEN_WITH_ZONE)
    return add_zone (g_strconcat (start_text, end_text, NULL), session);
  return g_strconcat (start_text, end_text, NULL);
}

/**
 * atelier_format_session_start:
 *
 * Returns: (transfer full): when @session starts in its own zone, short
 *   and with the year, as lists of sessions show it: "Tue 14 Mar 2025, 18:30"
 */
char *
atelier_format_session_start (AtelierSession *session)
{
  g_autoptr(GDateTime) start = NULL;

  g_return_val_if_fail (ATELIER_IS_SESSION (session), NULL);

  start = atelier_session_dup_start (session);
  /* TRANSLATORS: when a session starts, in a list of sessions (a
   * customer's history, the session chooser), in g_date_time_format()
   * notation, e.g. "Tue 14 Mar 2025, 18:30" */
  return atelier_format_date_time (start, _("%a %-d %b %Y, %H:%M"));
}

/**
 * atelier_format_duration:
 *
 * Returns: (transfer full): @minutes as the catalogue shows a duration:
 *   "2 h", "1 h 30 min", "45 min"
 */
char *
atelier_format_duration (int minutes)
{
  if (minutes < 60)
    /* TRANSLATORS: a duration under an hour, e.g. "45 min" */
    return g_strdup_printf (C_("duration", "%d min"), minutes);
  if (minutes % 60 == 0)
    /* TRANSLATORS: a duration in whole hours, e.g. "2 h" */
    return g_strdup_printf (C_("duration", "%d h"), minutes / 60);
  /* TRANSLATORS: a duration in hours and minutes, e.g. "1 h 30 min" */
  return g_strdup_printf (C_("duration", "%d h %02d min"), minutes / 60, minutes % 60);
}

/**
 * atelier_format_price:
 * @minor_units: a price in @currency's minor unit (cents, or yen)
 * @currency: the store's currency, an ISO 4217 code
 *
 * Returns: (transfer full): the price as the interface writes money
 *   ("€25.00", "25,00 €"), or "Free" for nothing
 */
char *
atelier_format_price (gint64      minor_units,
                      const char *currency)
{
  if (minor_units <= 0)
    return g_strdup (C_("price", "Free"));

  return atelier_money_format (minor_units, currency);
}
