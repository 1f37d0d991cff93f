/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-cli-table.c: columns of text aligned for a terminal
 *
 * Cells are added one by one, row after row. Columns are as wide as
 * their widest cell as a terminal shows it: a wide (CJK) character takes
 * two columns, a combining or zero-width one none.
 */
#define G_LOG_DOMAIN "atelier-cli"

#include "config.h"

#include "atelier-cli-table.h"

#define COLUMN_GAP 2

struct _AtelierCliTable
{
  guint      n_columns;
  GPtrArray *cells;         /* char *, row after row, headers first */
  gboolean  *align_right;   /* per column */
};

/**
 * atelier_cli_table_new:
 * @first_header: the first column's header, already translated
 * @...: the other headers, then %NULL
 */
AtelierCliTable *
atelier_cli_table_new (const char *first_header,
                       ...)
{
  AtelierCliTable *self = g_new0 (AtelierCliTable, 1);
  const char *header = first_header;
  va_list args;

  self->cells = g_ptr_array_new_with_free_func (g_free);

  va_start (args, first_header);
  for (; header != NULL; header = va_arg (args, const char *))
    {
      atelier_cli_table_add (self, header);
      self->n_columns++;
    }
  va_end (args);

  g_assert (self->n_columns > 0);
  self->align_right = g_new0 (gboolean, self->n_columns);

  return self;
}

void
atelier_cli_table_free (AtelierCliTable *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->cells);
  g_free (self->align_right);
  g_free (self);
}

/* For numbers */
void
atelier_cli_table_align_right (AtelierCliTable *self,
                               guint            column)
{
  g_return_if_fail (column < self->n_columns);

  self->align_right[column] = TRUE;
}

/* A cell is one line: line breaks and tabs become spaces. */
void
atelier_cli_table_take (AtelierCliTable *self,
                        char            *text)
{
  if (text == NULL)
    text = g_strdup ("");
  else if (!g_utf8_validate (text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);
      g_free (text);
      text = valid;
    }

  for (char *p = text; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  g_ptr_array_add (self->cells, text);
}

void
atelier_cli_table_add (AtelierCliTable *self,
                       const char      *text)
{
  atelier_cli_table_take (self, g_strdup (text));
}

void
atelier_cli_table_add_printf (AtelierCliTable *self,
                              const char      *format,
                              ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  atelier_cli_table_take (self, text);
}

/* Rows below the headers, counting a row being filled */
guint
atelier_cli_table_get_n_rows (AtelierCliTable *self)
{
  return (self->cells->len + self->n_columns - 1) / self->n_columns - 1;
}

static guint
char_width (gunichar c)
{
  if (g_unichar_iszerowidth (c) || g_unichar_iscntrl (c))
    return 0;
  if (g_unichar_iswide (c))
    return 2;
  return 1;
}

/* How many terminal columns @text takes */
gsize
atelier_cli_display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (g_utf8_get_char (p));

  return width;
}

static gsize *
measure_columns (AtelierCliTable *self)
{
  gsize *widths = g_new0 (gsize, self->n_columns);

  for (guint i = 0; i < self->cells->len; i++)
    {
      gsize width = atelier_cli_display_width (self->cells->pdata[i]);
      guint column = i % self->n_columns;

      widths[column] = MAX (widths[column], width);
    }

  return widths;
}

static void
append_spaces (GString *out,
               gsize    n)
{
  for (gsize i = 0; i < n; i++)
    g_string_append_c (out, ' ');
}

/* One cell, padded to @width; the last cell of a line gets no trailing
 * spaces. */
static void
append_cell (GString    *out,
             const char *text,
             gsize       width,
             gboolean    align_right,
             gboolean    last)
{
  gsize padding = width - atelier_cli_display_width (text);

  if (align_right)
    append_spaces (out, padding);
  g_string_append (out, text);
  if (!last)
    append_spaces (out, (align_right ? 0 : padding) + COLUMN_GAP);
}

/* An empty last cell leaves spaces behind: no line ends with one. */
static void
end_line (GString *out)
{
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  g_string_append_c (out, '\n');
}

/**
 * atelier_cli_table_to_string:
 *
 * Returns: (transfer full): the headers and the rows, each line ending
 *   with a line feed
 */
char *
atelier_cli_table_to_string (AtelierCliTable *self)
{
  g_autofree gsize *widths = measure_columns (self);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->cells->len; i++)
    {
      guint column = i % self->n_columns;
      gboolean last = column == self->n_columns - 1 || i == self->cells->len - 1;

      append_cell (out, self->cells->pdata[i], widths[column],
                   self->align_right[column], last);
      if (last)
        end_line (out);
    }

  return g_string_free (out, FALSE);
}

/* On standard output, in the terminal's character set */
void
atelier_cli_table_print (AtelierCliTable *self)
{
  g_autofree char *text = atelier_cli_table_to_string (self);

  g_print ("%s", text);
}
