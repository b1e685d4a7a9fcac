"""The revision history of one article: its versions in time order, what each step
changed, and each sentence's life through the versions.

One module per idea: :mod:`~viewer.history.versions` groups articles into histories and
orders them by capture time, :mod:`~viewer.history.steps` compares consecutive versions
and sums each step up in a line, :mod:`~viewer.history.timeline` follows each sentence
through the versions. The writers (``text_report``, ``json_report``,
``markdown_report``, ``html_report`` with the ``picture`` of the timeline) turn a
:class:`~viewer.history.build.Revisions` into a report. Import the one you need: this
package imports none of them.
"""
