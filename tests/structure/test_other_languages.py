"""French, Spanish, Russian and Arabic: heading, preamble/operative split and numbered paragraphs.

The texts are short resolutions written for these tests in the UN style of each language (no real document
of ours is in these languages), cut by a page break with furniture and a footnote, as PDF extraction does.
"""

from __future__ import annotations

import pytest

from gcts.reading.language import detect
from gcts.structure import parse_text

FR = """Nations Unies                                              A/RES/99/1
Assemblée générale                           Distr. : générale
                                             3 novembre 2044

Quatre-vingt-dix-neuvième session
Point 12 de l’ordre du jour

Résolution adoptée par l’Assemblée générale le 1er novembre 2044

99/1. Coopération internationale contre le terrorisme

L’Assemblée générale,

Réaffirmant sa résolution 60/288 du 8 septembre 2006, par laquelle elle a adopté la
Stratégie antiterroriste mondiale des Nations Unies,
Consciente de la nécessité de renforcer la coopération entre les États Membres et
les organisations régionales,
1. Engage les États Membres à échanger des informations sur les
_________________
1 Voir A/99/10.
44-00001 (F)
2/2                                                              44-00001
menaces terroristes ;
2. Prie le Secrétaire général de lui présenter un rapport à sa centième session.

3e séance plénière
1er novembre 2044
"""

ES = """Naciones Unidas                                            A/RES/99/2
Asamblea General                                Distr. general
                                                3 de noviembre de 2044

Nonagésimo noveno período de sesiones
Tema 12 del programa

Resolución aprobada por la Asamblea General el 1 de noviembre de 2044

99/2. Cooperación internacional contra el terrorismo

La Asamblea General,

Reafirmando su resolución 60/288, de 8 de septiembre de 2006, por la que aprobó la
Estrategia Global de las Naciones Unidas contra el Terrorismo,
Consciente de la necesidad de reforzar la cooperación entre los Estados Miembros y
las organizaciones regionales,
1. Exhorta a los Estados Miembros a que intercambien información sobre las
44-00002 (S)
amenazas terroristas;
2. Solicita al Secretario General que le presente un informe en su centésimo período de sesiones.

3ª sesión plenaria
1 de noviembre de 2044
"""

RU = """Организация Объединенных Наций                             A/RES/99/3
Генеральная Ассамблея                           Distr.: General
                                                3 November 2044

Семьдесят третья сессия
Пункт 12 повестки дня

Резолюция, принятая Генеральной Ассамблеей 1 ноября 2044 года

99/3. Международное сотрудничество в борьбе с терроризмом

Генеральная Ассамблея,

подтверждая свою резолюцию 60/288 от 8 сентября 2006 года, в которой она приняла
Глобальную контртеррористическую стратегию Организации Объединенных Наций,
сознавая необходимость укрепления сотрудничества между государствами-членами и
региональными организациями,
1. призывает государства-члены обмениваться информацией о
44-00003 (R)
террористических угрозах;
2. просит Генерального секретаря представить ей доклад на ее сотой сессии.

3-е пленарное заседание
1 ноября 2044 года
"""

AR = """الأمم المتحدة                                              A/RES/99/4
الجمعية العامة                                   Distr.: General
                                                 3 November 2044

الدورة الثالثة والسبعون
البند 12 من جدول الأعمال

قرار اتخذته الجمعية العامة في 1 نوفمبر 2044

99/4. التعاون الدولي في مكافحة الإرهاب

إن الجمعية العامة،

إذ تؤكد من جديد قرارها 60/288 المؤرخ 8 أيلول/سبتمبر 2006 الذي اعتمدت فيه
استراتيجية الأمم المتحدة العالمية لمكافحة الإرهاب،
وإذ تدرك ضرورة تعزيز التعاون بين الدول الأعضاء والمنظمات
الإقليمية،
1 - تهيب بالدول الأعضاء أن تتبادل المعلومات عن
44-00004 (A)
التهديدات الإرهابية؛
2 - تطلب إلى الأمين العام أن يقدم إليها تقريرا في دورتها المائة.

الجلسة العامة 3
1 نوفمبر 2044
"""


@pytest.mark.parametrize(
    ("text", "lang", "symbol", "agenda", "body"),
    [
        (FR, "fr", "A/RES/99/1", "12", "L’Assemblée générale"),
        (ES, "es", "A/RES/99/2", "12", "La Asamblea General"),
        (RU, "ru", "A/RES/99/3", "12", "Генеральная Ассамблея"),
        (AR, "ar", "A/RES/99/4", "12", "إن الجمعية العامة"),
    ],
)
def test_heading_split_and_numbers(text: str, lang: str, symbol: str, agenda: str, body: str) -> None:
    assert detect(text) == lang
    res = parse_text(text, language=lang)
    h = res.heading
    assert (h.symbol, h.agenda_item, h.body, h.kind) == (symbol, agenda, body, "resolution")
    assert h.resolution_number == symbol.removeprefix("A/RES/")
    assert len(res.preamble) == 2
    assert [p.number for p in res.operative] == [1, 2]
    # the first operative paragraph continues across the page break, without the furniture
    assert "44-0000" not in res.operative[0].text
    assert (
        res.operative[0].text.rstrip().endswith(("terroristes ;", "terroristas;", "угрозах;", "الإرهابية؛"))
    )
    assert h.meeting is not None


def test_french_and_spanish_session_words() -> None:
    assert parse_text(ES, language="es").heading.session == 99
    assert parse_text(FR, language="fr").heading.session == 99
    assert parse_text(RU, language="ru").heading.session == 73
    assert parse_text(AR, language="ar").heading.session == 73
