"""Overlap between departments' task sets and between documents' department sets.

For two sets A and B: ``jaccard = |A∩B| / |A∪B|`` and
``overlap = |A∩B| / min(|A|, |B|)`` (1.0 when one set holds the other).
Only pairs that share something are listed; the most shared first.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

__all__ = ["set_overlap", "department_overlap", "document_overlap", "OVERLAP_COLUMNS"]

OVERLAP_COLUMNS = ["a", "b", "shared", "a_size", "b_size", "jaccard", "overlap", "a_name", "b_name"]


def set_overlap(sets: dict[str, set], names: dict[str, str] | None = None,
                full_names: dict[str, str] | None = None) -> list[dict]:
    """Pairwise overlap of ``sets``; ``names`` gives display names, ``full_names`` longer ones.

    Examples
    --------
    >>> rows = set_overlap({"a": {1, 2, 3}, "b": {2, 3}, "c": {9}})
    >>> [(r["a"], r["b"], r["shared"], r["jaccard"], r["overlap"]) for r in rows]
    [('a', 'b', 2, 0.666667, 1.0)]
    """
    names = names or {}
    full_names = full_names or names
    members = defaultdict(list)
    for key in sorted(sets):
        for item in sets[key]:
            members[item].append(key)
    shared = Counter()
    for keys in members.values():
        shared.update(combinations(sorted(keys), 2))
    rows = []
    for (a, b), n in shared.items():
        union = len(sets[a]) + len(sets[b]) - n
        rows.append({"a": names.get(a, a), "b": names.get(b, b),
                     "a_name": full_names.get(a, a), "b_name": full_names.get(b, b), "shared": n,
                     "a_size": len(sets[a]), "b_size": len(sets[b]),
                     "jaccard": round(n / union, 6), "overlap": round(n / min(len(sets[a]), len(sets[b])), 6)})
    rows.sort(key=lambda r: (-r["shared"], -r["jaccard"], r["a"], r["b"]))
    return rows


def department_overlap(rows, labels) -> list[dict]:
    """Pairs of departments by the tasks they share."""
    from .assignments import usual_mentions

    tasks = defaultdict(set)
    for a in rows:
        tasks[a.organisation].add(a.task)
    short = usual_mentions(rows)
    full = {org: labels.get(org, {}).get("label", short[org]) for org in tasks}
    return set_overlap(tasks, short, full)


def document_overlap(rows) -> list[dict]:
    """Pairs of documents by the departments they both give tasks to."""
    departments = defaultdict(set)
    names = {}
    for a in rows:
        departments[a.document].add(a.organisation)
        names[a.document] = a.doc_number or a.document
    return set_overlap(departments, names)
