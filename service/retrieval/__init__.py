"""Finds the knowledge entries that answer a buyer's message, or says there are none."""
