#!/usr/bin/python3
"""Lecture slides for `./descent slides NAME`: an executed notebook as reveal.js slides that work offline.

Subcommands:
  build  target/site/NAME.ipynb (executed, figures included) -> target/slides/NAME.slides.html, with reveal.js from
         the npm registry (npm pack, once, into target/slides/npm/) and require.js, jQuery and MathJax copied from
         Debian's packages (libjs-requirejs, libjs-jquery, libjs-mathjax: Jupyter Notebook's own dependencies) into
         target/slides/lib/: the page loads nothing from the network.
  check  open the slides in headless Chromium (the browser test's driver): the first and the last slide render,
         every figure is shown, every resource came from the disk; screenshots to a directory.
  mark   write the default slide metadata into a notebook (instructors then adjust it in Jupyter:
         View > Cell Toolbar > Slideshow).

Slide breaks: a notebook's own `slideshow` cell metadata wins. A notebook without any gets the default: a markdown
cell that starts with a `#` or `##` heading opens a slide, one with `###` a sub-slide, a code cell whose output is a
figure gets its own sub-slide, the grading cells are left out, and everything else continues the current slide. A figure's sub-slide shows the
figure and the checks printed with it, not the code (the cell tag `slides-figure-only`, usable in any notebook).
"""
import argparse
import copy
import json
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

REVEAL_VERSION = "4.6.1"   # the layout nbconvert's reveal template expects (dist/, plugin/notes/)
DEBIAN_JS = {
    "require.min.js": "/usr/share/javascript/requirejs/require.min.js",
    "jquery.min.js": "/usr/share/javascript/jquery/jquery.min.js",
}
MATHJAX = "/usr/share/javascript/mathjax"
FIGURE_TAG = "slides-figure-only"   # a cell with this tag shows its outputs, not its code, on the slides


class SlidesError(Exception):
    pass


def source(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def has_figure(cell):
    return any("image/png" in o.get("data", {}) for o in cell.get("outputs", []))


def is_figure(cell):
    """A cell that shows a figure: it has an image output, or (not executed yet) its last line is `....image()`."""
    if has_figure(cell):
        return True
    lines = [ln for ln in source(cell).strip().splitlines() if ln.strip()]
    return cell["cell_type"] == "code" and bool(lines) and re.search(r"\.image\(\)\s*;?\s*$", lines[-1]) is not None


def default_slide_type(cell):
    text = source(cell).lstrip()
    if cell["cell_type"] == "markdown":
        if re.match(r"^#{1,2}\s", text):
            return "slide"
        if re.match(r"^###\s", text):
            return "subslide"
        return "-"
    if "descent.grade.Grade." in text:
        return "skip"
    if is_figure(cell):
        return "subslide"
    return "-"


def with_slide_metadata(nb):
    """The notebook with slide metadata: its own if any cell has some, the default otherwise."""
    nb = copy.deepcopy(nb)
    if any("slideshow" in c.get("metadata", {}) for c in nb["cells"]):
        return nb, "the notebook's own"
    for c in nb["cells"]:
        c.setdefault("metadata", {})["slideshow"] = {"slide_type": default_slide_type(c)}
        if c["cell_type"] == "code" and is_figure(c):
            tags = c["metadata"].setdefault("tags", [])
            if FIGURE_TAG not in tags:
                tags.append(FIGURE_TAG)
    return nb, "the default"


def ensure_reveal(out, version=REVEAL_VERSION):
    """lib/reveal.js/{dist,plugin} from the npm registry's tarball (npm pack), kept between runs."""
    dest = out / "lib" / "reveal.js"
    stamp = dest / ".version"
    if stamp.is_file() and stamp.read_text().strip() == version:
        return dest
    npm = shutil.which("npm")
    if not npm:
        raise SlidesError("npm is missing: it fetches reveal.js from the npm registry (Debian: apt-get install -y npm)")
    cache = out / "npm"
    cache.mkdir(parents=True, exist_ok=True)
    tgz = cache / f"reveal.js-{version}.tgz"
    if not tgz.is_file():
        r = subprocess.run([npm, "pack", f"reveal.js@{version}", "--pack-destination", str(cache)],
                           capture_output=True, text=True, cwd=str(cache))
        if r.returncode != 0 or not tgz.is_file():
            raise SlidesError(f"npm pack reveal.js@{version} failed: {(r.stderr or r.stdout).strip()[-600:]}")
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    with tarfile.open(tgz) as t:
        members = [m for m in t.getmembers() if (m.name.startswith("package/dist/") or
                   m.name.startswith("package/plugin/")) and (m.isfile() or m.isdir())]
        for m in members:
            m.name = m.name[len("package/"):]
            if ".." in Path(m.name).parts:
                raise SlidesError(f"unexpected path {m.name} in {tgz}")
        t.extractall(dest, members=members)
    stamp.write_text(version)
    return dest


def ensure_debian_js(out):
    lib = out / "lib"
    lib.mkdir(parents=True, exist_ok=True)
    for name, src in DEBIAN_JS.items():
        if not Path(src).is_file():
            raise SlidesError(f"{src} is missing (Debian: apt-get install -y libjs-requirejs libjs-jquery)")
        if not (lib / name).is_file():
            shutil.copy(src, lib / name)
    if not (lib / "mathjax/MathJax.js").is_file():
        if not Path(MATHJAX, "MathJax.js").is_file():
            raise SlidesError(f"{MATHJAX}/MathJax.js is missing (Debian: apt-get install -y libjs-mathjax)")
        shutil.copytree(MATHJAX, lib / "mathjax", symlinks=False, dirs_exist_ok=True)


def cmd_build(a):
    import nbformat
    from nbconvert import SlidesExporter
    executed = Path(a.executed)
    if not executed.is_file():
        raise SlidesError(f"no executed notebook {executed}")
    out = Path(a.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    ensure_reveal(out)
    ensure_debian_js(out)
    nb = nbformat.read(executed, as_version=4)
    marked, which = with_slide_metadata(nb)
    from nbconvert.preprocessors import TagRemovePreprocessor
    ex = SlidesExporter()
    ex.register_preprocessor(TagRemovePreprocessor(remove_input_tags=[FIGURE_TAG], enabled=True), enabled=True)
    ex.reveal_url_prefix = "lib/reveal.js"
    ex.reveal_theme = "simple"
    ex.reveal_scroll = True
    ex.require_js_url = "lib/require.min.js"
    ex.jquery_url = "lib/jquery.min.js"
    ex.mathjax_url = "lib/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
    ex.font_awesome_url = ""
    body, _ = ex.from_notebook_node(marked, resources={"metadata": {"name": executed.stem}})
    body = body.replace('<link rel="stylesheet" href="">', "")
    remote = sorted(set(re.findall(r'(?:src|href)="(https?://[^"]+)"', body)))
    if remote:
        raise SlidesError(f"the slides would load from the network: {', '.join(remote)}")
    target = out / f"{executed.stem}.slides.html"
    target.write_text(body, encoding="utf-8")
    slides = sum(1 for c in marked.cells if c.get("metadata", {}).get("slideshow", {}).get("slide_type") == "slide")
    figures = sum(1 for c in marked.cells if has_figure(c)
                  and c["metadata"]["slideshow"]["slide_type"] != "skip")
    print(f"slides: {target} ({slides} slides, {figures} figure(s); slide breaks: {which} metadata; reveal.js "
          f"{REVEAL_VERSION} from npm, nothing loaded from the network)")
    return 0


JS_STATE = """
var present = document.querySelector('.reveal .slides > section.present');
var inner = present && present.querySelector('section.present') || present;
function visible(img) {
  var r = img.getBoundingClientRect();
  return img.complete && img.naturalWidth > 0 && r.width > 20 && r.height > 20 && r.top >= 0 && r.left >= 0
      && r.bottom <= window.innerHeight + 2 && r.right <= window.innerWidth + 2;
}
var imgs = inner ? Array.prototype.slice.call(inner.querySelectorAll('img')) : [];
return {
  ready: document.querySelector('.reveal.ready') !== null,
  total: document.querySelectorAll('.reveal .slides > section').length,
  index: Array.prototype.indexOf.call(document.querySelectorAll('.reveal .slides > section'), present),
  text: inner ? Array.from(inner.innerText.trim()).slice(0, 200).join('') : '',
  images: imgs.length,
  visible: imgs.filter(visible).length
};
"""


def cmd_check(a):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import tempfile
    import descent_jupyter as dj
    html = Path(a.html).resolve()
    shots = Path(a.shots)
    shots.mkdir(parents=True, exist_ok=True)
    passed = failed = 0

    def check(ok, what, detail=""):
        nonlocal passed, failed
        if ok:
            passed += 1
            print(f"ok {what}", flush=True)
        else:
            failed += 1
            print(f"FAILED {what}{': ' + detail if detail else ''}", flush=True)

    profile = tempfile.mkdtemp(prefix="descent-chromium-")
    driver = None
    try:
        # no network: every host name fails to resolve and every connection goes to a closed proxy port
        driver = dj.chrome(profile, width=1280, height=800,
                           extra=("--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9"))
        driver.set_page_load_timeout(60)
        driver.get(html.as_uri())
        state = dj._wait(lambda: (lambda s: s if s["ready"] else None)(driver.execute_script(JS_STATE)), 30)
        check(bool(state), "reveal.js started (the page has .reveal.ready)")
        if not state:
            return 1
        stem = html.name.replace(".slides.html", "")
        time.sleep(1.5)   # MathJax typesets the first slide
        state = driver.execute_script(JS_STATE)
        driver.save_screenshot(str(shots / f"{stem}-first.png"))
        check(state["index"] == 0 and len(state["text"]) > 10, f"the first slide renders ({state['text'][:60]!r}; "
              f"{state['total']} slides)", str(state)[:300])
        figures_seen = figures_total = 0
        shot_figure = False
        for i in range(state["total"]):
            driver.execute_script(f"location.hash = '#/{i}';")
            s = dj._wait(lambda: (lambda s: s if s["index"] == i else None)(driver.execute_script(JS_STATE)), 5)
            if not s:
                check(False, f"slide {i + 1} could be shown")
                continue
            # sub-slides (vertical) of slide i
            v = 0
            while True:
                if s["images"]:
                    time.sleep(0.3)
                    s = driver.execute_script(JS_STATE)
                    figures_total += s["images"]
                    figures_seen += s["visible"]
                    if not shot_figure and s["visible"]:
                        driver.save_screenshot(str(shots / f"{stem}-figure.png"))
                        shot_figure = True
                v += 1
                more = driver.execute_script(
                    "var p = document.querySelectorAll('.reveal .slides > section')[arguments[0]];"
                    "return p.querySelectorAll(':scope > section').length;", i)
                if v >= more:
                    break
                driver.execute_script(f"location.hash = '#/{i}/{v}';")
                time.sleep(0.4)
                s = driver.execute_script(JS_STATE)
        check(figures_total > 0 and figures_seen == figures_total,
              f"every figure is shown whole on its slide ({figures_seen} of {figures_total})")
        driver.execute_script(f"location.hash = '#/{state['total'] - 1}';")
        last = dj._wait(lambda: (lambda s: s if s["index"] == state["total"] - 1 else None)(
            driver.execute_script(JS_STATE)), 5)
        time.sleep(1.0)
        driver.save_screenshot(str(shots / f"{stem}-last.png"))
        check(bool(last) and len(last["text"]) > 10, f"the last slide renders ({(last or {}).get('text', '')[:60]!r})",
              str(last)[:300])
        text = html.read_text(encoding="utf-8")
        remote = sorted(set(re.findall(r'(?:src|href)="((?:https?:)?//[^"]+)"', text)))
        check(not remote, "the page names no network resource, and rendered with the network blocked",
              ", ".join(remote[:5]))
        print(f"screenshots: {shots}/{stem}-first.png, {stem}-figure.png, {stem}-last.png")
    except Exception as e:
        check(False, "slides in headless Chromium", f"{type(e).__name__}: {str(e)[:300]}")
    finally:
        if driver:
            try:
                driver.quit()
            except Exception:
                pass
        shutil.rmtree(profile, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def cmd_mark(a):
    """Writes the default slide metadata into a committed notebook (in place, its JSON layout kept)."""
    p = Path(a.notebook)
    nb = json.loads(p.read_text(encoding="utf-8"))
    marked, which = with_slide_metadata(nb)
    if which != "the default" and not a.force:
        print(f"slides: {p} has its own slide metadata; left as it is (--force to replace)")
        return 0
    if a.force:
        for c in nb["cells"]:
            c.get("metadata", {}).pop("slideshow", None)
        marked, _ = with_slide_metadata(nb)
    p.write_text(json.dumps(marked, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"slides: wrote slide metadata into {p}")
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(prog="descent_slides")
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--executed", required=True)
    b.add_argument("--out", required=True)
    c = sub.add_parser("check")
    c.add_argument("html")
    c.add_argument("--shots", required=True)
    m = sub.add_parser("mark")
    m.add_argument("notebook")
    m.add_argument("--force", action="store_true")
    a = ap.parse_args(argv)
    try:
        return {"build": cmd_build, "check": cmd_check, "mark": cmd_mark}[a.cmd](a)
    except SlidesError as e:
        print(f"descent slides: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
