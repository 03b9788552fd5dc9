"""Security headers for the built site, written next to it by the build.

The Content-Security-Policy allows only the site's own origin plus the sha256 hash of each
inline script actually present in the built pages. Material writes a few small inline scripts
that differ by page depth, so the hashes are computed from the output, never kept by hand.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S)
HEADERS_FILE = "_headers"
NGINX_FILE = "security-headers.nginx.conf"


# A page's own content (everything but the theme's frame) sits in this element; the cards
# inside it are articles too, so its end is found by counting.
CONTENT_START = re.compile(r'<article class="md-content__inner[^"]*">')
ARTICLE_TAG = re.compile(r"<(/?)article\b", re.I)
SCRIPT_TAG = re.compile(r"<script", re.I | re.A)


def content_span(html: str) -> tuple[int, int] | None:
    """Where the page's own content starts and ends in `html`, or None if it has none."""
    start = CONTENT_START.search(html)
    if not start:
        return None
    depth = 1
    for tag in ARTICLE_TAG.finditer(html, start.end()):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return start.start(), tag.end()
    return start.start(), len(html)


def inspect(html: str) -> tuple[bool, set[str]]:
    """What the policy needs to know of one page as the build writes it: whether its content,
    rather than the theme around it, holds a script (never allowed, and never hashed into the
    policy, so content can never bring in a script that runs), and the hashes of the theme's
    inline scripts."""
    span = content_span(html)
    if span is None:
        return False, script_hashes(html)
    start, end = span  # read in place: pages are large, and every page is inspected
    in_content = SCRIPT_TAG.search(html, start, end) is not None
    return in_content, script_hashes(html, 0, start) | script_hashes(html, end)


def script_hashes(html: str, start: int = 0, end: int | None = None) -> set[str]:
    """'sha256-...' for every executable inline script in `html` (from `start` to `end`)."""
    hashes = set()
    for match in INLINE_SCRIPT.finditer(html, start, len(html) if end is None else end):
        attrs = match.group("attrs")
        if "src=" in attrs or "application/json" in attrs:
            continue  # external scripts are 'self'; JSON data is never executed
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


# Pagefind's search (the web build) runs its index lookups as WebAssembly, which a browser
# compiles only under 'wasm-unsafe-eval'. It allows compiling WebAssembly and nothing else: no
# eval() or new Function() of JavaScript, no inline script. The module compiled is Pagefind's own,
# fetched from the site's origin ('self'). The file-share build has no Pagefind and no exception.
WASM = "'wasm-unsafe-eval'"


def policy(hashes: list[str], *, in_page: bool = False, pagefind: bool = False) -> str:
    """The Content-Security-Policy; `in_page` for a `<meta>` copy, which browsers read without
    `frame-ancestors` (they ignore it there and warn); `pagefind` for the web build's search."""
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self'", *([WASM] if pagefind else []), *hashes]),
        "style-src 'self'",
        "img-src 'self' data:",  # Material's icons are inline SVG data in its stylesheet
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
    if in_page:
        directives.remove("frame-ancestors 'none'")
    return "; ".join(directives)


def headers(hashes: list[str], *, pagefind: bool = False) -> dict[str, str]:
    return {
        "Content-Security-Policy": policy(hashes, pagefind=pagefind),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


META_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)


def write(site_dir: Path, hashes: list[str], *, in_pages: bool = False, pagefind: bool = False) -> None:
    """Write `_headers` (for hosts that read one) and an nginx include into `site_dir`, allowing
    the inline scripts hashed in `hashes` (and Pagefind's WebAssembly when `pagefind`); with
    `in_pages` (the file-share build, which no web server serves) also put the policy into every
    page as a `<meta http-equiv>`, so a page opened from disk protects itself."""
    values = headers(hashes, pagefind=pagefind)
    if in_pages:
        meta = (
            f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, in_page=True, pagefind=pagefind)}">'
        )
        for page in site_dir.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            page.write_text(META_CHARSET.sub(lambda m: m.group(0) + meta, html, count=1), encoding="utf-8")
    lines = ["# Security headers for every page of this site; made by the build.", "/*"]
    lines += [f"  {name}: {value}" for name, value in values.items()]
    (site_dir / HEADERS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    nginx = [
        "# Security headers for this site; made by the build. In the server or location block",
        "# that serves the site: include /path/to/site/security-headers.nginx.conf;",
    ]
    nginx += [f'add_header {name} "{value}" always;' for name, value in values.items()]
    (site_dir / NGINX_FILE).write_text("\n".join(nginx) + "\n", encoding="utf-8")


def read_headers_file(path: Path) -> dict[str, str]:
    """The headers a `_headers` file sets for /* (what a host would send)."""
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("  ") and ":" in line:
            name, value = line.strip().split(":", 1)
            values[name] = value.strip()
    return values
