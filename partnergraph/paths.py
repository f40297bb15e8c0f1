"""Where the reference data (``seeds/``) and the named queries (``cypher/``) live.

In a checkout (or an editable install) they are the top-level folders of the repository,
where researchers can read and edit them; a wheel carries copies inside the package as
``_seeds`` and ``_cypher``.
"""
from __future__ import annotations

from pathlib import Path

_PKG = Path(__file__).resolve().parent


def _pick(packaged: str, top: str) -> Path:
    inside = _PKG / packaged
    return inside if inside.is_dir() else _PKG.parent / top


SEEDS_DIR = _pick("_seeds", "seeds")
CYPHER_DIR = _pick("_cypher", "cypher")
