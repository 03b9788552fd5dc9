"""Serve a built site on 127.0.0.1 with the headers its `_headers` file sets, as a host would.

Usage: python tests/serve_with_headers.py SITE_DIR PORT
"""

from __future__ import annotations

import functools
import http.server
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from macros.headers import HEADERS_FILE, read_headers_file  # noqa: E402


class Handler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass


def main(site_dir: str, port: str) -> None:
    Handler.extra_headers = read_headers_file(Path(site_dir) / HEADERS_FILE)
    handler = functools.partial(Handler, directory=site_dir)
    http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler).serve_forever()


if __name__ == "__main__":
    main(*sys.argv[1:3])
