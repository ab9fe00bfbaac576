"""Import handlers: the Python functions wasm calls.

Each converts Rust's raw arguments, finds its Python target (at call time, as JS does; the
runtime's own functions once, at load) and converts the result back. Casts are handlers too:
their arguments come straight from the rewritten cast function, through a table slot.
"""

from __future__ import annotations

from ...model import (
    Cast,
    ImportFunction,
    ImportStatic,
    Interface,
    Kind,
    RawFunction,
    Ref,
    StructHandle,
    ValueType,
)
from ...model.abi import ret_layout
from ...model.declared import declared_from
from ...runtime.hostcall import slot_format
from . import convert
from .calls import INDENT, CallEmitter
from .names import identifier


def handler_name(shim: str) -> str:
    return f"_wb_i_{identifier(shim)}"


def raw_import_key(module: str, name: str) -> str:
    """How the glue's import table names a plain wasm import (``env::foo``)."""
    return f"{module}::{name}"


def host_entry(
    fn: str, kinds: list[str] | tuple[str, ...], result: str, label: str = "", special: str = ""
) -> str:
    args = f"{fn}, {slot_format(list(kinds))!r}, {result!r}"
    if special:
        return f"_wb_host({args}, {label!r}, {special!r})"
    return f"_wb_host({args}, {label!r})" if label else f"_wb_host({args})"


JS_CALL = "Function.prototype.call"


def special_shape(imp: ImportFunction, label: str) -> str:
    """``HostFunction.special`` for an import the compiled boundary can run itself: js-sys's
    ``Function::call0..``, all ``&JsValue`` in and a ``JsValue`` out."""
    sig = imp.signature
    if imp.intrinsic or label != JS_CALL or sig.retptr is not None or len(sig.params) < 2:
        return ""
    ret = sig.ret
    if ret.kind is not Kind.JSVALUE or ret.ref is not Ref.OWNED or ret.optional:
        return ""
    for param in sig.params:
        vt = param.type
        if vt.kind is not Kind.JSVALUE or vt.ref is not Ref.SHARED or vt.optional:
            return ""
    return "js_call_catch" if imp.catch else "js_call"


def result_format(vt: ValueType, retptr: bool) -> str:
    if retptr or not vt.abi.wasm:
        return ""
    return "<" + convert.LETTER[vt.abi.wasm[0]]


class ImportEmitter:
    """Emits the handler functions into ``lines`` and returns their host-table entries."""

    def __init__(self, interface: Interface, lines: list[str]) -> None:
        self.interface = interface
        self.lines = lines
        self.calls = CallEmitter(interface)
        self.bound: dict[str, str] = {}  # module-level name -> expression, bound at load

    def emit(self) -> dict[str, str]:
        iface = self.interface
        handlers: dict[str, str] = {}
        for imp in iface.imports:
            handlers[imp.shim] = self.function(imp)
        for static in iface.statics:
            handlers[static.shim] = self.static(static)
        for string in iface.strings:
            fn = handler_name(string.shim)
            self.lines += [f"def {fn}():", f"{INDENT}return _wb_add({string.value!r})", ""]
            handlers[string.shim] = host_entry(fn, [], "<I")
        for inst in iface.instanceofs:
            handlers[inst.shim] = self.instanceof(
                inst.shim, inst.root, inst.class_name, inst.prefixes
            )
        for handle in iface.struct_handles:
            handlers[handle.shim] = self.struct_handle(handle)
        for name, role in iface.protocol.items():
            handlers[name] = f"_wb_rt.protocol({role!r})"
        for raw in iface.raw_imports:
            handlers[raw_import_key(raw.module, raw.name)] = self.raw_import(raw)
        return handlers

    def raw_import(self, raw: RawFunction) -> str:
        """A plain wasm import: ``modules[module][name]`` called with the numbers wasm passes,
        as a JS host's import object would be."""
        fn = handler_name(f"raw_{raw.module}_{raw.name}")
        what = f"raw import {raw.module}.{raw.name}"
        self.lines += [
            f"def {fn}(*args):",
            f"{INDENT}return _wb_rt.lookup({raw.module!r}, 'raw', (), {raw.name!r}, {what!r})"
            "(*args)",
            "",
        ]
        result = slot_format(list(raw.results)) if raw.results else ""
        return host_entry(fn, raw.params, result, f"{raw.module}.{raw.name}")

    def instanceof(
        self, shim: str, root: object, class_name: str, prefixes: tuple[str, ...]
    ) -> str:
        fn = handler_name(shim)
        assert hasattr(root, "module")
        loc = f"{root.module!r}, {root.module_kind!r}, {root.namespace!r}"  # type: ignore[attr-defined]
        self.lines += [
            f"def {fn}(a0):",
            f"{INDENT}try:",
            f"{INDENT}{INDENT}return 1 if _wb_instanceof(_wb_get(a0), _wb_rt.lookup_class("
            f"{loc}, {class_name!r}, {prefixes!r}, {shim!r})) else 0",
            f"{INDENT}except Exception:",
            f"{INDENT}{INDENT}return 0",
            "",
        ]
        return host_entry(fn, ["u32"], "<I")

    def struct_handle(self, handle: StructHandle) -> str:
        fn = handler_name(handle.shim)
        cls = identifier(handle.class_name)
        if handle.action == "wrap":
            body = f"{INDENT}return _wb_add({cls}._wrap(a0))"
        else:  # TryFromJsValue: move the pointer out of an object of this class, else 0
            body = f"{INDENT}return {cls}._unwrap_slot(_wb_get(a0))"
        self.lines += [f"def {fn}(a0):", body, ""]
        return host_entry(fn, ["u32"], "<I")

    def static(self, static: ImportStatic) -> str:
        fn = handler_name(static.shim)
        root = static.root
        params = ["rp"] if static.retptr else []
        lookup = "lookup_optional" if static.optional else "lookup"
        self.lines.append(f"def {fn}({', '.join(params)}):")
        self.lines.append(
            f"{INDENT}_wb_r = _wb_rt.{lookup}({root.module!r}, {root.module_kind!r}, "
            f"{root.namespace!r}, {static.name!r}, {static.shim!r})"
        )
        layout = ret_layout(static.type, False) if static.retptr else None
        self.lines += [
            INDENT + ln
            for ln in convert.lower_import_result(
                static.type, "_wb_r", layout, static.name, self.interface
            )
        ]
        self.lines.append("")
        return host_entry(
            fn, ["u32"] if static.retptr else [], result_format(static.type, static.retptr)
        )

    def function(self, imp: ImportFunction) -> str:
        fn = handler_name(imp.shim)
        sig = imp.signature
        retptr = sig.retptr is not None
        raw_params: list[str] = ["rp"] if retptr else []
        kinds: list[str] = ["u32"] if retptr else []
        setup: list[str] = []
        args: list[str] = []
        post: list[str] = []
        closures: list[str] = []
        what = f"import {imp.name!r}"
        for i, param in enumerate(sig.params):
            raw_kinds = list(param.type.abi.wasm)
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
        ret_lines = convert.lower_import_result(sig.ret, "_wb_r", sig.retptr, what, self.interface)
        self.lines += closures
        self.lines.append(f"def {fn}({', '.join(raw_params)}):")
        body = [*setup]
        if post:  # views and stack closures end after the result is converted: it may be them
            body.append("try:")
            body.append(f"{INDENT}_wb_r = {call}")
            body += [INDENT + ln for ln in ret_lines]
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
        label = imp.name if imp.intrinsic else declared_from(imp, "").js_path
        special = special_shape(imp, label)
        return host_entry(fn, kinds, result_format(sig.ret, retptr), label, special)

    def call_expression(self, imp: ImportFunction, args: list[str]) -> str:
        if imp.intrinsic:
            target = f"_wb_fn_{identifier(imp.name)}"
            self.bound[target] = f"_wb_rt.intrinsic({imp.name!r})"
            return f"{target}({', '.join(args)})"
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
        kind = call.value
        if kind == "function":
            return f"_wb_rt.lookup({loc}, {name}, {what})({spread})"
        if kind == "constructor":
            return f"{cls}({spread})"
        if kind == "method":
            if imp.structural:
                return f"_wb_method({args[0]}, {name})({rest_spread})"
            return f"_wb_method({cls}, {name})({args[0]}{', ' if rest else ''}{rest_spread})"
        if kind == "static_method":
            return f"_wb_method({cls}, {name})({spread})"
        if kind == "getter":
            return f"_wb_get_property({args[0]}, {name})"
        if kind == "setter":
            return f"_wb_set_property({args[0]}, {name}, {args[1]})"
        if kind == "static_getter":
            return f"_wb_get_property({cls}, {name})"
        if kind == "static_setter":
            return f"_wb_set_property({cls}, {name}, {args[0]})"
        target, index_args = (args[0], args[1:]) if not kind.startswith("static") else (cls, args)
        if kind.endswith("indexing_getter"):
            return f"_wb_index_get({target}, {index_args[0]})"
        if kind.endswith("indexing_setter"):
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
        lines += self.calls.body(
            "_wb_f", what, sig, params, [(convert.PTR, "_wb_a"), (convert.PTR, "_wb_b")], INDENT * 3
        )
        lines += [
            f"{INDENT}{INDENT}finally:",
            f"{INDENT * 3}_wb_state.leave(_wb_a)",
            f"{INDENT}_wb_closure._wb_invalidate = _wb_state.invalidate",
            f"{INDENT}return _wb_closure",
            "",
        ]
        return lines

    def cast(self, cast: Cast) -> tuple[str, list[str], list[str]]:
        """``_wb_cast_<key>(a0, …)``: convert the cast's value, given as its wasm values; with
        the ABI kinds of its parameters and results, for the host function serving it."""
        fn = f"_wb_cast_{cast.key}"
        source_kinds = list(cast.source.abi.wasm)
        sret = len(cast.params) == len(source_kinds) + 1 and not cast.results
        kinds = ["u32", *source_kinds] if sret else source_kinds
        raw = [f"a{j}" for j in range(len(kinds))]
        lines = [f"def {fn}({', '.join(raw)}):"]
        values = raw[1:] if sret else raw
        source = cast.source
        if cast.closure is not None:
            expr = f"_wb_make_closure({cast.closure.key}, {values[0]}, {values[1]})"
            setup: list[str] = []
        elif source.kind is Kind.SLICE and source.scalar is not None:
            setup, expr = [], f"_wb_live_view({values[0]}, {values[1]}, {source.scalar.typecode!r})"
        else:
            setup, expr, _after = convert.lift_import_arg(source, values, self.interface, "_wb_v")
            if source.kind is Kind.NUMBER and source.scalar is not None:
                # a Rust number made a JS value: a JS number, or a BigInt from 64 bits up
                wide = source.scalar.size >= 8 and source.scalar.is_integer
                expr = f"{'_wb_bigint' if wide else '_wb_js_number'}({expr})"
        lines += [INDENT + ln for ln in setup]
        lines.append(f"{INDENT}_wb_r = {expr}")
        target_vt = cast.target
        layout = ret_layout(target_vt, False) if sret else None
        if sret:
            assert layout is not None
            lines.append(f"{INDENT}rp = {raw[0]}")
        ret = convert.lower_import_result(target_vt, "_wb_r", layout, "cast", self.interface)
        lines += [INDENT + ln for ln in ret]
        lines.append("")
        self.lines += lines
        target_kinds = list(target_vt.abi.wasm)
        results = target_kinds if len(target_kinds) == len(cast.results) else list(cast.results)
        return fn, kinds, results
