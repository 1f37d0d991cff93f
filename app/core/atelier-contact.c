/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-contact.c: what a valid e-mail address, phone number and
 * language of a customer are
 *
 * The window's forms, the command line, the importer and the settings
 * all ask here, so that a value one path accepts is never refused by
 * another (or, worse, stored by one and choked on when an invite is
 * written).
 */
#define G_LOG_DOMAIN "atelier-contact"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atelier-contact.h"

G_DEFINE_QUARK (atelier-contact-error-quark, atelier_contact_error)

static gboolean
is_atom_char (char c)
{
  return g_ascii_isalnum (c) || (guchar) c >= 0x80 || strchr ("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

static gboolean
is_dot_atom (const char *start,
             gsize       length,
             gboolean    domain)
{
  if (length == 0 || start[0] == '.' || start[length - 1] == '.')
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = start[i];

      if (c == '.' && start[i + 1] == '.')
        return FALSE;
      if (c == '.')
        continue;
      if (domain ? !(g_ascii_isalnum (c) || c == '-' || (guchar) c >= 0x80) : !is_atom_char (c))
        return FALSE;
    }

  return TRUE;
}

/**
 * atelier_contact_is_mailbox:
 * @address: (nullable): an e-mail address, without a display name
 *
 * A plain `local@domain` address (dot-atoms, UTF-8 allowed): no spaces,
 * quotes, brackets, line breaks or separators that could break a header
 * or an iCalendar property.
 */
gboolean
atelier_contact_is_mailbox (const char *address)
{
  const char *at;

  /* Private-use characters (U+E000...) have no business in an address. */
  if (address == NULL || !g_utf8_validate (address, -1, NULL) || strlen (address) > 254 ||
      strstr (address, "\356") != NULL)
    return FALSE;

  at = strchr (address, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL || at - address > 64)
    return FALSE;

  return is_dot_atom (address, at - address, FALSE) &&
         is_dot_atom (at + 1, strlen (at + 1), TRUE);
}

/**
 * atelier_contact_is_phone:
 * @phone: (nullable): a phone number as typed
 *
 * 6 to 20 digits, with the separators people write: spaces, dots,
 * dashes, brackets, slashes and a leading or inner "+".
 */
gboolean
atelier_contact_is_phone (const char *phone)
{
  guint digits = 0;

  if (phone == NULL)
    return FALSE;

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" .-()/+", *p) == NULL)
        return FALSE;
    }
  return digits >= 6 && digits <= 20;
}

/**
 * atelier_contact_parse_language:
 * @text: (nullable): a language as people write it: "fr", "fr-CA",
 *   "pt_BR", "Français", "English"
 *
 * Returns: (transfer full) (nullable): the language tag ("fr", "fr-CA"),
 *   or %NULL when @text is not a language
 */
char *
atelier_contact_parse_language (const char *text)
{
  static const char *const names[][2] = {
    { "francais", "fr" }, { "french", "fr" }, { "anglais", "en" }, { "english", "en" },
    { "allemand", "de" }, { "german", "de" }, { "deutsch", "de" }, { "espagnol", "es" },
    { "spanish", "es" }, { "espanol", "es" }, { "italien", "it" }, { "italian", "it" },
    { "italiano", "it" }, { "neerlandais", "nl" }, { "dutch", "nl" },
  };
  g_autofree char *ascii = NULL;
  g_autofree char *lower = NULL;
  g_auto(GStrv) parts = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  ascii = g_str_to_ascii (text, "C");
  lower = g_ascii_strdown (ascii, -1);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (lower, names[i][0]) == 0)
      return g_strdup (names[i][1]);

  /* A language tag: "fr", "fr-CA", "pt_BR". */
  g_strdelimit (lower, "_", '-');
  parts = g_strsplit (lower, "-", -1);
  if (parts[0] == NULL || strlen (parts[0]) < 2 || strlen (parts[0]) > 3)
    return NULL;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gsize length = strlen (parts[i]);

      if (length == 0 || length > 8)
        return NULL;
      for (gsize j = 0; j < length; j++)
        if (!g_ascii_isalnum (parts[i][j]) || (i == 0 && !g_ascii_isalpha (parts[i][j])))
          return NULL;
      if (i > 0 && length == 2)
        parts[i][0] = g_ascii_toupper (parts[i][0]), parts[i][1] = g_ascii_toupper (parts[i][1]);
    }
  return g_strjoinv ("-", parts);
}

/**
 * atelier_contact_check:
 * @email: (nullable): an e-mail address, or %NULL or "" for none
 * @phone: (nullable): a phone number, or %NULL or "" for none
 * @language: (nullable): a language, or %NULL or "" for none
 *
 * Checks a customer's contact details as every path must before storing
 * them. Empty values are allowed: a customer may give none.
 *
 * Returns: %TRUE when each given value is valid; otherwise %FALSE with
 *   an #ATELIER_CONTACT_ERROR that names the value
 */
gboolean
atelier_contact_check (const char  *email,
                       const char  *phone,
                       const char  *language,
                       GError     **error)
{
  g_autofree char *tag = NULL;

  if (email != NULL && *email != '\0' && !atelier_contact_is_mailbox (email))
    {
      g_set_error (error, ATELIER_CONTACT_ERROR, ATELIER_CONTACT_ERROR_EMAIL,
                   _("“%s” is not an e-mail address such as name@example.org."),
                   g_utf8_validate (email, -1, NULL) ? email : "?");
      return FALSE;
    }

  if (phone != NULL && *phone != '\0' && !atelier_contact_is_phone (phone))
    {
      g_set_error (error, ATELIER_CONTACT_ERROR, ATELIER_CONTACT_ERROR_PHONE,
                   _("“%s” is not a phone number: use 6 to 20 digits, with spaces, dots or dashes if you like."),
                   g_utf8_validate (phone, -1, NULL) ? phone : "?");
      return FALSE;
    }

  if (language != NULL && *language != '\0' && (tag = atelier_contact_parse_language (language)) == NULL)
    {
      g_set_error (error, ATELIER_CONTACT_ERROR, ATELIER_CONTACT_ERROR_LANGUAGE,
                   _("“%s” is not a language: write a code such as “fr” or “en”, or its name."),
                   g_utf8_validate (language, -1, NULL) ? language : "?");
      return FALSE;
    }

  return TRUE;
}
