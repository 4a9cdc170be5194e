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
