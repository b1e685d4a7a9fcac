"""The per-article forms every later stage reads: sentence similarity features and fingerprints."""
