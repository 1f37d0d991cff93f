/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c: the entry point of the Atelier application */
#define G_LOG_DOMAIN "atelier"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "atelier-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtelierApplication) app = NULL;
  /* The build tree's catalogues, to run uninstalled (build-aux/dev). */
  const char *localedir = g_getenv ("ATELIER_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Atelier"));

  app = atelier_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
