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
    imports = commands.add_parser(
        "imports",
        help="list the imports a module uses and where each resolves",
        description="List every import the module really uses with where it resolves in the "
        "default global scope (else what globals=/modules= must provide); for modules linking "
        "js-sys, the share of js-sys's bindings the default scope implements.",
    )
    imports.add_argument("wasm", help="the .wasm cargo built for wasm32-unknown-unknown")
    imports.add_argument(
        "--missing", action="store_true", help="also list the js-sys bindings not implemented"
    )
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            from .pipeline import build as build_package

            changed = build_package(args.wasm, args.out_dir)
            print(f"wrote {args.out_dir} ({len(changed)} file(s) changed)")
        elif args.command == "imports":
            from .imports_report import report

            print(report(args.wasm, show_missing=args.missing))
    except BindgenError as exc:
        print(f"wasmbindgen: error: {exc}", file=sys.stderr)
        return 1
    return 0
