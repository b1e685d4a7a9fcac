"""A Dask client: a ``LocalCluster`` of worker processes, or an existing scheduler."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["ClusterError", "client_for"]

CONNECT_TIMEOUT = "10s"
"""How long to wait for a scheduler before saying it cannot be reached."""


class ClusterError(Exception):
    """The cluster could not be started or reached; the message says why, in one line."""


@contextmanager
def client_for(workers: int | None, address: str | None) -> Iterator[Client]:
    """A client on ``address`` when given, else on a local cluster of ``workers``
    processes bound to 127.0.0.1; the local cluster stops on leaving."""
    from distributed import Client, LocalCluster

    if address is not None:
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as error:
            reason = str(error).splitlines()[0] if str(error) else type(error).__name__
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {reason}") from None
        with client:
            yield client
        return
    # One thread per process: the stages hold the GIL, so threads would not add speed.
    cluster = LocalCluster(
        n_workers=workers or 1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
    )
    with cluster, Client(cluster) as client:
        yield client
