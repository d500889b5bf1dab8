// The members of a community, most central topics first (topic centrality, then PageRank). Communities are numbered from 0, the biggest; each is labelled
// with its three most central concepts.
// Parameters: $community, the community id; $limit, how many members.
// In Neo4j Browser: :param community => 0  and  :param limit => 50
MATCH (m:Community {id: $community})<-[:IN_COMMUNITY]-(c:Concept)
RETURN m.id AS community, m.label AS label, m.size AS size, c.name AS concept, c.papers AS papers,
       round(c.topic, 9) AS topic, round(c.pagerank, 6) AS pagerank
ORDER BY c.topic DESC, c.pagerank DESC, c.key
LIMIT $limit
