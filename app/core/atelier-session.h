/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session.h: one dated occurrence of a workshop */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATELIER_SESSION_SCHEDULED "scheduled"
#define ATELIER_SESSION_CANCELLED "cancelled"

/* The most seats a class can have, and so the largest party: far above
 * any room, low enough that no sum of seats can overflow an int. */
#define ATELIER_SESSION_MAX_SEATS 10000

#define ATELIER_TYPE_SESSION (atelier_session_get_type ())
G_DECLARE_FINAL_TYPE (AtelierSession, atelier_session, ATELIER, SESSION, GObject)

AtelierSession *atelier_session_new                 (gint64          workshop_id,
                                                     GDateTime      *starts,
                                                     GDateTime      *ends,
                                                     const char     *time_zone);
gint64          atelier_session_get_id              (AtelierSession *self);
gint64          atelier_session_get_workshop_id     (AtelierSession *self);
gint64          atelier_session_get_starts_at       (AtelierSession *self);
gint64          atelier_session_get_ends_at         (AtelierSession *self);
const char     *atelier_session_get_time_zone       (AtelierSession *self);
const char     *atelier_session_get_place           (AtelierSession *self);
int             atelier_session_get_capacity        (AtelierSession *self);
const char     *atelier_session_get_status          (AtelierSession *self);
const char     *atelier_session_get_uid             (AtelierSession *self);
int             atelier_session_get_sequence        (AtelierSession *self);
gint64          atelier_session_get_series_id       (AtelierSession *self);
gint64          atelier_session_get_created_at      (AtelierSession *self);
const char     *atelier_session_get_workshop_title  (AtelierSession *self);
const char     *atelier_session_get_workshop_host   (AtelierSession *self);
int             atelier_session_get_seats_taken     (AtelierSession *self);
int             atelier_session_get_waiting_parties (AtelierSession *self);
int             atelier_session_get_waiting_seats   (AtelierSession *self);
gboolean        atelier_session_is_cancelled        (AtelierSession *self);
GDateTime      *atelier_session_dup_start           (AtelierSession *self);
GDateTime      *atelier_session_dup_end             (AtelierSession *self);

G_END_DECLS
