// Removes papers no longer in the workspace, with their mentions and authorship; an author left without papers goes
// too. $rows: maps {id}.
UNWIND $rows AS row
MATCH (p:Paper {id: row.id})
OPTIONAL MATCH (p)-[:WRITTEN_BY]->(a:Author)
DETACH DELETE p
WITH DISTINCT a
WHERE a IS NOT NULL AND NOT (a)<-[:WRITTEN_BY]-()
DELETE a
