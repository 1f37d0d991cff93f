/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-customer-import.c: customers from another system's CSV export
 *
 * The file is read row by row (see atelier-csv.c for encodings,
 * separators and quoting), once to count its rows and keep the first
 * ones for the preview, and again when the import runs: a file of a
 * million rows is never held parsed whole, and a file mapped from its
 * path gives its pages back after each pass. Its first row names the columns, and each column is matched
 * to a field from its name, in English or French ("First Name", "Prénom",
 * "Courriel", "Accepts Marketing"...). The mapping can be changed before
 * running.
 *
 * The rules of a run:
 *  - a row is matched to an existing customer (erased ones aside) by
 *    e-mail address, case aside; matched rows update that customer: the
 *    fields the row fills replace the stored ones, empty cells leave them
 *    alone, and interests are added to the customer's;
 *  - other rows create customers ("first came": import, unless the file
 *    says otherwise); a new customer needs a name;
 *  - a row whose cells are all empty is skipped; a row with fewer cells
 *    than the header has empty ones;
 *  - a row that cannot be imported (no name, an invalid e-mail address,
 *    phone, language, date or consent) is reported with its line and the
 *    reason, and then NOTHING is imported: the whole import is applied in
 *    one BEGIN IMMEDIATE transaction, rolled back if any row is rejected
 *    or anything fails, so that the file can be corrected and imported
 *    again;
 *  - a row the store itself refuses is reported in the same way;
 *  - a dry run does all of it, reports the same, and writes nothing.
 *
 * The rows are checked and matched one by one, then written with a few
 * statements for the whole file (see "How a run works" below); the new
 * customers are indexed for search and linked to their tags in one go
 * each (schema steps 9 and 5).
 *
 * Reading, checking, matching and staging the rows take most of a run,
 * and happen in a read transaction: the door's sign-ups and check-ins go
 * on meanwhile. The store's write lock is taken for the final apply
 * only. If another program changed the store in between (SQLite's
 * data_version says so), the staged rows may match stale customers: the
 * run starts again, under the lock this time.
 */
#define G_LOG_DOMAIN "atelier-customer-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <sys/mman.h>

#include "atelier-contact.h"
#include "atelier-csv.h"
#include "atelier-customer-import.h"
#include "atelier-schema-private.h"
#include "atelier-settings.h"
#include "atelier-store-private.h"
#include "atelier-tags.h"

struct _AtelierCustomerImport
{
  GObject             parent_instance;

  GBytes             *contents;         /* the file, read again by each run */
  GMappedFile        *mapped;           /* the same, when read from a path */
  char                separator;
  const char         *encoding;
  char              **header;
  GPtrArray          *preview;          /* char **: the first rows below the header */
  GArray             *preview_lines;    /* guint: the line each of them starts on */
  guint               n_rows;           /* below the header */
  GArray             *fields;           /* AtelierImportField per column */
  char               *consent_wording;  /* for consents the file has no wording of */
};

G_DEFINE_FINAL_TYPE (AtelierCustomerImport, atelier_customer_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (atelier-import-error-quark, atelier_import_error)

typedef struct
{
  const char *nick;
  const char *label;
  const char *aliases;  /* header names, lower-case ASCII letters and digits only */
} FieldInfo;

static const FieldInfo field_info[] = {
  { "none", N_("Ignored"), "" },
  { "given-name", N_("Given name"),
    "firstname first givenname given prenom prenoms forename" },
  { "family-name", N_("Family name"),
    "lastname last familyname family surname nom nomdefamille" },
  { "full-name", N_("Full name"),
    "name fullname nomcomplet nometprenom prenometnom client customer customername contact" },
  { "email", N_("E-mail"),
    "email emailaddress mail courriel adressemail adresseemail adressecourriel" },
  { "phone", N_("Phone"),
    "phone phonenumber telephone tel mobile portable mobilephone cellphone gsm "
    "numerodetelephone defaultaddressphone" },
  { "language", N_("Preferred language"),
    "language lang langue preferredlanguage languepreferee locale" },
  { "interests", N_("Interests"),
    "tags tag interests interest interets centresdinteret centresdinterets categories etiquettes" },
  { "note", N_("Note"),
    "note notes comment comments commentaire commentaires remarque remarques" },
  { "needs", N_("Dietary or accessibility needs"),
    "needs dietaryneeds dietary allergies allergy regime regimealimentaire besoins "
    "besoinsparticuliers accessibility accessibilite" },
  { "consent", N_("Accepts marketing"),
    "acceptsmarketing acceptsemailmarketing marketing consent marketingconsent consentement "
    "optin newsletter acceptelemarketing" },
  { "consent-at", N_("Consent date"),
    "consentdate consentedat consentat dateduconsentement dateconsentement "
    "acceptsmarketingupdatedat" },
  { "consent-wording", N_("Consent wording"),
    "consentwording wording texteduconsentement libelleduconsentement" },
  { "first-came", N_("First came"), "firstcame origine origin" },
  { "created-at", N_("Created"),
    "created createdat creationdate datedecreation datecreation dateinscription signupdate" },
  { "last-seen-at", N_("Last seen"), "lastseen lastseenat lastvisit derniereVisite dernierevisite" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (field_info) == ATELIER_IMPORT_N_FIELDS);

void
atelier_import_report_free (AtelierImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->entries);
  g_free (report);
}

static void
entry_free (gpointer data)
{
  AtelierImportEntry *entry = data;

  g_free (entry->label);
  g_free (entry->reason);
  g_free (entry);
}

/* Returns: the field's name as the CLI spells it ("given-name") */
const char *
atelier_import_field_to_string (AtelierImportField field)
{
  g_return_val_if_fail (field < ATELIER_IMPORT_N_FIELDS, NULL);

  return field_info[field].nick;
}

/* Returns: the field named @nick, or %ATELIER_IMPORT_FIELD_NONE */
AtelierImportField
atelier_import_field_from_string (const char *nick)
{
  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (field_info); i++)
    if (strcmp (field_info[i].nick, nick) == 0)
      return i;

  return ATELIER_IMPORT_FIELD_NONE;
}

/* Returns: the field's translated name, for the mapping step */
const char *
atelier_import_field_get_label (AtelierImportField field)
{
  g_return_val_if_fail (field < ATELIER_IMPORT_N_FIELDS, NULL);

  return _(field_info[field].label);
}

/**
 * atelier_import_field_guess:
 *
 * Case, accents, spaces and punctuation aside, matches a column's name
 * to a field ("E-mail", "Courriel" and "Adresse e-mail" are e-mail).
 */
AtelierImportField
atelier_import_field_guess (const char *header)
{
  g_autofree char *ascii = g_str_to_ascii (header ? header : "", "C");
  g_autoptr(GString) key = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, g_ascii_tolower (*p));

  if (key->len == 0)
    return ATELIER_IMPORT_FIELD_NONE;

  for (guint i = 1; i < G_N_ELEMENTS (field_info); i++)
    {
      g_auto(GStrv) aliases = g_strsplit (field_info[i].aliases, " ", -1);

      for (guint j = 0; aliases[j] != NULL; j++)
        if (g_ascii_strcasecmp (aliases[j], key->str) == 0)
          return i;
    }

  return ATELIER_IMPORT_FIELD_NONE;
}

static void
atelier_customer_import_finalize (GObject *object)
{
  AtelierCustomerImport *self = ATELIER_CUSTOMER_IMPORT (object);

  g_clear_pointer (&self->contents, g_bytes_unref);
  g_clear_pointer (&self->mapped, g_mapped_file_unref);
  g_clear_pointer (&self->header, g_strfreev);
  g_clear_pointer (&self->preview, g_ptr_array_unref);
  g_clear_pointer (&self->preview_lines, g_array_unref);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->consent_wording, g_free);

  G_OBJECT_CLASS (atelier_customer_import_parent_class)->finalize (object);
}

static void
atelier_customer_import_class_init (AtelierCustomerImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atelier_customer_import_finalize;
}

static void
atelier_customer_import_init (AtelierCustomerImport *self)
{
  self->fields = g_array_new (FALSE, TRUE, sizeof (AtelierImportField));
  self->preview = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->preview_lines = g_array_new (FALSE, FALSE, sizeof (guint));
}

/* Each field goes to the first column that looks like it. */
static void
guess_fields (AtelierCustomerImport *self)
{
  const char * const *header = (const char * const *) self->header;
  gboolean taken[ATELIER_IMPORT_N_FIELDS] = { FALSE };

  for (guint i = 0; header[i] != NULL; i++)
    {
      AtelierImportField field = atelier_import_field_guess (header[i]);

      if (taken[field])
        field = ATELIER_IMPORT_FIELD_NONE;
      taken[field] = field != ATELIER_IMPORT_FIELD_NONE;
      g_array_append_val (self->fields, field);
    }
}

/**
 * atelier_customer_import_new:
 * @contents: the file's bytes
 *
 * Reads the file and guesses what each column holds.
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
/* Returns: a reader of the file, past its header */
static AtelierCsvReader *
read_file (GBytes   *contents,
           char      separator,
           char   ***header,
           GError  **error)
{
  g_autoptr(AtelierCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  const char * const *first;
  gsize length = 0;
  const char *data = g_bytes_get_data (contents, &length);

  reader = atelier_csv_reader_new (data ? data : "", length, separator, error);
  if (reader == NULL)
    return NULL;

  first = atelier_csv_reader_next (reader, NULL, &local_error);
  if (first == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_PARSE,
                             _("The file holds no row."));
      return NULL;
    }
  if (header != NULL)
    *header = g_strdupv ((char **) first);
  return g_steal_pointer (&reader);
}

/* Counts the rows, keeping the first ones for the preview. */
static gboolean
count_rows (AtelierCustomerImport  *self,
            AtelierCsvReader       *reader,
            GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  const char * const *row;
  guint line = 0;

  while ((row = atelier_csv_reader_next (reader, &line, &local_error)) != NULL)
    {
      if (self->n_rows < ATELIER_IMPORT_PREVIEW_ROWS)
        {
          g_ptr_array_add (self->preview, g_strdupv ((char **) row));
          g_array_append_val (self->preview_lines, line);
        }
      self->n_rows++;
    }

  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * atelier_customer_import_new:
 * @contents: the file's bytes, kept until the import is finalized
 *
 * Reads the file and guesses what each column holds.
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
AtelierCustomerImport *
atelier_customer_import_new (GBytes  *contents,
                             GError **error)
{
  g_autoptr(AtelierCustomerImport) self = NULL;
  g_autoptr(AtelierCsvReader) reader = NULL;

  g_return_val_if_fail (contents != NULL, NULL);

  self = g_object_new (ATELIER_TYPE_CUSTOMER_IMPORT, NULL);
  reader = read_file (contents, 0, &self->header, error);
  if (reader == NULL || !count_rows (self, reader, error))
    return NULL;

  self->contents = g_bytes_ref (contents);
  self->separator = atelier_csv_reader_get_separator (reader);
  self->encoding = atelier_csv_reader_get_encoding (reader);
  guess_fields (self);
  return g_steal_pointer (&self);
}

/* A file mapped for reading is read through once by each pass: the pages
 * read are given back after it (the next pass reads them again from the
 * system's cache), not kept as the process's memory for the rest. */
static void
release_file_pages (AtelierCustomerImport *self)
{
  gsize length = self->mapped ? g_mapped_file_get_length (self->mapped) : 0;

  if (length > 0)
    madvise (g_mapped_file_get_contents (self->mapped), length, MADV_DONTNEED);
}

AtelierCustomerImport *
atelier_customer_import_new_for_path (const char  *path,
                                      GError     **error)
{
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  g_autoptr(GBytes) bytes = NULL;
  AtelierCustomerImport *self;

  if (file == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (file);
  self = atelier_customer_import_new (bytes, error);
  if (self == NULL)
    return NULL;

  self->mapped = g_mapped_file_ref (file);
  release_file_pages (self);
  return self;
}

/* Returns: the cell of @fields in @column, empty when the row is short */
static const char *
cell (const char * const *fields,
      guint               column)
{
  for (guint i = 0; i <= column; i++)
    if (fields[i] == NULL)
      return "";
  return fields[column];
}

char
atelier_customer_import_get_separator (AtelierCustomerImport *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_IMPORT (self), 0);

  return self->separator;
}

/* Returns: "UTF-8" or "Windows-1252" */
const char *
atelier_customer_import_get_encoding (AtelierCustomerImport *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_IMPORT (self), NULL);

  return self->encoding;
}

guint
atelier_customer_import_get_n_columns (AtelierCustomerImport *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_IMPORT (self), 0);

  return self->fields->len;
}

const char *
atelier_customer_import_get_header (AtelierCustomerImport *self,
                                    guint                  column)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->fields->len, NULL);

  return cell ((const char * const *) self->header, column);
}

/* Returns: the rows below the header */
guint
atelier_customer_import_get_n_rows (AtelierCustomerImport *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_IMPORT (self), 0);

  return self->n_rows;
}

/**
 * atelier_customer_import_get_n_preview_rows:
 *
 * Returns: how many of the first rows are kept for a preview, at most
 *   %ATELIER_IMPORT_PREVIEW_ROWS: those atelier_customer_import_get_value()
 *   reads
 */
guint
atelier_customer_import_get_n_preview_rows (AtelierCustomerImport *self)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_IMPORT (self), 0);

  return self->preview->len;
}

/**
 * atelier_customer_import_get_value:
 * @row: a row below the header, from 0, among the preview's
 *
 * Returns: the cell, as read (empty when the row is short) without the
 *   quote that guards a formula: the preview
 */
const char *
atelier_customer_import_get_value (AtelierCustomerImport *self,
                                   guint                  row,
                                   guint                  column)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_IMPORT (self), NULL);
  g_return_val_if_fail (row < self->preview->len, NULL);

  return atelier_csv_unguard_field (cell (self->preview->pdata[row], column));
}

/* Returns: the line of the file where @row (of the preview) starts, from 1 */
guint
atelier_customer_import_get_line (AtelierCustomerImport *self,
                                  guint                  row)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_IMPORT (self), 0);
  g_return_val_if_fail (row < self->preview->len, 0);

  return g_array_index (self->preview_lines, guint, row);
}

AtelierImportField
atelier_customer_import_get_field (AtelierCustomerImport *self,
                                   guint                  column)
{
  g_return_val_if_fail (ATELIER_IS_CUSTOMER_IMPORT (self), ATELIER_IMPORT_FIELD_NONE);
  g_return_val_if_fail (column < self->fields->len, ATELIER_IMPORT_FIELD_NONE);

  return g_array_index (self->fields, AtelierImportField, column);
}

/**
 * atelier_customer_import_set_field:
 *
 * Matches @column to @field; a column that held @field before is ignored
 * from now on (a field comes from one column).
 */
void
atelier_customer_import_set_field (AtelierCustomerImport *self,
                                   guint                  column,
                                   AtelierImportField     field)
{
  g_return_if_fail (ATELIER_IS_CUSTOMER_IMPORT (self));
  g_return_if_fail (column < self->fields->len);
  g_return_if_fail (field < ATELIER_IMPORT_N_FIELDS);

  for (guint i = 0; field != ATELIER_IMPORT_FIELD_NONE && i < self->fields->len; i++)
    if (g_array_index (self->fields, AtelierImportField, i) == field)
      g_array_index (self->fields, AtelierImportField, i) = ATELIER_IMPORT_FIELD_NONE;
  g_array_index (self->fields, AtelierImportField, column) = field;
}

/**
 * atelier_customer_import_set_consent_wording:
 *
 * The wording recorded with the consents of the file when it has no
 * column for it: what the customers agreed to in the other system.
 */
void
atelier_customer_import_set_consent_wording (AtelierCustomerImport *self,
                                             const char            *wording)
{
  g_return_if_fail (ATELIER_IS_CUSTOMER_IMPORT (self));

  g_free (self->consent_wording);
  self->consent_wording = g_strdup (wording);
}

/* One row, read and checked. Strings are NULL when the row leaves the
 * field empty. */
typedef struct
{
  const char *text[ATELIER_IMPORT_N_FIELDS];  /* the trimmed cells */
  char       *given_name;
  char       *family_name;
  char       *language;
  char       *interests;
  int         consent;                         /* -1: not said */
  gint64      consent_at;
  gint64      created_at;
  gint64      last_seen_at;
  char       *reason;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->given_name);
  g_free (row->family_name);
  g_free (row->language);
  g_free (row->interests);
  g_free (row->reason);
}

static gboolean
parse_boolean (const char *text,
               int        *out)
{
  static const char *const yes[] = {
    "yes", "y", "true", "1", "oui", "o", "vrai", "x", "subscribed", "opted in", "opt-in", NULL
  };
  static const char *const no[] = {
    "no", "n", "false", "0", "non", "faux", "unsubscribed", "not subscribed", "opted out",
    "opt-out", NULL
  };

  /* The words are ASCII: no other letter lowers to one of theirs. */
  for (guint i = 0; yes[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *out = 1;
        return TRUE;
      }
  for (guint i = 0; no[i] != NULL; i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *out = 0;
        return TRUE;
      }
  return FALSE;
}

static int
digits (const char *text,
        guint       n)
{
  int value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + (text[i] - '0');
    }
  return value;
}

/* What most exports write, "2024-12-19T20:49:41+01:00" or "…Z", read
 * without building a GDateTime for each of 100,000 rows; FALSE for
 * anything else (even valid), which parse_time() leaves to GLib. */
static gboolean
parse_time_with_offset (const char *text,
                        gint64     *out)
{
  gsize length = strlen (text);
  int year, month, day, hour, minute, second, offset = 0;
  gint64 y, era, year_of_era, day_of_year, day_of_era;

  if ((length != 20 && length != 25) || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':')
    return FALSE;

  year = digits (text, 4);
  month = digits (text + 5, 2);
  day = digits (text + 8, 2);
  hour = digits (text + 11, 2);
  minute = digits (text + 14, 2);
  second = digits (text + 17, 2);
  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month (month, year) || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 59)
    return FALSE;

  if (length == 20 && text[19] != 'Z')
    return FALSE;
  if (length == 25)
    {
      int offset_hours = digits (text + 20, 2), offset_minutes = digits (text + 23, 2);

      if ((text[19] != '+' && text[19] != '-') || text[22] != ':' || offset_hours < 0 ||
          offset_hours > 14 || offset_minutes < 0 || offset_minutes > 59)
        return FALSE;
      offset = (offset_hours * 3600 + offset_minutes * 60) * (text[19] == '-' ? -1 : 1);
    }

  /* Days since 1970-01-01 of the proleptic Gregorian calendar. */
  y = month <= 2 ? year - 1 : year;
  era = y / 400;
  year_of_era = y - era * 400;
  day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  *out = (era * 146097 + day_of_era - 719468) * 86400 + hour * 3600 + minute * 60 + second - offset;
  return TRUE;
}

/* ISO 8601 (a date alone is local midnight), or DD/MM/YYYY [HH:MM[:SS]]. */
static gboolean
parse_time (const char *text,
            GTimeZone  *local,
            gint64     *out)
{
  g_autoptr(GDateTime) time = NULL;
  int day = 0, month = 0, year = 0, hour = 0, minute = 0, second = 0;
  char extra;

  if (parse_time_with_offset (text, out))
    return TRUE;

  time = g_date_time_new_from_iso8601 (text, local);

  if (time == NULL && strlen (text) == 10 && text[4] == '-')
    {
      g_autofree char *midnight = g_strconcat (text, "T00:00:00", NULL);
      time = g_date_time_new_from_iso8601 (midnight, local);
    }
  if (time == NULL &&
      (sscanf (text, "%2d/%2d/%4d %2d:%2d:%2d%c", &day, &month, &year, &hour, &minute, &second, &extra) == 6 ||
       sscanf (text, "%2d/%2d/%4d %2d:%2d%c", &day, &month, &year, &hour, &minute, &extra) == 5 ||
       sscanf (text, "%2d/%2d/%4d%c", &day, &month, &year, &extra) == 3) &&
      year >= 1900)
    time = g_date_time_new (local, year, month, day, hour, minute, second);

  if (time == NULL)
    return FALSE;
  *out = g_date_time_to_unix (time);
  return TRUE;
}

/* "cuisine; Vin | pâtisserie" to "cuisine, Vin, pâtisserie" */
static char *
parse_interests (const char  *text,
                 char       **reason)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",;|", -1);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_strstrip (parts[i]);
      if (*parts[i] == '\0')
        continue;
      if (!atelier_tags_check_name (parts[i], &error))
        {
          *reason = g_strdup (error->message);
          return NULL;
        }
      if (g_hash_table_add (seen, g_utf8_casefold (parts[i], -1)))
        g_string_append_printf (joined, "%s%s", joined->len ? ", " : "", parts[i]);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static void
split_full_name (Row *row)
{
  const char *full = row->text[ATELIER_IMPORT_FIELD_FULL_NAME];
  const char *space;

  if (full == NULL || row->text[ATELIER_IMPORT_FIELD_GIVEN_NAME] != NULL ||
      row->text[ATELIER_IMPORT_FIELD_FAMILY_NAME] != NULL)
    return;

  space = strchr (full, ' ');
  row->given_name = space ? g_strndup (full, space - full) : g_strdup (full);
  row->family_name = space ? g_strstrip (g_strdup (space + 1)) : NULL;
}

static gboolean
reject (Row        *row,
        const char *format,
        const char *value)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  row->reason = g_strdup_printf (format, value);
#pragma GCC diagnostic pop
  return FALSE;
}

/* What checking rows needs: the zone of dates without an offset, and
 * the interests already read (a file holds few different sets). */
typedef struct
{
  GTimeZone  *local;
  GHashTable *interests;  /* as written: as kept */
} Checks;

static char *
check_interests (Checks      *checks,
                 const char  *text,
                 char       **reason)
{
  const char *known = g_hash_table_lookup (checks->interests, text);
  char *interests;

  if (known != NULL)
    return g_strdup (known);

  interests = parse_interests (text, reason);
  if (interests != NULL)
    g_hash_table_insert (checks->interests, g_strdup (text), g_strdup (interests));
  return interests;
}

/* Checks and converts the cells that need it; FALSE with row->reason. */
static gboolean
parse_row (Row    *row,
           Checks *checks)
{
  const char **text = row->text;

  split_full_name (row);
  if (row->given_name == NULL)
    row->given_name = g_strdup (text[ATELIER_IMPORT_FIELD_GIVEN_NAME]);
  if (row->family_name == NULL)
    row->family_name = g_strdup (text[ATELIER_IMPORT_FIELD_FAMILY_NAME]);

  if (text[ATELIER_IMPORT_FIELD_EMAIL] && !atelier_contact_is_mailbox (text[ATELIER_IMPORT_FIELD_EMAIL]))
    return reject (row, _("“%s” is not an e-mail address."), text[ATELIER_IMPORT_FIELD_EMAIL]);
  if (text[ATELIER_IMPORT_FIELD_PHONE] && !atelier_contact_is_phone (text[ATELIER_IMPORT_FIELD_PHONE]))
    return reject (row, _("“%s” is not a phone number."), text[ATELIER_IMPORT_FIELD_PHONE]);
  if (text[ATELIER_IMPORT_FIELD_LANGUAGE] &&
      (row->language = atelier_contact_parse_language (text[ATELIER_IMPORT_FIELD_LANGUAGE])) == NULL)
    return reject (row, _("“%s” is not a language; use a code such as fr or en."),
                   text[ATELIER_IMPORT_FIELD_LANGUAGE]);
  if (text[ATELIER_IMPORT_FIELD_INTERESTS] &&
      (row->interests = check_interests (checks, text[ATELIER_IMPORT_FIELD_INTERESTS], &row->reason)) == NULL)
    return FALSE;
  if (text[ATELIER_IMPORT_FIELD_CONSENT] && !parse_boolean (text[ATELIER_IMPORT_FIELD_CONSENT], &row->consent))
    return reject (row, _("“%s” does not say whether the customer accepts marketing (yes or no)."),
                   text[ATELIER_IMPORT_FIELD_CONSENT]);
  if (text[ATELIER_IMPORT_FIELD_FIRST_CAME] && !atelier_customer_is_first_came_valid (text[ATELIER_IMPORT_FIELD_FIRST_CAME]))
    return reject (row, _("“%s” is not how a customer first came (walk-in, sign-up, import or store)."),
                   text[ATELIER_IMPORT_FIELD_FIRST_CAME]);

  {
    const struct { AtelierImportField field; gint64 *out; } dates[] = {
      { ATELIER_IMPORT_FIELD_CONSENT_AT, &row->consent_at },
      { ATELIER_IMPORT_FIELD_CREATED_AT, &row->created_at },
      { ATELIER_IMPORT_FIELD_LAST_SEEN_AT, &row->last_seen_at },
    };

    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      if (text[dates[i].field] && !parse_time (text[dates[i].field], checks->local, dates[i].out))
        return reject (row, _("“%s” is not a date."), text[dates[i].field]);
  }

  return TRUE;
}

/* How a run works: every row is read and checked first, and matched by
 * e-mail (to a customer of the store, or to one an earlier row of the
 * file creates), in file order; what each row does is written to two
 * temporary tables. Then a few statements apply them all: one inserts
 * the new customers, one per "round" applies the updates (the second
 * update of the same customer is in round 2...). Writing row by row
 * would cost far more: every statement that writes after the search
 * index has changed makes FTS5 write out what it holds in memory. */

/* A customer the file's rows lead to, by e-mail address. */
typedef struct
{
  gint64  id;
  char   *interests;  /* as the rows so far leave them */
  guint   n_updates;  /* rows so far that update it */
} Target;

static void
target_free (gpointer data)
{
  Target *target = data;

  g_free (target->interests);
  g_free (target);
}

typedef struct
{
  AtelierCustomerImport *self;
  AtelierStore          *store;
  AtelierDb             *db;
  AtelierImportReport   *report;
  Checks                 checks;
  gint64                 now;
  const char            *consent_wording;
  gint64                 first_id;     /* the id of the first customer created */
  gint64                 next_id;
  guint                  n_rounds;
  gint64                 cache_size;   /* the connection's PRAGMA cache_size */
  gboolean               cache_grown;  /* and whether to restore it */
  GHashTable            *targets;      /* e-mail, ASCII case folded as NOCASE does: Target */
  AtelierDbStmt         *find;
  AtelierDbStmt         *find_new;
  AtelierDbStmt         *stage_new;
  AtelierDbStmt         *stage_update;
} Run;

static const char staging_tables[] =
  "DROP TABLE IF EXISTS temp.import_new;"
  "DROP TABLE IF EXISTS temp.import_updates;"
  "CREATE TEMP TABLE import_new ("
  "  id INTEGER PRIMARY KEY, entry INTEGER NOT NULL, given_name, family_name, email, phone,"
  "  preferred_language, interests, note, needs, consent, consent_at, consent_wording,"
  "  first_came, created_at, last_seen_at);"
  "CREATE TEMP TABLE import_updates ("
  "  entry INTEGER PRIMARY KEY, target INTEGER NOT NULL, round INTEGER NOT NULL,"
  "  given_name, family_name, phone, preferred_language, interests, note, needs,"
  "  consent, consent_at, consent_wording, last_seen_at);"
  /* Later rows with the address of a customer the file creates update
   * it: found here, rather than kept in memory for every row. */
  "CREATE INDEX temp.import_new_by_email ON import_new (email COLLATE NOCASE);";

static const char drop_staging_tables[] =
  "DROP TABLE IF EXISTS temp.import_new;"
  "DROP TABLE IF EXISTS temp.import_updates;";

static const char find_sql[] =
  "SELECT id, interests FROM customers" ATELIER_CUSTOMER_MATCH_EMAIL;

static const char find_new_sql[] =
  "SELECT id, interests FROM temp.import_new WHERE email = ?1 COLLATE NOCASE ORDER BY id LIMIT 1";

static const char stage_new_sql[] =
  "INSERT INTO temp.import_new VALUES (?1, ?2, coalesce (?3, ''), coalesce (?4, ''), ?5, ?6, ?7,"
  "  coalesce (?8, ''), coalesce (?9, ''), coalesce (?10, ''), ?11, ?12, ?13, ?14, ?15, ?16)";

static const char stage_update_sql[] =
  "INSERT INTO temp.import_updates VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
  "  ?13, ?14)";

#define INSERT_STAGED                                                       \
  "INSERT INTO customers (id, given_name, family_name, email, phone, preferred_language,"  \
  "  interests, note, needs, consent, consent_at, consent_wording, first_came, created_at," \
  "  last_seen_at)"                                                         \
  " SELECT id, given_name, family_name, email, phone, preferred_language, interests, note," \
  "  needs, consent, consent_at, consent_wording, first_came, created_at, last_seen_at"  \
  " FROM temp.import_new"

/* u.consent: said (1 or 0) or NULL; consenting again keeps the first
 * date and wording unless the file gives them; refusing clears them. ?2
 * is now, ?3 the wording of consents the file gives none of. */
#define UPDATE_STAGED                                                       \
  "UPDATE customers SET given_name = coalesce (u.given_name, customers.given_name),"      \
  "  family_name = coalesce (u.family_name, customers.family_name),"       \
  "  phone = coalesce (u.phone, customers.phone),"                          \
  "  preferred_language = coalesce (u.preferred_language, customers.preferred_language)," \
  "  interests = u.interests,"                                              \
  "  note = coalesce (u.note, customers.note), needs = coalesce (u.needs, customers.needs)," \
  "  consent = coalesce (u.consent, customers.consent),"                    \
  "  consent_at = CASE WHEN u.consent IS NULL THEN coalesce (u.consent_at, customers.consent_at)" \
  "    WHEN u.consent = 0 THEN NULL"                                        \
  "    ELSE coalesce (u.consent_at, CASE WHEN customers.consent = 1 THEN customers.consent_at END, ?2) END," \
  "  consent_wording = CASE WHEN u.consent = 0 THEN NULL"                   \
  "    WHEN u.consent = 1 AND customers.consent = 0 THEN coalesce (u.consent_wording, ?3)" \
  "    ELSE coalesce (u.consent_wording, customers.consent_wording) END,"  \
  "  last_seen_at = max (coalesce (customers.last_seen_at, 0), coalesce (u.last_seen_at, 0))" \
  " FROM temp.import_updates u WHERE customers.id = u.target"

static void
bind_text (AtelierDbStmt *stmt,
           int            index,
           const char    *text)
{
  if (text != NULL)
    atelier_db_stmt_bind_text (stmt, index, text);
  else
    atelier_db_stmt_bind_null (stmt, index);
}

static void
bind_time (AtelierDbStmt *stmt,
           int            index,
           gint64         time)
{
  if (time != 0)
    atelier_db_stmt_bind_int64 (stmt, index, time);
  else
    atelier_db_stmt_bind_null (stmt, index);
}

static gboolean
step_staged (Run           *run,
             AtelierDbStmt *stmt,
             GError       **error)
{
  return atelier_db_stmt_run (stmt, error);
}

/* Returns: the customer of the store with that address, NULL if none
 * (and then @error is not set) */
static Target *
find_by_email (Run           *run,
               AtelierDbStmt *find,
               const char    *email,
               GError       **error)
{
  Target *target = NULL;
  AtelierDbStep rc;

  atelier_db_stmt_bind_text (find, 1, email);
  rc = atelier_db_stmt_step (find, error);
  if (rc == ATELIER_DB_STEP_ROW)
    {
      target = g_new0 (Target, 1);
      target->id = atelier_db_stmt_column_int64 (find, 0);
      target->interests = g_strdup (atelier_db_stmt_column_text (find, 1));
    }
  atelier_db_stmt_reset (find);

  return target;
}

/* Returns: the customer @email leads to, NULL if none; FALSE when the
 * store fails */
static gboolean
lookup_target (Run         *run,
               const char  *email,
               Target     **target,
               GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(GError) local_error = NULL;

  *target = NULL;
  if (email == NULL)
    return TRUE;

  key = g_ascii_strdown (email, -1);
  *target = g_hash_table_lookup (run->targets, key);
  if (*target != NULL)
    return TRUE;

  /* A customer of the store, or else one an earlier row creates. */
  *target = find_by_email (run, run->find, email, &local_error);
  if (*target == NULL && local_error == NULL)
    *target = find_by_email (run, run->find_new, email, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*target != NULL)
    g_hash_table_insert (run->targets, g_steal_pointer (&key), *target);
  return TRUE;
}

static gboolean
stage_new (Run     *run,
           Row     *row,
           guint    entry,
           gint64   id,
           GError **error)
{
  AtelierDbStmt *stmt = run->stage_new;
  const char **text = row->text;
  gboolean consent = row->consent == 1;

  atelier_db_stmt_bind_int64 (stmt, 1, id);
  atelier_db_stmt_bind_int64 (stmt, 2, entry);
  bind_text (stmt, 3, row->given_name);
  bind_text (stmt, 4, row->family_name);
  bind_text (stmt, 5, text[ATELIER_IMPORT_FIELD_EMAIL]);
  bind_text (stmt, 6, text[ATELIER_IMPORT_FIELD_PHONE]);
  bind_text (stmt, 7, row->language);
  bind_text (stmt, 8, row->interests);
  bind_text (stmt, 9, text[ATELIER_IMPORT_FIELD_NOTE]);
  bind_text (stmt, 10, text[ATELIER_IMPORT_FIELD_NEEDS]);
  atelier_db_stmt_bind_int64 (stmt, 11, consent);
  bind_time (stmt, 12, consent ? (row->consent_at ? row->consent_at : run->now) : 0);
  bind_text (stmt, 13, consent ? (text[ATELIER_IMPORT_FIELD_CONSENT_WORDING]
                                  ? text[ATELIER_IMPORT_FIELD_CONSENT_WORDING]
                                  : run->consent_wording) : NULL);
  bind_text (stmt, 14, text[ATELIER_IMPORT_FIELD_FIRST_CAME]
                       ? text[ATELIER_IMPORT_FIELD_FIRST_CAME] : ATELIER_CUSTOMER_CAME_IMPORT);
  atelier_db_stmt_bind_int64 (stmt, 15, row->created_at ? row->created_at : run->now);
  bind_time (stmt, 16, row->last_seen_at);

  return step_staged (run, stmt, error);
}

/* Interests are added to the customer's, case aside. */
static char *
merge_interests (const char *old,
                 const char *added)
{
  g_autofree char *both = g_strconcat (old ? old : "", ",", added ? added : "", NULL);
  g_autofree char *reason = NULL;
  char *merged = parse_interests (both, &reason);

  return merged ? merged : g_strdup (old);
}

static gboolean
stage_update (Run     *run,
              Row     *row,
              guint    entry,
              Target  *target,
              GError **error)
{
  AtelierDbStmt *stmt = run->stage_update;
  const char **text = row->text;
  char *interests = merge_interests (target->interests, row->interests);

  g_free (target->interests);
  target->interests = interests;
  target->n_updates++;
  run->n_rounds = MAX (run->n_rounds, target->n_updates);

  atelier_db_stmt_bind_int64 (stmt, 1, entry);
  atelier_db_stmt_bind_int64 (stmt, 2, target->id);
  atelier_db_stmt_bind_int64 (stmt, 3, target->n_updates);
  bind_text (stmt, 4, row->given_name);
  bind_text (stmt, 5, row->family_name);
  bind_text (stmt, 6, text[ATELIER_IMPORT_FIELD_PHONE]);
  bind_text (stmt, 7, row->language);
  bind_text (stmt, 8, interests);
  bind_text (stmt, 9, text[ATELIER_IMPORT_FIELD_NOTE]);
  bind_text (stmt, 10, text[ATELIER_IMPORT_FIELD_NEEDS]);
  if (row->consent >= 0)
    atelier_db_stmt_bind_int64 (stmt, 11, row->consent);
  bind_time (stmt, 12, row->consent_at);
  bind_text (stmt, 13, text[ATELIER_IMPORT_FIELD_CONSENT_WORDING]);
  bind_time (stmt, 14, row->last_seen_at);

  return step_staged (run, stmt, error);
}

static char *
row_label (Row *row)
{
  g_autofree char *name = g_strstrip (g_strconcat (row->given_name ? row->given_name : "", " ",
                                                  row->family_name ? row->family_name : "", NULL));

  if (*name != '\0')
    return g_steal_pointer (&name);
  return g_strdup (row->text[ATELIER_IMPORT_FIELD_EMAIL] ? row->text[ATELIER_IMPORT_FIELD_EMAIL] : "");
}

static void
count_outcome (AtelierImportReport  *report,
               AtelierImportOutcome  outcome,
               int                   delta)
{
  if (outcome == ATELIER_IMPORT_CREATED)
    report->n_created += delta;
  else if (outcome == ATELIER_IMPORT_UPDATED)
    report->n_updated += delta;
  else
    report->n_rejected += delta;
}

/* Returns: the entry's index in the report */
static guint
add_entry (Run                  *run,
           guint                 line,
           AtelierImportOutcome  outcome,
           gint64                id,
           Row                  *row)
{
  AtelierImportEntry *entry = g_new0 (AtelierImportEntry, 1);

  entry->line = line;
  entry->outcome = outcome;
  entry->customer_id = id;
  entry->label = row_label (row);
  entry->reason = g_steal_pointer (&row->reason);
  g_ptr_array_add (run->report->entries, entry);
  count_outcome (run->report, outcome, 1);

  return run->report->entries->len - 1;
}

/* Returns: @text without the spaces around it, nor the quote an export
 * puts in front of a cell that looks like a formula: @text itself, or a
 * copy left in @copy */
static const char *
trim_cell (const char  *text,
           char       **copy)
{
  gsize length;

  text = atelier_csv_unguard_field (text);
  length = strlen (text);

  if (length == 0 || (!g_ascii_isspace (text[0]) && !g_ascii_isspace (text[length - 1])))
    return text;
  *copy = g_strstrip (g_strdup (text));
  return *copy;
}

/* Fills @row from the cells; FALSE for a row with nothing in it. */
static gboolean
read_cells (AtelierCustomerImport *self,
            const char * const    *fields,
            Row                   *row,
            char                 **trimmed)
{
  gboolean any = FALSE;

  for (guint column = 0; column < self->fields->len; column++)
    {
      AtelierImportField field = g_array_index (self->fields, AtelierImportField, column);
      const char *text;

      if (field == ATELIER_IMPORT_FIELD_NONE)
        continue;
      text = trim_cell (cell (fields, column), &trimmed[column]);
      if (*text == '\0')
        continue;
      row->text[field] = text;
      any = TRUE;
    }

  return any;
}

static gboolean
has_name (Row *row)
{
  return (row->given_name != NULL && *row->given_name != '\0') ||
         (row->family_name != NULL && *row->family_name != '\0');
}

/* Decides what the row does and stages it. FALSE only when the store
 * fails: a refused row is reported. */
static gboolean
read_row (Run                 *run,
          const char * const  *fields,
          guint                line,
          GError             **error)
{
  AtelierCustomerImport *self = run->self;
  g_autofree char **trimmed = g_new0 (char *, self->fields->len + 1);
  Row row = { .consent = -1 };
  Target *target = NULL;
  const char *email;
  gboolean ok = TRUE;

  if (!read_cells (self, fields, &row, trimmed))
    goto out;

  email = row.text[ATELIER_IMPORT_FIELD_EMAIL];
  if (!parse_row (&row, &run->checks))
    add_entry (run, line, ATELIER_IMPORT_REJECTED, 0, &row);
  else if (!lookup_target (run, email, &target, error))
    ok = FALSE;
  else if (target != NULL)
    ok = stage_update (run, &row, add_entry (run, line, ATELIER_IMPORT_UPDATED, target->id, &row),
                       target, error);
  else if (!has_name (&row))
    {
      row.reason = g_strdup (_("No name: a new customer needs a given or a family name."));
      add_entry (run, line, ATELIER_IMPORT_REJECTED, 0, &row);
    }
  else
    {
      gint64 id = run->next_id++;

      /* Later rows with this address update the new customer: they
       * find it in the staging table. */
      ok = stage_new (run, &row, add_entry (run, line, ATELIER_IMPORT_CREATED, id, &row), id, error);
    }

out:
  for (guint i = 0; i < self->fields->len; i++)
    g_free (trimmed[i]);
  row_clear (&row);
  return ok;
}

/* ?1 (@arg), and ?2 and ?3 of the update statements, for those that
 * have them; bound again after each reset, which clears them. */
static void
bind_arguments (Run           *run,
                AtelierDbStmt *stmt,
                const char    *sql,
                int            arg)
{
  if (strstr (sql, "?1") != NULL)
    atelier_db_stmt_bind_int64 (stmt, 1, arg);
  if (strstr (sql, "?3") == NULL)
    return;
  atelier_db_stmt_bind_int64 (stmt, 2, run->now);
  atelier_db_stmt_bind_text (stmt, 3, run->consent_wording);
}

/* The run's statements are its own, freed at its end, not cached. */
static AtelierDbStmt *
prepare (Run         *run,
         const char  *sql,
         int          arg,
         GError     **error)
{
  AtelierDbStmt *stmt = atelier_db_prepare_uncached (run->db, sql, error);

  if (stmt != NULL)
    bind_arguments (run, stmt, sql, arg);
  return stmt;
}

/* A refusal of the store's rules, which the report shows for its row,
 * rather than a failure of the store itself. */
static gboolean
is_refusal (const GError *error)
{
  return g_error_matches (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_INVALID) ||
         g_error_matches (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_DUPLICATE) ||
         g_error_matches (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_IN_USE);
}

/* The store refused a statement that applies many rows: applies them one
 * at a time, so that the report names each row it refuses. @rows_sql
 * lists them (?1: @arg) as their key and their entry in the report;
 * @one_sql applies the row of key ?1. */
static gboolean
apply_one_by_one (Run         *run,
                  const char  *rows_sql,
                  const char  *one_sql,
                  int          arg,
                  GError     **error)
{
  AtelierDbStmt *rows = prepare (run, rows_sql, arg, error);
  AtelierDbStmt *one = rows ? prepare (run, one_sql, 0, error) : NULL;
  AtelierDbStep rc = ATELIER_DB_STEP_ERROR;

  while (one != NULL && (rc = atelier_db_stmt_step (rows, error)) == ATELIER_DB_STEP_ROW)
    {
      AtelierImportEntry *entry = run->report->entries->pdata[atelier_db_stmt_column_int (rows, 1)];
      g_autoptr(GError) refusal = NULL;

      bind_arguments (run, one, one_sql, 0);
      atelier_db_stmt_bind_int64 (one, 1, atelier_db_stmt_column_int64 (rows, 0));
      if (atelier_db_stmt_run (one, &refusal))
        continue;
      if (!is_refusal (refusal))
        {
          g_propagate_error (error, g_steal_pointer (&refusal));
          rc = ATELIER_DB_STEP_ERROR;
          break;
        }

      count_outcome (run->report, entry->outcome, -1);
      count_outcome (run->report, ATELIER_IMPORT_REJECTED, 1);
      entry->outcome = ATELIER_IMPORT_REJECTED;
      entry->customer_id = 0;
      entry->reason = g_strdup (refusal->message);
    }
  g_clear_pointer (&one, atelier_db_stmt_free);
  g_clear_pointer (&rows, atelier_db_stmt_free);
  return rc == ATELIER_DB_STEP_DONE;
}

/* Runs @bulk_sql (?1: @arg), or, if the store refuses a row of it,
 * apply_one_by_one(). */
static gboolean
apply_staged (Run         *run,
              const char  *bulk_sql,
              const char  *rows_sql,
              const char  *one_sql,
              int          arg,
              GError     **error)
{
  AtelierDbStmt *bulk = prepare (run, bulk_sql, arg, error);
  g_autoptr(GError) local = NULL;
  gboolean ok;

  if (bulk == NULL)
    return FALSE;
  ok = atelier_db_stmt_run (bulk, &local);
  atelier_db_stmt_free (bulk);

  if (ok)
    return TRUE;
  if (is_refusal (local))
    return apply_one_by_one (run, rows_sql, one_sql, arg, error);

  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* The new customers first, then the updates, round by round: an update
 * may concern a customer the file creates. The new customers are in the
 * search index before any update: an update takes the old values out. */
static gboolean
apply_rows (Run     *run,
            GError **error)
{
  if (!apply_staged (run, INSERT_STAGED " ORDER BY id",
                     "SELECT id, entry FROM temp.import_new ORDER BY id",
                     INSERT_STAGED " WHERE id = ?1", 0, error) ||
      !atelier_store_exec (run->store, atelier_schema_index_deferred_search, error))
    return FALSE;

  for (guint round = 1; round <= run->n_rounds; round++)
    /* After a refusal, the rest goes in file order, row by row. */
    if (!apply_staged (run, UPDATE_STAGED " AND u.round = ?1",
                       "SELECT entry, entry FROM temp.import_updates WHERE round = ?1 ORDER BY entry",
                       UPDATE_STAGED " AND u.entry = ?1", round, error))
      return FALSE;

  return TRUE;
}

static gboolean
check_mapping (AtelierCustomerImport  *self,
               GError                **error)
{
  for (guint i = 0; i < self->fields->len; i++)
    switch (g_array_index (self->fields, AtelierImportField, i))
      {
      case ATELIER_IMPORT_FIELD_GIVEN_NAME:
      case ATELIER_IMPORT_FIELD_FAMILY_NAME:
      case ATELIER_IMPORT_FIELD_FULL_NAME:
      case ATELIER_IMPORT_FIELD_EMAIL:
        return TRUE;
      default:
        break;
      }

  g_set_error_literal (error, ATELIER_IMPORT_ERROR, ATELIER_IMPORT_ERROR_NO_MAPPING,
                       _("No column holds names or e-mail addresses: match at least one column "
                         "to a name or to the e-mail."));
  return FALSE;
}

static void
set_rejected_error (AtelierImportReport  *report,
                    GError              **error)
{
  AtelierImportEntry *first = NULL;
  g_autofree char *line = NULL;

  for (guint i = 0; first == NULL && i < report->entries->len; i++)
    if (((AtelierImportEntry *) report->entries->pdata[i])->outcome == ATELIER_IMPORT_REJECTED)
      first = report->entries->pdata[i];

  line = g_strdup_printf ("%u", first->line);
  g_set_error (error, ATELIER_IMPORT_ERROR, ATELIER_IMPORT_ERROR_REJECTED,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u row cannot be imported (line %s: %s) and nothing was imported. "
                            "Correct the file and import it again.",
                            "%u rows cannot be imported (the first on line %s: %s) and nothing "
                            "was imported. Correct the file and import it again.",
                            report->n_rejected),
               report->n_rejected, line, first->reason);
}

static gboolean
query_int (Run         *run,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  AtelierDbStmt *stmt = prepare (run, sql, 0, error);
  AtelierDbStep rc;

  if (stmt == NULL)
    return FALSE;
  rc = atelier_db_stmt_step (stmt, error);
  if (rc == ATELIER_DB_STEP_ROW)
    *value = atelier_db_stmt_column_int64 (stmt, 0);
  atelier_db_stmt_free (stmt);
  return rc == ATELIER_DB_STEP_ROW;
}

/* An import writes to many pages of the customers, their indexes and
 * the search index at once. With the connection's usual page cache,
 * SQLite writes pages out to the log in the middle of the transaction
 * and reads them back: a large import takes about twice as long. The
 * cache grows for the run only; memory is taken as pages are used. */
#define IMPORT_CACHE_KIB (128 * 1024)

static gboolean
grow_cache (Run     *run,
            GError **error)
{
  gint64 page_size = 0;
  g_autofree char *pragma = NULL;

  if (!query_int (run, "PRAGMA cache_size", &run->cache_size, error) ||
      !query_int (run, "PRAGMA page_size", &page_size, error))
    return FALSE;

  if ((run->cache_size < 0 ? -run->cache_size : run->cache_size * page_size / 1024) >= IMPORT_CACHE_KIB)
    return TRUE;

  pragma = g_strdup_printf ("PRAGMA cache_size = %d", -IMPORT_CACHE_KIB);
  run->cache_grown = atelier_store_exec (run->store, pragma, error);
  return run->cache_grown;
}

static void
restore_cache (Run *run)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, run->cache_size);

  if (run->cache_grown)
    atelier_store_exec (run->store, pragma, NULL);
}

/* Inside the transaction, read or write: the staging tables (temporary:
 * writing them takes no lock on the store) and the statements. New
 * customers get the ids after the last one. */
static gboolean
start_run (Run     *run,
           GError **error)
{
  if (!grow_cache (run, error) ||
      !atelier_store_exec (run->store, staging_tables, error) ||
      !query_int (run, "SELECT coalesce (max (id), 0) + 1 FROM customers", &run->first_id, error))
    return FALSE;

  run->next_id = run->first_id;
  run->find = prepare (run, find_sql, 0, error);
  run->find_new = run->find ? prepare (run, find_new_sql, 0, error) : NULL;
  run->stage_new = run->find_new ? prepare (run, stage_new_sql, 0, error) : NULL;
  run->stage_update = run->stage_new ? prepare (run, stage_update_sql, 0, error) : NULL;
  return run->stage_update != NULL;
}

static void
end_run (Run *run)
{
  g_clear_pointer (&run->find, atelier_db_stmt_free);
  g_clear_pointer (&run->find_new, atelier_db_stmt_free);
  g_clear_pointer (&run->stage_new, atelier_db_stmt_free);
  g_clear_pointer (&run->stage_update, atelier_db_stmt_free);
}

/* After a rollback: the ids of customers the import created mean nothing. */
static void
forget_new_ids (Run *run)
{
  for (guint i = 0; i < run->report->entries->len; i++)
    {
      AtelierImportEntry *entry = run->report->entries->pdata[i];

      if (run->first_id != 0 && entry->customer_id >= run->first_id)
        entry->customer_id = 0;
    }
}

/* Ends the read transaction the rows were staged in and takes the write
 * lock. @stale is set when another connection committed in between: the
 * staged rows may then match customers that changed. */
static gboolean
lock_for_apply (Run       *run,
                gint64     staged_version,
                gboolean  *stale,
                GError   **error)
{
  gint64 version = 0;

  if (!atelier_store_exec (run->store, "COMMIT", error) ||
      !atelier_store_begin (run->store, error) ||
      !query_int (run, "PRAGMA data_version", &version, error))
    return FALSE;

  *stale = version != staged_version;
  return TRUE;
}

/* Under the write lock: the tags and the search index left to the end
 * (schema steps 5 and 9), then the rows. */
static gboolean
apply_run (Run     *run,
           GError **error)
{
  return atelier_store_exec (run->store, atelier_schema_defer_tag_links, error) &&
         atelier_store_exec (run->store, atelier_schema_defer_search, error) &&
         apply_rows (run, error) &&
         atelier_store_exec (run->store, atelier_schema_link_deferred_tags, error);
}

/* The staged rows (and SQLite's statement journal) are about as large
 * as the file: in the store's usual temporary storage, memory, they
 * would take that much more of it. They go to a temporary file for the
 * run, outside any transaction (SQLite changes it only there). @before
 * is the storage to go back to. */
static gboolean
stage_on_disk (AtelierStore  *store,
               int           *before,
               GError       **error)
{
  AtelierDbStmt *stmt = atelier_store_prepare (store, "PRAGMA temp_store", error);
  AtelierDbStep rc;

  if (stmt == NULL)
    return FALSE;
  rc = atelier_db_stmt_step (stmt, error);
  if (rc != ATELIER_DB_STEP_ROW)
    {
      atelier_db_stmt_reset (stmt);
      return FALSE;
    }
  *before = atelier_db_stmt_column_int (stmt, 0);
  atelier_db_stmt_reset (stmt);

  return atelier_store_exec (store, "PRAGMA temp_store = FILE", error);
}

static void
unstage_on_disk (AtelierStore *store,
                 int           before)
{
  g_autofree char *pragma = g_strdup_printf ("PRAGMA temp_store = %d", before);

  atelier_store_exec (store, pragma, NULL);
}

/* Reads the file again, row by row, and stages each. */
static gboolean
read_rows (Run     *run,
           GError **error)
{
  g_autoptr(AtelierCsvReader) reader = read_file (run->self->contents, run->self->separator, NULL, error);
  g_autoptr(GError) local_error = NULL;
  const char * const *fields;
  guint line = 0;

  if (reader == NULL)
    return FALSE;
  while ((fields = atelier_csv_reader_next (reader, &line, &local_error)) != NULL)
    if (!read_row (run, fields, line, error))
      return FALSE;

  release_file_pages (run->self);
  if (local_error == NULL)
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* One run: staged in a read transaction unless @locked, then applied
 * under the write lock. @stale is set (and nothing is written) when the
 * store changed between the two: run again, locked. */
static gboolean
run_once (AtelierCustomerImport  *self,
          AtelierStore           *store,
          gboolean                dry_run,
          gboolean                locked,
          AtelierImportReport   **report,
          gboolean               *stale,
          GError                **error)
{
  g_autoptr(AtelierImportReport) result = NULL;
  g_autoptr(GTimeZone) local = NULL;
  g_autoptr(GHashTable) interests = NULL;
  g_autoptr(GHashTable) targets = NULL;
  Run run = { NULL };
  gint64 staged_version = 0;
  int temp_store = 0;
  gboolean ok;

  *stale = FALSE;
  if (!stage_on_disk (store, &temp_store, error))
    return FALSE;
  if (locked ? !atelier_store_begin (store, error) : !atelier_store_exec (store, "BEGIN", error))
    {
      unstage_on_disk (store, temp_store);
      return FALSE;
    }

  result = g_new0 (AtelierImportReport, 1);
  result->entries = g_ptr_array_new_with_free_func (entry_free);
  result->dry_run = dry_run;
  local = g_time_zone_new_local ();
  interests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, target_free);
  run = (Run) {
    .self = self, .store = store, .db = atelier_store_get_db (store), .report = result,
    .checks = { local, interests }, .now = atelier_store_now (), .targets = targets,
    .consent_wording = self->consent_wording
                       ? self->consent_wording
                       : _("Accepted marketing in the system the customer was imported from"),
  };

  ok = start_run (&run, error) &&
       query_int (&run, "PRAGMA data_version", &staged_version, error) &&
       read_rows (&run, error);
  if (ok && !dry_run && result->n_rejected == 0)
    {
      if (!locked)
        ok = lock_for_apply (&run, staged_version, stale, error);
      ok = ok && !*stale && apply_run (&run, error);
    }
  end_run (&run);

  if (!ok || dry_run || result->n_rejected > 0)
    {
      atelier_store_rollback (store);
      forget_new_ids (&run);
    }
  else if (!atelier_store_commit (store, error))
    ok = FALSE;
  else
    {
      result->applied = TRUE;
      atelier_store_emit_changed (store, "customers");
      atelier_store_emit_changed (store, "tags");
    }
  /* Rolled back with the rest, or left after a commit. */
  atelier_store_exec (store, drop_staging_tables, NULL);
  restore_cache (&run);
  unstage_on_disk (store, temp_store);

  if (*stale)
    return FALSE;
  *report = g_steal_pointer (&result);
  return ok;
}

/**
 * atelier_customer_import_run:
 * @dry_run: report what would be done, and write nothing
 * @report: (out) (optional): what was (or would be) created, updated and
 *   rejected, by line; set even when the import is refused for its
 *   rejected rows
 *
 * Imports the rows, in one transaction, by the rules at the top of this
 * file. Refuses with %ATELIER_IMPORT_ERROR_REJECTED, and writes nothing,
 * when any row is rejected (a dry run then returns %TRUE: its report
 * says what is wrong).
 */
gboolean
atelier_customer_import_run (AtelierCustomerImport  *self,
                             AtelierStore           *store,
                             gboolean                dry_run,
                             AtelierImportReport   **report,
                             GError                **error)
{
  g_autoptr(AtelierImportReport) result = NULL;
  gboolean stale = FALSE;
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_CUSTOMER_IMPORT (self), FALSE);
  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);

  if (!check_mapping (self, error))
    return FALSE;

  ok = run_once (self, store, dry_run, FALSE, &result, &stale, error);
  if (stale)
    ok = run_once (self, store, dry_run, TRUE, &result, &stale, error);

  if (ok && !dry_run && result->n_rejected > 0)
    {
      set_rejected_error (result, error);
      ok = FALSE;
    }
  if (report != NULL)
    *report = g_steal_pointer (&result);
  return ok;
}
