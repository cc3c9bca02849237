"""The audit key file and the chain-head witness beside it, both outside the database.

The key (32 random bytes, owner-only) is created at first start in the app's data
folder (beside the default SQLite database), or at ``CLINIC_APP_AUDIT_KEY_FILE`` when
that is set: for PostgreSQL every workstation of the clinic needs a copy of the same
file; for a database elsewhere the key still comes from one of these two places, so
a copy of the database (a backup being checked, a restore) finds the same key.

The witness (``audit-head-CHAIN.json``) holds the newest entry's sequence and hash this
workstation committed, so a log rewound to an earlier, internally consistent state is
caught by ``audit verify``.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from clinic_app.domain.records.audit import ChainHead
from clinic_app.domain.records.keyed import KEY_LENGTH
from clinic_app.private_files import PRIVATE_FILE_MODE, make_private_folder, write_private_file
from clinic_app.storage.data_folder import data_folder

KEY_FILE_VARIABLE = "CLINIC_APP_AUDIT_KEY_FILE"
KEY_FILE_NAME = "audit.key"


class AuditKeyError(RuntimeError):
    """The audit key is missing, unreadable or not this database's key."""


@dataclass(frozen=True)
class AuditKeyFile:
    path: Path

    @classmethod
    def configured(cls) -> AuditKeyFile:
        """``CLINIC_APP_AUDIT_KEY_FILE``, else ``audit.key`` in the data folder."""
        configured = os.environ.get(KEY_FILE_VARIABLE)
        if configured:
            return cls(Path(configured).expanduser().absolute())
        return cls(data_folder() / KEY_FILE_NAME)

    def read(self) -> bytes | None:
        """The key; None when there is no file. ``AuditKeyError`` for a damaged one."""
        try:
            key = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise AuditKeyError(
                f"cannot read the audit key {self.path} ({error.strerror})"
            ) from error
        if len(key) != KEY_LENGTH:
            raise AuditKeyError(
                f"the audit key {self.path} has {len(key)} bytes: expected {KEY_LENGTH}"
            )
        return key

    def create(self) -> bytes:
        """A new random key, written owner-only; never overwrites an existing file."""
        make_private_folder(self.path.parent)
        key = secrets.token_bytes(KEY_LENGTH)
        descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(key)
        return key

    def witness_file(self, chain_id: str) -> Path:
        return self.path.with_name(f"audit-head-{chain_id}.json")

    def read_witness(self, chain_id: str) -> ChainHead | None:
        """None when this workstation never committed an entry (or the file is unreadable,
        which verify then cannot use: it says nothing rather than guess)."""
        try:
            found = json.loads(self.witness_file(chain_id).read_text(encoding="utf-8"))
            return ChainHead(int(found["sequence"]), str(found["entry_hash"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write_witness(self, chain_id: str, head: ChainHead) -> None:
        """Replace the witness atomically (a reader never sees half a file)."""
        target = self.witness_file(chain_id)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        write_private_file(temporary, json.dumps(
            {"sequence": head.sequence, "entry_hash": head.last_hash}
        ).encode("utf-8"))
        os.replace(temporary, target)
