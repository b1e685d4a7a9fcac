"""Pictures for the audit reports, as SVG built from the audit's own values: the
derivation graph of each story, a provenance strip per article, the drift overview.

No script and no font: each picture reads without JavaScript, prints, and carries a
``<title>`` and ``<desc>``, with a table or list beside it as its text equivalent.
"""
