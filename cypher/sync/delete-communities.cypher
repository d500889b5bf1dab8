// Removes communities that no longer exist. $rows: maps {id}.
UNWIND $rows AS row
MATCH (m:Community {id: row.id})
DETACH DELETE m
