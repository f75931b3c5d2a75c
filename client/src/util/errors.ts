import { ApiError } from '../../../server/contract/errors.ts';

/** A message a reader can use, from whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
