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
from typing import Any, ClassVar

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


_DAY_MS = 86_400_000


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (month 1-12), any year."""
    year -= month <= 2
    era = year // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468


def _civil_from_days(days: int) -> tuple[int, int, int]:
    """(year, month 1-12, day) of a day count since 1970-01-01."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (month <= 2), month, day


def _local_offset_ms(utc_ms: float) -> int:
    """The process's UTC offset at that instant (clamped into the years Python can place)."""
    seconds = min(max(utc_ms / 1000, -62_135_596_800), 253_402_214_400)
    moment = datetime.fromtimestamp(seconds, tz=UTC).astimezone()
    return int((moment.utcoffset() or timedelta(0)) / _MS)


def _zone_name(utc_ms: float) -> str:
    seconds = min(max(utc_ms / 1000, -62_135_596_800), 253_402_214_400)
    return datetime.fromtimestamp(seconds, tz=UTC).astimezone().tzname() or ""


def _from_parts(fields: Sequence[float], utc: bool = False) -> float:
    """MakeDate(MakeDay(...), MakeTime(...)) from year, month[, day, h, min, s, ms]; overflowing
    fields carry into the next, as in JS; local time unless ``utc``."""
    parts = [*fields[:7], *_FIELD_DEFAULTS[len(fields) :]]
    if not all(math.isfinite(p) for p in parts):
        return NAN
    year, month, day, hours, minutes, seconds, ms = (math.trunc(p) for p in parts)
    if abs(year) > 400_000:
        return NAN
    days = _days_from_civil(year + month // 12, month % 12 + 1, 1) + day - 1
    local = days * _DAY_MS + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + ms
    if utc:
        return _time_clip(local)
    return _time_clip(local - _local_offset_ms(local - _local_offset_ms(local)))


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

    __slots__ = ("__weakref__", "_time")

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
        try:
            return _EPOCH + self._time * _MS
        except OverflowError:
            raise ValueError(
                f"{self.toISOString()} is outside the years 1-9999 Python's datetime holds"
            ) from None

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

    def _parts(self, utc: bool) -> tuple[int, ...] | None:
        """(year, month 0-11, day, hour, minute, second, ms, weekday, offset ms) or None."""
        if math.isnan(self._time):
            return None
        offset = 0 if utc else _local_offset_ms(self._time)
        t = int(self._time) + offset
        days, in_day = divmod(t, _DAY_MS)
        year, month, day = _civil_from_days(days)
        hour, rest = divmod(in_day, 3_600_000)
        minute, rest = divmod(rest, 60_000)
        second, ms = divmod(rest, 1000)
        return year, month - 1, day, hour, minute, second, ms, (days + 4) % 7, offset

    _FIELD_INDEX: ClassVar[dict[str, int]] = {
        "year": 0,
        "month": 1,
        "date": 2,
        "hour": 3,
        "minute": 4,
        "second": 5,
        "ms": 6,
        "day": 7,
    }

    def _field(self, utc: bool, name: str) -> float:
        parts = self._parts(utc)
        return NAN if parts is None else parts[self._FIELD_INDEX[name]]

    def getTime(self) -> float:  # noqa: N802 - JS method names from here on
        return self._time

    valueOf = getTime  # noqa: N815

    def getTimezoneOffset(self) -> float:  # noqa: N802
        return NAN if math.isnan(self._time) else -_local_offset_ms(self._time) / 60_000

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
        parts = self._parts(utc) or (1970, 0, 1, 0, 0, 0, 0)
        return [float(p) for p in parts[:7]]

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
        parts = self._parts(True)
        if parts is None:
            raise RangeError("Invalid time value")
        year, month, day, hour, minute, second, ms = parts[:7]
        clock = f"{hour:02d}:{minute:02d}:{second:02d}.{ms:03d}"
        return f"{_year(year)}-{month + 1:02d}-{day:02d}T{clock}Z"

    def toJSON(self, _key: Any = None) -> str | None:  # noqa: N802
        return self.toISOString() if math.isfinite(self._time) else None

    def toUTCString(self) -> str:  # noqa: N802
        parts = self._parts(True)
        if parts is None:
            return "Invalid Date"
        year, month, day, hour, minute, second, _, weekday, _ = parts
        return (
            f"{_DAYS[weekday]}, {day:02d} {_MONTHS[month]} {_year(year, wide=False)} "
            f"{hour:02d}:{minute:02d}:{second:02d} GMT"
        )

    toGMTString = toUTCString  # noqa: N815

    def toDateString(self) -> str:  # noqa: N802
        parts = self._parts(False)
        if parts is None:
            return "Invalid Date"
        year, month, day, *_, weekday, _ = parts
        return f"{_DAYS[weekday]} {_MONTHS[month]} {day:02d} {_year(year, wide=False)}"

    def toTimeString(self) -> str:  # noqa: N802
        parts = self._parts(False)
        if parts is None:
            return "Invalid Date"
        hour, minute, second = parts[3:6]
        offset = parts[8] // 60_000
        sign, offset = ("+" if offset >= 0 else "-"), abs(offset)
        zone = _zone_name(self._time)
        zone_offset = f"GMT{sign}{offset // 60:02d}{offset % 60:02d}"
        return f"{hour:02d}:{minute:02d}:{second:02d} {zone_offset} ({zone})"

    def toString(self) -> str:  # noqa: N802
        if math.isnan(self._time):
            return "Invalid Date"
        return f"{self.toDateString()} {self.toTimeString()}"

    def toLocaleDateString(self, _locales: Any = None, _options: Any = None) -> str:  # noqa: N802
        parts = self._parts(False)
        return "Invalid Date" if parts is None else f"{parts[1] + 1}/{parts[2]}/{parts[0]}"

    def toLocaleTimeString(self, _locales: Any = None, _options: Any = None) -> str:  # noqa: N802
        parts = self._parts(False)
        if parts is None:
            return "Invalid Date"
        hour, minute, second = parts[3:6]
        return f"{hour % 12 or 12}:{minute:02d}:{second:02d} {'AM' if hour < 12 else 'PM'}"

    def toLocaleString(self, _locales: Any = None, _options: Any = None) -> str:  # noqa: N802
        if math.isnan(self._time):
            return "Invalid Date"
        return f"{self.toLocaleDateString()}, {self.toLocaleTimeString()}"


def _year(year: int, wide: bool = True) -> str:
    """ISO years: four digits in 0-9999, else signed six (``+275760``, ``-000001``)."""
    if 0 <= year <= 9999:
        return f"{year:04d}"
    if not wide:
        return f"{year:05d}" if year < 0 else f"{year:04d}"
    return f"{'+' if year > 0 else '-'}{abs(year):06d}"
