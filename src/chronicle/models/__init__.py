"""Trained components and their training code (see docs/events.md, "A trained type classifier")."""
