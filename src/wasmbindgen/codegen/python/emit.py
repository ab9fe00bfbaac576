"""Generate the Python glue module for an ``Interface``.

The glue is straight-line code: one function per export that converts its arguments, packs
them into the call buffer, makes one fast call and converts the result; one handler per import
that converts Rust's arguments, finds the Python target at call time and converts the result
back. ``load()`` executes this text in memory; ``build`` writes it to disk.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...model import (
    CallKind,
    Class,
    EnumType,
    ExportFunction,
    ExportKind,
    ImportFunction,
    ImportStatic,
    Interface,
    Kind,
    Param,
    Receiver,
    Signature,
    ValueType,
)
from ...model.abi import needs_retptr, result_layout, wasm_values
from ...model.declared import declared_from
from ...runtime.engine import slot_format
from . import convert
from .names import identifier, signature_hint

INDENT = "    "


def docstring(comments: Iterable[str], indent: str) -> list[str]:
    text = "\n".join(line[1:] if line.startswith(" ") else line for line in comments).strip()
    if not text:
        return []
    text = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    lines = text.splitlines()
    if len(lines) == 1:
        return [f'{indent}"""{lines[0]}"""']
    return [
        f'{indent}"""{lines[0]}',
        *(f"{indent}{ln}" if ln else "" for ln in lines[1:]),
        f'{indent}"""',
    ]


def export_ref(wasm_name: str) -> str:
    return "_wb_x_" + identifier(wasm_name)


class CallEmitter:
    """The body of a Python function that calls one wasm function."""

    def __init__(self, interface: Interface) -> None:
        self.interface = interface

    def body(
        self,
        func: str,
        what: str,
        sig: Signature,
        params: list[tuple[str, ValueType]],
        leading: list[tuple[str, str]],
        indent: str,
        binds_self: bool = False,
        receiver: str = "",
    ) -> list[str]:
        """``params``: (Python variable, type); ``leading``: raw (format, expr) slots first.
        ``binds_self``: a constructor, whose result becomes ``self``'s pointer. ``receiver``:
        the method's ``self`` (an async method keeps it alive while its future runs)."""
        lines = [f"{indent}if _wb_deferred: _wb_flush()"]
        values = list(leading)
        setup: list[str] = []
        after: list[str] = []
        cleanup: list[str] = []
        checked: list[tuple[str, str, str]] = []
        allocs: list[tuple[str, str, int]] = []
        first_alloc_done = 0
        borrows = False
        for i, (name, vt) in enumerate(params):
            lowered = convert.lower_export_arg(name, vt, f"{what} argument '{name}'", f"_wb_a{i}")
            setup += lowered.setup
            values += lowered.values
            after += lowered.after
            checked += lowered.checked
            if lowered.allocs and not allocs:
                first_alloc_done = len(setup)  # setup lines up to the first allocation
            allocs += lowered.allocs
            borrows = borrows or lowered.borrows
        retptr = needs_retptr(sig.ret, sig.fallible)
        if retptr:
            lines.append(f"{indent}_wb_rp = _wb_retptr()")
            values.insert(0, (convert.PTR, "_wb_rp"))
            cleanup.append("_wb_release_retptr(_wb_rp)")
        if borrows:
            lines.append(f"{indent}_wb_mark = _wb_borrow_mark()")
            cleanup.append("_wb_unwind(_wb_mark)")
        inner = indent + INDENT if cleanup else indent
        if cleanup:
            lines.append(f"{indent}try:")
        marshal = list(setup)
        fmt = "<" + "".join(f for f, _ in values)
        args = "".join(f", {expr}" for _, expr in values)
        if checked:
            marshal.append("try:")
            marshal.append(f"{INDENT}_wb_pack({fmt!r}, _wb_buf, 0{args})")
            marshal.append("except _wb_StructError:")
            detail = ", ".join(f"({n!r}, {f!r}, {e})" for n, f, e in checked)
            marshal.append(f"{INDENT}raise _wb_arg_error({what!r}, ({detail},)) from None")
        elif values:
            marshal.append(f"_wb_pack({fmt!r}, _wb_buf, 0{args})")
        if allocs and (len(setup) > first_alloc_done or checked):
            # a later argument can still fail: free what the earlier ones allocated
            lines.append(inner + " = ".join([v for p, n, _ in allocs for v in (p, n)] + ["0"]))
            lines.append(f"{inner}try:")
            lines += [inner + INDENT + line for line in marshal]
            lines.append(f"{inner}except BaseException:")
            triples = ", ".join(f"({p}, {n}, {size})" for p, n, size in allocs)
            lines.append(f"{inner}{INDENT}_wb_free_args({triples})")
            lines.append(f"{inner}{INDENT}raise")
        else:
            lines += [inner + line for line in marshal]
        lines.append(f"{inner}_wb_invoke({func}, {len(values)})")
        keep = [receiver] if receiver else []
        lines += self.read_result(sig, inner, retptr, binds_self, keep + [n for n, _ in params])
        lines += [inner + line for line in after]
        lines.append(f"{inner}return None" if binds_self else f"{inner}return _wb_r")
        if cleanup:
            lines.append(f"{indent}finally:")
            lines += [indent + INDENT + line for line in reversed(cleanup)]
        return lines

    def read_result(
        self,
        sig: Signature,
        indent: str,
        retptr: bool,
        binds_self: bool = False,
        keep: list[str] | None = None,
    ) -> list[str]:
        ret = sig.ret
        kinds = wasm_values(ret)
        lines = []
        if retptr:
            offsets, is_err = result_layout(ret, sig.fallible)
            fields = list(zip(offsets, kinds, strict=False))
            if is_err is not None:
                fields += [(is_err - 4, "u32"), (is_err, "u32")]
            fmt, pos = "<", 0
            for offset, kind in fields:
                fmt += f"{offset - pos}x" if offset > pos else ""
                fmt += convert.LETTER[kind]
                pos = offset + (8 if kind in ("i64", "u64", "f64") else 4)
            names = [f"_wb_v{i}" for i in range(len(kinds))]
            if is_err is not None:
                names += ["_wb_err", "_wb_is_err"]
            target = ", ".join(names) + ("," if len(names) == 1 else "")
            lines.append(
                f"{indent}{target} = _wb_unpack({fmt!r}, _wb_view(_wb_rp + {pos}), _wb_rp)"
            )
            if is_err is not None:
                lines.append(f"{indent}if _wb_is_err: _wb_take_error(_wb_err)")
            raw = names[: len(kinds)]
        elif kinds:
            lines.append(
                f"{indent}_wb_v0 = _wb_unpack({'<' + convert.LETTER[kinds[0]]!r}, _wb_buf)[0]"
            )
            raw = ["_wb_v0"]
        else:
            raw = []
        if binds_self:  # the new object's pointer, not a second wrapper around it
            return [*lines, f"{indent}self._ptr = {raw[0]}"]
        setup, expr = convert.lift_result(ret, raw, self.interface)
        lines += [indent + line for line in setup]
        lines.append(f"{indent}_wb_r = {expr}")
        if sig.is_async:  # the arguments live until the future settles: Rust may borrow them
            lines.append(
                f"{indent}_wb_r = _wb_async_result(_wb_r{''.join(', ' + k for k in keep or ())})"
            )
        return lines


class ModuleEmitter:
    def __init__(self, interface: Interface, wasm_file: str) -> None:
        self.interface = interface
        self.wasm_file = wasm_file
        self.calls = CallEmitter(interface)
        self.lines: list[str] = []
        self.exported_names: list[str] = []
        self.export_refs: set[str] = set()

    def emit(self) -> str:
        iface = self.interface
        self.lines += [
            f'"""Python bindings for the Rust crate {iface.crate!r}.',
            "",
            f"Generated by wasmbindgen from {self.wasm_file}; do not edit.",
            '"""',
            "# ruff: noqa",
            "# mypy: ignore-errors",
            "from __future__ import annotations",
            "",
            "import enum as _wb_enum",
            "from typing import Any",
            "",
            "from wasmbindgen.runtime import glue as _wb_glue",
            "",
            f"_wb_rt = _wb_glue.runtime_for(globals(), {self.wasm_file!r})",
            "_wb_host = _wb_glue.HostFunction",
            "",
        ]
        for enum in iface.enums:
            self.emit_enum(enum)
        for cls in iface.classes:
            self.emit_class(cls)
        for fn in iface.functions:
            self.emit_free_function(fn)
        handlers = self.emit_imports()
        self.lines.append("")
        self.lines.append("_wb_rt.instantiate({")
        self.lines += [f"    {shim!r}: {entry}," for shim, entry in sorted(handlers.items())]
        self.lines.append("})")
        self.lines.append("_wb_glue.bind_helpers(globals(), _wb_rt)")
        for cls in iface.classes:
            name = identifier(cls.js_name)
            self.lines.append(f"{name}._runtime = _wb_rt")
            self.lines.append(f"{name}._free_export = {cls.free!r}")
        for ref_name, wasm_name in sorted(self.refs.items()):
            self.lines.append(f"{ref_name} = _wb_rt.export({wasm_name!r})")
        if iface.start:
            self.lines.append(f"_wb_rt.start({iface.start!r})")
        self.lines.append("")
        names = sorted(set(self.exported_names))
        self.lines.append("__all__ = [" + ", ".join(repr(n) for n in names) + "]")
        return "\n".join(self.lines) + "\n"

    @property
    def refs(self) -> dict[str, str]:
        return {export_ref(name): name for name in self.export_refs}

    def ref(self, wasm_name: str) -> str:
        self.export_refs.add(wasm_name)
        return export_ref(wasm_name)

    # -- exports ------------------------------------------------------------------------------

    def emit_enum(self, enum: EnumType) -> None:
        name = identifier(enum.js_name)
        self.exported_names.append(name)
        self.lines.append(f"class {name}(_wb_enum.IntEnum):")
        self.lines += docstring(enum.comments, INDENT)
        for variant, value in enum.variants:
            self.lines.append(f"{INDENT}{identifier(variant)} = {value}")
        self.lines += ["", ""]

    def function_lines(
        self,
        fn: ExportFunction,
        py_name: str,
        indent: str,
        what: str,
        first: str = "",
        leading: list[tuple[str, str]] | None = None,
        binds_self: bool = False,
    ) -> list[str]:
        sig = fn.signature
        params = list(sig.params)
        returns = "None" if binds_self else None
        head = (
            f"{indent}def {py_name}{signature_hint(self.interface, params, sig, first, returns)}:"
        )
        body = docstring(fn.comments, indent + INDENT)
        body += self.calls.body(
            self.ref(fn.wasm_name),
            what,
            sig,
            [(identifier(p.name), p.type) for p in params],
            leading or [],
            indent + INDENT,
            binds_self,
            "self" if leading else "",
        )
        return [head, *body]

    def emit_free_function(self, fn: ExportFunction) -> None:
        name = identifier(fn.js_name)
        self.exported_names.append(name)
        self.lines += self.function_lines(fn, name, "", f"{fn.js_name}()")
        self.lines += ["", ""]

    def emit_class(self, cls: Class) -> None:
        name = identifier(cls.js_name)
        self.exported_names.append(name)
        self.lines.append(f"class {name}(_wb_glue.RustObject):")
        self.lines += docstring(cls.comments, INDENT)
        self.lines.append(f"{INDENT}__slots__ = ()")
        self.lines.append("")
        receiver_slots = {
            Receiver.BORROWED: [(convert.PTR, "self._live_ptr()")],
            Receiver.CONSUMED: [(convert.PTR, "self._take_ptr()")],
            Receiver.NONE: [],
        }
        properties: dict[str, dict[str, list[str]]] = {}
        for fn in cls.methods:
            what = f"{cls.js_name}.{fn.js_name}()"
            leading = receiver_slots[fn.receiver]
            if fn.kind is ExportKind.CONSTRUCTOR:
                lines = self.function_lines(fn, "__init__", INDENT, what, "self", binds_self=True)
                self.lines += [*lines, ""]
            elif fn.kind is ExportKind.STATIC_METHOD:
                self.lines.append(f"{INDENT}@staticmethod")
                self.lines += self.function_lines(fn, identifier(fn.js_name), INDENT, what)
                self.lines.append("")
            elif fn.kind in (ExportKind.GETTER, ExportKind.SETTER):
                accessor = "getter" if fn.kind is ExportKind.GETTER else "setter"
                properties.setdefault(fn.property, {})[accessor] = self.function_lines(
                    fn,
                    identifier(fn.property),
                    INDENT,
                    what,
                    "self",
                    leading,
                )
            else:
                self.lines += self.function_lines(
                    fn, identifier(fn.js_name), INDENT, what, "self", leading
                )
                self.lines.append("")
        for fld in cls.fields:
            getter = ExportFunction(
                fld.js_name,
                fld.getter,
                ExportKind.GETTER,
                Signature((), fld.type),
                Receiver.BORROWED,
                fld.js_name,
                fld.comments,
            )
            accessors = properties.setdefault(fld.js_name, {})
            accessors["getter"] = self.function_lines(
                getter,
                identifier(fld.js_name),
                INDENT,
                f"{cls.js_name}.{fld.js_name}",
                "self",
                receiver_slots[Receiver.BORROWED],
            )
            if fld.setter:
                setter = ExportFunction(
                    fld.js_name,
                    fld.setter,
                    ExportKind.SETTER,
                    Signature((Param("value", fld.type),), ValueType(Kind.UNIT)),
                    Receiver.BORROWED,
                    fld.js_name,
                )
                accessors["setter"] = self.function_lines(
                    setter,
                    identifier(fld.js_name),
                    INDENT,
                    f"{cls.js_name}.{fld.js_name}",
                    "self",
                    receiver_slots[Receiver.BORROWED],
                )
        for prop, accessors in sorted(properties.items()):
            py = identifier(prop)
            if "getter" in accessors:
                self.lines.append(f"{INDENT}@property")
                self.lines += accessors["getter"] + [""]
            if "setter" in accessors:
                if "getter" in accessors:
                    self.lines.append(f"{INDENT}@{py}.setter")
                    self.lines += accessors["setter"] + [""]
                else:
                    self.lines += [
                        ln.replace(f"def {py}(", f"def _wb_set_{py}(", 1)
                        for ln in accessors["setter"]
                    ]
                    self.lines.append(f"{INDENT}{py} = property(None, _wb_set_{py})")
                    self.lines.append("")
        self.lines.append("")

    # -- imports ------------------------------------------------------------------------------

    def emit_imports(self) -> dict[str, str]:
        handlers: dict[str, str] = {}
        for imp in self.interface.imports:
            handlers[imp.shim] = self.emit_import_function(imp)
        for static in self.interface.statics:
            handlers[static.shim] = self.emit_static(static)
        for inst in self.interface.instanceofs:
            fn = f"_wb_i_{identifier(inst.shim)}"
            root = inst.root
            self.lines += [
                f"def {fn}(a0):",
                f"{INDENT}try:",
                f"{INDENT}{INDENT}return 1 if _wb_instanceof(_wb_get(a0), _wb_rt.lookup_class("
                f"{root.module!r}, {root.module_kind!r}, {root.namespace!r}, "
                f"{inst.class_name!r}, {inst.prefixes!r}, {inst.shim!r})) else 0",
                f"{INDENT}except Exception:",
                f"{INDENT}{INDENT}return 0",
                "",
            ]
            handlers[inst.shim] = f"_wb_host({fn}, '<I12x', '<I')"
        for shim, cls in sorted(self.interface.struct_wrappers.items()):
            fn = f"_wb_i_{identifier(shim)}"
            self.lines += [
                f"def {fn}(a0):",
                f"{INDENT}return _wb_add({identifier(cls)}._wrap(a0))",
                "",
            ]
            handlers[shim] = f"_wb_host({fn}, '<I12x', '<I')"
        return handlers

    def result_format(self, vt: ValueType, retptr: bool) -> str:
        if retptr:
            return ""
        kinds = wasm_values(vt)
        return ("<" + convert.LETTER[kinds[0]]) if kinds else ""

    def emit_static(self, static: ImportStatic) -> str:
        fn = f"_wb_i_{identifier(static.shim)}"
        root = static.root
        params = ["rp"] if static.retptr else []
        lookup = (
            f"_wb_rt.lookup({root.module!r}, {root.module_kind!r}, {root.namespace!r}, "
            f"{static.name!r}, {static.shim!r})"
        )
        self.lines.append(f"def {fn}({', '.join(params)}):")
        self.lines.append(f"{INDENT}_wb_r = {lookup}")
        self.lines += [
            INDENT + ln
            for ln in convert.lower_import_result(
                static.type, "_wb_r", "rp" if static.retptr else None, static.name
            )
        ]
        self.lines.append("")
        fmt = slot_format(["u32"] if static.retptr else [])
        return f"_wb_host({fn}, {fmt!r}, {self.result_format(static.type, static.retptr)!r})"

    def emit_import_function(self, imp: ImportFunction) -> str:
        fn = f"_wb_i_{identifier(imp.shim)}"
        sig = imp.signature
        raw_params: list[str] = ["rp"] if imp.retptr else []
        kinds: list[str] = ["u32"] if imp.retptr else []
        setup: list[str] = []
        args: list[str] = []
        post: list[str] = []
        closures: list[str] = []
        what = f"import {imp.name!r}"
        for i, param in enumerate(sig.params):
            raw_kinds = wasm_values(param.type)
            raw = [f"a{i}_{j}" for j in range(len(raw_kinds))]
            raw_params += raw
            kinds += raw_kinds
            tmp = f"_wb_p{i}"
            if param.type.kind is Kind.STACK_CLOSURE:
                factory = f"_wb_sc_{identifier(imp.shim)}_{i}"
                closures += self.stack_closure_factory(factory, param.type, imp)
                lines, expr, after = (
                    [f"{tmp} = {factory}({raw[0]}, {raw[1]})"],
                    tmp,
                    [f"{tmp}._wb_invalidate()"],
                )
            else:
                lines, expr, after = convert.lift_import_arg(param.type, raw, self.interface, tmp)
            setup += lines
            args.append(expr)
            post += after
        call = self.call_expression(imp, args)
        ret_lines = convert.lower_import_result(
            sig.ret, "_wb_r", "rp" if imp.retptr else None, what
        )
        self.lines += closures
        self.lines.append(f"def {fn}({', '.join(raw_params)}):")
        body = [*setup]
        if post:
            body.append("try:")
            body.append(f"{INDENT}_wb_r = {call}")
            body.append("finally:")
            body += [INDENT + ln for ln in post]
        else:
            body.append(f"_wb_r = {call}")
        body += ret_lines
        if imp.catch:
            self.lines.append(f"{INDENT}try:")
            self.lines += [INDENT * 2 + ln for ln in body]
            self.lines.append(f"{INDENT}except Exception as _wb_e:")
            self.lines.append(f"{INDENT}{INDENT}return _wb_rt.catch(_wb_e)")
        else:
            self.lines += [INDENT + ln for ln in body]
        self.lines.append("")
        params_fmt = slot_format(kinds)
        result = self.result_format(sig.ret, imp.retptr)
        label = declared_from(imp, "").js_path
        return f"_wb_host({fn}, {params_fmt!r}, {result!r}, {label!r})"

    def call_expression(self, imp: ImportFunction, args: list[str]) -> str:
        root = imp.root
        loc = f"{root.module!r}, {root.module_kind!r}, {root.namespace!r}"
        what = repr(f"import {imp.shim}")
        cls = f"_wb_rt.lookup_class({loc}, {imp.class_name!r}, {imp.class_prefixes!r}, {what})"
        rest = args[1:]
        if imp.variadic and args:
            spread = ", ".join([*args[:-1], f"*{args[-1]}"])
            rest_spread = ", ".join([*rest[:-1], f"*{rest[-1]}"]) if rest else ""
        else:
            spread, rest_spread = ", ".join(args), ", ".join(rest)
        name = repr(imp.name)
        call = imp.call
        if call is CallKind.FUNCTION:
            return f"_wb_rt.lookup({loc}, {name}, {what})({spread})"
        if call is CallKind.CONSTRUCTOR:
            return f"{cls}({spread})"
        if call is CallKind.METHOD:
            if imp.structural:
                return f"_wb_method({args[0]}, {name})({rest_spread})"
            return f"_wb_method({cls}, {name})({args[0]}{', ' if rest else ''}{rest_spread})"
        if call is CallKind.STATIC_METHOD:
            return f"_wb_method({cls}, {name})({spread})"
        if call is CallKind.GETTER:
            return f"_wb_get_property({args[0]}, {name})"
        if call is CallKind.SETTER:
            return f"_wb_set_property({args[0]}, {name}, {args[1]})"
        if call is CallKind.STATIC_GETTER:
            return f"_wb_get_property({cls}, {name})"
        if call is CallKind.STATIC_SETTER:
            return f"_wb_set_property({cls}, {name}, {args[0]})"
        target, index_args = (
            (args[0], args[1:]) if not call.value.startswith("static") else (cls, args)
        )
        if call in (CallKind.INDEXING_GETTER, CallKind.STATIC_INDEXING_GETTER):
            return f"_wb_index_get({target}, {index_args[0]})"
        if call in (CallKind.INDEXING_SETTER, CallKind.STATIC_INDEXING_SETTER):
            return f"_wb_index_set({target}, {index_args[0]}, {index_args[1]})"
        return f"_wb_index_delete({target}, {index_args[0]})"

    def stack_closure_factory(self, factory: str, vt: ValueType, imp: ImportFunction) -> list[str]:
        """A factory turning a stack closure's (a, b) into a Python callable."""
        sig = vt.closure
        assert sig is not None
        params = [(f"arg{i}", p.type) for i, p in enumerate(sig.params)]
        what = f"closure passed to {imp.name}"
        lines = [
            f"def {factory}(a, b):",
            f"{INDENT}_wb_state = _wb_StackClosure({sig.shim_idx}, a, b, {sig.mutable}, {what!r})",
            # extra arguments are ignored, as a JS function ignores them (forEach passes 3)
            f"{INDENT}def _wb_closure({''.join(p + ', ' for p, _ in params)}*_wb_extra):",
            f"{INDENT}{INDENT}_wb_a, _wb_b, _wb_f = _wb_state.enter()",
            f"{INDENT}{INDENT}try:",
        ]
        body = self.calls.body(
            "_wb_f", what, sig, params, [(convert.PTR, "_wb_a"), (convert.PTR, "_wb_b")], INDENT * 3
        )
        lines += body
        lines += [
            f"{INDENT}{INDENT}finally:",
            f"{INDENT * 3}_wb_state.leave(_wb_a)",
            f"{INDENT}_wb_closure._wb_invalidate = _wb_state.invalidate",
            f"{INDENT}return _wb_closure",
            "",
        ]
        return lines


def closure_adapter_source(sig: Signature, what: str) -> str:
    """``_wb_closure_call(func, a, b, *args)``: one call of a heap closure of this type."""
    params = [(f"arg{i}", p.type) for i, p in enumerate(sig.params)]
    head = ", ".join(["_wb_f", "_wb_a", "_wb_b", *(name for name, _ in params)])
    empty = Interface(source="", crate="")
    body = CallEmitter(empty).body(
        "_wb_f", what, sig, params, [(convert.PTR, "_wb_a"), (convert.PTR, "_wb_b")], INDENT
    )
    return "\n".join([f"def _wb_closure_call({head}):", *body]) + "\n"


def generate_glue(interface: Interface, wasm_file: str) -> str:
    """The glue module's source for ``interface``; ``wasm_file`` is the module's file name."""
    return ModuleEmitter(interface, wasm_file).emit()
