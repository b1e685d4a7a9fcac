"""The corpus audit on Dask (``dask.distributed``): stages as plain functions over
partitions, run on a ``LocalCluster`` or a cluster someone already runs.

Imported only when ``viewer audit`` is given ``--workers`` or ``--scheduler``: the
in-process audit never imports Dask.
"""
