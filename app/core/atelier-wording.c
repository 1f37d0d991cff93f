/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-wording.c: the texts customers read, in the store's language */
#define G_LOG_DOMAIN "atelier-wording"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "atelier-wording-private.h"

/* French typography: a no-break space before ":" (U+00A0). */
#define NBSP "\302\240"

static const char *const english[ATELIER_WORDING_N_TEXTS] = {
  [ATELIER_WORDING_HOST] = "Host: {host}",
  [ATELIER_WORDING_TAKEAWAY] = "What you take home: {takeaway}",
  [ATELIER_WORDING_PARTY] = "Party of {party}",
  [ATELIER_WORDING_REMINDER] = "Reminder: {title}",
  [ATELIER_WORDING_SUBJECT_NEW] = "Invitation: {title}, {when}",
  [ATELIER_WORDING_SUBJECT_PROMOTED] = "A seat for you: {title}, {when}",
  [ATELIER_WORDING_SUBJECT_UPDATE] = "Updated: {title}, {when}",
  [ATELIER_WORDING_SUBJECT_CANCELLED] = "Cancelled: {title}, {when}",
  [ATELIER_WORDING_SUBJECT_SESSION_CANCELLED] = "Cancelled: {title}, {when}",
  [ATELIER_WORDING_GREETING] = "Hello {name},",
  [ATELIER_WORDING_BODY_NEW] = "You are signed up for “{title}” on {when} (party of {party}).",
  [ATELIER_WORDING_BODY_PROMOTED] =
    "A seat has become free: you are now signed up for “{title}” on {when} (party of {party}).",
  [ATELIER_WORDING_BODY_UPDATE] = "“{title}” has changed: it now takes place on {when}.",
  [ATELIER_WORDING_BODY_CANCELLED] = "Your registration for “{title}” on {when} is cancelled.",
  [ATELIER_WORDING_BODY_SESSION_CANCELLED] =
    "We are sorry: “{title}” on {when} is cancelled and will not take place.",
  [ATELIER_WORDING_BODY_PLACE] = "Place: {place}",
  [ATELIER_WORDING_BODY_CALENDAR] =
    "The attached invitation updates your calendar: open it with your calendar application.",
  [ATELIER_WORDING_BODY_SIGNATURE] = "See you soon,\n{store}",
};

static const char *const french[ATELIER_WORDING_N_TEXTS] = {
  [ATELIER_WORDING_HOST] = "Animé par" NBSP ": {host}",
  [ATELIER_WORDING_TAKEAWAY] = "Ce que vous emportez" NBSP ": {takeaway}",
  [ATELIER_WORDING_PARTY] = "Groupe de {party}",
  [ATELIER_WORDING_REMINDER] = "Rappel" NBSP ": {title}",
  [ATELIER_WORDING_SUBJECT_NEW] = "Invitation" NBSP ": {title}, {when}",
  [ATELIER_WORDING_SUBJECT_PROMOTED] = "Une place pour vous" NBSP ": {title}, {when}",
  [ATELIER_WORDING_SUBJECT_UPDATE] = "Modification" NBSP ": {title}, {when}",
  [ATELIER_WORDING_SUBJECT_CANCELLED] = "Annulation" NBSP ": {title}, {when}",
  [ATELIER_WORDING_SUBJECT_SESSION_CANCELLED] = "Annulation" NBSP ": {title}, {when}",
  [ATELIER_WORDING_GREETING] = "Bonjour {name},",
  [ATELIER_WORDING_BODY_NEW] =
    "Vous êtes inscrit·e à «" NBSP "{title}" NBSP "» le {when} (groupe de {party}).",
  [ATELIER_WORDING_BODY_PROMOTED] =
    "Une place s’est libérée" NBSP ": vous êtes maintenant inscrit·e à «" NBSP "{title}" NBSP "» "
    "le {when} (groupe de {party}).",
  [ATELIER_WORDING_BODY_UPDATE] =
    "«" NBSP "{title}" NBSP "» a changé" NBSP ": la séance a désormais lieu le {when}.",
  [ATELIER_WORDING_BODY_CANCELLED] =
    "Votre inscription à «" NBSP "{title}" NBSP "» le {when} est annulée.",
  [ATELIER_WORDING_BODY_SESSION_CANCELLED] =
    "Nous sommes désolés" NBSP ": «" NBSP "{title}" NBSP "» le {when} est annulé et n’aura pas lieu.",
  [ATELIER_WORDING_BODY_PLACE] = "Lieu" NBSP ": {place}",
  [ATELIER_WORDING_BODY_CALENDAR] =
    "L’invitation jointe met votre agenda à jour" NBSP ": ouvrez-la avec votre application d’agenda.",
  [ATELIER_WORDING_BODY_SIGNATURE] = "À bientôt,\n{store}",
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
