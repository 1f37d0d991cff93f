/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-page-private.h: what the session page and its actions share */
#pragma once

#include <adwaita.h>

#include "atelier-booking.h"
#include "atelier-session-page.h"
#include "atelier-session-series.h"

G_BEGIN_DECLS

struct _AtelierSessionPage
{
  GtkWidget              parent_instance;

  AtelierStore          *store;
  gint64                 session_id;

  AtelierSession        *session;
  AtelierWorkshop       *workshop;
  char                  *currency;  /* the store's, for the revenue */
  AtelierSessionSummary  summary;
  GListStore            *roster;
  /* The roster's headings (GtkStringObject) and the count beside each;
   * the other strings of the roster are empty-roster lines. */
  GHashTable            *heading_details;
  guint                  reload_source;
  guint                  timer_source;
  guint                  n_pending;  /* invites owed */
  gboolean               exporting;
  GCancellable          *export_cancellable;
  gboolean               sending;   /* by mail */
  GCancellable          *send_cancellable;
  char                  *send_progress;
  /* The sender's news not shown yet: registration id → its latest
   * AtelierMailMessage, applied at most once per frame. */
  GHashTable            *mail_news;
  guint                  news_tick;
  /* registration id → its latest AtelierMailMessage */
  GHashTable            *mail_by_registration;
  GHashTable            *answer_by_registration;  /* registration id -> "Said yes on 3 May" */
  /* "Session 3 of 8 in a weekly series", above the roster */
  AtelierSessionSeries  *series_line;

  /* Template children; the box is the only direct one. */
  GtkWidget             *box;
  AdwWindowTitle        *window_title;
  GtkWidget             *sign_up_button;
  GtkWidget             *sign_up_icon_button;
  GtkStack              *stack;
  GtkListView           *roster_view;
};

/* atelier-session-page.c */
void _atelier_session_page_reload             (AtelierSessionPage      *self);
void _atelier_session_page_add_news           (AtelierSessionPage      *self,
                                               AtelierMailMessage      *message);

/* atelier-session-page-actions.c */
void _atelier_session_page_class_actions_init (AtelierSessionPageClass *klass);
void _atelier_session_page_update_actions     (AtelierSessionPage      *self);

G_END_DECLS
