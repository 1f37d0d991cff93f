/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import.c: reading a customer file and guessing its columns
 *
 * The input is the file, as the import dialog and `import-customers`
 * read it before anything touches a store: its separator and encoding
 * detected, each header guessed, every cell of the preview read.
 */
#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "atelier-customer-import.h"
#include "fuzz-util.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(AtelierCustomerImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = fuzz_dup_text (data, size);
  guint n_columns;
  guint n_rows;

  /* The guesser alone, on any text, as a header. */
  if (g_utf8_validate (text, -1, NULL))
    {
      AtelierImportField field = atelier_import_field_guess (text);
      FUZZ_CHECK (atelier_import_field_to_string (field) != NULL);
    }

  import = atelier_customer_import_new (bytes, &error);
  FUZZ_CHECK ((import == NULL) == (error != NULL));
  if (import == NULL)
    return 0;

  n_columns = atelier_customer_import_get_n_columns (import);
  n_rows = atelier_customer_import_get_n_rows (import);
  for (guint column = 0; column < n_columns; column++)
    {
      AtelierImportField field = atelier_customer_import_get_field (import, column);

      FUZZ_CHECK (atelier_customer_import_get_header (import, column) != NULL);
      FUZZ_CHECK (atelier_import_field_to_string (field) != NULL);
      /* No two columns are guessed as the same field. */
      for (guint other = 0; other < column && field != ATELIER_IMPORT_FIELD_NONE; other++)
        FUZZ_CHECK (atelier_customer_import_get_field (import, other) != field);
      for (guint row = 0; row < MIN (n_rows, 20); row++)
        FUZZ_CHECK (g_utf8_validate (atelier_customer_import_get_value (import, row, column), -1, NULL));
    }
  return 0;
}
