"""A throwaway HTTP(S) server on a free loopback port, served from a daemon thread for as long as a test
needs it (tests/ui/checkout's download and certificate pages, tests/browser's merchant site).

``with serving(http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)) as server: ...``: the server
answers inside the block; on leaving it is shut down, its socket closed and its thread joined.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

__all__ = ["serving"]

S = TypeVar("S", bound=http.server.HTTPServer)


@contextmanager
def serving(server: S) -> Iterator[S]:
    """Serve ``server`` from a daemon thread until the block ends; then stop, close and join it."""
    thread = threading.Thread(target=server.serve_forever, name="loopback-server", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
