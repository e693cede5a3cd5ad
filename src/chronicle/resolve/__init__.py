"""Resolution of mentions to identities: actors, times and places."""
