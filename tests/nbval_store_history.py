"""pytest plugin: make nbval execute cells the way Jupyter does (``store_history=True``).

nbval 0.11 sends every cell with ``store_history=False``. IPython decides whether a trailing
``;`` silences a cell's result by looking at the last *stored* input, so under plain nbval
``ax.legend();`` still produces ``<matplotlib.legend.Legend at 0x...>``, an output the notebook
saved from Jupyter (and the book, executed by nbclient with ``store_history=True``) does not
have. With this plugin nbval sees the same outputs as Jupyter Lab and the book build.

Loaded by `make test` with ``-p tests.nbval_store_history``.
"""

from nbval.kernel import RunningKernel


def _execute_cell_input(self, cell_input, allow_stdin=None):
    return self.kc.execute(
        cell_input,
        store_history=True,
        allow_stdin=allow_stdin,
        stop_on_error=False,
    )


def pytest_configure(config):
    RunningKernel.execute_cell_input = _execute_cell_input
