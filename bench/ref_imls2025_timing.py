#!/usr/bin/env python3
"""Times one equilibrium solve of the numpy reference (../shared/reference/imls2025.py),
Table 1 case 1 (USTR tariffs, income-tax relief), excluding Python start-up and data loading:
one warm-up, then the median of 7 repetitions of `solve(economy)` (MINPACK hybr, analytic
Jacobian, x0 = ones), the same work as benchOneSector2025 times in TypeScript.

Run: python3 bench/ref_imls2025_timing.py   (prints JSON: seconds, nfev, reps)
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
