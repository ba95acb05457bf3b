// Like the core harness, but on a database file, so a test can close the "process" and open a
// fresh one on the same file to check that state survives a restart.
import { openCoreHarness, type CoreHarness } from './core-harness.js';

let runs = 0;

/** Opens the core on `path`; ids are unique per open so a reopened run never reuses one. */
export const openFileCoreHarness = (path: string, now = '2026-11-02T09:00:00Z'): CoreHarness => {
  runs += 1;
  return openCoreHarness(path, { now, idPrefix: `run${runs}` });
};
