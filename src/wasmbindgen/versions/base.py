"""What one wasm-bindgen schema version means for a host, in one value.

Each release's knowledge lives in its own package (``versions/v0_2_83``…) and is gathered in a
``Version``; the pipeline hands each stage its part: the schema to the section decoder, the
grammar and markers to the describe stage, naming, ABI and host rules to the model, the runtime
configuration to the generated glue. Supporting another release is one more package.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..describe import DescriptorGrammar, Markers, Tag
from ..model.abi import AbiRules
from ..model.host import HostRules
from ..model.naming import Naming
from ..runtime.config import RuntimeConfig
from ..schema import Schema


def release_key(release: str) -> tuple[int, ...]:
    """``"0.2.109"`` as ``(0, 2, 109)`` for ordering; anything else sorts first."""
    try:
        return tuple(int(part) for part in release.split("."))
    except ValueError:
        return (0,)


def with_tags(tags: tuple[Tag, ...], after: Tag | None, *new: Tag) -> tuple[Tag, ...]:
    """A release's tag table: ``tags`` with ``new`` inserted after ``after`` (None: at the
    end); wasm-bindgen numbers tags by position, so an insertion renumbers what follows."""
    at = len(tags) if after is None else tags.index(after) + 1
    return (*tags[:at], *new, *tags[at:])


@dataclass(frozen=True)
class Version:
    schema_version: str  # the string in every chunk header, e.g. "0.2.122"
    releases: tuple[str, ...]  # the wasm-bindgen crate releases that carry it
    schema: Schema
    descriptors: DescriptorGrammar
    markers: Markers
    naming: Naming
    abi: AbiRules
    host: HostRules
    runtime: RuntimeConfig
    toolchain: str  # how modules of this schema are built, for messages
    # releases within the schema that differ for a host: (first such release, its Version)
    from_release: tuple[tuple[str, Version], ...] = ()

    def for_release(self, release: str) -> Version:
        """The Version a module of crate ``release`` needs (one schema string may cover
        releases that differ, as 0.2.107 does: its heap moved at 0.2.109)."""
        chosen = self
        for first, version in self.from_release:
            if release_key(release) >= release_key(first):
                chosen = version
        return chosen

    @property
    def release_range(self) -> str:
        first, last = self.releases[0], self.releases[-1]
        return first if first == last else f"{first}-{last}"


def successor(
    previous: Version,
    schema_version: str,
    releases: tuple[str, ...],
    runtime: dict[str, Any] | None = None,
    **changes: Any,
) -> Version:
    """The Version of a newer schema: ``previous`` with its stamp and releases, the fields
    ``changes`` gives, and the runtime settings ``runtime`` changes (the runtime's schema
    version follows the stamp)."""
    config = replace(previous.runtime, schema_version=schema_version, **(runtime or {}))
    return replace(
        previous,
        schema_version=schema_version,
        releases=releases,
        runtime=config,
        from_release=(),
        **changes,
    )
