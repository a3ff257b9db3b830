"""Where a paper money claim goes, and which County Court hearing centre serves a debtor's address.

Why a table: the County Court Money Claims Centre and the County Court Business Centre were
replaced by the Civil National Business Centre on 14 August 2023, and from 1 September 2023 papers
bearing the old names are returned unissued. The centre and its address are one dated row, so the
next move is a new row, not an edit to every letter and form. The N1 asks for a *preferred hearing
centre*: a claim against an individual that is defended goes to the defendant's home court, so
courtpack suggests the real hearing centre serving the debtor's postcode, and says nothing (None)
rather than invent a "County Court at {town}" when its table does not know the area.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..errors import LawError
from .basis import row_in_force


@dataclass(frozen=True)
class PaperClaimsCentre:
    """The office that issues paper Part 7 money claims, with its postal address for filing."""

    name: str
    address: tuple[str, ...]
    dx: str
    effective_from: dt.date
    source: str
    effective_to: dt.date | None = None
    verified: bool = False

    @property
    def one_line(self) -> str:
        return ", ".join((self.name, *self.address))


PAPER_CLAIMS_CENTRES: tuple[PaperClaimsCentre, ...] = (
    PaperClaimsCentre(
        "Civil National Business Centre",
        ("St Katharine's House", "21-27 St Katharine's Street", "Northampton", "NN1 2LH"),
        "DX 702885 Northampton 7",
        dt.date(2023, 8, 14),
        "PD 7A para 4A.1 and the CPR as amended from 14 August 2023, which name the Civil National Business Centre "
        "(e.g. CPR 73.10(1)); HMCTS notice of the CNBC's filing address (old names returned from 1 September 2023)",
    ),
)


def paper_claims_centre(on: dt.date) -> PaperClaimsCentre:
    """The centre (name and address) to which a paper money claim is sent on ``on``."""
    return row_in_force(PAPER_CLAIMS_CENTRES, on, "paper claims centre")


@dataclass(frozen=True)
class HearingCentre:
    """A County Court hearing centre serving a postcode area (``BS``) or a London district (``SE23``)."""

    postcode: str
    centre: str
    effective_from: dt.date
    source: str
    effective_to: dt.date | None = None
    verified: bool = False


HOME_COURT_RULE = (
    "CPR 26.5 (from 1 October 2023; formerly CPR 26.2A): a defended claim against an individual "
    "is sent to the defendant's home court, the hearing centre serving their address"
)
_FINDER = "HMCTS Court and tribunal finder, County Court money claims by postcode"
_FROM = dt.date(2016, 4, 1)  # after the 2016 court closures (Lambeth, Woolwich, Ilford...)
_AREAS = {
    # postcode area -> the main County Court hearing centre for it
    "B": "Birmingham",
    "BA": "Bath",
    "BB": "Blackburn",
    "BD": "Bradford",
    "BH": "Bournemouth and Poole",
    "BL": "Bolton",
    "BN": "Brighton",
    "BR": "Bromley",
    "BS": "Bristol",
    "CA": "Carlisle",
    "CB": "Cambridge",
    "CF": "Cardiff",
    "CH": "Chester",
    "CM": "Chelmsford",
    "CO": "Colchester",
    "CR": "Croydon",
    "CT": "Canterbury",
    "CV": "Coventry",
    "DE": "Derby",
    "DL": "Darlington",
    "DN": "Doncaster",
    "EN": "Edmonton",
    "EX": "Exeter",
    "FY": "Blackpool",
    "GL": "Gloucester and Cheltenham",
    "GU": "Guildford",
    "HD": "Huddersfield",
    "HU": "Kingston-upon-Hull",
    "IG": "Romford",
    "IP": "Ipswich",
    "KT": "Kingston-upon-Thames",
    "L": "Liverpool",
    "LA": "Lancaster",
    "LE": "Leicester",
    "LN": "Lincoln",
    "LS": "Leeds",
    "LU": "Luton",
    "M": "Manchester",
    "ME": "Medway",
    "MK": "Milton Keynes",
    "NE": "Newcastle upon Tyne",
    "NG": "Nottingham",
    "NN": "Northampton",
    "NP": "Newport (Gwent)",
    "NR": "Norwich",
    "OL": "Oldham",
    "OX": "Oxford",
    "PE": "Peterborough",
    "PL": "Plymouth",
    "PO": "Portsmouth",
    "PR": "Preston",
    "RG": "Reading",
    "RM": "Romford",
    "S": "Sheffield",
    "SA": "Swansea",
    "SK": "Stockport",
    "SN": "Swindon",
    "SO": "Southampton",
    "SR": "Sunderland",
    "SS": "Southend",
    "ST": "Stoke-on-Trent",
    "TA": "Taunton",
    "TN": "Tunbridge Wells",
    "TQ": "Torquay and Newton Abbot",
    "TR": "Truro",
    "TS": "Teesside",
    "UB": "Uxbridge",
    "WA": "Warrington",
    "WF": "Wakefield",
    "WN": "Wigan",
    "WR": "Worcester",
    "WV": "Wolverhampton",
    "YO": "York",
}
# London postcode areas span several hearing centres: only districts courtpack knows are listed.
_LONDON_AREAS = ("E", "EC", "N", "NW", "SE", "SW", "W", "WC")
_DISTRICTS = {
    **dict.fromkeys(("SE3", "SE4", "SE6", "SE8", "SE9", "SE10", "SE12", "SE13", "SE14", "SE23", "SE26"), "Bromley"),
    **dict.fromkeys(("SE19", "SE20", "SE25"), "Croydon"),
    **dict.fromkeys(
        (
            "SE1",
            "SE5",
            "SE11",
            "SE15",
            "SE16",
            "SE17",
            "SE21",
            "SE22",
            "SE24",
            "SE27",
            "SW2",
            "SW4",
            "SW8",
            "SW9",
            "SW11",
            "SW12",
            "SW15",
            "SW16",
            "SW17",
            "SW18",
            "SW19",
        ),
        "Wandsworth",
    ),
    **dict.fromkeys(("EC1", "EC2", "EC3", "EC4"), "Mayor's and City of London Court"),
    **dict.fromkeys(("WC1", "WC2", "W1", "SW1"), "Central London"),
    **dict.fromkeys(("N1", "N4", "N5", "N7", "N16", "N19", "E1", "E2", "E8"), "Clerkenwell and Shoreditch"),
    **dict.fromkeys(("E3", "E14", "E15", "E16", "E20"), "Bow"),
    **dict.fromkeys(("N9", "N13", "N14", "N18", "N21", "E4", "E17"), "Edmonton"),
    **dict.fromkeys(("NW2", "NW6", "NW10", "W9", "W10"), "Willesden"),
    **dict.fromkeys(("W3", "W4", "W5", "W7", "W13"), "Brentford"),
}
HEARING_CENTRES: tuple[HearingCentre, ...] = tuple(
    HearingCentre(
        code,
        f"County Court at {place}" if not place.startswith("Mayor") else place,
        _FROM,
        f"{_FINDER}; {HOME_COURT_RULE}",
    )
    for code, place in sorted({**_AREAS, **_DISTRICTS}.items())
)
_POSTCODE = re.compile(r"^([A-Z]{1,2})(\d[A-Z\d]?)\s*\d[A-Z]{2}$")


def hearing_centre_for(postcode: str, on: dt.date | None = None) -> str | None:
    """The County Court hearing centre serving ``postcode`` ("County Court at Leeds"), or None if unknown.

    London areas need the district (``SE23``; ``EC4M`` is looked up as ``EC4``); elsewhere the area
    (``LS``) decides. ``on`` defaults to today.
    """
    match = _POSTCODE.match(str(postcode).strip().upper())
    if not match:
        raise LawError(f"postcode {postcode!r} is not a UK postcode — give it in full, e.g. LS2 7HY")
    area, district = match.group(1), match.group(1) + match.group(2)
    number = area + match.group(2).rstrip("ABCDEFGHJKMNPRSTUVWXY")  # EC4M -> EC4, W1A -> W1
    day = on or dt.date.today()
    wanted = tuple(dict.fromkeys((district, number) if area in _LONDON_AREAS else (district, number, area)))
    for code in wanted:
        rows = [row for row in HEARING_CENTRES if row.postcode == code]
        if rows:
            try:
                return row_in_force(rows, day, f"hearing centre for {code}").centre
            except LawError:
                return None
    return None
