"""Readers of the outside world that yield domain records."""
