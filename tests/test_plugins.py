"""Plugins through entry points: the example plugin in tests/plugins is installed by the Makefile."""

from __future__ import annotations

from collections.abc import Iterator
from importlib.metadata import EntryPoint

import pytest

import factcheck
from factcheck import checks
from factcheck.checks import registry as check_registry
from factcheck.extraction import plugins as extractor_plugins
from factcheck.sources.model import Source

TEXT = "Zorblax Quennington said the minister was FURIOUS about the NATO leak."


def test_example_plugin_adds_a_check_type_a_rule_pack_and_an_extractor() -> None:
    assert "shouting" in checks.get_check_types()
    report = factcheck.check([Source(id="a", text=TEXT)], rules=["example"])
    assert [(f.rule, f.evidence[0].text) for f in report.findings] == [("example.shouting", "FURIOUS")]
    cast = [c for c in report.claims if c.kind == "entity" and c.text == "Zorblax Quennington"]
    assert cast and cast[0].canonical == "Zorblax Quennington"
    assert report.problems == []


@pytest.fixture()
def broken_entry_points(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    broken = [
        EntryPoint(name="broken-check", value="no_such_module:Thing", group="factcheck.checks"),
        EntryPoint(name="broken-extractor", value="no_such_module:thing", group="factcheck.extractors"),
    ]

    def fake(group: str) -> list[EntryPoint]:
        return [e for e in broken if e.group == group]

    monkeypatch.setattr(check_registry, "entry_points", fake)
    monkeypatch.setattr(extractor_plugins, "entry_points", fake)
    check_registry._discovered.cache_clear()
    extractor_plugins.extractor_plugins.cache_clear()
    yield
    monkeypatch.undo()
    check_registry._discovered.cache_clear()
    extractor_plugins.extractor_plugins.cache_clear()


def test_a_plugin_that_fails_to_load_is_reported_and_the_run_goes_on(broken_entry_points: None) -> None:
    report = factcheck.check([Source(id="a", text="Leaders of nato met in Brussels.")])
    messages = [p.message for p in report.problems if p.kind == "plugin"]
    assert any("check plugin 'broken-check' failed to load" in m for m in messages)
    assert any("extractor plugin 'broken-extractor' failed to load" in m for m in messages)
    assert [f.category for f in report.findings] == ["name-casing"]
