/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-series.c: recurring sessions from one RRULE
 *
 * A series is expanded once, when it is created, by libical's recurrence
 * iterator on the first session's wall-clock time in its own zone: a
 * weekly class at 18:30 stays at 18:30 across a change of daylight-saving
 * time. libical gives the dates and times of day; each is read on the
 * zone's clock by the schedule's one rule (atelier_reschedule_wall_time_full()),
 * so a time the clocks skip on one date moves on that date only, as a
 * single session at that time would. Each occurrence becomes a session of
 * its own, with its own UID, so that one date can later move or be
 * cancelled alone. Dates to skip (holidays) are left out as EXDATE would:
 * they still count in the rule's COUNT.
 */
#define G_LOG_DOMAIN "atelier-series"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "atelier-reschedule.h"
#include "atelier-series.h"
#include "atelier-store-private.h"

G_DEFINE_QUARK (atelier-series-error-quark, atelier_series_error)

/* RFC 5545 day codes, Monday first (GDateTime's day of week - 1). */
static const char *const day_codes[7] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

/**
 * atelier_series_weekday_of_month:
 * @day: a day, in any zone (only its date counts)
 * @weekday: (out): its weekday, 0 for Monday
 * @ordinal: (out): which of its kind in the month: 1 to 4, or -1 for the
 *   last (a fifth one is always the last, and not every month has one)
 */
void
atelier_series_weekday_of_month (GDateTime *day,
                                 int       *weekday,
                                 int       *ordinal)
{
  int n;

  g_return_if_fail (day != NULL);

  n = (g_date_time_get_day_of_month (day) - 1) / 7 + 1;
  *weekday = g_date_time_get_day_of_week (day) - 1;
  *ordinal = n >= 5 ? -1 : n;
}

/**
 * atelier_series_dup_until:
 * @day: the last day a session may be on, in any zone (only its date
 *   counts)
 * @zone: the sessions' zone
 *
 * Returns: (transfer full): the last second of @day in @zone: a session
 *   any time that day is in the series
 */
GDateTime *
atelier_series_dup_until (GDateTime *day,
                          GTimeZone *zone)
{
  g_return_val_if_fail (day != NULL && zone != NULL, NULL);

  return g_date_time_new (zone, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day), 23, 59, 59);
}

/**
 * atelier_series_build_rrule:
 *
 * The RRULE of a series chosen as the session editor offers it: weekly on
 * some days, or monthly on the first day's weekday of the month ("the
 * first Tuesday", "the last Friday"), for a number of sessions or until
 * the end of a day in the sessions' zone (UNTIL in UTC, RFC 5545 §3.3.10).
 *
 * Returns: (transfer full): such as `FREQ=WEEKLY;BYDAY=TU,SA;COUNT=6`
 */
char *
atelier_series_build_rrule (const AtelierSeriesChoices *choices)
{
  GString *rule = g_string_new (NULL);

  g_return_val_if_fail (choices != NULL, NULL);

  if (choices->frequency == ATELIER_SERIES_MONTHLY)
    {
      int weekday;
      int ordinal;

      g_return_val_if_fail (choices->first_day != NULL, NULL);
      atelier_series_weekday_of_month (choices->first_day, &weekday, &ordinal);
      g_string_append_printf (rule, "FREQ=MONTHLY;BYDAY=%d%s", ordinal, day_codes[weekday]);
    }
  else
    {
      const char *separator = "";

      g_string_append (rule, "FREQ=WEEKLY;BYDAY=");
      for (guint i = 0; i < G_N_ELEMENTS (day_codes); i++)
        if (choices->weekdays & ATELIER_SERIES_WEEKDAY (i))
          {
            g_string_append_printf (rule, "%s%s", separator, day_codes[i]);
            separator = ",";
          }
    }

  if (choices->until_day != NULL)
    {
      g_autoptr(GDateTime) until = atelier_series_dup_until (choices->until_day, choices->zone);
      g_autoptr(GDateTime) utc = g_date_time_to_utc (until);
      g_autofree char *text = g_date_time_format (utc, "%Y%m%dT%H%M%SZ");

      g_string_append_printf (rule, ";UNTIL=%s", text);
    }
  else
    g_string_append_printf (rule, ";COUNT=%u", choices->count);

  return g_string_free (rule, FALSE);
}

static gboolean
parse_rule (const char                 *rrule,
            struct icalrecurrencetype  *rule,
            GError                    **error)
{
  g_autofree char *text = g_strstrip (g_strdup (rrule ? rrule : ""));
  const char *body = text;

  if (g_ascii_strncasecmp (body, "RRULE:", 6) == 0)
    body += 6;

  icalerror_clear_errno ();
  *rule = icalrecurrencetype_from_string (body);
  if (*body == '\0' || rule->freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR ||
      strchr (body, '\n') != NULL || strchr (body, '\r') != NULL)
    {
      icalerror_clear_errno ();
      g_set_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_INVALID_RULE,
                   _("“%s” is not a recurrence rule; write one such as "
                     "FREQ=WEEKLY;BYDAY=SA;COUNT=6."), rrule ? rrule : "");
      return FALSE;
    }

  /* Every session keeps the first one's time of day, so a series steps by
   * days at the finest; finer steps also let libical search for hours. */
  if (rule->freq < ICAL_DAILY_RECURRENCE ||
      rule->by_hour[0] != ICAL_RECURRENCE_ARRAY_MAX ||
      rule->by_minute[0] != ICAL_RECURRENCE_ARRAY_MAX ||
      rule->by_second[0] != ICAL_RECURRENCE_ARRAY_MAX)
    {
      g_set_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_INVALID_RULE,
                   _("The sessions of a series all start at the first one’s time, "
                     "at most once a day: “%s” repeats within a day. Use FREQ=DAILY, "
                     "WEEKLY, MONTHLY or YEARLY without BYHOUR, BYMINUTE or BYSECOND."),
                   rrule);
      return FALSE;
    }

  return TRUE;
}

static icaltimezone *
series_zone (const char  *tzid,
             GError     **error)
{
  icaltimezone *zone = NULL;

  if (g_strcmp0 (tzid, "UTC") == 0 || g_strcmp0 (tzid, "Etc/UTC") == 0)
    return icaltimezone_get_utc_timezone ();
  if (tzid != NULL)
    zone = icaltimezone_get_builtin_timezone (tzid);
  if (zone == NULL)
    g_set_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_TIME_ZONE,
                 _("“%s” is not a known time zone; use a name such as Europe/Paris."),
                 tzid ? tzid : "");
  return zone;
}

/* The first start on the wall clock: @wall_start's fields, or the first
 * session's start read in its zone. Floating, so that libical keeps a
 * time the clocks skip as it is instead of moving every date with it. */
static struct icaltimetype
local_start (AtelierSession *first,
             GDateTime      *wall_start)
{
  g_autoptr(GDateTime) start = wall_start ? g_date_time_ref (wall_start)
                                          : atelier_session_dup_start (first);
  struct icaltimetype t = icaltime_null_time ();

  t.year = g_date_time_get_year (start);
  t.month = g_date_time_get_month (start);
  t.day = g_date_time_get_day_of_month (start);
  t.hour = g_date_time_get_hour (start);
  t.minute = g_date_time_get_minute (start);
  t.second = g_date_time_get_second (start);
  return t;
}

/* UNTIL in UTC (RFC 5545 §3.3.10) on the sessions' wall clock, to end a
 * floating series where the zone's day ends. */
static void
until_on_wall_clock (struct icalrecurrencetype *rule,
                     icaltimezone              *zone)
{
  struct icaltimetype local;

  if (icaltime_is_null_time (rule->until) || rule->until.is_date || !icaltime_is_utc (rule->until))
    return;

  local = icaltime_convert_to_zone (rule->until, zone);
  local.zone = NULL;
  rule->until = local;
}

static AtelierSession *
new_occurrence (AtelierSession *first,
                gint64          starts_at)
{
  gint64 duration = atelier_session_get_ends_at (first) - atelier_session_get_starts_at (first);

  return g_object_new (ATELIER_TYPE_SESSION,
                       "workshop-id", atelier_session_get_workshop_id (first),
                       "starts-at", starts_at,
                       "ends-at", starts_at + duration,
                       "time-zone", atelier_session_get_time_zone (first),
                       "place", atelier_session_get_place (first),
                       "capacity", atelier_session_get_capacity (first),
                       NULL);
}

/* 2027-03-28 -> 20270328: only the date of @day counts, in its own zone */
static int
day_key (GDateTime *day)
{
  return g_date_time_get_year (day) * 10000 + g_date_time_get_month (day) * 100 +
         g_date_time_get_day_of_month (day);
}

static gboolean
is_skipped (GHashTable          *skipped,
            struct icaltimetype  t)
{
  int key = t.year * 10000 + t.month * 100 + t.day;

  return g_hash_table_remove (skipped, GINT_TO_POINTER (key));
}

static GHashTable *
skip_set (GPtrArray *skip_days)
{
  GHashTable *skipped = g_hash_table_new (NULL, NULL);

  for (guint i = 0; skip_days != NULL && i < skip_days->len; i++)
    g_hash_table_add (skipped, GINT_TO_POINTER (day_key (g_ptr_array_index (skip_days, i))));
  return skipped;
}

/* A date to skip that the rule never gave: named, so the user can fix it. */
static gboolean
check_all_skipped (GHashTable  *skipped,
                   GError     **error)
{
  g_autoptr(GList) keys = g_hash_table_get_keys (skipped);
  int first = G_MAXINT;

  for (GList *l = keys; l != NULL; l = l->next)
    first = MIN (first, GPOINTER_TO_INT (l->data));
  if (keys == NULL)
    return TRUE;

  /* TRANSLATORS: a date, such as 2027-04-05 */
  g_set_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_SKIP,
               _("%04d-%02d-%02d is not a date of this series: only its own dates can be skipped."),
               first / 10000, first / 100 % 100, first % 100);
  return FALSE;
}

/**
 * atelier_series_expand:
 * @first: the first session: workshop, start and end, zone, place, capacity
 * @rrule: an RFC 5545 RRULE value, such as `FREQ=WEEKLY;BYDAY=SA;COUNT=6`
 *
 * atelier_series_expand_full() at the first session's own time of day,
 * skipping no date.
 *
 * Returns: (transfer full): a #GListModel of new #AtelierSession
 */
GListModel *
atelier_series_expand (AtelierSession  *first,
                       const char      *rrule,
                       GError         **error)
{
  return atelier_series_expand_full (first, NULL, rrule, NULL, error);
}

/**
 * atelier_series_expand_full:
 * @first: the first session: workshop, start and end, zone, place, capacity
 * @wall_start: (nullable): the first start as chosen on the wall clock of
 *   the sessions' zone (only its date and time of day count, not its
 *   zone), which may be a time the clocks skip that date; %NULL for the
 *   first session's start
 * @rrule: an RFC 5545 RRULE value, such as `FREQ=WEEKLY;BYDAY=SA;COUNT=6`
 * @skip_days: (nullable) (element-type GDateTime): dates to leave out,
 *   each one of the rule's (only its date counts, in its own zone)
 *
 * Computes the sessions of a series without storing them: each starts at
 * the chosen time of day on its date, read by the schedule's rule, and
 * keeps the first one's length. A rule that would give more than
 * %ATELIER_SERIES_MAX_SESSIONS dates (or never ends) is refused, and so
 * is a date to skip that the rule does not give.
 *
 * Returns: (transfer full): a #GListModel of new #AtelierSession
 */
GListModel *
atelier_series_expand_full (AtelierSession  *first,
                            GDateTime       *wall_start,
                            const char      *rrule,
                            GPtrArray       *skip_days,
                            GError         **error)
{
  g_autoptr(GListStore) sessions = NULL;
  g_autoptr(GHashTable) skipped = NULL;
  g_autoptr(GTimeZone) wall_zone = NULL;
  struct icalrecurrencetype rule;
  struct icaltimetype next;
  icalrecur_iterator *iterator;
  icaltimezone *zone;
  guint n_dates = 0;
  gboolean bad_time = FALSE;

  g_return_val_if_fail (ATELIER_IS_SESSION (first), NULL);

  zone = series_zone (atelier_session_get_time_zone (first), error);
  if (zone == NULL || !parse_rule (rrule, &rule, error))
    return NULL;

  until_on_wall_clock (&rule, zone);
  iterator = icalrecur_iterator_new (rule, local_start (first, wall_start));
  if (iterator == NULL)
    {
      icalerror_clear_errno ();
      g_set_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_INVALID_RULE,
                   _("The rule “%s” cannot be expanded."), rrule);
      return NULL;
    }

  wall_zone = g_time_zone_new_identifier (atelier_session_get_time_zone (first));
  if (wall_zone == NULL)
    wall_zone = g_time_zone_new_utc ();
  skipped = skip_set (skip_days);
  sessions = g_list_store_new (ATELIER_TYPE_SESSION);
  while (!icaltime_is_null_time (next = icalrecur_iterator_next (iterator)) &&
         n_dates++ < ATELIER_SERIES_MAX_SESSIONS)
    {
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(AtelierSession) session = NULL;

      if (is_skipped (skipped, next))
        continue;
      start = atelier_reschedule_wall_time_full (wall_zone, next.year, next.month, next.day,
                                               next.hour, next.minute, next.second, NULL);
      if (start == NULL)
        {
          bad_time = TRUE;
          break;
        }
      session = new_occurrence (first, g_date_time_to_unix (start));
      g_list_store_append (sessions, session);
    }
  icalrecur_iterator_free (iterator);

  if (n_dates > ATELIER_SERIES_MAX_SESSIONS)
    {
      g_set_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_TOO_MANY,
                   _("This rule gives more than %d sessions; end it sooner with COUNT or UNTIL."),
                   ATELIER_SERIES_MAX_SESSIONS);
      return NULL;
    }
  if (bad_time)
    {
      g_set_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_INVALID_RULE,
                   _("The rule “%s” cannot be expanded."), rrule);
      return NULL;
    }
  if (!check_all_skipped (skipped, error))
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (sessions)) == 0)
    {
      g_set_error (error, ATELIER_SERIES_ERROR, ATELIER_SERIES_ERROR_INVALID_RULE,
                   _("The rule “%s” gives no session at all."), rrule);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&sessions));
}

/* The dates left out, as the series row keeps them: "2027-04-10,2027-05-01" */
static char *
join_skip_days (GPtrArray *skip_days)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; skip_days != NULL && i < skip_days->len; i++)
    {
      g_autofree char *day = g_date_time_format (g_ptr_array_index (skip_days, i), "%Y-%m-%d");

      g_string_append_printf (text, "%s%s", i > 0 ? "," : "", day);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
insert_series (AtelierStore    *store,
               AtelierSession  *first,
               const char      *rrule,
               GPtrArray       *skip_days,
               gint64          *series_id,
               GError         **error)
{
  g_autofree char *skipped = join_skip_days (skip_days);
  g_autofree char *rule = g_strstrip (g_strdup (rrule));
  AtelierDbStmt *stmt = atelier_store_prepare (store,
                                              "INSERT INTO series (workshop_id, rrule, skipped, created_at)"
                                              " VALUES (?, ?, ?, ?) RETURNING id",
                                              error);

  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, atelier_session_get_workshop_id (first));
  atelier_db_stmt_bind_text (stmt, 2, rule);
  atelier_db_stmt_bind_text (stmt, 3, skipped);
  atelier_db_stmt_bind_int64 (stmt, 4, atelier_store_now ());
  if (atelier_db_stmt_step (stmt, error) != ATELIER_DB_STEP_ROW)
    return FALSE;
  *series_id = atelier_db_stmt_column_int64 (stmt, 0);
  atelier_db_stmt_reset (stmt);
  return TRUE;
}

/**
 * atelier_series_create:
 *
 * atelier_series_create_full() at the first session's own time of day,
 * skipping no date.
 *
 * Returns: (transfer full): a #GListModel of the stored #AtelierSession
 */
GListModel *
atelier_series_create (AtelierStore    *store,
                       AtelierSession  *first,
                       const char      *rrule,
                       GError         **error)
{
  return atelier_series_create_full (store, first, NULL, rrule, NULL, error);
}

/**
 * atelier_series_create_full:
 *
 * Expands the series (see atelier_series_expand_full()) and stores every
 * session in one transaction: all of them, or none.
 *
 * Returns: (transfer full): a #GListModel of the stored #AtelierSession,
 *   each with its id and its own UID
 */
GListModel *
atelier_series_create_full (AtelierStore    *store,
                            AtelierSession  *first,
                            GDateTime       *wall_start,
                            const char      *rrule,
                            GPtrArray       *skip_days,
                            GError         **error)
{
  g_autoptr(GListModel) sessions = NULL;
  gint64 series_id = 0;
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);
  g_return_val_if_fail (ATELIER_IS_SESSION (first), NULL);

  sessions = atelier_series_expand_full (first, wall_start, rrule, skip_days, error);
  if (sessions == NULL || !atelier_store_begin (store, error))
    return NULL;

  ok = insert_series (store, first, rrule, skip_days, &series_id, error);
  for (guint i = 0; ok && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (sessions, i);

      g_object_set (session, "series-id", series_id, NULL);
      ok = atelier_store_add_session (store, session, error);
    }

  if (ok && atelier_store_commit (store, error))
    return g_steal_pointer (&sessions);

  atelier_store_rollback (store);
  return NULL;
}

/**
 * atelier_series_find:
 * @session_id: a stored session
 * @series_id: (out): the series it was created in, or 0 for none
 * @position: (out) (optional): its place in the series by start, from 1
 * @count: (out) (optional): how many sessions the series has now
 * @rrule: (out) (optional) (transfer full): the series' rule
 *
 * Returns: %FALSE with @error set when the store fails; a session in no
 *   series is %TRUE with @series_id 0
 */
gboolean
atelier_series_find (AtelierStore  *store,
                     gint64         session_id,
                     gint64        *series_id,
                     guint         *position,
                     guint         *count,
                     char         **rrule,
                     GError       **error)
{
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (series_id != NULL, FALSE);

  *series_id = 0;
  stmt = atelier_store_prepare (store,
                                "SELECT r.id, r.rrule,"
                                " (SELECT count (*) FROM sessions o WHERE o.series_id = r.id"
                                "   AND (o.starts_at, o.id) <= (s.starts_at, s.id)),"
                                " (SELECT count (*) FROM sessions o WHERE o.series_id = r.id)"
                                " FROM sessions s JOIN series r ON r.id = s.series_id WHERE s.id = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_int64 (stmt, 1, session_id);
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW)
    {
      *series_id = atelier_db_stmt_column_int64 (stmt, 0);
      if (rrule != NULL)
        *rrule = g_strdup (atelier_db_stmt_column_text (stmt, 1));
      if (position != NULL)
        *position = atelier_db_stmt_column_int (stmt, 2);
      if (count != NULL)
        *count = atelier_db_stmt_column_int (stmt, 3);
      rc = atelier_db_stmt_step (stmt, error);
    }
  atelier_db_stmt_reset (stmt);
  return rc == ATELIER_DB_STEP_DONE;
}

/**
 * atelier_series_list_sessions:
 *
 * Returns: (transfer full): the #AtelierSession of the series, by start
 */
GListModel *
atelier_series_list_sessions (AtelierStore  *store,
                              gint64         series_id,
                              GError       **error)
{
  g_autoptr(GListStore) sessions = g_list_store_new (ATELIER_TYPE_SESSION);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  stmt = atelier_store_prepare (store,
                                "SELECT id FROM sessions WHERE series_id = ? ORDER BY starts_at, id",
                                error);
  if (stmt == NULL)
    return NULL;
  atelier_db_stmt_bind_int64 (stmt, 1, series_id);
  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      gint64 id = atelier_db_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  atelier_db_stmt_reset (stmt);
  if (rc != ATELIER_DB_STEP_DONE)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(AtelierSession) session =
        atelier_store_get_session (store, g_array_index (ids, gint64, i), error);

      if (session == NULL)
        return NULL;
      g_list_store_append (sessions, session);
    }
  return G_LIST_MODEL (g_steal_pointer (&sessions));
}

/**
 * atelier_series_describe_place:
 * @position: the session's place in its series, from 1
 * @count: how many sessions the series has
 * @rrule: the series' rule, for its frequency
 *
 * Returns: (transfer full): such as "Session 3 of 8 in a weekly series"
 */
char *
atelier_series_describe_place (guint       position,
                               guint       count,
                               const char *rrule)
{
  struct icalrecurrencetype rule;

  icalerror_clear_errno ();
  rule = icalrecurrencetype_from_string (rrule ? rrule : "");
  icalerror_clear_errno ();
  switch (rule.freq)
    {
    case ICAL_DAILY_RECURRENCE:
      /* TRANSLATORS: the place of a session in its series */
      return g_strdup_printf (_("Session %u of %u in a daily series"), position, count);
    case ICAL_WEEKLY_RECURRENCE:
      /* TRANSLATORS: the place of a session in its series */
      return g_strdup_printf (_("Session %u of %u in a weekly series"), position, count);
    case ICAL_MONTHLY_RECURRENCE:
      /* TRANSLATORS: the place of a session in its series */
      return g_strdup_printf (_("Session %u of %u in a monthly series"), position, count);
    default:
      /* TRANSLATORS: the place of a session in its series */
      return g_strdup_printf (_("Session %u of %u in a series"), position, count);
    }
}
