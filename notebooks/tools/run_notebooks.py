#!/usr/bin/env python3
"""Execute the course's notebooks headless with the real IJava kernel.

Modes (one of):
  --test        the notebook test: quick mode expected (EBM_QUICK=1), reference solutions spliced into the
                solution cells (as nbgrader's autograde does); fails on any error output, any Java or Python
                traceback on stderr, a notebook with fewer images than it declares, or a check table that is not
                all-pass, or a kernel whose peak RSS passed --max-rss-mib (default 1024: two notebooks must fit
                Binder's 2 GiB). Prints wall time and the kernel's peak RSS per notebook.
  --publish     the instructor's "publish the course": executes the shipped notebooks (exercise stubs left as
                they are, their checks show "not implemented"); add --solutions to publish the solved version.
  --instructor  writes the instructor version of each notebook (solutions spliced in, outputs cleared), no run.
  --strip       clears outputs and execution counts of the notebooks in place (what gets committed).

Each executed notebook is written to --out as .ipynb, and --out becomes the static course site (course_site.py:
lesson pages with embedded images, MathJax and require.js copied into _static/, index.html); browser_test.py
checks that site in Chromium. Uses only Debian's packages: python3-nbclient, python3-nbformat, nbconvert,
jupyter_client, libjs-mathjax, libjs-requirejs.
"""

import argparse
import os
import re
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import course_site  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
REFERENCES = ROOT / "exercises" / "src" / "test" / "java" / "org" / "ebmjava" / "exercises" / "References.java"
KERNEL = "java"

SOLUTION_RE = re.compile(r"^[ \t]*// BEGIN SOLUTION (\d\d\.\d+)[ \t]*\n(.*?)^[ \t]*// END SOLUTION \1[ \t]*$",
                         re.M | re.S)
CHECK_RE = re.compile(r'data-ebm-check="([^"]+)" data-passed="(\d+)" data-total="(\d+)"')
JAVA_FRAME_RE = re.compile(r"^\s+at [\w$.<>/]+\(.*\)\s*$", re.M)


def fail(msg):
    print(f"run_notebooks: error: {msg}", file=sys.stderr)
    sys.exit(2)


def notebook_paths(names):
    if names:
        paths = []
        for n in names:
            p = Path(n)
            if not p.is_absolute() and not p.exists():
                p = NOTEBOOKS / n
            if not p.exists():
                fail(f"no notebook {n}")
            paths.append(p.resolve())
        return paths
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if not paths:
        fail(f"no notebooks found in {NOTEBOOKS}")
    return paths


def reference_solutions():
    """Solution bodies by exercise id, from References.java (the single source of every reference solution)."""
    text = REFERENCES.read_text(encoding="utf-8")
    sols = {}
    for m in SOLUTION_RE.finditer(text):
        lines = m.group(2).rstrip("\n").split("\n")
        indent = min(len(l) - len(l.lstrip()) for l in lines if l.strip())
        sols[m.group(1)] = [l[indent:] if l.strip() else "" for l in lines]
    if not sols:
        fail(f"no '// BEGIN SOLUTION NN.k' regions in {REFERENCES}")
    return sols


def exercise_id(cell):
    return cell.get("metadata", {}).get("ebm", {}).get("exercise")


def is_solution_cell(cell):
    return cell.cell_type == "code" and cell.get("metadata", {}).get("nbgrader", {}).get("solution", False)


def splice_solutions(nb, path, solutions):
    """Replace each solution cell's stub by the reference body between BEGIN/END SOLUTION markers."""
    ids = []
    for cell in nb.cells:
        if not is_solution_cell(cell):
            continue
        ex = exercise_id(cell)
        if ex is None:
            fail(f"{path.name}: a solution cell has no metadata.ebm.exercise id")
        if ex not in solutions:
            fail(f"{path.name}: exercise {ex} has no reference solution in {REFERENCES.name}")
        lines = cell.source.split("\n")
        stub = f'throw new UnsupportedOperationException("exercise {ex}");'
        at = next((i for i, l in enumerate(lines) if stub in l), None)
        if at is None or at == 0 or "// YOUR CODE HERE" not in lines[at - 1]:
            fail(f"{path.name}: solution cell of {ex} must hold the stub '// YOUR CODE HERE' followed by '{stub}' "
                 f"(the shipped notebook must not contain the solution)")
        indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
        body = [indent + "// BEGIN SOLUTION"] + [(indent + l) if l else "" for l in solutions[ex]] \
            + [indent + "// END SOLUTION"]
        cell.source = "\n".join(lines[: at - 1] + body + lines[at + 1:])
        ids.append(ex)
    return ids


def strip(nb):
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cell.get("metadata", {}).pop("execution", None)
    return nb


def peak_rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return float("nan")


def cpu_seconds(pid):
    """User + system CPU time of a process so far (from /proc/PID/stat); NaN if unreadable.

    On a shared machine wall time depends on the other load; CPU time does not, so both are printed."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def kernel_pid(client):
    km = client.km
    for getter in (lambda: km.provisioner.process.pid, lambda: km.kernel.pid, lambda: km.provisioner.pid):
        try:
            pid = getter()
            if pid:
                return pid
        except Exception:
            continue
    return None


def current_rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return float("nan")


def execute(nb, path, timeout, per_cell=False):
    """Run every cell in one kernel; return (error message or None, wall seconds, peak RSS MiB, kernel CPU seconds).

    With per_cell, print each code cell's wall time and the kernel's resident memory after it."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError

    client = NotebookClient(nb, timeout=timeout, kernel_name=KERNEL, allow_errors=False,
                            resources={"metadata": {"path": str(path.parent)}})
    t0 = time.monotonic()
    error = None
    rss = cpu = float("nan")
    with client.setup_kernel():
        pid = kernel_pid(client)
        try:
            for index, cell in enumerate(nb.cells):
                t_cell = time.monotonic()
                cpu_before = cpu_seconds(pid) if per_cell and pid else 0.0
                client.execute_cell(cell, index)
                if per_cell and cell.cell_type == "code" and pid:
                    first = cell.source.strip().splitlines()[0][:60] if cell.source.strip() else ""
                    print(f"    cell {index:3d}: {time.monotonic() - t_cell:6.1f} s  CPU {cpu_seconds(pid) - cpu_before:6.1f} s  RSS {current_rss_mib(pid):6.0f} MiB"
                          f"  (peak {peak_rss_mib(pid):6.0f})  {first}", flush=True)
        except CellTimeoutError as e:
            error = f"a cell ran past {timeout} s: {str(e).splitlines()[0] if str(e) else ''}"
        except CellExecutionError as e:
            error = "a cell raised an error:\n" + str(e)[-3000:]
        except Exception as e:  # the kernel died, etc.
            error = f"execution failed: {type(e).__name__}: {e}"
        if pid:
            rss = peak_rss_mib(pid)
            cpu = cpu_seconds(pid)
    return error, time.monotonic() - t0, rss, cpu


def inspect(nb):
    """Count images, collect error outputs, stderr tracebacks and check results."""
    images, errors, tracebacks, checks, stderr_lines = 0, [], [], {}, 0
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            t = out.get("output_type")
            if t == "error":
                errors.append(f"cell {i}: {out.get('ename')}: {out.get('evalue')}")
            elif t == "stream" and out.get("name") == "stderr":
                text = out.get("text", "")
                stderr_lines += text.count("\n")
                if JAVA_FRAME_RE.search(text) or "Traceback (most recent call last)" in text:
                    tracebacks.append(f"cell {i}: {text.strip()[:800]}")
            elif t in ("display_data", "execute_result"):
                data = out.get("data", {})
                if "image/png" in data:
                    images += 1
                h = data.get("text/html", "")
                h = "".join(h) if isinstance(h, list) else h
                images += h.count("data:image/")
                for m in CHECK_RE.finditer(h):
                    checks[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    return images, errors, tracebacks, checks, stderr_lines


def write_notebook(nb, path, out_dir):
    out_dir.mkdir(parents=True, exist_ok=True)
    ipynb = out_dir / path.name
    tmp = ipynb.with_suffix(".ipynb.tmp")
    nbformat.write(nb, str(tmp))
    os.replace(tmp, ipynb)
    return ipynb


def kernel_limits():
    """The heap and native-memory caps in the installed kernelspec's argv, for the log."""
    try:
        from jupyter_client.kernelspec import KernelSpecManager
        argv = KernelSpecManager().get_kernel_spec(KERNEL).argv
    except Exception as e:  # no kernelspec: execution will fail with a clearer message
        return f"kernelspec '{KERNEL}' not readable ({e})"
    heap = next((a[4:] for a in argv if a.startswith("-Xmx")), "JVM default")
    native = next((a.split("=", 1)[1] for a in argv if a.startswith("-Dorg.bytedeco.javacpp.maxPhysicalBytes=")),
                  "none")
    java = argv[2] if len(argv) > 2 and argv[1].endswith("launch.sh") else argv[0]
    return f"java {java}, heap -Xmx{heap}, ND4J resident-memory cap {native}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--test", action="store_true")
    mode.add_argument("--publish", action="store_true")
    mode.add_argument("--instructor", action="store_true")
    mode.add_argument("--strip", action="store_true")
    ap.add_argument("--solutions", action="store_true", help="with --publish: splice in the reference solutions")
    ap.add_argument("--out", default=str(ROOT / "build" / "course"), help="output folder")
    ap.add_argument("--timeout", type=int, default=None, help="seconds per cell (default 300 quick, 900 full)")
    ap.add_argument("--cells", action="store_true", help="print wall time and kernel memory after every code cell")
    ap.add_argument("--max-rss-mib", type=float, default=1024.0,
                    help="fail a notebook whose kernel's peak resident memory passes this (default 1024 MiB)")
    ap.add_argument("notebooks", nargs="*", help="notebooks to run (default: all notebooks/NN_*.ipynb)")
    args = ap.parse_args()

    paths = notebook_paths(args.notebooks)
    out_dir = Path(args.out)

    if args.strip:
        for p in paths:
            nb = nbformat.read(str(p), as_version=4)
            nbformat.write(strip(nb), str(p))
            print(f"stripped {p.name}")
        return 0

    solutions = reference_solutions() if (args.test or args.instructor or args.solutions) else None

    if args.instructor:
        out_dir.mkdir(parents=True, exist_ok=True)
        for p in paths:
            nb = strip(nbformat.read(str(p), as_version=4))
            ids = splice_solutions(nb, p, solutions)
            nbformat.write(nb, str(out_dir / p.name))
            print(f"{p.name}: solutions of {', '.join(ids) or 'no exercises'} -> {out_dir / p.name}")
        return 0

    quick = os.environ.get("EBM_QUICK") in ("1", "true")
    if args.test and not quick:
        print("run_notebooks: note: --test without EBM_QUICK=1 runs the full settings", file=sys.stderr)
    timeout = args.timeout or (300 if quick else 900)
    print(f"Executing {len(paths)} notebook(s) with kernel '{KERNEL}' "
          f"({'quick mode, EBM_QUICK=1' if quick else 'full settings'}); outputs in {out_dir}", flush=True)
    print(f"Kernel: {kernel_limits()}; budget per notebook: peak RSS <= {args.max_rss_mib:.0f} MiB", flush=True)

    passed, failed, executed = 0, 0, []
    for p in paths:
        nb = nbformat.read(str(p), as_version=4)
        strip(nb)
        ids = splice_solutions(nb, p, solutions) if solutions else \
            [exercise_id(c) for c in nb.cells if is_solution_cell(c)]
        error, wall, rss, cpu = execute(nb, p, timeout, per_cell=args.cells)
        images, errors, tracebacks, checks, stderr_lines = inspect(nb)
        write_notebook(nb, p, out_dir)
        executed.append((p, nb))
        problems = []
        if error:
            problems.append(error)
        if not rss <= args.max_rss_mib:
            problems.append(f"kernel peak RSS {rss:.0f} MiB is over the budget of {args.max_rss_mib:.0f} MiB"
                            if rss == rss else "kernel peak RSS could not be measured")
        problems += [f"error output: {e}" for e in errors]
        problems += [f"traceback on stderr: {t}" for t in tracebacks]
        expected_images = max(1, int(nb.metadata.get("ebm", {}).get("expected_images", 1)))
        if images < expected_images:
            problems.append(f"{images} image(s) produced, expected at least {expected_images}")
        for ex in ids:
            if ex not in checks:
                problems.append(f"exercise {ex}: no check result was shown")
            elif args.test and checks[ex][0] != checks[ex][1]:
                problems.append(f"exercise {ex}: reference solution passed only {checks[ex][0]}/{checks[ex][1]} checks")
        status = "ok" if not problems else "FAILED"
        check_text = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(checks.items())) or "none"
        print(f"{p.name:42s} {status:6s} wall {wall:6.1f} s  kernel CPU {cpu:6.1f} s  peak RSS {rss:6.0f} MiB  images {images:3d}  "
              f"stderr lines {stderr_lines:3d}  checks: {check_text}", flush=True)
        for pr in problems:
            print("    " + pr.replace("\n", "\n    "), flush=True)
        if problems:
            failed += 1
        else:
            passed += 1
    try:
        pages = course_site.write_site(out_dir, executed, "quick" if quick else "full", solutions=bool(solutions))
        print(f"site: {len(pages)} pages in {out_dir} (open {out_dir / 'index.html'})", flush=True)
    except course_site.SiteError as e:
        print(f"site: error: {e}", flush=True)
        failed += 1
    print(f"notebooks: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
