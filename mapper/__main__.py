"""``python -m mapper`` and the ``corridor-mapper`` command."""

import os
import signal


def run() -> None:
    """:func:`mapper.cli.main`, with Ctrl-C, SIGTERM and SIGHUP stopping the run at once, one line and exit
    128 + the signal's number, while the command line loads (its imports take a moment; ``main`` then handles
    them)."""
    def stopped(signum, frame) -> None:
        os.write(2, b"corridor-mapper: aborted\n")
        os._exit(128 + signum)

    from mapper.errors import STOP_SIGNALS  # (signal alone: no import to wait for)

    for signum in (signal.SIGINT, *STOP_SIGNALS):
        signal.signal(signum, stopped)
    from mapper.cli import main

    signal.signal(signal.SIGINT, signal.default_int_handler)  # (Ctrl-C as main handles it: outputs whole)
    main()


if __name__ == "__main__":
    run()
