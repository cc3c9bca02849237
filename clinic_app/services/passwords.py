"""Password hashing with argon2id (argon2-cffi's recommended defaults)."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def password_matches(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@cache
def dummy_hash() -> str:
    """Verifying against this when the username is unknown keeps the time the same, so
    timing does not reveal which usernames exist. Made on first use: hashing takes ~0.1 s,
    which start-up should not pay."""
    return hash_password("not-a-real-password")
