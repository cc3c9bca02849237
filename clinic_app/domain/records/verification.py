"""``audit verify`` as pure functions over facts read from storage.

The verifier is fed, in this order and in one read transaction: the audit entries in
sequence order (streamed), the signed notes' stored facts, every addendum. It checks

* the chain: each entry's hash (keyed from ``keyed_from`` on, plain SHA-256 before),
  its link to the entry before, gaps, and the chain head's sequence, hash and seal;
* the key: present, the one this database was made with, its record's seal;
* the witness kept outside the database: the entry it names still has that hash and
  the log has not been rewound before it;
* every signed note: its content hash recomputes from its stored content, and a
  signing entry carries that hash and signer; every signing entry still has its note;
* every addendum against its entry (id and digest), and every addendum entry against
  an existing, unchanged addendum;
* the guard triggers storage found missing.

Problems name entries, assessments and addenda by number, never patient content.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import ValidationError

from clinic_app.domain.assessment import Assessment, AssessmentStatus
from clinic_app.domain.model_base import AS_STORED
from clinic_app.domain.patient import Patient
from clinic_app.domain.records.audit import (
    GENESIS_HASH,
    AuditAction,
    AuditEntry,
    ChainHead,
    range_text,
    recomputed_hash,
)
from clinic_app.domain.records.canonical import content_hash, legacy_content_hash
from clinic_app.domain.records.keyed import (
    AuditKeyRecord,
    addendum_digest,
    detail_fields,
    head_is_sealed,
    key_fingerprint,
)
from clinic_app.domain.records.signature import Addendum

SIGNED = AssessmentStatus.SIGNED.value
_SIGNING_ACTIONS = frozenset({AuditAction.SIGNED.value, AuditAction.CO_SIGNED.value})


@dataclass(frozen=True)
class AuditKeyState:
    """What storage knows of the key: its bytes (None: the file is missing), where it is
    expected, the database's key record, and the witness of the chain head (None: no
    witness file yet on this workstation)."""

    key: bytes | None
    key_location: str
    record: AuditKeyRecord | None
    witness: ChainHead | None
    witness_location: str


@dataclass(frozen=True)
class SignedNoteFacts:
    """A row that is signed or carries a content hash, as stored."""

    id: int
    patient_id: int
    status: str
    document: str
    signed_by: str | None
    signed_at: datetime | None
    content_hash: str | None
    submitted_by: str | None
    signed_patient: str | None


@dataclass(frozen=True)
class Verification:
    entries: int
    keyed_entries: int
    unkeyed_entries: int
    signed_notes: int
    addenda: int
    problems: tuple[str, ...]

    @property
    def intact(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        before = (
            f" ({self.unkeyed_entries} from before keyed hashing, anchored by the first "
            "keyed entry)" if self.unkeyed_entries else ""
        )
        return (
            f"{self.entries} audit entries{before}, {self.signed_notes} signed notes and "
            f"{self.addenda} addenda verified; guard triggers present"
        )


@dataclass
class RecordVerifier:
    state: AuditKeyState
    head: ChainHead
    missing_triggers: Iterable[str] = ()
    # Chain heads printed on documents (signed PDFs), given back to verify by the reader.
    printed_witnesses: tuple[ChainHead, ...] = ()
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        record = self.state.record
        self._keyed_from = record.keyed_from if record is not None else 1
        self._key = self._usable_key()
        self._entries = self._keyed = self._unchecked = 0
        self._last_sequence = 0
        self._last_hash = GENESIS_HASH
        self._witnessed: dict[int, str] = {}  # witnessed sequence -> the hash found there
        self._witness_sequences = {witness.sequence for witness, _ in self._witnesses()}
        self._signings: dict[int, list[AuditEntry]] = defaultdict(list)
        self._addendum_entries: dict[int, list[AuditEntry]] = defaultdict(list)
        self._signed_ids: set[int] = set()
        self._used_addendum_entries: set[int] = set()
        self._legacy_addenda_used: dict[int, int] = defaultdict(int)
        self._signed_notes = self._addenda = 0

    # -- the chain ---------------------------------------------------------------------

    def check_entries(self, entries: Iterable[AuditEntry]) -> None:
        """``entries`` in sequence order."""
        expected = 1
        for entry in entries:
            self._entries += 1
            if entry.sequence > expected:
                missing = range_text(expected, entry.sequence - 1)
                self.problems.append(
                    f"{missing} removed (the chain jumps to entry {entry.sequence})"
                )
            elif entry.sequence < expected:
                self.problems.append(f"entry {entry.sequence} is out of order or duplicated")
            hash_problem = self._hash_problem(entry)
            if hash_problem is not None:
                self.problems.append(f"{entry.describe()} {hash_problem}")
            elif entry.previous_hash != self._last_hash and entry.sequence == expected:
                self.problems.append(f"{entry.describe()} does not link to the entry before it")
            if entry.sequence in self._witness_sequences:
                self._witnessed[entry.sequence] = entry.entry_hash
            self._collect(entry)
            expected = entry.sequence + 1
            self._last_hash = entry.entry_hash
        self._last_sequence = expected - 1

    def _hash_problem(self, entry: AuditEntry) -> str | None:
        if entry.sequence < self._keyed_from:
            return None if recomputed_hash(entry) == entry.entry_hash else (
                "was edited: its hash does not match its fields"
            )
        self._keyed += 1
        if self._key is None:
            self._unchecked += 1
            return None
        if recomputed_hash(entry, self._key) == entry.entry_hash:
            return None
        if recomputed_hash(entry) == entry.entry_hash:
            return ("has a plain SHA-256 where the audit key's hash is required: "
                    "it was not written by the app")
        return "was edited: its hash does not match its fields"

    def _collect(self, entry: AuditEntry) -> None:
        if entry.entity_id is None:
            return
        if entry.action in _SIGNING_ACTIONS:
            self._signings[entry.entity_id].append(entry)
        elif entry.action == AuditAction.ADDENDUM.value:
            self._addendum_entries[entry.entity_id].append(entry)

    # -- signed notes ------------------------------------------------------------------

    def check_signed_notes(self, notes: Iterable[SignedNoteFacts]) -> None:
        for note in notes:
            self._signed_notes += 1
            if note.status == SIGNED:
                self._signed_ids.add(note.id)
            problem = _content_problem(note) or self._signing_problem(note)
            if problem is not None:
                self.problems.append(f"assessment {note.id} {problem}")

    def _signing_problem(self, note: SignedNoteFacts) -> str | None:
        entries = self._signings.get(note.id, [])
        detailed = [entry for entry in entries if detail_fields(entry.detail)]
        for entry in detailed:
            fields = detail_fields(entry.detail)
            if (fields.get("content_hash"), fields.get("signed_by")) == (
                note.content_hash, note.signed_by
            ):
                return None
        if detailed:
            return (f"(signed by {note.signed_by}) does not match its signing entry "
                    f"{detailed[-1].sequence}: its content hash or signer was changed")
        if entries:  # signed before signing entries carried the content hash
            return None
        return (f"is marked signed by {note.signed_by} but no signing entry exists in the "
                "audit trail: it was not signed in the app")

    # -- addenda -----------------------------------------------------------------------

    def check_addenda(self, addenda: Iterable[Addendum]) -> None:
        for addendum in addenda:
            self._addenda += 1
            problem = self._addendum_problem(addendum)
            if problem is not None:
                self.problems.append(
                    f"addendum {addendum.id} (assessment {addendum.assessment_id}) {problem}"
                )

    def _addendum_problem(self, addendum: Addendum) -> str | None:
        entries = self._addendum_entries.get(addendum.assessment_id, [])
        for entry in entries:
            fields = detail_fields(entry.detail)
            if fields.get("addendum_id") == addendum.id:
                self._used_addendum_entries.add(entry.sequence)
                if fields.get("addendum_sha256") != addendum_digest(addendum):
                    return f"was changed after it was written (audit entry {entry.sequence})"
                return None
        legacy = sum(1 for entry in entries if not detail_fields(entry.detail))
        if self._legacy_addenda_used[addendum.assessment_id] < legacy:
            self._legacy_addenda_used[addendum.assessment_id] += 1
            return None
        return "has no entry in the audit trail: it was not added in the app"

    # -- the end -----------------------------------------------------------------------

    def finish(self) -> Verification:
        self._check_head()
        self._check_witness()
        self._check_signings_have_notes()
        self._check_addendum_entries_have_addenda()
        if self._unchecked:
            self.problems.append(
                f"the keyed hashes of {self._unchecked} entries and the chain head's seal "
                "could not be checked without the audit key"
            )
        self.problems.extend(
            f"guard trigger {name} is missing: 'clinic-app db upgrade' restores it"
            for name in self.missing_triggers
        )
        return Verification(
            self._entries, self._keyed, self._entries - self._keyed, self._signed_notes,
            self._addenda, tuple(self.problems),
        )

    def _usable_key(self) -> bytes | None:
        state, record = self.state, self.state.record
        if record is None:
            self.problems.append("the audit key record is missing from the database")
            return None
        if state.key is None:
            self.problems.append(
                f"the audit key file is missing (expected at {state.key_location})"
            )
            return None
        if record.fingerprint != key_fingerprint(state.key):
            self.problems.append(
                f"the audit key at {state.key_location} is not the key this database was "
                "made with"
            )
            return None
        if not record.sealed_by(state.key):
            self.problems.append("the audit key record was altered: its seal does not match")
        return state.key

    def _check_head(self) -> None:
        head, last = self.head, self._last_sequence
        if head.sequence > last:
            self.problems.append(
                f"{range_text(last + 1, head.sequence)} removed from the end of the log"
            )
        elif head.sequence < last:
            self.problems.append(
                f"the chain head records {head.sequence} entries but the log holds {last}"
            )
        elif head.last_hash != self._last_hash:
            self.problems.append(f"the chain head does not match entry {last}")
        if self._key is not None and head.sequence >= self._keyed_from and not head_is_sealed(
            self._key, head
        ):
            self.problems.append(
                f"the chain head (entry {head.sequence}) is not sealed by the audit key: "
                "it was set by hand"
            )

    def _witnesses(self) -> list[tuple[ChainHead, str]]:
        """Each witness of the chain outside the database, with where it came from."""
        found = [(printed, "a printed document") for printed in self.printed_witnesses]
        if self.state.witness is not None:
            found.append((self.state.witness, f"the witness file {self.state.witness_location}"))
        return found

    def _check_witness(self) -> None:
        for witness, where in self._witnesses():
            if witness.sequence > self._last_sequence:
                self.problems.append(
                    f"the log was rewound: {where} records entry {witness.sequence}, the log "
                    f"ends at entry {self._last_sequence}"
                )
            elif witness.sequence and self._witnessed.get(witness.sequence) != witness.last_hash:
                self.problems.append(
                    f"entry {witness.sequence} differs from {where}: the log was rewritten"
                )

    def _check_signings_have_notes(self) -> None:
        for assessment_id, entries in sorted(self._signings.items()):
            if assessment_id not in self._signed_ids:
                self.problems.append(
                    f"assessment {assessment_id} was signed (audit entry {entries[-1].sequence}) "
                    "but is no longer a signed note: it was deleted or un-signed"
                )

    def _check_addendum_entries_have_addenda(self) -> None:
        for assessment_id, entries in sorted(self._addendum_entries.items()):
            for entry in entries:
                fields = detail_fields(entry.detail)
                if fields and entry.sequence not in self._used_addendum_entries:
                    self.problems.append(
                        f"addendum {fields.get('addendum_id')} (assessment {assessment_id}, "
                        f"audit entry {entry.sequence}) no longer exists: it was deleted"
                    )
            legacy = sum(1 for entry in entries if not detail_fields(entry.detail))
            gone = legacy - self._legacy_addenda_used[assessment_id]
            if gone > 0:
                self.problems.append(
                    f"assessment {assessment_id}: {gone} addendum(s) logged before keyed "
                    "hashing no longer exist: deleted"
                )


def _content_problem(note: SignedNoteFacts) -> str | None:
    if note.status != SIGNED:
        return f"has a content hash but its status is {note.status!r}, not {SIGNED!r}"
    if note.signed_by is None or note.signed_at is None or note.content_hash is None:
        return "is signed but has no complete signature (signer, time and content hash)"
    try:
        expected = _recomputed_content_hash(note, note.signed_by, note.signed_at)
    except (ValidationError, ValueError):  # errors would quote findings: say only unreadable
        return "is signed but its stored document is not a valid assessment"
    if expected != note.content_hash:
        return (f"(signed by {note.signed_by}) does not match its content hash: "
                "the note was changed after it was signed")
    return None


def _recomputed_content_hash(note: SignedNoteFacts, signed_by: str, signed_at: datetime) -> str:
    assessment = Assessment.model_validate_json(note.document, context=AS_STORED)
    if note.signed_patient is None:
        return legacy_content_hash(
            note.document, note.patient_id, signed_by, signed_at, note.submitted_by
        )
    patient = Patient.model_validate_json(note.signed_patient, context=AS_STORED)
    return content_hash(
        assessment, note.patient_id, patient, signed_by, signed_at, note.submitted_by
    )
