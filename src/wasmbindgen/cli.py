"""``python -m wasmbindgen``: build a package from a module, or list what a module needs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import BindgenError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="wasmbindgen",
        description="Use Rust crates written with #[wasm_bindgen] from Python.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser(
        "build",
        help="write an importable, typed Python package (and a wheel) for a crate or a .wasm",
        description="Write DIR/__init__.py (glue), __init__.pyi (stubs), py.typed and the "
        "module; the package is imported by DIR's folder name. Given a Cargo project, first "
        "run cargo build --release --target wasm32-unknown-unknown (the toolchain: "
        "$WASMBINDGEN_CARGO, else cargo on PATH, else /opt/wasmbindgen/rust-1.96).",
    )
    build.add_argument("source", help="a crate folder (or its Cargo.toml), or a .wasm cargo built")
    build.add_argument(
        "--out-dir",
        metavar="DIR",
        help="the package folder (required for a .wasm; for a crate: CRATE/pkg/<name>)",
    )
    build.add_argument(
        "--wheel",
        action="store_true",
        help="also write a py3-none-any wheel (crates only: its metadata is Cargo.toml's)",
    )
    build.add_argument(
        "--wheel-dir", metavar="DIR", help="where the wheel goes (default: CRATE/pkg)"
    )
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
    info = commands.add_parser(
        "info",
        help="say what a module is and whether this host can run it",
        description="Print the module's wasm-bindgen schema and the releases that carry it, "
        "the crate, its target features, its exports and imports in brief, and whether "
        "wasmbindgen can run it (if not, why and the fix). Exits 1 when it cannot.",
    )
    info.add_argument("wasm", help="a .wasm module")
    fuzz = commands.add_parser(
        "fuzz",
        help="load mutated copies of a module: only BindgenError may come out",
        description="Load COUNT mutated and truncated copies of the module (bit flips, "
        "truncation, damaged wasm-bindgen sections and describe code) and report the outcomes; "
        "anything but a BindgenError is listed (and makes the exit status 1).",
    )
    fuzz.add_argument("wasm", help="a .wasm module built with wasm-bindgen")
    fuzz.add_argument("--count", type=int, default=1000, help="mutants to load (default 1000)")
    fuzz.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            _build(args)
        elif args.command == "info":
            from .info import inspect
            from .info import report as info_report

            print(info_report(args.wasm))
            return 0 if inspect(args.wasm).runs else 1
        elif args.command == "fuzz":
            from .fuzz import fuzz as run_fuzz
            from .fuzz import render
            from .pipeline import read_source

            data, _ = read_source(args.wasm)
            outcome = run_fuzz(data, args.count, args.seed)
            print(render(outcome))
            return 1 if outcome.other else 0
        elif args.command == "imports":
            from .imports_report import report

            print(report(args.wasm, show_missing=args.missing))
    except BindgenError as exc:
        print(f"wasmbindgen: error: {exc}", file=sys.stderr)
        return 1
    return 0


def _build(args: argparse.Namespace) -> None:
    source = Path(args.source)
    if source.is_dir() or source.name == "Cargo.toml":
        from .packaging.cargo import manifest_of
        from .packaging.project import build_project

        crate_dir = manifest_of(source).parent
        wheel_dir = Path(args.wheel_dir) if args.wheel_dir else crate_dir / "pkg"
        done = build_project(
            source,
            Path(args.out_dir) if args.out_dir else None,
            wheel_dir if args.wheel else None,
        )
        print(f"built {done.wasm}")
        print(f"wrote {done.package_dir}")
        if done.wheel is not None:
            print(f"wrote {done.wheel}")
        return
    if args.wheel:
        raise BindgenError(
            f"{source}: --wheel needs the crate (its Cargo.toml gives the wheel's name, version "
            "and license); pass the crate's folder instead of the .wasm"
        )
    if not args.out_dir:
        raise BindgenError(f"{source}: a .wasm needs --out-dir DIR (the package folder)")
    from .pipeline import build as build_package

    changed = build_package(source, args.out_dir)
    print(f"wrote {args.out_dir} ({len(changed)} file(s) changed)")
