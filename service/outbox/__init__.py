"""Approved replies leave for Ozon exactly once: stored, claimed under a lease, attempted, recorded."""
