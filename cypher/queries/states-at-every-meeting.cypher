// @title_en States that spoke at every meeting
// @title_zh 在每次会议上都发言的国家
// @description The States that made a statement (SPOKE_ON, as representative or observer) at every meeting in the corpus, or in the corpus filter's scope, with the number of agenda items they spoke on at each.
MATCH (rep:Report)-[:REPORT_OF]->(m:Meeting)
WHERE $reports IS NULL OR rep.id IN $reports
WITH collect(DISTINCT m) AS inScope
MATCH (s:State)-[o:SPOKE_ON]->(i:AgendaItem|Theme)
WHERE $reports IS NULL OR o.report IN $reports
MATCH (r2:Report {id: o.report})-[:REPORT_OF]->(m:Meeting)
WITH inScope, s, m, count(DISTINCT i) AS items
ORDER BY m.tag
WITH inScope, s, collect(m.tag) AS meetings, collect(items) AS itemsPerMeeting
WHERE size(inScope) > 0 AND size(meetings) = size(inScope)
RETURN s.id AS state, s.name_en AS name_en, s.name_zh AS name_zh, meetings, itemsPerMeeting
ORDER BY name_en
