"""Clinic App: structured anterior knee pain examination with decision support."""

# Kept equal to pyproject.toml's version by a test; a literal because reading the
# installed metadata costs ~25 ms at every start.
__version__ = "0.1.0"
