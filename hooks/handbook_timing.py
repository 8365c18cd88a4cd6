"""Opt-in wall-clock timing of the handbook hooks, read by the benchmark (tools/bench.py).

Not a hook itself. With HANDBOOK_HOOK_TIMES=<file> in the environment, every event wrapped by
`timed` adds its wall time to a total per event, summed over the languages static-i18n builds one
after another, and the totals are written to <file> as JSON when the process exits. Without it,
`timed` hands the event back unchanged, so a normal build runs exactly the code it always runs.
Work done in a second process is reported apart (`record_background`).
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

ENVIRONMENT = "HANDBOOK_HOOK_TIMES"

Event = TypeVar("Event", bound=Callable[..., Any])

_target = os.environ.get(ENVIRONMENT, "")
_totals: dict[str, dict[str, float]] = {}
_background: dict[str, float] = {}


def timed(event: Event) -> Event:
    """The event itself, or when timing is on, the event recording how long each call takes."""
    if not _target:
        return event
    name = f"{Path(event.__module__).stem}.{event.__name__}"

    @functools.wraps(event)
    def timed_event(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return event(*args, **kwargs)
        finally:
            total = _totals.setdefault(name, {"seconds": 0.0, "calls": 0})
            total["seconds"] += time.perf_counter() - started
            total["calls"] += 1

    return timed_event  # type: ignore[return-value]


def record_background(name: str, seconds: float) -> None:
    """Add processor time spent off the build's own process (see handbook/background.py): the
    build does not wait for it, so it is reported apart from the events' wall time."""
    if _target:
        _background[name] = _background.get(name, 0.0) + seconds


def _write_totals() -> None:
    seconds = sum(entry["seconds"] for entry in _totals.values())
    report = {"seconds": seconds, "events": dict(sorted(_totals.items())), "background": _background}
    with open(_target, "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=2)


if _target:
    atexit.register(_write_totals)
