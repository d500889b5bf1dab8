// Top central concepts: the concepts most central as research topics (topicScore = PageRank × keyphraseness², as
// `papergraph top` ranks by default), with their other centralities and community. `keyphraseness` is the mean
// probability, over the papers that mention a concept, that it is one of their keyphrases; broad words such as
// "theory" or "results" have little of it. To rank by plain PageRank instead, order by c.pagerank. A graph synced from
// a workspace whose last build could not compute topic (or that an earlier PaperGraph built) has no topic: this query
// then returns no rows; build again and sync, or order by c.pagerank.
// Parameters: $limit, how many rows.
// In Neo4j Browser: :param limit => 25
MATCH (c:Concept)
WHERE c.topic IS NOT NULL
OPTIONAL MATCH (c)-[:IN_COMMUNITY]->(m:Community)
RETURN c.name AS concept, c.papers AS papers, round(c.topic, 9) AS topic, round(c.keyphraseness, 3) AS keyphraseness,
       round(c.pagerank, 6) AS pagerank, round(c.betweenness, 6) AS betweenness, c.community AS community,
       m.label AS communityLabel
ORDER BY c.topic DESC, c.key
LIMIT $limit
