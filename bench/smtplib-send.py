#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The mail benchmark's baseline: python's smtplib sending already-built
messages over one connection.

  smtplib-send.py PORT SENDER FOLDER

FOLDER holds one file per message, named RECIPIENT.eml. Prints the
seconds from connecting to the last reply, QUIT included.
"""
import os
import smtplib
import sys
import time


def main():
    port, sender, folder = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    messages = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as f:
            messages.append((name[:-len(".eml")], f.read()))

    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for recipient, data in messages:
            smtp.sendmail(sender, [recipient], data)
    print("%.6f" % (time.perf_counter() - start))


if __name__ == "__main__":
    main()
