"""Docks and dialogs, each next to nothing but its form in forms/."""
