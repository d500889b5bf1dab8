using Microsoft.Data.Sqlite;
using PaperGraph.Core;

namespace PaperGraph.Workspace;

/// <summary>Turns a SQLite failure of the workspace that is the environment's doing into a coded error naming the file.</summary>
/// <remarks>
/// Locked (another run holds the workspace) and read-only (permission, read-only file system) are the user's setup,
/// exit 2; full and I/O errors are the machine's state, exit 5; a file that is not a database is bad input, exit 3.
/// Anything else (a constraint or a statement PaperGraph got wrong) is a bug and is left alone. Primary result codes:
/// https://www.sqlite.org/rescode.html.
/// </remarks>
public static class WorkspaceErrors
{
    private const int Perm = 3, Busy = 5, Locked = 6, ReadOnly = 8, IoErr = 10, Corrupt = 11, Full = 13, CantOpen = 14, Auth = 23, NotADb = 26;

    /// <summary>How long a workspace statement waits for another run's lock before the run is refused (seconds).</summary>
    internal const int LockWaitSeconds = 3;

    /// <summary>The coded error for <paramref name="failure"/> on the database <paramref name="path"/>; null when it is not the environment's doing.</summary>
    public static PaperGraphException? Classify(SqliteException failure, string path)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? path;
        return failure.SqliteErrorCode switch
        {
            Busy or Locked => new PaperGraphException(ErrorCodes.WorkspaceLocked,
                $"{path}: the workspace is in use by another run (its database is locked); wait for that run to finish, or use another --workspace.", failure),
            ReadOnly or Perm or Auth => new PaperGraphException(ErrorCodes.NotWritable,
                $"{path}: the workspace cannot be written (permission denied, or a read-only file system); give your user write access to {folder} and its files, or use another --workspace.", failure),
            CantOpen => new PaperGraphException(ErrorCodes.NotWritable,
                $"{path}: the workspace database cannot be opened or created (permission denied, or a read-only file system); give your user write access to {folder}, or use another --workspace.", failure),
            Full => new PaperGraphException(ErrorCodes.DiskFull,
                $"{path}: no space left on the device (disk full or quota reached); free some space and run again. The workspace is as it was before this run.", failure),
            IoErr => new PaperGraphException(ErrorCodes.DeviceError,
                $"{path}: input/output error ({failure.Message}); check the disk, then run again.", failure),
            Corrupt or NotADb => new PaperGraphException(ErrorCodes.WorkspaceCorrupt,
                $"{path}: cannot open the workspace database ({failure.Message}); expected a PaperGraph workspace, or an empty folder.", failure),
            _ => null,
        };
    }
}
