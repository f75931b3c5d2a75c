/**
 * Regular expressions in console queries (`text =~ 'pattern'`). Neo4j matches
 * with java.util.regex, whose backtracking never checks for termination: one
 * pattern such as `(.*a){12}` or `.*.*.*=x` over a paragraph keeps a core busy
 * for minutes after the query's deadline (measured on Java 17: `.*.*.*.*=x` on 300
 * characters, 5.8 s). So each pattern is checked before the query runs with
 * recheck (https://makenowjust-labs.github.io/recheck/), a ReDoS checker that
 * finds super-linear backtracking by automata theory and fuzzing, and only a
 * pattern it proves linear in the text's length is allowed.
 *
 * Neo4j's `=~` matches the whole string (Matcher.matches()), so the check runs on
 * `^(?:pattern)$`. Leading Java inline flags are read: (?i), (?m), (?s) become the
 * same JavaScript flags, (?u), (?U), (?d) change nothing here; (?x) (comments) and
 * any syntax JavaScript does not share (possessive quantifiers, inline flags
 * elsewhere …) cannot be checked and are refused.
 */
import type { Diagnostics } from 'recheck';
import { refusal } from './guard.ts';

/** How long one pattern's check may take (recheck's own time limit). */
const CHECK_TIMEOUT_MS = 5000;
export const MAX_PATTERN_LENGTH = 1000;

/** Throws a refusal (`regex`) for a pattern that may take more than linear time, or that cannot be checked. */
export async function checkRegex(pattern: string, position: number): Promise<void> {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw refusal('regex', `The regular expression is ${pattern.length} characters long, more than the ${MAX_PATTERN_LENGTH} the console checks.`, {
      position,
    });
  }
  const flagged = /^\(\?([a-zA-Z]+)\)/.exec(pattern);
  const javaFlags = flagged?.[1] ?? '';
  if (/[^imsuUd]/.test(javaFlags)) {
    throw refusal('regex', `The regular expression's flags (?${javaFlags}) cannot be checked: use (?i), (?m) or (?s) only.`, { position });
  }
  const flags = [...new Set(javaFlags.replace(/[uUd]/g, ''))].join('');
  const source = `^(?:${pattern.slice(flagged?.[0].length ?? 0)})$`;
  let diagnostics: Diagnostics;
  try {
    // Loaded on first use: most queries hold no regular expression, and the checker is large.
    const { check } = await import('recheck');
    diagnostics = await check(source, flags, { timeout: CHECK_TIMEOUT_MS });
  } catch {
    throw refusal('regex', 'The regular expression could not be checked: use CONTAINS, STARTS WITH or the full-text index instead.', { position });
  }
  if (diagnostics.status === 'safe') return;
  if (diagnostics.status === 'vulnerable') {
    const how = diagnostics.complexity.type === 'exponential' ? 'exponential' : `polynomial (degree ${diagnostics.complexity.degree})`;
    throw refusal(
      'regex',
      `The regular expression can take ${how} time on some texts, and Neo4j cannot stop it once it runs. Use CONTAINS, STARTS WITH or the full-text index, or a pattern without nested or adjacent repetition (for "anything, then a word, then anything", (?s).*word.* is linear).`,
      { position, complexity: diagnostics.complexity.type },
    );
  }
  const reason =
    diagnostics.error.kind === 'timeout' ? 'took too long to check' : 'uses syntax the checker does not read (Java-only syntax such as possessive quantifiers)';
  throw refusal(
    'regex',
    `The regular expression ${reason}: the console runs only patterns it can prove safe. Use CONTAINS, STARTS WITH or the full-text index instead.`,
    { position },
  );
}
