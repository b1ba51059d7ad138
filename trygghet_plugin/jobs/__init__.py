"""Use cases both doors (the docks and the Processing algorithms) call."""
