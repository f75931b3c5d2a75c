/** Waiting on processes and conditions in the tests that start processes of their own. */

/** Poll until `check` is true or the deadline passes. */
export async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs: number, intervalMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves with `read()`'s value once it has not changed over five polls 50 ms apart (a stream that has stopped moving). */
export async function settledValue(read: () => number): Promise<number> {
  let last = -1;
  let same = 0;
  while (same < 5) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = read();
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return last;
}
