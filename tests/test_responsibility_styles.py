"""Every responsibility style real documents use, on small documents of our own."""

from kg.parse.extract import extract_text

HEAD = "浙江省人民政府办公厅关于做好某项工作的通知\n\n浙政办发〔2019〕5号\n\n各市、县(市、区)人民政府:\n\n"


def roles(body, head=HEAD):
    issue = extract_text(head + body, "t.txt")
    return {t.id: [(r.org.mention, r.org.organisation, r.role) for r in t.responsibilities]
            for t in issue.documents[0].tasks}, issue


def test_separate_lead_and_partner_lines():
    got, _ = roles("一、重点任务\n\n1. 推进改革。\n牵头单位:省发改委、省经信厅\n配合单位:省财政厅\n\n"
                   "2. 加强监管。\n牵头单位:省市场监管局\n责任单位:省商务厅\n")
    assert got["1.1"] == [("省发改委", "zj-drc", "co_lead"), ("省经信厅", "zj-economy-it", "co_lead"),
                          ("省财政厅", "zj-finance", "participant")]
    assert got["1.2"] == [("省市场监管局", "zj-market-regulation", "lead"),
                          ("省商务厅", "zj-commerce", "participant")]


def test_labels_in_one_parenthesis_ascii_punctuation():
    got, _ = roles("1. 推进改革。(牵头单位: 省发改委; 责任单位: 省经信厅、省财政厅)\n\n"
                   "2. 加强监管。(牵头单位:省市场监管局,配合单位:省商务厅)\n")
    assert [r[2] for r in got["1"]] == ["lead", "participant", "participant"]
    assert got["2"] == [("省市场监管局", "zj-market-regulation", "lead"), ("省商务厅", "zj-commerce", "participant")]


def test_inline_lead_verb_and_nested_parentheses():
    got, _ = roles("1. 推进能源改革。(省发改委(省能源局)、省经信厅牵头,省财政厅、省自然资源厅配合)\n\n"
                   "2. 推进数字化。(省大数据局牵头,省经信厅)\n")
    assert got["1"] == [("省发改委(省能源局)", "zj-energy", "co_lead"), ("省经信厅", "zj-economy-it", "co_lead"),
                        ("省财政厅", "zj-finance", "participant"),
                        ("省自然资源厅", "zj-natural-resources", "participant")]
    assert got["2"] == [("省大数据局", "zj-big-data", "lead"), ("省经信厅", "zj-economy-it", "participant")]


def test_overall_lead_on_a_section_heading():
    got, _ = roles("一、加强标准供给(省市场监管局总牵头)\n\n1. 提升标准。(责任单位:省经信厅、省商务厅)\n\n"
                   "2. 优化配置。(责任单位:省发改委)\n")
    assert got["1.1"][-1] == ("省市场监管局", "zj-market-regulation", "overall_lead")
    assert got["1.2"] == [("省发改委", "zj-drc", "responsible"),
                          ("省市场监管局", "zj-market-regulation", "overall_lead")]
    assert "1" not in got


def test_without_a_rule_nobody_leads_and_with_one_only_that_list():
    got, _ = roles("1. 甲。(责任单位:省发改委、省财政厅)\n\n"
                   "2. 乙。(责任单位:省教育厅、省财政厅,列第一位的为牵头单位)\n\n"
                   "3. 丙。(责任单位:省民政厅、省财政厅)\n")
    assert [r[2] for r in got["1"]] == ["responsible", "responsible"]
    assert [r[2] for r in got["2"]] == ["lead", "participant"]
    assert [r[2] for r in got["3"]] == ["responsible", "responsible"]


def test_traditional_script_markers():
    got, _ = roles("1. 推進改革。(牽頭單位:省發改委;配合單位:省財政廳)\n")
    assert got["1"] == [("省发改委", "zj-drc", "lead"), ("省财政厅", "zj-finance", "participant")]


def test_unknown_department_is_kept_and_reported():
    got, issue = roles("1. 推进。(牵头单位:省新设局;配合单位:省财政厅)\n")
    assert got["1"][0] == ("省新设局", "unresolved:浙江省/省新设局", "lead")
    assert [(n.code, n.line) for n in issue.notices if n.code == "unresolved-organisation"] == [
        ("unresolved-organisation", 7)]


def test_other_province_does_not_borrow_zhejiang_departments():
    head = "江苏省人民政府办公厅关于做好某项工作的通知\n\n苏政办发〔2019〕5号\n\n各市、县(市、区)人民政府:\n\n"
    got, issue = roles("1. 推进。(牵头单位:省发展改革委;配合单位:省财政厅)\n", head)
    assert issue.province == "江苏省"
    assert [r[1] for r in got["1"]] == ["320000-development-reform", "320000-finance"]
    assert issue.documents[0].jurisdiction_reason == "issuer: 江苏省人民政府办公厅"


def test_year_picks_the_organisation_of_its_time():
    got, _ = roles("1. 推进。(牵头单位:省建设厅)\n",
                   "浙江省人民政府关于某事的通知\n\n浙政发〔2005〕5号\n\n各市人民政府:\n\n")
    assert got["1"][0][1] == "zj-construction"


def test_pasted_document_without_gazette_header_or_number():
    issue = extract_text("关于推进某项工作的实施意见\n\n一、主要任务\n\n"
                         "1. 推进。(牵头单位:省发改委;配合单位:省财政厅)\n", "web.txt")
    doc = issue.documents[0]
    assert doc.number is None and doc.title == "关于推进某项工作的实施意见"
    assert [r.role for r in doc.tasks[0].responsibilities] == ["lead", "participant"]
    # Nothing tells whose document it is: 省发改委 could be any province's, so it stays unresolved, and says why.
    assert doc.jurisdiction is None
    assert [(r.org.organisation, r.org.reason) for r in doc.tasks[0].responsibilities] == [
        ("unresolved:省发改委", "needs-jurisdiction"), ("unresolved:省财政厅", "needs-jurisdiction")]
    assert [n.code for n in issue.notices] == ["no-document-number", "jurisdiction-undecided", "no-issuer",
                                               "unresolved-organisation", "unresolved-organisation"]


def test_a_clause_inside_a_paragraph_is_reported_not_guessed():
    got, issue = roles("1. 推进改革(责任单位:省发改委)并加强监管。\n")
    assert got == {}
    [note] = [n for n in issue.notices if n.code == "responsibility-unread"]
    assert note.line == 7 and "省发改委" in note.message
