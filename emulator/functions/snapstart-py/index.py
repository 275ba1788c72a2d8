# The SnapStart sample: a Python handler whose init does real work (what a snapshot saves on Lambda) and whose
# invocations are CPU-bound (so memory size matters). Created with runtime python3.12 and SnapStart.ApplyOn
# PublishedVersions (function.json); the emulator runs it with this machine's python3.
import hashlib

# Init: a table built once per execution environment, as a real function would load a model or a config.
TABLE = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(20000)]


def handler(event, context):
    rounds = int((event or {}).get("rounds", 40000)) if isinstance(event, dict) else 40000
    digest = b""
    for i in range(rounds):
        digest = hashlib.sha256(digest + TABLE[i % len(TABLE)].encode()).digest()
    return {"digest": digest.hex()[:16], "rounds": rounds, "version": context.function_version}
