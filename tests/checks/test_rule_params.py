"""Rule parameters: declared once beside each rule (name, type, default, bounds), read by the engine through the
declaration, validated with it (the admin uses the same ``parse``)."""

import pytest

from editorial.checks import FAMILIES, CheckConfig, Param, all_rules, check_draft
from editorial.checks.repetition.phrases import _threshold

TITLE = "انطلاق أعمال المنتدى الاقتصادي في عمّان"
PARTLY = "انطلاق أعمال المنتدى الاقتصادي الصيني في عمّان"  # one title word the body does not have
BODY = ("انطلقت اليوم في عمّان أعمال المنتدى الاقتصادي بمشاركة وزراء ورجال أعمال من عشر دول عربية. "
        "وناقش المشاركون فرص الاستثمار في الطاقة المتجددة والنقل. وقال رئيس المنتدى إن الدورة المقبلة ستعقد في "
        "القاهرة.")


def test_every_family_is_listed_once_and_every_rule_id_belongs_to_its_family():
    names = [m.__name__.rsplit(".", 1)[-1] for m in FAMILIES]
    assert names == ["placeholder", "repetition", "consistency"]
    for module, name in zip(FAMILIES, names, strict=True):
        assert all(r.family == name for r in module.RULES)


def test_every_declared_parameter_has_a_valid_default_and_a_description():
    declared = [(r, p) for r in all_rules().values() for p in r.params]
    assert {(r.id, p.name) for r, p in declared} >= {
        ("repetition.repeated_term", "min_count"), ("repetition.repeated_term", "per_words"),
        ("consistency.topic_absent", "absent_below"), ("consistency.topic_weak", "weak_below"),
        ("repetition.near_duplicate_sentence", "min_similarity")}
    for rule, p in declared:
        assert p.type in (int, float) and p.description
        assert p.parse(p.default) == p.default and p.minimum <= p.default <= p.maximum
        assert rule.param(CheckConfig(), p.name) == p.default


def test_parse_refuses_text_booleans_fractions_of_whole_numbers_and_values_out_of_bounds():
    p = Param("min_count", int, 5, 2, 50)
    assert p.parse(7) == 7 and p.parse(7.0) == 7 and isinstance(p.parse(7.0), int)
    for bad in ("7", True, 7.5, 1, 51, None, [7], float("inf"), float("nan")):
        with pytest.raises(ValueError):
            p.parse(bad)
    rule = all_rules()["repetition.repeated_term"]
    assert rule.parse_params({"min_count": 4}) == {"min_count": 4}
    with pytest.raises(ValueError, match="no parameter"):
        rule.parse_params({"min_cuont": 4})
    with pytest.raises(ValueError):
        rule.parse_params([4])


def test_an_invalid_configured_value_falls_back_to_the_default_and_the_engine_does_not_raise():
    broken = CheckConfig(params={"repetition.repeated_term": {"min_count": "many", "per_words": -3}})
    assert _threshold(broken, 600) == 5
    report = check_draft(TITLE, BODY, broken)
    assert report.errors == []


def test_the_topic_thresholds_are_read_from_the_declaration():
    def rules(config=None):
        return {f.rule for f in check_draft(PARTLY, BODY, config).findings if f.rule.startswith("consistency.topic")}

    assert rules() == set()
    assert rules(CheckConfig(params={"consistency.topic_weak": {"weak_below": 0.95}})) == {"consistency.topic_weak"}
    assert rules(CheckConfig(params={"consistency.topic_absent": {"absent_below": 0.95}})) == {
        "consistency.topic_absent"}
