// @title_en Recommendations addressing a crime type
// @title_zh 涉及某一犯罪类型的建议
// @description Every recommendation that addresses the crime type, with its text and the words that name it; with includeNarrower, also those addressing a narrower type (femicide under violence against women, up to four levels down).
// @param crime string "crime:trafficking-in-persons" The crime type's id
// @param includeNarrower boolean true Also count narrower crime types
MATCH (c:CrimeType)
OPTIONAL MATCH (p1:CrimeType {id: c.parent})
OPTIONAL MATCH (p2:CrimeType {id: p1.parent})
OPTIONAL MATCH (p3:CrimeType {id: p2.parent})
WITH c, [c.parent, p1.parent, p2.parent, p3.parent] AS broader
WHERE c.id = $crime OR ($includeNarrower AND $crime IN broader)
MATCH (r:Recommendation)-[a:ADDRESSES]->(c)
WHERE $reports IS NULL OR r.report IN $reports
RETURN r.id AS recommendation, r.paragraph AS paragraph, r.letter AS letter, r.text AS text,
       c.id AS crime, c.name AS crimeName, a.evidence AS evidence, r.report AS report
ORDER BY report, paragraph, letter, crime
