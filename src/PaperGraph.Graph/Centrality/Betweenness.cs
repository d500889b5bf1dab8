using PaperGraph.Core;

namespace PaperGraph.Graph.Centrality;

/// <summary>Settings of <see cref="Betweenness"/>; validated on construction.</summary>
/// <param name="Weighted">Whether shortest paths use distance <c>1 / weight</c> (strong links are short) or count hops.</param>
/// <param name="ExactUpTo">Graphs with at most this many nodes get exact betweenness, from every node.</param>
/// <param name="Pivots">On bigger graphs, the number of source nodes sampled (the estimate is scaled up).</param>
/// <param name="Seed">Seed of the pivot sample.</param>
public sealed record BetweennessSettings(bool Weighted = true, int ExactUpTo = 5000, int Pivots = 256, int Seed = 42)
{
    public int ExactUpTo { get; } = ExactUpTo >= 0 ? ExactUpTo : throw new ArgumentOutOfRangeException(nameof(ExactUpTo), ExactUpTo, "must not be negative");

    public int Pivots { get; } = Pivots >= 2 ? Pivots : throw new ArgumentOutOfRangeException(nameof(Pivots), Pivots, "at least 2 pivots");
}

/// <summary>Shortest-path betweenness centrality (Brandes 2001), normalised as networkx does.</summary>
/// <remarks>
/// <para>For each source, Dijkstra (or BFS when unweighted) orders the nodes by distance; path counts flow forward in that
/// order and dependencies flow back. A node <c>v</c> precedes <c>w</c> on a shortest path exactly when
/// <c>dist[v] + d(v, w) == dist[w]</c>, computed the same way networkx does, so ties are the same.</para>
/// <para>The result is normalised by <c>(n-1)(n-2)</c>, endpoints excluded, like
/// <c>networkx.betweenness_centrality(G, normalized=True, weight=...)</c>. With sampled pivots it follows networkx's
/// <c>k</c> scaling. Sources are split into a fixed number of blocks summed in order, so the result does not depend on
/// the number of threads. O(n·m + n² log n) exact, O(k·(m + n log n)) sampled.</para>
/// </remarks>
public static class Betweenness
{
    private const int Blocks = 32;

    /// <summary>The betweenness of every node.</summary>
    /// <param name="sampled">Whether pivots were sampled (the graph had more than <see cref="BetweennessSettings.ExactUpTo"/> nodes).</param>
    public static double[] Compute(CompactGraph graph, BetweennessSettings? settings, out bool sampled, CancellationToken cancellationToken = default,
        IProgress<PipelineProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        settings ??= new BetweennessSettings();
        var n = graph.NodeCount;
        sampled = n > settings.ExactUpTo && settings.Pivots < n;
        var sources = Enumerable.Range(0, n).ToArray();
        if (sampled)
        {
            new SplitMix(settings.Seed).Shuffle(sources);
            sources = sources[..settings.Pivots];
            Array.Sort(sources);
        }

        var blocks = Math.Min(Blocks, Math.Max(1, sources.Length));
        var partial = new double[blocks][];
        var counter = new ProgressCounter(progress, "graph", "betweenness", sources.Length, "sources", every: 16);
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            var state = new SourceState(n);
            var sum = partial[block] = new double[n];
            for (var i = block; i < sources.Length; i += blocks)
            {
                if ((i / blocks) % 16 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                state.Accumulate(graph, sources[i], settings.Weighted, sum);
                counter.Add();
            }
        });

        var betweenness = new double[n];
        foreach (var sum in partial)
        {
            for (var v = 0; v < n; v++)
            {
                betweenness[v] += sum[v];
            }
        }

        Rescale(betweenness, sampled ? sources : null);
        return betweenness;
    }

    /// <summary>networkx's normalisation with endpoints excluded (and its correction for sampled sources).</summary>
    private static void Rescale(double[] betweenness, int[]? sources)
    {
        var pairs = betweenness.Length - 1;
        if (pairs < 2)
        {
            return;
        }

        if (sources is null)
        {
            var scale = 1.0 / ((double)pairs * (pairs - 1));
            for (var v = 0; v < betweenness.Length; v++)
            {
                betweenness[v] *= scale;
            }

            return;
        }

        // A sampled source cannot be an inner node of its own paths, so it had one pivot fewer that could count it.
        double k = sources.Length;
        var scaleSource = 1.0 / ((k - 1) * (pairs - 1));
        var scaleOther = 1.0 / (k * (pairs - 1));
        var isSource = new bool[betweenness.Length];
        foreach (var s in sources)
        {
            isSource[s] = true;
        }

        for (var v = 0; v < betweenness.Length; v++)
        {
            betweenness[v] *= isSource[v] ? scaleSource : scaleOther;
        }
    }

    /// <summary>Per-thread buffers for one single-source pass.</summary>
    private sealed class SourceState(int n)
    {
        private readonly double[] _distance = CreateFilled(n, double.PositiveInfinity);
        private readonly double[] _sigma = new double[n];
        private readonly double[] _delta = new double[n];
        private readonly int[] _order = new int[n];
        private readonly bool[] _done = new bool[n];
        private readonly PriorityQueue<int, (double Distance, long Sequence)> _queue = new();

        public void Accumulate(CompactGraph graph, int source, bool weighted, double[] betweenness)
        {
            var count = weighted ? Dijkstra(graph, source) : BreadthFirst(graph, source);

            // Path counts, in order of distance: the predecessors of w are the neighbours on a shortest path to it.
            _sigma[source] = 1;
            for (var i = 1; i < count; i++)
            {
                var w = _order[i];
                var neighbors = graph.Neighbors(w);
                var weights = graph.Weights(w);
                var sigma = 0.0;
                for (var j = 0; j < neighbors.Length; j++)
                {
                    var v = neighbors[j];
                    if (_done[v] && _distance[v] + Length(weights[j], weighted) == _distance[w])
                    {
                        sigma += _sigma[v];
                    }
                }

                _sigma[w] = sigma;
            }

            // Dependencies, back from the farthest node.
            for (var i = count - 1; i > 0; i--)
            {
                var w = _order[i];
                var coefficient = (1 + _delta[w]) / _sigma[w];
                var neighbors = graph.Neighbors(w);
                var weights = graph.Weights(w);
                for (var j = 0; j < neighbors.Length; j++)
                {
                    var v = neighbors[j];
                    if (_done[v] && _distance[v] + Length(weights[j], weighted) == _distance[w])
                    {
                        _delta[v] += _sigma[v] * coefficient;
                    }
                }

                betweenness[w] += _delta[w];
            }

            for (var i = 0; i < count; i++)
            {
                var v = _order[i];
                _distance[v] = double.PositiveInfinity;
                _sigma[v] = 0;
                _delta[v] = 0;
                _done[v] = false;
            }
        }

        private static double Length(double weight, bool weighted) => weighted ? 1 / weight : 1;

        private int Dijkstra(CompactGraph graph, int source)
        {
            var count = 0;
            long sequence = 0;
            _distance[source] = 0;
            _queue.Enqueue(source, (0, sequence++));
            while (_queue.TryDequeue(out var v, out var key))
            {
                if (_done[v] || key.Distance > _distance[v])
                {
                    continue;
                }

                _done[v] = true;
                _order[count++] = v;
                var neighbors = graph.Neighbors(v);
                var weights = graph.Weights(v);
                for (var j = 0; j < neighbors.Length; j++)
                {
                    var w = neighbors[j];
                    var through = _distance[v] + 1 / weights[j];
                    if (!_done[w] && through < _distance[w])
                    {
                        _distance[w] = through;
                        _queue.Enqueue(w, (through, sequence++));
                    }
                }
            }

            return count;
        }

        private int BreadthFirst(CompactGraph graph, int source)
        {
            var count = 0;
            var head = 0;
            _distance[source] = 0;
            _order[count++] = source;
            while (head < count)
            {
                var v = _order[head++];
                _done[v] = true;
                foreach (var w in graph.Neighbors(v))
                {
                    if (double.IsPositiveInfinity(_distance[w]))
                    {
                        _distance[w] = _distance[v] + 1;
                        _order[count++] = w;
                    }
                }
            }

            return count;
        }

        private static double[] CreateFilled(int n, double value)
        {
            var array = new double[n];
            Array.Fill(array, value);
            return array;
        }
    }
}
