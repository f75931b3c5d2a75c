import { describe, expect, it } from 'vitest';
import { evaluationQuery, parseConsoleInput } from '../../../../../client/src/views/cypherCommands.ts';
import { coerceParam, entityParam, paramsFromUrl, paramsToUrl, paramText, savedDefaults } from '../../../../../client/src/views/cypherParams.ts';
import { pageOf, resultJson, resultTable } from '../../../../../client/src/views/cypherResults.ts';
import { fullName, isVirtualNode, shortName } from '../../../../../client/src/i18n/names.ts';
import { describeValue } from '../../../../../client/src/views/cypherModel.ts';

describe('console commands, as Neo4j Browser has them', () => {
  it('reads :param name => expression (and the older name: expression)', () => {
    expect(parseConsoleInput(':param crime => "crime:money-laundering"')).toEqual({ kind: 'param', name: 'crime', expression: '"crime:money-laundering"' });
    expect(parseConsoleInput(':param limit: 10')).toEqual({ kind: 'param', name: 'limit', expression: '10' });
    expect(parseConsoleInput(':param `odd name` => [1, 2]')).toEqual({ kind: 'param', name: 'odd name', expression: '[1, 2]' });
    expect(parseConsoleInput(':PARAM x=>{a: 1,\n b: 2}')).toEqual({ kind: 'param', name: 'x', expression: '{a: 1,\n b: 2}' });
  });

  it('reads :params, :params {…}, :params clear and :param {…}', () => {
    expect(parseConsoleInput(':params')).toEqual({ kind: 'params-show' });
    expect(parseConsoleInput('  :params clear ')).toEqual({ kind: 'params-clear' });
    expect(parseConsoleInput(':params {a: 1}')).toEqual({ kind: 'params-replace', expression: '{a: 1}' });
    expect(parseConsoleInput(':param {a: 1}')).toEqual({ kind: 'params-merge', expression: '{a: 1}' });
  });

  it('says what is wrong with a command instead of sending it to the database', () => {
    expect(parseConsoleInput(':param crime')).toEqual({ kind: 'malformed', command: 'param' });
    expect(parseConsoleInput(':param => 1')).toEqual({ kind: 'malformed', command: 'param' });
    expect(parseConsoleInput(':params nonsense')).toEqual({ kind: 'malformed', command: 'params' });
    expect(parseConsoleInput(':play movies')).toEqual({ kind: 'unknown', command: ':play' });
  });

  it('passes anything else on as a query, and evaluates a value as a read-only RETURN', () => {
    expect(parseConsoleInput('MATCH (n) RETURN n')).toEqual({ kind: 'query', query: 'MATCH (n) RETURN n' });
    expect(parseConsoleInput("RETURN ':param' AS x")).toEqual({ kind: 'query', query: "RETURN ':param' AS x" });
    expect(evaluationQuery("date('2025-02-04')")).toBe("RETURN date('2025-02-04') AS value");
  });
});

describe('console parameters', () => {
  const param = (name: string, type: string, def: string | number | boolean | null, description: string) => ({ name, type, default: def, description });

  it('recognises the saved queries’ entity parameters and their labels', () => {
    expect(entityParam(param('crime', 'string', 'crime:trafficking-in-persons', 'The crime type’s id'))).toEqual({ labels: ['CrimeType'] });
    expect(entityParam(param('instrument', 'string', 'instrument:untoc', 'The instrument’s id (the default is the Organized Crime Convention)'))).toEqual({
      labels: ['Instrument'],
    });
    expect(entityParam(param('meeting', 'string', '', 'Only this meeting (its id, e.g. "meeting:lac-rpm-2025"); empty for all'))).toEqual({
      labels: ['Meeting'],
    });
    expect(entityParam(param('item', 'string', '', 'Only this agenda item or theme (its id, e.g. "agenda:15:3"); empty for all'))!.labels!.sort()).toEqual([
      'AgendaItem',
      'Theme',
    ]);
    expect(entityParam(param('from', 'string', 'state:CRI', 'Id of the first node'))).toEqual({ labels: null });
    expect(entityParam(param('minCount', 'integer', 1, 'Only pairs named together at least this often'))).toBeNull();
    expect(entityParam(param('q', 'string', 'trafficking', 'Words to find'))).toBeNull();
  });

  it('reads typed values by the declared type and refuses what is not one', () => {
    expect(coerceParam('integer', ' 12 ')).toBe(12);
    expect(() => coerceParam('integer', '1.5')).toThrow(RangeError);
    expect(coerceParam('float', '1.5')).toBe(1.5);
    expect(coerceParam('boolean', 'TRUE')).toBe(true);
    expect(() => coerceParam('boolean', 'yes')).toThrow(RangeError);
    expect(coerceParam('list<string>', 'a, b')).toEqual(['a', 'b']);
    expect(coerceParam('string', ' x ')).toBe(' x ');
    expect(coerceParam(null, '{"a": 1}')).toEqual({ a: 1 });
    expect(coerceParam(null, 'plain words')).toBe('plain words');
    expect(paramText(['a', 'b'])).toBe('a, b');
    expect(paramText(3)).toBe('3');
  });

  it('round-trips through the URL and gives a saved query’s defaults', () => {
    const params = { crime: 'crime:money-laundering', includeNarrower: true };
    expect(paramsFromUrl(paramsToUrl(params))).toEqual(params);
    expect(paramsToUrl({})).toBeNull();
    expect(paramsFromUrl('[1]')).toEqual({});
    expect(paramsFromUrl('{broken')).toEqual({});
    expect(
      savedDefaults({
        name: 'q',
        title_en: '',
        title_zh: '',
        description: '',
        cypher: '',
        params: [param('a', 'integer', 1, ''), param('b', 'boolean', true, '')],
      }),
    ).toEqual({ a: 1, b: true });
  });
});

describe('console results', () => {
  it('pages the table', () => {
    expect(pageOf(2744, 0)).toEqual({ page: 0, pages: 28, from: 0, to: 100 });
    expect(pageOf(2744, 27)).toEqual({ page: 27, pages: 28, from: 2700, to: 2744 });
    expect(pageOf(2744, 99)).toMatchObject({ page: 27 });
    expect(pageOf(0, 3)).toEqual({ page: 0, pages: 1, from: 0, to: 0 });
  });

  it('downloads every row with names beside node ids', () => {
    const node = (id: string, name: string) => ({ id, labels: ['State'], properties: { name_zh: name, name_en: name } });
    const result = {
      columns: ['s', 'n'],
      rows: [
        { s: node('state:ARG', '阿根廷'), n: 1 },
        { s: node('state:CRI', '哥斯达黎加'), n: null },
      ],
    };
    expect(resultTable(result, 'zh')).toEqual([
      ['s', 's_name', 'n'],
      ['state:ARG', '阿根廷', '1'],
      ['state:CRI', '哥斯达黎加', null],
    ]);
    const json = JSON.parse(
      resultJson('MATCH …', { a: 1 }, {
        ...result,
        graph: { options: { type: 'directed', multi: true, allowSelfLoops: true }, attributes: {}, nodes: [], edges: [] },
        summary: { rowCount: 2 },
      } as never),
    );
    expect(json).toMatchObject({ query: 'MATCH …', params: { a: 1 }, columns: ['s', 'n'] });
    expect(json.rows).toHaveLength(2);
  });
});

describe('the schema view’s virtual nodes', () => {
  it('are named by the label they stand for, not as a recommendation or a paragraph with a negative number', () => {
    expect(isVirtualNode('-103')).toBe(true);
    expect(isVirtualNode('rec:lac-rpm-2025:24(c)')).toBe(false);
    const rec = { id: '-103', label: 'Recommendation', props: { name: 'Recommendation', indexes: [], constraints: [] } };
    expect(fullName(rec, 'zh')).toBe('建议');
    expect(fullName(rec, 'en')).toBe('Recommendation');
    expect(shortName({ id: '-102', label: 'Paragraph', props: { name: 'Paragraph' } }, 'zh')).toBe('段落');
    expect(describeValue({ id: '-102', labels: ['Paragraph'], properties: { name: 'Paragraph' } }, 'zh')).toMatchObject({ kind: 'node', text: '段落' });
  });
});
