"""Tests of the launcher's Jupyter side (src/main/python/descent_jupyter.py): the parts that judge a run.

Run by `./descent test` (in its first phase), or alone:  /usr/bin/python3 src/test/python/test_descent_jupyter.py
Each test feeds the function what a broken run looks like and checks that it is reported, naming the cell.
"""
import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
spec = importlib.util.spec_from_file_location("descent_jupyter", ROOT / "src/main/python/descent_jupyter.py")
dj = importlib.util.module_from_spec(spec)
sys.modules["descent_jupyter"] = dj
spec.loader.exec_module(dj)


def cell(index, source, prompt="1", errors=0, images=0, loaded=None, tables=(), text="", kind="code"):
    """One entry as the browser test's JS_CELLS returns it."""
    return {"index": index, "type": kind, "source": source, "prompt": prompt if kind == "code" else None,
            "errors": errors, "images": images, "loaded": images if loaded is None else loaded,
            "tables": list(tables), "text": text}


class BrowserChecks(unittest.TestCase):
    def test_a_clean_page_has_no_problem(self):
        cells = [cell(1, "# title", kind="markdown"),
                 cell(2, "import descent.plot.Figure;"),
                 cell(3, "fig.image()", images=1),
                 cell(4, 'descent.grade.Grade.exercise("01.9")', tables=[{"rows": 2, "earned": "10", "possible": "10"}])]
        self.assertEqual([], dj.browser_check_cells(cells))

    def test_an_error_output_is_reported_with_its_cell(self):
        problems = dj.browser_check_cells([cell(3, "int x = 1 / 0;", errors=1, text="ArithmeticException")])
        self.assertEqual(1, len(problems))
        self.assertIn("cell 3 shows an error", problems[0])

    def test_a_cell_that_did_not_run_is_reported(self):
        for prompt in ("*", "null", " "):
            problems = dj.browser_check_cells([cell(5, "int y = 2;", prompt=prompt)])
            self.assertTrue(problems and "cell 5 did not run" in problems[0], (prompt, problems))

    def test_an_image_that_did_not_load_is_reported(self):
        problems = dj.browser_check_cells([cell(4, "fig.image()", images=2, loaded=1)])
        self.assertTrue(any("1 of 2 figure(s) not rendered" in p for p in problems), problems)

    def test_a_figure_cell_without_an_image_is_reported(self):
        problems = dj.browser_check_cells([cell(6, "var fig = Figure.xy(\"t\", \"x\", \"y\");\nfig.image()")])
        self.assertTrue(any("cell 6 draws a figure" in p for p in problems), problems)

    def test_a_grading_cell_needs_a_table_with_full_marks(self):
        none = dj.browser_check_cells([cell(7, 'descent.grade.Grade.exercise("01.9")', text="grading skipped")])
        self.assertTrue(any("shows no grading table" in p for p in none), none)
        partial = dj.browser_check_cells([cell(7, 'descent.grade.Grade.exercise("01.9")',
                                               tables=[{"rows": 2, "earned": "4", "possible": "10"}])])
        self.assertTrue(any("total 4 of 10" in p for p in partial), partial)

    def test_markdown_and_empty_cells_are_not_judged(self):
        self.assertEqual([], dj.browser_check_cells([cell(1, "fig.image()", kind="markdown"),
                                                     cell(2, "   ", prompt="null")]))


class KernelCheckDiagnosis(unittest.TestCase):
    DUMP = '"main" #1 prio=5\n\n"Heartbeat-0" #20 prio=5\n\n"Shell-0" #21 prio=5\n\n"Shell-0" #22 prio=5\n'

    def test_three_loop_threads_and_a_dropped_request_is_race_a(self):
        found = dj.diagnose(self.DUMP, "[SEVERE ] [ShellChannel]: Unhandled message: kernel_info_request \n")
        self.assertIn("3 of 3 channel loop threads alive", found)
        self.assertNotIn("race B", found)
        self.assertIn("kernel dropped kernel_info_request (no handler yet: race A)", found)

    def test_a_missing_loop_thread_is_race_b(self):
        dump = self.DUMP.replace('"Shell-0" #22 prio=5\n', "")
        found = dj.diagnose(dump, "")
        self.assertIn("2 of 3 channel loop threads alive (Heartbeat-0, Shell-0): 1 ended at once (race B)", found)
        self.assertNotIn("race A", found)

    def test_a_thread_killed_by_the_null_handler_table_is_race_a_not_b(self):
        dump = self.DUMP.replace('"Shell-0" #22 prio=5\n', "")
        log = ('Exception in thread "Shell-0" java.lang.NullPointerException: Cannot invoke "java.util.Map.get(Object)"'
               ' because "this.handlers" is null\n')
        found = dj.diagnose(dump, log)
        self.assertIn("Shell-0 died on the still-null handler table (race A)", found)
        self.assertNotIn("race B", found)

    def test_a_replaced_thread_is_mentioned(self):
        log = ("[WARNING] [KernelMain]: ControlChannel's loop thread Shell-0 had already ended (rapaio 3.0.1 sets "
               "running only after start()); replacing it \n")
        self.assertIn("KernelMain replaced: ControlChannel's loop thread Shell-0 had already ended",
                      dj.diagnose(self.DUMP, log))


class BrowserStartVerdict(unittest.TestCase):
    def test_ready_in_time_and_cell_ran_is_a_good_start(self):
        self.assertIsNone(dj.start_verdict(True, 14.9, True, 15.0, 90.0))

    def test_ready_late_but_cell_ran_is_slow_not_hung(self):
        v = dj.start_verdict(True, 15.1, True, 15.0, 90.0)
        self.assertTrue(v.startswith("SLOW, not hung: kernel ready after 15.1 s (limit 15 s)"), v)

    def test_never_ready_is_hung(self):
        v = dj.start_verdict(False, 90.0, False, 15.0, 90.0)
        self.assertTrue(v.startswith("HUNG: kernel not ready after 90 s, cell never ran"), v)

    def test_ready_but_the_cell_never_ran_is_hung(self):
        # race B's picture: the page says Connected but nothing reads the shell socket
        v = dj.start_verdict(True, 3.0, False, 15.0, 90.0)
        self.assertTrue(v.startswith("HUNG: kernel ready after 3 s, cell never ran within 90 s"), v)


class ServerLogSegment(unittest.TestCase):
    def test_the_lines_of_one_kernel_start_up_to_the_next(self):
        log = ("[I 14:30:15.443 NotebookApp] Kernel started: aaa, name: java\n"
               "Exception in thread \"Shell-0\" java.lang.NullPointerException\n"
               "[I 14:31:21.002 NotebookApp] Kernel started: bbb, name: java\n"
               "[SEVERE ] [ShellChannel]: Unhandled message: kernel_info_request\n")
        seg = dj.server_log_segment(log, "aaa")
        self.assertIn("NullPointerException", seg)
        self.assertNotIn("Unhandled", seg)
        self.assertIn("Unhandled", dj.server_log_segment(log, "bbb"))
        self.assertEqual("", dj.server_log_segment(log, "ccc"))


class LabOutput(unittest.TestCase):
    def test_lifecycle_warnings_and_errors_are_shown_and_routine_lines_are_not(self):
        shown = ["[W 08:33:00.296 NotebookApp] Kernelspec name java cannot be found!",
                 "[E 08:33:00.369 NotebookApp] 500 POST /api/kernels (127.0.0.1)",
                 "[I 08:33:26.380 NotebookApp] Kernel started: f91f52fd, name: java",
                 "[I 08:40:00.000 NotebookApp] KernelRestarter: restarting kernel (1/5), keep random ports",
                 "[I 08:40:01.000 NotebookApp] Kernel restarted: f91f52fd",
                 "[I 08:41:00.000 NotebookApp] Kernel interrupted: f91f52fd"]
        hidden = ["[I 08:33:30.000 NotebookApp] Saving file at /00-tour.ipynb",
                  "[I 08:33:31.000 NotebookApp] Starting buffering for f91f52fd:abc",
                  "[I 08:33:32.000 NotebookApp] 302 GET /notebooks/00-tour.ipynb"]
        for line in shown:
            self.assertTrue(dj.LabServer.SHOWN.search(line), line)
        for line in hidden:
            self.assertFalse(dj.LabServer.SHOWN.search(line), line)


class LabLines(unittest.TestCase):
    def test_server_lines_lose_their_prefix_and_keep_time_level_and_text(self):
        self.assertEqual("10:22:19 Kernel started: f91f, name: java",
                         dj.lab_line("[I 10:22:19.354 NotebookApp] Kernel started: f91f, name: java"))
        self.assertEqual("08:33:00 warning: Kernelspec name java cannot be found!",
                         dj.lab_line("[W 08:33:00.296 NotebookApp] Kernelspec name java cannot be found!"))
        self.assertEqual("08:33:00 error: No such kernel named java",
                         dj.lab_line("[E 08:33:00.296 NotebookApp] No such kernel named java"))
        self.assertEqual("a line of its own", dj.lab_line("a line of its own"))


class NotebookSelection(unittest.TestCase):
    def test_names_numbers_and_files_select_one_notebook(self):
        avail = [Path("/n/00-tour.ipynb"), Path("/n/01-graphs.ipynb"), Path("/n/02-backprop.ipynb")]
        for name in ("00", "00-tour", "00-tour.ipynb"):
            self.assertEqual(([avail[0]], []), dj.select(avail, [name]))
        self.assertEqual((avail, []), dj.select(avail, []))
        self.assertEqual(([], ["99"]), dj.select(avail, ["99"]))


class SiteIndex(unittest.TestCase):
    def test_a_later_partial_run_keeps_the_rows_of_earlier_runs(self):
        with tempfile.TemporaryDirectory() as d:
            site = Path(d)
            dj.write_index(site, [("00-tour", "A tour", 3.0, 1, None), ("02-backprop", "Backprop", 9.0, 1, None)])
            dj.write_index(site, [("01-graphs", "Graphs", 5.0, 2, "cell 3: boom")])
            rows = {r["name"]: r for r in json.loads((site / "index.json").read_text())}
            self.assertEqual({"00-tour", "01-graphs", "02-backprop"}, set(rows))
            self.assertEqual("failed: cell 3: boom", rows["01-graphs"]["status"])
            self.assertIn("02-backprop.html", (site / "index.html").read_text())


class KernelMainRefusesAnotherRapaio(unittest.TestCase):
    """KernelMain must stop at start, naming the field and the version, when rapaio's private fields differ."""
    JAR = ROOT / "target/kernel/rapaio-jupyter-kernel.jar"
    STUB = """package org.rapaio.jupyter.kernel.channels;
public final class LoopThread extends Thread {   // a rapaio whose LoopThread renamed its flag
    private volatile boolean active;
    private final long sleep;
    private final Runnable loopBody;
    public LoopThread(String name, long sleep, Runnable body) { super(name); this.sleep = sleep; this.loopBody = body; }
    public void shutdown() { active = false; }
}
"""

    @unittest.skipUnless(JAR.exists() and shutil.which("javac"), "needs the kernel jar (./descent builds it) and javac")
    def test_a_renamed_field_stops_the_kernel_with_the_field_and_the_version(self):
        with tempfile.TemporaryDirectory() as d:
            d = Path(d)
            boot, stub = d / "boot", d / "stub"
            sources = [str(p) for p in (ROOT / "src/kernel/java").rglob("*.java")]
            subprocess.run(["javac", "-nowarn", "-d", str(boot), "-cp", str(self.JAR), *sources], check=True)
            (d / "LoopThread.java").write_text(self.STUB)
            subprocess.run(["javac", "-nowarn", "-d", str(stub), str(d / "LoopThread.java")], check=True)
            (d / "conn.json").write_text("{}")
            cp = ":".join([str(stub), str(self.JAR), str(boot)])  # the stub shadows rapaio's LoopThread
            r = subprocess.run(["java", "-cp", cp, "descent.kernel.KernelMain", str(d / "conn.json")],
                               capture_output=True, text=True, timeout=60)
            self.assertEqual(2, r.returncode, r.stderr)
            self.assertIn("cannot start rapaio-jupyter-kernel 3.0.1: no field LoopThread.running", r.stderr)
            self.assertIn("written for rapaio-jupyter-kernel 3.0.1", r.stderr)


def load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / f"src/main/python/{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


hub = load("descent_hub")
slides = load("descent_slides")


class HubRoster(unittest.TestCase):
    def roster(self, text):
        d = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, d)
        (d / "r.csv").write_text(text)
        return d / "r.csv"

    def test_a_roster_gives_names_and_full_names(self):
        got = hub.read_roster(self.roster("username,name\nann,Ann A\n\nbob-2,\n"))
        self.assertEqual([("ann", "Ann A", 2), ("bob-2", "", 4)], [(s["username"], s["name"], s["line"]) for s in got])

    def test_every_problem_is_reported_with_its_line(self):
        with self.assertRaises(hub.HubError) as e:
            hub.read_roster(self.roster("username\nann\nAnn\n9lives\nann\n" + "x" * 33 + "\n"))
        m = str(e.exception)
        for part in ("4 problem(s)", "line 3: 'Ann' is not a valid", "line 4: '9lives'", "line 5: user name 'ann' "
                     "already on line 2", "line 6: 'xxxx"):
            self.assertIn(part, m)

    def test_a_roster_without_a_username_column_or_rows_is_refused(self):
        with self.assertRaises(hub.HubError) as e:
            hub.read_roster(self.roster("login,name\nann,Ann\n"))
        self.assertIn("no `username` column", str(e.exception))
        with self.assertRaises(hub.HubError) as e:
            hub.read_roster(self.roster("username,name\n"))
        self.assertIn("no student rows", str(e.exception))
        with self.assertRaises(hub.HubError) as e:
            hub.read_roster("/nonexistent/roster.csv")
        self.assertIn("no roster file /nonexistent/roster.csv", str(e.exception))


class SlideBreaks(unittest.TestCase):
    def nb(self, *cells):
        return {"cells": [dict(c, metadata=dict(c.get("metadata", {}))) for c in cells]}

    def test_default_breaks_at_headings_figures_and_skips_grading(self):
        fig = {"cell_type": "code", "source": "fig.image()", "outputs": [{"data": {"image/png": "iVBOR"}}]}
        nb, which = slides.with_slide_metadata(self.nb(
            {"cell_type": "markdown", "source": "# Title\ntext"}, {"cell_type": "code", "source": "int x = 1;"},
            {"cell_type": "markdown", "source": "### detail"}, fig,
            {"cell_type": "code", "source": 'descent.grade.Grade.exercise("01.2")'},
            {"cell_type": "markdown", "source": "plain text"}))
        self.assertEqual("the default", which)
        self.assertEqual(["slide", "-", "subslide", "subslide", "skip", "-"],
                         [c["metadata"]["slideshow"]["slide_type"] for c in nb["cells"]])
        self.assertEqual([slides.FIGURE_TAG], nb["cells"][3]["metadata"]["tags"])

    def test_a_notebooks_own_metadata_wins(self):
        own = self.nb({"cell_type": "markdown", "source": "# T", "metadata": {"slideshow": {"slide_type": "-"}}},
                      {"cell_type": "markdown", "source": "## U"})
        nb, which = slides.with_slide_metadata(own)
        self.assertEqual("the notebook's own", which)
        self.assertNotIn("slideshow", nb["cells"][1]["metadata"])


if __name__ == "__main__":
    result = unittest.TextTestRunner(verbosity=1).run(unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__]))
    bad = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - bad} passed, {bad} failed")
    sys.exit(1 if bad else 0)
