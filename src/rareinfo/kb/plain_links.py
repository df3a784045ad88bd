"""Which disease page each NIH plain-language document is about (decisions/0013).

A pure function over the documents and the identity data of a build, in order of trust:

1. ``gard-id``: a GARD page's address holds its GARD id; the page holding that id.
2. ``name`` / ``synonym``: the document's focus, or one of its listed synonyms, is a
   page's name or synonym word for word (case, accents, punctuation, plurals and British
   spellings folded). Site wording is taken off first: "(ALL)", "Parasites - ",
   "What I need to know about", "... and Other Childhood Kidney Tumors". Possessives
   ("Peyronie's") and Greek plurals ("Paralyses", "Gangliosidoses") are folded too; a
   guide names its disease in a sentence ("... if I Have Diabetes", "Risk for Type 2
   Diabetes", "Alzheimer's Caregiving"); "children's" is "childhood"; last, the page
   of the adult form ("Oropharyngeal cancer, adult") when no young form is named.
3. ``umls``: a UMLS CUI of the document that Mondo's mapping set names an exact match of
   a page, when one name of that page holds every word of the focus (MedQuAD's CUIs were
   assigned by a program and some are wrong: "ovarian low malignant potential tumors"
   carries the CUI of anaplastic oligodendroglioma; "Non-Hodgkin lymphoma" that of
   Hodgkin lymphoma), or when the focus is "childhood/adult <place> <a name of the
   page>" ("Childhood Central Nervous System Atypical Teratoid/Rhabdoid Tumor").
   A focus in the plural names a group: no synonym takes it to one numbered member.

A synonym or a CUI never places a document on a page narrower than the document: one
whose title is the focus plus a qualifier ("Lung cancer, susceptibility to", "Rare
thyroid carcinoma", "Adult acute respiratory distress syndrome") or plus a number of a
series the focus names whole ("Panic disorder 1", "FG syndrome type 1"), nor on another
member of a series ("... type 2" for "... type I").
4. ``list`` (tried after the names, before the CUIs): a focus naming several diseases
   ("Thymoma and Thymic Carcinoma") goes to the page of each, when every one names a
   page as a whole name (a ``plain_link`` row per page), or as the last part of a name
   listing two ("Oral Cavity [Cancer]" in "Lip and oral cavity cancer").
5. ``form``: a focus that is "childhood X" or "adult X" with no page of its own goes to
   the page of X, marked as about that form ("adult acute lymphoblastic leukemia" on the
   ALL page), never to a sibling (CLL is not a form of ALL: its words differ), nor to
   a page titled as X with a qualifier ("Genetic obesity" for "Obesity in Children").

A document none of these place stays unlinked, with the reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, insert, select

from rareinfo.kb import schema
from rareinfo.kb.treatments import canonical_tokens
from rareinfo.link import primary_key
from rareinfo.normalize import normalize
from rareinfo.records import PlainText

Tokens = tuple[str, ...]

# Words that make a name about a stage of life, not another disease.
FORM_WORDS = frozenset({"childhood", "adult", "pediatric", "paediatric"})
# Names too general to be a document's page ("disease", MONDO:0000001).
_TOO_GENERAL = frozenset({"disease", "disorder", "syndrome", "condition", "cancer", "tumor",
                          "neoplasm", "infection", "deficiency"})
# More pages than this sharing one synonym (and none as its name): no telling which.
MAX_SYNONYM_PAGES = 2
# Words a page's title adds to a focus that make the page narrower than the document.
NARROWER_WORDS = FORM_WORDS | frozenset({
    "susceptibility", "rare", "benign", "juvenile", "infantile", "neonatal", "adolescent",
    "onset", "early", "late"})
# Words that say nothing of which disease a name is ("Zika virus" is "Zika virus disease").
_EMPTY_WORDS = frozenset({"disease", "disorder", "syndrome", "condition", "illness", "a", "an",
                          "the", "of", "with", "and", "to", "in", "for", "due", "type",
                          "form"})
# One word for a malignant growth, and one spelling of one term.
_SAME_WORD = {"carcinoma": "cancer", "tumor": "cancer", "neoplasm": "cancer",
              "malignancy": "cancer", "neoplasia": "cancer", "myelogenous": "myeloid"}
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7",
          "viii": "8", "ix": "9", "x": "10", "xi": "11", "xii": "12"}
_YOUNG_WORDS = ("childhood", "child", "pediatric", "paediatric", "juvenile", "infantile",
                "infant", "neonatal", "newborn", "early")
_MALIGNANT = {"carcinoma": "cancer", "malignancy": "cancer", "myelogenous": "myeloid"}
# A page name the CUI rule may find at the end of a longer focus has this many words.
_ENDING_WORDS = 3
_CHILDREN = {"children": "childhood"}
_SERIES_WORDS = frozenset({"type", "group", "class", "subtype"})
# A page titled "hereditary X" or "familial X" for a focus "X cancer" is the inherited form
# only: "Breast Cancer" texts are about the common disease, not "Hereditary breast cancer".
_INHERITED_WORDS = frozenset({"hereditary", "familial", "inherited"})
_DESIGNATION = re.compile(r"\d+[a-z]?")
_PARENTHESES = re.compile(r"\s*\([^()]*\)")
_LEAD = re.compile(r"^(what i need to know about|parasites?\s*-)\s*", re.IGNORECASE)
_TAIL = re.compile(r"\s+(and other|including)\s.*$", re.IGNORECASE)
_PARTS = re.compile(r"\s+-\s+|;\s*|:\s+")
_IN_AGE = re.compile(r"\s+in\s+(children|adults|infants)$", re.IGNORECASE)
# "Liver (Hepatocellular) Cancer": the bracketed word is another word for the one before.
_ALTERNATIVE = re.compile(r"(\S+)\s+\(([A-Za-z][a-z-]+)\)")
_VIRUS_DISEASE = re.compile(r"\bvirus\s+disease$", re.IGNORECASE)
# "A and B", "A, B, and C", "A and the B": a focus naming several diseases.
_LAST_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_LIST = re.compile(r",?\s+and\s+(?:the\s+)?|,\s+", re.IGNORECASE)
# "Peyronie's" is "Peyronie" (the plural folding would read "peyronies" as "peyrony");
# "paralyses" is "paralysis", "gangliosidoses" "gangliosidosis": plurals it misses.
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_GREEK_PLURAL = re.compile(r"(?<=\w{3})(os|ys|ias)es\b", re.IGNORECASE)
# A focus ending in one of these (or a Greek plural) names a group of diseases.
_GROUP_NOUNS = frozenset({"disorders", "diseases", "syndromes", "conditions", "defects",
                          "anomalies", "malformations", "tumors", "cancers"})
# Guides name their disease inside a sentence: "Preparing for Pregnancy if I Have
# Diabetes", "I Can Lower My Risk for Type 2 Diabetes", "Alzheimer's Caregiving".
_GUIDE = (re.compile(r"\bif (?:i|you) have ([^?:;,.]+)", re.IGNORECASE),
          re.compile(r"\brisk (?:for|of) (?:getting )?([^?:;,.]+)", re.IGNORECASE),
          re.compile(r"\b(?:monitor|manage) (?:your|my) ([^?:;,.]+)", re.IGNORECASE),
          re.compile(r"^([^?:;,.]+?) caregiv(?:ing|ers?)$", re.IGNORECASE))


def name_tokens(text: str) -> Tokens:
    """The canonical words of a name, possessives and Greek plurals ("-oses") folded."""
    return canonical_tokens(_GREEK_PLURAL.sub(r"\1is", _POSSESSIVE.sub("", text)))


@dataclass(frozen=True, slots=True)
class PlainDocument:
    """What linking needs of one plain-language document (all its sections share it)."""

    document_id: str
    collection: str
    focus: str
    cuis: tuple[str, ...] = ()
    gard_id: str | None = None
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IdentityData:
    """The identity facts of a build that linking reads.

    ``page_of``: every member identifier (GARD:..., MONDO:..., UMLS:...) -> its page;
    ``umls``: "UMLS:C0023452" -> the identifiers Mondo maps it to exactly;
    ``names``: (page, name, kind) with kind "name" or "synonym".
    """

    page_of: Mapping[str, str]
    umls: Mapping[str, tuple[str, ...]]
    names: Iterable[tuple[str, str, str]]
    labels: Mapping[str, str] = field(default_factory=dict)  # page -> its display name


@dataclass(frozen=True, slots=True)
class PlainLink:
    """Where a document goes, by which rule; ``about`` names the form a text is about."""

    document_id: str
    page_id: str | None
    rule: str  # gard-id | name | synonym | list | umls | form | unlinked
    about: str | None = None
    reason: str = ""
    also: tuple[str, ...] = ()  # the other pages of a focus naming several diseases

    @property
    def pages(self) -> tuple[str, ...]:
        """Every page the document is linked to (none when unlinked)."""
        return (self.page_id, *self.also) if self.page_id is not None else ()


def documents_of(sections: Iterable[PlainText]) -> list[PlainDocument]:
    """One document per document id, in first-seen order."""
    seen: dict[str, PlainDocument] = {}
    for section in sections:
        if section.document_id not in seen:
            seen[section.document_id] = PlainDocument(
                section.document_id, section.collection, section.focus, section.cuis,
                section.gard_id, section.synonyms)
    return list(seen.values())


def _folded(tokens: Tokens) -> list[str]:
    """The words with roman numerals of a series as digits and one spelling per term."""
    words = []
    for i, word in enumerate(tokens):
        series = i > 0 and tokens[i - 1] in _SERIES_WORDS
        last = i == len(tokens) - 1 and i > 0 and word != "x"
        if word in _ROMAN and (series or last):
            word = _ROMAN[word]
        words.append(_SAME_WORD.get(word, word))
    return words


def content_words(tokens: Tokens) -> frozenset[str]:
    """The words of a name that say which disease it is ("of", "disease", "type" do not)."""
    return frozenset(w for w in _folded(tokens) if w not in _EMPTY_WORDS)


def designations(tokens: Tokens) -> frozenset[str]:
    """The number or letter naming a member of a series: "1" of "... type IB", "a" of "type A".

    Only after "type" (or "group", ...) or at the end: the 6 of "glucose-6-phosphatase"
    names no member.
    """
    words = _folded(tokens)
    found: set[str] = set()
    for i, word in enumerate(words):
        series = i > 0 and words[i - 1] in _SERIES_WORDS
        if _DESIGNATION.fullmatch(word) and (series or i == len(words) - 1):
            found.add(word.rstrip("abcdefghijklmnopqrstuvwxyz"))
        elif series and len(word) == 1 and word.isalpha():
            found.add(word)
    return frozenset(found)


def _closeness(title: Tokens, focus: Tokens) -> float:
    """Shared words over all words of a title and a focus (0 to 1)."""
    a, b = content_words(title), content_words(focus)
    return len(a & b) / len(a | b) if a | b else 0.0


def covers(name: Tokens, focus: Tokens) -> bool:
    """True when the name holds every word of the focus but its childhood/adult wording."""
    return content_words(focus) - FORM_WORDS <= content_words(name)


def narrower(title: Tokens, focus: Tokens) -> bool:
    """True when a page of this title is narrower than the focus, or another of its series.

    Narrower: the title is the focus plus a qualifier ("susceptibility", "rare", "adult")
    or plus a number when the focus names the whole series. A title in other words
    ("Kufs disease" for adult neuronal ceroid lipofuscinosis) is a renaming, not narrower.
    """
    in_title, in_focus = designations(title), designations(focus)
    if in_title and in_focus and not in_title & in_focus:
        return True
    if not covers(title, focus):
        return False
    added = content_words(title) - content_words(focus)
    return (bool(added & NARROWER_WORDS) or bool(in_title and not in_focus)
            or inherited_form(title, focus))


def inherited_form(title: Tokens, focus: Tokens) -> bool:
    """True for "Hereditary breast cancer" and the focus "Breast cancer" (see above)."""
    added = content_words(title) - content_words(focus)
    return (covers(title, focus) and "cancer" in content_words(focus)
            and bool(added & _INHERITED_WORDS))


class _Names:
    """Page names and synonyms by their canonical words."""

    def __init__(self, names: Iterable[tuple[str, str, str]],
                 labels: Mapping[str, str]) -> None:
        self.labels = {page: name_tokens(label) for page, label in labels.items()}
        self.pages: dict[Tokens, dict[str, str]] = defaultdict(dict)
        # Read only when the words as written name no page, in this order: the names
        # "A, B" as "B A" ("Myeloproliferative neoplasm, chronic"), then every name with
        # "carcinoma" as "cancer" ("Hepatocellular carcinoma" for "... Cancer").
        self.inverted: dict[Tokens, dict[str, str]] = defaultdict(dict)
        self.folded: dict[Tokens, dict[str, str]] = defaultdict(dict)
        self.names_of: dict[str, set[Tokens]] = defaultdict(set)
        self.word_sets: set[frozenset[str]] = set()  # every name's content words
        # The last part of a name listing two diseases of one kind, "Lip and oral cavity
        # carcinoma": "oral cavity carcinoma" (read only for a part of a listing focus).
        self.last_parts: dict[Tokens, set[str]] = defaultdict(set)
        for page, name, kind in names:
            tokens = name_tokens(name)
            if not tokens or (len(tokens) == 1 and tokens[0] in _TOO_GENERAL):
                continue
            for index, key in ((self.pages, tokens), (self.inverted, _inverted(name)),
                               (self.folded, _fold(tokens))):
                found = index[key]
                if key and found.get(page) != "name":
                    found[page] = "name" if kind == "name" else "synonym"
            self.names_of[page].add(tokens)
            if last := _last_part(name):
                self.last_parts[last].add(page)
            self.word_sets.add(content_words(tokens))
        # "Juvenile-onset X" names a young form as "Juvenile X" does.
        self.onsetless = {words - {"onset"} for words in self.word_sets}

    def find(self, text: str, focus: Tokens = (),
             reworded: bool = True) -> tuple[str, str] | str | None:
        """(page, "name"|"synonym") for a text naming one page; a reason when ambiguous.

        ``reworded``: also the inverted and folded names (the document's own focus; the
        synonyms it lists are taken word for word: MedlinePlus lists "Essential
        hypertension" for "High Blood Pressure").

        Of two pages holding a synonym, the one whose title is closest to the document's
        ``focus`` (shares the largest part of their words): "Mucopolysaccharidosis type
        IV" is on "... type 4", not "... type 4A"; "AIDS-related lymphoma" on "Lymphoma,
        AIDS related", not on primary effusion lymphoma.
        """
        tokens = name_tokens(text)
        found = self.pages.get(tokens)
        if not found and reworded:
            found = self.inverted.get(tokens) or self.folded.get(_fold(tokens))
        if not found and reworded and not self.young_form_named(tokens):
            # Last, the adult form's page ("Oropharyngeal cancer, adult"), when no young
            # form of the disease is named (see ``narrower``).
            adult = ("adult", *tokens)
            found = self.pages.get(adult) or self.inverted.get(adult)
        if not found:
            return None
        # A page showing this name as its title first: a form's page may also carry the
        # name of the whole disease (an OMIM title), the disease's own page shows it.
        named = sorted((p for p, kind in found.items() if kind == "name"),
                       key=lambda p: (self.labels.get(p) != tokens, primary_key(p)))
        if named:
            return named[0], "name"  # several pages of one name are one disease twice
        if len(found) > MAX_SYNONYM_PAGES:
            return f"{text!r} is a synonym of {len(found)} pages"
        # A synonym says a page is about the text, but a page titled as a narrower form
        # of it ("FG syndrome type 1" holds "FG syndrome") is not the text's page.
        wide = [p for p in found if not self.narrower(p, tokens)]
        if not wide:
            return f"{text!r} is a synonym only of narrower pages"
        return min(wide, key=lambda p: (-_closeness(self.labels.get(p, ()), focus or tokens),
                                        primary_key(p))), "synonym"

    def narrower(self, page: str, focus: Tokens) -> bool:
        """True when the page's title makes it narrower than the focus (see ``narrower``).

        But an adult form is the disease when no name of a young form of it exists:
        "Oropharyngeal cancer, adult" is the only oropharyngeal cancer (NCI's thesaurus
        names the adult form where PDQ has an adult summary), while "Adult acute
        respiratory distress syndrome" has the infant form beside it.
        """
        title = self.labels.get(page, ())
        if not narrower(title, focus):
            return False
        words = content_words(focus)
        if not covers(title, focus) or content_words(title) - words != {"adult"}:
            return True
        return self.young_form_named(focus)

    def young_form_named(self, focus: Tokens) -> bool:
        """True when a name is the focus with a childhood (infant, early-onset, ...) word."""
        words = content_words(focus)
        return any(words | {young} in self.onsetless for young in _YOUNG_WORDS)

    def listing(self, text: str) -> str | None:
        """The one page whose name lists the text as its last part ("Oral cavity cancer")."""
        pages = self.last_parts.get(_fold(name_tokens(text)), set())
        return next(iter(pages)) if len(pages) == 1 else None

    def qualified(self, page: str, focus: Tokens) -> bool:
        """True when the page's title is the focus with words added ("Genetic obesity")."""
        title = self.labels.get(page, ())
        return covers(title, focus) and bool(content_words(title) - content_words(focus))

    def inherited(self, page: str, focus: Tokens) -> bool:
        """True when the page is only the inherited form of a cancer focus."""
        return inherited_form(self.labels.get(page, ()), focus)

    def named(self, page: str, focus: Tokens) -> bool:
        """True when one name of the page holds every word of the focus."""
        return any(covers(name, focus) for name in self.names_of.get(page, ()))

    def ends(self, page: str, focus: Tokens) -> bool:
        """True for "childhood/adult <place> <a name of the page of three words or more>".

        "Childhood Central Nervous System Atypical Teratoid/Rhabdoid Tumor" ends in
        "Atypical teratoid rhabdoid tumor": the place adds nothing the CUI does not say.
        Only after a childhood/adult word (the form rule's reading, NCI's titles):
        "PDGFRA-associated chronic eosinophilic leukemia" or "autosomal dominant
        congenital stationary night blindness" are narrower than the page, and never
        after "non" nor in a list ("Erb-Duchenne and Dejerine-Klumpke Palsies").
        """
        if not focus or focus[0] not in FORM_WORDS or "and" in focus:
            return False
        return any(len(name) >= _ENDING_WORDS and len(focus) > len(name)
                   and focus[-len(name):] == name and focus[-len(name) - 1] != "non"
                   for name in self.names_of.get(page, ()))


def _fold(tokens: Tokens) -> Tokens:
    # Only the words for a malignant growth: a "tumor" or a "neoplasm" may be benign.
    # "Children's interstitial lung disease" is "childhood interstitial lung disease".
    return tuple(_MALIGNANT.get(word, _CHILDREN.get(word, word)) for word in tokens)


def _last_part(name: str) -> Tokens:
    """"oral cavity cancer" for "Lip and oral cavity carcinoma"; () for other names."""
    head, _, tail = name.partition(" and ")
    if not head or "," in name or " and " in tail or len(tail.split()) < 2:
        return ()
    return _fold(name_tokens(tail))


def _inverted(name: str) -> Tokens:
    """"chronic myeloproliferative neoplasm" for "Myeloproliferative neoplasm, chronic"."""
    head, comma, tail = name.partition(",")
    if not comma or "," in tail or not tail.strip():
        return ()
    return name_tokens(f"{tail} {head}")


def link_documents(documents: Iterable[PlainDocument],
                   identity: IdentityData) -> list[PlainLink]:
    """Place every document on a page, or say why it is not placed."""
    names = _Names(identity.names, identity.labels)
    return [_link(document, identity, names) for document in documents]


def _link(document: PlainDocument, identity: IdentityData, names: _Names) -> PlainLink:
    reasons: list[str] = []
    if document.gard_id is not None:
        page = identity.page_of.get(document.gard_id)
        if page is not None:
            return PlainLink(document.document_id, page, "gard-id")
        reasons.append(f"{document.gard_id} is on no page")
    variants = focus_variants(document.focus)
    focus = name_tokens(variants[1])
    group = _in_plural(variants[1])
    for text in (*variants, *filter(_spelled_out, document.synonyms)):
        found = names.find(text, focus, reworded=text in variants)
        if isinstance(found, tuple):
            page, rule = found
            # The document's own name on a page is that page; a synonym (GHR lists its
            # subtypes' names among them) must not lead to a page narrower than the focus.
            own = rule == "name" and text in variants and not names.inherited(page, focus)
            # A focus in the plural names a group: not one numbered member's synonym
            # ("Generalized Gangliosidoses" is a synonym of GM1 gangliosidosis type 1).
            member = rule == "synonym" and group and bool(designations(names.labels.get(
                page, ())))
            if (own or not names.narrower(page, focus)) and not member:
                # "Adult X" on a page titled "X" (named "X, adult" too) is about that form.
                title = names.labels.get(page)
                form = title is not None and content_words(focus) & FORM_WORDS - content_words(
                    title)
                return PlainLink(document.document_id, page, rule,
                                 about=document.focus if form else None)
            reasons.append(f"{text!r} names {page}, narrower than the document")
        elif isinstance(found, str):
            reasons.append(found)
    listed = _by_list(document, names, reasons)
    if listed is not None:
        return listed
    by_cui = _by_cui(document, identity, names, reasons)
    if by_cui is not None:
        return by_cui
    for text in focus_variants(document.focus):
        base = without_form_words(text)
        if base is None or not isinstance(found := names.find(base), tuple):
            continue
        # The page of X, not a page titled as X with a qualifier: "Obesity" is a name of
        # "Genetic obesity", which is no page for "Obesity in Children".
        if names.qualified(found[0], name_tokens(base)):
            reasons.append(f"{base!r} names {found[0]}, titled narrower")
            continue
        return PlainLink(document.document_id, found[0], "form", about=document.focus)
    reasons.append(f"no page is named {document.focus!r}")
    return PlainLink(document.document_id, None, "unlinked", reason="; ".join(reasons))


def _by_cui(document: PlainDocument, identity: IdentityData, names: _Names,
            reasons: list[str]) -> PlainLink | None:
    # The focus without site wording, or one of its parts ("Prostate Enlargement: Benign
    # Prostatic Hyperplasia"): the page must be named by one of them, and not narrower.
    foci = [name_tokens(v) for v in focus_variants(document.focus)[1:]]
    candidates: list[tuple[str, Tokens]] = []
    for cui in document.cuis:
        for mapped in identity.umls.get(f"UMLS:{cui}", ()):
            page = identity.page_of.get(mapped)
            if page is None:
                continue
            named = [focus for focus in foci if focus and (names.named(page, focus)
                                                           or names.ends(page, focus))]
            wide = [focus for focus in named if not names.narrower(page, focus)]
            if wide:
                candidates.append((page, wide[0]))
            elif named:
                reasons.append(f"CUI {cui} maps to {page}, narrower than the document")
            else:
                reasons.append(f"CUI {cui} maps to {page}, whose names do not match")
    if not candidates:
        if document.cuis and not any(r.startswith("CUI") for r in reasons):
            reasons.append("its CUIs map to no page")
        return None
    best, focus = min(candidates, key=lambda c: (not covers(names.labels.get(c[0], ()), c[1]),
                                                 primary_key(c[0])))
    # "Childhood X" on the page of X is about that form, as with the form rule.
    form = content_words(focus) & FORM_WORDS - content_words(names.labels.get(best, ()))
    return PlainLink(document.document_id, best, "umls",
                     about=document.focus if form else None)


def _by_list(document: PlainDocument, names: _Names,
             reasons: list[str]) -> PlainLink | None:
    """Every page of a focus naming several diseases, each as a whole name, or None.

    "Thymoma and Thymic Carcinoma", "Mycosis Fungoides and the Sezary Syndrome";
    "Ovarian, Fallopian Tube, and Primary Peritoneal Cancer" shares its last word: a
    part naming no page is read with it ("Ovarian Cancer"). Every part must name a page
    that is not narrower than it, or the document is not placed by this rule: "Tetanus,
    Diphtheria, and Pertussis Vaccines" and "Diabetes and Pregnancy" are topics.
    """
    plain = focus_variants(document.focus)[1]
    parts = [p.strip() for p in _LIST.split(plain) if p.strip()]
    # A list ends in "and": the comma of "neuropathy, type II" separates no diseases.
    if len(parts) < 2 or not _LAST_AND.search(plain):
        return None
    shared = parts[-1].split()[-1]
    pages: list[str] = []
    for part in parts:
        page = None
        for text in (part, f"{part} {shared}"):
            found = names.find(text)
            if isinstance(found, tuple) and not names.narrower(found[0],
                                                               name_tokens(text)):
                page = found[0]
                break
        # "Oral Cavity [Cancer]" is the last part of "Lip and oral cavity cancer".
        page = page or names.listing(f"{part} {shared}")
        if page is None:
            reasons.append(f"the listed {part!r} names no page")
            return None
        pages.append(page)
    unique = list(dict.fromkeys(pages))
    return PlainLink(document.document_id, unique[0], "list", also=tuple(unique[1:]))


def _in_plural(text: str) -> bool:
    """True when a name ends in a plural of a group ("Disorders", "Gangliosidoses").

    Not any final "s": "Diabetes", "Herpes" and "Measles" are one disease each.
    """
    words = normalize(_POSSESSIVE.sub("", text)).split()
    return bool(words) and (_GREEK_PLURAL.search(words[-1]) is not None
                            or words[-1] in _GROUP_NOUNS)


def _spelled_out(synonym: str) -> bool:
    """False for an abbreviation ("SSS", "ARMD"): one short word names many diseases."""
    words = synonym.split()
    return len(words) > 1 or (len(synonym) > 5 and not synonym.isupper())


def focus_variants(focus: str) -> list[str]:
    """The focus as written, then without site wording (always second), then its parts."""
    variants = [focus]
    plain = _TAIL.sub("", _LEAD.sub("", _PARENTHESES.sub("", focus))).strip()
    variants.append(plain)
    variants += [part.strip() for part in _PARTS.split(plain) if part.strip()]
    # The other reading of a bracketed word, and "X virus disease" as "X virus infection".
    variants.append(_TAIL.sub("", _LEAD.sub("", _ALTERNATIVE.sub(r"\2", focus))).strip())
    variants += [_VIRUS_DISEASE.sub("virus infection", v) for v in list(variants)]
    variants += [_LEAD.sub("", v).strip() for v in list(variants)]
    variants += [subject for v in list(variants) for subject in _guide_subjects(v)]
    return [variants[0], variants[1], *[v for v in dict.fromkeys(variants[2:])
                                        if v and v not in variants[:2]]]


def _guide_subjects(text: str) -> list[str]:
    """The diseases a guide's title names in a sentence; "X's" alone is "X's disease"."""
    # Only the first: "Am I at Risk for Type 2 Diabetes? ... Risk of Getting Diabetes".
    found = min(((m.start(), m.group(1).strip()) for pattern in _GUIDE
                 if (m := pattern.search(text))), default=None)
    if found is None:
        return []
    subject = found[1]
    return [f"{subject} disease" if _POSSESSIVE.search(subject) else subject]


def without_form_words(text: str) -> str | None:
    """"acute lymphoblastic leukemia" for "Adult Acute Lymphoblastic Leukemia"; else None.

    "X in Children" is read as "Childhood X".
    """
    if _IN_AGE.search(text):
        return _IN_AGE.sub("", text).strip() or None
    words = text.split()
    kept = [w for w in words if w.lower() not in FORM_WORDS]
    return " ".join(kept) if kept and len(kept) < len(words) else None


def identity_of(conn: Connection) -> IdentityData:
    """The identity data of a built snapshot (its identifiers, mappings and names)."""
    ident = schema.disease_identifier
    page_of = {row.curie: row.disease_id
               for row in conn.execute(select(ident.c.curie, ident.c.disease_id))}
    umls: dict[str, list[str]] = defaultdict(list)
    mapping = schema.mapping
    for row in conn.execute(select(mapping.c.subject, mapping.c.object).where(
            mapping.c.object.like("UMLS:%"), mapping.c.predicate == "exact")):
        umls[row.object].append(row.subject)
    name = schema.disease_name
    names = [(row.disease_id, row.name, row.kind) for row in conn.execute(
        select(name.c.disease_id, name.c.name, name.c.kind).where(
            name.c.kind.in_(("name", "synonym")), name.c.disease_id.is_not(None)))]
    d = schema.disease
    labels = {row.id: row.name for row in conn.execute(select(d.c.id, d.c.name))}
    return IdentityData(page_of, {k: tuple(v) for k, v in umls.items()}, names, labels)


def stored_documents(conn: Connection) -> list[PlainDocument]:
    """The documents of the loaded plain-language sections, one each."""
    section = schema.plain_section
    seen: dict[str, PlainDocument] = {}
    for row in conn.execute(select(
            section.c.document_id, section.c.collection, section.c.focus, section.c.cuis,
            section.c.gard_id, section.c.synonyms).order_by(section.c.id)):
        if row.document_id not in seen:
            seen[row.document_id] = PlainDocument(
                row.document_id, row.collection, row.focus,
                tuple(c for c in row.cuis.split(";") if c), row.gard_id,
                tuple(s for s in row.synonyms.split("|") if s))
    return list(seen.values())


def link_plain_texts(engine: Engine) -> int:
    """Fill ``plain_link`` for every loaded document that links; returns the rows written."""
    with engine.connect() as conn:
        documents = stored_documents(conn)
        if not documents:
            return 0
        identity = identity_of(conn)
    rows = [{"document_id": link.document_id, "disease_id": page, "rule": link.rule,
             "about": link.about}
            for link in link_documents(documents, identity) for page in link.pages]
    if rows:
        with engine.begin() as conn:
            conn.execute(insert(schema.plain_link), rows)
    return len(rows)
