#!/usr/bin/python3
"""Collects a full-size run's numbers from the executed notebooks into one JSON file (see full-size-run.sh).

For every notebook the run log names: its wall time and status; every claim of its Check.That cells (the prose's own
words) with "held" (the cell ran without error), "failed" (the cell raised) or "not reached"; and the plain text each
code cell printed, keyed by cell id, so each full-size number the text quotes can be found next to its claim.

Each notebook's entry carries its own run (start, load average, exit code). When the output file exists, the notebooks
this run was not asked for keep their entries from it, so runs of a few notebooks add up to one file.
"""
import argparse, json, os, platform, re, sys

# Check.That(condition, "claim") as a statement or as a cell's last expression (no semicolon); the claim may be
# interpolated ($"…"). The condition never holds a string literal followed by ");".
CLAIM = re.compile(r'Check\.That\((?:.|\n)*?,\s*\$?"((?:[^"\\]|\\.)*)"\s*\)')

def text_of(output):
    if output.get("output_type") == "stream":
        return "".join(output.get("text", ""))
    if output.get("output_type") == "error":
        return f"{output.get('ename', '')}: {output.get('evalue', '')}"
    data = output.get("data", {})
    if "text/plain" in data:
        value = data["text/plain"]
        return "".join(value) if isinstance(value, list) else value
    return ""

def earlier_entries(path):
    """The notebooks of an earlier results file that ran (a file in the older one-run layout lends them its run)."""
    if not os.path.exists(path):
        return {}
    earlier = json.load(open(path, encoding="utf-8"))
    shared = {k: earlier[k] for k in ("started_utc", "load_average_before_after", "exit_code") if k in earlier}
    kept = {}
    for stem, entry in earlier.get("notebooks", {}).items():
        if entry.get("status") == "not run":
            continue
        kept[stem] = entry if "run" in entry else {**entry, "run": shared}
    return kept

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--executed", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--exit-code", type=int, required=True)
    p.add_argument("--started", required=True)
    p.add_argument("--load", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--notebooks", nargs="*", default=None, help="the notebooks the run was asked for (default: all)")
    p.add_argument("--course", default="notebooks", help="the folder of the course notebooks (default: notebooks)")
    a = p.parse_args()
    log = open(a.log, encoding="utf-8", errors="replace").read()
    timings = {m.group(1): float(m.group(2)) for m in re.finditer(r"notebooks/([\w.-]+)\.ipynb: \d+ cells ran in ([\d.]+) s", log)}
    run = {"started_utc": a.started, "load_average_before_after": a.load, "exit_code": a.exit_code}
    previous = earlier_entries(a.out)
    notebooks = {}
    for name in sorted(os.listdir(a.course)):
        if not re.match(r"\d\d-.*\.ipynb$", name):
            continue
        stem = name[:-6]
        path = os.path.join(a.executed, name)
        requested = a.notebooks is None or any(os.path.basename(n) == name for n in a.notebooks)
        if not requested and stem in previous:
            notebooks[stem] = previous[stem]
            continue
        if not os.path.exists(path):
            notebooks[stem] = {"status": "not finished: the run ended before this notebook did" if requested else "not run", "run": run}
            continue
        cells = [c for c in json.load(open(path, encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
        errors = [i for i, c in enumerate(cells) if any(o.get("output_type") == "error" for o in c.get("outputs", []))]
        first_error = errors[0] if errors else len(cells)
        failed = bool(errors)
        claims, outputs = [], {}
        for i, cell in enumerate(cells):
            text = "".join(text_of(o) for o in cell.get("outputs", [])).strip()
            if text:
                outputs[cell["id"]] = text if len(text) <= 4000 else text[:4000] + " …"
            if "hide-input" in cell.get("metadata", {}).get("tags", []):
                for m in CLAIM.finditer("".join(cell["source"])):
                    claim = m.group(1).replace('\\"', '"')
                    state = "held" if i < first_error else "not reached" if i > first_error else ("failed" if claim in text else "held")
                    claims.append({"cell": cell["id"], "claim": claim, "state": state})
        notebooks[stem] = {"status": "failed" if failed else "passed", "seconds": timings.get(stem), "run": run, "claims": claims, "outputs": outputs}
    result = {
        "run": "full size (the parameters cells' defaults); each notebook's entry says when it ran",
        "machine": f"{platform.node()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        "notebooks": notebooks,
    }
    with open(a.out, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False, indent=1)
        f.write("\n")

if __name__ == "__main__":
    sys.exit(main())
