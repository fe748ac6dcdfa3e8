#!/usr/bin/python3
"""Class server side of the ./descent launcher: `./descent hub ...` (run as root with Debian's /usr/bin/python3).

A JupyterHub (Debian's jupyterhub 3.0 + node-configurable-http-proxy) on this machine for one class:
  setup    publish one shared, read-only build of the library, the student release and the system-wide Java
           kernelspec under PREFIX (default /opt/descent-class)
  add      roster CSV -> unprivileged system users (PAM login, an initial password per student)
  remove   delete the students of a roster (only users this command created) with their homes
  start    write the hub's configuration and start it (127.0.0.1 unless --ip), in the foreground or --background
  stop / status
  collect  copy each student's exercises/ into a dated, read-only submission folder
  grade    hardened grading of every submission of a collection, a gradebook CSV and each student's report
  provision  (called by the hub itself) the student release into a student's home on first login

Every state file lives under PREFIX: build/, release/, share/jupyter/, hub/ (config, database, log, pid),
students.csv, passwords.csv (mode 600), submissions/DATE/ and grades/DATE/ (root only).
"""
import argparse
import csv
import datetime
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_PREFIX = "/opt/descent-class"
MARK = "(descent class student)"        # ends the GECOS comment of every user `hub add` created
NAME = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
RUNUSER = shutil.which("runuser") or "/usr/sbin/runuser"
USER_ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
NODE_PATH = "/usr/share/nodejs"          # Debian's node modules; the machine's `node` may not search there
SUBMISSION_FILE_LIMIT = 1 << 20          # bytes per collected file
SUBMISSION_FILES = 2000                  # files per collected submission


class HubError(Exception):
    """A problem the instructor can fix; printed as `descent hub: <message>` with exit status 2."""


def prefix_of(a):
    return Path(a.prefix or os.environ.get("DESCENT_HUB_PREFIX") or DEFAULT_PREFIX).resolve()


def need_root(what):
    if os.geteuid() != 0:
        raise HubError(f"{what} needs root (it creates system users and switches to them); run it with sudo")


# ------------------------------------------------------------------------------------------------ roster and users

def read_roster(path):
    """The students of a roster CSV: a header row with a `username` column (other columns, e.g. `name`, are kept
    as the user's full name when called `name`). Returns [{"username", "name", "line"}]. Every invalid or duplicate
    user name is reported at once, with its line."""
    p = Path(path)
    if not p.is_file():
        raise HubError(f"no roster file {p}")
    with open(p, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    rows = [(i + 1, r) for i, r in enumerate(rows) if any(c.strip() for c in r)]
    if not rows:
        raise HubError(f"the roster {p} is empty (expected a header row `username,name` and one row per student)")
    header = [c.strip().lower() for c in rows[0][1]]
    if "username" not in header:
        raise HubError(f"the roster {p} has no `username` column (its header is {','.join(rows[0][1])!r}; "
                       f"expected `username,name`)")
    ui = header.index("username")
    ni = header.index("name") if "name" in header else None
    students, problems, seen = [], [], {}
    for line, r in rows[1:]:
        u = r[ui].strip() if ui < len(r) else ""
        name = r[ni].strip() if ni is not None and ni < len(r) else ""
        if not NAME.match(u):
            problems.append(f"line {line}: {u!r} is not a valid user name (a lowercase letter, then lowercase "
                            f"letters, digits, '-' or '_'; at most 32 characters)")
            continue
        if u in seen:
            problems.append(f"line {line}: user name {u!r} already on line {seen[u]}")
            continue
        if any(c in name for c in ":,\n"):
            problems.append(f"line {line}: the name of {u!r} contains ':' or ','; system user comments cannot")
            continue
        seen[u] = line
        students.append({"username": u, "name": name, "line": line})
    if problems:
        raise HubError(f"the roster {p} has {len(problems)} problem(s); nothing was changed:\n  "
                       + "\n  ".join(problems))
    if not students:
        raise HubError(f"the roster {p} has a header but no student rows")
    return students


def user(name):
    try:
        return pwd.getpwnam(name)
    except KeyError:
        return None


def is_student(pw):
    return pw is not None and pw.pw_gecos.endswith(MARK)


def students_file(prefix):
    return prefix / "students.csv"


def class_students(prefix):
    """The students `hub add` registered for this class, in roster order."""
    f = students_file(prefix)
    if not f.is_file():
        return []
    with open(f, newline="", encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh)]


def write_csv(path, header, rows, mode=0o644):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    os.chmod(tmp, mode)
    os.replace(tmp, path)


def cmd_add(a):
    need_root("hub add")
    prefix = prefix_of(a)
    roster = read_roster(a.roster)
    foreign = [s["username"] for s in roster if user(s["username"]) and not is_student(user(s["username"]))]
    if foreign:
        raise HubError("these roster names already exist as system users that are not students of this class: "
                       + ", ".join(foreign) + ". Nothing was changed; rename them in the roster (e.g. a prefix "
                       "such as 'stu-')")
    created, kept = [], []
    passwords = {}
    pfile = prefix / "passwords.csv"
    if pfile.is_file():
        with open(pfile, newline="", encoding="utf-8") as f:
            passwords = {r["username"]: r["password"] for r in csv.DictReader(f)}
    for s in roster:
        u = s["username"]
        if user(u):
            kept.append(u)
            continue
        comment = f"{s['name']} {MARK}" if s["name"] else MARK
        r = subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", "--user-group",
                            "--comment", comment, u], capture_output=True, text=True)
        if r.returncode != 0:
            raise HubError(f"useradd {u} failed: {r.stderr.strip()} (students created before it: "
                           f"{', '.join(created) or 'none'})")
        pw = a.password or secrets.token_urlsafe(9)
        r = subprocess.run(["chpasswd"], input=f"{u}:{pw}\n", capture_output=True, text=True)
        if r.returncode != 0:
            raise HubError(f"chpasswd for {u} failed: {r.stderr.strip()}")
        os.chmod(user(u).pw_dir, 0o700)   # students do not read each other's work
        passwords[u] = pw
        created.append(u)
    known = {r["username"]: r for r in class_students(prefix)}
    for s in roster:
        known[s["username"]] = {"username": s["username"], "name": s["name"]}
    write_csv(students_file(prefix), ["username", "name"], [[r["username"], r["name"]] for r in known.values()])
    write_csv(pfile, ["username", "password"], sorted(passwords.items()), mode=0o600)
    print(f"hub add: created {len(created)} student(s){': ' + ', '.join(created) if created else ''}"
          + (f"; already students: {', '.join(kept)}" if kept else ""))
    if created:
        print(f"hub add: their initial passwords are in {pfile} (readable by root only); hand each student theirs "
              f"and ask them to change it (Jupyter: New > Terminal, then `passwd`)")
    return 0


def kill_user_processes(uid):
    """Stops every process of uid, each by its pid (the student's single-user server, kernels, shells)."""
    pids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                if d.stat().st_uid == uid:
                    pids.append(int(d.name))
            except OSError:
                pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        if sig == signal.SIGTERM:
            time.sleep(1)
    return pids


def cmd_remove(a):
    need_root("hub remove")
    prefix = prefix_of(a)
    roster = read_roster(a.roster)
    foreign = [s["username"] for s in roster if user(s["username"]) and not is_student(user(s["username"]))]
    if foreign:
        raise HubError("refusing to remove system users this class did not create: " + ", ".join(foreign)
                       + ". Nothing was changed")
    removed = []
    for s in roster:
        pw = user(s["username"])
        if not pw:
            continue
        kill_user_processes(pw.pw_uid)
        r = subprocess.run(["userdel", "--remove", s["username"]], capture_output=True, text=True)
        if r.returncode != 0 and user(s["username"]):
            raise HubError(f"userdel {s['username']} failed: {r.stderr.strip()}")
        removed.append(s["username"])
    gone = {s["username"] for s in roster}
    write_csv(students_file(prefix), ["username", "name"],
              [[r["username"], r["name"]] for r in class_students(prefix) if r["username"] not in gone])
    pfile = prefix / "passwords.csv"
    if pfile.is_file():
        with open(pfile, newline="", encoding="utf-8") as f:
            keep = [(r["username"], r["password"]) for r in csv.DictReader(f) if r["username"] not in gone]
        write_csv(pfile, ["username", "password"], keep, mode=0o600)
    print(f"hub remove: removed {len(removed)} student(s) with their homes{': ' + ', '.join(removed) if removed else ''}")
    return 0


# ------------------------------------------------------------------------------------------------ shared build

def read_only(tree):
    """Owner root, readable by all, writable by nobody but root."""
    for dirpath, dirnames, filenames in os.walk(tree):
        os.chown(dirpath, 0, 0)
        os.chmod(dirpath, 0o755)
        for f in filenames:
            p = os.path.join(dirpath, f)
            if os.path.islink(p):
                continue
            os.chown(p, 0, 0)
            mode = os.stat(p).st_mode
            os.chmod(p, 0o755 if mode & stat.S_IXUSR else 0o644)


def cmd_setup(a):
    """Publishes the build of the course in a.root under PREFIX/build (classes, tools, jars, kernel), the student
    release under PREFIX/release and the kernelspec under PREFIX/share/jupyter/kernels/java."""
    need_root("hub setup")
    prefix = prefix_of(a)
    root = Path(a.root).resolve()
    prefix.mkdir(parents=True, exist_ok=True)
    os.chmod(prefix, 0o755)
    build = prefix / "build.new"
    shutil.rmtree(build, ignore_errors=True)
    (build / "lib").mkdir(parents=True)
    shutil.copytree(root / "target/classes", build / "classes")
    shutil.copytree(root / "target/tools-classes", build / "tools-classes")
    (build / "kernel").mkdir()
    shutil.copy2(root / "target/kernel/rapaio-jupyter-kernel.jar", build / "kernel")
    shutil.copytree(root / "target/kernel/boot", build / "kernel/boot")

    def jars(listing):
        out = []
        for j in Path(listing).read_text().strip().split(os.pathsep):
            if j.strip():
                dest = build / "lib" / Path(j).name
                if not dest.exists():
                    shutil.copy2(j, dest)
                out.append(str(prefix / "build/lib" / Path(j).name))
        return out
    lib = jars(root / "target/classpath.txt")
    tools = jars(root / "target/tools-classpath.txt")
    (build / "classpath.txt").write_text(os.pathsep.join(lib))
    (build / "tools-classpath.txt").write_text(os.pathsep.join(tools))
    read_only(build)
    old = prefix / "build"
    if old.exists():
        shutil.rmtree(old)
    os.replace(build, old)

    rel = prefix / "release.new"
    shutil.rmtree(rel, ignore_errors=True)
    r = subprocess.run([str(root / "descent"), "release", str(rel)], capture_output=True, text=True)
    if r.returncode != 0:
        raise HubError(f"./descent release failed: {(r.stderr or r.stdout).strip()}")
    read_only(rel)
    if (prefix / "release").exists():
        shutil.rmtree(prefix / "release")
    os.replace(rel, prefix / "release")

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import descent_jupyter as dj
    share = prefix / "share/jupyter"
    shutil.rmtree(share, ignore_errors=True)
    ns = argparse.Namespace(out=str(share), java=a.java, jar=str(prefix / "build/kernel/rapaio-jupyter-kernel.jar"),
                            boot=str(prefix / "build/kernel/boot"),
                            classpath=os.pathsep.join([str(prefix / "build/classes"), *lib]), skip_grading=False,
                            grade_tree=None, main="descent.kernel.KernelMain", quiet=True,
                            heap_mb=a.kernel_memory, mima_cache=None)
    dj.cmd_kernelspec(ns)
    shutil.rmtree(share / "mima_cache", ignore_errors=True)
    read_only(share)
    print(f"hub setup: shared read-only build in {prefix / 'build'}, student release in {prefix / 'release'}, "
          f"Java kernelspec in {share / 'kernels/java'} (heap capped at {a.kernel_memory} MB per kernel)")
    return 0


def provision(username, prefix):
    """First login: copies the student release into ~/descent (only if there is nothing there) and points its
    target/ at the shared build, so grading cells and `./descent grade` work without building. Every step runs as
    the student (runuser), so nothing in the home is created or changed with root's rights."""
    pw = user(username)
    if not is_student(pw):
        raise HubError(f"{username} is not a student of this class")
    home = Path(pw.pw_dir)
    if os.path.lexists(home / "descent"):
        return False
    build = prefix / "build"
    # files dated before every shared build file, so the launcher never tries to rebuild into the read-only build
    then = int(min((build / f).stat().st_mtime for f in ("classpath.txt", "kernel/rapaio-jupyter-kernel.jar",
                                                         "kernel/boot/descent/kernel/KernelMain.class")) - 60)
    script = """set -eu
cd "$3"
rm -rf .descent-copy
cp -R "$1/release" .descent-copy
chmod -R u+w .descent-copy
find .descent-copy -exec touch -h -d "@$2" {} +
mkdir .descent-copy/target
for f in classes tools-classes kernel classpath.txt tools-classpath.txt; do ln -s "$1/build/$f" ".descent-copy/target/$f"; done
mv -T .descent-copy descent
"""
    r = subprocess.run([RUNUSER, "-u", username, "--", "/bin/sh", "-c", script, "provision", str(prefix),
                        str(then), str(home)], capture_output=True, text=True, env=USER_ENV)
    if r.returncode != 0:
        raise HubError(f"could not copy the course into ~{username}/descent: {r.stderr.strip()}")
    return True


def cmd_provision(a):
    need_root("hub provision")
    done = provision(a.username, prefix_of(a))
    print(f"hub provision: {'copied the course into' if done else 'kept'} ~{a.username}/descent")
    return 0


# ------------------------------------------------------------------------------------------------ the hub

def port_free(ip, port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((ip, port))
        except OSError:
            return False
    return True


def free_port(ip="127.0.0.1"):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((ip, 0))
        return s.getsockname()[1]


CONFIG = """# Written by ./descent hub start; edit the options of that command instead of this file.
import sys
sys.path.insert(0, {pydir!r})
import descent_hub

c = get_config()  # noqa: F821
c.JupyterHub.ip = {ip!r}
c.JupyterHub.port = {port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{proxy_api}"
c.ConfigurableHTTPProxy.command = ["configurable-http-proxy"]
c.JupyterHub.cookie_secret_file = {cookie!r}
c.JupyterHub.db_url = "sqlite:///{db}"
c.JupyterHub.pid_file = {pid!r}
c.JupyterHub.cleanup_servers = True
c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"
c.PAMAuthenticator.open_sessions = False
c.Authenticator.allowed_users = set({students!r})
c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.Spawner.notebook_dir = "~/descent/notebooks"
c.Spawner.default_url = "/tree"
c.Spawner.environment = {{"JUPYTER_PATH": {jupyter_path!r}, "OPENBLAS_NUM_THREADS": "1"}}
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180
c.Spawner.args = [
    # idle culling: a kernel idle for {idle} s is shut down, and a server with no activity for {idle} s stops itself
    "--MappingKernelManager.cull_idle_timeout={idle}",
    "--MappingKernelManager.cull_interval=60",
    "--NotebookApp.shutdown_no_activity_timeout={idle}",
]
c.JupyterHub.services = [{{"name": "descent-instructor", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{"name": "descent-instructor", "services": ["descent-instructor"],
                             "scopes": ["admin:users", "admin:servers", "tokens", "list:users", "read:users"]}}]


def provision(spawner):
    # first login: the student release into ~/descent (kept as it is on every later login)
    descent_hub.provision(spawner.user.name, descent_hub.Path({prefix!r}))


c.Spawner.pre_spawn_hook = provision
"""


def hub_dir(prefix):
    return prefix / "hub"


def running_pid(prefix):
    f = hub_dir(prefix) / "hub.pid"
    if not f.is_file():
        return None
    try:
        pid = int(f.read_text().split()[0])
        os.kill(pid, 0)
    except (ValueError, IndexError, ProcessLookupError, PermissionError):
        return None
    return pid


def cmd_start(a):
    need_root("hub start")
    prefix = prefix_of(a)
    if not (prefix / "share/jupyter/kernels/java/kernel.json").is_file():
        raise HubError(f"no shared build in {prefix}: run ./descent hub setup first")
    students = [s["username"] for s in class_students(prefix)]
    if not students:
        raise HubError(f"no students yet: add them with ./descent hub add ROSTER.csv (prefix {prefix})")
    pid = running_pid(prefix)
    if pid:
        raise HubError(f"a hub of this class is already running (pid {pid}); ./descent hub stop first")
    if not (1 <= a.port <= 65535):
        raise HubError(f"--port must be between 1 and 65535, got {a.port}")
    if not port_free(a.ip, a.port):
        raise HubError(f"port {a.port} on {a.ip} is in use; choose another with --port")
    if a.idle_timeout < 60:
        raise HubError(f"--idle-timeout must be at least 60 s, got {a.idle_timeout}")
    if not shutil.which("configurable-http-proxy") or not shutil.which("jupyterhub"):
        raise HubError("jupyterhub or configurable-http-proxy is missing: apt-get install -y jupyterhub "
                       "node-configurable-http-proxy (./descent hub setup installs them)")
    hd = hub_dir(prefix)
    hd.mkdir(parents=True, exist_ok=True)
    os.chmod(hd, 0o700)
    token = secrets.token_hex(32)
    (hd / "api_token").write_text(token)
    os.chmod(hd / "api_token", 0o600)
    cfg = CONFIG.format(pydir=str(Path(__file__).resolve().parent), ip=a.ip, port=a.port,
                        hub_port=free_port(), proxy_api=free_port(), cookie=str(hd / "cookie_secret"),
                        db=str(hd / "jupyterhub.sqlite"), pid=str(hd / "hub.pid"), students=sorted(students),
                        jupyter_path=str(prefix / "share/jupyter"), idle=a.idle_timeout, token=token,
                        prefix=str(prefix))
    (hd / "jupyterhub_config.py").write_text(cfg)
    env = dict(os.environ, NODE_PATH=NODE_PATH + (":" + os.environ["NODE_PATH"] if os.environ.get("NODE_PATH") else ""))
    log = open(hd / "hub.log", "a", encoding="utf-8")
    log.write(f"--- {datetime.datetime.now():%Y-%m-%d %H:%M:%S} jupyterhub -f {hd / 'jupyterhub_config.py'}\n")
    log.flush()
    proc = subprocess.Popen(["jupyterhub", "-f", str(hd / "jupyterhub_config.py")], cwd=str(hd), env=env,
                            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=a.background)
    (hd / "hub.pid").write_text(str(proc.pid))
    url = f"http://{a.ip}:{a.port}/"
    deadline = time.monotonic() + 90
    import urllib.request
    while True:
        if proc.poll() is not None:
            raise HubError(f"jupyterhub stopped at start (exit status {proc.returncode}); its log: {hd / 'hub.log'}:\n"
                           + "\n".join((hd / "hub.log").read_text(errors="replace").splitlines()[-15:]))
        try:
            with urllib.request.urlopen(f"{url}hub/api/", timeout=2) as r:
                if r.status == 200:
                    break
        except Exception:
            pass
        if time.monotonic() > deadline:
            proc.terminate()
            raise HubError(f"jupyterhub did not answer on {url} within 90 s; its log: {hd / 'hub.log'}")
        time.sleep(0.5)
    print(f"hub: JupyterHub for {len(students)} student(s) at {url} (pid {proc.pid}; log {hd / 'hub.log'})")
    print(f"hub: idle kernels and idle servers stop after {a.idle_timeout} s; students log in with their system "
          f"user name and password")
    if a.ip in ("127.0.0.1", "localhost", "::1"):
        print("hub: listening on loopback only. To serve a classroom, put TLS in front: a reverse proxy such as "
              "nginx or Caddy with a certificate, forwarding to this address (see docs/teaching.md), or restart "
              "with --ip 0.0.0.0 only on a trusted network")
    else:
        print(f"hub: WARNING listening on {a.ip} without TLS: passwords cross the network in clear text. Put a "
              f"TLS reverse proxy in front (docs/teaching.md)")
    if a.background:
        print("hub: running in the background; stop it with ./descent hub stop")
        return 0
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.send_signal(signal.SIGINT)
        return proc.wait()


def cmd_stop(a):
    need_root("hub stop")
    prefix = prefix_of(a)
    pid = running_pid(prefix)
    if not pid:
        print("hub stop: no hub of this class is running")
        return 0
    os.kill(pid, signal.SIGTERM)   # JupyterHub stops the students' servers (cleanup_servers) and its proxy
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        time.sleep(0.3)
    else:
        os.kill(pid, signal.SIGKILL)
    (hub_dir(prefix) / "hub.pid").unlink(missing_ok=True)
    print(f"hub stop: stopped the hub (pid {pid}) and the students' servers")
    return 0


def cmd_status(a):
    prefix = prefix_of(a)
    pid = running_pid(prefix)
    students = class_students(prefix)
    print(f"hub: prefix {prefix}; {len(students)} student(s); " + (f"running (pid {pid})" if pid else "not running"))
    for s in students:
        pw = user(s["username"])
        state = "missing system user" if not pw else (
            "course copied" if (Path(pw.pw_dir) / "descent").is_dir() else "not logged in yet")
        print(f"  {s['username']:<24} {state}")
    return 0


# ------------------------------------------------------------------------------------------------ collect and grade

def copy_submission(username, dest):
    """Reads ~/descent/exercises as the student (tar run by runuser: only what the student can read) and unpacks the
    regular files and directories into dest, with root's rights but nothing else: no links, devices, absolute or
    `..` paths, at most SUBMISSION_FILES files of at most SUBMISSION_FILE_LIMIT bytes. Returns (files, notes) or
    None when there is no exercises/ directory."""
    import tarfile
    import tempfile
    pw = user(username)
    src = Path(pw.pw_dir) / "descent/exercises"
    r = subprocess.run([RUNUSER, "-u", username, "--", "/bin/sh", "-c",
                        'test -d "$1" && test ! -L "$1" && cd "$1" && exec tar -cf - .', "collect", str(src)],
                       capture_output=True, env=USER_ENV)
    if r.returncode != 0:
        return None
    notes, count = [], 0
    with tempfile.TemporaryFile() as buf:
        buf.write(r.stdout)
        buf.seek(0)
        with tarfile.open(fileobj=buf, mode="r:") as t:
            for m in t:
                name = Path(m.name)
                if name.is_absolute() or ".." in name.parts:
                    notes.append(f"skipped {m.name} (path outside exercises/)")
                    continue
                target = dest / name
                if m.isdir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                if not m.isfile():
                    notes.append(f"skipped {m.name} (not a regular file)")
                    continue
                if m.size > SUBMISSION_FILE_LIMIT:
                    notes.append(f"skipped {m.name} ({m.size} bytes; limit {SUBMISSION_FILE_LIMIT})")
                    continue
                count += 1
                if count > SUBMISSION_FILES:
                    notes.append(f"stopped after {SUBMISSION_FILES} files")
                    return count - 1, notes
                target.parent.mkdir(parents=True, exist_ok=True)
                with t.extractfile(m) as fin, open(target, "wb") as fout:
                    shutil.copyfileobj(fin, fout)
                os.utime(target, (m.mtime, m.mtime))
    return count, notes


def lock_down(tree):
    """Read-only for root, nothing for anyone else (students must not read each other's work)."""
    for dirpath, dirnames, filenames in os.walk(tree):
        for n in filenames:
            os.chmod(os.path.join(dirpath, n), 0o400)
        os.chmod(dirpath, 0o500)


def cmd_collect(a):
    need_root("hub collect")
    prefix = prefix_of(a)
    students = read_roster(a.roster) if a.roster else class_students(prefix)
    if not students:
        raise HubError(f"no students in {students_file(prefix)}: add them with ./descent hub add ROSTER.csv")
    stamp = a.name or datetime.datetime.now().strftime("%Y-%m-%d_%H%M%S")
    if not re.match(r"^[A-Za-z0-9_.-]+$", stamp):
        raise HubError(f"--name {stamp!r}: use letters, digits, '.', '-' or '_'")
    out = prefix / "submissions" / stamp
    if out.exists():
        raise HubError(f"{out} exists already; collections are never overwritten (choose another --name)")
    out.mkdir(parents=True)
    os.chmod(prefix / "submissions", 0o700)
    rows, missing = [], 0
    for s in students:
        u = s["username"]
        pw = user(u)
        got = copy_submission(u, out / u / "exercises") if is_student(pw) else None
        if got is None:
            why = "not a student of this class" if not is_student(pw) else f"no {pw.pw_dir}/descent/exercises"
            shutil.rmtree(out / u, ignore_errors=True)
            print(f"collect: {u}: MISSING ({why})")
            rows.append([u, "missing", why, 0])
            missing += 1
            continue
        count, notes = got
        rows.append([u, "collected", "; ".join(notes), count])
        print(f"collect: {u}: {count} file(s)" + (f" ({'; '.join(notes)})" if notes else ""))
    write_csv(out / "manifest.csv", ["student", "state", "note", "files"], rows)
    lock_down(out)
    print(f"collect: {len(students) - missing} submission(s), {missing} missing, in {out} (read-only)")
    return 0


def latest_collection(prefix):
    subs = prefix / "submissions"
    dirs = sorted([d for d in subs.iterdir() if d.is_dir()], key=lambda d: d.stat().st_mtime) if subs.is_dir() else []
    if not dirs:
        raise HubError(f"no collection in {subs}: run ./descent hub collect first")
    return dirs[-1]


def grade_one(a, launcher, subdir, outdir):
    """Grades one submission in its own grader process; returns (rows for scores.csv, status)."""
    u = subdir.name
    outdir.mkdir(parents=True, exist_ok=True)
    results = outdir / "results.json"
    cmd = [str(launcher), "grade", "--hardened", "--submission", str(subdir / "exercises"), "--results",
           str(results), "--timeout", str(a.timeout), "--budget", str(a.budget)]
    if a.seed is not None:
        cmd += ["--seed", str(a.seed)]
    cmd += a.selectors
    with open(outdir / "grader.log", "w", encoding="utf-8") as log:
        try:
            r = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, timeout=a.budget + 120)
            status = r.returncode
        except subprocess.TimeoutExpired:
            status = None
    log_text = (outdir / "grader.log").read_text(errors="replace")
    try:
        data = json.loads(results.read_text())
    except (OSError, ValueError):
        data = None
    if status is None:
        return [[u, "", "", "", f"not graded: the grader did not finish within {a.budget + 120} s"]], "not graded"
    if status not in (0, 1) or not data or not data.get("tests"):
        first = next((ln for ln in log_text.splitlines() if ln.startswith("error:")), None) \
            or (data or {}).get("output", "").split("\n")[0] or f"grader exit status {status}"
        return [[u, "", "", "", f"not graded: {first.replace('error: ', '')}"]], "not graded"
    per = {}
    for t in data["tests"]:
        ex = t["name"].split(" ", 1)[0]
        p, m = per.get(ex, (0.0, 0.0))
        per[ex] = (p + float(t.get("score", 0)), m + float(t.get("max_score", 0)))
    note = "graded"
    if "not run" in data.get("output", "") or "budget" in data.get("output", "").split("mode:")[0]:
        note = "graded (budget reached: some tests not run)"
    return [[u, ex, f"{p:g}", f"{m:g}", note] for ex, (p, m) in per.items()], note


def cmd_grade(a):
    need_root("hub grade")
    prefix = prefix_of(a)
    coll = Path(a.collection).resolve() if a.collection else latest_collection(prefix)
    if not (coll / "manifest.csv").is_file():
        raise HubError(f"{coll} is not a collection of ./descent hub collect (no manifest.csv)")
    with open(coll / "manifest.csv", newline="", encoding="utf-8") as f:
        manifest = list(csv.DictReader(f))
    out = Path(a.out).resolve() if a.out else prefix / "grades" / coll.name
    out.mkdir(parents=True, exist_ok=True)
    os.chmod(out.parent if not a.out else out, 0o700)   # reports are for the instructor
    launcher = Path(a.root).resolve() / "descent"
    rows = []
    import concurrent.futures
    todo = [m for m in manifest if m["state"] == "collected"]
    for m in manifest:
        if m["state"] != "collected":
            rows.append([m["student"], "", "", "", f"missing: {m['note']}"])
            print(f"grade: {m['student']}: missing ({m['note']})")
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        futures = {pool.submit(grade_one, a, launcher, coll / m["student"], out / m["student"]): m["student"]
                   for m in todo}
        for fut in concurrent.futures.as_completed(futures):
            u = futures[fut]
            try:
                r, note = fut.result()
            except Exception as e:   # a grader that breaks on one submission costs that row only
                r, note = [[u, "", "", "", f"not graded: {type(e).__name__}: {e}"]], "not graded"
            rows.extend(r)
            got = sum(float(x[2]) for x in r if x[2] != "")
            of = sum(float(x[3]) for x in r if x[3] != "")
            print(f"grade: {u}: {got:g}/{of:g} ({note}); report {out / u / 'report.html'}", flush=True)
    rows.sort(key=lambda r: (r[0], r[1]))
    write_csv(out / "scores.csv", ["student", "exercise", "points", "max_points", "status"], rows)
    tools_cp = os.environ.get("DESCENT_TOOLS_CLASSPATH")
    if not tools_cp:
        raise HubError("DESCENT_TOOLS_CLASSPATH is not set (run this through ./descent hub grade)")
    r = subprocess.run(["java", "-cp", tools_cp, "descent.grader.report.Gradebook", str(out / "scores.csv"),
                        str(out / "gradebook.csv")], capture_output=True, text=True)
    if r.returncode != 0:
        raise HubError(f"the gradebook could not be written: {r.stderr.strip()}")
    print(f"grade: graded {len(todo)} submission(s) in {time.monotonic() - t0:.0f} s; gradebook {out / 'gradebook.csv'}")
    print((out / "gradebook.csv").read_text().rstrip())
    return 0


# ------------------------------------------------------------------------------------------------ main

def main(argv=None):
    ap = argparse.ArgumentParser(prog="descent hub")
    sub = ap.add_subparsers(dest="cmd", required=True)

    def with_prefix(p):
        p.add_argument("--prefix", default=None, help=f"the class's directory (default {DEFAULT_PREFIX} or "
                       "$DESCENT_HUB_PREFIX)")
        return p
    s = with_prefix(sub.add_parser("setup"))
    s.add_argument("--root", required=True)
    s.add_argument("--java", required=True)
    s.add_argument("--kernel-memory", type=int, default=1024)
    ad = with_prefix(sub.add_parser("add"))
    ad.add_argument("roster")
    ad.add_argument("--password", default=None)
    rm = with_prefix(sub.add_parser("remove"))
    rm.add_argument("roster")
    st = with_prefix(sub.add_parser("start"))
    st.add_argument("--ip", default="127.0.0.1")
    st.add_argument("--port", type=int, default=8000)
    st.add_argument("--idle-timeout", type=int, default=3600)
    st.add_argument("--background", action="store_true")
    with_prefix(sub.add_parser("stop"))
    with_prefix(sub.add_parser("status"))
    co = with_prefix(sub.add_parser("collect"))
    co.add_argument("--roster", default=None)
    co.add_argument("--name", default=None)
    gr = with_prefix(sub.add_parser("grade"))
    gr.add_argument("--root", required=True)
    gr.add_argument("--collection", default=None)
    gr.add_argument("--out", default=None)
    gr.add_argument("--jobs", type=int, default=1)
    gr.add_argument("--timeout", type=int, default=10)
    gr.add_argument("--budget", type=int, default=600)
    gr.add_argument("--seed", type=int, default=None)
    gr.add_argument("selectors", nargs="*")
    pv = with_prefix(sub.add_parser("provision"))
    pv.add_argument("username")
    a = ap.parse_args(argv)
    try:
        return {"setup": cmd_setup, "add": cmd_add, "remove": cmd_remove, "start": cmd_start, "stop": cmd_stop,
                "status": cmd_status, "collect": cmd_collect, "grade": cmd_grade, "provision": cmd_provision}[a.cmd](a)
    except HubError as e:
        print(f"descent hub: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
