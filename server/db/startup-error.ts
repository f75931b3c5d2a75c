/**
 * A problem the user can fix, said in one line: what is wrong and what to do.
 * The CLIs print `message` alone (no stack) and exit non-zero.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
