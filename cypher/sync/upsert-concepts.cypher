// Creates or updates concepts, their community membership, and the :Central label of the most central ones (the
// Browser style draws those bigger). $rows: maps {key, name, aliases, longForm, papers, occurrences, degree,
// weightedDegree, pagerank, betweenness, eigenvector, core, community, component, keyphraseness, topic, firstMonth,
// burstStarts, burstEnds, burstStrengths, central}; a null property (a measure the build could not compute, a concept
// without dated papers or bursts) removes it.
UNWIND $rows AS row
MERGE (c:Concept {key: row.key})
SET c += row {.*, central: null}
FOREACH (flag IN CASE WHEN row.central THEN [1] ELSE [] END | SET c:Central)
FOREACH (flag IN CASE WHEN row.central THEN [] ELSE [1] END | REMOVE c:Central)
WITH c, row
OPTIONAL MATCH (c)-[old:IN_COMMUNITY]->(previous:Community)
WHERE row.community IS NULL OR previous.id <> row.community
DELETE old
WITH DISTINCT c, row
OPTIONAL MATCH (m:Community {id: row.community})
FOREACH (flag IN CASE WHEN m IS NULL THEN [] ELSE [1] END | MERGE (c)-[:IN_COMMUNITY]->(m))
