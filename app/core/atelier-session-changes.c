/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-changes.c: what changed in a session, and how it is
 * said
 *
 * Whether a change raises a session's SEQUENCE (and owes its customers
 * an update), whether the editor asks "Reschedule?" or "Change the
 * Place?", and the words that say what was done all follow from one
 * comparison here. A start that moves within its day is a new start
 * time; a start on another day is a new date (and a new time of day
 * when that differs too), judged in the session's own zone.
 */
#define G_LOG_DOMAIN "atelier-session-changes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "atelier-session-changes.h"

static gboolean
same_day (GDateTime *a,
          GDateTime *b)
{
  return g_date_time_get_year (a) == g_date_time_get_year (b) &&
         g_date_time_get_day_of_year (a) == g_date_time_get_day_of_year (b);
}

static gboolean
same_time_of_day (GDateTime *a,
                  GDateTime *b)
{
  return g_date_time_get_hour (a) == g_date_time_get_hour (b) &&
         g_date_time_get_minute (a) == g_date_time_get_minute (b) &&
         g_date_time_get_second (a) == g_date_time_get_second (b);
}

/* An empty place is no place. */
static const char *
place_of (AtelierSession *session)
{
  const char *place = atelier_session_get_place (session);

  return place != NULL && *place != '\0' ? place : NULL;
}

/**
 * atelier_session_changes_between:
 * @before: the session as it was
 * @after: the same session as it is to be
 *
 * What a customer's calendar would show differently: the date and time
 * of day of the start (in each version's own zone), the end, the zone
 * and the place. Capacity, status and the rest are not among them.
 *
 * Returns: the changes, %ATELIER_SESSION_CHANGED_NOTHING if none
 */
AtelierSessionChanges
atelier_session_changes_between (AtelierSession *before,
                                 AtelierSession *after)
{
  g_autoptr(GDateTime) start_before = NULL;
  g_autoptr(GDateTime) start_after = NULL;
  AtelierSessionChanges changes = ATELIER_SESSION_CHANGED_NOTHING;

  g_return_val_if_fail (ATELIER_IS_SESSION (before), ATELIER_SESSION_CHANGED_NOTHING);
  g_return_val_if_fail (ATELIER_IS_SESSION (after), ATELIER_SESSION_CHANGED_NOTHING);

  start_before = atelier_session_dup_start (before);
  start_after = atelier_session_dup_start (after);

  if (atelier_session_get_starts_at (before) != atelier_session_get_starts_at (after))
    {
      if (!same_day (start_before, start_after))
        changes |= ATELIER_SESSION_CHANGED_DATE;
      /* Moved by whole days, or the same wall-clock time in another
       * zone, is a new date only. */
      if (!same_time_of_day (start_before, start_after) || !(changes & ATELIER_SESSION_CHANGED_DATE))
        changes |= ATELIER_SESSION_CHANGED_START;
    }
  if (atelier_session_get_ends_at (before) != atelier_session_get_ends_at (after))
    changes |= ATELIER_SESSION_CHANGED_END;
  if (g_strcmp0 (atelier_session_get_time_zone (before), atelier_session_get_time_zone (after)) != 0)
    changes |= ATELIER_SESSION_CHANGED_ZONE;
  if (g_strcmp0 (place_of (before), place_of (after)) != 0)
    changes |= ATELIER_SESSION_CHANGED_PLACE;

  return changes;
}

static char *
format_local (AtelierSession            *session,
              gint64                     unix_time,
              const char                *format,
              AtelierDateTimeFormatFunc  format_func)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (atelier_session_get_time_zone (session));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone ? zone : g_date_time_get_timezone (utc));

  return format_func (local, format);
}

/**
 * atelier_session_changes_describe:
 * @before: the session as it was, with its workshop's title
 * @after: the same session as it is now
 * @format: (nullable): formats the times, g_date_time_format() if %NULL
 *   (the interface passes its own, which names days and months in its
 *   language under any locale)
 *
 * What was done, in the interface's language, in the few words a toast
 * has: "Risotto moved to Tue 8 Dec, 18:30" for a new date or start, else
 * "Risotto now ends at 21:00" for a new end, else "Risotto now at
 * Terrace" for a new place. Times are in @after's zone.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL when nothing
 *   a customer would see changed (or only the place was taken away)
 */
char *
atelier_session_changes_describe (AtelierSession            *before,
                                  AtelierSession            *after,
                                  AtelierDateTimeFormatFunc  format)
{
  AtelierSessionChanges changes = atelier_session_changes_between (before, after);
  const char *title = atelier_session_get_workshop_title (before);

  if (format == NULL)
    format = g_date_time_format;
  if (title == NULL)
    title = "";

  if (changes & (ATELIER_SESSION_CHANGED_DATE | ATELIER_SESSION_CHANGED_START))
    {
      /* TRANSLATORS: under "Edit Session": the workshop and when, e.g.
       * "Risotto, Tue 14 Mar, 18:30" */
      g_autofree char *when = format_local (after, atelier_session_get_starts_at (after),
                                            _("%a %-d %b, %H:%M"), format);

      /* TRANSLATORS: a toast once a session is rescheduled: the workshop
       * and its new start, e.g. "Risotto Lesson moved to Tue 8 Dec, 18:30" */
      return g_strdup_printf (_("%s moved to %s"), title, when);
    }

  if (changes & ATELIER_SESSION_CHANGED_END)
    {
      /* TRANSLATORS: a time of day, in g_date_time_format() notation */
      g_autofree char *end = format_local (after, atelier_session_get_ends_at (after),
                                           _("%H:%M"), format);

      /* TRANSLATORS: a toast once a session's end changed, e.g.
       * "Risotto Lesson now ends at 21:00" */
      return g_strdup_printf (_("%s now ends at %s"), title, end);
    }

  if ((changes & ATELIER_SESSION_CHANGED_PLACE) && place_of (after) != NULL)
    /* TRANSLATORS: a toast once a session has a new place, e.g.
     * "Risotto Lesson now at Terrace" */
    return g_strdup_printf (_("%s now at %s"), title, place_of (after));

  return NULL;
}
