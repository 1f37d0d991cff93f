/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-print-document.h: pages laid out with Pango, drawn with cairo
 *
 * A document (a roster, the week's poster, later a report) is laid out
 * for a page setup, then draws any of its pages onto a cairo context
 * whose unit is the point and whose origin is the paper's top-left
 * corner. The window's print operation and the PDF writer below draw the
 * same pages. No GTK here: the CLI writes PDF files with it.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

G_BEGIN_DECLS

#define ATELIER_PRINT_ERROR (atelier_print_error_quark ())

typedef enum
{
  ATELIER_PRINT_ERROR_WRITE,      /* the PDF file could not be written */
  ATELIER_PRINT_ERROR_NOT_FOUND,  /* nothing to print: no such session */
} AtelierPrintError;

typedef enum
{
  ATELIER_PAPER_A4,
  ATELIER_PAPER_LETTER,
} AtelierPaper;

/* The paper and its margins, in points (1/72 inch), and the font family
 * of the text (%NULL for "Sans"; tests pin one to compare images). */
typedef struct
{
  double      width;
  double      height;
  double      margin;
  const char *font_family;
} AtelierPrintSetup;

#define ATELIER_TYPE_PRINT_DOCUMENT (atelier_print_document_get_type ())
G_DECLARE_INTERFACE (AtelierPrintDocument, atelier_print_document, ATELIER, PRINT_DOCUMENT, GObject)

struct _AtelierPrintDocumentInterface
{
  GTypeInterface parent_iface;

  /* Lays the document out for @setup; returns its number of pages (≥ 1) */
  guint (*paginate)  (AtelierPrintDocument    *self,
                      PangoContext            *context,
                      const AtelierPrintSetup *setup);
  /* Draws page @page_nr (from 0) as the last paginate() laid it out */
  void  (*draw_page) (AtelierPrintDocument    *self,
                      cairo_t                 *cr,
                      PangoContext            *context,
                      const AtelierPrintSetup *setup,
                      guint                    page_nr);
};

GQuark        atelier_print_error_quark         (void);

AtelierPaper  atelier_print_paper_from_locale   (void);
gboolean      atelier_print_paper_from_name     (const char              *name,
                                                 AtelierPaper            *paper);
void          atelier_print_setup_init          (AtelierPrintSetup       *setup,
                                                 AtelierPaper             paper);

PangoContext *atelier_print_context_new         (cairo_t                 *cr,
                                                 const AtelierPrintSetup *setup);

guint         atelier_print_document_paginate   (AtelierPrintDocument    *self,
                                                 PangoContext            *context,
                                                 const AtelierPrintSetup *setup);
void          atelier_print_document_draw_page  (AtelierPrintDocument    *self,
                                                 cairo_t                 *cr,
                                                 PangoContext            *context,
                                                 const AtelierPrintSetup *setup,
                                                 guint                    page_nr);
gboolean      atelier_print_document_write_pdf  (AtelierPrintDocument    *self,
                                                 const char              *path,
                                                 const AtelierPrintSetup *setup,
                                                 GError                 **error);

/* Helpers for the documents */
PangoLayout  *atelier_print_layout_new          (PangoContext            *context,
                                                 const char              *text,
                                                 double                   size,
                                                 PangoWeight              weight,
                                                 double                   width,
                                                 int                      max_lines);
double        atelier_print_layout_height       (PangoLayout             *layout);
void          atelier_print_show_layout         (cairo_t                 *cr,
                                                 PangoLayout             *layout,
                                                 double                   x,
                                                 double                   y);

G_END_DECLS
