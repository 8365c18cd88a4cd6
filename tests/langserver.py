"""A minimal Language Server Protocol client for yaml-language-server, the server behind VS Code's
YAML extension: it opens a file as an editor does and asks for what the editor would show.

yaml-language-server (pinned in package.json, installed by `make test` with `npm ci`) runs on
Node over stdin/stdout; nothing is fetched from the network (the schema store is switched off).
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from projects import REPO

SERVER = REPO / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SETTINGS = {"yaml": {"validate": True, "completion": True, "hover": True, "schemaStore": {"enable": False}, "schemas": {}}}


class LanguageServer:
    """One yaml-language-server process; `open` a file, then ask for its diagnostics or completions."""

    def __init__(self, root: Path) -> None:
        if not SERVER.exists():
            raise RuntimeError("yaml-language-server is missing: run `npm ci` (make test does)")
        node = shutil.which("node")
        if node is None:
            raise RuntimeError("Node.js is missing: install Debian's nodejs package")
        self.process = subprocess.Popen(
            [node, str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self._next_id = 0
        self._replies: dict[int, queue.Queue] = {}
        self._diagnostics: dict[str, list[dict[str, Any]]] = {}
        self._changed = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True, name="yaml-language-server-reader")
        self._reader.start()
        self.request("initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": _CAPABILITIES})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})

    # -- what an editor asks ------------------------------------------------------------------

    def open(self, path: Path, text: str | None = None) -> str:
        """Open `path` (with `text` as its unsaved contents, if given); returns its URI."""
        uri = path.resolve().as_uri()
        content = path.read_text(encoding="utf-8") if text is None else text
        with self._changed:
            self._diagnostics.pop(uri, None)
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": content}})
        return uri

    def diagnostics(self, uri: str, timeout: float = 30.0) -> list[dict[str, Any]]:
        """The problems the editor underlines in the file, once the server has published them."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while uri not in self._diagnostics:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no diagnostics for {uri} within {timeout} s")
                self._changed.wait(left)
            return self._diagnostics[uri]

    def completions(self, uri: str, line: int, character: int) -> list[dict[str, Any]]:
        """What the editor offers at a position (0-based line and character)."""
        result = self.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
        return result["items"] if isinstance(result, dict) else result or []

    def hover(self, uri: str, line: int, character: int) -> str:
        result = self.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
        return (result or {}).get("contents", {}).get("value", "") if result else ""

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.process.wait(timeout=10)
        except (OSError, TimeoutError, subprocess.TimeoutExpired):
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> LanguageServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the protocol -------------------------------------------------------------------------

    def request(self, method: str, params: Any, timeout: float = 30.0) -> Any:
        self._next_id += 1
        number = self._next_id
        reply: queue.Queue = queue.Queue()
        self._replies[number] = reply
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        try:
            message = reply.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError(f"yaml-language-server did not answer {method} within {timeout} s") from None
        if "error" in message:
            raise RuntimeError(f"{method}: {message['error']}")
        return message.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value)
            if not line:
                return
            message = json.loads(stream.read(length))
            if "method" in message and "id" in message:  # the server asks the editor something
                self._answer(message)
            elif "id" in message:
                self._replies.pop(message["id"], queue.Queue()).put(message)
            elif message.get("method") == "textDocument/publishDiagnostics":
                with self._changed:
                    self._diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
                    self._changed.notify_all()

    def _answer(self, message: dict[str, Any]) -> None:
        result: Any = None
        if message["method"] == "workspace/configuration":
            result = [SETTINGS.get(item.get("section", ""), SETTINGS["yaml"]) for item in message["params"]["items"]]
        self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})


_CAPABILITIES = {
    "textDocument": {
        "completion": {"completionItem": {"snippetSupport": True, "documentationFormat": ["markdown", "plaintext"]}},
        "hover": {"contentFormat": ["markdown", "plaintext"]},
        "publishDiagnostics": {},
    },
    "workspace": {"configuration": True},
}
