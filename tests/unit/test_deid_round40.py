"""De-identification, issue 20 round 40: more short names of children's hospitals, university
hospitals and health systems, Spanish hospital names with initials and titles, acronyms after
a cue, national bodies where the person is seen, lower-case day-care runs, employers after
work words, Arabic and Japanese hospitals; spaced-dot dates, a season with an apostrophe year,
festivals with a year; case numbers; Romanian counties, "Ayiti", provinces and counties, state
codes after a town or "or"; Dutch, Polish and Italian ages; a family name after "family name,".
Kept: "Whipple's disease", "Yorkshire terrier", "NIH-funded", "the local daycare". Invented
texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Her cardiologist at Fletcher Allen in Burlington wants an echo.", "Fletcher Allen"),
        ("we are followed at penn medicine for his Fabry disease", "penn medicine"),
        ("the trial is run at UNMC and we drive four hours", "UNMC"),
        ("his neurologist at our lady of the lake said no", "our lady of the lake"),
        ("Mijn zoon wordt gevolgd in het UMCG voor zijn ziekte.", "UMCG"),
        ("They transferred him to Mary Bridge for the surgery.", "Mary Bridge"),
        ("La sua visita è al Meyer la prossima settimana.", "Meyer"),
        ("She was diagnosed at Korle Bu last year with sickle cell disease.", "Korle Bu"),
        ("He had surgery at Groote Schuur and now takes warfarin.", "Groote Schuur"),
        ("Lo operaron en el Hospital General Dr. Aurelio Valdivieso hace un año.",
         "Hospital General Dr. Aurelio Valdivieso"),
        ("La atienden en el Hospital Regional Lic. Benito Ortega Ruiz.",
         "Hospital Regional Lic. Benito Ortega Ruiz"),
        ("Je travaille au CHU-YO de Ouagadougou comme infirmière.", "CHU-YO"),
        ("Is there a MDA clinic near us for our son with Duchenne?", "MDA"),
        ("my daughter goes to sunny meadow daycare and they need a plan", "sunny meadow daycare"),
        ("My husband works at Walmart and lifts heavy boxes.", "Walmart"),
        ("ابني يتابع في مستشفى الملك فيصل التخصصي منذ سنة.", "مستشفى الملك فيصل التخصصي"),
        ("娘は長野県立こども病院に通っています。", "長野県立こども病院"),
        ("She was diagnosed on 3. 9. 2024 in Ostrava.", "3. 9. 2024"),
        ("dx: Pompe disease (autumn '21)", "autumn '21"),
        ("My son turned six on Holi 2024 and has thalassaemia.", "Holi 2024"),
        ("The insurer gave us CASE-004417-TX for the appeal.", "CASE-004417-TX"),
        ("Locuim în Turda, județul Cluj, și fiul meu are fibroză chistică.", "Cluj"),
        ("Nou rete Okap, an Ayiti, epi pitit mwen malad.", "Ayiti"),
        ("We live in Brandon, Manitoba, and our son has PKU.", "Manitoba"),
        ("my doctor in opelika al has never seen it", "al"),
        ("Should we see a specialist in Fresno or LA?", "LA"),
        ("His card number is 0000 000 417 (AB). Is there a trial?", "AB"),
        ("Onze zoon (drie jaar) heeft de ziekte van Pompe.", "drie jaar"),
        ("Mój syn ma dziesięć lat i chorobę Pompego.", "dziesięć lat"),
        ("Mia nipote (dodici anni) ha la fibrosi cistica.", "dodici anni"),
        ("Yes, our family name, Alport, is the same as the disease.", "Alport"),
        ("thanks for the help!! -- Sterling", "Sterling"),
        ("We are sorry to hear about Rosalind's diagnosis. Which clinic?", "Rosalind"),
        ("- patient: Barnaby (\"Barney\")\n- age: 9", "Barnaby"),
        ("Our son Hawk was born in May with a heart defect.", "Hawk"),
        ("[10:04] Agent: Thanks. How old is he?\n[10:04] Guest_wren_0012: 9 months. He has SMA",
         "9 months"),
        ("RE: HARGREAVE, Tomas... correction: HARGREAVE, Thomas\nDOB: 03/11/2016",
         "HARGREAVE, Thomas"),
        ("Name: Monday Okafor | Age: 30 | City: Ibadan", "Monday Okafor"),
        ("We met a family on Reddit, u/marlowe_dad_0042, whose son Marlowe has Apert syndrome.",
         "Marlowe"),
        ("Our fundraiser for Wren's gene therapy is at https://www.example.org/give/wren-0638.",
         "Wren"),
        ("Yes, Odalys's geneticist is at the clinic.", "Odalys"),
        ('My son Bartholomew ("Barty" at home) is 10 and has Coats disease.', "Barty"),
        ("Bonjou, pitit fi m nan, Nedjie, gen sis an.", "Nedjie"),
        ("- patient: Oriel Fenwick-Dade\n- age: 30", "Oriel Fenwick-Dade"),
        ("Buongiorno, sono Ludovica di Pisa. Ho una domanda.", "Ludovica"),
        ("Mia figlia Serena (sei anni) ha la fibrosi cistica.", "Serena"),
        ("Добрий день, я Оксана з Полтави. Мій син хворий.", "Оксана"),
        ("مرحباً، اسمي سلمى من الزرقاء. ابني مريض.", "الزرقاء"),
        ("Chào chị, em là Thảo ở Huế. Con em bị bệnh.", "Thảo"),
        ("Моя донька Олена... ні, Марта, їй три роки.", "Марта"),
        ("They see her at Sanford Children's in Fargo. Is it genetic?", "Fargo"),
        ("my brother lives in kotzebue, alaska and has hemophilia", "kotzebue"),
        ("is there a clinic in odessa or kermit? my son is 4", "kermit"),
        ("my friend sky (yes thats her name) has lupus", "sky"),
        ("Our daughter Marit (vier) hat Mukoviszidose.", "vier"),
        ("One of our toddlers (18 months) has PKU.", "18 months"),
        ("We live in Brandon, Manitoba, and our son has PKU.", "Manitoba"),
        ("We're in Reading and our son has Alport syndrome.", "Reading"),
        ("He is in grade 9 at Sacred Heart of Jesus in our town.", "Sacred Heart of Jesus"),
    ],
)
def test_round40_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Is Whipple's disease contagious? Everyone jokes about Mr Whipple.", "Whipple"),
        ("Can a Yorkshire terrier live with a child who has asthma?", "Yorkshire terrier"),
        ("Is there an NIH-funded registry for Alström syndrome?", "NIH-funded"),
        ("Our daughter goes to the local daycare three days a week.", "the local daycare"),
        ("Jego objawy trwają od dziewięć lat.", "dziewięć lat"),
        ("Ze is al 20 weken zwanger van haar tweede kind.", "20 weken"),
        ("my aunt thinks it is lupus and says I should avoid certain meds", "thinks"),
        ("Mi padre empezó con temblores a los 55 años.", "55"),
        ("Thanks, the counselor, MS, CGC", "MS"),
        ("She works at home for now and cannot lift boxes.", "works at home"),
        ("My sister had a Whipple procedure for pancreatic cancer.", "Whipple procedure"),
        ("We read about it in the spring and the fall.", "spring"),
        ("The target dose of ERT is 20 mg/kg.", "target dose"),
        ("What about Crohn's diagnosis in children?", "Crohn's diagnosis"),
        ("Reading about Manitoba oculotrichoanal syndrome helps.", "Reading"),
        ("Seizures every month since she was 4 months old.", "since she was"),
        ("My daughter was born at 30 weeks.", "born at 30 weeks"),
        ("We moved back in summer, texas is hot for her skin.", "summer"),
        ("How old is the gene?\nDr Okoro: 5 years of research went into it.", "5 years"),
        ("I post about Pitt-Hopkins syndrome as @lil.juno.and.pitt0418, is that ok?",
         "Pitt-Hopkins syndrome"),
        ("Sono preoccupata. Sono madre di due figli con la malattia.", "madre"),
        ("We got a letter from Great Ormond Street in English.", "English"),
    ],
)
def test_round40_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
