// The message box: Enter sends, Shift+Enter breaks the line, and "/" opens the command
// list (arrow keys to move, Enter or Tab to pick, Esc to close), as a combobox.
import type { CommandInfo } from './api.js';
import { autoGrow, byId, el } from './dom.js';

export interface ComposerOptions {
  area: HTMLTextAreaElement;
  form: HTMLFormElement;
  /** Commands to suggest; absent for a box that takes plain replies. */
  commands?: () => CommandInfo[];
  send(line: string): Promise<void> | void;
}

const PARTIAL_NAME = /^\/[\w-]*$/;
const TYPED_NAME = /^(\/[\w-]+)\s/;

class Suggestions {
  private items: CommandInfo[] = [];
  private active = 0;
  private readonly list = byId<HTMLUListElement>('suggestions');
  private readonly usage = byId('usage');

  constructor(
    private readonly area: HTMLTextAreaElement,
    private readonly commands: () => CommandInfo[],
  ) {
    // mousedown, not click: picking must not take the focus away from the box.
    this.list.addEventListener('mousedown', (event) => {
      const item = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
      if (!item) return;
      event.preventDefault();
      this.active = Number(item.dataset.index);
      this.pick();
    });
  }

  get open(): boolean {
    return !this.list.hidden;
  }

  /** True when the box already holds exactly the highlighted command: Enter then sends. */
  get complete(): boolean {
    return this.items[this.active]?.name === this.area.value.trim().toLowerCase();
  }

  update(): void {
    const value = this.area.value;
    this.items = PARTIAL_NAME.test(value)
      ? this.commands().filter((c) => c.name.startsWith(value.toLowerCase()))
      : [];
    this.active = 0;
    this.draw();
    const typed = TYPED_NAME.exec(value)?.[1];
    const known = typed && this.commands().find((c) => c.name === typed.toLowerCase());
    this.usage.textContent = known ? known.usage : '';
  }

  move(step: number): void {
    if (this.items.length === 0) return;
    this.active = (this.active + step + this.items.length) % this.items.length;
    this.draw();
  }

  pick(): void {
    const item = this.items[this.active];
    if (!item) return;
    this.area.value = `${item.name} `;
    this.close();
    this.update();
    this.area.focus();
  }

  close(): void {
    this.items = [];
    this.draw();
  }

  private draw(): void {
    const options = this.items.map((c, i) =>
      el(
        'li',
        {
          attrs: {
            id: `suggestion-${i}`,
            role: 'option',
            'aria-selected': String(i === this.active),
            'data-index': String(i),
          },
        },
        el('span', { className: 'name', text: c.name }),
        el('span', { className: 'summary', text: c.summary }),
      ),
    );
    this.list.replaceChildren(...options);
    this.list.hidden = options.length === 0;
    this.area.setAttribute('aria-expanded', String(options.length > 0));
    if (options.length > 0)
      this.area.setAttribute('aria-activedescendant', `suggestion-${this.active}`);
    else this.area.removeAttribute('aria-activedescendant');
    options[this.active]?.scrollIntoView({ block: 'nearest' });
  }
}

/** Handles a key while the list is open; true when the key was the list's. */
const listKey = (event: KeyboardEvent, list: Suggestions): boolean => {
  if (!list.open || (event.key === 'Enter' && list.complete)) return false;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp')
    list.move(event.key === 'ArrowDown' ? 1 : -1);
  else if (event.key === 'Enter' || event.key === 'Tab') list.pick();
  else if (event.key === 'Escape') list.close();
  else return false;
  event.preventDefault();
  event.stopPropagation();
  return true;
};

export const attachComposer = (options: ComposerOptions): void => {
  const { area, form } = options;
  const list = options.commands ? new Suggestions(area, options.commands) : undefined;
  const submit = async (): Promise<void> => {
    const line = area.value.trim();
    if (!line) return;
    area.value = '';
    autoGrow(area);
    list?.update();
    await options.send(line);
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  area.addEventListener('input', () => {
    autoGrow(area);
    list?.update();
  });
  area.addEventListener('keydown', (event) => {
    if (list && listKey(event, list)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void submit();
    }
  });
  area.addEventListener('blur', () => list?.close());
};
