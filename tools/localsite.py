"""Serving a built site on this machine, as the test suite and `make audit` do: a free port, and
a static web server that answers a missing page with its language's own "page not found" page, as
the recommended web server setup does (README, "Deploying")."""

from __future__ import annotations

import http.server
import socket
from pathlib import Path


def free_port() -> int:
    """A localhost port nothing listens on now: to build a site for the address it is served at."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LanguageNotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a site quietly; a missing page gets the 404.html of the language folder its address
    starts with (hr/..., el/...), or the site's own."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404:
            super().send_error(code, message, explain)
            return
        root = Path(self.directory)
        first = self.path.lstrip("/").split("/", 1)[0]
        page = root / first / "404.html" if first and (root / first / "404.html").is_file() else root / "404.html"
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
