/**
 * When a long-running command (`npm start`, `npm run neo4j`) is asked to stop.
 * Process managers and terminals ask in different ways, and each must end the
 * command cleanly (its database closed, no Java process left):
 *   - SIGTERM (systemd, Docker, most process managers), SIGINT (Ctrl+C), SIGHUP
 *     (the terminal closed);
 *   - the parent process dying: npm does not pass SIGHUP on and exits, and a
 *     SIGKILLed npm passes nothing; the command is then re-parented (to init or a
 *     sub-reaper), which it notices by polling its parent's pid (Linux has
 *     PR_SET_PDEATHSIG, Node does not expose it).
 * The package scripts `exec` node, so there is no shell or tsx process between npm
 * and the command for a signal to stop at (npm forwards SIGTERM and SIGINT to its
 * child, and its child is the command itself).
 */

export const STOP_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

/** How often the parent's pid is checked (ms). */
const PARENT_POLL_MS = 500;

/**
 * Calls `stop` once, with the reason (the signal's name, or "parent process
 * exited"), at the first request to stop. Returns a function that removes the
 * handlers (tests). Without a parent to lose (pid 0 or 1: started by init or as a
 * container's first process) only signals count.
 */
export function onStopRequest(stop: (reason: string) => void, pollMs = PARENT_POLL_MS): () => void {
  let called = false;
  const once = (reason: string): void => {
    if (called) return;
    called = true;
    stop(reason);
  };
  const handlers = STOP_SIGNALS.map((signal) => {
    const handler = (): void => once(signal);
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  const parent = process.ppid;
  const timer =
    parent > 1
      ? setInterval(() => {
          if (process.ppid !== parent) once('parent process exited');
        }, pollMs)
      : undefined;
  timer?.unref();
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    clearInterval(timer);
  };
}
