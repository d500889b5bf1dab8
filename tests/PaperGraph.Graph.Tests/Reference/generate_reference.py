#!/usr/bin/env python3
"""Writes networkx's answers for small graphs to Fixtures/networkx-reference.json.

The C# tests compare PaperGraph's algorithms with these values. Run it again only to add graphs:
    python3 tests/PaperGraph.Graph.Tests/Reference/generate_reference.py
Needs networkx (3.6 was used); numpy and scipy are not needed: PageRank uses networkx's pure-Python power iteration,
which is the same algorithm as its default one.
"""
import json
import os
import random

import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

SEEDS = [0, 1, 2, 3, 4, 5, 6, 7]
RESOLUTIONS = [0.5, 1.0, 2.0]


def relabel(g):
    """Nodes become 0..n-1 in sorted order (integers stay where they are); every edge gets a float 'weight' (1 when it had none)."""
    try:
        ordered = sorted(g.nodes())
    except TypeError:
        ordered = sorted(g.nodes(), key=str)
    mapping = {v: i for i, v in enumerate(ordered)}
    h = nx.Graph()
    h.add_nodes_from(range(len(mapping)))
    for a, b, data in g.edges(data=True):
        h.add_edge(mapping[a], mapping[b], weight=float(data.get("weight", 1)))
    return h


def random_weighted(n, m, seed, integer):
    rng = random.Random(seed)
    g = nx.gnm_random_graph(n, m, seed=seed)
    for a, b in g.edges():
        g[a][b]["weight"] = float(rng.randint(1, 9)) if integer else round(rng.uniform(0.1, 5.0), 6)
    return g


def dangling_and_isolated():
    """Two components, a path hanging off a triangle, a star, and three nodes with no edges at all."""
    g = nx.Graph()
    g.add_nodes_from(range(14))
    g.add_weighted_edges_from([(0, 1, 2.0), (1, 2, 1.0), (2, 0, 3.0), (2, 3, 1.0), (3, 4, 0.5), (4, 5, 4.0),
                               (6, 7, 1.0), (6, 8, 2.0), (6, 9, 1.0), (6, 10, 5.0)])
    return g


def eigenvector_by_component(g):
    """PaperGraph's definition on any graph: each component's networkx vector (unit length) times its leading
    eigenvalue over the largest one; nodes without edges 0."""
    n = g.number_of_nodes()
    x = [0.0] * n
    parts = []
    for nodes in nx.connected_components(g):
        if len(nodes) < 2:
            continue
        h = g.subgraph(nodes)
        ev = nx.eigenvector_centrality(h, weight="weight", max_iter=1_000_000, tol=1e-14)
        # The leading eigenvalue as the Rayleigh quotient x'Ax of the unit vector.
        lam = sum(2 * d["weight"] * ev[a] * ev[b] for a, b, d in h.edges(data=True))
        parts.append((lam, ev))
    top = max((lam for lam, _ in parts), default=0.0)
    for lam, ev in parts:
        for v, value in ev.items():
            x[v] = value * lam / top
    return x


def near_twins():
    """Two components whose leading eigenvalues differ by 0.1%: a star with four leaves (2) and a triangle (2.002).
    networkx's power iteration does not converge on it in 1,000 steps; a small corpus's graph looked like this."""
    g = nx.Graph()
    g.add_weighted_edges_from([(0, 1, 1.0), (0, 2, 1.0), (0, 3, 1.0), (0, 4, 1.0), (5, 6, 1.001), (6, 7, 1.001), (5, 7, 1.001)])
    return g


def equal_components():
    """Three identical weighted paths and a lone node: several components share the leading eigenvalue."""
    g = nx.Graph()
    g.add_node(12)
    for base in (0, 4, 8):
        g.add_weighted_edges_from([(base, base + 1, 2.0), (base + 1, base + 2, 3.0), (base + 2, base + 3, 1.0)])
    return g


def entry(name, g):
    g = relabel(g)
    for a, b in g.edges():
        g[a][b]["distance"] = 1.0 / g[a][b]["weight"]
    n = g.number_of_nodes()
    out = {
        "name": name,
        "nodes": n,
        "edges": [[a, b, d["weight"]] for a, b, d in sorted(g.edges(data=True))],
        "pagerank": [None] * n,
        "pagerankUnweighted": [None] * n,
        "eigenvector": None,
        "eigenvectorByComponent": None,
        "betweennessWeighted": None,
        "betweennessUnweighted": None,
    }
    pr = _pagerank_python(g, alpha=0.85, weight="weight")
    out["pagerank"] = [pr[v] for v in range(n)]
    pr = _pagerank_python(g, alpha=0.85, weight=None)
    out["pagerankUnweighted"] = [pr[v] for v in range(n)]
    # networkx's own call where it is PaperGraph's definition (a connected graph), converged far past the default
    # tolerance so that the comparison measures PaperGraph's error, not networkx's.
    if nx.is_connected(g):
        ev = nx.eigenvector_centrality(g, weight="weight", max_iter=1_000_000, tol=1e-14)
        out["eigenvector"] = [ev[v] for v in range(n)]
    out["eigenvectorByComponent"] = eigenvector_by_component(g)
    bw = nx.betweenness_centrality(g, normalized=True, weight="distance")
    out["betweennessWeighted"] = [bw[v] for v in range(n)]
    bu = nx.betweenness_centrality(g, normalized=True, weight=None)
    out["betweennessUnweighted"] = [bu[v] for v in range(n)]
    core = nx.core_number(g)
    out["coreNumber"] = [core[v] for v in range(n)]
    out["componentSizes"] = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
    out["louvain"] = []
    for resolution in RESOLUTIONS:
        for seed in SEEDS:
            parts = nx.community.louvain_communities(g, weight="weight", resolution=resolution, seed=seed)
            q = nx.community.modularity(g, parts, weight="weight", resolution=resolution)
            out["louvain"].append({"resolution": resolution, "seed": seed, "modularity": q, "communities": len(parts)})
    # A fixed partition (node id mod 3), to check the modularity formula itself.
    fixed = [v % 3 for v in range(n)]
    sets = [{v for v in range(n) if fixed[v] == c} for c in range(3)]
    sets = [s for s in sets if s]
    out["fixedPartition"] = fixed
    out["fixedModularity"] = {str(r): nx.community.modularity(g, sets, weight="weight", resolution=r) for r in RESOLUTIONS}
    return out


def main():
    graphs = [
        ("karate club (weighted)", nx.karate_club_graph()),
        ("les miserables (weighted)", nx.les_miserables_graph()),
        ("random 60 nodes, 200 edges, integer weights", random_weighted(60, 200, 1, True)),
        ("random 120 nodes, 400 edges, real weights", random_weighted(120, 400, 2, False)),
        ("random 40 nodes, 60 edges, sparse, real weights", random_weighted(40, 60, 3, False)),
        ("dangling and isolated nodes", dangling_and_isolated()),
        ("5x5 grid (many equal shortest paths)", nx.grid_2d_graph(5, 5)),
        ("path of 60 nodes (small spectral gap)", nx.path_graph(60)),
        ("complete graph on 12 nodes", nx.complete_graph(12)),
        ("two components with nearly equal leading eigenvalues", near_twins()),
        ("three equal components and a lone node", equal_components()),
    ]
    result = {"networkx": nx.__version__, "graphs": [entry(name, g) for name, g in graphs]}
    path = os.path.join(os.path.dirname(__file__), "..", "Fixtures", "networkx-reference.json")
    with open(path, "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print(f"wrote {os.path.normpath(path)}: {len(graphs)} graphs")


if __name__ == "__main__":
    main()
