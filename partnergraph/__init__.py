"""partnergraph: a knowledge graph of higher-education partnerships.

Data flows one way: ``loaders.read`` -> ``loaders.extract`` -> ``graph`` store ->
API / analysis / export / CLI.  See README.md and ../shared/DESIGN.md.
"""

__version__ = "0.1.0"
EXTRACTOR_VERSION = f"partnergraph-rules/{__version__}"
