"""MkDocs hook: the CSP hashes of every inline script the built pages carry (the theme emits a few).

The deployed Content-Security-Policy allows scripts from the site itself and these hashes only, never
'unsafe-inline'. After the build this writes `build/csp-script-hashes.txt`, one `sha256-…` a line, which
`infra/deploy.sh` hands to the stack (parameter `InlineScriptHashes`). Data blocks (`type="application/json"`)
are not scripts and need no hash.
"""

from __future__ import annotations

import base64
import hashlib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

HASHES_FILE = "csp-script-hashes.txt"
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._inside: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        named = {k: (v or "") for k, v in attrs}
        if "src" not in named and named.get("type", "").strip().lower() in _SCRIPT_TYPES:
            self._inside = []

    def handle_data(self, data: str) -> None:
        if self._inside is not None:
            self._inside.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inside is not None:
            self.scripts.append("".join(self._inside))
            self._inside = None


def inline_scripts(html: str) -> list[str]:
    """The text of each executable inline script, exactly as the browser hashes it."""
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def csp_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def site_hashes(site_dir: Path) -> list[str]:
    found = {csp_hash(s) for page in site_dir.rglob("*.html") for s in inline_scripts(page.read_text("utf-8"))}
    return sorted(found)


def on_post_build(config: Any, **_: Any) -> None:
    site_dir = Path(config["site_dir"])
    (site_dir.parent / HASHES_FILE).write_text("".join(f"{h}\n" for h in site_hashes(site_dir)), encoding="utf-8")
