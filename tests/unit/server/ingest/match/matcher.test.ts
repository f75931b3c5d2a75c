import { describe, expect, it } from 'vitest';
import { foldText } from '../../../../../server/ingest/match/fold.ts';
import { buildMatcher } from '../../../../../server/ingest/match/matcher.ts';
import { buildSurfaceForms } from '../../../../../server/ingest/gazetteer/surfaceForms.ts';
import { miniGazetteer } from '../../../../setup/reports.ts';

const matcher = buildMatcher(buildSurfaceForms(await miniGazetteer()));
const ids = (text: string) => matcher.find(text).map((m) => m.target.id);

describe('folding', () => {
  it('drops layout spaces next to Chinese and title brackets, keeping offsets back to the text', () => {
    const text = '《2030 年可持续发展议程》';
    const { folded, origin, originEnd } = foldText(text);
    expect(folded).toBe('2030年可持续发展议程');
    expect(text.slice(origin[0], originEnd[folded.length - 1])).toBe('2030 年可持续发展议程');
  });

  it('collapses runs of spaces between Latin words to one', () => {
    expect(foldText('Costa   Rica').folded).toBe('costa rica');
  });
});

describe('longest-first matching over the whole gazetteer', () => {
  it('does not report a crime word inside an instrument title', () => {
    expect(ids('以履行《打击有组织犯罪公约》规定的义务')).toEqual(['instrument:untoc']);
    expect(ids('《联合国打击网络犯罪以及为打击使用信息通信技术系统实施的某些犯罪并共享严重犯罪电子证据而加强国际合作公约》')).toEqual([
      'instrument:cybercrime-convention',
    ]);
  });

  it('does not report a crime word inside an organisation name', () => {
    expect(ids('打击跨国有组织犯罪全球倡议和防止酷刑协会')).toEqual(['org:global-initiative-toc', 'org:apt']);
  });

  it('does not report a State inside an organisation name', () => {
    expect(ids('消除对妇女歧视委员会、特立尼达和多巴哥委员会')).toEqual(['org:cedaw-committee-tto']);
  });

  it('keeps a State whose name contains "和" whole', () => {
    expect(ids('特立尼达和多巴哥、圣基茨和尼维斯和乌拉圭')).toEqual(['state:TTO', 'state:KNA', 'state:URY']);
  });

  it('does not find Brazil inside Brasília', () => {
    expect(ids('在巴西巴西利亚举行')).toEqual(['state:BRA']);
  });

  it('resolves variants of one entity to one node', () => {
    expect(ids('《2030 年可持续发展议程》与《2030年可持续发展议程》')).toEqual(['instrument:2030-agenda', 'instrument:2030-agenda']);
    expect(ids('《联合国关于女性囚犯待遇和女性罪犯非拘禁措施的规则》（《曼谷规则》）')).toEqual(['instrument:bangkok-rules', 'instrument:bangkok-rules']);
    expect(ids('安居服务组织、安居组织')).toEqual(['org:anju', 'org:anju']);
    expect(ids('the Organized Crime Convention and the United Nations Convention against Transnational Organized Crime')).toEqual([
      'instrument:untoc',
      'instrument:untoc',
    ]);
  });

  it('treats generic words as no entity', () => {
    expect(ids('犯罪活动日益增加')).toEqual([]);
    expect(ids('按照国际人权标准，加强法律框架')).toEqual([]);
    expect(ids('crime and violence, under international human rights standards')).toEqual([]);
  });

  it('respects Latin word boundaries and the case of acronyms', () => {
    expect(ids('Romania and Omani')).toEqual([]);
    expect(ids('Oman')).toEqual(['state:OMN']);
    expect(ids('an apt response')).toEqual([]);
    expect(ids('observers for APT')).toEqual(['org:apt']);
  });

  it('returns spans and words exactly as written', () => {
    const text = '实现《2030 年可持续发展议程》的战略';
    const [m] = matcher.find(text);
    expect(m!.text).toBe('2030 年可持续发展议程');
    expect(text.slice(m!.start, m!.end)).toBe(m!.text);
  });
});
