// Time and ids are injected so that tests run on a fake clock and predictable ids.
export interface Clock {
  now(): Date;
}

export interface IdSource {
  next(): string;
}

export const systemClock: Clock = { now: () => new Date() };
