"""The responsibility matrix: tasks as rows in document order, departments as columns, roles in the cells.

This is how a policy researcher reads a 分工方案: which department leads which
task, who joins it, and where the text says so. Rows are the tasks in
document order (documents by number), columns the departments ordered by how
many tasks they lead (then by how many they have), and each cell the
department's role in that task as the graph states it (lead, co-lead,
participant, implied, … :class:`~kg.vocabulary.Role`; a leading role first
where it has several), its tooltip the clause with its line. The view is data (``View.table``); the
page builds the table from it as text nodes and sorts and filters it.
"""

from __future__ import annotations

from collections import defaultdict

from ..errors import KgError
from ..vocabulary import LEADING_ROLES, Phrase, Role
from .views import View, role_name, say

__all__ = ["matrix_view", "MATRIX_COLUMNS"]

#: The columns of ``responsibility_matrix`` rows, with the document number first.
MATRIX_COLUMNS = ("doc_number", "task", "task_pos", "title", "organisation", "department", "department_en",
                  "mention", "role", "clause", "clause_line", "file", "line", "quote")


def matrix_view(rows, what: str, lang: str = "zh", departments=None) -> View:
    """The matrix of ``rows`` (``responsibility_matrix`` rows, each led by its document number).

    ``what`` names the slice in the title (a document number, a year, a set of
    departments); ``departments`` (organisation IRIs) keeps only those columns
    and the tasks they have a part in.

    Examples
    --------
    >>> rows = [("D", "1", "0", "T", "o1", "甲局", "", "甲局", "lead", "牵头单位:甲局;配合单位:乙局", "9", "f", "9", "甲局"),
    ...         ("D", "1", "0", "T", "o2", "乙局", "", "乙局", "participant", "牵头单位:甲局;配合单位:乙局", "9", "f", "9", "乙局")]
    >>> v = matrix_view(rows, "D")
    >>> [c["label"] for c in v.table["columns"]], [c["mark"] for c in v.table["cells"]]
    (['甲局', '乙局'], ['lead', 'participant'])
    """
    if not rows:
        raise KgError(f"no tasks for {what} in the graph; kg query tasks lists them")
    tasks, roles, cells_of = {}, defaultdict(lambda: defaultdict(list)), {}
    names, full = {}, {}
    for r in rows:
        rec = dict(zip(MATRIX_COLUMNS, r))
        key = (rec["doc_number"] or "", rec["task"])
        tasks.setdefault(key, rec)
        roles[key][rec["organisation"]].append(Role(rec["role"]))
        cells_of.setdefault((key, rec["organisation"]), []).append(rec)
        names.setdefault(rec["organisation"], rec["mention"])
        full[rec["organisation"]] = (rec["department_en"] if lang == "en" and rec["department_en"]
                                     else rec["department"])
    if departments is not None:
        keep = set(departments)
        tasks = {k: v for k, v in tasks.items() if keep & set(roles[k])}
        if not tasks:
            raise KgError(f"no tasks for {what} in the graph")
    order = sorted(tasks, key=lambda k: (k[0], int(tasks[k]["task_pos"] or 0), k[1]))
    marks = {}
    led, total = defaultdict(int), defaultdict(int)
    precedence = sorted(Role, key=lambda r: (r not in LEADING_ROLES, list(Role).index(r)))
    for key in order:
        for org, rs in roles[key].items():
            if departments is not None and org not in departments:
                continue
            mark = min(rs, key=precedence.index)
            marks[(key, org)] = mark
            total[org] += 1
            led[org] += set(rs) & LEADING_ROLES != set()
    columns = sorted(total, key=lambda o: (-led[o], -total[o], names[o], o))
    col_index = {o: k for k, o in enumerate(columns)}
    several = len({k[0] for k in order}) > 1
    counts = {o: say(Phrase.TIP_TASKS, lang, led=led[o], joined=total[o] - led[o], total=total[o]) for o in columns}
    table = {"columns": [{"id": o, "label": names[o], "tip": f"{full[o]}\n{counts[o]}", "led": led[o],
                          "total": total[o]} for o in columns],
             "rows": [], "cells": [],
             "marks": [{"key": m.value, "symbol": m.symbol, "colour": m.colour, "label": m.label(lang)}
                       for m in precedence],
             "words": {"task": say(Phrase.TASK, lang), "filter": say(Phrase.MATRIX_FILTER, lang),
                       "order": say(Phrase.MATRIX_ORDER, lang), "hint": say(Phrase.MATRIX_HINT, lang)}}
    for k, key in enumerate(order):
        rec = tasks[key]
        label = f"{key[0]} {key[1]}" if several else key[1]
        title = rec["title"] or ""
        table["rows"].append({"id": f"{key[0]}#{key[1]}", "label": label, "title": title,
                              "tip": f"{label} {title}\n{rec['clause']}\n"
                                     f"{say(Phrase.CLAUSE_LINE, lang, line=rec['clause_line'])}"})
        for org in sorted((o for (kk, o) in marks if kk == key), key=lambda o: col_index[o]):
            recs = cells_of[(key, org)]
            where = ", ".join(sorted({r["line"] for r in recs}, key=int))
            written = "、".join(sorted({r["quote"] for r in recs}))
            tip = "\n".join([f"{names[org]} · {label} {title}".strip(),
                             "、".join(role_name(r["role"], lang) for r in recs),
                             rec["clause"], f"{rec['file']} {say(Phrase.CLAUSE_LINE, lang, line=where)}: {written}"])
            table["cells"].append({"row": k, "col": col_index[org], "mark": marks[(key, org)].value,
                                   "roles": sorted(r["role"] for r in recs), "tip": tip})
    view = View(say(Phrase.MATRIX_TITLE, lang, what=what),
                say(Phrase.MATRIX_SUB, lang, t=len(order), d=len(columns), c=len(table["cells"])), lang=lang,
                kind="matrix", table=table)
    present = set(marks.values())
    view.legend = [(m.colour, f"{m.symbol} {m.label(lang)}", m.value) for m in precedence if m in present]
    return view
