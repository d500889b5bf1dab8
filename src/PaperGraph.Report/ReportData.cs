namespace PaperGraph.Report;

/// <summary>Everything the map page shows, embedded in it as JSON (property names in camelCase).</summary>
/// <param name="Title">The page's title.</param>
/// <param name="Corpus">The corpus summary and the settings of the build.</param>
/// <param name="Concepts">The concepts on the map, most central first (their index is their id in the page).</param>
/// <param name="Communities">The communities of the concepts on the map, largest first.</param>
/// <param name="Papers">The evidence papers the links cite, referred to by index.</param>
/// <param name="Rising">The rising concepts, as <c>papergraph trends</c> lists them.</param>
/// <param name="Bursts">The strongest bursts, as <c>papergraph trends</c> lists them.</param>
public sealed record ReportData(
    string Title,
    CorpusSummary Corpus,
    IReadOnlyList<ReportConcept> Concepts,
    IReadOnlyList<ReportCommunity> Communities,
    IReadOnlyList<ReportPaper> Papers,
    IReadOnlyList<RisingConcept> Rising,
    IReadOnlyList<ReportBurst> Bursts);

/// <summary>The corpus behind the map: its size, dates and the settings of the build.</summary>
/// <param name="From">The first month with a dated paper (<c>YYYY-MM</c>), or null.</param>
/// <param name="To">The last month with a dated paper, or null.</param>
/// <param name="GraphConcepts">Concepts in the workspace's graph (the map shows the most central <c>MapConcepts</c> of them).</param>
/// <param name="Settings">The build's settings as <c>summary.json</c> records them (name, value as text); empty when absent.</param>
/// <param name="Months">The corpus's dated papers per month: the first month, then one count per month.</param>
/// <param name="WindowMonths">The window of the rising concepts, in months.</param>
public sealed record CorpusSummary(
    int Papers, int DatedPapers, int UndatedPapers, string? From, string? To, int GraphConcepts, int GraphEdges, int MapConcepts,
    int Communities, IReadOnlyList<KeyValuePair<string, string>> Settings, string? FirstMonth, IReadOnlyList<int> Months, int WindowMonths);

/// <summary>A concept on the map.</summary>
/// <param name="X">Layout x, as stored by <c>build</c>.</param>
/// <param name="Y">Layout y.</param>
/// <param name="Forms">Surface forms with their mentions, most frequent first.</param>
/// <param name="FirstMonth">The month of <c>Months[0]</c> (<c>YYYY-MM</c>), or null when the concept has no dated paper.</param>
/// <param name="Months">Papers per month from <c>FirstMonth</c> to the corpus's last month (zeros included).</param>
/// <param name="Neighbours">The strongest links, most shared papers first.</param>
public sealed record ReportConcept(
    string Key, string Name, string? LongForm, int Papers, double X, double Y, int Community,
    double? Topic, double? PageRank, double Betweenness, double? Eigenvector, double? Keyphraseness, int Degree, int Core,
    IReadOnlyList<ReportForm> Forms, string? FirstMonth, IReadOnlyList<int> Months, IReadOnlyList<ReportLink> Neighbours);

/// <summary>A surface form of a concept and how often it was written so.</summary>
public sealed record ReportForm(string Form, int Count);

/// <summary>A link from a concept to a neighbour.</summary>
/// <param name="Concept">The neighbour's index in <see cref="ReportData.Concepts"/>, or -1 when it is not on the map.</param>
/// <param name="Name">The neighbour's name (shown also when it is not on the map).</param>
/// <param name="Papers">Papers mentioning both.</param>
/// <param name="Evidence">Indexes into <see cref="ReportData.Papers"/>, best evidence first.</param>
public sealed record ReportLink(int Concept, string Name, int Papers, double Weight, IReadOnlyList<int> Evidence);

/// <summary>A paper cited as evidence.</summary>
/// <param name="Date">Its publication date as read (<c>YYYY-MM-DD</c>, or partial), or null.</param>
/// <param name="Arxiv">Whether <paramref name="Id"/> is an arXiv id (so the page links it to its arXiv page).</param>
public sealed record ReportPaper(string Id, string? Title, string? Date, bool Arxiv);

/// <summary>A community of the map, named by its most central concepts.</summary>
/// <param name="Id">The community number the build gave it.</param>
/// <param name="Name">Its three most central concepts' names, joined by commas.</param>
/// <param name="Size">Its concepts on the map.</param>
/// <param name="Color">Its colour on the map, <c>#rrggbb</c>.</param>
public sealed record ReportCommunity(int Id, string Name, int Size, string Color);

/// <summary>A rising concept: its share of the papers in the recent window against the window before.</summary>
/// <param name="Concept">Its index in <see cref="ReportData.Concepts"/>, or -1 when it is not on the map.</param>
/// <param name="G2">The log-likelihood ratio of the two windows' counts.</param>
public sealed record RisingConcept(int Concept, string Name, int Recent, double RecentShare, double PreviousShare, double Growth, double G2);

/// <summary>A burst of a concept (Kleinberg's model), months <c>YYYY-MM</c> inclusive.</summary>
public sealed record ReportBurst(int Concept, string Name, string Start, string End, double Strength);
