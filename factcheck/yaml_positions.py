"""Safe YAML loading that remembers where every value came from.

Rule files are written by people, so an error must point at the line and
column to fix.  We compose the YAML node graph with PyYAML's safe loader
(no tags that build objects) and convert it ourselves, recording each
path's position, and bounding size, nesting and alias expansion so a
"billion laughs" file fails fast instead of eating memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is much faster; fall back where libyaml is missing
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader

MAX_BYTES = 2_000_000
MAX_NODES = 200_000
MAX_DEPTH = 50

Path_ = tuple[str | int, ...]


class YamlLoadError(ValueError):
    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass
class PositionedYaml:
    """A YAML document as plain data plus the 1-based (line, column) of each path."""

    data: Any
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def position(self, path: Path_) -> tuple[int, int] | None:
        """Position of the deepest prefix of ``path`` that exists."""
        for cut in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:cut]))
            if found:
                return found
        return None


_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_STR_TAG = "tag:yaml.org,2002:str"


class _Converter:
    def __init__(self, timestamps: bool = True, max_nodes: int = MAX_NODES) -> None:
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.nodes = 0
        self.max_nodes = max_nodes
        self.timestamps = timestamps
        self._constructor = yaml.SafeLoader("")

    def scalar(self, node: yaml.Node) -> Any:
        if node.tag == _STR_TAG or (not self.timestamps and node.tag == _TIMESTAMP_TAG):
            return node.value  # what the constructor returns for a string, without its bookkeeping
        try:
            return self._constructor.construct_object(node)
        except yaml.constructor.ConstructorError:
            raise
        except (ValueError, TypeError, OverflowError) as exc:  # e.g. a timestamp 2022-20-01
            raise YamlLoadError(
                f"invalid value {str(node.value)[:80]!r}: {exc}",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            ) from exc

    def convert(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > self.max_nodes:
            raise YamlLoadError(
                f"document expands to more than {self.max_nodes} values (alias bomb?)",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            )
        if depth > MAX_DEPTH:
            raise YamlLoadError(
                f"nesting deeper than {MAX_DEPTH} levels",
                node.start_mark.line + 1,
                node.start_mark.column + 1,
            )
        self.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = self.convert(key_node, (*path, "<key>"), depth + 1)
                if not isinstance(key, str | int | bool | float) and key is not None:
                    raise YamlLoadError(
                        "mapping keys must be plain values",
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                    )
                if key in result:
                    raise YamlLoadError(
                        f"duplicate key {key!r}",
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                    )
                child = (*path, str(key))
                self.positions[child] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                result[key] = self.convert(value_node, child, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node)


def load_yaml_text(
    text: str,
    name: str = "<string>",
    *,
    timestamps: bool = True,
    max_bytes: int = MAX_BYTES,
    max_nodes: int = MAX_NODES,
) -> PositionedYaml:
    """Parse one YAML document safely; raises `YamlLoadError` with a position.

    With ``timestamps=False`` dates and times stay the strings written, for a
    caller that validates them itself.  Size (``max_bytes``), nesting
    (`MAX_DEPTH`) and alias expansion (``max_nodes`` values) are bounded.
    """
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise YamlLoadError(f"document is larger than the {max_bytes}-byte limit")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        problem = exc.problem or "invalid YAML"
        if mark is None:
            raise YamlLoadError(f"invalid YAML: {problem}") from exc
        raise YamlLoadError(f"invalid YAML: {problem}", mark.line + 1, mark.column + 1) from exc
    except yaml.YAMLError as exc:
        raise YamlLoadError(f"invalid YAML: {exc}") from exc
    except UnicodeError as exc:  # a str holding lone surrogates: not encodable text
        where = getattr(exc, "start", None)
        raise YamlLoadError(f"not valid Unicode text (character {where}): {exc}") from exc
    if node is None:
        return PositionedYaml(None)
    converter = _Converter(timestamps, max_nodes)
    try:
        data = converter.convert(node, (), 0)
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise YamlLoadError(f"invalid value: {exc.problem}", line, col) from exc
    return PositionedYaml(data, converter.positions)


def load_yaml_file(path: Path) -> PositionedYaml:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlLoadError(f"cannot read: {exc.strerror or exc}") from exc
    return load_yaml_bytes(raw, str(path))


def load_yaml_bytes(raw: bytes, name: str = "<bytes>") -> PositionedYaml:
    """`load_yaml_text` of a rule file's bytes, after the size and UTF-8 checks a file gets."""
    if len(raw) > MAX_BYTES:
        raise YamlLoadError(f"file is larger than the {MAX_BYTES}-byte limit for rule files")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlLoadError(f"not valid UTF-8 at byte offset {exc.start}") from exc
    return load_yaml_text(text, name)
