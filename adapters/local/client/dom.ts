// Small DOM helpers. Text always goes in as textContent; the only HTML inserted is the
// server's rendering of a view, which escapes everything (adapters/local/html-escape.ts).

interface Props {
  className?: string;
  text?: string;
  attrs?: Record<string, string>;
}

export const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
};

export const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
};

/** HTML rendered by the server from a MessageView; every value in it is already escaped. */
export const serverHtml = (html: string): DocumentFragment => {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
};

/** Keeps a scrolled list pinned to its newest item, unless the reader scrolled up. */
export const keepAtBottom = (list: HTMLElement, change: () => void): void => {
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  change();
  if (atBottom) list.scrollTop = list.scrollHeight;
};

/** Grows a textarea with its text, up to the CSS max-height. */
export const autoGrow = (area: HTMLTextAreaElement): void => {
  area.style.height = 'auto';
  area.style.height = `${area.scrollHeight}px`;
};
