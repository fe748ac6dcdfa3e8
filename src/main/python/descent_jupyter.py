#!/usr/bin/python3
"""Jupyter side of the ./descent launcher (run with Debian's /usr/bin/python3).

Subcommands:
  kernelspec  write <out>/kernels/java/kernel.json for the rapaio Java kernel with the project classpath
  run         execute notebooks with nbclient, fail on error outputs, write HTML + index.html to the site dir
  lab         start the notebook server of ./descent lab, its output in a log, the URL kept last on screen
  browser-test  open notebooks in headless Chromium on the lab's server, Run All, check what the page shows
  kernel-check  start the kernel N times as the notebook server and nbclient do; count hung starts
  free-port   print the first free TCP port on 127.0.0.1 from a start port
  versions    one line with the Jupyter component versions
  surefire-counts  sum Maven surefire XML reports into "N passed, N failed"
  figures     write <site>/figures.html: every figure of the executed notebooks on one contact sheet
"""
import argparse
import base64
import datetime
import glob
import html
import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def cmd_kernelspec(a):
    out = Path(a.out).resolve()
    kdir = out / "kernels" / "java"
    kdir.mkdir(parents=True, exist_ok=True)
    entries = [str(Path(e).resolve()) for e in a.classpath.split(os.pathsep) if e.strip()]
    jvm = ["-Djava.awt.headless=true"]
    heap = getattr(a, "heap_mb", None)
    if heap:
        # the class server's memory cap per kernel: the Java heap, plus bounds on the JVM's other large areas
        jvm += [f"-Xmx{heap}m", "-XX:MaxMetaspaceSize=256m", f"-XX:MaxDirectMemorySize={max(64, heap // 4)}m",
                "-XX:ReservedCodeCacheSize=128m", "-XX:+ExitOnOutOfMemoryError"]
    if a.skip_grading:
        jvm.append("-Ddescent.grade.skip=true")
    if a.grade_tree:
        jvm.append(f"-Ddescent.grade.tree={a.grade_tree}")
    spec = {
        # descent.kernel.KernelMain starts rapaio's kernel without its start-up races (see src/kernel/java).
        "argv": [a.java, *jvm, "-cp", os.pathsep.join([str(Path(a.jar).resolve()), str(Path(a.boot).resolve())]),
                 a.main, "{connection_file}"],
        "display_name": "Java (Descent)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            # rapaio splits RJK_CLASSPATH on ';' on every OS; a ':'-joined list is read as one missing path.
            "RJK_CLASSPATH": ";".join(entries),
            "RJK_COMPILER_OPTIONS": "",
            "RJK_INIT_SCRIPT": "",
            "RJK_TIMEOUT_MILLIS": "-1",
            "OPENBLAS_NUM_THREADS": "1",
        },
    }
    if getattr(a, "mima_cache", "") is not None:
        # rapaio's cache of %dependency downloads; the class server's shared kernelspec leaves it to each user
        mima = out / "mima_cache"
        mima.mkdir(parents=True, exist_ok=True)
        spec["env"]["RJK_MIMA_CACHE"] = str(mima)
    (kdir / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n")
    if not a.quiet:
        print(f"kernelspec java -> {kdir / 'kernel.json'}")


def notebook_title(nb, fallback):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                m = re.match(r"^\s*#{1,6}\s+(.*\S)\s*$", line)
                if m:
                    return m.group(1)
    return fallback


def select(available, names):
    if not names:
        return available, []
    chosen, unknown = [], []
    for n in names:
        stem = n[:-6] if n.endswith(".ipynb") else n
        stem = Path(stem).name
        hits = [p for p in available if p.stem == stem] or [p for p in available if p.stem.split("-")[0] == stem]
        if len(hits) == 1:
            if hits[0] not in chosen:
                chosen.append(hits[0])
        else:
            unknown.append(n)
    return chosen, unknown


def first_error(nb):
    """(1-based cell number, ename, evalue, traceback text) of the first error output, or None."""
    for i, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                tb = "\n".join(ANSI.sub("", t) for t in out.get("traceback", []))
                return i, out.get("ename", ""), ANSI.sub("", out.get("evalue", "")), tb
    return None


def count_figures(nb):
    return sum(1 for cell in nb.cells for out in cell.get("outputs", [])
               if out.get("output_type") in ("display_data", "execute_result") and "image/png" in out.get("data", {}))


def run_one(path, nbdir, site, a):
    """Executes one notebook under nbclient; returns (row, lines to print, retries). Runs in a worker process when
    notebooks run in parallel (--jobs)."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from nbconvert import HTMLExporter

    class Client(NotebookClient):
        """Appends the kernel's thread dump to its log when it never answered, before the kernel is shut down."""
        log_file = None
        answered = False

        async def async_start_new_kernel_client(self):
            kc = await super().async_start_new_kernel_client()
            self.answered = True
            return kc

        async def _async_cleanup_kernel(self):
            pid = getattr(getattr(self.km, "provisioner", None), "pid", None) if self.km else None
            if not self.answered and pid and self.log_file:
                self.log_file.flush()
                subprocess.run(["jstack", str(pid)], stdout=self.log_file, stderr=subprocess.STDOUT)
            await super()._async_cleanup_kernel()

    lines, retries = [], 0
    title = notebook_title(nbformat.read(str(path), as_version=4), path.stem)
    log = site / f"{path.stem}.kernel.log"
    ru0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    problem = None
    for attempt in range(1, a.attempts + 1):
        nb = nbformat.read(str(path), as_version=4)
        with open(log, "ab" if attempt > 1 else "wb") as logf:
            client = Client(nb, timeout=a.timeout, startup_timeout=a.startup_timeout, kernel_name="java",
                            allow_errors=False, resources={"metadata": {"path": str(nbdir)}})
            client.log_file = logf
            problem = None
            try:
                client.execute(stdout=logf, stderr=subprocess.STDOUT)
            except CellExecutionError:
                pass  # reported from the error output below
            except Exception as e:  # dead kernel, timeout, missing kernelspec
                msg = ANSI.sub("", str(e)).strip()
                problem = f"{type(e).__name__}: {msg.splitlines()[-1] if msg else ''}"
        if not (problem and "didn't respond" in problem and attempt < a.attempts):
            break
        # a safety net: descent.kernel.KernelMain closes the start-up races this used to catch, so a retry here
        # means a new kind of hang; say so loudly (the thread dump is in the kernel log)
        retries += 1
        msg = (f"RETRY  {path.name}: the kernel did not answer within {a.startup_timeout} s (start {attempt} of "
               f"{a.attempts}); starting it again. This should not happen: see {log}")
        if a.jobs > 1:
            lines.append(msg)
        else:
            print(msg, flush=True)
    seconds = time.monotonic() - t0
    ru1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time of the kernel (and the processes it started): unlike the wall time, hardly changed by a busy machine
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    err = first_error(nb)
    if err:
        cell, ename, evalue, tb = err
        problem = f"cell {cell}: {ename}: {evalue}".rstrip(": ")
        detail = tb.strip()
    else:
        detail = ""
    figures = count_figures(nb)
    try:
        body, _ = HTMLExporter().from_notebook_node(nb, resources={"metadata": {"name": title}})
        (site / f"{path.stem}.html").write_text(body, encoding="utf-8")
        nbformat.write(nb, str(site / f"{path.stem}.ipynb"))
    except Exception as e:  # e.g. a cell that does not follow the nbformat schema
        msg = ANSI.sub("", str(e)).strip().splitlines()
        problem = (problem + "; " if problem else "") + f"cannot write HTML: {msg[0] if msg else type(e).__name__}"
    if problem:
        lines.append(f"FAILED {path.name}: {problem}")
        lines += [f"    {line}" for line in detail.splitlines()[:40]]
        lines.append(f"    (kernel log: {log})")
    else:
        lines.append(f"ok     {path.name}: {seconds:.1f} s (kernel CPU {cpu:.1f} s), {figures} figure(s) -> "
                     f"{site / (path.stem + '.html')}")
    return (path.stem, title, seconds, figures, problem), lines, retries, cpu


def cmd_run(a):
    nbdir = Path(a.notebooks).resolve()
    site = Path(a.site).resolve()
    available = sorted(nbdir.glob("*.ipynb"))
    chosen, unknown = select(available, a.names)
    if a.exclude:
        skipped, unknown_skip = select(available, a.exclude.split(","))
        chosen = [p for p in chosen if p not in skipped]
        unknown += unknown_skip
    if unknown:
        print(f"descent notebooks: unknown notebook(s): {', '.join(unknown)}", file=sys.stderr)
        print("available notebooks:", file=sys.stderr)
        for p in available:
            print(f"  {p.stem}", file=sys.stderr)
        return 2
    if not chosen:
        print(f"descent notebooks: no notebooks in {nbdir}", file=sys.stderr)
        return 2
    site.mkdir(parents=True, exist_ok=True)
    passed, failed, rows, retries = 0, 0, [], 0

    cpu_total = 0.0

    def report(result):
        nonlocal passed, failed, retries, cpu_total
        row, lines, r, cpu = result
        rows.append(row)
        retries += r
        cpu_total += cpu
        if row[4]:
            failed += 1
        else:
            passed += 1
        print("\n".join(lines), flush=True)

    t0 = time.monotonic()
    if a.jobs > 1:
        import concurrent.futures
        print(f"--- {len(chosen)} notebooks, {a.jobs} at a time", flush=True)
        with concurrent.futures.ProcessPoolExecutor(max_workers=a.jobs) as pool:
            futures = [pool.submit(run_one, p, nbdir, site, a) for p in chosen]
            for f in concurrent.futures.as_completed(futures):
                report(f.result())
    else:
        for path in chosen:
            print(f"--- {path.name}: running", flush=True)
            report(run_one(path, nbdir, site, a))
    write_index(site, rows)
    print(f"site: {site / 'index.html'}  ({len(chosen)} notebooks in {time.monotonic() - t0:.0f} s; "
          f"kernel CPU time {cpu_total:.0f} s)")
    if retries:
        print(f"WARNING: {retries} kernel start(s) did not answer and were retried (see RETRY above)")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def write_index(site, rows):
    # keep rows of notebooks run earlier (a partial run must not drop them from the index)
    index_json = site / "index.json"
    old = {}
    if index_json.exists():
        try:
            old = {r["name"]: r for r in json.loads(index_json.read_text())}
        except (ValueError, KeyError):
            old = {}
    stamp = datetime.datetime.now().strftime("%Y-%m-%d %H:%M")
    for name, title, seconds, figures, problem in rows:
        old[name] = {"name": name, "title": title, "seconds": round(seconds, 1), "figures": figures,
                     "status": "failed: " + problem if problem else "ok", "when": stamp}
    entries = [old[k] for k in sorted(old)]
    index_json.write_text(json.dumps(entries, indent=1) + "\n")
    trs = "\n".join(
        f"<tr><td><a href=\"{html.escape(e['name'])}.html\">{html.escape(e['name'])}</a></td>"
        f"<td>{html.escape(e['title'])}</td><td style=\"text-align:right\">{e['seconds']:.1f} s</td>"
        f"<td style=\"text-align:right\">{e['figures']}</td><td>{html.escape(e['status'])}</td>"
        f"<td>{html.escape(e['when'])}</td></tr>" for e in entries)
    (site / "index.html").write_text(f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Descent notebooks</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}td,th{{padding:.3em .8em;border-bottom:1px solid #ddd}}
th{{text-align:left}}</style></head>
<body><h1>Descent notebooks</h1>
<p>Executed with the Java kernel (rapaio) by <code>./descent notebooks</code>.</p>
<table><tr><th>notebook</th><th>title</th><th>run time</th><th>figures</th><th>status</th><th>run at</th></tr>
{trs}
</table></body></html>
""", encoding="utf-8")


def png_size(b64):
    """(width, height) in pixels from the IHDR chunk of a base64 PNG, or (None, None)."""
    try:
        head = base64.b64decode(b64[:64])
        if head[:8] != b"\x89PNG\r\n\x1a\n":
            return None, None
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    except (ValueError, IndexError):
        return None, None


def cmd_figures(a):
    """Contact sheet of every figure in the executed notebooks of the site, each at the size a reader sees it
    (the width/height metadata the kernel attaches to figures drawn at 2x), with notebook and cell; figures
    without that metadata are listed as such (they would show at their pixel size, twice too large)."""
    site = Path(a.site).resolve()
    items = []
    for nbpath in sorted(site.glob("[0-9][0-9]-*.ipynb")):
        try:
            nb = json.loads(nbpath.read_text(encoding="utf-8"))
        except ValueError:
            continue
        for i, cell in enumerate(nb.get("cells", []), start=1):
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                if out.get("output_type") in ("display_data", "execute_result") and "image/png" in data:
                    png = data["image/png"]
                    png = "".join(png) if isinstance(png, list) else png
                    meta = out.get("metadata", {}).get("image/png", {})
                    pw, ph = png_size(png)
                    items.append((nbpath.stem, i, png.replace("\n", ""), meta.get("width"), meta.get("height"), pw, ph))
    unscaled = [it for it in items if it[3] is None]
    cards = []
    for stem, cell, png, w, h, pw, ph in items:
        shown_w, shown_h = (w, h) if w else (pw, ph)
        note = "" if w else " — no size metadata: shown at pixel size"
        cards.append(
            f'<figure><img src="data:image/png;base64,{png}" width="{shown_w}" height="{shown_h}" '
            f'alt="{html.escape(stem)} cell {cell}"><figcaption><a href="{html.escape(stem)}.html">'
            f'{html.escape(stem)}</a>, cell {cell} ({shown_w}×{shown_h}, {pw}×{ph} pixels){html.escape(note)}'
            f'</figcaption></figure>')
    notebooks = len({it[0] for it in items})
    (site / "figures.html").write_text(f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Descent: every figure</title>
<style>body{{font-family:sans-serif;margin:1.5em}} figure{{display:inline-block;vertical-align:top;margin:0 1.5em 1.5em 0}}
figcaption{{font-size:.85em;color:#555;margin-top:.3em}} img{{border:1px solid #ddd}}</style></head>
<body><h1>Every figure of the course</h1>
<p>{len(items)} figures from {notebooks} executed notebooks in this site, each at the size the notebook shows it.
{len(unscaled)} without size metadata. Notebook list: <a href="index.html">index.html</a>.</p>
{chr(10).join(cards)}
</body></html>
""", encoding="utf-8")
    print(f"figures: {site / 'figures.html'} ({len(items)} figures from {notebooks} notebooks, "
          f"{len(unscaled)} without size metadata)")
    return 0


class LabServer:
    """The Jupyter Notebook server of `./descent lab` (and of the browser test, which starts it the same way).

    Runs `python -m notebook` on 127.0.0.1 with a token, stdin closed (so Ctrl-C stops it at once, without the
    "Shutdown this notebook server (y/[n])?" question), its output written to <logs>/server.log. The kernels it
    starts inherit DESCENT_KERNEL_LOG_DIR=<logs>, so descent.kernel.KernelMain writes each kernel's own output
    (rapaio's classpath dump, one line per message) to <logs>/kernel-<id>.log instead of this terminal. Lines worth
    a reader's attention (warnings, errors, kernel starts, restarts, interrupts and deaths) are passed to on_line.
    """

    SHOWN = re.compile(r"^\[(?:W|E|C) |Kernel started|Kernel restarted|KernelRestarter|Kernel interrupted|"
                       r"Kernel shutdown|Starting kernel|died|restarting", re.I)

    def __init__(self, notebook_dir, jupyter_path, logs, port, token=None, on_line=None):
        import secrets
        self.notebook_dir = Path(notebook_dir).resolve()
        self.jupyter_path = Path(jupyter_path).resolve()
        self.logs = Path(logs).resolve()
        self.port = port
        self.token = token or secrets.token_hex(24)
        self.on_line = on_line
        self.proc = None
        self.reader = None
        self.ready = False

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self):
        return f"{self.base}/?token={self.token}"

    def start(self, timeout=60):
        import threading
        import urllib.request
        self.logs.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, JUPYTER_PATH=str(self.jupyter_path), DESCENT_KERNEL_LOG_DIR=str(self.logs))
        cmd = [sys.executable, "-m", "notebook", "--ip", "127.0.0.1", "--port", str(self.port), "--no-browser",
               "--NotebookApp.port_retries=0", f"--NotebookApp.token={self.token}",
               "--notebook-dir", str(self.notebook_dir)]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        log = open(self.logs / "server.log", "a", encoding="utf-8")
        shown = " ".join("--NotebookApp.token=..." if c.startswith("--NotebookApp.token=") else c for c in cmd)
        log.write(f"--- {datetime.datetime.now():%Y-%m-%d %H:%M:%S} {shown}\n")
        log.flush()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, env=env, text=True, bufsize=1)

        def pump():
            for line in self.proc.stdout:
                log.write(line)
                log.flush()
                clean = ANSI.sub("", line).rstrip()
                if self.ready and self.on_line and self.SHOWN.search(clean):
                    self.on_line(clean)
            log.close()

        self.reader = threading.Thread(target=pump, name="lab-server-output", daemon=True)
        self.reader.start()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the notebook server stopped at start (exit status {self.proc.returncode}); "
                                   f"see {self.logs / 'server.log'}")
            try:
                with urllib.request.urlopen(f"{self.base}/api/status?token={self.token}", timeout=2) as r:
                    if r.status == 200:
                        self.ready = True
                        return self
            except Exception:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"the notebook server did not answer within {timeout} s; see {self.logs / 'server.log'}")

    def stop(self, timeout=20):
        import signal
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)  # the server shuts its kernels down on the way out
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.reader:
            self.reader.join(5)


def lab_line(line):
    """A notebook server log line as the lab terminal shows it: "[W 10:22:19.354 NotebookApp] text" becomes
    "10:22:19 warning: text" (information lines lose their level)."""
    m = re.match(r"^\[([DIWEC]) (\d\d:\d\d:\d\d)(?:\.\d+)? [A-Za-z]+\] (.*)$", line)
    if not m:
        return line
    level = {"W": "warning: ", "E": "error: ", "C": "critical: "}.get(m.group(1), "")
    return f"{m.group(2)} {level}{m.group(3)}"


def cmd_lab(a):
    import signal
    import threading
    port = a.port or first_free_port(a.port_from)
    if port is None:
        print(f"descent lab: no free port from {a.port_from}", file=sys.stderr)
        return 1
    lock = threading.Lock()
    pending = threading.Event()
    server = None

    def banner():
        print(f"\nDescent lab: open  {server.url}\n(kernel \"Java (Descent)\"; logs in {server.logs}; "
              f"stop with Ctrl-C)\n", flush=True)

    def on_line(line):
        with lock:
            print("  " + lab_line(line), flush=True)
        pending.set()

    server = LabServer(a.notebook_dir, a.jupyter_path, a.logs, port, on_line=on_line)
    # Ctrl-C reaches the server too (same process group): here it only waits for the server to stop. A handler,
    # not SIG_IGN, because an ignored signal would stay ignored in the server.
    stopping = threading.Event()
    signal.signal(signal.SIGINT, lambda signum, frame: stopping.set())
    # kill, a closed terminal, a service manager: these reach only this process, so it stops the server (and with
    # it the kernels) itself instead of leaving them running without a terminal
    terminated = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda signum, frame: terminated.set())
    try:
        server.start()
    except RuntimeError as e:
        print(f"descent lab: {e}", file=sys.stderr)
        return 1
    banner()
    # the URL stays the last thing on screen: it is printed again after any message the server shows
    while server.proc.poll() is None:
        if terminated.is_set():
            stopping.set()
            server.stop()
            break
        if pending.wait(0.5):
            time.sleep(1.0)  # let a burst of messages end
            pending.clear()
            if not stopping.is_set():
                with lock:
                    banner()
    server.reader.join(5)
    print("Descent lab stopped.", flush=True)
    return 0


# JavaScript run in the classic Notebook page (notebook 6.x) by the browser test.
JS_KERNEL_READY = """
var k = window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel;
return !!(k && k.info_reply && k.info_reply.protocol_version && k.is_connected());
"""
JS_RUNNING = """
return Jupyter.notebook.get_cells().filter(function (c) { return c.cell_type === 'code'; })
    .filter(function (c) { return c.input_prompt_number === '*'; }).length;
"""
JS_CELLS = """
return Jupyter.notebook.get_cells().map(function (c, i) {
  var out = c.output_area ? c.output_area.element : null;
  var imgs = out ? out.find('.output_png img').toArray() : [];
  return {index: i + 1, type: c.cell_type, source: c.get_text(),
          prompt: c.cell_type === 'code' ? String(c.input_prompt_number) : null,
          errors: out ? out.find('.output_error').length : 0,
          images: imgs.length,
          loaded: imgs.filter(function (im) { return im.complete && im.naturalWidth > 0; }).length,
          tables: out ? out.find('table.descent-grade').toArray().map(function (t) {
              var last = t.querySelector('tbody tr:last-child');
              var cells = last ? last.querySelectorAll('td') : [];
              return {rows: t.querySelectorAll('tbody tr').length,
                      earned: cells.length > 3 ? cells[2].textContent.trim() : null,
                      possible: cells.length > 3 ? cells[3].textContent.trim() : null};
          }) : [],
          text: out ? out.text().slice(0, 400) : ''};
});
"""
JS_FULL_PAGE = """
document.body.style.overflow = 'visible';
var site = document.getElementById('site');
if (site) { site.style.height = 'auto'; site.style.overflow = 'visible'; }
return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);
"""


def chrome(user_data_dir, width=1280, height=1000, extra=()):
    """Headless Debian Chromium through Debian's chromedriver (flags that work as root in a container); extra:
    more flags (the slides check blocks the network with them)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil_which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={user_data_dir}", f"--window-size={width},{height}",
                 *extra):
        opts.add_argument(flag)
    service = Service(executable_path=shutil_which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=opts)


def shutil_which(name):
    return shutil.which(name)


def _wait(predicate, timeout, step=0.25):
    """Polls predicate() until it returns a true value or timeout seconds pass; returns the last value."""
    deadline = time.monotonic() + timeout
    value = predicate()
    while not value and time.monotonic() < deadline:
        time.sleep(step)
        value = predicate()
    return value


def browser_check_cells(cells):
    """Problems found in the rendered page: error outputs, cells that did not run, figures not shown as images,
    missing or incomplete grading tables. cells is what JS_CELLS returned."""
    problems = []
    for c in cells:
        if c["type"] != "code" or not c["source"].strip():
            continue
        where = f"cell {c['index']}"
        if c["prompt"] in ("null", "undefined", "", "*", " "):
            problems.append(f"{where} did not run (prompt {c['prompt']!r})")
        if c["errors"]:
            problems.append(f"{where} shows an error: {c['text'][:200]!r}")
        if c["images"] != c["loaded"]:
            problems.append(f"{where}: {c['images'] - c['loaded']} of {c['images']} figure(s) not rendered as an image")
        if re.search(r"\.image\(\)", c["source"]) and c["loaded"] == 0:
            problems.append(f"{where} draws a figure (.image()) but shows no image")
        if "Grade.exercise" in c["source"] or "Grade.chapter" in c["source"]:
            if not c["tables"]:
                problems.append(f"{where} grades an exercise but shows no grading table: {c['text'][:200]!r}")
            for t in c["tables"]:
                if t["earned"] is None or t["earned"] != t["possible"]:
                    problems.append(f"{where}: grading table total {t['earned']} of {t['possible']} points "
                                    f"(the reference solutions should earn every point)")
    return problems


INTERRUPT_CELLS = [
    'System.out.println("sleeping");\nThread.sleep(30000);\nSystem.out.println("slept 30 s: NOT interrupted");',
    'System.out.println("looping");\nlong n = 0;\nwhile (true) {\n    n++;\n}',
    'System.out.println("after " + 6 * 7);',
]


def browser_interrupt_check(driver, server, nbdir, limit=10.0):
    """Kernel > Interrupt in the browser, on a scratch notebook: a cell in Thread.sleep(30000) and a cell in a busy
    loop must each end within `limit` seconds of the interrupt, and the next cell must still run.
    Returns (problems, summary)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
    nb = new_notebook(cells=[new_markdown_cell("# Kernel > Interrupt check (generated by ./descent browser)")]
                      + [new_code_cell(c) for c in INTERRUPT_CELLS])
    nb.metadata = {"kernelspec": {"name": "java", "display_name": "Java (Descent)", "language": "java"},
                   "language_info": {"name": "java"}}
    nbformat.write(nb, str(Path(nbdir) / "interrupt-check.ipynb"))
    driver.get(f"{server.base}/notebooks/interrupt-check.ipynb?token={server.token}")
    if not _wait(lambda: driver.execute_script(JS_KERNEL_READY), 60):
        return ["interrupt check: the kernel did not start"], ""
    problems, times = [], []

    def out(i):
        return driver.execute_script(f"return Jupyter.notebook.get_cell({i}).output_area.element.text();")

    def prompt(i):
        return driver.execute_script(f"return String(Jupyter.notebook.get_cell({i}).input_prompt_number);")

    for i, started, expect in ((1, "sleeping", "InterruptedException"), (2, "looping", "Thread.stop")):
        driver.execute_script(f"Jupyter.notebook.execute_cells([{i}]);")
        if not _wait(lambda: started in out(i), 30):
            problems.append(f"interrupt check: cell {i + 1} did not start")
            continue
        time.sleep(1.0)
        t0 = time.monotonic()
        driver.execute_script("Jupyter.notebook.kernel.interrupt();")  # what Kernel > Interrupt calls
        ended = _wait(lambda: prompt(i) != "*", limit)
        seconds = time.monotonic() - t0
        text = out(i)
        if not ended:
            problems.append(f"interrupt check: cell {i + 1} ({started}) still running {limit:.0f} s after Interrupt")
        elif expect not in text:
            problems.append(f"interrupt check: cell {i + 1} ended without {expect!r}: {text[:200]!r}")
        times.append(seconds)
    driver.execute_script("Jupyter.notebook.execute_cells([3]);")
    if not _wait(lambda: "after 42" in out(3), 30):
        problems.append(f"interrupt check: the cell after the interrupts did not run: {out(3)[:200]!r}")
    try:
        driver.execute_script("Jupyter.notebook.session.delete();")
    except Exception:
        pass
    summary = ("Thread.sleep cell ended %.1f s, busy loop %.1f s after Interrupt; the next cell ran" % tuple(times)
               if len(times) == 2 else "")
    return problems, summary


STARTS_CELL = 'System.out.println("answer " + (6 * 7));'


def _kernel_pid(kernel_id):
    """The process id of the kernel started for kernel_id (its connection file kernel-<id>.json is on its command
    line), or None."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if f"kernel-{kernel_id}.json" in cmdline.read_bytes().decode(errors="replace"):
                return int(cmdline.parent.name)
        except OSError:
            continue
    return None


def _sessions(server):
    import urllib.request
    with urllib.request.urlopen(f"{server.base}/api/sessions?token={server.token}", timeout=10) as r:
        return json.loads(r.read().decode())


def server_log_segment(text, kernel_id):
    """The lines of the notebook server's log from the start of kernel kernel_id to the next kernel start."""
    lines = text.splitlines(keepends=True)
    out, inside = [], False
    for line in lines:
        if "Kernel started: " in line:
            inside = kernel_id in line
        if inside:
            out.append(line)
    return "".join(out)


def start_verdict(ready, ready_s, ran, ready_limit, watch):
    """None for a good start (kernel ready within ready_limit seconds, cell ran), else why it failed: SLOW (ready
    late, cell ran) or HUNG (not ready, or the cell never ran, within watch seconds of opening the notebook)."""
    if ready and ran:
        if ready_s <= ready_limit:
            return None
        return f"SLOW, not hung: kernel ready after {ready_s:.1f} s (limit {ready_limit:.0f} s), cell ran"
    return (f"HUNG: kernel {'ready' if ready else 'not ready'} after {ready_s:.0f} s, cell "
            f"{'ran' if ran else 'never ran'} within {watch:.0f} s of opening the notebook")


def browser_starts(driver, server, nbdir, count, ready_limit, watch=90.0):
    """Kernel starts as a student sees them: opens a one-cell notebook `count` times in the browser, each time with a
    fresh kernel (the previous session is shut down first), and checks each start: the kernel ready in the page (its
    kernel_info_reply) within ready_limit seconds, then the cell run and its output shown. A start that misses is
    watched up to `watch` seconds from the page load: SLOW if the cell ran late, HUNG if it never ran (the notebook
    server gives up on its kernel_info_request after 60 s and shows a busy kernel). Returns (passed, failed, lines)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook
    nb = new_notebook(cells=[new_code_cell(STARTS_CELL)])
    nb.metadata = {"kernelspec": {"name": "java", "display_name": "Java (Descent)", "language": "java"},
                   "language_info": {"name": "java"}}
    nbformat.write(nb, str(Path(nbdir) / "kernel-starts.ipynb"))
    url = f"{server.base}/notebooks/kernel-starts.ipynb?token={server.token}"
    passed = failed = hung = slow = healed = 0
    times = []

    def output():
        return driver.execute_script("return Jupyter.notebook.get_cell(0).output_area.element.text();")

    for i in range(1, count + 1):
        t0 = time.monotonic()
        driver.get(url)
        ready = _wait(lambda: driver.execute_script(JS_KERNEL_READY), watch)
        ready_s = time.monotonic() - t0
        ran, run_s = False, None
        kernel_id = driver.execute_script("var k = Jupyter.notebook.kernel; return k ? k.id : null;")
        if _wait(lambda: driver.execute_script("return !!(Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected());"),
                 max(1.0, watch - (time.monotonic() - t0))):
            t1 = time.monotonic()
            driver.execute_script("Jupyter.notebook.execute_cells([0]);")
            ran = bool(_wait(lambda: "answer 42" in output(), max(5.0, watch - (time.monotonic() - t0))))
            run_s = time.monotonic() - t1
        log = server.logs / f"kernel-{kernel_id}.log"
        if not log.exists() and kernel_id:
            # rapaio's own main class (--rapaio) does not write a log of its own: its lines are in the server's log
            log.write_text(server_log_segment((server.logs / "server.log").read_text(errors="replace"), kernel_id))
        log_text = log.read_text(errors="replace") if log.exists() else ""
        healed += "had already ended" in log_text
        if ready:
            times.append(ready_s)
        verdict = start_verdict(bool(ready), ready_s, ran, ready_limit, watch)
        if verdict is None:
            passed += 1
            print(f"  browser start {i:3d}/{count}: ok, kernel ready after {ready_s:.1f} s, cell ran in {run_s:.1f} s",
                  flush=True)
        else:
            failed += 1
            slow += verdict.startswith("SLOW")
            hung += verdict.startswith("HUNG")
            pid = _kernel_pid(kernel_id) if kernel_id else None
            if pid:
                found, dump = _diagnose(pid, log)
                (server.logs / f"kernel-{kernel_id}.jstack").write_text(dump)
                if found:
                    verdict += "; " + found
            print(f"  browser start {i:3d}/{count}: FAILED: {verdict}  (kernel log {log})", flush=True)
        # a fresh kernel for the next start: shut this session down and wait until the server has no session
        try:
            driver.execute_script("Jupyter.notebook.session.delete();")
        except Exception:
            pass
        _wait(lambda: not _sessions(server), 30, step=0.5)
    times.sort()
    lines = [f"browser starts: {passed} passed, {failed} failed"
             + (f"; kernel ready after median {times[len(times) // 2]:.1f} s, slowest {times[-1]:.1f} s"
                if times else "")
             + (f"; in {healed} start(s) KernelMain replaced a loop thread that had ended at once" if healed else "")]
    if failed:
        lines.append(f"browser starts: of the {failed} failed starts, {hung} hung, {slow} were only slow")
    lines.append(f"    load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    return passed, failed, lines


def close_browser(driver, server, profile):
    """Quit Chromium (if it started), stop the lab's notebook server and remove the browser profile."""
    if driver:
        try:
            driver.quit()
        except Exception:
            pass
    server.stop()
    shutil.rmtree(profile, ignore_errors=True)


def cmd_browser_starts(a):
    """./descent browser --starts N: kernel starts in headless Chromium on ./descent lab's server."""
    import tempfile
    work = Path(a.work).resolve()
    nbdir = work / "notebooks"
    shutil.rmtree(work, ignore_errors=True)
    nbdir.mkdir(parents=True)
    port = first_free_port(a.port_from)
    server = LabServer(nbdir, a.jupyter_path, work / "logs", port)
    profile = tempfile.mkdtemp(prefix="descent-chromium-")
    driver = None
    passed, failed = 0, 0
    try:
        server.start()
        print(f"browser: {a.starts} kernel starts in headless Chromium, notebook server {server.base} (as ./descent "
              f"lab starts it; logs {server.logs}); each must be ready within {a.ready_limit:.0f} s and run a cell",
              flush=True)
        driver = chrome(profile)
        driver.set_page_load_timeout(60)
        passed, failed, lines = browser_starts(driver, server, nbdir, a.starts, a.ready_limit)
        print("\n".join(lines), flush=True)
    except Exception as e:
        failed += 1
        print(f"FAILED browser starts: {type(e).__name__}: {ANSI.sub('', str(e)).strip()[:300]}", flush=True)
    finally:
        close_browser(driver, server, profile)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def cmd_browser_test(a):
    """The main job in a real browser: `./descent lab`'s server, headless Chromium, Run All, checks, screenshots."""
    import tempfile
    import nbformat
    from nbconvert import HTMLExporter

    if a.starts:
        return cmd_browser_starts(a)
    if not a.names:
        print("descent browser-test: name the notebooks to open (or --starts N)", file=sys.stderr)
        return 2
    src = Path(a.notebooks).resolve()
    chosen, unknown = select(sorted(src.glob("*.ipynb")), a.names)
    if unknown or not chosen:
        print(f"descent browser-test: unknown notebook(s): {', '.join(unknown) or '(none given)'}", file=sys.stderr)
        return 2
    work = Path(a.work).resolve()
    shots = Path(a.shots).resolve()
    site = Path(a.site).resolve()
    nbdir = work / "notebooks"
    shutil.rmtree(work, ignore_errors=True)
    nbdir.mkdir(parents=True)
    shots.mkdir(parents=True, exist_ok=True)
    site.mkdir(parents=True, exist_ok=True)
    # copies: the browser saves what it runs, and notebooks/ must stay without outputs
    for p in chosen:
        shutil.copy(p, nbdir / p.name)
    port = first_free_port(a.port_from)
    server = LabServer(nbdir, a.jupyter_path, work / "logs", port)
    passed, failed, rows = 0, 0, []
    profile = tempfile.mkdtemp(prefix="descent-chromium-")
    driver = None
    try:
        server.start()
        print(f"browser: notebook server {server.base} (as ./descent lab starts it; log {server.logs})", flush=True)
        driver = chrome(profile)
        driver.set_page_load_timeout(60)
        for p in chosen:
            problems = []
            t0 = time.monotonic()
            driver.get(f"{server.base}/notebooks/{p.name}?token={server.token}")
            # wait longer than the limit, so a slow start is measured (and fails) rather than cut short
            ready = _wait(lambda: driver.execute_script(JS_KERNEL_READY), max(60.0, 4 * a.ready_limit))
            ready_s = time.monotonic() - t0
            if not ready:
                problems.append(f"kernel not ready after {ready_s:.0f} s (limit {a.ready_limit:.0f} s)")
            else:
                if ready_s > a.ready_limit:
                    problems.append(f"kernel ready after {ready_s:.1f} s, over the {a.ready_limit:.0f} s limit")
                t1 = time.monotonic()
                driver.execute_script("Jupyter.notebook.execute_all_cells();")
                _wait(lambda: driver.execute_script(JS_RUNNING) > 0, 5)
                done = _wait(lambda: driver.execute_script(JS_RUNNING) == 0, a.run_timeout, step=0.5)
                if not done:
                    problems.append(f"cells still running after {a.run_timeout:.0f} s")
                run_s = time.monotonic() - t1
                time.sleep(0.5)  # the last outputs render
                problems += browser_check_cells(driver.execute_script(JS_CELLS))
            seconds = time.monotonic() - t0
            # screenshot of the whole notebook
            shot = shots / f"{p.stem}.png"
            try:
                height = min(int(driver.execute_script(JS_FULL_PAGE)) + 100, 20000)
                driver.set_window_size(1280, max(height, 800))
                time.sleep(0.3)
                driver.save_screenshot(str(shot))
                driver.set_window_size(1280, 1000)
            except Exception as e:
                problems.append(f"no screenshot: {type(e).__name__}: {e}")
            # the executed notebook as the browser holds it -> the HTML site, as ./descent notebooks writes it
            figures = 0
            try:
                nb = nbformat.from_dict(driver.execute_script("return Jupyter.notebook.toJSON();"))
                figures = count_figures(nb)
                title = notebook_title(nb, p.stem)
                body, _ = HTMLExporter().from_notebook_node(nb, resources={"metadata": {"name": title}})
                (site / f"{p.stem}.html").write_text(body, encoding="utf-8")
                nbformat.write(nb, str(site / f"{p.stem}.ipynb"))
            except Exception as e:
                title = p.stem
                problems.append(f"cannot write the executed notebook: {type(e).__name__}: {e}")
            problem = "; ".join(problems) if problems else None
            rows.append((p.stem, title, seconds, figures, problem))
            if problem:
                failed += 1
                print(f"FAILED browser {p.name}: {problem}  (screenshot {shot}; kernel logs {server.logs})", flush=True)
                print(f"    load average {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores",
                      flush=True)
            else:
                passed += 1
                print(f"ok     browser {p.name}: kernel ready after {ready_s:.1f} s (limit {a.ready_limit:.0f} s), "
                      f"Run All {run_s:.1f} s, {figures} figure(s) shown as images, no errors "
                      f"-> {shot}", flush=True)
            # the next notebook starts its own kernel, as a student opening it would; this one is shut down
            try:
                driver.execute_script("Jupyter.notebook.session.delete();")
            except Exception:
                pass
        if a.interrupt:
            problems, summary = browser_interrupt_check(driver, server, nbdir)
            if problems:
                failed += 1
                print(f"FAILED browser Kernel > Interrupt: {'; '.join(problems)}", flush=True)
            else:
                passed += 1
                print(f"ok     browser Kernel > Interrupt: {summary}", flush=True)
    except Exception as e:
        failed += 1
        print(f"FAILED browser: {type(e).__name__}: {ANSI.sub('', str(e)).strip().splitlines()[0] if str(e).strip() else ''}",
              flush=True)
    finally:
        close_browser(driver, server, profile)
    if rows:
        write_index(site, rows)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


class StartProblem(Exception):
    pass


def _reply_to(kc, msg_id, deadline, channel="shell"):
    """The reply on the shell channel whose parent is msg_id, or None when the deadline passes first."""
    get = kc.get_shell_msg if channel == "shell" else kc.get_control_msg
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        try:
            msg = get(timeout=min(left, 1.0))
        except Exception:  # queue.Empty
            continue
        if msg.get("parent_header", {}).get("msg_id") == msg_id:
            return msg


def _execute_checked(kc, code, expect, deadline):
    """Runs code, returns (seconds, None) if its stdout contains expect and the reply is ok, else raises StartProblem."""
    t0 = time.monotonic()
    msg_id = kc.execute(code)
    out, idle = [], False
    while not idle:
        left = deadline - time.monotonic()
        if left <= 0:
            raise StartProblem(f"execute_request: no idle status within the time limit (stdout so far {''.join(out)!r})")
        try:
            msg = kc.get_iopub_msg(timeout=min(left, 1.0))
        except Exception:
            continue
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "stream":
            out.append(content.get("text", ""))
        elif kind == "error":
            raise StartProblem(f"execute_request raised {content.get('ename')}: {ANSI.sub('', content.get('evalue', ''))}")
        elif kind == "status" and content.get("execution_state") == "idle":
            idle = True
    reply = _reply_to(kc, msg_id, deadline)
    if reply is None:
        raise StartProblem("execute_request: no execute_reply")
    if reply["content"].get("status") != "ok":
        raise StartProblem(f"execute_reply status {reply['content'].get('status')}")
    if expect not in "".join(out):
        raise StartProblem(f"execute_request printed {''.join(out)!r}, expected {expect!r}")
    return time.monotonic() - t0


def diagnose(dump, log_text):
    """What a hung kernel shows, from its thread dump (jstack) and its log: loop threads alive, dropped messages."""
    found = []
    # rapaio 3.0.1 names the heartbeat's loop thread Heartbeat-N and both the shell's and the control's Shell-N
    loops = re.findall(r'^"((?:Shell|Heartbeat)-\d+)"', dump, re.M)
    # with rapaio's own main class a message read before the table exists kills its thread (NullPointerException)
    killed = re.findall(r'Exception in thread "((?:Shell|Heartbeat)-\d+)" java\.lang\.NullPointerException.*handlers',
                        log_text)
    if dump:
        ended = 3 - len(loops) - len(killed)
        found.append(f"{len(loops)} of 3 channel loop threads alive ({', '.join(loops) or 'none'})"
                     + (f": {ended} ended at once (race B)" if ended > 0 else ""))
    if killed:
        found.append(f"{', '.join(killed)} died on the still-null handler table (race A)")
    dropped = re.findall(r"Unhandled message: (\w+)", log_text)
    if dropped:
        found.append(f"kernel dropped {', '.join(dropped)} (no handler yet: race A)")
    replaced = re.findall(r"KernelMain\]: (.*had already ended)", log_text)
    if replaced:
        found.append("KernelMain replaced: " + "; ".join(replaced))
    return "; ".join(found)


def _diagnose(pid, log_path):
    """diagnose() of a live kernel process; also returns the thread dump."""
    try:
        dump = subprocess.run(["jstack", str(pid)], capture_output=True, text=True, timeout=30).stdout
    except Exception:
        dump = ""
    try:
        text = Path(log_path).read_text(errors="replace")
    except OSError:
        text = ""
    return diagnose(dump, text), dump


def cmd_kernel_check(a):
    """Starts the kernel a.count times per mode and checks that each start answers and runs code.

    server:   one kernel_info_request right after the start, as the notebook server (6.x) sends it, answered within
              a.info_timeout seconds; then an execute_request whose output is checked.
    nbclient: jupyter_client's wait_for_ready, which nbclient calls: it resends kernel_info_request every second
              until a reply arrives (a.info_timeout seconds at most); then the same execute_request.
    """
    from jupyter_client import KernelManager

    logs = Path(a.logs).resolve()
    logs.mkdir(parents=True, exist_ok=True)
    for old in logs.glob("*.log"):
        old.unlink()
    modes = ["server", "nbclient"] if a.mode == "both" else [a.mode]
    code = "int descentCheck = 6 * 7;\nSystem.out.println(\"answer \" + descentCheck);"
    total_pass = total_fail = 0
    for mode in modes:
        passed, failed, times, healed, hung, slow = 0, 0, [], 0, 0, 0
        print(f"kernel-check: {a.count} starts, {mode} mode"
              + (" (one kernel_info_request, " if mode == "server" else " (kernel_info_request every second, ")
              + f"{a.info_timeout} s for the reply, then an execute_request)", flush=True)
        for i in range(1, a.count + 1):
            log = logs / f"{mode}-{i:03d}.log"
            problem, info_s, exec_s = None, None, None
            with open(log, "wb") as logf:
                km = KernelManager(kernel_name="java")
                t0 = time.monotonic()
                try:
                    km.start_kernel(stdout=logf, stderr=subprocess.STDOUT)
                    kc = km.client()
                    kc.start_channels()
                    try:
                        if mode == "server":
                            msg_id = kc.kernel_info()
                            if _reply_to(kc, msg_id, t0 + a.info_timeout) is None:
                                # slow or hung? keep listening for the same request a while longer
                                late = _reply_to(kc, msg_id, t0 + a.info_timeout + a.grace)
                                raise StartProblem(f"no kernel_info_reply within {a.info_timeout:.0f} s; " + (
                                    f"SLOW, not hung: it came after {time.monotonic() - t0:.1f} s" if late else
                                    f"HUNG: still none after {a.info_timeout + a.grace:.0f} s"))
                        else:
                            try:
                                kc.wait_for_ready(timeout=a.info_timeout)
                            except RuntimeError as e:
                                try:
                                    kc.wait_for_ready(timeout=a.grace)
                                    verdict = f"SLOW, not hung: it answered after {time.monotonic() - t0:.1f} s"
                                except RuntimeError:
                                    verdict = f"HUNG: still no answer after {a.info_timeout + a.grace:.0f} s"
                                raise StartProblem(f"{e}; {verdict}")
                        info_s = time.monotonic() - t0
                        exec_s = _execute_checked(kc, code, "answer 42", time.monotonic() + a.exec_timeout)
                    finally:
                        kc.stop_channels()
                except StartProblem as e:
                    problem = str(e)
                except Exception as e:
                    problem = f"{type(e).__name__}: {ANSI.sub('', str(e)).strip()}"
                if problem:
                    pid = getattr(getattr(km, "provisioner", None), "pid", None)
                    if pid:
                        logf.flush()
                        found, dump = _diagnose(pid, log)
                        logf.write(b"\n--- jstack ---\n" + dump.encode())
                        if found:
                            problem += "; " + found
                try:
                    km.shutdown_kernel(now=True)
                except Exception:
                    pass
            if problem:
                failed += 1
                hung += "HUNG" in problem
                slow += "SLOW" in problem
                print(f"  {mode} {i:3d}/{a.count}: FAILED after {time.monotonic() - t0:.1f} s: {problem}  (log: {log})",
                      flush=True)
            else:
                passed += 1
                times.append(info_s)
                if "had already ended" in log.read_text(errors="replace"):
                    healed += 1
                log.unlink()
                print(f"  {mode} {i:3d}/{a.count}: ok, kernel_info_reply after {info_s:.1f} s, "
                      f"execute_request {exec_s:.1f} s", flush=True)
        if times:
            times.sort()
            med = times[len(times) // 2]
            print(f"  {mode}: {passed} passed, {failed} failed; kernel_info_reply after median {med:.1f} s, "
                  f"slowest {times[-1]:.1f} s"
                  + (f"; in {healed} start(s) KernelMain replaced a loop thread that had ended at once" if healed else ""),
                  flush=True)
        else:
            print(f"  {mode}: {passed} passed, {failed} failed", flush=True)
        if failed:
            print(f"  {mode}: of the {failed} failed starts, {hung} hung, {slow} were only slow (answered within "
                  f"{a.info_timeout + a.grace:.0f} s), {failed - hung - slow} failed otherwise", flush=True)
        total_pass += passed
        total_fail += failed
    print(f"{total_pass} passed, {total_fail} failed")
    return 0 if total_fail == 0 else 1


def first_free_port(start):
    for port in range(start, start + 200):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    return None


def cmd_free_port(a):
    port = first_free_port(a.start)
    if port is None:
        return 1
    print(port)
    return 0


def cmd_versions(a):
    parts = []
    for mod in ("notebook", "nbconvert", "nbclient", "nbformat", "jupyter_client"):
        try:
            m = __import__(mod)
            parts.append(f"{mod} {getattr(m, '__version__', '?')}")
        except ImportError:
            parts.append(f"{mod} MISSING")
    print(", ".join(parts))
    return 0


def cmd_surefire_counts(a):
    tests = bad = skipped = 0
    files = glob.glob(os.path.join(a.dir, "TEST-*.xml"))
    if not files:
        print("no surefire reports", file=sys.stderr)
        return 1
    for f in files:
        root = ET.parse(f).getroot()
        tests += int(root.get("tests", 0))
        bad += int(root.get("failures", 0)) + int(root.get("errors", 0))
        skipped += int(root.get("skipped", 0))
    print(f"{tests - bad - skipped} passed, {bad} failed" + (f" ({skipped} skipped)" if skipped else ""))
    return 0


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    k = sub.add_parser("kernelspec")
    k.add_argument("--out", required=True, help="a JUPYTER_PATH directory; the spec goes to OUT/kernels/java")
    k.add_argument("--java", required=True)
    k.add_argument("--jar", required=True, help="the rapaio kernel jar")
    k.add_argument("--boot", required=True, help="directory holding descent.kernel.KernelMain")
    k.add_argument("--classpath", required=True, help="os.pathsep-joined entries")
    k.add_argument("--skip-grading", action="store_true")
    k.add_argument("--grade-tree", choices=["exercises", "solutions"], default=None,
                   help="what Grade.exercise(..) grades (the browser test grades the solutions)")
    k.add_argument("--main", default="descent.kernel.KernelMain",
                   help="the kernel's main class (kernel-check --rapaio uses org.rapaio.jupyter.kernel.MainApp)")
    k.add_argument("--quiet", action="store_true")
    k.add_argument("--heap-mb", type=int, default=None, help="cap the kernel's Java heap (the class server's kernels)")
    r = sub.add_parser("run")
    r.add_argument("--notebooks", required=True)
    r.add_argument("--site", required=True)
    r.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    r.add_argument("--startup-timeout", type=int, default=30, help="seconds for the kernel to answer")
    r.add_argument("--attempts", type=int, default=4, help="kernel starts per notebook if it does not answer")
    r.add_argument("--jobs", type=int, default=1, help="notebooks executed at the same time")
    r.add_argument("--exclude", default="", help="comma-separated notebooks not to run (the browser test ran them)")
    r.add_argument("names", nargs="*")
    c = sub.add_parser("kernel-check")
    c.add_argument("count", type=int, nargs="?", default=30)
    c.add_argument("--mode", choices=["server", "nbclient", "both"], default="both")
    c.add_argument("--info-timeout", type=float, default=20.0, help="seconds for the kernel_info_reply")
    c.add_argument("--exec-timeout", type=float, default=60.0, help="seconds for the execute_request")
    c.add_argument("--grace", type=float, default=40.0,
                   help="after a start failed the limit, seconds to wait on to tell a slow start from a hung one")
    c.add_argument("--logs", required=True, help="directory for the logs of failed starts")
    lab = sub.add_parser("lab")
    lab.add_argument("--notebook-dir", required=True)
    lab.add_argument("--jupyter-path", required=True, help="JUPYTER_PATH holding kernels/java")
    lab.add_argument("--logs", required=True, help="directory for the server's and the kernels' logs")
    lab.add_argument("--port-from", type=int, default=8888)
    lab.add_argument("--port", type=int, default=None)
    b = sub.add_parser("browser-test")
    b.add_argument("--notebooks", required=True, help="the notebooks directory (copies are run)")
    b.add_argument("--jupyter-path", required=True, help="JUPYTER_PATH holding kernels/java")
    b.add_argument("--work", required=True, help="scratch directory: notebook copies, server and kernel logs")
    b.add_argument("--shots", required=True, help="directory for the screenshots")
    b.add_argument("--site", required=True, help="the HTML site the executed notebooks are written to")
    b.add_argument("--ready-limit", type=float, default=15.0, help="seconds for the kernel to be ready")
    b.add_argument("--run-timeout", type=float, default=600.0, help="seconds for Run All")
    b.add_argument("--port-from", type=int, default=8900)
    b.add_argument("--no-interrupt", dest="interrupt", action="store_false",
                   help="skip the Kernel > Interrupt check (a scratch notebook: a sleeping cell and a busy loop)")
    b.add_argument("--starts", type=int, default=0,
                   help="instead of the notebooks: open a one-cell notebook N times, each with a fresh kernel")
    b.add_argument("names", nargs="*")
    f = sub.add_parser("free-port")
    f.add_argument("start", type=int)
    sub.add_parser("versions")
    s = sub.add_parser("surefire-counts")
    s.add_argument("dir")
    g = sub.add_parser("figures")
    g.add_argument("--site", required=True)
    a = p.parse_args(argv)
    handler = {"kernelspec": cmd_kernelspec, "run": cmd_run, "kernel-check": cmd_kernel_check, "lab": cmd_lab,
               "browser-test": cmd_browser_test, "free-port": cmd_free_port, "versions": cmd_versions,
               "surefire-counts": cmd_surefire_counts, "figures": cmd_figures}[a.cmd]
    return handler(a) or 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # skips nbclient's atexit clean-up, which raises when a kernel failed to start
