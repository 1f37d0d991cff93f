/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-schedule.c: the commands that set sessions' dates: series
 * (a workshop's sessions from a recurrence rule) and reschedule (one
 * session to another time)
 *
 * Times are typed on the wall clock of the session's zone, such as
 * 2026-10-10T18:30: a weekly class stays at 18:30 across a change of
 * daylight-saving time. An offset, when given, is converted to the zone.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atelier-cli-items.h"
#include "atelier-cli-private.h"
#include "atelier-outbox.h"
#include "atelier-reschedule.h"
#include "atelier-series.h"
#include "atelier-settings.h"

/* Times */

static gboolean
is_digits (const char *text,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;

  return TRUE;
}

/* YYYY-MM-DDTHH:MM, a space allowed for the T, then optional seconds and
 * offset, as g_date_time_new_from_iso8601() reads it (with seconds, and
 * the T); %NULL if @text is not such a time */
static char *
normalize_time (const char *text)
{
  g_autoptr(GString) normal = g_string_new (text);

  if (normal->len < 16 || !is_digits (text, 4) || text[4] != '-' || !is_digits (text + 5, 2) ||
      text[7] != '-' || !is_digits (text + 8, 2) || (text[10] != 'T' && text[10] != ' ') ||
      !is_digits (text + 11, 2) || text[13] != ':' || !is_digits (text + 14, 2))
    return NULL;

  normal->str[10] = 'T';
  if (text[16] != ':')
    g_string_insert (normal, 16, ":00");

  return g_string_free (g_steal_pointer (&normal), FALSE);
}

/* The wall-clock time @text names, its date and time of day as typed
 * (in UTC, as the zone is not known yet), or %NULL */
static GDateTime *
parse_wall_fields (const char *text)
{
  g_autofree char *normal = normalize_time (text);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  return normal != NULL ? g_date_time_new_from_iso8601 (normal, utc) : NULL;
}

/* @text on the wall clock of @zone, or %NULL. A time the clocks skip or
 * show twice is read by the schedule's one rule, and the core's note says
 * which time it gives. */
static GDateTime *
parse_wall_time (const char *text,
                 GTimeZone  *zone)
{
  g_autofree char *normal = normalize_time (text);
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) wall = NULL;
  g_autoptr(GDateTime) kept = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *note = NULL;
  AtelierWallTimeKind kind = ATELIER_WALL_TIME_EXISTS;

  if (normal != NULL)
    time = g_date_time_new_from_iso8601 (normal, zone);
  if (time == NULL)
    return NULL;

  /* The same instant read in UTC: the text gave its offset itself. */
  wall = parse_wall_fields (text);
  if (wall == NULL || g_date_time_equal (wall, time))
    return g_date_time_to_timezone (time, zone);

  kept = atelier_reschedule_wall_time_full (zone, g_date_time_get_year (wall),
                                          g_date_time_get_month (wall),
                                          g_date_time_get_day_of_month (wall),
                                          g_date_time_get_hour (wall),
                                          g_date_time_get_minute (wall),
                                          g_date_time_get_second (wall), &kind);
  day_text = g_date_time_format (wall, "%Y-%m-%d");
  note = atelier_reschedule_describe_wall_time (kind, g_date_time_get_hour (wall),
                                              g_date_time_get_minute (wall), day_text, kept);
  if (note != NULL)
    g_printerr ("atelier-cli: %s\n", note);
  return g_steal_pointer (&kept);
}

/* Whether --start (needed) and --end (optional) are times, before the
 * zone they are in is known */
static gboolean
check_times (GOptionContext *context,
             const char     *start_text,
             const char     *end_text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  const char *wrong = NULL;

  if (start_text == NULL)
    {
      atelier_cli_usage_error (context, _("Say when with --start."));
      return FALSE;
    }

  if ((start = parse_wall_time (start_text, utc)) == NULL)
    wrong = start_text;
  else if (end_text != NULL && (end = parse_wall_time (end_text, utc)) == NULL)
    wrong = end_text;
  else
    return TRUE;

  /* TRANSLATORS: what was typed after --start or --end */
  atelier_cli_usage_error (context, _("“%s” is not a date and time such as 2026-11-28T18:30."),
                           wrong);
  return FALSE;
}

/* The start and end in @zone: --end, or @default_seconds after the
 * start. The end must come after the start. */
static gboolean
resolve_times (GOptionContext  *context,
               const char      *start_text,
               const char      *end_text,
               GTimeZone       *zone,
               gint64           default_seconds,
               GDateTime      **start,
               GDateTime      **end)
{
  *start = parse_wall_time (start_text, zone);
  if (end_text != NULL)
    *end = parse_wall_time (end_text, zone);
  else if (*start != NULL)
    *end = g_date_time_add_seconds (*start, default_seconds);

  if (*start != NULL && *end == NULL && end_text == NULL)
    /* TRANSLATORS: what was typed after --start */
    atelier_cli_usage_error (context, _("“%s” is too late: the session would end after the year 9999."),
                             start_text);
  else if (*start == NULL || *end == NULL)
    /* TRANSLATORS: what was typed after --start or --end, then a time
     * zone such as Europe/Paris */
    atelier_cli_usage_error (context, _("“%s” is not a time in %s."),
                             *start == NULL ? start_text : end_text,
                             g_time_zone_get_identifier (zone));
  else if (g_date_time_compare (*end, *start) <= 0)
    atelier_cli_usage_error (context, _("The session must end after it starts."));
  else
    return TRUE;

  return FALSE;
}

/* series */

typedef struct
{
  char *start;
  char *end;
  char *rrule;
  char *place;
  char *capacity;
  char *time_zone;
  GStrv skip;
} SeriesOptions;

static void
series_options_clear (SeriesOptions *self)
{
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->end, g_free);
  g_clear_pointer (&self->rrule, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->capacity, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->skip, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SeriesOptions, series_options_clear)

/* --skip YYYY-MM-DD, each a date (which of the rule's dates is checked
 * by the core); %NULL after a usage error */
static GPtrArray *
parse_skip_days (GOptionContext *context,
                 GStrv           texts)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);

  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      g_autofree char *noon = g_strconcat (texts[i], "T12:00", NULL);
      GDateTime *day = strlen (texts[i]) == 10 ? parse_wall_fields (noon) : NULL;

      if (day == NULL)
        {
          /* TRANSLATORS: what was typed after --skip */
          atelier_cli_usage_error (context, _("“%s” is not a date such as 2026-12-25."), texts[i]);
          return NULL;
        }
      g_ptr_array_add (days, day);
    }

  return g_steal_pointer (&days);
}

/* What can be checked without the store; @capacity is 0 when not given. */
static gboolean
check_series_options (GOptionContext *context,
                      SeriesOptions  *options,
                      int            *capacity)
{
  g_autoptr(GTimeZone) zone = NULL;

  *capacity = 0;
  if (!check_times (context, options->start, options->end))
    return FALSE;
  if (options->rrule == NULL)
    atelier_cli_usage_error (context,
                             _("Say how the sessions recur with --rrule, such as "
                               "--rrule \"FREQ=WEEKLY;COUNT=6\"."));
  else if (options->capacity != NULL &&
           !atelier_cli_parse_int (context, "--capacity", options->capacity, 1, capacity))
    return FALSE;
  else if (options->time_zone != NULL &&
           (zone = g_time_zone_new_identifier (options->time_zone)) == NULL)
    /* TRANSLATORS: what was typed after --time-zone */
    atelier_cli_usage_error (context, _("“%s” is not a time zone such as Europe/Paris."),
                             options->time_zone);
  else
    return TRUE;

  return FALSE;
}

/* --time-zone, or the store's */
static GTimeZone *
series_zone (AtelierStore   *store,
             SeriesOptions  *options,
             GError        **error)
{
  g_autoptr(AtelierSettings) settings = NULL;

  if (options->time_zone == NULL)
    {
      settings = atelier_settings_load (store, error);
      if (settings == NULL)
        return NULL;
      options->time_zone = g_strdup (atelier_settings_get_time_zone (settings));
    }

  return g_time_zone_new_identifier (options->time_zone);
}

/* The first session of the series, with the workshop's length and
 * capacity unless given */
static AtelierSession *
new_first_session (AtelierWorkshop *workshop,
                   GDateTime       *start,
                   GDateTime       *end,
                   SeriesOptions   *options,
                   int              capacity)
{
  AtelierSession *session = atelier_session_new (atelier_workshop_get_id (workshop), start, end,
                                                 options->time_zone);

  g_object_set (session,
                "capacity", capacity > 0 ? capacity : atelier_workshop_get_capacity (workshop),
                "place", options->place,
                NULL);

  return session;
}

/* The sessions as the store now has them: with their workshop's title
 * and their seats */
static GListModel *
reread_sessions (AtelierStore  *store,
                 GListModel    *created,
                 GError       **error)
{
  g_autoptr(GListStore) sessions = g_list_store_new (ATELIER_TYPE_SESSION);

  for (guint i = 0; i < g_list_model_get_n_items (created); i++)
    {
      g_autoptr(AtelierSession) session = g_list_model_get_item (created, i);
      g_autoptr(AtelierSession) stored =
        atelier_store_get_session (store, atelier_session_get_id (session), error);

      if (stored == NULL)
        return NULL;
      g_list_store_append (sessions, stored);
    }

  return G_LIST_MODEL (g_steal_pointer (&sessions));
}

static int
create_series (AtelierCli     *cli,
               GOptionContext *context,
               gint64          workshop_id,
               SeriesOptions  *options,
               int             capacity,
               gboolean        json)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierWorkshop) workshop = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(AtelierSession) first = NULL;
  g_autoptr(GDateTime) wall_start = NULL;
  g_autoptr(GPtrArray) skip_days = NULL;
  g_autoptr(GListModel) created = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GError) error = NULL;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    workshop = atelier_store_get_workshop (store, workshop_id, &error);
  if (workshop != NULL)
    zone = series_zone (store, options, &error);
  if (zone == NULL)
    return atelier_cli_fail (error);

  if (!resolve_times (context, options->start, options->end, zone,
                      atelier_workshop_get_duration_minutes (workshop) * G_GINT64_CONSTANT (60),
                      &start, &end))
    return ATELIER_CLI_EXIT_USAGE;

  skip_days = parse_skip_days (context, options->skip);
  if (skip_days == NULL)
    return ATELIER_CLI_EXIT_USAGE;

  /* Every date keeps the time typed, even when the first one's moved. */
  wall_start = parse_wall_fields (options->start);
  first = new_first_session (workshop, start, end, options, capacity);
  created = atelier_series_create_full (store, first, wall_start, options->rrule, skip_days, &error);
  if (created != NULL)
    sessions = reread_sessions (store, created, &error);

  return atelier_cli_print_listing (sessions, &error, json, &atelier_cli_session_format);
}

int
atelier_cli_series (AtelierCli              *cli,
                    const AtelierCliCommand *command,
                    GStrv                   *args)
{
  g_auto(SeriesOptions) options = { NULL };
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &options.start,
      N_("When the first session starts, such as 2026-10-10T18:30"), N_("TIME") },
    { "rrule", 0, 0, G_OPTION_ARG_STRING, &options.rrule,
      N_("How the sessions recur, as an iCalendar RRULE such as FREQ=WEEKLY;COUNT=6"),
      N_("RULE") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &options.end,
      N_("When the first session ends (the workshop’s duration unless given)"), N_("TIME") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &options.place,
      N_("Where the sessions take place"), N_("PLACE") },
    { "capacity", 0, 0, G_OPTION_ARG_STRING, &options.capacity,
      N_("The number of seats (the workshop’s unless given)"), N_("N") },
    { "time-zone", 0, 0, G_OPTION_ARG_STRING, &options.time_zone,
      N_("The zone of the times (the store’s “time-zone” setting unless given)"), N_("ZONE") },
    { "skip", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.skip,
      N_("A date of the rule to leave out, such as a holiday (may be repeated)"), N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  gint64 workshop_id;
  int capacity;

  g_option_context_set_description (context,
                                    _("Creates every session of the rule at once, all at the "
                                      "first one’s time of day, and lists them. A rule that "
                                      "gives more than 366 sessions, or never ends, is "
                                      "refused."));

  if (!atelier_cli_parse (context, args, 1, 1) ||
      !atelier_cli_parse_id (context, "WORKSHOP", (*args)[1], &workshop_id) ||
      !check_series_options (context, &options, &capacity))
    return ATELIER_CLI_EXIT_USAGE;

  return create_series (cli, context, workshop_id, &options, capacity, json);
}

/* reschedule */

/* How many customers are owed an update of the session */
static int
count_updates (AtelierStore  *store,
               gint64         session_id,
               GError       **error)
{
  g_autoptr(GListModel) items = atelier_outbox_list (store, session_id, error);
  int count = 0;

  if (items == NULL)
    return -1;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(AtelierOutboxItem) item = g_list_model_get_item (items, i);

      if (atelier_outbox_item_get_kind (item) == ATELIER_INVITE_UPDATE)
        count++;
    }

  return count;
}

static int
print_rescheduled (AtelierSession *session,
                   int             n_updates,
                   int             n_cleared,
                   gboolean        json)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *when = NULL;

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      atelier_cli_add_session_json (builder, session);
      atelier_cli_json_add_int (builder, "updates", n_updates);
      json_builder_end_object (builder);
      if (!atelier_cli_json_print (builder, &error))
        return atelier_cli_fail (error);
      return ATELIER_CLI_EXIT_OK;
    }

  id = g_strdup_printf ("%" G_GINT64_FORMAT, atelier_session_get_id (session));
  start = atelier_session_dup_start (session);
  when = g_date_time_format (start, "%Y-%m-%d %H:%M");
  /* TRANSLATORS: a session's number, its new date and time, then its
   * iCalendar SEQUENCE */
  g_print (_("Session %s: %s, sequence %d"), id, when, atelier_session_get_sequence (session));
  g_print ("\n");
  g_print (ngettext ("%d customer will receive an update.",
                     "%d customers will receive an update.", n_updates),
           n_updates);
  g_print ("\n");
  if (n_cleared > 0)
    {
      /* TRANSLATORS: after a session moved to another day */
      g_print (ngettext ("%d check-in made before was cleared: the session is on another day.",
                         "%d check-ins made before were cleared: the session is on another day.",
                         n_cleared),
               n_cleared);
      g_print ("\n");
    }

  return ATELIER_CLI_EXIT_OK;
}

static GTimeZone *
session_zone (AtelierSession *session)
{
  GTimeZone *zone = g_time_zone_new_identifier (atelier_session_get_time_zone (session));

  return zone != NULL ? zone : g_time_zone_new_utc ();
}

static int
reschedule (AtelierCli     *cli,
            GOptionContext *context,
            gint64          session_id,
            const char     *start_text,
            const char     *end_text,
            gboolean        json)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(AtelierSession) session = NULL;
  g_autoptr(AtelierSession) stored = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GError) error = NULL;
  int n_updates = -1;
  int n_cleared = 0;

  store = atelier_cli_open_store (cli, FALSE, &error);
  if (store != NULL)
    session = atelier_store_get_session (store, session_id, &error);
  if (session == NULL)
    return atelier_cli_fail (error);

  zone = session_zone (session);
  if (!resolve_times (context, start_text, end_text, zone,
                      atelier_session_get_ends_at (session) -
                      atelier_session_get_starts_at (session),
                      &start, &end))
    return ATELIER_CLI_EXIT_USAGE;

  g_object_set (session,
                "starts-at", g_date_time_to_unix (start),
                "ends-at", g_date_time_to_unix (end),
                NULL);
  if (atelier_reschedule_update_session_full (store, session, NULL, &n_cleared, &error) &&
      (stored = atelier_store_get_session (store, session_id, &error)) != NULL)
    n_updates = count_updates (store, session_id, &error);
  if (n_updates < 0)
    return atelier_cli_fail (error);

  return print_rescheduled (stored, n_updates, n_cleared, json);
}

int
atelier_cli_reschedule (AtelierCli              *cli,
                        const AtelierCliCommand *command,
                        GStrv                   *args)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text,
      N_("The new start, such as 2026-10-10T18:30"), N_("TIME") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end_text,
      N_("The new end (the same duration as before unless given)"), N_("TIME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = atelier_cli_context_new (cli, command, entries);
  gint64 session_id;

  g_option_context_set_description (context,
                                    _("Times are on the clock of the session’s time zone. The "
                                      "session’s sequence goes up, and the customers who had "
                                      "an invitation are owed an update: see "
                                      "“atelier-cli outbox”."));

  if (!atelier_cli_parse (context, args, 1, 1) ||
      !atelier_cli_parse_id (context, "SESSION", (*args)[1], &session_id) ||
      !check_times (context, start_text, end_text))
    return ATELIER_CLI_EXIT_USAGE;

  return reschedule (cli, context, session_id, start_text, end_text, json);
}
