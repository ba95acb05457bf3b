// The work that follows an ack (database writes, rendering, posting the reply) waits here,
// so that requests still arriving are acked first: Slack wants an ack within 3 seconds,
// while a reply through response_url may come up to 30 minutes later.
//
// Why pacing and not just "later": Node accepts at most one new connection per event-loop
// turn (measured: 200 waiting connections take 200 turns), so any turn that also runs a
// job's synchronous work (a few ms of SQLite and rendering) slows how fast new requests
// are even seen. While connections and requests keep arriving (inbound-activity.ts, and
// the acks queued here), jobs start at most one per BUSY_GAP_MS;
// once arrivals pause, the backlog runs at full speed. Jobs always progress, so an
// endless stream of requests delays replies but never starves them.

import { lastInboundAt } from './inbound-activity.js';

export interface AfterAckQueueOptions {
  /** Jobs running at once; their network waits overlap. */
  concurrency?: number;
  /** Called once each time the backlog grows past `warnAt` (overload shows here first). */
  onBacklog?: (waiting: number) => void;
  warnAt?: number;
  /** Traffic this recent means requests are still coming (tests widen it). */
  quietAfterMs?: number;
  /** While requests keep coming, at most one job starts per this many ms. */
  busyGapMs?: number;
  /** The clock (ms) and the last inbound traffic on it; tests pass their own. */
  now?: () => number;
  lastInbound?: () => number;
}

const DEFAULT_CONCURRENCY = 4;
const DEFAULT_WARN_AT = 1000;
/** An arrival this recent means requests are still coming. */
const QUIET_AFTER_MS = 2;
/** While requests keep coming, at most one job starts per this many ms. */
const BUSY_GAP_MS = 25;

export class AfterAckQueue {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;
  private warned = false;
  private lastArrival = Number.NEGATIVE_INFINITY;
  private lastStart = Number.NEGATIVE_INFINITY;
  private readonly idleWaiters: Array<() => void> = [];
  private readonly concurrency: number;
  private readonly warnAt: number;
  private readonly quietAfterMs: number;
  private readonly busyGapMs: number;
  private readonly now: () => number;
  private readonly lastInbound: () => number;

  constructor(private readonly options: AfterAckQueueOptions = {}) {
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.warnAt = options.warnAt ?? DEFAULT_WARN_AT;
    this.quietAfterMs = options.quietAfterMs ?? QUIET_AFTER_MS;
    this.busyGapMs = options.busyGapMs ?? BUSY_GAP_MS;
    this.now = options.now ?? (() => performance.now());
    this.lastInbound = options.lastInbound ?? lastInboundAt;
  }

  /** Jobs not started yet plus jobs running. */
  get size(): number {
    return this.waiting.length + this.active;
  }

  /** Runs `job` when its turn comes; settles as the job does, so errors reach the caller. */
  async run<T>(job: () => Promise<T> | T): Promise<T> {
    this.lastArrival = this.now();
    await new Promise<void>((start) => {
      this.waiting.push(start);
      this.noteBacklog();
      this.pump();
    });
    try {
      return await job();
    } finally {
      this.active -= 1;
      this.pump();
      if (this.size === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
    }
  }

  /**
   * Resolves once every queued and running job has finished, or after `withinMs` at the
   * latest: a graceful stop finishes acked work but must not hang on a stuck one.
   */
  idle(withinMs = Number.POSITIVE_INFINITY): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      if (Number.isFinite(withinMs)) setTimeout(resolve, withinMs).unref();
    });
  }

  private pump(): void {
    if (this.scheduled || this.active >= this.concurrency || this.waiting.length === 0) return;
    this.scheduled = true;
    const wait = this.pacingDelay(this.now());
    // setImmediate lets the network be polled before the job starts; a timer waits out the gap.
    if (wait <= 0) setImmediate(() => this.startOne());
    else setTimeout(() => this.startOne(), wait);
  }

  /** How long the next start should wait: 0 when arrivals have paused. */
  private pacingDelay(now: number): number {
    const arrival = Math.max(this.lastArrival, this.lastInbound());
    if (now - arrival >= this.quietAfterMs) return 0;
    return Math.max(0, this.lastStart + this.busyGapMs - now);
  }

  private startOne(): void {
    this.scheduled = false;
    const now = this.now();
    const wait = this.pacingDelay(now);
    if (wait > 0) {
      this.pump();
      return;
    }
    const start = this.active < this.concurrency ? this.waiting.shift() : undefined;
    if (start) {
      this.active += 1;
      this.lastStart = now;
      start();
    }
    this.pump();
  }

  private noteBacklog(): void {
    if (this.waiting.length < this.warnAt) {
      this.warned = false;
      return;
    }
    if (this.warned) return;
    this.warned = true;
    this.options.onBacklog?.(this.waiting.length);
  }
}
