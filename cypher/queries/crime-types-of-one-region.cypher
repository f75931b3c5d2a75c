// @title_en Crime types raised by one region only
// @title_zh 仅一个区域提出的犯罪类型
// @description The crime types that the paragraphs and recommendations of only one region's meetings name or address, with that region, its meetings and how many of their paragraphs and recommendations do.
MATCH (u:Paragraph|Recommendation)-[:MENTIONS|ADDRESSES]->(c:CrimeType)
WHERE $reports IS NULL OR u.report IN $reports
MATCH (rep:Report {id: u.report})-[:REPORT_OF]->(m:Meeting)
WITH c, m, count(DISTINCT coalesce(u.ref, u.id)) AS units
WITH c, collect(DISTINCT m.region_code) AS regions, collect(m.tag) AS meetings, sum(units) AS units
WHERE size(regions) = 1
RETURN c.id AS crime, c.name_en AS name_en, c.name_zh AS name_zh, regions[0] AS region, meetings, units
ORDER BY region, units DESC, crime
