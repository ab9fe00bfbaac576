"""The placeholder imports of schema "0.2.130": unchanged since "0.2.128" (see there)."""

from ..v0_2_128 import HOST

__all__ = ["HOST"]
