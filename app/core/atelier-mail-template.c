/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-mail-template.c: the texts of the mails to customers, which a
 * store can edit
 *
 * Each template (reminder, thank-you, missed-you, and the mails that carry
 * an invite: invite, promoted, update, cancellation, session-cancelled)
 * has a subject and a
 * body in English and in French. The defaults live here; a store's own
 * version is a row of mail_templates, and resetting removes the row.
 * Placeholders are written {name}; a text that names an unknown one, or
 * leaves a brace open, is refused before it is stored, so that a mail is
 * never sent with "{given_nmae}" in it.
 */
#define G_LOG_DOMAIN "atelier-mail-template"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "atelier-mail-template.h"
#include "atelier-store-private.h"

/* French typography: a no-break space before ":" (U+00A0). */
#define NBSP "\302\240"

#define CALENDAR_FR \
  "L’invitation jointe met votre agenda à jour" NBSP ": ouvrez-la avec votre application d’agenda.\n\n"

#define MAX_SUBJECT_LENGTH 200
#define MAX_BODY_LENGTH    10000

G_DEFINE_QUARK (atelier-mail-template-error-quark, atelier_mail_template_error)

static const char *const names[ATELIER_MAIL_TEMPLATE_N] = {
  "reminder", "thank-you", "missed-you",
  "invite", "promoted", "update", "cancellation", "session-cancelled",
};

typedef struct
{
  const char *subject;
  const char *body;
} Text;

static const Text english[ATELIER_MAIL_TEMPLATE_N] = {
  { "Reminder: {workshop}, {date}",
    "Hello {given_name},\n\n"
    "This is a reminder: “{workshop}” starts on {date}.\n"
    "Place: {place}\n"
    "What to bring: {bring}\n\n"
    "See you soon,\n{store}\n" },
  { "Thank you for coming to {workshop}",
    "Hello {given_name},\n\n"
    "Thank you for coming to “{workshop}” on {date}. We hope you enjoyed it.\n"
    "{suggestions}\n"
    "See you soon,\n{store}\n" },
  { "We missed you at {workshop}",
    "Hello {given_name},\n\n"
    "We missed you at “{workshop}” on {date}.\n"
    "{next_session}\n"
    "See you soon,\n{store}\n" },
  { "Invitation: {workshop}, {date}",
    "Hello {given_name},\n\n"
    "You are signed up for “{workshop}” on {date} (party of {party}).\n"
    "Place: {place}\n"
    "What to bring: {bring}\n\n"
    "The attached invitation updates your calendar: open it with your calendar application.\n\n"
    "See you soon,\n{store}\n" },
  { "A seat for you: {workshop}, {date}",
    "Hello {given_name},\n\n"
    "A seat has become free: you are now signed up for “{workshop}” on {date} (party of {party}).\n"
    "Place: {place}\n"
    "What to bring: {bring}\n\n"
    "The attached invitation updates your calendar: open it with your calendar application.\n\n"
    "See you soon,\n{store}\n" },
  { "Updated: {workshop}, {date}",
    "Hello {given_name},\n\n"
    "“{workshop}” has changed.\n"
    "{changes}\n"
    "Place: {place}\n\n"
    "The attached invitation updates your calendar: open it with your calendar application.\n\n"
    "See you soon,\n{store}\n" },
  { "Cancelled: {workshop}, {date}",
    "Hello {given_name},\n\n"
    "Your registration for “{workshop}” on {date} is cancelled.\n\n"
    "The attached invitation updates your calendar: open it with your calendar application.\n\n"
    "See you soon,\n{store}\n" },
  { "Cancelled: {workshop}, {date}",
    "Hello {given_name},\n\n"
    "We are sorry: “{workshop}” on {date} is cancelled and will not take place.\n\n"
    "The attached invitation updates your calendar: open it with your calendar application.\n\n"
    "See you soon,\n{store}\n" },
};

static const Text french[ATELIER_MAIL_TEMPLATE_N] = {
  { "Rappel" NBSP ": {workshop}, {date}",
    "Bonjour {given_name},\n\n"
    "Petit rappel" NBSP ": «" NBSP "{workshop}" NBSP "» commence le {date}.\n"
    "Lieu" NBSP ": {place}\n"
    "À apporter" NBSP ": {bring}\n\n"
    "À bientôt,\n{store}\n" },
  { "Merci d’être venu·e à {workshop}",
    "Bonjour {given_name},\n\n"
    "Merci d’être venu·e à «" NBSP "{workshop}" NBSP "» le {date}. Nous espérons que "
    "l’atelier vous a plu.\n"
    "{suggestions}\n"
    "À bientôt,\n{store}\n" },
  { "Vous nous avez manqué à {workshop}",
    "Bonjour {given_name},\n\n"
    "Vous nous avez manqué à «" NBSP "{workshop}" NBSP "» le {date}.\n"
    "{next_session}\n"
    "À bientôt,\n{store}\n" },
  { "Invitation" NBSP ": {workshop}, {date}",
    "Bonjour {given_name},\n\n"
    "Vous êtes inscrit·e à «" NBSP "{workshop}" NBSP "» le {date} (groupe de {party}).\n"
    "Lieu" NBSP ": {place}\n"
    "À apporter" NBSP ": {bring}\n\n"
    CALENDAR_FR
    "À bientôt,\n{store}\n" },
  { "Une place pour vous" NBSP ": {workshop}, {date}",
    "Bonjour {given_name},\n\n"
    "Une place s’est libérée" NBSP ": vous êtes maintenant inscrit·e à «" NBSP "{workshop}" NBSP "» "
    "le {date} (groupe de {party}).\n"
    "Lieu" NBSP ": {place}\n"
    "À apporter" NBSP ": {bring}\n\n"
    CALENDAR_FR
    "À bientôt,\n{store}\n" },
  { "Modification" NBSP ": {workshop}, {date}",
    "Bonjour {given_name},\n\n"
    "«" NBSP "{workshop}" NBSP "» a changé.\n"
    "{changes}\n"
    "Lieu" NBSP ": {place}\n\n"
    CALENDAR_FR
    "À bientôt,\n{store}\n" },
  { "Annulation" NBSP ": {workshop}, {date}",
    "Bonjour {given_name},\n\n"
    "Votre inscription à «" NBSP "{workshop}" NBSP "» le {date} est annulée.\n\n"
    CALENDAR_FR
    "À bientôt,\n{store}\n" },
  { "Annulation" NBSP ": {workshop}, {date}",
    "Bonjour {given_name},\n\n"
    "Nous sommes désolés" NBSP ": «" NBSP "{workshop}" NBSP "» le {date} est annulé et n’aura pas lieu.\n\n"
    CALENDAR_FR
    "À bientôt,\n{store}\n" },
};

static const struct
{
  const char *name;
  const char *description;
} placeholders[] = {
  { "given_name", N_("The customer’s given name") },
  { "workshop", N_("The workshop’s title") },
  { "date", N_("The session’s date and time") },
  { "place", N_("Where the session takes place") },
  { "store", N_("The store’s name") },
  { "suggestions", N_("Next sessions that match the customer’s interests (only with consent to marketing)") },
  { "next_session", N_("The next date of the same workshop") },
  { "party", N_("How many seats the customer booked") },
  { "changes", N_("What changed since the customer’s last mail, one line each (updates)") },
  { "bring", N_("What to bring, as the workshop says (a line with nothing else is left out when empty)") },
};

static const char *const placeholder_names[] = {
  "given_name", "workshop", "date", "place", "store", "suggestions", "next_session", "party", "changes",
  "bring", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (placeholders) + 1 == G_N_ELEMENTS (placeholder_names));

const char *
atelier_mail_template_to_string (AtelierMailTemplateId id)
{
  g_return_val_if_fail (id < ATELIER_MAIL_TEMPLATE_N, NULL);

  return names[id];
}

gboolean
atelier_mail_template_from_string (const char             *name,
                                   AtelierMailTemplateId  *id,
                                   GError                **error)
{
  for (guint i = 0; i < ATELIER_MAIL_TEMPLATE_N; i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *id = i;
        return TRUE;
      }

  g_set_error (error, ATELIER_MAIL_TEMPLATE_ERROR, ATELIER_MAIL_TEMPLATE_ERROR_UNKNOWN,
               _("There is no mail template “%s”; the templates are: reminder, thank-you, missed-you, "
                 "invite, promoted, update, cancellation, session-cancelled."),
               name ? name : "");
  return FALSE;
}

/**
 * atelier_mail_template_list_placeholders:
 *
 * Returns: (transfer none): the placeholder names, without braces
 */
const char * const *
atelier_mail_template_list_placeholders (void)
{
  return placeholder_names;
}

const char *
atelier_mail_template_describe_placeholder (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (g_strcmp0 (name, placeholders[i].name) == 0)
      return _(placeholders[i].description);
  return NULL;
}

static gboolean
check_language (const char  *language,
                GError     **error)
{
  if (g_strcmp0 (language, "en") == 0 || g_strcmp0 (language, "fr") == 0)
    return TRUE;

  g_set_error (error, ATELIER_MAIL_TEMPLATE_ERROR, ATELIER_MAIL_TEMPLATE_ERROR_UNKNOWN,
               _("Templates are written in English (en) or French (fr), not in “%s”."),
               language ? language : "");
  return FALSE;
}

void
atelier_mail_template_get_default (AtelierMailTemplateId   id,
                                   const char             *language,
                                   const char            **subject,
                                   const char            **body)
{
  const Text *texts = g_strcmp0 (language, "fr") == 0 ? french : english;

  g_return_if_fail (id < ATELIER_MAIL_TEMPLATE_N);

  if (subject != NULL)
    *subject = texts[id].subject;
  if (body != NULL)
    *body = texts[id].body;
}

/* Each {name} of @text is a placeholder; "{" never stands alone. */
static gboolean
check_placeholders (const char  *text,
                    GError     **error)
{
  const char *p = text;

  while ((p = strpbrk (p, "{}")) != NULL)
    {
      const char *end = *p == '{' ? strchr (p + 1, '}') : NULL;
      g_autofree char *name = NULL;

      if (end == NULL || memchr (p + 1, '{', end - p - 1) != NULL)
        {
          g_set_error_literal (error, ATELIER_MAIL_TEMPLATE_ERROR,
                               ATELIER_MAIL_TEMPLATE_ERROR_PLACEHOLDER,
                               _("A brace is not closed: write placeholders as {given_name}."));
          return FALSE;
        }

      name = g_strndup (p + 1, end - p - 1);
      if (!g_strv_contains (placeholder_names, name))
        {
          g_autofree char *known = g_strjoinv (", ", (GStrv) placeholder_names);

          /* TRANSLATORS: a placeholder as written, then the list of those that exist */
          g_set_error (error, ATELIER_MAIL_TEMPLATE_ERROR, ATELIER_MAIL_TEMPLATE_ERROR_PLACEHOLDER,
                       _("“{%s}” is not a placeholder; the placeholders are: %s."), name, known);
          return FALSE;
        }
      p = end + 1;
    }

  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/**
 * atelier_mail_template_check:
 *
 * The rule for a template a store writes: a subject of one line, a body,
 * and only known placeholders in both.
 */
gboolean
atelier_mail_template_check (const char  *subject,
                             const char  *body,
                             GError     **error)
{
  if (subject == NULL || body == NULL || !g_utf8_validate (subject, -1, NULL) ||
      !g_utf8_validate (body, -1, NULL) || is_blank (subject) || is_blank (body))
    {
      g_set_error_literal (error, ATELIER_MAIL_TEMPLATE_ERROR, ATELIER_MAIL_TEMPLATE_ERROR_INVALID,
                           _("A template needs a subject and a text."));
      return FALSE;
    }
  if (strpbrk (subject, "\r\n") != NULL || g_utf8_strlen (subject, -1) > MAX_SUBJECT_LENGTH)
    {
      g_set_error_literal (error, ATELIER_MAIL_TEMPLATE_ERROR, ATELIER_MAIL_TEMPLATE_ERROR_INVALID,
                           _("The subject must be one line of 200 characters at most."));
      return FALSE;
    }
  if (strlen (body) > MAX_BODY_LENGTH)
    {
      g_set_error_literal (error, ATELIER_MAIL_TEMPLATE_ERROR, ATELIER_MAIL_TEMPLATE_ERROR_INVALID,
                           _("The text is too long (10,000 characters at most)."));
      return FALSE;
    }

  return check_placeholders (subject, error) && check_placeholders (body, error);
}

/**
 * atelier_mail_template_load:
 * @subject: (out): the subject
 * @body: (out): the body
 * @is_default: (out) (optional): whether the store has no text of its own
 */
gboolean
atelier_mail_template_load (AtelierStore           *store,
                            AtelierMailTemplateId   id,
                            const char             *language,
                            char                  **subject,
                            char                  **body,
                            gboolean               *is_default,
                            GError                **error)
{
  AtelierDbStmt *stmt;
  AtelierDbStep rc;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (id < ATELIER_MAIL_TEMPLATE_N, FALSE);

  if (!check_language (language, error))
    return FALSE;

  stmt = atelier_store_prepare (store,
                                "SELECT subject, body FROM mail_templates WHERE name = ? AND language = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, names[id]);
  atelier_db_stmt_bind_text (stmt, 2, language);
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW)
    {
      *subject = g_strdup (atelier_db_stmt_column_text (stmt, 0));
      *body = g_strdup (atelier_db_stmt_column_text (stmt, 1));
    }
  else if (rc == ATELIER_DB_STEP_DONE)
    {
      const char *default_subject, *default_body;

      atelier_mail_template_get_default (id, language, &default_subject, &default_body);
      *subject = g_strdup (default_subject);
      *body = g_strdup (default_body);
    }
  atelier_db_stmt_reset (stmt);

  if (is_default != NULL)
    *is_default = rc == ATELIER_DB_STEP_DONE;
  return rc == ATELIER_DB_STEP_ROW || rc == ATELIER_DB_STEP_DONE;
}

gboolean
atelier_mail_template_save (AtelierStore           *store,
                            AtelierMailTemplateId   id,
                            const char             *language,
                            const char             *subject,
                            const char             *body,
                            GError                **error)
{
  AtelierDbStmt *stmt;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (id < ATELIER_MAIL_TEMPLATE_N, FALSE);

  if (!check_language (language, error) || !atelier_mail_template_check (subject, body, error))
    return FALSE;

  stmt = atelier_store_prepare (store,
                                "INSERT INTO mail_templates (name, language, subject, body)"
                                " VALUES (?, ?, ?, ?) ON CONFLICT (name, language)"
                                " DO UPDATE SET subject = excluded.subject, body = excluded.body",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, names[id]);
  atelier_db_stmt_bind_text (stmt, 2, language);
  atelier_db_stmt_bind_text (stmt, 3, subject);
  atelier_db_stmt_bind_text (stmt, 4, body);
  if (!atelier_store_step_done (store, stmt, error))
    return FALSE;

  atelier_store_emit_changed (store, "mail_templates");
  return TRUE;
}

/* Back to the default text: the store's own row goes. */
gboolean
atelier_mail_template_reset (AtelierStore           *store,
                             AtelierMailTemplateId   id,
                             const char             *language,
                             GError                **error)
{
  AtelierDbStmt *stmt;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (id < ATELIER_MAIL_TEMPLATE_N, FALSE);

  if (!check_language (language, error))
    return FALSE;

  stmt = atelier_store_prepare (store, "DELETE FROM mail_templates WHERE name = ? AND language = ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  atelier_db_stmt_bind_text (stmt, 1, names[id]);
  atelier_db_stmt_bind_text (stmt, 2, language);
  if (!atelier_store_step_done (store, stmt, error))
    return FALSE;

  atelier_store_emit_changed (store, "mail_templates");
  return TRUE;
}

/* Expands one line (without its line break) into @out. Returns FALSE for
 * a line that names things and has nothing to say about any of them
 * ("Place: " with no place): such a line is left out whole. */
static gboolean
expand_line (GString    *out,
             const char *line,
             gsize       length,
             GHashTable *values)
{
  const char *end = line + length;
  const char *p = line;
  gboolean has_words = FALSE;
  guint n_placeholders = 0;
  guint n_filled = 0;

  while (p < end)
    {
      const char *close = *p == '{' ? memchr (p + 1, '}', end - p - 1) : NULL;

      if (close != NULL)
        {
          g_autofree char *name = g_strndup (p + 1, close - p - 1);
          const char *value = g_hash_table_lookup (values, name);

          n_placeholders++;
          if (value != NULL && *value != '\0')
            {
              n_filled++;
              g_string_append (out, value);
            }
          p = close + 1;
        }
      else
        {
          has_words |= !g_ascii_isspace (*p);
          g_string_append_c (out, *p++);
        }
    }

  return !(has_words && n_placeholders > 0 && n_filled == 0);
}

/**
 * atelier_mail_template_expand:
 * @text: a checked template text
 * @values: placeholder name to its value; a missing one expands to ""
 *
 * A line with words and placeholders that all expand to nothing
 * ("Place: {place}" with no place) is left out, line break and all; a
 * line of placeholders alone stays, as the blank line it becomes.
 *
 * Returns: (transfer full): @text with each {name} replaced; values are
 *   never read as templates themselves
 */
char *
atelier_mail_template_expand (const char *text,
                              GHashTable *values)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      const char *newline = strchr (p, '\n');
      gsize length = newline ? (gsize) (newline - p) : strlen (p);
      gsize mark = out->len;

      if (!expand_line (out, p, length, values))
        g_string_truncate (out, mark);
      else if (newline != NULL)
        g_string_append_c (out, '\n');
      p += length + (newline ? 1 : 0);
    }

  return g_string_free (out, FALSE);
}

/**
 * atelier_mail_template_preview:
 * @preview: (out): the subject, a blank line and the body, filled with an
 *   example customer and session
 *
 * What Preferences shows while a template is edited; a template that
 * would be refused is refused here too, with the same message.
 */
gboolean
atelier_mail_template_preview (const char  *subject,
                               const char  *body,
                               const char  *language,
                               char       **preview,
                               GError     **error)
{
  gboolean in_french = g_strcmp0 (language, "fr") == 0;
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *expanded_subject = NULL;
  g_autofree char *expanded_body = NULL;

  if (!atelier_mail_template_check (subject, body, error))
    return FALSE;

  g_hash_table_insert (values, (gpointer) "given_name", (gpointer) "Zoé");
  g_hash_table_insert (values, (gpointer) "workshop", (gpointer) (in_french ? "Risotto aux cèpes" : "Mushroom Risotto"));
  g_hash_table_insert (values, (gpointer) "date",
                       (gpointer) (in_french ? "samedi 14 juin 2025 à 18:30" : "Saturday 14 June 2025, 18:30"));
  g_hash_table_insert (values, (gpointer) "place", (gpointer) "12 rue Mercière, 69002 Lyon");
  g_hash_table_insert (values, (gpointer) "store", (gpointer) "Cuisine & Co");
  g_hash_table_insert (values, (gpointer) "suggestions",
                       (gpointer) (in_french ? "\nVous nous avez dit aimer le vin" NBSP ": ces séances pourraient vous plaire.\n"
                                            "- Vins du Rhône, vendredi 20 juin 2025 à 19:00\n"
                                          : "\nYou told us you like wine: these sessions may please you.\n"
                                            "- Wines of the Rhône, Friday 20 June 2025, 19:00\n"));
  g_hash_table_insert (values, (gpointer) "party", (gpointer) "2");
  g_hash_table_insert (values, (gpointer) "bring",
                       (gpointer) (in_french ? "un tablier et une boîte pour emporter le risotto"
                                             : "an apron and a box to take the risotto home"));
  g_hash_table_insert (values, (gpointer) "changes",
                       (gpointer) (in_french ? "L’heure de fin a changé" NBSP ": la séance se termine désormais "
                                               "à 21:30 au lieu de 20:30."
                                             : "The end time has changed: it now ends at 21:30 instead of 20:30."));
  g_hash_table_insert (values, (gpointer) "next_session",
                       (gpointer) (in_french ? "\nLa prochaine séance a lieu le samedi 5 juillet 2025 à 18:30.\n"
                                          : "\nThe next session is on Saturday 5 July 2025, 18:30.\n"));

  expanded_subject = atelier_mail_template_expand (subject, values);
  expanded_body = atelier_mail_template_expand (body, values);
  *preview = g_strconcat (expanded_subject, "\n\n", expanded_body, NULL);
  return TRUE;
}
