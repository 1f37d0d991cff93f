/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-contact.c: what a valid e-mail address, phone number and language
 * of a customer are, for every path that stores one */
#define G_LOG_DOMAIN "test-contact"

#include "config.h"

#include "atelier-contact.h"
#include "test-util.h"

static void
test_mailbox (void)
{
  static const char *const valid[] = {
    "zoe@example.org", "Zoe.Martin@Example.org", "o'brien+classes@example.co.uk",
    "zoé@exemple.fr", "a@b", "x_y-z@sub.example-shop.fr",
  };
  static const char *const refused[] = {
    "x@example.org\r\nBcc: y@evil.example", "zoe@example.org\nBcc: y@evil.example",
    "not an email", "", "@example.org", "zoe@", "zoe", "zoe@@example.org",
    "zoe@exa@mple.org", ".zoe@example.org", "zoe.@example.org", "zo..e@example.org",
    "zoe@example..org", "zoe@.example.org", "zoe@example.org.", "zoe @example.org",
    "\"zoe\"@example.org", "<zoe@example.org>", "Zoé <zoe@example.org>",
    "zoe@example.org, hugo@example.org", "zoe@example.org;hugo@example.org",
    "zoe@exam_ple.org", "zoe@example.org\t", "zoe\xff@example.org",
    "zoe\xee\x80\x80@example.org",
  };
  g_autofree char *long_local = g_strnfill (65, 'a');
  g_autofree char *longest_local = g_strnfill (64, 'a');
  g_autofree char *too_long_local = g_strconcat (long_local, "@example.org", NULL);
  g_autofree char *long_enough = g_strconcat (longest_local, "@example.org", NULL);
  g_autofree char *long_domain = g_strnfill (250, 'd');
  g_autofree char *too_long = g_strconcat ("a@", long_domain, ".org", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (atelier_contact_is_mailbox (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("refused: %s", refused[i]);
      g_assert_false (atelier_contact_is_mailbox (refused[i]));
    }

  g_assert_false (atelier_contact_is_mailbox (NULL));
  g_assert_true (atelier_contact_is_mailbox (long_enough));
  g_assert_false (atelier_contact_is_mailbox (too_long_local));
  g_assert_false (atelier_contact_is_mailbox (too_long));
}

static void
test_phone (void)
{
  static const char *const valid[] = {
    "06 12 34 56 78", "+33 6 12 34 56 78", "(01) 23-45-67-89", "01.23.45.67.89",
    "0612345678", "123456", "+1 (514) 555-0199", "12345678901234567890", "030/1234567",
  };
  static const char *const refused[] = {
    "DROP TABLE", "DROP TABLE customers;--", "12345", "123456789012345678901", "",
    "06 12 34 56 78\r\nBcc: y@evil.example", "06 12 34 56 78 ext. 5", "zero six",
    "06\t12\t34\t56\t78", "=1+2+3+4+5+6", "06 12 34 56 78;", "０６１２３４５６７８",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (atelier_contact_is_phone (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("refused: %s", refused[i]);
      g_assert_false (atelier_contact_is_phone (refused[i]));
    }
  g_assert_false (atelier_contact_is_phone (NULL));
}

static void
assert_language (const char *text,
                 const char *expected)
{
  g_autofree char *tag = atelier_contact_parse_language (text);

  g_test_message ("language: %s", text ? text : "(null)");
  g_assert_cmpstr (tag, ==, expected);
}

static void
test_language (void)
{
  assert_language ("fr", "fr");
  assert_language ("FR", "fr");
  assert_language ("fr-CA", "fr-CA");
  assert_language ("fr-ca", "fr-CA");
  assert_language ("pt_BR", "pt-BR");
  assert_language ("Français", "fr");
  assert_language ("FRANÇAIS", "fr");
  assert_language ("English", "en");
  assert_language ("Deutsch", "de");
  assert_language ("Español", "es");
  assert_language ("Néerlandais", "nl");
  assert_language ("gsw", "gsw");
  assert_language ("zh-Hant-TW", "zh-hant-TW");

  assert_language (NULL, NULL);
  assert_language ("", NULL);
  assert_language ("f", NULL);
  assert_language ("french fries", NULL);
  assert_language ("fr-", NULL);
  assert_language ("-fr", NULL);
  assert_language ("fr--CA", NULL);
  assert_language ("f1", NULL);
  assert_language ("fr-abcdefghi", NULL);
  assert_language ("DROP TABLE", NULL);
  assert_language ("fr\r\nBcc: y@evil.example", NULL);
  assert_language ("fr\xff", NULL);
}

/* The check every path calls: empty values are none, and the first bad
 * one is named in the error. */
static void
test_check (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (atelier_contact_check (NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (atelier_contact_check ("", "", "", &error));
  g_assert_no_error (error);
  g_assert_true (atelier_contact_check ("zoe@example.org", "06 12 34 56 78", "fr", &error));
  g_assert_no_error (error);

  g_assert_false (atelier_contact_check ("x@example.org\r\nBcc: y@evil.example", NULL, NULL, &error));
  g_assert_error (error, ATELIER_CONTACT_ERROR, ATELIER_CONTACT_ERROR_EMAIL);
  g_assert_nonnull (strstr (error->message, "Bcc: y@evil.example"));
  g_clear_error (&error);

  g_assert_false (atelier_contact_check ("not an email", "06 12 34 56 78", "fr", &error));
  g_assert_error (error, ATELIER_CONTACT_ERROR, ATELIER_CONTACT_ERROR_EMAIL);
  g_assert_nonnull (strstr (error->message, "“not an email”"));
  g_clear_error (&error);

  g_assert_false (atelier_contact_check ("zoe@example.org", "DROP TABLE", NULL, &error));
  g_assert_error (error, ATELIER_CONTACT_ERROR, ATELIER_CONTACT_ERROR_PHONE);
  g_assert_nonnull (strstr (error->message, "“DROP TABLE”"));
  g_clear_error (&error);

  g_assert_false (atelier_contact_check (NULL, NULL, "Klingon", &error));
  g_assert_error (error, ATELIER_CONTACT_ERROR, ATELIER_CONTACT_ERROR_LANGUAGE);
  g_assert_nonnull (strstr (error->message, "“Klingon”"));
  g_clear_error (&error);

  /* Bytes that are not UTF-8 never reach the message. */
  g_assert_false (atelier_contact_check ("zoe\xff@example.org", NULL, NULL, &error));
  g_assert_error (error, ATELIER_CONTACT_ERROR, ATELIER_CONTACT_ERROR_EMAIL);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

int
main (int argc, char **argv)
{
  test_init (&argc, &argv);

  g_test_add_func ("/atelier/contact/mailbox", test_mailbox);
  g_test_add_func ("/atelier/contact/phone", test_phone);
  g_test_add_func ("/atelier/contact/language", test_language);
  g_test_add_func ("/atelier/contact/check", test_check);

  return g_test_run ();
}
