/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-mailbox.c: the mailbox rule, as the settings use it
 *
 * Whatever is typed as the organizer, the setting either refuses it or
 * keeps an address that the rule accepts, with no byte that could end
 * a mail header or an iCalendar line.
 */
#define G_LOG_DOMAIN "fuzz-mailbox"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "atelier-contact.h"
#include "atelier-settings.h"
#include "fuzz-util.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_dup_text (data, size);
  g_autoptr(AtelierSettings) settings = atelier_settings_new ();
  g_autoptr(GError) error = NULL;
  gboolean valid = atelier_contact_is_mailbox (text);

  if (valid)
    {
      FUZZ_CHECK (g_utf8_validate (text, -1, NULL));
      FUZZ_CHECK (strpbrk (text, "\r\n\t <>,;:\"") == NULL);
      FUZZ_CHECK (strchr (text, '@') != NULL);
    }

  if (atelier_settings_set (settings, ATELIER_SETTING_ORGANIZER, text, &error))
    {
      const char *kept = atelier_settings_get_organizer (settings);

      FUZZ_CHECK (error == NULL);
      FUZZ_CHECK (kept != NULL);
      FUZZ_CHECK (*kept == '\0' || atelier_contact_is_mailbox (kept));
    }
  else
    FUZZ_CHECK (error != NULL && !valid);
  return 0;
}
