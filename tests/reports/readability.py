"""The Flesch-Kincaid grade level, for checking that patient texts are plain.

grade = 0.39 x words per sentence + 11.8 x syllables per word - 15.59 (Kincaid et al.
1975). Syllables are counted with the usual vowel-group rule of thumb; numbers count as
one word of one syllable. A sentence ends at ".", "!", "?", ":" or ";", and each text
passed in (a bullet, a step) ends one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)?")
_SENTENCE_END = re.compile(r"[.!?:;]+(?:\s|$)")


def syllables(word: str) -> int:
    word = word.lower()
    if not word.isalpha():
        return 1
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # a silent final e: "stride", "lie" stays one
    if word.endswith("ed") and count > 1 and not word.endswith(("ted", "ded")):
        count -= 1  # "swelled", "tucked"
    return max(count, 1)


def grade_level(texts: Iterable[str]) -> float:
    words = sentences = syllable_count = 0
    for text in texts:
        found = _WORD.findall(text)
        if not found:
            continue
        words += len(found)
        syllable_count += sum(syllables(word) for word in found)
        sentences += max(len(_SENTENCE_END.findall(text.rstrip() + " ")), 1)
    if not words:
        return 0.0
    return 0.39 * words / sentences + 11.8 * syllable_count / words - 15.59
