#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A mail server on 127.0.0.1 for the tests, with python3-aiosmtpd.

Prints its port on a line of its own once it listens, then serves until it
is killed. Each message it takes is one JSON line in --log: the client's
address and port (one per connection), the envelope and the message.

  --security starttls|tls|none   STARTTLS required, TLS on connect, or plain
  --cert FILE --key FILE         the certificate (starttls and tls)
  --user U --password P          AUTH PLAIN/LOGIN required with these
  --reject ADDRESS               550 to RCPT TO of this address (repeatable)
  --defer ADDRESS                451 to the first DATA for this address
  --drop-after N                 on a connection's (N+1)th message, close
                                 the connection instead of answering DATA
  --delay SECONDS                wait this long before answering each DATA
                                 (a slow server: a message stays in flight)
"""
import argparse
import warnings
import asyncio
import json
import socket
import ssl
import sys
import time

warnings.filterwarnings("ignore", category=DeprecationWarning)

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, SMTP


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Handler:
    def __init__(self, args):
        self.args = args
        self.deferred = set()
        self.per_connection = {}
        self.log = open(args.log, "a", encoding="utf-8")

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.args.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: no such user" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.args.delay > 0:
            await asyncio.sleep(self.args.delay)
        peer = "%s:%d" % session.peer[:2]
        count = self.per_connection.get(peer, 0)
        if self.args.drop_after is not None and count >= self.args.drop_after:
            self.per_connection[peer] = 0
            server.transport.close()
            return "421 closing"
        for address in envelope.rcpt_tos:
            if address.lower() in self.args.defer and address.lower() not in self.deferred:
                self.deferred.add(address.lower())
                return "451 4.7.1 <%s>: try again later" % address
        self.per_connection[peer] = count + 1
        record = {
            "peer": peer,
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "data": envelope.original_content.decode("utf-8", "replace"),
            "time": time.time(),
        }
        self.log.write(json.dumps(record) + "\n")
        self.log.flush()
        return "250 2.0.0 Ok: queued as %d" % (int(time.time() * 1000) % 100000000)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--log", required=True)
    parser.add_argument("--security", default="none", choices=["starttls", "tls", "none"])
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--defer", action="append", default=[])
    parser.add_argument("--drop-after", type=int)
    parser.add_argument("--delay", type=float, default=0)
    args = parser.parse_args()
    args.reject = [a.lower() for a in args.reject]
    args.defer = [a.lower() for a in args.defer]

    context = None
    if args.security != "none":
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (auth_data.login.decode() == args.user and auth_data.password.decode() == args.password)
        return AuthResult(success=ok, handled=False)

    kwargs = {}
    if args.user:
        kwargs.update(authenticator=authenticate, auth_required=True)
    if args.security == "starttls":
        kwargs.update(tls_context=context, require_starttls=True)
    else:
        # No AUTH over a plain connection unless told: the tests' server
        # is on the loopback address.
        kwargs.update(auth_require_tls=False)

    port = free_port()
    controller = Controller(Handler(args), hostname="127.0.0.1", port=port,
                            ssl_context=context if args.security == "tls" else None,
                            server_hostname="localhost", **kwargs)
    controller.start()
    print(port, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
