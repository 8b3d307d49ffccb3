#!/usr/bin/env python3
"""Connection-exhaustion attacks against a gateway on loopback (run by connections.sh).

Each attack opens one connection, misbehaves in one way, and measures how long the gateway
keeps the connection (the slot) open: from connect to the gateway's close, or "> CAP s" if it
was still open when the attack gave up. All attacks run at once, so the whole phase takes at
most CAP seconds. Then the memory phase opens IDLE connections (plaintext, then TLS), sends one
request on each and leaves them idle, and reads the gateway's resident memory (VmRSS) before,
while they are open, and 5 s and 15 s after they are closed.

Only 127.0.0.1 is ever contacted.
"""
import argparse
import asyncio
import ssl
import time

HOST = "127.0.0.1"
PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"


def frame(kind, flags, stream, payload=b""):
    n = len(payload)
    return bytes([n >> 16 & 255, n >> 8 & 255, n & 255, kind, flags]) + stream.to_bytes(4, "big") + payload


def hpack(fields):
    """Literal header fields without indexing, new names (RFC 7541 6.2.2)."""
    out = b""
    for k, v in fields:
        out += bytes([0, len(k)]) + k.encode() + bytes([len(v)]) + v.encode()
    return out


H2_SETTLED = PREFACE + frame(4, 0, 0) + frame(4, 1, 0)
H2_POST = hpack([(":method", "POST"), (":scheme", "https"), (":path", "/items"),
                 (":authority", "localhost"), ("content-type", "application/octet-stream"),
                 ("content-length", "1000")])

# name, listener ("tls" / "plain" / "tcp": TCP to the TLS port, no handshake), ALPN,
# bytes sent at once, bytes dripped, seconds between drips.
ATTACKS = [
    ("h1 slowloris: a header byte every 1 s", "tls", "http/1.1",
     b"GET /items HTTP/1.1\r\nHost: localhost\r\n", b"X", 1.0),
    ("h1 leading empty lines: CRLF every 1 s", "tls", "http/1.1", b"", b"\r\n", 1.0),
    ("h1 silent after the TLS handshake", "tls", "http/1.1", b"", None, 1.0),
    ("h1 idle keep-alive after one request", "tls", "http/1.1",
     b"GET /items HTTP/1.1\r\nHost: localhost\r\n\r\n", None, 1.0),
    ("h1 slow body: 1 byte every 5 s", "tls", "http/1.1",
     b"POST /items HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
     b"Content-Length: 1000\r\n\r\n", b"x", 5.0),
    ("h1 plaintext slowloris: CRLF every 1 s", "plain", None, b"", b"\r\n", 1.0),
    ("h2 silent after the TLS handshake", "tls", "h2", b"", None, 1.0),
    ("h2 SETTINGS never acknowledged", "tls", "h2", PREFACE + frame(4, 0, 0), None, 1.0),
    ("h2 idle after SETTINGS", "tls", "h2", H2_SETTLED, None, 1.0),
    ("h2 HEADERS without END_HEADERS", "tls", "h2",
     H2_SETTLED + frame(1, 0, 1, hpack([(":method", "GET")])), None, 1.0),
    ("h2 slow body: 1-byte DATA every 5 s", "tls", "h2",
     H2_SETTLED + frame(1, 4, 1, H2_POST), frame(0, 0, 1, b"x"), 5.0),
    ("TCP connected, no TLS handshake", "tcp", None, b"", None, 1.0),
]


def context(alpn):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    if alpn:
        ctx.set_alpn_protocols([alpn])
    return ctx


async def drain(reader, h2=None):
    """Read until the gateway closes. With `h2` (a dict), note when stream 1 is answered
    (HEADERS or RST_STREAM on it, or GOAWAY): for an h2 body attack, the stream is the slot."""
    buf = b""
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                return
            if h2 is None or "answered" in h2:
                continue
            buf += data
            i = 0
            while len(buf) >= i + 9:
                n = int.from_bytes(buf[i:i + 3], "big")
                kind, stream = buf[i + 3], int.from_bytes(buf[i + 5:i + 9], "big") & 0x7FFFFFFF
                if (kind in (1, 3) and stream == 1) or kind == 7:
                    h2["answered"] = time.monotonic()
                i += 9 + n
            buf = buf[i:] if len(buf) >= i else buf
    except (ConnectionError, OSError, ssl.SSLError):
        pass


async def attack(args, name, kind, alpn, start, drip, every):
    port = args.plain if kind == "plain" else args.tls
    ctx = context(alpn) if kind == "tls" else None
    try:
        r, w = await asyncio.open_connection(HOST, port, ssl=ctx, server_hostname="localhost" if ctx else None)
    except Exception as e:  # noqa: BLE001 - report whatever the refusal was
        return name, f"refused ({type(e).__name__})"
    t0 = time.monotonic()
    if ctx and alpn == "h2" and w.get_extra_info("ssl_object").selected_alpn_protocol() != "h2":
        return name, "h2 not negotiated"
    h2 = {} if alpn == "h2" else None
    done = asyncio.create_task(drain(r, h2))
    try:
        if start:
            w.write(start)
            await w.drain()
        while not done.done() and time.monotonic() - t0 < args.cap:
            await asyncio.wait([done], timeout=every)
            if h2 is not None and "answered" in h2 and drip:
                break  # the stream (the slot a body attack holds) has been answered
            if drip and not done.done():
                w.write(drip)
                await w.drain()
    except (ConnectionError, OSError, ssl.SSLError):
        pass
    held = time.monotonic() - t0
    w.close()
    done.cancel()
    if h2 is not None and "answered" in h2 and drip:
        return name, f"{h2['answered'] - t0:6.1f} s (stream answered; the connection then idles)"
    return name, (f"> {args.cap:.0f} s (still open)" if not done.done() and held >= args.cap
                  else f"{held:6.1f} s")


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def open_idle(port, tls, n, connect_only=False):
    ctx = context("http/1.1") if tls else None
    conns, failed = [], 0
    sem = asyncio.Semaphore(100)

    async def one():
        nonlocal failed
        async with sem:
            try:
                r, w = await asyncio.open_connection(HOST, port, ssl=ctx, server_hostname="localhost" if ctx else None)
                if connect_only:
                    conns.append(w)
                    return
                w.write(b"GET /items HTTP/1.1\r\nHost: localhost\r\n\r\n")
                await w.drain()
                head = await r.readuntil(b"\r\n\r\n")
                n_body = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        n_body = int(line.split(b":")[1])
                await r.readexactly(n_body)
                conns.append(w)
            except Exception:  # noqa: BLE001 - counted
                failed += 1

    await asyncio.gather(*(one() for _ in range(n)))
    return conns, failed


async def memory(args, label, port, tls):
    before = rss_mib(args.pid)
    t0 = time.monotonic()
    conns, failed = await open_idle(port, tls, args.idle, args.connect_only)
    took = time.monotonic() - t0
    await asyncio.sleep(2)
    during = rss_mib(args.pid)
    for w in conns:
        w.close()
    await asyncio.sleep(5)
    after = rss_mib(args.pid)
    # Allocators hand freed memory back over seconds (jemalloc's decay is 10 s): 15 s as well.
    await asyncio.sleep(10)
    later = rss_mib(args.pid)
    per = (during - before) * 1024 / max(len(conns), 1)
    print(f"{label:<10} {len(conns):>6} open ({failed} failed, {took:4.1f} s)  RSS before {before:7.1f} MiB  "
          f"with them {during:7.1f} MiB  ({per:5.1f} KiB each)  after closing: 5 s {after:7.1f} MiB, "
          f"15 s {later:7.1f} MiB", flush=True)


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("--tls", type=int, required=True)
    p.add_argument("--plain", type=int, required=True)
    p.add_argument("--pid", type=int, required=True)
    p.add_argument("--cap", type=float, default=90)
    p.add_argument("--idle", type=int, default=10000)
    p.add_argument("--only", default="")
    p.add_argument("--memory", choices=["both", "plain", "tls"], default="both",
                   help="which memory runs (each alone starts from a fresh process's RSS)")
    p.add_argument("--connect-only", action="store_true",
                   help="memory runs: connect (and handshake) but send no request")
    args = p.parse_args()
    only = [o for o in args.only.split(",") if o]
    chosen = [a for a in ATTACKS if (not only or any(o in a[0] for o in only)) and only != ["memory"]]
    if chosen:
        print(f"\nhow long one connection slot is held (cap {args.cap:.0f} s)", flush=True)
        for name, res in await asyncio.gather(*(attack(args, *a) for a in chosen)):
            print(f"  {name:<45} {res}", flush=True)
    if args.idle:
        what = "connected, no request" if args.connect_only else "one request each, then idle"
        print(f"\nmemory: {args.idle} idle keep-alive connections ({what})", flush=True)
        if args.memory in ("both", "plain"):
            await memory(args, "plaintext", args.plain, False)
        if args.memory in ("both", "tls"):
            await memory(args, "TLS 1.3", args.tls, True)


if __name__ == "__main__":
    asyncio.run(main())
