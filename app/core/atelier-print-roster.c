/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-print-roster.c: a session's sign-in sheet, for the door
 *
 * The people come in the order the check-in window lists them
 * (atelier_store_list_registrations(): confirmed parties, then the
 * waiting list in order), cancelled registrations left out. Each line
 * has a box to tick, the name, the party's size, and what staff should
 * know: interests, dietary or accessibility needs, the notes. The store
 * is read once, when the roster is made; laying out and drawing never
 * touch it, so the print dialog can draw pages again at will.
 */
#define G_LOG_DOMAIN "atelier-print"

#include "config.h"

#include <glib/gi18n.h>

#include "atelier-customer.h"
#include "atelier-date-format.h"
#include "atelier-print-roster.h"
#include "atelier-registration.h"
#include "atelier-session.h"

/* Sizes, in points */
#define TITLE_SIZE    16.0
#define TEXT_SIZE     11.0
#define SMALL_SIZE     9.0
#define PAD            4.0
#define GAP            8.0
#define BOX_COLUMN    22.0
#define BOX_SIZE      11.0
#define PARTY_COLUMN  40.0
#define NAME_LINES     2
#define DETAIL_LINES   3

typedef struct
{
  char     *name;
  char     *details;   /* interests, needs and notes, one per line */
  int       party_size;
  int       waiting;   /* the place on the waiting list, 0 for a seat */
} Person;

typedef enum
{
  ITEM_PERSON,
  ITEM_WAITING_HEADING,
  ITEM_NOBODY,
} ItemKind;

typedef struct
{
  ItemKind kind;
  guint    person;   /* for ITEM_PERSON */
  double   height;
} Item;

struct _AtelierPrintRoster
{
  GObject  parent_instance;

  char    *title;
  char    *when;
  char    *place;
  GArray  *people;   /* of Person */

  /* The last layout */
  GArray  *items;       /* of Item */
  GArray  *page_starts; /* index of each page's first item */
  guint    n_pages;
};

static void atelier_print_roster_document_init (AtelierPrintDocumentInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtelierPrintRoster, atelier_print_roster, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (ATELIER_TYPE_PRINT_DOCUMENT,
                                                      atelier_print_roster_document_init))

static void
clear_person (Person *person)
{
  g_clear_pointer (&person->name, g_free);
  g_clear_pointer (&person->details, g_free);
}

/* Columns */

typedef struct
{
  double box_x;
  double name_x, name_width;
  double party_x;
  double details_x, details_width;
} Columns;

static void
compute_columns (const AtelierPrintSetup *setup,
                 Columns                 *columns)
{
  double left = setup->margin;
  double width = setup->width - 2 * setup->margin;
  double rest = width - BOX_COLUMN - PARTY_COLUMN - 2 * GAP;

  columns->box_x = left;
  columns->name_x = left + BOX_COLUMN;
  columns->name_width = rest * 0.45;
  columns->party_x = columns->name_x + columns->name_width + GAP;
  columns->details_x = columns->party_x + PARTY_COLUMN + GAP;
  columns->details_width = left + width - columns->details_x;
}

/* Reading the store */

static char *
describe_details (AtelierCustomer     *customer,
                  AtelierRegistration *registration)
{
  g_autoptr(GString) details = g_string_new (NULL);
  const char *registration_note = atelier_registration_get_note (registration);

  if (customer != NULL)
    {
      g_auto(GStrv) interests = atelier_customer_dup_interest_list (customer);
      const char *needs = atelier_customer_get_needs (customer);
      const char *note = atelier_customer_get_note (customer);

      if (interests[0] != NULL)
        {
          g_autofree char *list = g_strjoinv (", ", interests);

          /* TRANSLATORS: on a printed roster, e.g. "Likes: wine, cheese" */
          g_string_append_printf (details, _("Likes: %s"), list);
        }
      if (needs != NULL && *needs != '\0')
        {
          if (details->len > 0)
            g_string_append_c (details, '\n');
          /* TRANSLATORS: on a printed roster, a customer's dietary or
           * accessibility needs, e.g. "Needs: no nuts" */
          g_string_append_printf (details, _("Needs: %s"), needs);
        }
      if (note != NULL && *note != '\0')
        g_string_append_printf (details, "%s%s", details->len > 0 ? "\n" : "", note);
    }
  if (registration_note != NULL && *registration_note != '\0')
    g_string_append_printf (details, "%s%s", details->len > 0 ? "\n" : "", registration_note);

  return g_string_free (g_steal_pointer (&details), FALSE);
}

static gboolean
read_people (AtelierPrintRoster  *self,
             AtelierStore        *store,
             gint64               session_id,
             GError             **error)
{
  g_autoptr(GListModel) registrations = atelier_store_list_registrations (store, session_id, error);

  if (registrations == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (registrations); i++)
    {
      g_autoptr(AtelierRegistration) registration = g_list_model_get_item (registrations, i);
      g_autoptr(AtelierCustomer) customer = NULL;
      const char *status = atelier_registration_get_status (registration);
      const char *name = atelier_registration_get_customer_name (registration);
      Person person = { 0 };

      if (g_strcmp0 (status, ATELIER_REGISTRATION_CANCELLED) == 0)
        continue;

      customer = atelier_store_get_customer (store, atelier_registration_get_customer_id (registration),
                                             error);
      if (customer == NULL)
        return FALSE;

      /* TRANSLATORS: shown for a customer whose name was erased */
      person.name = g_strdup (name != NULL && *name != '\0' ? name : _("Unnamed Customer"));
      person.details = describe_details (customer, registration);
      person.party_size = atelier_registration_get_party_size (registration);
      if (g_strcmp0 (status, ATELIER_REGISTRATION_WAITLISTED) == 0)
        person.waiting = MAX (atelier_registration_get_waitlist_position (registration), 1);
      g_array_append_val (self->people, person);
    }

  return TRUE;
}

static char *
describe_when (AtelierSession *session)
{
  g_autoptr(GDateTime) start = atelier_session_dup_start (session);
  g_autoptr(GDateTime) end = atelier_session_dup_end (session);
  /* TRANSLATORS: the date and start time of a session on its page, in
   * g_date_time_format() notation, e.g. "Tuesday 14 March 2025, 18:30" */
  g_autofree char *start_text = atelier_date_format (start, _("%A %-d %B %Y, %H:%M"));
  /* TRANSLATORS: the end time of a session that ends on the day it
   * starts, appended to its start, e.g. "–20:30" */
  g_autofree char *end_text = atelier_date_format (end, _("–%H:%M"));
  const char *zone = atelier_session_get_time_zone (session);

  if (zone == NULL || *zone == '\0')
    return g_strconcat (start_text, end_text, NULL);
  return g_strdup_printf ("%s%s (%s)", start_text, end_text, zone);
}

/**
 * atelier_print_roster_new:
 *
 * Reads a session's roster from @store.
 *
 * Returns: (transfer full): the roster, or %NULL with @error set (no such
 *   session, or the store failed)
 */
AtelierPrintRoster *
atelier_print_roster_new (AtelierStore  *store,
                          gint64         session_id,
                          GError       **error)
{
  g_autoptr(AtelierPrintRoster) self = NULL;
  g_autoptr(AtelierSession) session = NULL;
  const char *title;

  g_return_val_if_fail (ATELIER_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  session = atelier_store_get_session (store, session_id, error);
  if (session == NULL)
    return NULL;

  self = g_object_new (ATELIER_TYPE_PRINT_ROSTER, NULL);
  title = atelier_session_get_workshop_title (session);
  self->title = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Workshop"));
  self->when = describe_when (session);
  self->place = g_strdup (atelier_session_get_place (session));
  if (atelier_session_is_cancelled (session))
    {
      g_autofree char *when = g_steal_pointer (&self->when);

      /* TRANSLATORS: on a printed roster, the date of a cancelled session */
      self->when = g_strdup_printf (_("%s — Cancelled"), when);
    }

  if (!read_people (self, store, session_id, error))
    return NULL;

  return g_steal_pointer (&self);
}

guint
atelier_print_roster_get_n_people (AtelierPrintRoster *self)
{
  g_return_val_if_fail (ATELIER_IS_PRINT_ROSTER (self), 0);

  return self->people->len;
}

/* The name as printed, in the order printed */
const char *
atelier_print_roster_get_name (AtelierPrintRoster *self,
                               guint               index)
{
  g_return_val_if_fail (ATELIER_IS_PRINT_ROSTER (self), NULL);
  g_return_val_if_fail (index < self->people->len, NULL);

  return g_array_index (self->people, Person, index).name;
}

/**
 * atelier_print_roster_get_person_page:
 *
 * Returns: the page (from 0) the person @index lands on in the last
 *   layout (atelier_print_document_paginate())
 */
guint
atelier_print_roster_get_person_page (AtelierPrintRoster *self,
                                      guint               index)
{
  guint page = 0;

  g_return_val_if_fail (ATELIER_IS_PRINT_ROSTER (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      while (page + 1 < self->page_starts->len && g_array_index (self->page_starts, guint, page + 1) <= i)
        page++;
      if (item->kind == ITEM_PERSON && item->person == index)
        return page;
    }

  g_return_val_if_reached (0);
}

/* Layout */

static char *
format_party (const Person *person)
{
  return g_strdup_printf ("%d", person->party_size);
}

static double
measure_person (PangoContext  *context,
                const Person  *person,
                const Columns *columns)
{
  g_autoptr(PangoLayout) name = atelier_print_layout_new (context, person->name, TEXT_SIZE,
                                                          PANGO_WEIGHT_NORMAL, columns->name_width,
                                                          NAME_LINES);
  g_autoptr(PangoLayout) details = atelier_print_layout_new (context, person->details, SMALL_SIZE,
                                                             PANGO_WEIGHT_NORMAL,
                                                             columns->details_width, DETAIL_LINES);
  double height = MAX (atelier_print_layout_height (name), atelier_print_layout_height (details));

  return MAX (height, BOX_SIZE) + 2 * PAD;
}

static PangoLayout *
new_heading_layout (PangoContext *context,
                    double        width)
{
  /* TRANSLATORS: a heading on a printed roster, above the people who
   * wait for a seat */
  return atelier_print_layout_new (context, _("Waiting list"), TEXT_SIZE + 1, PANGO_WEIGHT_BOLD,
                                   width, 1);
}

static PangoLayout *
new_nobody_layout (PangoContext *context,
                   double        width)
{
  /* TRANSLATORS: on a printed roster with nobody on it */
  return atelier_print_layout_new (context, _("Nobody has signed up yet."), TEXT_SIZE,
                                   PANGO_WEIGHT_NORMAL, width, 0);
}

/* The header: title, when and where, the page number, the column names */
typedef struct
{
  PangoLayout *title;
  PangoLayout *when;
  PangoLayout *page;
  PangoLayout *name_heading;
  PangoLayout *party_heading;
  PangoLayout *details_heading;
} Header;

static void
clear_header (Header *header)
{
  g_clear_object (&header->title);
  g_clear_object (&header->when);
  g_clear_object (&header->page);
  g_clear_object (&header->name_heading);
  g_clear_object (&header->party_heading);
  g_clear_object (&header->details_heading);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Header, clear_header)

#define PAGE_NUMBER_WIDTH 100.0

static void
make_header (AtelierPrintRoster      *self,
             PangoContext            *context,
             const AtelierPrintSetup *setup,
             const Columns           *columns,
             guint                    page_nr,
             Header                  *header)
{
  double width = setup->width - 2 * setup->margin;
  g_autofree char *when = NULL;
  g_autofree char *page = NULL;

  if (self->place != NULL && *self->place != '\0')
    /* TRANSLATORS: on a printed roster, when and where, e.g.
     * "Tuesday 14 March 2025, 18:30–20:30 (Europe/Paris) · Kitchen" */
    when = g_strdup_printf (_("%s · %s"), self->when, self->place);
  else
    when = g_strdup (self->when);
  /* TRANSLATORS: on each printed page, e.g. "Page 2 of 3" */
  page = g_strdup_printf (_("Page %u of %u"), page_nr + 1, MAX (self->n_pages, 1));

  header->title = atelier_print_layout_new (context, self->title, TITLE_SIZE, PANGO_WEIGHT_BOLD,
                                            width - PAGE_NUMBER_WIDTH, 2);
  header->when = atelier_print_layout_new (context, when, TEXT_SIZE, PANGO_WEIGHT_NORMAL, width, 2);
  header->page = atelier_print_layout_new (context, page, SMALL_SIZE, PANGO_WEIGHT_NORMAL,
                                           PAGE_NUMBER_WIDTH, 1);
  pango_layout_set_auto_dir (header->page, FALSE);
  pango_layout_set_alignment (header->page, PANGO_ALIGN_RIGHT);
  /* TRANSLATORS: a column of a printed roster */
  header->name_heading = atelier_print_layout_new (context, _("Name"), SMALL_SIZE, PANGO_WEIGHT_BOLD,
                                                   columns->name_width, 1);
  /* TRANSLATORS: a column of a printed roster: how many come together */
  header->party_heading = atelier_print_layout_new (context, _("Party"), SMALL_SIZE,
                                                    PANGO_WEIGHT_BOLD, PARTY_COLUMN, 1);
  /* TRANSLATORS: a column of a printed roster */
  header->details_heading = atelier_print_layout_new (context, _("Interests and needs"), SMALL_SIZE,
                                                      PANGO_WEIGHT_BOLD, columns->details_width, 1);
}

static double
header_height (const Header *header)
{
  return atelier_print_layout_height (header->title) + 2
         + atelier_print_layout_height (header->when) + 12
         + atelier_print_layout_height (header->name_heading) + PAD + 1;
}

static guint
atelier_print_roster_paginate (AtelierPrintDocument    *document,
                               PangoContext            *context,
                               const AtelierPrintSetup *setup)
{
  AtelierPrintRoster *self = ATELIER_PRINT_ROSTER (document);
  g_auto(Header) header = { 0 };
  Columns columns;
  double width = setup->width - 2 * setup->margin;
  double body;
  double used = 0;
  gboolean waiting_seen = FALSE;

  compute_columns (setup, &columns);
  make_header (self, context, setup, &columns, 0, &header);
  body = setup->height - 2 * setup->margin - header_height (&header);

  g_array_set_size (self->items, 0);
  g_array_set_size (self->page_starts, 0);

  for (guint i = 0; i < self->people->len; i++)
    {
      const Person *person = &g_array_index (self->people, Person, i);
      Item item = { ITEM_PERSON, i, measure_person (context, person, &columns) };

      if (person->waiting > 0 && !waiting_seen)
        {
          g_autoptr(PangoLayout) heading = new_heading_layout (context, width);
          Item heading_item = { ITEM_WAITING_HEADING, 0, atelier_print_layout_height (heading) + 3 * PAD };

          waiting_seen = TRUE;
          g_array_append_val (self->items, heading_item);
        }
      g_array_append_val (self->items, item);
    }
  if (self->people->len == 0)
    {
      g_autoptr(PangoLayout) nobody = new_nobody_layout (context, width);
      Item item = { ITEM_NOBODY, 0, atelier_print_layout_height (nobody) + 2 * PAD };

      g_array_append_val (self->items, item);
    }

  /* A page takes items while they fit (at least one, however tall); a
   * heading never ends a page without the first line under it. */
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);
      double needed = item->height;

      if (item->kind == ITEM_WAITING_HEADING && i + 1 < self->items->len)
        needed += g_array_index (self->items, Item, i + 1).height;

      if (self->page_starts->len == 0 || (used > 0 && used + needed > body))
        {
          g_array_append_val (self->page_starts, i);
          used = 0;
        }
      used += item->height;
    }

  self->n_pages = MAX (self->page_starts->len, 1);
  return self->n_pages;
}

/* Drawing */

static void
draw_rule (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           double   line_width,
           double   grey)
{
  cairo_save (cr);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static double
draw_header (AtelierPrintRoster      *self,
             cairo_t                 *cr,
             PangoContext            *context,
             const AtelierPrintSetup *setup,
             const Columns           *columns,
             guint                    page_nr)
{
  g_auto(Header) header = { 0 };
  double x = setup->margin;
  double width = setup->width - 2 * setup->margin;
  double y = setup->margin;

  make_header (self, context, setup, columns, page_nr, &header);

  atelier_print_show_layout (cr, header.title, x, y);
  atelier_print_show_layout (cr, header.page, x + width - PAGE_NUMBER_WIDTH, y + 4);
  y += atelier_print_layout_height (header.title) + 2;
  atelier_print_show_layout (cr, header.when, x, y);
  y += atelier_print_layout_height (header.when) + 12;

  atelier_print_show_layout (cr, header.name_heading, columns->name_x, y);
  atelier_print_show_layout (cr, header.party_heading, columns->party_x, y);
  atelier_print_show_layout (cr, header.details_heading, columns->details_x, y);
  y += atelier_print_layout_height (header.name_heading) + PAD;
  draw_rule (cr, x, y + 0.5, width, 1.0, 0.0);

  return y + 1;
}

static void
draw_person (cairo_t                 *cr,
             PangoContext            *context,
             const AtelierPrintSetup *setup,
             const Columns           *columns,
             const Person            *person,
             double                   y,
             double                   height)
{
  g_autoptr(PangoLayout) name = atelier_print_layout_new (context, person->name, TEXT_SIZE,
                                                          PANGO_WEIGHT_NORMAL, columns->name_width,
                                                          NAME_LINES);
  g_autoptr(PangoLayout) details = atelier_print_layout_new (context, person->details, SMALL_SIZE,
                                                             PANGO_WEIGHT_NORMAL,
                                                             columns->details_width, DETAIL_LINES);
  g_autofree char *party_text = format_party (person);
  g_autoptr(PangoLayout) party = atelier_print_layout_new (context, party_text, TEXT_SIZE,
                                                           PANGO_WEIGHT_NORMAL, PARTY_COLUMN, 1);

  if (person->waiting > 0)
    {
      g_autofree char *position = g_strdup_printf ("%d.", person->waiting);
      g_autoptr(PangoLayout) place = atelier_print_layout_new (context, position, SMALL_SIZE,
                                                               PANGO_WEIGHT_NORMAL, BOX_COLUMN - 4, 1);

      atelier_print_show_layout (cr, place, columns->box_x, y + PAD + 1);
    }
  else
    {
      cairo_set_line_width (cr, 0.8);
      cairo_rectangle (cr, columns->box_x + 0.5, y + PAD + 1.5, BOX_SIZE, BOX_SIZE);
      cairo_stroke (cr);
    }

  atelier_print_show_layout (cr, name, columns->name_x, y + PAD);
  atelier_print_show_layout (cr, party, columns->party_x, y + PAD);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  atelier_print_show_layout (cr, details, columns->details_x, y + PAD + 1);
  cairo_restore (cr);

  draw_rule (cr, setup->margin, y + height - 0.25, setup->width - 2 * setup->margin, 0.5, 0.6);
}

static void
atelier_print_roster_draw_page (AtelierPrintDocument    *document,
                                cairo_t                 *cr,
                                PangoContext            *context,
                                const AtelierPrintSetup *setup,
                                guint                    page_nr)
{
  AtelierPrintRoster *self = ATELIER_PRINT_ROSTER (document);
  double width = setup->width - 2 * setup->margin;
  Columns columns;
  guint first, end;
  double y;

  g_return_if_fail (page_nr < self->page_starts->len);

  compute_columns (setup, &columns);
  first = g_array_index (self->page_starts, guint, page_nr);
  end = page_nr + 1 < self->page_starts->len ? g_array_index (self->page_starts, guint, page_nr + 1)
                                              : self->items->len;

  cairo_set_source_rgb (cr, 0, 0, 0);
  y = draw_header (self, cr, context, setup, &columns, page_nr);

  for (guint i = first; i < end; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      if (item->kind == ITEM_PERSON)
        draw_person (cr, context, setup, &columns,
                     &g_array_index (self->people, Person, item->person), y, item->height);
      else if (item->kind == ITEM_WAITING_HEADING)
        {
          g_autoptr(PangoLayout) heading = new_heading_layout (context, width);

          atelier_print_show_layout (cr, heading, setup->margin, y + 2 * PAD);
        }
      else
        {
          g_autoptr(PangoLayout) nobody = new_nobody_layout (context, width);

          atelier_print_show_layout (cr, nobody, setup->margin, y + PAD);
        }
      y += item->height;
    }
}

static void
atelier_print_roster_document_init (AtelierPrintDocumentInterface *iface)
{
  iface->paginate = atelier_print_roster_paginate;
  iface->draw_page = atelier_print_roster_draw_page;
}

static void
atelier_print_roster_finalize (GObject *object)
{
  AtelierPrintRoster *self = ATELIER_PRINT_ROSTER (object);

  g_free (self->title);
  g_free (self->when);
  g_free (self->place);
  g_array_unref (self->people);
  g_array_unref (self->items);
  g_array_unref (self->page_starts);

  G_OBJECT_CLASS (atelier_print_roster_parent_class)->finalize (object);
}

static void
atelier_print_roster_class_init (AtelierPrintRosterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atelier_print_roster_finalize;
}

static void
atelier_print_roster_init (AtelierPrintRoster *self)
{
  self->people = g_array_new (FALSE, TRUE, sizeof (Person));
  g_array_set_clear_func (self->people, (GDestroyNotify) clear_person);
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  self->page_starts = g_array_new (FALSE, TRUE, sizeof (guint));
}
