"""De-identification, issue 20 round 12: institutions that were neither removed nor flagged
(an acronym at a site or spelled out in brackets, a nursery named in brackets, an infant
school's tail, "the ... Wing", "... Medical Centre" after a comma, a German school with
"am", a hospital's acronym after a clinician or a visit, a hospital before its department, a
hospital by its head in Hindi, Urdu, Tamil),
places (a compass word, an island after "on", an acronym closing "at ... in ...", "in
St ...", a region after a comma in any case, places one lives in, in Hindi, Urdu, Tamil,
Arabic, Yoruba, Persian, Bengali and Korean), names and ages after a cue ("im NAME 22", "my
9yo NAME", apposition after an age, kin words of other languages and scripts, ages in number
words). Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("We were seen at UPMC at Shadyside for the nerve study.", "UPMC at Shadyside"),
        ("It was diagnosed at CHI at Temple Road last year.", "CHI at Temple Road"),
        ("He is followed at RVH (Royal Victoria Hospital); RVH said wait.", "RVH"),
        ("Ask CHOP (Children's Hospital of Philadelphia) about the trial.", "CHOP"),
        ("Our girl goes to a nursery (Little Owls Ashby) and has epilepsy.", "Owls Ashby"),
        ("He is at a school called Brambleside and has Rett syndrome.", "Brambleside"),
        ("She started at Holmfirth Infants this term with Williams syndrome.", "Holmfirth Infants"),
        ("The baby was delivered at the Florey Wing of the hospital.", "Florey Wing"),
        ("Kind regards, Dr Nadia Osei, Harbour Medical Centre", "Harbour Medical Centre"),
        ("Unsere Tochter besucht die Grundschule an der Weide.", "Grundschule an der Weide"),
        ("QEUH is far; his neurologist Dr Okafor (QEUH) said CMT.", "QEUH"),
        ("उसका इलाज लीलावती अस्पताल में हुआ", "लीलावती अस्पताल"),
        ("The neurologist at UHC mentioned Isaacs syndrome.", "UHC"),
        ("They see him at ARI. Is there gene therapy yet?", "ARI"),
        ("Tregarrow haematology says they will start next week.", "Tregarrow"),
        ("ہم آغا خان ہسپتال میں دکھاتے ہیں", "آغا خان ہسپتال"),
        ("அவன் ராமச்சந்திரா மருத்துவமனையில் இருக்கிறான்", "ராமச்சந்திரா"),
    ],
)
def test_round12_finds_institutions(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("My gran lives with us in Bedok North and has Parkinson disease.", "Bedok North"),
        ("We're in Amlwch on Anglesey, my son has Duchenne.", "Anglesey"),
        ("We live on Islay. Is there a CF clinic?", "Islay"),
        ("We see Dr Hale at Riley Children's in IND.", "IND"),
        ("We live in St Lucia and my son has sickle cell.", "St Lucia"),
        ("I work at Mercy Clinic, Montana. We have a patient with Fabry.", "Montana"),
        ("We live in Pietermaritzburg, KwaZulu-Natal.", "KwaZulu-Natal"),
        ("हम इंदौर, मध्य प्रदेश में रहते हैं।", "इंदौर"),
        ("ہم ملتان میں رہتے ہیں۔", "ملتان"),
        ("நாங்கள் மதுரையில் வசிக்கிறோம்.", "மதுரை"),
        ("أنا سارة من العين. ابني مريض", "العين"),
        ("نعيش في الشارقة منذ سنتين", "الشارقة"),
        ("A ń gbé ní Ìbàdàn báyìí.", "Ìbàdàn"),
        ("ما در رشت زندگی می‌کنیم.", "رشت"),
        ("আমরা কুমিল্লায় থাকি।", "কুমিল্লা"),
        ("저희는 청주에 살아요.", "청주"),
    ],
)
def test_round12_finds_places(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("hi im jodie 22 and i have EDS", "jodie"),
        ("hi im jodie 22 and i have EDS", "22"),
        ("hiya im courtney my boy has Perthes", "courtney"),
        ("my 9yo Willow has Stickler syndrome", "Willow"),
        ("Our 4 year old Bramble is not walking yet.", "Bramble"),
        ("Une fille de 9 ans, Maëlle Kerbrat, a une mucoviscidose.", "Maëlle Kerbrat"),
        ("Mia zia Concetta Russolillo, 70 anni, ha la SLA.", "Concetta Russolillo"),
        ("Meu pai, Seu Joaquim, tem 81 anos.", "Joaquim"),
        ("my son Jasper's gene therapy trial starts soon", "Jasper"),
        ("میرا بیٹا احمد سات سال کا ہے", "احمد"),
        ("میرا بیٹا احمد سات سال کا ہے", "سات سال"),
        ("मेरा बेटा पाँच साल का है", "पाँच साल"),
        ("আমার মেয়ে তানিয়া ৬ বছর বয়সী", "তানিয়া"),
        ("제 딸 서연이는 8살이에요", "서연"),
        ("என் மகள் பிரியா 4 வயது", "பிரியா"),
        ("ọmọ mi Tìmílẹ́yìn ní àrùn sickle cell, ó jẹ́ ọmọ ọdún méje", "Tìmílẹ́yìn"),
        ("ọmọ mi Tìmílẹ́yìn ní àrùn sickle cell, ó jẹ́ ọmọ ọdún méje", "ọdún méje"),
        ("Ɗiyata tana da shekara biyar.", "shekara biyar"),
        ("They lost their baby at seven weeks to Zellweger.", "seven weeks"),
    ],
)
def test_round12_finds_names_and_ages(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Is the Bombay phenotype inherited?", "Bombay phenotype"),
        ("He had the Toronto protocol last year.", "Toronto protocol"),
        ("Wilson disease and Menkes disease are copper disorders.", "Menkes disease"),
        ("She takes Spinraza every 4 months.", "Spinraza"),
        ("My son has West syndrome and takes vigabatrin.", "West syndrome"),
        ("Is Marfan syndrome linked to the FBN1 gene?", "Marfan syndrome"),
        ("SMA (spinal muscular atrophy): is it genetic?", "SMA"),
        ("ACE (angiotensin converting enzyme) inhibitors help in Alport.", "ACE"),
        ("We go to the Mental Health Centre on Fridays.", "Mental Health Centre"),
        ("Is there a Community Health Centre that does genetic testing?", "Community Health"),
        ("Premature Infants can have retinopathy.", "Premature Infants"),
        ("He had surgery at the West Wing last year.", "West Wing"),
        ("We are in Leeds on Keppra now for his seizures.", "Keppra"),
        ("My son is in ICU at the moment at Leeds in ICU.", "ICU"),
        ("im nervous, my son has his MRI tomorrow", "nervous"),
        ("im pregnant 20 weeks and have lupus", "20 weeks"),
        ("She lost her skills at 18 months.", "18 months"),
        ("He lost weight at six months.", "six months"),
        ("My cousin lost her baby at 36 weeks.", "36 weeks"),
        ("my son Hunter's syndrome is getting worse", "Hunter's syndrome"),
        ("أنا من مرضى الهيموفيليا.", "مرضى"),
        ("ہمارا بیٹا دو سال سے بیمار ہے", "دو سال"),
        ("ما در خانه زندگی می‌کنیم", "خانه"),
        ("저는 집에 살아요", "집"),
        ("We saw Dr Lee (ENT) and Dr Shah (GP) last week.", "(ENT)"),
        ("We saw Dr Lee (ENT) and Dr Shah (GP) last week.", "(GP)"),
        ("हम सरकारी अस्पताल में गए", "सरकारी अस्पताल"),
        ("She was referred to ENT and he was admitted to PICU.", "ENT"),
        ("She was referred to ENT and he was admitted to PICU.", "PICU"),
        ("We are followed at CF clinic every 3 months.", "CF clinic"),
        ("Duchenne cardiology guidelines say a yearly echo.", "Duchenne cardiology"),
        ("ہم سرکاری ہسپتال گئے", "سرکاری ہسپتال"),
    ],
)
def test_round12_keeps(text: str, kept: str) -> None:
    assert kept in deidentify(text).text, deidentify(text).text
