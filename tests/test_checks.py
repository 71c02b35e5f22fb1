"""Each bundled rule on small multi-source texts: it fires where it must and not elsewhere.

The texts are invented; they run through the real pipeline (spaCy model,
dateparser, the bundled YAML rules and name lists on disk).
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.alignment import AlignedCluster
from factcheck.checks.dates import DateConflictParams, _Counterparts
from factcheck.checks.figures import Interval, gap, trailing_zeros, widened
from factcheck.checks.quantities import QuantityConflictParams
from factcheck.claims import DateClaim, QuantityClaim
from factcheck.names.index import NameIndex
from factcheck.report import Finding
from factcheck.sources.model import Source


def run(*texts: str, published: list[str | None] | None = None, reference: str | None = "2025-03-10") -> list[Finding]:
    dates = published or [None] * len(texts)
    sources = [
        Source(id=f"s{i}", text=t, published=dt.date.fromisoformat(d) if d else None)
        for i, (t, d) in enumerate(zip(texts, dates, strict=True))
    ]
    return factcheck.check(sources, reference_date=reference).findings


def of(findings: list[Finding], category: str) -> list[Finding]:
    return [f for f in findings if f.category == category]


def test_quantity_conflict_fires_on_incompatible_tolls() -> None:
    findings = of(
        run(
            "At least 40 people were killed in the blast.",
            "Officials said 12 people were killed in the blast.",
        ),
        "quantity-conflict",
    )
    assert len(findings) == 1
    assert findings[0].severity == "error"
    assert {e.text for e in findings[0].evidence} >= {"12 people"}


def test_quantity_conflict_respects_approximators_and_rounding() -> None:
    texts = (
        "More than 100,000 troops were deployed.",
        "Some 100,000 troops were deployed.",
        "Over 98,000 troops were deployed.",
    )
    assert of(run(*texts), "quantity-conflict") == []


def test_quantity_conflict_never_compares_deaths_with_injuries() -> None:
    assert of(run("Five people were killed.", "Forty people were injured."), "quantity-conflict") == []


def test_growing_toll_in_later_reports_is_info() -> None:
    findings = of(
        run(
            "Twelve people were killed in the fire.",
            "Fifteen people were killed in the fire.",
            published=["2025-03-01", "2025-03-02"],
        ),
        "quantity-conflict",
    )
    assert [f.severity for f in findings] == ["info"]


def test_date_weekday() -> None:
    bad = of(run("The summit opened on Tuesday, 3 March 2025, in Brussels."), "date-weekday")
    assert len(bad) == 1 and bad[0].suggestion == "Monday 3 March 2025"
    assert of(run("The summit opened on Monday, 3 March 2025, in Brussels."), "date-weekday") == []


def test_date_format_malformed_ordinal_and_missing_month() -> None:
    findings = of(
        run("The talks ended on Friday 7th of March 2025.", "The vote is due on the 22th."),
        "date-format",
    )
    texts = {(f.evidence[0].text, f.severity) for f in findings}
    assert any("22th" in t and s == "warning" for t, s in texts)
    assert of(run("The talks ended on 7 March 2025."), "date-format") == []


def test_a_garbled_ordinal_without_its_month_is_reported_once_at_the_louder_severity() -> None:
    findings = of(run("The council will vote on the 22th."), "date-format")
    assert [(f.evidence[0].text, f.severity) for f in findings] == [("22th", "warning")]
    (finding,) = findings
    assert "ordinal suffix 'th'" in finding.message and "without the month" in finding.message
    assert finding.suggestion == "22nd"
    assert [(i["kind"], i["severity"]) for i in finding.details["issues"]] == [
        ("malformed-ordinal", "warning"),
        ("month-missing", "info"),
    ]


def test_date_conflict_between_sources() -> None:
    conflict = run(
        "Emmanuel Macron met Olaf Scholz in Paris on 3 March 2025.",
        "Emmanuel Macron met Olaf Scholz in Paris on 5 March 2025.",
    )
    found = of(conflict, "date-conflict")
    assert len(found) == 1 and found[0].severity == "warning"
    agree = run(
        "Emmanuel Macron met Olaf Scholz in Paris on 3 March 2025.",
        "Emmanuel Macron met Olaf Scholz in Paris on Monday, 3 March 2025.",
    )
    assert of(agree, "date-conflict") == []


def test_an_open_ended_date_is_not_one_side_of_a_conflict() -> None:
    findings = run(
        "Emmanuel Macron met Olaf Scholz in Paris on 3 March 2025.",
        "Emmanuel Macron met Olaf Scholz in Paris after 1 March 2025.",
    )
    assert of(findings, "date-conflict") == []


def test_publication_date_is_not_an_event_date() -> None:
    findings = run(
        "Published: 4 March 2025\nEmmanuel Macron met Olaf Scholz on Monday.",
        "Emmanuel Macron met Olaf Scholz on 3 March 2025.",
    )
    assert of(findings, "date-conflict") == []


def test_name_casing_and_house_style() -> None:
    findings = of(run("Leaders of nato met in Brussels.", "Nato leaders met in Brussels."), "name-casing")
    assert [(f.evidence[0].text, f.suggestion) for f in findings] == [("nato", "NATO")]


def test_name_glued() -> None:
    findings = of(run("Chancellor Olaf Scholzsaid the plan was sound."), "name-glued")
    assert [(f.evidence[0].text, f.suggestion) for f in findings] == [("Scholzsaid", "Scholz said")]
    assert of(run("Chancellor Olaf Scholz said the plan was sound."), "name-glued") == []


def test_name_spelling_against_the_reference_list() -> None:
    findings = of(run("French President Emmanuel Macorn spoke."), "name-spelling")
    assert len(findings) == 1 and findings[0].suggestion == "Emmanuel Macron"
    assert findings[0].severity == "warning"
    details = findings[0].details
    assert details["canonical_from"] == "reference list"
    assert details["spellings"] == {"Emmanuel Macorn": {"s0": 1}}
    assert of(run("French President Emmanuel Macron spoke."), "name-spelling") == []


def test_name_variant_is_info_only() -> None:
    findings = run("Sergei Lavrov arrived.", "Sergey Lavrov arrived.")
    assert of(findings, "name-spelling") == []
    variant = of(findings, "name-variant")
    assert variant and all(f.severity == "info" for f in variant)


def test_title_conflict_against_roles() -> None:
    findings = of(run("Prime Minister Emmanuel Macron spoke in Paris."), "title-conflict")
    assert len(findings) == 1 and "President of France" in (findings[0].suggestion or "")
    assert of(run("President Emmanuel Macron spoke in Paris."), "title-conflict") == []


def claim(
    low: float | None,
    high: float | None,
    qualifier: str = "exact",
    low_inc: bool = True,
    high_inc: bool = True,
) -> QuantityClaim:
    return QuantityClaim(
        source="s",
        start=0,
        end=1,
        text="x",
        value=low,
        qualifier=qualifier,
        low=low,
        high=high,
        low_inclusive=low_inc,
        high_inclusive=high_inc,
    )  # type: ignore[arg-type]


def test_interval_logic() -> None:
    params = QuantityConflictParams()
    assert trailing_zeros(100000) == 5 and trailing_zeros(12) == 0 and trailing_zeros(1.5) == -1
    assert trailing_zeros(4.25) == -2  # a figure with decimals is rounded at its last decimal
    round_figure = widened(claim(100000, 100000), params)
    assert round_figure.low == 90000 and round_figure.high == 110000
    more_than = widened(claim(100000, None, "more_than", low_inc=False), params)
    assert gap(round_figure, more_than) is None
    assert gap(widened(claim(12, 12), params), widened(claim(40, None, "at_least"), params)) == pytest.approx(
        (36 - 12.5) / 36
    )
    # Touching ends overlap only when both are closed.
    assert gap(Interval(0, 5, False, False), Interval(5, 9, False, False)) is None
    assert gap(Interval(0, 5, False, True), Interval(5, 9, False, False)) == 0.0
    assert gap(Interval(0, 5, False, False), Interval(5, 9, True, False)) == 0.0


def test_troop_figures_align_across_deployment_verbs() -> None:
    findings = of(
        run("Russia has massed 100,000 troops near the border.", "Russia has stationed 30,000 troops near the border."),
        "quantity-conflict",
    )
    assert len(findings) == 1 and findings[0].severity == "error"


def test_units_are_converted_before_comparing() -> None:
    agree = run("The convoy stretched for 100 km along the road.", "The convoy stretched for 62 miles along the road.")
    assert of(agree, "quantity-conflict") == []
    differ = run(
        "The convoy stretched for 100 km along the road.", "The convoy stretched for 100 miles along the road."
    )
    assert len(of(differ, "quantity-conflict")) == 1


def test_currencies_are_never_converted_without_rates() -> None:
    texts = ("The aid package is worth 4.5 billion euros.", "The aid package is worth $9 billion.")
    assert of(run(*texts), "quantity-conflict") == []


def test_exchange_rates_from_the_rule_convert_currencies() -> None:
    from factcheck.checks.figures import in_common_unit

    params = QuantityConflictParams(exchange_rates={"EUR": 1.1, "USD": 1.0})
    euros = QuantityClaim(source="a", start=0, end=1, text="x", value=10, low=10, high=10, unit="EUR")
    unit, interval = in_common_unit(euros, widened(euros, params), params)
    assert unit == "currency:USD" and interval.low == pytest.approx((10 - 1) * 1.1)


def test_tolls_of_different_places_are_not_compared() -> None:
    findings = run(
        "Officials said 5,434 people had died in Turkey after the quake.",
        "At least 1,600 people were killed in Syria, state media said.",
        "The quake killed over 7,800 people in Turkey and Syria.",
    )
    assert of(findings, "quantity-conflict") == []


def test_page_furniture_is_not_compared() -> None:
    from factcheck.rulebook.config import Config

    texts = ("You have 57.91% of this article left to read.", "You have 12% of this article left to read.")
    assert of(run(*texts), "quantity-conflict") == []
    sources = [Source(id=f"s{i}", text=t) for i, t in enumerate(texts)]
    config = Config.model_validate({"params": {"quantities.conflict": {"ignore_sentences": []}}})
    findings = factcheck.check(sources, reference_date="2025-03-10", config=config).findings
    assert of(findings, "quantity-conflict")  # the rule, not the extractor, decides


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["s0", "s1", "s2"]),
            st.frozensets(st.sampled_from(["putin", "biden", "nato", "kyiv"]), max_size=3),
            st.booleans(),
        ),
        min_size=1,
        max_size=12,
    ),
    st.integers(0, 3),
)
def test_date_counterpart_is_the_first_majority_date_of_another_source_sharing_participants(
    drawn: list[tuple[str, frozenset[str], bool]], needed: int
) -> None:
    """First in the order of what the dates and their sources say, not of source ids."""
    claims = [
        DateClaim(source=source, start=i * 10, end=i * 10 + 5, text="x", value="2025-03-03", granularity="day")
        for i, (source, _, _) in enumerate(drawn)
    ]
    participants = {(c.source, c.start): names for c, (_, names, _) in zip(claims, drawn, strict=True)}
    agreeing = [c for c, (_, _, majority) in zip(claims, drawn, strict=True) if majority]
    cluster = AlignedCluster("c", {}, {}, claims, [], [], NameIndex([]), participants=participants)
    content = {"s0": "c", "s1": "a", "s2": "b"}
    counterparts = _Counterparts(cluster, agreeing, DateConflictParams(min_shared_participants=needed), content)

    def first_by_scanning(claim: DateClaim) -> DateClaim | None:
        mine = participants[(claim.source, claim.start)]
        for other in sorted(agreeing, key=lambda c: (c.text, c.sentence, content[c.source])):
            if other.source != claim.source and len(mine & participants[(other.source, other.start)]) >= needed:
                return other
        return None

    for claim in claims:
        assert counterparts.of(claim) is first_by_scanning(claim)
