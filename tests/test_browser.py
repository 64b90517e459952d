"""The HTML report in a real browser: headless Chromium loads it, draws it to PNG and prints
it to PDF.

The page must load without a single console message (it has no script, so any message is a
Content-Security-Policy violation, a failed load or a parse problem), and the DOM the browser
builds must hold every finding. Skipped when Chromium is not installed; .ci/run installs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest

import consistency
from consistency.report.html import render

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).resolve().parent / "data" / "html-adversarial"
TIMEOUT = 120  # seconds for one browser run
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@cache
def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


pytestmark = pytest.mark.skipif(
    _chromium() is None,
    reason="Chromium is not installed: the browser test needs 'chromium' or "
    "'chromium-browser' on PATH (Debian: apt-get install -y chromium chromium-driver; "
    ".ci/run installs it)",
)


def _browser(tmp_path: Path, page: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """One headless Chromium run on ``page`` with its console logged to stderr."""
    command = [
        _chromium() or "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--no-default-browser-check",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        *arguments,
        page.as_uri(),
    ]
    environment = {**os.environ, "HOME": str(tmp_path)}
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
        env=environment,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def _console(stderr: str) -> list[str]:
    """The console messages of the page (Chromium logs them as ``CONSOLE`` lines)."""
    return [line for line in stderr.splitlines() if re.search(r":CONSOLE[(:]", line)]


class _Markup(HTMLParser):
    """The element and attribute names of a serialized DOM."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.ids: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes.update(name for name, _value in attrs)
        self.ids += [value for name, value in attrs if name == "id" and value]


def _report_page(tmp_path: Path, paths: list[str], folder: Path) -> tuple[Path, list[str]]:
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        report = consistency.check(paths)
    finally:
        os.chdir(cwd)
    page = tmp_path / "report.html"
    page.write_text(render(report, title="Browser test"), encoding="utf-8")
    return page, [item.id for item in report.discrepancies]


def test_the_console_check_sees_what_a_page_logs(tmp_path):
    """Without this, a browser that logs nothing would pass every check below."""
    page = tmp_path / "blocked.html"
    page.write_text(
        '<!DOCTYPE html><meta http-equiv="Content-Security-Policy" content="default-src '
        '\'none\'"><p id="x">x</p><img src="https://invalid.example/x.png">',
        encoding="utf-8",
    )
    result = _browser(tmp_path, page, "--dump-dom")
    assert any("Content Security Policy" in line for line in _console(result.stderr))
    assert "x" in _Markup(result.stdout).ids


@pytest.fixture
def seeds_page(tmp_path):
    return _report_page(tmp_path, ["seeds"], ROOT)


def test_the_report_loads_without_console_messages_and_shows_every_finding(tmp_path, seeds_page):
    page, ids = seeds_page
    assert len(ids) == 4
    result = _browser(tmp_path, page, "--dump-dom")
    assert _console(result.stderr) == []
    dom = _Markup(result.stdout)
    assert {"svg", "article", "mark"} <= dom.tags
    assert "script" not in dom.tags
    for finding in ids:
        assert finding in dom.ids, finding
        assert f'data-finding="{finding}"' in result.stdout, finding


def test_the_report_renders_to_png_and_prints_to_a4_pdf(tmp_path, seeds_page):
    page, _ids = seeds_page
    png = tmp_path / "report.png"
    result = _browser(tmp_path, page, "--window-size=1280,2000", f"--screenshot={png}")
    assert _console(result.stderr) == []
    data = png.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 20_000

    pdf = tmp_path / "report.pdf"
    result = _browser(tmp_path, page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert _console(result.stderr) == []
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 20_000
    # A4 pages (595 x 842 pt), the timeline on a landscape one
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    sizes = {(round(float(w)), round(float(h))) for w, h in boxes}
    assert len(boxes) >= 2, boxes
    assert sizes <= {(595, 842), (842, 595)}, sizes
    assert (842, 595) in sizes


def test_hostile_articles_cannot_run_or_load_anything(tmp_path):
    page, ids = _report_page(tmp_path, [HOSTILE.name], HOSTILE.parent)
    result = _browser(tmp_path, page, "--dump-dom")
    # a script or image that got through would be blocked and logged by the page's policy
    assert _console(result.stderr) == []
    dom = _Markup(result.stdout)
    assert set(ids) <= set(dom.ids)
    assert not {"script", "img", "textarea", "iframe", "object"} & dom.tags
    assert not [name for name in dom.attributes if name.startswith("on")]
    assert "<script>alert(1)</script>" in result.stdout.replace("&lt;", "<").replace("&gt;", ">")
