"""The seed issue comes out exactly: header, TOC, four documents."""


def test_issue_header(seed_issue):
    assert (seed_issue.gazette, seed_issue.year, seed_issue.number, seed_issue.cumulative_number) == (
        "浙江省人民政府公报", 2017, 24, 1173)
    assert seed_issue.published == "2017-09-04"
    assert seed_issue.serial == "CN33-1354/D"
    assert seed_issue.province == "浙江省"


def test_four_documents_with_numbers_dates_and_toc_pages(seed_issue):
    got = [(d.number, d.date, d.toc_page) for d in seed_issue.documents]
    assert got == [
        ("浙政办发〔2017〕72号", "2017-07-07", 3),
        ("浙政办发〔2017〕76号", "2017-07-20", 24),
        ("浙政办发〔2017〕81号", "2017-07-30", 27),
        ("浙政办发〔2017〕87号", "2017-08-11", 32),
    ]
    assert [e.page for e in seed_issue.toc] == [3, 24, 27, 32]
    assert not [n for n in seed_issue.notices if n.code.startswith("toc")]


def test_titles(docs):
    assert docs["浙政办发〔2017〕72号"].title == \
        "浙江省人民政府办公厅关于印发浙江省质量提升三年行动计划(2017—2019年)的通知"
    assert docs["浙政办发〔2017〕76号"].title == \
        "浙江省人民政府办公厅 浙江省军区办公室关于2016年征兵工作先进单位和个人的通报"
    assert docs["浙政办发〔2017〕81号"].title == "浙江省人民政府办公厅关于石化产业调结构促转型增效益的实施意见"
    assert docs["浙政办发〔2017〕87号"].title == "浙江省人民政府办公厅关于新形势下进一步支持工会工作的意见"
    assert [d.kind for d in docs.values()] == ["通知", "通报", "意见", "意见"]


def test_issuers_joint_and_single(docs):
    assert [(m.mention, m.organisation) for m in docs["浙政办发〔2017〕76号"].issuers] == [
        ("浙江省人民政府办公厅", "zj-general-office"),
        ("浙江省军区办公室", "zj-military-district-office"),
    ]
    for number in ("浙政办发〔2017〕72号", "浙政办发〔2017〕81号", "浙政办发〔2017〕87号"):
        assert [m.organisation for m in docs[number].issuers] == ["zj-general-office"]


def test_addressees(docs):
    assert docs["浙政办发〔2017〕72号"].addressees == ["各市、县(市、区)人民政府", "省政府直属各单位"]
    assert docs["浙政办发〔2017〕76号"].addressees == [
        "各市、县(市、区)人民政府", "各军分区(警备区)、县(市、区)人武部", "省政府直属各单位"]


def test_enclosed_document_and_annexes(docs):
    d72 = docs["浙政办发〔2017〕72号"]
    assert d72.enclosed_title == "浙江省质量提升三年行动计划(2017—2019年)"
    assert d72.annexes == ["八大万亿产业质量提升工程目录", "十大传统产业质量提升工程目录", "服务业质量提升工程目录",
                           "建筑业质量提升工程目录", "生态环境质量提升工程目录", "公共服务质量提升工程目录"]
    assert docs["浙政办发〔2017〕76号"].annexes == ["2016年征兵工作先进单位和个人名单"]


def test_section_tree(docs):
    d72 = docs["浙政办发〔2017〕72号"]
    top = [(s.path, s.title) for s in d72.sections if s.parent is None]
    assert top == [("1", "总体要求"), ("2", "主要任务"), ("3", "重点实施工程"), ("4", "保障措施"),
                   ("annex1", "八大万亿产业质量提升工程目录"), ("annex2", "十大传统产业质量提升工程目录"),
                   ("annex3", "服务业质量提升工程目录"), ("annex4", "建筑业质量提升工程目录"),
                   ("annex5", "生态环境质量提升工程目录"), ("annex6", "公共服务质量提升工程目录")]
    by_path = {s.path: s for s in d72.sections}
    assert by_path["2.1"].title == "加强标准供给" and by_path["2.1"].marker == "(一)"
    assert by_path["2.1.1"].parent == "2.1" and by_path["2.1.1"].title == "提升重点领域标准水平"
    # 87号 goes 一、 then 1. directly, numbering 1–13 across the four parts.
    d87 = docs["浙政办发〔2017〕87号"]
    assert [s.path for s in d87.sections if s.parent == "4"] == ["4.10", "4.11", "4.12", "4.13"]
    assert len(d87.sections) == 17 and len(docs["浙政办发〔2017〕81号"].sections) == 19


def test_citations(docs):
    numbered = {d: [c.number for c in docs[d].citations if c.number] for d in docs}
    assert numbered == {
        "浙政办发〔2017〕72号": ["国发〔2012〕9号", "浙政办发〔2016〕114号", "浙政发〔2015〕51号"],
        "浙政办发〔2017〕76号": [],
        "浙政办发〔2017〕81号": ["国办发〔2016〕57号", "浙政办发〔2017〕11号"],
        "浙政办发〔2017〕87号": [],
    }
    first = docs["浙政办发〔2017〕72号"].citations[0]
    assert first.title == "质量发展纲要(2011—2020年)"
    titled = [c.title for c in docs["浙政办发〔2017〕87号"].citations]
    assert "中共浙江省委关于加强和改进党的群团工作的实施意见" in titled
    assert "浙江省集体合同条例" in titled
    # A law still to be drafted (开展《浙江省质量促进条例》…前期调研) is not cited.
    assert all(c.title != "浙江省质量促进条例" for c in docs["浙政办发〔2017〕72号"].citations)
