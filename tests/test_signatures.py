"""The signature at a document's end: who signed it and when, on short invented texts."""

from kg.parse import extract_text


def test_a_misprinted_day_keeps_the_signature_and_says_so():
    issue = extract_text("某市人民政府关于做好春季造林工作的通知\n\n某政发〔2023〕3号\n\n各县(区)人民政府:\n\n"
                         "请做好春季造林工作。\n\n某市人民政府\n\n2023年2月29日\n")
    doc = issue.documents[0]
    assert doc.date is None
    assert [m.mention for m in doc.issuers] == ["某市人民政府"]
    assert [(n.code.value, n.line, n.message) for n in issue.notices if n.code.value == "date-not-on-calendar"] == [
        ("date-not-on-calendar", 11, "the date line 2023年2月29日 names a day the calendar does not have; "
                                     "the document is given no date from it")]


def test_a_leap_day_is_a_date():
    issue = extract_text("某市人民政府关于做好春季造林工作的通知\n\n某政发〔2024〕3号\n\n请做好春季造林工作。\n\n"
                         "某市人民政府\n\n2024年2月29日\n")
    assert issue.documents[0].date == "2024-02-29"
    assert not [n for n in issue.notices if n.code.value == "date-not-on-calendar"]


def test_a_sentence_cut_off_before_the_signature_is_not_an_issuer():
    """根据《 and the signature run into one paragraph when the text breaks off: the metadata names the issuer."""
    issue = extract_text("名称：关于不予延续某运输容器设计批准书的通知\n发布机关：国家核安全局\n文号：国核安发〔2022〕8号\n"
                         "====================\n某研究院：\n你院请示收悉。经研究，通知如下。\n根据《\n国家核安全局\n"
                         "2022年1月17日\n")
    doc = issue.documents[0]
    assert [m.mention for m in doc.issuers] == ["国家核安全局"]
    assert not [n for n in issue.notices if "根据" in n.message]
