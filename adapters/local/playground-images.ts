// Chart PNGs the playground has shown, served by id from GET /api/image. Bounded, so a
// long session of charts cannot grow memory without limit; the oldest go first.
const MAX_IMAGES = 200;

export class PlaygroundImages {
  private readonly images = new Map<string, Buffer>();
  private seq = 0;

  /** Keeps the PNG and returns the URL the page loads it from. */
  add(png: Uint8Array): string {
    this.seq += 1;
    const id = `img${this.seq}`;
    this.images.set(id, Buffer.from(png));
    if (this.images.size > MAX_IMAGES) {
      const oldest = this.images.keys().next().value;
      if (oldest !== undefined) this.images.delete(oldest);
    }
    return `/api/image?id=${id}`;
  }

  get(id: string): Buffer | undefined {
    return this.images.get(id);
  }
}
