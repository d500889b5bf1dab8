using PaperGraph.Tests;

namespace PaperGraph.Workspace.Tests;

public sealed class WorkspaceSyncTests
{
    [Fact]
    public void The_journal_replays_writes_and_removals_in_order_and_compacts_to_one_entry()
    {
        using var temp = new TempDirectory();
        using var workspace = WorkspaceDatabase.Open(temp.Path);
        var (target, generation) = workspace.OpenSyncTarget("http://localhost:7474 neo4j");
        Assert.Equal(0, generation);

        workspace.RecordSynced(target, SyncKind.Mention, [("p1\nrlhf", 1), ("p1\nlora", 2), ("é\nΣ long key " + new string('x', 300), -5)], []);
        workspace.RecordSynced(target, SyncKind.Mention, [("p1\nlora", 3)], ["p1\nrlhf"]);
        workspace.RecordSynced(target, SyncKind.Paper, [("p1", 9)], []);

        var mentions = workspace.ReadSyncedRows(target, SyncKind.Mention);
        Assert.Equal(new Dictionary<string, long> { ["p1\nlora"] = 3, ["é\nΣ long key " + new string('x', 300)] = -5 }, mentions);
        Assert.Equal(2, workspace.CountSyncJournalEntries(target, SyncKind.Mention));

        workspace.CompactSyncedRows(target, SyncKind.Mention, [.. mentions.Select(m => (m.Key, m.Value))]);

        Assert.Equal(1, workspace.CountSyncJournalEntries(target, SyncKind.Mention));
        Assert.Equal(mentions, workspace.ReadSyncedRows(target, SyncKind.Mention));
        Assert.Equal(new Dictionary<string, long> { ["p1"] = 9 }, workspace.ReadSyncedRows(target, SyncKind.Paper));
    }

    [Fact]
    public void Targets_are_kept_apart_and_a_reset_forgets_one_of_them()
    {
        using var temp = new TempDirectory();
        using var workspace = WorkspaceDatabase.Open(temp.Path);
        var (a, _) = workspace.OpenSyncTarget("http://a:7474 neo4j");
        var (b, _) = workspace.OpenSyncTarget("http://b:7474 neo4j");
        workspace.RecordSynced(a, SyncKind.Paper, [("p1", 1)], []);
        workspace.RecordSynced(b, SyncKind.Paper, [("p2", 2)], []);

        workspace.ResetSyncTarget(a, 7);

        Assert.Empty(workspace.ReadSyncedRows(a, SyncKind.Paper));
        Assert.Equal((a, 7L), workspace.OpenSyncTarget("http://a:7474 neo4j"));
        Assert.Equal(["p2"], workspace.ReadSyncedRows(b, SyncKind.Paper).Keys);
    }
}
