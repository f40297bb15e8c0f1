"""``python -m partnergraph`` is the ``partnergraph`` command."""
from .cli import main

main()
