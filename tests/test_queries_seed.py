"""The five named queries return the seed's facts."""

import datetime


def test_documents(run):
    rows = run("documents")
    assert [r["doc_number"] for r in rows] == ["浙政办发〔2017〕72号", "浙政办发〔2017〕76号", "浙政办发〔2017〕81号",
                                               "浙政办发〔2017〕87号"]
    assert rows[1]["issuers"] == "浙江省人民政府办公厅、浙江省军区办公室"
    assert rows[0]["date"] == datetime.date(2017, 7, 7)  # a date, not its text


def test_tasks(run):
    rows = run("tasks")
    assert len({r["task"] for r in rows}) == 26
    assert rows[0] == {"doc_number": "浙政办发〔2017〕72号", "task": "2.1.1", "department": "浙江省质量技术监督局",
                       "mention": "省质监局", "role": "lead"}
    quality = [r["role"] for r in rows if r["department"] == "浙江省质量技术监督局"]
    assert (quality.count("lead"), len(quality)) == (16, 22)
    assert len({r["mention"] for r in rows}) == 40 and len({r["department"] for r in rows}) == 39


def test_honorees(run):
    rows = run("honorees")
    assert [sum(r["kind"] == k for r in rows) for k in ("unit", "person")] == [41, 56]
    zheng = next(r for r in rows if r["name"] == "郑盛")
    assert zheng == {"doc_number": "浙政办发〔2017〕76号", "kind": "person", "name": "郑盛",
                     "category_or_position": "临安市人力社保局党委书记、局长", "place": "临安市"}


def test_targets(run):
    rows = run("targets")
    assert rows[0] == {"doc_number": "浙政办发〔2017〕72号", "indicator": "制造业质量竞争力指数", "value": 91.0,
                       "unit": "分", "comparator": "=", "year": 2019}
    assert {"doc_number": "浙政办发〔2017〕81号", "indicator": "中水回用率", "value": 95.0, "unit": "%",
            "comparator": "≥", "year": 2020} in rows


def test_citations(run):
    rows = run("citations")
    numbered = [(r["doc_number"], r["cited_number"]) for r in rows if r["cited_number"]]
    assert numbered[:5] == [("浙政办发〔2017〕72号", "国发〔2012〕9号"), ("浙政办发〔2017〕72号", "浙政办发〔2016〕114号"),
                            ("浙政办发〔2017〕72号", "浙政发〔2015〕51号"), ("浙政办发〔2017〕81号", "国办发〔2016〕57号"),
                            ("浙政办发〔2017〕81号", "浙政办发〔2017〕11号")]
    # 81号 cites 《中国制造2025浙江行动纲要》 by title alone: the same node as 浙政发〔2015〕51号.
    assert ("浙政办发〔2017〕81号", "浙政发〔2015〕51号") in numbered
