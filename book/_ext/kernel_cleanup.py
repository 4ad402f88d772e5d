"""Keep the clean-up after each executed notebook from stalling the build.

After the last cell of a notebook, nbclient stops the kernel client's channels, and
jupyter_client then terminates the client's ZeroMQ context (``context.destroy``). Now and then
that termination blocks the whole build for about five minutes: py-spy shows the build's main
thread waiting in ``zmq.Context.term`` under ``KernelClient.stop_channels`` with all cells long
done, the same trace as jupyter_client issue 771 ("Client hangs ... on shutdown"). On this
project's 2-core machine it hit about one build in two, always after a notebook had executed
correctly.

This runs the context termination in a daemon thread and waits for it at most
``WAIT_SECONDS``. The kernel itself has already been shut down by then; an unfinished
termination only leaves a few idle ZeroMQ threads behind until the build process exits.
Loaded by the book build only (``sphinx.local_extensions`` in _config.yml).
"""

from __future__ import annotations

import threading

from jupyter_client.client import KernelClient
from sphinx.application import Sphinx
from sphinx.util import logging

WAIT_SECONDS = 10.0
logger = logging.getLogger(__name__)


def stop_channels(self: KernelClient) -> None:
    """``KernelClient.stop_channels`` with a bounded wait for the context's termination."""
    for channel in (self.shell_channel, self.iopub_channel, self.stdin_channel,
                    self.hb_channel, self.control_channel):
        if channel.is_alive():
            channel.stop()
    if self._created_context and not self.context.closed:
        closer = threading.Thread(target=self.context.destroy, kwargs={"linger": 100},
                                  name="zmq-context-destroy", daemon=True)
        closer.start()
        closer.join(WAIT_SECONDS)
        if closer.is_alive():
            logger.info("kernel_cleanup: a kernel client's ZeroMQ context did not terminate in "
                        f"{WAIT_SECONDS:.0f} s; left to finish in the background")


def setup(app: Sphinx) -> dict:
    KernelClient.stop_channels = stop_channels
    return {"parallel_read_safe": True, "parallel_write_safe": True}
