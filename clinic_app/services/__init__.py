"""Use cases over a unit of work and ports; no Qt, no SQL."""
