#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A throw-away IMAP server for the tests of replies: Debian's dovecot.

    imap-server.py --dir DIR --cert CERT --key KEY --user USER --password PW

Writes a private configuration into DIR (runtime folders, a passwd-file
with one user, a Maildir under DIR/home), starts dovecot listening on
127.0.0.1 with imaps and imap (STARTTLS required) on free ports, prints
"IMAPS_PORT IMAP_PORT MAILDIR" on one line, and stops dovecot when it
gets SIGTERM or when its standard input closes (the test died).

As root the mail user is `nobody`: dovecot refuses root as a mail user.
Tests deliver mail by writing files into MAILDIR/new.
"""
import argparse
import os
import pwd
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chown_tree(path, uid, gid):
    for root, dirs, files in os.walk(path):
        os.chown(root, uid, gid)
        for name in dirs + files:
            os.chown(os.path.join(root, name), uid, gid)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", help="a folder for the server (default: a new one, removed at the end)")
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    args = parser.parse_args()

    # Its own folder by default: the mail user (nobody, as root) must be
    # able to reach it, which a test's private folder does not allow.
    owned = args.dir is None
    base = tempfile.mkdtemp(prefix="atelier-imap-") if owned else os.path.abspath(args.dir)
    run = os.path.join(base, "run")
    state = os.path.join(base, "state")
    home = os.path.join(base, "home")
    maildir = os.path.join(home, "Maildir")
    for folder in (run, state, os.path.join(maildir, "new"), os.path.join(maildir, "cur"),
                   os.path.join(maildir, "tmp")):
        os.makedirs(folder, exist_ok=True)

    if os.getuid() == 0:
        nobody = pwd.getpwnam("nobody")
        uid, gid = nobody.pw_uid, nobody.pw_gid
        chown_tree(home, uid, gid)
        os.chmod(base, 0o755)
    else:
        uid, gid = os.getuid(), os.getgid()
    login_user = pwd.getpwuid(os.getuid()).pw_name

    passwd = os.path.join(base, "passwd")
    with open(passwd, "w") as f:
        f.write("%s:{PLAIN}%s:%d:%d::%s\n" % (args.user, args.password, uid, gid, home))

    imaps_port, imap_port = free_port(), free_port()
    config = os.path.join(base, "dovecot.conf")
    with open(config, "w") as f:
        f.write("""\
protocols = imap
listen = 127.0.0.1
base_dir = {run}
state_dir = {state}
log_path = {base}/dovecot.log
ssl = required
ssl_cert = <{cert}
ssl_key = <{key}
disable_plaintext_auth = yes
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 1
first_valid_gid = 1
default_login_user = {login}
default_internal_user = {login}
default_internal_group = {group}
passdb {{
  driver = passwd-file
  args = {passwd}
}}
userdb {{
  driver = passwd-file
  args = {passwd}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {imap_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {imaps_port}
    ssl = yes
  }}
}}
service stats {{
  unix_listener stats-reader {{
    user = {login}
  }}
  unix_listener stats-writer {{
    user = {login}
  }}
}}
namespace inbox {{
  inbox = yes
  separator = /
}}
""".format(run=run, state=state, base=base, cert=os.path.abspath(args.cert),
           key=os.path.abspath(args.key), login="dovenull" if os.getuid() == 0 else login_user,
           group="dovecot" if os.getuid() == 0 else login_user, passwd=passwd,
           imap_port=imap_port, imaps_port=imaps_port))
    if os.getuid() == 0:
        with open(config) as f:
            text = f.read()
        text = text.replace("default_internal_user = dovenull", "default_internal_user = dovecot")
        with open(config, "w") as f:
            f.write(text)

    subprocess.run(["dovecot", "-c", config], check=True)

    def stop(*_):
        subprocess.run(["dovecot", "-c", config, "stop"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        if owned:
            # dovecot's own processes may still be leaving: let them.
            for _ in range(50):
                if not os.path.exists(os.path.join(run, "master.pid")):
                    break
                time.sleep(0.05)
            shutil.rmtree(base, ignore_errors=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    # Ready when the ports answer.
    for _ in range(200):
        try:
            with socket.create_connection(("127.0.0.1", imaps_port), timeout=1):
                pass
            with socket.create_connection(("127.0.0.1", imap_port), timeout=1):
                pass
            break
        except OSError:
            time.sleep(0.05)

    print("%d %d %s" % (imaps_port, imap_port, maildir), flush=True)
    while True:
        ready, _, _ = select.select([sys.stdin], [], [], 1.0)
        if ready and not sys.stdin.buffer.read1(4096):
            stop()


if __name__ == "__main__":
    main()
