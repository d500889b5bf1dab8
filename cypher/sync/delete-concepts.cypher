// Removes concepts no longer in the graph, with their mentions, links and membership. $rows: maps {key}.
UNWIND $rows AS row
MATCH (c:Concept {key: row.key})
DETACH DELETE c
