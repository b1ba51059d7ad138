"""A saved connection to a collection service or export file (syncing it is
:mod:`..jobs.sync`).

A connection holds no secret: credentials stay in the QGIS authentication database and the
connection names only the config id (``authcfg``). Addresses that carry a password or a key
are refused before they can be saved anywhere.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone, tzinfo
from urllib.parse import parse_qsl, urlsplit

import requests

from ..domain.taxonomy import Taxonomy
from ..domain.timeutil import STOCKHOLM
from ..i18n import translator
from ..store.base import Store
from .http import (
    DEFAULT_MAX_PAGE_BYTES,
    DEFAULT_REQUEST_DEADLINE,
    GuardedSession,
    SourceError,
    check_url,
)
from .records import MAPPED_FIELDS, FieldMapping
from .sync import REPORTS_SOURCE, SyncPolicy, oapif_source_key

tr = translator("Sources")

#: How times without a zone may be read ("" = the kind's default).
NAIVE_TIMES: tuple[str, ...] = ("", "utc", "stockholm")

#: The kinds of connection.
KINDS: tuple[str, ...] = ("oapif", "open311", "file")
_SECRET_PARAMS = ("key", "apikey", "api_key", "token", "access_token", "password", "passwd",
                  "pwd", "secret", "auth", "authorization", "signature", "sig")


def naive_time_labels() -> dict[str, str]:
    """Choices for times without a zone -> their names in the plugin's language."""
    return {"": tr("Default (services: UTC, files: Swedish time)"), "utc": tr("UTC"),
            "stockholm": tr("Swedish time")}


def kind_labels() -> dict[str, str]:
    """Kind -> its name in the plugin's language."""
    return {
        "oapif": "OGC API – Features",
        "open311": "Open311 GeoReport v2",
        "file": tr("Export file (CSV, Excel, GeoJSON)"),
    }


@dataclass
class Connection:
    """Everything needed to sync one source, except secrets."""

    name: str
    kind: str = "oapif"
    url: str = ""
    collection: str = ""
    file: str = ""
    authcfg: str = ""
    allow_http: bool = False
    source: str = REPORTS_SOURCE
    mapping: dict[str, str] = field(default_factory=dict)
    limit: int = 10000
    page_size: int = 200
    jurisdiction: str = ""
    history_from: str = ""
    overlap_days: float = 14.0
    full_every_days: float = 7.0
    detect_deletions: bool = True
    kommunkod: str = ""
    #: Follow next links and redirects to another origin (without the credentials).
    follow_other_origins: bool = False
    request_deadline_s: float = DEFAULT_REQUEST_DEADLINE
    sync_deadline_min: float = 240.0
    max_page_mb: float = DEFAULT_MAX_PAGE_BYTES / (1024 * 1024)
    #: Times the source sends without a zone: "utc", "stockholm", or "" for the kind's
    #: default (UTC for services, as RFC 3339 means them; Swedish time for export files).
    naive_times: str = ""
    #: The source's own category words -> a taxonomy category ("Graffiti Removal":
    #: "klotter"), for services whose names the taxonomy does not know.
    aliases: dict[str, str] = field(default_factory=dict)
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])

    # -- (de)serialisation ------------------------------------------------------------------
    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Connection:
        data = json.loads(text)
        if not isinstance(data, dict) or not data.get("name"):
            raise ValueError("not a saved connection")
        known = {f.name: f for f in fields(cls)}
        values = {}
        for key, value in data.items():
            if key not in known or value is None:
                continue
            default = getattr(cls(name="x"), key)
            if isinstance(default, bool):
                value = value if isinstance(value, bool) else str(value).lower() == "true"
            elif isinstance(default, (int, float)) and not isinstance(value, (int, float)):
                value = type(default)(value)
            values[key] = value
        return cls(**values)

    # -- derived ----------------------------------------------------------------------------
    def field_mapping(self) -> FieldMapping:
        """The kind's default mapping with this connection's own choices over it."""
        base = FieldMapping.default_for(self.kind).to_dict()
        base.update({k: v for k, v in self.mapping.items() if k in MAPPED_FIELDS and v})
        return FieldMapping(**base)

    def policy(self, *, force_full: bool = False) -> SyncPolicy:
        deadline = (time.monotonic() + 60 * self.sync_deadline_min
                    if self.sync_deadline_min > 0 else None)
        return SyncPolicy(overlap_days=self.overlap_days, full_every_days=self.full_every_days,
                          force_full=force_full, detect_deletions=self.detect_deletions,
                          deadline=deadline)

    def configure(self, session: requests.Session, policy: SyncPolicy) -> None:
        """The connection's limits on a GuardedSession: where credentials may go, how long a
        request and the whole sync may take, how big a page may be."""
        if not isinstance(session, GuardedSession):
            return
        session.follow_other_origins = self.follow_other_origins
        if self.request_deadline_s > 0:
            session.request_deadline = float(self.request_deadline_s)
        if self.max_page_mb > 0:
            session.max_bytes = int(self.max_page_mb * 1024 * 1024)
        # The pass stops between pages at its deadline; a request in flight then may take
        # a little longer, so that the pages before it are kept and the stop is clean.
        session.deadline = (None if policy.deadline is None
                            else policy.deadline + min(session.request_deadline, 60.0))

    def source_key(self) -> str:
        if self.kind == "oapif":
            return oapif_source_key(self.url.strip().rstrip("/"), self.collection)
        if self.kind == "open311":
            from .open311 import open311_source_key

            return open311_source_key(self.url, self.jurisdiction or None)
        from .exportfile import file_source_key

        return file_source_key(self.file)

    def check_aliases(self) -> None:
        """Every alias must name a category the taxonomy knows."""
        if not self.aliases:
            return
        from ..paths import taxonomy_file

        taxonomy = Taxonomy.load(taxonomy_file())
        for word, target in self.aliases.items():
            if not taxonomy.classify(str(target)).known:
                raise SourceError(tr("'{word} = {target}': no category is called '{target}'.")
                                  .format(word=word, target=target))

    def naive_tz(self) -> tzinfo:
        """The zone of times the source sends without one."""
        choice = self.naive_times.strip().lower() or ("stockholm" if self.kind == "file"
                                                      else "utc")
        return STOCKHOLM if choice == "stockholm" else timezone.utc

    def history_start(self) -> datetime | None:
        """The first moment a full sync asks for (None: the source's default)."""
        if not self.history_from.strip():
            return None
        from ..domain.timeutil import parse_time

        try:
            return parse_time(self.history_from.strip())
        except (ValueError, OverflowError) as exc:
            raise SourceError(tr("Invalid start date '{date}'.").format(
                date=self.history_from)) from exc

    def describe(self) -> str:
        where = self.file if self.kind == "file" else self.url
        extra = f" / {self.collection}" if self.kind == "oapif" and self.collection else ""
        return f"{self.name} — {kind_labels().get(self.kind, self.kind)}: {where}{extra}"

    def validate(self) -> None:
        """Raise SourceError with what to fix."""
        if not self.name.strip():
            raise SourceError(tr("Give the connection a name."))
        if self.kind not in KINDS:
            raise SourceError(tr("Unknown type '{kind}': choose oapif, open311 or file.")
                              .format(kind=self.kind))
        if not self.source.strip() or ":" in self.source:
            raise SourceError(tr("The source name must not be empty or contain ':'."))
        self.check_aliases()
        if self.naive_times.strip().lower() not in NAIVE_TIMES:
            raise SourceError(tr("Times without a zone: choose utc or stockholm, not "
                                 "'{value}'.").format(value=self.naive_times))
        if self.kommunkod:
            from .kommuner import check_kommunkod

            check_kommunkod(self.kommunkod)
        if self.kind == "file":
            if not self.file.strip():
                raise SourceError(tr("Choose an export file."))
            return
        check_url(self.url, allow_http=self.allow_http)
        check_no_secret_in_url(self.url)
        self.history_start()
        if self.kind == "oapif" and not self.collection.strip():
            raise SourceError(tr("Choose a collection (Fetch collections)."))


def parse_aliases(text: str) -> dict[str, str]:
    """"Graffiti Removal = Klotter" lines to {word: category}; SourceError naming a line
    without '='."""
    aliases: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        word, sep, target = line.partition("=")
        if not sep or not word.strip() or not target.strip():
            raise SourceError(tr("Line {number} is not 'the source's word = a category': "
                                 "{line}").format(number=number, line=line.strip()))
        aliases[word.strip()] = target.strip()
    return aliases


def aliases_text(aliases: dict[str, str]) -> str:
    return "\n".join(f"{word} = {target}" for word, target in aliases.items())


def check_no_secret_in_url(url: str) -> None:
    """Refuse an address that carries a password or key: it would end up in settings,
    projects and logs. Such secrets belong in an authentication config."""
    parts = urlsplit(url.strip())
    if parts.username or parts.password:
        raise SourceError(tr("The address holds a user name or password. Remove them and "
                             "choose an authentication config instead."))
    for key, _ in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower().replace("-", "_") in _SECRET_PARAMS:
            raise SourceError(tr("The address holds a key ('{key}='). Remove it and put the key "
                                 "in an authentication config (user 'header:Name' or "
                                 "'bearer').").format(key=key))


def last_sync(store: Store, connection: Connection) -> tuple[datetime | None, dict[str, int]]:
    """When the connection last finished a sync, and that run's counts."""
    from ..domain.incident import from_utc_text

    state = store.sync_state(connection.source_key())
    if state is None:
        return None, {}
    return from_utc_text(state.last_success), dict(state.counts)
