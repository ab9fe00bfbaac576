"""Every supported wasm-bindgen schema version, and the choice of one for a module.

A module's custom-section chunks name their schema version; that string (not the crate
version) picks the ``Version`` whose knowledge every stage uses.
"""

from __future__ import annotations

from ..errors import BindgenError
from ..schema import Chunk
from .base import Version
from .v0_2_83 import VERSION as V0_2_83
from .v0_2_122 import VERSION as V0_2_122
from .v0_2_130 import VERSION as V0_2_130

VERSIONS: dict[str, Version] = {v.schema_version: v for v in (V0_2_83, V0_2_122, V0_2_130)}

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
    "0.2.119": "0.2.119-0.2.120",
    "0.2.121": "0.2.121",
    "0.2.122": "0.2.122-0.2.127",
    "0.2.128": "0.2.128-0.2.129",
    "0.2.130": "0.2.130",
}


def _key(version: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return (0,)


def supported() -> str:
    return ", ".join(
        f"{v.schema_version} (wasm-bindgen {v.release_range})"
        for v in sorted(VERSIONS.values(), key=lambda v: _key(v.schema_version))
    )


def newest() -> Version:
    return max(VERSIONS.values(), key=lambda v: _key(v.schema_version))


def select_version(chunks: list[Chunk], source: str) -> Version:
    """The ``Version`` of a module's chunks; every chunk must name the same schema."""
    schemas = sorted({c.schema_version for c in chunks}, key=_key)
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
        return version
    crate = chunks[0].crate_version
    carried = KNOWN_RELEASES.get(schema)
    what = f"wasm-bindgen {carried}" if carried else f"wasm-bindgen {crate}"
    newer = _key(schema) > _key(newest().schema_version)
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
