"""A lean HTTP/1.1 load client on asyncio streams, for ``bench_api.py``.

Why not httpx: the load generator shares the machine's two cores with the server it
measures (and with Neo4j), so every CPU millisecond it spends is one the server does
not get.  httpx's ``AsyncClient`` cost ~3 ms of CPU per request here (measured from
/proc during a closed loop on ``/entities/{id}/partners``), more than the API process
itself spent answering (~4.3 ms) -- the benchmark was largely measuring its own client.
Load tools like wrk or vegeta are written in C or Go for the same reason; neither is
installable here, and neither does this benchmark's open loop with latency from each
request's due time.

What it does, and only that: ``GET`` over keep-alive connections to one
``host:port``, ``Accept-Encoding: gzip`` like a browser front end (so the server's
gzip is part of what is measured), bodies read by ``Content-Length`` or chunked
transfer, gzip bodies decompressed, a connection the server closed replaced by a new
one.  Answers are ``(status, body bytes)``.  Anything malformed raises
:class:`LoadClientError`, which the benchmark counts as an error.
"""
from __future__ import annotations

import asyncio
import zlib
from urllib.parse import urlsplit


class LoadClientError(Exception):
    """The server's answer could not be read (closed early, malformed, too slow)."""


class _Conn:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader, self.writer = reader, writer

    def close(self) -> None:
        self.writer.close()


MAX_HEADER_BYTES = 64 * 1024


class LoadClient:
    """Keep-alive connections to ``base`` (``http://host:port``), at most ``connections``.

    >>> async def main():                                    # doctest: +SKIP
    ...     async with LoadClient("http://127.0.0.1:8000", 16) as c:
    ...         status, body = await c.get("/health")
    """

    def __init__(self, base: str, connections: int, timeout: float = 30.0) -> None:
        url = urlsplit(base)
        if url.scheme != "http" or not url.hostname:
            raise ValueError(f"only http://host:port is supported, not {base!r}")
        self.host, self.port = url.hostname, url.port or 80
        self.timeout = timeout
        self._idle: list[_Conn] = []
        self._slots = asyncio.Semaphore(connections)
        self._head = f"Host: {self.host}:{self.port}\r\nAccept-Encoding: gzip\r\nUser-Agent: bench-api\r\n\r\n"

    async def __aenter__(self) -> "LoadClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        for c in self._idle:
            c.close()
        self._idle.clear()

    async def get(self, path: str) -> tuple[int, bytes]:
        async with self._slots:
            conn = self._idle.pop() if self._idle else None
            # A kept-alive connection the server closed meanwhile gets one more try, on a
            # new connection; a new connection that fails is an error.
            for fresh in ((False, True) if conn is not None else (True,)):
                if fresh:
                    conn = _Conn(*await asyncio.open_connection(self.host, self.port))
                assert conn is not None
                try:
                    status, body, keep = await asyncio.wait_for(self._exchange(conn, path), self.timeout)
                except (ConnectionError, asyncio.IncompleteReadError) as exc:
                    conn.close()
                    if fresh:
                        raise LoadClientError(f"connection failed: {exc!r}") from exc
                    continue
                except asyncio.TimeoutError as exc:
                    conn.close()
                    raise LoadClientError(f"no answer within {self.timeout} s") from exc
                except LoadClientError:
                    conn.close()
                    raise
                if keep:
                    self._idle.append(conn)
                else:
                    conn.close()
                return status, body
            raise AssertionError("unreachable")

    async def _exchange(self, conn: _Conn, path: str) -> tuple[int, bytes, bool]:
        conn.writer.write(f"GET {path} HTTP/1.1\r\n{self._head}".encode("latin-1"))
        try:
            head = await conn.reader.readuntil(b"\r\n\r\n")
        except asyncio.LimitOverrunError as exc:
            raise LoadClientError("response headers too long") from exc
        if len(head) > MAX_HEADER_BYTES:
            raise LoadClientError("response headers too long")
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
            raise LoadClientError(f"not an HTTP/1.x status line: {lines[0][:80]!r}")
        status = int(parts[1])
        headers: dict[str, str] = {}
        for line in lines[1:]:
            if line:
                name, sep, value = line.partition(":")
                if not sep:
                    raise LoadClientError(f"malformed header line: {line[:80]!r}")
                headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = await self._chunked(conn.reader)
        elif "content-length" in headers:
            try:
                length = int(headers["content-length"])
            except ValueError as exc:
                raise LoadClientError("bad Content-Length") from exc
            body = await conn.reader.readexactly(length)
        else:   # no length: the body runs to the end of the connection
            body = await conn.reader.read()
            headers["connection"] = "close"
        if headers.get("content-encoding", "").lower() == "gzip":
            try:
                body = zlib.decompress(body, wbits=31)
            except zlib.error as exc:
                raise LoadClientError(f"bad gzip body: {exc}") from exc
        keep = headers.get("connection", "").lower() != "close" and parts[0] != "HTTP/1.0"
        return status, body, keep

    @staticmethod
    async def _chunked(reader: asyncio.StreamReader) -> bytes:
        out = bytearray()
        while True:
            line = await reader.readuntil(b"\r\n")
            try:
                size = int(line.split(b";", 1)[0].strip(), 16)
            except ValueError as exc:
                raise LoadClientError(f"bad chunk size line: {line[:40]!r}") from exc
            if size == 0:
                while await reader.readuntil(b"\r\n") != b"\r\n":   # trailers
                    pass
                return bytes(out)
            out += await reader.readexactly(size)
            if await reader.readexactly(2) != b"\r\n":
                raise LoadClientError("chunk not followed by CRLF")
