"""Make compact JWE tokens with an independent JOSE implementation (jwcrypto).

stdin: JSON list of {key: {pem: "..."} | {jwk: {...}}, alg, enc, kid, payload, cty?, zip?,
       header?: extra protected header parameters}
stdout: JSON list of compact tokens (or {"error": "..."} entries).
"""
import json
import sys

from jwcrypto import jwe, jwk
from jwcrypto.common import json_encode

ALL_ALGS = [
    "RSA1_5", "RSA-OAEP", "RSA-OAEP-256", "ECDH-ES", "ECDH-ES+A128KW", "ECDH-ES+A256KW",
    "ECDH-ES+A192KW", "A128KW", "A256KW", "dir",
    "A128GCM", "A192GCM", "A256GCM", "A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512",
]

out = []
for spec in json.load(sys.stdin):
    try:
        k = spec["key"]
        key = jwk.JWK.from_pem(k["pem"].encode()) if "pem" in k else jwk.JWK(**k["jwk"])
        protected = {"alg": spec["alg"], "enc": spec["enc"], "kid": spec["kid"]}
        if spec.get("cty"):
            protected["cty"] = spec["cty"]
        if spec.get("zip"):
            protected["zip"] = "DEF"
        protected.update(spec.get("header") or {})
        token = jwe.JWE(spec["payload"].encode(), json_encode(protected), algs=ALL_ALGS)
        token.add_recipient(key)
        out.append(token.serialize(compact=True))
    except Exception as e:  # noqa: BLE001 - report per token
        out.append({"error": repr(e)})
print(json.dumps(out))
