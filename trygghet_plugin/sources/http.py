"""One HTTP session factory for the whole plugin, and clear messages for what goes wrong.

Timeouts, retries with backoff on 5xx and 429 (honouring Retry-After), QGIS's proxy
settings, a User-Agent naming the plugin, TLS verification on, and plain http refused
except on loopback unless the user allows it for that connection.
"""

from __future__ import annotations

import ipaddress
import json
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ..i18n import translator
from ..meta import user_agent

tr = translator("Sources")

DEFAULT_TIMEOUT = (10, 120)  # connect, read (seconds)
MAX_RETRY_AFTER = 20.0  # seconds; a server asking for an hour must not freeze a sync


class SourceError(Exception):
    """A problem reaching or reading a source; the message is for the user (translated).

    ``status`` is the HTTP status when there was one, ``detail`` the server's own words
    (e.g. pygeoapi's "datetime parameter out of range"), so callers can tell cases apart."""

    def __init__(self, message: str, *, status: int | None = None, detail: str = ""):
        super().__init__(message)
        self.status = status
        self.detail = detail


class _TimeoutSession(requests.Session):
    def __init__(self, timeout):
        super().__init__()
        self._timeout = timeout

    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", self._timeout)
        return super().request(method, url, **kwargs)


class _CappedRetry(Retry):
    """Honours Retry-After, but never sleeps longer than MAX_RETRY_AFTER per retry."""

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
                 headers: dict[str, str] | None = None) -> requests.Session:
    session = _TimeoutSession(timeout)
    # Few connect retries: a refused connection rarely heals in seconds; 5xx and 429 often do.
    retry = _CappedRetry(total=retries, connect=min(retries, 2), read=retries, status=retries,
                  backoff_factor=backoff, status_forcelist=(429, 500, 502, 503, 504),
                  allowed_methods=frozenset({"GET", "HEAD"}), respect_retry_after_header=True,
                  raise_on_status=False)
    adapter = HTTPAdapter(max_retries=retry, pool_maxsize=4)
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
             *, what: str = "") -> dict:
    """GET a JSON document, turning every failure into a SourceError a user can act on."""
    label = what or url
    try:
        response = session.get(url, params=params)
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
    except ValueError as exc:
        raise SourceError(tr("The answer from {url} is not valid JSON (a cut-off or broken "
                             "answer).").format(url=label)) from exc
