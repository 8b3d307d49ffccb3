#!/usr/bin/env python3
"""Closed-loop HTTP/1.1 load client for the fault scenarios (loopback only).

Each of --conns connections sends requests back to back (keep-alive unless the answer says
`Connection: close`; then it reconnects). Every request is logged as one line
`t_start_s latency_s status` to --out, status 0 meaning "no answer" (connection reset or
closed before the answer, or no answer within --timeout). Runs until --duration elapses or
the file named by --stop exists. Optional TLS (--tls CA_FILE) and extra headers (-H).
"""
import argparse, os, socket, ssl, sys, threading, time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--path", default="/")
    ap.add_argument("--method", default="GET")
    ap.add_argument("--conns", type=int, default=16)
    ap.add_argument("--duration", type=float, default=10.0)
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("--stop", default=None)
    ap.add_argument("--tls", default=None, help="CA file: connect with TLS")
    ap.add_argument("-H", action="append", default=[])
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    headers = "".join(f"{h}\r\n" for h in a.H)
    body = b""
    if a.method in ("POST", "PUT", "PATCH"):
        headers += "Content-Length: 0\r\n"
    req = f"{a.method} {a.path} HTTP/1.1\r\nHost: localhost\r\n{headers}\r\n".encode() + body
    ctx = None
    if a.tls:
        ctx = ssl.create_default_context(cafile=a.tls)
        ctx.check_hostname = False
    out = open(a.out, "w", buffering=1 << 16)
    lock = threading.Lock()
    end = time.time() + a.duration

    def stopped():
        return time.time() >= end or (a.stop and os.path.exists(a.stop))

    def connect():
        s = socket.create_connection((a.host, a.port), timeout=a.timeout)
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if ctx:
            s = ctx.wrap_socket(s, server_hostname="localhost")
        return s

    def read_response(s):
        buf = b""
        while b"\r\n\r\n" not in buf:
            c = s.recv(65536)
            if not c:
                return None, False
            buf += c
        head, rest = buf.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ")[1])
        hdr = {}
        for l in lines[1:]:
            k, _, v = l.partition(":")
            hdr[k.strip().lower()] = v.strip()
        n = int(hdr.get("content-length", "0"))
        while len(rest) < n:
            c = s.recv(65536)
            if not c:
                return None, False
            rest += c
        keep = hdr.get("connection", "").lower() != "close"
        return status, keep

    def worker():
        s = None
        while not stopped():
            t0 = time.time()
            status = 0
            try:
                if s is None:
                    s = connect()
                s.sendall(req)
                status, keep = read_response(s)
                if status is None:
                    status, keep = 0, False
                if not keep:
                    s.close()
                    s = None
            except Exception:
                status = 0
                try:
                    if s:
                        s.close()
                except Exception:
                    pass
                s = None
            t1 = time.time()
            with lock:
                out.write(f"{t0:.6f} {t1 - t0:.6f} {status}\n")
            if status == 0:
                time.sleep(0.01)

    ts = [threading.Thread(target=worker, daemon=True) for _ in range(a.conns)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    out.close()


if __name__ == "__main__":
    main()
