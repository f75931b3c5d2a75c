// @title_en States and the crime types of the agenda items they spoke on
// @title_zh 各国及其发言议程项目涉及的犯罪类型
// @description For each State, the crime types of the agenda items it spoke on: those addressed by the items' recommendations or named in their paragraphs, weighted by how many paragraphs and recommendations name them.
// @param state string "" Only this State (its id, e.g. "state:MEX"); empty for all
// @param limit integer 1000 At most this many rows
MATCH (s:State)-[o:SPOKE_ON]->(i:AgendaItem|Theme)
WHERE ($state = '' OR s.id = $state) AND ($reports IS NULL OR o.report IN $reports)
// The items' paragraphs and recommendations of the reports the State spoke in.
MATCH (u:Paragraph|Recommendation)-[:PART_OF|UNDER]->(i) WHERE u.report = o.report
MATCH (u)-[:ADDRESSES|MENTIONS]->(c:CrimeType)
WITH s, c, collect(DISTINCT i.id) AS items, count(DISTINCT u) AS weight
RETURN s.id AS state, s.name AS stateName, c.id AS crime, c.name AS crimeName, weight, items
ORDER BY stateName, weight DESC, crime
LIMIT $limit
