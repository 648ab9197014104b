#!/usr/bin/env python3
"""Times the numpy/scipy reference (../shared/reference/imls2025.py) on Table 1 case 1 (USTR
tariffs, income-tax relief).

Default mode: one equilibrium solve excluding Python start-up and data loading: one warm-up, then
the median of 7 repetitions of `solve(economy)` (MINPACK hybr, analytic Jacobian, x0 = ones), the
same work as benchOneSector2025 times in TypeScript. Prints JSON: seconds, nfev, reps.

--single: the whole job of one case, as a user would run it: load the data, calibrate, build only
the case-1 economy (as build_cases does for "B1_ustr", without the other cases and their optimal
tariffs), solve it once and print its outcome. The benchmark times this whole process against
`lancaster solve` of the same scenario. Prints JSON: usa_welfare_pct, nfev, seconds_in_process.

Run: python3 bench/ref_imls2025_timing.py [--single]
"""
import importlib.util
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "reference", "imls2025.py"))

spec = importlib.util.spec_from_file_location("imls2025", REF)
ref = importlib.util.module_from_spec(spec)
sys.modules["imls2025"] = ref  # dataclasses look the module up
spec.loader.exec_module(ref)


def case1_economy(b):
    """The "B1_ustr" economy of ref.build_cases, built alone."""
    phi1 = ref.phi_of_nu(b.nu, ref.EPS, 1.0)
    base = dict(E=b.E, Y=b.Y, lam=b.lam, nu=b.nu, T=b.T, kappa=ref.KAPPA, psi=ref.SIGMA_SHARE / ref.EPS)
    return ref.Economy(t=ref.tariffs_ustr(b), eps=ref.EPS, phi=phi1, **base)


if "--single" in sys.argv[1:]:
    t0 = time.perf_counter()
    iso, X_raw, gdp, tar = ref.load_inputs()
    econ = case1_economy(ref.calibrate(iso, X_raw, gdp, tar))
    x, info = ref.solve(econ)
    usa = econ.outcomes(x)[ref.ID_US, 0]
    print(json.dumps({"usa_welfare_pct": round(float(usa), 4), "success": bool(info.success), "nfev": info.nfev,
                      "seconds_in_process": time.perf_counter() - t0}))
    sys.exit(0 if info.success else 1)

iso, X_raw, gdp, tar = ref.load_inputs()
b = ref.calibrate(iso, X_raw, gdp, tar)
econ, _ = ref.build_cases(b)["B1_ustr"]
ref.solve(econ)  # warm-up
times, nfev = [], 0
for _ in range(7):
    t0 = time.perf_counter()
    x, info = ref.solve(econ)
    times.append(time.perf_counter() - t0)
    nfev = info.nfev
usa = econ.outcomes(x)[ref.ID_US, 0]
print(json.dumps({"seconds": statistics.median(times), "min": min(times), "nfev": nfev, "reps": len(times),
                  "usa_welfare_pct": round(float(usa), 4)}))
