#!/usr/bin/env python3
"""numpy side of the kernel benchmarks (scripts/bench.sh).

Times, on the inputs the Java side wrote (target/bench/inputs), the same computations as
src/bench/java/overparam/bench/KernelBenchmarks.java, each as the median of 5 repeats (a repeat runs the kernel for
at least --seconds and takes the mean time per call, like one JMH iteration), checks that numpy's results agree with
the harness's, then reads JMH's JSON and prints, per kernel, the Java time, the numpy time and the ratio Java/numpy.
Without numpy it says so and prints the Java times alone.
"""
import argparse
import json
import math
import os
import statistics
import sys
import time

try:
    import numpy as np
    NUMPY_ERROR = None
except ImportError as e:  # the script must say clearly when numpy is missing
    np = None
    NUMPY_ERROR = str(e)

EPS = 2.0 ** -52

# ---------------------------------------------------------------- the kernels (numpy's natural way to write them)


def relu_sigma(x):
    """Sigma(X) = K0(X X^T) o X X^T for unit rows, K0(rho) = (pi - arccos rho) / (2 pi) (oymak Def 6.1)."""
    g = x @ x.T
    np.fill_diagonal(g, 1.0)
    np.clip(g, -1.0, 1.0, out=g)
    return (np.pi - np.arccos(g)) / (2 * np.pi) * g


def lambda_min_sigma(x):
    return np.linalg.eigvalsh(relu_sigma(x))[0]


def sigma_min_jacobian(x, w, v):
    a = (x @ w.T >= 0) * v  # relu'(z) = 1(z >= 0), times diag(v)
    return math.sqrt(max(0.0, np.linalg.eigvalsh((a @ a.T) * (x @ x.T))[0]))


def gd_step(x, w, v, y, eta):
    z = x @ w.T
    r = np.maximum(z, 0) @ v - y
    g = ((z >= 0) * v * r[:, None]).T @ x
    return w - eta * g


def rank_and_scaling(f):
    return np.linalg.matrix_rank(f) + np.linalg.svd(f, compute_uv=False)[-1]


def spectral_norm(a):
    return np.linalg.norm(a, 2)


def slack(big, small, tol):
    """Evidence.slack of big >= small: (margin + tolerance) relative to the size of the two sides."""
    return (big - small + tol) / max(abs(big), abs(small), 2.2250738585072014e-308, tol)


def tolerance(norm, size):
    return 32 * (EPS * norm + 5e-324) * max(1, size)


def is_psd(s):
    """Linalg.isPsd: symmetric within and lambda_min >= -(16 eps n ||S||)."""
    tol = 16 * EPS * max(1, s.shape[0]) * max(spectral_norm(s), 2.2250738585072014e-308)
    if np.max(np.abs(s - s.T), initial=0.0) > tol:
        return False
    return np.linalg.eigvalsh((s + s.T) / 2)[0] >= -tol


def lemma_6_5(instances):
    """oymak/lemma-6.5 psd: both hypotheses (A, B PSD) and both Schur margins, per instance; worst slack."""
    worst = math.inf
    for a, b in instances:
        if not (is_psd(a) and is_psd(b)):
            continue
        n = a.shape[0]
        ev_a = np.linalg.eigvalsh(a)
        ev_ab = np.linalg.eigvalsh(a * b)
        db = np.diag(b)
        tol = tolerance(spectral_norm(a) * spectral_norm(b), n)
        lower = slack(ev_ab[0], db.min() * ev_a[0], tol)  # lambda_min(A o B) >= min B_ii lambda_min(A)
        upper = slack(db.max() * ev_a[-1], ev_ab[-1], tol)  # lambda_max(A o B) <= max B_ii lambda_max(A)
        worst = min(worst, lower, upper)
    return worst


def derivative(name):
    from scipy.special import ndtr, expit
    scale, _, base = name.rpartition("*")
    s = float(scale) if scale else 1.0
    d1 = {
        "softplus": expit,
        "relu": lambda z: (z >= 0).astype(float),
        "tanh": lambda z: 1 - np.tanh(z) ** 2,
        "sigmoid": lambda z: expit(z) * (1 - expit(z)),
        "gausscdf": ndtr,
        "sin": np.cos,
    }[base]
    return (lambda z: s * d1(z)) if s != 1.0 else d1


def lemma_6_6(instances, big_b):
    """oymak/lemma-6.6 statement: ||J(W)|| from the Hadamard Gram identity against sqrt(k) B ||v||_inf ||X||."""
    worst = math.inf
    for act, x, w, v in instances:
        a = derivative(act)(x @ w.T) * v
        j_norm = math.sqrt(max(0.0, np.linalg.eigvalsh((a @ a.T) * (x @ x.T))[-1]))
        bound = math.sqrt(w.shape[0]) * big_b[act] * np.max(np.abs(v)) * spectral_norm(x)
        worst = min(worst, slack(bound, j_norm, tolerance(bound, x.shape[0] * w.shape[0])))
    return worst


# ---------------------------------------------------------------- timing


def time_kernel(fn, repeats, seconds):
    fn()  # warm-up (imports, first-call costs)
    medians = []
    for _ in range(repeats):
        calls, t0 = 0, time.perf_counter()
        while True:
            fn()
            calls += 1
            elapsed = time.perf_counter() - t0
            if elapsed >= seconds:
                break
        medians.append(elapsed / calls * 1e3)
    return statistics.median(medians), medians


def load_inputs(d):
    j = lambda f: json.load(open(os.path.join(d, f)))
    ref = j("reference.json")
    inp = {
        "x500": np.load(os.path.join(d, "sphere500.npy")),
        "x2000": np.load(os.path.join(d, "sphere2000.npy")),
        "x": np.load(os.path.join(d, "net_x.npy")),
        "w": np.load(os.path.join(d, "net_w.npy")),
        "v": np.load(os.path.join(d, "net_v.npy")),
        "y": np.load(os.path.join(d, "net_y.npy")),
        "f": np.load(os.path.join(d, "features.npy")),
        "l65": [(np.array(i["a"]), np.array(i["b"])) for i in j("oymak_lemma-6.5.json")],
        "l66": [(i["activation"], np.array(i["x"]), np.array(i["w"]), np.array(i["v"])) for i in j("oymak_lemma-6.6.json")],
    }
    return inp, ref


def kernels(inp, ref):
    """Name (as in the JMH table) -> (numpy call, its result as one number, the harness's number in reference.json)."""
    eta = ref["gd_step"]
    same = lambda r: r
    return {
        "lambdaMinSigma n=500": (lambda: lambda_min_sigma(inp["x500"]), same, "lambda_min_sigma_500"),
        "lambdaMinSigma n=2000": (lambda: lambda_min_sigma(inp["x2000"]), same, "lambda_min_sigma_2000"),
        "sigmaMinJacobian": (lambda: sigma_min_jacobian(inp["x"], inp["w"], inp["v"]), same, "sigma_min_jacobian"),
        "gdStep": (lambda: gd_step(inp["x"], inp["w"], inp["v"], inp["y"], eta), np.linalg.norm, "gd_next_norm"),
        "rankAndScalingFactor": (lambda: rank_and_scaling(inp["f"]), same, "rank_plus_scaling_factor"),
        "propertyRun claim=oymak/lemma-6.5": (lambda: lemma_6_5(inp["l65"]), same, "oymak/lemma-6.5 worst slack"),
        "propertyRun claim=oymak/lemma-6.6": (lambda: lemma_6_6(inp["l66"], ref["big_b"]), same, "oymak/lemma-6.6 worst slack"),
    }


def jmh_medians(path):
    out = {}
    for b in json.load(open(path)):
        name = b["benchmark"].rsplit(".", 1)[-1]
        params = b.get("params") or {}
        key = " ".join([name] + ["%s=%s" % kv for kv in sorted(params.items())])
        raw = [x for fork in b["primaryMetric"]["rawData"] for x in fork]
        unit = b["primaryMetric"]["scoreUnit"]
        scale = {"ms/op": 1.0, "s/op": 1e3, "us/op": 1e-3}[unit]
        out[key] = (statistics.median(raw) * scale, [x * scale for x in raw])
    return out


def loadavg():
    try:
        return "%.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        return "n/a"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", default="target/bench/inputs")
    ap.add_argument("--jmh", default="target/bench/jmh.json", help="JMH's JSON result (-rf json); omit the file to time numpy alone")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--seconds", type=float, default=1.0, help="minimum time of one repeat")
    ap.add_argument("--out", default="target/bench/results.json")
    a = ap.parse_args()

    java = jmh_medians(a.jmh) if os.path.exists(a.jmh) else {}
    if np is None:
        print("numpy is MISSING (%s): install it (apt-get install -y python3-numpy python3-scipy, or pip install numpy scipy);"
              " showing the Java times alone, no ratios." % NUMPY_ERROR)
        print("%-36s %12s" % ("kernel", "Java ms"))
        for k, (m, _) in sorted(java.items()):
            print("%-36s %12.3f" % (k, m))
        return 1

    inp, ref = load_inputs(a.inputs)
    print("numpy %s, BLAS: %s; load average before numpy: %s" % (np.__version__, blas_name(), loadavg()))
    rows, results = [], {}
    for name, (fn, as_number, ref_key) in kernels(inp, ref).items():
        if java and name not in java:
            continue  # a filtered run: time what Java timed
        value = as_number(fn())
        agree = ""
        if ref_key is not None and ref_key in ref:
            j = ref[ref_key]
            agree = "agrees" if math.isclose(value, j, rel_tol=1e-6, abs_tol=1e-9 * max(1.0, abs(j))) else "DIFFERS: numpy %r, Java %r" % (value, j)
        med, all_ = time_kernel(fn, a.repeats, a.seconds)
        jm = java.get(name)
        rows.append((name, jm[0] if jm else None, med, agree))
        results[name] = {"numpy_ms": med, "numpy_repeats_ms": all_, "java_ms": jm[0] if jm else None,
                         "java_iterations_ms": jm[1] if jm else None, "value": float(value), "check": agree}
    print("load average after numpy: %s" % loadavg())
    print()
    print("%-36s %12s %12s %8s  %s" % ("kernel (median of 5)", "Java ms", "numpy ms", "Java/np", "results"))
    worst = 0.0
    for name, jm, nm, agree in rows:
        ratio = jm / nm if jm is not None else None
        if ratio is not None:
            worst = max(worst, ratio)
        print("%-36s %12s %12.3f %8s  %s" % (name, "%.3f" % jm if jm is not None else "-", nm, "%.2f" % ratio if ratio else "-", agree))
    if java:
        print("\nworst ratio Java/numpy: %.2f" % worst)
    os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
    json.dump({"load": loadavg(), "numpy": np.__version__, "kernels": results}, open(a.out, "w"), indent=2)
    return 0


def blas_name():
    try:
        cfg = np.show_config(mode="dicts")
        b = cfg["Build Dependencies"]["blas"]
        return "%s %s" % (b.get("name"), b.get("version"))
    except Exception:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
