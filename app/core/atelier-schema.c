/* SPDX-License-Identifier: GPL-3.0-or-later */
/* atelier-schema.c: the numbered migrations of the store's file
 *
 * Each step is applied once, in order, in one transaction. A released step
 * is never edited: a change to the schema is a new step at the end.
 */
#define G_LOG_DOMAIN "atelier-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "atelier-schema-private.h"
#include "atelier-store.h"

/* The constraint names appear in error messages: atelier-store.c turns
 * each into a sentence. */
static const char schema_step_1[] =
  "CREATE TABLE workshops ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL"
  "    CONSTRAINT workshop_title_not_empty CHECK (length (trim (title, ' ' || char (9, 10, 13))) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  takeaway TEXT NOT NULL DEFAULT '',"
  "  host TEXT NOT NULL DEFAULT '',"
  "  duration_minutes INTEGER NOT NULL"
  "    CONSTRAINT workshop_duration_positive CHECK (duration_minutes > 0),"
  "  capacity INTEGER NOT NULL"
  "    CONSTRAINT workshop_capacity_not_negative CHECK (capacity >= 0),"
  "  price_cents INTEGER NOT NULL DEFAULT 0"
  "    CONSTRAINT workshop_price_not_negative CHECK (price_cents >= 0),"
  "  category TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE sessions ("
  "  id INTEGER PRIMARY KEY,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE RESTRICT,"
  "  starts_at INTEGER NOT NULL,"
  "  ends_at INTEGER NOT NULL,"
  "  time_zone TEXT NOT NULL"
  "    CONSTRAINT session_time_zone_not_empty CHECK (length (time_zone) > 0),"
  "  place TEXT NOT NULL DEFAULT '',"
  "  capacity INTEGER NOT NULL"
  "    CONSTRAINT session_capacity_not_negative CHECK (capacity >= 0),"
  "  status TEXT NOT NULL DEFAULT 'scheduled'"
  "    CONSTRAINT session_status_known CHECK (status IN ('scheduled', 'cancelled')),"
  "  uid TEXT NOT NULL UNIQUE"
  "    CONSTRAINT session_uid_not_empty CHECK (length (uid) > 0),"
  "  sequence INTEGER NOT NULL DEFAULT 0"
  "    CONSTRAINT session_sequence_not_negative CHECK (sequence >= 0),"
  "  created_at INTEGER NOT NULL,"
  "  CONSTRAINT session_ends_after_start CHECK (ends_at > starts_at)"
  ");"
  "CREATE INDEX sessions_by_start ON sessions (starts_at);"
  "CREATE INDEX sessions_by_workshop ON sessions (workshop_id);"
  "CREATE TABLE customers ("
  "  id INTEGER PRIMARY KEY,"
  "  given_name TEXT NOT NULL DEFAULT '',"
  "  family_name TEXT NOT NULL DEFAULT '',"
  "  email TEXT,"
  "  phone TEXT,"
  "  interests TEXT NOT NULL DEFAULT '',"
  "  note TEXT NOT NULL DEFAULT '',"
  "  consent INTEGER NOT NULL DEFAULT 0"
  "    CONSTRAINT customer_consent_boolean CHECK (consent IN (0, 1)),"
  "  consent_at INTEGER,"
  "  created_at INTEGER NOT NULL,"
  "  erased_at INTEGER,"
  "  CONSTRAINT customer_name_not_empty"
  "    CHECK (erased_at IS NOT NULL"
  "           OR length (trim (given_name || family_name, ' ' || char (9, 10, 13))) > 0)"
  ");"
  "CREATE INDEX customers_by_name ON customers (family_name, given_name);"
  "CREATE INDEX customers_by_email ON customers (email COLLATE NOCASE);"
  "CREATE TABLE registrations ("
  "  id INTEGER PRIMARY KEY,"
  "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE RESTRICT,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,"
  "  party_size INTEGER NOT NULL"
  "    CONSTRAINT registration_party_size_positive CHECK (party_size >= 1),"
  "  status TEXT NOT NULL"
  "    CONSTRAINT registration_status_known"
  "    CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),"
  "  waitlist_position INTEGER,"
  "  checked_in_at INTEGER,"
  "  source TEXT NOT NULL DEFAULT 'store'"
  "    CONSTRAINT registration_source_known"
  "    CHECK (source IN ('store', 'walk-in', 'online', 'import')),"
  "  note TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL,"
  "  CONSTRAINT registration_waitlist_position"
  "    CHECK ((status = 'waitlisted') = (waitlist_position IS NOT NULL)"
  "           AND (waitlist_position IS NULL OR waitlist_position >= 1)),"
  "  CONSTRAINT registration_checkin_confirmed"
  "    CHECK (checked_in_at IS NULL OR status = 'confirmed'),"
  "  UNIQUE (session_id, customer_id)"
  ");"
  "CREATE INDEX registrations_by_customer ON registrations (customer_id);"
  "CREATE INDEX registrations_by_session_status ON registrations (session_id, status, party_size);"
  "CREATE UNIQUE INDEX registrations_waitlist_order"
  "  ON registrations (session_id, waitlist_position) WHERE waitlist_position IS NOT NULL;"
  /* The seats rule lives in the file too, so that no writer, whichever
   * code path it takes, can confirm more seats than a session has. */
  "CREATE TRIGGER registrations_capacity_on_insert BEFORE INSERT ON registrations"
  "  WHEN NEW.status = 'confirmed'"
  "   AND NEW.party_size + (SELECT coalesce (sum (party_size), 0) FROM registrations"
  "                         WHERE session_id = NEW.session_id AND status = 'confirmed')"
  "       > (SELECT capacity FROM sessions WHERE id = NEW.session_id)"
  "BEGIN SELECT RAISE (ABORT, 'session_over_capacity'); END;"
  "CREATE TRIGGER registrations_capacity_on_update"
  "  BEFORE UPDATE OF status, party_size, session_id ON registrations"
  "  WHEN NEW.status = 'confirmed'"
  "   AND NEW.party_size + (SELECT coalesce (sum (party_size), 0) FROM registrations"
  "                         WHERE session_id = NEW.session_id AND status = 'confirmed'"
  "                           AND id <> NEW.id)"
  "       > (SELECT capacity FROM sessions WHERE id = NEW.session_id)"
  "BEGIN SELECT RAISE (ABORT, 'session_over_capacity'); END;"
  "CREATE TRIGGER sessions_capacity_not_below_taken BEFORE UPDATE OF capacity ON sessions"
  "  WHEN NEW.capacity < (SELECT coalesce (sum (party_size), 0) FROM registrations"
  "                       WHERE session_id = NEW.id AND status = 'confirmed')"
  "BEGIN SELECT RAISE (ABORT, 'session_capacity_below_taken'); END;"
  "CREATE VIEW session_overview AS"
  "  SELECT s.*, w.title AS workshop_title,"
  "    (SELECT coalesce (sum (r.party_size), 0) FROM registrations r"
  "     WHERE r.session_id = s.id AND r.status = 'confirmed') AS seats_taken,"
  "    (SELECT count (*) FROM registrations r"
  "     WHERE r.session_id = s.id AND r.status = 'waitlisted') AS waiting_parties,"
  "    (SELECT coalesce (sum (r.party_size), 0) FROM registrations r"
  "     WHERE r.session_id = s.id AND r.status = 'waitlisted') AS waiting_seats"
  "  FROM sessions s JOIN workshops w ON w.id = s.workshop_id;"
  "CREATE VIEW registration_overview AS"
  "  SELECT r.*, trim (c.given_name || ' ' || c.family_name) AS customer_name"
  "  FROM registrations r JOIN customers c ON c.id = r.customer_id;";

/* Booking: when a registration was promoted or cancelled and by whom, and
 * the customer search for the door. The search index folds case and
 * accents ("zoe" finds "Zoé") and keeps a phone number as its digits, in
 * international and national form, whatever the spacing it was typed with. */
#define PHONE_DIGITS(p)                                                     \
  "replace (replace (replace (replace (replace (replace (replace ("          \
  "coalesce (" p ", ''), ' ', ''), '.', ''), '-', ''), '(', ''), ')', ''), '/', ''), '+', '')"
#define PHONE_FORMS_OF_DIGITS(d)                                            \
  "(" d " || CASE WHEN " d " LIKE '33_%'"                                   \
  " THEN ' 0' || substr (" d ", 3) ELSE '' END)"
#define PHONE_FORMS(p) PHONE_FORMS_OF_DIGITS (PHONE_DIGITS (p))
#define SEARCH_VALUES(row)                                                  \
  row ".given_name, " row ".family_name, coalesce (" row ".email, ''), "      \
  PHONE_FORMS (row ".phone")

static const char schema_step_2[] =
  "ALTER TABLE registrations ADD COLUMN promoted_at INTEGER;"
  "ALTER TABLE registrations ADD COLUMN cancelled_at INTEGER;"
  "ALTER TABLE registrations ADD COLUMN cancelled_by TEXT"
  "  CONSTRAINT registration_cancelled_by_known CHECK (cancelled_by IN ('store', 'customer'));"
  "CREATE VIRTUAL TABLE customer_search USING fts5 ("
  "  given_name, family_name, email, phone,"
  "  content = '', prefix = '1 2 3',"
  "  tokenize = 'unicode61 remove_diacritics 2');"
  /* A name counts more than a word of an e-mail address. */
  "INSERT INTO customer_search (customer_search, rank) VALUES ('rank', 'bm25(10.0, 10.0, 2.0, 4.0)');"
  "INSERT INTO customer_search (rowid, given_name, family_name, email, phone)"
  "  SELECT id, " SEARCH_VALUES ("customers") " FROM customers;"
  "CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN"
  "  INSERT INTO customer_search (rowid, given_name, family_name, email, phone)"
  "  VALUES (NEW.id, " SEARCH_VALUES ("NEW") ");"
  "END;"
  "CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN"
  "  INSERT INTO customer_search (customer_search, rowid, given_name, family_name, email, phone)"
  "  VALUES ('delete', OLD.id, " SEARCH_VALUES ("OLD") ");"
  "END;"
  "CREATE TRIGGER customers_search_update"
  "  AFTER UPDATE OF given_name, family_name, email, phone ON customers BEGIN"
  "  INSERT INTO customer_search (customer_search, rowid, given_name, family_name, email, phone)"
  "  VALUES ('delete', OLD.id, " SEARCH_VALUES ("OLD") ");"
  "  INSERT INTO customer_search (rowid, given_name, family_name, email, phone)"
  "  VALUES (NEW.id, " SEARCH_VALUES ("NEW") ");"
  "END;";

/* Invitations: the store's settings, and what each customer last received
 * of their session's calendar event. What is still owed to whom (the
 * outbox) is derived from those and from the SEQUENCE of the session;
 * see atelier-outbox.c. A registration's sequence_offset is how far its
 * customer's copy of the event is ahead of the session's SEQUENCE, after
 * a cancellation or a new invitation that concerned that customer alone. */
static const char schema_step_3[] =
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY"
  "    CONSTRAINT setting_key_known"
  "    CHECK (key IN ('store-name', 'organizer', 'address', 'time-zone',"
  "                   'reminder', 'rsvp', 'language')),"
  "  value TEXT NOT NULL"
  "    CONSTRAINT setting_value_one_line"
  "    CHECK (instr (value, char (10)) = 0 AND instr (value, char (13)) = 0),"
  "  CONSTRAINT setting_value_valid CHECK (CASE key"
  "    WHEN 'reminder' THEN length (value) BETWEEN 1 AND 5 AND NOT value GLOB '*[^0-9]*'"
  "    WHEN 'rsvp' THEN value IN ('true', 'false')"
  "    WHEN 'language' THEN value IN ('en', 'fr')"
  "    WHEN 'organizer' THEN value = '' OR value GLOB '?*@?*'"
  "    WHEN 'time-zone' THEN length (value) > 0"
  "    ELSE 1 END)"
  ") WITHOUT ROWID;"
  "ALTER TABLE registrations ADD COLUMN sent_method TEXT"
  "  CONSTRAINT registration_sent_method_known CHECK (sent_method IN ('REQUEST', 'CANCEL'));"
  "ALTER TABLE registrations ADD COLUMN sent_sequence INTEGER"
  "  CONSTRAINT registration_sent_sequence_not_negative CHECK (sent_sequence >= 0);"
  "ALTER TABLE registrations ADD COLUMN sent_at INTEGER"
  "  CONSTRAINT registration_sent_complete"
  "  CHECK ((sent_at IS NULL) = (sent_method IS NULL)"
  "         AND (sent_method IS NULL) = (sent_sequence IS NULL));"
  "ALTER TABLE registrations ADD COLUMN sequence_offset INTEGER NOT NULL DEFAULT 0"
  "  CONSTRAINT registration_sequence_offset_not_negative CHECK (sequence_offset >= 0);"
  /* One row per message owed: a first invitation ('new', or 'promoted'
   * from the waiting list, or again after a cancellation), an 'update'
   * after the session changed, a 'cancelled' registration, or a
   * 'session-cancelled'. Customers without an address are left out:
   * nothing can be sent to them. */
  "CREATE VIEW outbox AS"
  "  SELECT *, CASE WHEN kind IN ('cancelled', 'session-cancelled')"
  "              THEN 'CANCEL' ELSE 'REQUEST' END AS method"
  "  FROM ("
  "    SELECT r.id AS registration_id, r.session_id, r.customer_id, r.party_size,"
  "      trim (c.given_name || ' ' || c.family_name) AS customer_name, c.email,"
  "      w.title AS workshop_title, s.starts_at, s.ends_at,"
  "      r.sent_method, r.sent_sequence, r.sent_at,"
  "      CASE"
  "        WHEN s.status = 'cancelled' THEN"
  "          CASE WHEN r.sent_method = 'REQUEST' THEN 'session-cancelled' END"
  "        WHEN r.status <> 'confirmed' THEN"
  "          CASE WHEN r.sent_method = 'REQUEST' THEN 'cancelled' END"
  "        WHEN r.sent_method IS NULL OR r.sent_method = 'CANCEL' THEN"
  "          CASE WHEN r.promoted_at IS NOT NULL"
  "                AND (r.sent_at IS NULL OR r.promoted_at >= r.sent_at)"
  "            THEN 'promoted' ELSE 'new' END"
  "        WHEN r.sent_sequence < s.sequence + r.sequence_offset THEN 'update'"
  "      END AS kind,"
  /* The customer's SEQUENCE only ever grows: a cancellation of their
   * registration, and an invitation after one, each raise it by one. */
  "      s.sequence + r.sequence_offset"
  "        + CASE WHEN s.status = 'scheduled'"
  "                AND (r.status <> 'confirmed' OR r.sent_method = 'CANCEL')"
  "          THEN 1 ELSE 0 END AS sequence"
  "    FROM registrations r"
  "    JOIN sessions s ON s.id = r.session_id"
  "    JOIN customers c ON c.id = r.customer_id"
  "    JOIN workshops w ON w.id = s.workshop_id"
  "    WHERE c.erased_at IS NULL AND coalesce (c.email, '') <> '')"
  "  WHERE kind IS NOT NULL;";


/* Customers: the profile grows (language, needs, how they first came,
 * the wording of their consent, when they were last seen), interests
 * become tags from a store-wide list, and the store keeps when it last
 * contacted someone and how long it keeps people without activity.
 *
 * The `interests` column stays the one written by the entity code ("cuisine,
 * vin"); triggers keep `customer_tags` in step with it and add unknown
 * interests to `tags`, which is how staff extend the list. A workshop's
 * category is a tag too. An interest holds no comma (it separates them) nor
 * line break, and is trimmed. */
#define TAG_OK(x)                                                           \
  "(length (" x ") BETWEEN 1 AND 60 AND " x " = trim (" x ")"               \
  " AND instr (" x ", ',') = 0 AND instr (" x ", char (10)) = 0"            \
  " AND instr (" x ", char (13)) = 0 AND instr (" x ", char (9)) = 0)"
/* The interests of a text as rows of `name`: split at commas and
 * semicolons, trimmed, empty ones left out. Text that cannot be split
 * gives none rather than refusing the customer. */
#define INTEREST_JSON(x)                                                    \
  "'[\"' || replace (replace (replace (replace (replace (replace (replace (" \
  "coalesce (" x ", ''), '\\', '\\\\'), '\"', '\\\"'), char (9), ' '),"     \
  " char (10), ' '), char (13), ' '), ';', ','), ',', '\",\"') || '\"]'"
#define INTEREST_EACH(x)                                                    \
  "json_each (CASE WHEN json_valid (" INTEREST_JSON (x) ")"                 \
  " THEN " INTEREST_JSON (x) " ELSE '[]' END)"
#define INTEREST_ITEMS(x)                                                   \
  "SELECT DISTINCT trim (value) AS name FROM " INTEREST_EACH (x)            \
  " WHERE length (trim (value)) BETWEEN 1 AND 60"
#define LINK_TAGS(row)                                                      \
  "  INSERT OR IGNORE INTO tags (name, created_at)"                         \
  "    SELECT name, unixepoch () FROM (" INTEREST_ITEMS (row ".interests") ");" \
  "  INSERT OR IGNORE INTO customer_tags (customer_id, tag_id)"             \
  "    SELECT " row ".id, t.id FROM tags t"                                 \
  "    WHERE t.name IN (" INTEREST_ITEMS (row ".interests") ");"

static const char schema_step_4[] =
  "ALTER TABLE customers ADD COLUMN preferred_language TEXT;"
  "ALTER TABLE customers ADD COLUMN needs TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE customers ADD COLUMN first_came TEXT NOT NULL DEFAULT 'store'"
  "  CONSTRAINT customer_first_came_known"
  "  CHECK (first_came IN ('walk-in', 'sign-up', 'import', 'store'));"
  "ALTER TABLE customers ADD COLUMN consent_wording TEXT;"
  "ALTER TABLE customers ADD COLUMN last_seen_at INTEGER;"
  /* The digits of the phone, national form for French numbers: what
   * duplicate detection compares. */
  "ALTER TABLE customers ADD COLUMN phone_key TEXT GENERATED ALWAYS AS ("
  "  CASE WHEN " PHONE_DIGITS ("phone") " LIKE '33_________'"
  "         AND length (" PHONE_DIGITS ("phone") ") = 11"
  "       THEN '0' || substr (" PHONE_DIGITS ("phone") ", 3)"
  "       ELSE " PHONE_DIGITS ("phone") " END) VIRTUAL;"
  "CREATE INDEX customers_by_phone_key ON customers (phone_key) WHERE phone_key <> '';"
  "UPDATE customers SET last_seen_at = ("
  "  SELECT max (max (coalesce (r.checked_in_at, 0), r.created_at))"
  "  FROM registrations r WHERE r.customer_id = customers.id);"
  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE"
  "    CONSTRAINT tag_name_valid CHECK " TAG_OK ("name") ","
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE customer_tags ("
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (customer_id, tag_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX customer_tags_by_tag ON customer_tags (tag_id, customer_id);"
  "INSERT OR IGNORE INTO tags (name, created_at)"
  "  SELECT DISTINCT trim (category), created_at FROM workshops"
  "  WHERE " TAG_OK ("trim (category)") " ORDER BY created_at;"
  "INSERT OR IGNORE INTO tags (name, created_at)"
  "  SELECT trim (j.value), c.created_at FROM customers c, " INTEREST_EACH ("c.interests") " j"
  "  WHERE length (trim (j.value)) BETWEEN 1 AND 60 ORDER BY c.created_at;"
  "INSERT OR IGNORE INTO customer_tags (customer_id, tag_id)"
  "  SELECT c.id, t.id FROM customers c, " INTEREST_EACH ("c.interests") " j"
  "  JOIN tags t ON t.name = trim (j.value);"
  "CREATE TRIGGER customers_tags_insert AFTER INSERT ON customers"
  "  WHEN NEW.interests <> '' BEGIN"
  LINK_TAGS ("NEW")
  "END;"
  "CREATE TRIGGER customers_tags_update AFTER UPDATE OF interests ON customers BEGIN"
  "  DELETE FROM customer_tags WHERE customer_id = NEW.id;"
  LINK_TAGS ("NEW")
  "END;"
  "CREATE TRIGGER workshops_category_tag_insert AFTER INSERT ON workshops"
  "  WHEN " TAG_OK ("trim (NEW.category)") " BEGIN"
  "  INSERT OR IGNORE INTO tags (name, created_at) VALUES (trim (NEW.category), unixepoch ());"
  "END;"
  "CREATE TRIGGER workshops_category_tag_update AFTER UPDATE OF category ON workshops"
  "  WHEN " TAG_OK ("trim (NEW.category)") " BEGIN"
  "  INSERT OR IGNORE INTO tags (name, created_at) VALUES (trim (NEW.category), unixepoch ());"
  "END;"
  /* Last seen: when they last signed up or were checked in. */
  "CREATE TRIGGER registrations_seen_insert AFTER INSERT ON registrations BEGIN"
  "  UPDATE customers SET last_seen_at = max (coalesce (last_seen_at, 0),"
  "                                           coalesce (NEW.checked_in_at, 0), NEW.created_at)"
  "  WHERE id = NEW.customer_id;"
  "END;"
  "CREATE TRIGGER registrations_seen_checkin AFTER UPDATE OF checked_in_at ON registrations"
  "  WHEN NEW.checked_in_at IS NOT NULL BEGIN"
  "  UPDATE customers SET last_seen_at = max (coalesce (last_seen_at, 0), NEW.checked_in_at)"
  "  WHERE id = NEW.customer_id;"
  "END;"
  /* Each time the store reached out to someone outside of an invite to a
   * session they signed up for (a mail-merge of "who to invite next"). */
  "CREATE TABLE contacts ("
  "  id INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,"
  "  contacted_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX contacts_by_customer ON contacts (customer_id, contacted_at);"
  /* Personal-data rules, apart from the invitation settings. */
  "CREATE TABLE policies ("
  "  key TEXT PRIMARY KEY"
  "    CONSTRAINT policy_key_known CHECK (key IN ('retention-years')),"
  "  value TEXT NOT NULL,"
  "  CONSTRAINT policy_value_valid CHECK (CASE key"
  "    WHEN 'retention-years' THEN length (value) BETWEEN 1 AND 3 AND NOT value GLOB '*[^0-9]*'"
  "    ELSE 1 END)"
  ") WITHOUT ROWID;";

/* Tags, again: the links of step 4 looked the tags up with `t.name IN
 * (SELECT …)`, for which SQLite builds a temporary index at every row, and
 * a customer insert cost twenty times one without them. The same links by
 * a join on the tags' own index.
 *
 * A bulk writer (the CSV import) may also take the linking of the
 * customers it inserts upon itself: while `deferred_tag_links` holds a
 * row, the insert trigger leaves tags alone, and the writer links every
 * customer it inserted in one statement, then empties the table, all in
 * its one transaction. No committed state has a row there. */
#define LINK_TAGS_BY_JOIN(row)                                              \
  "  INSERT OR IGNORE INTO tags (name, created_at)"                         \
  "    SELECT trim (value), unixepoch () FROM " INTEREST_EACH (row ".interests") \
  "    WHERE length (trim (value)) BETWEEN 1 AND 60;"                       \
  "  INSERT OR IGNORE INTO customer_tags (customer_id, tag_id)"             \
  "    SELECT " row ".id, t.id FROM " INTEREST_EACH (row ".interests") " j" \
  "    JOIN tags t ON t.name = trim (j.value);"

static const char schema_step_5[] =
  "CREATE TABLE deferred_tag_links ("
  "  since_id INTEGER NOT NULL"
  ");"
  "DROP TRIGGER customers_tags_insert;"
  "DROP TRIGGER customers_tags_update;"
  "CREATE TRIGGER customers_tags_insert AFTER INSERT ON customers"
  "  WHEN NEW.interests <> '' AND NOT EXISTS (SELECT 1 FROM deferred_tag_links) BEGIN"
  LINK_TAGS_BY_JOIN ("NEW")
  "END;"
  "CREATE TRIGGER customers_tags_update AFTER UPDATE OF interests ON customers BEGIN"
  "  DELETE FROM customer_tags WHERE customer_id = NEW.id;"
  LINK_TAGS_BY_JOIN ("NEW")
  "END;";

/* What a writer that deferred the links runs: first, then after its
 * inserts, in the same transaction. Customers mostly share a few sets of
 * interests: each different text is split once. */
#define SINCE_DEFERRED "(SELECT since_id FROM deferred_tag_links)"

const char atelier_schema_defer_tag_links[] =
  "INSERT INTO deferred_tag_links (since_id) SELECT coalesce (max (id), 0) + 1 FROM customers";

const char atelier_schema_link_deferred_tags[] =
  "DROP TABLE IF EXISTS temp.deferred_interests;"
  "CREATE TEMP TABLE deferred_interests AS"
  "  SELECT s.interests, trim (j.value) AS name"
  "  FROM (SELECT DISTINCT interests FROM customers"
  "        WHERE id >= " SINCE_DEFERRED " AND interests <> '') s,"
  "    " INTEREST_EACH ("s.interests") " j"
  "  WHERE length (trim (j.value)) BETWEEN 1 AND 60;"
  "CREATE INDEX temp.deferred_interests_by_text ON deferred_interests (interests);"
  "INSERT OR IGNORE INTO tags (name, created_at)"
  "  SELECT name, unixepoch () FROM temp.deferred_interests;"
  "INSERT OR IGNORE INTO customer_tags (customer_id, tag_id)"
  "  SELECT c.id, t.id FROM customers c"
  "  JOIN temp.deferred_interests s ON s.interests = c.interests"
  "  JOIN tags t ON t.name = s.name"
  "  WHERE c.id >= " SINCE_DEFERRED " AND c.interests <> '';"
  "DROP TABLE temp.deferred_interests;"
  "DELETE FROM deferred_tag_links;";

/* The public feed: what libical wrote for each session's VEVENT, kept
 * so that a feed written again only builds what changed (see
 * atelier-invite.c), and the indexes the feed reads sessions through.
 * `format` is the key of everything else an event is built from
 * (settings, the version of the code), the offsets those of the
 * session's zone at its start and end when it was built. Triggers,
 * not the code, drop an event when its session or its workshop changes,
 * so that no writer can leave one stale; a session id used again never
 * finds an old one. */
static const char schema_step_6[] =
  "CREATE TABLE feed_events ("
  "  session_id INTEGER PRIMARY KEY,"
  "  format TEXT NOT NULL,"
  "  start_offset INTEGER NOT NULL,"
  "  end_offset INTEGER NOT NULL,"
  "  vevent TEXT NOT NULL"
  ");"
  "CREATE TRIGGER sessions_feed_insert AFTER INSERT ON sessions BEGIN"
  "  DELETE FROM feed_events WHERE session_id = NEW.id;"
  "END;"
  "CREATE TRIGGER sessions_feed_update AFTER UPDATE ON sessions BEGIN"
  "  DELETE FROM feed_events WHERE session_id IN (OLD.id, NEW.id);"
  "END;"
  "CREATE TRIGGER sessions_feed_delete AFTER DELETE ON sessions BEGIN"
  "  DELETE FROM feed_events WHERE session_id = OLD.id;"
  "END;"
  "CREATE TRIGGER workshops_feed_update AFTER UPDATE ON workshops BEGIN"
  "  DELETE FROM feed_events"
  "  WHERE session_id IN (SELECT id FROM sessions WHERE workshop_id IN (OLD.id, NEW.id));"
  "END;"
  /* The feed reads its sessions from this index alone, then each one's
   * kept event; and its zones, with the first session in each, from the
   * next one, without reading every session. */
  "CREATE INDEX sessions_feed_by_start ON sessions (starts_at, id, ends_at, time_zone, status)"
  "  WHERE status = 'scheduled';"
  "CREATE INDEX sessions_feed_by_zone ON sessions (time_zone, starts_at)"
  "  WHERE status = 'scheduled';";

/* The customer book lists the people not erased, by name: with the
 * erased left out of the index, reading 100,000 ids in that order is a
 * scan of the index alone instead of a sort of the whole table. */
static const char schema_step_7[] =
  "DROP INDEX customers_by_name;"
  "CREATE INDEX customers_by_name ON customers (family_name, given_name)"
  "  WHERE erased_at IS NULL;";

/* The customer search again, the same columns and values as step 2.
 * Without word positions (detail=column), which no query needs (every
 * quoted string of a query is one token), the index is a third smaller,
 * which pays for indexing the prefixes of 4 characters too: a word typed
 * that far then reads one list instead of merging those of every word it
 * starts, the words of e-mail addresses ("mari" starts "marie1958")
 * included. Longer prefixes cost a third more time to build for a few
 * percent. Built in one segment, which queries read faster than several.
 * No rank setting: the search ranks by tiers, not bm25 (step 2's is gone).
 * The triggers of step 2 name the table, not its options: they stay. */
static const char schema_step_8[] =
  "DROP TABLE customer_search;"
  "CREATE VIRTUAL TABLE customer_search USING fts5 ("
  "  given_name, family_name, email, phone,"
  "  content = '', detail = column, prefix = '1 2 3 4',"
  "  tokenize = '" ATELIER_SCHEMA_SEARCH_TOKENIZE "');"
  "INSERT INTO customer_search (rowid, given_name, family_name, email, phone)"
  "  SELECT id, " SEARCH_VALUES ("customers") " FROM customers;"
  "INSERT INTO customer_search (customer_search) VALUES ('optimize');";

/* The search index, again: a bulk writer (the CSV import) may index the
 * customers it inserts itself, as it links their tags (step 5): while
 * `deferred_search` holds a row, the insert trigger leaves the search
 * index alone, and the writer indexes every customer it inserted in one
 * statement before it changes any of them, then empties the table, all
 * in its one transaction. One statement costs less than a trigger run
 * per row. The trigger is made again by name, with the values it had. */
static const char schema_step_9[] =
  "CREATE TABLE deferred_search ("
  "  since_id INTEGER NOT NULL"
  ");"
  "DROP TRIGGER customers_search_insert;"
  "CREATE TRIGGER customers_search_insert AFTER INSERT ON customers"
  "  WHEN NOT EXISTS (SELECT 1 FROM deferred_search) BEGIN"
  "  INSERT INTO customer_search (rowid, given_name, family_name, email, phone)"
  "  VALUES (NEW.id, " SEARCH_VALUES ("NEW") ");"
  "END;";

#define SINCE_DEFERRED_SEARCH "(SELECT since_id FROM deferred_search)"

const char atelier_schema_defer_search[] =
  "INSERT INTO deferred_search (since_id) SELECT coalesce (max (id), 0) + 1 FROM customers";

/* SEARCH_VALUES, with the digits of each phone worked out once instead
 * of three times: the OFFSET keeps SQLite from flattening the subquery
 * (and from copying the expression back in). */
const char atelier_schema_index_deferred_search[] =
  "INSERT INTO customer_search (rowid, given_name, family_name, email, phone)"
  "  SELECT id, given_name, family_name, coalesce (email, ''), " PHONE_FORMS_OF_DIGITS ("digits")
  "  FROM (SELECT id, given_name, family_name, email, " PHONE_DIGITS ("phone") " AS digits"
  "        FROM customers WHERE id >= " SINCE_DEFERRED_SEARCH " LIMIT -1 OFFSET 0);"
  "DELETE FROM deferred_search;";

/* Parties that arrive incomplete (the door): how many of a checked-in
 * party came, NULL for the whole party. Only a checked-in registration
 * has a count, from one to its party size; undoing the check-in clears
 * it (atelier-booking.c). */
static const char schema_step_partial_arrival[] =
  "ALTER TABLE registrations ADD COLUMN arrived INTEGER"
  "  CONSTRAINT registration_arrived_within_party"
  "  CHECK (arrived IS NULL OR (checked_in_at IS NOT NULL AND arrived BETWEEN 1 AND party_size));";

/* Mail that leaves the computer (see atelier-mail-queue.c). The settings
 * table is made again for the mail account's keys and the reminder and
 * follow-up switches (a CHECK cannot be altered in place); no password
 * is among them: it lives in the Secret Service.
 *
 * `mail_messages` is the queue: one row per message owed to a customer,
 * with its state. UNIQUE (registration, purpose, sequence) is what keeps
 * an invite, an update or a cancellation to once per SEQUENCE, and a
 * reminder or a follow-up to once per registration. `message_id` is
 * chosen when the row is made, so that the one message that may go twice
 * (in flight when the sender was killed) goes twice with the same
 * Message-ID, which mail programs show once. `mail_templates` holds the
 * texts a store edited; a template without a row has its default. */
static const char schema_step_mail[] =
  "CREATE TABLE settings_new ("
  "  key TEXT PRIMARY KEY"
  "    CONSTRAINT setting_key_known"
  "    CHECK (key IN ('store-name', 'organizer', 'address', 'time-zone',"
  "                   'reminder', 'rsvp', 'language',"
  "                   'smtp-host', 'smtp-port', 'smtp-security', 'smtp-user', 'smtp-ca-file',"
  "                   'mail-reminder', 'follow-ups')),"
  "  value TEXT NOT NULL"
  "    CONSTRAINT setting_value_one_line"
  "    CHECK (instr (value, char (10)) = 0 AND instr (value, char (13)) = 0),"
  "  CONSTRAINT setting_value_valid CHECK (CASE key"
  "    WHEN 'reminder' THEN length (value) BETWEEN 1 AND 5 AND NOT value GLOB '*[^0-9]*'"
  "    WHEN 'mail-reminder' THEN length (value) BETWEEN 1 AND 5 AND NOT value GLOB '*[^0-9]*'"
  "    WHEN 'rsvp' THEN value IN ('true', 'false')"
  "    WHEN 'follow-ups' THEN value IN ('true', 'false')"
  "    WHEN 'language' THEN value IN ('en', 'fr')"
  "    WHEN 'organizer' THEN value = '' OR value GLOB '?*@?*'"
  "    WHEN 'time-zone' THEN length (value) > 0"
  "    WHEN 'smtp-port' THEN value = '' OR (length (value) BETWEEN 1 AND 5"
  "                                         AND NOT value GLOB '*[^0-9]*')"
  "    WHEN 'smtp-security' THEN value IN ('tls', 'starttls', 'none')"
  "    WHEN 'smtp-host' THEN NOT value GLOB '*[/@ ]*'"
  "    ELSE 1 END)"
  ") WITHOUT ROWID;"
  "INSERT INTO settings_new (key, value) SELECT key, value FROM settings;"
  "DROP TABLE settings;"
  "ALTER TABLE settings_new RENAME TO settings;"
  "CREATE TABLE mail_messages ("
  "  id INTEGER PRIMARY KEY,"
  "  registration_id INTEGER NOT NULL REFERENCES registrations (id) ON DELETE CASCADE,"
  "  purpose TEXT NOT NULL"
  "    CONSTRAINT mail_purpose_known"
  "    CHECK (purpose IN ('invite', 'cancel', 'reminder', 'thank-you', 'missed-you')),"
  "  kind TEXT NOT NULL,"
  "  sequence INTEGER NOT NULL DEFAULT 0"
  "    CONSTRAINT mail_sequence_not_negative CHECK (sequence >= 0),"
  "  recipient TEXT NOT NULL,"
  "  message_id TEXT NOT NULL UNIQUE,"
  "  state TEXT NOT NULL DEFAULT 'pending'"
  "    CONSTRAINT mail_state_known"
  "    CHECK (state IN ('pending', 'sending', 'sent', 'retry', 'failed', 'superseded')),"
  "  attempts INTEGER NOT NULL DEFAULT 0"
  "    CONSTRAINT mail_attempts_not_negative CHECK (attempts >= 0),"
  "  created_at INTEGER NOT NULL,"
  "  next_attempt_at INTEGER,"
  "  sent_at INTEGER,"
  "  server_reply TEXT NOT NULL DEFAULT '',"
  "  CONSTRAINT mail_sent_has_time CHECK ((state = 'sent') = (sent_at IS NOT NULL)),"
  "  CONSTRAINT mail_retry_has_time CHECK ((state = 'retry') = (next_attempt_at IS NOT NULL)),"
  "  UNIQUE (registration_id, purpose, sequence)"
  ");"
  "CREATE INDEX mail_messages_by_state ON mail_messages (state, next_attempt_at);"
  "CREATE TABLE mail_templates ("
  "  name TEXT NOT NULL"
  "    CONSTRAINT mail_template_known CHECK (name IN ('reminder', 'thank-you', 'missed-you')),"
  "  language TEXT NOT NULL"
  "    CONSTRAINT mail_template_language_known CHECK (language IN ('en', 'fr')),"
  "  subject TEXT NOT NULL"
  "    CONSTRAINT mail_template_subject_one_line"
  "    CHECK (instr (subject, char (10)) = 0 AND instr (subject, char (13)) = 0),"
  "  body TEXT NOT NULL,"
  "  PRIMARY KEY (name, language)"
  ") WITHOUT ROWID;";

/* Which series a session was created in: its rule and the dates left
 * out, so the session page can say "Session 3 of 8" and list the others.
 * A session outlives its series row (a date moved or cancelled alone
 * still counts in it). */
static const char schema_step_series[] =
  "CREATE TABLE series ("
  "  id INTEGER PRIMARY KEY,"
  "  workshop_id INTEGER NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,"
  "  rrule TEXT NOT NULL"
  "    CONSTRAINT series_rrule_not_empty CHECK (length (rrule) > 0),"
  "  skipped TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL"
  ");"
  "ALTER TABLE sessions ADD COLUMN series_id INTEGER REFERENCES series (id) ON DELETE SET NULL;"
  "CREATE INDEX sessions_by_series ON sessions (series_id, starts_at) WHERE series_id IS NOT NULL;";

/* Prices have a currency: the settings table is made again to accept the
 * `currency` key (an ISO 4217 code, in capitals), every other rule kept.
 * Prices themselves stay whole numbers of the currency's minor unit in
 * workshops.price_cents. */
static const char schema_step_currency[] =
  "CREATE TABLE settings_new ("
  "  key TEXT PRIMARY KEY"
  "    CONSTRAINT setting_key_known"
  "    CHECK (key IN ('store-name', 'organizer', 'address', 'time-zone',"
  "                   'reminder', 'rsvp', 'language',"
  "                   'smtp-host', 'smtp-port', 'smtp-security', 'smtp-user', 'smtp-ca-file',"
  "                   'mail-reminder', 'follow-ups', 'currency')),"
  "  value TEXT NOT NULL"
  "    CONSTRAINT setting_value_one_line"
  "    CHECK (instr (value, char (10)) = 0 AND instr (value, char (13)) = 0),"
  "  CONSTRAINT setting_value_valid CHECK (CASE key"
  "    WHEN 'reminder' THEN length (value) BETWEEN 1 AND 5 AND NOT value GLOB '*[^0-9]*'"
  "    WHEN 'mail-reminder' THEN length (value) BETWEEN 1 AND 5 AND NOT value GLOB '*[^0-9]*'"
  "    WHEN 'rsvp' THEN value IN ('true', 'false')"
  "    WHEN 'follow-ups' THEN value IN ('true', 'false')"
  "    WHEN 'language' THEN value IN ('en', 'fr')"
  "    WHEN 'organizer' THEN value = '' OR value GLOB '?*@?*'"
  "    WHEN 'time-zone' THEN length (value) > 0"
  "    WHEN 'smtp-port' THEN value = '' OR (length (value) BETWEEN 1 AND 5"
  "                                         AND NOT value GLOB '*[^0-9]*')"
  "    WHEN 'smtp-security' THEN value IN ('tls', 'starttls', 'none')"
  "    WHEN 'smtp-host' THEN NOT value GLOB '*[/@ ]*'"
  "    WHEN 'currency' THEN length (value) = 3 AND NOT value GLOB '*[^A-Z]*'"
  "    ELSE 1 END)"
  ") WITHOUT ROWID;"
  "INSERT INTO settings_new (key, value) SELECT key, value FROM settings;"
  "DROP TABLE settings;"
  "ALTER TABLE settings_new RENAME TO settings;";

/* What each message told its customer about the session (start, end,
 * zone, place), so that an update can say what changed since the last
 * message that customer was sent, whatever they missed in between. The
 * triggers take it from the session when a message is queued and again
 * when it goes (what was built from); NULL for messages queued before
 * this step. The templates' names grow by the invite texts, which a
 * store can now edit too (a CHECK cannot be altered in place). */
static const char schema_step_mail_snapshot[] =
  "ALTER TABLE mail_messages ADD COLUMN described_starts_at INTEGER;"
  "ALTER TABLE mail_messages ADD COLUMN described_ends_at INTEGER;"
  "ALTER TABLE mail_messages ADD COLUMN described_time_zone TEXT;"
  "ALTER TABLE mail_messages ADD COLUMN described_place TEXT;"
  "CREATE TRIGGER mail_message_describes_on_queue AFTER INSERT ON mail_messages"
  " BEGIN"
  "  UPDATE mail_messages SET (described_starts_at, described_ends_at, described_time_zone,"
  "                            described_place) ="
  "    (SELECT s.starts_at, s.ends_at, s.time_zone, s.place"
  "     FROM registrations r JOIN sessions s ON s.id = r.session_id"
  "     WHERE r.id = NEW.registration_id)"
  "  WHERE id = NEW.id;"
  " END;"
  "CREATE TRIGGER mail_message_describes_on_send AFTER UPDATE OF state ON mail_messages"
  " WHEN NEW.state = 'sending'"
  " BEGIN"
  "  UPDATE mail_messages SET (described_starts_at, described_ends_at, described_time_zone,"
  "                            described_place) ="
  "    (SELECT s.starts_at, s.ends_at, s.time_zone, s.place"
  "     FROM registrations r JOIN sessions s ON s.id = r.session_id"
  "     WHERE r.id = NEW.registration_id)"
  "  WHERE id = NEW.id;"
  " END;"
  "CREATE TABLE mail_templates_new ("
  "  name TEXT NOT NULL"
  "    CONSTRAINT mail_template_known"
  "    CHECK (name IN ('reminder', 'thank-you', 'missed-you', 'invite', 'promoted', 'update',"
  "                    'cancellation', 'session-cancelled')),"
  "  language TEXT NOT NULL"
  "    CONSTRAINT mail_template_language_known CHECK (language IN ('en', 'fr')),"
  "  subject TEXT NOT NULL"
  "    CONSTRAINT mail_template_subject_one_line"
  "    CHECK (instr (subject, char (10)) = 0 AND instr (subject, char (13)) = 0),"
  "  body TEXT NOT NULL,"
  "  PRIMARY KEY (name, language)"
  ") WITHOUT ROWID;"
  "INSERT INTO mail_templates_new (name, language, subject, body)"
  " SELECT name, language, subject, body FROM mail_templates;"
  "DROP TABLE mail_templates;"
  "ALTER TABLE mail_templates_new RENAME TO mail_templates;";

/* What a participant should bring (an apron, a knife…): optional, several
 * lines; the reminder and the invite say it, the session page shows it. */
static const char schema_step_workshop_bring[] =
  "ALTER TABLE workshops ADD COLUMN bring TEXT NOT NULL DEFAULT '';";

/* Customers' replies read from the store's mailbox (see atelier-replies.c).
 * The settings table is made again for the IMAP account's keys and the
 * interval between checks (a CHECK cannot be altered in place).
 *
 * `imap_folders` remembers, per folder read, its UIDVALIDITY and the
 * highest UID handled: a message at or below it is never read again.
 * `replies` keeps every calendar reply found, applied or set aside with
 * the reason, with the original message for the manager to read. A
 * reply is applied, recorded and its UID remembered in one transaction,
 * so that a crash can never apply one twice; `message_id` keeps a
 * message that comes back under a new UIDVALIDITY from being applied
 * again. */
static const char schema_step_replies[] =
  "CREATE TABLE settings_new ("
  "  key TEXT PRIMARY KEY"
  "    CONSTRAINT setting_key_known"
  "    CHECK (key IN ('store-name', 'organizer', 'address', 'time-zone',"
  "                   'reminder', 'rsvp', 'language',"
  "                   'smtp-host', 'smtp-port', 'smtp-security', 'smtp-user', 'smtp-ca-file',"
  "                   'mail-reminder', 'follow-ups', 'currency',"
  "                   'imap-host', 'imap-port', 'imap-security', 'imap-user', 'imap-folder',"
  "                   'imap-ca-file', 'imap-done-folder', 'replies-interval')),"
  "  value TEXT NOT NULL"
  "    CONSTRAINT setting_value_one_line"
  "    CHECK (instr (value, char (10)) = 0 AND instr (value, char (13)) = 0),"
  "  CONSTRAINT setting_value_valid CHECK (CASE key"
  "    WHEN 'reminder' THEN length (value) BETWEEN 1 AND 5 AND NOT value GLOB '*[^0-9]*'"
  "    WHEN 'mail-reminder' THEN length (value) BETWEEN 1 AND 5 AND NOT value GLOB '*[^0-9]*'"
  "    WHEN 'replies-interval' THEN length (value) BETWEEN 1 AND 5 AND NOT value GLOB '*[^0-9]*'"
  "    WHEN 'rsvp' THEN value IN ('true', 'false')"
  "    WHEN 'follow-ups' THEN value IN ('true', 'false')"
  "    WHEN 'language' THEN value IN ('en', 'fr')"
  "    WHEN 'organizer' THEN value = '' OR value GLOB '?*@?*'"
  "    WHEN 'time-zone' THEN length (value) > 0"
  "    WHEN 'smtp-port' THEN value = '' OR (length (value) BETWEEN 1 AND 5"
  "                                         AND NOT value GLOB '*[^0-9]*')"
  "    WHEN 'imap-port' THEN value = '' OR (length (value) BETWEEN 1 AND 5"
  "                                         AND NOT value GLOB '*[^0-9]*')"
  "    WHEN 'smtp-security' THEN value IN ('tls', 'starttls', 'none')"
  "    WHEN 'imap-security' THEN value IN ('tls', 'starttls')"
  "    WHEN 'smtp-host' THEN NOT value GLOB '*[/@ ]*'"
  "    WHEN 'imap-host' THEN NOT value GLOB '*[/@ ]*'"
  "    WHEN 'imap-folder' THEN length (value) > 0"
  "    WHEN 'currency' THEN length (value) = 3 AND NOT value GLOB '*[^A-Z]*'"
  "    ELSE 1 END)"
  ") WITHOUT ROWID;"
  "INSERT INTO settings_new (key, value) SELECT key, value FROM settings;"
  "DROP TABLE settings;"
  "ALTER TABLE settings_new RENAME TO settings;"
  "CREATE TABLE imap_folders ("
  "  folder TEXT PRIMARY KEY,"
  "  uidvalidity INTEGER NOT NULL,"
  "  last_uid INTEGER NOT NULL DEFAULT 0"
  "    CONSTRAINT imap_folder_last_uid_not_negative CHECK (last_uid >= 0)"
  ");"
  "CREATE TABLE replies ("
  "  id INTEGER PRIMARY KEY,"
  "  folder TEXT NOT NULL,"
  "  uidvalidity INTEGER NOT NULL,"
  "  imap_uid INTEGER NOT NULL,"
  "  message_id TEXT,"
  "  handled_at INTEGER NOT NULL,"
  "  answered_at INTEGER NOT NULL,"
  "  sender TEXT NOT NULL DEFAULT '',"
  "  subject TEXT NOT NULL DEFAULT '',"
  "  method TEXT NOT NULL"
  "    CONSTRAINT reply_method_known CHECK (method IN ('REPLY', 'COUNTER')),"
  "  event_uid TEXT NOT NULL DEFAULT '',"
  "  sequence INTEGER NOT NULL DEFAULT 0,"
  "  attendee TEXT NOT NULL DEFAULT '',"
  "  partstat TEXT NOT NULL DEFAULT '',"
  "  session_id INTEGER REFERENCES sessions (id) ON DELETE SET NULL,"
  "  registration_id INTEGER REFERENCES registrations (id) ON DELETE SET NULL,"
  "  outcome TEXT NOT NULL"
  "    CONSTRAINT reply_outcome_known CHECK (outcome IN ('applied', 'set-aside')),"
  "  reason TEXT NOT NULL DEFAULT ''"
  "    CONSTRAINT reply_reason_known"
  "    CHECK (reason IN ('', 'unknown-uid', 'not-attendee', 'several-attendees', 'no-attendee',"
  "                      'never-sent', 'stale-sequence', 'registration-cancelled',"
  "                      'checked-in', 'counter', 'unknown-answer', 'several-events')),"
  "  raw BLOB NOT NULL,"
  "  CONSTRAINT reply_applied_has_registration"
  "    CHECK (outcome <> 'applied' OR registration_id IS NOT NULL),"
  "  UNIQUE (folder, uidvalidity, imap_uid)"
  ");"
  "CREATE UNIQUE INDEX replies_by_message_id ON replies (message_id) WHERE message_id IS NOT NULL;"
  "CREATE INDEX replies_by_registration ON replies (registration_id, id)"
  "  WHERE registration_id IS NOT NULL;";

/* The Reports view (atelier-report.c) asks, for each waiting party,
 * whether its customer ever had a confirmed seat at the same workshop,
 * and for each customer who came, when they first came: both read a
 * customer's registrations by status, with their sessions and check-ins,
 * from this index alone instead of the table. */
static const char schema_step_report_indexes[] =
  "CREATE INDEX registrations_by_customer_seat"
  "  ON registrations (customer_id, status, session_id, checked_in_at);";

static const char *const schema_steps[] = {
  schema_step_1,
  schema_step_2,
  schema_step_3,
  schema_step_4,
  schema_step_5,
  schema_step_6,
  schema_step_7,
  schema_step_8,
  schema_step_9,
  schema_step_partial_arrival,
  schema_step_mail,
  schema_step_series,
  schema_step_currency,
  schema_step_mail_snapshot,
  schema_step_workshop_bring,
  schema_step_replies,
  schema_step_report_indexes,
};

int
atelier_schema_latest_version (void)
{
  return G_N_ELEMENTS (schema_steps);
}

static gboolean
exec_or_error (sqlite3     *db,
               const char  *sql,
               GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) == SQLITE_OK)
    return TRUE;

  g_set_error (error, ATELIER_STORE_ERROR, ATELIER_STORE_ERROR_OPEN,
               _("The store could not be brought up to date: %s"),
               message ? message : sqlite3_errmsg (db));
  sqlite3_free (message);
  return FALSE;
}

static int
read_user_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static gboolean
apply_step (sqlite3  *db,
            int       version,
            GError  **error)
{
  g_autofree char *finish = NULL;

  if (!exec_or_error (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  /* Another process may have migrated the file while we waited for the
   * lock: look again inside the transaction. */
  if (read_user_version (db) >= version)
    return exec_or_error (db, "COMMIT", error);

  finish = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                            ATELIER_SCHEMA_APPLICATION_ID, version);
  if (!exec_or_error (db, schema_steps[version - 1], error) ||
      !exec_or_error (db, finish, error) ||
      !exec_or_error (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  g_debug ("Store schema migrated to version %d", version);
  return TRUE;
}

gboolean
atelier_schema_migrate (sqlite3  *db,
                        int       from_version,
                        GError  **error)
{
  return atelier_schema_migrate_to (db, from_version, atelier_schema_latest_version (), error);
}

/* Stops at @to_version: how tests make a file as an older Atelier left it. */
gboolean
atelier_schema_migrate_to (sqlite3  *db,
                           int       from_version,
                           int       to_version,
                           GError  **error)
{
  g_return_val_if_fail (to_version <= atelier_schema_latest_version (), FALSE);

  for (int version = from_version + 1; version <= to_version; version++)
    if (!apply_step (db, version, error))
      return FALSE;

  return TRUE;
}
