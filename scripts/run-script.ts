/** How the scripts that start a server of their own (soak, fuzz) end. */

/**
 * A script's ending: exit with the code `main` resolves with, or print
 * `<name>: <message>` on stderr and exit 1 when it throws.
 */
export function runScript(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
