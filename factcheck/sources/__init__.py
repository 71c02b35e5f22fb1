"""Sources: reading inputs into `Source` objects, the clusters they form, the date each is read against.

``model.py`` is the `Source` itself, ``arguments.py`` what ``check``
accepts (paths, texts, records, `Source` objects), ``reading.py`` the
entry point (`load_sources`), with ``files.py``
(safe file reading), ``front_matter.py`` and ``jsonl.py``;
``clusters.py`` plans which sources are checked together and
``reference_dates.py`` decides what "Tuesday" means in each.
"""

from factcheck.sources.arguments import SourceInput
from factcheck.sources.model import Source, SourceProblem
from factcheck.sources.reading import load_sources

__all__ = ["Source", "SourceInput", "SourceProblem", "load_sources"]
