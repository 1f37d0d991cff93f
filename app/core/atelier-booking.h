/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-booking.h: the booking rules: seats, waiting list, check-in */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_BOOKING_ERROR (atelier_booking_error_quark ())

typedef enum
{
  ATELIER_BOOKING_ERROR_ALREADY_REGISTERED,
  ATELIER_BOOKING_ERROR_SESSION_CANCELLED,
  ATELIER_BOOKING_ERROR_SESSION_OVER,
  ATELIER_BOOKING_ERROR_FULL,
  ATELIER_BOOKING_ERROR_NOT_CONFIRMED,
  ATELIER_BOOKING_ERROR_ALREADY_CANCELLED,
  ATELIER_BOOKING_ERROR_ALREADY_CHECKED_IN,
  ATELIER_BOOKING_ERROR_NOT_CHECKED_IN,
  ATELIER_BOOKING_ERROR_CHECKED_IN,
  ATELIER_BOOKING_ERROR_SAME_SESSION,
  ATELIER_BOOKING_ERROR_CAPACITY_BELOW_TAKEN,
  ATELIER_BOOKING_ERROR_INVALID,
} AtelierBookingError;

typedef enum
{
  ATELIER_CANCELLED_BY_STORE,
  ATELIER_CANCELLED_BY_CUSTOMER,
} AtelierCancelledBy;

typedef struct
{
  int capacity;
  int confirmed_parties;
  int confirmed_seats;
  int checked_in_seats;
  int no_show_seats;     /* only once the session has ended */
  int waiting_parties;
  int waiting_seats;
  gboolean ended;
} AtelierSessionSummary;

GQuark               atelier_booking_error_quark    (void);

AtelierRegistration *atelier_booking_sign_up        (AtelierStore           *store,
                                                     gint64                  session_id,
                                                     AtelierCustomer        *customer,
                                                     int                     party_size,
                                                     const char             *note,
                                                     GError                **error);
gboolean             atelier_booking_cancel         (AtelierStore           *store,
                                                     gint64                  registration_id,
                                                     AtelierCancelledBy      by,
                                                     GListModel            **promoted,
                                                     GError                **error);
AtelierRegistration *atelier_booking_move           (AtelierStore           *store,
                                                     gint64                  registration_id,
                                                     gint64                  session_id,
                                                     GError                **error);
gboolean             atelier_booking_set_capacity   (AtelierStore           *store,
                                                     gint64                  session_id,
                                                     int                     capacity,
                                                     GListModel            **promoted,
                                                     GError                **error);
gboolean             atelier_booking_update_session (AtelierStore           *store,
                                                     AtelierSession         *session,
                                                     GListModel            **promoted,
                                                     GError                **error);
AtelierRegistration *atelier_booking_check_in       (AtelierStore           *store,
                                                     gint64                  registration_id,
                                                     GError                **error);
AtelierRegistration *atelier_booking_undo_check_in  (AtelierStore           *store,
                                                     gint64                  registration_id,
                                                     GError                **error);
AtelierRegistration *atelier_booking_walk_in        (AtelierStore           *store,
                                                     gint64                  session_id,
                                                     AtelierCustomer        *customer,
                                                     int                     party_size,
                                                     GError                **error);
gboolean             atelier_booking_cancel_session (AtelierStore           *store,
                                                     gint64                  session_id,
                                                     GError                **error);
gboolean             atelier_booking_summarize      (AtelierStore           *store,
                                                     gint64                  session_id,
                                                     AtelierSessionSummary  *summary,
                                                     GError                **error);

gboolean             atelier_booking_accepts_sign_ups   (AtelierSession         *session,
                                                         gint64                  now);
GListModel          *atelier_booking_list_open_sessions (AtelierStore           *store,
                                                         gint64                  except_session_id,
                                                         GError                **error);
GListModel          *atelier_booking_preview_cancel     (AtelierStore           *store,
                                                         gint64                  registration_id,
                                                         int                    *seats_freed,
                                                         GError                **error);

AtelierRegistration *atelier_booking_check_in_arrived   (AtelierStore           *store,
                                                         gint64                  registration_id,
                                                         int                     arrived,
                                                         GError                **error);
gboolean             atelier_booking_update_session_full (AtelierStore           *store,
                                                         AtelierSession         *session,
                                                         GListModel            **promoted,
                                                         int                    *n_cleared,
                                                         GError                **error);

G_END_DECLS
