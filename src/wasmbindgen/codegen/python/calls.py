"""Call sites into wasm: the body of a Python function calling one wasm function.

Used for exports, struct methods and fields, and the invoke shims of Rust closures. Arguments
are converted and packed into the call buffer, one fast call is made, the result is read (from
the buffer or through the return pointer) and converted.
"""

from __future__ import annotations

from ...model import Interface, Signature, ValueType
from . import convert

INDENT = "    "


class CallEmitter:
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
        lines = [f"{indent}if _wb_deferred or _wb_thread() != _wb_owner: _wb_flush()"]
        values = list(leading)
        setup: list[str] = []
        after: list[str] = []
        cleanup: list[str] = []
        checked: list[tuple[str, str, str]] = []
        allocs: list[tuple[str, str, int]] = []
        first_alloc_done = 0
        borrows = False
        for i, (name, vt) in enumerate(params):
            lowered = convert.lower_export_arg(
                name, vt, f"{what} argument '{name}'", f"_wb_a{i}", self.interface
            )
            setup += lowered.setup
            values += lowered.values
            after += lowered.after
            checked += lowered.checked
            if lowered.allocs and not allocs:
                first_alloc_done = len(setup)  # setup lines up to the first allocation
            allocs += lowered.allocs
            borrows = borrows or lowered.borrows
        retptr = sig.retptr is not None
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
        lines += self.read_result(sig, inner, binds_self, keep + [n for n, _ in params])
        lines += [inner + line for line in after]
        lines.append(f"{inner}return None" if binds_self else f"{inner}return _wb_r")
        if cleanup:
            lines.append(f"{indent}finally:")
            lines += [indent + INDENT + line for line in reversed(cleanup)]
        return lines

    def read_result(
        self, sig: Signature, indent: str, binds_self: bool = False, keep: list[str] | None = None
    ) -> list[str]:
        ret = sig.ret
        kinds = list(ret.abi.wasm)
        lines = []
        layout = sig.retptr
        if layout is not None:
            fields = list(zip(layout.offsets, kinds, strict=True))
            if layout.err is not None and layout.is_err is not None:
                fields += [(layout.err, "u32"), (layout.is_err, "u32")]
            fmt = convert._packing(tuple(k for _, k in fields), tuple(o for o, _ in fields))
            end = fields[-1][0] + convert.SIZE[fields[-1][1]] if fields else 0
            names = [f"_wb_v{i}" for i in range(len(kinds))]
            if layout.err is not None:
                names += ["_wb_err", "_wb_is_err"]
            target = ", ".join(names) + ("," if len(names) == 1 else "")
            lines.append(
                f"{indent}{target} = _wb_unpack({fmt!r}, _wb_view(_wb_rp + {end}), _wb_rp)"
            )
            if layout.err is not None:
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


def closure_adapter(name: str, sig: Signature, what: str, interface: Interface) -> list[str]:
    """``name(func, a, b, *args)``: one call of a heap closure of this type."""
    params = [(f"arg{i}", p.type) for i, p in enumerate(sig.params)]
    head = ", ".join(["_wb_f", "_wb_a", "_wb_b", *(n for n, _ in params)])
    body = CallEmitter(interface).body(
        "_wb_f", what, sig, params, [(convert.PTR, "_wb_a"), (convert.PTR, "_wb_b")], INDENT
    )
    return [f"def {name}({head}):", *body, ""]
