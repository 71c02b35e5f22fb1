"""Why two figures of a frame state one fact, and how surely: the anchors `quantity-conflict` weighs."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Anchors:
    """What says two figures state the same fact, and how surely."""

    reasons: tuple[str, ...]
    overlap: float
    event_predicate: bool = False
    """The shared predicate is an event class (killed, injured ...), not just a verb."""
    generic: bool = False
    """The measure says little of what is counted ("times", "others"): only digits anchor it well."""

    @property
    def strong(self) -> bool:
        """The figures surely state one fact: digits alike, or a telling predicate with context.

        A predicate tells when it is an event class (killed, injured,
        evacuated, deployed ...) or when the holders agree too; a common verb
        with like sentences ("threw for 440 yards", "threw for 66 yards") is
        only a hint.  Never strong when the part is ambiguous: a source that
        gives two values for one predicate and measure shows that the frame
        does not pin one fact down.
        """
        reasons = set(self.reasons)
        if "digits" in reasons:
            return True
        if "noun" in reasons and "ambiguous" not in reasons:
            return bool(reasons & {"context", "sentence"})  # one summit's length, in like sentences
        if "ambiguous" in reasons or "predicate" not in reasons or self.generic:
            return False
        return "holder" in reasons or (self.event_predicate and bool(reasons & {"context", "sentence"}))

    def outvoted(self, support: int) -> bool:
        """An event count (killed, evacuated ...) that two or more other sources give alike: the
        verb class ties the figures, and the agreeing sources say which one is off."""
        reasons = set(self.reasons)
        return (
            self.event_predicate
            and not self.generic
            and support >= 2
            and "predicate" in reasons
            and "ambiguous" not in reasons
        )

    @property
    def ties(self) -> bool:
        """Digits alike, or the same verb or holder in sentences in part alike, tie the figures: in
        trusted-sources mode that is enough for a reference's figure to decide against a candidate's.
        A holder alone is not ("Jeffs's 16-year-old daughter" is no age of Jeffs)."""
        reasons = set(self.reasons)
        if "ambiguous" in reasons or self.generic:
            return False
        return "digits" in reasons or bool(reasons & {"predicate", "holder"} and reasons & {"sentence", "context"})

    @property
    def sure(self) -> bool:
        """Strong, and the sentences say the same thing or the holders agree: enough for an error."""
        return self.strong and bool(set(self.reasons) & {"sentence", "holder"})
