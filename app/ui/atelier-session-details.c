/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-session-details.c: the details block at the top of a session's page
 *
 * The workshop's title (and a "Cancelled" badge), the date, place, host,
 * what to bring and capacity, how many invites are owed with the "Send
 * Invites…" button, the line that sums the seats up, the revenue of the
 * confirmed seats at the workshop's price, and the "Check-in Mode" button. The
 * buttons activate the page's actions ("session.send-invites",
 * "session.check-in-mode"); the page says what to show through the
 * properties and atelier_session_details_set_summary().
 */
#define G_LOG_DOMAIN "atelier-session-details"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "atelier-format.h"
#include "atelier-money.h"
#include "atelier-session-details.h"
#include "atelier-widget-util.h"

struct _AtelierSessionDetails
{
  GtkBox                 parent_instance;

  AtelierSession        *session;
  char                  *host;
  char                  *bring;
  AtelierSessionSummary  summary;
  gint64                 price;     /* of a seat, in the currency's minor unit */
  char                  *currency;
  guint                  pending_invites;
  gboolean               exporting;
  char                  *progress;

  /* Template children */
  GtkLabel              *title_label;
  GtkWidget             *cancelled_badge;
  AdwPreferencesRow     *date_row;
  AdwPreferencesRow     *place_row;
  AdwPreferencesRow     *host_row;
  AdwPreferencesRow     *bring_row;
  AdwPreferencesRow     *capacity_row;
  AdwPreferencesRow     *invites_row;
  GtkSpinner            *invites_spinner;
  GtkWidget             *invites_button;
  GtkWidget             *stop_button;
  GtkLabel              *summary_label;
  GtkLabel              *revenue_label;
  GtkWidget             *check_in_button;
};

G_DEFINE_FINAL_TYPE (AtelierSessionDetails, atelier_session_details, GTK_TYPE_BOX)

enum
{
  PROP_0,
  PROP_SESSION,
  PROP_HOST,
  PROP_PRICE,
  PROP_CURRENCY,
  PROP_BRING,
  PROP_PENDING_INVITES,
  PROP_EXPORTING,
  PROP_PROGRESS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * atelier_session_details_format_summary:
 *
 * Returns: (transfer full): "7 of 10 seats taken · 2 parties waiting
 *   (3 seats)", and the check-ins and no-shows when there are any
 */
char *
atelier_session_details_format_summary (const AtelierSessionSummary *summary)
{
  g_autoptr(GString) text = g_string_new (NULL);
  /* TRANSLATORS: separates the parts of a session's summary line */
  const char *separator = _(" · ");

  g_return_val_if_fail (summary != NULL, NULL);

  g_string_append_printf (text,
                          ngettext ("%d of %d seat taken", "%d of %d seats taken", summary->capacity),
                          summary->confirmed_seats, summary->capacity);

  if (summary->waiting_parties > 0)
    {
      g_autofree char *parties = NULL;
      g_autofree char *seats = NULL;

      /* TRANSLATORS: in a session's summary, e.g. "2 parties waiting" */
      parties = g_strdup_printf (ngettext ("%d party waiting", "%d parties waiting",
                                           summary->waiting_parties),
                                 summary->waiting_parties);
      /* TRANSLATORS: the seats the waiting parties need, e.g. "3 seats" */
      seats = g_strdup_printf (ngettext ("%d seat", "%d seats", summary->waiting_seats),
                               summary->waiting_seats);
      g_string_append (text, separator);
      /* TRANSLATORS: waiting parties, then the seats they need, e.g.
       * "2 parties waiting (3 seats)" */
      g_string_append_printf (text, _("%s (%s)"), parties, seats);
    }

  if (summary->checked_in_seats > 0)
    {
      g_string_append (text, separator);
      /* TRANSLATORS: people already checked in, e.g. "5 checked in" */
      g_string_append_printf (text, ngettext ("%d checked in", "%d checked in",
                                              summary->checked_in_seats),
                              summary->checked_in_seats);
    }

  if (summary->ended)
    {
      g_string_append (text, separator);
      /* TRANSLATORS: confirmed people who did not come, once a session is over */
      g_string_append_printf (text, ngettext ("%d no-show", "%d no-shows", summary->no_show_seats),
                              summary->no_show_seats);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A fact's row shows its value, or hides when there is none. */
static void
set_fact (AdwPreferencesRow *row,
          const char        *value)
{
  adw_preferences_row_set_title (row, value != NULL ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), !atelier_str_is_empty (value));
}

static void
update_session (AtelierSessionDetails *self)
{
  AtelierSession *session = self->session;
  gboolean cancelled = session != NULL && atelier_session_is_cancelled (session);
  g_autofree char *when = NULL;
  g_autofree char *capacity = NULL;

  if (session != NULL)
    {
      int seats = atelier_session_get_capacity (session);

      when = atelier_format_session_when (session, ATELIER_WHEN_WITH_YEAR | ATELIER_WHEN_WITH_ZONE);
      /* TRANSLATORS: a session's capacity, e.g. "10 seats" */
      capacity = g_strdup_printf (ngettext ("%d seat", "%d seats", seats), seats);
    }

  gtk_label_set_label (self->title_label, session != NULL ? atelier_session_get_workshop_title (session) : "");
  gtk_widget_set_visible (self->cancelled_badge, cancelled);
  set_fact (self->date_row, when);
  set_fact (self->place_row, session != NULL ? atelier_session_get_place (session) : NULL);
  set_fact (self->capacity_row, capacity);
}

static void
update_summary (AtelierSessionDetails *self)
{
  gboolean cancelled = self->session != NULL && atelier_session_is_cancelled (self->session);
  g_autofree char *text = NULL;

  if (cancelled)
    text = g_strdup (_("This session is cancelled, and so are its registrations."));
  else
    text = atelier_session_details_format_summary (&self->summary);

  gtk_label_set_label (self->summary_label, text);
  if (cancelled)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");

  gtk_widget_set_visible (self->check_in_button, !cancelled && !self->summary.ended);
}

/* "Revenue: 8 confirmed seats × €25.00 = €200.00"; a cancelled session
 * brings nothing in, and says so above. */
static void
update_revenue (AtelierSessionDetails *self)
{
  gboolean shown = self->session != NULL && !atelier_session_is_cancelled (self->session);
  AtelierRevenue revenue;
  g_autofree char *text = NULL;

  if (shown)
    {
      atelier_money_compute_revenue (&self->summary, self->price, &revenue);
      text = atelier_money_describe_revenue (&revenue, self->currency);
    }

  gtk_label_set_label (self->revenue_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->revenue_label), shown);
}

/* "3 to send" beside the "Send Invites…" button, or the progress. */
static void
update_invites (AtelierSessionDetails *self)
{
  g_autofree char *title = NULL;

  gboolean busy = self->exporting || self->progress != NULL;

  if (self->progress != NULL)
    title = g_strdup (self->progress);
  else if (self->exporting)
    title = g_strdup (_("Writing invites…"));
  else if (self->pending_invites == 0)
    title = g_strdup (_("Nothing to send"));
  else
    /* TRANSLATORS: invites (or cancellations) that customers are owed,
     * beside the "Send Invites…" button, e.g. "3 to send" */
    title = g_strdup_printf (ngettext ("%u to send", "%u to send", self->pending_invites),
                             self->pending_invites);

  adw_preferences_row_set_title (self->invites_row, title);
  gtk_widget_set_visible (GTK_WIDGET (self->invites_spinner), busy);
  gtk_spinner_set_spinning (self->invites_spinner, busy);
  /* While mail goes out, the button that started it stops it. */
  gtk_widget_set_visible (self->stop_button, self->progress != NULL);
  gtk_widget_set_visible (self->invites_button, self->progress == NULL);
  atelier_widget_set_tooltip (self->invites_button,
                              self->pending_invites > 0
                              ? _("Send the invites customers are owed by mail")
                              : _("Every customer has the latest invite"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->invites_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, title, -1);
}

static void
atelier_session_details_dispose (GObject *object)
{
  AtelierSessionDetails *self = ATELIER_SESSION_DETAILS (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATELIER_TYPE_SESSION_DETAILS);
  g_clear_object (&self->session);
  g_clear_pointer (&self->progress, g_free);

  G_OBJECT_CLASS (atelier_session_details_parent_class)->dispose (object);
}

static void
atelier_session_details_finalize (GObject *object)
{
  AtelierSessionDetails *self = ATELIER_SESSION_DETAILS (object);

  g_free (self->host);
  g_free (self->currency);
  g_free (self->bring);

  G_OBJECT_CLASS (atelier_session_details_parent_class)->finalize (object);
}

static void
atelier_session_details_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  AtelierSessionDetails *self = ATELIER_SESSION_DETAILS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;

    case PROP_PRICE:
      g_value_set_int64 (value, self->price);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_BRING:
      g_value_set_string (value, self->bring);
      break;

    case PROP_PENDING_INVITES:
      g_value_set_uint (value, self->pending_invites);
      break;

    case PROP_EXPORTING:
      g_value_set_boolean (value, self->exporting);
      break;

    case PROP_PROGRESS:
      g_value_set_string (value, self->progress);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_session_details_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  AtelierSessionDetails *self = ATELIER_SESSION_DETAILS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      atelier_session_details_set_session (self, g_value_get_object (value));
      break;

    case PROP_HOST:
      atelier_session_details_set_host (self, g_value_get_string (value));
      break;

    case PROP_PRICE:
      atelier_session_details_set_price (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      atelier_session_details_set_currency (self, g_value_get_string (value));
      break;

    case PROP_BRING:
      atelier_session_details_set_bring (self, g_value_get_string (value));
      break;

    case PROP_PENDING_INVITES:
      atelier_session_details_set_pending_invites (self, g_value_get_uint (value));
      break;

    case PROP_EXPORTING:
      atelier_session_details_set_exporting (self, g_value_get_boolean (value));
      break;

    case PROP_PROGRESS:
      atelier_session_details_set_progress (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atelier_session_details_class_init (AtelierSessionDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atelier_session_details_dispose;
  object_class->finalize = atelier_session_details_finalize;
  object_class->get_property = atelier_session_details_get_property;
  object_class->set_property = atelier_session_details_set_property;

  /**
   * AtelierSessionDetails:session:
   *
   * The session described, or %NULL.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         ATELIER_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionDetails:host:
   *
   * Who leads the workshop, or %NULL (the row hides).
   */
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionDetails:price:
   *
   * The price of a seat, in the currency's minor unit: with the confirmed
   * seats, the session's revenue.
   */
  properties[PROP_PRICE] =
    g_param_spec_int64 ("price", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionDetails:currency:
   *
   * The store's currency, an ISO 4217 code.
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionDetails:bring:
   *
   * What participants should bring, several lines, or %NULL (the row
   * hides).
   */
  properties[PROP_BRING] =
    g_param_spec_string ("bring", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionDetails:pending-invites:
   *
   * How many messages the session's customers are owed.
   */
  properties[PROP_PENDING_INVITES] =
    g_param_spec_uint ("pending-invites", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionDetails:exporting:
   *
   * Whether invites are being written (a spinner shows).
   */
  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * AtelierSessionDetails:progress:
   *
   * While invites are sent by mail, how far it is ("Sending 12 of 40…"),
   * with a Stop button; %NULL otherwise.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_string ("progress", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ateliers/Atelier/ui/atelier-session-details.ui");
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, cancelled_badge);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, date_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, place_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, host_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, bring_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, invites_row);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, invites_spinner);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, invites_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, stop_button);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, revenue_label);
  gtk_widget_class_bind_template_child (widget_class, AtelierSessionDetails, check_in_button);
}

static void
atelier_session_details_init (AtelierSessionDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  update_session (self);
  set_fact (self->host_row, NULL);
  set_fact (self->bring_row, NULL);
  update_summary (self);
  update_revenue (self);
  update_invites (self);
}

/**
 * atelier_session_details_new:
 *
 * Returns: (transfer floating): an empty details block; give it a session
 */
GtkWidget *
atelier_session_details_new (void)
{
  return g_object_new (ATELIER_TYPE_SESSION_DETAILS, NULL);
}

AtelierSession *
atelier_session_details_get_session (AtelierSessionDetails *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_DETAILS (self), NULL);

  return self->session;
}

void
atelier_session_details_set_session (AtelierSessionDetails *self,
                                     AtelierSession        *session)
{
  g_return_if_fail (ATELIER_IS_SESSION_DETAILS (self));
  g_return_if_fail (session == NULL || ATELIER_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  update_session (self);
  update_summary (self);
  update_revenue (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
atelier_session_details_get_host (AtelierSessionDetails *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_DETAILS (self), NULL);

  return self->host;
}

void
atelier_session_details_set_host (AtelierSessionDetails *self,
                                  const char            *host)
{
  g_return_if_fail (ATELIER_IS_SESSION_DETAILS (self));

  if (g_strcmp0 (self->host, host) == 0)
    return;

  g_free (self->host);
  self->host = g_strdup (host);
  set_fact (self->host_row, host);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST]);
}

const char *
atelier_session_details_get_bring (AtelierSessionDetails *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_DETAILS (self), NULL);

  return self->bring;
}

void
atelier_session_details_set_bring (AtelierSessionDetails *self,
                                   const char            *bring)
{
  g_return_if_fail (ATELIER_IS_SESSION_DETAILS (self));

  if (g_strcmp0 (self->bring, bring) == 0)
    return;

  g_free (self->bring);
  self->bring = g_strdup (bring);
  set_fact (self->bring_row, bring);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRING]);
}

/**
 * atelier_session_details_set_summary:
 * @summary: the seats taken, waiting, checked in, and whether it is over
 *
 * Shows @summary under the facts; the "Check-in Mode" button hides once
 * the session is over.
 */
void
atelier_session_details_set_summary (AtelierSessionDetails       *self,
                                     const AtelierSessionSummary *summary)
{
  g_return_if_fail (ATELIER_IS_SESSION_DETAILS (self));
  g_return_if_fail (summary != NULL);

  self->summary = *summary;
  update_summary (self);
  update_revenue (self);
}

gint64
atelier_session_details_get_price (AtelierSessionDetails *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_DETAILS (self), 0);

  return self->price;
}

void
atelier_session_details_set_price (AtelierSessionDetails *self,
                                   gint64                 price)
{
  g_return_if_fail (ATELIER_IS_SESSION_DETAILS (self));

  if (self->price == price)
    return;

  self->price = price;
  update_revenue (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE]);
}

const char *
atelier_session_details_get_currency (AtelierSessionDetails *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_DETAILS (self), NULL);

  return self->currency;
}

void
atelier_session_details_set_currency (AtelierSessionDetails *self,
                                      const char            *currency)
{
  g_return_if_fail (ATELIER_IS_SESSION_DETAILS (self));

  if (g_strcmp0 (self->currency, currency) == 0)
    return;

  g_free (self->currency);
  self->currency = g_strdup (currency);
  update_revenue (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

guint
atelier_session_details_get_pending_invites (AtelierSessionDetails *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_DETAILS (self), 0);

  return self->pending_invites;
}

void
atelier_session_details_set_pending_invites (AtelierSessionDetails *self,
                                             guint                  pending_invites)
{
  g_return_if_fail (ATELIER_IS_SESSION_DETAILS (self));

  if (self->pending_invites == pending_invites)
    return;

  self->pending_invites = pending_invites;
  update_invites (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING_INVITES]);
}

gboolean
atelier_session_details_get_exporting (AtelierSessionDetails *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_DETAILS (self), FALSE);

  return self->exporting;
}

void
atelier_session_details_set_exporting (AtelierSessionDetails *self,
                                       gboolean               exporting)
{
  g_return_if_fail (ATELIER_IS_SESSION_DETAILS (self));

  exporting = !!exporting;
  if (self->exporting == exporting)
    return;

  self->exporting = exporting;
  update_invites (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
}

const char *
atelier_session_details_get_progress (AtelierSessionDetails *self)
{
  g_return_val_if_fail (ATELIER_IS_SESSION_DETAILS (self), NULL);

  return self->progress;
}

void
atelier_session_details_set_progress (AtelierSessionDetails *self,
                                      const char            *progress)
{
  g_return_if_fail (ATELIER_IS_SESSION_DETAILS (self));

  if (g_strcmp0 (self->progress, progress) == 0)
    return;

  g_free (self->progress);
  self->progress = g_strdup (progress);
  update_invites (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}
