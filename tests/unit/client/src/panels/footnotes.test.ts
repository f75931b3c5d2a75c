/** The details panel's footnotes: the notes of a node, and its text with each mark raised where it stood. */
import { describe, expect, it } from 'vitest';
import { footnotedSegments, nodeFootnotes } from '../../../../../client/src/panels/footnotes.ts';
import { MESSAGES, PROPERTY_NAMES } from '../../../../../client/src/i18n/strings.ts';

const text = 'Speakers noted that the Convention against Transnational Organized Crime and its Protocols remained the main instruments.';
const at = text.indexOf(' and its');

describe('footnotes in the details panel', () => {
  it("reads a Paragraph's notes with their markers and places", () => {
    const notes = nodeFootnotes({ text, footnotes: ['1 United Nations, Treaty Series, vol. 2225.', '* Reissued.'], footnoteAt: [at, text.length] });
    expect(notes).toEqual([
      { marker: '1', text: '1 United Nations, Treaty Series, vol. 2225.', at },
      { marker: '*', text: '* Reissued.', at: text.length },
    ]);
  });

  it("a Report's notes have no place; malformed values are skipped, not shown wrongly", () => {
    expect(nodeFootnotes({ footnotes: ['* Reissued for technical reasons.'] })).toEqual([{ marker: '*', text: '* Reissued for technical reasons.', at: null }]);
    expect(nodeFootnotes({ text: 'abc', footnotes: ['1 x', 7, ''], footnoteAt: [99] })).toEqual([{ marker: '1', text: '1 x', at: null }]);
    expect(nodeFootnotes({ text: 'abc' })).toEqual([]);
  });

  it('raises each mark where it stood and keeps all the text (Chinese too)', () => {
    const segments = footnotedSegments(text, nodeFootnotes({ text, footnotes: ['1 Treaty Series.'], footnoteAt: [at] }));
    expect(segments).toEqual([{ text: text.slice(0, at) }, { marker: '1', note: '1 Treaty Series.' }, { text: text.slice(at) }]);
    const zh = '包括全面执行《联合国反腐败公约》和《非洲联盟预防和打击腐败公约》。';
    const zhAt = zh.indexOf('和');
    const zhSegments = footnotedSegments(
      zh,
      nodeFootnotes({ text: zh, footnotes: ['3 联合国，《条约汇编》，第2349卷。', '4 附件。'], footnoteAt: [zhAt, zh.length] }),
    );
    expect(zhSegments.map((s) => ('text' in s ? s.text : `[${s.marker}]`)).join('')).toBe(`${zh.slice(0, zhAt)}[3]${zh.slice(zhAt)}[4]`);
  });

  it('the heading is named in both languages', () => {
    expect(PROPERTY_NAMES.footnotes).toEqual({ zh: '脚注', en: 'Footnotes' });
    expect(Object.keys(MESSAGES.zh)).toEqual(Object.keys(MESSAGES.en));
  });
});
