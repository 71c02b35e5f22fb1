"""Alignment: grouping the claims of different sources that state the same fact.

``cluster.py`` builds the `AlignedCluster` the checks read; ``quantities.py``
says which figures may state the same fact (their frame); ``sentences.py``
indexes what the claims' sentences say (names, years, words).
"""

from factcheck.alignment.cluster import AlignedCluster, align, entity_key
from factcheck.alignment.quantities import EVENT_CLASSES, QuantityFrame, event_class, quantity_key

__all__ = ["EVENT_CLASSES", "AlignedCluster", "QuantityFrame", "align", "entity_key", "event_class", "quantity_key"]
