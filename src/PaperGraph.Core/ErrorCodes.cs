namespace PaperGraph.Core;

/// <summary>Every stable error and warning code, in one place so none is reused. First digit = exit code.</summary>
public static class ErrorCodes
{
    // 2xxx: usage and configuration.
    public const string PathNotFound = "PG2001";
    public const string InvalidConfiguration = "PG2002";
    public const string InvalidArgument = "PG2003";
    /// <summary>No longer raised: a measure that does not converge is left empty (<see cref="MeasureNotComputed"/> when asked for).</summary>
    public const string NotConverged = "PG2004";
    public const string NoGraphNodes = "PG2005";
    /// <summary>The workspace is held by another PaperGraph run (or another program with it open for writing).</summary>
    public const string WorkspaceLocked = "PG2006";
    /// <summary>A file or folder PaperGraph must write is not writable: permission denied, or a read-only file system.</summary>
    public const string NotWritable = "PG2007";
    /// <summary>A path to write names a folder under an existing file (or a file where a folder is needed).</summary>
    public const string NotAFolder = "PG2008";
    /// <summary><c>show</c> of a concept the workspace does not have; the nearest names are suggested.</summary>
    public const string UnknownConcept = "PG2009";
    /// <summary><c>paper</c> with an id the workspace does not have; the nearest ids are suggested.</summary>
    public const string UnknownPaper = "PG2010";
    /// <summary>A build that needed more memory than its budget (<c>--memory</c>, <c>Build:MemoryBudgetMB</c>).</summary>
    public const string MemoryBudgetExceeded = "PG2011";

    // 3xxx: input data. Whole-run failures first, then per-file and per-record skips (warnings).
    public const string NoPapersFound = "PG3001";
    public const string NoReadableFiles = "PG3002";
    public const string WorkspaceCorrupt = "PG3003";
    public const string InvalidTaggerModel = "PG3004";
    public const string MalformedConllu = "PG3005";
    public const string MalformedThesaurus = "PG3006";
    public const string MalformedRanker = "PG3007";
    public const string MeasureNotComputed = "PG3008";
    public const string NoConcepts = "PG3009";
    /// <summary><c>trends</c> on a corpus none of whose papers has a year and month.</summary>
    public const string NoDates = "PG3010";
    /// <summary>A tagger model's word-cluster table that is missing, malformed or another than the one the model was trained with.</summary>
    public const string InvalidWordClusters = "PG3011";

    public const string BinaryFile = "PG3101";
    /// <summary>No longer raised: a line that is not valid UTF-8 is read as Windows-1252 and the summary says so.</summary>
    public const string InvalidUtf8 = "PG3102";
    public const string TruncatedGzip = "PG3103";
    public const string CorruptCompressedFile = "PG3104";
    public const string UnsupportedCompression = "PG3105";
    public const string EmptyFile = "PG3106";
    public const string MissingColumns = "PG3107";
    public const string LineTooLong = "PG3108";
    public const string MalformedJson = "PG3109";
    public const string MalformedCsv = "PG3110";
    public const string MissingAbstract = "PG3111";
    public const string TitleWithoutAbstract = "PG3112";
    public const string UnreadableFile = "PG3113";
    public const string UnknownFormat = "PG3114";

    // Input discovery: a file of a workspace named as input.
    public const string WorkspaceFileAsInput = "PG3120";

    // 4xxx: the graph store (Neo4j).
    public const string GraphStoreUnavailable = "PG4001";
    public const string GraphStoreUnauthorized = "PG4002";
    public const string DatabaseNotFound = "PG4003";
    public const string GraphStoreRejected = "PG4004";
    public const string GraphStoreProtocol = "PG4005";

    // 5xxx: the machine's state, not the user's input or setup (exit code 5).
    public const string DiskFull = "PG5001";
    public const string DeviceError = "PG5002";
}
