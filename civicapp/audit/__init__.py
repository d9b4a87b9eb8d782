"""Audit log of security-relevant and moderation actions."""
