// Which generation of this workspace's rows the database holds (none: the database is new or was emptied).
// Parameters: $workspace, the workspace's id.
MATCH (s:PaperGraphSync {workspace: $workspace})
RETURN s.generation AS generation
