// The words people can type in a 5-why thread besides answers. Matching is strict (a whole
// word, or a keyword followed by text), so an answer such as "backlog is too long" is
// never mistaken for `back`.
export type ThreadCommand =
  | { kind: 'status' }
  | { kind: 'cancel' }
  | { kind: 'back' }
  | { kind: 'note'; text: string }
  | { kind: 'branch'; fromWhy: number | null }
  | { kind: 'root-cause'; text: string };

const WORD = /^(status|cancel|back)[.!]?$/i;
const NOTE = /^note(?:\s*:\s*|\s+|$)([\s\S]*)$/i;
const BRANCH = /^branch(?:\s+(?:from\s+)?(?:why\s*)?#?(\d{1,3}))?[.!]?$/i;
const ROOT_CAUSE = /^root[\s-]?cause\s*(?:[:：\-–—]\s*([\s\S]*))?$/i;

export const parseThreadCommand = (raw: string): ThreadCommand | null => {
  const text = raw.trim();
  const word = WORD.exec(text);
  if (word) return { kind: (word[1] ?? '').toLowerCase() as 'status' | 'cancel' | 'back' };
  const note = NOTE.exec(text);
  if (note) return { kind: 'note', text: note[1] ?? '' };
  const branch = BRANCH.exec(text);
  if (branch) return { kind: 'branch', fromWhy: branch[1] ? Number(branch[1]) : null };
  const rootCause = ROOT_CAUSE.exec(text);
  if (rootCause) return { kind: 'root-cause', text: rootCause[1] ?? '' };
  return null;
};

const CONFIRM = /^(confirm(ed)?|yes|y|ok(ay)?|agree[ds]?|correct|👍)[.!]?$/i;
const EDIT = /^edit(?:\s*:\s*|\s+|$)([\s\S]*)$/i;

export const isConfirmWord = (raw: string): boolean => CONFIRM.test(raw.trim());

/** `edit` → ''; `edit <text>` → the text; anything else → null. */
export const editText = (raw: string): string | null => {
  const match = EDIT.exec(raw.trim());
  return match ? (match[1] ?? '').trim() : null;
};
