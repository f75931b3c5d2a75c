/** The one normalisation, class by class, and what it fixes in a report (the examples of issue 12). */
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../../../server/ingest/document/normalize.ts';
import { ingestText } from '../../../../../server/ingest/ingestDocument.ts';
import { buildSurfaceForms } from '../../../../../server/ingest/gazetteer/surfaceForms.ts';
import { englishText, miniChineseReport, realGazetteer } from '../../../../setup/reports.ts';

const gazetteer = await realGazetteer();

describe('normalizeText, class by class', () => {
  it.each([
    ['line endings and Word’s manual break', 'a\r\nb\rc\u2028d\u000Be\u000Cf\u0085g', 'a\nb\nc\nd\ne\nf\ng'],
    ['NFC', 'Cote\u0302 d’Ivoire', "Cotê d'Ivoire"],
    ['CJK compatibility ideographs', '\uF900\uFA10', '豈塚'],
    ['CJK radicals a PDF text layer gives for ideographs', '⼤会⺠⽂', '大会民文'],
    ['full-width letters and digits', '７. Ａ／ＣＯＮＦ．２４１', '7. A/CONF.241'],
    ['full-width Chinese punctuation stays', '（ａ）会议，讨论：是否？', '（a）会议，讨论：是否？'],
    ['half-width forms and ligatures', 'ｶﾀｶﾅ｡ ﬁnance ﬂow', 'カタカナ。 finance flow'],
    ['apostrophes between letters', 'People’s Côte dʼIvoire States` rights', "People's Côte d'Ivoire States` rights"],
    ['quotes of Chinese text stay', '他说‘好’，“是”', '他说‘好’，“是”'],
    ['other double quotes', '„Kyoto‟ 〝京都〞', '“Kyoto“ “京都”'],
    ['dashes', 'co\u2010operation non\u2011custodial 2021\u20122024 \u2212 5 \u2015 x', 'co-operation non-custodial 2021–2024 - 5 — x'],
    ['spaces', 'a\u00A0b\u202Fc\u3000d\u2003e', 'a b c d e'],
    ['invisible characters', 'a\u200Bb\u2060c\uFEFFd\u200Ee', 'abcde'],
    ['soft hyphens, kept only where a line broke a word', 'co\u00ADop\u00AD\nera', 'coop\u00AD\nera'],
    ['C0 and C1 controls, windows-1252 at 0x80–0x9F', 'a\u0001b\u007Fc\u0092d\u0081e\u0093f\u0094', "abc'de“f”"],
    ['non-characters and lone surrogates (XML 1.0 forbids them)', 'a\uFFFEb\uFDD0c\uD800d\uDC00e\uFFFDf', 'abcdef'],
  ])('%s', (_class, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
    expect(normalizeText(expected)).toBe(expected);
  });

  it('tabs and runs of spaces stay (table columns, layout)', () => {
    expect(normalizeText('A/CONF.241/PM.1\t讨论指南  x')).toBe('A/CONF.241/PM.1\t讨论指南  x');
  });

  it('leaves no character XML 1.0 forbids, whatever comes in', () => {
    let all = '';
    for (let cp = 0; cp < 0x3000; cp++) all += String.fromCharCode(cp);
    all += '\uD800\uDFFF\uFFFE\uFFFF\uFDD0';
    expect(normalizeText(all)).not.toMatch(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
  });

  it('is applied to the gazetteer’s surface forms too', () => {
    const forms = buildSurfaceForms(gazetteer).map((f) => f.surface);
    expect(forms.every((f) => f === normalizeText(f))).toBe(true);
  });
});

describe('what it fixes in a report', () => {
  it('typographic apostrophes: Côte d’Ivoire, Laos and the DPRK are found, and the DPRK is not stored as the Republic of Korea', () => {
    const text = englishText().replace(
      'China, India, Japan,',
      'China, Côte d’Ivoire, Lao People’s Democratic Republic, Democratic People’s Republic of Korea, India,',
    );
    const { graph } = ingestText(text, { source: 'ap.en.txt', gazetteer });
    const spoke = graph.relationships.filter((r) => r.type === 'SPOKE_ON' && r.properties.paragraph === 3).map((r) => r.start);
    expect(spoke).toEqual(expect.arrayContaining(['state:CIV', 'state:LAO', 'state:PRK', 'state:KOR']));
    // Republic of Korea is named once in paragraph 3 (as itself), not a second time inside the DPRK's name.
    const kor = graph.relationships.find((r) => r.type === 'MENTIONS' && r.start === 'para:ap:3' && r.end === 'state:KOR');
    expect(kor?.properties.count).toBe(1);
  });

  it('a paragraph numbered with a full-width digit is a paragraph (Chinese and English)', () => {
    const zh = ingestText(miniChineseReport().replace('\n7. 阿拉伯联合酋长国', '\n７. 阿拉伯联合酋长国'), { source: 'mini.zh.txt', gazetteer });
    expect(zh.graph.nodes.find((n) => n.id === 'para:mini:7')?.properties.text).toBe('阿拉伯联合酋长国的观察员也作了发言。');
    const en = ingestText(englishText().replace('\n9. Statements', '\n９. Statements'), { source: 'ap.en.txt', gazetteer });
    expect(en.graph.nodes.find((n) => n.id === 'para:ap:9')?.properties.text).toMatch(/^Statements were made/);
    expect(en.warnings).toEqual([]);
  });

  it('a vertical tab (Word’s manual line break) never reaches the stored text', () => {
    const text = miniChineseReport().replace('已经印发。', '已经\u000B印发。');
    const { graph } = ingestText(text, { source: 'mini.zh.txt', gazetteer });
    expect(graph.nodes.find((n) => n.id === 'para:mini:1')?.properties.text).toBe('讨论指南定稿（A/CONF.241/PM.1）已经印发。');
    expect(JSON.stringify(graph)).not.toMatch(/\\u000b|\\f/i);
  });
});
