"""Open a page in headless Debian Chromium with Playwright, network blocked."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions"]


@contextlib.contextmanager
def open_page(html: Path, width: int = 1400, height: int = 900):
    """Yield ``(page, log)``; every request that is not file:/data: is blocked and recorded."""
    from playwright.sync_api import sync_playwright

    log = {"errors": [], "requests": [], "dialogs": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on("console", lambda m: log["errors"].append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: log["errors"].append(str(e)))
            page.on("dialog", lambda d: (log["dialogs"].append(d.message), d.dismiss()))

            def block(route):
                url = route.request.url
                if url.startswith(("file:", "data:", "about:")):
                    route.continue_()
                else:
                    log["requests"].append(url)
                    route.abort()

            page.route("**/*", block)
            page.goto(html.resolve().as_uri())
            page.wait_for_function("window.corridorMapper !== undefined", timeout=15000)
            yield page, log
        finally:
            browser.close()
