"""The archive index: fingerprints of many articles on disk, and tracing against them."""
