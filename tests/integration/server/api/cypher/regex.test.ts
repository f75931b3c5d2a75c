/**
 * Regular expressions in console queries (server/api/cypher/regex.ts): only a pattern recheck
 * proves linear in the text's length is allowed. Integration, not unit: recheck checks each
 * pattern in its own process (its native agent, spawned on first use).
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../server/api/errors.ts';
import { checkRegex } from '../../../../../server/api/cypher/regex.ts';

describe('regular expressions', () => {
  const regexReason = async (pattern: string): Promise<string | undefined> => {
    try {
      await checkRegex(pattern, 0);
      return undefined;
    } catch (error) {
      if (error instanceof ApiError) return (error.details as { reason: string }).reason;
      throw error;
    }
  };

  it.each(['(a+)+b', '(a|aa)+b', '(.*a){12}', '.*.*.*=x', '(\\w*)*\\1b', '(x+x+)+y', '.*traffick.*', '(?x)a b', 'a*+b'])(
    'refuses %s, which may take more than linear time or cannot be checked',
    async (pattern) => {
      expect(await regexReason(pattern)).toBe('regex');
    },
    30_000,
  );

  it.each(['(?s).*traffick.*', '(?i)argentin.*', 'A/CONF\\.\\d+/.*', '[A-Z]{3}', '\\d{4}-\\d{2}-\\d{2}', '(?is).*(smuggl|traffick)ing.*'])(
    'passes %s',
    async (pattern) => {
      expect(await regexReason(pattern)).toBeUndefined();
    },
    30_000,
  );
});
