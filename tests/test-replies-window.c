/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-replies-window.c: the Replies window, and what customers answered
 * marked on the session page's roster and the check-in card */
#define G_LOG_DOMAIN "test-replies-window"

#include "config.h"

#include <adwaita.h>

#include "atelier-checkin-row.h"
#include "atelier-replies-window.h"
#include "atelier-roster-row.h"
#include "atelier-session-page.h"
#include "test-replies-util.h"
#include "test-ui-util.h"

typedef struct
{
  IcalFixture  ical;
  gint64       session_id;
  char        *uid;
  gint64       zoe;
  gint64       paul;
  gint64       lea;
  guint        n_uids;
  GtkWindow   *window;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  ical_fixture_setup (&f->ical, data);
  f->session_id = ical_session_in_days (&f->ical, 10, 3);
  f->zoe = ical_sign_up (&f->ical, f->session_id, "Zoé", "Martin", "zoe.martin@example.net", 2, NULL);
  f->paul = ical_sign_up (&f->ical, f->session_id, "Paul", "Durand", "paul@example.net", 1, NULL);
  f->lea = ical_sign_up (&f->ical, f->session_id, "Léa", "Petit", "lea@example.net", 2, NULL);
  replies_mark_invites_sent (f->ical.base.store, f->session_id);
  f->uid = replies_session_uid (f->ical.base.store, f->session_id);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_free (f->uid);
  ical_fixture_teardown (&f->ical, data);
}

static void
apply (Fixture    *f,
       ReplyShape  shape,
       ReplySpec  *spec)
{
  g_autoptr(GBytes) message = reply_message (shape, spec);
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierReply) reply = atelier_replies_apply_message (f->ical.base.store, "INBOX", 1, ++f->n_uids,
                                                                 message, FALSE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reply);
}

static void
settle (GtkWidget *widget)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_test_widget_wait_for_draw (widget);
}

static GPtrArray *
rows_of (GtkWidget *root)
{
  GPtrArray *rows = g_ptr_array_new ();

  test_collect_widgets (root, ADW_TYPE_ACTION_ROW, rows);
  return rows;
}

static AdwActionRow *
row_titled (GtkWidget  *root,
            const char *title)
{
  g_autoptr(GPtrArray) rows = rows_of (root);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  g_error ("No row titled %s", title);
  return NULL;
}

/* Applied and set-aside replies are listed, the newest first, with the
 * reason; the original message opens; a new reply shows at once. */
static void
test_window_lists (Fixture       *f,
                   gconstpointer  data)
{
  ReplySpec decline = { f->uid, 0, "DECLINED", "zoe.martin@example.net" };
  ReplySpec forged = { f->uid, 0, "DECLINED", "mallory@example.org", NULL, NULL, "paul@example.net" };
  ReplySpec yes = { f->uid, 0, "ACCEPTED", "PAUL@example.net" };
  GtkWidget *window;
  AdwActionRow *row;
  GtkWidget *message_window;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  apply (f, SHAPE_GMAIL, &decline);
  apply (f, SHAPE_OUTLOOK, &forged);

  window = atelier_replies_window_new (NULL, f->ical.base.store);
  gtk_window_present (GTK_WINDOW (window));
  settle (window);

  rows = rows_of (window);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "mallory@example.org, declined");
  g_assert_cmpstr (adw_action_row_get_subtitle (rows->pdata[0]), ==,
                   "Risotto aux cèpes · The address that answers is not that of any registration of this session.");
  row = row_titled (window, "Zoé Martin, declined");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Risotto aux cèpes · Applied");

  /* The original message, as it came. */
  test_collect_widgets (GTK_WIDGET (row), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_signal_emit_by_name (buttons->pdata[0], "clicked");
  settle (window);
  {
    GList *toplevels = gtk_window_list_toplevels ();

    message_window = NULL;
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (l->data != window && gtk_widget_get_visible (l->data))
        message_window = l->data;
    g_list_free (toplevels);
  }
  g_assert_nonnull (message_window);
  {
    g_autoptr(GPtrArray) views = g_ptr_array_new ();

    test_collect_widgets (message_window, GTK_TYPE_TEXT_VIEW, views);
    g_assert_cmpuint (views->len, ==, 1);
    buffer = gtk_text_view_get_buffer (views->pdata[0]);
  }
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "PARTSTAT=DECLINED"));
  g_assert_nonnull (strstr (text, "Content-Type: multipart/mixed"));

  /* A reply applied elsewhere shows without reopening. */
  apply (f, SHAPE_APPLE, &yes);
  settle (window);
  g_ptr_array_unref (g_steal_pointer (&rows));
  rows = rows_of (window);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Paul Durand, accepted");
}

static AtelierRosterRow *
roster_row_of (GtkWidget  *root,
               const char *name)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  test_collect_widgets (root, ATELIER_TYPE_ROSTER_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      AtelierRegistration *r = atelier_roster_row_get_registration (rows->pdata[i]);

      if (r != NULL && g_strcmp0 (atelier_registration_get_customer_name (r), name) == 0)
        return rows->pdata[i];
    }
  g_error ("No roster row for %s", name);
  return NULL;
}

/* The roster says who answered what, in small, beside the rest. */
static void
test_roster_marks (Fixture       *f,
                   gconstpointer  data)
{
  ReplySpec maybe = { f->uid, 0, "TENTATIVE", "zoe.martin@example.net" };
  ReplySpec yes = { f->uid, 0, "ACCEPTED", "paul@example.net" };
  ReplySpec forged = { f->uid, 0, "ACCEPTED", "mallory@example.org" };
  AtelierRosterRow *zoe;
  AtelierRosterRow *paul;
  AtelierRosterRow *lea;

  apply (f, SHAPE_THUNDERBIRD, &maybe);
  apply (f, SHAPE_OUTLOOK, &forged);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 720, 1000);
  gtk_window_set_child (f->window, atelier_session_page_new (f->ical.base.store, f->session_id));
  gtk_window_present (f->window);
  settle (GTK_WIDGET (f->window));

  zoe = roster_row_of (GTK_WIDGET (f->window), "Zoé Martin");
  paul = roster_row_of (GTK_WIDGET (f->window), "Paul Durand");
  lea = roster_row_of (GTK_WIDGET (f->window), "Léa Petit");
  g_assert_cmpstr (atelier_roster_row_get_answer (zoe), ==, "Said maybe on 7 December");
  g_assert_nonnull (test_find_label (GTK_WIDGET (zoe), "Said maybe on 7 December"));
  g_assert_null (atelier_roster_row_get_answer (paul));
  g_assert_null (atelier_roster_row_get_answer (lea));

  /* Paul answers while the page shows. */
  apply (f, SHAPE_GMAIL, &yes);
  settle (GTK_WIDGET (f->window));
  paul = roster_row_of (GTK_WIDGET (f->window), "Paul Durand");
  g_assert_cmpstr (atelier_roster_row_get_answer (paul), ==, "Said yes on 7 December");
  g_assert_nonnull (test_find_label (GTK_WIDGET (paul), "Said yes on 7 December"));
}

/* The check-in card says it too, for a confirmed party not yet here. */
static void
test_checkin_card (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtelierRegistration) registration = atelier_store_get_registration (f->ical.base.store, f->zoe, &error);
  GtkWidget *row = atelier_checkin_row_new ();
  GtkWidget *window = gtk_window_new ();

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), row);
  atelier_checkin_row_set_person (ATELIER_CHECKIN_ROW (row), registration, NULL);
  atelier_checkin_row_set_answer (ATELIER_CHECKIN_ROW (row), "Said yes on 3 May");
  gtk_window_present (GTK_WINDOW (window));
  settle (window);
  g_assert_nonnull (test_find_label (row, "Said yes on 3 May"));
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      for (int i = 1; i < argc; i++)
        if (g_strcmp0 (argv[i], "--tap") == 0)
          {
            g_print ("1..0 # SKIP no display for the replies window tests\n");
            return 0;
          }
      g_printerr ("No display: skipping the replies window tests\n");
      return 77;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/atelier/replies-window/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("lists", test_window_lists);
  ADD ("roster-marks", test_roster_marks);
  ADD ("checkin-card", test_checkin_card);

  return g_test_run ();
}
