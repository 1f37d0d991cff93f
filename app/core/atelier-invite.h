/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-invite.h: iCalendar invites, cancellations and the public feed */
#pragma once

#include "atelier-settings.h"
#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_INVITE_ERROR (atelier_invite_error_quark ())

typedef enum
{
  ATELIER_INVITE_ERROR_NO_ADDRESS,     /* the customer has no e-mail address */
  ATELIER_INVITE_ERROR_BAD_ADDRESS,    /* one that cannot be used */
  ATELIER_INVITE_ERROR_WAITLISTED,     /* a waiting party gets no invite */
  ATELIER_INVITE_ERROR_NOT_CONFIRMED,  /* cancelled: owed a cancellation instead */
  ATELIER_INVITE_ERROR_SESSION_CANCELLED,
  ATELIER_INVITE_ERROR_FAILED,
} AtelierInviteError;

/* Why a customer is owed a message; the first three are REQUESTs. */
typedef enum
{
  ATELIER_INVITE_NEW,                /* a first invite (or again after a cancellation) */
  ATELIER_INVITE_PROMOTED,           /* confirmed from the waiting list */
  ATELIER_INVITE_UPDATE,             /* the session changed: time, place or status */
  ATELIER_INVITE_CANCELLED,          /* this registration was cancelled */
  ATELIER_INVITE_SESSION_CANCELLED,  /* the whole session was cancelled */
} AtelierInviteKind;

GQuark             atelier_invite_error_quark            (void);

/* "new", "promoted", "update", "cancelled", "session-cancelled" */
const char        *atelier_invite_kind_to_string         (AtelierInviteKind   kind);
gboolean           atelier_invite_kind_from_string       (const char         *string,
                                                          AtelierInviteKind  *kind);
/* "REQUEST" or "CANCEL" */
const char        *atelier_invite_kind_get_method        (AtelierInviteKind   kind);

char              *atelier_invite_build                  (AtelierSettings    *settings,
                                                          AtelierSession     *session,
                                                          AtelierWorkshop    *workshop,
                                                          AtelierCustomer    *customer,
                                                          int                 party_size,
                                                          AtelierInviteKind   kind,
                                                          int                 sequence,
                                                          GError            **error);
char              *atelier_invite_build_for_registration (AtelierStore       *store,
                                                          gint64              registration_id,
                                                          GError            **error);
char              *atelier_invite_build_feed             (AtelierStore       *store,
                                                          GDateTime          *from,
                                                          GDateTime          *to,
                                                          GError            **error);
gboolean           atelier_invite_write_feed             (AtelierStore       *store,
                                                          GDateTime          *from,
                                                          GDateTime          *to,
                                                          GOutputStream      *stream,
                                                          guint              *n_events,
                                                          GCancellable       *cancellable,
                                                          GError            **error);

G_END_DECLS
