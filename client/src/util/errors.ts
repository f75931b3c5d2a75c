import { errorLine } from '../i18n/errors.ts';
import type { Lang } from '../i18n/strings.ts';

/** A message a reader can use, in the interface's language, from whatever was thrown (see i18n/errors.ts). */
export function errorMessage(error: unknown, lang: Lang): string {
  return errorLine(error, lang);
}
