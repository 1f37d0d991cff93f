/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-wording.c: the texts customers read, in their language */
#define G_LOG_DOMAIN "atelier-wording"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "atelier-session-changes.h"
#include "atelier-wording-private.h"

/* French typography: a no-break space before ":" (U+00A0). */
#define NBSP "\302\240"

static const char *const english[ATELIER_WORDING_N_TEXTS] = {
  [ATELIER_WORDING_HOST] = "Host: {host}",
  [ATELIER_WORDING_TAKEAWAY] = "What you take home: {takeaway}",
  [ATELIER_WORDING_BRING] = "What to bring: {bring}",
  [ATELIER_WORDING_PARTY] = "Party of {party}",
  [ATELIER_WORDING_REMINDER] = "Reminder: {title}",
  [ATELIER_WORDING_CHANGED_DATE] = "The date has changed: it now takes place on {when} instead of {was}.",
  [ATELIER_WORDING_CHANGED_START] = "The start time has changed: it now starts at {time} instead of {was}.",
  [ATELIER_WORDING_CHANGED_END] = "The end time has changed: it now ends at {time} instead of {was}.",
  [ATELIER_WORDING_CHANGED_ZONE] =
    "The time zone has changed: times are now given in {zone} instead of {was}.",
  [ATELIER_WORDING_CHANGED_PLACE] = "The place has changed: it now takes place at {place} instead of {was}.",
  [ATELIER_WORDING_CHANGED_NOTHING] = "It takes place on {when}.",
};

static const char *const french[ATELIER_WORDING_N_TEXTS] = {
  [ATELIER_WORDING_HOST] = "Animé par" NBSP ": {host}",
  [ATELIER_WORDING_TAKEAWAY] = "Ce que vous emportez" NBSP ": {takeaway}",
  [ATELIER_WORDING_BRING] = "À apporter" NBSP ": {bring}",
  [ATELIER_WORDING_PARTY] = "Groupe de {party}",
  [ATELIER_WORDING_REMINDER] = "Rappel" NBSP ": {title}",
  [ATELIER_WORDING_CHANGED_DATE] =
    "La date a changé" NBSP ": la séance a désormais lieu le {when} au lieu du {was}.",
  [ATELIER_WORDING_CHANGED_START] =
    "L’heure de début a changé" NBSP ": la séance commence désormais à {time} au lieu de {was}.",
  [ATELIER_WORDING_CHANGED_END] =
    "L’heure de fin a changé" NBSP ": la séance se termine désormais à {time} au lieu de {was}.",
  [ATELIER_WORDING_CHANGED_ZONE] =
    "Le fuseau horaire a changé" NBSP ": les heures sont désormais données en {zone} au lieu de {was}.",
  [ATELIER_WORDING_CHANGED_PLACE] =
    "Le lieu a changé" NBSP ": la séance a désormais lieu à {place} au lieu de {was}.",
  [ATELIER_WORDING_CHANGED_NOTHING] = "La séance a lieu le {when}.",
};

static const char *const english_days[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};
static const char *const french_days[] = {
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
};
static const char *const english_months[] = {
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
};
static const char *const french_months[] = {
  "janvier", "février", "mars", "avril", "mai", "juin",
  "juillet", "août", "septembre", "octobre", "novembre", "décembre",
};

static gboolean
is_french (const char *language)
{
  return g_strcmp0 (language, "fr") == 0;
}

const char *
atelier_wording_get (const char       *language,
                     AtelierWordingId  id)
{
  g_return_val_if_fail (id < ATELIER_WORDING_N_TEXTS, "");

  return is_french (language) ? french[id] : english[id];
}

static const char *
lookup_value (const char *name,
              gsize       length,
              GPtrArray  *pairs)
{
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    if (strlen (pairs->pdata[i]) == length && strncmp (pairs->pdata[i], name, length) == 0)
      return pairs->pdata[i + 1];

  return NULL;
}

char *
atelier_wording_expand (const char       *language,
                        AtelierWordingId  id,
                        ...)
{
  g_autoptr(GPtrArray) pairs = g_ptr_array_new ();
  GString *text = g_string_new (NULL);
  const char *p = atelier_wording_get (language, id);
  const char *name;
  va_list args;

  va_start (args, id);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      g_ptr_array_add (pairs, (gpointer) name);
      g_ptr_array_add (pairs, (gpointer) (value ? value : ""));
    }
  va_end (args);

  while (*p != '\0')
    {
      const char *close = *p == '{' ? strchr (p, '}') : NULL;
      const char *value = close ? lookup_value (p + 1, close - p - 1, pairs) : NULL;

      if (value != NULL)
        {
          g_string_append (text, value);
          p = close + 1;
        }
      else
        g_string_append_c (text, *p++);
    }

  return g_string_free (text, FALSE);
}

char *
atelier_wording_format_when (const char *language,
                             GDateTime  *local)
{
  int weekday = g_date_time_get_day_of_week (local) - 1;
  int month = g_date_time_get_month (local) - 1;

  if (is_french (language))
    return g_strdup_printf ("%s %d %s %d à %02d:%02d",
                            french_days[weekday], g_date_time_get_day_of_month (local),
                            french_months[month], g_date_time_get_year (local),
                            g_date_time_get_hour (local), g_date_time_get_minute (local));

  return g_strdup_printf ("%s %d %s %d, %02d:%02d",
                          english_days[weekday], g_date_time_get_day_of_month (local),
                          english_months[month], g_date_time_get_year (local),
                          g_date_time_get_hour (local), g_date_time_get_minute (local));
}

char *
atelier_wording_format_time (const char *language,
                             GDateTime  *local)
{
  return g_strdup_printf ("%02d:%02d", g_date_time_get_hour (local), g_date_time_get_minute (local));
}

static const char *
place_or (AtelierSession *session,
          const char     *address)
{
  const char *place = atelier_session_get_place (session);

  return place != NULL && *place != '\0' ? place : (address ? address : "");
}

static void
append_change (GString          *lines,
               const char       *language,
               AtelierWordingId  id,
               const char       *name,
               const char       *now,
               const char       *was)
{
  g_autofree char *line = atelier_wording_expand (language, id, name, now, "was", was, NULL);

  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  g_string_append (lines, line);
}

char *
atelier_wording_describe_changes (const char     *language,
                                  AtelierSession *before,
                                  AtelierSession *after,
                                  const char     *address)
{
  AtelierSessionChanges changes = atelier_session_changes_between (before, after);
  g_autoptr(GDateTime) start_before = atelier_session_dup_start (before);
  g_autoptr(GDateTime) start_after = atelier_session_dup_start (after);
  g_autoptr(GDateTime) end_before = atelier_session_dup_end (before);
  g_autoptr(GDateTime) end_after = atelier_session_dup_end (after);
  GString *lines = g_string_new (NULL);

  /* A new date says the whole start, time of day included. */
  if (changes & ATELIER_SESSION_CHANGED_DATE)
    {
      g_autofree char *when = atelier_wording_format_when (language, start_after);
      g_autofree char *was = atelier_wording_format_when (language, start_before);

      append_change (lines, language, ATELIER_WORDING_CHANGED_DATE, "when", when, was);
    }
  else if (changes & ATELIER_SESSION_CHANGED_START)
    {
      g_autofree char *time = atelier_wording_format_time (language, start_after);
      g_autofree char *was = atelier_wording_format_time (language, start_before);

      append_change (lines, language, ATELIER_WORDING_CHANGED_START, "time", time, was);
    }
  if (changes & ATELIER_SESSION_CHANGED_END)
    {
      g_autofree char *time = atelier_wording_format_time (language, end_after);
      g_autofree char *was = atelier_wording_format_time (language, end_before);

      /* An end that moved with the date, to the same time, is no news. */
      if (g_strcmp0 (time, was) != 0)
        append_change (lines, language, ATELIER_WORDING_CHANGED_END, "time", time, was);
    }
  if (changes & ATELIER_SESSION_CHANGED_ZONE)
    append_change (lines, language, ATELIER_WORDING_CHANGED_ZONE, "zone",
                   atelier_session_get_time_zone (after), atelier_session_get_time_zone (before));
  if ((changes & ATELIER_SESSION_CHANGED_PLACE) &&
      g_strcmp0 (place_or (before, address), place_or (after, address)) != 0)
    append_change (lines, language, ATELIER_WORDING_CHANGED_PLACE, "place",
                   place_or (after, address), place_or (before, address));

  if (lines->len == 0)
    {
      g_autofree char *when = atelier_wording_format_when (language, start_after);

      append_change (lines, language, ATELIER_WORDING_CHANGED_NOTHING, "when", when, "");
    }

  return g_string_free (lines, FALSE);
}
