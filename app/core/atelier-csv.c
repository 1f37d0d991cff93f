/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-csv.c: reading and writing CSV files as stores have them
 *
 * Reading goes through libcsv. Before it, the text is made UTF-8: a
 * byte-order mark is dropped, and a file that is not valid UTF-8 is read
 * as Windows-1252 (what spreadsheets on Windows save). The separator is
 * the one of comma, semicolon and tab that the first record holds most
 * of, outside quotes; a comma when it holds none. Quoted fields may span
 * lines; each row remembers the line it starts on, for reports. A
 * reader gives the rows one at a time, so that a large file is never
 * held parsed whole; a table holds them all, for small files.
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
  char          separator;
  const char   *encoding;
};

/* A row read, in one block: the line it starts on, its fields (ended by
 * NULL), then their text. */
typedef struct
{
  guint  line;
  char  *fields[];
} CsvRow;

/* Reading row by row: a file of a million rows is never held parsed
 * whole, only the row being read. */
struct _AtelierCsvReader
{
  char              *converted;   /* the text, when it was not UTF-8 */
  const char        *text;
  gsize              length;
  gsize              pos;         /* where the next line starts */
  struct csv_parser  parser;
  gboolean           finished;    /* all the text went to the parser */
  guint              line;        /* the line last fed to the parser */
  guint              row_line;    /* the line the row being read started on */
  GString           *row_text;    /* the row being read: its fields, NUL-ended */
  GArray            *row_ends;    /* gsize: where each of its fields ends */
  GQueue             rows;        /* CsvRow: read, not yet returned */
  CsvRow            *current;     /* returned last */
  char               separator;
  const char        *encoding;
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
  AtelierCsvReader *reader = data;

  if (field != NULL)
    g_string_append_len (reader->row_text, field, length);
  g_string_append_c (reader->row_text, '\0');
  g_array_append_val (reader->row_ends, reader->row_text->len);
}

static void
on_row_cb (int   terminator,
           void *data)
{
  AtelierCsvReader *reader = data;
  guint n = reader->row_ends->len;
  gsize pointers = sizeof (CsvRow) + (n + 1) * sizeof (char *);
  CsvRow *row = g_malloc (pointers + reader->row_text->len);
  char *text = (char *) row + pointers;
  gsize start = 0;

  row->line = reader->row_line;
  memcpy (text, reader->row_text->str, reader->row_text->len);
  for (guint i = 0; i < n; i++)
    {
      row->fields[i] = text + start;
      start = g_array_index (reader->row_ends, gsize, i);
    }
  row->fields[n] = NULL;
  g_queue_push_tail (&reader->rows, row);

  g_string_truncate (reader->row_text, 0);
  g_array_set_size (reader->row_ends, 0);
}

/* Spaces around unquoted fields are trimmed; a tab may be the separator. */
static int
is_space (unsigned char c)
{
  return c == ' ';
}

void
atelier_csv_reader_free (AtelierCsvReader *reader)
{
  if (reader == NULL)
    return;
  csv_free (&reader->parser);
  g_queue_clear_full (&reader->rows, g_free);
  g_free (reader->current);
  g_string_free (reader->row_text, TRUE);
  g_array_unref (reader->row_ends);
  g_free (reader->converted);
  g_free (reader);
}

/**
 * atelier_csv_reader_new:
 * @data: the file's bytes, kept by the caller while the reader lives
 * @separator: the field separator, or 0 to detect it
 *
 * Returns: (transfer full): a reader of the file's rows, from the first,
 *   or %NULL with @error set when the file is not text
 */
AtelierCsvReader *
atelier_csv_reader_new (const char  *data,
                        gsize        length,
                        char         separator,
                        GError     **error)
{
  g_autoptr(AtelierCsvReader) reader = g_new0 (AtelierCsvReader, 1);

  if (csv_init (&reader->parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
    g_error ("Out of memory");
  g_queue_init (&reader->rows);
  reader->row_text = g_string_new (NULL);
  reader->row_ends = g_array_new (FALSE, FALSE, sizeof (gsize));

  reader->length = length;
  reader->text = to_utf8 (data, &reader->length, &reader->converted, &reader->encoding, error);
  if (reader->text == NULL)
    return NULL;
  reader->separator = separator ? separator : detect_separator (reader->text, reader->length);
  csv_set_delim (&reader->parser, (unsigned char) reader->separator);
  csv_set_space_func (&reader->parser, is_space);

  return g_steal_pointer (&reader);
}

/* Feeds the parser one more line, or its end. FALSE with @error set
 * when the text cannot be read. */
static gboolean
feed_line (AtelierCsvReader  *reader,
           GError           **error)
{
  const char *p = reader->text + reader->pos;
  const char *end;
  gsize length;

  if (reader->pos >= reader->length)
    {
      reader->finished = TRUE;
      if (csv_fini (&reader->parser, on_field_cb, on_row_cb, reader) == 0)
        return TRUE;
      g_set_error (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_PARSE,
                   _("The file ends inside a quoted field that starts on line %u."),
                   reader->row_line);
      return FALSE;
    }

  end = memchr (p, '\n', reader->length - reader->pos);
  length = end ? (gsize) (end - p) + 1 : reader->length - reader->pos;
  reader->line++;
  /* libcsv's state 0 is "no row begun": a row starts on this line. */
  if (reader->parser.pstate == 0)
    reader->row_line = reader->line;
  if (csv_parse (&reader->parser, p, length, on_field_cb, on_row_cb, reader) != length)
    {
      g_set_error (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_PARSE,
                   _("Line %u cannot be read: %s"), reader->line,
                   csv_strerror (csv_error (&reader->parser)));
      return FALSE;
    }
  reader->pos += length;
  return TRUE;
}

/**
 * atelier_csv_reader_next:
 * @line: (out) (optional): the line the row starts on, from 1
 *
 * Returns: (array zero-terminated=1) (transfer none): the next row's
 *   fields, valid until the next call; %NULL after the last row, or
 *   with @error set when the file cannot be read there
 */
const char * const *
atelier_csv_reader_next (AtelierCsvReader  *reader,
                         guint             *line,
                         GError           **error)
{
  g_clear_pointer (&reader->current, g_free);

  while (g_queue_is_empty (&reader->rows) && !reader->finished)
    if (!feed_line (reader, error))
      {
        reader->finished = TRUE;
        return NULL;
      }

  reader->current = g_queue_pop_head (&reader->rows);
  if (reader->current == NULL)
    return NULL;
  if (line != NULL)
    *line = reader->current->line;
  return (const char * const *) reader->current->fields;
}

char
atelier_csv_reader_get_separator (AtelierCsvReader *reader)
{
  return reader->separator;
}

/* Returns: "UTF-8" or "Windows-1252", what the file is read as */
const char *
atelier_csv_reader_get_encoding (AtelierCsvReader *reader)
{
  return reader->encoding;
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
  g_autoptr(AtelierCsvReader) reader = atelier_csv_reader_new (data, length, separator, error);
  g_autoptr(AtelierCsvTable) table = NULL;
  g_autoptr(GError) local_error = NULL;
  const char * const *row;
  guint line = 0;

  if (reader == NULL)
    return NULL;

  table = g_new0 (AtelierCsvTable, 1);
  /* Blocks of up to a megabyte, not more than the file needs: a small
   * file (a preview, a fuzzer's input) should not touch a megabyte. */
  table->text = g_string_chunk_new (CLAMP (length + 1, 4096, 1024 * 1024));
  table->fields = g_ptr_array_new ();
  table->starts = g_array_new (FALSE, FALSE, sizeof (guint));
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  table->separator = reader->separator;
  table->encoding = reader->encoding;

  while ((row = atelier_csv_reader_next (reader, &line, &local_error)) != NULL)
    {
      guint start = table->fields->len;

      for (guint i = 0; row[i] != NULL; i++)
        g_ptr_array_add (table->fields, g_string_chunk_insert (table->text, row[i]));
      g_ptr_array_add (table->fields, NULL);
      g_array_append_val (table->starts, start);
      g_array_append_val (table->lines, line);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (table->starts->len == 0)
    {
      g_set_error_literal (error, ATELIER_CSV_ERROR, ATELIER_CSV_ERROR_PARSE,
                           _("The file holds no row."));
      return NULL;
    }

  return g_steal_pointer (&table);
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
