/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-print-document.c: pages laid out with Pango, drawn with cairo
 *
 * Layout uses no font hinting and 72 units per inch, so that a page breaks
 * at the same line on a printer's context and in a PDF file: text is
 * measured in points whatever the device.
 */
#define G_LOG_DOMAIN "atelier-print"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "atelier-print-document.h"

#define POINTS_PER_MM (72.0 / 25.4)

G_DEFINE_QUARK (atelier-print-error-quark, atelier_print_error)
G_DEFINE_INTERFACE (AtelierPrintDocument, atelier_print_document, G_TYPE_OBJECT)

static void
atelier_print_document_default_init (AtelierPrintDocumentInterface *iface)
{
}

/* Paper */

/**
 * atelier_print_paper_from_locale:
 *
 * Returns: US Letter where LC_PAPER says so (the United States, Canada…),
 *   A4 everywhere else
 */
AtelierPaper
atelier_print_paper_from_locale (void)
{
  /* glibc answers these two items with a number of millimetres. */
  int width = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);
  int height = (int) (intptr_t) nl_langinfo (_NL_PAPER_HEIGHT);

  if (width == 216 && height == 279)
    return ATELIER_PAPER_LETTER;
  return ATELIER_PAPER_A4;
}

/* "a4" or "letter", as the CLI's --paper takes it */
gboolean
atelier_print_paper_from_name (const char   *name,
                               AtelierPaper *paper)
{
  if (g_ascii_strcasecmp (name, "a4") == 0)
    *paper = ATELIER_PAPER_A4;
  else if (g_ascii_strcasecmp (name, "letter") == 0)
    *paper = ATELIER_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
atelier_print_setup_init (AtelierPrintSetup *setup,
                          AtelierPaper       paper)
{
  g_return_if_fail (setup != NULL);

  if (paper == ATELIER_PAPER_LETTER)
    {
      setup->width = 8.5 * 72;
      setup->height = 11 * 72;
    }
  else
    {
      setup->width = 210 * POINTS_PER_MM;
      setup->height = 297 * POINTS_PER_MM;
    }
  setup->margin = 15 * POINTS_PER_MM;
  setup->font_family = NULL;
}

/**
 * atelier_print_context_new:
 * @cr: the context pages will be drawn on
 *
 * Returns: (transfer full): a Pango context that measures text in points,
 *   unhinted, with @setup's font family
 */
PangoContext *
atelier_print_context_new (cairo_t                 *cr,
                           const AtelierPrintSetup *setup)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();
  PangoFontDescription *font = pango_font_description_new ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72);

  pango_font_description_set_family (font, setup->font_family != NULL ? setup->font_family : "Sans");
  pango_font_description_set_size (font, 10 * PANGO_SCALE);
  pango_context_set_font_description (context, font);

  pango_font_description_free (font);
  cairo_font_options_destroy (options);
  return context;
}

/* The interface */

guint
atelier_print_document_paginate (AtelierPrintDocument    *self,
                                 PangoContext            *context,
                                 const AtelierPrintSetup *setup)
{
  g_return_val_if_fail (ATELIER_IS_PRINT_DOCUMENT (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context) && setup != NULL, 0);

  return ATELIER_PRINT_DOCUMENT_GET_IFACE (self)->paginate (self, context, setup);
}

void
atelier_print_document_draw_page (AtelierPrintDocument    *self,
                                  cairo_t                 *cr,
                                  PangoContext            *context,
                                  const AtelierPrintSetup *setup,
                                  guint                    page_nr)
{
  g_return_if_fail (ATELIER_IS_PRINT_DOCUMENT (self));
  g_return_if_fail (cr != NULL && PANGO_IS_CONTEXT (context) && setup != NULL);

  cairo_save (cr);
  ATELIER_PRINT_DOCUMENT_GET_IFACE (self)->draw_page (self, cr, context, setup, page_nr);
  cairo_restore (cr);
}

/* Writing a PDF file */

typedef struct
{
  int fd;
  int error;  /* the first errno of a failed write, or 0 */
} PdfOutput;

static cairo_status_t
write_pdf_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  PdfOutput *output = closure;

  while (length > 0 && output->error == 0)
    {
      ssize_t written = write (output->fd, data, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          output->error = errno;
          break;
        }
      data += written;
      length -= written;
    }

  return output->error == 0 ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

static void
draw_pdf (AtelierPrintDocument    *self,
          cairo_surface_t         *surface,
          const AtelierPrintSetup *setup)
{
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = atelier_print_context_new (cr, setup);
  guint n_pages = atelier_print_document_paginate (self, context, setup);

  for (guint page = 0; page < n_pages; page++)
    {
      atelier_print_document_draw_page (self, cr, context, setup, page);
      cairo_show_page (cr);
    }

  g_object_unref (context);
  cairo_destroy (cr);
}

static gboolean
fail_write (const char  *path,
            int          saved_errno,
            GError     **error)
{
  g_set_error (error, ATELIER_PRINT_ERROR, ATELIER_PRINT_ERROR_WRITE,
               /* TRANSLATORS: a PDF file that could not be written, and why */
               _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * atelier_print_document_write_pdf:
 *
 * Writes every page of @self to the PDF file @path, through a temporary
 * file renamed at the end: a failure leaves no half-written file, and an
 * existing file stays as it was.
 */
gboolean
atelier_print_document_write_pdf (AtelierPrintDocument    *self,
                                  const char              *path,
                                  const AtelierPrintSetup *setup,
                                  GError                 **error)
{
  g_autofree char *temporary = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  PdfOutput output = { -1, 0 };

  g_return_val_if_fail (ATELIER_IS_PRINT_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL && setup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  temporary = g_strdup_printf ("%s.XXXXXX", path);
  output.fd = g_mkstemp_full (temporary, O_WRONLY | O_CLOEXEC, 0644);
  if (output.fd < 0)
    return fail_write (path, errno, error);

  surface = cairo_pdf_surface_create_for_stream (write_pdf_cb, &output, setup->width, setup->height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Atelier");
  draw_pdf (self, surface, setup);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (output.error == 0 && status != CAIRO_STATUS_SUCCESS)
    output.error = EIO;
  if (output.error == 0 && fsync (output.fd) != 0)
    output.error = errno;
  if (close (output.fd) != 0 && output.error == 0)
    output.error = errno;
  if (output.error == 0 && g_rename (temporary, path) != 0)
    output.error = errno;

  if (output.error != 0)
    {
      g_unlink (temporary);
      return fail_write (path, output.error, error);
    }

  return TRUE;
}

/* Helpers for the documents */

/**
 * atelier_print_layout_new:
 * @size: in points
 * @width: where lines wrap, in points; negative for nowhere
 * @max_lines: lines shown at most, the last one ellipsized; 0 for all
 *
 * Returns: (transfer full): @text laid out in the context's font family.
 *   Its alignment is the start of its own direction: a Hebrew or Arabic
 *   name starts at the right of its cell.
 */
PangoLayout *
atelier_print_layout_new (PangoContext *context,
                          const char   *text,
                          double        size,
                          PangoWeight   weight,
                          double        width,
                          int           max_lines)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_width (layout, width < 0 ? -1 : (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  return layout;
}

double
atelier_print_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

void
atelier_print_show_layout (cairo_t     *cr,
                           PangoLayout *layout,
                           double       x,
                           double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

