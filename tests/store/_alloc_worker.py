"""Child process of the concurrency tests: allocates invoice ids, one write transaction each.

Usage: python _alloc_worker.py URL COUNT. Prints "ready", waits for a line on stdin (the
start signal, so both processes run at the same time), then prints one id per line.
"""

import sys

from epay_desktop.store.db import Store
from epay_desktop.store.db import make_engine


def main() -> None:
    url, count = sys.argv[1], int(sys.argv[2])
    store = Store(make_engine(url))
    with store.write() as tx:  # connect and warm up before the start signal
        tx.counters.current("invoice_id")
    print("ready", flush=True)
    sys.stdin.readline()
    ids = []
    for _ in range(count):
        with store.write() as tx:
            ids.append(tx.counters.allocate_invoice_id().value)
    print("\n".join(ids), flush=True)
    store.close()


if __name__ == "__main__":
    main()
