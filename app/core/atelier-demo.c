/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-demo.c: a believable store to try Atelier on
 *
 * A kitchen and wine shop in Paris with a beauty corner: six workshops,
 * sessions over the past month and the next two, sixty customers from
 * here and elsewhere, full sessions with waiting lists, and past sessions
 * with check-ins and no-shows. The same `now` always gives the same store.
 */
#define G_LOG_DOMAIN "atelier-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "atelier-demo.h"
#include "atelier-settings.h"
#include "atelier-store-private.h"

#define DEMO_ZONE "Europe/Paris"
/* Who sends the demo's invites: a shop of its own, on a domain reserved
 * for examples (RFC 2606), so that "Send Invites" works on a demo store
 * and can reach nobody. */
#define DEMO_STORE_NAME "L’Atelier des Martyrs"
#define DEMO_ORGANIZER "bonjour@atelier-des-martyrs.example"
#define DEMO_DAYS_BACK 30
#define DEMO_DAYS_AHEAD 60

typedef struct
{
  const char *title;
  const char *description;
  const char *takeaway;
  const char *host;
  int         duration_minutes;
  int         capacity;
  gint64      price_cents;
  const char *category;
  const char *place;
  GDateWeekday weekday;
  int         hour;
  int         minute;
  int         every_weeks;
} DemoWorkshop;

static const DemoWorkshop demo_workshops[] = {
  { "Risotto aux cèpes",
    "Le geste du risotto crémeux : nacrer le riz, verser le bouillon louche après louche, "
    "poêler les cèpes et finir par la mantecatura au parmesan.",
    "Le livret de recettes et un sachet de riz carnaroli",
    "Marco Bellini", 150, 10, 6500, "cuisine", "Cuisine de l’atelier, 12 rue des Martyrs",
    G_DATE_SATURDAY, 10, 0, 1 },
  { "Macarons parisiens",
    "Coques lisses et pieds réguliers : meringue italienne, macaronnage, pochage, "
    "puis trois ganaches de saison.",
    "Une boîte de douze macarons faits de vos mains",
    "Élodie Marchand", 180, 8, 5500, "pâtisserie", "Cuisine de l’atelier, 12 rue des Martyrs",
    G_DATE_WEDNESDAY, 14, 0, 2 },
  { "Vins de Loire : initiation à la dégustation",
    "Six vins du Muscadet à Sancerre, pour apprendre à regarder, sentir et goûter, "
    "avec les fromages qui les accompagnent.",
    "Une fiche de dégustation et 10 % sur les vins goûtés",
    "Julien Moreau", 120, 14, 4500, "vin", "La cave, sous-sol",
    G_DATE_FRIDAY, 19, 0, 2 },
  { "Maquillage naturel du quotidien",
    "Un teint frais en dix minutes : préparer la peau, choisir ses teintes, "
    "les bons gestes pour les yeux et les lèvres.",
    "Une trousse d’échantillons adaptés à votre peau",
    "Inès Benali", 90, 6, 3500, "beauté", "Salon beauté, 1er étage",
    G_DATE_TUESDAY, 18, 30, 2 },
  { "Affûter et tailler : les couteaux du chef",
    "Affûter sur pierre à eau, puis julienne, brunoise et ciselé : les tailles qui "
    "changent une cuisine de tous les jours.",
    "Votre couteau affûté et un guide des tailles",
    "Kenji Watanabe", 120, 8, 4000, "cuisine", "Cuisine de l’atelier, 12 rue des Martyrs",
    G_DATE_THURSDAY, 18, 30, 2 },
  { "Pain au levain maison",
    "Nourrir un levain, pétrir, façonner et grigner : une miche qui se garde la semaine.",
    "Votre pain, et un pot de levain pour continuer chez vous",
    "Thomas Girard", 210, 6, 6000, "boulangerie", "Fournil, arrière-boutique",
    G_DATE_SUNDAY, 9, 30, 3 },
};

typedef struct
{
  const char *given_name;
  const char *family_name;
  const char *interests;
  const char *note;
} DemoCustomer;

static const DemoCustomer demo_customers[] = {
  { "Zoé", "Martin", "cuisine, vin", "Prépare un voyage dans le Piémont : parlez-lui des vins d’Alba." },
  { "Camille", "Dubois", "pâtisserie", "" },
  { "Léa", "Lefèvre", "beauté", "Peau sensible, préfère les produits sans parfum." },
  { "Hugo", "Moreau", "vin", "" },
  { "Chloé", "Laurent", "cuisine, pâtisserie", "Vient souvent avec sa fille Jeanne (9 ans)." },
  { "Lucas", "Girard", "boulangerie", "" },
  { "Manon", "Roux", "beauté, pâtisserie", "" },
  { "Théo", "Fournier", "cuisine", "Allergique aux fruits à coque." },
  { "Inès", "Mercier", "vin", "" },
  { "Jules", "Bonnet", "cuisine, vin", "" },
  { "Clémence", "Lambert", "pâtisserie", "Ouvre bientôt un salon de thé." },
  { "Antoine", "Faure", "cuisine", "" },
  { "Océane", "Rousseau", "beauté", "" },
  { "Mathis", "Blanc", "boulangerie, cuisine", "" },
  { "Éloïse", "Garnier", "vin", "Sommelière en formation, aime qu’on la mette au défi." },
  { "Baptiste", "Chevalier", "cuisine", "" },
  { "Margaux", "Perrin", "pâtisserie, beauté", "" },
  { "Maël", "Robin", "cuisine", "Végétarien." },
  { "Anaïs", "Clément", "beauté", "" },
  { "Noé", "Gauthier", "boulangerie", "" },
  { "Gaëlle", "Morel", "vin, cuisine", "" },
  { "François", "Lemaire", "vin", "Collectionne les vins de Chinon." },
  { "Hélène", "Dupont", "pâtisserie", "" },
  { "Rémi", "Fabre", "cuisine", "" },
  { "Agnès", "Barbier", "beauté", "Se déplace en fauteuil : garder la place près de la porte." },
  { "Benoît", "Renard", "boulangerie", "" },
  { "Cécile", "Picard", "cuisine, pâtisserie", "" },
  { "Jérôme", "Vidal", "vin", "" },
  { "Solène", "Marchal", "beauté", "" },
  { "Yannick", "Le Gall", "cuisine", "Breton, parlez-lui du beurre demi-sel !" },
  { "Jürgen", "Müller", "vin", "Parle français, préfère l’allemand pour les détails." },
  { "Anna", "Schmidt", "pâtisserie", "" },
  { "Søren", "Nielsen", "boulangerie", "" },
  { "Aoife", "O’Brien", "cuisine", "" },
  { "Siobhán", "Murphy", "beauté", "" },
  { "Giulia", "Rossi", "cuisine", "Originaire de Milan : le risotto est une affaire sérieuse." },
  { "Lorenzo", "Bianchi", "vin", "" },
  { "María José", "García", "pâtisserie", "" },
  { "Alejandro", "Núñez", "cuisine, vin", "" },
  { "João", "Silva", "boulangerie", "" },
  { "Beatriz", "Gonçalves", "beauté", "" },
  { "Agnieszka", "Wójcik", "pâtisserie", "Sans gluten." },
  { "Łukasz", "Nowak", "cuisine", "" },
  { "Ольга", "Иванова", "vin", "" },
  { "Mehmet", "Yılmaz", "cuisine", "" },
  { "Ayşe", "Demir", "beauté, pâtisserie", "" },
  { "Fatima Zahra", "El Idrissi", "pâtisserie", "" },
  { "Youssef", "Benali", "cuisine", "Ne boit pas d’alcool : prévoir un jus à la dégustation." },
  { "ليلى", "حداد", "beauté", "" },
  { "נועה", "כהן", "vin", "" },
  { "芳", "王", "pâtisserie", "" },
  { "Yuki", "Tanaka", "cuisine", "" },
  { "Min-jun", "Kim", "boulangerie", "" },
  { "Priya", "Sharma", "cuisine, beauté", "" },
  { "Arjun", "Patel", "vin", "" },
  { "Lan", "Nguyễn Thị", "pâtisserie", "" },
  { "Chidi", "Okafor", "cuisine", "" },
  { "Amara", "Diallo", "beauté", "" },
  { "Emma", "Johnson", "vin, pâtisserie", "Vit à Paris depuis un an, cherche à rencontrer du monde." },
  { "Oliver", "Smith", "boulangerie", "" },
};

typedef struct
{
  AtelierStore *store;
  GRand        *rand;
  gint64        now;
  GArray       *workshop_ids;
  GArray       *customer_ids;
} DemoFiller;

static char *
demo_email (const DemoCustomer *person,
            guint               index)
{
  g_autofree char *given = g_str_to_ascii (person->given_name, "C");
  g_autofree char *family = g_str_to_ascii (person->family_name, "C");
  g_autofree char *joined = g_strdelimit (g_strconcat (given, ".", family, NULL), " '", '-');
  g_autofree char *local = g_ascii_strdown (joined, -1);

  /* Names in scripts that do not transliterate keep a plain address. */
  if (strchr (local, '?') != NULL || strspn (local, ".-") == strlen (local))
    return g_strdup_printf ("client%u@example.org", index + 1);
  return g_strdup_printf ("%s@example.org", local);
}

static gboolean
add_workshops (DemoFiller  *filler,
               GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_workshops); i++)
    {
      const DemoWorkshop *w = &demo_workshops[i];
      g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (w->title);
      gint64 id;

      g_object_set (workshop,
                    "description", w->description,
                    "takeaway", w->takeaway,
                    "host", w->host,
                    "duration-minutes", w->duration_minutes,
                    "capacity", w->capacity,
                    "price-cents", w->price_cents,
                    "category", w->category,
                    "created-at", filler->now - (DEMO_DAYS_BACK + 60) * 86400,
                    NULL);
      if (!atelier_store_add_workshop (filler->store, workshop, error))
        return FALSE;
      id = atelier_workshop_get_id (workshop);
      g_array_append_val (filler->workshop_ids, id);
    }

  return TRUE;
}

static gboolean
add_customers (DemoFiller  *filler,
               GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_customers); i++)
    {
      const DemoCustomer *c = &demo_customers[i];
      g_autoptr(AtelierCustomer) customer = atelier_customer_new (c->given_name, c->family_name);
      g_autofree char *email = i % 11 == 10 ? NULL : demo_email (c, i);
      g_autofree char *phone = NULL;
      gboolean consent = i % 5 != 3;
      gint64 created_at = filler->now - g_rand_int_range (filler->rand, 40, 900) * 86400;
      gint64 id;

      if (i % 3 != 2)
        phone = g_strdup_printf ("06 %02d %02d %02d %02d",
                                 g_rand_int_range (filler->rand, 10, 100),
                                 g_rand_int_range (filler->rand, 10, 100),
                                 g_rand_int_range (filler->rand, 10, 100),
                                 g_rand_int_range (filler->rand, 10, 100));

      g_object_set (customer,
                    "email", email,
                    "phone", phone,
                    "interests", c->interests,
                    "note", c->note,
                    "consent", consent,
                    "consent-at", consent ? created_at : (gint64) 0,
                    "created-at", created_at,
                    NULL);
      if (!atelier_store_add_customer (filler->store, customer, error))
        return FALSE;
      id = atelier_customer_get_id (customer);
      g_array_append_val (filler->customer_ids, id);
    }

  return TRUE;
}

static int
demo_party_size (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 20);

  return roll < 14 ? 1 : roll < 18 ? 2 : 3;
}

/* Signs customers up the way the booking rules would: confirmed while
 * seats remain, then on the waiting list in order. Popular sessions get
 * more demand than seats. */
static gboolean
add_registrations (DemoFiller      *filler,
                   AtelierSession  *session,
                   guint            session_index,
                   GError         **error)
{
  gint64 starts_at = atelier_session_get_starts_at (session);
  gboolean past = atelier_session_get_ends_at (session) < filler->now;
  int capacity = atelier_session_get_capacity (session);
  double demand = session_index % 4 == 1 ? 1.5 : g_rand_double_range (filler->rand, 0.3, 1.0);
  int wanted = past ? MIN (demand, 1.0) * capacity : demand * capacity;
  guint n_customers = filler->customer_ids->len;
  guint offset = g_rand_int_range (filler->rand, 0, n_customers);
  int seats = 0;
  int waiting_seats = 0;
  int waiting_parties = 0;

  for (guint k = 0; k < n_customers && seats + waiting_seats < wanted; k++)
    {
      gint64 customer_id = g_array_index (filler->customer_ids, gint64, (offset + k * 7) % n_customers);
      int party = demo_party_size (filler->rand);
      g_autoptr(AtelierRegistration) registration =
        atelier_registration_new (atelier_session_get_id (session), customer_id, party);
      gint64 signed_up = MIN (starts_at, filler->now) - g_rand_int_range (filler->rand, 1, 20) * 86400;

      g_object_set (registration, "created-at", signed_up, NULL);
      if (seats + party <= capacity)
        {
          seats += party;
          if (past && g_rand_int_range (filler->rand, 0, 10) < 8)
            g_object_set (registration, "checked-in-at",
                          starts_at - g_rand_int_range (filler->rand, 0, 15) * 60, NULL);
          else if (!past && g_rand_int_range (filler->rand, 0, 25) == 0)
            g_object_set (registration, "status", ATELIER_REGISTRATION_CANCELLED, NULL);
          if (past && k % 6 == 5)
            g_object_set (registration, "source", "walk-in", NULL);
        }
      else if (!past)
        {
          waiting_seats += party;
          g_object_set (registration,
                        "status", ATELIER_REGISTRATION_WAITLISTED,
                        "waitlist-position", ++waiting_parties,
                        NULL);
        }
      else
        continue;

      if (!atelier_store_add_registration (filler->store, registration, error))
        return FALSE;
    }

  return TRUE;
}

static GDateTime *
demo_first_day (gint64 now)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (DEMO_ZONE);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  g_autoptr(GDateTime) midnight = g_date_time_new (zone,
                                                   g_date_time_get_year (local),
                                                   g_date_time_get_month (local),
                                                   g_date_time_get_day_of_month (local),
                                                   0, 0, 0);

  return g_date_time_add_days (midnight, -DEMO_DAYS_BACK);
}

static gboolean
add_one_session (DemoFiller          *filler,
                 guint                workshop_index,
                 GDateTime           *day,
                 guint                session_index,
                 GError             **error)
{
  const DemoWorkshop *w = &demo_workshops[workshop_index];
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (DEMO_ZONE);
  g_autoptr(GDateTime) starts = g_date_time_new (zone,
                                                 g_date_time_get_year (day),
                                                 g_date_time_get_month (day),
                                                 g_date_time_get_day_of_month (day),
                                                 w->hour, w->minute, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_minutes (starts, w->duration_minutes);
  g_autoptr(AtelierSession) session =
    atelier_session_new (g_array_index (filler->workshop_ids, gint64, workshop_index),
                         starts, ends, DEMO_ZONE);

  g_object_set (session,
                "place", w->place,
                "capacity", w->capacity,
                "created-at", filler->now - (DEMO_DAYS_BACK + 30) * 86400,
                NULL);

  return atelier_store_add_session (filler->store, session, error) &&
         add_registrations (filler, session, session_index, error);
}

static gboolean
add_sessions (DemoFiller  *filler,
              GError     **error)
{
  g_autoptr(GDateTime) first = demo_first_day (filler->now);
  guint session_index = 0;

  for (int offset = 0; offset <= DEMO_DAYS_BACK + DEMO_DAYS_AHEAD; offset++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (first, offset);
      GDateWeekday weekday = g_date_time_get_day_of_week (day);

      for (guint i = 0; i < G_N_ELEMENTS (demo_workshops); i++)
        {
          const DemoWorkshop *w = &demo_workshops[i];

          if (w->weekday != weekday || (offset / 7) % w->every_weeks != 0)
            continue;
          if (!add_one_session (filler, i, day, session_index++, error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * atelier_demo_fill:
 * @store: an empty store
 * @now: the moment the demo is built around
 *
 * Fills @store with a demo programme in one transaction. A store that
 * already holds anything is refused with %ATELIER_STORE_ERROR_NOT_EMPTY
 * and left as it was.
 */
gboolean
atelier_demo_fill (AtelierStore  *store,
                   GDateTime     *now,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  DemoFiller filler = { 0 };
  gboolean ok;

  g_return_val_if_fail (ATELIER_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!atelier_store_begin (store, error))
    return FALSE;

  if (!atelier_store_is_empty (store, &local_error))
    {
      atelier_store_rollback (store);
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_EMPTY,
                             _("This store already has data; the demo fills only an empty store."));
      return FALSE;
    }

  filler.store = store;
  filler.rand = g_rand_new_with_seed (20261123);
  filler.now = g_date_time_to_unix (now);
  filler.workshop_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  filler.customer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The demo's sessions are in DEMO_ZONE: so is the store, unless it
   * was given a zone. Otherwise sessions planned on top of the demo would
   * be in the computer's zone and sort oddly among the demo's. Its name
   * and address too are the demo shop's unless the store has its own. */
  ok = atelier_settings_write_unless_set (store, ATELIER_SETTING_TIME_ZONE, DEMO_ZONE, error) &&
       atelier_settings_write_unless_set (store, ATELIER_SETTING_STORE_NAME, DEMO_STORE_NAME, error) &&
       atelier_settings_write_unless_set (store, ATELIER_SETTING_ORGANIZER, DEMO_ORGANIZER, error) &&
       add_workshops (&filler, error) &&
       add_customers (&filler, error) &&
       add_sessions (&filler, error) &&
       atelier_store_commit (store, error);
  if (!ok)
    atelier_store_rollback (store);

  g_rand_free (filler.rand);
  g_array_unref (filler.workshop_ids);
  g_array_unref (filler.customer_ids);

  return ok;
}
