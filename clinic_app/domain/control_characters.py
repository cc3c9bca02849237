"""Control characters: refused where people enter text, stripped from text the app prints.

A NUL or a terminal escape sequence (ESC ...) in a name would travel into the
database, the clipboard and a terminal that obeys it. C0 (U+0000-U+001F), DEL and
C1 (U+0080-U+009F) are control characters; newline and tab are layout in free text.
"""

from __future__ import annotations

import re

_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_CONTROL_EXCEPT_LAYOUT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` without control characters other than newline and tab: every text output."""
    return _CONTROL_EXCEPT_LAYOUT.sub("", text)


def control_character_problem(text: str, *, one_line: bool) -> str | None:
    """Why ``text`` is refused, naming the first control character in it; None if it is not.

    ``one_line`` (names, identifiers) refuses newline and tab too.
    """
    found = (_ANY_CONTROL if one_line else _CONTROL_EXCEPT_LAYOUT).search(text)
    if found is None:
        return None
    character = found.group()
    name = f" {_CONTROL_NAMES[character]}" if character in _CONTROL_NAMES else ""
    allowed = "without control characters" if one_line else (
        "without control characters (line breaks and tabs are fine)"
    )
    return f"it contains control character U+{ord(character):04X}{name}; expected text {allowed}"


_CONTROL_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\t": "TAB", "\n": "LF",
                  "\r": "CR", "\x1b": "ESC", "\x7f": "DEL"}
