// The one error base. `code` is stable for programs; `message` is safe to show users.
export class AppError extends Error {
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
