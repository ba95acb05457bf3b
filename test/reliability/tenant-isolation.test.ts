// Tenant isolation as a property: random sequences of commands create issues, themes,
// customers, drivers, plans, metrics, 5-whys and digest schedules in three tenants through
// the core, with look-alike names across tenants (the same #shared theme, the same customer
// name). Then every read a tenant can make (lists, Pareto, impact, digest content, plans,
// metrics, 5-why lists, the home tab and the export) holds none of another tenant's rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleHomeOpened } from '../../src/core/bot/handle-home.js';
import { handleInbound } from '../../src/core/bot/handle-inbound.js';
import { buildDigestContent } from '../../src/core/digest/digest-content.js';
import { exportIssues } from '../../src/core/use-cases/export-issues.js';
import { impactReport } from '../../src/core/use-cases/impact-report.js';
import { paretoReport } from '../../src/core/use-cases/pareto-report.js';
import { renderPlainText } from '../../src/core/views/render-plain-text.js';
import { openCoreHarness, type CoreHarness } from '../support/core-harness.js';

const TENANTS = ['T-alpha', 'T-bravo', 'T-charlie'] as const;
type TenantId = (typeof TENANTS)[number];
/** Every row a tenant creates carries its marker; no other tenant may ever read one. */
const MARKER: Record<TenantId, string> = {
  'T-alpha': 'qalpha',
  'T-bravo': 'qbravo',
  'T-charlie': 'qcharlie',
};
const others = (t: TenantId): string[] => TENANTS.filter((o) => o !== t).map((o) => MARKER[o]);

const KINDS = ['issue', 'theme', 'customer', 'driver', 'plan', 'metric', 'reading', 'why', 'digest'] as const; // prettier-ignore
type Kind = (typeof KINDS)[number];

const op = fc.record({
  tenant: fc.constantFrom(...TENANTS),
  kind: fc.constantFrom(...KINDS),
  shared: fc.boolean(),
  user: fc.constantFrom('U1', 'U2'),
});

/** What one tenant created, to check the reads are complete as well as clean. */
interface Made {
  issues: number;
  whyThreads: string[];
}

const commandFor = (kind: Kind, m: string, k: number, shared: boolean): string => {
  const theme = shared ? '#shared' : `#${m}-theme`;
  switch (kind) {
    case 'issue':
      return `/cx-issue ${m} issue ${k} ${theme} customer:"${shared ? 'Acme' : `${m} cust`}" cost:${k} company-cost:${2 * k}`;
    case 'theme':
      return `/cx theme add #${m}-t${k} "${m} theme ${k}"`;
    case 'customer':
      return `/cx customer add "${m} co ${k}" revenue:${1000 + k}`;
    case 'driver':
      return `/cx driver add "${m} driver ${k}"`;
    case 'plan':
      return `/cx-action add "${m} plan ${k}" ${theme} due:2026-12-01 level:recurrence`;
    case 'metric':
      return `/cx-metric define "${m} metric ${k}" ${theme} unit:"%" direction:lower target:2`;
    case 'reading':
      return `/cx-metric record "${m} metric 1" ${k}`;
    case 'why':
      return `/cx-why ${theme}`;
    case 'digest':
      return '/cx-digest weekly mon 09:00 tz:UTC';
  }
};

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const run = async (h: CoreHarness, ops: Op[]) => {
  const made = new Map<TenantId, Made>(TENANTS.map((t) => [t, { issues: 0, whyThreads: [] }]));
  // Each tenant starts with a theme of its own and the #shared one.
  for (const t of TENANTS) {
    for (const shared of [false, true]) {
      const { view } = await h.say(commandFor('issue', MARKER[t], 0, shared), 'U1', t);
      expect(view.tone).toBeUndefined();
      (made.get(t) as Made).issues += 1;
    }
    await h.say(commandFor('metric', MARKER[t], 1, false), 'U1', t);
  }
  for (const [k, o] of ops.entries()) {
    const m = MARKER[o.tenant];
    const before = h.gateway.messages.length;
    const { view } = await h.say(commandFor(o.kind, m, k + 1, o.shared), o.user, o.tenant);
    const mine = made.get(o.tenant) as Made;
    if (o.kind === 'issue' && view.tone === undefined) mine.issues += 1;
    const root = h.gateway.messages.slice(before).find((msg) => msg.call === 'post');
    if (o.kind === 'why' && root?.messageId) {
      mine.whyThreads.push(root.messageId);
      // An answer in the thread, carrying the tenant's marker.
      await handleInbound(h.deps, {
        kind: 'threadReply',
        user: { platform: 'local', tenantId: o.tenant, userId: o.user, name: o.user },
        conversation: {
          platform: 'local',
          tenantId: o.tenant,
          channelId: 'C1',
          threadId: root.messageId,
        },
        text: `${m} because of answer ${k}`,
      });
    }
  }
  return made;
};

/** Every read a tenant's user can make, as the text they would see. */
const reads = async (h: CoreHarness, t: TenantId): Promise<Record<string, string>> => {
  const m = MARKER[t];
  const out: Record<string, string> = {};
  for (const line of [
    '/cx-issue list since:all',
    '/cx-issue list Acme',
    '/cx-issue show CX-1',
    '/cx-issue show CX-3',
    '/cx-pareto since:all',
    '/cx-pareto by:revenue since:all',
    '/cx-impact since:all',
    '/cx-impact #shared since:all',
    '/cx-action list',
    '/cx-action list #shared',
    '/cx-metric list',
    `/cx-metric show "${m} metric 1"`,
    '/cx-why',
    '/cx-digest',
    '/cx-digest preview',
    '/cx theme list',
    '/cx customer list',
    '/cx driver list',
    '/cx admins',
  ]) {
    out[line] = (await h.say(line, 'U1', t)).text;
  }
  const user = { platform: 'local' as const, tenantId: t, userId: 'U1', name: 'U1' };
  out.home = renderPlainText(handleHomeOpened(h.deps, user));
  out.export = JSON.stringify([...exportIssues(h.deps, t)]);
  out.digest = JSON.stringify(
    buildDigestContent(h.deps, {
      tenantId: t,
      keyDriverId: null,
      since: null,
      now: h.clock.now(),
      late: false,
    }),
  );
  out.impact = JSON.stringify(impactReport(h.deps, t, {}));
  return out;
};

describe('tenant isolation', () => {
  it('no read in one tenant ever returns another tenant’s rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        const h = openCoreHarness();
        try {
          const made = await run(h, ops);
          for (const t of TENANTS) {
            const seen = await reads(h, t);
            for (const [read, text] of Object.entries(seen)) {
              const lower = text.toLowerCase();
              for (const foreign of others(t)) expect(lower, `${t} ${read}`).not.toContain(foreign);
            }
            // Complete as well as clean: the tenant's own rows are all there.
            const mine = made.get(t) as Made;
            const exported = [...exportIssues(h.deps, t)];
            expect(exported).toHaveLength(mine.issues);
            expect(exported.every((row) => row.summary.startsWith(`${MARKER[t]} issue`))).toBe(
              true,
            );
            expect(paretoReport(h.deps, t, {}).result.grandTotal).toBe(mine.issues);
            expect(seen['/cx-issue list since:all']).toContain(`${MARKER[t]} issue`);
            expect(seen['/cx theme list']).toContain(`${MARKER[t]}-theme`);
            expect(seen['/cx-metric list']).toContain(`${MARKER[t]} metric 1`);
            expect(seen.export).toContain(MARKER[t]);
            expect(h.deps.repos.whySessions.list(t)).toHaveLength(mine.whyThreads.length);
            // A thread id from another tenant finds no session here.
            for (const o of TENANTS.filter((x) => x !== t))
              for (const threadId of (made.get(o) as Made).whyThreads)
                expect(
                  h.deps.repos.whySessions.findByThread(t, {
                    platform: 'local',
                    channelId: 'C1',
                    threadId,
                  }),
                ).toBeNull();
          }
        } finally {
          h.close();
        }
      }),
      { numRuns: 25, seed: 3 },
    );
  }, 60_000);
});
