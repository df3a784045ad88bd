"""De-identification, the institution sweep (issue 20): one case per shape of an
institution's name that the rounds' labelled sets had not shown (names before General,
Memorial or Regional; insurers; private labs; care homes; family funds; health systems with a
dash; faith and system prefixes; county agencies; head words of other languages; lower-case
names before a kind word), and what must stay (generic places of care, public schemes,
eponymous diseases, tests and scales, fields of study, patient organisations). Invented
names, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # a name before General / Memorial / Regional, no kind word after it
        ("Thistlemoor Memorial told us it was rare.", "Thistlemoor Memorial"),
        ("Brackenford Regional told us it was rare.", "Brackenford Regional"),
        ("Carrick Vale General told us it was rare.", "Carrick Vale General"),
        ("Our records are from Ollerby Memorial and Wenlowe Memorial.", "Wenlowe Memorial"),
        # insurers
        ("Our insurance is Cardinal Mutual and they denied it.", "Cardinal Mutual"),
        ("My plan through Harbor Life Assurance requires prior auth.", "Harbor Life Assurance"),
        ("Brightway Insurance denied the claim twice.", "Brightway Insurance"),
        ("Our insurer, Unity Shield, wants more notes.", "Unity Shield"),
        ("My plan through Sentra Care Plus requires prior auth.", "Sentra Care Plus"),
        ("Velden HealthCare won't cover the test.", "Velden HealthCare"),
        # private labs
        ("Corwen Diagnostics found a VUS.", "Corwen Diagnostics"),
        ("We paid Trellis Genomics for the exome.", "Trellis Genomics"),
        ("Valemont Labs found a VUS.", "Valemont Labs"),
        ("Penlow Laboratories found a VUS.", "Penlow Laboratories"),
        # care homes, practices
        ("She moved into Willowmere House in the spring.", "Willowmere House"),
        ("Greyfriars Lodge called about her meds.", "Greyfriars Lodge"),
        ("Ashgrove Manor called about her meds.", "Ashgrove Manor"),
        ("Westend Medical Group sent the bloods off.", "Westend Medical Group"),
        ("Harrow Family Partners sent the bloods off.", "Harrow Family Partners"),
        # family funds, a fund after "a grant from"
        ("Mellor Family Trust paid for the wheelchair.", "Mellor Family Trust"),
        ("We got a grant from Brindle Children's Fund.", "Brindle Children's Fund"),
        # health systems with a dash
        ("Her cardiologist is with Bellhaven – University Medical Center.", "Bellhaven"),
        ("We moved our care to Corran - University Hospital.", "Corran"),
        ("We got the referral through Pennick Health – Eastfield.", "Eastfield"),
        # faith and system prefixes, royal eponyms
        ("Sacred Heart Wexley diagnosed her in the spring.", "Sacred Heart Wexley"),
        ("We go to Good Samaritan Dellwood for his infusions.", "Good Samaritan Dellwood"),
        ("We go to Atrium Breckley for his infusions.", "Atrium Breckley"),
        ("Adventist Renfield diagnosed her in the spring.", "Adventist Renfield"),
        ("Methodist Hollins diagnosed her in the spring.", "Methodist Hollins"),
        ("St. Brannoc diagnosed her in the spring.", "St. Brannoc"),
        ("They transferred him to King Edric's by ambulance.", "King Edric's"),
        ("People from Masjid Al-Noor Tellford bring meals.", "Masjid Al-Noor Tellford"),
        ("The imam at Sri Ganesha Temple of Marrow visited.", "Sri Ganesha Temple of Marrow"),
        # county agencies
        ("Velt County Child Protection opened a case.", "Velt County Child Protection"),
        ("A worker from Brisco County DCFS visited us.", "Brisco County DCFS"),
        # other languages
        ("Sie wurde im Krankenhaus Bergheide operiert.", "Krankenhaus Bergheide"),
        ("Sie ist im Spital Grünegg.", "Spital Grünegg"),
        ("Frequenta la Scuola Elementare Don Bosio.", "Scuola Elementare Don Bosio"),
        ("Nuestro seguro es Seguros Alcorán y no lo cubre.", "Seguros Alcorán"),
        # plain words before an ending no field of study has; an unknown name before a team
        ("Primary Care Partners said to wait.", "Primary Care Partners"),
        ("Coastal Family Associates sent the letter.", "Coastal Family Associates"),
        ("She's under the Carrowden renal team.", "Carrowden"),
        ("Cardinal Mutual denied the claim twice.", "Cardinal Mutual"),
        ("Her physio at Stride Physical Therapy is great.", "Stride Physical Therapy"),
        ("He was seen at Riverbend Urgent Care.", "Riverbend Urgent Care"),
        ("She attends Ridgeview Day Program.", "Ridgeview Day Program"),
        ("The Thistlemoor Memorial team said no.", "Thistlemoor Memorial"),
        # lower-case names before a kind word
        ("we were seen at brackenford hospital last week", "brackenford hospital"),
        ("he's at ollerby general now", "ollerby general"),
        ("our gp at kilnbrook surgery referred us", "kilnbrook surgery"),
        ("mum is in willowmere care home", "willowmere care home"),
    ],
)
def test_institution_forms_found(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("We saw a geneticist at the university hospital.", "university hospital"),
        ("She was seen in the emergency department.", "emergency department"),
        ("The Mayo clinic diet did nothing.", "Mayo"),
        ("The Attorney General wrote back.", "Attorney General"),
        ("The Surgeon General warned about it.", "Surgeon General"),
        ("She spoke to the Regional Director.", "Regional Director"),
        ("Does Life Insurance ask about genes?", "Life Insurance"),
        ("The Medical Genetics team called.", "Medical Genetics"),
        ("Clinical Pathology reviewed the slides.", "Clinical Pathology"),
        ("Mendelian Genetics explains it.", "Mendelian Genetics"),
        ("The Cystic Fibrosis Trust has leaflets.", "Cystic Fibrosis Trust"),
        ("The Marfan Foundation runs a camp.", "Marfan Foundation"),
        ("Is St. Louis encephalitis related?", "encephalitis"),
        ("It looked like Saint Vitus dance.", "dance"),
        ("The Huntington's Disease Association helped.", "Huntington's Disease"),
        ("Is Kennedy disease inherited?", "Kennedy disease"),
        ("Does Medicaid pay for Spinraza?", "Medicaid"),
        ("Is this covered by the NHS?", "NHS"),
        ("He went to the hospital twice.", "hospital"),
        ("they moved her to another hospital", "another hospital"),
        ("She spent a month in the NICU.", "NICU"),
        ("Has the FDA approved it?", "FDA"),
        ("We went to Urgent Care twice.", "Urgent Care"),
        ("Is Physical Therapy covered?", "Physical Therapy"),
        ("The Day Program is great.", "Day Program"),
        ("Does Specialty Pharmacy deliver?", "Specialty Pharmacy"),
        ("We see the Dravet team twice a year.", "Dravet"),
        ("The Marfan clinic was helpful.", "Marfan"),
        ("Her SMA team is great.", "SMA"),
        ("Our Lady of Lourdes is a shrine we visited.", "Our Lady"),
        ("I read about it on Orphanet.", "Orphanet"),
        *KEPT_BY_EVERY_ROUND,
    ],
)
def test_institution_forms_keep(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Greetings from Castries, Saint Lucia! My niece has it.", "Saint Lucia"),
        ("Hello from Kingstown, St Vincent. My nephew has it.", "St Vincent"),
        ("We live near Basseterre, St Kitts, and fly out for care.", "St Kitts"),
        ("I'm Dr Mercy Owusu-Tetteh, a geneticist.", "Mercy Owusu-Tetteh"),
    ],
)
def test_saint_places_and_titled_names_keep_their_kind(text: str, part: str) -> None:
    """A place named after a saint stays a place, a name after a title stays a name."""
    start = text.index(part)
    kinds = {r.kind for r in deidentify(text).redactions if r.start <= start < r.end}
    assert kinds and "institution" not in kinds, deidentify(text).text
