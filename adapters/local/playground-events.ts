// GET /api/events?user=ana: the page's live feed, as server-sent events. It opens with a
// `reset` carrying everything that person may see, then pushes each new message, edit,
// modal and change to the people list as it happens.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlaygroundEvent, PlaygroundLog, PlaygroundPerson } from './playground-log.js';

/** Proxies and browsers drop a silent stream; a comment now and then keeps it open. */
const KEEP_ALIVE_MS = 25_000;

export const eventStream =
  (log: PlaygroundLog, person: (req: IncomingMessage) => PlaygroundPerson | null) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    const who = person(req);
    if (!who) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('name a user: /api/events?user=ana');
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    const send = (type: string, data: unknown): void => {
      res.write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    res.write('retry: 1500\n\n');
    send('reset', { me: who, people: log.listPeople(), messages: log.visibleTo(who.id) });
    const stop = log.subscribe(who.id, (event: PlaygroundEvent) => send(event.type, event));
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    keepAlive.unref();
    req.on('close', () => {
      clearInterval(keepAlive);
      stop();
    });
  };
