/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-report.h: the figures a manager reads at a glance, over a period
 *
 * One call, atelier_report_compute(), works out every figure of a period
 * [from, to) of session start times and returns plain data: the Reports
 * view draws it, a printed page or atelier-cli can lay it out too.
 *
 * What counts, for every figure:
 *
 * - A session belongs to the period when it starts at or after @from and
 *   before @to. A cancelled session offers no seat and counts nowhere
 *   (its registrations were cancelled with it).
 * - Seats offered: the capacity of each session held.
 * - Seats taken: the party sizes of its confirmed registrations. A party
 *   of 3 of whom 2 came takes 3 seats.
 * - Seats that came: for a checked-in registration, how many arrived as
 *   recorded at the door, or its whole party when none was recorded. A
 *   party of 3 of whom 2 came is 2 seats that came, 1 seat missed.
 * - Ended: a session whose end is before @now. No-shows and revenue only
 *   count ended sessions; fill rates count every session held.
 * - Waiting seats: the party sizes still on a session's waiting list
 *   (what was waiting when it started, for a session that started; what
 *   waits now, for one to come). A promoted party is taken, not waiting.
 * - Full: a session held whose seats taken reach its capacity (and that
 *   has seats at all).
 * - Months, weekdays and times of day are those of the session's own
 *   time zone: a class at 19:00 in Paris is an evening class in winter
 *   and in summer. Morning is before 12:00, afternoon before 18:00,
 *   evening from 18:00.
 */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

typedef enum
{
  ATELIER_REPORT_MORNING,
  ATELIER_REPORT_AFTERNOON,
  ATELIER_REPORT_EVENING,
  ATELIER_REPORT_N_TIMES_OF_DAY,
} AtelierReportTimeOfDay;

/* The seats of a set of sessions: a workshop's, a month's, a weekday's. */
typedef struct
{
  int    sessions;         /* held, not cancelled */
  int    seats_offered;
  int    seats_taken;
  int    full_sessions;
  int    waiting_seats;
  int    ended_seats_taken; /* seats taken in sessions that ended */
  int    ended_seats_came;  /* of those, seats that came */
  gint64 revenue;           /* price × seats that came, in minor units */
} AtelierReportSeats;

typedef struct
{
  gint64             workshop_id;
  char              *title;
  AtelierReportSeats seats;
  /* Demand not served: waiting seats of customers who never had a
   * confirmed seat at any session of this workshop, whatever its date:
   * an "add a date" hint. */
  int                unserved_seats;
} AtelierReportWorkshop;

typedef struct
{
  int                year;
  int                month;  /* 1 to 12 */
  AtelierReportSeats seats;
} AtelierReportMonth;

/* Returning customers: of the customers who came (were checked in) to a
 * session of the period, those whose first class ever is in the period
 * and those who had come before it. Of the first-timers, how many came
 * to another class that started at most 90 × 24 hours after the start of
 * their first (day 89 counts, day 91 does not), whenever that is. */
typedef struct
{
  int first_timers;
  int returning;
  int came_back_within_90_days;
} AtelierReportReturning;

/* Interests: what customers say they like (a tag of their interests,
 * customers not erased) against what is on the schedule: the sessions
 * held in the period whose workshop's category is that tag. */
typedef struct
{
  char *tag;
  int   customers;
  int   sessions;
  int   seats_offered;
} AtelierReportInterest;

typedef struct
{
  gint64                  from;
  gint64                  to;
  gint64                  now;
  char                   *currency;       /* of every revenue: an ISO 4217 code */
  AtelierReportSeats      total;
  GArray                 *workshops;      /* of AtelierReportWorkshop, by title */
  GArray                 *months;         /* of AtelierReportMonth, every month in order */
  AtelierReportSeats      weekdays[7];    /* Monday first */
  AtelierReportSeats      times_of_day[ATELIER_REPORT_N_TIMES_OF_DAY];
  AtelierReportReturning  returning;
  GArray                 *interests;      /* of AtelierReportInterest, most wanted first */
} AtelierReport;

AtelierReport *atelier_report_compute        (AtelierStore             *store,
                                              gint64                    from,
                                              gint64                    to,
                                              gint64                    now,
                                              GError                  **error);
void           atelier_report_free           (AtelierReport            *report);
gboolean       atelier_report_is_empty       (const AtelierReport      *report);

/* Seats taken / offered, and seats missed / taken in ended sessions, as
 * fractions from 0 to 1; 0 when there is nothing to divide. */
double         atelier_report_fill_rate      (const AtelierReportSeats *seats);
double         atelier_report_no_show_rate   (const AtelierReportSeats *seats);

/* The time of day of @hour (0 to 23), as the report buckets it. */
AtelierReportTimeOfDay atelier_report_time_of_day (int                 hour);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtelierReport, atelier_report_free)

G_END_DECLS
