"""Priority pages."""
