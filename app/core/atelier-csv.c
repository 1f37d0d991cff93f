/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-csv.c: reading and writing CSV files as stores have them
 *
 * Reading goes through libcsv. Before it, the text is made UTF-8: a
 * byte-order mark is dropped, and a file that is not valid UTF-8 is read
 * as Windows-1252 (what spreadsheets on Windows save). The separator is
 * the one of comma, semicolon and tab that the first record holds most
 * of, outside quotes; a comma when it holds none. Quoted fields may span
 * lines; each row remembers the line it starts on, for reports.
 *
 * Writing is plain RFC 4180, optionally after a UTF-8 byte-order mark
 * (which Excel needs to read accents right), to a file readable by its
 * owner only: exports hold personal data. A cell that a spreadsheet would
 * run as a formula (it starts with =, +, -, @, a tab or a carriage
 * return) is written after a single quote, in double quotes, as OWASP
 * recommends against CSV injection: a name typed as
 * =HYPERLINK("http://…") stays text. Reading takes that quote off again.
 */
#define G_LOG_DOMAIN "atelier-csv"

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "atelier-csv.h"

#define UTF8_BOM "\xef\xbb\xbf"

/* A large file has a million fields: they are kept in a few large
 * blocks, not one allocation each. */
struct _AtelierCsvTable
{
  GStringChunk *text;      /* every field, NUL-terminated */
  GPtrArray    *fields;    /* the fields of every row, each row ended by NULL */
  GArray       *starts;    /* guint: where each row starts in @fields */
  GArray       *lines;     /* guint: the line each row starts on */
  guint         line;      /* the line being fed to the parser */
  guint         row_line;  /* the line the row being read started on */
  guint         row_start; /* where the row being read starts in @fields */
  char          separator;
  const char   *encoding;
};

G_DEFINE_QUARK (atelier-csv-error-quark, atelier_csv_error)

void
atelier_csv_table_free (AtelierCsvTable *table)
{
  if (table == NULL)
    return;
  g_string_chunk_free (table->text);
  g_ptr_array_unref (table->fields);
  g_array_unref (table->starts);
  g_array_unref (table->lines);
  g_free (table);
}

/* Returns: @data as UTF-8 without a byte-order mark, @length bytes long
 * (updated): within @data when it is UTF-8 already, or a conversion left
 * in @converted; %NULL with @error set */
static const char *
to_utf8 (const char   *data,
         gsize        *length,
         char        **converted,
         const char  **encoding,
         GError      **error)
{
  gsize n = *length;

  if (n >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe) &&
      ((guchar) data[1] == 0xfe || (guchar) data[1] == 0xff))
    {
      g_set_error_literal (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_ENCODING,
                           _("The file is in UTF-16; save it as CSV in UTF-8 and try again."));
      return NULL;
    }

  if (n >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      data += 3;
      n -= 3;
    }

  if (memchr (data, '\0', n) != NULL)
    {
      g_set_error_literal (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_ENCODING,
                           _("The file is neither UTF-8 nor Windows-1252 text."));
      return NULL;
    }

  if (g_utf8_validate_len (data, n, NULL))
    {
      *encoding = "UTF-8";
      *length = n;
      return data;
    }

  *converted = g_convert (data, n, "UTF-8", "WINDOWS-1252", NULL, length, NULL);
  if (*converted == NULL)
    {
      g_set_error_literal (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_ENCODING,
                           _("The file is neither UTF-8 nor Windows-1252 text."));
      return NULL;
    }

  *encoding = "Windows-1252";
  return *converted;
}

/* The separator the first record holds most of, outside quotes. */
static char
detect_separator (const char *text,
                  gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  for (const char *p = text; p < text + length; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else if (!quoted)
        for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
          counts[i] += *p == candidates[i];
    }

  for (guint i = 1; i < G_N_ELEMENTS (candidates); i++)
    if (counts[i] > counts[best])
      best = i;

  return candidates[best];
}

static void
on_field_cb (void   *field,
             size_t  length,
             void   *data)
{
  AtelierCsvTable *table = data;

  g_ptr_array_add (table->fields, g_string_chunk_insert_len (table->text, field ? field : "", length));
}

static void
on_row_cb (int   terminator,
           void *data)
{
  AtelierCsvTable *table = data;

  g_ptr_array_add (table->fields, NULL);
  g_array_append_val (table->starts, table->row_start);
  g_array_append_val (table->lines, table->row_line);
  table->row_start = table->fields->len;
}

/* Spaces around unquoted fields are trimmed; a tab may be the separator. */
static int
is_space (unsigned char c)
{
  return c == ' ';
}

static gboolean
feed_lines (struct csv_parser  *parser,
            AtelierCsvTable    *table,
            const char         *text,
            gsize               text_length,
            GError            **error)
{
  const char *p = text;
  const char *text_end = text + text_length;

  while (p < text_end)
    {
      const char *end = memchr (p, '\n', text_end - p);
      gsize length = end ? (gsize) (end - p) + 1 : (gsize) (text_end - p);

      table->line++;
      /* libcsv's state 0 is "no row begun": a row starts on this line. */
      if (parser->pstate == 0)
        table->row_line = table->line;
      if (csv_parse (parser, p, length, on_field_cb, on_row_cb, table) != length)
        {
          g_set_error (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_PARSE,
                       _("Line %u cannot be read: %s"), table->line,
                       csv_strerror (csv_error (parser)));
          return FALSE;
        }
      p += length;
    }

  return TRUE;
}

/**
 * atelier_csv_table_parse:
 * @separator: the field separator, or 0 to detect it
 *
 * Returns: (transfer full): every row of the file, the header included,
 *   or %NULL with @error set
 */
AtelierCsvTable *
atelier_csv_table_parse (const char  *data,
                         gsize        length,
                         char         separator,
                         GError     **error)
{
  g_autoptr(AtelierCsvTable) table = g_new0 (AtelierCsvTable, 1);
  g_autofree char *converted = NULL;
  const char *text;
  struct csv_parser parser;
  gboolean ok;

  /* Blocks of up to a megabyte, not more than the file needs: a small
   * file (a preview, a fuzzer's input) should not touch a megabyte. */
  table->text = g_string_chunk_new (CLAMP (length + 1, 4096, 1024 * 1024));
  /* About one field every 10 bytes, for a start. */
  table->fields = g_ptr_array_sized_new (MIN (length / 10, G_MAXUINT / 2) + 1);
  table->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  text = to_utf8 (data, &length, &converted, &table->encoding, error);
  if (text == NULL)
    return NULL;
  table->separator = separator ? separator : detect_separator (text, length);

  if (csv_init (&parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    g_error ("Out of memory");
  csv_set_delim (&parser, (unsigned char) table->separator);
  csv_set_space_func (&parser, is_space);

  ok = feed_lines (&parser, table, text, length, error);
  if (ok && csv_fini (&parser, on_field_cb, on_row_cb, table) != 0)
    {
      g_set_error (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_PARSE,
                   _("The file ends inside a quoted field that starts on line %u."),
                   table->row_line);
      ok = FALSE;
    }
  csv_free (&parser);

  if (ok && table->starts->len == 0)
    {
      g_set_error_literal (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_PARSE,
                           _("The file holds no row."));
      ok = FALSE;
    }

  return ok ? g_steal_pointer (&table) : NULL;
}

guint
atelier_csv_table_get_n_rows (AtelierCsvTable *table)
{
  return table->starts->len;
}

/* Returns: (array zero-terminated=1): the row's fields */
const char * const *
atelier_csv_table_get_row (AtelierCsvTable *table,
                           guint            row)
{
  g_return_val_if_fail (row < table->starts->len, NULL);

  return (const char * const *) &table->fields->pdata[g_array_index (table->starts, guint, row)];
}

guint
atelier_csv_table_get_n_fields (AtelierCsvTable *table,
                                guint            row)
{
  g_return_val_if_fail (row < table->starts->len, 0);

  return g_strv_length ((char **) atelier_csv_table_get_row (table, row));
}

guint
atelier_csv_table_get_line (AtelierCsvTable *table,
                            guint            row)
{
  g_return_val_if_fail (row < table->starts->len, 0);

  return g_array_index (table->lines, guint, row);
}

char
atelier_csv_table_get_separator (AtelierCsvTable *table)
{
  return table->separator;
}

/* Returns: "UTF-8" or "Windows-1252", what the file was read as */
const char *
atelier_csv_table_get_encoding (AtelierCsvTable *table)
{
  return table->encoding;
}

/* The characters a spreadsheet starts a formula (or a DDE call) with. */
static gboolean
starts_formula (const char *text)
{
  return text != NULL && text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/* Whether writing puts a quote in front of @text: a formula, and also a
 * text that already looks guarded ("'=1"), so that reading takes off
 * exactly the quote writing added, and every cell reads back as itself. */
static gboolean
needs_guard (const char *text)
{
  if (text == NULL)
    return FALSE;
  while (*text == '\'')
    text++;
  return starts_formula (text);
}

/**
 * atelier_csv_unguard_field:
 *
 * Undoes what writing does to a cell that starts like a formula (or like
 * a guarded one): the single quote in front of it is dropped. Any other
 * text is left alone.
 *
 * Returns: (transfer none): @field, or @field past its guarding quote
 */
const char *
atelier_csv_unguard_field (const char *field)
{
  if (field != NULL && field[0] == '\'' && needs_guard (field + 1))
    return field + 1;
  return field;
}

static void
append_field (GString    *out,
              const char *field,
              char        separator)
{
  gsize length = field ? strlen (field) : 0;
  gboolean guard = needs_guard (field);
  /* A cell that starts with a byte-order mark is quoted too: first in a
   * file, it would be read as the file's own mark and lost. */
  gboolean quote = guard || (length > 0 && (field[0] == ' ' || field[length - 1] == ' ')) ||
                   g_str_has_prefix (field ? field : "", UTF8_BOM);

  for (gsize i = 0; i < length && !quote; i++)
    quote = field[i] == separator || field[i] == '"' || field[i] == '\n' || field[i] == '\r';

  if (!quote)
    {
      g_string_append_len (out, field ? field : "", length);
      return;
    }

  g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (gsize i = 0; i < length; i++)
    {
      if (field[i] == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, field[i]);
    }
  g_string_append_c (out, '"');
}

/**
 * atelier_csv_append_row:
 * @fields: (array length=n_fields): the fields; %NULL ones are empty
 *
 * Appends one record and its CRLF to @out.
 */
void
atelier_csv_append_row (GString            *out,
                        const char * const *fields,
                        guint               n_fields,
                        char                separator)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);
      append_field (out, fields[i], separator);
    }
  g_string_append (out, "\r\n");
}

/**
 * atelier_csv_write_file:
 * @bom: whether to start with a UTF-8 byte-order mark
 *
 * Replaces @path, atomically, by @csv, readable by its owner only.
 */
gboolean
atelier_csv_write_file (const char  *path,
                        GString     *csv,
                        gboolean     bom,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (bom)
    g_string_prepend (csv, UTF8_BOM);

  if (!g_file_set_contents_full (path, csv->str, csv->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_WRITE,
                   _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }

  return TRUE;
}
