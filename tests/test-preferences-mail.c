/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-preferences-mail.c: the texts of the mails in the preferences
 * window: the invite, update and cancellation templates, their preview,
 * the refusal of an unknown placeholder, and the reset */
#define G_LOG_DOMAIN "test-preferences-mail"

#include "config.h"

#include <adwaita.h>

#include "atelier-mail-template.h"
#include "atelier-preferences-window.h"
#include "atelier-settings.h"
#include "test-ui-util.h"
#include "test-util.h"

typedef struct
{
  TestStore                 store;
  AtelierPreferencesWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  test_store_setup (&fixture->store, data);
  g_assert_true (atelier_settings_write (fixture->store.store, ATELIER_SETTING_STORE_NAME, "Cuisine & Co", &error));
  g_assert_no_error (error);

  fixture->window = ATELIER_PREFERENCES_WINDOW (atelier_preferences_window_new (NULL, fixture->store.store));
  gtk_window_present (GTK_WINDOW (fixture->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  test_store_teardown (&fixture->store, data);
}

/* The one widget of @type titled @title (a preferences row). */
static GtkWidget *
row_titled (Fixture    *fixture,
            GType       type,
            const char *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *found = NULL;

  test_collect_widgets (GTK_WIDGET (fixture->window), type, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      {
        g_assert_null (found);
        found = rows->pdata[i];
      }
  g_assert_nonnull (found);
  return found;
}

static void
select_template (Fixture               *fixture,
                 AtelierMailTemplateId  id,
                 guint                  language)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (row_titled (fixture, ADW_TYPE_COMBO_ROW, "L_anguage")), language);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row_titled (fixture, ADW_TYPE_COMBO_ROW, "_Message")), id);
}

static const char *
subject_text (Fixture *fixture)
{
  return gtk_editable_get_text (GTK_EDITABLE (row_titled (fixture, ADW_TYPE_ENTRY_ROW, "Su_bject")));
}

static GtkTextBuffer *
body_buffer (Fixture *fixture)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (fixture->window), GTK_TYPE_TEXT_VIEW, views);
  g_assert_cmpuint (views->len, ==, 1);
  return gtk_text_view_get_buffer (views->pdata[0]);
}

/* A shown label whose text holds @part, or NULL. */
static GtkLabel *
label_containing (Fixture    *fixture,
                  const char *part)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect_widgets (GTK_WIDGET (fixture->window), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_visible (labels->pdata[i]) &&
        strstr (gtk_label_get_text (labels->pdata[i]), part) != NULL)
      return labels->pdata[i];
  return NULL;
}

static void
click (Fixture    *fixture,
       const char *label)
{
  g_signal_emit_by_name (test_find_button (GTK_WIDGET (fixture->window), label), "clicked");
}

static void
assert_stored (Fixture               *fixture,
               AtelierMailTemplateId  id,
               const char            *language,
               gboolean               expect_default,
               const char            *expected_body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  gboolean is_default = FALSE;

  g_assert_true (atelier_mail_template_load (fixture->store.store, id, language, &subject, &body,
                                             &is_default, &error));
  g_assert_no_error (error);
  g_assert_cmpint (is_default, ==, expect_default);
  if (expected_body != NULL)
    g_assert_cmpstr (body, ==, expected_body);
}

/* The update's text is there, with {changes} in its preview; a text
 * with an unknown placeholder is refused and not stored; a saved text
 * is kept until the reset. */
static void
test_update_template (Fixture       *fixture,
                      gconstpointer  data)
{
  select_template (fixture, ATELIER_MAIL_TEMPLATE_UPDATE, 0);
  g_assert_cmpstr (subject_text (fixture), ==, "Updated: {workshop}, {date}");
  g_assert_nonnull (label_containing (fixture, "The end time has changed: it now ends at 21:30 instead of 20:30."));

  gtk_text_buffer_set_text (body_buffer (fixture), "Hello {given_name}, {chnages}", -1);
  g_assert_nonnull (label_containing (fixture, "“{chnages}” is not a placeholder"));
  click (fixture, "_Save Text");
  assert_stored (fixture, ATELIER_MAIL_TEMPLATE_UPDATE, "en", TRUE, NULL);

  gtk_text_buffer_set_text (body_buffer (fixture), "Hello {given_name}.\n{changes}\n", -1);
  g_assert_null (label_containing (fixture, "is not a placeholder"));
  g_assert_nonnull (label_containing (fixture, "Hello Zoé.\nThe end time has changed"));
  click (fixture, "_Save Text");
  assert_stored (fixture, ATELIER_MAIL_TEMPLATE_UPDATE, "en", FALSE, "Hello {given_name}.\n{changes}\n");

  click (fixture, "_Reset to Default");
  assert_stored (fixture, ATELIER_MAIL_TEMPLATE_UPDATE, "en", TRUE, NULL);
  g_assert_cmpstr (subject_text (fixture), ==, "Updated: {workshop}, {date}");
}

/* Each invite text has its default in French too. */
static void
test_invite_templates_french (Fixture       *fixture,
                              gconstpointer  data)
{
  select_template (fixture, ATELIER_MAIL_TEMPLATE_INVITE, 1);
  g_assert_cmpstr (subject_text (fixture), ==, "Invitation\302\240: {workshop}, {date}");
  select_template (fixture, ATELIER_MAIL_TEMPLATE_CANCELLATION, 1);
  g_assert_cmpstr (subject_text (fixture), ==, "Annulation\302\240: {workshop}, {date}");
  select_template (fixture, ATELIER_MAIL_TEMPLATE_SESSION_CANCELLED, 1);
  g_assert_nonnull (label_containing (fixture, "Nous sommes désolés"));
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display for the preferences tests\n");
      return 0;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD_TEST ("/atelier/preferences-mail/update-template", test_update_template);
  ADD_TEST ("/atelier/preferences-mail/invite-templates-french", test_invite_templates_french);

#undef ADD_TEST

  return g_test_run ();
}
