/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-rrule.c: the iCalendar recurrence rules a series is made from
 *
 * libical parses the RRULE and its iterator expands it from a session
 * in Europe/Paris: either a clear refusal, or at most
 * ATELIER_SERIES_MAX_SESSIONS sessions in order, each as long as the
 * first.
 */
#define G_LOG_DOMAIN "fuzz-rrule"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "atelier-series.h"
#include "fuzz-util.h"

static AtelierSession *first;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) starts = g_date_time_new (zone, 2026, 10, 10, 18, 30, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 2);

  first = atelier_session_new (1, starts, ends, "Europe/Paris");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *rule = fuzz_dup_text (data, size);
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 previous = G_MININT64;
  guint n;

  sessions = atelier_series_expand (first, rule, &error);
  FUZZ_CHECK ((sessions == NULL) == (error != NULL));
  if (sessions == NULL)
    {
      FUZZ_CHECK (error->domain == ATELIER_SERIES_ERROR);
      FUZZ_CHECK (g_utf8_validate (error->message, -1, NULL) || !g_utf8_validate (rule, -1, NULL));
      return 0;
    }

  n = g_list_model_get_n_items (sessions);
  FUZZ_CHECK (n >= 1 && n <= ATELIER_SERIES_MAX_SESSIONS);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (sessions, i);
      gint64 starts = atelier_session_get_starts_at (session);

      FUZZ_CHECK (atelier_session_get_ends_at (session) - starts == 2 * 3600);
      FUZZ_CHECK (starts >= previous);
      previous = starts;
    }
  return 0;
}
