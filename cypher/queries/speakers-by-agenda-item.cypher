// @title_en Who spoke on which agenda item
// @title_zh 各议程项目的发言者
// @description Every State and organization that spoke on an agenda item (or the overall theme), with the role it spoke in and the paragraph that says so.
// @param item string "" Only this agenda item or theme (its id, e.g. "agenda:15:3"); empty for all
MATCH (s:State|Organization)-[o:SPOKE_ON]->(i:AgendaItem|Theme)
WHERE ($item = '' OR i.id = $item) AND ($reports IS NULL OR o.report IN $reports)
RETURN i.id AS item, i.number AS number, i.name AS itemName,
       s.id AS speaker, s.name AS speakerName, labels(s)[0] AS kind, o.role AS role,
       o.report AS report, o.paragraph AS paragraph
ORDER BY coalesce(number, 0), item, kind DESC, speakerName
