"""``js_namespace`` exports: ``module.geo.area`` for ``#[wasm_bindgen(js_namespace = geo)]``.

Namespaced items are defined in the glue under internal names and gathered into nested
namespace objects, the way the JS glue nests them.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...model import Interface
from .names import identifier

Tree = dict[str, "Tree | str"]  # attribute -> nested namespace, or the glue name of an item


def function_name(namespace: tuple[str, ...], js_name: str) -> str:
    """The glue's own name for a function: namespaced ones get an internal name."""
    if not namespace:
        return identifier(js_name)
    return "_wb_ns_" + "__".join(identifier(part) for part in (*namespace, js_name))


def tree(interface: Interface) -> Tree:
    """Every namespaced function and class, by namespace path."""
    root: Tree = {}
    entries: Iterable[tuple[tuple[str, ...], str, str]] = [
        *((fn.namespace, fn.js_name, function_name(fn.namespace, fn.js_name))
          for fn in interface.functions if fn.namespace),
        *((cls.namespace, cls.js_name, identifier(cls.py_name))
          for cls in interface.classes if cls.namespace),
    ]  # fmt: skip
    for namespace, name, glue_name in entries:
        node = root
        for part in namespace:
            child = node.setdefault(part, {})
            assert isinstance(child, dict), f"{part} is both an item and a namespace"
            node = child
        node[name] = glue_name
    return root


def glue_lines(root: Tree) -> list[str]:
    """``geo = _wb_glue.Namespace(area=..., solid=_wb_glue.Namespace(...))`` per top name."""

    def render(node: Tree) -> str:
        items = ", ".join(
            f"{identifier(k)}={v if isinstance(v, str) else render(v)}"
            for k, v in sorted(node.items())
        )
        return f"_wb_glue.Namespace({items})"

    return [
        f"{identifier(name)} = {render(node) if isinstance(node, dict) else node}"
        for name, node in sorted(root.items())
    ]


def stub_lines(root: Tree, functions: dict[str, list[str]], indent: str = "") -> list[str]:
    """Nested classes typing the namespaces: functions as static methods (``functions`` maps
    each glue name to its stub's lines), classes as aliases."""
    lines: list[str] = []
    for name, node in sorted(root.items()):
        if isinstance(node, dict):
            lines.append(f"{indent}class {identifier(name)}:")
            lines += stub_lines(node, functions, indent + "    ")
        elif node in functions:
            lines.append(f"{indent}@staticmethod")
            lines += [indent + ln for ln in functions[node]]
        else:
            lines.append(f"{indent}{identifier(name)} = {node}")
    return lines
