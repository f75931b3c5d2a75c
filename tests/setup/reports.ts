/** Shared test inputs: the gazetteers and small reports built to exercise each trap. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadGazetteer } from '../../server/ingest/gazetteer/load.ts';
import type { Gazetteer } from '../../server/ingest/gazetteer/types.ts';

export const repoPath = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

/** `value` with every object and array in it frozen (plain JSON data), returned for chaining. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const gazetteers = new Map<string, Promise<Gazetteer>>();

/**
 * The gazetteer in `dir` (a path from the project root), loaded once per test worker and
 * deep-frozen. The unit project runs its files in one module graph per worker (no isolation):
 * they share one gazetteer, so ingest's per-gazetteer matcher is built once, not once per file;
 * frozen, a test that changed it would throw (ESM is strict mode) instead of leaking the change
 * into the next file.
 */
function sharedGazetteer(dir: string): Promise<Gazetteer> {
  let loaded = gazetteers.get(dir);
  if (!loaded) {
    loaded = loadGazetteer(repoPath(dir)).then(deepFreeze);
    gazetteers.set(dir, loaded);
  }
  return loaded;
}

/** The reviewed gazetteer (data/gazetteer/), shared and frozen. */
export const realGazetteer = () => sharedGazetteer('data/gazetteer');
/** The small gazetteer of tests/fixtures/gazetteer-mini/, shared and frozen. */
export const miniGazetteer = () => sharedGazetteer('tests/fixtures/gazetteer-mini');

export const seedText = () => readFileSync(repoPath('data/reports/lac-rpm-2025.zh.txt'), 'utf8');
export const englishText = () => readFileSync(repoPath('tests/fixtures/asia-pacific-rpm-fixture.en.txt'), 'utf8');

/**
 * A small Chinese report of the seed's shape: a table of contents with tab page
 * numbers, "- (a)" items, link debris, a paragraph with its own numbered agenda,
 * a State inside an organisation's name, and the bureau.
 */
export function miniChineseReport(overrides: { recommendations?: string[]; speakers?: string } = {}): string {
  const recommendations = overrides.recommendations ?? [
    ' - (a) 加强国内法律框架，以履行《打击有组织犯罪公约》规定的义务；',
    ' - (b) 执行属于《联合国打击网络犯罪公约》组成部分的人权保障措施；',
    ' - (c) 将影响环境的犯罪确定为洗钱罪的上游犯罪。',
  ];
  const speakers = overrides.speakers ?? '下列国家代表作了发言：巴西、加拿大、特立尼达和多巴哥、圣基茨和尼维斯和乌拉圭。';
  return [
    '第十五届联合国预防犯罪和刑事司法大会',
    '2026年4月25日至30日，阿布扎比',
    '',
    '2025年2月4日至6日在圣何塞举行的第十五届联合国预防犯罪和',
    '刑事司法大会拉丁美洲和加勒比区域筹备会议的报告',
    '',
    '目录',
    '\t页次',
    '一. 导言\t2',
    '二. 建议\t2',
    '三. 出席情况和工作安排\t3',
    '附件\t',
    '文件一览表\t4',
    '',
    '一. 导言',
    '',
    '1. 讨论指南定稿（A/CONF.241/PM.1）已经印发。',
    '',
    '二. 建议',
    '',
    'A. 第十五届联合国预防犯罪和刑事司法大会的主题：“加快预防犯罪、刑事司法和法治：在数字时代保护人民和地球并实现《2030 年可持续发展议程》”',
    '',
    `2. ${speakers}`,
    '',
    '3. 下列组织的观察员也作了发言：消除对妇女歧视委员会、特立尼达和多巴哥委员会、安居服务组织和防止酷刑协会。',
    '',
    '审议情况概要',
    '',
    '4. 有与会者敦促谨慎避免将恐怖主义与有组织犯罪自动联系起来。发言者提到了巴西利亚的经验和《2030年可持续发展议程》。',
    '',
    '审议成果',
    '',
    '5. 与会者未经谈判提出了下列建议：',
    ...recommendations,
    '',
    'B. 实质性项目和讲习班',
    '',
    '1. 推进创新的循证预防犯罪战略以促进社会、经济和环境发展（议程项目 3）；建设有韧性的社会，侧重于保护妇女、儿童和青年：促进参与、教育和守法文化（讲习班 1）',
    '',
    '6. 下列国家的代表作了发言：哥斯达黎加和巴西。',
    '',
    '7. 阿拉伯联合酋长国的观察员也作了发言。',
    '',
    '8. 与会者未经谈判提出了下列建议：',
    '',
    '(a) 加强打击网络犯罪的能力；',
    '',
    '(b) 支持安居组织的工作。',
    '',
    '三. 出席情况和工作安排',
    '',
    'A. 出席情况',
    '',
    '9. 下列成员国派代表出席了会议：巴西、哥斯达黎加和特立尼达和多巴哥。',
    '10. 阿拉伯联合酋长国派观察员出席了会议。',
    '',
    'B. 选举主席团成员',
    '',
    '11. 以鼓掌方式选出下列主席团成员：',
    '',
    '主席： Gerald Campos Valverde（哥斯达黎加）',
    '',
    '副主席： Erin Leslie McKey（加拿大）',
    '',
    '12. 在第 1 场会议上，还通过了临时议程（[A/CONF.241/RPM.2/1](#)），其内容如下：',
    '',
    '1. 会议开幕。',
    '2. 选举主席团成员。',
    '3. 第十五届预防犯罪大会实质性议程项目和讲习班议题：',
    ' - (a) 推进创新的循证预防犯罪战略以促进社会、经济和环境发展（议程项目 3）；建设有韧性的社会（讲习班 1）；',
    ' - (b) 在不断变化的世界促进建成以人为中心的包容而具有响应性的刑事司法系统（议程项目 4）；确保人人平等诉诸司法（讲习班 2）。',
    '4. 通过会议报告。',
    '',
    '13. 第1场会议由 Gerald Campos Valverde（哥斯达黎加）主持；第2场会议由 Erin McKey（加拿大）主持。',
    '',
    '附件',
    '',
    '文件一览表',
    '',
    'A/CONF.241/PM.1\t讨论指南',
    'A/CONF.241/RPM.2/L.1 和 Add.1-2\t报告草稿',
    '',
  ].join('\n');
}
