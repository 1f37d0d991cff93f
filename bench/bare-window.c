/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bare-window.c: the baseline of the start-up benchmark
 *
 * The least a libadwaita application shows: an AdwApplication with one
 * AdwApplicationWindow of Atelier's default size, holding a header bar and
 * an empty status page. With ATELIER_EXIT_AFTER_FIRST_FRAME set it does
 * what Atelier then does: prints the monotonic time of its first drawn
 * frame and exits at once. See bench/README.md.
 */
#include "config.h"

#include <unistd.h>

#include <adwaita.h>

static void
on_first_frame_painted_cb (GdkFrameClock *frame_clock,
                           gpointer       user_data)
{
  g_print ("ATELIER_FIRST_FRAME_US=%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  _exit (0);
}

static void
on_activate_cb (GtkApplication *app,
                gpointer        user_data)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header_bar = adw_header_bar_new ();
  GtkWidget *status = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (window), "Bare Window");
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 680);
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Bare Window");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), header_bar);
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  gtk_window_present (GTK_WINDOW (window));

  if (g_getenv ("ATELIER_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect (gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window))),
                      "after-paint", G_CALLBACK (on_first_frame_painted_cb), NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  /* A unique application on the session bus, like Atelier. */
  app = adw_application_new ("io.github.ateliers.Atelier.BenchBareWindow",
                             G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
