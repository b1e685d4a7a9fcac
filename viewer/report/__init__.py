"""Writers that turn a :class:`~viewer.model.Comparison` into a report.

One module per format: :mod:`viewer.report.json`, :mod:`viewer.report.markdown` and
:mod:`viewer.report.html` are plain string writers with no UI toolkit; the coloured
terminal view lives with the command line in :mod:`viewer.cli.terminal`. Import the one
you need: this package imports none of them.
"""
