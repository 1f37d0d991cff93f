/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-settings.h: the store's settings that invitations need */
#pragma once

#include "atelier-store.h"

G_BEGIN_DECLS

#define ATELIER_SETTINGS_ERROR (atelier_settings_error_quark ())

typedef enum
{
  ATELIER_SETTINGS_ERROR_UNKNOWN_KEY,
  ATELIER_SETTINGS_ERROR_INVALID,
  ATELIER_SETTINGS_ERROR_NO_ORGANIZER,  /* invites refused until it is set */
  ATELIER_SETTINGS_ERROR_NO_ACCOUNT,    /* no mail server set: nothing can be sent */
} AtelierSettingsError;

/* The keys, as `atelier-cli settings KEY VALUE` spells them. */
#define ATELIER_SETTING_STORE_NAME "store-name"  /* ORGANIZER's CN, the feed's name */
#define ATELIER_SETTING_ORGANIZER  "organizer"   /* the mailto: ORGANIZER, From of mails */
#define ATELIER_SETTING_ADDRESS    "address"     /* LOCATION when a session has no place */
#define ATELIER_SETTING_TIME_ZONE  "time-zone"   /* the store's IANA zone */
#define ATELIER_SETTING_REMINDER   "reminder"    /* minutes before the start; 0: none */
#define ATELIER_SETTING_RSVP       "rsvp"        /* ask customers to reply: true/false */
#define ATELIER_SETTING_LANGUAGE   "language"    /* of texts to customers: en, fr */
#define ATELIER_SETTING_CURRENCY   "currency"    /* of prices: an ISO 4217 code, EUR */
#define ATELIER_SETTING_SMTP_HOST     "smtp-host"      /* the mail server; empty: no sending */
#define ATELIER_SETTING_SMTP_PORT     "smtp-port"      /* its port; empty: the security's usual one */
#define ATELIER_SETTING_SMTP_SECURITY "smtp-security"  /* tls, starttls or none (loopback only) */
#define ATELIER_SETTING_SMTP_USER     "smtp-user"      /* the login; empty: no AUTH */
#define ATELIER_SETTING_SMTP_CA_FILE  "smtp-ca-file"   /* a CA file for the store's own server */
#define ATELIER_SETTING_MAIL_REMINDER "mail-reminder"  /* minutes before a session; 0: none */
#define ATELIER_SETTING_FOLLOW_UPS    "follow-ups"     /* thank-you and we-missed-you mails */
#define ATELIER_SETTING_IMAP_HOST        "imap-host"         /* the mailbox replies come to; empty: none read */
#define ATELIER_SETTING_IMAP_PORT        "imap-port"         /* its port; empty: the security's usual one */
#define ATELIER_SETTING_IMAP_SECURITY    "imap-security"     /* tls or starttls: never in clear */
#define ATELIER_SETTING_IMAP_USER        "imap-user"         /* the login */
#define ATELIER_SETTING_IMAP_FOLDER      "imap-folder"       /* where replies are read, INBOX */
#define ATELIER_SETTING_IMAP_CA_FILE     "imap-ca-file"      /* a CA file for the store's own server */
#define ATELIER_SETTING_IMAP_DONE_FOLDER "imap-done-folder"  /* handled replies go there; empty: stay */
#define ATELIER_SETTING_REPLIES_INTERVAL "replies-interval"  /* minutes between checks; 0: on demand */

#define ATELIER_TYPE_SETTINGS (atelier_settings_get_type ())
G_DECLARE_FINAL_TYPE (AtelierSettings, atelier_settings, ATELIER, SETTINGS, GObject)

GQuark              atelier_settings_error_quark        (void);

const char * const *atelier_settings_list_keys          (void);
const char         *atelier_settings_describe_key       (const char       *key);

AtelierSettings    *atelier_settings_new                (void);
AtelierSettings    *atelier_settings_load               (AtelierStore     *store,
                                                         GError          **error);
const char         *atelier_settings_get                (AtelierSettings  *self,
                                                         const char       *key);
gboolean            atelier_settings_set                (AtelierSettings  *self,
                                                         const char       *key,
                                                         const char       *value,
                                                         GError          **error);

char               *atelier_settings_read               (AtelierStore     *store,
                                                         const char       *key,
                                                         GError          **error);
gboolean            atelier_settings_write              (AtelierStore     *store,
                                                         const char       *key,
                                                         const char       *value,
                                                         GError          **error);
gboolean            atelier_settings_write_unless_set (AtelierStore     *store,
                                                       const char       *key,
                                                       const char       *value,
                                                       GError          **error);

const char         *atelier_settings_get_store_name     (AtelierSettings  *self);
const char         *atelier_settings_get_organizer      (AtelierSettings  *self);
const char         *atelier_settings_get_address        (AtelierSettings  *self);
const char         *atelier_settings_get_time_zone      (AtelierSettings  *self);
int                 atelier_settings_get_reminder       (AtelierSettings  *self);
gboolean            atelier_settings_get_rsvp           (AtelierSettings  *self);
const char         *atelier_settings_get_language       (AtelierSettings  *self);
const char         *atelier_settings_get_currency       (AtelierSettings  *self);
gboolean            atelier_settings_check_can_invite   (AtelierSettings  *self,
                                                         GError          **error);

gboolean            atelier_settings_is_loopback_host   (const char       *host);
const char         *atelier_settings_get_smtp_host      (AtelierSettings  *self);
int                 atelier_settings_get_smtp_port      (AtelierSettings  *self);
const char         *atelier_settings_get_smtp_security  (AtelierSettings  *self);
const char         *atelier_settings_get_smtp_user      (AtelierSettings  *self);
const char         *atelier_settings_get_smtp_ca_file   (AtelierSettings  *self);
int                 atelier_settings_get_mail_reminder  (AtelierSettings  *self);
gboolean            atelier_settings_get_follow_ups     (AtelierSettings  *self);
gboolean            atelier_settings_check_can_send     (AtelierSettings  *self,
                                                         GError          **error);

const char         *atelier_settings_get_imap_host      (AtelierSettings  *self);
int                 atelier_settings_get_imap_port      (AtelierSettings  *self);
const char         *atelier_settings_get_imap_security  (AtelierSettings  *self);
const char         *atelier_settings_get_imap_user      (AtelierSettings  *self);
const char         *atelier_settings_get_imap_folder    (AtelierSettings  *self);
const char         *atelier_settings_get_imap_ca_file   (AtelierSettings  *self);
const char         *atelier_settings_get_imap_done_folder (AtelierSettings *self);
int                 atelier_settings_get_replies_interval (AtelierSettings *self);
gboolean            atelier_settings_check_can_read_replies (AtelierSettings  *self,
                                                             GError          **error);

G_END_DECLS
