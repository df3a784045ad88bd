"""De-identification of questions sent to the information center.

Rules, patterns and small bundled word lists (``data/*.txt``), plus a medical vocabulary
given by the caller (phenotype terms, disease, gene and drug names: from the knowledge base,
or by default from the HPO release the hpo source reads); no model, no network. Each
detector proposes spans of the original text; spans that overlap are merged; disease
eponyms ("Marfan syndrome", "has Duchenne"), gene and variant names and public
identifiers (NCT, OMIM, ORPHA, HP) are protected from the rules that guess names and
places. See decisions/0008-deidentification.md.

>>> deidentify("My son Liam (7) sees Dr. Smith in Leeds for Marfan syndrome.").text
'My son [name] ([age: 5-9 years]) sees Dr. [name] in [place] for Marfan syndrome.'
"""

from rareinfo.inquiries.deid.patterns import KINDS
from rareinfo.inquiries.deid.redact import Deidentified, Redaction, deidentify
from rareinfo.inquiries.deid.vocabulary import MedicalVocabulary, default_vocabulary

__all__ = [
    "KINDS",
    "Deidentified",
    "MedicalVocabulary",
    "Redaction",
    "default_vocabulary",
    "deidentify",
]
