#!/usr/bin/env python3
"""Open N keep-alive connections to a server, one request each, hold them idle, print the
server's resident memory, then close them.

Args: scheme(http|https) host port n path server_pid
"""
import asyncio
import ssl
import sys

scheme, host, port, n, path, pid = sys.argv[1:7]
port, n = int(port), int(n)


def rss_mib(p):
    for line in open(f"/proc/{p}/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
    return -1


async def one(ctx, sem, held):
    async with sem:
        try:
            r, w = await asyncio.open_connection(host, port, ssl=ctx, server_hostname="localhost" if ctx else None)
            w.write(f"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode())
            await w.drain()
            head = await asyncio.wait_for(r.readuntil(b"\r\n\r\n"), 10)
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            if length:
                await asyncio.wait_for(r.readexactly(length), 10)
            held.append(w)
        except Exception:
            pass


async def main():
    ctx = None
    if scheme == "https":
        ctx = ssl.create_default_context()
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
    sem = asyncio.Semaphore(500)
    held = []
    before = rss_mib(pid)
    await asyncio.gather(*(one(ctx, sem, held) for _ in range(n)))
    await asyncio.sleep(1)
    print(f"  {scheme}: {len(held)} of {n} idle keep-alive connections held: RSS {before} -> {rss_mib(pid)} MiB")
    for w in held:
        w.close()
    await asyncio.sleep(0.5)


asyncio.run(main())
