"""French, Spanish, Russian and Arabic: citation forms, timed duties, themes and pillars from each language's
data (UN-style sentences modelled on operative paragraphs 36, 84 and 85 of the reference resolution)."""

from __future__ import annotations

import pytest

from gcts.annotate import annotate
from gcts.model import Annotations, Paragraph, Resolution

REPORT = {
    "fr": "Prie le Secrétaire général de lui présenter, à sa soixante-quatorzième session, au plus "
    "tard en février "
          "2020, un rapport sur les progrès accomplis dans la mise en œuvre de la Stratégie ;",
    "es": "Solicita al Secretario General que le presente en su septuagésimo cuarto período de "
    "sesiones, a más "
          "tardar en febrero de 2020, un informe sobre los progresos realizados en la aplicación de "
          "la Estrategia;",
    "ru": "просит Генерального секретаря представить Генеральной Ассамблее на ее семьдесят "
    "четвертой сессии, не "
          "позднее февраля 2020 года, доклад о ходе осуществления Стратегии;",
    "ar": "تطلب إلى الأمين العام أن يقدم إلى الجمعية العامة في دورتها الرابعة والسبعين، في موعد أقصاه "
          "شباط/فبراير 2020، تقريرا عن التقدم المحرز في تنفيذ الاستراتيجية؛",
}

CITES = {
    "fr": ("Rappelle les résolutions 2178 (2014) et 2396 (2017) du Conseil de sécurité sur les combattants "
           "terroristes étrangers, ainsi que ses résolutions 47/19 du 24 novembre 1992 et 53/243 A "
           "et B, et la "
           "résolution 33/11 du Conseil des droits de l’homme ;"),
    "es": ("Recuerda las resoluciones del Consejo de Seguridad 2178 (2014) y 2396 (2017) relativas a los "
           "combatientes terroristas extranjeros, así como sus resoluciones 47/19, de 24 de "
           "noviembre de 1992, y "
           "53/243 A y B, y la resolución 33/11 del Consejo de Derechos Humanos;"),
    "ru": ("ссылается на резолюции Совета Безопасности 2178 (2014) и 2396 (2017) об иностранных "
           "боевиках-террористах, а также на свои резолюции 47/19 от 24 ноября 1992 года и 53/243 A и B и "
           "резолюцию 33/11 Совета по правам человека;"),
    "ar": ("تشير إلى قراري مجلس الأمن 2178 (2014) و 2396 (2017) بشأن المقاتلين الإرهابيين الأجانب، وإلى "
           "قراريها 47/19 المؤرخ 24 تشرين الثاني/نوفمبر 1992 و 53/243 ألف وباء، وإلى قرار مجلس حقوق الإنسان "
           "33/11؛"),
}

WANT = ["S/RES/2178 (2014)", "S/RES/2396 (2017)", "A/RES/47/19", "A/RES/53/243 A", "A/RES/53/243 B",
        "A/HRC/RES/33/11"]


def _operative(lang: str, *texts: str) -> list[Annotations]:
    # enough mentions of terrorism for the document to be in the scope of the Strategy's pillars
    res = Resolution(language=lang, operative=[Paragraph(part="operative", index=i, number=i, text=t)
                                               for i, t in enumerate(texts, start=1)])
    annotate(res)
    assert not [q for q in res.quality if q.code in ("no-opening", "unknown-symbol", "bad-date")]
    return [p.annotations for p in res.operative]


@pytest.mark.parametrize("lang", sorted(REPORT))
def test_report_request_with_session_and_deadline(lang: str) -> None:
    (a,) = _operative(lang, REPORT[lang])
    assert a.function == "request"
    assert [(m.actor, m.deadline, m.session, m.recurrence) for m in a.mandates] == [
        ("secretary_general", "2020-02", 74, None)]
    assert a.mandates[0].session_dates is not None


@pytest.mark.parametrize("lang", sorted(CITES))
def test_citation_forms(lang: str) -> None:
    (a,) = _operative(lang, CITES[lang])
    assert a.function == "recall"
    assert [r.symbol for r in a.references if r.kind != "instrument"] == WANT
    assert "ftf" in {t.value for t in a.themes}


@pytest.mark.parametrize("lang", sorted(CITES))
def test_pillars_in_a_counter_terrorism_text(lang: str) -> None:
    annotations = _operative(lang, *([CITES[lang]] * 5), REPORT[lang])
    assert "II" in {p.value for p in annotations[0].pillars}  # foreign terrorist fighters: pillar II
    assert all(a.pillars for a in annotations)
