"""Serve a built site on 127.0.0.1 with the headers its `_headers` file sets, as a host would.

Usage: python tests/serve_with_headers.py SITE_DIR PORT [SUB_PATH]
"""

from __future__ import annotations

import functools
import http.server
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from macros.headers import HEADERS_FILE, read_headers_file  # noqa: E402


class Handler(http.server.SimpleHTTPRequestHandler):
    extra_headers: dict[str, str] = {}
    site = ""  # the site's folder under the served directory (a sub-path)

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        # As a host does: a missing address gets the site's own 404 page.
        page = Path(self.directory) / self.site / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main(site_dir: str, port: str, sub_path: str = "") -> None:
    """Serve `site_dir`, under `sub_path` when given (served from a folder that holds it there)."""
    root = Path(site_dir)
    if sub_path:
        root = Path(tempfile.mkdtemp()) / "root"
        (root / sub_path).parent.mkdir(parents=True)
        (root / sub_path).symlink_to(Path(site_dir).resolve(), target_is_directory=True)
    Handler.extra_headers = read_headers_file(Path(site_dir) / HEADERS_FILE)
    Handler.site = sub_path
    handler = functools.partial(Handler, directory=str(root))
    http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler).serve_forever()


if __name__ == "__main__":
    main(*sys.argv[1:4])
