"""Reads an export file with the tools analysts use, for tests/integration/api/export.test.ts.

usage: read-export.py graphml FILE | read-export.py csv FILE
Prints JSON: for GraphML, what NetworkX reads (counts, and the attributes of every node and edge); for CSV,
the rows Python's csv module reads (an RFC 4180 reader independent of the service's writer).
"""
import csv
import json
import sys


def read_graphml(path):
    import networkx as nx

    g = nx.read_graphml(path)
    edges = g.edges(data=True, keys=True) if g.is_multigraph() else g.edges(data=True)
    return {
        "networkx": nx.__version__,
        "directed": g.is_directed(),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "nodeData": {n: d for n, d in g.nodes(data=True)},
        "edgeData": [e[-1] | {"source": e[0], "target": e[1]} for e in edges],
    }


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    return {"header": rows[0], "rows": [dict(zip(rows[0], r)) for r in rows[1:]]}


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    print(json.dumps(read_graphml(path) if kind == "graphml" else read_csv(path)))
