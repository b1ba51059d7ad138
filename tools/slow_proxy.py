"""A small HTTP proxy on 127.0.0.1 for tests: slows a server down, or cuts it off.

    with SlowProxy(upstream="http://127.0.0.1:5000", delay=0.1) as proxy:
        proxy.url            # use this instead of the upstream's URL
        proxy.cut_from(5)    # from the 5th request on, close connections unanswered
        proxy.stall_from(3)  # from the 3rd request on, answer nothing until heal()
        proxy.stall_matching("offset=")  # ... or the requests whose path has this
        proxy.heal()

It forwards GET requests (headers included) and rewrites the upstream's own URL in the
answers (pygeoapi's ``next`` links) to its own, so a client stays behind the proxy. Used to
kill a sync at chosen moments and to drop connections in the middle of a sync.
"""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

_HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host",
                "accept-encoding"}


class SlowProxy:
    def __init__(self, upstream: str, *, delay: float = 0.0) -> None:
        self.upstream = upstream.rstrip("/")
        self.delay = delay
        self.requests = 0
        self._cut_from: int | None = None
        self._stall_from: int | None = None
        self._stall_matching: str | None = None
        self._healed = threading.Event()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.url = ""

    def cut_from(self, number: int) -> None:
        """From request ``number`` on (1-based, counted from the start), answer nothing."""
        self._cut_from = number

    def stall_from(self, number: int) -> None:
        """From request ``number`` on, keep the connection open and send nothing (a server
        that hangs) until :meth:`heal` or the proxy stops."""
        self._healed.clear()
        self._stall_from = number

    def stall_matching(self, fragment: str) -> None:
        """Like :meth:`stall_from`, for the requests whose path contains ``fragment``."""
        self._healed.clear()
        self._stall_matching = fragment

    def heal(self) -> None:
        self._cut_from = None
        self._stall_from = None
        self._stall_matching = None
        self._healed.set()

    def start(self) -> SlowProxy:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                with proxy._lock:
                    proxy.requests += 1
                    number = proxy.requests
                if proxy._cut_from is not None and number >= proxy._cut_from:
                    self.close_connection = True
                    return  # no answer at all: the client sees the connection dropped
                stall = proxy._stall_matching
                if ((proxy._stall_from is not None and number >= proxy._stall_from)
                        or (stall is not None and stall in self.path)):
                    proxy._healed.wait(120)
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in _HOP_HEADERS}
                request = urllib.request.Request(proxy.upstream + self.path, headers=headers)
                try:
                    with urllib.request.urlopen(request, timeout=60) as answer:
                        status, body = answer.status, answer.read()
                        answer_headers = answer.headers.items()
                except urllib.error.HTTPError as err:
                    status, body, answer_headers = err.code, err.read(), err.headers.items()
                body = body.replace(proxy.upstream.encode(), proxy.url.encode())
                time.sleep(proxy.delay)
                self.send_response(status)
                for key, value in answer_headers:
                    if key.lower() not in _HOP_HEADERS:
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.1}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._healed.set()  # stalled handlers end
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> SlowProxy:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
