#!/usr/bin/env python3
"""Take the README's picture of the map: ``output/map.html`` → ``docs/map.png``.

Needs Debian's chromium and the ``playwright`` package (``pip install -e '.[test]'``);
run ``corridor-mapper build`` first. Usage: python scripts/screenshot.py [MAP] [PNG]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import open_page  # noqa: E402


def main() -> None:
    html = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "output" / "map.html"
    png = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs" / "map.png"
    with open_page(html, width=1400, height=860) as (page, log):
        page.wait_for_timeout(800)
        page.locator("#cm-figures summary").click()
        page.wait_for_timeout(200)
        page.screenshot(path=str(png))
    print(f"wrote {png} ({png.stat().st_size // 1024} KiB); console errors: {len(log['errors'])}, "
          f"network requests: {len(log['requests'])}")


if __name__ == "__main__":
    main()
