"""What generated glue imports: the runtime lookup and the small helpers its call sites use.

``bind_helpers`` puts each helper into the glue module's globals under a ``_wb_`` name, so a
call site reaches it with one global lookup.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import struct
import sys
import threading
import types
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from ..errors import BindgenError
from . import conversions as cv
from . import jsops
from .builtins.array import store_element
from .builtins.errors import Error as JsError
from .builtins.errors import TypeError as JsTypeError
from .builtins.prototypes import RECEIVER_CLASSES, prototype_member
from .builtins.typed_arrays import TypedArray, buffer_class, live_typed_array
from .config import RuntimeConfig
from .engine import compile_module
from .hostcall import HostFunction
from .instance import LoadOptions, Runtime
from .limits import default_limits
from .memory import WriteBackTarget
from .promise import Promise, is_python_awaitable
from .resolve import ATTRIBUTE_TYPES, get_property, set_property
from .structs import InspectableRustObject, RustObject, member_property
from .values import is_nullish


class Namespace(types.SimpleNamespace):
    """A ``js_namespace`` of exports: ``module.geo.area``."""


__all__ = [
    "HostFunction",
    "InspectableRustObject",
    "Namespace",
    "RuntimeConfig",
    "RustObject",
    "bind_helpers",
    "member_property",
    "runtime_for",
]

RUNTIME_KEY = "__wbindgen_runtime__"


class PackageModule(types.ModuleType):
    """A built package: pickles as its name, so the other side imports it (and gets its own
    instance)."""

    def __reduce__(self) -> tuple[Any, ...]:
        return (importlib.import_module, (self.__name__,))


def runtime_for(namespace: dict[str, Any], wasm_file: str, config: RuntimeConfig) -> Runtime:
    """The runtime ``load()`` injected, or, for a built package, one for the module beside it
    (already rewritten by ``build``: nothing is analysed at import)."""
    runtime = namespace.get(RUNTIME_KEY)
    if not isinstance(runtime, Runtime):
        path = Path(namespace["__file__"]).with_name(wasm_file)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise BindgenError(
                f"{path}: cannot read the package's module ({exc.strerror}); "
                "rebuild the package with `python -m wasmbindgen build`"
            ) from None
        metered = default_limits().fuel is not None
        runtime = Runtime(compile_module(data, str(path), metered), str(path), LoadOptions())
        package = sys.modules.get(namespace.get("__name__", ""))
        if package is not None and type(package) is types.ModuleType:
            package.__class__ = PackageModule  # pickles as a reference: imported again there
    runtime.configure(config)
    return runtime


_PROMISE_METHODS = frozenset({"then", "catch", "finally"})


def method(receiver: Any, name: str) -> Callable[..., Any]:
    """JS ``receiver[name]`` to call as a method. Lists, strings, numbers and callables find
    their JS class's prototype first (``push``, ``padStart``, ``call``); dicts and other objects
    their own keys or attributes first, then ``Object.prototype``."""
    cls = type(receiver)
    if cls in ATTRIBUTE_TYPES:  # Promise, Rust closures: members are attributes (hot path)
        attribute: Callable[..., Any] | None = getattr(receiver, name, None)
        if callable(attribute):
            return attribute
    if cls in RECEIVER_CLASSES and cls is not dict:
        member = prototype_member(receiver, name)
        if member is not None:
            return member
    target = get_property(receiver, name)
    if target is None:
        target = prototype_member(receiver, name)
    if target is None and name in _PROMISE_METHODS and is_python_awaitable(receiver):
        target = getattr(Promise.resolve(receiver), name)  # an awaitable stands for a Promise
    if not callable(target):
        raise JsTypeError(f"{type(receiver).__name__}.{name} is not a function")
    return target  # type: ignore[no-any-return]


def index_get(obj: Any, key: Any) -> Any:
    try:
        return obj[key]
    except (KeyError, IndexError):
        return None


def index_set(obj: Any, key: Any, value: Any) -> None:
    if isinstance(obj, list) and isinstance(key, int):
        store_element(obj, key, value)
    else:
        obj[key] = value


def index_delete(obj: Any, key: Any) -> None:
    with contextlib.suppress(KeyError, IndexError):
        del obj[key]


def instanceof(value: Any, cls: Any) -> bool:
    """JS ``value instanceof cls`` over Python values: awaitables are Promises, every Python
    exception is an ``Error``, Python buffers are the typed arrays of their item type."""
    if cls is Promise:
        return isinstance(value, Promise) or is_python_awaitable(value)
    if cls is JsError:
        return isinstance(value, BaseException)
    if isinstance(cls, type) and issubclass(cls, TypedArray):
        return buffer_class(value) is cls
    return isinstance(cls, type) and isinstance(value, cls)


async def _settled(promise: Promise[Any]) -> Any:
    return await promise


def async_result(rt: Runtime, promise: Any, *arguments: Any) -> Coroutine[Any, Any, Any]:
    """What an ``async fn`` export returns: a coroutine awaiting the Promise Rust made. The
    Rust future already started (as in JS); a trap rejects it with ``RustPanic``. The call's
    arguments (and receiver) stay alive until the promise settles: the future may borrow them,
    and a struct freed by Python's GC meanwhile would leave it reading freed memory."""
    if not isinstance(promise, Promise):
        promise = Promise.resolve(promise)
    if promise.state == "pending":
        rt.pending_promises.add(promise)
        promise.keep_until_settled(arguments)
    return _settled(promise)


def bind_helpers(namespace: dict[str, Any], rt: Runtime) -> None:
    from .stack_closures import stack_closure_class

    mem, heap = rt.memory, rt.heap
    rt.glue_namespace = namespace
    namespace.update(
        {
            "_wb_buf": rt.buffer,
            "_wb_invoke": rt.invoke,
            "_wb_pack": struct.pack_into,
            "_wb_unpack": struct.unpack_from,
            "_wb_StructError": struct.error,
            "_wb_view": rt.wasm.view,
            "_wb_retptr": mem.retptr,
            "_wb_release_retptr": mem.release_retptr,
            "_wb_pass_str": mem.pass_str,
            "_wb_pass_opt_str": mem.pass_opt_str,
            "_wb_read_str": mem.read_str,
            "_wb_take_str": mem.take_str,
            "_wb_pass_array": mem.pass_array,
            "_wb_pass_opt_array": mem.pass_opt_array,
            "_wb_take_array": mem.take_array,
            "_wb_take_clamped": mem.take_clamped,
            "_wb_array_view": mem.array_view,
            "_wb_clamped_copy": mem.clamped_copy,
            "_wb_live_view": functools.partial(live_typed_array, rt.wasm.whole_view),
            "_wb_check_writable": mem.check_writable,
            "_wb_copy_back": mem.copy_back,
            "_wb_write_back_target": WriteBackTarget,
            "_wb_pass_values": rt.pass_values,
            "_wb_free_args": mem.free_args,
            "_wb_take_values": rt.take_values,
            "_wb_get_values": rt.get_values,
            "_wb_add": heap.add,
            "_wb_get": heap.get,
            "_wb_take": heap.take,
            "_wb_borrow": heap.borrow,
            "_wb_borrow_mark": heap.mark,
            "_wb_unwind": heap.unwind,
            "_wb_take_error": rt.take_error,
            "_wb_deferred": rt.deferred,
            "_wb_flush": rt.flush,
            "_wb_thread": threading.get_ident,
            "_wb_owner": rt.owner,
            "_wb_make_closure": rt.make_closure,
            "_wb_js_number": jsops.number,
            "_wb_bigint": jsops.BigInt,
            "_wb_small_int": cv.small_int,
            "_wb_f64_option": cv.f64_option,
            "_wb_arg_error": cv.arg_error,
            "_wb_split128": cv.split128,
            "_wb_join128": cv.join128,
            "_wb_signed32": cv.signed32,
            "_wb_int": cv.as_int,
            "_wb_nonzero": cv.nonzero,
            "_wb_char": cv.char_value,
            "_wb_enum_value": cv.enum_value,
            "_wb_enum_member": cv.enum_member,
            "_wb_string_enum_index": cv.string_enum_index,
            "_wb_string_enum_value": cv.string_enum_value,
            "_wb_nullish": is_nullish,
            "_wb_method": method,
            "_wb_async_result": functools.partial(async_result, rt),
            "_wb_get_property": get_property,
            "_wb_set_property": set_property,
            "_wb_index_get": index_get,
            "_wb_index_set": index_set,
            "_wb_index_delete": index_delete,
            "_wb_instanceof": instanceof,
            "_wb_StackClosure": stack_closure_class(rt),
        }
    )
