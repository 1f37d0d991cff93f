/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-bench-names.h: the people a generated store is made of
 *
 * Given and family names of the customers of a store in Paris: mostly
 * French, and from many other places, some written in their own script.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a customer of this origin most often writes a phone number abroad. */
typedef enum
{
  BENCH_PHONE_FRANCE,
  BENCH_PHONE_GERMANY,
  BENCH_PHONE_SPAIN,
  BENCH_PHONE_PORTUGAL,
  BENCH_PHONE_ITALY,
  BENCH_PHONE_POLAND,
  BENCH_PHONE_TURKEY,
  BENCH_PHONE_MOROCCO,
  BENCH_PHONE_ISRAEL,
  BENCH_PHONE_CHINA,
  BENCH_PHONE_JAPAN,
  BENCH_PHONE_KOREA,
  BENCH_PHONE_VIETNAM,
  BENCH_PHONE_INDIA,
  BENCH_PHONE_NIGERIA,
  BENCH_PHONE_UK,
  BENCH_PHONE_UKRAINE,
} BenchPhoneCountry;

/* @latin is how the name is written in Latin letters when @name is in
 * another script (it gives the e-mail address), or NULL. */
typedef struct
{
  const char *name;
  const char *latin;
} BenchName;

typedef struct
{
  const char        *origin;
  const BenchName   *given;
  guint              n_given;
  const BenchName   *family;
  guint              n_family;
  guint              weight;        /* share of the customers, in ‰ */
  guint              native_share;  /* % written in their own script */
  BenchPhoneCountry  phone;
} BenchOrigin;

const BenchOrigin *bench_names_get_origins (guint *n_origins);

/* The word of an e-mail address for a name in Latin letters:
 * "Müller-Lüdenscheidt" gives "muller-ludenscheidt", "O’Connor" gives
 * "oconnor". */
char              *bench_email_word        (const char *latin);

G_END_DECLS
