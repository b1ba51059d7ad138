"""Counts, rates, period comparisons and hotspots."""
