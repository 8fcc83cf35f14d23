"""Finding the header row: the first of the first :data:`HEADER_SEARCH_ROWS` non-blank rows
(or two rows read together, for a two-row header) that names every needed column."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from ..lang import Text
from ..messages import Listing, msg
from .columns import COLUMNS, REQUIRED, field_of, header_key, label, sheet_part, written_key
from .sheeterror import SheetError, shown, shown_name
from .sheetread import Row

__all__ = ["HEADER_SEARCH_ROWS", "Header", "find_header", "is_blank"]

#: How many non-blank rows from the top may hold the header (title rows may come first).
HEADER_SEARCH_ROWS = 10


def is_blank(cells: Sequence[str]) -> bool:
    for c in cells:  # noqa: SIM110 (a loop that stops at the first filled cell is the fastest here)
        if c and not c.isspace():
            return False
    return True


class Header:
    """The header found: its cells (two rows joined for a two-row header), field -> column, its last line."""

    def __init__(self, cells: list[str], columns: dict[str, int], line: int) -> None:
        self.cells = cells
        self.columns = columns
        self.line = line


def _missing(found: Mapping[str, int]) -> list[str]:
    counts = ("planned", "registered")
    if "ratio" in found and not any(f in found for f in counts):
        return [f for f in REQUIRED if f not in counts and f not in found]
    return [f for f in REQUIRED if f not in found]


def _match(cells: Sequence[str], overrides: Mapping[str, str]) -> tuple[dict[str, int], tuple[str, int, int] | None]:
    """field -> column, and the first field named twice (field, first column, second column)."""
    found: dict[str, int] = {}
    twice = None
    for i, cell in enumerate(sheet_part(cells)):
        if not cell.strip():
            continue
        field = field_of(cell, overrides)
        if field is None:
            continue
        if field in found:
            twice = twice or (field, found[field], i)
            continue
        found[field] = i
    return found, twice


def _joined(upper: Sequence[str], lower: Sequence[str]) -> list[str]:
    """Two header rows read as one: a lower cell under an upper one that spans it (merged, so
    written once at its left) is read with it; a lower cell alone stands for itself."""
    out: list[str] = []
    above = ""
    for i in range(max(len(upper), len(lower))):
        u = upper[i].strip() if i < len(upper) else ""
        d = lower[i].strip() if i < len(lower) else ""
        if u:
            above = u
        if d and field_of(d) is None and above:
            out.append(above + d)
        elif d:
            out.append(d)
        else:
            out.append(u)
    return out


def _unmatched(rows: Sequence[Sequence[str]], overrides: Mapping[str, str]) -> list[str]:
    """The ``--column`` headers (normalised) that no cell of ``rows`` names."""
    if not overrides:
        return []
    seen: set[str] = set()
    for cells in rows:
        for cell in cells:
            if cell.strip():
                seen.update((written_key(cell), header_key(cell)))
    return [k for k in overrides if k not in seen]


def _found_text(cells: Sequence[str]) -> Text:
    """The headers found, for an error: ``a, b`` in English, ``a、b`` in Japanese (the first 400 characters)."""
    found = [shown(c, 40) for c in cells if c.strip()]

    def capped(text: str) -> str:
        return text[:400] + "…" if len(text) > 400 else text

    return Text(capped(", ".join(found)), capped("、".join(found)))


def _override_error(shown_file: str, keys: list[str], overrides: Mapping[str, str], cells: Sequence[str]) -> SheetError:
    written: Mapping[str, str] = getattr(overrides, "written", {})
    options = [written.get(k) or f"{overrides[k]}={k}" for k in keys]
    headers = [o.partition("=")[2].strip() for o in options]
    # A header the user wrote is quoted as written: 'x' in English, 「x」 in Japanese (the ja separator is none).
    named = Text(", ".join(repr(shown(h, 40)) for h in headers), "、".join(f"「{shown(h, 40)}」" for h in headers))
    given = " ".join(f"--column {shown(o, 60)}" for o in options)
    return SheetError(
        msg("progress.override_missing", name=shown_file, given=given, headers=named, found=_found_text(cells))
    )


def _fields(fields: Iterable[str]) -> Listing:
    """Fields as errors list them: ``団体名 (organization), ...`` / ``団体名（organization）、...``."""
    return Listing(tuple(msg("progress.field", name=COLUMNS[f][0], field=f) for f in fields))


def find_header(name: str, rows: Iterator[Row], overrides: Mapping[str, str]) -> tuple[Header, list[Row], list[int]]:
    """The header, the rows read after it while looking (to be checked first), and the blank
    lines met while looking.  :class:`SheetError` when no row names every needed column."""
    candidates: list[Row] = []
    blank: list[int] = []
    for row in rows:
        if is_blank(row[1]):
            blank.append(row[0])
            continue
        candidates.append(row)
        if len(candidates) >= HEADER_SEARCH_ROWS + 1:
            break
    expected = _fields(REQUIRED)
    shown_file = shown_name(name)
    if not candidates:
        raise SheetError(msg("progress.no_header", name=shown_file, expected=expected))
    best: tuple[int, list[str], list[str]] | None = None  # (fields found, missing, cells)
    for k, (_, cells, _) in enumerate(candidates[:HEADER_SEARCH_ROWS]):
        tries: list[tuple[list[str], int]] = [(cells, k + 1)]
        if k + 1 < min(len(candidates), HEADER_SEARCH_ROWS):
            tries.append((_joined(cells, candidates[k + 1][1]), k + 2))
        for joined, after in tries:
            found, twice = _match(joined, overrides)
            missing = _missing(found)
            if not missing and after == k + 2:
                # A title above a complete header adds nothing: the header is the lower row,
                # which may have its own second row (column letters) below it.
                alone, twice_alone = _match(candidates[k + 1][1], overrides)
                if not _missing(alone) and not twice_alone and len(alone) >= len(found):
                    continue
            if not missing:
                if twice:
                    field, a, b = twice
                    raise SheetError(
                        msg("progress.twice", name=shown_file, a=a + 1, b=b + 1, field=Text(*label(field)))
                    )
                if after == k + 1 and k + 1 < min(len(candidates), HEADER_SEARCH_ROWS):
                    # A second header row below (column letters under the names, its 団体名 cell blank)?
                    below = candidates[k + 1][1]
                    i = found["organization"]
                    if i >= len(below) or not below[i].strip() or field_of(below[i], overrides) == "organization":
                        two, twice2 = _match(_joined(cells, below), overrides)
                        if not _missing(two) and not twice2:
                            joined, found, after = _joined(cells, below), two, k + 2
                used = [joined, *(row[1] for row in candidates[k:after])]
                unmatched = _unmatched(used, overrides)
                if unmatched:
                    raise _override_error(shown_file, unmatched, overrides, joined)
                last = candidates[after - 1][0]
                return Header(list(joined), found, last), candidates[after:], blank
            if best is None or len(found) > best[0]:
                best = (len(found), missing, list(joined))
    assert best is not None
    _, missing, cells = best
    unmatched = _unmatched([cells, *(row[1] for row in candidates[:HEADER_SEARCH_ROWS])], overrides)
    if unmatched:
        raise _override_error(shown_file, unmatched, overrides, cells)
    raise SheetError(
        msg(
            "progress.header_lacks",
            name=shown_file,
            lacks=_fields(missing),
            expected=expected,
            found=_found_text(cells),
            keys=Listing(tuple(COLUMNS)),
        )
    )
