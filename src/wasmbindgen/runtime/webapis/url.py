"""``URL`` and ``URLSearchParams`` by the WHATWG URL Standard, parsed by ada (the parser
Node.js uses, through the ``ada-url`` package): Python's ``urllib`` follows the older RFCs and
differs from what browsers and crates expect on hosts, ports, paths and escaping."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import ada_url

from .. import jsops
from ..builtins.errors import TypeError
from ..builtins.symbols import JsIterator
from ..values import null


def _parse(url: Any, base: Any) -> ada_url.URL:
    text = jsops.to_string(url)
    try:
        return ada_url.URL(text, None if base is None else jsops.to_string(base))
    except ValueError:
        shown = text if base is None else f"{text} (base {jsops.to_string(base)})"
        raise TypeError(f"Failed to construct 'URL': Invalid URL '{shown}'") from None


class URLSearchParams:
    """``new URLSearchParams(init)``: ``init`` a query string (a leading ``?`` is dropped), a
    record (dict), a sequence of pairs or another ``URLSearchParams``."""

    def __init__(self, init: Any = None) -> None:
        self._params = ada_url.URLSearchParams("")
        self._on_change: Callable[[], None] | None = None  # the URL whose query this is
        if isinstance(init, URLSearchParams):
            init = list(init._params.items())
        if isinstance(init, dict):
            init = list(init.items())
        if isinstance(init, (list, tuple)):
            for pair in init:
                if len(pair) != 2:
                    raise TypeError(
                        "Failed to construct 'URLSearchParams': Each query pair must be an "
                        "iterable [name, value] tuple"
                    )
                self._params.append(jsops.to_string(pair[0]), jsops.to_string(pair[1]))
        elif init is not None:
            self._replace(jsops.to_string(init))

    def _replace(self, query: str) -> None:
        self._params = ada_url.URLSearchParams(query.removeprefix("?"))

    def _changed(self) -> None:
        if self._on_change is not None:
            self._on_change()

    @property
    def size(self) -> int:
        return int(self._params.size)

    def append(self, name: Any, value: Any) -> None:
        self._params.append(jsops.to_string(name), jsops.to_string(value))
        self._changed()

    def delete(self, name: Any, value: Any = None) -> None:
        self._params.delete(
            jsops.to_string(name), None if value is None else jsops.to_string(value)
        )
        self._changed()

    def get(self, name: Any) -> Any:
        """The first value of ``name``, or ``null`` (JS's ``get`` gives null, not undefined)."""
        key = jsops.to_string(name)
        return self._params.get(key) if self._params.has(key) else null

    def getAll(self, name: Any) -> list[str]:  # noqa: N802
        return list(self._params.get_all(jsops.to_string(name)))

    def has(self, name: Any, value: Any = None) -> bool:
        return bool(
            self._params.has(
                jsops.to_string(name), None if value is None else jsops.to_string(value)
            )
        )

    def set(self, name: Any, value: Any) -> None:
        self._params.set(jsops.to_string(name), jsops.to_string(value))
        self._changed()

    def sort(self) -> None:
        self._params.sort()  # type: ignore[no-untyped-call]
        self._changed()

    def entries(self) -> JsIterator:
        return JsIterator(iter([[k, v] for k, v in self._params.items()]))

    def keys(self) -> JsIterator:
        return JsIterator(iter(list(self._params.keys())))

    def values(self) -> JsIterator:
        return JsIterator(iter(list(self._params.values())))

    def forEach(self, callback: Any, this: Any = None) -> None:  # noqa: N802
        for key, value in list(self._params.items()):
            callback(value, key, self)

    def __iter__(self) -> Iterator[list[str]]:
        return iter([[k, v] for k, v in self._params.items()])

    def toString(self) -> str:  # noqa: N802
        return str(self._params)

    __str__ = toString

    def __repr__(self) -> str:
        return f"URLSearchParams({str(self._params)!r})"


class URL:
    """``new URL(url, base)``: the parts are read-write properties, and ``searchParams`` stays
    in step with ``search`` both ways."""

    # read-write properties, made below
    href: str
    protocol: str
    username: str
    password: str
    host: str
    hostname: str
    port: str
    pathname: str
    search: str
    hash: str

    def __init__(self, url: Any = None, base: Any = None) -> None:
        self._url = _parse(url, base)
        self._search_params = URLSearchParams(self._url.search)
        self._search_params._on_change = self._params_changed

    @staticmethod
    def canParse(url: Any = None, base: Any = None) -> bool:  # noqa: N802
        try:
            _parse(url, base)
        except TypeError:
            return False
        return True

    @staticmethod
    def parse(url: Any = None, base: Any = None) -> Any:
        try:
            return URL(url, base)
        except TypeError:
            return null

    def _params_changed(self) -> None:
        query = str(self._search_params._params)
        self._url.search = query  # an empty query removes the "?"

    def _reparse_params(self) -> None:
        self._search_params._replace(self._url.search)

    @property
    def searchParams(self) -> URLSearchParams:  # noqa: N802
        return self._search_params

    @property
    def origin(self) -> str:
        return str(self._url.origin)

    def toString(self) -> str:  # noqa: N802
        return str(self._url.href)

    toJSON = toString  # noqa: N815
    __str__ = toString

    def __repr__(self) -> str:
        return f"URL({self.href!r})"


def _part(name: str, reparses_query: bool = False) -> property:
    def getter(self: URL) -> str:
        return str(getattr(self._url, name))

    def setter(self: URL, value: Any) -> None:
        text = jsops.to_string(value)
        if name == "href":
            self._url = _parse(text, None)
        else:
            setattr(self._url, name, text)  # invalid values are ignored, as the setters do
        if reparses_query:
            self._reparse_params()

    return property(getter, setter)


for _name in ("protocol", "username", "password", "host", "hostname", "port", "pathname", "hash"):
    setattr(URL, _name, _part(_name))
for _name in ("href", "search"):
    setattr(URL, _name, _part(_name, reparses_query=True))
