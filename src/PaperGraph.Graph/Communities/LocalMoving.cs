namespace PaperGraph.Graph.Communities;

/// <summary>Local moving, the step Louvain and Leiden share: nodes move, one at a time, to the neighbouring community of best modularity gain.</summary>
/// <remarks>
/// <para>Like networkx's <c>_one_level</c>, which every variant of its Louvain calls, one routine evaluates a node for
/// both algorithms (<see cref="Evaluate"/>): it gathers the node's edge weight to each neighbouring community, takes the
/// node out of its own, and scores each community with networkx's gain (times m): <c>k_c − γ·Σ_c·k / 2m</c>. Staying
/// gets a bonus of <see cref="RelativeEpsilon"/> of the node's strength, so equal gains computed in two orders never
/// make a node swing. Only the order in which nodes are visited differs:</para>
/// <list type="bullet">
/// <item><see cref="Sweep"/> (Louvain): every node in one random order, sweep after sweep, until a sweep moves none.</item>
/// <item><see cref="Queue"/> (Leiden's fast local moving): a queue in random order, where a node that moves puts back its
/// neighbours outside its new community; a node may also leave for an empty community of its own.</item>
/// </list>
/// <para>Each sweep, and each pass through the queue, is O(m); the arrays are sized once per level.</para>
/// </remarks>
internal sealed class LocalMoving
{
    /// <summary>A node moves only for a gain above this fraction of its strength: equal gains computed in two orders must not make it swing.</summary>
    internal const double RelativeEpsilon = 1e-12;

    /// <summary>Sweeps of local moving per level; they end long before this in practice.</summary>
    private const int MaxSweeps = 1000;

    private readonly CommunityGraph _graph;
    private readonly int[] _community;

    /// <summary>Summed strength of each community (Σ_c).</summary>
    private readonly double[] _total;

    /// <summary>Edge weight from the node being evaluated to each neighbouring community; valid where <see cref="_stamp"/> is the current visit.</summary>
    private readonly double[] _toCommunity;

    /// <summary>The neighbouring communities of the node being evaluated, its own first.</summary>
    private readonly int[] _touched;

    private readonly int[] _stamp;
    private readonly double _resolution;
    private readonly double _twoM;
    private int _visit;

    private LocalMoving(CommunityGraph graph, int[] community, double m, double resolution)
    {
        var n = graph.NodeCount;
        _graph = graph;
        _community = community;
        _resolution = resolution;
        _twoM = 2 * m;
        _total = new double[n];
        for (var v = 0; v < n; v++)
        {
            _total[community[v]] += graph.Strength(v);
        }

        _toCommunity = new double[n];
        _touched = new int[n];
        _stamp = new int[n];
    }

    /// <summary>Louvain's local moving: sweeps over the nodes in one random order until a sweep moves none.</summary>
    /// <param name="graph">The level's graph.</param>
    /// <param name="m">Total edge weight of the original graph.</param>
    /// <param name="resolution">γ.</param>
    /// <param name="random">Draws the visiting order (one shuffle).</param>
    /// <param name="start">Starting community of each node; null for singletons.</param>
    /// <returns>Whether any node moved; each node's community, renumbered 0..count-1 in order of first node.</returns>
    public static (bool Moved, int[] Community, int Count) Sweep(CommunityGraph graph, double m, double resolution, ref SplitMix random, int[]? start)
    {
        var community = start is null ? CommunityGraph.Identity(graph.NodeCount) : (int[])start.Clone();
        var moving = new LocalMoving(graph, community, m, resolution);
        var order = CommunityGraph.Identity(graph.NodeCount);
        random.Shuffle<int>(order);

        var total = moving._total;
        var anyMove = false;
        int moves;
        var sweeps = 0;
        do
        {
            moves = 0;
            foreach (var u in order)
            {
                var best = moving.Evaluate(u, out _);
                total[best] += graph.Strength(u);
                if (best != community[u])
                {
                    community[u] = best;
                    moves++;
                    anyMove = true;
                }
            }
        }
        while (moves > 0 && ++sweeps < MaxSweeps);

        var count = CommunityGraph.Renumber(community);
        return (anyMove, community, count);
    }

    /// <summary>Leiden's fast local moving: visits queued nodes; a node that moves queues its neighbours outside its new community.</summary>
    /// <param name="graph">The level's graph.</param>
    /// <param name="community">Starting community of each node; updated in place and renumbered 0..count-1.</param>
    /// <param name="m">Total edge weight of the original graph.</param>
    /// <param name="resolution">γ.</param>
    /// <param name="random">Draws the initial queue order (one shuffle).</param>
    /// <returns>The number of non-empty communities.</returns>
    public static int Queue(CommunityGraph graph, int[] community, double m, double resolution, ref SplitMix random)
    {
        var n = graph.NodeCount;
        var moving = new LocalMoving(graph, community, m, resolution);
        var total = moving._total;
        var size = new int[n];
        for (var v = 0; v < n; v++)
        {
            size[community[v]]++;
        }

        var empty = new Stack<int>();
        for (var c = n - 1; c >= 0; c--)
        {
            if (size[c] == 0)
            {
                empty.Push(c);
            }
        }

        var queue = CommunityGraph.Identity(n);
        random.Shuffle<int>(queue);
        var queued = new bool[n];
        Array.Fill(queued, true);
        int head = 0, count = n;
        while (count > 0)
        {
            var v = queue[head];
            head = (head + 1) % n;
            count--;
            queued[v] = false;

            var own = community[v];
            var degree = graph.Strength(v);
            var best = moving.Evaluate(v, out var bestScore);
            size[own]--;

            // A community of its own scores 0; it is only better when every neighbouring community costs more than it gives.
            if (best == own && size[own] > 0 && bestScore < 0)
            {
                while (size[empty.Peek()] > 0)
                {
                    empty.Pop();
                }

                best = empty.Pop();
            }

            total[best] += degree;
            size[best]++;
            if (best == own)
            {
                continue;
            }

            community[v] = best;
            if (size[own] == 0)
            {
                empty.Push(own);
            }

            var neighbors = graph.Neighbors(v);
            for (var i = 0; i < neighbors.Length; i++)
            {
                var u = neighbors[i];
                if (!queued[u] && community[u] != best)
                {
                    queued[u] = true;
                    queue[(head + count) % n] = u;
                    count++;
                }
            }
        }

        return CommunityGraph.Renumber(community);
    }

    /// <summary>
    /// Takes <paramref name="node"/> out of its community (its strength leaves the community's total) and returns the
    /// neighbouring community of best score, its own winning ties; the caller adds the node to the community it picks.
    /// </summary>
    /// <param name="node">The node to evaluate.</param>
    /// <param name="bestScore">The best community's score, <c>k_c − γ·Σ_c·k / 2m</c> (plus the bonus when it is the node's own).</param>
    private int Evaluate(int node, out double bestScore)
    {
        var community = _community;
        var total = _total;
        var toCommunity = _toCommunity;
        var touched = _touched;
        var stamp = _stamp;
        var own = community[node];
        var degree = _graph.Strength(node);
        var visit = ++_visit;
        var touchedCount = 0;
        stamp[own] = visit;
        toCommunity[own] = 0;
        touched[touchedCount++] = own;
        var neighbors = _graph.Neighbors(node);
        var weights = _graph.Weights(node);
        for (var i = 0; i < neighbors.Length; i++)
        {
            var c = community[neighbors[i]];
            if (stamp[c] != visit)
            {
                stamp[c] = visit;
                toCommunity[c] = 0;
                touched[touchedCount++] = c;
            }

            toCommunity[c] += weights[i];
        }

        total[own] -= degree;
        var resolution = _resolution;
        var twoM = _twoM;
        var best = own;
        bestScore = toCommunity[own] - resolution * total[own] * degree / twoM + RelativeEpsilon * degree;
        for (var i = 1; i < touchedCount; i++)
        {
            var c = touched[i];
            var score = toCommunity[c] - resolution * total[c] * degree / twoM;
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }

        return best;
    }
}
