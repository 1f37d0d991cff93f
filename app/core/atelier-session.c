/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session.c: one dated occurrence of a workshop */
#define G_LOG_DOMAIN "atelier-session"

#include "config.h"

#include "atelier-record-private.h"
#include "atelier-session.h"

struct _AtelierSession
{
  GObject parent_instance;

  gint64  id;
  gint64  workshop_id;
  gint64  starts_at;
  gint64  ends_at;
  char   *time_zone;
  char   *place;
  int     capacity;
  char   *status;
  char   *uid;
  int     sequence;
  gint64  created_at;
  gint64  series_id;

  char   *workshop_title;
  char   *workshop_host;
  int     seats_taken;
  int     waiting_parties;
  int     waiting_seats;
};

G_DEFINE_FINAL_TYPE (AtelierSession, atelier_session, G_TYPE_OBJECT)

static const AtelierField fields[] = {
  ATELIER_FIELD (AtelierSession, id, "id", G_TYPE_INT64, ATELIER_PARAM_INSERT_ONLY),
  ATELIER_FIELD (AtelierSession, workshop_id, "workshop-id", G_TYPE_INT64, 0),
  ATELIER_FIELD (AtelierSession, starts_at, "starts-at", G_TYPE_INT64, 0),
  ATELIER_FIELD (AtelierSession, ends_at, "ends-at", G_TYPE_INT64, 0),
  ATELIER_FIELD (AtelierSession, time_zone, "time-zone", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierSession, place, "place", G_TYPE_STRING, 0),
  ATELIER_FIELD (AtelierSession, capacity, "capacity", G_TYPE_INT, 0),
  /* Status and SEQUENCE change only through the booking and invitation
   * rules, never through a plain update. */
  ATELIER_FIELD (AtelierSession, status, "status", G_TYPE_STRING, ATELIER_PARAM_INSERT_ONLY),
  ATELIER_FIELD (AtelierSession, uid, "uid", G_TYPE_STRING, ATELIER_PARAM_INSERT_ONLY),
  ATELIER_FIELD (AtelierSession, sequence, "sequence", G_TYPE_INT, ATELIER_PARAM_INSERT_ONLY),
  ATELIER_FIELD (AtelierSession, created_at, "created-at", G_TYPE_INT64, ATELIER_PARAM_INSERT_ONLY),
  /* The series it was created in (atelier_series_create_full()), 0 for none */
  ATELIER_FIELD (AtelierSession, series_id, "series-id", G_TYPE_INT64,
                 ATELIER_PARAM_INSERT_ONLY | ATELIER_PARAM_NULLABLE),
  ATELIER_FIELD (AtelierSession, workshop_title, "workshop-title", G_TYPE_STRING, ATELIER_PARAM_DERIVED),
  ATELIER_FIELD (AtelierSession, workshop_host, "workshop-host", G_TYPE_STRING, ATELIER_PARAM_DERIVED),
  ATELIER_FIELD (AtelierSession, seats_taken, "seats-taken", G_TYPE_INT, ATELIER_PARAM_DERIVED),
  ATELIER_FIELD (AtelierSession, waiting_parties, "waiting-parties", G_TYPE_INT, ATELIER_PARAM_DERIVED),
  ATELIER_FIELD (AtelierSession, waiting_seats, "waiting-seats", G_TYPE_INT, ATELIER_PARAM_DERIVED),
};

static GParamSpec *properties[G_N_ELEMENTS (fields) + 1];

ATELIER_DEFINE_FIELD_ACCESSORS (AtelierSession, atelier_session, fields)

static void
atelier_session_class_init (AtelierSessionClass *klass)
{
  ATELIER_CLASS_INIT_FIELDS (klass, atelier_session, fields, properties);
}

static void
atelier_session_init (AtelierSession *self)
{
  self->status = g_strdup (ATELIER_SESSION_SCHEDULED);
}

/* The session's times are kept in UTC seconds; its zone is the IANA name
 * the times are shown in. */
AtelierSession *
atelier_session_new (gint64      workshop_id,
                     GDateTime  *starts,
                     GDateTime  *ends,
                     const char *time_zone)
{
  g_return_val_if_fail (starts != NULL && ends != NULL, NULL);

  return g_object_new (ATELIER_TYPE_SESSION,
                       "workshop-id", workshop_id,
                       "starts-at", g_date_time_to_unix (starts),
                       "ends-at", g_date_time_to_unix (ends),
                       "time-zone", time_zone,
                       NULL);
}

ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, gint64, id)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, gint64, workshop_id)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, gint64, starts_at)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, gint64, ends_at)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, const char *, time_zone)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, const char *, place)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, int, capacity)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, const char *, status)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, const char *, uid)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, int, sequence)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, gint64, created_at)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, gint64, series_id)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, const char *, workshop_title)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, const char *, workshop_host)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, int, seats_taken)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, int, waiting_parties)
ATELIER_DEFINE_GETTER (AtelierSession, atelier_session, ATELIER_IS_SESSION, int, waiting_seats)

gboolean
atelier_session_is_cancelled (AtelierSession *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION (self), FALSE);

  return g_strcmp0 (self->status, ATELIER_SESSION_CANCELLED) == 0;
}

/* GLib keeps a GTimeZone only while someone holds it: without this cache,
 * every date shown (a schedule binds some hundred rows, each asking for
 * its start several times) read and parsed the zone's tzdata file again,
 * a third of Atelier's start-up on a large store. The few zones a store
 * uses are kept for the life of the process. */
G_LOCK_DEFINE_STATIC (zones);

static GTimeZone *
dup_zone (const char *identifier)
{
  static GHashTable *zones = NULL;  /* identifier → GTimeZone, or NULL if unknown */
  GTimeZone *zone = NULL;
  gpointer cached = NULL;

  if (identifier == NULL)
    return NULL;

  G_LOCK (zones);
  if (zones == NULL)
    zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_time_zone_unref);
  if (g_hash_table_lookup_extended (zones, identifier, NULL, &cached))
    zone = cached != NULL ? g_time_zone_ref (cached) : NULL;
  else
    {
      zone = g_time_zone_new_identifier (identifier);
      g_hash_table_insert (zones, g_strdup (identifier), zone ? g_time_zone_ref (zone) : NULL);
    }
  G_UNLOCK (zones);

  return zone;
}

static GDateTime *
session_local_time (AtelierSession *self,
                    gint64          utc_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (utc_seconds);
  g_autoptr(GTimeZone) zone = dup_zone (self->time_zone);

  if (zone == NULL)
    zone = g_time_zone_new_utc ();

  return g_date_time_to_timezone (utc, zone);
}

/* Returns: (transfer full): the start in the session's own zone */
GDateTime *
atelier_session_dup_start (AtelierSession *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION (self), NULL);

  return session_local_time (self, self->starts_at);
}

/* Returns: (transfer full): the end in the session's own zone */
GDateTime *
atelier_session_dup_end (AtelierSession *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION (self), NULL);

  return session_local_time (self, self->ends_at);
}
