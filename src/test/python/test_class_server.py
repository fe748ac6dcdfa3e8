#!/usr/bin/python3
"""The class test of `./descent hub` (run by `./descent test`, or alone: `./descent hub test`), as root, loopback only.

1. Bad input first, changing nothing: a roster with a duplicate name, with an invalid name, with a name that is an
   existing system user (its passwd entry and home checked unchanged), a hub start on a port in use.
2. `hub setup` into a fresh prefix, `hub add` of a roster of 4 students (descent-test-<run>-*), `hub start` on a
   free port of 127.0.0.1.
3. Three students log in through the hub's login form (PAM, their initial passwords) at the same time; each gets
   the course in ~/descent, opens notebook 01 and runs every cell in its own Java kernel over the notebook
   server's REST and websocket API (three kernels at once). Time from login to the first output, and the memory
   of each student's processes (server + kernel), are printed.
4. Student 1 writes exercise 01.2 correctly, student 2 with a typical mistake, student 3 not at all, student 4
   never logs in. `hub collect`: read-only copies, homes unchanged; `hub grade 01.2`: the gradebook rows; a
   collection with a submission that breaks the grader loses only that row.
5. Everything started is stopped and every test user is removed with its home, even when a step fails.
Ends with "N passed, N failed". Timeouts are generous: Java kernels start slowly on a loaded 2-core machine.
"""
import argparse
import asyncio
import csv
import hashlib
import json
import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[2] / "main/python"))
import descent_hub as hub  # noqa: E402

NOTEBOOK = "01-computational-graphs.ipynb"
EXERCISE = "01.2"
STUB = re.compile(r'// YOUR CODE HERE\s*\n\s*throw new UnsupportedOperationException\("Exercise 01\.2 [^;]*;')
RIGHT = "return new double[]{upstream * x2, upstream * x1};"
WRONG = "return new double[]{upstream * x1, upstream * x2};"   # each input times itself (a typical mistake)


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.lock = threading.Lock()

    def check(self, ok, what, detail=""):
        with self.lock:
            if ok:
                self.passed += 1
                print(f"ok {what}", flush=True)
            else:
                self.failed += 1
                print(f"FAILED {what}{': ' + detail if detail else ''}", flush=True)
        return ok


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def tree_digest(path):
    """A digest of names, modes, owners, sizes and mtimes under path (for "nothing was modified")."""
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in sorted(os.walk(path)):
        dirnames.sort()
        for n in sorted(filenames) + [""]:
            p = os.path.join(dirpath, n)
            st = os.lstat(p)
            h.update(f"{p}|{st.st_mode}|{st.st_uid}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def expect_error(checks, what, fn, needle):
    try:
        fn()
    except hub.HubError as e:
        return checks.check(needle in str(e), what, f"message {str(e)!r} lacks {needle!r}")
    return checks.check(False, what, "no error")


def bad_input(checks, prefix, tag):
    rosters = prefix.parent / "rosters"
    rosters.mkdir()
    passwd_before = Path("/etc/passwd").read_text()
    dup = rosters / "dup.csv"
    dup.write_text(f"username,name\n{tag}-x,X\n{tag}-y,Y\n{tag}-x,X again\n")
    expect_error(checks, "a duplicate roster name is refused with its lines",
                 lambda: hub.cmd_add(argparse.Namespace(prefix=str(prefix), roster=str(dup), password=None)),
                 f"line 4: user name '{tag}-x' already on line 2")
    bad = rosters / "bad.csv"
    bad.write_text(f"username,name\n{tag}-ok,Ok\nBob Smith,Bob\n")
    expect_error(checks, "an invalid roster name is refused with its line",
                 lambda: hub.cmd_add(argparse.Namespace(prefix=str(prefix), roster=str(bad), password=None)),
                 "line 3: 'Bob Smith' is not a valid user name")
    home = Path(pwd.getpwnam("daemon").pw_dir)
    home_before = (os.stat(home).st_mode, os.stat(home).st_mtime_ns)
    taken = rosters / "taken.csv"
    taken.write_text(f"username,name\n{tag}-new,New\ndaemon,Not a student\n")
    expect_error(checks, "a name that is already a system user is refused",
                 lambda: hub.cmd_add(argparse.Namespace(prefix=str(prefix), roster=str(taken), password=None)),
                 "already exist as system users that are not students of this class: daemon")
    expect_error(checks, "removing a system user this class did not create is refused",
                 lambda: hub.cmd_remove(argparse.Namespace(prefix=str(prefix), roster=str(taken))),
                 "refusing to remove system users this class did not create: daemon")
    checks.check(Path("/etc/passwd").read_text() == passwd_before
                 and (os.stat(home).st_mode, os.stat(home).st_mtime_ns) == home_before,
                 "after the refused rosters no user was created or changed, no home touched")


def login(base, username, password, timeout):
    """The student's login through the hub's form (PAM); returns the session once the server is up."""
    import requests
    s = requests.Session()
    s.get(f"{base}/hub/login", timeout=30)
    r = s.post(f"{base}/hub/login?next=", data={"username": username, "password": password,
                                                "_xsrf": s.cookies.get("_xsrf", "")}, timeout=60)
    if "spawn-pending" not in r.url and f"/user/{username}/" not in r.url:
        raise RuntimeError(f"login of {username} ended on {r.url} (status {r.status_code})")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        # the notebook list of the student's own server, reached through the hub's OAuth redirects
        r = s.get(f"{base}/user/{username}/tree", timeout=30)
        if r.status_code == 200 and r.url.split("?")[0].endswith(f"/user/{username}/tree"):
            return s
        time.sleep(1)
    raise RuntimeError(f"the server of {username} did not come up within {timeout} s")


async def execute_notebook(ws_url, token, nb, on_first_output, cell_timeout):
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect
    conn = await websocket_connect(HTTPRequest(ws_url, headers={"Authorization": f"token {token}"}))
    session = uuid.uuid4().hex

    def request(msg_type, content, channel="shell"):
        msg_id = uuid.uuid4().hex
        conn.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": "test", "session": session, "msg_type": msg_type,
                       "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": channel, "buffers": [], "content": content}))
        return msg_id
    try:
        # wait for the kernel as Jupyter's own clients do: kernel_info_request, resent every 2 s, until a reply
        # (a request sent while the notebook server is still connecting the kernel's channels can be lost)
        deadline = time.monotonic() + cell_timeout
        asked = set()
        ready = False
        while not ready:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the kernel did not answer kernel_info_request within {cell_timeout} s")
            asked.add(request("kernel_info_request", {}))
            until = time.monotonic() + 2
            while not ready and time.monotonic() < until:
                try:
                    raw = await asyncio.wait_for(conn.read_message(), max(0.05, until - time.monotonic()))
                except asyncio.TimeoutError:
                    break
                if raw is None:
                    raise RuntimeError("the kernel's websocket closed before the kernel was ready")
                m = json.loads(raw)
                ready = m["msg_type"] == "kernel_info_reply" and m.get("parent_header", {}).get("msg_id") in asked
        for i, cell in enumerate(nb["cells"]):
            if cell["cell_type"] != "code":
                continue
            code = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            msg_id = request("execute_request", {"code": code, "silent": False, "store_history": True,
                                                 "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
            outputs, idle, reply = [], False, None
            deadline = time.monotonic() + cell_timeout
            while not (idle and reply):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise RuntimeError(f"cell {i} did not finish within {cell_timeout} s")
                try:
                    raw = await asyncio.wait_for(conn.read_message(), left)
                except asyncio.TimeoutError:
                    raise RuntimeError(f"cell {i} did not finish within {cell_timeout} s "
                                       f"({len(outputs)} output(s) so far)") from None
                if raw is None:
                    raise RuntimeError(f"the kernel's websocket closed during cell {i}")
                m = json.loads(raw)
                if m.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                t = m["msg_type"]
                if t in ("stream", "display_data", "execute_result", "error"):
                    on_first_output()
                    out = dict(m["content"], output_type=t)
                    out.pop("transient", None)
                    if t == "stream":
                        out = {"output_type": "stream", "name": out["name"], "text": out["text"]}
                    outputs.append(out)
                    if t == "error":
                        raise RuntimeError(f"cell {i} failed: {m['content'].get('ename')}: "
                                           f"{m['content'].get('evalue', '')[:200]}")
                elif t == "status" and m["content"]["execution_state"] == "idle":
                    idle = True
                elif t == "execute_reply":
                    reply = m["content"]
                    if reply.get("status") != "ok":
                        raise RuntimeError(f"cell {i}: execute_reply status {reply.get('status')}: "
                                           f"{reply.get('ename', '')} {reply.get('evalue', '')[:200]}")
            cell["outputs"] = outputs
            cell["execution_count"] = reply.get("execution_count")
    finally:
        conn.close()
    return nb


def memory_of(uid):
    """RSS in MB of uid's processes, by kind: the single-user server and the Java kernel(s)."""
    out = {"server": 0.0, "kernel": 0.0, "other": 0.0}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            if d.stat().st_uid != uid:
                continue
            cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            rss = next(int(ln.split()[1]) for ln in (d / "status").read_text().splitlines()
                       if ln.startswith("VmRSS:")) / 1024
        except (OSError, StopIteration, ValueError):
            continue
        kind = "kernel" if "KernelMain" in cmd else "server" if "jupyterhub-singleuser" in cmd else "other"
        out[kind] += rss
    return out


def user_cmdlines(uid):
    out = []
    for d in Path("/proc").iterdir():
        try:
            if d.name.isdigit() and d.stat().st_uid == uid:
                out.append((d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except OSError:
            pass
    return out


def student_session(checks, base, api_token, username, password, results, start_barrier, timeouts):
    """One student: login, first-login copy, notebook run in their own Java kernel."""
    import requests
    r = {"username": username}
    results[username] = r
    try:
        start_barrier.wait(60)
        t0 = time.monotonic()
        s = login(base, username, password, timeouts["spawn"])
        r["server_up_s"] = time.monotonic() - t0
        home = Path(pwd.getpwnam(username).pw_dir)
        nbpath = home / "descent/notebooks" / NOTEBOOK
        checks.check(nbpath.is_file() and nbpath.stat().st_uid == pwd.getpwnam(username).pw_uid,
                     f"{username}: the course was copied to ~/descent on first login, owned by the student")
        # a token for this student, made with the instructor service's token (hub REST API)
        tr = requests.post(f"{base}/hub/api/users/{username}/tokens", json={"note": "class test", "expires_in": 3600},
                           headers={"Authorization": f"token {api_token}"}, timeout=30)
        tr.raise_for_status()
        token = tr.json()["token"]
        auth = {"Authorization": f"token {token}"}
        nb = requests.get(f"{base}/user/{username}/api/contents/{NOTEBOOK}", headers=auth, timeout=30).json()["content"]
        sess = requests.post(f"{base}/user/{username}/api/sessions", headers=auth, timeout=60,
                             json={"path": NOTEBOOK, "type": "notebook", "name": NOTEBOOK,
                                   "kernel": {"name": "java"}}).json()
        kid = sess["kernel"]["id"]
        first = {}

        def on_first():
            first.setdefault("t", time.monotonic())
        ws = base.replace("http://", "ws://") + f"/user/{username}/api/kernels/{kid}/channels"
        nb = asyncio.run(execute_notebook(ws, token, nb, on_first, timeouts["cell"]))
        r["first_output_s"] = first["t"] - t0
        r["run_s"] = time.monotonic() - t0
        r["memory"] = memory_of(pwd.getpwnam(username).pw_uid)
        cmdlines = [c for c in user_cmdlines(pwd.getpwnam(username).pw_uid) if "jupyterhub-singleuser" in c]
        checks.check(len(cmdlines) == 1 and all(f"{opt}={timeouts['idle']}" in cmdlines[0] for opt in (
            "--NotebookApp.shutdown_no_activity_timeout", "--MappingKernelManager.cull_idle_timeout")),
            f"{username}: their server runs as them with idle culling ({timeouts['idle']} s)", str(cmdlines)[:300])
        put = requests.put(f"{base}/user/{username}/api/contents/{NOTEBOOK}", headers=auth, timeout=60,
                           json={"type": "notebook", "format": "json", "content": nb})
        graded = [c for c in nb["cells"] if c["cell_type"] == "code" and "Grade.exercise" in "".join(c["source"])]
        shown = [json.dumps(c["outputs"]) for c in graded]
        checks.check(graded and not any("could not grade" in t or "skipped" in t for t in shown)
                     and all("total" in t for t in shown),
                     f"{username}: the notebook's {len(graded)} grading cells graded the student's copy "
                     "(with the shared build)", " | ".join(t[:200] for t in shown))
        checks.check(put.status_code == 200, f"{username}: ran all cells of {NOTEBOOK} in their own Java kernel "
                     f"and saved it ({r['run_s']:.0f} s from login)", f"save status {put.status_code}")
        r["ok"] = True
    except Exception as e:
        r["ok"] = False
        checks.check(False, f"{username}: login and notebook run", f"{type(e).__name__}: {str(e)[:400]}")


def write_as(username, path, text):
    p = run(["runuser", "-u", username, "--", "tee", str(path)], input=text)
    if p.returncode != 0:
        raise RuntimeError(f"could not write {path} as {username}: {p.stderr.strip()}")


def main(argv=None):
    ap = argparse.ArgumentParser(prog="descent hub test")
    ap.add_argument("--root", required=True)
    ap.add_argument("--keep", action="store_true", help="leave the hub running and the users in place (debugging)")
    a = ap.parse_args(argv)
    root = Path(a.root).resolve()
    checks = Checks()
    if os.geteuid() != 0:
        print("FAILED class test: needs root (it creates system users)")
        print("0 passed, 1 failed")
        return 1
    t_all = time.monotonic()
    tag = "descent-test-" + secrets.token_hex(2)
    work = Path(tempfile.mkdtemp(prefix="descent-test-hub-"))
    os.chmod(work, 0o755)   # the students read the shared build under it
    prefix = work / "class"
    names = [f"{tag}-right", f"{tag}-wrong", f"{tag}-none", f"{tag}-absent"]
    roster = work / "roster.csv"
    roster.write_text("username,name\n" + "".join(f"{n},Test student {i + 1}\n" for i, n in enumerate(names)))
    env = dict(os.environ)
    started = False
    port = None
    try:
        bad_input(checks, prefix, tag)
        t = time.monotonic()
        p = run([str(root / "descent"), "hub", "setup", "--prefix", str(prefix), "--kernel-memory", "512"])
        checks.check(p.returncode == 0, f"hub setup ({time.monotonic() - t:.0f} s)", p.stderr[-800:] + p.stdout[-400:])
        spec = json.loads((prefix / "share/jupyter/kernels/java/kernel.json").read_text())
        checks.check("-Xmx512m" in spec["argv"], "the shared kernelspec caps each kernel's heap (-Xmx512m)")
        p = run([str(root / "descent"), "hub", "add", str(roster), "--prefix", str(prefix)])
        checks.check(p.returncode == 0 and all(hub.is_student(hub.user(n)) for n in names),
                     "hub add created the 4 roster students", p.stderr + p.stdout)
        with open(prefix / "passwords.csv", newline="") as f:
            passwords = {r["username"]: r["password"] for r in csv.DictReader(f)}
        checks.check(oct(os.stat(prefix / "passwords.csv").st_mode & 0o777) == "0o600",
                     "passwords.csv is readable by root only")
        w = run(["runuser", "-u", names[0], "--", "touch", str(prefix / "build/classes/x")])
        checks.check(w.returncode != 0, "a student cannot write the shared build")
        port = hub.free_port()
        with socket.socket() as busy:
            busy.bind(("127.0.0.1", port))
            busy.listen(1)
            p = run([str(root / "descent"), "hub", "start", "--prefix", str(prefix), "--port", str(port),
                     "--background"])
            checks.check(p.returncode == 2 and f"port {port} on 127.0.0.1 is in use" in p.stderr,
                         "hub start refuses a port in use", p.stderr + p.stdout)
        p = run([str(root / "descent"), "hub", "start", "--prefix", str(prefix), "--port", str(port), "--background",
                 "--idle-timeout", "600"], env=env)
        started = p.returncode == 0
        checks.check(started, f"hub start on 127.0.0.1:{port}", p.stderr[-1500:] + p.stdout[-500:])
        if not started:
            return 1
        base = f"http://127.0.0.1:{port}"
        api_token = (prefix / "hub/api_token").read_text().strip()
        results = {}
        barrier = threading.Barrier(3)
        timeouts = {"spawn": 240, "cell": 300, "idle": 600}
        threads = [threading.Thread(target=student_session, args=(checks, base, api_token, n, passwords[n], results,
                                                                  barrier, timeouts)) for n in names[:3]]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        print("class test: 3 students at once, each in their own Java kernel, notebook " + NOTEBOOK)
        print(f"  {'student':<28} {'server up':>9} {'1st output':>10} {'all cells':>9} {'server MB':>9} "
              f"{'kernel MB':>9}")
        for n in names[:3]:
            r = results.get(n, {})
            if r.get("ok"):
                m = r["memory"]
                print(f"  {n:<28} {r['server_up_s']:8.1f}s {r['first_output_s']:9.1f}s {r['run_s']:8.1f}s "
                      f"{m['server']:9.0f} {m['kernel']:9.0f}")
        print(f"  (load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores; "
              f"times include the Java kernel's start)")

        # the students' work: one right, one wrong, one untouched stub; the fourth never logged in
        for n, body in ((names[0], RIGHT), (names[1], WRONG)):
            f = Path(pwd.getpwnam(n).pw_dir) / "descent/exercises/backprop/MultiplyGate.java"
            src = f.read_text()
            checks.check(STUB.search(src) is not None, f"{n}: the stub of {EXERCISE} is in their copy")
            write_as(n, f, STUB.sub(body, src))
        # a student grades their own work in a terminal, with the shared build (light mode, as themselves)
        g = run(["runuser", "-u", names[0], "--", "sh", "-c", f"cd ~/descent && ./descent grade {EXERCISE}"],
                timeout=600)
        checks.check(g.returncode == 0 and re.search(r"^total\s+(\d+)\s+\1\s*$", g.stdout, re.M) is not None,
                     f"{names[0]}: ./descent grade {EXERCISE} in their terminal gives full marks (no rebuild)",
                     (g.stdout + g.stderr)[-600:])
        # a link to a file the student may not read must not be followed by the collection (it runs as root)
        leak = run(["runuser", "-u", names[1], "--", "ln", "-s", "/etc/shadow",
                    str(Path(pwd.getpwnam(names[1]).pw_dir) / "descent/exercises/backprop/Leak.java")])
        checks.check(leak.returncode == 0, f"{names[1]}: planted a link to /etc/shadow", leak.stderr)
        homes_before = {n: tree_digest(Path(pwd.getpwnam(n).pw_dir)) for n in names}
        p = run([str(root / "descent"), "hub", "collect", "--prefix", str(prefix), "--name", "week1"])
        print(p.stdout.rstrip())
        coll = prefix / "submissions/week1"
        checks.check(p.returncode == 0 and (coll / names[0] / "exercises/backprop/MultiplyGate.java").is_file(),
                     "hub collect copied the submissions", p.stderr + p.stdout)
        checks.check(f"{names[3]}: MISSING" in p.stdout, "hub collect names the missing submission", p.stdout)
        checks.check("skipped ./backprop/Leak.java (not a regular file)" in p.stdout
                     and not (coll / names[1] / "exercises/backprop/Leak.java").exists(),
                     "hub collect skips links (the planted /etc/shadow link is not followed)", p.stdout)
        peek = run(["runuser", "-u", names[0], "--", "ls", str(coll / names[1])])
        checks.check(peek.returncode != 0, "a student cannot read the collected submissions", peek.stdout)
        checks.check(all(tree_digest(Path(pwd.getpwnam(n).pw_dir)) == homes_before[n] for n in names),
                     "hub collect modified nothing in the students' homes")
        ro = all(not (os.stat(os.path.join(dp, x)).st_mode & 0o222)
                 for dp, ds, fs in os.walk(coll) for x in ds + fs + [""])
        checks.check(ro, "the collection is read-only (no write bit anywhere)")
        t = time.monotonic()
        p = run([str(root / "descent"), "hub", "grade", "--prefix", str(prefix), "--collection", str(coll),
                 "--jobs", "2", "--timeout", "30", EXERCISE])
        print(p.stdout.rstrip())
        grade_s = time.monotonic() - t
        book = prefix / "grades/week1/gradebook.csv"
        rows = {}
        if book.is_file():
            with open(book, newline="") as f:
                rows = {r["student"]: r for r in csv.DictReader(f)}
        checks.check(p.returncode == 0 and len(rows) == 4, f"hub grade wrote a gradebook with 4 rows "
                     f"({grade_s:.0f} s)", p.stderr[-1500:])
        if len(rows) == 4:
            right, wrong, none, absent = (rows[n] for n in names)
            full = right.get(EXERCISE, "")
            checks.check(right["status"] == "graded" and full not in ("", "0") and right["total"] == full
                         and right["out_of"] == full, f"the right answer has full marks ({full})", str(right))
            checks.check(wrong["status"] == "graded" and wrong[EXERCISE] not in ("", full)
                         and float(wrong[EXERCISE]) < float(full), "the typical mistake lost points "
                         f"({wrong[EXERCISE]} of {full})", str(wrong))
            checks.check(none["status"] == "graded" and none[EXERCISE] == "0", "the untouched stub scores 0", str(none))
            checks.check(absent["status"].startswith("missing") and absent["total"] == "0",
                         "the student who never logged in is 'missing' with 0", str(absent))
            report = prefix / "grades/week1" / names[1] / "report.html"
            checks.check(report.is_file() and "MultiplyGate" in report.read_text() or "01.2" in report.read_text(),
                         "each student has a report", str(report))
        # a submission that breaks the grader: only its row is lost
        broken = work / "broken"
        shutil.copytree(coll, broken)
        os.chmod(broken, 0o755)
        os.chmod(broken / "manifest.csv", 0o644)
        (broken / "descent-test-broken").mkdir()
        (broken / "descent-test-broken" / "exercises").write_text("not a directory")
        with open(broken / "manifest.csv", "a", newline="") as f:
            csv.writer(f).writerow(["descent-test-broken", "collected", "", 1])
        p = run([str(root / "descent"), "hub", "grade", "--prefix", str(prefix), "--collection", str(broken),
                 "--out", str(work / "broken-grades"), "--jobs", "2", "--timeout", "30", EXERCISE])
        rows2 = {}
        if (work / "broken-grades/gradebook.csv").is_file():
            with open(work / "broken-grades/gradebook.csv", newline="") as f:
                rows2 = {r["student"]: r for r in csv.DictReader(f)}
        checks.check(p.returncode == 0 and rows2.get("descent-test-broken", {}).get("status", "").startswith(
            "not graded") and rows2.get(names[0], {}).get("total") == rows.get(names[0], {}).get("total"),
            "a submission that breaks the grader loses only its own row", p.stderr[-800:] + str(rows2)[:800])
    except Exception as e:
        checks.check(False, "class test", f"{type(e).__name__}: {e}")
    finally:
        if not a.keep:
            if started:
                p = run([str(root / "descent"), "hub", "stop", "--prefix", str(prefix)])
                checks.check(p.returncode == 0, "hub stop", p.stderr)
            left = []
            for n in names:
                pw = hub.user(n)
                if pw:
                    left += hub.kill_user_processes(pw.pw_uid)
            if started:
                checks.check(not left, "nothing of the students was left running after hub stop",
                             f"{len(left)} process(es) killed")
                ours = [c for c in user_cmdlines(0) if str(prefix) in c or (
                    "configurable-http-proxy" in c and f"--port {port}" in c)]
                checks.check(not ours, "the hub and its proxy stopped", "; ".join(ours)[:300])
            p = run([str(root / "descent"), "hub", "remove", str(roster), "--prefix", str(prefix)])
            gone = all(hub.user(n) is None and not Path(f"/home/{n}").exists() for n in names)
            if not gone:   # remove by hand what is left, even when `hub remove` failed
                for n in names:
                    if hub.user(n) and hub.is_student(hub.user(n)):
                        run(["userdel", "--remove", "--force", n])
                gone = all(hub.user(n) is None for n in names)
            checks.check(gone, "the test students were removed with their homes", p.stderr)
            shutil.rmtree(work, ignore_errors=True)
    print(f"class test: {time.monotonic() - t_all:.0f} s")
    print(f"{checks.passed} passed, {checks.failed} failed")
    return 0 if checks.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
