/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-print-operation.c: a printed document through GTK's print dialog
 *
 * The dialog offers the printers and "Print to File" (PDF); its page setup
 * decides the paper, the locale's by default. The pages are the ones the
 * CLI writes to PDF: the operation's context works in points from the
 * paper's corner, as atelier_print_document_write_pdf() does.
 */
#define G_LOG_DOMAIN "atelier-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "atelier-print-operation.h"

typedef struct
{
  AtelierPrintDocument *document;
  PangoContext         *pango;
  AtelierPrintSetup     setup;
} PrintJob;

/* The dialog's last choices (printer, copies…), for the next print */
static GtkPrintSettings *last_settings;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->document);
  g_clear_object (&job->pango);
  g_free (job);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  guint n_pages;

  atelier_print_setup_init (&job->setup, atelier_print_paper_from_locale ());
  job->setup.width = gtk_print_context_get_width (context);
  job->setup.height = gtk_print_context_get_height (context);

  g_clear_object (&job->pango);
  job->pango = atelier_print_context_new (cr, &job->setup);
  n_pages = atelier_print_document_paginate (job->document, job->pango, &job->setup);
  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  pango_cairo_update_context (cr, job->pango);
  atelier_print_document_draw_page (job->document, cr, job->pango, &job->setup, page_nr);
}

static GtkPageSetup *
new_locale_page_setup (void)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  GtkPaperSize *paper = gtk_paper_size_new (atelier_print_paper_from_locale () == ATELIER_PAPER_LETTER
                                              ? GTK_PAPER_NAME_LETTER
                                              : GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_paper_size_free (paper);
  return page_setup;
}

/**
 * atelier_print_operation_new:
 * @job_name: the name printers show in their queue
 *
 * Returns: (transfer full): an operation that prints @document on the
 *   paper its page setup says, in points from the paper's corner
 */
GtkPrintOperation *
atelier_print_operation_new (AtelierPrintDocument *document,
                             const char           *job_name)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = new_locale_page_setup ();
  PrintJob *job = g_new0 (PrintJob, 1);

  g_return_val_if_fail (ATELIER_IS_PRINT_DOCUMENT (document), NULL);

  job->document = g_object_ref (document);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);

  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "atelier-print-job", job,
                          (GDestroyNotify) print_job_free);

  return operation;
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  /* TRANSLATORS: the heading of a message when printing failed */
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Print"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_done_cb (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            GtkWindow               *parent)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_error (parent, error != NULL ? error->message : "");
    }
}

static void
on_done_release_cb (GtkPrintOperation       *operation,
                    GtkPrintOperationResult  result,
                    gpointer                 user_data)
{
  g_object_unref (operation);
}

/* Opens the print dialog over @parent; the printing goes on without
 * blocking the window, and a failure is said in a dialog. */
void
atelier_print_operation_run_dialog (GtkPrintOperation *operation,
                                    GtkWindow         *parent)
{
  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));

  gtk_print_operation_set_allow_async (operation, TRUE);
  /* "done" also comes when the dialog could not even open. */
  g_signal_connect_object (operation, "done", G_CALLBACK (on_done_cb), parent, 0);
  /* Kept until then: the printing may go on after this returns. */
  g_signal_connect (g_object_ref (operation), "done", G_CALLBACK (on_done_release_cb), NULL);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}
