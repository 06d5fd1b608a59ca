"""Language guesser: ISO 639-1 codes from writing system and stopword profiles."""
from __future__ import annotations

import pytest

from tidings.extract.language import guess_language


@pytest.mark.parametrize("text,lang", [
    ("Turkey and Russia have pledged to go further on military cooperation despite US sanctions, "
     "in a move that risks destabilising Nato.", "en"),
    ("Die Bundesregierung hat am Dienstag über die Maßnahmen für Flüchtlinge entschieden, und es wird "
     "noch mehr geben.", "de"),
    ("Le président a déclaré que la coopération économique était très importante pour les élèves de la ville.",
     "fr"),
    ("El presidente señaló que la situación en el país está mejorando para los ciudadanos de la región.", "es"),
    ("Il governo ha detto che la situazione è difficile per le famiglie e per le imprese della regione.", "it"),
    ("O governo disse que a situação não é fácil para as famílias e que o presidente vai falar com os ministros.",
     "pt"),
    ("De regering heeft gezegd dat de situatie voor de gezinnen niet eenvoudig is en dat er meer hulp komt.", "nl"),
    ("Türkiye ve Rusya bu anlaşma için daha çok çalışacak ve bir gün olarak kabul edildi.", "tr"),
    ("Министр иностранных дел России Сергей Лавров встретился с турецким коллегой.", "ru"),
    ("Міністр закордонних справ України зустрівся з колегою у Києві.", "uk"),
    ("وزير الخارجية التركي يلتقي نظيره الروسي في سوتشي", "ar"),
    ("東京都の知事は記者会見で新しい政策を発表した", "ja"),
    ("中华人民共和国外交部发言人在记者会上表示", "zh"),
    ("대한민국 외교부 장관은 기자회견에서 말했다", "ko"),
    ("Ο υπουργός Εξωτερικών της Ελλάδας συναντήθηκε με τον Τούρκο ομόλογό του.", "el"),
])
def test_languages(text: str, lang: str):
    assert guess_language(text) == lang


@pytest.mark.parametrize("text", ["", "12 34 56", "Home | News | Sport", "OK"])
def test_too_little_evidence(text: str):
    assert guess_language(text) is None
