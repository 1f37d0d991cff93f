/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-util.h: what the widget tests share: walking the widget tree
 * and waiting for the main loop */
#pragma once

#include <gtk/gtk.h>

/* Adds @widget and every descendant of type @type to @found, in tree order. */
static inline void
test_collect_widgets (GtkWidget *widget,
                      GType      type,
                      GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    test_collect_widgets (child, type, found);
}

/* The button under @root labelled @label; the test fails without one. */
static inline GtkWidget *
test_find_button (GtkWidget  *root,
                  const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  test_collect_widgets (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (buttons->pdata[i]), label) == 0)
      return buttons->pdata[i];
  g_error ("No button labelled %s", label);
  return NULL;
}

/* The first label under @root showing @text, or NULL */
static inline GtkLabel *
test_find_label (GtkWidget  *root,
                 const char *text)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (labels->pdata[i]), text) == 0)
      return labels->pdata[i];
  return NULL;
}

/* The first label under @root with @css_class that is shown (it and
 * every ancestor visible), or NULL */
static inline GtkLabel *
test_find_label_with_class (GtkWidget  *root,
                            const char *css_class)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect_widgets (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], css_class) && gtk_widget_is_visible (labels->pdata[i]))
      return labels->pdata[i];
  return NULL;
}

typedef gboolean (*TestCondition) (gpointer fixture, gconstpointer data);

static inline gboolean
test_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds, failing after @seconds. */
static inline void
test_wait_until (TestCondition  condition,
                 gpointer       fixture,
                 gconstpointer  data,
                 guint          seconds)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (seconds, test_timeout_cb, &timed_out);

  while (!condition (fixture, data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);

  g_assert_true (condition (fixture, data));
}
