// "Did you mean" suggestions for command names, subcommands and option keys.

const MAX_COMPARED = 64;

/** Levenshtein distance; inputs are capped so a huge token cannot make this quadratic-slow. */
export function editDistance(a: string, b: string): number {
  const s = a.slice(0, MAX_COMPARED);
  const t = b.slice(0, MAX_COMPARED);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (s[i - 1] === t[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/** The closest candidate within a distance that still looks like a typo, if any. */
export function closest<T extends string>(word: string, candidates: readonly T[]): T | undefined {
  const needle = word.toLowerCase();
  const limit = Math.max(1, Math.min(3, Math.floor(needle.length / 2)));
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
