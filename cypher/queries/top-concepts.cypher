// Top central concepts: the concepts with the highest PageRank in the co-occurrence graph, with their other
// centralities and community.
// Parameters: $limit, how many rows.
// In Neo4j Browser: :param limit => 25
// On a large corpus broad one-word terms lead; to leave them out, as `papergraph top --phrases` does, add to the WHERE:
//   AND (c.key CONTAINS ' ' OR c.longForm IS NOT NULL)
MATCH (c:Concept)
WHERE c.pagerank IS NOT NULL
OPTIONAL MATCH (c)-[:IN_COMMUNITY]->(m:Community)
RETURN c.name AS concept, c.papers AS papers, c.degree AS degree, round(c.pagerank, 6) AS pagerank,
       round(c.betweenness, 6) AS betweenness, c.community AS community, m.label AS communityLabel
ORDER BY c.pagerank DESC, c.key
LIMIT $limit
