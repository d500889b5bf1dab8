// Creates or updates papers. $rows: maps {id, title, published, source, authors, upvotes}; a null removes the property.
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
SET p += row
