"""De-identification, the format sweep (issue 20): one case per written form of a date, an
age, a record number or an e-mail that the rounds' labelled sets had not shown, in English and
the other languages the sets use; and the forms that must stay (onset ages, durations, doses,
ranges, variants, bands, public ids, publication years). Invented texts with zero-filled or
fictional numbers, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import KEPT_BY_EVERY_ROUND, covered


def kind_of(text: str, part: str) -> set[str]:
    """The kinds of the redactions over the letters and digits of ``part``."""
    start = text.index(part)
    kinds = set()
    for r in deidentify(text).redactions:
        if any(r.start <= i < r.end for i in range(start, start + len(part)) if text[i].isalnum()):
            kinds.add(r.kind)
    return kinds


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("The MRI was done on the 3rd of March and we wait.", "3rd of March"),
        ("The MRI was done on the twelfth of September.", "twelfth of September"),
        ("The MRI was done on March the 3rd.", "March the 3rd"),
        ("The MRI was done on Mar. 3, '24 and we wait.", "Mar. 3, '24"),
        ("The MRI was done on 3 Mar '24.", "3 Mar '24"),
        ("The MRI was done on Tue 4/3 and we wait.", "Tue 4/3"),
        ("The surgery was on 3.III.2024.", "3.III.2024"),
        ("Seen on Mar-03-2024 at the clinic.", "Mar-03-2024"),
        ("Seen on 2024-Mar-03 at the clinic.", "2024-Mar-03"),
        ("Seen on 03MAR2024 at the clinic.", "03MAR2024"),
        ("She was seen on the 3rd at the clinic.", "3rd"),
        ("Mon fils a été opéré mardi 4 mars 2025 à l'hôpital.", "mardi 4 mars 2025"),
        ("Mon fils a été opéré 3 févr. 2024 à l'hôpital.", "3 févr. 2024"),
        ("Mein Sohn wurde Dienstag, 4. März 2025 operiert.", "Dienstag, 4. März 2025"),
        ("Mein Sohn wurde 3. Mär. 2024 operiert.", "3. Mär. 2024"),
        ("Mi hija fue operada el 3/marzo/2024 en el hospital.", "3/marzo/2024"),
        ("Mio figlio è stato operato 1° aprile 2023 in ospedale.", "1° aprile 2023"),
        ("Ang anak ko ay inoperahan ika-3 ng Marso 2024 sa ospital.", "ika-3 ng Marso 2024"),
        ("Isinagawa ang operasyon noong Agosto 12, 2024.", "Agosto 12, 2024"),
        ("Ameliyat 3 Şubat 2024 tarihinde yapıldı.", "3 Şubat 2024"),
        ("Wọ́n ṣe iṣẹ́ abẹ fún ọmọ mi ní ọjọ́ 3 oṣù Kẹta 2024.", "ọjọ́ 3 oṣù Kẹta 2024"),
        ("我的孩子在2024-03-03做了手术。", "2024-03-03"),
        ("我的孩子在二〇二四年三月三日做了手术。", "二〇二四年三月三日"),
        ("息子は令和6年3月3日に手術を受けました。", "令和6年3月3日"),
        ("제 아들은 2024.03.03에 수술을 받았습니다.", "2024.03.03"),
        ("ลูกของฉันผ่าตัดเมื่อ วันที่ 3 มี.ค. 2567 ที่โรงพยาบาล", "3 มี.ค. 2567"),
        ("การผ่าตัดเมื่อ 12 ส.ค. 67 ค่ะ", "12 ส.ค. 67"),
        ("میرے بیٹے کا آپریشن 3 مارچ 2024 کو ہوا۔", "3 مارچ 2024"),
        ("મારા દીકરાનું ઓપરેશન 3 માર્ચ 2024 ના રોજ થયું.", "3 માર્ચ 2024"),
        ("என் மகனுக்கு 3 மார்ச் 2024 அன்று அறுவை சிகிச்சை நடந்தது.", "3 மார்ச் 2024"),
        ("أجريت لابني عملية جراحية في 3 مارس 2024 في المستشفى.", "3 مارس 2024"),
        ("أجريت لابني عملية جراحية في ٣ مارس ٢٠٢٤ في المستشفى.", "٣ مارس ٢٠٢٤"),
        ("أجريت لابني عملية جراحية في 3 آذار 2024 في المستشفى.", "3 آذار 2024"),
        ("הבן שלי עבר ניתוח ב-3 במרץ בבית החולים.", "3 במרץ"),
        ("ልጄ መጋቢት 3 ቀን 2016 ቀዶ ጥገና ተደረገለት።", "መጋቢት 3 ቀን 2016"),
    ],
)
def test_formats_find_dates(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text
    assert kind_of(text, part) == {"date"}, deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("My son is 7y and has Duchenne.", "7y"),
        ("Mein Sohn ist 18 Monate alt und hat Epilepsie.", "18 Monate"),
        ("Meine Tochter ist zwölf Jahre alt und hat Epilepsie.", "zwölf Jahre"),
        ("Mio figlio ha 18 mesi ed è epilettico.", "18 mesi"),
        ("Mia figlia ha ventitré anni ed è epilettica.", "ventitré anni"),
        ("Fiica mea are doisprezece ani și are epilepsie.", "doisprezece ani"),
        ("Anak saya berusia tujuh tahun dan menderita epilepsi.", "tujuh tahun"),
        ("Con tôi bảy tuổi và bị động kinh.", "bảy tuổi"),
        ("Con gái tôi mười hai tuổi và bị động kinh.", "mười hai tuổi"),
        ("Oğlum yedi yaşında ve epilepsisi var.", "yedi yaşında"),
        ("Моєму синові сім років, у нього епілепсія.", "сім років"),
        ("Mtoto wangu ana miezi 18 na ana kifafa.", "miezi 18"),
        ("Mtoto wangu ana miaka kumi na mbili na ana kifafa.", "miaka kumi na mbili"),
        ("Ang anak ko ay labindalawang taong gulang at may epilepsy.",
         "labindalawang taong gulang"),
        ("ลูกสาวของฉันอายุ สิบสอง ขวบ และเป็นโรคลมชัก", "สิบสอง ขวบ"),
        ("ابنتي اثنا عشر عاما وتعاني من الصرع.", "اثنا عشر عاما"),
        ("הבת שלי בת שתים עשרה ויש לה אפילפסיה.", "שתים עשרה"),
        ("息子は1歳半で、てんかんがあります。", "1歳半"),
    ],
)
def test_formats_find_ages(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text
    assert kind_of(text, part) == {"age"}, deidentify(text).text


@pytest.mark.parametrize(
    ("text", "part", "kind"),
    [
        ("PAN: ABCDE1234F", "ABCDE1234F", "record_number"),
        ("His PAN card number is AAAPA0000A.", "AAAPA0000A", "record_number"),
        ("身份证号110101199003070000。", "110101199003070000", "record_number"),
        ("マイナンバー0000 0000 0000", "0000 0000 0000", "record_number"),
        ("Please write to jane[at]gmail[dot]com with any advice.", "jane[at]gmail[dot]com",
         "email"),
        ("Please write to jane @ gmail . com with any advice.", "jane @ gmail . com", "email"),
        ("Please write to jane@gmail with any advice.", "jane@gmail", "email"),
        ("Date: 04/03/2025 10:15", "04/03/2025", "date"),
        ("The MRI was done on 20240304 and we wait.", "20240304", "date"),
        ("You can call me on 1-800-000-0000 any time.", "1-800-000-0000", "phone"),
        ("Call (+44) 20 7946 0000 please.", "(+44) 20 7946 0000", "phone"),
    ],
)
def test_formats_find_records_and_emails(text: str, part: str, kind: str) -> None:
    assert covered(text, part), deidentify(text).text
    assert kind_of(text, part) == {kind}, deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Ferritin was 1,200 ng/mL (ref 30-400).", "30-400"),
        ("Sodium 135-145 mmol/L is normal.", "135-145"),
        ("The study in 2019 (Smith et al.) showed this.", "2019"),
        ("Mi hija tuvo convulsiones desde los 6 meses.", "6 meses"),
        ("Ela tem amiloidose desde os 38 anos.", "38 anos"),
        ("Seizures started at 6 months.", "6 months"),
        ("She was seizure-free for 3 years.", "3 years"),
        ("We give it every 2 weeks.", "2 weeks"),
        ("He takes 500 mg twice a day.", "500 mg"),
        ("He carries c.1521_1523del in CFTR.", "c.1521_1523del"),
        ("Mitochondrial m.3243A>G was found.", "m.3243A>G"),
        ("The deletion is at 22q11.2.", "22q11.2"),
        ("Is OMIM 300377 the same as ORPHA:98896?", "300377"),
        ("She was 19 weeks pregnant.", "19 weeks"),
        ("He was born at 32 weeks.", "32 weeks"),
        ("Trial NCT01234567 is recruiting.", "NCT01234567"),
        ("Take on days 1-5 of each cycle.", "1-5"),
        ("He had the infusion on the 2nd floor.", "2nd"),
        ("It worked on the 3rd attempt.", "3rd"),
        ("Platelets 150-400 x10^9/L.", "150-400"),
        ("Pitit fi mwen gen maladi drepanositoz.", "gen"),
        ("Mwanangu ana miaka kumi na ana ugonjwa wa figo.", "na ana"),
        ("Servus! Unsere Tochter ist 2 Jahre alt und hat MSUD.", "alt"),
        *KEPT_BY_EVERY_ROUND,
    ],
)
def test_formats_keep(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
