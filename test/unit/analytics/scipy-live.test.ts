// Compares our statistics with scipy computed live on freshly generated data. Runs only when
// Debian's /usr/bin/python3 has scipy (CI installs python3-scipy); skipped elsewhere.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nps, pearson, spearman } from '../../../src/core/analytics/index.js';
import { closeTo, readNumericCsv } from './golden-fixtures.js';

const PYTHON = '/usr/bin/python3';
const hasScipy = spawnSync(PYTHON, ['-c', 'import scipy'], { stdio: 'ignore' }).status === 0;

// Pairwise deletion, then scipy's pearsonr (with its Fisher CI) and spearmanr per column pair.
const SNIPPET = String.raw`
import json, sys
import numpy as np
from scipy import stats
data = np.genfromtxt(sys.argv[1], delimiter=",", names=True, missing_values="", filling_values=np.nan)
out = {}
for name in data.dtype.names:
    if not name.startswith("x"):
        continue
    tag = name[1:]
    x, y = data[name], data["y" + tag]
    m = np.isfinite(x) & np.isfinite(y)
    x, y, n = x[m], y[m], int(m.sum())
    pr, sr = stats.pearsonr(x, y), stats.spearmanr(x, y)
    r = float(pr[0])
    if hasattr(pr, "confidence_interval"):
        ci = pr.confidence_interval(0.95); ci = [float(ci.low), float(ci.high)]
    else:
        z, h = np.arctanh(r), 1.959963984540054 / np.sqrt(n - 3); ci = [float(np.tanh(z - h)), float(np.tanh(z + h))]
    out[tag] = {"n": n, "r": r, "p": float(pr[1]), "rho": float(sr[0]), "rhoP": float(sr[1]), "ci": ci}
o = data["o"]; o = o[np.isfinite(o)]
out["nps"] = float(((o >= 9).sum() - (o <= 6).sum()) / o.size * 100)
print(json.dumps(out))
`;

/** mulberry32: a small seeded generator, so a failing run can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

const toRating = (v: number): number => Math.min(5, Math.max(1, Math.round(3 + v)));

/** Pairs of columns of several kinds: tied 1–5 ratings, continuous, offset, small samples. */
function makeDataset(seed: number): string {
  const rand = random(seed);
  const rows = 400 + Math.floor(rand() * 400);
  const kinds = ['likert', 'likert', 'continuous', 'offset', 'weak', 'small'] as const;
  const columns: Record<string, string[]> = { o: [] };
  kinds.forEach((kind, k) => {
    const xs: string[] = [];
    const ys: string[] = [];
    for (let i = 0; i < rows; i++) {
      const latent = normal(rand);
      const noise = kind === 'weak' ? 3 : 0.8;
      let x = latent + noise * normal(rand);
      let y = latent + noise * normal(rand);
      if (kind === 'likert') {
        x = toRating(x);
        y = toRating(y);
      }
      if (kind === 'offset') x += 1e6;
      // 'small' keeps about 25 pairs: enough for a CI, few enough to be flagged as too few.
      const missing = kind === 'small' ? i >= 25 : rand() < 0.08;
      xs.push(missing ? '' : String(x));
      ys.push(rand() < 0.05 ? '' : String(y));
    }
    columns[`x${k}`] = xs;
    columns[`y${k}`] = ys;
  });
  for (let i = 0; i < rows; i++) {
    columns.o?.push(rand() < 0.05 ? '' : String(Math.floor(rand() * 11)));
  }
  const names = Object.keys(columns);
  const lines = [names.join(',')];
  for (let i = 0; i < rows; i++) lines.push(names.map((n) => columns[n]?.[i] ?? '').join(','));
  return lines.join('\n') + '\n';
}

interface LiveResult {
  n: number;
  r: number;
  p: number;
  rho: number;
  rhoP: number;
  ci: [number, number];
}

describe.skipIf(!hasScipy)('live comparison with scipy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cx-analytics-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('agrees to 1e-9 on a fresh random data set', () => {
    const seed = Date.now() % 2 ** 31;
    const text = makeDataset(seed);
    const file = join(dir, `live-${seed}.csv`);
    writeFileSync(file, text);
    const run = spawnSync(PYTHON, ['-c', SNIPPET, file], { encoding: 'utf8' });
    expect(run.status, `seed ${seed}: ${run.stderr}`).toBe(0);
    const live = JSON.parse(run.stdout) as Record<string, LiveResult> & { nps: number };
    const csv = readNumericCsv(text);
    for (let k = 0; k < 6; k++) {
      const want = live[String(k)] as LiveResult;
      const [x, y] = [csv.get(`x${k}`) ?? [], csv.get(`y${k}`) ?? []];
      const [p, s] = [pearson(x, y), spearman(x, y)];
      const label = `seed ${seed}, pair ${k}`;
      expect(p.n, label).toBe(want.n);
      expect(closeTo(p.r, want.r), `${label} r ${p.r} vs ${want.r}`).toBe(true);
      expect(closeTo(p.p, want.p), `${label} p ${p.p} vs ${want.p}`).toBe(true);
      expect(closeTo(s.r, want.rho), `${label} rho ${s.r} vs ${want.rho}`).toBe(true);
      expect(closeTo(s.p, want.rhoP), `${label} rhoP ${s.p} vs ${want.rhoP}`).toBe(true);
      expect(closeTo(p.ci95?.[0] ?? null, want.ci[0]), `${label} ci lo`).toBe(true);
      expect(closeTo(p.ci95?.[1] ?? null, want.ci[1]), `${label} ci hi`).toBe(true);
    }
    expect(closeTo(nps(csv.get('o') ?? []).nps, live.nps), `seed ${seed} nps`).toBe(true);
  });
});
