#!/usr/bin/env python3
"""A slow chat-webhook receiver for the fault suite: logs every POST as one JSON line (delivery id, alert id, signature
check) and answers 200 after DELAY seconds, so a kill can land while deliveries are in flight.
   receiver.py PORT LOGFILE DELAY SECRET"""
import hashlib, hmac, json, sys, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, log_path, delay, secret = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), sys.argv[4].encode()
log = open(log_path, "a", buffering=1)


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(delay)
        try:
            doc = json.loads(body)
        except ValueError:
            doc = {}
        expected = "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()
        log.write(json.dumps({
            "deliveryId": self.headers.get("X-Delivery-Id"),
            "bodyDeliveryId": doc.get("deliveryId"),
            "alertId": self.headers.get("X-Alert-Id") or doc.get("id"),
            "signed": hmac.compare_digest(expected, self.headers.get("X-Signature-256", "")),
            "path": self.path,
        }) + "\n")
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
