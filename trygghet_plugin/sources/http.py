"""One HTTP session factory for the whole plugin, and clear messages for what goes wrong.

Timeouts, retries with backoff on 5xx and 429 (honouring Retry-After), QGIS's proxy
settings, a User-Agent naming the plugin, TLS verification on, and plain http refused
except on loopback unless the user allows it for that connection.

A server is not trusted to behave:

- Credentials are never put on the session. They are added to each request whose origin
  (scheme, host, port) is the one the user configured; a ``next`` link or a redirect to
  another origin is refused (or, when the connection allows it, followed without them), and
  https never falls back to http. Redirects are followed here, one hop at a time, so that
  every hop passes the same check.
- Every request has a total deadline (not only a per-read timeout), and a page has a byte
  limit: a server that trickles a byte at a time or sends gigabytes cannot hold a sync.
- A user's cancel does not wait for a slow server: :meth:`GuardedSession.abort` shuts the
  sockets of the requests in flight (also while the headers are awaited or a retry
  backs off), and the request ends at once with :class:`RequestCancelledError`.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
import time
import weakref
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ..errors import CancelledError, TrygghetError
from ..i18n import translator
from ..meta import user_agent

tr = translator("Sources")

DEFAULT_TIMEOUT = (10, 120)  # connect, read (seconds)
MAX_RETRY_AFTER = 20.0  # seconds; a server asking for an hour must not freeze a sync
DEFAULT_REQUEST_DEADLINE = 300.0  # seconds for one whole request, body included
DEFAULT_MAX_PAGE_BYTES = 100 * 1024 * 1024
MAX_REDIRECTS = 10
_CHUNK = 64 * 1024


class SourceError(TrygghetError):
    """A problem reaching or reading a source; the message is for the user (translated).

    ``status`` is the HTTP status when there was one, ``detail`` the server's own words
    (e.g. pygeoapi's "datetime parameter out of range"), so callers can tell cases apart."""

    def __init__(self, message: str, *, status: int | None = None, detail: str = ""):
        super().__init__(message)
        self.status = status
        self.detail = detail


class RequestCancelledError(CancelledError):
    """The user cancelled: the request in flight was cut. Not the source's fault, so it is
    not a SourceError; a sync stops as after a cancel between pages."""


class _Abort:
    """A session's cancel: a flag, and the connections whose sockets it shuts."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._connections: weakref.WeakSet = weakref.WeakSet()

    def is_set(self) -> bool:
        return self._event.is_set()

    def track(self, connection) -> None:
        with self._lock:
            self._connections.add(connection)

    def wait(self, seconds: float) -> None:
        """Sleep ``seconds``, but end with RequestCancelledError as soon as the user cancels."""
        if seconds > 0:
            self._event.wait(seconds)
        self.check()

    def check(self) -> None:
        if self._event.is_set():
            raise RequestCancelledError(tr("Cancelled."))

    def abort(self) -> None:
        # The flag first: a connection that gets its socket after the loop below sees it.
        self._event.set()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            sock = getattr(connection, "sock", None)
            if isinstance(sock, socket.socket):
                _cut(sock)


def _tracked_pool(pool_class: type, abort: _Abort) -> type:
    """``pool_class`` whose connections register with ``abort`` when they connect."""
    base_connection = pool_class.ConnectionCls

    class Connection(base_connection):  # type: ignore[misc, valid-type]
        def connect(self) -> None:
            abort.check()
            abort.track(self)
            super().connect()
            abort.check()  # cancelled while connecting: the socket is closed with the pool

    class Pool(pool_class):  # type: ignore[misc, valid-type]
        ConnectionCls = Connection

    return Pool


class _AbortableAdapter(HTTPAdapter):
    """An HTTPAdapter whose pools (proxied ones too) can be cut by the session's abort."""

    def __init__(self, abort: _Abort, **kwargs) -> None:
        self._abort = abort  # before super(): it builds the pool manager
        super().__init__(**kwargs)

    def _track(self, manager):
        manager.pool_classes_by_scheme = {
            scheme: _tracked_pool(pool, self._abort)
            for scheme, pool in manager.pool_classes_by_scheme.items()}
        return manager

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self._track(self.poolmanager)

    def proxy_manager_for(self, proxy, **proxy_kwargs):
        known = proxy in self.proxy_manager
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        return manager if known else self._track(manager)


Origin = tuple[str, str, int]


def origin_of(url: str) -> Origin:
    """(scheme, host, port) with the scheme's default port filled in."""
    parts = urlsplit(url)
    scheme = (parts.scheme or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or (443 if scheme == "https" else 80)


def origin_text(origin: Origin) -> str:
    return f"{origin[0]}://{origin[1]}:{origin[2]}"


@dataclass
class Credentials:
    """What an authentication config adds to a request: headers and/or HTTP Basic."""

    headers: dict[str, str] = field(default_factory=dict)
    basic: tuple[str, str] | None = None

    def __bool__(self) -> bool:
        return bool(self.headers or self.basic)

    def __repr__(self) -> str:  # never the secret, not even in a traceback
        return f"Credentials(headers={sorted(self.headers)}, basic={self.basic is not None})"


class GuardedSession(requests.Session):
    """A session that adds credentials only for the configured origin, follows redirects
    itself (checking each hop) and holds every request to a deadline and a byte limit.

    ``origin`` is bound by the client from the address the user configured (or, failing
    that, by the first request). ``deadline`` (a time.monotonic() value) bounds every request
    of a whole sync; ``request_deadline`` each single request.
    """

    def __init__(self, timeout):
        super().__init__()
        self._timeout = timeout
        self.credentials = Credentials()
        self.origin: Origin | None = None
        self.follow_other_origins = False
        self.request_deadline = DEFAULT_REQUEST_DEADLINE
        self.max_bytes = DEFAULT_MAX_PAGE_BYTES
        self.deadline: float | None = None
        self.aborted = _Abort()

    def abort(self) -> None:
        """Cancel: end the requests in flight now, and refuse new ones (thread-safe)."""
        self.aborted.abort()

    def bind_origin(self, url: str) -> None:
        """The origin credentials may go to: the address the user configured."""
        self.origin = origin_of(url)

    def request(self, method, url, params=None, headers=None, **kwargs):
        kwargs.pop("allow_redirects", None)
        kwargs.pop("stream", None)
        # requests lets REQUESTS_CA_BUNDLE win over the session's own CA file; a CA file
        # set for a connection must win (verify=True still means the system's bundle).
        kwargs.setdefault("verify", self.verify)
        started = time.monotonic()
        deadline = started + self.request_deadline
        if self.deadline is not None:
            deadline = min(deadline, self.deadline)
        if self.origin is None and self.credentials:
            self.bind_origin(url)
        connect, read = kwargs.pop("timeout", None) or self._timeout, None
        if isinstance(connect, tuple):
            connect, read = connect
        read = read if read is not None else connect
        for _hop in range(MAX_REDIRECTS + 1):
            self.aborted.check()
            left = deadline - time.monotonic()
            if left <= 0:
                raise _deadline_error(url, self._limit_seconds(started, deadline))
            timeout = (min(connect, left), min(read, left))
            own = self._with_credentials(url)
            merged = {**(headers or {}), **own.headers}
            try:
                response = super().request(method, url, params=params, headers=merged,
                                           auth=own.basic, allow_redirects=False, stream=True,
                                           timeout=timeout, **kwargs)
            except requests.exceptions.RequestException as exc:
                self.aborted.check()
                if time.monotonic() >= deadline - 0.05:
                    raise _deadline_error(url, self._limit_seconds(started, deadline)) from exc
                raise
            if response.is_redirect and "location" in response.headers:
                target = urljoin(response.url, response.headers["location"])
                response.close()
                self._check_hop(response.url, target)
                url, params = target, None
                if response.status_code in (301, 302, 303) and method.upper() != "HEAD":
                    method = "GET"
                continue
            _read_body(response, deadline, self.max_bytes,
                       self._limit_seconds(started, deadline), self.aborted)
            return response
        raise SourceError(tr("Too many redirects from {url}.").format(url=url))

    def _limit_seconds(self, started: float, deadline: float) -> int:
        return max(1, round(deadline - started))

    def _with_credentials(self, url: str) -> Credentials:
        """The credentials for a request to ``url``: all of them at the configured origin,
        none elsewhere (when the user allows that), else the request is refused."""
        if not self.credentials:
            return Credentials()
        target = origin_of(url)
        if target == self.origin:
            return self.credentials
        if self.follow_other_origins:
            return Credentials()
        raise SourceError(tr(
            "The server sends the sync on to another address ({target}); the credentials are "
            "only sent to {origin}, so it stops here. Allow other addresses (without "
            "credentials) for the connection if that is expected.").format(
            target=origin_text(target), origin=origin_text(self.origin or target)))

    def _check_hop(self, source: str, target: str) -> None:
        downgrade = urlsplit(target).scheme.lower() != "https"
        if urlsplit(source).scheme.lower() == "https" and downgrade:
            raise SourceError(tr("{url} redirects to unencrypted http ({target}); that is "
                                 "never followed.").format(url=source, target=target))
        self._with_credentials(target)  # refuses another origin when credentials are set


def _deadline_error(url: str, seconds: int) -> SourceError:
    return SourceError(tr("The server at {url} took longer than {seconds} s to answer (it "
                          "sends too slowly, or not at all); the sync stops here and "
                          "continues next time.").format(url=url, seconds=seconds))


def _socket_of(response: requests.Response) -> socket.socket | None:
    """The socket under a streamed response, so a watchdog can cut a trickling server."""
    for path in (("raw", "_connection", "sock"), ("raw", "connection", "sock"),
                 ("raw", "_fp", "fp", "raw", "_sock")):
        obj = response
        for name in path:
            obj = getattr(obj, name, None)
            if obj is None:
                break
        if isinstance(obj, socket.socket):
            return obj
    return None


def _cut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _read_body(response: requests.Response, deadline: float, max_bytes: int,
               seconds: int, aborted: _Abort | None = None) -> None:
    """Read the body into ``response`` within the deadline and the byte limit."""
    url = response.url
    length = response.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        response.close()
        raise _too_large(url, max_bytes)
    sock = _socket_of(response)
    held = _Held(sock) if sock is not None else None  # referenced here: tracking is weak
    if held is not None and aborted is not None:
        aborted.track(held)  # a cancel shuts it, like the deadline below
    timer = None
    if sock is not None:
        # A blocking read returns only when bytes come; past the deadline the socket is
        # shut so that the read ends at once.
        timer = threading.Timer(max(0.0, deadline - time.monotonic()), _cut, (sock,))
        timer.daemon = True
        timer.start()
    chunks: list[bytes] = []
    size = 0
    try:
        if aborted is not None:
            aborted.check()
        for chunk in response.iter_content(_CHUNK):
            size += len(chunk)
            if size > max_bytes:
                raise _too_large(url, max_bytes)
            if time.monotonic() > deadline:
                raise _deadline_error(url, seconds)
            chunks.append(chunk)
        if aborted is not None:
            aborted.check()  # a shut socket can also look like the end of the body
    except (requests.exceptions.RequestException, OSError) as exc:
        if aborted is not None:
            aborted.check()
        if time.monotonic() >= deadline - 0.05:
            raise _deadline_error(url, seconds) from exc
        raise SourceError(tr("The answer from {url} was cut off.").format(url=url)) from exc
    finally:
        if timer is not None:
            timer.cancel()
        response.close()
    response._content = b"".join(chunks)
    response._content_consumed = True


class _Held:
    """A socket as a tracked connection (``sock``), for a body being read."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock


def _too_large(url: str, max_bytes: int) -> SourceError:
    return SourceError(tr("The answer from {url} is larger than {mb} MB; ask for smaller pages "
                          "(records per page) or raise the limit for the connection.").format(
        url=url, mb=max_bytes // (1024 * 1024)))


def bind_origin(session: requests.Session, url: str) -> None:
    """Tell a GuardedSession which origin the user configured (a plain session: no-op)."""
    if isinstance(session, GuardedSession):
        session.bind_origin(url)


class _CappedRetry(Retry):
    """Honours Retry-After, but never sleeps longer than MAX_RETRY_AFTER per retry; after a
    cancel it neither retries nor sleeps."""

    abort: _Abort | None = None

    def new(self, **kw):
        retry = super().new(**kw)
        retry.abort = self.abort
        return retry

    def increment(self, *args, **kwargs):
        if self.abort is not None:
            self.abort.check()
        return super().increment(*args, **kwargs)

    def sleep(self, response=None) -> None:
        if self.abort is None:
            super().sleep(response)
            return
        # Retry.sleep's own waits, but on the cancel flag: a cancel ends a backoff at once.
        wait = None
        if self.respect_retry_after_header and response is not None:
            wait = self.get_retry_after(response)
        self.abort.wait(self.get_backoff_time() if wait is None else wait)

    def get_retry_after(self, response):
        value = super().get_retry_after(response)
        return None if value is None else min(value, MAX_RETRY_AFTER)


def is_loopback(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str, *, allow_http: bool = False) -> str:
    """The URL as it will be used, or a SourceError saying why it cannot be."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise SourceError(tr("Not a valid URL: {url}. Give one that starts with https://.")
                          .format(url=repr(url)))
    if parts.scheme == "http" and not allow_http and not is_loopback(url):
        raise SourceError(tr(
            "Plain http is not used for {host}: use https, or allow http explicitly for the "
            "connection.").format(host=parts.netloc))
    return url


def qgis_proxies() -> dict[str, str]:
    """The proxy the user set in QGIS's options, as requests wants it (empty when none)."""
    try:
        from qgis.core import QgsSettings
    except ImportError:
        return {}
    s = QgsSettings()
    if str(s.value("proxy/proxyEnabled", False)).lower() not in ("true", "1"):
        return {}
    host = s.value("proxy/proxyHost", "")
    port = s.value("proxy/proxyPort", "")
    if not host:
        return {}
    kind = str(s.value("proxy/proxyType", "HttpProxy"))
    scheme = "socks5h" if "Socks" in kind else "http"
    user = s.value("proxy/proxyUser", "")
    password = s.value("proxy/proxyPassword", "")
    cred = f"{user}:{password}@" if user else ""
    proxy = f"{scheme}://{cred}{host}" + (f":{port}" if port else "")
    return {"http": proxy, "https": proxy}


def make_session(*, retries: int = 4, backoff: float = 0.5,
                 timeout: tuple[float, float] = DEFAULT_TIMEOUT,
                 headers: dict[str, str] | None = None) -> GuardedSession:
    session = GuardedSession(timeout)
    # Few connect retries: a refused connection rarely heals in seconds; 5xx and 429 often do.
    retry = _CappedRetry(total=retries, connect=min(retries, 2), read=retries, status=retries,
                  backoff_factor=backoff, status_forcelist=(429, 500, 502, 503, 504),
                  allowed_methods=frozenset({"GET", "HEAD"}), respect_retry_after_header=True,
                  raise_on_status=False)
    retry.abort = session.aborted
    adapter = _AbortableAdapter(session.aborted, max_retries=retry, pool_maxsize=4)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = user_agent()
    session.headers["Accept"] = "application/geo+json, application/json;q=0.9, */*;q=0.1"
    session.verify = True
    session.proxies.update(qgis_proxies())
    if headers:
        session.headers.update(headers)
    return session


def get_json(session: requests.Session, url: str, params: dict | None = None,
             *, what: str = "", accept: str | None = None) -> dict:
    """GET a JSON document, turning every failure into a SourceError a user can act on.
    ``accept`` replaces the session's Accept header (plain JSON endpoints such as
    /collections, which some servers refuse to give as GeoJSON)."""
    label = what or url
    try:
        response = session.get(url, params=params,
                               headers={"Accept": accept} if accept else None)
    except requests.exceptions.SSLError as exc:
        raise SourceError(tr("The TLS certificate of {url} could not be verified.")
                          .format(url=label)) from exc
    except requests.exceptions.ConnectionError as exc:
        text = str(exc)
        if any(s in text for s in ("Name or service not known", "NameResolution",
                                   "nodename nor servname", "getaddrinfo failed",
                                   "Temporary failure in name resolution")):
            raise SourceError(tr("The host name in {url} was not found (DNS). Check the "
                                 "address.").format(url=label)) from exc
        if "refused" in text.lower():
            raise SourceError(tr("The server refused the connection: {url}. Is the service "
                                 "running?").format(url=label)) from exc
        raise SourceError(tr("Could not connect to {url}.").format(url=label)) from exc
    except requests.exceptions.Timeout as exc:
        raise SourceError(tr("The server did not answer in time: {url}.").format(url=label)
                          ) from exc
    except requests.exceptions.RetryError as exc:
        raise SourceError(tr("The server still answers with an error after retries: {url}.")
                          .format(url=label)) from exc
    except requests.exceptions.RequestException as exc:
        raise SourceError(tr("Fetching {url} failed: {error}").format(url=label, error=exc)
                          ) from exc
    return _json_body(response, label)


def _error_detail(response: requests.Response) -> str:
    """The server's description of an error (OGC/pygeoapi or Open311 JSON), else ''."""
    try:
        doc = json.loads(response.content[:20000])
    except ValueError:
        return ""
    if isinstance(doc, list) and doc and isinstance(doc[0], dict):
        doc = doc[0]  # Open311: [{"code": 400, "description": "..."}]
    if isinstance(doc, dict):
        return str(doc.get("description") or doc.get("detail") or doc.get("title") or "")[:300]
    return ""


def _json_body(response: requests.Response, label: str) -> dict:
    status = response.status_code
    if status == 401:
        raise SourceError(tr("{url} requires a login (401): choose an authentication config "
                             "with valid credentials.").format(url=label), status=401)
    if status == 403:
        raise SourceError(tr("Access to {url} denied (403): the account lacks permission.")
                          .format(url=label), status=403)
    if status == 404:
        raise SourceError(tr("Not found (404): {url}. Check the address and the collection.")
                          .format(url=label), status=404)
    if status == 429:
        raise SourceError(tr("The server limits the number of requests (429) for {url}; try "
                             "again later.").format(url=label), status=429)
    if status >= 500:
        raise SourceError(tr("Server error {status} from {url}; try again later.").format(
            status=status, url=label), status=status)
    if status >= 400:
        detail = _error_detail(response)
        said = f": {detail}" if detail else ""
        raise SourceError(tr("The server answered {status} for {url}{detail}").format(
            status=status, url=label, detail=said), status=status, detail=detail)
    kind = response.headers.get("Content-Type", "").lower()
    body = response.content
    if "html" in kind or body.lstrip()[:15].lower().startswith((b"<!doctype", b"<html")):
        raise SourceError(tr("{url} answered with a web page (HTML), not JSON: perhaps a login "
                             "page or a wrong address.").format(url=label))
    try:
        return json.loads(body)
    except RecursionError as exc:
        raise SourceError(tr("The answer from {url} is nested too deeply to be read.").format(
            url=label)) from exc
    except ValueError as exc:
        raise SourceError(tr("The answer from {url} is not valid JSON (a cut-off or broken "
                             "answer).").format(url=label)) from exc
