/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-format.c: dates, times and prices as the interface speaks
 *
 * Day and month names come from atelier_date_format(), which the CLI and
 * printed pages share.
 */
#define G_LOG_DOMAIN "atelier-format"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "atelier-date-format.h"
#include "atelier-format.h"
#include "atelier-money.h"

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
    start_text = atelier_date_format (start, _("%A %-d %B %Y, %H:%M"));
  else
    /* TRANSLATORS: the date and start time of a session, in g_date_time_format()
     * notation, e.g. "Tuesday 14 March, 18:30" */
    start_text = atelier_date_format (start, _("%A %-d %B, %H:%M"));

  if (same_day (start, end))
    /* TRANSLATORS: the end time of a session that ends on the day it
     * starts, appended to its start, e.g. "–20:30" */
    end_text = atelier_date_format (end, _("–%H:%M"));
  else
    /* TRANSLATORS: the end of a session that ends on another day than it
     * starts, appended to its start, e.g. " – Wednesday 15 March, 01:00" */
    end_text = atelier_date_format (end, _(" – %A %-d %B, %H:%M"));

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
  return atelier_date_format (start, _("%a %-d %b %Y, %H:%M"));
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
