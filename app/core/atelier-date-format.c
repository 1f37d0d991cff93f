/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-date-format.c: dates as the interface speaks, for the window,
 * the CLI and printed pages alike
 *
 * g_date_time_format() takes day and month names from LC_TIME. Under the
 * C locale (LANG=C.UTF-8 LANGUAGE=fr, common on a shop's tablet set up in
 * a hurry) those names are English in an otherwise French text; there,
 * and only there, the names come from the interface's own catalogue.
 */
#define G_LOG_DOMAIN "atelier-date-format"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "atelier-date-format.h"

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
 * atelier_date_format:
 * @format: a g_date_time_format() format, usually translatable
 *
 * Returns: (transfer full): @date_time formatted, with day and month
 *   names in the interface's language when the locale has none of its own
 */
char *
atelier_date_format (GDateTime  *date_time,
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
