#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# feed-icalendar.py SESSIONS.tsv OUT.ics: the same public feed built and
# serialised with python3-icalendar, the baseline of atelier-bench-feed.
# Prints the seconds spent building and writing, on the clock then in
# CPU time (reading the input and starting the interpreter are left out).
import sys
import time
from datetime import datetime, timezone

import icalendar
import pytz


def main():
    rows = [line.rstrip('\n').split('\t') for line in open(sys.argv[1], encoding='utf-8')]
    paris = pytz.timezone('Europe/Paris')
    started = time.perf_counter()
    started_cpu = time.process_time()

    calendar = icalendar.Calendar()
    calendar.add('prodid', '-//Atelier//bench//EN')
    calendar.add('version', '2.0')
    calendar.add('method', 'PUBLISH')
    calendar.add('x-wr-calname', 'Atelier bench')
    now = datetime.now(timezone.utc)
    for uid, start, end, summary, location, description in rows:
        event = icalendar.Event()
        event.add('uid', uid)
        event.add('dtstamp', now)
        event.add('dtstart', paris.localize(datetime.fromisoformat(start)))
        event.add('dtend', paris.localize(datetime.fromisoformat(end)))
        event.add('summary', summary)
        event.add('location', location)
        event.add('description', description.replace('\\n', '\n'))
        event.add('sequence', 0)
        event.add('status', 'CONFIRMED')
        event.add('organizer', 'mailto:shop@example.com', parameters={'cn': 'Atelier bench'})
        calendar.add_component(event)
    with open(sys.argv[2], 'wb') as out:
        out.write(calendar.to_ical())

    print('%.6f %.6f' % (time.perf_counter() - started, time.process_time() - started_cpu))


if __name__ == '__main__':
    main()
