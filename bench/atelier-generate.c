/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-generate.c: a large, believable store for the benchmarks
 *
 *   atelier-generate --database FILE [--customers N] [--sessions N]
 *                    [--registrations N] [--seed S] [--today YYYY-MM-DD]
 *
 * A store in Paris three years into its life: workshops, sessions from
 * two years back to one year ahead, customers from many countries (their
 * names in their own script for some), and registrations that keep the
 * booking rules: confirmed seats within capacity, dense waiting lists,
 * one registration per customer and session, check-ins on past sessions.
 *
 * Everything goes through the real store (schema, triggers, search
 * index) in one transaction. The same seed and the same --today give the
 * same store.
 */
#define G_LOG_DOMAIN "atelier-generate"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "atelier-bench-names.h"
#include "atelier-store-private.h"

#define STORE_ZONE "Europe/Paris"
#define DAYS_BACK 730
#define DAYS_AHEAD 365
#define DAY (G_GINT64_CONSTANT (86400))

typedef struct
{
  const char *title;
  const char *category;
  const char *host;
  const char *place;
  int         duration_minutes;
  int         capacity;
  gint64      price_cents;
} WorkshopTemplate;

static const WorkshopTemplate workshop_templates[] = {
  { "Risotto aux cèpes", "cuisine", "Marco Bellini", "Cuisine de l’atelier", 150, 10, 6500 },
  { "Macarons parisiens", "pâtisserie", "Élodie Marchand", "Cuisine de l’atelier", 180, 8, 5500 },
  { "Vins de Loire : initiation", "vin", "Julien Moreau", "La cave", 120, 14, 4500 },
  { "Maquillage naturel du quotidien", "beauté", "Inès Benali", "Salon beauté", 90, 6, 3500 },
  { "Affûter et tailler : les couteaux du chef", "cuisine", "Kenji Watanabe",
    "Cuisine de l’atelier", 120, 8, 4000 },
  { "Pain au levain maison", "boulangerie", "Thomas Girard", "Fournil", 210, 6, 6000 },
  { "Sushis et makis", "cuisine", "Aiko Tanaka", "Cuisine de l’atelier", 150, 12, 6900 },
  { "Pâtes fraîches à la main", "cuisine", "Giulia Rossi", "Cuisine de l’atelier", 150, 12, 5900 },
  { "Champagnes de vignerons", "vin", "Julien Moreau", "La cave", 120, 16, 6500 },
  { "Accords mets et vins", "vin", "Claire Dubois", "La cave", 150, 18, 7500 },
  { "Tarte au citron meringuée", "pâtisserie", "Élodie Marchand", "Cuisine de l’atelier",
    150, 10, 4900 },
  { "Soin du visage : routine d’hiver", "beauté", "Inès Benali", "Salon beauté", 90, 8, 3900 },
  { "Cuisine libanaise : mezzés", "cuisine", "Rania Khoury", "Cuisine de l’atelier",
    180, 12, 6500 },
  { "Dim sum du dimanche", "cuisine", "Chen Jing", "Cuisine de l’atelier", 180, 10, 6500 },
  { "Whiskies du monde", "spiritueux", "Fergus MacLeod", "La cave", 120, 14, 5900 },
  { "Chocolat : tempérage et bonbons", "pâtisserie", "Bastien Roux", "Cuisine de l’atelier",
    180, 8, 6900 },
  { "Cocktails de saison", "spiritueux", "Lucía Fernández", "Le bar", 120, 20, 4500 },
  { "Curry du Kerala", "cuisine", "Priya Nair", "Cuisine de l’atelier", 150, 12, 5500 },
  { "Cuisine végétale de tous les jours", "cuisine", "Anaïs Lefèvre", "Cuisine de l’atelier",
    150, 14, 5500 },
  { "Fromages de chèvre et vins blancs", "vin", "Claire Dubois", "La cave", 120, 16, 5500 },
  { "Parfums : composer son eau de toilette", "beauté", "Yasmina El Amrani", "Salon beauté",
    120, 6, 7900 },
  { "Brioches et viennoiseries", "boulangerie", "Thomas Girard", "Fournil", 240, 8, 6900 },
  { "Cuisine des enfants (6-10 ans)", "enfants", "Camille Petit", "Cuisine de l’atelier",
    90, 12, 2900 },
  { "Barbecue coréen", "cuisine", "Kim Min-jun", "Terrasse", 150, 14, 6500 },
  { "Thés de Chine et du Japon", "thé", "Chen Jing", "Salon de thé", 90, 10, 3900 },
  { "Fermentation : kimchi et choucroute", "cuisine", "Kim Min-jun", "Cuisine de l’atelier",
    120, 12, 4500 },
  { "Pâtisserie orientale", "pâtisserie", "Leïla Haddad", "Cuisine de l’atelier",
    180, 10, 5900 },
  { "Cuisine bistrot : le bœuf bourguignon", "cuisine", "Marc Lefèvre", "Cuisine de l’atelier",
    180, 12, 6500 },
  { "Manucure et soin des mains", "beauté", "Sofia Oliveira", "Salon beauté", 60, 6, 2900 },
  { "Grands vins de Bordeaux", "vin", "Julien Moreau", "La cave", 150, 20, 9900 },
};

/* Start times, local to the store. */
static const struct { int hour; int minute; } start_slots[] = {
  { 9, 30 }, { 10, 0 }, { 11, 0 }, { 14, 0 }, { 14, 30 }, { 16, 0 }, { 18, 30 }, { 19, 0 },
  { 19, 30 },
};

static const char *const interest_tags[] = {
  "cuisine", "pâtisserie", "vin", "beauté", "boulangerie", "spiritueux", "thé", "enfants",
  "végétarien", "cuisine du monde",
};

static const char *const customer_notes[] = {
  "Allergique aux fruits à coque", "Végétarienne", "Vient souvent avec sa fille",
  "Préfère le samedi matin", "Carte cadeau à utiliser", "Ne boit pas d’alcool",
  "Intolérant au lactose", "Parle anglais", "Mobilité réduite : prévoir une chaise",
  "Client fidèle depuis l’ouverture",
};

/* Every domain ends in a name reserved for examples (RFC 2606), so that no
 * generated address can reach anyone; the three endings split the store
 * as .com, .fr and .de would. */
static const struct { const char *domain; guint weight; } email_domains[] = {
  { "gmail.example", 30 }, { "orange.test", 12 }, { "free.test", 8 }, { "hotmail.example", 8 },
  { "yahoo.example", 6 }, { "laposte.test", 5 }, { "outlook.example", 6 }, { "sfr.test", 4 },
  { "wanadoo.test", 4 }, { "icloud.example", 5 }, { "gmx.invalid", 3 }, { "web.invalid", 3 },
  { "libero.invalid", 2 }, { "proton.example", 2 }, { "naver.invalid", 1 },
  { "qq.invalid", 1 },
};

/* 'X' is a random digit. */
static const char *const french_phones[] = {
  "06 XX XX XX XX", "06 XX XX XX XX", "07 XX XX XX XX", "06XXXXXXXX", "07XXXXXXXX",
  "+33 6 XX XX XX XX", "+33 7 XX XX XX XX", "06.XX.XX.XX.XX", "+336XXXXXXXX",
  "01 XX XX XX XX",
};

static const char *const foreign_phones[] = {
  [BENCH_PHONE_FRANCE] = "06 XX XX XX XX",
  [BENCH_PHONE_GERMANY] = "+49 15X XXXXXXX",
  [BENCH_PHONE_SPAIN] = "+34 6XX XX XX XX",
  [BENCH_PHONE_PORTUGAL] = "+351 91X XXX XXX",
  [BENCH_PHONE_ITALY] = "+39 3XX XXX XXXX",
  [BENCH_PHONE_POLAND] = "+48 5XX XXX XXX",
  [BENCH_PHONE_TURKEY] = "+90 53X XXX XX XX",
  [BENCH_PHONE_MOROCCO] = "+212 6 XX XX XX XX",
  [BENCH_PHONE_ISRAEL] = "+972 5X-XXX-XXXX",
  [BENCH_PHONE_CHINA] = "+86 13X XXXX XXXX",
  [BENCH_PHONE_JAPAN] = "+81 90-XXXX-XXXX",
  [BENCH_PHONE_KOREA] = "+82 10-XXXX-XXXX",
  [BENCH_PHONE_VIETNAM] = "+84 9XX XXX XXX",
  [BENCH_PHONE_INDIA] = "+91 9XXXX XXXXX",
  [BENCH_PHONE_NIGERIA] = "+234 80X XXX XXXX",
  [BENCH_PHONE_UK] = "+44 7700 9XXXXX",
  [BENCH_PHONE_UKRAINE] = "+380 6X XXX XXXX",
};

typedef struct
{
  gint64   id;
  gint64   starts_at;
  gint64   ends_at;
  int      capacity;
  gboolean cancelled;
} GeneratedSession;

typedef struct
{
  guint n_workshops;
  guint n_sessions;
  guint n_past_sessions;
  guint n_cancelled_sessions;
  guint n_customers;
  guint n_erased;
  guint n_confirmed;
  guint n_waitlisted;
  guint n_cancelled;
  guint n_checked_in;
} GeneratedCounts;

typedef struct
{
  AtelierStore      *store;
  GRand             *rand;
  GTimeZone         *zone;
  gint64             now;
  GArray            *workshop_ids;   /* gint64 */
  GArray            *sessions;       /* GeneratedSession */
  GArray            *customer_ids;   /* gint64 */
  const BenchOrigin *origins;
  guint              n_origins;
  GeneratedCounts    counts;
} Generator;

static char *database_path = NULL;
static int n_customers = 100000;
static int n_sessions = 5000;
static int n_registrations = 300000;
static gint64 seed = 1;
static char *today = NULL;

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database_path,
    "The store to create (it must not exist or be empty)", "FILE" },
  { "customers", 'c', 0, G_OPTION_ARG_INT, &n_customers,
    "Number of customers (default 100000)", "N" },
  { "sessions", 's', 0, G_OPTION_ARG_INT, &n_sessions,
    "Number of sessions, spread over three years (default 5000)", "N" },
  { "registrations", 'r', 0, G_OPTION_ARG_INT, &n_registrations,
    "Number of registrations (default 300000)", "N" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
    "Seed of the random choices (default 1)", "S" },
  { "today", 0, 0, G_OPTION_ARG_STRING, &today,
    "The day the store is built around: two years of past sessions before it, "
    "one year of sessions after it (default: today)", "YYYY-MM-DD" },
  { NULL }
};

static double
elapsed_seconds (gint64 since)
{
  return (g_get_monotonic_time () - since) / (double) G_USEC_PER_SEC;
}

static const char *
pick (GRand              *rand,
      const char *const  *items,
      guint               n_items)
{
  return items[g_rand_int_range (rand, 0, n_items)];
}

static char *
fill_digits (GRand      *rand,
             const char *pattern)
{
  char *number = g_strdup (pattern);

  for (char *p = number; *p != '\0'; p++)
    if (*p == 'X')
      *p = '0' + g_rand_int_range (rand, 0, 10);

  return number;
}

static const char *
pick_domain (GRand *rand)
{
  guint total = 0;
  guint roll;

  for (guint i = 0; i < G_N_ELEMENTS (email_domains); i++)
    total += email_domains[i].weight;

  roll = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (email_domains); i++)
    {
      if (roll < email_domains[i].weight)
        return email_domains[i].domain;
      roll -= email_domains[i].weight;
    }

  g_assert_not_reached ();
}

static char *
make_email (GRand      *rand,
            const char *given_latin,
            const char *family_latin)
{
  g_autofree char *given = bench_email_word (given_latin);
  g_autofree char *family = bench_email_word (family_latin);
  const char *domain = pick_domain (rand);
  guint number = g_rand_int_range (rand, 1, 100);

  if (*given == '\0' || *family == '\0')
    return g_strdup_printf ("%s%s%u@%s", given, family, number, domain);

  switch (g_rand_int_range (rand, 0, 7))
    {
    case 0:
      return g_strdup_printf ("%s.%s@%s", given, family, domain);
    case 1:
      return g_strdup_printf ("%s.%s%u@%s", given, family, number, domain);
    case 2:
      return g_strdup_printf ("%c%s%u@%s", given[0], family, number, domain);
    case 3:
      return g_strdup_printf ("%s_%s%u@%s", given, family, number, domain);
    case 4:
      return g_strdup_printf ("%s.%s%u@%s", family, given, number, domain);
    case 5:
      return g_strdup_printf ("%s%u@%s", given, g_rand_int_range (rand, 1950, 2008), domain);
    default:
      return g_strdup_printf ("%s%s%u@%s", given, family, number, domain);
    }
}

/* Most customers of a store in Paris have a French number, written every
 * way people write one; some keep the number of their own country. */
static char *
make_phone (GRand             *rand,
            BenchPhoneCountry  country)
{
  if (country != BENCH_PHONE_FRANCE && g_rand_int_range (rand, 0, 100) < 35)
    return fill_digits (rand, foreign_phones[country]);

  return fill_digits (rand, pick (rand, french_phones, G_N_ELEMENTS (french_phones)));
}

static const BenchOrigin *
pick_origin (Generator *gen)
{
  guint roll = g_rand_int_range (gen->rand, 0, 1000);

  for (guint i = 0; i < gen->n_origins; i++)
    {
      if (roll < gen->origins[i].weight)
        return &gen->origins[i];
      roll -= gen->origins[i].weight;
    }

  return &gen->origins[0];
}

static char *
make_interests (GRand *rand)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();
  int n = g_rand_int_range (rand, 0, 4);

  for (int i = 0; i < n; i++)
    {
      const char *tag = pick (rand, interest_tags, G_N_ELEMENTS (interest_tags));

      if (!g_ptr_array_find_with_equal_func (tags, tag, g_str_equal, NULL))
        g_ptr_array_add (tags, (gpointer) tag);
    }
  g_ptr_array_add (tags, NULL);

  return g_strjoinv (", ", (char **) tags->pdata);
}

static AtelierCustomer *
make_customer (Generator *gen)
{
  const BenchOrigin *origin = pick_origin (gen);
  /* Some families mix origins: the given name comes from elsewhere. */
  const BenchOrigin *given_origin = g_rand_int_range (gen->rand, 0, 100) < 6
                                    ? pick_origin (gen) : origin;
  const BenchName *given = &given_origin->given[g_rand_int_range (gen->rand, 0, given_origin->n_given)];
  const BenchName *family = &origin->family[g_rand_int_range (gen->rand, 0, origin->n_family)];
  gboolean native = g_rand_int_range (gen->rand, 0, 100) < (int) origin->native_share;
  const char *given_latin = given->latin ? given->latin : given->name;
  const char *family_latin = family->latin ? family->latin : family->name;
  gint64 created_at = gen->now - g_rand_int_range (gen->rand, 0, 5 * 365) * DAY
                      - g_rand_int_range (gen->rand, 0, DAY);
  gboolean consent = g_rand_int_range (gen->rand, 0, 100) < 65;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *interests = make_interests (gen->rand);
  const char *note = "";
  AtelierCustomer *customer;

  if (g_rand_int_range (gen->rand, 0, 100) < 88)
    email = make_email (gen->rand, given_latin, family_latin);
  if (g_rand_int_range (gen->rand, 0, 100) < 85)
    phone = make_phone (gen->rand, origin->phone);
  if (g_rand_int_range (gen->rand, 0, 100) < 5)
    note = pick (gen->rand, customer_notes, G_N_ELEMENTS (customer_notes));

  customer = atelier_customer_new (native && given->latin ? given->name : given_latin,
                                   native && family->latin ? family->name : family_latin);
  /* A few people give only one name. */
  if (g_rand_int_range (gen->rand, 0, 100) == 0)
    g_object_set (customer, "given-name", "", NULL);

  g_object_set (customer,
                "email", email,
                "phone", phone,
                "interests", interests,
                "note", note,
                "consent", consent,
                "consent-at", consent ? created_at : (gint64) 0,
                "created-at", created_at,
                NULL);
  return customer;
}

/* Erasure keeps the row (its registrations are history) and drops the
 * person. */
static void
erase_customer (Generator       *gen,
                AtelierCustomer *customer)
{
  gint64 erased_at = gen->now - g_rand_int_range (gen->rand, 1, 300) * DAY;

  g_object_set (customer,
                "given-name", "",
                "family-name", "",
                "email", NULL,
                "phone", NULL,
                "interests", "",
                "note", "",
                "consent", FALSE,
                "consent-at", (gint64) 0,
                "erased-at", erased_at,
                NULL);
  gen->counts.n_erased++;
}

static gboolean
add_customers (Generator  *gen,
               guint       count,
               GError    **error)
{
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(AtelierCustomer) customer = make_customer (gen);
      gint64 id;

      if (g_rand_int_range (gen->rand, 0, 1000) < 3)
        erase_customer (gen, customer);
      if (!atelier_store_add_customer (gen->store, customer, error))
        return FALSE;

      id = atelier_customer_get_id (customer);
      g_array_append_val (gen->customer_ids, id);
    }

  gen->counts.n_customers = count;
  return TRUE;
}

static gboolean
add_workshops (Generator  *gen,
               GError    **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (workshop_templates); i++)
    {
      const WorkshopTemplate *t = &workshop_templates[i];
      g_autoptr(AtelierWorkshop) workshop = atelier_workshop_new (t->title);
      gint64 id;

      g_object_set (workshop,
                    "description", "Un atelier pratique, en petit groupe, tout le matériel fourni.",
                    "takeaway", "Les recettes et ce que vous avez préparé",
                    "host", t->host,
                    "duration-minutes", t->duration_minutes,
                    "capacity", t->capacity,
                    "price-cents", t->price_cents,
                    "category", t->category,
                    "created-at", gen->now - (DAYS_BACK + 60) * DAY,
                    NULL);
      if (!atelier_store_add_workshop (gen->store, workshop, error))
        return FALSE;

      id = atelier_workshop_get_id (workshop);
      g_array_append_val (gen->workshop_ids, id);
    }

  gen->counts.n_workshops = G_N_ELEMENTS (workshop_templates);
  return TRUE;
}

/* A calendar UID that depends on the seed only, so that the same seed
 * gives the same file. */
static char *
make_uid (GRand *rand)
{
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x@atelier.ateliers.github.io",
                          g_rand_int (rand), g_rand_int (rand) & 0xffff,
                          g_rand_int (rand) & 0xfff, (g_rand_int (rand) & 0x3fff) | 0x8000,
                          g_rand_int (rand) & 0xffff, g_rand_int (rand));
}

static AtelierSession *
make_session (Generator *gen,
              GDateTime *first_day,
              guint      index,
              guint      count)
{
  guint workshop_index = g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (workshop_templates));
  const WorkshopTemplate *t = &workshop_templates[workshop_index];
  guint slot = g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (start_slots));
  int day_offset = (gint64) index * (DAYS_BACK + DAYS_AHEAD) / MAX (count, 1);
  g_autoptr(GDateTime) day = g_date_time_add_days (first_day, day_offset);
  g_autoptr(GDateTime) starts = g_date_time_new (gen->zone,
                                                 g_date_time_get_year (day),
                                                 g_date_time_get_month (day),
                                                 g_date_time_get_day_of_month (day),
                                                 start_slots[slot].hour,
                                                 start_slots[slot].minute, 0);
  g_autoptr(GDateTime) ends = g_date_time_add_minutes (starts, t->duration_minutes);
  g_autofree char *uid = make_uid (gen->rand);
  int capacity = t->capacity + g_rand_int_range (gen->rand, -2, 3);
  gint64 created_at = MIN (g_date_time_to_unix (starts) - g_rand_int_range (gen->rand, 20, 90) * DAY,
                           gen->now);
  AtelierSession *session =
    atelier_session_new (g_array_index (gen->workshop_ids, gint64, workshop_index),
                         starts, ends, STORE_ZONE);

  g_object_set (session,
                "place", t->place,
                "capacity", CLAMP (capacity, 6, 20),
                "uid", uid,
                "created-at", created_at,
                NULL);
  if (g_rand_int_range (gen->rand, 0, 100) < 2)
    g_object_set (session, "status", ATELIER_SESSION_CANCELLED, "sequence", 1, NULL);

  return session;
}

static GDateTime *
store_first_day (Generator *gen)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (gen->now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, gen->zone);
  g_autoptr(GDateTime) midnight = g_date_time_new (gen->zone,
                                                   g_date_time_get_year (local),
                                                   g_date_time_get_month (local),
                                                   g_date_time_get_day_of_month (local),
                                                   0, 0, 0);

  return g_date_time_add_days (midnight, -DAYS_BACK);
}

static gboolean
add_sessions (Generator  *gen,
              guint       count,
              GError    **error)
{
  g_autoptr(GDateTime) first_day = store_first_day (gen);

  for (guint i = 0; i < count; i++)
    {
      g_autoptr(AtelierSession) session = make_session (gen, first_day, i, count);
      GeneratedSession generated;

      if (!atelier_store_add_session (gen->store, session, error))
        return FALSE;

      generated.id = atelier_session_get_id (session);
      generated.starts_at = atelier_session_get_starts_at (session);
      generated.ends_at = atelier_session_get_ends_at (session);
      generated.capacity = atelier_session_get_capacity (session);
      generated.cancelled = atelier_session_is_cancelled (session);
      g_array_append_val (gen->sessions, generated);

      gen->counts.n_past_sessions += generated.ends_at < gen->now;
      gen->counts.n_cancelled_sessions += generated.cancelled;
    }

  gen->counts.n_sessions = count;
  return TRUE;
}

/* Regulars come back: the first customers of the book sign up more often
 * than the last ones. */
static gint64
pick_customer (Generator *gen)
{
  double u = g_rand_double (gen->rand);
  guint index = (guint) (gen->customer_ids->len * pow (u, 1.6));

  return g_array_index (gen->customer_ids, gint64, MIN (index, gen->customer_ids->len - 1));
}

static gboolean
already_picked (const gint64 *picked,
                guint         n_picked,
                gint64        id)
{
  for (guint j = 0; j < n_picked; j++)
    if (picked[j] == id)
      return TRUE;

  return FALSE;
}

/* After a few draws that hit customers already signed up, walk the book
 * in order: a session wanting nearly every customer still ends. */
static void
pick_distinct_customers (Generator *gen,
                         gint64    *picked,
                         guint      count)
{
  guint n_ids = gen->customer_ids->len;

  for (guint i = 0; i < count; i++)
    {
      guint tries = 0;

      do
        picked[i] = tries < 32 ? pick_customer (gen)
                               : g_array_index (gen->customer_ids, gint64, (i + tries) % n_ids);
      while (already_picked (picked, i, picked[i]) && ++tries < 32 + n_ids);
    }
}

static int
party_size (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  return roll < 70 ? 1 : roll < 92 ? 2 : roll < 98 ? 3 : 4;
}

static const char *
registration_source (GRand *rand)
{
  int roll = g_rand_int_range (rand, 0, 100);

  return roll < 55 ? "store" : roll < 92 ? "online" : "import";
}

typedef struct
{
  const GeneratedSession *session;
  int                     seats;
  int                     waiting;
} SessionFill;

static void
set_cancelled (Generator           *gen,
               AtelierRegistration *registration,
               const SessionFill   *fill,
               gint64               created_at)
{
  gint64 latest = MIN (fill->session->starts_at, gen->now);
  gint64 cancelled_at = created_at + g_rand_double (gen->rand) * MAX (latest - created_at, 60);

  g_object_set (registration,
                "status", ATELIER_REGISTRATION_CANCELLED,
                "cancelled-at", cancelled_at,
                "cancelled-by", fill->session->cancelled ? "store" : "customer",
                NULL);
  gen->counts.n_cancelled++;
}

static void
set_confirmed (Generator           *gen,
               AtelierRegistration *registration,
               SessionFill         *fill,
               int                  party)
{
  gboolean past = fill->session->ends_at < gen->now;

  fill->seats += party;
  gen->counts.n_confirmed++;
  if (!past || g_rand_int_range (gen->rand, 0, 100) >= 85)
    return;

  g_object_set (registration, "checked-in-at",
                fill->session->starts_at - g_rand_int_range (gen->rand, -600, 1200), NULL);
  gen->counts.n_checked_in++;
  if (g_rand_int_range (gen->rand, 0, 100) < 5)
    g_object_set (registration, "source", "walk-in", NULL);
}

/* Confirmed while seats remain, then on the waiting list in order; about
 * one in three cancels. A cancelled session's registrations were all
 * cancelled by the store. */
static AtelierRegistration *
make_registration (Generator   *gen,
                   SessionFill *fill,
                   gint64       customer_id,
                   gint64       created_at)
{
  const GeneratedSession *session = fill->session;
  int party = party_size (gen->rand);
  AtelierRegistration *registration = atelier_registration_new (session->id, customer_id, party);

  g_object_set (registration,
                "created-at", created_at,
                "source", registration_source (gen->rand),
                NULL);

  if (session->cancelled || g_rand_int_range (gen->rand, 0, 100) < 33)
    set_cancelled (gen, registration, fill, created_at);
  else if (fill->seats + party <= session->capacity)
    set_confirmed (gen, registration, fill, party);
  else
    {
      g_object_set (registration,
                    "status", ATELIER_REGISTRATION_WAITLISTED,
                    "waitlist-position", ++fill->waiting,
                    NULL);
      gen->counts.n_waitlisted++;
    }

  return registration;
}

static gboolean
add_session_registrations (Generator               *gen,
                           const GeneratedSession  *session,
                           guint                    count,
                           GError                 **error)
{
  g_autofree gint64 *customers = g_new (gint64, count);
  SessionFill fill = { session, 0, 0 };
  gint64 latest = MIN (session->starts_at - 3600, gen->now);
  gint64 earliest = latest - g_rand_int_range (gen->rand, 7, 60) * DAY;

  pick_distinct_customers (gen, customers, count);

  for (guint i = 0; i < count; i++)
    {
      /* Sign-ups in order, so that the waiting list is in order too. */
      gint64 created_at = earliest + (latest - earliest) * (i + 1) / (count + 1);
      g_autoptr(AtelierRegistration) registration =
        make_registration (gen, &fill, customers[i], created_at);

      if (!atelier_store_add_registration (gen->store, registration, error))
        return FALSE;
    }

  return TRUE;
}

/* Log-normal, capped: most sessions get an ordinary demand, a few are
 * the talk of the town. */
static double
session_demand (Generator              *gen,
                const GeneratedSession *session)
{
  double u1 = 1.0 - g_rand_double (gen->rand);
  double u2 = g_rand_double (gen->rand);
  double gauss = sqrt (-2.0 * log (u1)) * cos (2.0 * G_PI * u2);
  double days_ahead = (session->starts_at - gen->now) / (double) DAY;
  double demand = MIN (exp (1.2 * gauss), 5.0);

  /* Sessions months away have barely started to fill. */
  if (days_ahead > 0)
    demand *= MAX (0.05, 1.0 - days_ahead / 200.0);
  return demand;
}

/* The shares of the sessions add up to exactly @count. */
static gboolean
add_registrations (Generator  *gen,
                   guint       count,
                   GError    **error)
{
  guint n = gen->sessions->len;
  g_autofree double *weights = g_new (double, n);
  double total = 0, cumulated = 0;
  guint done = 0;

  for (guint i = 0; i < n; i++)
    total += weights[i] = session_demand (gen, &g_array_index (gen->sessions, GeneratedSession, i));

  for (guint i = 0; i < n; i++)
    {
      const GeneratedSession *session = &g_array_index (gen->sessions, GeneratedSession, i);
      guint target, share;

      cumulated += weights[i];
      target = (guint) llround (count * cumulated / total);
      share = MIN (target - MIN (done, target), gen->customer_ids->len);
      if (!add_session_registrations (gen, session, share, error))
        return FALSE;
      done += share;
    }

  return TRUE;
}

static gboolean
parse_today (Generator   *gen,
             const char  *text,
             GError     **error)
{
  g_autoptr(GDateTime) noon = NULL;
  int year, month, day;
  char extra;

  if (sscanf (text, "%d-%d-%d%c", &year, &month, &day, &extra) != 3 ||
      (noon = g_date_time_new (gen->zone, year, month, day, 12, 0, 0)) == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--today wants a date as YYYY-MM-DD, not “%s”", text);
      return FALSE;
    }

  gen->now = g_date_time_to_unix (noon);
  return TRUE;
}

static gboolean
fill_store (Generator  *gen,
            GError    **error)
{
  gint64 start = g_get_monotonic_time ();

  if (!add_workshops (gen, error) || !add_customers (gen, n_customers, error))
    return FALSE;
  g_print ("  %u customers in %.1f s\n", gen->counts.n_customers, elapsed_seconds (start));

  start = g_get_monotonic_time ();
  if (!add_sessions (gen, n_sessions, error))
    return FALSE;
  g_print ("  %u sessions in %.1f s\n", gen->counts.n_sessions, elapsed_seconds (start));

  start = g_get_monotonic_time ();
  if (n_registrations > 0 && n_sessions > 0 && n_customers > 0 &&
      !add_registrations (gen, n_registrations, error))
    return FALSE;
  g_print ("  %u registrations in %.1f s\n",
           gen->counts.n_confirmed + gen->counts.n_waitlisted + gen->counts.n_cancelled,
           elapsed_seconds (start));

  return TRUE;
}

static gboolean
generate (Generator  *gen,
          GError    **error)
{
  g_autoptr(GError) empty_error = NULL;
  gint64 start;

  if (!atelier_store_is_empty (gen->store, &empty_error))
    {
      if (empty_error != NULL)
        g_propagate_error (error, g_steal_pointer (&empty_error));
      else
        g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_NOT_EMPTY,
                     "%s already holds data; give a new file", database_path);
      return FALSE;
    }

  g_print ("Generating %s (seed %" G_GINT64_FORMAT ", around %s)\n", database_path, seed, today);

  /* One transaction of some hundred megabytes: keep it in memory rather
   * than spilling pages to the log and reading them back. This setting
   * lasts as long as the connection; the file does not keep it. */
  if (!atelier_store_exec (gen->store, "PRAGMA cache_size = -524288", error) ||
      !atelier_store_begin (gen->store, error))
    return FALSE;
  if (!fill_store (gen, error))
    {
      atelier_store_rollback (gen->store);
      return FALSE;
    }

  start = g_get_monotonic_time ();
  if (!atelier_store_commit (gen->store, error))
    return FALSE;
  g_print ("  commit in %.1f s\n", elapsed_seconds (start));

  return TRUE;
}

static void
print_summary (const GeneratedCounts *counts,
               double                 seconds)
{
  GStatBuf st;
  guint n_registrations_made = counts->n_confirmed + counts->n_waitlisted + counts->n_cancelled;

  g_print ("%s: %u workshops, %u sessions (%u past, %u cancelled), "
           "%u customers (%u erased), %u registrations "
           "(%u confirmed, %u waitlisted, %u cancelled; %u checked in)\n",
           database_path, counts->n_workshops, counts->n_sessions, counts->n_past_sessions,
           counts->n_cancelled_sessions, counts->n_customers, counts->n_erased,
           n_registrations_made, counts->n_confirmed, counts->n_waitlisted,
           counts->n_cancelled, counts->n_checked_in);
  if (g_stat (database_path, &st) == 0)
    g_print ("generated in %.1f s; file size %.1f MB\n", seconds, st.st_size / 1e6);
}

static gboolean
check_options (GError **error)
{
  if (database_path == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           "--database FILE is required");
      return FALSE;
    }
  if (n_customers < 0 || n_sessions < 0 || n_registrations < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "counts cannot be negative");
      return FALSE;
    }
  if (n_registrations > 0 && (n_customers == 0 || n_sessions == 0))
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "registrations need customers and sessions");
      return FALSE;
    }

  return TRUE;
}

static gboolean
run (GError **error)
{
  g_autoptr(AtelierStore) store = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (STORE_ZONE);
  Generator gen = { 0 };
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  gen.zone = zone;
  if (zone == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no time zone data for %s",
                   STORE_ZONE);
      return FALSE;
    }
  if (today == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (zone);
      today = g_date_time_format (now, "%Y-%m-%d");
    }
  if (!parse_today (&gen, today, error))
    return FALSE;
  if ((store = atelier_store_open (database_path, error)) == NULL)
    return FALSE;

  gen.store = store;
  gen.rand = g_rand_new_with_seed ((guint32) seed);
  gen.origins = bench_names_get_origins (&gen.n_origins);
  gen.workshop_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gen.sessions = g_array_new (FALSE, FALSE, sizeof (GeneratedSession));
  gen.customer_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_customers);

  ok = generate (&gen, error);

  g_rand_free (gen.rand);
  g_array_unref (gen.workshop_ids);
  g_array_unref (gen.sessions);
  g_array_unref (gen.customer_ids);

  /* Closing the store checkpoints the write-ahead log into the file. */
  g_clear_object (&store);
  if (ok)
    print_summary (&gen.counts, elapsed_seconds (start));

  return ok;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— fill a store for the benchmarks");
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, option_entries, NULL);
  g_option_context_set_description (context,
    "Creates a store with the real schema and fills it in one transaction.\n"
    "The same --seed and --today always give the same store.");

  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      !check_options (&error) || !run (&error))
    {
      g_printerr ("atelier-generate: %s\n", error->message);
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}
