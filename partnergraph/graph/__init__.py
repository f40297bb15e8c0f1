"""Graph stores (embedded LadybugDB, Neo4j), analysis and export."""
