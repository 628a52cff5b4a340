"""A package diff for people: lines for a terminal, or one self-contained HTML page with
thumbnails of the pictures that changed (``package diff --html``).

Everything shown comes from packages that may come from anywhere: text for the terminal
goes through ``printable``, text for the page through ``html.escape``, and a picture that
cannot be read, or is too large to decode safely, gets no thumbnail rather than stopping
the report.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable

from kiosk.content.diff import MediaChange, PackageDiff
from kiosk.content.package import MediaItem
from kiosk.safe_text import printable

THUMBNAIL_PX = 240
# Pictures bigger than this are not decoded for a thumbnail (a decompression bomb).
THUMBNAIL_MAX_PIXELS = 40_000_000
THUMBNAIL_MAX_BYTES = 64 * 1024 * 1024

ReadMedia = Callable[[MediaItem], bytes | None]


def text_report(diff: PackageDiff) -> str:
    """The diff as lines for a terminal: [-removed-] and {+added+} words."""
    lines = [_heading(diff)]
    if diff.same:
        lines.append("the two packages show the same content")
        return "\n".join(lines)
    for corner in diff.corners_added:
        lines.append(f"new corner       {printable(corner)}")
    for corner in diff.corners_removed:
        lines.append(f"corner removed   {printable(corner)}")
    if diff.texts:
        lines.append(f"texts ({len(diff.texts)})")
        for change in diff.texts:
            lines.append(f"  {printable(change.where)} [{printable(change.language)}]")
            words = _marked(change.words(), str, "[-{}-]", "{{+{}+}}")
            lines.append(f"    {printable(words)}")
    if diff.media:
        lines.append(f"media ({len(diff.media)})")
        for media in diff.media:
            lines.append(
                f"  {media.change:<9} {printable(media.where)}: "
                f"{_describe(media.old)} → {_describe(media.new)}"
            )
    if diff.values:
        lines.append(f"settings ({len(diff.values)})")
        for value in diff.values:
            lines.append(
                f"  {printable(value.where)}: {printable(value.old) or '(none)'} → "
                f"{printable(value.new) or '(none)'}"
            )
    return "\n".join(lines)


def html_report(diff: PackageDiff, read_old: ReadMedia, read_new: ReadMedia) -> str:
    """The diff as one HTML page; ``read_old``/``read_new`` give a media item's bytes from
    its package (None when they cannot be read)."""
    out = [
        "<!doctype html>",
        '<html lang="ko"><head><meta charset="utf-8">',
        f"<title>{html.escape(_heading(diff))}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>{html.escape(_heading(diff))}</h1>",
    ]
    if diff.same:
        out.append("<p>The two packages show the same content.</p>")
    for corner in diff.corners_added:
        out.append(f"<p class=added>New corner: {html.escape(corner)}</p>")
    for corner in diff.corners_removed:
        out.append(f"<p class=removed>Corner removed: {html.escape(corner)}</p>")
    if diff.texts:
        out.append(f"<h2>Texts ({len(diff.texts)})</h2><table>")
        for change in diff.texts:
            words = _marked(change.words(), html.escape, "<del>{}</del>", "<ins>{}</ins>")
            out.append(
                f"<tr><th>{html.escape(change.where)} "
                f"<span class=lang>{html.escape(change.language)}</span></th>"
                f"<td>{words}</td></tr>"
            )
        out.append("</table>")
    if diff.media:
        out.append(f"<h2>Media ({len(diff.media)})</h2><table>")
        for media in diff.media:
            out.append(_media_row(media, read_old, read_new))
        out.append("</table>")
    if diff.values:
        out.append(f"<h2>Settings ({len(diff.values)})</h2><table>")
        for value in diff.values:
            out.append(
                f"<tr><th>{html.escape(value.where)}</th><td><del>{html.escape(value.old)}"
                f"</del> → <ins>{html.escape(value.new)}</ins></td></tr>"
            )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def _marked(
    parts: list[tuple[str, str]], escape: Callable[[str], str], removed: str, added: str
) -> str:
    """A word diff as one string: each part escaped, removed and added words marked."""
    forms = {"=": "{}", "-": removed, "+": added}
    return "".join(forms[op].format(escape(text)) for op, text in parts)


def _heading(diff: PackageDiff) -> str:
    old, new = diff.old, diff.new
    return (
        f"{printable(old.package_id)} {printable(old.version)} → "
        f"{printable(new.package_id)} {printable(new.version)}"
    )


def _describe(item: MediaItem | None) -> str:
    if item is None:
        return "(none)"
    return f"{printable(item.name)}, {item.size / 1e6:.1f} MB"


def _media_row(media: MediaChange, read_old: ReadMedia, read_new: ReadMedia) -> str:
    cells = []
    for item, read in ((media.old, read_old), (media.new, read_new)):
        if item is None:
            cells.append("<td class=none>(none)</td>")
            continue
        picture = _thumbnail(item, read)
        image = f'<img alt="" src="{picture}">' if picture else ""
        cells.append(f"<td>{image}<div>{html.escape(_describe(item))}</div></td>")
    return (
        f"<tr><th>{html.escape(media.where)} <span class=change>{media.change}</span></th>"
        f"{''.join(cells)}</tr>"
    )


def _thumbnail(item: MediaItem, read: ReadMedia) -> str | None:
    """A small JPEG of a picture as a data: URL; None for anything else or on any failure."""
    if not item.mime_type.startswith("image/") or item.size > THUMBNAIL_MAX_BYTES:
        return None
    if (item.width or 0) * (item.height or 0) > THUMBNAIL_MAX_PIXELS:
        return None
    data = read(item)
    if data is None:
        return None
    from PIL import Image  # only for an HTML report

    try:
        with Image.open(io.BytesIO(data)) as picture:
            if picture.width * picture.height > THUMBNAIL_MAX_PIXELS:
                return None
            picture.draft("RGB", (THUMBNAIL_PX, THUMBNAIL_PX))
            small = picture.convert("RGB")
            small.thumbnail((THUMBNAIL_PX, THUMBNAIL_PX))
            buffer = io.BytesIO()
            small.save(buffer, "JPEG", quality=80)
    except Exception:  # a picture from anywhere: any failure is just no thumbnail
        return None
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


_STYLE = """
body { font-family: "Noto Sans KR", "Noto Sans CJK KR", sans-serif; margin: 2rem auto;
       max-width: 70rem; color: #14213d; line-height: 1.5; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .5rem; border-top: 1px solid #ddd; }
th { width: 30%; font-weight: 600; }
del { background: #fde2e1; color: #8a1c16; } ins { background: #dff3e4; color: #17582b;
      text-decoration: none; }
.lang, .change { color: #4a5468; font-weight: 400; margin-left: .5rem; }
img { max-width: 240px; max-height: 240px; display: block; margin-bottom: .25rem; }
.none { color: #4a5468; }
"""
