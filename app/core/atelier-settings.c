/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-settings.c: the store's settings that invitations need
 *
 * Settings are rows of the settings table (key, value), validated here
 * and by the table's CHECK constraints. A key without a row has its
 * default. Values are kept in one canonical spelling: the reminder in
 * minutes, RSVP as "true" or "false".
 */
#define G_LOG_DOMAIN "atelier-settings"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "atelier-contact.h"
#include "atelier-money.h"
#include "atelier-settings.h"
#include "atelier-store-private.h"

#define MAX_REMINDER_MINUTES (4 * 7 * 24 * 60)
#define MAX_TEXT_LENGTH      200

struct _AtelierSettings
{
  GObject     parent_instance;

  GHashTable *values;  /* key -> canonical value, every key present */
};

G_DEFINE_FINAL_TYPE (AtelierSettings, atelier_settings, G_TYPE_OBJECT)

G_DEFINE_QUARK (atelier-settings-error-quark, atelier_settings_error)

typedef gboolean (*Normalizer) (const char  *value,
                                char       **canonical,
                                GError     **error);

typedef struct
{
  const char *key;
  const char *description;
  Normalizer  normalize;
} KeyInfo;

static gboolean normalize_text      (const char *value, char **canonical, GError **error);
static gboolean normalize_organizer (const char *value, char **canonical, GError **error);
static gboolean normalize_time_zone (const char *value, char **canonical, GError **error);
static gboolean normalize_reminder  (const char *value, char **canonical, GError **error);
static gboolean normalize_boolean   (const char *value, char **canonical, GError **error);
static gboolean normalize_language  (const char *value, char **canonical, GError **error);
static gboolean normalize_currency  (const char *value, char **canonical, GError **error);
static gboolean normalize_host      (const char *value, char **canonical, GError **error);
static gboolean normalize_port      (const char *value, char **canonical, GError **error);
static gboolean normalize_security  (const char *value, char **canonical, GError **error);
static gboolean normalize_file      (const char *value, char **canonical, GError **error);
static gboolean normalize_imap_security (const char *value, char **canonical, GError **error);
static gboolean normalize_folder    (const char *value, char **canonical, GError **error);

static const KeyInfo keys[] = {
  { ATELIER_SETTING_STORE_NAME, N_("The store’s name, shown to customers as the organiser"),
    normalize_text },
  { ATELIER_SETTING_ORGANIZER, N_("The store’s e-mail address: invites come from it and replies go to it"),
    normalize_organizer },
  { ATELIER_SETTING_ADDRESS, N_("The store’s address, the place of sessions that have none of their own"),
    normalize_text },
  { ATELIER_SETTING_TIME_ZONE, N_("The store’s time zone, such as Europe/Paris"),
    normalize_time_zone },
  { ATELIER_SETTING_REMINDER, N_("Minutes before a session when customers’ calendars remind them; 0 or “off” for none"),
    normalize_reminder },
  { ATELIER_SETTING_RSVP, N_("Whether invites ask customers to reply: true or false"),
    normalize_boolean },
  { ATELIER_SETTING_LANGUAGE, N_("The language of invites and mails to customers: en or fr"),
    normalize_language },
  { ATELIER_SETTING_CURRENCY, N_("The currency of prices, as an ISO 4217 code such as EUR, USD or GBP"),
    normalize_currency },
  { ATELIER_SETTING_SMTP_HOST, N_("The mail server that sends to customers, such as smtp.example.org"),
    normalize_host },
  { ATELIER_SETTING_SMTP_PORT, N_("The mail server’s port; empty for the usual one (465 for tls, 587 for starttls, 25 for none)"),
    normalize_port },
  { ATELIER_SETTING_SMTP_SECURITY, N_("How the connection is protected: tls, starttls, or none (only to this computer)"),
    normalize_security },
  { ATELIER_SETTING_SMTP_USER, N_("The user name on the mail server; empty to send without logging in"),
    normalize_text },
  { ATELIER_SETTING_SMTP_CA_FILE, N_("A certificate authority file (PEM) for a server with its own certificate; empty for the system’s"),
    normalize_file },
  { ATELIER_SETTING_MAIL_REMINDER, N_("When a reminder mail goes to customers before a session, in minutes; 0 or “off” for none"),
    normalize_reminder },
  { ATELIER_SETTING_FOLLOW_UPS, N_("Whether customers get a mail after a session (a thank-you, or “we missed you”): true or false"),
    normalize_boolean },
  { ATELIER_SETTING_IMAP_HOST, N_("The mail server where customers’ replies arrive (IMAP), such as imap.example.org; empty to read none"),
    normalize_host },
  { ATELIER_SETTING_IMAP_PORT, N_("The IMAP server’s port; empty for the usual one (993 for tls, 143 for starttls)"),
    normalize_port },
  { ATELIER_SETTING_IMAP_SECURITY, N_("How the IMAP connection is protected: tls or starttls"),
    normalize_imap_security },
  { ATELIER_SETTING_IMAP_USER, N_("The user name on the IMAP server"),
    normalize_text },
  { ATELIER_SETTING_IMAP_FOLDER, N_("The folder where replies are read, INBOX unless given"),
    normalize_folder },
  { ATELIER_SETTING_IMAP_CA_FILE, N_("A certificate authority file (PEM) for an IMAP server with its own certificate; empty for the system’s"),
    normalize_file },
  { ATELIER_SETTING_IMAP_DONE_FOLDER, N_("A folder where handled replies are moved; empty to leave them where they are"),
    normalize_text },
  { ATELIER_SETTING_REPLIES_INTERVAL, N_("Minutes between two checks for replies while the app runs; 0 or “off” to check only on demand"),
    normalize_reminder },
};

static const char *const key_names[] = {
  ATELIER_SETTING_STORE_NAME,
  ATELIER_SETTING_ORGANIZER,
  ATELIER_SETTING_ADDRESS,
  ATELIER_SETTING_TIME_ZONE,
  ATELIER_SETTING_REMINDER,
  ATELIER_SETTING_RSVP,
  ATELIER_SETTING_LANGUAGE,
  ATELIER_SETTING_CURRENCY,
  ATELIER_SETTING_SMTP_HOST,
  ATELIER_SETTING_SMTP_PORT,
  ATELIER_SETTING_SMTP_SECURITY,
  ATELIER_SETTING_SMTP_USER,
  ATELIER_SETTING_SMTP_CA_FILE,
  ATELIER_SETTING_MAIL_REMINDER,
  ATELIER_SETTING_FOLLOW_UPS,
  ATELIER_SETTING_IMAP_HOST,
  ATELIER_SETTING_IMAP_PORT,
  ATELIER_SETTING_IMAP_SECURITY,
  ATELIER_SETTING_IMAP_USER,
  ATELIER_SETTING_IMAP_FOLDER,
  ATELIER_SETTING_IMAP_CA_FILE,
  ATELIER_SETTING_IMAP_DONE_FOLDER,
  ATELIER_SETTING_REPLIES_INTERVAL,
  NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (keys) + 1 == G_N_ELEMENTS (key_names));

static const KeyInfo *
find_key (const char  *key,
          GError     **error)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (keys); i++)
    if (strcmp (keys[i].key, key) == 0)
      return &keys[i];

  if (error != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", (GStrv) key_names);

      g_set_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_UNKNOWN_KEY,
                   _("There is no setting “%s”; the settings are: %s."), key ? key : "", names);
    }
  return NULL;
}

static void
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID, message);
}

static gboolean
normalize_text (const char  *value,
                char       **canonical,
                GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));

  if (!g_utf8_validate (trimmed, -1, NULL))
    {
      set_invalid (error, _("The text is not valid UTF-8."));
      return FALSE;
    }
  for (const char *p = trimmed; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      {
        set_invalid (error, _("The text must be one line, without control characters."));
        return FALSE;
      }
  if (g_utf8_strlen (trimmed, -1) > MAX_TEXT_LENGTH)
    {
      set_invalid (error, _("The text is too long (200 characters at most)."));
      return FALSE;
    }

  *canonical = g_steal_pointer (&trimmed);
  return TRUE;
}

static char *
lower_trimmed (const char *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (value));

  return g_ascii_strdown (copy, -1);
}

static gboolean
normalize_organizer (const char  *value,
                     char       **canonical,
                     GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));
  const char *address = trimmed;

  if (g_ascii_strncasecmp (address, "mailto:", 7) == 0)
    address += 7;

  if (*address != '\0' && !atelier_contact_is_mailbox (address))
    {
      g_set_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID,
                   _("“%s” is not an e-mail address such as shop@example.org."), value);
      return FALSE;
    }

  *canonical = g_strdup (address);
  return TRUE;
}

static gboolean
normalize_time_zone (const char  *value,
                     char       **canonical,
                     GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));
  g_autoptr(GTimeZone) zone = NULL;

  if (*trimmed != '\0')
    zone = g_time_zone_new_identifier (trimmed);

  /* Invites carry the zone's rules from libical's own copy of the
   * database, so the zone must be known to both. */
  if (zone == NULL ||
      (strcmp (trimmed, "UTC") != 0 && icaltimezone_get_builtin_timezone (trimmed) == NULL))
    {
      g_set_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID,
                   _("“%s” is not a known time zone; use a name such as Europe/Paris."), value);
      return FALSE;
    }

  *canonical = g_steal_pointer (&trimmed);
  return TRUE;
}

/* "off", minutes ("90"), or a number with a unit: "30m", "2h", "1d", "1w". */
static gboolean
normalize_reminder (const char  *value,
                    char       **canonical,
                    GError     **error)
{
  g_autofree char *trimmed = lower_trimmed (value);
  guint64 number = 0;
  guint64 factor = 1;
  char *end = NULL;

  if (strcmp (trimmed, "off") == 0 || strcmp (trimmed, "none") == 0)
    {
      *canonical = g_strdup ("0");
      return TRUE;
    }

  if (g_ascii_isdigit (*trimmed))
    number = g_ascii_strtoull (trimmed, &end, 10);
  if (end != NULL && end[0] != '\0' && end[1] == '\0')
    factor = end[0] == 'm' ? 1 : end[0] == 'h' ? 60 : end[0] == 'd' ? 24 * 60
             : end[0] == 'w' ? 7 * 24 * 60 : 0;

  if (end == NULL || (end[0] != '\0' && end[1] != '\0') || factor == 0 ||
      number > MAX_REMINDER_MINUTES || number * factor > MAX_REMINDER_MINUTES)
    {
      g_set_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID,
                   _("“%s” is not a reminder: give minutes (90), a duration such as 2h or 1d "
                     "(four weeks at most), or “off”."), value);
      return FALSE;
    }

  *canonical = g_strdup_printf ("%" G_GUINT64_FORMAT, number * factor);
  return TRUE;
}

static gboolean
normalize_boolean (const char  *value,
                   char       **canonical,
                   GError     **error)
{
  static const char *const yes[] = { "true", "yes", "on", "1", NULL };
  static const char *const no[] = { "false", "no", "off", "0", NULL };
  g_autofree char *lower = lower_trimmed (value);

  if (g_strv_contains (yes, lower) || g_strv_contains (no, lower))
    {
      *canonical = g_strdup (g_strv_contains (yes, lower) ? "true" : "false");
      return TRUE;
    }

  g_set_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID,
               _("“%s” is neither true nor false."), value);
  return FALSE;
}

static gboolean
normalize_language (const char  *value,
                    char       **canonical,
                    GError     **error)
{
  g_autofree char *lower = lower_trimmed (value);

  if (strcmp (lower, "en") == 0 || strcmp (lower, "fr") == 0)
    {
      *canonical = g_steal_pointer (&lower);
      return TRUE;
    }

  g_set_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID,
               _("Invites can be written in English (en) or French (fr), not in “%s”."), value);
  return FALSE;
}

/* An ISO 4217 code that Atelier can write amounts of; "eur" is taken
 * for EUR, the one spelling stored. */
static gboolean
normalize_currency (const char  *value,
                    char       **canonical,
                    GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));
  g_autofree char *upper = g_ascii_strup (trimmed, -1);

  if (atelier_money_is_currency (upper))
    {
      *canonical = g_steal_pointer (&upper);
      return TRUE;
    }

  g_set_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID,
               _("“%s” is not a currency Atelier knows: give an ISO 4217 code such as EUR, "
                 "USD, GBP, CHF, CAD or JPY."), value);
  return FALSE;
}

/* A host name or an address, nothing that could carry a path or a
 * second URL into the one libcurl is given. */
static gboolean
normalize_host (const char  *value,
                char       **canonical,
                GError     **error)
{
  g_autofree char *lower = lower_trimmed (value);
  gboolean bracketed = lower[0] == '[';

  for (const char *p = lower; *p != '\0'; p++)
    if (!(g_ascii_isalnum (*p) || *p == '.' || *p == '-' || (*p == ':' && bracketed) ||
          (bracketed && (*p == '[' || *p == ']'))))
      {
        g_set_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID,
                     _("“%s” is not a server name such as smtp.example.org."), value);
        return FALSE;
      }
  if (strlen (lower) > 253)
    {
      set_invalid (error, _("The server name is too long."));
      return FALSE;
    }

  *canonical = g_steal_pointer (&lower);
  return TRUE;
}

static gboolean
normalize_port (const char  *value,
                char       **canonical,
                GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value));
  guint64 port = 0;

  if (*trimmed == '\0')
    {
      *canonical = g_steal_pointer (&trimmed);
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (trimmed, 10, 1, 65535, &port, NULL))
    {
      g_set_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID,
                   _("“%s” is not a port: give a number from 1 to 65535, or nothing for the usual one."),
                   value);
      return FALSE;
    }

  *canonical = g_strdup_printf ("%" G_GUINT64_FORMAT, port);
  return TRUE;
}

static gboolean
normalize_security (const char  *value,
                    char       **canonical,
                    GError     **error)
{
  static const char *const known[] = { "tls", "starttls", "none", NULL };
  g_autofree char *lower = lower_trimmed (value);

  if (g_strv_contains (known, lower))
    {
      *canonical = g_steal_pointer (&lower);
      return TRUE;
    }

  g_set_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID,
               _("“%s” is not a kind of security: use tls, starttls or none."), value);
  return FALSE;
}

/* Replies are never read in clear, not even from this computer. */
static gboolean
normalize_imap_security (const char  *value,
                         char       **canonical,
                         GError     **error)
{
  static const char *const known[] = { "tls", "starttls", NULL };
  g_autofree char *lower = lower_trimmed (value);

  if (g_strv_contains (known, lower))
    {
      *canonical = g_steal_pointer (&lower);
      return TRUE;
    }

  g_set_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID,
               _("“%s” is not a kind of security for reading replies: use tls or starttls."), value);
  return FALSE;
}

/* A folder to read: one line of text, INBOX when nothing is given. */
static gboolean
normalize_folder (const char  *value,
                  char       **canonical,
                  GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (!normalize_text (value, &trimmed, error))
    return FALSE;

  *canonical = *trimmed != '\0' ? g_steal_pointer (&trimmed) : g_strdup ("INBOX");
  return TRUE;
}

/* An absolute path, or nothing; whether the file can be read is seen
 * when mail is sent, on the computer that sends it. */
static gboolean
normalize_file (const char  *value,
                char       **canonical,
                GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (!normalize_text (value, &trimmed, error))
    return FALSE;
  if (*trimmed != '\0' && !g_path_is_absolute (trimmed))
    {
      g_set_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID,
                   _("“%s” is not a full path to a file, such as /etc/ssl/store-ca.pem."), value);
      return FALSE;
    }

  *canonical = g_steal_pointer (&trimmed);
  return TRUE;
}

/**
 * atelier_settings_is_loopback_host:
 *
 * Whether @host names this computer: localhost, 127.0.0.0/8 or ::1. Only
 * there may mail go without encryption.
 */
gboolean
atelier_settings_is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (host == NULL || *host == '\0')
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  bare = g_strdup (host);
  if (bare[0] == '[' && bare[strlen (bare) - 1] == ']')
    {
      bare[strlen (bare) - 1] = '\0';
      memmove (bare, bare + 1, strlen (bare));
    }
  address = g_inet_address_new_from_string (bare);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* The rule that needs two settings: no encryption only to this computer. */
static gboolean
check_security_with_host (const char  *security,
                          const char  *host,
                          GError     **error)
{
  if (g_strcmp0 (security, "none") != 0 || host == NULL || *host == '\0' ||
      atelier_settings_is_loopback_host (host))
    return TRUE;

  g_set_error (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_INVALID,
               _("Mail to “%s” cannot go unencrypted: security “none” is only allowed to this "
                 "computer (localhost, 127.0.0.1); use tls or starttls."), host);
  return FALSE;
}

static char *
default_time_zone (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  const char *name = g_time_zone_get_identifier (local);

  if (name != NULL && icaltimezone_get_builtin_timezone (name) != NULL)
    return g_strdup (name);
  return g_strdup ("UTC");
}

static void
atelier_settings_finalize (GObject *object)
{
  AtelierSettings *self = ATELIER_SETTINGS (object);

  g_clear_pointer (&self->values, g_hash_table_unref);

  G_OBJECT_CLASS (atelier_settings_parent_class)->finalize (object);
}

static void
atelier_settings_class_init (AtelierSettingsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atelier_settings_finalize;
}

static void
atelier_settings_init (AtelierSettings *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_STORE_NAME, g_strdup (""));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_ORGANIZER, g_strdup (""));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_ADDRESS, g_strdup (""));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_TIME_ZONE, default_time_zone ());
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_REMINDER, g_strdup ("1440"));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_RSVP, g_strdup ("true"));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_LANGUAGE, g_strdup ("en"));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_CURRENCY,
                       atelier_money_default_currency ());
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_SMTP_HOST, g_strdup (""));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_SMTP_PORT, g_strdup (""));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_SMTP_SECURITY, g_strdup ("starttls"));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_SMTP_USER, g_strdup (""));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_SMTP_CA_FILE, g_strdup (""));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_MAIL_REMINDER, g_strdup ("1440"));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_FOLLOW_UPS, g_strdup ("true"));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_IMAP_HOST, g_strdup (""));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_IMAP_PORT, g_strdup (""));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_IMAP_SECURITY, g_strdup ("tls"));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_IMAP_USER, g_strdup (""));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_IMAP_FOLDER, g_strdup ("INBOX"));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_IMAP_CA_FILE, g_strdup (""));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_IMAP_DONE_FOLDER, g_strdup (""));
  g_hash_table_insert (self->values, (gpointer) ATELIER_SETTING_REPLIES_INTERVAL, g_strdup ("15"));
}

/**
 * atelier_settings_list_keys:
 *
 * Returns: (transfer none): the keys, in the order to show them
 */
const char * const *
atelier_settings_list_keys (void)
{
  return (const char * const *) key_names;
}

/**
 * atelier_settings_describe_key:
 *
 * Returns: (nullable): a translated sentence saying what @key is for
 */
const char *
atelier_settings_describe_key (const char *key)
{
  const KeyInfo *info = find_key (key, NULL);

  return info ? _(info->description) : NULL;
}

/**
 * atelier_settings_new:
 *
 * Returns: (transfer full): settings with every key at its default
 */
AtelierSettings *
atelier_settings_new (void)
{
  return g_object_new (ATELIER_TYPE_SETTINGS, NULL);
}

/**
 * atelier_settings_get:
 *
 * Returns: (nullable): the canonical value of @key, %NULL for an unknown key
 */
const char *
atelier_settings_get (AtelierSettings *self,
                      const char      *key)
{
  g_return_val_if_fail (ATELIER_IS_SETTINGS (self), NULL);

  return key ? g_hash_table_lookup (self->values, key) : NULL;
}

/**
 * atelier_settings_set:
 * @value: (nullable): the new value; %NULL restores the default
 *
 * Validates @value and keeps its canonical spelling, in memory only; see
 * atelier_settings_write() to store it.
 */
gboolean
atelier_settings_set (AtelierSettings  *self,
                      const char       *key,
                      const char       *value,
                      GError          **error)
{
  const KeyInfo *info;
  char *canonical = NULL;

  g_return_val_if_fail (ATELIER_IS_SETTINGS (self), FALSE);

  info = find_key (key, error);
  if (info == NULL)
    return FALSE;

  if (value == NULL)
    {
      g_autoptr(AtelierSettings) defaults = atelier_settings_new ();
      canonical = g_strdup (atelier_settings_get (defaults, info->key));
    }
  else if (!info->normalize (value, &canonical, error))
    return FALSE;

  g_hash_table_insert (self->values, (gpointer) info->key, canonical);
  return TRUE;
}

/**
 * atelier_settings_load:
 *
 * Returns: (transfer full): the store's settings, defaults where unset
 */
AtelierSettings *
atelier_settings_load (AtelierStore  *store,
                       GError       **error)
{
  g_autoptr(AtelierSettings) self = atelier_settings_new ();
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  stmt = atelier_store_prepare (store, "SELECT key, value FROM settings", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = atelier_db_stmt_step (stmt, error)) == ATELIER_DB_STEP_ROW)
    {
      const KeyInfo *info = find_key (atelier_db_stmt_column_text (stmt, 0), NULL);

      if (info != NULL)
        g_hash_table_insert (self->values, (gpointer) info->key,
                             g_strdup (atelier_db_stmt_column_text (stmt, 1)));
    }
  atelier_db_stmt_reset (stmt);

  return rc == ATELIER_DB_STEP_DONE ? g_steal_pointer (&self) : NULL;
}

/**
 * atelier_settings_read:
 *
 * Returns: (transfer full): the value of @key in @store (its default if
 *   unset), or %NULL with @error set
 */
char *
atelier_settings_read (AtelierStore  *store,
                       const char    *key,
                       GError       **error)
{
  g_autoptr(AtelierSettings) settings = NULL;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);

  if (find_key (key, error) == NULL)
    return NULL;

  settings = atelier_settings_load (store, error);
  return settings ? g_strdup (atelier_settings_get (settings, key)) : NULL;
}

/**
 * atelier_settings_write_unless_set:
 *
 * Stores @value as @key's value only if @store has none of its own yet
 * (a default is not one): what a store is given when it is filled, say,
 * without overriding what its manager chose.
 */
gboolean
atelier_settings_write_unless_set (AtelierStore  *store,
                                   const char    *key,
                                   const char    *value,
                                   GError       **error)
{
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  stmt = atelier_store_prepare (store, "SELECT 1 FROM settings WHERE key = ?", error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, key);
  rc = atelier_db_stmt_step (stmt, error);
  atelier_db_stmt_reset (stmt);
  if (rc == ATELIER_DB_STEP_ERROR)
    return FALSE;

  return rc == ATELIER_DB_STEP_ROW || atelier_settings_write (store, key, value, error);
}

/**
 * atelier_settings_write:
 * @value: (nullable): the new value; %NULL restores the default
 *
 * Validates and stores one setting.
 */
gboolean
atelier_settings_write (AtelierStore  *store,
                        const char    *key,
                        const char    *value,
                        GError       **error)
{
  g_autoptr(AtelierSettings) scratch = NULL;
  AtelierDbStmt *stmt;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  /* The new value among the others, for the rules that need two. */
  scratch = atelier_settings_load (store, error);
  if (scratch == NULL || !atelier_settings_set (scratch, key, value, error))
    return FALSE;
  if (!check_security_with_host (atelier_settings_get_smtp_security (scratch),
                                 atelier_settings_get_smtp_host (scratch), error))
    return FALSE;

  if (value == NULL)
    stmt = atelier_store_prepare (store, "DELETE FROM settings WHERE key = ?", error);
  else
    stmt = atelier_store_prepare (store,
                                  "INSERT INTO settings (key, value) VALUES (?, ?)"
                                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                  error);
  if (stmt == NULL)
    return FALSE;

  atelier_db_stmt_bind_text (stmt, 1, key);
  if (value != NULL)
    atelier_db_stmt_bind_text (stmt, 2, atelier_settings_get (scratch, key));
  if (!atelier_store_step_done (store, stmt, error))
    return FALSE;

  atelier_store_emit_changed (store, "settings");
  return TRUE;
}

const char *
atelier_settings_get_store_name (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_STORE_NAME);
}

const char *
atelier_settings_get_organizer (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_ORGANIZER);
}

const char *
atelier_settings_get_address (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_ADDRESS);
}

const char *
atelier_settings_get_time_zone (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_TIME_ZONE);
}

/* Returns: minutes before the start, 0 for no reminder */
int
atelier_settings_get_reminder (AtelierSettings *self)
{
  const char *value = atelier_settings_get (self, ATELIER_SETTING_REMINDER);

  return value ? (int) g_ascii_strtoll (value, NULL, 10) : 0;
}

gboolean
atelier_settings_get_rsvp (AtelierSettings *self)
{
  return g_strcmp0 (atelier_settings_get (self, ATELIER_SETTING_RSVP), "true") == 0;
}

const char *
atelier_settings_get_language (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_LANGUAGE);
}

/* Returns: the ISO 4217 code of prices; the locale's when unset */
const char *
atelier_settings_get_currency (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_CURRENCY);
}

/**
 * atelier_settings_check_can_invite:
 *
 * Invites need the organiser's mailbox; refuses with
 * %ATELIER_SETTINGS_ERROR_NO_ORGANIZER while it is unset.
 */
gboolean
atelier_settings_check_can_invite (AtelierSettings  *self,
                                   GError          **error)
{
  const char *organizer = atelier_settings_get_organizer (self);

  if (organizer != NULL && *organizer != '\0')
    return TRUE;

  g_set_error_literal (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ORGANIZER,
                       _("Invites cannot be sent before the store’s e-mail address is set: "
                         "set the “organizer” setting, for example to shop@example.org."));
  return FALSE;
}

const char *
atelier_settings_get_smtp_host (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_SMTP_HOST);
}

/* Returns: the port to connect to, the security's usual one if unset */
int
atelier_settings_get_smtp_port (AtelierSettings *self)
{
  const char *value = atelier_settings_get (self, ATELIER_SETTING_SMTP_PORT);
  const char *security = atelier_settings_get_smtp_security (self);

  if (value != NULL && *value != '\0')
    return (int) g_ascii_strtoll (value, NULL, 10);
  if (g_strcmp0 (security, "tls") == 0)
    return 465;
  if (g_strcmp0 (security, "none") == 0)
    return 25;
  return 587;
}

const char *
atelier_settings_get_smtp_security (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_SMTP_SECURITY);
}

const char *
atelier_settings_get_smtp_user (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_SMTP_USER);
}

const char *
atelier_settings_get_smtp_ca_file (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_SMTP_CA_FILE);
}

/* Returns: minutes before a session when its reminder mail goes; 0 for none */
int
atelier_settings_get_mail_reminder (AtelierSettings *self)
{
  const char *value = atelier_settings_get (self, ATELIER_SETTING_MAIL_REMINDER);

  return value ? (int) g_ascii_strtoll (value, NULL, 10) : 0;
}

gboolean
atelier_settings_get_follow_ups (AtelierSettings *self)
{
  return g_strcmp0 (atelier_settings_get (self, ATELIER_SETTING_FOLLOW_UPS), "true") == 0;
}

/**
 * atelier_settings_check_can_send:
 *
 * Mail needs the organiser's mailbox (the sender) and a server, and the
 * server's security must suit its host; refuses with a sentence that
 * says which setting to give.
 */
gboolean
atelier_settings_check_can_send (AtelierSettings  *self,
                                 GError          **error)
{
  const char *host = atelier_settings_get_smtp_host (self);

  g_return_val_if_fail (ATELIER_IS_SETTINGS (self), FALSE);

  if (!atelier_settings_check_can_invite (self, error))
    return FALSE;
  if (host == NULL || *host == '\0')
    {
      g_set_error_literal (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ACCOUNT,
                           _("No mail server is set: set the mail account in Preferences, or the "
                             "“smtp-host” setting, for example to smtp.example.org."));
      return FALSE;
    }

  return check_security_with_host (atelier_settings_get_smtp_security (self), host, error);
}

const char *
atelier_settings_get_imap_host (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_IMAP_HOST);
}

/* Returns: the port to connect to, the security's usual one if unset */
int
atelier_settings_get_imap_port (AtelierSettings *self)
{
  const char *value = atelier_settings_get (self, ATELIER_SETTING_IMAP_PORT);

  if (value != NULL && *value != '\0')
    return (int) g_ascii_strtoll (value, NULL, 10);
  return g_strcmp0 (atelier_settings_get_imap_security (self), "starttls") == 0 ? 143 : 993;
}

const char *
atelier_settings_get_imap_security (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_IMAP_SECURITY);
}

const char *
atelier_settings_get_imap_user (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_IMAP_USER);
}

const char *
atelier_settings_get_imap_folder (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_IMAP_FOLDER);
}

const char *
atelier_settings_get_imap_ca_file (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_IMAP_CA_FILE);
}

const char *
atelier_settings_get_imap_done_folder (AtelierSettings *self)
{
  return atelier_settings_get (self, ATELIER_SETTING_IMAP_DONE_FOLDER);
}

/* Returns: minutes between two checks of the mailbox; 0 for on demand only */
int
atelier_settings_get_replies_interval (AtelierSettings *self)
{
  const char *value = atelier_settings_get (self, ATELIER_SETTING_REPLIES_INTERVAL);

  return value ? (int) g_ascii_strtoll (value, NULL, 10) : 0;
}

/**
 * atelier_settings_check_can_read_replies:
 *
 * Reading replies needs the IMAP server and its user; refuses with
 * %ATELIER_SETTINGS_ERROR_NO_ACCOUNT and a sentence that says which
 * setting to give.
 */
gboolean
atelier_settings_check_can_read_replies (AtelierSettings  *self,
                                         GError          **error)
{
  g_return_val_if_fail (ATELIER_IS_SETTINGS (self), FALSE);

  if (*atelier_settings_get_imap_host (self) == '\0' || *atelier_settings_get_imap_user (self) == '\0')
    {
      g_set_error_literal (error, ATELIER_SETTINGS_ERROR, ATELIER_SETTINGS_ERROR_NO_ACCOUNT,
                           _("No mailbox for replies is set: set the IMAP server and user in "
                             "Preferences, or the “imap-host” and “imap-user” settings."));
      return FALSE;
    }
  return TRUE;
}
