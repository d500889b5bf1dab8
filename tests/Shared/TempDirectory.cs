using System.IO.Compression;
using System.Text;

namespace PaperGraph.Tests;

/// <summary>A folder under the system temp folder, deleted when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "papergraph-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes UTF-8 text (no byte-order mark) and returns the file's path.</summary>
    public string Write(string name, string text)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow file system; the temp folder is cleaned up eventually anyway.
        }
    }
}

/// <summary>The repository the tests run from: the folder holding <c>PaperGraph.sln</c> above the test binaries.</summary>
internal static class Repository
{
    public static string? Root { get; } = Find();

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "PaperGraph.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>Locates the read-only development data in <c>../shared</c> beside the repository, if present.</summary>
internal static class SharedData
{
    public static string? Root { get; } = Repository.Root is { } root && Directory.Exists(System.IO.Path.Combine(root, "..", "shared", "data"))
        ? System.IO.Path.GetFullPath(System.IO.Path.Combine(root, "..", "shared", "data"))
        : null;
}

/// <summary>A fact that needs <c>../shared/data</c>; reported as skipped, with the reason, when it is absent.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Root is null)
        {
            Skip = "Skipped: needs ../shared/data beside the repository (development data, not part of a user's clone).";
        }
    }
}
