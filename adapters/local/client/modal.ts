// Forms open as a modal dialog, as in Slack. The dialog traps focus and Esc closes it
// (both native to <dialog>); an error from the core stays inside it, next to the inputs.
import { postJson, type WireModal } from './api.js';
import { byId, serverHtml } from './dom.js';

/** The values of a form's inputs, by their names (the form's input ids). */
const valuesOf = (form: HTMLFormElement): Record<string, string> => {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form))
    if (typeof value === 'string') values[name] = value;
  return values;
};

export class FormModal {
  private readonly dialog = byId<HTMLDialogElement>('modal');
  private readonly form = byId<HTMLFormElement>('modal-form');
  private readonly error = byId('modal-error');
  private current: WireModal | null = null;
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly me: () => string) {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    closeButtons(this.dialog);
    this.dialog.addEventListener('close', () => {
      this.current = null;
      this.returnFocus?.focus();
    });
  }

  open(modal: WireModal): void {
    this.current = modal;
    this.returnFocus =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    byId('modal-title').textContent = modal.title;
    byId('modal-submit').textContent = modal.submitLabel;
    byId('modal-body').replaceChildren(serverHtml(modal.html));
    this.error.textContent = '';
    if (!this.dialog.open) this.dialog.showModal();
    this.form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
  }

  private async submit(): Promise<void> {
    const modal = this.current;
    if (!modal) return;
    const submitButton = byId<HTMLButtonElement>('modal-submit');
    submitButton.disabled = true;
    const reply = await postJson('/api/form', {
      formId: modal.formId,
      values: valuesOf(this.form),
      privateValue: modal.privateValue,
      user: this.me(),
      channel: modal.channelId,
      thread: modal.threadId,
    });
    submitButton.disabled = false;
    if (reply.ok) this.close();
    else this.error.textContent = reply.error ?? 'That did not work.';
  }
}

/** Buttons marked data-close close their dialog. */
export const closeButtons = (dialog: HTMLDialogElement): void => {
  for (const button of dialog.querySelectorAll<HTMLElement>('[data-close]'))
    button.addEventListener('click', () => dialog.close());
};

/** "Add person": a name in, a new person in the switcher out. */
export const attachPersonDialog = (added: (id: string) => void): void => {
  const dialog = byId<HTMLDialogElement>('person-dialog');
  const form = byId<HTMLFormElement>('person-form');
  const input = byId<HTMLInputElement>('person-name');
  closeButtons(dialog);
  byId('add-person').addEventListener('click', () => {
    input.value = '';
    dialog.showModal();
    input.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void postJson<{ ok: boolean; person?: { id: string } }>('/api/people', {
      name: input.value,
    }).then((reply) => {
      dialog.close();
      if (reply.person) added(reply.person.id);
    });
  });
};
