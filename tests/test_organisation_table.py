"""The department table is consistent and covers the seed."""

from kg.reference.organisations import load_table, mention_key


def test_ids_links_and_kinds():
    table = load_table()
    assert len(table) == 114
    kinds = {"provincial_government", "provincial_office", "provincial_department", "party_organ",
             "central_branch", "city_government", "collective", "military", "enterprise"}
    for org in table.organisations:
        assert org.kind in kinds, org.id
        assert org.name_en and org.name, org.id
        for succ in org.successors:
            assert org.id in table.get(succ).predecessors, (org.id, succ)
        for pred in org.predecessors:
            assert org.id in table.get(pred).successors, (pred, org.id)


def test_no_alias_is_ambiguous_in_any_year():
    table = load_table()
    for year in (2005, 2012, 2017, 2020, 2025):
        owners = {}
        for org in table.organisations:
            if not org.valid_in(year):
                continue
            for name in {org.name, *org.aliases}:
                owners.setdefault(mention_key(name), set()).add(org.id)
        clashes = {k: v for k, v in owners.items() if len(v) > 1}
        assert not clashes, (year, clashes)


def test_reform_successors():
    table = load_table()
    for old in ("zj-quality-supervision", "zj-industry-commerce", "zj-food-drug"):
        assert "zj-market-regulation" in table.successors_at(old, 2019)
    assert table.successors_at("zj-eitc", 2019) == ["zj-economy-it"]
    assert table.successors_at("zj-health-family-planning", 2019) == ["zj-health"]
    assert table.successors_at("zj-culture", 2025) == ["zj-culture-radio-tourism"]
