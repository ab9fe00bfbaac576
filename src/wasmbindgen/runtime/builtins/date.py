"""``Date``: a time value in milliseconds since the epoch (NaN when invalid), as in JS.

Local time is the process's time zone as Python's ``datetime.astimezone()`` sees it. The Python
face: ``Date.from_datetime(dt)`` and ``date.to_datetime()`` (aware, UTC); a ``datetime`` passed
where Rust expects a ``Date`` is converted by ``Date(dt)``.
"""

from __future__ import annotations

import email.utils
import math
import re
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from .. import jsops
from .errors import RangeError

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)
_MAX_TIME = 8.64e15  # JS's limit: 100,000,000 days either side of the epoch
_DAYS = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO = re.compile(
    r"^([+-]\d{6}|\d{4})(?:-(\d\d)(?:-(\d\d))?)?"
    r"(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?(Z|[+-]\d\d:\d\d)?)?$"
)
NAN = math.nan
_FIELD_DEFAULTS = (NAN, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0)  # year, month, day, h, min, s, ms


def _time_clip(ms: float) -> float:
    if not math.isfinite(ms) or abs(ms) > _MAX_TIME:
        return NAN
    return float(math.trunc(ms)) + 0.0


def _from_parts(fields: Sequence[float], utc: bool = False) -> float:
    """MakeDate(MakeDay(...), MakeTime(...)) from year, month[, day, h, min, s, ms]; overflowing
    fields carry into the next, as in JS."""
    parts = [*fields[:7], *_FIELD_DEFAULTS[len(fields) :]]
    year, month, day, hours, minutes, seconds, ms = parts
    if not all(math.isfinite(p) for p in parts):
        return NAN
    y, mo = int(year) + int(month) // 12, int(month) % 12
    try:
        base = datetime(y, mo + 1, 1)
    except ValueError:
        return NAN
    moment = base + timedelta(
        days=int(day) - 1, hours=int(hours), minutes=int(minutes), seconds=int(seconds)
    )
    moment += int(ms) * _MS
    if utc:
        return _time_clip((moment.replace(tzinfo=UTC) - _EPOCH) / _MS)
    return _time_clip(moment.timestamp() * 1000 + moment.microsecond % 1000 / 1000)


def parse(text: Any) -> float:
    """``Date.parse``: ISO 8601 (date-only forms are UTC, date-times without an offset local)
    and the RFC 2822 form ``toUTCString`` writes; NaN otherwise."""
    text = jsops.to_string(text).strip()
    match = _ISO.match(text)
    if match:
        year, month, day, hh, mm, ss, frac, zone = match.groups()
        ms = int((frac or "0").ljust(3, "0")[:3])
        fields = (int(year), int(month or 1) - 1, int(day or 1), int(hh or 0), int(mm or 0))
        value = _from_parts((*fields, int(ss or 0), ms), utc=hh is None or zone is not None)
        if zone and zone != "Z":
            sign = 1 if zone[0] == "+" else -1
            value -= sign * (int(zone[1:3]) * 60 + int(zone[4:6])) * 60_000
        return value
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return NAN
    if parsed.tzinfo is None:
        return _time_clip(parsed.timestamp() * 1000)
    return _time_clip((parsed - _EPOCH) / _MS)


def _now() -> float:
    return float(time.time_ns() // 1_000_000)


class Date:
    """A JS ``Date``: ``Date()``, ``Date(ms)``, ``Date("2020-01-01")``, ``Date(y, m, d, …)``
    (local time, months from 0), ``Date(datetime)``."""

    __slots__ = ("_time",)

    def __init__(self, *args: Any) -> None:
        if not args:
            self._time = _now()
        elif len(args) == 1:
            value = args[0]
            if isinstance(value, Date):
                self._time = value._time
            elif isinstance(value, datetime):
                self._time = Date.from_datetime(value)._time
            elif isinstance(value, str):
                self._time = parse(value)
            else:
                self._time = _time_clip(jsops.to_number(jsops.to_primitive(value)))
        else:
            self._time = _from_parts([jsops.to_number(a) for a in args[:7]])

    # -- Python face ----------------------------------------------------------------------------

    @classmethod
    def from_datetime(cls, moment: datetime) -> Date:
        """A Date at ``moment`` (a naive datetime is local time, as ``timestamp()`` reads it)."""
        date = cls.__new__(cls)
        if moment.tzinfo is None:
            date._time = _time_clip(moment.timestamp() * 1000)
        else:
            date._time = _time_clip((moment - _EPOCH) / _MS)
        return date

    def to_datetime(self) -> datetime:
        """This moment as an aware UTC ``datetime``; ``ValueError`` for an invalid Date."""
        if math.isnan(self._time):
            raise ValueError("Invalid Date has no datetime")
        return _EPOCH + self._time * _MS

    def __eq__(self, other: object) -> bool:
        return self is other  # JS compares objects by identity

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return f"Date({self.toISOString() if math.isfinite(self._time) else 'Invalid Date'})"

    def __str__(self) -> str:
        return self.toString()

    # -- statics --------------------------------------------------------------------------------

    now = staticmethod(_now)
    parse = staticmethod(parse)

    @staticmethod
    def UTC(*args: Any) -> float:  # noqa: N802 - the JS name
        numbers = [jsops.to_number(a) for a in args[:7]] or [NAN]
        if len(numbers) == 1:
            numbers.append(0)
        return _from_parts(numbers, utc=True)

    # -- fields ---------------------------------------------------------------------------------

    def _local(self) -> datetime | None:
        if math.isnan(self._time):
            return None
        return self.to_datetime().astimezone()

    def _utc(self) -> datetime | None:
        return None if math.isnan(self._time) else self.to_datetime()

    def _field(self, utc: bool, name: str) -> float:
        moment = self._utc() if utc else self._local()
        if moment is None:
            return NAN
        if name == "year":
            return moment.year
        if name == "month":
            return moment.month - 1
        if name == "day":
            return (moment.weekday() + 1) % 7
        if name == "ms":
            return moment.microsecond // 1000
        if name == "date":
            return moment.day
        return int(getattr(moment, name))

    def getTime(self) -> float:  # noqa: N802 - JS method names from here on
        return self._time

    valueOf = getTime  # noqa: N815

    def getTimezoneOffset(self) -> float:  # noqa: N802
        moment = self._local()
        if moment is None:
            return NAN
        offset = moment.utcoffset() or timedelta(0)
        return -offset / timedelta(minutes=1)

    def getFullYear(self) -> float:  # noqa: N802
        return self._field(False, "year")

    def getMonth(self) -> float:  # noqa: N802
        return self._field(False, "month")

    def getDate(self) -> float:  # noqa: N802
        return self._field(False, "date")

    def getDay(self) -> float:  # noqa: N802
        return self._field(False, "day")

    def getHours(self) -> float:  # noqa: N802
        return self._field(False, "hour")

    def getMinutes(self) -> float:  # noqa: N802
        return self._field(False, "minute")

    def getSeconds(self) -> float:  # noqa: N802
        return self._field(False, "second")

    def getMilliseconds(self) -> float:  # noqa: N802
        return self._field(False, "ms")

    def getUTCFullYear(self) -> float:  # noqa: N802
        return self._field(True, "year")

    def getUTCMonth(self) -> float:  # noqa: N802
        return self._field(True, "month")

    def getUTCDate(self) -> float:  # noqa: N802
        return self._field(True, "date")

    def getUTCDay(self) -> float:  # noqa: N802
        return self._field(True, "day")

    def getUTCHours(self) -> float:  # noqa: N802
        return self._field(True, "hour")

    def getUTCMinutes(self) -> float:  # noqa: N802
        return self._field(True, "minute")

    def getUTCSeconds(self) -> float:  # noqa: N802
        return self._field(True, "second")

    def getUTCMilliseconds(self) -> float:  # noqa: N802
        return self._field(True, "ms")

    # -- setters: each returns the new time value -----------------------------------------------

    def _fields(self, utc: bool) -> list[float]:
        moment = (self._utc() if utc else self._local()) or _EPOCH
        return [
            moment.year,
            moment.month - 1,
            moment.day,
            moment.hour,
            moment.minute,
            moment.second,
            moment.microsecond // 1000,
        ]

    def _set(self, utc: bool, first: int, values: tuple[Any, ...]) -> float:
        fields = self._fields(utc)
        if math.isnan(self._time) and first != 0:
            return NAN
        for offset, value in enumerate(values):
            fields[first + offset] = jsops.to_number(value)
        self._time = _from_parts(fields, utc=utc)
        return self._time

    def setTime(self, time_value: Any) -> float:  # noqa: N802
        self._time = _time_clip(jsops.to_number(time_value))
        return self._time

    def setFullYear(self, *values: Any) -> float:  # noqa: N802
        return self._set(False, 0, values[:3])

    def setMonth(self, *values: Any) -> float:  # noqa: N802
        return self._set(False, 1, values[:2])

    def setDate(self, value: Any) -> float:  # noqa: N802
        return self._set(False, 2, (value,))

    def setHours(self, *values: Any) -> float:  # noqa: N802
        return self._set(False, 3, values[:4])

    def setMinutes(self, *values: Any) -> float:  # noqa: N802
        return self._set(False, 4, values[:3])

    def setSeconds(self, *values: Any) -> float:  # noqa: N802
        return self._set(False, 5, values[:2])

    def setMilliseconds(self, value: Any) -> float:  # noqa: N802
        return self._set(False, 6, (value,))

    def setUTCFullYear(self, *values: Any) -> float:  # noqa: N802
        return self._set(True, 0, values[:3])

    def setUTCMonth(self, *values: Any) -> float:  # noqa: N802
        return self._set(True, 1, values[:2])

    def setUTCDate(self, value: Any) -> float:  # noqa: N802
        return self._set(True, 2, (value,))

    def setUTCHours(self, *values: Any) -> float:  # noqa: N802
        return self._set(True, 3, values[:4])

    def setUTCMinutes(self, *values: Any) -> float:  # noqa: N802
        return self._set(True, 4, values[:3])

    def setUTCSeconds(self, *values: Any) -> float:  # noqa: N802
        return self._set(True, 5, values[:2])

    def setUTCMilliseconds(self, value: Any) -> float:  # noqa: N802
        return self._set(True, 6, (value,))

    # -- strings --------------------------------------------------------------------------------

    def toISOString(self) -> str:  # noqa: N802
        moment = self._utc()
        if moment is None:
            raise RangeError("Invalid time value")
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"

    def toJSON(self, _key: Any = None) -> str | None:  # noqa: N802
        return self.toISOString() if math.isfinite(self._time) else None

    def toUTCString(self) -> str:  # noqa: N802
        moment = self._utc()
        if moment is None:
            return "Invalid Date"
        day, month = _DAYS[(moment.weekday() + 1) % 7], _MONTHS[moment.month - 1]
        return f"{day}, {moment.day:02d} {month} {moment.year:04d} {moment:%H:%M:%S} GMT"

    toGMTString = toUTCString  # noqa: N815

    def toDateString(self) -> str:  # noqa: N802
        moment = self._local()
        if moment is None:
            return "Invalid Date"
        day, month = _DAYS[(moment.weekday() + 1) % 7], _MONTHS[moment.month - 1]
        return f"{day} {month} {moment.day:02d} {moment.year:04d}"

    def toTimeString(self) -> str:  # noqa: N802
        moment = self._local()
        if moment is None:
            return "Invalid Date"
        return f"{moment:%H:%M:%S} GMT{moment:%z} ({moment.tzname()})"

    def toString(self) -> str:  # noqa: N802
        if math.isnan(self._time):
            return "Invalid Date"
        return f"{self.toDateString()} {self.toTimeString()}"

    def toLocaleDateString(self, _locales: Any = None, _options: Any = None) -> str:  # noqa: N802
        moment = self._local()
        return "Invalid Date" if moment is None else f"{moment.month}/{moment.day}/{moment.year}"

    def toLocaleTimeString(self, _locales: Any = None, _options: Any = None) -> str:  # noqa: N802
        moment = self._local()
        if moment is None:
            return "Invalid Date"
        hour = moment.hour % 12 or 12
        return f"{hour}:{moment:%M:%S} {'AM' if moment.hour < 12 else 'PM'}"

    def toLocaleString(self, _locales: Any = None, _options: Any = None) -> str:  # noqa: N802
        if math.isnan(self._time):
            return "Invalid Date"
        return f"{self.toLocaleDateString()}, {self.toLocaleTimeString()}"
