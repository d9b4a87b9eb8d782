"""Subjects: everything people can discuss, report, follow or be told about, declared once."""
