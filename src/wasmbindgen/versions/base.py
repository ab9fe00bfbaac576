"""What one wasm-bindgen schema version means for a host, in one value.

Each release's knowledge lives in its own package (``versions/v0_2_83``…) and is gathered in a
``Version``; the pipeline hands each stage its part: the schema to the section decoder, the
grammar and markers to the describe stage, naming, ABI and host rules to the model, the runtime
configuration to the generated glue. Supporting another release is one more package.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..describe import DescriptorGrammar, Markers
from ..model.abi import AbiRules
from ..model.host import HostRules
from ..model.naming import Naming
from ..runtime.config import RuntimeConfig
from ..schema import Schema


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

    @property
    def release_range(self) -> str:
        first, last = self.releases[0], self.releases[-1]
        return first if first == last else f"{first}-{last}"
