// Removes papers no longer in the workspace, with their mentions. $rows: maps {id}.
UNWIND $rows AS row
MATCH (p:Paper {id: row.id})
DETACH DELETE p
