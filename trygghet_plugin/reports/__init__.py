"""Print layouts, charts and the privacy rules for public output."""
