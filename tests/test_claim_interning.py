"""Sharing equal parts of claims saves memory and changes nothing observable."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims import AnyClaim, ClaimInterner, DateClaim, EntityClaim, QuantityClaim

words = st.sampled_from(["Ana Kovac", "Kovac", "NATO", "Kyiv", "the ministry said", ""])


@st.composite
def claims(draw: st.DrawFn) -> list[AnyClaim]:
    made: list[AnyClaim] = []
    for i in range(draw(st.integers(1, 12))):
        text = draw(words) or "x"
        # Built from separate string objects, as the cache and worker processes give them.
        common = {
            "source": "".join(["s", str(draw(st.integers(0, 2)))]),
            "start": i,
            "end": i + len(text),
            "text": "".join(list(text)),
            "sentence": "".join(list(draw(words))),
        }
        kind = draw(st.sampled_from(["date", "quantity", "entity"]))
        if kind == "date":
            made.append(DateClaim(**common, value=draw(st.sampled_from([None, "2022-02-01"])), granularity="day"))
        elif kind == "quantity":
            noun = draw(st.sampled_from([None, "troops"]))
            made.append(QuantityClaim(**common, value=draw(st.floats(0, 1e6)), noun=noun))
        else:
            made.append(EntityClaim(**common, label="PERSON", surface="".join(list(text))))
    return made


def interned(made: list[AnyClaim]) -> list[AnyClaim]:
    interner = ClaimInterner()
    return [interner.claim(c) for c in made]


@given(claims())
def test_sharing_changes_no_value(made: list[AnyClaim]) -> None:
    before = [(c.model_dump(), c.model_fields_set.copy()) for c in made]
    shared = interned(made)
    assert [(c.model_dump(), c.model_fields_set) for c in shared] == before
    assert [(c.model_dump(), c.model_fields_set) for c in made] == before  # the originals are untouched
    by_value: dict[str, str] = {}
    for claim in shared:
        for value in (claim.source, claim.text, claim.sentence):
            assert by_value.setdefault(value, value) is value  # one object per distinct string


@given(claims())
def test_a_copy_of_a_shared_claim_leaves_the_others_alone(made: list[AnyClaim]) -> None:
    shared = interned(made)
    fields_before = [c.model_fields_set.copy() for c in shared]
    changed = shared[0].model_copy(update={"sentence_start": 5})
    assert "sentence_start" in changed.model_fields_set
    assert [c.model_fields_set for c in shared] == fields_before


def test_claims_with_the_same_fields_share_one_field_set() -> None:
    a, b = (EntityClaim(source="s", start=0, end=3, text="Ana", label="PERSON", surface="Ana") for _ in range(2))
    assert a.model_fields_set is not b.model_fields_set
    shared_a, shared_b = interned([a, b])
    assert shared_a.model_fields_set is shared_b.model_fields_set


def test_a_claim_already_shared_is_kept_as_is() -> None:
    interner = ClaimInterner()
    first = interner.claim(EntityClaim(source="s", start=0, end=3, text="Ana", label="PERSON", surface="Ana"))
    assert interner.claim(first) is first


@given(claims())
def test_shared_copies_are_what_pydantic_would_construct(made: list[AnyClaim]) -> None:
    for original, shared in zip(made, interned(made), strict=True):
        constructed = type(original).model_construct(_fields_set=set(original.model_fields_set), **original.__dict__)
        assert shared == constructed and shared.model_dump() == constructed.model_dump()
        assert shared.model_fields_set == constructed.model_fields_set
        assert (shared.__pydantic_extra__, shared.__pydantic_private__) == (None, None)
