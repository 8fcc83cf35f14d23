"""The exported calendar on a real CalDAV server (Radicale): uploaded, then queried server-side.

A Radicale server (installed with the test extras) is started on loopback with a temporary
storage folder and no authentication; each VEVENT of our export is PUT as its own resource
together with our VTIMEZONE, byte for byte as :func:`to_ical` wrote it; then calendar-query
REPORTs with a time-range (and a CATEGORIES text-match) must give back exactly the windows the
notices give (worked out by hand below) and the plan gives.  Only the standard library speaks
HTTP here; icalendar reads the server's answers.
"""

from __future__ import annotations

import base64
import http.client
import socket
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from importlib import resources
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

import attrs
import icalendar
import pytest

from answerfile import overlapping_windows
from chukan_schedule import JULY_2017, Plan, parse_plan
from chukan_schedule.ics import to_ical

JST = ZoneInfo("Asia/Tokyo")
UTC = timezone.utc
USER = "chukan"
COLLECTION = f"/{USER}/july2017/"
NS = {"D": "DAV:", "C": "urn:ietf:params:xml:ns:caldav"}
READY_DEADLINE_SECONDS = 120.0  # a safety net only: the fixture polls until the server answers


def jst(day: int, hour: int, minute: int = 0) -> datetime:
    """A July 2017 JST instant; day 32 is 2017-08-01."""
    if day == 32:
        return datetime(2017, 8, 1, hour, minute, tzinfo=JST)
    return datetime(2017, 7, day, hour, minute, tzinfo=JST)


@attrs.frozen
class Server:
    host: str
    port: int
    log: Path

    def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            token = base64.b64encode(f"{USER}:unused".encode()).decode()
            all_headers = {"Authorization": f"Basic {token}", **(headers or {})}
            conn.request(method, path, body=body, headers=all_headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _answers(host: str, port: int) -> bool:
    try:
        conn = http.client.HTTPConnection(host, port, timeout=5)
        try:
            conn.request("OPTIONS", "/")
            conn.getresponse().read()
            return True
        finally:
            conn.close()
    except OSError:
        return False


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A Radicale server on a free loopback port; stopped (terminate, then kill) whatever happens."""
    root = tmp_path_factory.mktemp("radicale")
    for attempt in range(5):  # another program may take the free port between our probe and Radicale's bind
        port = _free_port()
        log_path = root / f"radicale-{attempt}.log"
        command = [
            sys.executable, "-m", "radicale",
            "--config", "",  # no system or user configuration files
            "--server-hosts", f"127.0.0.1:{port}",
            "--auth-type", "none",
            "--rights-type", "owner_only",
            "--storage-filesystem-folder", str(root / "collections"),
            "--logging-level", "warning",
        ]  # fmt: skip
        with log_path.open("wb") as log:
            proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + READY_DEADLINE_SECONDS
            while proc.poll() is None and not _answers("127.0.0.1", port):
                if time.monotonic() > deadline:
                    pytest.fail(f"Radicale did not answer within {READY_DEADLINE_SECONDS}s: {log_path.read_text()}")
                time.sleep(0.05)
            if proc.poll() is not None:
                continue  # it exited (port taken?): try another port
            yield Server("127.0.0.1", port, log_path)
            return
        finally:
            _stop(proc)
    pytest.fail(f"Radicale would not start: {log_path.read_text()}")


def _blocks(ics: bytes, name: str) -> list[bytes]:
    """The raw ``BEGIN:name`` .. ``END:name`` blocks of ``ics``, CRLFs and folding as written."""
    begin, end = f"BEGIN:{name}\r\n".encode(), f"END:{name}\r\n".encode()
    out, pos = [], 0
    while (i := ics.find(begin, pos)) >= 0:
        j = ics.index(end, i) + len(end)
        out.append(ics[i:j])
        pos = j
    return out


@pytest.fixture(scope="module")
def calendar(radicale: Server) -> Server:
    """The collection, created with MKCALENDAR and filled with every event of the export."""
    mkcalendar = (
        b'<?xml version="1.0" encoding="utf-8"?>'
        b'<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>'
        b"<D:displayname>Municipal middle server, July 2017</D:displayname>"
        b'<C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>'
        b"</D:prop></D:set></C:mkcalendar>"
    )
    status, body = radicale.request("MKCALENDAR", COLLECTION, mkcalendar, {"Content-Type": "application/xml"})
    assert status == 201, (status, body, radicale.log.read_text())

    ics = to_ical(JULY_2017)
    (vtimezone,) = _blocks(ics, "VTIMEZONE")
    head = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//chukan-schedule//chukan-schedule//EN\r\n"
    for vevent in _blocks(ics, "VEVENT"):
        uid = str(icalendar.Event.from_ical(vevent)["UID"])
        resource = head + vtimezone + vevent + b"END:VCALENDAR\r\n"
        status, body = radicale.request(
            "PUT",
            COLLECTION + quote(uid) + ".ics",
            resource,
            {"Content-Type": "text/calendar; charset=utf-8", "If-None-Match": "*"},
        )
        assert status == 201, (uid, status, body, radicale.log.read_text())
    return radicale


def _utc(ts: datetime) -> str:
    return ts.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _query(
    server: Server, start: datetime, end: datetime, operation: str | None, collection: str = COLLECTION
) -> list[icalendar.Event]:
    """REPORT calendar-query: the events overlapping [start, end), expanded, optionally by X-CHUKAN-OPERATION."""
    prop_filter = ""
    if operation is not None:
        prop_filter = (
            f'<C:prop-filter name="X-CHUKAN-OPERATION"><C:text-match collation="i;octet">{operation}</C:text-match>'
            "</C:prop-filter>"
        )
    body = (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<C:calendar-query xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
        f'<D:prop><C:calendar-data><C:expand start="{_utc(start)}" end="{_utc(end)}"/></C:calendar-data></D:prop>'
        '<C:filter><C:comp-filter name="VCALENDAR"><C:comp-filter name="VEVENT">'
        f'<C:time-range start="{_utc(start)}" end="{_utc(end)}"/>{prop_filter}'
        "</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>"
    ).encode()
    status, answer = server.request(
        "REPORT", collection, body, {"Content-Type": "application/xml; charset=utf-8", "Depth": "1"}
    )
    assert status == 207, (status, answer)
    events: list[icalendar.Event] = []
    for data in ET.fromstring(answer).iterfind("D:response/D:propstat/D:prop/C:calendar-data", NS):
        assert data.text, answer
        events.extend(
            e for e in icalendar.Calendar.from_ical(data.text).walk("VEVENT") if isinstance(e, icalendar.Event)
        )
    return events


def _spans(events: list[icalendar.Event]) -> list[tuple[datetime, datetime]]:
    return sorted((e.decoded("DTSTART"), e.decoded("DTEND")) for e in events)


def _operation(event: icalendar.Event) -> str:
    return str(event["X-CHUKAN-OPERATION"])


def test_every_event_is_stored(calendar: Server) -> None:
    status, answer = calendar.request("PROPFIND", COLLECTION, b"", {"Depth": "1"})
    assert status == 207
    hrefs = [h.text for h in ET.fromstring(answer).iterfind("D:response/D:href", NS)]
    # 19 registration + 15 code acquisition + 14 linkage + 5 linkage test windows, 6 periods, and 8
    # milestones less the two that have a period's days and clause (told in that period's event)
    assert len([h for h in hrefs if h and h.endswith(".ics")]) == 19 + 15 + 14 + 5 + 6 + 6


def test_week_of_code_acquisition_from_the_server(calendar: Server) -> None:
    start, end = jst(13, 0), jst(20, 0)  # 2017-07-13T00:00+09:00 .. 2017-07-20T00:00+09:00
    events = _query(calendar, start, end, "code_acquisition")
    assert all(_operation(e) == "code_acquisition" for e in events)
    # By hand (the per-day answer file; N6): weekdays 13, 14, 18, 19 08:00-21:00; 15 (Sat), 16 (Sun),
    # 17 (Marine Day) 09:00-17:00 only because the resident registry network runs then.
    expected = overlapping_windows("code_acquisition", start, end)
    assert len(expected) == 7
    assert _spans(events) == expected
    assert _spans(events) == [(w.start, w.end) for w in JULY_2017.windows("code_acquisition", start, end)]


def test_registration_overlapping_a_ragged_range(calendar: Server) -> None:
    """CalDAV returns whole events that overlap; the library clips: compare each accordingly."""
    start, end = jst(13, 12), jst(18, 12)  # 2017-07-13T12:00+09:00 .. 2017-07-18T12:00+09:00
    events = _query(calendar, start, end, "registration")
    assert all(_operation(e) == "registration" for e in events)
    # By hand (the per-day answer file; H): weekday registration runs until 24:00; rest days
    # (15, 16, 17) 09:00-17:00: six whole windows overlap the range.
    whole = overlapping_windows("registration", start, end)
    assert [s.day for s, _ in whole] == [13, 14, 15, 16, 17, 18]
    assert _spans(events) == whole
    clipped = [(max(s, start), min(e, end)) for s, e in _spans(events)]
    assert clipped[0] == (jst(13, 12), jst(14, 0))
    assert clipped[-1] == (jst(18, 8), jst(18, 12))
    assert clipped == [(w.start, w.end) for w in JULY_2017.windows("registration", start, end)]
    overlapping = [w for w in JULY_2017.windows("registration") if w.start < end and w.end > start]
    assert _spans(events) == [(w.start, w.end) for w in overlapping]


def test_linkage_only_after_suppression_ends(calendar: Server) -> None:
    # "linkage" is a substring of "linkage_test": a CalDAV text-match is "contains", so filter exactly here.
    start, end = jst(1, 0), jst(32, 0)
    events = [e for e in _query(calendar, start, end, "linkage") if _operation(e) == "linkage"]
    tests = [e for e in _query(calendar, start, end, "linkage") if _operation(e) == "linkage_test"]
    assert min(_spans(events))[0] == jst(18, 8)  # T: linkage starts 07-18, N5 holds it back before
    assert _spans(tests) == [(jst(d, 8), jst(d, 21)) for d in range(3, 8)]  # N2: 07-03..07 within H
    assert _spans(events) == [(w.start, w.end) for w in JULY_2017.windows("linkage")]


def test_all_day_events_of_a_planned_stop_day(calendar: Server) -> None:
    # 12:00-21:00 JST on 07-10 lies inside 07-10 however a server places a floating date.
    events = _query(calendar, jst(10, 12), jst(10, 21), None)
    assert sorted(str(e["UID"]) for e in events) == [
        "2017-07-milestone-linkage_suppression@chukan-schedule",  # N5: 07-08..07-17
        "2017-07-milestone-master_data@chukan-schedule",  # N4: 07-10
        "2017-07-period-20170710@chukan-schedule",  # T / N4: planned stop 07-10..12
    ]
    by_uid = {str(e["UID"]): e for e in events}
    period = by_uid["2017-07-period-20170710@chukan-schedule"]
    assert period.decoded("DTSTART") == date(2017, 7, 10)
    assert period.decoded("DTEND") == date(2017, 7, 13)  # exclusive: the stop is 10, 11 and 12
    assert period.decoded("DTEND") - period.decoded("DTSTART") == timedelta(days=3)


# ---- a corrected plan imported over the old one ----

JULY_TEXT = resources.files("chukan_schedule").joinpath("plans", "2017-07.toml").read_text(encoding="utf-8")
CORRECTED_COLLECTION = f"/{USER}/july2017-corrected/"


def _corrected() -> Plan:
    """July 2017 corrected: weekday linkage from 09:00 (not 08:00), no code acquisition on 07-15; revision 1."""
    linkage = 'hours = ["08:00", "21:00"]           # T "18日'
    n6 = 'first_day = 2017-07-15\nlast_day = 2017-07-17\nhours = ["09:00", "17:00"]           # N6'
    assert JULY_TEXT.count(linkage) == 1 and JULY_TEXT.count(n6) == 1
    text = JULY_TEXT.replace(linkage, linkage.replace("08:00", "09:00")).replace(n6, n6.replace("07-15", "07-16"))
    text = text.replace("format = 1\n", "format = 1\nrevision = 1\nrevised = 2017-07-14T18:00:00+09:00\n", 1)
    return parse_plan(text, source="<corrected>")


def _import(server: Server, ics: bytes, collection: str) -> None:
    """What a client does on import: each event stored under its UID, replacing the one it had."""
    (vtimezone,) = _blocks(ics, "VTIMEZONE")
    head = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//chukan-schedule//chukan-schedule//EN\r\n"
    for vevent in _blocks(ics, "VEVENT"):
        uid = str(icalendar.Event.from_ical(vevent)["UID"])
        resource = head + vtimezone + vevent + b"END:VCALENDAR\r\n"
        status, body = server.request(
            "PUT", collection + quote(uid) + ".ics", resource, {"Content-Type": "text/calendar; charset=utf-8"}
        )
        assert status in (201, 204), (uid, status, body, server.log.read_text())


def test_the_corrected_calendar_replaces_the_old_events(radicale: Server) -> None:
    mkcalendar = (
        b'<?xml version="1.0" encoding="utf-8"?>'
        b'<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>'
        b'<C:supported-calendar-component-set><C:comp name="VEVENT"/></C:supported-calendar-component-set>'
        b"</D:prop></D:set></C:mkcalendar>"
    )
    status, body = radicale.request("MKCALENDAR", CORRECTED_COLLECTION, mkcalendar, {"Content-Type": "application/xml"})
    assert status == 201, (status, body)
    corrected = _corrected()
    _import(radicale, to_ical(JULY_2017), CORRECTED_COLLECTION)
    before = _query(radicale, jst(18, 0), jst(19, 0), "linkage", CORRECTED_COLLECTION)
    assert _spans([e for e in before if _operation(e) == "linkage"]) == [(jst(18, 8), jst(18, 21))]
    _import(radicale, to_ical(corrected, previous=JULY_2017), CORRECTED_COLLECTION)

    # One event per window, with the new times: weekday linkage 09:00-21:00 (rest days unchanged).
    events = _query(radicale, jst(1, 0), jst(32, 0), "linkage", CORRECTED_COLLECTION)
    linkage = [e for e in events if _operation(e) == "linkage"]
    weekdays = (18, 19, 20, 21, 24, 25, 26, 27, 28, 31)
    rest_days = (22, 23, 29, 30)
    expected = sorted([(jst(d, 9), jst(d, 21)) for d in weekdays] + [(jst(d, 9), jst(d, 17)) for d in rest_days])
    assert _spans(linkage) == expected
    assert all(e["SEQUENCE"] == 1 for e in linkage)
    # The code acquisition of 07-15 is gone from the plan: the stored event is now cancelled.
    codes = _query(radicale, jst(15, 0), jst(16, 0), "code_acquisition", CORRECTED_COLLECTION)
    assert [(str(e["STATUS"]), e["SEQUENCE"]) for e in codes] == [("CANCELLED", 1)]
    # Nothing was duplicated: as many resources as the corrected calendar has events (the cancelled one included).
    status, answer = radicale.request("PROPFIND", CORRECTED_COLLECTION, b"", {"Depth": "1"})
    hrefs = [
        h.text for h in ET.fromstring(answer).iterfind("D:response/D:href", NS) if h.text and h.text.endswith(".ics")
    ]
    assert len(hrefs) == 19 + 15 + 14 + 5 + 6 + 6
