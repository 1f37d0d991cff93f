/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-wording-private.h: the texts customers read, in their
 * language
 *
 * The interface follows the machine's locale through gettext; what goes
 * to customers (invites, mails) follows the customer's language, else the
 * store's "language" setting, so these few texts live here in English and
 * French. The mails' own texts are templates (atelier-mail-template.c).
 */
#pragma once

#include <glib.h>

#include "atelier-session.h"

G_BEGIN_DECLS

typedef enum
{
  ATELIER_WORDING_HOST,
  ATELIER_WORDING_TAKEAWAY,
  ATELIER_WORDING_BRING,
  ATELIER_WORDING_PARTY,
  ATELIER_WORDING_REMINDER,
  ATELIER_WORDING_CHANGED_DATE,
  ATELIER_WORDING_CHANGED_START,
  ATELIER_WORDING_CHANGED_END,
  ATELIER_WORDING_CHANGED_ZONE,
  ATELIER_WORDING_CHANGED_PLACE,
  ATELIER_WORDING_CHANGED_NOTHING,
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

/* "18:30", a time of day as the mails write it. */
char       *atelier_wording_format_time (const char       *language,
                                         GDateTime        *local);

/* One line per change a customer would see between @before (what they
 * were last told) and @after, joined by line breaks: "The end time has
 * changed: it now ends at 13:30 instead of 12:30." An empty place reads
 * as @address. */
char       *atelier_wording_describe_changes (const char     *language,
                                              AtelierSession *before,
                                              AtelierSession *after,
                                              const char     *address);

G_END_DECLS
