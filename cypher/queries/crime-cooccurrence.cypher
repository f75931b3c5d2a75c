// @title_en Crime types named together
// @title_zh 同时提及的犯罪类型
// @description The co-occurrence network of crime types: each pair named in the same paragraph or recommendation, weighted by how many, with those paragraphs.
// @param minCount integer 1 Only pairs named together at least this often
// @param limit integer 200 At most this many pairs, the heaviest first
MATCH (a:CrimeType)-[c:CO_OCCURS]->(b:CrimeType)
WHERE c.count >= $minCount
RETURN a.id AS source, a.name AS sourceName, b.id AS target, b.name AS targetName,
       c.count AS weight, c.paragraphs AS paragraphs
ORDER BY weight DESC, source, target
LIMIT $limit
