"""pytest plugin for `make test-notebooks`: report, and check, the CPU kernels NumPy computes with.

A notebook's stored outputs must not depend on the CPU's rounding, so `make test` runs strict
nbval twice: once with this machine's fastest kernels and once as a machine without AVX2 or
AVX-512 would compute, by forcing OpenBLAS onto its generic Prescott kernels
(``OPENBLAS_CORETYPE=Prescott``) and NumPy onto its baseline SIMD loops
(``NPY_DISABLE_CPU_FEATURES``). The notebooks' kernels inherit the environment of this process.
An environment variable that is misspelt or ignored would make the second run a copy of the
first, so this plugin checks with threadpoolctl and NumPy that it took effect: the OpenBLAS
core differs from the one chosen without it, and the disabled SIMD dispatch targets are really off.

Loaded with ``-p tests.nbval_cpu``.
"""

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, numpy, threadpoolctl
from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
blas = [i for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]
print(json.dumps({"blas": [(i["internal_api"], i.get("architecture")) for i in blas],
                  "simd": [t for t in __cpu_dispatch__ if __cpu_features__[t]]}))
"""


def _probe(env):
    result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                            text=True, check=True)
    return json.loads(result.stdout)


def _kernels():
    """(what NumPy uses here, what it would use without the two variables)."""
    here = _probe(os.environ)
    plain = {k: v for k, v in os.environ.items()
             if k not in ("OPENBLAS_CORETYPE", "NPY_DISABLE_CPU_FEATURES")}
    return here, _probe(plain)


def pytest_configure(config):
    here, default = _kernels()
    config._nbval_cpu = here
    if os.environ.get("OPENBLAS_CORETYPE"):
        if here["blas"] == default["blas"]:
            raise pytest.UsageError(
                f"OPENBLAS_CORETYPE={os.environ['OPENBLAS_CORETYPE']} did not take effect: "
                f"OpenBLAS still uses {here['blas']}")
    disabled = os.environ.get("NPY_DISABLE_CPU_FEATURES", "").replace(",", " ").split()
    still_on = sorted(set(disabled) & set(here["simd"]))
    if still_on:
        raise pytest.UsageError(f"NPY_DISABLE_CPU_FEATURES did not turn off {still_on}")


def pytest_report_header(config):
    here = config._nbval_cpu
    simd = " ".join(here["simd"]) or "none (baseline loops only)"
    return [f"CPU kernels: BLAS {here['blas']}; NumPy SIMD dispatch targets on: {simd}"]
