"""bench/loadclient.py, the benchmark's HTTP client, against a small real HTTP server on
loopback: plain, chunked and gzip bodies, keep-alive reuse, a connection the server
closes, and answers it must refuse rather than misread."""
from __future__ import annotations

import asyncio
import gzip
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from loadclient import LoadClient, LoadClientError  # noqa: E402

BODY = b'{"ok": true, "text": "' + b"x" * 5000 + b'"}'


def _answer(path: str) -> bytes:
    if path == "/plain":
        return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(BODY) + BODY
    if path == "/gzip":
        z = gzip.compress(BODY)
        return b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(z) + z
    if path == "/chunked":
        chunks = [BODY[:100], BODY[100:]]
        return (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n\r\n")
    if path == "/close":
        return b"HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 2\r\n\r\nno"
    if path == "/garbage":
        return b"SMTP ready\r\n\r\n"
    if path == "/badgzip":
        return b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 4\r\n\r\nabcd"
    return b"HTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n"


async def _serve(connections: list[int]):
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(1)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ")[1].decode()
                assert b"Accept-Encoding: gzip" in head
                writer.write(_answer(path))
                await writer.drain()
                if path in ("/close", "/garbage"):
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()
    return await asyncio.start_server(handle, "127.0.0.1", 0)


def _run(paths: list[str]) -> tuple[list, int]:
    async def main():
        connections: list[int] = []
        server = await _serve(connections)
        port = server.sockets[0].getsockname()[1]
        out = []
        async with LoadClient(f"http://127.0.0.1:{port}", 4, timeout=5) as client:
            for p in paths:
                try:
                    out.append(await client.get(p))
                except LoadClientError as exc:
                    out.append(exc)
        server.close()
        await server.wait_closed()
        return out, len(connections)
    return asyncio.run(main())


def test_bodies_by_length_chunks_and_gzip_on_one_kept_connection():
    out, conns = _run(["/plain", "/gzip", "/chunked", "/plain"])
    assert out == [(200, BODY)] * 4
    assert conns == 1


def test_a_closed_connection_is_replaced():
    out, conns = _run(["/plain", "/close", "/plain"])
    assert out == [(200, BODY), (404, b"no"), (200, BODY)]
    assert conns == 2


def test_malformed_answers_are_errors_not_misreads():
    out, _ = _run(["/garbage", "/badgzip", "/plain"])
    assert isinstance(out[0], LoadClientError) and "status line" in str(out[0])
    assert isinstance(out[1], LoadClientError) and "gzip" in str(out[1])
    assert out[2] == (200, BODY)


def test_only_plain_http_urls():
    with pytest.raises(ValueError):
        LoadClient("https://example.org", 1)
