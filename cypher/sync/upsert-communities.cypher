// Creates or updates communities. $rows: maps {id, size, label}.
UNWIND $rows AS row
MERGE (m:Community {id: row.id})
SET m += row
