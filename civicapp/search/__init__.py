"""Word search shared by features: an inverted index of normalised terms in a B-tree table."""
