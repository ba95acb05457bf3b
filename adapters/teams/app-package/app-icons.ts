// The Teams app icons, drawn in code: a Pareto chart (bars falling from left to right,
// the "vital few" first). Teams wants a 192×192 full-colour icon and a 32×32 outline
// icon that is white on a transparent background.
import { encodePng } from './png-writer.js';

type Rgba = [number, number, number, number];

const BRAND: Rgba = [15, 108, 189, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
/** Bar heights as shares of the chart: a Pareto's falling bars. */
const BARS = [0.95, 0.62, 0.38, 0.22];

class Canvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly size: number,
    fill: Rgba,
  ) {
    this.pixels = new Uint8Array(size * size * 4);
    this.rect(0, 0, size, size, fill);
  }

  rect(x0: number, y0: number, x1: number, y1: number, colour: Rgba): void {
    for (let y = Math.max(0, Math.floor(y0)); y < Math.min(this.size, Math.ceil(y1)); y++) {
      for (let x = Math.max(0, Math.floor(x0)); x < Math.min(this.size, Math.ceil(x1)); x++) {
        this.pixels.set(colour, (y * this.size + x) * 4);
      }
    }
  }

  png(): Buffer {
    return encodePng(this.size, this.size, this.pixels);
  }
}

/** Draws the falling bars inside the box [left, right] × [top, bottom]. */
const drawBars = (
  canvas: Canvas,
  box: { left: number; right: number; top: number; bottom: number },
  colour: Rgba,
): void => {
  const slot = (box.right - box.left) / BARS.length;
  const gap = Math.max(1, Math.round(slot * 0.18));
  BARS.forEach((share, i) => {
    const x0 = Math.round(box.left + i * slot);
    const top = Math.round(box.bottom - share * (box.bottom - box.top));
    canvas.rect(x0, top, Math.round(x0 + slot - gap), box.bottom, colour);
  });
};

/** 192×192, full colour: white bars on the brand blue. */
export const colorIcon = (): Buffer => {
  const canvas = new Canvas(192, BRAND);
  drawBars(canvas, { left: 40, right: 160, top: 40, bottom: 150 }, WHITE);
  canvas.rect(36, 152, 156, 158, WHITE); // the axis
  return canvas.png();
};

/** 32×32 outline: white bars on transparency, as Teams' outline icons must be. */
export const outlineIcon = (): Buffer => {
  const canvas = new Canvas(32, CLEAR);
  drawBars(canvas, { left: 5, right: 28, top: 4, bottom: 26 }, WHITE);
  canvas.rect(4, 27, 28, 29, WHITE);
  return canvas.png();
};
