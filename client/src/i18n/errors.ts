import { ApiError } from '../../../server/contract/errors.ts';
import type { Lang } from './strings.ts';

/**
 * Every error code the API documents (docs/API.md § Errors, server/api/errors.ts), with
 * the viewer's words for it in both languages. The server's own message is English
 * and stays available as the error's detail; what a reader sees first is this.
 * `network`, `http` and `graph_unreadable` are the client's own: the server was not reached,
 * something other than the API answered (a proxy's error page), or a graph answer was not a
 * graph (client/src/api/graphPayload.ts).
 */
export const ERROR_MESSAGES: Readonly<Record<string, Record<Lang, string>>> = {
  too_many_queries: {
    zh: '你已有多个控制台查询正在运行或等待，请等其中一个完成后再试。',
    en: 'You already have console queries running or waiting; wait for one to finish.',
  },
  console_busy: { zh: '控制台的工作线程都在忙，请稍后重试。', en: 'Every console worker is busy; try again shortly.' },
  graph_busy: { zh: '服务器正在生成的图已达上限，请稍后重试。', en: 'The server is building as many graphs as it can; try again shortly.' },
  invalid_request: { zh: '请求无效：有参数不符合要求。', en: 'The request is not valid: a parameter is out of bounds or malformed.' },
  invalid_json: { zh: '请求正文不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  bad_request: { zh: '服务器无法读取该请求。', en: 'The server could not read the request.' },
  cypher_syntax: { zh: 'Cypher 语法错误。', en: 'Cypher syntax error.' },
  cypher_error: { zh: '数据库无法执行该查询。', en: 'The database could not run this query.' },
  cypher_refused: { zh: '控制台拒绝了该查询。', en: 'The console refused this query.' },
  query_too_large: { zh: '该查询所需内存超出允许范围，请缩小查询范围。', en: 'The query needed more memory than a query may use: narrow it down.' },
  result_too_large: { zh: '结果太大，无法返回：请返回更少或更小的值。', en: 'The result is too large to send: return fewer or smaller values.' },
  report_format: { zh: '上传的文件不是可读的报告，未加载任何内容。', en: 'The uploaded file is not a readable report; nothing was loaded.' },
  report_invalid: { zh: '上传的报告无法构成有效的图谱，未加载任何内容。', en: 'The uploaded report does not make a valid graph; nothing was loaded.' },
  unsupported_format: {
    zh: '上传的文件不是 PDF、Word（.docx）或文本文件，未加载任何内容。',
    en: 'The uploaded file is not a PDF, Word (.docx) or text file; nothing was loaded.',
  },
  unsupported_media_type: { zh: '不支持该文件类型。', en: 'This kind of file is not supported.' },
  unauthorized: { zh: '需要管理员令牌。', en: 'An administrator token is needed.' },
  uploads_disabled: { zh: '此服务器未开放上传。', en: 'Uploads are not enabled on this server.' },
  not_found: { zh: '未找到。', en: 'Not found.' },
  payload_too_large: { zh: '请求正文超出允许的大小。', en: 'The request body is larger than allowed.' },
  export_too_large: {
    zh: '图谱太大，无法以 GEXF 或 GraphML 导出：请导出 JSON 或 CSV，或只导出一份报告。',
    en: 'The graph is too large for GEXF or GraphML: export JSON or CSV, or one report.',
  },
  rate_limited: { zh: '请求过于频繁，请稍后再试。', en: 'Too many requests: try again shortly.' },
  database_unavailable: { zh: '图数据库暂时无法访问，请稍后再试。', en: 'The graph database is not reachable right now; try again shortly.' },
  console_unavailable: { zh: '控制台正在重启，请重试。', en: 'The console was restarting; try again.' },
  query_timeout: { zh: '查询超出时间限制，已被停止。', en: 'The query ran past its time limit and was stopped.' },
  request_timeout: { zh: '数据库未在时限内响应，请稍后再试。', en: 'The database did not answer in time; try again shortly.' },
  internal: { zh: '服务器出错。', en: 'Something went wrong on the server.' },
  network: { zh: '无法连接服务器。', en: 'The server could not be reached.' },
  http: { zh: '服务器返回了错误（HTTP {status}）。', en: 'The server answered with an error (HTTP {status}).' },
  graph_unreadable: { zh: '服务器发来的图无法读取，请重新加载页面。', en: 'The graph the server sent could not be read; reload the page.' },
};

/** Why the console refused a query (`details.reason` of `cypher_refused`, server/api/cypher/guard.ts RefusalReason). */
export const REFUSAL_REASONS: Readonly<Record<string, Record<Lang, string>>> = {
  too_deeply_nested: {
    zh: '表达式嵌套过深（超过 64 层）：Neo4j 无法及时停止解析这样的查询。',
    en: 'The expression is nested too deeply (more than 64 levels): Neo4j could not stop parsing it in time.',
  },
  unbounded_expression: {
    zh: '表达式可能生成过多的值（range()、列表推导或 reduce() 没有足够小的上限），Neo4j 无法中途停止。',
    en: 'The expression could produce too many values (range(), a list comprehension or reduce() without small enough bounds), which Neo4j could not stop midway.',
  },
  regex: {
    zh: '无法确认该正则表达式可以安全运行：请改用 CONTAINS、STARTS WITH 或全文索引。',
    en: 'The regular expression could not be shown safe to run: use CONTAINS, STARTS WITH or the full-text index instead.',
  },
  write: {
    zh: '控制台为只读：该查询会写入图谱（CREATE、MERGE、SET、DELETE、REMOVE……）。',
    en: 'The console is read-only: this query would write to the graph (CREATE, MERGE, SET, DELETE, REMOVE …).',
  },
  schema_command: {
    zh: '控制台不能执行模式命令（创建或删除索引、约束、数据库、用户……）。',
    en: 'Schema commands (CREATE/DROP INDEX, CONSTRAINT, DATABASE, USER …) are not available: the console is read-only.',
  },
  admin_command: {
    zh: '控制台不能执行管理命令（SHOW、TERMINATE、dbms.*……），只运行只读的图谱查询。',
    en: 'Administration commands (SHOW, TERMINATE, dbms.* …) are not available: the console runs read-only queries of the graph.',
  },
  load_csv: { zh: '控制台不能使用 LOAD CSV：它读取文件和网址，而不是图谱。', en: 'LOAD CSV is not available: it reads files and URLs, not the graph.' },
  in_transactions: {
    zh: '控制台不能使用 CALL { … } IN TRANSACTIONS：每个查询都在一个只读事务中运行。',
    en: 'CALL { … } IN TRANSACTIONS is not available: each query runs in one read-only transaction.',
  },
  multiple_statements: {
    zh: '一次只能运行一条语句：查询中两条语句之间有分号。',
    en: 'One statement at a time: the query holds a semicolon between statements.',
  },
  procedure: {
    zh: '控制台不能调用过程 {procedure}。可调用：{allowed}。',
    en: 'The procedure {procedure} is not available in the console. Allowed: {allowed}.',
  },
  use_clause: { zh: '控制台不能使用 USE：它只读取本应用的数据库。', en: 'USE is not available: the console reads the application’s database only.' },
  explain_profile: { zh: '控制台不能使用 EXPLAIN 或 PROFILE：请直接发送查询本身。', en: 'EXPLAIN and PROFILE are not available: send the query itself.' },
  other_database: { zh: '控制台只读取本应用的数据库。', en: 'The console reads the application’s database only.' },
  empty: { zh: '查询为空。', en: 'The query is empty.' },
};

/** Neo4j status codes (`details.neo4jCode` of `cypher_error`) a console user meets often, worded. */
const NEO4J_CODES: Readonly<Record<string, Record<Lang, string>>> = {
  'Neo.ClientError.Statement.ParameterMissing': {
    zh: '缺少参数：{names}。请在“参数”中填写，或输入 :param 名称 => 值。',
    en: 'Missing parameter(s): {names}. Fill them in under Parameters, or type :param name => value.',
  },
  'Neo.ClientError.Procedure.ProcedureNotFound': { zh: '没有这个过程。', en: 'There is no such procedure.' },
  'Neo.ClientError.Statement.TypeError': { zh: '类型错误：某个值的类型不符合要求。', en: 'Type error: a value is not of the type expected.' },
  'Neo.ClientError.Statement.ArgumentError': { zh: '某个函数的参数无效。', en: 'An argument of a function is not valid.' },
  'Neo.ClientError.Statement.ArithmeticError': { zh: '算术错误（例如除以零）。', en: 'Arithmetic error (a division by zero, for instance).' },
  'Neo.ClientError.Statement.EntityNotFound': { zh: '查询引用的节点或关系已不存在。', en: 'The query refers to a node or relationship that no longer exists.' },
};

export interface ErrorText {
  /** What the reader reads first, in the interface's language. */
  message: string;
  /** Where in the query (syntax errors), in the interface's language. */
  where?: string;
  /** The server's (or Neo4j's) own words, English, for whoever wants them. */
  original?: string;
}

function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * An error as the viewer words it in `lang`: an ApiError by its code (and, for
 * a refusal, its reason; for a Neo4j error, its status code), anything else
 * (a bug, a dropped connection) as its message. The server's English message
 * is kept as `original` when it says more than the code.
 */
export function describeError(error: unknown, lang: Lang): ErrorText {
  if (!(error instanceof ApiError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { message };
  }
  const details = (error.details ?? {}) as Record<string, unknown>;
  const original = error.message && error.message !== 'Request failed' ? error.message : undefined;
  if (error.code === 'cypher_refused' && typeof details.reason === 'string' && REFUSAL_REASONS[details.reason]) {
    const allowed = Array.isArray(details.allowed) ? details.allowed.join(', ') : '';
    return withOriginal(
      { message: fill(REFUSAL_REASONS[details.reason]![lang], { procedure: String(details.procedure ?? ''), allowed }), ...where(details, lang) },
      original,
    );
  }
  if (error.code === 'cypher_error' && typeof details.neo4jCode === 'string' && NEO4J_CODES[details.neo4jCode]) {
    const names = /Expected parameter\(s\): (.+)$/.exec(error.message)?.[1] ?? '';
    return withOriginal({ message: fill(NEO4J_CODES[details.neo4jCode]![lang], { names }) }, original);
  }
  const known = ERROR_MESSAGES[error.code] ?? (error.code.startsWith('http_') ? ERROR_MESSAGES.http : undefined);
  if (!known) return withOriginal({ message: ERROR_MESSAGES.internal![lang] }, original ?? error.code);
  return withOriginal({ message: fill(known[lang], { status: error.status }), ...where(details, lang) }, original);
}

function where(details: Record<string, unknown>, lang: Lang): { where?: string } {
  const position = details.position as { line?: number; column?: number } | undefined;
  if (!position?.line) return {};
  return { where: lang === 'zh' ? `第 ${position.line} 行，第 ${position.column ?? 1} 列` : `line ${position.line}, column ${position.column ?? 1}` };
}

function withOriginal(text: ErrorText, original: string | undefined): ErrorText {
  return original && original !== text.message ? { ...text, original } : text;
}

/** One line for a status bar: the message and, for a syntax error, where. */
export function errorLine(error: unknown, lang: Lang): string {
  const text = describeError(error, lang);
  if (!text.where) return text.message;
  return lang === 'zh' ? `${text.message}（${text.where}）` : `${text.message} (${text.where})`;
}
