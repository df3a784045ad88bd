"""De-identification, issue 20 round 28: an Indonesian hospital after "RS"/"RSUD", a practice by
its ending, a care home "X House", two surnames after "seen/born ... at", two institutions
around a dash, "Case" and a code; a corrected age; a town after "lab / clinic ... in", a town in
"moved from X to", a Japanese town before に住んで, an Amharic town after የምንኖረው; names after
kin words in Hebrew, Urdu and Amharic, a name corrected by "(autocorrect)" or "... sorry".
Kept: "we live in" words in Indonesian, Swahili and Portuguese, a Romanian kin word, a mail
header, the Arabic word عمره. Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Ayah saya dirawat di RSUD Tjitrowardojo karena penyakit Wilson.", "RSUD Tjitrowardojo"),
        ("Anak saya berobat di RS Pirngadi untuk talasemia.", "RS Pirngadi"),
        ("We are seen at Riverside Pediatric Associates for her Turner syndrome.",
         "Riverside Pediatric Associates"),
        ("The residents of our nursing home, Larchmere House, include a man with Pick disease.",
         "Larchmere House"),
        ("He was diagnosed with Angelman syndrome at Vandermolen Okonkwo. Any advice?",
         "Vandermolen Okonkwo"),
        ("Which ward at [x] Trellis Health – Northgate Medical Center treats Fabry disease?",
         "Trellis Health – Northgate Medical Center"),
        ("Case KLM-004512: an adult with Fabry disease needs a home nurse.", "KLM-004512"),
        ("Sorry, my daughter is actually 7, not 8. She has Noonan syndrome.", "7"),
        ("Is there a clinic in Wollongong that sees Ehlers-Danlos patients?", "Wollongong"),
        ("We moved from Tamale to Leeds and need a sickle cell team.", "Tamale"),
        ("息子は筋ジストロフィーで、泉に住んでいます。", "泉"),
        ("ልጄ ሄሞፊሊያ አለበት። የምንኖረው በባህር ዳር ነው።", "ባህር ዳር"),
        ("בתי מיכל אובחנה עם תסמונת רט.", "מיכל"),
        ("میرے بھائی عمران کو تھیلیسیمیا ہے۔", "عمران"),
        ("እህቴ ሰላማዊት ሄሞፊሊያ አለባት።", "ሰላማዊት"),
        ("my nephew jaxon... i mean kaylen (autocorrect) has Alport syndrome", "kaylen"),
        ("Mi hermana, Remedios... perdón, mi hermana tiene lupus.", "Remedios"),
    ],
)
def test_round28_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Ibu saya sakit Huntington. Kami di Bandung sekarang.", "Kami di"),
        ("Mtoto wangu ana seli mundu. Tunaishi Dodoma.", "Tunaishi"),
        ("O meu pai tem ELA. Somos de Braga.", "Somos de"),
        ("Fratele meu Andrei are fibroză chistică.", "Fratele"),
        ("To: Paediatric Surgery, St Mungo Hospital\nQuery: Hirschsprung disease.", "To:"),
        ("ابنتي عمرها خمس سنوات ولديها متلازمة ريت.", "عمرها"),
        ("Are there trials in Duchenne muscular dystrophy for teenagers?", "Duchenne"),
        ("私たちは一緒に住んでいます。", "一緒"),
        ("We moved from paediatrics to adult care last year with cystic fibrosis.", "paediatrics"),
        ("The tumour is actually 5 mm, not 8 mm. Is that small?", "5 mm"),
        ("Case 3 in the paper had Alport syndrome.", "Case 3"),
        ("My dad, diagnosed with Kennedy disease, was seen at Internal Medicine.",
         "Internal Medicine"),
        *KEPT_BY_EVERY_ROUND,
    ],
)
def test_round28_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
