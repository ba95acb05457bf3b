// When this process last saw inbound traffic: a new connection or a request. The HTTP
// server notes both; the after-ack queue paces its work while traffic is recent. A new
// connection is the earliest sign of a burst (Node accepts one per event-loop turn, before
// any request on it can be read), so waiting for the first ack would notice it too late.
// Process-wide on purpose: it describes the one event loop every adapter shares.
let last = Number.NEGATIVE_INFINITY;

export const noteInbound = (): void => {
  last = performance.now();
};

/** performance.now() of the last inbound connection or request. */
export const lastInboundAt = (): number => last;
