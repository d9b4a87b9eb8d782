"""Consultation pages."""
