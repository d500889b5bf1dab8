namespace PaperGraph.Core;

/// <summary>Turns a failure of the file system into a coded error that names the path and the cause.</summary>
/// <remarks>
/// A folder without write permission, a read-only file system or a path under a file is the user's setup (exit 2);
/// a full disk or a device error is the machine's state (exit 5). None of them is a bug, so none may end with exit 1
/// and a .NET message. On Unix, .NET raises <see cref="UnauthorizedAccessException"/> for <c>EACCES</c> and
/// <c>EPERM</c>, and an <see cref="IOException"/> whose <see cref="Exception.HResult"/> is the <c>errno</c> for the
/// rest; on Windows the HResult wraps the Win32 error.
/// </remarks>
public static class EnvironmentErrors
{
    // errno values (Linux; macOS where it differs) and Win32 errors as HResults.
    private const int ENotDir = 20, ENoSpc = 28, ERoFs = 30, EDQuotLinux = 122, EDQuotMac = 69;
    private const int WinDiskFull = unchecked((int)0x80070070), WinHandleDiskFull = unchecked((int)0x80070027), WinWriteProtect = unchecked((int)0x80070013);

    /// <summary>The coded error for <paramref name="failure"/>, met while writing <paramref name="path"/>; null when it is not a file-system failure.</summary>
    public static PaperGraphException? Classify(Exception failure, string path)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return failure switch
        {
            PaperGraphException => null,
            UnauthorizedAccessException => new PaperGraphException(ErrorCodes.NotWritable,
                $"{path}: permission denied; give your user write access to {Existing(path)}, or choose another folder.", failure),
            FileNotFoundException or DirectoryNotFoundException when FileAncestor(path) is { } file => new PaperGraphException(ErrorCodes.NotAFolder,
                $"{path}: {file} is a file, not a folder; choose another path.", failure),
            FileNotFoundException or DirectoryNotFoundException => new PaperGraphException(ErrorCodes.PathNotFound,
                $"{path}: a folder on this path does not exist (it may have been removed while PaperGraph ran).", failure),
            PathTooLongException => new PaperGraphException(ErrorCodes.InvalidArgument, $"{path}: the path is too long for this file system.", failure),
            IOException { HResult: ENoSpc or EDQuotLinux or EDQuotMac or WinDiskFull or WinHandleDiskFull } =>
                new PaperGraphException(ErrorCodes.DiskFull,
                    $"{path}: no space left on the device (disk full or quota reached); free some space and run again. Files already there were kept whole.", failure),
            IOException { HResult: ERoFs or WinWriteProtect } => new PaperGraphException(ErrorCodes.NotWritable,
                $"{path}: the file system is read-only; choose a folder on a writable disk.", failure),
            IOException { HResult: ENotDir } => new PaperGraphException(ErrorCodes.NotAFolder,
                $"{path}: a part of this path is a file, not a folder; choose another path.", failure),
            IOException => new PaperGraphException(ErrorCodes.DeviceError, $"{path}: input/output error ({failure.Message}); check the disk, then run again.", failure),
            _ => null,
        };
    }

    /// <summary>Creates the folder <paramref name="path"/> (and its parents) if missing; a failure is raised as a coded error naming it.</summary>
    public static void CreateFolder(string path)
    {
        if (File.Exists(path))
        {
            throw new PaperGraphException(ErrorCodes.NotAFolder, $"{path}: is a file, not a folder; choose another path.");
        }

        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (Classify(e, path) is { } error)
        {
            throw error;
        }
    }

    /// <summary>The path itself when it exists, else its nearest existing folder: what needs the permission.</summary>
    private static string Existing(string path)
    {
        var full = Path.GetFullPath(path);
        for (var at = full; !string.IsNullOrEmpty(at); at = Path.GetDirectoryName(at))
        {
            if (File.Exists(at) || Directory.Exists(at))
            {
                return at;
            }
        }

        return full;
    }

    /// <summary>The nearest folder of <paramref name="path"/> (or the path itself) that is in fact a file, if any.</summary>
    public static string? FileAncestor(string path)
    {
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(path)); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return dir;
            }
        }

        return null;
    }
}
