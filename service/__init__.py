"""otvet: reply drafts for Ozon sellers, checked against Ozon's communication rules."""

__version__ = "0.1.0"
