// Slack's rate limits, waited out per channel. Slack allows about one message a second in
// a channel, and a per-method limit for the whole workspace above that. The SDK's own
// handling pauses the client's whole request queue for any 429's Retry-After, so one busy
// channel would hold up every channel of the workspace. The gateway's clients reject
// rate-limited calls instead, and this waits out Retry-After only where it applies.
import { webApi } from '@slack/bolt';

export interface RateLimitTimers {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const REAL_TIMERS: RateLimitTimers = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const SLACK_RATE_LIMIT_POLICY = {
  /** 429s retried per call; after that the failure comes back, retryable. */
  retries: 5,
  /**
   * The longest one call waits in all. A digest refused for longer is retried by its ledger
   * a minute later; a reply that arrives later than this is no use to the person waiting.
   */
  maxWaitMs: 30_000,
  /**
   * Channels refused in a row, with no success in between, that show the workspace's limit
   * was reached rather than one channel's: then every channel waits, instead of each one
   * discovering the limit with a request of its own.
   */
  workspaceStreak: 3,
};

export type RateLimitPolicy = typeof SLACK_RATE_LIMIT_POLICY;

export interface RateLimitScope {
  /** The workspace (tenant): Slack counts per app per workspace. */
  workspace: string;
  method: string;
  /** The channel the call posts to, if any. */
  channel?: string | undefined;
}

/** The Retry-After, in seconds, of an error that says the call was rate limited. */
export const retryAfterOf = (e: unknown): number | undefined => {
  const error = e as { code?: unknown; retryAfter?: unknown } | null;
  return error?.code === webApi.ErrorCode.RateLimitedError && typeof error.retryAfter === 'number'
    ? error.retryAfter
    : undefined;
};

/** Given up without calling: Slack would refuse the call for longer than we wait. */
export class RateLimitWaitTooLong extends Error {
  readonly code = webApi.ErrorCode.RateLimitedError;
  constructor(readonly retryAfter: number) {
    super(`rate limited for ${retryAfter} s more`);
  }
}

const SEP = '\u0000';
/** Expired entries are swept once the map holds this many. */
const SWEEP_AT = 2_000;

export class SlackRateLimits {
  /** When a channel (workspace + channel) or a method (workspace + method) may be called again. */
  private readonly until = new Map<string, number>();
  /** Per workspace + method: channels refused since its last success. */
  private readonly streaks = new Map<string, Set<string>>();

  constructor(
    private readonly timers: RateLimitTimers = REAL_TIMERS,
    private readonly policy: RateLimitPolicy = SLACK_RATE_LIMIT_POLICY,
  ) {}

  /**
   * Makes the call once its channel and its method may be called, and again after each 429
   * (up to the policy's retries and wait). Other errors, and the last 429, are thrown.
   */
  async run<T>(scope: RateLimitScope, call: () => Promise<T>): Promise<T> {
    let waited = 0;
    for (let refused = 0; ; refused++) {
      waited += await this.waitTurn(scope, this.policy.maxWaitMs - waited);
      try {
        const value = await call();
        this.streaks.delete(methodKey(scope));
        return value;
      } catch (e: unknown) {
        const retryAfter = retryAfterOf(e);
        if (retryAfter === undefined) throw e;
        this.refused(scope, retryAfter);
        if (refused >= this.policy.retries) throw e;
      }
    }
  }

  /** How long, in ms, calls in this scope must still wait. */
  blockedFor(scope: RateLimitScope): number {
    const now = this.timers.now();
    const channel = scope.channel ? (this.until.get(channelKey(scope)) ?? 0) : 0;
    return Math.max(0, channel - now, (this.until.get(methodKey(scope)) ?? 0) - now);
  }

  /** Waits until the scope is clear; returns the ms waited, or throws beyond `budget`. */
  private async waitTurn(scope: RateLimitScope, budget: number): Promise<number> {
    let waited = 0;
    // Loops because another call's 429 may have extended the wait meanwhile.
    for (let wait = this.blockedFor(scope); wait > 0; wait = this.blockedFor(scope)) {
      if (waited + wait > budget) throw new RateLimitWaitTooLong(Math.ceil(wait / 1000));
      await this.timers.sleep(wait);
      waited += wait;
    }
    return waited;
  }

  private refused(scope: RateLimitScope, retryAfterSeconds: number): void {
    const until = this.timers.now() + retryAfterSeconds * 1000;
    this.sweep();
    const method = methodKey(scope);
    let streak = this.streaks.get(method);
    if (!streak) this.streaks.set(method, (streak = new Set()));
    if (scope.channel) {
      this.extend(channelKey(scope), until);
      streak.add(scope.channel);
    }
    // A call without a channel can only have met the method's limit for the workspace.
    if (!scope.channel || streak.size >= this.policy.workspaceStreak) this.extend(method, until);
  }

  private extend(key: string, until: number): void {
    this.until.set(key, Math.max(until, this.until.get(key) ?? 0));
  }

  private sweep(): void {
    if (this.until.size < SWEEP_AT) return;
    const now = this.timers.now();
    for (const [key, until] of this.until) if (until <= now) this.until.delete(key);
  }
}

const channelKey = (s: RateLimitScope): string => `${s.workspace}${SEP}#${s.channel ?? ''}`;
const methodKey = (s: RateLimitScope): string => `${s.workspace}${SEP}${s.method}`;
