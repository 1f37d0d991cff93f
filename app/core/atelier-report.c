/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-report.c: the figures of a period, in three queries
 *
 * The database adds up the registrations: one row per session of the
 * period (seats taken, came, waiting, never served), one row for the
 * returning customers, one row per tag. What SQL cannot say in both
 * SQLite and PostgreSQL alike, the month, weekday and hour of a start
 * in the session's own IANA zone, is worked out here with GTimeZone,
 * once per session, and the sessions' sums are bucketed from there.
 * Times are parameters, never the database's clock.
 */
#define G_LOG_DOMAIN "atelier-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "atelier-report.h"
#include "atelier-settings.h"
#include "atelier-store-private.h"

#define CAME_BACK_SECONDS (G_GINT64_CONSTANT (90) * 24 * 3600)

/* The report reads most of a large store's registrations and their
 * indexes several times over: with SQLite's default cache of 2 MB each
 * pass reads them again from the system, which cost three times the
 * work itself on the large benchmark store. 64 MB hold it all, for the
 * time of the report only. */
#define REPORT_CACHE_KIB (64 * 1024)

/* A waiting party never served at its workshop: no confirmed seat of the
 * same customer at any session of the same workshop. */
static const char sessions_sql[] =
  "SELECT s.id, s.workshop_id, w.title, w.category, w.price_cents, s.starts_at,"
  "  s.ends_at <= ?, s.time_zone, s.capacity,"
  "  coalesce (sum (r.party_size) FILTER (WHERE r.status = 'confirmed'), 0),"
  "  coalesce (sum (coalesce (r.arrived, r.party_size))"
  "            FILTER (WHERE r.checked_in_at IS NOT NULL), 0),"
  "  coalesce (sum (r.party_size) FILTER (WHERE r.status = 'waitlisted'), 0),"
  "  coalesce (sum (r.party_size) FILTER ("
  "    WHERE r.status = 'waitlisted' AND NOT EXISTS ("
  "      SELECT 1 FROM registrations o JOIN sessions os ON os.id = o.session_id"
  "      WHERE o.customer_id = r.customer_id AND o.status = 'confirmed'"
  "        AND os.workshop_id = s.workshop_id)), 0)"
  " FROM sessions s"
  " JOIN workshops w ON w.id = s.workshop_id"
  " LEFT JOIN registrations r ON r.session_id = s.id"
  " WHERE s.starts_at >= ? AND s.starts_at < ? AND s.status = 'scheduled'"
  " GROUP BY s.id, s.workshop_id, w.title, w.category, w.price_cents, s.starts_at,"
  "   s.ends_at, s.time_zone, s.capacity";

/* Checked in implies confirmed in a session held (the schema's rule);
 * saying 'confirmed' too lets the customers' registrations be read from
 * the index registrations_by_customer_seat alone. */
static const char returning_sql[] =
  "SELECT"
  "  count (*) FILTER (WHERE f.first_at >= ?),"
  "  count (*) FILTER (WHERE f.first_at < ?),"
  "  count (*) FILTER (WHERE f.first_at >= ? AND EXISTS ("
  "    SELECT 1 FROM registrations n JOIN sessions ns ON ns.id = n.session_id"
  "    WHERE n.customer_id = f.customer_id AND n.status = 'confirmed'"
  "      AND n.checked_in_at IS NOT NULL"
  "      AND ns.starts_at > f.first_at AND ns.starts_at <= f.first_at + ?))"
  " FROM (SELECT r.customer_id, min (s.starts_at) AS first_at"
  "       FROM registrations r JOIN sessions s ON s.id = r.session_id"
  "       WHERE r.status = 'confirmed' AND r.checked_in_at IS NOT NULL AND r.customer_id IN ("
  "         SELECT p.customer_id FROM registrations p JOIN sessions ps ON ps.id = p.session_id"
  "         WHERE ps.starts_at >= ? AND ps.starts_at < ? AND p.checked_in_at IS NOT NULL)"
  "       GROUP BY r.customer_id) f";

/* Erasing a customer empties their interests, and their tags with them. */
static const char interests_sql[] =
  "SELECT t.name, count (ct.customer_id)"
  " FROM tags t LEFT JOIN customer_tags ct ON ct.tag_id = t.id"
  " GROUP BY t.id, t.name";

typedef struct
{
  GHashTable *zones;       /* name → GTimeZone */
  GHashTable *workshops;   /* id → index in report->workshops */
  GHashTable *months;      /* year * 12 + month - 1 → AtelierReportSeats */
  GHashTable *categories;  /* casefolded category → AtelierReportInterest */
} Buckets;

static void
buckets_clear (Buckets *buckets)
{
  g_clear_pointer (&buckets->zones, g_hash_table_unref);
  g_clear_pointer (&buckets->workshops, g_hash_table_unref);
  g_clear_pointer (&buckets->months, g_hash_table_unref);
  g_clear_pointer (&buckets->categories, g_hash_table_unref);
}

static void
clear_workshop (gpointer data)
{
  AtelierReportWorkshop *workshop = data;

  g_free (workshop->title);
}

static void
clear_interest (gpointer data)
{
  AtelierReportInterest *interest = data;

  g_free (interest->tag);
}

static void
free_interest (gpointer data)
{
  clear_interest (data);
  g_free (data);
}

/**
 * atelier_report_free:
 */
void
atelier_report_free (AtelierReport *report)
{
  if (report == NULL)
    return;

  g_free (report->currency);
  g_clear_pointer (&report->workshops, g_array_unref);
  g_clear_pointer (&report->months, g_array_unref);
  g_clear_pointer (&report->interests, g_array_unref);
  g_free (report);
}

/**
 * atelier_report_time_of_day:
 * @hour: an hour of the day, 0 to 23
 */
AtelierReportTimeOfDay
atelier_report_time_of_day (int hour)
{
  if (hour < 12)
    return ATELIER_REPORT_MORNING;
  if (hour < 18)
    return ATELIER_REPORT_AFTERNOON;
  return ATELIER_REPORT_EVENING;
}

double
atelier_report_fill_rate (const AtelierReportSeats *seats)
{
  g_return_val_if_fail (seats != NULL, 0);

  return seats->seats_offered > 0 ? (double) seats->seats_taken / seats->seats_offered : 0;
}

double
atelier_report_no_show_rate (const AtelierReportSeats *seats)
{
  g_return_val_if_fail (seats != NULL, 0);

  if (seats->ended_seats_taken <= 0)
    return 0;
  return (double) (seats->ended_seats_taken - seats->ended_seats_came) / seats->ended_seats_taken;
}

/**
 * atelier_report_is_empty:
 *
 * Returns: whether the period holds no session: nothing to draw
 */
gboolean
atelier_report_is_empty (const AtelierReport *report)
{
  g_return_val_if_fail (report != NULL, TRUE);

  return report->total.sessions == 0;
}

/* One session's sums, as the sessions query gives them. */
typedef struct
{
  gint64 price;
  int    capacity;
  int    taken;
  int    came;
  int    waiting;
  gboolean ended;
} SessionSums;

static void
add_session (AtelierReportSeats *seats,
             const SessionSums  *sums)
{
  seats->sessions++;
  seats->seats_offered += sums->capacity;
  seats->seats_taken += sums->taken;
  seats->waiting_seats += sums->waiting;
  if (sums->capacity > 0 && sums->taken >= sums->capacity)
    seats->full_sessions++;
  if (sums->ended)
    {
      seats->ended_seats_taken += sums->taken;
      seats->ended_seats_came += sums->came;
      seats->revenue += sums->price * sums->came;
    }
}

static GTimeZone *
lookup_zone (Buckets    *buckets,
             const char *name)
{
  GTimeZone *zone = g_hash_table_lookup (buckets->zones, name);

  if (zone == NULL)
    {
      zone = g_time_zone_new_identifier (name);
      /* A zone this computer does not know: UTC rather than no figure. */
      if (zone == NULL)
        zone = g_time_zone_new_utc ();
      g_hash_table_insert (buckets->zones, g_strdup (name), zone);
    }
  return zone;
}

static AtelierReportSeats *
month_seats (Buckets *buckets,
             int      year,
             int      month)
{
  int key = year * 12 + month - 1;
  AtelierReportSeats *seats = g_hash_table_lookup (buckets->months, GINT_TO_POINTER (key));

  if (seats == NULL)
    {
      seats = g_new0 (AtelierReportSeats, 1);
      g_hash_table_insert (buckets->months, GINT_TO_POINTER (key), seats);
    }
  return seats;
}

static AtelierReportWorkshop *
workshop_entry (AtelierReport *report,
                Buckets       *buckets,
                gint64         workshop_id,
                const char    *title)
{
  gpointer index;

  if (!g_hash_table_lookup_extended (buckets->workshops, &workshop_id, NULL, &index))
    {
      AtelierReportWorkshop workshop = { 0 };
      gint64 *key = g_new (gint64, 1);

      workshop.workshop_id = workshop_id;
      workshop.title = g_strdup (title);
      g_array_append_val (report->workshops, workshop);
      *key = workshop_id;
      index = GUINT_TO_POINTER (report->workshops->len - 1);
      g_hash_table_insert (buckets->workshops, key, index);
    }
  return &g_array_index (report->workshops, AtelierReportWorkshop, GPOINTER_TO_UINT (index));
}

static void
add_category (Buckets    *buckets,
              const char *category,
              int         capacity)
{
  g_autofree char *stripped = g_strstrip (g_strdup (category));
  g_autofree char *key = NULL;
  AtelierReportInterest *interest;

  if (*stripped == '\0')
    return;

  key = g_utf8_casefold (stripped, -1);
  interest = g_hash_table_lookup (buckets->categories, key);
  if (interest == NULL)
    {
      interest = g_new0 (AtelierReportInterest, 1);
      interest->tag = g_steal_pointer (&stripped);
      g_hash_table_insert (buckets->categories, g_steal_pointer (&key), interest);
    }
  interest->sessions++;
  interest->seats_offered += capacity;
}

static void
bucket_session (AtelierReport     *report,
                Buckets           *buckets,
                AtelierDbStmt      *stmt,
                const SessionSums *sums)
{
  GTimeZone *zone = lookup_zone (buckets, atelier_db_stmt_column_text (stmt, 7));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (atelier_db_stmt_column_int64 (stmt, 5));
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  AtelierReportWorkshop *workshop;

  workshop = workshop_entry (report, buckets, atelier_db_stmt_column_int64 (stmt, 1),
                             atelier_db_stmt_column_text (stmt, 2));
  add_session (&workshop->seats, sums);
  workshop->unserved_seats += atelier_db_stmt_column_int (stmt, 12);

  add_session (&report->total, sums);
  add_session (month_seats (buckets, g_date_time_get_year (local), g_date_time_get_month (local)),
               sums);
  add_session (&report->weekdays[g_date_time_get_day_of_week (local) - 1], sums);
  add_session (&report->times_of_day[atelier_report_time_of_day (g_date_time_get_hour (local))],
               sums);
  add_category (buckets, atelier_db_stmt_column_text (stmt, 3), sums->capacity);
}

static gboolean
read_sessions (AtelierStore   *store,
               AtelierReport  *report,
               Buckets        *buckets,
               GError        **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store, sessions_sql, error);
  AtelierDbStep step;

  if (stmt == NULL)
    return FALSE;

  atelier_db_stmt_bind_int64 (stmt, 1, report->now);
  atelier_db_stmt_bind_int64 (stmt, 2, report->from);
  atelier_db_stmt_bind_int64 (stmt, 3, report->to);
  while ((step = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      SessionSums sums = {
        .price = atelier_db_stmt_column_int64 (stmt, 4),
        .ended = atelier_db_stmt_column_int (stmt, 6) != 0,
        .capacity = atelier_db_stmt_column_int (stmt, 8),
        .taken = atelier_db_stmt_column_int (stmt, 9),
        .came = atelier_db_stmt_column_int (stmt, 10),
        .waiting = atelier_db_stmt_column_int (stmt, 11),
      };

      bucket_session (report, buckets, stmt, &sums);
    }
  atelier_db_stmt_reset (stmt);

  return step == ATELIER_DB_STEP_DONE;
}

static gboolean
read_returning (AtelierStore   *store,
                AtelierReport  *report,
                GError        **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store, returning_sql, error);
  AtelierDbStep step;

  if (stmt == NULL)
    return FALSE;

  atelier_db_stmt_bind_int64 (stmt, 1, report->from);
  atelier_db_stmt_bind_int64 (stmt, 2, report->from);
  atelier_db_stmt_bind_int64 (stmt, 3, report->from);
  atelier_db_stmt_bind_int64 (stmt, 4, CAME_BACK_SECONDS);
  atelier_db_stmt_bind_int64 (stmt, 5, report->from);
  atelier_db_stmt_bind_int64 (stmt, 6, report->to);
  step = atelier_db_stmt_step (stmt, error);
  if (step == ATELIER_DB_STEP_ROW)
    {
      report->returning.first_timers = atelier_db_stmt_column_int (stmt, 0);
      report->returning.returning = atelier_db_stmt_column_int (stmt, 1);
      report->returning.came_back_within_90_days = atelier_db_stmt_column_int (stmt, 2);
    }
  atelier_db_stmt_reset (stmt);

  /* An aggregate always gives its one row. */
  return step == ATELIER_DB_STEP_ROW;
}

static gboolean
read_interests (AtelierStore   *store,
                AtelierReport  *report,
                Buckets        *buckets,
                GError        **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store, interests_sql, error);
  AtelierDbStep step;

  if (stmt == NULL)
    return FALSE;

  while ((step = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      const char *name = atelier_db_stmt_column_text (stmt, 0);
      g_autofree char *key = g_utf8_casefold (name, -1);
      AtelierReportInterest *scheduled = g_hash_table_lookup (buckets->categories, key);
      AtelierReportInterest interest = { 0 };

      interest.customers = atelier_db_stmt_column_int (stmt, 1);
      if (scheduled != NULL)
        {
          interest.sessions = scheduled->sessions;
          interest.seats_offered = scheduled->seats_offered;
          g_hash_table_remove (buckets->categories, key);
        }
      if (interest.customers == 0 && interest.sessions == 0)
        continue;
      interest.tag = g_strdup (name);
      g_array_append_val (report->interests, interest);
    }
  atelier_db_stmt_reset (stmt);

  return step == ATELIER_DB_STEP_DONE;
}

static gboolean
read_int (AtelierStore  *store,
          const char    *sql,
          gint64        *value,
          GError       **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store, sql, error);
  AtelierDbStep step;

  if (stmt == NULL)
    return FALSE;
  step = atelier_db_stmt_step (stmt, error);
  if (step == ATELIER_DB_STEP_ROW)
    *value = atelier_db_stmt_column_int64 (stmt, 0);
  atelier_db_stmt_reset (stmt);
  return step == ATELIER_DB_STEP_ROW;
}

/* Returns: the cache size to restore, or 0 when it was left as it was. */
static gint64
grow_cache (AtelierStore *store)
{
  gint64 cache_size = 0;
  gint64 page_size = 0;
  g_autofree char *pragma = NULL;

  /* SQLite's page cache; a server keeps its own. */
  if (atelier_db_get_kind (atelier_store_get_db (store)) != ATELIER_DB_SQLITE ||
      !read_int (store, "PRAGMA cache_size", &cache_size, NULL) ||
      !read_int (store, "PRAGMA page_size", &page_size, NULL) ||
      cache_size == 0 ||
      (cache_size < 0 ? -cache_size : cache_size * page_size / 1024) >= REPORT_CACHE_KIB)
    return 0;

  pragma = g_strdup_printf ("PRAGMA cache_size = %d", -REPORT_CACHE_KIB);
  return atelier_store_exec (store, pragma, NULL) ? cache_size : 0;
}

static void
restore_cache (AtelierStore *store,
               gint64        cache_size)
{
  g_autofree char *pragma = NULL;

  if (cache_size == 0)
    return;
  pragma = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
  atelier_store_exec (store, pragma, NULL);
}

static int
compare_workshops (gconstpointer a,
                   gconstpointer b)
{
  const AtelierReportWorkshop *wa = a;
  const AtelierReportWorkshop *wb = b;

  return g_utf8_collate (wa->title, wb->title);
}

static int
compare_interests (gconstpointer a,
                   gconstpointer b)
{
  const AtelierReportInterest *ia = a;
  const AtelierReportInterest *ib = b;

  if (ia->customers != ib->customers)
    return ia->customers > ib->customers ? -1 : 1;
  return g_utf8_collate (ia->tag, ib->tag);
}

static void
month_of (gint64      time,
          GTimeZone  *zone,
          int        *key)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  *key = g_date_time_get_year (local) * 12 + g_date_time_get_month (local) - 1;
}

/* Every month of the period, in the store's zone, and any a session's
 * own zone put it in: a line over months has no hole. */
static void
fill_months (AtelierReport  *report,
             Buckets        *buckets,
             GTimeZone      *store_zone)
{
  GHashTableIter iter;
  gpointer key;
  int first;
  int last;

  month_of (report->from, store_zone, &first);
  month_of (MAX (report->to - 1, report->from), store_zone, &last);
  g_hash_table_iter_init (&iter, buckets->months);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      first = MIN (first, GPOINTER_TO_INT (key));
      last = MAX (last, GPOINTER_TO_INT (key));
    }

  for (int month = first; month <= last; month++)
    {
      AtelierReportMonth entry = { .year = month / 12, .month = month % 12 + 1 };
      AtelierReportSeats *seats = g_hash_table_lookup (buckets->months, GINT_TO_POINTER (month));

      if (seats != NULL)
        entry.seats = *seats;
      g_array_append_val (report->months, entry);
    }
}

static AtelierReport *
report_new (gint64 from,
            gint64 to,
            gint64 now)
{
  AtelierReport *report = g_new0 (AtelierReport, 1);

  report->from = from;
  report->to = to;
  report->now = now;
  report->workshops = g_array_new (FALSE, TRUE, sizeof (AtelierReportWorkshop));
  g_array_set_clear_func (report->workshops, clear_workshop);
  report->months = g_array_new (FALSE, TRUE, sizeof (AtelierReportMonth));
  report->interests = g_array_new (FALSE, TRUE, sizeof (AtelierReportInterest));
  g_array_set_clear_func (report->interests, clear_interest);
  return report;
}

/**
 * atelier_report_compute:
 * @from: the first start time of the period, UTC seconds
 * @to: the end of the period, excluded
 * @now: the time that decides which sessions ended
 *
 * Works out every figure of the period; see atelier-report.h for what
 * each one counts. A period that ends before it starts is refused with
 * %ATELIER_STORE_ERROR_INVALID.
 *
 * Returns: (transfer full): the figures, or %NULL with @error set
 */
AtelierReport *
atelier_report_compute (AtelierStore  *store,
                        gint64         from,
                        gint64         to,
                        gint64         now,
                        GError       **error)
{
  g_autoptr(AtelierReport) report = NULL;
  g_autoptr(AtelierSettings) settings = NULL;
  g_autoptr(GTimeZone) store_zone = NULL;
  Buckets buckets = { 0 };
  gint64 cache_size;
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  if (to <= from)
    {
      g_set_error_literal (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID,
                           _("The end of the period must come after its start."));
      return NULL;
    }

  settings = atelier_settings_load (store, error);
  if (settings == NULL)
    return NULL;

  report = report_new (from, to, now);
  report->currency = g_strdup (atelier_settings_get_currency (settings));
  store_zone = g_time_zone_new_identifier (atelier_settings_get_time_zone (settings));
  if (store_zone == NULL)
    store_zone = g_time_zone_new_local ();

  buckets.zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_time_zone_unref);
  buckets.workshops = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  buckets.months = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  buckets.categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_interest);

  cache_size = grow_cache (store);
  ok = read_sessions (store, report, &buckets, error) &&
       read_returning (store, report, error) &&
       read_interests (store, report, &buckets, error);
  restore_cache (store, cache_size);
  if (ok)
    {
      fill_months (report, &buckets, store_zone);
      g_array_sort (report->workshops, compare_workshops);
      g_array_sort (report->interests, compare_interests);
    }

  buckets_clear (&buckets);

  return ok ? g_steal_pointer (&report) : NULL;
}
