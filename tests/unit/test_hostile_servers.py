"""A server that is wrong on purpose: credentials never leave the configured origin, and no
server can hold a sync (trickling bytes, huge pages, paging that never ends).

Two real servers on 127.0.0.1 on different ports (and one on 127.0.0.2): the service the user
configured and a stranger. The stranger must never see a secret."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import ssl
import time

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

from trygghet_plugin.jobs.sync import run_connection
from trygghet_plugin.sources.connections import Connection
from trygghet_plugin.sources.http import Credentials, SourceError, make_session

TOKEN = "tok-7b1f0e-very-secret"
KEY = "key-4c2d91-very-secret"
PASSWORD = "pw-a83e55-very-secret"
CREDENTIALS = {
    "bearer": Credentials(headers={"Authorization": f"Bearer {TOKEN}"}),
    "api key": Credentials(headers={"X-API-Key": KEY}),
    "basic": Credentials(basic=("analytiker", PASSWORD)),
}
SECRETS = (TOKEN, KEY, "YW5hbHl0aWtlcjpwdy1hODNlNTUtdmVyeS1zZWNyZXQ=")  # base64 user:pw


def feature(n: int) -> dict:
    return {"type": "Feature", "id": f"R{n}",
            "geometry": {"type": "Point", "coordinates": [14.70, 57.65]},
            "properties": {"category": "Klotter", "occurred_at": "2026-05-01T21:00:00Z"}}


def page(features: list[dict], next_url: str | None = None, matched: int | None = None) -> str:
    doc = {"type": "FeatureCollection", "features": features,
           "links": [{"rel": "next", "href": next_url}] if next_url else []}
    if matched is not None:
        doc["numberMatched"] = matched
    return json.dumps(doc)


@pytest.fixture
def stranger():
    """Another origin: same host, another port."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    server.expect_request("/ogcapi/collections/reports/items").respond_with_data(
        page([feature(900)]), content_type="application/geo+json")
    yield server
    server.clear()
    server.stop()


def leaked(server: HTTPServer) -> list[str]:
    """Every secret the server saw in any request's headers."""
    seen = []
    for request, _ in server.log:
        text = "\n".join(f"{k}: {v}" for k, v in request.headers.items())
        seen += [s for s in SECRETS if s in text]
    return seen


def session_with(kind: str):
    session = make_session(retries=0)
    session.credentials = CREDENTIALS[kind]
    return session


def connection(url: str, **extra) -> Connection:
    return Connection(name="tjänst", url=url, collection="reports", **extra)


@pytest.mark.parametrize("kind", sorted(CREDENTIALS))
def test_a_next_link_to_another_origin_is_refused(httpserver, stranger, store, kind):
    other = stranger.url_for("/ogcapi/collections/reports/items")
    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_data(
        page([feature(1)], next_url=other), content_type="application/geo+json")
    with pytest.raises(SourceError, match=f"annan adress.*127.0.0.1:{stranger.port}"):
        run_connection(connection(httpserver.url_for("/ogcapi")), store,
                       session=session_with(kind))
    assert stranger.log == [], "the stranger was asked at all"
    assert store.count("incidents") == 1  # the page from the service itself is kept


@pytest.mark.parametrize("kind", sorted(CREDENTIALS))
def test_when_allowed_another_origin_is_followed_without_credentials(httpserver, stranger,
                                                                      store, kind):
    other = stranger.url_for("/ogcapi/collections/reports/items")
    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_data(
        page([feature(1)], next_url=other), content_type="application/geo+json")
    result = run_connection(connection(httpserver.url_for("/ogcapi"),
                                       follow_other_origins=True),
                            store, session=session_with(kind))
    assert result.complete and result.new == 2
    assert len(stranger.log) == 1 and leaked(stranger) == []
    assert leaked(httpserver)  # the service itself did get them


@pytest.mark.parametrize("status", [301, 302, 307])
@pytest.mark.parametrize("kind", sorted(CREDENTIALS))
def test_a_redirect_to_another_origin_never_carries_a_secret(httpserver, stranger, store,
                                                              status, kind):
    other = stranger.url_for("/ogcapi/collections/reports/items")
    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_response(
        Response("", status=status, headers={"Location": other}))
    with pytest.raises(SourceError, match="annan adress"):
        run_connection(connection(httpserver.url_for("/ogcapi")), store,
                       session=session_with(kind))
    assert stranger.log == []
    run_connection(connection(httpserver.url_for("/ogcapi"), follow_other_origins=True),
                   store, session=session_with(kind))
    assert len(stranger.log) == 1 and leaked(stranger) == []


def test_a_stranger_on_another_address_is_refused_too(httpserver, store):
    server = HTTPServer(host="127.0.0.2", port=0)
    server.start()
    try:
        server.expect_request("/x").respond_with_data(page([feature(2)]),
                                                      content_type="application/geo+json")
        httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_data(
            page([feature(1)], next_url=server.url_for("/x")),
            content_type="application/geo+json")
        with pytest.raises(SourceError, match="127.0.0.2"):
            run_connection(connection(httpserver.url_for("/ogcapi")), store,
                           session=session_with("bearer"))
        assert server.log == []
    finally:
        server.stop()


def test_a_redirect_inside_the_origin_keeps_the_credentials(httpserver, store):
    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_response(
        Response("", status=302, headers={"Location": "/v2/items"}))
    httpserver.expect_request("/v2/items").respond_with_data(
        page([feature(1)]), content_type="application/geo+json")
    result = run_connection(connection(httpserver.url_for("/ogcapi")), store,
                            session=session_with("api key"))
    assert result.new == 1
    assert [r.path for r, _ in httpserver.log] == ["/ogcapi/collections/reports/items",
                                                   "/v2/items"]
    assert len(leaked(httpserver)) == 2  # both hops at the configured origin


@pytest.fixture(scope="module")
def tls(tmp_path_factory):
    """A self-signed certificate for 127.0.0.1, and its file to trust."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)  # TLS checks the real clock: relative on purpose
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context, str(cert_file)


@pytest.mark.parametrize("allowed", [False, True])
def test_https_never_falls_back_to_http(tls, stranger, store, allowed):
    context, cert_file = tls
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.start()
    try:
        server.expect_request("/ogcapi/collections/reports/items").respond_with_response(
            Response("", status=301, headers={
                "Location": stranger.url_for("/ogcapi/collections/reports/items")}))
        session = session_with("bearer")
        session.verify = cert_file
        with pytest.raises(SourceError, match="okrypterad http"):
            run_connection(connection(server.url_for("/ogcapi"), follow_other_origins=allowed),
                           store, session=session)
        assert len(server.log) == 1  # the https service itself was asked (TLS works)
        assert stranger.log == []
    finally:
        server.stop()


# -- nothing hangs ---------------------------------------------------------------------------
@pytest.mark.realtime
def test_a_trickling_server_ends_within_the_deadline(httpserver, store):
    def trickle():
        yield page([feature(1)])[:20].encode()
        for _ in range(200):
            time.sleep(0.5)
            yield b" "

    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_response(
        Response(trickle(), content_type="application/geo+json"))
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"längre än 2 s"):
        run_connection(connection(httpserver.url_for("/ogcapi"), request_deadline_s=2),
                       store, session=make_session(retries=0))
    assert time.monotonic() - started < 6


def test_a_huge_page_is_refused(httpserver, store):
    big = page([feature(n) for n in range(20000)])  # ~ 3 MB
    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_data(
        big, content_type="application/geo+json")
    with pytest.raises(SourceError, match="större än 1 MB"):
        run_connection(connection(httpserver.url_for("/ogcapi"), max_page_mb=1), store,
                       session=make_session(retries=0))

    def chunked():  # no Content-Length: the limit holds while reading
        for n in range(0, len(big), 65536):
            yield big[n:n + 65536].encode()

    httpserver.clear()
    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_response(
        Response(chunked(), content_type="application/geo+json"))
    with pytest.raises(SourceError, match="större än 1 MB"):
        run_connection(connection(httpserver.url_for("/ogcapi"), max_page_mb=1), store,
                       session=make_session(retries=0))


def test_paging_with_ever_new_page_numbers_ends(httpserver, store):
    def handler(request):
        n = int(request.args.get("page", "0"))
        url = httpserver.url_for("/ogcapi/collections/reports/items") + f"?page={n + 1}"
        return Response(page([feature(1), feature(2)], next_url=url),
                        content_type="application/geo+json")

    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_handler(handler)
    with pytest.raises(SourceError, match="samma rapporter igen"):
        run_connection(connection(httpserver.url_for("/ogcapi")), store,
                       session=make_session(retries=0))
    assert len(httpserver.log) == 2
    state = store.sync_state(connection(httpserver.url_for("/ogcapi")).source_key())
    assert state.cursor.get("resume_url") is None  # the next sync does not resume the loop


def test_paging_beyond_number_matched_ends(httpserver, store):
    def handler(request):
        n = int(request.args.get("page", "0"))
        url = httpserver.url_for("/ogcapi/collections/reports/items") + f"?page={n + 1}"
        return Response(page([feature(2 * n), feature(2 * n + 1)], next_url=url, matched=4),
                        content_type="application/geo+json")

    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_handler(handler)
    with pytest.raises(SourceError, match="utöver de 4 poster"):
        run_connection(connection(httpserver.url_for("/ogcapi")), store,
                       session=make_session(retries=0))
    assert len(httpserver.log) == 4


def test_a_sync_past_its_time_limit_stops_and_resumes(httpserver, store):
    def handler(request):
        n = int(request.args.get("page", "0"))
        time.sleep(0.3)
        url = httpserver.url_for("/ogcapi/collections/reports/items") + f"?page={n + 1}"
        return Response(page([feature(n)], next_url=url if n < 9 else None),
                        content_type="application/geo+json")

    httpserver.expect_request("/ogcapi/collections/reports/items").respond_with_handler(handler)
    conn = connection(httpserver.url_for("/ogcapi"), sync_deadline_min=0.5 / 60)
    first = run_connection(conn, store, session=make_session(retries=0))
    assert not first.complete and "tidsgräns" in first.summary()
    conn.sync_deadline_min = 0
    second = run_connection(conn, store, session=make_session(retries=0))
    assert second.complete and store.count("incidents") == 10


def test_collections_are_asked_as_plain_json(httpserver):
    from trygghet_plugin.sources.oapif import OapifClient

    def handler(request):
        if "geo+json" in request.headers.get("Accept", ""):
            return Response('{"description": "Unsupported Content-Type"}', status=400,
                            content_type="application/json")
        return Response('{"collections": [{"id": "reports"}]}',
                        content_type="application/json")

    httpserver.expect_request("/ogcapi/collections").respond_with_handler(handler)
    client = OapifClient(httpserver.url_for("/ogcapi"), make_session(retries=0))
    assert [c.id for c in client.collections()] == ["reports"]
