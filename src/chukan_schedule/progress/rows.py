"""Each row of a sheet checked against P1, as it is read.

The P1 rule (second notice): advise an organization whose sheet shows, for some item,

* a registered count (実登録件数) below half of the planned count (登録予定件数), column (f):
  strictly below, ``2 * registered < planned`` in whole numbers (SPEC point 7);
* no count-range check (登録対象範囲（件数）の確認); or
* no accuracy check after registration (登録後の正確性の確認, the sample check, column (d)).

A blank registered count is read as 0 and says so.  When the sheet has the ratio (f), it is
read too: with the counts on the row, a ratio that disagrees with registered/planned beyond
its rounding is noted on the row (the counts decide); without them, (f) decides.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from operator import itemgetter
from typing import NamedTuple

from ..lang import Lang, Text
from ..messages import CATALOG, Message, msg
from ..model import Reason
from .cells import CHECK_MARKS, DONE, MAX_COUNT_DIGITS, NOT_DONE, parse_check, parse_count, parse_ratio
from .columns import label
from .sheeterror import shown

__all__ = ["CHECK_REASONS", "CLAUSE", "RowError", "RowResult", "make_checker", "percent"]

CLAUSE = "P1"


class RowResult(NamedTuple):
    """One row of the sheet, read and checked against P1.

    ``line`` is the 1-based line (CSV) or row (xlsx) where the row starts.  ``ratio`` is
    registered / planned (``None`` when the planned count is zero), or the sheet's ratio (f)
    when the row has no counts (then ``planned`` and ``registered`` are ``None``).
    ``prefecture`` and ``organization_code`` are ``None`` when the sheet has no such column.
    ``notes`` are remarks on the sheet that are not reasons for advice (a ratio (f) that
    disagrees with the counts).  ``cells`` are the row's original cells.
    """

    line: int
    organization: str
    item: str
    planned: int | None
    registered: int | None
    ratio: float | None
    range_checked: bool
    accuracy_checked: bool
    needs_advice: bool
    reasons: tuple[Reason, ...]
    cells: tuple[str, ...] = ()
    prefecture: str | None = None
    organization_code: str | None = None
    notes: tuple[Reason, ...] = ()


class RowError(NamedTuple):
    """A row that could not be read: its line, every problem found (English and Japanese), its cells."""

    line: int
    message: str
    cells: tuple[str, ...] = ()
    message_ja: str = ""
    prefecture: str | None = None
    organization_code: str | None = None
    organization: str = ""

    def text(self, lang: str) -> str:
        return self.message_ja if lang == "ja" and self.message_ja else self.message


def percent(registered: int, planned: int) -> str:
    """registered/planned as a percentage rounded *down* to 0.1 %, so below half never shows 50.0%."""
    per_mille = registered * 1000 // planned
    return f"{per_mille // 10}.{per_mille % 10}%"


def _fraction_percent(value: Fraction) -> str:
    per_mille = value.numerator * 1000 // value.denominator
    return f"{per_mille // 10}.{per_mille % 10}%"


def _templates(message_id: str) -> tuple[str, str]:
    """A catalog entry's English and Japanese templates, looked up once at import for the per-row path."""
    entry = CATALOG[message_id]
    return entry.en, entry.ja


def _reason(message_id: str) -> Reason:
    """P1's reason from the catalog, in both languages (one without parameters)."""
    en, ja = _templates(message_id)
    return Reason(CLAUSE, en, ja)


_INCONSISTENT = _templates("progress.reason.inconsistent")
_BLANK_BELOW_HALF = _templates("progress.reason.blank_below_half")
_BELOW_HALF = _templates("progress.reason.below_half")
_RATIO_BELOW_HALF = _templates("progress.reason.ratio_below_half")
_RATIO_DISAGREES = _templates("progress.reason.ratio_disagrees")


_FIELD = re.compile(r"\{(\w+)\}")


def _formatter(template: str, names: tuple[str, ...]) -> Callable[[tuple[str, ...]], str]:
    """``template.format`` for text values given in the order of ``names``, as a %-format made
    once (several times quicker per row); ``str.format`` itself for a template with anything
    but plain ``{name}`` fields."""
    pieces = _FIELD.split(template)
    literals, fields = pieces[0::2], pieces[1::2]
    if any("{" in t or "}" in t for t in literals) or not set(fields) <= set(names):
        return lambda values: template.format(**dict(zip(names, values, strict=True)))
    fmt = "%s".join(t.replace("%", "%%") for t in literals)
    order = tuple(names.index(f) for f in fields)
    if order == tuple(range(len(names))):
        return fmt.__mod__
    if not order:
        return lambda values: fmt % ()
    pick = itemgetter(*order)
    if len(order) == 1:
        return lambda values: fmt % (pick(values),)
    return lambda values: fmt % pick(values)


def _formatters(templates: tuple[str, str], *names: str) -> tuple[Callable[[tuple[str, ...]], str], ...]:
    return tuple(_formatter(t, names) for t in templates)


_INCONSISTENT_EN, _INCONSISTENT_JA = _formatters(_INCONSISTENT, "registered")
_BLANK_BELOW_HALF_EN, _BLANK_BELOW_HALF_JA = _formatters(_BLANK_BELOW_HALF, "planned", "pct")
_BELOW_HALF_EN, _BELOW_HALF_JA = _formatters(_BELOW_HALF, "registered", "planned", "pct")


_RANGE = _reason("progress.reason.range")
_ACCURACY = _reason("progress.reason.accuracy")


#: (range checked, accuracy checked) -> the reasons the checks give: four tuples shared by every row.
CHECK_REASONS: dict[tuple[bool, bool], tuple[Reason, ...]] = {
    (r, a): tuple(x for x, ok in ((_RANGE, r), (_ACCURACY, a)) if not ok) for r in (True, False) for a in (True, False)
}


def count_reasons(planned: int, registered: int, blank: bool) -> list[Reason]:
    """The reason the counts give, if any: a registered count below half of the planned one
    (``blank``: the registered cell was blank, read as 0), or registered with nothing planned."""
    if planned == 0 and registered > 0:
        values: tuple[str, ...] = (f"{registered:,}",)
        return [Reason(CLAUSE, _INCONSISTENT_EN(values), _INCONSISTENT_JA(values))]
    if planned > 0 and 2 * registered < planned:  # strictly below half (SPEC point 7), exact in integers
        per_mille = registered * 1000 // planned
        pct = f"{per_mille // 10}.{per_mille % 10}%"  # percent(registered, planned), without the call
        if blank:
            values = (f"{planned:,}", pct)
            return [Reason(CLAUSE, _BLANK_BELOW_HALF_EN(values), _BLANK_BELOW_HALF_JA(values))]
        values = (f"{registered:,}", f"{planned:,}", pct)
        return [Reason(CLAUSE, _BELOW_HALF_EN(values), _BELOW_HALF_JA(values))]
    return []


_Check = Callable[[int, list[str], "Message | None"], "RowResult | RowError"]


def make_checker(columns: dict[str, int], width: int) -> _Check:
    """A function that checks one row (line, cells, decoding problem) of a sheet whose header
    maps ``columns`` (field -> 0-based index) and has ``width`` cells."""
    i_org, i_item = columns["organization"], columns["item"]
    i_range, i_acc = columns["range_checked"], columns["accuracy_checked"]
    i_planned, i_registered = columns.get("planned"), columns.get("registered")
    i_ratio, i_pref, i_code = columns.get("ratio"), columns.get("prefecture"), columns.get("organization_code")
    required = {f: i for f, i in columns.items() if f not in ("ratio", "prefecture", "organization_code")}
    need = max(required.values()) + 1
    make = RowResult._make
    reasons_cache = CHECK_REASONS

    get_mark = CHECK_MARKS.get
    fast = i_ratio is None and i_planned is not None and i_registered is not None
    f_planned = i_planned if i_planned is not None else 0
    f_registered = i_registered if i_registered is not None else 0
    limit = MAX_COUNT_DIGITS

    def check(line: int, cells: list[str], problem: Message | None) -> RowResult | RowError:
        n = len(cells)
        if fast and problem is None and n == width:  # the usual row, read at once
            p, r = cells[f_planned], cells[f_registered]
            rc, ac = get_mark(cells[i_range]), get_mark(cells[i_acc])
            if (
                rc is not None
                and ac is not None
                and p.isdigit()
                and r.isdigit()
                and p.isascii()
                and r.isascii()
                and len(p) <= limit
                and len(r) <= limit
            ):
                org, item = cells[i_org].strip(), cells[i_item].strip()
                if org and item:
                    p_n, r_n = int(p), int(r)
                    base = reasons_cache[rc, ac]
                    ratio0: float | None
                    if p_n > 0 and 2 * r_n >= p_n:
                        found, ratio0 = base, r_n / p_n
                    else:
                        found = (*count_reasons(p_n, r_n, False), *base)
                        ratio0 = r_n / p_n if p_n else None
                    return make(
                        (
                            line,
                            org,
                            item,
                            p_n,
                            r_n,
                            ratio0,
                            rc,
                            ac,
                            bool(found),
                            found,
                            tuple(cells),
                            None if i_pref is None else cells[i_pref].strip(),
                            None if i_code is None else cells[i_code].strip(),
                            (),
                        )
                    )
        problems: list[Message] = [problem] if problem else []
        if n > width and any(c.strip() for c in cells[width:]):
            problems.append(msg("progress.row.too_wide", n=n, width=width))
        short: list[str] = []
        if n < need:
            short = [f for f, i in required.items() if i >= n]
            names = Text(", ".join(label(f)[0] for f in short), "・".join(label(f)[1] for f in short))
            wording = f"{'cell' if n == 1 else 'cells'}_{'is' if len(short) == 1 else 'are'}"
            problems.append(msg(f"progress.row.short.{wording}", n=n, names=names, width=width))
            cells = [*cells, *([""] * (width - n))]
        prefecture = cells[i_pref].strip() if i_pref is not None and i_pref < len(cells) else None
        code = cells[i_code].strip() if i_code is not None and i_code < len(cells) else None
        organization = cells[i_org].strip()
        item = cells[i_item].strip()
        if not organization and "organization" not in short:
            problems.append(msg("progress.row.no_organization"))
        if not item and "item" not in short:
            problems.append(msg("progress.row.no_item"))
        planned: int | str | None = None
        registered: int | str | None = None
        blank_registered = False
        raw_planned = cells[i_planned] if i_planned is not None else ""
        raw_registered = cells[i_registered] if i_registered is not None else ""
        # The ratio (f) is not a required column: a row that stops before it has it blank.
        raw_ratio = cells[i_ratio] if i_ratio is not None and i_ratio < len(cells) else ""
        sheet_ratio = parse_ratio(raw_ratio) if i_ratio is not None else None
        bad_ratio = isinstance(sheet_ratio, str)
        if isinstance(sheet_ratio, str):
            problems.append(_ratio_problem(sheet_ratio, raw_ratio))
            sheet_ratio = None
        by_ratio = (
            i_ratio is not None and sheet_ratio is not None and not raw_planned.strip() and not raw_registered.strip()
        )
        if not by_ratio and i_planned is not None:
            planned = parse_count(raw_planned)
            registered = parse_count(raw_registered)
            if registered == "blank":
                registered, blank_registered = 0, True
            for field, value, raw in (("planned", planned, raw_planned), ("registered", registered, raw_registered)):
                if isinstance(value, str) and field not in short:
                    problems.append(_count_problem(field, value, raw))
        elif not by_ratio and not bad_ratio:  # a sheet with the ratio (f) and no counts: (f) is needed
            problems.append(msg("progress.row.no_ratio", accepted=RATIO_ACCEPTED))
        range_checked = parse_check(cells[i_range])
        accuracy_checked = parse_check(cells[i_acc])
        for field, mark, raw in (
            ("range_checked", range_checked, cells[i_range]),
            ("accuracy_checked", accuracy_checked, cells[i_acc]),
        ):
            if mark is None and field not in short:
                problems.append(
                    msg("progress.row.not_check", name=WHAT[field], cell=shown(raw), accepted=CHECK_ACCEPTED)
                )
        if problems:
            if any(("\n" in cells[i] or "\r" in cells[i]) for i in required.values() if i < n):
                problems.append(msg("progress.row.multiline"))
            return RowError(
                line,
                _joined(problems, Lang.EN),
                tuple(cells[:n]),
                _joined(problems, Lang.JA),
                prefecture,
                code,
                organization,
            )
        assert isinstance(range_checked, bool) and isinstance(accuracy_checked, bool)
        notes: tuple[Reason, ...] = ()
        if by_ratio:
            assert isinstance(sheet_ratio, tuple)
            given = sheet_ratio[0]
            reasons = [] if 2 * given >= 1 else [_ratio_reason(given)]
            ratio: float | None = float(given)
            planned = registered = None
        else:
            assert isinstance(planned, int) and isinstance(registered, int)
            reasons = (
                count_reasons(planned, registered, blank_registered)
                if (blank_registered or 2 * registered < planned or planned == 0)
                else []
            )
            ratio = None if planned == 0 else registered / planned
            if isinstance(sheet_ratio, tuple) and planned > 0:
                notes = _disagreement(sheet_ratio, registered, planned, raw_ratio)
        if reasons:
            reasons.extend(reasons_cache[range_checked, accuracy_checked])
            all_reasons = tuple(reasons)
        else:
            all_reasons = reasons_cache[range_checked, accuracy_checked]
        return make(
            (
                line,
                organization,
                item,
                planned,
                registered,
                ratio,
                range_checked,
                accuracy_checked,
                bool(all_reasons),
                all_reasons,
                tuple(cells[:n]),
                prefecture,
                code,
                notes,
            )
        )

    return check


#: How a row's problem names a field: 登録予定件数 (planned count) / 登録予定件数.
WHAT = {
    field: msg(f"progress.what.{field}") for field in ("planned", "registered", "range_checked", "accuracy_checked")
}
#: What a cell accepts (catalog messages, rendered when shown).
CHECK_ACCEPTED = msg(
    "progress.accepted_check",
    done=Text("/".join(DONE), "・".join(DONE)),
    not_done=Text("/".join(NOT_DONE), "・".join(NOT_DONE)),
)
COUNT_ACCEPTED = msg("progress.accepted_count", digits=MAX_COUNT_DIGITS)
RATIO_ACCEPTED = msg("progress.accepted_ratio")


def _joined(problems: list[Message], lang: Lang) -> str:
    """A row's problems in one line of ``lang``."""
    return msg("progress.problem_separator").text(lang).join(p.text(lang) for p in problems)


def _count_problem(field: str, what: str, raw: str) -> Message:
    cell = shown(raw, 40)
    if what == "blank":
        return msg("progress.row.count_blank", name=WHAT[field], accepted=COUNT_ACCEPTED)
    which = {"negative": "count_negative", "too large": "count_large"}.get(what, "not_count")
    return msg(f"progress.row.{which}", name=WHAT[field], cell=cell, accepted=COUNT_ACCEPTED)


def _ratio_problem(what: str, raw: str) -> Message:
    cell = shown(raw)
    if what == "ambiguous":  # a number above 1 without %: 45% or 4500%?
        number = unicodedata.normalize("NFKC", raw).strip()
        fraction = Decimal(number).scaleb(-2)
        examples: object = f"{number}%"
        if fraction <= 1:
            examples = msg("progress.row.ratio_or", percent=f"{number}%", fraction=f"{fraction:f}")
        return msg("progress.row.ratio_ambiguous", cell=cell, examples=examples, accepted=RATIO_ACCEPTED)
    return msg("progress.row.not_ratio", cell=cell, accepted=RATIO_ACCEPTED)


def _ratio_reason(value: Fraction) -> Reason:
    pct = _fraction_percent(value)
    return Reason(CLAUSE, *(t.format(pct=pct) for t in _RATIO_BELOW_HALF))


def _disagreement(sheet: tuple[Fraction, Fraction], registered: int, planned: int, raw: str) -> tuple[Reason, ...]:
    value, tolerance = sheet
    computed = Fraction(registered, planned)
    if abs(value - computed) <= tolerance:
        return ()
    cell = shown(raw.strip(), 40)
    pct = percent(registered, planned)
    return (
        Reason(
            CLAUSE,
            *(
                t.format(cell=cell, registered=f"{registered:,}", planned=f"{planned:,}", pct=pct)
                for t in _RATIO_DISAGREES
            ),
        ),
    )
