"""The shared HTTP session: URL policy, retries, and a clear message for each failure."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from werkzeug import Response

from trygghet_plugin.sources.http import (
    RequestCancelledError,
    SourceError,
    check_url,
    get_json,
    make_session,
)


@pytest.fixture
def session():
    return make_session(retries=2, backoff=0.01)


def test_plain_http_only_on_loopback_unless_allowed():
    assert check_url("http://127.0.0.1:5000/") == "http://127.0.0.1:5000/"
    assert check_url("http://localhost/x")
    with pytest.raises(SourceError, match="Okrypterad http"):
        check_url("http://example.org/api")
    assert check_url("http://example.org/api", allow_http=True)
    with pytest.raises(SourceError, match="Ogiltig adress"):
        check_url("ftp://example.org")


def test_user_agent_names_the_plugin(httpserver, session):
    httpserver.expect_request("/ua").respond_with_json({"ok": True})
    get_json(session, httpserver.url_for("/ua"))
    request, _ = httpserver.log[-1]
    assert request.headers["User-Agent"].startswith("Trygghet-QGIS-plugin/")


def test_retries_on_503_then_succeeds(httpserver, session):
    calls = {"n": 0}

    def handler(request):
        calls["n"] += 1
        if calls["n"] == 1:
            return Response("busy", status=503, headers={"Retry-After": "0"})
        return Response('{"ok": 1}', content_type="application/json")

    httpserver.expect_request("/flaky").respond_with_handler(handler)
    assert get_json(session, httpserver.url_for("/flaky")) == {"ok": 1}
    assert calls["n"] == 2


@pytest.mark.parametrize("status,body,ctype,message", [
    (401, "{}", "application/json", "Inloggning krävs"),
    (403, "{}", "application/json", "Åtkomst nekad"),
    (404, '{"code": "NotFound"}', "application/json", "Hittades inte"),
    (500, "oops", "text/plain", "Serverfel 500"),
    (429, "slow down", "text/plain", "begränsar antalet anrop"),
    (200, "<!DOCTYPE html><html><body>Logga in</body></html>", "text/html", "webbsida"),
    (200, '{"type": "FeatureCollection", "features": [', "application/json", "inte giltig JSON"),
])
def test_failures_have_clear_messages(httpserver, session, status, body, ctype, message):
    httpserver.expect_request("/x").respond_with_data(body, status=status, content_type=ctype,
                                                      headers={"Retry-After": "0"})
    with pytest.raises(SourceError, match=message):
        get_json(session, httpserver.url_for("/x"))


def test_refused_connection_and_unknown_host(session):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(SourceError, match="vägrade anslutning"):
        get_json(session, f"http://127.0.0.1:{port}/")
    with pytest.raises(SourceError, match="hittades inte \\(DNS\\)"):
        get_json(session, "https://no-such-host.invalid/")


# -- a user's cancel cuts the request in flight ---------------------------------------------
def _aborted_after(session, delay: float, request) -> tuple[BaseException | None, float]:
    """Run ``request()`` in a thread, abort the session after ``delay`` s; (what it raised,
    seconds from the abort to its end)."""
    outcome: dict = {}

    def run():
        try:
            request()
        except BaseException as exc:  # the test looks at what it was
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    time.sleep(delay)
    started = time.monotonic()
    session.abort()
    thread.join(30)
    assert not thread.is_alive(), "the request did not end after the abort"
    return outcome.get("error"), time.monotonic() - started


def test_abort_cuts_a_server_that_never_answers():
    with socket.socket() as listener:  # accepts (the kernel's backlog) and says nothing
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/collections"
        session = make_session()
        error, seconds = _aborted_after(session, 0.5, lambda: get_json(session, url))
    assert isinstance(error, RequestCancelledError), error
    assert seconds < 3  # the read timeout would have been 120 s


def test_abort_cuts_a_body_that_trickles(httpserver):
    def trickle():
        yield b'{"features": ['
        for _ in range(600):
            time.sleep(0.1)
            yield b" "

    httpserver.expect_request("/slow").respond_with_response(
        Response(trickle(), content_type="application/json"))
    session = make_session()
    error, seconds = _aborted_after(session, 0.5,
                                    lambda: get_json(session, httpserver.url_for("/slow")))
    assert isinstance(error, RequestCancelledError), error
    assert seconds < 3


def test_abort_ends_a_retry_after_wait(httpserver):
    httpserver.expect_request("/busy").respond_with_response(
        Response("busy", status=503, headers={"Retry-After": "20"}))
    session = make_session()
    error, seconds = _aborted_after(session, 0.5,
                                    lambda: get_json(session, httpserver.url_for("/busy")))
    assert isinstance(error, RequestCancelledError), error
    assert seconds < 3  # not the 20 s the server asked for


def test_an_aborted_session_sends_nothing_more(httpserver):
    httpserver.expect_request("/x").respond_with_json({"ok": True})
    session = make_session()
    session.abort()
    with pytest.raises(RequestCancelledError):
        get_json(session, httpserver.url_for("/x"))
    assert not httpserver.log
