/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-wording-private.h: the texts customers read, in the store's
 * language
 *
 * The interface follows the machine's locale through gettext; what goes
 * to customers (invites, mails) follows the store's "language" setting
 * instead, so these few texts live here in English and French.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ATELIER_WORDING_HOST,
  ATELIER_WORDING_TAKEAWAY,
  ATELIER_WORDING_PARTY,
  ATELIER_WORDING_REMINDER,
  ATELIER_WORDING_SUBJECT_NEW,
  ATELIER_WORDING_SUBJECT_PROMOTED,
  ATELIER_WORDING_SUBJECT_UPDATE,
  ATELIER_WORDING_SUBJECT_CANCELLED,
  ATELIER_WORDING_SUBJECT_SESSION_CANCELLED,
  ATELIER_WORDING_GREETING,
  ATELIER_WORDING_BODY_NEW,
  ATELIER_WORDING_BODY_PROMOTED,
  ATELIER_WORDING_BODY_UPDATE,
  ATELIER_WORDING_BODY_CANCELLED,
  ATELIER_WORDING_BODY_SESSION_CANCELLED,
  ATELIER_WORDING_BODY_PLACE,
  ATELIER_WORDING_BODY_CALENDAR,
  ATELIER_WORDING_BODY_SIGNATURE,
  ATELIER_WORDING_N_TEXTS,
} AtelierWordingId;

/* @language: "en" or "fr" (anything else reads as "en"). Placeholders
 * such as {title} are replaced by atelier_wording_expand(). */
const char *atelier_wording_get         (const char       *language,
                                         AtelierWordingId  id);

/* Replaces each {name} of the text by its value; pairs of name and value
 * follow, ended by %NULL. Values are never interpreted. */
char       *atelier_wording_expand      (const char       *language,
                                         AtelierWordingId  id,
                                         ...) G_GNUC_NULL_TERMINATED;

/* "Saturday 14 June 2025, 18:30" or "samedi 14 juin 2025 à 18:30". */
char       *atelier_wording_format_when (const char       *language,
                                         GDateTime        *local);

G_END_DECLS
