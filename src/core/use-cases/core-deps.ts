import type { Clock, IdSource } from '../ports/clock.js';
import type { Repositories } from '../ports/repositories.js';
import type { ChatGateway } from '../ports/chat-gateway.js';
import type { ChartRenderer } from '../ports/chart-renderer.js';

/** What every use case needs: storage ports, a clock and an id source, all injected. */
export interface CoreDeps {
  repos: Repositories;
  clock: Clock;
  ids: IdSource;
  /** How the core posts beyond the direct reply: 5-why threads, digests, nudges. */
  gateway: ChatGateway;
  /** Renders chart images; absent where no renderer is wired (the CLI, some tests). */
  charts?: ChartRenderer;
}

/** Who is acting, for the audit log. */
export interface Actor {
  tenantId: string;
  userId: string | null;
  name?: string | null;
}
