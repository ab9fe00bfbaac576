"""``python -m wasmbindgen``: build a package from a module, or list what a module needs."""

from __future__ import annotations

import argparse
import sys

from .errors import BindgenError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="wasmbindgen",
        description="Use Rust crates written with #[wasm_bindgen] from Python.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser(
        "build",
        help="write an importable, typed Python package for a .wasm module",
        description="Write DIR/__init__.py (glue), __init__.pyi (stubs), py.typed and the "
        "module. The package is imported by DIR's folder name.",
    )
    build.add_argument("wasm", help="the .wasm cargo built for wasm32-unknown-unknown")
    build.add_argument("--out-dir", required=True, metavar="DIR", help="the package folder")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            from .pipeline import build as build_package

            changed = build_package(args.wasm, args.out_dir)
            print(f"wrote {args.out_dir} ({len(changed)} file(s) changed)")
    except BindgenError as exc:
        print(f"wasmbindgen: error: {exc}", file=sys.stderr)
        return 1
    return 0
