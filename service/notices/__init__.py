"""Proactive notices about an order (shipped, delivered, delayed, unpaid) and the holiday reply."""
