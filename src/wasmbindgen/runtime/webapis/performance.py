"""``performance``: a monotonic clock in milliseconds since the instance began, and the User
Timing marks and measures."""

from __future__ import annotations

import time
from typing import Any

from .. import jsops
from ..builtins.errors import TypeError
from .dom import DOMException, member


class PerformanceEntry:
    """A timeline entry: ``name``, ``entryType``, ``startTime``, ``duration`` (milliseconds)."""

    entryType = "entry"  # noqa: N815 - JS names

    def __init__(self, name: str, start_time: float, duration: float, detail: Any) -> None:
        self.name = name
        self.startTime = start_time
        self.duration = duration
        self.detail = detail

    def toJSON(self) -> dict[str, Any]:  # noqa: N802
        return {
            "name": self.name,
            "entryType": self.entryType,
            "startTime": self.startTime,
            "duration": self.duration,
        }


class PerformanceMark(PerformanceEntry):
    entryType = "mark"  # noqa: N815


class PerformanceMeasure(PerformanceEntry):
    entryType = "measure"  # noqa: N815


class Performance:
    """The global ``performance`` of one instance: ``now()`` counts from ``timeOrigin``, the
    wall-clock time (ms since the epoch) at which the instance's scope was made."""

    def __init__(self) -> None:
        self._start = time.perf_counter_ns()
        self.timeOrigin = time.time_ns() / 1e6
        self._entries: list[PerformanceEntry] = []

    def now(self) -> float:
        return (time.perf_counter_ns() - self._start) / 1e6

    def mark(self, name: Any = None, options: Any = None) -> PerformanceMark:
        start = member(options, "startTime")
        at = self.now() if start is None else jsops.to_number(start)
        if at < 0:
            raise TypeError(f"'{name}' cannot have a negative start time.")
        entry = PerformanceMark(jsops.to_string(name), at, 0.0, member(options, "detail"))
        self._entries.append(entry)
        return entry

    def measure(self, name: Any = None, start: Any = None, end: Any = None) -> PerformanceMeasure:
        """``measure(name)``, ``measure(name, startMark[, endMark])`` or
        ``measure(name, {start, end, duration, detail})``; marks are names or times."""
        detail = None
        if isinstance(start, dict):
            options = start
            detail = options.get("detail")
            begin, finish = options.get("start"), options.get("end")
            if options.get("duration") is not None:
                if begin is None:
                    begin = self._time_of(finish) - jsops.to_number(options["duration"])
                else:
                    finish = self._time_of(begin) + jsops.to_number(options["duration"])
        else:
            begin, finish = start, end
        t0 = 0.0 if begin is None else self._time_of(begin)
        t1 = self.now() if finish is None else self._time_of(finish)
        entry = PerformanceMeasure(jsops.to_string(name), t0, t1 - t0, detail)
        self._entries.append(entry)
        return entry

    def _time_of(self, mark: Any) -> float:
        if isinstance(mark, (int, float)) and not isinstance(mark, bool):
            return float(mark)
        name = jsops.to_string(mark)
        for entry in reversed(self._entries):
            if entry.entryType == "mark" and entry.name == name:
                return entry.startTime
        raise DOMException(
            f"Failed to execute 'measure' on 'Performance': The mark '{name}' does not exist.",
            "SyntaxError",
        )

    def getEntries(self) -> list[PerformanceEntry]:  # noqa: N802
        return sorted(self._entries, key=lambda e: e.startTime)

    def getEntriesByName(self, name: Any = None, entry_type: Any = None) -> list[PerformanceEntry]:  # noqa: N802
        wanted = jsops.to_string(name)
        return [
            e
            for e in self.getEntries()
            if e.name == wanted and (entry_type is None or e.entryType == entry_type)
        ]

    def getEntriesByType(self, entry_type: Any = None) -> list[PerformanceEntry]:  # noqa: N802
        return [e for e in self.getEntries() if e.entryType == entry_type]

    def _clear(self, entry_type: str, name: Any) -> None:
        self._entries = [
            e
            for e in self._entries
            if e.entryType != entry_type or (name is not None and e.name != name)
        ]

    def clearMarks(self, name: Any = None) -> None:  # noqa: N802
        self._clear("mark", name)

    def clearMeasures(self, name: Any = None) -> None:  # noqa: N802
        self._clear("measure", name)

    def toJSON(self) -> dict[str, Any]:  # noqa: N802
        return {"timeOrigin": self.timeOrigin}


PERFORMANCE_CLASSES = {
    cls.__name__: cls for cls in (PerformanceEntry, PerformanceMark, PerformanceMeasure)
}
