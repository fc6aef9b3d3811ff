"""Exceptions a user can cause, each carrying a Vietnamese message for the clerk.

CchcError
├── ValidationError   bad input: a wrong date, an empty required field, a bad value
├── NotFoundError     a plan, task, agency or file that does not exist
├── ConflictError     the thing exists already, or an edit lost a race
├── OwnershipError    this PC may not write that field (ownership)
├── StoreError        the database cannot be opened, migrated or written
├── PlanImportError   a plan document that cannot be read as a plan
├── DocumentError     a file that cannot be read as a document (any format)
├── ReportError       a report that cannot be built or written
└── SyncError         a bundle refused: wrong network, tampered, damaged, replayed …
"""

from __future__ import annotations


class CchcError(Exception):
    """Base of every error shown to a user; `str(error)` is the Vietnamese message."""


class ValidationError(CchcError):
    pass


class NotFoundError(CchcError):
    pass


class ConflictError(CchcError):
    pass


class OwnershipError(CchcError):
    """This site may not write the field (sync.md §5.4)."""


class StoreError(CchcError):
    pass


class PlanImportError(CchcError):
    pass


class ReportError(CchcError):
    pass


class SyncError(CchcError):
    pass


class DocumentError(CchcError):
    """A file that cannot be read as a document: missing, too large, damaged, a scan, …"""
