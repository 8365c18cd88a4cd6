"""hooks/README.md lists every event the hooks handle, with its priority: the table is the map a
newcomer reads, so it must say exactly what the hook modules define, in mkdocs.yml's order."""

from __future__ import annotations

import importlib
import re

from handbook.project import read_config
from sitecopy import REPO

ROW = re.compile(r"^\| (on_\w+) \| (-?\d+) \| (handbook_\w+) \|", re.MULTILINE)


def _defined() -> set[tuple[str, int, str]]:
    events = set()
    for path in read_config(REPO)["hooks"]:
        name = path.removeprefix("hooks/").removesuffix(".py")
        module = importlib.import_module(name)
        for attribute in dir(module):
            if attribute.startswith("on_"):
                event = getattr(module, attribute)
                for method in getattr(event, "methods", (event,)):
                    events.add((attribute, getattr(method, "mkdocs_priority", 0), name))
    return events


def test_the_event_table_lists_every_event_the_hooks_handle():
    table = set(
        (event, int(priority), hook) for event, priority, hook in ROW.findall((REPO / "hooks" / "README.md").read_text(encoding="utf-8"))
    )
    assert table == _defined()


def test_the_hooks_use_no_forks_and_no_private_attributes():
    for path in [*(REPO / "hooks").glob("*.py"), *(REPO / "hooks").glob("*/*.py")]:
        code = path.read_text(encoding="utf-8")
        for forbidden in ("os.fork", "os._exit", "multiprocessing", "concurrent.futures", "_title_from_render", "._timeout"):
            assert forbidden not in code, f"{path.relative_to(REPO)} uses {forbidden}"
