// @title_en Shortest path between two entities
// @title_zh 两个实体之间的最短路径
// @description The shortest chain of relationships (in either direction, at most ten steps) joining two nodes, e.g. a State and an instrument through the paragraphs and recommendations that connect them.
// @param from string "state:CRI" Id of the first node
// @param to string "instrument:untoc" Id of the second node
MATCH (a {id: $from}), (b {id: $to})
WHERE a <> b
MATCH p = shortestPath((a)-[*..10]-(b))
// The filter on each relationship, so that the search keeps to the reports in scope as it goes (a
// condition on the whole path would send Neo4j to an exhaustive search when no path is in scope).
WHERE all(r IN relationships(p) WHERE $reports IS NULL OR any(x IN r._reports WHERE x IN $reports))
RETURN length(p) AS length,
       [n IN nodes(p) | n.id] AS nodes,
       [n IN nodes(p) | coalesce(n.name, n.id)] AS names,
       [r IN relationships(p) | type(r)] AS relationships
