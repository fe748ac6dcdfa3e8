#!/usr/bin/python3
"""Jupyter side of the ./descent launcher (run with Debian's /usr/bin/python3).

Subcommands:
  kernelspec  write <out>/kernels/java/kernel.json for the rapaio Java kernel with the project classpath
  run         execute notebooks with nbclient, fail on error outputs, write HTML + index.html to the site dir
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
    mima = out / "mima_cache"
    mima.mkdir(parents=True, exist_ok=True)
    entries = [str(Path(e).resolve()) for e in a.classpath.split(os.pathsep) if e.strip()]
    jvm = ["-Djava.awt.headless=true"]
    if a.skip_grading:
        jvm.append("-Ddescent.grade.skip=true")
    spec = {
        # descent.kernel.KernelMain starts rapaio's kernel without its start-up race (see src/kernel/java).
        "argv": [a.java, *jvm, "-cp", os.pathsep.join([str(Path(a.jar).resolve()), str(Path(a.boot).resolve())]),
                 "descent.kernel.KernelMain", "{connection_file}"],
        "display_name": "Java (Descent)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            # rapaio splits RJK_CLASSPATH on ';' on every OS; a ':'-joined list is read as one missing path.
            "RJK_CLASSPATH": ";".join(entries),
            "RJK_COMPILER_OPTIONS": "",
            "RJK_INIT_SCRIPT": "",
            "RJK_TIMEOUT_MILLIS": "-1",
            "RJK_MIMA_CACHE": str(mima),
            "OPENBLAS_NUM_THREADS": "1",
        },
    }
    (kdir / "kernel.json").write_text(json.dumps(spec, indent=2) + "\n")
    print(f"kernelspec java -> {kdir / 'kernel.json'}", file=sys.stderr if a.quiet else sys.stdout)


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


def cmd_run(a):
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

    nbdir = Path(a.notebooks).resolve()
    site = Path(a.site).resolve()
    available = sorted(nbdir.glob("*.ipynb"))
    chosen, unknown = select(available, a.names)
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
    exporter = HTMLExporter()
    passed, failed, rows = 0, 0, []
    for path in chosen:
        title = notebook_title(nbformat.read(str(path), as_version=4), path.stem)
        log = site / f"{path.stem}.kernel.log"
        print(f"--- {path.name}: running", flush=True)
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
            print(f"    kernel did not answer ({problem}); starting it again", flush=True)
        seconds = time.monotonic() - t0
        err = first_error(nb)
        if err:
            cell, ename, evalue, tb = err
            problem = f"cell {cell}: {ename}: {evalue}".rstrip(": ")
            detail = tb.strip()
        else:
            detail = ""
        figures = count_figures(nb)
        try:
            body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title}})
            (site / f"{path.stem}.html").write_text(body, encoding="utf-8")
            nbformat.write(nb, str(site / f"{path.stem}.ipynb"))
        except Exception as e:  # e.g. a cell that does not follow the nbformat schema
            msg = ANSI.sub("", str(e)).strip().splitlines()
            problem = (problem + "; " if problem else "") + f"cannot write HTML: {msg[0] if msg else type(e).__name__}"
        if problem:
            failed += 1
            print(f"FAILED {path.name}: {problem}", flush=True)
            if detail:
                for line in detail.splitlines()[:40]:
                    print(f"    {line}")
            print(f"    (kernel log: {log})")
        else:
            passed += 1
            print(f"ok     {path.name}: {seconds:.1f} s, {figures} figure(s) -> {site / (path.stem + '.html')}", flush=True)
        rows.append((path.stem, title, seconds, figures, problem))
    write_index(site, rows)
    print(f"site: {site / 'index.html'}")
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


def cmd_free_port(a):
    for port in range(a.start, a.start + 200):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            print(port)
            return 0
    return 1


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
    k.add_argument("--quiet", action="store_true")
    r = sub.add_parser("run")
    r.add_argument("--notebooks", required=True)
    r.add_argument("--site", required=True)
    r.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    r.add_argument("--startup-timeout", type=int, default=30, help="seconds for the kernel to answer")
    r.add_argument("--attempts", type=int, default=4, help="kernel starts per notebook if it does not answer")
    r.add_argument("names", nargs="*")
    f = sub.add_parser("free-port")
    f.add_argument("start", type=int)
    sub.add_parser("versions")
    s = sub.add_parser("surefire-counts")
    s.add_argument("dir")
    g = sub.add_parser("figures")
    g.add_argument("--site", required=True)
    a = p.parse_args(argv)
    handler = {"kernelspec": cmd_kernelspec, "run": cmd_run, "free-port": cmd_free_port,
               "versions": cmd_versions, "surefire-counts": cmd_surefire_counts, "figures": cmd_figures}[a.cmd]
    return handler(a) or 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # skips nbclient's atexit clean-up, which raises when a kernel failed to start
