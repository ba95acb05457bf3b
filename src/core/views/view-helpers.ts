// Small builders so view code reads as the message it makes.
import type { MessageView, ViewBlock, Visibility } from './message-view.js';

export const view = (
  fallbackText: string,
  blocks: ViewBlock[],
  visibility: Visibility = 'private',
): MessageView => ({
  fallbackText,
  blocks,
  visibility,
});

export const header = (text: string): ViewBlock => ({ type: 'header', text });
export const text = (value: string): ViewBlock => ({ type: 'text', text: value });
export const context = (value: string): ViewBlock => ({ type: 'context', text: value });
export const divider: ViewBlock = { type: 'divider' };

/** A message that is just a picture (a chart), for gateways that post images as messages. */
export const imageView = (image: { png: Uint8Array; alt: string; title: string }): MessageView =>
  view(
    image.alt,
    [{ type: 'image', png: image.png, alt: image.alt, title: image.title }],
    'public',
  );
