#!/usr/bin/env python3
"""The published course as a static site that renders anywhere, without network.

Used by run_notebooks.py (--publish and --test): each executed notebook becomes NN_name.html (and a copy of the
executed NN_name.ipynb to download), with

* MathJax 2 and require.js copied into _static/ (a subset of Debian's libjs-mathjax: the TeX input, the CommonHTML
  output, its web fonts and the extensions MathJax loads on demand) and linked relatively, so formulas typeset
  when the site is opened from a web server, a USB stick or a laptop without Debian's packages;
* every image embedded (nbconvert writes them as data URIs), no file:// or absolute link;
* links between lessons rewritten from NN_name.ipynb to NN_name.html, and a navigation bar (course index,
  previous and next lesson) at the top and bottom of every lesson page;

plus index.html, built from each notebook's header cell (title, learning objectives, "**Estimated time:**",
"**Prerequisites:**") and the status column of README.md's lesson table (lessons without a notebook yet are listed
as planned). README.md's "Writing a lesson" section describes the header format this file parses.

Only Debian's packages are used: nbconvert (HTMLExporter, markdown2html), nbformat, libjs-mathjax, libjs-requirejs.
"""

import html
import os
import re
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"

MATHJAX_CANDIDATES = [os.environ.get("EBM_MATHJAX_DIR", ""), "/usr/share/javascript/mathjax",
                      "/usr/share/nodejs/mathjax", "/usr/lib/python3/dist-packages/notebook/static/components/MathJax"]
REQUIREJS_CANDIDATES = [os.environ.get("EBM_REQUIREJS", ""), "/usr/share/javascript/requirejs/require.min.js",
                        "/usr/share/javascript/requirejs/require.js",
                        "/usr/lib/python3/dist-packages/notebook/static/components/requirejs/require.js"]
# The part of MathJax 2.7 that the configuration nbconvert uses (TeX-AMS_CHTML-full,Safe) loads: the combined
# configuration, the loader, the element and input/output jax, extensions and localisation loaded on demand,
# and the TeX web fonts of the CommonHTML output (about 1.6 MB instead of 54 MB).
MATHJAX_PARTS = ["MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions", "jax/element",
                 "jax/input/TeX", "jax/output/CommonHTML", "localization/en", "fonts/HTML-CSS/TeX/woff"]
MATHJAX_CONFIG = "TeX-AMS_CHTML-full,Safe"
LESSON_RE = re.compile(r"^(\d\d)_[A-Za-z0-9_]+$")
HEADER_FIELD_RE = re.compile(r"^\*\*(Estimated time|Prerequisites):\*\*\s*(.*)$")
README_ROW_RE = re.compile(r"^\|\s*(\d\d)\s*\|\s*(.*?)\s*\|\s*(.*?)\s*\|\s*(.*?)\s*\|\s*$")


class SiteError(Exception):
    """A problem that stops the site from being built; the message names the file and what was expected."""


def find_mathjax():
    for c in MATHJAX_CANDIDATES:
        if c and (Path(c) / "MathJax.js").is_file() and (Path(c) / "jax/output/CommonHTML").is_dir():
            return Path(c)
    raise SiteError("MathJax 2 not found (looked in " + ", ".join(c for c in MATHJAX_CANDIDATES if c)
                    + "); install Debian's libjs-mathjax and fonts-mathjax (./course does so as root) "
                      "or set EBM_MATHJAX_DIR to a MathJax 2.7 folder")


def find_requirejs():
    for c in REQUIREJS_CANDIDATES:
        if c and Path(c).is_file():
            return Path(c)
    raise SiteError("require.js not found (looked in " + ", ".join(c for c in REQUIREJS_CANDIDATES if c)
                    + "); install Debian's libjs-requirejs (./course does so as root) or set EBM_REQUIREJS")


def copy_static(out_dir):
    """Copies the MathJax subset and require.js into out_dir/_static (replacing what was there)."""
    mathjax = find_mathjax()
    static = out_dir / "_static"
    tmp = out_dir / "_static.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    for part in MATHJAX_PARTS:
        src = mathjax / part
        dst = tmp / "mathjax" / part
        if src.is_dir():
            shutil.copytree(src, dst, symlinks=False)
        elif src.is_file():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
        else:
            raise SiteError(f"MathJax at {mathjax} lacks {part} (needed by the site); reinstall libjs-mathjax "
                            "and fonts-mathjax")
    shutil.copyfile(find_requirejs(), tmp / "require.min.js")
    shutil.rmtree(static, ignore_errors=True)
    os.replace(tmp, static)


def atomic_write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


# --- the header cell ---------------------------------------------------------------------------------------------

def header(nb, name):
    """Title, objectives (list of Markdown strings), estimated time and prerequisites from the first Markdown cell."""
    cell = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    if cell is None:
        raise SiteError(f"{name}: no Markdown cell; the first cell must hold the lesson's header")
    lines = cell.source.splitlines()
    title = next((l[2:].strip() for l in lines if l.startswith("# ")), None)
    if not title:
        raise SiteError(f"{name}: the header cell has no '# NN · Title' line")
    objectives, fields, field = [], {}, None
    in_objectives = False
    for line in lines:
        m = HEADER_FIELD_RE.match(line.strip())
        if m:
            field = m.group(1)
            fields[field] = m.group(2).strip()
            in_objectives = False
            continue
        if line.strip().startswith("**Learning objectives"):
            in_objectives, field = True, None
            continue
        if not line.strip():
            field = None
            if objectives:
                in_objectives = False
            continue
        if in_objectives:
            item = re.match(r"^\s*(\d+\.|[*-])\s+(.*)$", line)
            if item:
                objectives.append(item.group(2).strip())
            elif objectives and line.startswith((" ", "\t")):
                objectives[-1] += " " + line.strip()
        elif field and not line.startswith("**"):
            fields[field] += " " + line.strip()
    missing = [f for f in ("Estimated time", "Prerequisites") if f not in fields]
    if missing or not objectives:
        what = ", ".join([f"'**{f}:**'" for f in missing] + ([] if objectives else ["'**Learning objectives.**' list"]))
        raise SiteError(f"{name}: the header cell lacks {what} (see README.md, 'Writing a lesson')")
    return {"title": title, "objectives": objectives, "time": fields["Estimated time"],
            "prerequisites": fields["Prerequisites"]}


def readme_lessons():
    """Rows of README.md's lesson table by number: name (Markdown), topics, status."""
    rows = {}
    if not README.is_file():
        return rows
    for line in README.read_text(encoding="utf-8").splitlines():
        m = README_ROW_RE.match(line)
        if m:
            rows[m.group(1)] = {"name": m.group(2), "topics": m.group(3), "status": m.group(4)}
    return rows


# --- pages ---------------------------------------------------------------------------------------------------------

def md(text):
    from nbconvert.filters.markdown import markdown2html
    out = markdown2html(text).strip()
    return re.sub(r"^<p>(.*)</p>$", r"\1", out, flags=re.S)


def rewrite_links(body, stems):
    """Lesson links NN_name.ipynb (optionally under notebooks/ or ../notebooks/) become NN_name.html."""
    def sub(m):
        stem = m.group(2)
        if stem in stems:
            return f'{m.group(1)}="{stem}.html{m.group(3) or ""}"'
        return m.group(0)
    return re.sub(r'\b(href)="(?:\.\./)?(?:notebooks/)?(\d\d_[A-Za-z0-9_]+)\.ipynb(#[^"]*)?"', sub, body)


def nav(prev, nxt, position):
    parts = ['<a href="index.html">Course index</a>']
    if prev:
        parts.append(f'<a href="{prev[0]}.html" rel="prev">&larr; {html.escape(prev[1])}</a>')
    if nxt:
        parts.append(f'<a href="{nxt[0]}.html" rel="next">{html.escape(nxt[1])} &rarr;</a>')
    return (f'<nav class="ebm-nav ebm-nav-{position}" style="font-family:sans-serif;padding:8px 16px;'
            f'border-{"bottom" if position == "top" else "top"}:1px solid #ddd;display:flex;gap:24px">'
            + "".join(parts) + "</nav>")


def lesson_page(nb, stems, prev, nxt):
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(mathjax_url=f"_static/mathjax/MathJax.js?config={MATHJAX_CONFIG}",
                            require_js_url="_static/require.min.js")
    body, _ = exporter.from_notebook_node(nb)
    body = rewrite_links(body, stems)
    body = body.replace("<head>", '<head>\n<link rel="icon" href="data:,">', 1)  # no favicon request
    body = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav(prev, nxt, "top"), body, count=1)
    body = body.replace("</body>", nav(prev, nxt, "bottom") + "</body>", 1)
    bad = re.findall(r'(?:src|href)="((?:file:|/)[^"]*)"', body)
    if bad:
        raise SiteError(f"page links outside the site: {bad[:3]}")
    return body


INDEX_STYLE = """
body { font-family: sans-serif; max-width: 1100px; margin: 24px auto; padding: 0 16px; color: #222; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 8px; vertical-align: top; text-align: left; }
td.num { font-weight: bold; } td ol { margin: 0; padding-left: 20px; } .status { white-space: nowrap; }
.planned { color: #888; } small { color: #666; }
"""


def index_page(lessons, mode, solutions):
    rows = []
    for les in lessons:
        if les.get("stem"):
            h = les["header"]
            objectives = "".join(f"<li>{md(o)}</li>" for o in h["objectives"])
            rows.append(
                f'<tr><td class="num">{les["num"]}</td><td><a href="{les["stem"]}.html">{md(h["title"])}</a>'
                f'<br><small><a href="{les["stem"]}.ipynb" download>executed notebook (.ipynb)</a></small></td>'
                f'<td><ol>{objectives}</ol></td><td>{md(h["time"])}</td><td>{md(h["prerequisites"])}</td>'
                f'<td class="status">{html.escape(les["status"])}</td></tr>')
        else:
            name = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", les["name"])
            rows.append(f'<tr class="planned"><td class="num">{les["num"]}</td><td>{md(name)}</td>'
                        f'<td colspan="3">{md(les["topics"])}</td><td class="status">{html.escape(les["status"])}</td></tr>')
    version = ("Instructor version: exercise cells hold the reference solutions." if solutions else
               "Learner version: exercise cells hold stubs; their checks show what is still to do.")
    settings = "in quick mode (EBM_QUICK=1: smaller data, fewer steps)" if mode == "quick" else "at full settings"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Energy-Based Models in Java</title>
<style>{INDEX_STYLE}</style>
<script src="_static/mathjax/MathJax.js?config={MATHJAX_CONFIG}"></script>
<script type="text/x-mathjax-config">MathJax.Hub.Config({{tex2jax: {{inlineMath: [['$','$'], ['\\\\(','\\\\)']],
processEscapes: true}}}});</script>
</head><body>
<h1>Energy-Based Models in Java</h1>
<p>An open course on energy-based models as Jupyter notebooks on the IJava kernel. Every notebook below was executed
by the course's own command {settings}, with the bundled real MNIST digits; all outputs are shown as computed.
{version}</p>
<table><thead><tr><th>#</th><th>Lesson</th><th>Learning objectives</th><th>Estimated time</th><th>Prerequisites</th>
<th>Status</th></tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table>
<p><small>This site is self-contained: math (MathJax), scripts and images travel with it; open index.html from
any folder or web server.</small></p>
</body></html>
"""


def write_site(out_dir, executed, mode, solutions=False):
    """Writes the site: executed is a list of (path, notebook node) in lesson order.

    Returns the list of HTML pages written (index first)."""
    import nbformat
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    copy_static(out_dir)
    readme = readme_lessons()
    stems = {p.stem for p, _ in executed}
    titles = [(p.stem, header(nb, p.name)["title"]) for p, nb in executed]
    pages = []
    for i, (p, nb) in enumerate(executed):
        prev = titles[i - 1] if i > 0 else None
        nxt = titles[i + 1] if i + 1 < len(executed) else None
        atomic_write(out_dir / p.name, nbformat.writes(nb))
        page = out_dir / (p.stem + ".html")
        atomic_write(page, lesson_page(nb, stems, prev, nxt))
        pages.append(page)
    lessons, seen = [], set()
    for p, nb in executed:
        num = p.stem[:2]
        seen.add(num)
        lessons.append({"num": num, "stem": p.stem, "header": header(nb, p.name),
                        "status": readme.get(num, {}).get("status", "ready")})
    for num, row in readme.items():
        if num not in seen:
            lessons.append({"num": num, "name": row["name"], "topics": row["topics"], "status": row["status"]})
    lessons.sort(key=lambda les: les["num"])
    index = out_dir / "index.html"
    atomic_write(index, index_page(lessons, mode, solutions))
    return [index] + pages


if __name__ == "__main__":
    import argparse
    import sys
    import nbformat
    ap = argparse.ArgumentParser(description="Rebuild the static site from executed notebooks (.ipynb with outputs).")
    ap.add_argument("--out", required=True)
    ap.add_argument("--solutions", action="store_true")
    ap.add_argument("--mode", choices=["quick", "full"], default="full")
    ap.add_argument("notebooks", nargs="+")
    a = ap.parse_args()
    paths = sorted(Path(n) for n in a.notebooks)
    try:
        for page in write_site(a.out, [(p, nbformat.read(str(p), as_version=4)) for p in paths], a.mode, a.solutions):
            print(page)
    except SiteError as e:
        print(f"course_site: error: {e}", file=sys.stderr)
        sys.exit(2)
