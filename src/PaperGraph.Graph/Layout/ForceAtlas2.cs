using System.Runtime.CompilerServices;
using PaperGraph.Core;

namespace PaperGraph.Graph.Layout;

/// <summary>Settings of <see cref="ForceAtlas2"/>; validated on construction.</summary>
/// <param name="Iterations">Steps of the simulation; the layout stops there (the same number every run, so the same bytes).</param>
/// <param name="Scaling">k_r, the strength of repulsion against attraction: larger spreads the map.</param>
/// <param name="Gravity">k_g, the pull towards the centre that keeps components and isolated nodes together.</param>
/// <param name="StrongGravity">Gravity grows with the distance from the centre (k_g × mass × distance) rather than being constant (k_g × mass), so nothing can drift away.</param>
/// <param name="LinLog">Attraction grows as log(1 + distance) rather than linearly: Noack's LinLog model, whose layouts separate the graph's communities.</param>
/// <param name="EdgeWeightInfluence">δ: attraction is proportional to weight^δ (0 ignores weights, 1 is proportional).</param>
/// <param name="JitterTolerance">τ: how much swinging the adaptive speed tolerates; larger is faster and rougher.</param>
/// <param name="Theta">Barnes–Hut θ: a cell narrower than θ × its distance acts as one body (0 is exact and quadratic).</param>
/// <param name="Seed">Seed of the starting positions: the same graph and settings give the same coordinates, bit for bit.</param>
public sealed record ForceAtlas2Settings(
    int Iterations = 300,
    double Scaling = 2.0,
    double Gravity = 1.0,
    bool StrongGravity = true,
    bool LinLog = true,
    double EdgeWeightInfluence = 1.0,
    double JitterTolerance = 1.0,
    double Theta = 1.2,
    int Seed = 42)
{
    public int Iterations { get; } = Iterations >= 0 ? Iterations : throw new ArgumentOutOfRangeException(nameof(Iterations), Iterations, "iterations must not be negative");

    public double Scaling { get; } = Scaling > 0 && double.IsFinite(Scaling) ? Scaling : throw new ArgumentOutOfRangeException(nameof(Scaling), Scaling, "scaling must be positive");

    public double Gravity { get; } = Gravity >= 0 && double.IsFinite(Gravity) ? Gravity : throw new ArgumentOutOfRangeException(nameof(Gravity), Gravity, "gravity must not be negative");

    public double EdgeWeightInfluence { get; } = EdgeWeightInfluence >= 0 && double.IsFinite(EdgeWeightInfluence)
        ? EdgeWeightInfluence
        : throw new ArgumentOutOfRangeException(nameof(EdgeWeightInfluence), EdgeWeightInfluence, "edge weight influence must not be negative");

    public double JitterTolerance { get; } = JitterTolerance > 0 && double.IsFinite(JitterTolerance)
        ? JitterTolerance
        : throw new ArgumentOutOfRangeException(nameof(JitterTolerance), JitterTolerance, "jitter tolerance must be positive");

    public double Theta { get; } = Theta >= 0 && double.IsFinite(Theta) ? Theta : throw new ArgumentOutOfRangeException(nameof(Theta), Theta, "theta must not be negative");
}

/// <summary>The position of every node, indexed by node id.</summary>
public sealed record NodePositions(double[] X, double[] Y)
{
    /// <summary>Number of nodes.</summary>
    public int Count => X.Length;
}

/// <summary>ForceAtlas2 (Jacomy, Venturini, Heymann and Bastian 2014), Gephi's layout, with Barnes–Hut repulsion.</summary>
/// <remarks>
/// <para>Forces on node n of mass m_n = degree + 1: repulsion from every other node, k_r m_n m_j / d (degree-dependent, so
/// hubs do not crush their leaves; approximated with a Barnes–Hut quadtree); attraction along each edge, w^δ × d, or
/// w^δ × log(1 + d) in LinLog mode; and gravity towards the origin, k_g m_n, or k_g m_n d when strong. Each step moves a
/// node along its force by its own speed: the global speed is τ × traction / swinging (traction is how consistently the
/// nodes' forces keep their direction between steps, swinging how much they flip), rising by at most 50% a step, and a
/// node's speed is k_s × global / (1 + global × √swing(n)) with k_s = 0.1, capped so no node moves more than k_smax = 10
/// in a step. So the layout speeds up while it is still far from equilibrium and slows down node by node where it
/// oscillates, without a cooling schedule to tune.</para>
/// <para>Why ForceAtlas2 rather than VOS mapping (van Eck and Waltman 2010): VOS mapping minimises a weighted stress over
/// every pair of nodes, O(n²) per iteration (50M pairs for 10,000 concepts), while ForceAtlas2 with Barnes–Hut costs
/// O(n log n + m). And its degree-dependent repulsion with LinLog attraction is Noack's edge-repulsion LinLog energy,
/// whose minima put a graph's modularity communities apart (Noack 2009, "Modularity clustering is force-directed
/// layout"): the picture agrees with the communities PaperGraph reports. LinLog and strong gravity are therefore the
/// defaults; strong gravity keeps isolated nodes and small components at the same scale as the rest instead of on a ring
/// far away, which constant gravity gives.</para>
/// <para>Weights are divided by their mean, and masses by theirs, before use, so the settings mean the same whichever
/// <c>--weight</c> gave the weights and however dense the graph is (without it, a node of the 10,000-concept graph, of
/// mean degree 175, feels a repulsion some 10^5 times its attraction at the starting scale, and the step cap of 10 lets
/// the map grow only slowly towards its equilibrium size). Starting positions are uniform in a square of side 2√n drawn
/// from the seed. The result is centred on the nodes' mean, turned so its wider principal axis is x, and mirrored so the
/// node of largest mass is at x ≥ 0, y ≥ 0: two runs that converge to the same shape give the same picture.</para>
/// <para>Determinism: the repulsion on a node is summed in a fixed order (quadtree cells in preorder) and written to
/// that node's slot only; each edge's attraction is computed once and added to both ends in the buffer of its range (8
/// fixed ranges of the edges, whatever the number of cores), and a node's attraction is the sum of the 8 buffers in
/// order; the global sums run on one thread in node order. Threads only take whole ranges, so the coordinates are the
/// same bits whatever the number of threads and their scheduling (on one platform: another C library's log or cos may
/// round a last bit differently).</para>
/// <para>Cost per iteration: O(n log n) for the tree and the repulsion, O(m) for the attraction, both on every core,
/// streaming the edge arrays once (a first version gathered each node's attraction through its neighbour list, reading
/// per-edge factors all over a 7 MB array, and took three times as long on the 200k graph).</para>
/// </remarks>
public static class ForceAtlas2
{
    /// <summary>Nodes (and edges) per work item; below a few work items everything runs on the calling thread.</summary>
    private const int Chunk = 512;

    /// <summary>Cancellation is checked every this many iterations.</summary>
    private const int CancellationInterval = 8;

    private const double SpeedPerNode = 0.1;
    private const double MaxDisplacement = 10;
    private const double MaxSpeedRise = 1.5;

    /// <summary>Lays out <paramref name="graph"/>.</summary>
    public static NodePositions Compute(CompactGraph graph, ForceAtlas2Settings? settings = null, CancellationToken cancellationToken = default,
        IProgress<PipelineProgress>? progress = null) =>
        Compute(graph, settings, -1, cancellationToken, progress);

    /// <summary>Lays out <paramref name="graph"/> on at most <paramref name="threads"/> threads (-1: every core); the result does not depend on it.</summary>
    internal static NodePositions Compute(CompactGraph graph, ForceAtlas2Settings? settings, int threads, CancellationToken cancellationToken,
        IProgress<PipelineProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        settings ??= new ForceAtlas2Settings();
        var n = graph.NodeCount;
        var x = new double[n];
        var y = new double[n];
        if (n <= 1)
        {
            return new NodePositions(x, y);
        }

        var random = new SplitMix(settings.Seed);
        var side = Math.Sqrt(n);
        for (var v = 0; v < n; v++)
        {
            x[v] = (2 * random.NextDouble() - 1) * side;
            y[v] = (2 * random.NextDouble() - 1) * side;
        }

        var simulation = new Simulation(graph, settings, x, y, threads);
        var counter = new ProgressCounter(progress, "graph", "layout", settings.Iterations, "iterations", every: 10);
        for (var iteration = 0; iteration < settings.Iterations; iteration++)
        {
            counter.Add();
            if (iteration % CancellationInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            simulation.Step();
        }

        Normalize(x, y, simulation.Mass);
        return new NodePositions(x, y);
    }

    /// <summary>Centres on the mean, turns the wider principal axis onto x, and mirrors so the heaviest node (the first one on ties) is at x ≥ 0, y ≥ 0.</summary>
    private static void Normalize(double[] x, double[] y, double[] mass)
    {
        var n = x.Length;
        double meanX = 0, meanY = 0;
        for (var v = 0; v < n; v++)
        {
            meanX += x[v];
            meanY += y[v];
        }

        meanX /= n;
        meanY /= n;
        double sxx = 0, syy = 0, sxy = 0;
        for (var v = 0; v < n; v++)
        {
            var (dx, dy) = (x[v] - meanX, y[v] - meanY);
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }

        // The angle of the principal axis of the 2×2 covariance matrix.
        var angle = 0.5 * Math.Atan2(2 * sxy, sxx - syy);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var heaviest = 0;
        for (var v = 1; v < n; v++)
        {
            if (mass[v] > mass[heaviest])
            {
                heaviest = v;
            }
        }

        var hx = (x[heaviest] - meanX) * cos + (y[heaviest] - meanY) * sin;
        var hy = -(x[heaviest] - meanX) * sin + (y[heaviest] - meanY) * cos;
        var (flipX, flipY) = (hx < 0 ? -1.0 : 1.0, hy < 0 ? -1.0 : 1.0);
        for (var v = 0; v < n; v++)
        {
            var (dx, dy) = (x[v] - meanX, y[v] - meanY);
            x[v] = flipX * (dx * cos + dy * sin);
            y[v] = flipY * (-dx * sin + dy * cos);
        }
    }

    /// <summary>The state of one layout run: positions, forces of this and the previous step, and the adaptive speed.</summary>
    private sealed class Simulation
    {
        /// <summary>
        /// The edges are split into this many fixed ranges, each adding its attraction into its own buffer; the buffers are
        /// summed in range order. A constant, not the number of cores, so the sums (and the bits) are the same anywhere.
        /// </summary>
        private const int AttractionRanges = 8;

        private readonly ForceAtlas2Settings _settings;
        private readonly double[] _x;
        private readonly double[] _y;
        private readonly double[] _fx;
        private readonly double[] _fy;
        private readonly double[] _oldFx;
        private readonly double[] _oldFy;
        private readonly double[] _swing;

        /// <summary>Each undirected edge once, in CSR order (by its lower end): its ends and its weight^δ (weights over their mean).</summary>
        private readonly int[] _edgeA;
        private readonly int[] _edgeB;
        private readonly double[] _edgeWeight;

        /// <summary>Attraction of this step, range by range: range r's force on node v is at <c>r × n + v</c>.</summary>
        private readonly double[] _attractionX;
        private readonly double[] _attractionY;

        private readonly BarnesHutTree _tree = new();
        private readonly ParallelOptions _parallel;
        private readonly Action<int, int> _attraction;
        private readonly Action<int, int> _forces;
        private double _speed = 1;
        private bool _first = true;

        public Simulation(CompactGraph graph, ForceAtlas2Settings settings, double[] x, double[] y, int threads)
        {
            _settings = settings;
            _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
            _attraction = Attraction;
            _forces = Forces;
            _x = x;
            _y = y;
            var n = graph.NodeCount;
            _fx = new double[n];
            _fy = new double[n];
            _oldFx = new double[n];
            _oldFy = new double[n];
            _swing = new double[n];
            _attractionX = new double[AttractionRanges * n];
            _attractionY = new double[AttractionRanges * n];
            Mass = new double[n];

            // Masses are degree + 1 over their mean, so Scaling and Gravity mean the same on a sparse and on a dense graph.
            var meanMass = (2.0 * graph.EdgeCount + n) / n;
            for (var v = 0; v < n; v++)
            {
                Mass[v] = (graph.Degree(v) + 1) / meanMass;
            }

            var m = graph.EdgeCount;
            _edgeA = new int[m];
            _edgeB = new int[m];
            _edgeWeight = new double[m];
            var totalWeight = 0.0;
            var edge = 0;
            for (var v = 0; v < n; v++)
            {
                var neighbors = graph.Neighbors(v);
                var weights = graph.Weights(v);
                for (var k = 0; k < neighbors.Length; k++)
                {
                    if (v < neighbors[k])
                    {
                        _edgeA[edge] = v;
                        _edgeB[edge] = neighbors[k];
                        _edgeWeight[edge++] = weights[k];
                        totalWeight += weights[k];
                    }
                }
            }

            var mean = m > 0 ? totalWeight / m : 1;
            for (var e = 0; e < m; e++)
            {
                _edgeWeight[e] = settings.EdgeWeightInfluence == 0 ? 1 : Math.Pow(_edgeWeight[e] / mean, settings.EdgeWeightInfluence);
            }
        }

        public double[] Mass { get; }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Step()
        {
            var n = _x.Length;
            _fx.AsSpan().CopyTo(_oldFx);
            _fy.AsSpan().CopyTo(_oldFy);
            if (_edgeA.Length >= 4 * Chunk)
            {
                Parallel.For(0, AttractionRanges, _parallel, range => _attraction(range, range + 1));
            }
            else
            {
                _attraction(0, AttractionRanges);
            }

            _tree.Build(_x, _y, Mass);
            For(n, _forces);

            // Global swinging and traction, summed on one thread in node order.
            double swinging = 0, traction = 0;
            for (var v = 0; v < n; v++)
            {
                var (sx, sy) = (_fx[v] - _oldFx[v], _fy[v] - _oldFy[v]);
                var (tx, ty) = (_fx[v] + _oldFx[v], _fy[v] + _oldFy[v]);
                _swing[v] = _first ? 0 : Math.Sqrt(sx * sx + sy * sy);
                swinging += Mass[v] * _swing[v];
                traction += Mass[v] * 0.5 * Math.Sqrt(tx * tx + ty * ty);
            }

            // The first step has no previous force, so no swinging: start from speed 1 and let the ratio take over.
            var target = _first || swinging == 0 ? _speed : _settings.JitterTolerance * traction / swinging;
            _speed = Math.Min(target, _speed * MaxSpeedRise);
            _first = false;
            var speed = _speed;
            for (var v = 0; v < n; v++)
            {
                var nodeSpeed = SpeedPerNode * speed / (1 + speed * Math.Sqrt(_swing[v]));
                var force = Math.Sqrt(_fx[v] * _fx[v] + _fy[v] * _fy[v]);
                if (nodeSpeed * force > MaxDisplacement)
                {
                    nodeSpeed = MaxDisplacement / force;
                }

                _x[v] += nodeSpeed * _fx[v];
                _y[v] += nodeSpeed * _fy[v];
            }
        }

        /// <summary>
        /// The attraction of edge ranges <c>[from, to)</c>, each into its own buffer: weight × (the vector between the ends),
        /// times log(1 + d) / d in LinLog mode. Each edge is computed once and added to both ends.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Attraction(int from, int to)
        {
            var n = _x.Length;
            var m = _edgeA.Length;
            var linLog = _settings.LinLog;
            for (var range = from; range < to; range++)
            {
                var bufferX = _attractionX.AsSpan(range * n, n);
                var bufferY = _attractionY.AsSpan(range * n, n);
                bufferX.Clear();
                bufferY.Clear();
                var end = (int)((long)m * (range + 1) / AttractionRanges);
                for (var e = (int)((long)m * range / AttractionRanges); e < end; e++)
                {
                    var (a, b) = (_edgeA[e], _edgeB[e]);
                    var (dx, dy) = (_x[b] - _x[a], _y[b] - _y[a]);
                    var f = _edgeWeight[e];
                    if (linLog)
                    {
                        var d = Math.Sqrt(dx * dx + dy * dy);
                        f = d > 0 ? f * Math.Log(1 + d) / d : 0;
                    }

                    bufferX[a] += dx * f;
                    bufferY[a] += dy * f;
                    bufferX[b] -= dx * f;
                    bufferY[b] -= dy * f;
                }
            }
        }

        /// <summary>Repulsion, attraction (summed over the ranges in order) and gravity on nodes <c>[from, to)</c>, each written to its own slot.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Forces(int from, int to)
        {
            var n = _x.Length;
            var (scaling, theta, gravity, strong) = (_settings.Scaling, _settings.Theta, _settings.Gravity, _settings.StrongGravity);
            for (var v = from; v < to; v++)
            {
                var (px, py) = (_x[v], _y[v]);
                var (fx, fy) = _tree.Repulsion(v, px, py, scaling * Mass[v], theta, _x, _y, Mass);
                double ax = 0, ay = 0;
                for (var range = 0; range < AttractionRanges; range++)
                {
                    ax += _attractionX[range * n + v];
                    ay += _attractionY[range * n + v];
                }

                fx += ax;
                fy += ay;
                if (strong)
                {
                    fx -= gravity * Mass[v] * px;
                    fy -= gravity * Mass[v] * py;
                }
                else
                {
                    var d = Math.Sqrt(px * px + py * py);
                    if (d > 0)
                    {
                        fx -= gravity * Mass[v] * px / d;
                        fy -= gravity * Mass[v] * py / d;
                    }
                }

                _fx[v] = fx;
                _fy[v] = fy;
            }
        }

        /// <summary>Runs <paramref name="body"/> over <c>[0, count)</c> in fixed ranges of <see cref="Chunk"/>, on every core when there are several ranges.</summary>
        private void For(int count, Action<int, int> body)
        {
            var chunks = (count + Chunk - 1) / Chunk;
            if (chunks <= 2)
            {
                body(0, count);
                return;
            }

            Parallel.For(0, chunks, _parallel, c => body(c * Chunk, Math.Min(count, (c + 1) * Chunk)));
        }
    }
}
