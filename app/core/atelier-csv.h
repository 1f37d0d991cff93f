/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-csv.h: reading and writing CSV files as stores have them */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATELIER_CSV_ERROR (atelier_csv_error_quark ())

typedef enum
{
  ATELIER_CSV_ERROR_ENCODING,  /* neither UTF-8 nor Windows-1252 */
  ATELIER_CSV_ERROR_PARSE,     /* a quote left open, or a file with no row */
  ATELIER_CSV_ERROR_WRITE,
} AtelierCsvError;

typedef struct _AtelierCsvTable AtelierCsvTable;
typedef struct _AtelierCsvReader AtelierCsvReader;

GQuark              atelier_csv_error_quark      (void);

AtelierCsvTable    *atelier_csv_table_parse      (const char       *data,
                                                  gsize             length,
                                                  char              separator,
                                                  GError          **error);
void                atelier_csv_table_free       (AtelierCsvTable  *table);
guint               atelier_csv_table_get_n_rows (AtelierCsvTable  *table);
const char * const *atelier_csv_table_get_row    (AtelierCsvTable  *table,
                                                  guint             row);
guint               atelier_csv_table_get_n_fields (AtelierCsvTable *table,
                                                  guint             row);
guint               atelier_csv_table_get_line   (AtelierCsvTable  *table,
                                                  guint             row);
char                atelier_csv_table_get_separator (AtelierCsvTable *table);
const char         *atelier_csv_table_get_encoding (AtelierCsvTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtelierCsvTable, atelier_csv_table_free)

AtelierCsvReader   *atelier_csv_reader_new       (const char       *data,
                                                  gsize             length,
                                                  char              separator,
                                                  GError          **error);
void                atelier_csv_reader_free      (AtelierCsvReader *reader);
const char * const *atelier_csv_reader_next      (AtelierCsvReader *reader,
                                                  guint            *line,
                                                  GError          **error);
char                atelier_csv_reader_get_separator (AtelierCsvReader *reader);
const char         *atelier_csv_reader_get_encoding  (AtelierCsvReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtelierCsvReader, atelier_csv_reader_free)

/* Writing: RFC 4180 (CRLF line ends; a field is quoted when it holds the
 * separator, a quote, a line break or spaces at either end). A field that
 * starts with =, +, -, @, a tab or a carriage return is written after a
 * single quote, so that no spreadsheet runs it as a formula. */
void                atelier_csv_append_row       (GString          *out,
                                                  const char * const *fields,
                                                  guint             n_fields,
                                                  char              separator);
const char         *atelier_csv_unguard_field    (const char       *field);
gboolean            atelier_csv_write_file       (const char       *path,
                                                  GString          *csv,
                                                  gboolean          bom,
                                                  GError          **error);

G_END_DECLS
