"""Cut-offs at which a recorded exam value leaves the expected range (reference.md section 3).

The note marks such values and the rules read some of them; cut-offs that also drive the
rehab plan or a derived value live beside that code (``derived``, ``rehab.builder``).
"""

from __future__ import annotations

MEDIAL_GLIDE_TIGHT_BELOW_QUADRANTS = 1  # tight lateral structures [S]
LATERAL_GLIDE_HYPERMOBILE_ABOVE_QUADRANTS = 3  # [S]
SUPINATED_FPI6_AT_MOST = -1  # FPI-6 -1..-4 supinated [V]
NAVICULAR_DROP_EXCESSIVE_ABOVE_MM = 10  # Brody 1982 [V]
MIDFOOT_WIDTH_CHANGE_ABOVE_MM = 10.96  # Vicenzino 2010 orthosis rule [V]
