"""The document view: a document's sections, tasks and departments, one column per level.

Columns left to right: the document's top sections, their subsections, the
tasks (in document order), the departments. Each column is stacked so that no
two labels overlap (:func:`stack`); a parent sits level with the middle of its
children, and departments are ordered by the mean row of their tasks, which
keeps the task → department curves short and bundled. Edges run left to right
as horizontal curves, coloured by role and faded.
"""

from __future__ import annotations

import re

from ..errors import KgError
from ..vocabulary import LEADING_ROLES, Phrase, Role
from .layout import FRAME, text_width
from .legible import make_legible
from .views import View, _options, role_name, say

__all__ = ["document_view", "stack", "path_key"]

#: Room a labelled row takes, and one whose label waits for the zoom, in canvas pixels.
ROW, SLIM = 16.0, 4.0


def path_key(path: str) -> tuple:
    """A section path in document order (``2.10`` after ``2.9``; annexes last).

    >>> sorted(["2.10", "annex1", "2.9", "3"], key=path_key)
    ['2.9', '2.10', '3', 'annex1']
    """
    return tuple((1, int(p), "") if p.isdigit() else (2, 0, p) for p in re.split(r"\.", path))


def stack(wanted: list, shown: set, height: float) -> list:
    """Rows for items that want rows ``wanted`` (in order): labelled rows :data:`ROW` apart, others :data:`SLIM`.

    Rows keep their order, move as little as they must, and are centred in
    ``height``; if they do not fit they are squeezed evenly.

    >>> stack([0, 0, 0], {0, 1, 2}, 100)
    [-16.0, 0.0, 16.0]
    """
    if not wanted:
        return []
    gaps = [0.0] + [ROW if (k in shown or k - 1 in shown) else SLIM for k in range(1, len(wanted))]
    need = sum(gaps)
    squeeze = min(1.0, height / need) if need else 1.0
    out, y = [], None
    for k, w in enumerate(wanted):
        y = w if y is None else max(w, y + gaps[k] * squeeze)
        out.append(y)
    shift = (max(out) + min(out)) / 2
    top = min(out) - shift
    if top < -height / 2:  # pushed past the frame: start at its top instead
        shift = min(out) + height / 2
    return [round(v - shift, 1) for v in out]


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


def document_view(rows, number: str, lang: str = "zh", names_en: dict | None = None) -> View:
    """One document: its sections, tasks and departments with their roles (``rows`` of ``document_tree``).

    ``names_en`` maps department IRIs to English names, for ``lang="en"``.
    """
    if not rows:
        raise KgError(f"no document {number!r} in the graph; kg query documents lists them")
    sections, tasks, links = {}, {}, []
    for doc, item, kind, label, parent, role, tip, path in sorted(rows, key=lambda r: tuple(x or "" for x in r)):
        if kind == "section":
            sections[item] = (path, label, parent, tip)
        elif kind == "task":
            tasks[item] = (path, parent, tip)
        else:
            links.append((parent, item, Role.from_term(role), label, tip))
    task_sections = {parent for _, parent, _ in tasks.values()}
    # a task's own section is the task: drawn once, in the task column, under the section's parent
    title = {s: sections[s][1] for s in task_sections if s in sections}
    keep = {s for s in sections if s not in task_sections}
    needed = set()
    for _, parent, _ in tasks.values():
        p = sections.get(parent, (None, None, None))[2]
        while p in keep and p not in needed:
            needed.add(p)
            p = sections[p][2]
    columns = {}
    for s in needed:
        columns[s] = sections[s][0].count(".")
    levels = max(columns.values(), default=-1) + 1
    task_order = sorted(tasks, key=lambda t: path_key(tasks[t][0]))
    dept_tasks, dept_label, dept_tip = {}, {}, {}
    for task, dept, role, mention, tip in links:
        dept_tasks.setdefault(dept, []).append(task)
        dept_label.setdefault(dept, mention)
        dept_tip[dept] = (names_en or {}).get(dept) if lang == "en" and (names_en or {}).get(dept) else tip
    row_of = {t: k for k, t in enumerate(task_order)}
    dept_order = sorted(dept_tasks, key=lambda d: (sum(row_of[t] for t in dept_tasks[d]) / len(dept_tasks[d]),
                                                   -len(dept_tasks[d]), dept_label[d]))
    height = FRAME[1] - 10
    # the tasks: every one labelled if they fit, else the ones with most departments
    fits = int((height + ROW - SLIM * len(task_order)) // (ROW + ROW - SLIM)) + 1
    busy = sorted(task_order, key=lambda t: (-sum(t in v for v in dept_tasks.values()), row_of[t]))
    shown_tasks = set(task_order) if len(task_order) * ROW <= height else set(busy[:max(fits, 0)])
    ys = stack([k * ROW for k in range(len(task_order))], {k for k, t in enumerate(task_order) if t in shown_tasks},
               height)
    y = dict(zip(task_order, ys))
    # the departments: most tasks labelled first, as many as the column holds
    by_size = sorted(dept_order, key=lambda d: (-len(dept_tasks[d]), dept_label[d]))
    room = max(1, int((height - SLIM * len(dept_order)) // (ROW - SLIM)))
    shown_depts = set(by_size[:room])
    wanted = [sum(y[t] for t in dept_tasks[d]) / len(dept_tasks[d]) for d in dept_order]
    y.update(zip(dept_order, stack(wanted, {k for k, d in enumerate(dept_order) if d in shown_depts}, height)))
    # sections: level with the middle of their children, deepest first
    children = {}
    for t in task_order:
        children.setdefault(sections.get(tasks[t][1], (None, None, tasks[t][1]))[2], []).append(t)
    for s in sorted(needed, key=lambda s: -columns[s]):
        children.setdefault(sections[s][2], []).append(s)
    for level in range(levels - 1, -1, -1):
        col = sorted((s for s in needed if columns[s] == level), key=lambda s: path_key(sections[s][0]))
        wanted = [sum(y[c] for c in children.get(s, [])) / max(len(children.get(s, [])), 1) for s in col]
        y.update(zip(col, stack(wanted, set(range(len(col))), height)))
    # columns' widths from their labels
    labels = {s: _short(sections[s][1], 10 if columns[s] else 8) for s in needed}
    labels.update({t: _short(f"{tasks[t][0]} {title.get(tasks[t][1], '').split(' ', 1)[-1]}".strip(), 12)
                   for t in task_order})
    labels.update({d: _short(dept_label[d], 9) for d in dept_order})
    groups = [[s for s in needed if columns[s] == level] for level in range(levels)] + [task_order, dept_order]
    widths = [max((text_width(labels[i], 13.5) for i in g), default=0) + 10 for g in groups]
    gap = max(24.0, (FRAME[0] - sum(widths)) / max(len(groups) - 1, 1))
    x, left = {}, -(sum(widths) + gap * (len(groups) - 1)) / 2
    for g, w in zip(groups, widths):
        for i in g:
            x[i] = round(left + text_width(labels[i], 13.0) / 2 + 2, 1)  # labels start at the column's left
        left += w + gap
    view = View(f"{number}", "", options=_options(True, "text"), lang=lang)
    view.options["edges"]["smooth"] = {"enabled": True, "type": "cubicBezier", "forceDirection": "horizontal",
                                       "roundness": 0.6}
    view.options["edges"]["arrows"]["to"]["enabled"] = False
    kind_colour = {"section": "#4e79a7", "task": "#8a5a00", "department": "#222222"}
    for level in range(levels):
        for s in (s for s in needed if columns[s] == level):
            view.nodes.append({"id": s, "label": labels[s], "x": x[s], "y": y[s], "tip": sections[s][3],
                               "font": {"color": kind_colour["section"]}})
    for t in task_order:
        view.nodes.append({"id": t, "label": labels[t], "x": x[t], "y": y[t], "tip": tasks[t][2],
                           "font": {"color": kind_colour["task"]}})
    for d in dept_order:
        node = {"id": d, "label": labels[d], "x": x[d], "y": y[d], "tip": dept_tip[d] or dept_label[d],
                "font": {"color": kind_colour["department"]}}
        if d not in shown_depts:  # a dot where the edges end; its label on zoom
            node.update({"shape": "dot", "size": 2.5, "color": "#888888",
                         "x": round(x[d] - text_width(labels[d], 13.0) / 2 + 1, 1)})
        view.nodes.append(node)
    for s in sorted(needed):
        parent = sections[s][2]
        if parent in needed:
            view.edges.append({"from": parent, "to": s, "color": {"color": "rgba(78,121,167,0.45)"}, "width": 1})
    for t in task_order:
        parent = sections.get(tasks[t][1], (None, None, None))[2]
        if parent in needed:
            view.edges.append({"from": parent, "to": t, "color": {"color": "rgba(78,121,167,0.45)"}, "width": 1})
    for task, dept, role, _, _ in sorted(links, key=lambda r: (row_of[r[0]], r[1], r[2])):
        lead = role in LEADING_ROLES
        r, g, b = (int(role.colour[i:i + 2], 16) for i in (1, 3, 5))
        view.edges.append({"from": task, "to": dept, "tip": role_name(role, lang), "width": 1.6 if lead else 0.7,
                           "color": {"color": f"rgba({r},{g},{b},{0.7 if lead else 0.22})", "hover": role.colour,
                                     "highlight": role.colour}})
    importance = {s: 3.0 - columns[s] for s in needed}
    importance.update({t: 1.0 for t in shown_tasks})
    importance.update({d: 1.0 + len(dept_tasks[d]) / 100 for d in shown_depts})
    make_legible(view, importance, len(importance), below=False, move=False, floor=13, peak=15)
    view.subtitle = say(Phrase.TREE_SUB, lang, t=len(task_order), d=len(dept_order))
    view.legend = [(kind_colour["section"], say(Phrase.SECTION, lang)), (kind_colour["task"], say(Phrase.TASK, lang)),
                   (kind_colour["department"], say(Phrase.DEPARTMENT, lang)),
                   *((r.colour, role_name(r, lang)) for r in Role if any(link[2] == r for link in links))]
    return view
