"""The Textual app: a thin front end over the same core calls the CLI and reports use.

Nothing outside this package imports it; it imports :mod:`textual` and the core.
"""
