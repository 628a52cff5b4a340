"""The command line: ``gyeonggi-kiosk`` (also ``python -m kiosk``).

Every mistake a user can make ends here as a plain message on stderr and a non-zero exit:
2 for a mistake in what was given (arguments, manifest, config), 1 when a package or the
machine is at fault. A traceback means a bug.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kiosk import __version__, trace
from kiosk.config import KioskConfig, load_config
from kiosk.errors import KioskError
from kiosk.safe_text import printable

if TYPE_CHECKING:  # the builder's imports (the ORM, the media probes) only when building
    from kiosk.content.builder import BuildResult

F = TypeVar("F", bound=Callable[..., Any])

_existing_file = click.Path(path_type=Path, dir_okay=False, exists=True)


class _State:
    """What the top-level options decide for every command."""

    def __init__(self, config_path: Path | None, data_dir: Path | None) -> None:
        self.config_path = config_path
        self.data_dir_override = data_dir

    def config(self) -> KioskConfig:
        return load_config(self.config_path)

    def config_file(self) -> Path | None:
        """The config file in use: ``--config``, else ``KIOSK_CONFIG``; None: the defaults."""
        if self.config_path is not None:
            return self.config_path
        return Path(os.environ["KIOSK_CONFIG"]) if os.environ.get("KIOSK_CONFIG") else None

    def data_dir(self, config: KioskConfig) -> Path:
        return config.resolved_data_dir(self.data_dir_override)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="gyeonggi-kiosk")
@click.option(
    "--config",
    "config_path",
    type=_existing_file,
    default=None,
    help="Kiosk config file (default: KIOSK_CONFIG, else built-in defaults).",
)
@click.option(
    "--data-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Data directory (default: KIOSK_DATA_DIR, the config, or the user's).",
)
@click.pass_context
def cli(context: click.Context, config_path: Path | None, data_dir: Path | None) -> None:
    """The Gyeonggi Hall exhibit kiosk."""
    context.obj = _State(config_path, data_dir)


@cli.group()
def package() -> None:
    """Build, check and describe content packages (*.kpkg)."""


class _TqdmProgress:
    """A progress bar on stderr for one large media file."""

    def __init__(self, name: str, total: int) -> None:
        from tqdm import tqdm  # here: tqdm's import costs the kiosk's start-up 60 ms

        self._bar = tqdm(
            total=total,
            desc=name,
            unit="B",
            unit_scale=True,
            unit_divisor=1024,
            file=sys.stderr,
            leave=False,
        )

    def advance(self, count: int) -> None:
        self._bar.update(count)

    def close(self) -> None:
        self._bar.close()


@package.command("build")
@click.argument("manifest", type=_existing_file)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The package file to write.",
)
@click.option(
    "--sign-key",
    type=_existing_file,
    default=None,
    help="Sign the package with this key (from 'package keygen').",
)
@click.option(
    "--allow-media-outside",
    is_flag=True,
    help="Let the manifest name media outside its own folder (absolute, '..', or links).",
)
@click.option(
    "--no-layout",
    is_flag=True,
    help="Skip the layout check (every screen, at the config's display.panel size).",
)
@click.pass_obj
def package_build(
    state: _State,
    manifest: Path,
    output: Path,
    sign_key: Path | None,
    allow_media_outside: bool,
    no_layout: bool,
) -> None:
    """Build a package from a YAML MANIFEST, then check how its texts lie on every screen
    a visitor can reach (at the booth panel's size from --config)."""
    from kiosk.content.builder import build_package

    config = state.config()
    result = build_package(
        manifest,
        output,
        progress=_TqdmProgress,
        sign_key=sign_key,
        allow_media_outside=allow_media_outside,
    )
    warnings = list(result.warnings)
    if not no_layout:
        warnings += _layout_warnings(result, manifest, config)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    click.echo(
        f"built {result.path} ({result.package_id} {result.version}, {result.media_count} media)"
    )


def _layout_warnings(result: BuildResult, manifest: Path, config: KioskConfig) -> list[str]:
    """The layout check's warnings on a package just built; a check that cannot run is
    one more warning, not a failed build."""
    from kiosk.content.layout_client import LayoutCheck

    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            from tqdm import tqdm

            bar = tqdm(total=total, desc="checking the layout", unit="screen", leave=False,
                       file=sys.stderr)  # fmt: skip
        bar.update(done - bar.n)

    try:
        return LayoutCheck(result.path, manifest, result.media_files, config).wait(progress)
    except KioskError as error:
        return [str(error)]
    finally:
        if bar is not None:
            bar.close()


@package.command("keygen")
@click.option(
    "--out",
    "out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The private key file to write (its public half goes to OUT.pub).",
)
def package_keygen(out: Path) -> None:
    """Make an Ed25519 key pair for signing packages."""
    from kiosk.content.signing import generate_key

    key = generate_key(out)
    click.echo(f"wrote {out} (keep it secret) and {out}.pub (key id {key.key_id})")
    click.echo("To trust it on a kiosk, add this line under trusted_keys in its config:")
    click.echo(f'  - "{(out.parent / (out.name + ".pub")).read_text().strip()}"')


def _installer(state: _State, data_dir: Path | None = None) -> Any:
    from kiosk.content.signing import TrustedKey
    from kiosk.install.installer import Installer

    config = state.config()
    keys = [TrustedKey.parse(line) for line in config.trusted_keys]
    return Installer(data_dir or state.data_dir(config), keys)


# "package install FILE --data-dir DIR" reads better than the global option before
# "package"; both work.
_data_dir_option = click.option(
    "--data-dir",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="The kiosk's data directory (overrides the global --data-dir).",
)


@package.command("install")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--approve",
    is_flag=True,
    help="Staff approval: install even if unsigned, untrusted or not newer.",
)
@_data_dir_option
@click.pass_obj
def package_install(state: _State, file: Path, approve: bool, data_dir: Path | None) -> None:
    """Install a package on this kiosk (it shows at the next start or quiet moment)."""
    installer = _installer(state, data_dir)
    bar = None
    shown = 0

    def progress(done: int, total: int) -> None:
        nonlocal bar, shown
        if bar is None and total >= 8 * 1024 * 1024:
            bar = _TqdmProgress(file.name, total)
        if bar is not None:
            bar.advance(done - shown)
            shown = done

    try:
        result = installer.install(file, approved=approve, progress=progress)
    finally:
        if bar is not None:
            bar.close()
    signer = f"signed by key {result.signed_by}" if result.signed_by else "approved by staff"
    click.echo(f"installed {result.package_id} {result.version} ({signer})")


@package.command("rollback")
@_data_dir_option
@click.pass_obj
def package_rollback(state: _State, data_dir: Path | None) -> None:
    """Go back to the content installed before the current one."""
    path = _installer(state, data_dir).rollback()
    click.echo(f"active again: {path.name}")


@package.command("verify")
@click.argument("file", type=click.Path(path_type=Path))
def package_verify(file: Path) -> None:
    """Check a package completely: integrity, format version, every byte, the digest."""
    from kiosk.content.verify import verify_package

    report = verify_package(file)
    if report.ok:
        click.echo(
            f"OK {file} ({report.media_checked} media, {_size(report.bytes_checked)} checked)"
        )
        return
    for problem in report.problems:
        click.echo(f"{file}: {printable(problem)}", err=True)
    raise SystemExit(1)


@package.command("info")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_obj
def package_info(state: _State, file: Path) -> None:
    """Describe a package: identity, languages, corners, media, who signed it."""
    from kiosk.content.package import ContentPackage
    from kiosk.content.signing import SignatureStanding, TrustedKey, signature_standing

    trusted = [TrustedKey.parse(line) for line in state.config().trusted_keys]
    with ContentPackage.open(file) as opened:
        content = opened.content
        standing = signature_standing(
            trusted, content.key_id, content.signature, content.manifest_digest
        )
        signed = {
            SignatureStanding.SIGNED: f"by key {content.key_id}, which this kiosk trusts",
            # The key id is of the right form here (else NOT_VALID): safe to print.
            SignatureStanding.UNTRUSTED: f"names key {content.key_id}, which this kiosk "
            "does not trust (only a trusted key's signature is checked)",
        }.get(standing, standing.words)
        lang = content.default_language
        lines = [
            ("id", content.package_id),
            ("version", content.version),
            ("title", f"{content.title.get(lang)} / {content.subtitle.get(lang)}"),
            ("built", content.built_at),
            ("format", str(content.schema_version)),
            ("languages", ", ".join(content.languages)),
            ("corners", str(len(content.corners))),
            *(
                (f"  {i}.", f"{c.corner_id}: {c.title.get(lang)}")
                for i, c in enumerate(content.corners, start=1)
            ),
            ("media", f"{len(content.media)} items, {_size(content.media_size)}"),
            ("attract", f"{len(content.attract)} items"),
            ("signed", signed),
            ("digest", content.manifest_digest),
        ]
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        # Package text is the package author's: no control sequence reaches the terminal.
        click.echo(f"{label.ljust(width)}  {printable(value)}")


@package.command("diff")
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--html",
    "html_out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write the diff as an HTML page, with thumbnails of the changed pictures.",
)
def package_diff(old: Path, new: Path, html_out: Path | None) -> None:
    """What NEW changes compared with OLD: texts per corner and language, word by word;
    media added, removed or replaced; theme, attract playlist and links."""
    from kiosk.content.diff import diff_packages
    from kiosk.content.diff_report import html_report, text_report
    from kiosk.content.package import ContentPackage, MediaItem
    from kiosk.files import write_atomically

    with ContentPackage.open(old) as before, ContentPackage.open(new) as after:
        diff = diff_packages(before.content, after.content)
        click.echo(text_report(diff))
        if html_out is None:
            return

        def reader(opened: ContentPackage) -> Callable[[MediaItem], bytes | None]:
            def read(item: MediaItem) -> bytes | None:
                try:
                    return b"".join(opened.read_media(item.sha256))
                except Exception:  # a damaged package: no thumbnail, the report goes on
                    return None

            return read

        page = html_report(diff, reader(before), reader(after))
    write_atomically(html_out, page.encode("utf-8"))
    click.echo(f"written: {html_out}")


@package.command("proof")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "-o", "--out", "out", type=click.Path(path_type=Path, dir_okay=False), required=True,
    help="The PDF to write.",
)  # fmt: skip
@click.option(
    "--contact-sheet",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Also write an HTML contact sheet (index.html and a picture per screen) here.",
)
def package_proof(file: Path, out: Path, contact_sheet: Path | None) -> None:
    """Every screen a visitor can reach, rendered by the kiosk itself in each language,
    landscape and portrait and accessibility mode, as one PDF for the client."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen needed
    from kiosk.proof import make_proof

    result = make_proof(file, out, contact_sheet)
    click.echo(f"written: {result.pdf} ({result.pages} pages)")
    if result.contact_sheet is not None:
        click.echo(f"written: {result.contact_sheet / 'index.html'}")


@cli.group()
def staff() -> None:
    """Staff access to the kiosk."""


@staff.command("set-pin")
@click.pass_obj
def staff_set_pin(state: _State) -> None:
    """Set the staff PIN (6 to 8 digits); the config keeps only a salted hash of it."""
    from kiosk.config import set_top_level_value
    from kiosk.staff.pin import forget_wrong_tries, hash_pin

    path = state.config_file()
    if path is None:
        raise KioskError(
            "say which config file keeps the PIN: gyeonggi-kiosk --config FILE staff set-pin"
        )
    pin = click.prompt("New staff PIN", hide_input=True, confirmation_prompt=True)
    set_top_level_value(path, "staff_pin_hash", hash_pin(pin.strip()))
    forget_wrong_tries(state.data_dir(state.config()))
    click.echo(f"the staff PIN is set (kept as a hash in {path}, readable by its owner only)")


@cli.group()
def stats() -> None:
    """What visitors did: summaries and CSV files from the interaction log."""


@stats.command("summary")
@click.option(
    "--day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="One day (YYYY-MM-DD, local time); default: every day.",
)
@click.pass_obj
def stats_summary(state: _State, day: Any) -> None:
    """Sessions, session length, visits and dwell per corner, videos, languages."""
    from kiosk.analytics.log import log_path
    from kiosk.analytics.stats import summarize

    summary = summarize(log_path(state.data_dir(state.config())), day.date() if day else None)
    click.echo(f"{summary.label}")
    click.echo(f"sessions              {summary.sessions}")
    click.echo(f"mean session          {summary.mean_session_seconds:.1f} s")
    corners = sorted(set(summary.corner_visits) | set(summary.video_plays))
    for corner in corners:
        click.echo(f"corner {corner}")
        click.echo(f"  visits              {summary.corner_visits[corner]}")
        click.echo(f"  dwell               {summary.corner_dwell_seconds[corner]:.1f} s")
        click.echo(
            f"  video plays         {summary.video_plays[corner]}"
            f" ({summary.video_completions[corner]} to the end)"
        )
    share = ", ".join(f"{lang} {part:.0%}" for lang, part in summary.language_share().items())
    click.echo(f"languages             {share or '-'}")


@stats.command("merge")
@click.argument("places", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="The hall's report (CSV); OUT-hours.csv and OUT-events.csv go beside it.",
)
@click.option(
    "--html",
    "html_out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Also write the report as one HTML page with charts.",
)
def stats_merge(places: tuple[Path, ...], out: Path, html_out: Path | None) -> None:
    """One report for a hall: the visitor exports of several kiosks (export folders, or a
    stick's folder of them) added up per kiosk and for the hall, per day and hour."""
    from kiosk.analytics.hall import find_exports, merge, read_export, write_report
    from kiosk.files import write_atomically

    folders = find_exports(places)
    exports = [read_export(folder) for folder in folders]
    report = merge(exports)
    for note in report.notes:
        click.echo(f"note: {printable(note)}", err=True)
    for written in write_report(report, out):
        click.echo(f"wrote {written}")
    if html_out is not None:
        from kiosk.analytics.hall_page import hall_page

        page = hall_page(report, [f"{e.kiosk}: {e.folder}" for e in exports])
        write_atomically(html_out, page.encode("utf-8"))
        click.echo(f"wrote {html_out}")
    kiosks = ", ".join(report.kiosks)
    click.echo(f"{len(exports)} exports of {len(report.kiosks)} kiosks ({printable(kiosks)}), "
               f"{len(report.events)} events, {len(report.days)} days")  # fmt: skip


@stats.command("export")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    required=True,
    help="Folder to write the CSV files to (e.g. a USB stick).",
)
@click.option(
    "--with-log",
    is_flag=True,
    help="As the staff panel does: a dated folder with today's summary and the kiosk's log too.",
)
@click.pass_obj
def stats_export(state: _State, out_dir: Path, with_log: bool) -> None:
    """Write events.csv and daily_summary.csv for a spreadsheet."""
    from kiosk.analytics.log import log_path
    from kiosk.analytics.stats import export_csv
    from kiosk.staff.export import export_for_staff

    config = state.config()
    data_dir = state.data_dir(config)
    files = (
        export_for_staff(data_dir, out_dir, kiosk_name=config.name())
        if with_log
        else export_csv(log_path(data_dir), out_dir, kiosk_name=config.name())
    )
    for written in files:
        click.echo(f"wrote {written}")


@cli.command()
@click.option(
    "--package",
    "package_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Show this package (default: the built-in demo).",
)
@click.option("--windowed", is_flag=True, help="A normal window instead of fullscreen.")
@click.option(
    "--screenshot",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="Render the home screen to this PNG and exit.",
)
@click.option(
    "--size",
    default=None,
    metavar="WxH",
    help="Window size with --windowed or --screenshot, e.g. 1080x1920.",
)
@click.pass_obj
def run(
    state: _State,
    package_path: Path | None,
    windowed: bool,
    screenshot: Path | None,
    size: str | None,
) -> None:
    """Run the kiosk (fullscreen) on a package or the built-in demo."""
    from kiosk.app import EXIT_RESTART, RunOptions, run_kiosk
    from kiosk.curtain import config_stamp

    trace.mark("app_imported")
    config = state.config()
    trace.mark("config_read")
    options = RunOptions(
        data_dir=state.data_dir(config),
        package=package_path,
        windowed=windowed,
        screenshot=screenshot,
        size=_parse_size(size) if size else None,
        config_stamp=config_stamp(state.config_file()),
    )
    code = run_kiosk(config, options)
    if code == EXIT_RESTART:
        # Staff asked for a restart: the same command again, in a fresh process.
        os.execv(sys.executable, [sys.executable, "-m", "kiosk", *sys.argv[1:]])
    raise SystemExit(code)


@cli.command()
@click.argument("manifest", type=_existing_file)
@click.option("--size", default=None, help="Window size as WxH (default: the config's).")
@click.option(
    "--allow-media-outside",
    is_flag=True,
    help="Let the manifest name media outside its own folder (as package build does).",
)
@click.pass_obj
def preview(state: _State, manifest: Path, size: str | None, allow_media_outside: bool) -> None:
    """The real kiosk UI in a window, on MANIFEST's content, reloaded at every save of it
    or of a media file it names; mistakes show over the last good content."""
    from kiosk.preview import run_preview

    config = state.config()
    code = run_preview(manifest, config, _parse_size(size) if size else None, allow_media_outside)
    raise SystemExit(code)


_JSON_OPTION = click.option(
    "--json", "as_json", is_flag=True, help="One JSON document (its schema: docs/schemas/)."
)


@cli.command()
@_JSON_OPTION
@click.pass_obj
def status(state: _State, as_json: bool) -> None:
    """The kiosk at a glance: content, disk, uptime, recent problems (as the staff panel)."""
    from kiosk.content.signing import SignatureStanding, TrustedKey
    from kiosk.staff.kiosk_log import log_file
    from kiosk.staff.status import duration_words, kiosk_status, size_words

    config = state.config()
    data_dir = state.data_dir(config)
    found = kiosk_status(
        data_dir,
        trusted_keys=[TrustedKey.parse(k) for k in config.trusted_keys],
        kiosk_name=config.name(),
    )
    if as_json:
        from kiosk.staff.health_json import status_document

        # ensure_ascii: a package's text cannot put control sequences on a terminal.
        click.echo(json.dumps(status_document(found, data_dir, log_file(data_dir))))
        return

    def describe(facts: Any) -> str:
        if facts is None:
            return "none"
        standing = SignatureStanding[facts.signature.upper()]
        signer = f"signed by key {facts.signer}" if facts.signer else standing.words
        return (
            f"{facts.title} ({facts.package_id} {facts.version}, built {facts.built_at}, {signer})"
        )

    rows = [
        ("kiosk", found.kiosk_name),
        ("content", describe(found.active) if found.active else "the built-in demo"),
        ("previous", describe(found.previous)),
        ("free disk", size_words(found.free_bytes) if found.free_bytes is not None else "unknown"),
        (
            "running",
            f"for {duration_words(found.uptime_seconds)}"
            if found.uptime_seconds is not None
            else "no",
        ),
        ("version", found.app_version),
        ("data", str(data_dir)),
        ("log", str(log_file(data_dir))),
    ]
    # Titles and log lines may carry a package's text: no control sequence gets through.
    for label, value in rows:
        click.echo(f"{label:<10} {printable(value)}")
    click.echo("problems" + ("" if found.problems else "   none"))
    # The log's own lines: a terminal is the technician's (the panel words them for staff).
    for problem in found.problems:
        again = f" ({problem.times} times in a row)" if problem.times > 1 else ""
        click.echo(f"  {problem.at}  {printable(problem.detail)}{again}")


@cli.group()
def schedule() -> None:
    """The opening hours: when the screen is on, and what the booth PC does at night."""


@schedule.command("show")
@click.pass_obj
def schedule_show(state: _State) -> None:
    """Today's state and the coming week's hours, as the kiosk reads the config."""
    import datetime as dt

    from kiosk.paths import DataPaths
    from kiosk.session.opening_hours import Override, OverrideFile

    config = state.config()
    hours = config.schedule.opening_hours()
    if hours.always_open:
        click.echo("no opening hours are set: the screen stays on day and night")
        return
    now = dt.datetime.now()
    override = OverrideFile(DataPaths(state.data_dir(config)).hours_override).read(now.date())
    now_state = hours.state(now, override)
    words = f"the screen is {'on' if now_state.on else 'off'}"
    if now_state.next_change is not None:
        words += f" until {now_state.next_change:%a %Y-%m-%d %H:%M}"
    if override is not Override.NONE:
        words += f" (staff keep it {override.value} today)"
    click.echo(words)
    for offset in range(7):
        day = now.date() + dt.timedelta(days=offset)
        spans = ", ".join(str(span) for span in hours.spans(day)) or "closed"
        click.echo(f"{day:%a %Y-%m-%d}  {spans}")


@schedule.command("plan")
@_JSON_OPTION
@click.pass_obj
def schedule_plan(state: _State, as_json: bool) -> None:
    """What the booth image's timers do next (restart, switch off, wake by RTC), as
    KEY=VALUE lines for its scripts, or JSON."""
    import datetime as dt

    from kiosk.paths import DataPaths
    from kiosk.session.opening_hours import OverrideFile, power_plan

    config = state.config()
    now = dt.datetime.now()
    override = OverrideFile(DataPaths(state.data_dir(config)).hours_override).read(now.date())
    plan = power_plan(
        config.schedule.opening_hours(),
        now,
        override,
        config.schedule.nightly_reboot,
        config.schedule.power_off_when_closed,
    )
    times = {
        "reboot_at": plan.reboot_at,
        "power_off_at": plan.power_off_at,
        "wake_at": plan.wake_at,
    }
    if as_json:
        document: dict[str, object] = {
            "schema": "gyeonggi-kiosk/schedule-plan/1",
            "screen_on": plan.screen_on,
        }
        document |= {key: value and value.isoformat() for key, value in times.items()}
        click.echo(json.dumps(document))
        return
    click.echo(f"screen_on={'yes' if plan.screen_on else 'no'}")
    for key, value in times.items():
        click.echo(f"{key}={value.strftime('%Y-%m-%d %H:%M:%S') if value else ''}")


@cli.command()
@_JSON_OPTION
@click.pass_obj
def doctor(state: _State, as_json: bool) -> None:
    """Is this PC ready to be the kiosk? Checks the setup; exit 1 if something must be fixed."""
    from kiosk.staff.doctor import examine

    config = state.config()
    findings = examine(config, state.data_dir(config))
    if as_json:
        from kiosk.staff.health_json import doctor_document

        document = doctor_document(findings)
        click.echo(json.dumps(document))
        raise SystemExit(0 if document["ready"] else 1)
    width = max(len(finding.subject) for finding in findings)
    for finding in findings:
        click.echo(f"{finding.outcome:<8} {finding.subject:<{width}}  {finding.detail}")
    problems = sum(finding.outcome == "problem" for finding in findings)
    if problems:
        raise click.ClickException(
            f"{problems} thing{'s' if problems > 1 else ''} to fix before the booth opens"
        )
    click.echo("ready")


def _parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise click.BadParameter("use WIDTHxHEIGHT, e.g. 1920x1080", param_hint="--size") from None
    if not (320 <= width <= 8192 and 320 <= height <= 8192):
        raise click.BadParameter("width and height must be 320 to 8192", param_hint="--size")
    return width, height


def _size(count: int) -> str:
    value = float(count)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{count} B"


def main() -> None:
    """Entry point: run the command line, turning user errors into messages and exit codes."""
    if not trace.enabled():  # not started by kiosk.start, which marked the start itself
        trace.configure_from_environment()
        trace.mark("process_start", argv=sys.argv[1:])
    try:
        cli.main(standalone_mode=False, prog_name="gyeonggi-kiosk")
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        raise SystemExit(130) from None
    except click.ClickException as error:
        error.show()
        raise SystemExit(error.exit_code) from None
    except KioskError as error:
        # A message may name a file from a stick or quote a package: escaped, line by line.
        lines = "\n".join(printable(line) for line in str(error).splitlines())
        click.echo(f"error: {lines}", err=True)
        raise SystemExit(error.exit_code) from None
    except OSError as error:
        # The machine refused (disk full, permission, a stick pulled out): say what and where.
        where = f" ({error.filename})" if error.filename else ""
        click.echo(f"error: {error.strerror or error}{where}", err=True)
        raise SystemExit(1) from None
