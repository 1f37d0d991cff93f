/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-details.h: the details block at the top of a session's page */
#pragma once

#include <gtk/gtk.h>

#include "atelier-booking.h"
#include "atelier-session.h"

G_BEGIN_DECLS

#define ATELIER_TYPE_SESSION_DETAILS (atelier_session_details_get_type ())
G_DECLARE_FINAL_TYPE (AtelierSessionDetails, atelier_session_details, ATELIER, SESSION_DETAILS, GtkBox)

GtkWidget      *atelier_session_details_new                 (void);
AtelierSession *atelier_session_details_get_session         (AtelierSessionDetails       *self);
void            atelier_session_details_set_session         (AtelierSessionDetails       *self,
                                                             AtelierSession              *session);
const char     *atelier_session_details_get_host            (AtelierSessionDetails       *self);
void            atelier_session_details_set_host            (AtelierSessionDetails       *self,
                                                             const char                  *host);
const char     *atelier_session_details_get_bring           (AtelierSessionDetails       *self);
void            atelier_session_details_set_bring           (AtelierSessionDetails       *self,
                                                             const char                  *bring);
void            atelier_session_details_set_summary         (AtelierSessionDetails       *self,
                                                             const AtelierSessionSummary *summary);
guint           atelier_session_details_get_pending_invites (AtelierSessionDetails       *self);
void            atelier_session_details_set_pending_invites (AtelierSessionDetails       *self,
                                                             guint                        pending_invites);
gint64          atelier_session_details_get_price           (AtelierSessionDetails       *self);
void            atelier_session_details_set_price           (AtelierSessionDetails       *self,
                                                             gint64                       price);
const char     *atelier_session_details_get_currency        (AtelierSessionDetails       *self);
void            atelier_session_details_set_currency        (AtelierSessionDetails       *self,
                                                             const char                  *currency);
gboolean        atelier_session_details_get_exporting       (AtelierSessionDetails       *self);
void            atelier_session_details_set_exporting       (AtelierSessionDetails       *self,
                                                             gboolean                     exporting);
const char     *atelier_session_details_get_progress        (AtelierSessionDetails       *self);
void            atelier_session_details_set_progress        (AtelierSessionDetails       *self,
                                                             const char                  *progress);

char           *atelier_session_details_format_summary      (const AtelierSessionSummary *summary);

G_END_DECLS
