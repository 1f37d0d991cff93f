/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-list-rows.c: the rows of the main window's lists and of the import
 * and invite-next dialogs, each built alone, bound to an object, showing
 * its texts */
#define G_LOG_DOMAIN "test-list-rows"

#include "config.h"

#include <adwaita.h>

#include "atelier-customer-book-row.h"
#include "atelier-format.h"
#include "atelier-import-report-row.h"
#include "atelier-invite-next-row.h"
#include "atelier-schedule-item.h"
#include "atelier-session-row.h"
#include "atelier-workshop-card.h"
#include "test-session-util.h"
#include "test-ui-util.h"

typedef struct
{
  TestStore  store;
  GtkWidget *row;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  test_store_setup (&fixture->store, data);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->row);
  test_store_teardown (&fixture->store, data);
}

/* Whether @row has a label showing @text, itself and its ancestors visible */
static gboolean
shows_text (GtkWidget  *row,
            const char *text)
{
  GtkLabel *label = test_find_label (row, text);

  return label != NULL && gtk_widget_is_visible (GTK_WIDGET (label));
}

static GtkLabel *
label_with_class (GtkWidget  *row,
                  const char *css_class)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  test_collect_widgets (row, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (labels->pdata[i], css_class))
      return labels->pdata[i];
  g_error ("No label with class %s", css_class);
  return NULL;
}

static GtkWidget *
first_widget (GtkWidget *row,
              GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  test_collect_widgets (row, type, found);
  g_assert_cmpuint (found->len, >=, 1);
  return found->pdata[0];
}

/* Workshop card */

static void
test_workshop_card (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto");
  g_autoptr(AtelierWorkshop) bare = atelier_workshop_new ("Bread");
  g_autofree char *duration = NULL;
  g_autofree char *details = NULL;
  GtkWidget *button;
  GVariant *target;

  g_object_set (workshop, "host", "Chef Anne", "duration-minutes", 90, "capacity", 10,
                "price-cents", (gint64) 4500, "category", "cuisine", NULL);
  g_assert_true (atelier_store_add_workshop (fixture->store.store, workshop, NULL));
  g_object_set (bare, "duration-minutes", 60, "capacity", 1, NULL);

  fixture->row = g_object_ref_sink (atelier_workshop_card_new ());
  g_object_set (fixture->row, "workshop", workshop, NULL);
  g_assert_true (atelier_workshop_card_get_workshop (ATELIER_WORKSHOP_CARD (fixture->row)) == workshop);

  duration = atelier_format_duration (90);
  details = g_strdup_printf ("Chef Anne · %s · 10 seats", duration);
  g_assert_true (shows_text (fixture->row, "Risotto"));
  g_assert_true (shows_text (fixture->row, details));
  g_assert_true (shows_text (fixture->row, "cuisine"));
  g_assert_true (gtk_widget_has_css_class (fixture->row, "workshop-card"));

  /* The price in the store's currency, as the interface writes money */
  atelier_workshop_card_set_currency (ATELIER_WORKSHOP_CARD (fixture->row), "EUR");
  g_assert_true (shows_text (fixture->row, "€45.00"));
  atelier_workshop_card_set_currency (ATELIER_WORKSHOP_CARD (fixture->row), "JPY");
  g_assert_true (shows_text (fixture->row, "¥4,500"));

  /* The calendar button plans a session of this very workshop. */
  button = first_widget (fixture->row, GTK_TYPE_BUTTON);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.new-workshop-session");
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_cmpint (g_variant_get_int64 (target), ==, atelier_workshop_get_id (workshop));

  /* Recycled for a workshop with no host nor category. */
  atelier_workshop_card_set_workshop (ATELIER_WORKSHOP_CARD (fixture->row), bare);
  g_clear_pointer (&duration, g_free);
  g_clear_pointer (&details, g_free);
  duration = atelier_format_duration (60);
  details = g_strdup_printf ("%s · 1 seat", duration);
  g_assert_true (shows_text (fixture->row, "Bread"));
  g_assert_true (shows_text (fixture->row, details));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label_with_class (fixture->row, "category"))));
}

/* Customer book row */

static void
test_customer_book_row (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AtelierCustomer) zoe = atelier_customer_new ("Zoé", "Martin");
  g_autoptr(AtelierCustomer) hugo = atelier_customer_new ("Hugo", "Petit");
  AdwAvatar *avatar;

  g_object_set (zoe, "email", "zoe@example.org", "phone", "06 12 34 56 78", NULL);

  fixture->row = g_object_ref_sink (atelier_customer_book_row_new ());
  g_object_set (fixture->row, "customer", zoe, NULL);
  g_assert_true (atelier_customer_book_row_get_customer (ATELIER_CUSTOMER_BOOK_ROW (fixture->row)) == zoe);
  g_assert_true (shows_text (fixture->row, "Zoé Martin"));
  g_assert_true (shows_text (fixture->row, "zoe@example.org · 06 12 34 56 78"));
  avatar = ADW_AVATAR (first_widget (fixture->row, ADW_TYPE_AVATAR));
  g_assert_cmpstr (adw_avatar_get_text (avatar), ==, "Zoé Martin");

  atelier_customer_book_row_set_customer (ATELIER_CUSTOMER_BOOK_ROW (fixture->row), hugo);
  g_assert_true (shows_text (fixture->row, "Hugo Petit"));
  g_assert_true (shows_text (fixture->row, "No e-mail or phone"));
  g_assert_cmpstr (adw_avatar_get_text (avatar), ==, "Hugo Petit");
}

/* Invite-next row */

static void
test_invite_next_row (Fixture       *fixture,
                      gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new ("Risotto");
  g_autoptr(AtelierCustomer) zoe = atelier_customer_new ("Zoé", "Test");
  g_autoptr(GListModel) candidates = NULL;
  g_autoptr(AtelierInviteCandidate) candidate = NULL;
  g_autoptr(GError) error = NULL;
  gint64 session_id;

  g_object_set (workshop, "capacity", 10, "category", "cuisine", NULL);
  g_assert_true (atelier_store_add_workshop (store, workshop, NULL));
  session_id = test_add_session (store, atelier_workshop_get_id (workshop), 48, 10, "Europe/Paris");
  g_object_set (zoe, "email", "zoe@example.org", "interests", "cuisine", "consent", TRUE, NULL);
  g_assert_true (atelier_store_add_customer (store, zoe, NULL));

  candidates = atelier_invite_next_list (store, session_id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (candidates), ==, 1);
  candidate = g_list_model_get_item (candidates, 0);

  fixture->row = g_object_ref_sink (atelier_invite_next_row_new ());
  atelier_invite_next_row_set_candidate (ATELIER_INVITE_NEXT_ROW (fixture->row), candidate,
                                         "cuisine", "Europe/Paris");
  g_assert_true (atelier_invite_next_row_get_candidate (ATELIER_INVITE_NEXT_ROW (fixture->row)) == candidate);
  g_assert_true (shows_text (fixture->row, "Zoé Test"));
  g_assert_true (shows_text (fixture->row, "Interested in cuisine"));
  g_assert_true (shows_text (fixture->row, "0 classes attended · never contacted"));
  g_assert_cmpstr (adw_avatar_get_text (ADW_AVATAR (first_widget (fixture->row, ADW_TYPE_AVATAR))),
                   ==, "Zoé Test");
}

/* Import report row */

static void
test_import_report_row (Fixture       *fixture,
                        gconstpointer  data)
{
  AtelierImportEntry created = { 5, ATELIER_IMPORT_CREATED, 0, (char *) "Carla Dumas", NULL };
  AtelierImportEntry rejected = { 7, ATELIER_IMPORT_REJECTED, 0, NULL, (char *) "No name nor e-mail" };
  AtelierImportReportRow *row;
  GtkLabel *outcome;

  fixture->row = g_object_ref_sink (atelier_import_report_row_new ());
  row = ATELIER_IMPORT_REPORT_ROW (fixture->row);

  atelier_import_report_row_set_entry (row, &created, TRUE);
  g_assert_true (shows_text (fixture->row, "Line 5 · Carla Dumas"));
  g_assert_true (shows_text (fixture->row, "New customer"));
  outcome = test_find_label (fixture->row, "New customer");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (outcome), "dim-label"));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (first_widget (fixture->row, GTK_TYPE_IMAGE))),
                   ==, "list-add-symbolic");

  atelier_import_report_row_set_entry (row, &created, FALSE);
  g_assert_true (shows_text (fixture->row, "Created"));

  /* Recycled for a rejected row: the reason, as an error. */
  atelier_import_report_row_set_entry (row, &rejected, TRUE);
  g_assert_true (shows_text (fixture->row, "Line 7 · (no name)"));
  outcome = test_find_label (fixture->row, "No name nor e-mail");
  g_assert_nonnull (outcome);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (outcome), "error"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (outcome), "dim-label"));
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (first_widget (fixture->row, GTK_TYPE_IMAGE))),
                   ==, "dialog-error-symbolic");
}

/* Schedule item */

static void
test_schedule_item (Fixture       *fixture,
                    gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 workshop_id = test_add_workshop (store, "Risotto", "Chef Anne");
  g_autoptr(AtelierSession) upcoming = test_get_session (store, test_add_session (store, workshop_id, 48, 10,
                                                                                  "Europe/Paris"));
  g_autoptr(AtelierSession) past = test_get_session (store, test_add_session (store, workshop_id, -48, 10,
                                                                              "Europe/Paris"));
  AtelierScheduleItem *item;
  GtkWidget *session_row;
  GtkLabel *day;

  fixture->row = g_object_ref_sink (atelier_schedule_item_new ());
  item = ATELIER_SCHEDULE_ITEM (fixture->row);
  session_row = first_widget (fixture->row, ATELIER_TYPE_SESSION_ROW);

  g_object_set (fixture->row, "session", upcoming, NULL);
  g_assert_true (atelier_schedule_item_get_session (item) == upcoming);
  g_assert_true (atelier_session_row_get_session (ATELIER_SESSION_ROW (session_row)) == upcoming);
  g_assert_true (shows_text (fixture->row, "Risotto"));
  g_assert_false (gtk_widget_has_css_class (session_row, "past"));
  g_assert_false (gtk_widget_has_css_class (session_row, "cancelled"));
  g_assert_false (shows_text (fixture->row, "Cancelled"));

  /* The day's header, on the first session of a day only. */
  day = label_with_class (fixture->row, "day-header");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (day)));
  atelier_schedule_item_set_day (item, "Tomorrow");
  g_assert_true (shows_text (fixture->row, "Tomorrow"));
  atelier_schedule_item_set_day (item, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (day)));

  /* Recycled for a session that has ended: dimmed. */
  atelier_schedule_item_set_session (item, past);
  g_assert_true (gtk_widget_has_css_class (session_row, "past"));

  atelier_schedule_item_set_session (item, NULL);
  g_assert_null (atelier_schedule_item_get_session (item));
}

static void
test_schedule_item_cancelled (Fixture       *fixture,
                              gconstpointer  data)
{
  AtelierStore *store = fixture->store.store;
  gint64 workshop_id = test_add_workshop (store, "Risotto", "Chef Anne");
  g_autoptr(AtelierSession) upcoming = test_get_session (store, test_add_session (store, workshop_id, 48, 10,
                                                                                  "Europe/Paris"));
  GtkWidget *session_row;

  g_object_set (upcoming, "status", ATELIER_SESSION_CANCELLED, NULL);
  g_assert_true (atelier_session_is_cancelled (upcoming));

  fixture->row = g_object_ref_sink (atelier_schedule_item_new ());
  session_row = first_widget (fixture->row, ATELIER_TYPE_SESSION_ROW);
  atelier_schedule_item_set_session (ATELIER_SCHEDULE_ITEM (fixture->row), upcoming);
  g_assert_true (gtk_widget_has_css_class (session_row, "cancelled"));
  g_assert_true (shows_text (fixture->row, "Cancelled"));
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display for the list rows tests\n");
      return 0;
    }
  adw_init ();

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/atelier/workshop-card/texts", test_workshop_card);
  ADD ("/atelier/customer-book-row/texts", test_customer_book_row);
  ADD ("/atelier/invite-next-row/texts", test_invite_next_row);
  ADD ("/atelier/import-report-row/texts", test_import_report_row);
  ADD ("/atelier/schedule-item/texts", test_schedule_item);
  ADD ("/atelier/schedule-item/cancelled", test_schedule_item_cancelled);

#undef ADD

  return g_test_run ();
}
