#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A PostgreSQL 15 server of its own for the tests, from Debian's binaries.

  pg-server.py PROGRAM [ARGS...]   start a server, run PROGRAM with
                                   ATELIER_TEST_DATABASE set to its URI,
                                   stop the server, exit as PROGRAM did
  pg-server.py                     start a server, print its URI, serve
                                   until interrupted (by hand, benchmarks)

The server lives in a new temporary folder: its data, its log and its Unix
socket (no TCP port, nothing another program could reach), with fsync off.
When run as root it runs as the `postgres` user, which it requires.

The folder is removed and the server stopped at the end, whatever the
end: PROGRAM failing, this script interrupted, or even killed (a watchdog
process of its own session waits for this one to go and cleans up then).

Roles: `atelier` (trusted on the socket, owner of everything) and
`atelier_password` (password `right-password`, asked for by the server),
for tests of a refused password. Environment given to PROGRAM:
  ATELIER_TEST_DATABASE          postgresql://atelier@/atelier?host=FOLDER
  ATELIER_TEST_DATABASE_SOCKET   FOLDER, where the socket is
"""
import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import urllib.parse

BIN = "/usr/lib/postgresql/15/bin"
PASSWORD_ROLE = "atelier_password"
PASSWORD = "right-password"


def as_server_user(argv):
    if os.getuid() == 0:
        return ["runuser", "-u", "postgres", "--"] + argv
    return argv


def run(argv, **kwargs):
    return subprocess.run(as_server_user(argv), check=True,
                          stdout=subprocess.DEVNULL, **kwargs)


def stop_and_remove(folder):
    if not os.path.isdir(folder):
        return
    data = os.path.join(folder, "data")
    if os.path.exists(os.path.join(data, "postmaster.pid")):
        subprocess.run(as_server_user([BIN + "/pg_ctl", "-D", data, "-m", "immediate",
                                       "-w", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(folder, ignore_errors=True)


def start_watchdog(folder):
    """A process in a session of its own that cleans up once this one is
    gone: it reads a pipe whose only writer is this process."""
    reader, writer = os.pipe()
    if os.fork() == 0:
        os.setsid()
        os.close(writer)
        if os.fork() != 0:
            os._exit(0)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        while os.read(reader, 1):
            pass
        stop_and_remove(folder)
        os._exit(0)
    os.close(reader)
    os.wait()
    return writer


def start(folder):
    data = os.path.join(folder, "data")
    if os.getuid() == 0:
        user = pwd.getpwnam("postgres")
        os.chown(folder, user.pw_uid, user.pw_gid)
    run([BIN + "/initdb", "-D", data, "-A", "trust", "-U", "atelier", "--no-sync",
         "-E", "UTF8", "--locale=C.UTF-8"])
    with open(os.path.join(data, "pg_hba.conf"), "w") as hba:
        hba.write("local all %s scram-sha-256\n" % PASSWORD_ROLE)
        hba.write("local all all trust\n")
    run([BIN + "/pg_ctl", "-D", data, "-l", os.path.join(folder, "log"), "-w",
         "-o", "-k %s -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
               " -c full_page_writes=off -c max_connections=60" % folder,
         "start"])
    psql = ["/usr/bin/psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder,
            "-U", "atelier", "-d", "postgres"]
    subprocess.run(psql + ["-c", "CREATE DATABASE atelier"], check=True)
    subprocess.run(psql + ["-c", "CREATE ROLE %s LOGIN PASSWORD '%s'"
                           % (PASSWORD_ROLE, PASSWORD)], check=True)


def uri_of(folder):
    return "postgresql://atelier@/atelier?host=" + urllib.parse.quote(folder, safe="")


def on_signal(number, frame):
    raise SystemExit(128 + number)


def main():
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    # The server user must be able to reach the folder: not under a 0700
    # folder of root's.
    folder = tempfile.mkdtemp(prefix="atelier-pg-", dir="/tmp")
    os.chmod(folder, 0o700)
    watchdog = start_watchdog(folder)
    program = None
    try:
        start(folder)
        if len(sys.argv) < 2:
            print(uri_of(folder), flush=True)
            signal.pause()
            return 0
        env = dict(os.environ, ATELIER_TEST_DATABASE=uri_of(folder),
                   ATELIER_TEST_DATABASE_SOCKET=folder)
        program = subprocess.Popen(sys.argv[1:], env=env)
        return program.wait()
    finally:
        if program is not None and program.poll() is None:
            program.kill()
            program.wait()
        stop_and_remove(folder)
        os.close(watchdog)


if __name__ == "__main__":
    sys.exit(main())
