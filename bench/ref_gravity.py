"""Reference peer for bench/gravity.ts: the same two computations in numpy, written for this
benchmark (no ppmlhdfe or Stata here). PPML: IRLS with plain alternating projections (Gaure's
method of alternating projections, warm-started, no acceleration) on the 7,568 international
flows with exporter-year, importer-year and pair effects. GE: ge_gravity's fixed point, vectorised.
Prints one JSON line: median seconds of each, and the estimate (to check both found the same)."""
import csv, json, sys, time
import numpy as np

path = sys.argv[1]
with open(path) as f:
    rows = list(csv.DictReader(f))

def codes(keys):
    m = {}
    return np.array([m.setdefault(k, len(m)) for k in keys]), len(m)

intl = [r for r in rows if r["exporter"] != r["importer"]]
y = np.array([float(r["trade"]) for r in intl])
X = np.array([[float(r["eu_enlargement"]), float(r["other_fta"])] for r in intl])
fes = [codes([(r["exporter"], r["year"]) for r in intl]), codes([(r["importer"], r["year"]) for r in intl]),
       codes([(r["exporter"], r["importer"]) for r in intl])]

def demean(V, w, tol):
    V = V.copy()
    sums = [np.bincount(c, weights=w, minlength=L) for c, L in fes]
    for _ in range(100000):
        old = V.copy()
        for (c, L), s in zip(fes, sums):
            for k in range(V.shape[1]):
                V[:, k] -= (np.bincount(c, weights=w * V[:, k], minlength=L) / s)[c]
        if np.max(np.abs(V - old)) <= tol * (1 + np.max(np.abs(V))):
            break
    return V

def ppml():
    mu = (y + y.mean()) / 2
    eta = np.log(mu)
    dev_old = np.inf
    for it in range(1000):
        z = eta + (y - mu) / mu
        M = demean(np.column_stack([z, X]), mu, 1e-10)
        zt, Xt = M[:, 0], M[:, 1:]
        W = Xt * mu[:, None]
        b = np.linalg.solve(Xt.T @ W, W.T @ zt)
        eta = z - (zt - Xt @ b)
        mu = np.exp(eta)
        dev = 2 * np.sum(np.where(y > 0, y * np.log(y / mu), 0) - (y - mu))
        if abs(dev - dev_old) / max(min(dev, dev_old), 0.1) < 1e-10:
            return b, it + 1
        dev_old = dev
    return b, it + 1

yr = [r for r in rows if r["year"] == "2000"]
cs = sorted({r["exporter"] for r in yr})
ix = {c: i for i, c in enumerate(cs)}
N = len(cs)
F = np.zeros((N, N)); B = np.zeros((N, N))
for r in yr:
    F[ix[r["exporter"]], ix[r["importer"]]] = float(r["trade"])
    B[ix[r["exporter"]], ix[r["importer"]]] = float(r["eu_effect"])

def ge():
    E = F.sum(0); Y = F.sum(1); D = E - Y
    piB = F / E[None, :] * np.exp(B)
    w = np.ones(N); P = np.ones(N); X = F.copy(); theta = 4.0
    for it in range(100000):
        w = ((piB @ (E / P)) / Y) ** (1 / (1 + theta))
        w *= Y.sum() / (Y * w).sum()
        a = w ** -theta
        P = piB.T @ a
        E = Y * w + D
        Xn = piB * a[:, None] / P[None, :] * E[None, :]
        crit = np.max(np.abs(np.log(Xn) - np.log(X)))
        X = Xn
        if crit < 1e-12:
            break
    return ((Y * w + D) / (Y + D)) / P ** (-1 / theta), it + 1

def median(f, reps):
    ts, out = [], None
    for _ in range(reps):
        t0 = time.perf_counter(); out = f(); ts.append(time.perf_counter() - t0)
    return float(np.median(ts)), out

sp, (b, iters) = median(ppml, int(sys.argv[2]) if len(sys.argv) > 2 else 3)
sg, (welf, git) = median(ge, 7)
print(json.dumps({"ppml_seconds": sp, "ppml_iterations": iters, "eu_enlargement": float(b[0]), "ge_seconds": sg, "ge_iterations": git, "welfare_MLT": float(welf[ix["MLT"]])}))
