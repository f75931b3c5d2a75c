/**
 * People named in the text: the bureau elected ("主席： Name（State）",
 * "Chair: Name (State)") and who presided, opened or closed sessions, with
 * the affiliation printed in brackets after each name.
 */
import type { Lexicon } from './lexicon.ts';
import { lineAt, type BureauMember, type BureauRole, type Paragraph, type PersonReference, type PresidingStatement } from './types.ts';

function personsIn(paragraph: Paragraph, text: string, offset: number, lex: Lexicon): PersonReference[] {
  const people: PersonReference[] = [];
  for (const m of text.matchAll(new RegExp(lex.personWithAffiliation.source, lex.personWithAffiliation.flags))) {
    const span = m.indices!.groups!.name!;
    const start = offset + span[0];
    people.push({
      name: m.groups!.name!.trim(),
      affiliation: m.groups!.aff!.trim(),
      paragraph: paragraph.number,
      start,
      end: offset + span[1],
      line: lineAt(paragraph, start),
    });
  }
  return people;
}

export function findBureau(paragraphs: readonly Paragraph[], lex: Lexicon): BureauMember[] {
  const members: BureauMember[] = [];
  for (const p of paragraphs) {
    let offset = 0;
    // A line holding only further names continues the role above it ("Vice-Chairs: A (X)" / "B (Y)").
    let current: BureauRole | null = null;
    for (const line of p.text.split('\n')) {
      const m = lex.bureauLine.exec(line);
      if (m?.groups) {
        current = bureauRole(m.groups.role!, lex);
        const restOffset = offset + line.length - m.groups.rest!.length;
        if (current) for (const person of personsIn(p, m.groups.rest!, restOffset, lex)) members.push({ ...person, role: current });
      } else if (current && new RegExp(`^\\s*(?:${lex.personWithAffiliation.source}\\s*)+$`, 'u').test(line)) {
        for (const person of personsIn(p, line, offset, lex)) members.push({ ...person, role: current });
      } else current = null;
      offset += line.length + 1;
    }
  }
  return members;
}

function bureauRole(word: string, lex: Lexicon): BureauRole | null {
  for (const [pattern, role] of lex.bureauRoles) if (pattern.test(word)) return role;
  return null;
}

export function findPresiding(paragraphs: readonly Paragraph[], lex: Lexicon): PresidingStatement[] {
  const statements: PresidingStatement[] = [];
  for (const p of paragraphs) {
    for (const m of p.text.matchAll(new RegExp(lex.presiding.source, lex.presiding.flags))) {
      const g = m.groups!;
      const idx = m.indices!.groups!;
      const person = (nameKey: 'name' | 'bname', affKey: 'aff' | 'baff'): PersonReference => ({
        name: g[nameKey]!.trim(),
        affiliation: g[affKey]!.trim(),
        paragraph: p.number,
        start: idx[nameKey]![0],
        end: idx[nameKey]![1],
        line: lineAt(p, idx[nameKey]![0]),
      });
      statements.push({
        ...person('name', 'aff'),
        act: lex.presidingAct(g.act!),
        onBehalfOf: g.bname ? person('bname', 'baff') : null,
      });
    }
  }
  return statements;
}
