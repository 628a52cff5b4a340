"""Where each visible text of a manifest was written: from a text a screen shows, in a
language, back to its place in the manifest (and so its line), for the checks that find
it on screen (``kiosk.layout_check``)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kiosk.yamlsource import Location, YamlDocument


class ManifestTexts:
    """Every translated text of a manifest (a mapping from its languages to strings), by
    its words and language."""

    def __init__(self, doc: YamlDocument, languages: Iterable[str]) -> None:
        self.doc = doc
        self._languages = frozenset(languages)
        self._places: dict[tuple[str, str], Location] = {}
        self._walk(doc.data, ())

    def place_of(self, text: str, language: str) -> Location | None:
        """Where ``text`` in ``language`` was written (its first place, if several), or None
        for a text the manifest does not hold (the kiosk's own words)."""
        return self._places.get((text.strip(), language))

    def __len__(self) -> int:
        return len(self._places)

    def _walk(self, node: Any, location: Location) -> None:
        if isinstance(node, dict):
            if node and self._is_translation(node):
                for language, text in node.items():
                    self._places.setdefault((text.strip(), language), (*location, language))
                return
            for key, value in node.items():
                self._walk(value, (*location, key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                self._walk(value, (*location, index))

    def _is_translation(self, node: dict[Any, Any]) -> bool:
        return all(key in self._languages and isinstance(value, str) for key, value in node.items())
