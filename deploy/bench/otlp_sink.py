#!/usr/bin/env python3
"""A minimal OTLP/HTTP traces sink for deploy/bench/compare.sh: accepts every POST to
/v1/traces with 200 and an empty ExportTraceServiceResponse, counts requests and bytes, never
decodes (the cost measured is the gateway's: building, encoding and sending spans).
Usage: otlp_sink.py PORT  (prints its counts on SIGTERM)."""
import http.server, signal, socketserver, sys

posts = 0
body_bytes = 0


class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        global posts, body_bytes
        n = int(self.headers.get("content-length", "0"))
        self.rfile.read(n)
        posts += 1
        body_bytes += n
        self.send_response(200 if self.path == "/v1/traces" else 404)
        self.send_header("content-type", "application/x-protobuf")
        self.send_header("content-length", "0")
        self.end_headers()

    def log_message(self, *a):
        pass


class S(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def bye(*_):
    print(f"otlp sink: {posts} export requests, {body_bytes} bytes", flush=True)
    sys.exit(0)


signal.signal(signal.SIGTERM, bye)
S(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
