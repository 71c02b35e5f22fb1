"""Names: reference lists of known entities and matching mentions against them."""
