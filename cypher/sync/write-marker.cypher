// Records that the database holds rows of generation $generation of workspace $workspace.
MERGE (s:PaperGraphSync {workspace: $workspace})
SET s.generation = $generation
