"""Errors that the CLI turns into one clear line (never a traceback)."""
from __future__ import annotations


class PartnergraphError(Exception):
    """Base class: the message names the input and says what to do."""


class InputError(PartnergraphError):
    """A document could not be read (missing, unreadable, binary, empty, too big...)."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
