"""Read YAML as plain data, remembering the line of every key and item.

Policy files, requests and reforms are data, never code: only the safe YAML types are built,
anchors and aliases are refused (no billion-laughs expansion), duplicate keys are an error,
and every mapping and list remembers where its entries came from so that errors can name
``file:line``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, SequenceNode

MAX_DOCUMENT_BYTES = 2_000_000
MAX_DEPTH = 64


class YamlError(ValueError):
    """A document that is not acceptable YAML data, with its position (1-based line)."""

    def __init__(self, message: str, source: str, line: int | None = None) -> None:
        self.message = message
        self.source = source
        self.line = line
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {message}")


class LineDict(dict[str, Any]):
    """A mapping that knows the line of each key (``lines``) and of itself (``line``)."""

    line: int = 0
    lines: dict[str, int]


class LineList(list[Any]):
    """A list that knows the line of each item (``lines``) and of itself (``line``)."""

    line: int = 0
    lines: list[int]


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise YamlError(
                "aliases (*name) are not allowed in paiwu documents",
                self.name,
                event.start_mark.line + 1,
            )
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if getattr(event, "anchor", None):
            raise YamlError(
                "anchors (&name) are not allowed in paiwu documents",
                self.name,
                event.start_mark.line + 1,
            )
        depth = getattr(self, "_depth", 0)
        if depth > MAX_DEPTH:
            raise YamlError(f"nested deeper than {MAX_DEPTH} levels", self.name, event.start_mark.line + 1)
        self._depth = depth + 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth = depth


def _construct_mapping(loader: _Loader, node: MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            raise YamlError(f"duplicate key '{key}'", loader.name, key_node.start_mark.line + 1)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


# Dates stay strings: the models parse them, so an impossible date is an error naming its field.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def load_text(text: str, source: str) -> Any:
    """Parse one YAML (or JSON, which is YAML) document into plain data with line info."""
    if len(text.encode("utf-8", errors="replace")) > MAX_DOCUMENT_BYTES:
        raise YamlError(f"document larger than {MAX_DOCUMENT_BYTES} bytes", source)
    try:
        # the reader checks every character as the loader is built: a control character or an
        # undecodable byte is refused here, with its position
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1 if error.position is not None else None
        raise YamlError(
            f"special characters are not allowed ({error.reason} at character {error.position})", source, line
        ) from None
    loader.name = source
    try:
        return loader.get_single_data()
    except YamlError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = error.problem or "invalid YAML"
        if "could not determine a constructor" in str(error):
            problem = "tags that construct objects are not allowed in paiwu documents"
        raise YamlError(problem, source, line) from None
    except yaml.YAMLError as error:
        raise YamlError(str(error), source) from None
    except (ValueError, TypeError, RecursionError) as error:
        raise YamlError(f"unreadable value: {error}", source) from None
    finally:
        loader.dispose()


def load_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise YamlError("not valid UTF-8 text", str(path)) from None
    return load_text(text, str(path))


def line_of(container: Any, key: str | int | None = None) -> int | None:
    """The line of ``container[key]`` (or of the container itself) if it is known."""
    if key is None:
        return getattr(container, "line", None) or None
    if isinstance(container, LineDict) and isinstance(key, str):
        return container.lines.get(key) or container.line or None
    if isinstance(container, LineList) and isinstance(key, int) and 0 <= key < len(container.lines):
        return container.lines[key]
    return getattr(container, "line", None) or None


def line_at(document: Any, location: tuple[str | int, ...]) -> int | None:
    """Follow a pydantic-style error location into the document and return the deepest line."""
    line = line_of(document)
    node = document
    for part in location:
        found = line_of(node, part)
        if found:
            line = found
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return line
