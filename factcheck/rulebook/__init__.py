"""Rule packs: the rule format, loading packs, their schema and the project configuration."""
