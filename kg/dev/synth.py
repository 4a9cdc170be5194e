"""A synthetic gazette corpus with known truth (``kg dev synth``).

A seeded random model writes realistic issues — header, table of contents,
page-break splits inside long paragraphs and names, every responsibility
style, targets, commendation lists, annex tables — and, beside them,
``truth.json`` with what each issue says. Extraction is correct when it finds
exactly that; at scale the same corpus is a benchmark.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from ..reference.organisations import load_table
from ..vocabulary import Role

__all__ = ["SynthIssue", "generate_issue", "write_corpus", "differences"]

_TOPICS = ["质量提升", "数字经济", "生态环境保护", "公共服务", "科技创新", "乡村振兴", "营商环境", "安全生产",
           "现代物流", "文化旅游", "医疗卫生", "教育发展"]
_VERBS = ["加强", "推进", "完善", "健全", "优化", "深化", "强化", "加快"]
_OBJECTS = ["标准体系建设", "监管机制", "服务供给", "要素保障", "政策支持", "人才队伍建设", "信息平台建设",
            "考核评价机制", "示范项目建设", "基础设施建设", "协调联动机制", "风险防控体系"]
_FILLER = ("围绕重点领域和关键环节,统筹推进各项改革举措,强化部门协同和上下联动,形成工作合力,"
           "切实提高工作的针对性和实效性,推动各项政策措施落地见效")
_INDICATORS = [("制造业质量竞争力指数", "分"), ("规模以上企业主导产品采标率", "%"), ("城乡居民收入比", ""),
               ("研发经费支出占生产总值比重", "%"), ("设区城市空气质量优良天数比例", "%"),
               ("新增省级示范园区", "个"), ("培育领军企业", "家"), ("服务质量满意度", "分")]
#: National documents the policy documents implement, cited by title and number as real ones are
#: (一 in four documents cites one; the choice follows the document's number, not the random draws).
_NATIONAL = [("国务院关于印发质量发展纲要(2011—2020年)的通知", "国发〔2012〕9号"),
             ("国务院办公厅关于推进公共服务标准化的指导意见", "国办发〔2016〕27号"),
             ("国务院关于深化科技体制改革加快创新体系建设的意见", "国发〔2015〕30号")]
_CITIES = [("杭州市", ["建德市", "桐庐县", "淳安县"]), ("宁波市", ["慈溪市", "宁海县", "象山县"]),
           ("温州市", ["文成县", "永嘉县", "平阳县"]), ("嘉兴市", ["海盐县", "桐乡市", "嘉善县"]),
           ("丽水市", ["缙云县", "青田县", "龙泉市"])]
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志"


@dataclass
class SynthIssue:
    text: str
    truth: dict = field(default_factory=dict)


def _departments(year: int):
    """Organisations valid in ``year`` with a short form that resolves to them alone."""
    table = load_table()
    out = []
    for org in table.organisations:
        if org.kind not in ("provincial_department",) or not org.valid_in(year):
            continue
        for alias in org.aliases:
            if alias.startswith("省") and "(" not in alias and table.resolve(alias, year, "浙江省").organisation is org:
                out.append((alias, org.id))
                break
    return out


def _break_page(rng: random.Random, text: str) -> str:
    """Insert a PDF page break (a blank line) at a random point of a long paragraph."""
    if len(text) < 90 or rng.random() < 0.5:
        return text
    for _ in range(20):
        k = rng.randint(45, len(text) - 20)
        if text[k - 1] not in "。;:!?)”》" and text[k] not in "一二三四五六七八九十(-123456789" \
                and text[k - 1] not in "、,":
            return text[:k] + "\n\n" + text[k:]
    return text


def _responsibility(rng, style, departments, first):
    """A responsibility clause of ``style`` and its truth [(org id, role)]."""
    chosen = rng.sample(departments, rng.randint(1, 5))
    names = [c[0] for c in chosen]
    if style == "first-listed":
        rule = ",列第一位的为牵头单位,下同" if first else ""
        return f"(责任单位:{'、'.join(names)}{rule})", "", [(o, Role.LEAD.value if k == 0 else Role.PARTICIPANT.value)
                                                         for k, (_, o) in enumerate(chosen)]
    leads = chosen[:rng.randint(1, min(2, len(chosen)))]
    rest = chosen[len(leads):]
    lead = Role.CO_LEAD if len(leads) > 1 else Role.LEAD  # several leads of one task are co-leads
    truth = [(o, lead.value) for _, o in leads] + [(o, Role.PARTICIPANT.value) for _, o in rest]
    if style == "labels":
        text = f"(牵头单位:{'、'.join(n for n, _ in leads)}" + (f";配合单位:{'、'.join(n for n, _ in rest)})" if rest else ")")
        return text, "", truth
    if style == "lines":
        lines = f"牵头单位:{'、'.join(n for n, _ in leads)}" + (f"\n配合单位:{'、'.join(n for n, _ in rest)}" if rest else "")
        return "", lines, truth
    text = f"({'、'.join(n for n, _ in leads)}牵头" + (f",{'、'.join(n for n, _ in rest)}配合)" if rest else ")")
    return text, "", truth


def _target(rng, year):
    indicator, unit = rng.choice(_INDICATORS)
    value = rng.randint(2, 95) if unit != "" else round(rng.uniform(1.2, 2.5), 2)
    kind = rng.choice(["=", "≥", "≤", "≈"])
    phrase = {"=": f"达到{value}{unit}", "≥": f"达到{value}{unit}以上", "≤": f"控制在{value}{unit}以内",
              "≈": f"达到{value}{unit}左右"}[kind]
    return (f"到{year}年,{indicator}{phrase}。",
            {"indicator": indicator, "value": float(value), "unit": unit, "comparator": kind, "year": year})


def _plan_document(rng, year, number, departments):
    topic = rng.choice(_TOPICS)
    title = f"浙江省人民政府办公厅关于进一步加强{topic}工作的实施意见"
    style = rng.choice(["first-listed", "labels", "lines", "verbs"])
    target_year = year + rng.randint(1, 3)
    cites = _NATIONAL[number // 12 % len(_NATIONAL)] if number // 3 % 4 == 0 else None
    grounds = f"《{cites[0]}》({cites[1]})精神和" if cites else ""
    lines = [title, f"浙政办发〔{year}〕{number}号", "各市、县(市、区)人民政府,省政府直属各单位:",
             f"为深入贯彻落实{grounds}省委、省政府决策部署,推动{topic}工作高质量发展,经省政府同意,现提出如下意见。"]
    tasks, targets = [], []
    for part in range(1, rng.randint(2, 3) + 1):
        lines.append(f"{'一二三'[part - 1]}、{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}")
        for item in range(1, rng.randint(2, 4) + 1):
            task_id = f"{part}.{item}"
            body = f"{item}. {rng.choice(_VERBS)}{rng.choice(_OBJECTS)}。{_FILLER}。"
            if rng.random() < 0.5:
                sentence, truth = _target(rng, target_year)
                body += sentence
                targets.append(dict(truth, task=task_id))
            clause, separate, resp = _responsibility(rng, style, departments, not tasks)
            lines.append(_break_page(rng, body + clause))
            if separate:
                lines[-1] += "\n" + separate
            tasks.append({"id": task_id, "responsibilities": resp})
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    lines += ["浙江省人民政府办公厅", f"{year}年{month}月{day}日"]
    doc = {"number": f"浙政办发〔{year}〕{number}号", "title": title, "date": f"{year:04d}-{month:02d}-{day:02d}",
           "tasks": tasks, "targets": targets, "honorees": None, "citations": [cites[1]] if cites else []}
    return lines, doc


def _commendation(rng, year, number):
    title = f"浙江省人民政府办公厅关于{year - 1}年度{rng.choice(_TOPICS)}工作先进单位和个人的通报"
    cities = rng.sample(_CITIES, 3)
    counties = [(c, k) for c, ks in cities for k in rng.sample(ks, 2)]
    people = [(rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, rng.choice([1, 2]))), c) for c, _ in cities
              for _ in range(2)]
    person_lines = []
    for name, city in people:
        shown = f"{name[0]} {name[1]}" if len(name) == 2 else name
        person_lines.append(f"{shown} {city}人民政府办公室综合处处长")
    groups = ",".join("、".join(k for c2, k in counties if c2 == c) for c, _ in cities)
    lines = [title, f"浙政办发〔{year}〕{number}号", "各市、县(市、区)人民政府,省政府直属各单位:",
             f"经省政府同意,决定对{len(cities) + len(counties)}个先进单位和{len(people)}名先进个人予以通报表彰。",
             "浙江省人民政府办公厅", f"{year}年6月1日", "附件", f"{year - 1}年度先进单位和个人名单",
             f"一、先进单位({len(cities) + len(counties)} 个)",
             f"(一)先进市({len(cities)} 个):{'、'.join(c for c, _ in cities)}。",
             f"(二)先进县(市、区)({len(counties)}个):{groups}。",
             f"二、先进个人({len(people)}名)", *person_lines]
    truth = {"number": f"浙政办发〔{year}〕{number}号", "title": title, "date": f"{year:04d}-06-01", "tasks": [],
             "targets": [], "citations": [], "honorees": {"units": [c for c, _ in cities] + [k for _, k in counties],
                                         "persons": [n for n, _ in people],
                                         "parents": {k: c for c, k in counties}}}
    return lines, truth


def generate_issue(seed: int, year: int, number: int, documents: int | None = None) -> SynthIssue:
    """One issue: ``documents`` policy documents (default two or three) and a commendation."""
    rng = random.Random(seed)
    departments = _departments(year)
    docs, blocks = [], []
    # Document numbers are unique in a year, as real ones are: each issue has its own block of 100.
    base = (number - 1) * 100 + 1
    for k in range(documents or rng.randint(2, 3)):
        lines, doc = _plan_document(rng, year, base + 3 * k, departments)
        blocks.append(lines)
        docs.append(doc)
    lines, doc = _commendation(rng, year, base + 99)
    blocks.append(lines)
    docs.append(doc)
    toc, page = ["目 录", "【省政府办公厅文件】"], 3
    for d in docs:
        toc.append(f"- {d['title']}\n({d['number'].replace('〕', '〕 ').replace('号', ' 号')}) ({page})")
        page += rng.randint(2, 9)
    header = ["浙江省人民政府公报", str(year), f"第{number}期 (总第{1000 + year * 30 + number}期)", *toc]
    colophon = ["浙江省人民政府公报", f"{year} 年第 {number} 期(总第 {1000 + year * 30 + number} 期)",
                f"{rng.randint(1, 12)} 月 {rng.randint(1, 28)} 日出版"]
    text = "\n\n".join(header) + "\n\n" + "\n\n".join("\n\n".join(b) for b in blocks) + "\n\n" + \
        "\n\n".join(colophon) + "\n"
    return SynthIssue(text, {"year": year, "number": number, "documents": docs})


def write_corpus(folder, issues: int, years=(2017,), seed: int = 0, documents: int | None = None) -> Path:
    """Write ``issues`` issues per year into ``folder`` and ``truth.json`` beside them.

    ``documents`` policy documents per issue (default two or three); about 24
    make issues the size of a real one (~75 KB).
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    truth = {}
    for year in years:
        for n in range(1, issues + 1):
            issue = generate_issue(seed * 1_000_003 + year * 10_007 + n, year, n, documents)
            name = f"{year}-{n:04d}.txt"
            (folder / name).write_text(issue.text, encoding="utf-8")
            truth[name] = issue.truth
    path = folder / "truth.json"
    path.write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def differences(issue, truth: dict) -> list[str]:
    """What the extracted ``issue`` gets wrong against its truth (empty when all is right)."""
    out = []
    docs = {d.number: d for d in issue.documents}
    for expected in truth["documents"]:
        doc = docs.get(expected["number"])
        if doc is None:
            out.append(f"{expected['number']}: not found")
            continue
        where = expected["number"]
        if doc.title != expected["title"]:
            out.append(f"{where}: title {doc.title!r}")
        if doc.date != expected["date"]:
            out.append(f"{where}: date {doc.date}")
        got_tasks = [{"id": t.id, "responsibilities": [(r.org.organisation, r.role) for r in t.responsibilities]}
                     for t in doc.tasks]
        want_tasks = [{"id": t["id"], "responsibilities": [tuple(r) for r in t["responsibilities"]]}
                      for t in expected["tasks"]]
        if got_tasks != want_tasks:
            out.append(f"{where}: tasks differ")
        got_targets = sorted((t.indicator, t.value, t.unit, t.comparator, t.year, t.task) for t in doc.targets)
        want_targets = sorted((t["indicator"], t["value"], t["unit"], t["comparator"], t["year"], t["task"])
                              for t in expected["targets"])
        if got_targets != want_targets:
            out.append(f"{where}: targets differ")
        if [str(c.number) for c in doc.citations] != expected["citations"]:
            out.append(f"{where}: citations {[str(c.number) for c in doc.citations]}")
        if expected["honorees"]:
            h = expected["honorees"]
            units = [x.name for x in doc.honorees if x.kind == "unit"]
            persons = [x.name for x in doc.honorees if x.kind == "person"]
            parents = {x.name: x.parent_place for x in doc.honorees if x.name in h["parents"]}
            if units != h["units"] or persons != h["persons"] or parents != h["parents"]:
                out.append(f"{where}: honorees differ")
    return out
