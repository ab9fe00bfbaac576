"""Every supported wasm-bindgen schema version, and the choice of one for a module.

A module's custom-section chunks name their schema version; that string (not the crate
version) picks the ``Version`` whose knowledge every stage uses.
"""

from __future__ import annotations

from ..errors import BindgenError
from ..schema import Chunk
from . import (
    v0_2_83,
    v0_2_84,
    v0_2_85,
    v0_2_87,
    v0_2_88,
    v0_2_92,
    v0_2_93,
    v0_2_94,
    v0_2_95,
    v0_2_96,
    v0_2_98,
    v0_2_100,
    v0_2_101,
    v0_2_102,
    v0_2_105,
    v0_2_106,
    v0_2_107,
    v0_2_114,
    v0_2_115,
    v0_2_118,
    v0_2_119,
    v0_2_121,
    v0_2_122,
    v0_2_128,
    v0_2_130,
)
from .base import Version, release_key

_MODULES = (
    v0_2_83, v0_2_84, v0_2_85, v0_2_87, v0_2_88, v0_2_92, v0_2_93, v0_2_94, v0_2_95, v0_2_96,
    v0_2_98, v0_2_100, v0_2_101, v0_2_102, v0_2_105, v0_2_106, v0_2_107, v0_2_114, v0_2_115,
    v0_2_118, v0_2_119, v0_2_121, v0_2_122, v0_2_128, v0_2_130,
)  # fmt: skip
VERSIONS: dict[str, Version] = {m.VERSION.schema_version: m.VERSION for m in _MODULES}

# Schema strings of releases this host does not read yet, with the crates that carry them.
KNOWN_RELEASES: dict[str, str] = {
    "0.2.84": "0.2.84",
    "0.2.85": "0.2.85-0.2.86",
    "0.2.87": "0.2.87",
    "0.2.88": "0.2.88-0.2.91",
    "0.2.92": "0.2.92",
    "0.2.93": "0.2.93",
    "0.2.94": "0.2.94",
    "0.2.95": "0.2.95",
    "0.2.96": "0.2.96-0.2.98",
    "0.2.98": "0.2.99",
    "0.2.100": "0.2.100",
    "0.2.101": "0.2.101",
    "0.2.102": "0.2.102-0.2.104",
    "0.2.105": "0.2.105",
    "0.2.106": "0.2.106",
    "0.2.107": "0.2.107-0.2.113",
    "0.2.114": "0.2.114",
    "0.2.115": "0.2.115-0.2.117",
    "0.2.118": "0.2.118",
    "0.2.119": "0.2.120",
    "0.2.121": "0.2.121",
    "0.2.122": "0.2.122-0.2.127",
    "0.2.128": "0.2.128-0.2.129",
    "0.2.130": "0.2.130",
}


def supported() -> str:
    return ", ".join(
        f"{v.schema_version} (wasm-bindgen {v.release_range})"
        for v in sorted(VERSIONS.values(), key=lambda v: release_key(v.schema_version))
    )


def newest() -> Version:
    return max(VERSIONS.values(), key=lambda v: release_key(v.schema_version))


def select_version(chunks: list[Chunk], source: str) -> Version:
    """The ``Version`` of a module's chunks; every chunk must name the same schema."""
    schemas = sorted({c.schema_version for c in chunks}, key=release_key)
    if len(schemas) > 1:
        crates = {
            s: sorted({c.crate_version for c in chunks if c.schema_version == s}) for s in schemas
        }
        found = " and ".join(f"{s} (from wasm-bindgen {', '.join(crates[s])})" for s in schemas)
        raise BindgenError(
            f"{source}: the module links crates built with two wasm-bindgen schemas, {found}: two "
            "wasm-bindgen releases in one module cannot share its heap and intrinsics. Fix: make "
            "every crate depend on one release (`cargo tree -i wasm-bindgen`, then `cargo update "
            "-p wasm-bindgen --precise <release>`)"
        )
    schema = schemas[0]
    version = VERSIONS.get(schema)
    if version is not None:
        return version.for_release(chunks[0].release)
    crate = chunks[0].crate_version
    carried = KNOWN_RELEASES.get(schema)
    what = f"wasm-bindgen {carried}" if carried else f"wasm-bindgen {crate}"
    newer = release_key(schema) > release_key(newest().schema_version)
    if newer:
        advice = (
            f"this schema is newer than any this wasmbindgen knows (the newest is "
            f"{newest().schema_version}); upgrade wasmbindgen (`pip install -U wasmbindgen`), or "
            f'pin `wasm-bindgen = "={newest().releases[-1]}"` in Cargo.toml and rebuild'
        )
    else:
        advice = (
            f'pin a supported release, e.g. `wasm-bindgen = "={newest().releases[-1]}"` in '
            f"Cargo.toml (`cargo update -p wasm-bindgen --precise {newest().releases[-1]}`), and "
            "rebuild"
        )
    raise BindgenError(
        f"{source}: built with wasm-bindgen {crate}, whose schema {schema} (carried by {what}) "
        f"this wasmbindgen does not read; it reads schema {supported()}. Fix: {advice}"
    )


__all__ = ["KNOWN_RELEASES", "VERSIONS", "Version", "newest", "select_version", "supported"]
