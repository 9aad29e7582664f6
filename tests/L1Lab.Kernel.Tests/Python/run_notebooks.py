"""Runs notebooks through a Jupyter kernel with nbclient, as CI and a person's front end would.

usage: python3 run_notebooks.py KERNEL_NAME OUT_DIR NOTEBOOK... [--quick] [--set name=value ...]

Each notebook runs in a fresh kernel started in the notebook's own folder (so relative #r paths resolve there).
--set rewrites `var name = literal;` in the cell tagged "parameters", like `l1lab notebooks run --set`; --quick
first applies the quick values that cell declares in its metadata ("l1lab": {"quick": {...}}), like `--quick`.
The executed copies are written to OUT_DIR; a JSON summary of every code cell's outputs goes to stdout.
Exits 1 at the first notebook that fails, with nbclient's message on stderr.
"""
import json
import os
import re
import sys

import nbclient
import nbformat


def apply_parameters(nb, values, quick):
    cells = [c for c in nb.cells if c.cell_type == "code" and "parameters" in c.metadata.get("tags", [])]
    if not cells:
        return
    cell = cells[0]
    chosen = dict(cell.metadata.get("l1lab", {}).get("quick", {})) if quick else {}
    chosen.update(values)
    for name, value in chosen.items():
        cell.source = re.sub(r"(\bvar\s+%s\s*=\s*)[^;]+;" % re.escape(name), lambda m: m.group(1) + value + ";", cell.source)


def main():
    args = sys.argv[1:]
    values = {}
    quick = "--quick" in args
    if quick:
        args.remove("--quick")
    while "--set" in args:
        i = args.index("--set")
        name, value = args[i + 1].split("=", 1)
        values[name] = value
        del args[i:i + 2]
    kernel_name, out_dir, notebooks = args[0], args[1], args[2:]
    summary = []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        apply_parameters(nb, values, quick)
        client = nbclient.NotebookClient(nb, kernel_name=kernel_name, timeout=600,
                                         resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
        try:
            client.execute()
        except Exception as e:  # nbclient's CellExecutionError names the cell and the kernel's traceback
            nbformat.write(nb, os.path.join(out_dir, os.path.basename(path)))
            print(f"{path}: {type(e).__name__}: {e}", file=sys.stderr)
            sys.exit(1)
        nbformat.write(nb, os.path.join(out_dir, os.path.basename(path)))
        summary.append({
            "notebook": path,
            "cells": [{"execution_count": c.execution_count, "outputs": c.outputs} for c in nb.cells if c.cell_type == "code"],
        })
    json.dump(summary, sys.stdout)


if __name__ == "__main__":
    main()
