"""The package's version: one home, read by ``pyproject.toml`` and the code alike."""

__version__ = "0.1.0"
