/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c: the CSV reader, with every separator and encoding
 *
 * The first byte picks the separator (detected, comma, semicolon, tab);
 * the rest is the file. Whatever it holds, reading either fails with an
 * error or gives rows of valid UTF-8, each cell of which writes and
 * reads back as itself.
 */
#define G_LOG_DOMAIN "fuzz-csv"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "atelier-csv.h"
#include "fuzz-util.h"

static void
check_cells_round_trip (AtelierCsvTable *table)
{
  char separator = atelier_csv_table_get_separator (table);

  for (guint row = 0; row < atelier_csv_table_get_n_rows (table); row++)
    {
      const char * const *cells = atelier_csv_table_get_row (table, row);
      guint n = atelier_csv_table_get_n_fields (table, row);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(AtelierCsvTable) again = NULL;

      for (guint i = 0; i < n; i++)
        FUZZ_CHECK (g_utf8_validate (cells[i], -1, NULL));

      /* A lone empty cell is an empty line, which holds no row. */
      if (n == 0 || (n == 1 && cells[0][0] == '\0'))
        continue;
      atelier_csv_append_row (out, cells, n, separator);
      again = atelier_csv_table_parse (out->str, out->len, separator, NULL);
      FUZZ_CHECK (again != NULL);
      FUZZ_CHECK (atelier_csv_table_get_n_rows (again) == 1);
      FUZZ_CHECK (atelier_csv_table_get_n_fields (again, 0) == n);
      for (guint i = 0; i < n; i++)
        FUZZ_CHECK (strcmp (atelier_csv_unguard_field (atelier_csv_table_get_row (again, 0)[i]),
                            cells[i]) == 0);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char separators[] = { 0, ',', ';', '\t' };
  g_autoptr(AtelierCsvTable) table = NULL;
  g_autoptr(GError) error = NULL;

  if (size == 0)
    return 0;

  table = atelier_csv_table_parse ((const char *) data + 1, size - 1,
                                   separators[data[0] % G_N_ELEMENTS (separators)], &error);
  FUZZ_CHECK ((table == NULL) == (error != NULL));
  if (table == NULL)
    {
      FUZZ_CHECK (error->domain == ATELIER_CSV_ERROR);
      return 0;
    }

  FUZZ_CHECK (atelier_csv_table_get_n_rows (table) > 0);
  check_cells_round_trip (table);
  return 0;
}
