"""The exercise library: data in resources/exercises/library.toml, parsed here.

The domain takes the TOML *text*; reading the file is the caller's job
(reports and CLI use ``clinic_app.resources.resource``), so this stays pure.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass

REQUIRED_KEYS = (
    "id", "name", "category", "target", "instructions", "default_dose", "frequency",
    "progression", "regression", "source", "illustration",
)
CATEGORIES = ("hip", "knee", "function", "plyometric", "flexibility", "warm_up")


class LibraryError(ValueError):
    """The library file is malformed; the message names the exercise and the key."""


@dataclass(frozen=True)
class Exercise:
    id: str
    name: str
    category: str
    target: str
    instructions: tuple[str, ...]
    default_dose: str
    frequency: str
    progression: str
    regression: str
    source: str
    illustration: str  # file name of the SVG beside library.toml


@dataclass(frozen=True)
class ExerciseLibrary:
    version: str
    exercises: tuple[Exercise, ...]

    def get(self, exercise_id: str) -> Exercise:
        for exercise in self.exercises:
            if exercise.id == exercise_id:
                return exercise
        known = ", ".join(exercise.id for exercise in self.exercises)
        raise KeyError(f"unknown exercise {exercise_id!r}; the library has: {known}")

    def __contains__(self, exercise_id: object) -> bool:
        return any(exercise.id == exercise_id for exercise in self.exercises)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)


def parse_library(text: str) -> ExerciseLibrary:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LibraryError(f"library.toml is not valid TOML: {error}") from error
    entries = data.get("exercise")
    if not isinstance(entries, list) or not entries:
        raise LibraryError("library.toml: expected one or more [[exercise]] tables")
    exercises = tuple(_exercise(index, entry) for index, entry in enumerate(entries))
    ids = [exercise.id for exercise in exercises]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise LibraryError(f"library.toml: duplicate exercise ids: {', '.join(duplicates)}")
    return ExerciseLibrary(version=str(data.get("version", "")), exercises=exercises)


def _exercise(index: int, entry: dict) -> Exercise:
    where = f"library.toml exercise #{index + 1} ({entry.get('id', 'no id')})"
    missing = [key for key in REQUIRED_KEYS if key not in entry]
    if missing:
        raise LibraryError(f"{where}: missing {', '.join(missing)}")
    unknown = sorted(set(entry) - set(REQUIRED_KEYS))
    if unknown:
        raise LibraryError(f"{where}: unknown keys {', '.join(unknown)}")
    if entry["category"] not in CATEGORIES:
        raise LibraryError(
            f"{where}: category {entry['category']!r} is not one of {', '.join(CATEGORIES)}"
        )
    steps = entry["instructions"]
    if not isinstance(steps, list) or not all(isinstance(step, str) for step in steps):
        raise LibraryError(f"{where}: instructions must be a list of sentences")
    values = {key: entry[key] for key in REQUIRED_KEYS if key != "instructions"}
    for key, value in values.items():
        if not isinstance(value, str) or not value.strip():
            raise LibraryError(f"{where}: {key} must be non-empty text")
    return Exercise(instructions=tuple(steps), **values)
