#!/usr/bin/env python3
"""Golden values for the analytics tests, computed with scipy, numpy and pandas.

Run with Debian's python (python3-scipy python3-pandas python3-numpy):

    /usr/bin/python3 scripts/golden/make-survey-golden.py [--cfpb PATH]

Writes, under test/fixtures/golden/:
  survey.csv               a seeded synthetic survey (outcome 0-10, six 1-5 aspects)
  key-drivers.json         scipy pearsonr/spearmanr/Fisher CI per aspect, overall and per segment, plus NPS
  special-functions.json   scipy gammaln, betainc and t-test p-values on a grid
  cfpb-issue-counts.json   pandas value_counts of `Issue` in the CFPB sample (skipped if the CSV is absent)
"""
import argparse
import json
import math
import os
import sys

import numpy as np
import pandas as pd
import scipy
from scipy import special, stats

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "test", "fixtures", "golden")
SEED = 20240521
ROWS = 600
NA_VALUE = 0
MIN_N = 30
Z_975 = 1.959963984540054
# (name, weight on the latent loyalty for core-growth customers, for the rest)
ASPECTS = [
    ("ease_of_ordering", 0.9, 0.5),
    ("delivery_speed", 0.6, 0.9),
    ("product_quality", 1.1, 1.0),
    ("support_responsiveness", 0.3, 0.7),
    ("billing_clarity", 0.8, 0.8),
    ("price_value", 0.1, 0.2),
]
SPARSE_ASPECT = "billing_clarity"
SPARSE_COUNT = 20


def make_survey(rng):
    """Ratings driven by a latent loyalty, rounded onto 1-5 so ties abound."""
    latent = rng.normal(size=ROWS)
    core = rng.choice([1.0, 0.0, np.nan], size=ROWS, p=[0.35, 0.6, 0.05])
    is_core = core == 1.0
    df = pd.DataFrame({"respondent": np.arange(1, ROWS + 1), "core_growth": core})
    outcome = np.clip(np.round(7 + 2.0 * latent + rng.normal(scale=1.5, size=ROWS)), 0, 10)
    outcome[rng.random(ROWS) < 0.03] = np.nan
    df["outcome"] = outcome
    for name, w_core, w_rest in ASPECTS:
        weight = np.where(is_core, w_core, w_rest)
        raw = 3 + weight * latent + rng.normal(scale=0.9, size=ROWS)
        rating = np.clip(np.round(raw), 1, 5)
        draw = rng.random(ROWS)
        rating[draw < 0.05] = np.nan  # blank cell
        rating[(draw >= 0.05) & (draw < 0.09)] = NA_VALUE  # "not applicable"
        if name == SPARSE_ASPECT:
            keep = np.zeros(ROWS, dtype=bool)
            keep[rng.choice(ROWS, size=SPARSE_COUNT, replace=False)] = True
            rating = np.where(keep, np.clip(np.round(raw), 1, 5), np.nan)
        df[name] = rating
    return df


def fmt(value):
    return "" if isinstance(value, float) and math.isnan(value) else str(int(value))


def write_csv(df, path):
    with open(path, "w", newline="\n") as fh:
        fh.write(",".join(df.columns) + "\n")
        for row in df.itertuples(index=False):
            fh.write(",".join(fmt(float(v)) for v in row) + "\n")


def num(value):
    value = float(value)
    return None if math.isnan(value) else value


def fisher_ci(result, r, n):
    if n < 4:
        return None
    if hasattr(result, "confidence_interval"):
        ci = result.confidence_interval(0.95)
        return [float(ci.low), float(ci.high)]
    z, se = np.arctanh(r), 1 / np.sqrt(n - 3)
    return [float(np.tanh(z - Z_975 * se)), float(np.tanh(z + Z_975 * se))]


def correlate(x, y):
    mask = np.isfinite(x) & np.isfinite(y)
    x, y = x[mask], y[mask]
    n = int(mask.sum())
    empty = {"n": n, "tooFew": n < MIN_N, "pearson": None, "spearman": None}
    if n < 2 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return empty
    pr = stats.pearsonr(x, y)
    sr = stats.spearmanr(x, y)
    p_pr = num(pr.pvalue) if n >= 3 else None
    p_sr = num(sr.pvalue) if n >= 3 else None
    return {
        "n": n,
        "tooFew": n < MIN_N,
        "pearson": {"statistic": float(pr.statistic), "pvalue": p_pr,
                    "ci95": fisher_ci(pr, float(pr.statistic), n)},
        "spearman": {"statistic": float(sr.statistic), "pvalue": p_sr},
    }


def analyse(df):
    out = {name: correlate(df[name].to_numpy(), df["outcome"].to_numpy()) for name, _, _ in ASPECTS}
    ranked = sorted(
        out,
        key=lambda a: (out[a]["pearson"] is None,
                       -(out[a]["pearson"] or {"statistic": 0})["statistic"], a),
    )
    return {"aspects": out, "ranking": ranked}


def nps_of(values):
    v = values[np.isfinite(values) & (values >= 0) & (values <= 10)]
    promoters, detractors = int((v >= 9).sum()), int((v <= 6).sum())
    n = int(v.size)
    return {"nps": (promoters - detractors) / n * 100 if n else None, "promoters": promoters,
            "passives": n - promoters - detractors, "detractors": detractors, "n": n}


def key_driver_golden(df):
    cleaned = df.copy()
    # "Not applicable" applies to aspect ratings only: 0 is a real score on an NPS outcome.
    for col in [name for name, _, _ in ASPECTS]:
        cleaned[col] = cleaned[col].replace(NA_VALUE, np.nan)
    core = cleaned[cleaned["core_growth"] == 1]
    rest = cleaned[cleaned["core_growth"] == 0]
    return {
        "generator": "scripts/golden/make-survey-golden.py",
        "versions": {"scipy": scipy.__version__, "numpy": np.__version__, "pandas": pd.__version__},
        "seed": SEED, "naValue": NA_VALUE, "minN": MIN_N, "rows": len(df),
        "n": int(np.isfinite(cleaned["outcome"]).sum()),
        "nps": nps_of(cleaned["outcome"].to_numpy()),
        "overall": analyse(cleaned),
        "segments": {"coreGrowth": analyse(core), "rest": analyse(rest)},
    }


def exact(fn):
    """A 50-digit reference from mpmath when it is installed (scipy itself loses digits near
    |r| = 1, where it forms (r + 1) / 2); None otherwise, and the tests fall back to scipy."""
    try:
        import mpmath
    except ImportError:
        return None
    with mpmath.workdps(50):
        return float(fn(mpmath))


def special_golden():
    xs = [1e-12, 1e-6, 0.001, 0.05, 0.3, 0.5, 0.7, 0.95, 0.999, 1 - 1e-9]
    ab = [0.5, 1.0, 2.5, 7.0, 49.5, 299.0, 5000.0]
    gamma_args = [1e-8, 0.1, 0.5, 1.0, 1.5, 2.0, 3.7, 10.0, 49.5, 299.5, 1e4, 1e6]
    dfs = [1, 2, 5, 28, 100, 598, 10000]
    ts = [0.0, 1e-6, 0.3, 1.0, 1.96, 3.5, 8.0, 25.0]
    rs = [0.0, 1e-9, 0.05, 0.2, 0.5, 0.9, 0.999, 1 - 1e-12]
    ns = [3, 4, 10, 30, 200, 600]

    def t_exact(t, df):
        return exact(lambda m: m.betainc(m.mpf(df) / 2, 0.5, 0, df / (df + m.mpf(t) ** 2),
                                         regularized=True))

    def r_exact(r, n):
        return exact(lambda m: m.betainc(m.mpf(n - 2) / 2, 0.5, 0, 1 - m.mpf(r) ** 2,
                                         regularized=True))

    def r_scipy(r, n):
        # scipy's own pearsonr p-value: 2 * beta(n/2-1, n/2-1, loc=-1, scale=2).sf(|r|)
        return float(2 * stats.beta(n / 2 - 1, n / 2 - 1, loc=-1, scale=2).sf(abs(r)))

    return {
        "gammaln": [{"x": x, "scipy": float(special.gammaln(x)),
                     "exact": exact(lambda m: m.loggamma(m.mpf(x)))} for x in gamma_args],
        "betainc": [{"a": a, "b": b, "x": x, "scipy": float(special.betainc(a, b, x)),
                     "exact": exact(lambda m: m.betainc(a, b, 0, m.mpf(x), regularized=True))}
                    for a in ab for b in [0.5, 1.0, 3.0, 40.0] for x in xs],
        "tTwoSided": [{"t": t, "df": df, "scipy": float(2 * stats.t.sf(abs(t), df)),
                       "exact": t_exact(t, df)} for t in ts for df in dfs],
        "correlationP": [{"r": r, "n": n, "scipy": r_scipy(r, n), "exact": r_exact(r, n)}
                         for r in rs for n in ns],
    }


def cfpb_golden(path):
    df = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    counts = df["Issue"].value_counts()
    total = int(counts.sum())
    shares = counts.cumsum() / total
    vital = int((shares < 0.8 - 1e-12).sum()) + 1
    return {
        "generator": "scripts/golden/make-survey-golden.py",
        "source": "cfpb_complaints_sample.csv, column Issue, pandas value_counts",
        "rows": len(df), "total": total, "themes": len(counts),
        "vitalFewCount": vital, "vitalFewShare": float(shares.iloc[vital - 1]),
        "counts": [{"name": name, "count": int(c)} for name, c in counts.items()],
    }


def dump(obj, name):
    with open(os.path.join(OUT, name), "w") as fh:
        json.dump(obj, fh, indent=1, allow_nan=False)
        fh.write("\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cfpb", default="/work/shared/data/cfpb_complaints_sample.csv")
    args = parser.parse_args()
    os.makedirs(OUT, exist_ok=True)
    survey = make_survey(np.random.default_rng(SEED))
    write_csv(survey, os.path.join(OUT, "survey.csv"))
    dump(key_driver_golden(pd.read_csv(os.path.join(OUT, "survey.csv"))), "key-drivers.json")
    dump(special_golden(), "special-functions.json")
    if os.path.exists(args.cfpb):
        dump(cfpb_golden(args.cfpb), "cfpb-issue-counts.json")
    else:
        print(f"skipped CFPB counts: {args.cfpb} not found", file=sys.stderr)


if __name__ == "__main__":
    main()
