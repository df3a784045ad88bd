"""De-identification, issue 20 round 42: "Regional West", "the VA", UK hospital acronyms,
"<Town> Unified", a Hebrew clinic after "treated at"; lower-case names after a relation,
"hi im <name> 19", a middle name that is an eponym, "He's <Name>, 12,", a name in a quoted
reply and its other mentions, "RE: SURNAME, Given", a name after "Thanking you,", "we adopted
<Name> from", "keiki", a Chinese given name before an age; a named day with its year;
lower-case "town st" and "town, region", "we r in <town>.", "X, near Y",
two-part countries, Ukrainian, Hebrew and Korean towns, a town between an address and a
postcode; ages in '("Nick", 12)' and "a grandmother of 72"; a corrected word takes its
correction's kind. Kept: a French institution before "pour une maladie", a Hindi
postposition, a town joined to a hospital by "and", "before she is one", "licensed from age
12". Invented texts, none of the labelled sets'."""

from __future__ import annotations

import pytest

from rareinfo.inquiries.deid import deidentify
from tests.unit.deid_spans import covered


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("The heel-prick result from Regional East was abnormal.", "Regional East"),
        ("grandpa sees a neurologist at the VA in Biloxi for his ALS", "VA"),
        ("She is under the RVI now for her Crohn's.", "RVI"),
        ("The district, Northfield Unified, will not pay for a nurse.", "Northfield Unified"),
        ("my sister marigold has Behçet's and needs colchicine", "marigold"),
        ("my little brother pike... no, my cousin, has Alport", "pike"),
        ("hi im fern n im 17, i have POTS", "fern"),
        ("hey im cedar (real name!) 18 and i have EDS", "cedar"),
        ("Her middle name is Alexander, after her grandad.", "Alexander"),
        ("He's Rupert, 9, and has Perthes disease.", "Rupert"),
        ("He's Rupert, 9, and has Perthes disease.", "9"),
        ("She is Marisol, seven, and has Rett syndrome.", "Marisol"),
        ("> Could you confirm Tobias's age?\nYes, Tobias is 4.", "Tobias"),
        ("Wren (six) has PKAN and her dystonia is worse.", "Wren"),
        ("We have a blog. Ansel is 11 now and uses a wheelchair.", "Ansel"),
        ("Our adopted daughter Mei is 6 and has thalassaemia.", "Mei"),
        ("hi im sorrel!! 16 n i have lupus", "sorrel"),
        ("Can Odile eat chocolate?\n> Thank you for your question about Odile's Wilson disease.",
         "Odile"),
        ("RE: BRAITHWAITE, Imogen\nDOB: 01/01/2015", "Imogen"),
        ("Please advise on the diet. Thanking you, Anjali Mehrotra", "Anjali Mehrotra"),
        ("We adopted Tuesday from Ethiopia when she was three.", "Tuesday"),
        ("My keiki Makoa has a heart murmur.", "Makoa"),
        ("我的女兒雅婷七歲，有法布瑞氏症。", "雅婷"),
        ("He was born on Canada Day 2023 and has PKU.", "Canada Day 2023"),
        ("the clinic in boise id said its fine", "boise id"),
        ("im in silver lake wy and the nearest geneticist is far", "silver lake wy"),
        ("we moved from hamilton, ontario last year", "hamilton"),
        ("we r in kirkwall. the ferry is hard with a wheelchair", "kirkwall"),
        ("We live in Wool, near Dorchester, and my son has CF.", "Wool"),
        ("Greetings from Trinidad and Tobago, my son has sickle cell.", "Trinidad and Tobago"),
        ("Ми з Тернополя, син має муковісцидоз.", "Тернополя"),
        ("אנחנו גרים בנתיבות והבן שלנו חולה.", "נתיבות"),
        ("대구까지 가야 하나요?", "대구"),
        ("My son Alistair (\"Ali\", 7) has Alagille syndrome.", "7"),
        ("I'm Gwen, a grandfather of 68, and I have amyloidosis.", "68"),
        ("we lived in Ballina... sorry, Ballymote, when she was diagnosed", "Ballina"),
        ("Practice letterhead: Riverside Surgery, Otley, West Yorkshire", "Otley"),
        ("hi my daughter wren (4) has Rett syndrome", "wren"),
        ("hey im jory... 15... my doctor says its Gilbert", "15"),
        ("the nearest clinic is hours away, were in kununurra", "kununurra"),
        ("Ambrose is also his middle name, sadly. Is there a trial?", "Ambrose"),
        ("My neighbour's son Marfan (yes, same name) is 8.", "Marfan"),
        ("> We are sorry to hear about Tamsin's diagnosis.", "Tamsin"),
        ("We're in Slough (the town, not the bog) and need a geneticist.", "Slough"),
        ("我太太美玲（38歲）有肺動脈高壓。", "美玲"),
        ("माझी मुलगी सायली सात वर्षांची आहे.", "सायली"),
        ("माझी मुलगी सायली सात वर्षांची आहे.", "सात वर्षांची"),
        ("என் மகள் வயது ஏழு.", "ஏழு"),
        ("मेरी बेटी (पांच साल) को थैलेसीमिया है", "पांच साल"),
        ("Please share the fundraiser for Barnaby's trip to the trial.", "Barnaby"),
        ("אנחנו גרים בראש פינה. יש מרפאה?", "ראש פינה"),
        ("நாங்கள் மதுரை நகரில் இருக்கிறோம்.", "மதுரை"),
        ("ഞങ്ങൾ കൊല്ലം ആണ്.", "കൊല്ലം"),
        ("我是新竹的護理師，有一位病人。", "新竹"),
        ("Chúng tôi ở Vũng Tàu, cháu bị bệnh.", "Vũng Tàu"),
        ("We moved from Oahu last year.", "Oahu"),
        ("Warm wishes,\nBeatrix and Hal Penhallow, Padstow", "Padstow"),
        ("My baby Ottilie... sorry, I meant to write Odette, has a heart defect.", "Odette"),
    ],
)
def test_round42_finds(text: str, part: str) -> None:
    assert covered(text, part), deidentify(text).text


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Il est suivi à l'Hôpital Trousseau pour une maladie de Pompe.", "maladie de Pompe"),
        ("क्या एम्स में जीन थेरेपी होती है?", "में"),
        ("Should he have the vaccine before he is one?", "one"),
        ("The drug is licensed from age 6 in Europe.", "6"),
        ("my sister also has Marfan syndrome", "also"),
        ("My cousin sister has lupus and my kid asked about it.", "sister"),
        ("My kid asked and I did not know.", "asked"),
        ("We're in bits. We're in Liskeard.", "bits"),
        ("Mon mari, trente ans, a une maladie rare.", "mari"),
        ("Every US state screens for PKU, right?", "US"),
        ("my son just got diagnosed with Pompe disease", "just"),
        ("hi im so tired 24 hours a day, is that ME/CFS?", "tired"),
        ("Is Hunter syndrome the same as MPS II?", "Hunter syndrome"),
        ("I'm in pain ok and the ER sent me home.", "ok"),
        ("Is there a unified theory of ciliopathies?", "unified theory"),
        ("She is a mother of 3 and has lupus.", "3"),
        ("She is tall, 14, and slim.", "tall"),
        ("Please confirm the patient's age. Mine (two) has it too.", "Mine"),
        ("Type 1 (juvenile) is rarer than type 2.", "Type 1"),
        ("i have a question about Kawasaki's. is it rare?", "Kawasaki's"),
        ("Thanks for your note about Fabry's nephropathy.", "Fabry's nephropathy"),
        ("hey im back... 3 months later and the MRI is clean", "back"),
        ("我的兒子今年九歲，有龐貝氏症。", "今年"),
        ("我是病人的媽媽。", "病人"),
        ("Chúng tôi ở nhà với cháu.", "nhà"),
        ("אנחנו גרים בבית עם מדרגות.", "בבית"),
        ("Kindly advise.\nDr Anand Pillai, Consultant Neurologist", "Consultant Neurologist"),
        ("Is there a fundraiser for Pompe's disease research?", "Pompe's disease"),
        ("my son (4) has CF and my daughter also (6) has it", "also"),
        ("we are in pain and i am in remission now", "remission"),
        ("My dad has VA benefits for his Agent Orange neuropathy.", "VA benefits"),
    ],
)
def test_round42_keeps(text: str, kept: str) -> None:
    assert not covered(text, kept), deidentify(text).text
    assert kept in deidentify(text).text
