#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# test-e2e.py: Atelier end to end, through the accessibility tree
#
#   test-e2e.py ATELIER ATELIER_CLI
#
# Makes a demo store in a temporary directory, starts the real `atelier`
# on it and drives it as a person would, finding every control by its
# accessible name (python3-dogtail over AT-SPI) and typing with xdotool:
#
#   1. Workshops view, New Workshop…: a workshop "Atelier e2e risotto", Save;
#   2. New Session… of that workshop, a date in the future and its times, Save;
#   3. that session opened from the schedule (searched by title), Sign Up…,
#      New Customer, given and family name and e-mail, Sign Up, Done;
#   4. Check-in Mode; part of the family name typed, Return; the session is
#      tomorrow, so the window asks first: Check In;
#
# and then checks in the store, through `atelier-cli --json`, that the
# session exists and that the new customer's registration is checked in.
#
# Until the workshop and session editors exist (win.new-workshop is
# disabled), steps 1 and 2 cannot run: the test then says so and signs up
# on an upcoming demo session with a free seat instead.
#
# Runs under a display and a D-Bus session (build-aux/dev test runs the
# suite under dbus-run-session and xvfb-run); exits 77 (skipped) without
# them, without dogtail or without xdotool. Every wait polls with a
# generous timeout: nothing here depends on how fast the machine is.
#
# GTK 4.8 quirks this relies on (see TOOLCHAIN.md): node.doActionNamed
# ('click') works, node.click() does not; setting node.text works, reading
# it back does not; dogtail's typing types nothing (xdotool does); a
# button's accessible name is its label followed by its accessible label,
# e.g. "_Sign Up Sign Up", hence the loose name matching below.

import datetime
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

SKIP = 77

WORKSHOP_TITLE = "Atelier e2e risotto"
WORKSHOP_SEARCH = "Atelier e2e"           # typed in the schedule's search
WORKSHOP_CAPACITY = 8
GIVEN_NAME = "Zéphyrine"
FAMILY_NAME = "Testeuse"
CUSTOMER_NAME = GIVEN_NAME + " " + FAMILY_NAME
CUSTOMER_EMAIL = "zephyrine.testeuse@example.com"
CHECKIN_TYPED = "testeu"                  # part of the name, typed at the door
SESSION_START = (19, 30)                  # tomorrow (the editor's default day)
SESSION_END = (21, 0)
SESSION_PLACE = "Cuisine e2e"

TEST_START = datetime.datetime.now(datetime.timezone.utc)

# Seconds; long on purpose (a loaded 2-core machine, llvmpipe, AT-SPI).
STEP_TIMEOUT = 30
START_TIMEOUT = 60


def log(message):
    elapsed = (datetime.datetime.now(datetime.timezone.utc) - TEST_START).total_seconds()
    print(f"# {elapsed:6.1f} s  {message}", flush=True)


class Failure(Exception):
    pass


# --- Set-up checks ------------------------------------------------------------

def skip(reason):
    print("SKIP: " + reason, flush=True)
    sys.exit(SKIP)


def check_environment():
    if not os.environ.get("DISPLAY"):
        skip("no DISPLAY (run under xvfb-run, e.g. build-aux/dev test)")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        skip("no D-Bus session bus (run under dbus-run-session, e.g. build-aux/dev test)")
    if shutil.which("xdotool") is None:
        skip("xdotool is not installed")
    try:
        import dogtail  # noqa: F401
    except ImportError:
        skip("python3-dogtail is not installed (or this is not /usr/bin/python3)")


# --- dogtail helpers --------------------------------------------------------

def import_dogtail():
    # The suite's G_DEBUG=fatal-warnings is for GTest programs: here it
    # would turn a harmless warning of the AT-SPI client library (e.g. a
    # cache query the app does not answer) into a SIGTRAP. GLib reads it
    # when first loaded, which is below.
    os.environ.pop("G_DEBUG", None)
    import dogtail.config
    # Not through GSettings: the suite runs with the memory backend.
    dogtail.config.config.checkForA11y = False
    # GTK 4.8 reports no "showing" state worth trusting.
    dogtail.config.config.searchShowingOnly = False
    dogtail.config.config.logDebugToFile = False
    dogtail.config.config.logDebugToStdOut = False
    dogtail.config.config.defaultDelay = 0.1
    import dogtail.tree
    return dogtail.tree


def norm(text):
    return (text or "").replace("_", "").replace("…", "").strip()


def name_matches(name, wanted):
    """ "Sign Up" matches "Sign Up", "_Sign Up Sign Up", "Sign Up Sign Up…" """
    n = norm(name)
    w = norm(wanted)
    return n == w or n.startswith(w + " ") or n.endswith(" " + w)


# Each property of each node is a D-Bus round trip (GTK 4.8 offers no
# AT-SPI cache): walks use the raw Atspi calls and do not go into what
# never holds a control.
NO_CONTROLS_INSIDE_ROLES = {"label", "image", "scroll bar", "page tab list", "separator"}
NO_CONTROLS_INSIDE_NAMES = {"GtkImage", "AdwAvatar"}


def walk(node, stop_at=None):
    """Yields (node, role, name) depth first; does not go below a node
    for which stop_at(role, name) is true."""
    stack = [node]
    while stack:
        current = stack.pop()
        try:
            role = current.get_role_name()
            name = current.get_name() or ""
        except Exception:  # gone while we looked
            continue
        yield current, role, name
        if role in NO_CONTROLS_INSIDE_ROLES or name in NO_CONTROLS_INSIDE_NAMES:
            continue
        if stop_at is not None and stop_at(role, name):
            continue
        try:
            children = [current.get_child_at_index(i) for i in range(current.get_child_count())]
        except Exception:
            continue
        stack.extend(reversed(children))


def find_all(top, role=None, name=None, name_prefix=None):
    found = []
    for node, node_role, node_name in walk(top):
        if role is not None and node_role != role:
            continue
        if name is not None and not name_matches(node_name, name):
            continue
        if name_prefix is not None and not node_name.startswith(name_prefix):
            continue
        found.append(node)
    return found


def find_widget(top, type_name):
    """The first node of an unnamed widget of that type (GTK 4.8 names
    such nodes after their type, e.g. "AtelierSessionPage"), breadth
    first: pages sit high in the tree, their rows deep."""
    level = [top]
    while level:
        below = []
        for node in level:
            try:
                role = node.get_role_name()
                name = node.get_name() or ""
            except Exception:
                continue
            if name == type_name:
                return node
            if role in NO_CONTROLS_INSIDE_ROLES or name in NO_CONTROLS_INSIDE_NAMES:
                continue
            try:
                below.extend(node.get_child_at_index(i) for i in range(node.get_child_count()))
            except Exception:
                continue
        level = below
    return None


def wait_for(what, probe, timeout=STEP_TIMEOUT, interval=0.25):
    """Calls probe() until it returns something true; returns that."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = probe()
            if result:
                return result
        except Exception as error:  # a node gone stale while we looked
            last_error = error
        if time.monotonic() > deadline:
            detail = f" (last error: {last_error})" if last_error else ""
            raise Failure(f"timed out after {timeout} s waiting for {what}{detail}")
        time.sleep(interval)


def is_sensitive(node):
    import pyatspi
    return node.getState().contains(pyatspi.STATE_SENSITIVE)


def click(node, what):
    log(f"click {what}")
    node.doActionNamed("click")


# --- xdotool ------------------------------------------------------------------

def xdotool(*args):
    subprocess.run(["xdotool", *args], check=True, timeout=STEP_TIMEOUT)


def x_windows(title_regex):
    result = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title_regex],
                            capture_output=True, text=True, timeout=STEP_TIMEOUT)
    return result.stdout.split()


def focus_x_window(title_regex, what):
    windows = wait_for(f"the X window of {what}", lambda: x_windows(title_regex))
    # No window manager under Xvfb: focus the window ourselves.
    xdotool("windowfocus", "--sync", windows[-1])
    return windows[-1]


def type_text(text):
    xdotool("type", "--delay", "80", text)


def key(*keys):
    xdotool("key", "--delay", "80", *keys)


# --- The app --------------------------------------------------------------------

class App:
    def __init__(self, tree, atelier, database, workdir):
        env = dict(os.environ)
        # The test suite's environment is for GTest programs: the app gets
        # its accessibility back and does not abort on a GTK warning (its
        # output is shown if the test fails).
        env.pop("NO_AT_BRIDGE", None)
        env.pop("GTK_A11Y", None)
        env["G_DEBUG"] = ""
        env["GSK_RENDERER"] = "cairo"
        env.setdefault("GSETTINGS_BACKEND", "memory")
        self.log_path = os.path.join(workdir, "atelier.log")
        self.log_file = open(self.log_path, "w")
        log(f"start {atelier} --database {database}")
        self.process = subprocess.Popen([atelier, "--database", database],
                                        env=env, stdin=subprocess.DEVNULL,
                                        stdout=self.log_file, stderr=subprocess.STDOUT,
                                        start_new_session=True, preexec_fn=die_with_parent)
        self.tree = tree
        self.node = wait_for("the application on the accessibility bus",
                             self._find_application, timeout=START_TIMEOUT, interval=0.5)

    def _find_application(self):
        if self.process.poll() is not None:
            raise Failure(f"atelier exited at start-up with status {self.process.returncode}")
        for application in self.tree.root.applications():
            try:
                if application.name == "atelier" and application.get_process_id() == self.process.pid:
                    return application
            except Exception:
                continue
        return None

    def window(self, name=None, name_prefix=None):
        for child in self.node.children:
            try:
                if name is not None and child.name == name:
                    return child
                if name_prefix is not None and child.name.startswith(name_prefix):
                    return child
            except Exception:
                continue
        return None

    def wait_window(self, what, name=None, name_prefix=None):
        return wait_for(what, lambda: self.window(name=name, name_prefix=name_prefix))

    def main_window(self):
        # The first toplevel, whatever its title.
        return self.node.children[0]

    def stop(self):
        if self.process.poll() is None:
            # Ctrl+Q (app.quit) in the main window; then firmly.
            try:
                focus_x_window("^Atelier$", "the main window")
                key("ctrl+q")
                self.process.wait(timeout=10)
            except Exception:
                pass
        stop_process_group(self.process)
        self.log_file.close()

    def output(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()


# --- The store, through atelier-cli ------------------------------------------------

class Cli:
    def __init__(self, cli, database):
        self.cli = cli
        self.database = database

    def run(self, *args):
        result = subprocess.run([self.cli, "--database", self.database, *args],
                                capture_output=True, text=True, timeout=STEP_TIMEOUT)
        if result.returncode != 0:
            raise Failure(f"atelier-cli {' '.join(args)} failed ({result.returncode}): "
                          f"{result.stderr.strip()}")
        return result.stdout

    def json(self, *args):
        return json.loads(self.run(*args, "--json"))


def parse_time(text):
    return datetime.datetime.fromisoformat(text)


# --- The steps -------------------------------------------------------------------

def page(app, type_name):
    return wait_for(f"the {type_name} in the main window",
                    lambda: find_widget(app.main_window(), type_name))


def new_workshop_enabled(app):
    focus_x_window("^Atelier$", "the main window")
    key("alt+2")  # the Workshops view, built when first shown
    buttons = find_all(page(app, "AtelierWorkshopsPage"), "push button", "New Workshop")
    return any(is_sensitive(b) for b in buttons)


def create_workshop(app):
    focus_x_window("^Atelier$", "the main window")
    key("alt+2")  # the Workshops view
    workshops = page(app, "AtelierWorkshopsPage")
    button = wait_for("an enabled New Workshop button",
                      lambda: [b for b in find_all(workshops, "push button", "New Workshop")
                               if is_sensitive(b)])
    click(button[0], "New Workshop…")
    editor = app.wait_window("the New Workshop editor", name="New Workshop")

    def entry(name):
        return wait_for(f"the {name} row of the workshop editor",
                        lambda: find_all(editor, "text", name))[0]

    entry("Title").text = WORKSHOP_TITLE
    entry("Host").text = "Chef Test"
    entry("Category").text = "cuisine"
    set_spin(editor, "Capacity", WORKSHOP_CAPACITY)
    save = wait_for("an enabled Save button",
                    lambda: [b for b in find_all(editor, "push button", "Save") if is_sensitive(b)])
    click(save[0], "Save (workshop)")
    wait_for("the workshop editor to close", lambda: app.window(name="New Workshop") is None)


def set_spin(window, name, value):
    spin = wait_for(f"the {name} spin button",
                    lambda: find_all(window, "spin button", name))[0]
    spin.value = value
    wait_for(f"{name} to be {value}", lambda: abs(spin.value - value) < 0.5, timeout=5)


def create_session(app):
    """Plans a session of the new workshop from its card on the Workshops
    view. The date stays the editor's default, tomorrow: GTK 4.8's
    calendar gives assistive technologies no way to pick a day (its day
    cells have no action, its arrows only change the month shown), and its
    keyboard focus starts on the grid's first cell whatever the day
    selected. The times are set through their spin buttons."""
    workshops = page(app, "AtelierWorkshopsPage")
    button = wait_for(f"the New Session button of “{WORKSHOP_TITLE}”",
                      lambda: [b for b in find_all(workshops, "push button",
                                                   "New Session of " + WORKSHOP_TITLE)
                               if "click" in b.actions])
    click(button[0], f"New Session of {WORKSHOP_TITLE}")
    editor = app.wait_window("the New Session editor", name="New Session")
    wait_for(f"the Workshop row to show “{WORKSHOP_TITLE}”",
             lambda: [c for c in find_all(editor, "combo box", "Workshop")
                      if find_all(c, "label", WORKSHOP_TITLE)])
    set_spin(editor, "Start hour", SESSION_START[0])
    set_spin(editor, "Start minutes", SESSION_START[1])
    # The end follows the start (a workshop's duration later) until set.
    set_spin(editor, "End hour", SESSION_END[0])
    set_spin(editor, "End minutes", SESSION_END[1])
    wait_for("the Place row", lambda: find_all(editor, "text", "Place"))[0].text = SESSION_PLACE
    save = wait_for("an enabled Save button",
                    lambda: [b for b in find_all(editor, "push button", "Save") if is_sensitive(b)])
    click(save[0], "Save (session)")
    wait_for("the session editor to close", lambda: app.window(name="New Session") is None)


def open_session_from_schedule(app, search_text, workshop_title):
    focus_x_window("^Atelier$", "the main window")
    key("alt+1")        # the Schedule view
    key("ctrl+f")       # its search entry
    type_text(search_text)
    # Only that workshop's sessions are listed, soonest first.
    def only_that_workshop():
        schedule = find_widget(app.main_window(), "AtelierSchedulePage")
        rows = [r for r in find_all(schedule, "panel") if " seats taken" in (r.name or "")]
        return rows and all(r.name.startswith(workshop_title + ", ") for r in rows)

    wait_for(f"the schedule to show only the sessions of “{workshop_title}”", only_that_workshop)
    key("Down", "Return")  # the first row, opened
    return page(app, "AtelierSessionPage")


def sign_up_new_customer(app, session_page):
    sign_up = wait_for("the session page's Sign Up button",
                       lambda: find_all(session_page, "push button", "Sign Up"))
    click(sign_up[0], "Sign Up… (session page)")
    dialog = app.wait_window("the Sign Up dialog", name="Sign Up")
    click(wait_for("New Customer", lambda: find_all(dialog, "push button", "New Customer"))[0],
          "New Customer")
    for name, value in (("Given Name", GIVEN_NAME), ("Family Name", FAMILY_NAME),
                        ("E-mail", CUSTOMER_EMAIL)):
        row = wait_for(f"the {name} row", lambda: find_all(dialog, "text", name))[0]
        row.text = value
    button = wait_for("an enabled Sign Up button in the dialog",
                      lambda: [b for b in find_all(dialog, "push button", "Sign Up")
                               if is_sensitive(b)])
    click(button[0], "Sign Up (dialog)")
    wait_for("the dialog to say the customer is confirmed",
             lambda: find_all(dialog, "label", name_prefix=CUSTOMER_NAME + " is confirmed"))
    click(find_all(dialog, "push button", "Done")[0], "Done")
    wait_for("the Sign Up dialog to close", lambda: app.window(name="Sign Up") is None)


def check_in_at_the_door(app, session_page):
    mode = wait_for("the Check-in Mode button",
                    lambda: find_all(session_page, "push button", "Check-in Mode"))
    click(mode[0], "Check-in Mode")
    window = app.wait_window("the check-in window", name_prefix="Check-in — ")
    wait_for(f"{CUSTOMER_NAME} on the check-in roster",
             lambda: find_all(window, "panel", name_prefix=CUSTOMER_NAME + ","))
    # A screen reader hears whom each row's button is for.
    wait_for(f"a button named “Check in {CUSTOMER_NAME}”",
             lambda: find_all(window, "push button", "Check in " + CUSTOMER_NAME))
    focus_x_window("^Check-in — ", "the check-in window")
    type_text(CHECKIN_TYPED)

    def only_our_customer():
        people = find_all(window, "list", "People")
        if not people:
            return False
        rows = [p for p in find_all(people[0], "panel") if ", " in (p.name or "")
                or p.name == CUSTOMER_NAME]
        return rows and all(r.name.startswith(CUSTOMER_NAME) for r in rows)

    wait_for(f"the roster filtered to “{CHECKIN_TYPED}”", only_our_customer)
    key("Return")

    # The session is tomorrow: the window asks before checking in.
    def question():
        for top in app.node.children:
            try:
                if find_all(top, "label", "Check In on Another Day?"):
                    return top
            except Exception:
                continue
        return None

    dialog = wait_for("the question about checking in on another day", question)
    click(wait_for("its Check In button", lambda: find_all(dialog, "push button", "Check In"))[0],
          "Check In (question)")
    wait_for("the check-in toast",
             lambda: find_all(window, "label", name=CUSTOMER_NAME + " checked in")
             or find_all(window, "label", name_prefix=CUSTOMER_NAME + " checked in"))


def verify_session(cli):
    sessions = [s for s in cli.json("sessions") if s["workshop"] == WORKSHOP_TITLE]
    if len(sessions) != 1:
        raise Failure(f"expected one session of “{WORKSHOP_TITLE}”, found {len(sessions)}")
    session = sessions[0]
    # Wall-clock times in the session's own zone, the day after today there.
    starts, ends = parse_time(session["starts_at"]), parse_time(session["ends_at"])
    # (Tomorrow now or when the test began, in case midnight came between.)
    days = {(datetime.datetime.now(starts.tzinfo) + datetime.timedelta(days=1)).date(),
            (TEST_START.astimezone(starts.tzinfo) + datetime.timedelta(days=1)).date()}
    expected = (SESSION_START, SESSION_END, WORKSHOP_CAPACITY, SESSION_PLACE)
    found = ((starts.hour, starts.minute), (ends.hour, ends.minute),
             session["capacity"], session["place"])
    if found != expected or starts.date() not in days:
        raise Failure(f"the session saved is not the one entered: {starts.date()}, {found} "
                      f"instead of tomorrow ({sorted(days)}), {expected}")
    log(f"session {session['id']} created: {session['starts_at']} – {session['ends_at']}")
    return session


def verify_checked_in(cli, session_id):
    def checked_in():
        roster = cli.json("roster", str(session_id))
        ours = [r for r in roster["registrations"] if r["customer"] == CUSTOMER_NAME]
        if len(ours) != 1:
            return None
        return ours[0] if ours[0]["checked_in_at"] and ours[0]["status"] == "confirmed" else None

    registration = wait_for(f"{CUSTOMER_NAME}'s registration to session {session_id} "
                            "to be checked in (atelier-cli roster --json)",
                            checked_in, timeout=10, interval=0.5)
    log(f"registration {registration['id']} of session {session_id}: checked in at "
        f"{registration['checked_in_at']}")


# --- main --------------------------------------------------------------------------

A11Y_BUS_CONFIG = "/usr/share/defaults/at-spi2/accessibility.conf"


def start_a11y_bus(workdir):
    """A private accessibility bus for this test, so that nothing else
    running on the machine (another session's AT-SPI bus launcher writing
    the same socket in ~/.cache/at-spi) can come between the test and the
    app. Both find it in AT_SPI_BUS_ADDRESS. Returns the bus daemon, or
    None to use the session's own accessibility bus."""
    if shutil.which("dbus-daemon") is None or not os.path.exists(A11Y_BUS_CONFIG):
        log("no dbus-daemon or at-spi2 bus configuration: using the session's accessibility bus")
        return None
    address = "unix:path=" + os.path.join(workdir, "a11y-bus")
    env = dict(os.environ, AT_SPI_BUS_ADDRESS=address)
    # Its output (and that of the registry daemon it starts) goes to a
    # file: an open copy of meson's pipes would keep meson waiting.
    daemon_log = open(os.path.join(workdir, "a11y-bus.log"), "w")
    daemon = subprocess.Popen(["dbus-daemon", "--config-file=" + A11Y_BUS_CONFIG, "--nofork",
                               "--address=" + address, "--print-address=1"],
                              env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=daemon_log, text=True,
                              start_new_session=True, preexec_fn=die_with_parent)
    daemon_log.close()
    printed = daemon.stdout.readline().strip()
    if not printed:
        raise Failure("the private accessibility bus did not start")
    # The registry daemon it starts on demand, the app and dogtail use it.
    os.environ["AT_SPI_BUS_ADDRESS"] = printed
    return daemon


def die_with_parent():
    """In a child, before exec: SIGTERM when the test process dies, even
    killed (meson's timeout), so that nothing it started survives it."""
    import ctypes
    PR_SET_PDEATHSIG = 1
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except Exception:
        pass


def stop_process_group(process):
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def run(atelier, cli_path, workdir):
    database = os.path.join(workdir, "store.db")
    cli = Cli(cli_path, database)
    cli.run("demo")

    a11y_bus = start_a11y_bus(workdir)
    try:
        run_app(atelier, cli, database, workdir)
    finally:
        stop_process_group(a11y_bus)


def run_app(atelier, cli, database, workdir):
    tree = import_dogtail()
    app = App(tree, atelier, database, workdir)
    try:
        wait_for("the schedule", lambda: find_widget(app.main_window(), "AtelierSchedulePage"),
                 timeout=START_TIMEOUT)

        if not new_workshop_enabled(app):
            raise Failure("the Workshops view has no New Workshop button that can be pressed")
        create_workshop(app)
        workshops = [w for w in cli.json("workshops") if w["title"] == WORKSHOP_TITLE]
        if len(workshops) != 1 or workshops[0]["capacity"] != WORKSHOP_CAPACITY:
            raise Failure(f"expected one workshop “{WORKSHOP_TITLE}” of {WORKSHOP_CAPACITY} "
                          f"seats in the store, found {workshops}")
        log(f"workshop {workshops[0]['id']} created")
        create_session(app)
        session = verify_session(cli)
        search_text, title = WORKSHOP_SEARCH, WORKSHOP_TITLE

        session_page = open_session_from_schedule(app, search_text, title)
        sign_up_new_customer(app, session_page)
        check_in_at_the_door(app, session_page)
        verify_checked_in(cli, session["id"])
    except BaseException:
        try:
            subprocess.run(["import", "-window", "root",
                            os.path.join(workdir, "failure.png")], timeout=30)
            log(f"screenshot of the failure: {os.path.join(workdir, 'failure.png')}")
        except Exception:
            pass
        raise
    finally:
        app.stop()
        output = app.output().strip()
        if output:
            log("atelier's output:")
            for line in output.splitlines():
                log("  " + line)


def main():
    if len(sys.argv) != 3:
        print(f"usage: {sys.argv[0]} ATELIER ATELIER_CLI", file=sys.stderr)
        return 2
    check_environment()
    atelier, cli = (os.path.abspath(p) for p in sys.argv[1:3])

    keep = os.environ.get("ATELIER_E2E_KEEP")  # keep the temporary files
    workdir = tempfile.mkdtemp(prefix="atelier-e2e-")
    try:
        run(atelier, cli, workdir)
    except Failure as error:
        print(f"FAIL: {error}", flush=True)
        keep = True
        return 1
    except Exception:
        traceback.print_exc()
        keep = True
        return 1
    finally:
        if keep:
            log(f"files kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print("PASS: signed up and checked in through the interface", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
