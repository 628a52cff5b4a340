"""YAML documents that remember where each value came from.

Manifests and the kiosk config are validated with pydantic, which reports every mistake
at once with a path into the data (``corners → 2 → title``). Editors need a file and a
line, so :func:`load_yaml` keeps, next to the plain data, a map from each path to the
line of the YAML that wrote it, and :func:`describe_validation_error` turns pydantic's
errors into ``file:line: message`` lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from kiosk import limits
from kiosk.files import NotARegularFileError, open_regular_file

Location = tuple[str | int, ...]


class _TooLargeError(Exception):
    """The document grows past a limit as it is read (a nesting, or an alias expanded)."""

    def __init__(self, line: int, what: str) -> None:
        super().__init__(what)
        self.line = line
        self.what = what


@dataclass
class YamlDocument:
    """Plain data loaded from a YAML file and the line each value stands on."""

    path: Path
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def where(self, location: Sequence[str | int]) -> str:
        """``file:line`` of the deepest known part of ``location``."""
        loc = tuple(location)
        while loc and loc not in self.lines:
            loc = loc[:-1]
        return f"{self.path}:{self.lines.get(loc, 1)}"

    def problem(self, location: Sequence[str | int], message: str) -> str:
        """One reported mistake: ``file:line: message``."""
        return f"{self.where(location)}: {message}"


def load_yaml(path: Path) -> YamlDocument:
    """Read ``path`` as YAML, keeping lines; syntax errors and duplicate keys become problems.

    Raises ``OSError`` when the file cannot be read; everything wrong inside it is in
    ``problems`` so callers can report it with the rest. Only a regular file is read (a
    pipe would hang the read), up to ``limits.YAML_BYTES``; nesting deeper than
    ``limits.YAML_DEPTH`` and more than ``limits.YAML_VALUES`` values once aliases are
    expanded (an alias bomb) are problems, not a hang.
    """
    doc = YamlDocument(path=path, data=None)
    text = _read_text(path, doc)
    if text is None:
        return doc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        doc.problems.append(f"{path}:{line}: not valid YAML: {error.problem or error}")
        return doc
    except yaml.YAMLError as error:
        doc.problems.append(f"{path}:1: not valid YAML: {error}")
        return doc
    except RecursionError:
        doc.problems.append(f"{path}:1: nested more than {limits.YAML_DEPTH} levels deep")
        return doc
    if node is None:
        doc.data = {}
        return doc
    try:
        doc.data = _plain(node, (), doc, [0])
    except _TooLargeError as error:
        doc.problems.append(f"{path}:{error.line}: {error.what}")
        doc.data = None
    finally:
        # The shared constructor remembers every node it made: not past one document.
        _constructor.constructed_objects.clear()
        _constructor.recursive_objects.clear()
    return doc


def _read_text(path: Path, doc: YamlDocument) -> str | None:
    try:
        with open_regular_file(path) as file:
            data = file.read(limits.YAML_BYTES + 1)
    except NotARegularFileError as error:
        doc.problems.append(f"{path}: not a file ({error.strerror})")
        return None
    if len(data) > limits.YAML_BYTES:
        doc.problems.append(f"{path}: larger than {limits.YAML_BYTES // 1000} kB")
        return None
    return data.decode("utf-8")


_constructor = yaml.SafeLoader(stream="")


def _plain(node: yaml.Node, location: Location, doc: YamlDocument, count: list[int]) -> Any:
    line = node.start_mark.line + 1
    count[0] += 1
    if count[0] > limits.YAML_VALUES:
        # An alias's own line is where it was first written: name the key that grew instead.
        where = doc.lines.get(location[:1], line)
        raise _TooLargeError(
            where, f"more than {limits.YAML_VALUES} values (with aliases expanded)"
        )
    if len(location) > limits.YAML_DEPTH:
        raise _TooLargeError(line, f"nested more than {limits.YAML_DEPTH} levels deep")
    doc.lines.setdefault(location, line)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if not isinstance(key, str | int):
                key = str(key)
            child = (*location, key)
            if key in result:
                line = key_node.start_mark.line + 1
                doc.problems.append(f"{doc.path}:{line}: '{key}' is given twice")
                continue
            doc.lines[child] = key_node.start_mark.line + 1
            result[key] = _plain(value_node, child, doc, count)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, (*location, i), doc, count) for i, item in enumerate(node.value)]
    return _scalar(node)


_SEXAGESIMAL = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}


def _scalar(node: yaml.Node) -> Any:
    """A plain value as YAML 1.2 reads it: "09:30" is a time someone wrote, not the number
    570 that YAML 1.1's base-60 integers make of it. A value YAML cannot make (a date such
    as 2026-13-01) stays the text it is, for validation to name with its line."""
    if node.tag in _SEXAGESIMAL and ":" in str(node.value):
        return str(node.value)
    try:
        return _constructor.construct_object(node, deep=True)
    except (ValueError, OverflowError, yaml.constructor.ConstructorError):
        return str(node.value) if isinstance(node, yaml.ScalarNode) else None


def describe_validation_error(doc: YamlDocument, error: ValidationError) -> list[str]:
    """Each pydantic error as ``file:line: where: message`` in document order."""
    problems = []
    for item in error.errors(include_url=False):
        location = _data_location(item["loc"])
        message = _message(item)
        label = label_of(location)
        text = f"{label}: {message}" if label else message
        problems.append((doc.lines.get(_known(doc, location), 1), doc.problem(location, text)))
    return [text for _, text in sorted(problems, key=lambda pair: pair[0])]


def _data_location(loc: Iterable[Any]) -> Location:
    # pydantic adds the names of union members and tagged-union tags to a location
    # ("function-after[...]"); only keys and indexes lead into the document.
    return tuple(
        part
        for part in loc
        if isinstance(part, int) or ("[" not in str(part) and "(" not in str(part))
    )


def _known(doc: YamlDocument, location: Location) -> Location:
    while location and location not in doc.lines:
        location = location[:-1]
    return location


def label_of(location: Sequence[str | int]) -> str:
    """A location as an editor reads it: ``corners[2].sections[1].body``."""
    parts: list[str] = []
    for part in location:
        if isinstance(part, int):
            parts.append(f"[{part + 1}]")
        else:
            parts.append(("." if parts else "") + part)
    return "".join(parts)


def _message(item: Any) -> str:
    kind = item["type"]
    if kind == "extra_forbidden":
        return "unknown key (check its spelling and indentation)"
    if kind == "missing":
        return "is required but missing"
    message = str(item["msg"])
    # pydantic prefixes messages raised by our own validators; the rest stand as they are.
    return message.removeprefix("Value error, ")
