"""Trained components and their labelled data (issue 15: the classifier itself is on its way; see docs/events.md)."""
