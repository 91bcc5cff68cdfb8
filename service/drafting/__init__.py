"""Turns a buyer's message plus retrieved knowledge into a three-part Russian reply."""
