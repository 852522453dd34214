#!/usr/bin/env python3
"""Fake LLM provider for DataForge's integration tests and benchmarks.

Speaks enough of the OpenAI Chat Completions and Anthropic Messages HTTP APIs for
DataForge's consumers: generated text, usage, streaming, structured output
(json_schema), API keys, per-model rate limits over a sliding window with the vendors'
rate-limit headers, and injected faults. Python 3.11 standard library only.

    python3 fake_provider.py --port 8089 --rpm 600 --tpm 200000

Prints one line `listening HOST:PORT` on stdout once it accepts connections (with
--port 0 the port is the one the system picked). SIGTERM or SIGINT stops it (exit 0).

Control and observation (JSON, never rate-limited nor faulted):
    GET  /_fake/stats    counters: requests_total, by_status, in_flight, max_in_flight,
                         accepted_in_max_window, tokens_in_max_window, first_request_at,
                         last_request_at, by_fault, by_model
    GET  /_fake/config   current settings
    POST /_fake/config   change settings: rpm, tpm, itpm, otpm, window_seconds, latency_ms,
                         jitter_ms, fault_rate, faults, require_key, hang_seconds (null clears
                         a limit or the key)
    POST /_fake/reset    clear counters and rate windows; the fault sequence restarts from --seed

Order of checks for an API request: API key (401), request body (400), model (404),
fault draw, rate limits (429), then the answer after --latency-ms (+ up to --jitter-ms).
A request refused with 429 (by the limits or by an injected `429` fault) does not count
against the window; every other request that passes admission does, faults included, and
so counts in accepted_in_max_window. A dimension without a limit is not tracked: a limit
set at runtime counts requests from then on. OpenAI tokens are the prompt estimate plus
max output tokens (times n); Anthropic output tokens are held at max_tokens until the
answer is sent, then settle on the real count.

Faults (--fault-rate, --faults; deterministic in request order from --seed): 500, 503,
529 (503 on OpenAI paths), 429 (retry-after 1), hang (silent until --hang-seconds, the
client leaves, or shutdown), malformed (200, body not JSON), truncated (200, Content-Length
larger than the bytes sent, then close), drop (close without a response). The default
list is every kind but hang.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import functools
import hashlib
import json
import math
import random
import re
import signal
import sys
import time

FAULT_KINDS = ("500", "503", "529", "429", "hang", "malformed", "truncated", "drop")
DEFAULT_FAULTS = ("500", "503", "529", "429", "malformed", "truncated", "drop")

REASONS = {
    100: "Continue", 200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found",
    405: "Method Not Allowed", 413: "Payload Too Large", 429: "Too Many Requests",
    500: "Internal Server Error", 503: "Service Unavailable", 529: "Site Overloaded",
}

MAX_BODY = 64 * 1024 * 1024


json_string = json.encoder.encode_basestring  # a str as a JSON string literal (C-speed)


def dumps(obj) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


def tokens_of(text: str) -> int:
    return (len(text.encode()) + 3) // 4


def go_duration(seconds: float) -> str:
    """Go's time.Duration spelling as OpenAI sends it: 6m0s, 1.2s, 120ms, 0s."""
    ms = math.ceil(max(0.0, seconds) * 1000 - 1e-6)
    if ms <= 0:
        return "0s"
    if ms < 1000:
        return f"{ms}ms"
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s = f"{rest / 1000:.3f}".rstrip("0").rstrip(".")
    if h:
        return f"{h}h{m}m{s}s"
    if m:
        return f"{m}m{s}s"
    return f"{s}s"


def rfc3339(epoch: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(math.ceil(epoch)))


# ---------------------------------------------------------------------------------------
# Text generation

STOPWORDS = frozenset("""
about above after again against all also among and another any are around because been
before being below between both but can cannot could did does doing done down during each
either else even ever every few for from further generate gives given had has have having
here hers herself him himself his how however into its itself just least less like made
make many more most much must myself near need needs never none nor not now off often once
one only other others ought our ours ourselves out over own please rather really said same
say says shall she should since some something such than that the their theirs them
themselves then there these they thing things this those though through thus too toward
under until upon use used very via was way well were what when where whether which while
who whom whose why will with within without would write written yet you your yours
yourself yourselves sentence sentences words text return returns json object objects
review reviews describe describing create short long detailed example examples answer
""".split())

DEFAULT_KEYWORDS = ("product", "quality", "design", "service", "value")

ADJECTIVES = (
    "reliable", "compact", "thoughtful", "sturdy", "elegant", "practical", "quiet", "bright",
    "comfortable", "affordable", "intuitive", "durable", "lightweight", "polished", "generous",
    "responsive", "versatile", "modest", "clever", "consistent", "surprising", "balanced",
    "robust", "minimal", "friendly", "crisp", "smooth", "solid", "careful", "honest",
)
NOUNS = (
    "battery", "finish", "interface", "setup", "warranty", "packaging", "manual", "case",
    "support team", "price", "sound", "display", "grip", "charger", "update", "routine",
    "commute", "kitchen", "office", "weekend", "morning", "feature", "detail", "button",
    "connection", "material", "workflow", "budget", "experience", "result",
)
VERBS = (
    "improves", "handles", "simplifies", "supports", "complements", "outperforms", "matches",
    "changes", "protects", "streamlines", "elevates", "fits", "rewards", "survives",
    "organizes", "strengthens", "brightens", "clarifies", "shapes", "powers",
)
ADVERBS = (
    "quietly", "reliably", "easily", "noticeably", "surprisingly", "steadily", "gracefully",
    "efficiently", "consistently", "clearly", "remarkably", "comfortably", "smoothly",
    "genuinely", "neatly", "quickly", "thoroughly", "evenly", "patiently", "precisely",
)
NUMBERS = ("two", "three", "four", "five", "ten", "twelve", "fifteen", "twenty", "thirty")
TEMPLATES = (
    "The {k} {v} the {n} {d}.",
    "Many people notice that the {k} feels {a} after a week of daily use.",
    "In practice, {k} and {k2} work well together when the {n} is {a}.",
    "I would recommend the {k} to anyone who wants a {a} {n}.",
    "Compared with older options, this {k} {v} the {n} more {d}.",
    "One small complaint: the {n} could be more {a}, but the {k} makes up for it.",
    "Setup took about {num} minutes, and the {k} was ready before the coffee was.",
    "Overall, the {k} delivers {a} results for the price.",
    "People often ask whether the {k} handles a busy {n}; the short answer is yes.",
    "After {num} days, the {k} still {v} the {n} without any trouble.",
    "The team behind the {k} clearly cared about a {a} {n}.",
    "If you care about {k2}, the {k} is {d} worth a look.",
    "There is a {a} balance between {k} and {k2} here.",
    "The {n} {v} {d}, which came as a pleasant surprise.",
    "What stands out most is how the {k} {v} every {n} {d}.",
    "Nothing about the {k} feels rushed, from the {n} to the {a} details.",
    "Friends who tried the {k} asked where to buy one within {num} minutes.",
    "It is not perfect, yet the {k} {v} the {n} better than expected.",
    "For a {a} {n}, pair the {k} with a little patience.",
    "The {a} {n} makes the {k} easy to live with.",
    "Even on a long {n}, the {k} stays {a} and {a2}.",
    "My {n} changed for the better once the {k} arrived.",
    "Think of the {k} as a {a} partner for your {n}.",
    "Small touches, like the {a} {n}, show real attention to {k2}.",
    "Reviewers mention the {k} {d}, and for good reason.",
    "The {k} earns its place through a {a} {n} and {a2} performance.",
)
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")


@functools.lru_cache(maxsize=8192)
def keywords_of(text: str) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for w in WORD_RE.findall(text):
        w = w.strip("'-")
        low = w.lower()
        if len(w) >= 4 and low not in STOPWORDS and low not in seen:
            seen[low] = w if w.isupper() else low
            if len(seen) >= 12:
                break
    return tuple(seen.values()) or DEFAULT_KEYWORDS


def _skeletons(count: int) -> list[tuple[str, int]]:
    """Sentences with every slot filled but the keywords ({k}, {k2}), and their word counts."""
    rng = random.Random(20240601)
    out = []
    for _ in range(count):
        s = rng.choice(TEMPLATES).format(
            k="{k}", k2="{k2}", a=rng.choice(ADJECTIVES), a2=rng.choice(ADJECTIVES), n=rng.choice(NOUNS),
            v=rng.choice(VERBS), d=rng.choice(ADVERBS), num=rng.choice(NUMBERS))
        out.append((s[0].upper() + s[1:], s.count(" ") + 1))
    return out


SKELETONS = _skeletons(4096)


@functools.lru_cache(maxsize=8192)
def generate_text(seed: int, index: int, keywords: tuple[str, ...]) -> str:
    """60-150 words of varied English, deterministic in its arguments, using keywords."""
    r = random.Random(seed * 1_000_003 + index).random  # indexing by r() is much faster than choice()
    nk = len(keywords)
    ns = len(SKELETONS)
    target = 60 + int(r() * 91)
    sentences: list[str] = []
    count = 0
    used = 0
    while True:
        skeleton, n = SKELETONS[int(r() * ns)]
        if count + n > 150 and count >= 60:
            break
        k = keywords[used % nk] if used < 2 or r() < 0.6 else keywords[int(r() * nk)]
        used += 1
        sentences.append(skeleton.format(k=k, k2=keywords[int(r() * nk)]))
        count += n
        if count >= target:
            break
    return " ".join(sentences)


def schema_value(schema, rng: random.Random, keywords, root, depth=0, name=""):
    """A value that validates against a JSON Schema (the subset structured output uses)."""
    if not isinstance(schema, dict):
        return None
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            if part:
                target = target.get(part.replace("~1", "/").replace("~0", "~"), {}) if isinstance(target, dict) else {}
        return schema_value(target, rng, keywords, root, depth + 1, name)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return rng.choice(schema["enum"])
    for key in ("anyOf", "oneOf"):
        if schema.get(key):
            options = [s for s in schema[key] if not (isinstance(s, dict) and s.get("type") == "null")]
            return schema_value((options or schema[key])[0], rng, keywords, root, depth + 1, name)
    if schema.get("allOf"):
        merged: dict = {}
        for s in schema["allOf"]:
            if isinstance(s, dict):
                for k, v in s.items():
                    if k in ("properties",) and k in merged:
                        merged[k] = {**merged[k], **v}
                    elif k == "required" and k in merged:
                        merged[k] = list(merged[k]) + list(v)
                    else:
                        merged[k] = v
        return schema_value(merged, rng, keywords, root, depth + 1, name)
    t = schema.get("type")
    if isinstance(t, list):
        t = next((x for x in t if x != "null"), "null")
    if t is None:
        t = "object" if "properties" in schema else "array" if "items" in schema else "string"
    if t == "object":
        props = schema.get("properties") or {}
        out = {}
        for key, sub in props.items():
            out[key] = schema_value(sub, rng, keywords, root, depth + 1, key)
        for key in schema.get("required") or ():
            if key not in out:
                out[key] = rng.choice(keywords)
        return out
    if t == "array":
        lo = int(schema.get("minItems", 1))
        hi = int(schema.get("maxItems", max(lo, 3)))
        count = rng.randint(lo, max(lo, min(hi, lo + 3)))
        if depth > 8:
            count = lo
        return [schema_value(schema.get("items", {}), rng, keywords, root, depth + 1, name) for _ in range(count)]
    if t == "integer":
        lo, hi = _bounds(schema, 1, 100, integer=True)
        return rng.randint(int(lo), int(hi))
    if t == "number":
        lo, hi = _bounds(schema, 0.0, 100.0, integer=False)
        return round(rng.uniform(lo, hi), 2) if hi - lo > 0.02 else lo
    if t == "boolean":
        return rng.random() < 0.5
    if t == "null":
        return None
    return _schema_string(schema, rng, keywords, name)


def _bounds(schema, lo, hi, integer):
    step = 1 if integer else 0.01
    if "minimum" in schema:
        lo = schema["minimum"]
    if "exclusiveMinimum" in schema and not isinstance(schema["exclusiveMinimum"], bool):
        lo = schema["exclusiveMinimum"] + step
    if "maximum" in schema:
        hi = schema["maximum"]
    if "exclusiveMaximum" in schema and not isinstance(schema["exclusiveMaximum"], bool):
        hi = schema["exclusiveMaximum"] - step
    if "minimum" in schema and "maximum" not in schema and "exclusiveMaximum" not in schema:
        hi = lo + 100
    if ("maximum" in schema or "exclusiveMaximum" in schema) and "minimum" not in schema and "exclusiveMinimum" not in schema:
        lo = min(lo, hi - 100) if hi < lo else min(lo, hi)
    if integer:
        lo, hi = math.ceil(lo), math.floor(hi)
    if hi < lo:
        hi = lo
    return lo, hi


LONG_FIELDS = ("text", "review", "content", "body", "description", "answer", "message",
               "summary", "reply", "response", "comment", "story", "paragraph", "explanation")


def _schema_string(schema, rng, keywords, name):
    fmt = schema.get("format")
    if fmt == "date-time":
        s = "2024-%02d-%02dT%02d:%02d:00Z" % (rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59))
    elif fmt == "date":
        s = "2024-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28))
    elif fmt == "email":
        s = f"{rng.choice(keywords).lower()}{rng.randint(1, 999)}@example.com"
    elif fmt in ("uri", "url"):
        s = f"https://example.com/{rng.choice(keywords).lower()}/{rng.randint(1, 999)}"
    elif fmt == "uuid":
        s = "%08x-%04x-4%03x-8%03x-%012x" % (rng.getrandbits(32), rng.getrandbits(16), rng.getrandbits(12), rng.getrandbits(12), rng.getrandbits(48))
    elif any(f in name.lower() for f in LONG_FIELDS):
        s = generate_text(rng.getrandbits(32), 0, keywords)
    elif "name" in name.lower() or "title" in name.lower():
        s = f"{rng.choice(ADJECTIVES).capitalize()} {rng.choice(keywords)}"
    else:
        s = TEMPLATES[rng.randrange(len(TEMPLATES))].format(
            k=rng.choice(keywords), k2=rng.choice(keywords), a=rng.choice(ADJECTIVES),
            a2=rng.choice(ADJECTIVES), n=rng.choice(NOUNS), v=rng.choice(VERBS),
            d=rng.choice(ADVERBS), num=rng.choice(NUMBERS))
        s = s[0].upper() + s[1:]
    lo = int(schema.get("minLength", 0))
    hi = schema.get("maxLength")
    while len(s) < lo:
        s += " " + rng.choice(keywords)
    if hi is not None and len(s) > int(hi):
        s = s[: int(hi)]
    return s


# ---------------------------------------------------------------------------------------
# Rate limits: per model, one sliding window per dimension


class Dim:
    __slots__ = ("entries", "total")

    def __init__(self):
        self.entries: collections.deque = collections.deque()  # [t, amount]
        self.total = 0

    def evict(self, cutoff: float):
        e = self.entries
        while e and e[0][0] <= cutoff:
            self.total -= e.popleft()[1]

    def add(self, now: float, amount: int) -> list:
        entry = [now, amount]
        self.entries.append(entry)
        self.total += amount
        return entry

    def wait_for(self, need: int, limit: int, now: float, window: float) -> float:
        """Seconds until `need` more fits under `limit` (inf if it never can)."""
        if need > limit:
            return math.inf
        excess = self.total + need - limit
        if excess <= 0:
            return 0.0
        freed = 0
        for t, amount in self.entries:
            freed += amount
            if freed >= excess:
                return max(0.0, t + window - now)
        return window

    def reset_in(self, now: float, window: float) -> float:
        """Seconds until the window is empty again (fully replenished)."""
        return max(0.0, self.entries[-1][0] + window - now) if self.entries else 0.0


class Stat:
    """Largest count and token sum seen inside any window, over accepted requests."""
    __slots__ = ("times", "tokens", "token_sum", "max_count", "max_tokens", "requests", "by_status")

    def __init__(self):
        self.times: collections.deque = collections.deque()
        self.tokens: collections.deque = collections.deque()
        self.token_sum = 0
        self.max_count = 0
        self.max_tokens = 0
        self.requests = 0
        self.by_status: dict[str, int] = {}

    def accept(self, now: float, tokens: int, window: float):
        cutoff = now - window
        times, toks = self.times, self.tokens
        while times and times[0] <= cutoff:
            times.popleft()
        while toks and toks[0][0] <= cutoff:
            self.token_sum -= toks.popleft()[1]
        times.append(now)
        toks.append((now, tokens))
        self.token_sum += tokens
        if len(times) > self.max_count:
            self.max_count = len(times)
        if self.token_sum > self.max_tokens:
            self.max_tokens = self.token_sum

    def as_json(self):
        return {"requests": self.requests, "by_status": dict(self.by_status),
                "accepted_in_max_window": self.max_count, "tokens_in_max_window": self.max_tokens}


# ---------------------------------------------------------------------------------------


class Response:
    __slots__ = ("status", "headers", "body", "action")

    def __init__(self, status=200, body=b"", headers=None, action=None):
        self.status = status
        self.body = body
        self.headers = headers if headers is not None else []
        self.action = action  # None | "hang" | "drop" | "truncated"


class HTTPError(Exception):
    def __init__(self, response: Response, model=None):
        self.response = response
        self.model = model


CONFIG_KEYS = ("rpm", "tpm", "itpm", "otpm", "window_seconds", "latency_ms", "jitter_ms",
               "fault_rate", "faults", "require_key", "hang_seconds", "repeat_rate")


class FakeProvider:
    def __init__(self, args):
        self.rpm = args.rpm
        self.tpm = args.tpm
        self.itpm = args.itpm
        self.otpm = args.otpm
        self.window_seconds = float(args.window_seconds)
        self.latency_ms = float(args.latency_ms)
        self.jitter_ms = float(args.jitter_ms)
        self.fault_rate = float(args.fault_rate)
        self.faults = parse_faults(args.faults)
        self.require_key = args.require_key
        self.hang_seconds = float(args.hang_seconds)
        # A model that repeats itself: this fraction of its texts are an earlier one, as it was or with a word
        # changed (a near-duplicate).
        self.repeat_rate = 0.0
        self.seed = args.seed
        self.stopping = asyncio.Event()
        self.connections: set[asyncio.Task] = set()
        self.next_id = 0
        self.reset()

    # -- state -----------------------------------------------------------------------

    def reset(self):
        self.windows: dict[str, dict[str, Dim]] = {}
        self.fault_rng = random.Random(f"faults/{self.seed}")
        self.latency_rng = random.Random(f"latency/{self.seed}")
        self.requests_total = 0
        self.by_status: dict[str, int] = {}
        self.by_fault: dict[str, int] = {}
        self.in_flight = getattr(self, "in_flight", 0)  # a gauge: requests still open stay counted
        self.max_in_flight = self.in_flight
        self.stat = Stat()
        self.model_stats: dict[str, Stat] = {}
        self.first_request_at = None
        self.last_request_at = None

    def config(self):
        return {k: getattr(self, k) for k in CONFIG_KEYS} | {"faults": list(self.faults), "seed": self.seed}

    def set_config(self, changes: dict):
        parsed = {}
        for k, v in changes.items():
            if k not in CONFIG_KEYS:
                raise ValueError(f"unknown setting {k!r}; known: {', '.join(CONFIG_KEYS)}")
            if k in ("rpm", "tpm", "itpm", "otpm"):
                v = None if v is None or v == 0 else int(v)
            elif k == "faults":
                v = parse_faults(v)
            elif k == "require_key":
                v = v or None
            elif k == "window_seconds":
                v = float(v)
                if v <= 0:
                    raise ValueError("window_seconds must be > 0")
            else:
                v = float(v or 0)
            parsed[k] = v
        for k, v in parsed.items():
            setattr(self, k, v)

    def stats(self):
        return {
            "requests_total": self.requests_total,
            "by_status": dict(self.by_status),
            "by_fault": dict(self.by_fault),
            "in_flight": self.in_flight,
            "max_in_flight": self.max_in_flight,
            "accepted_in_max_window": self.stat.max_count,
            "tokens_in_max_window": self.stat.max_tokens,
            "window_seconds": self.window_seconds,
            "first_request_at": self.first_request_at,
            "last_request_at": self.last_request_at,
            "by_model": {m: s.as_json() for m, s in self.model_stats.items()},
        }

    def new_id(self, prefix: str) -> str:
        self.next_id += 1
        return f"{prefix}{self.next_id:024x}"

    # -- connections -----------------------------------------------------------------

    async def handle_connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        task = asyncio.current_task()
        self.connections.add(task)
        transport = writer.transport
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                try:
                    method, target, version = lines[0].split(" ", 2)
                except ValueError:
                    writer.write(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                    return
                headers = {}
                for line in lines[1:]:
                    if line:
                        name, _, value = line.partition(":")
                        headers[name.strip().lower()] = value.strip()
                conn = headers.get("connection", "").lower()
                keep_alive = ("close" not in conn) if version == "HTTP/1.1" else ("keep-alive" in conn)
                if headers.get("expect", "").lower() == "100-continue":
                    writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
                try:
                    body = await self.read_body(reader, headers)
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                except ValueError:
                    writer.write(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                    return
                path = target.split("?", 1)[0]
                if path.startswith("/_fake/"):
                    writer.write(self.serialize(self.control(method, path, body), keep_alive))
                    if not keep_alive:
                        await writer.drain()
                        return
                    continue
                self.in_flight += 1
                if self.in_flight > self.max_in_flight:
                    self.max_in_flight = self.in_flight
                try:
                    resp = await self.api(method, path, headers, body)
                    if resp.action == "drop":
                        return
                    if resp.action == "hang":
                        # Silent until hang_seconds pass, the client leaves, or shutdown.
                        waits = {asyncio.ensure_future(self.stopping.wait()), asyncio.ensure_future(reader.read())}
                        try:
                            await asyncio.wait(waits, timeout=self.hang_seconds, return_when=asyncio.FIRST_COMPLETED)
                        finally:
                            for w in waits:
                                w.cancel()
                        return
                    out = self.serialize(resp, keep_alive)
                    if resp.action == "truncated":
                        writer.write(out[: len(out) - max(1, len(resp.body) // 2)])
                        await writer.drain()
                        return
                    writer.write(out)
                    if not keep_alive:
                        await writer.drain()
                        return
                    if transport.get_write_buffer_size() > 262144:
                        await writer.drain()
                finally:
                    self.in_flight -= 1
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            self.connections.discard(task)
            transport.close()

    @staticmethod
    async def read_body(reader, headers) -> bytes:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            parts = []
            size_total = 0
            while True:
                line = await reader.readuntil(b"\r\n")
                size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                if size == 0:
                    while (await reader.readuntil(b"\r\n")) != b"\r\n":
                        pass
                    return b"".join(parts)
                size_total += size
                if size_total > MAX_BODY:
                    raise ValueError("body too large")
                parts.append(await reader.readexactly(size))
                await reader.readexactly(2)
        n = int(headers.get("content-length", "0") or 0)
        if n < 0 or n > MAX_BODY:
            raise ValueError("bad content-length")
        return await reader.readexactly(n) if n else b""

    @staticmethod
    def serialize(resp: Response, keep_alive: bool) -> bytes:
        head = [f"HTTP/1.1 {resp.status} {REASONS.get(resp.status, 'Status')}"]
        ctype = None
        for name, value in resp.headers:
            if name == "content-type":
                ctype = value
            head.append(f"{name}: {value}")
        if ctype is None:
            head.append("content-type: application/json")
        head.append(f"content-length: {len(resp.body)}")
        head.append("connection: keep-alive" if keep_alive else "connection: close")
        head.append("\r\n")
        return "\r\n".join(head).encode("latin-1") + resp.body

    # -- control API -----------------------------------------------------------------

    def control(self, method, path, body) -> Response:
        try:
            if path == "/_fake/stats" and method == "GET":
                return Response(200, dumps(self.stats()))
            if path == "/_fake/config" and method == "GET":
                return Response(200, dumps(self.config()))
            if path == "/_fake/config" and method == "POST":
                changes = json.loads(body or b"{}")
                if not isinstance(changes, dict):
                    raise ValueError("expected a JSON object")
                self.set_config(changes)
                return Response(200, dumps(self.config()))
            if path == "/_fake/reset" and method == "POST":
                self.reset()
                return Response(200, dumps({"ok": True}))
            if path == "/_fake/health":
                return Response(200, dumps({"ok": True}))
        except (ValueError, TypeError) as e:
            return Response(400, dumps({"error": str(e)}))
        return Response(404, dumps({"error": f"no {method} {path}"}))

    # -- API -------------------------------------------------------------------------

    async def api(self, method, path, headers, body) -> Response:
        if path in ("/v1/chat/completions", "/chat/completions"):
            vendor = "openai"
        elif path in ("/v1/messages", "/anthropic/v1/messages"):
            vendor = "anthropic"
        else:
            return Response(404, dumps({"error": {"message": f"Unknown request URL: {method} {path}",
                                                  "type": "invalid_request_error", "param": None,
                                                  "code": "unknown_url"}}))
        if method != "POST":
            return Response(405, dumps({"error": {"message": f"{method} is not allowed on {path}",
                                                  "type": "invalid_request_error", "param": None, "code": None}}))
        now_wall = time.time()
        self.requests_total += 1
        if self.first_request_at is None:
            self.first_request_at = now_wall
        self.last_request_at = now_wall
        model = None
        try:
            if vendor == "openai":
                resp, model = await self.openai(headers, body)
            else:
                resp, model = await self.anthropic(headers, body)
        except HTTPError as e:
            resp = e.response
            model = e.model
            if model is not None:
                resp.headers.extend(self.rate_headers(vendor, model))
        status = resp.action if resp.action in ("hang", "drop") else str(resp.status)
        if resp.action not in ("hang", "drop"):
            self.by_status[status] = self.by_status.get(status, 0) + 1
        if model is not None:
            ms = self.model_stats.get(model)
            if ms is None:
                ms = self.model_stats[model] = Stat()
            ms.requests += 1
            ms.by_status[status] = ms.by_status.get(status, 0) + 1
        return resp

    async def admit_and_answer(self, vendor, model, dims_need, output_adjust, build):
        """Fault draw, rate limits, latency; `build()` makes the 200 response."""
        fault = None
        if self.fault_rate > 0 and self.faults and self.fault_rng.random() < self.fault_rate:
            fault = self.fault_rng.choice(self.faults)
        if fault == "429":
            self.by_fault["429"] = self.by_fault.get("429", 0) + 1
            return self.rate_limited(vendor, model, 1.0, "requests", injected=True)
        now = time.monotonic()
        window = self.window_seconds
        dims = self.windows.get(model)
        if dims is None:
            dims = self.windows[model] = {}
        cutoff = now - window
        waits = []
        for name, (limit, need) in dims_need.items():
            if limit is None:
                continue  # unlimited: not tracked (a limit set later counts from then on)
            d = dims.get(name)
            if d is None:
                d = dims[name] = Dim()
            d.evict(cutoff)
            w = d.wait_for(need, limit, now, window)
            if w > 0:
                waits.append((w, name))
        if waits:
            wait, name = max(waits)
            return self.rate_limited(vendor, model, wait, name, need=dims_need[name][1],
                                     limit=dims_need[name][0])
        entries = {name: dims[name].add(now, need) for name, (limit, need) in dims_need.items()
                   if limit is not None}
        counted = dims_need.get("tokens", (None, 0))[1] if vendor == "openai" else (
            dims_need["input_tokens"][1] + output_adjust)
        self.stat.accept(now, counted, window)
        ms = self.model_stats.get(model)
        if ms is None:
            ms = self.model_stats[model] = Stat()
        ms.accept(now, counted, window)
        rl_headers = self.rate_headers(vendor, model)
        if fault is not None:
            self.by_fault[fault] = self.by_fault.get(fault, 0) + 1
            return self.fault_response(vendor, fault, rl_headers)
        delay = self.latency_ms
        if self.jitter_ms > 0:
            delay += self.latency_rng.uniform(0, self.jitter_ms)
        resp = build()
        resp.headers.extend(rl_headers)
        if delay > 0:
            await asyncio.sleep(delay / 1000)
        if output_adjust is not None and vendor == "anthropic":
            # Anthropic estimates output tokens from max_tokens, then settles on the real count.
            for name in ("output_tokens", "tokens"):
                e = entries.get(name)
                if e is not None:
                    need = dims_need[name][1]
                    actual = output_adjust if name == "output_tokens" else dims_need["input_tokens"][1] + output_adjust
                    if actual < need:
                        d = dims[name]
                        d.total -= e[1] - actual
                        e[1] = actual
        return resp

    def rate_headers(self, vendor, model) -> list:
        now = time.monotonic()
        dims = self.windows.get(model, {})
        window = self.window_seconds
        out = []

        def state(name, limit):
            d = dims.get(name)
            if d is None:
                return limit, 0.0
            d.evict(now - window)
            return max(0, limit - d.total), d.reset_in(now, window)

        if vendor == "openai":
            for name, limit in (("requests", self.rpm), ("tokens", self.tpm)):
                if limit is None:
                    continue
                remaining, reset = state(name, limit)
                out += [(f"x-ratelimit-limit-{name}", str(limit)),
                        (f"x-ratelimit-remaining-{name}", str(remaining)),
                        (f"x-ratelimit-reset-{name}", go_duration(reset))]
            return out
        wall = time.time()
        tokens_dims = []
        for name, header, limit in (("requests", "requests", self.rpm), ("tokens", "tokens", self.tpm),
                                    ("input_tokens", "input-tokens", self.itpm),
                                    ("output_tokens", "output-tokens", self.otpm)):
            if limit is None:
                continue
            remaining, reset = state(name, limit)
            if name in ("input_tokens", "output_tokens"):
                tokens_dims.append((remaining, limit, reset))
            out += [(f"anthropic-ratelimit-{header}-limit", str(limit)),
                    (f"anthropic-ratelimit-{header}-remaining", str(remaining)),
                    (f"anthropic-ratelimit-{header}-reset", rfc3339(wall + reset))]
        if self.tpm is None and tokens_dims:
            # Without --tpm, the tokens headers show the most restrictive token limit.
            remaining, limit, reset = min(tokens_dims)
            out += [("anthropic-ratelimit-tokens-limit", str(limit)),
                    ("anthropic-ratelimit-tokens-remaining", str(remaining)),
                    ("anthropic-ratelimit-tokens-reset", rfc3339(wall + reset))]
        return out

    def rate_limited(self, vendor, model, wait, dim, injected=False, need=None, limit=None) -> Response:
        if math.isinf(wait):
            wait = self.window_seconds
        wait_s = max(1, math.ceil(wait - 1e-9))
        wait_ms = max(1, math.ceil(wait * 1000 - 1e-6))
        headers = [("retry-after", str(wait_s)), ("retry-after-ms", str(wait_ms))]
        headers += self.rate_headers(vendor, model)
        per = {"requests": "requests per min (RPM)", "tokens": "tokens per min (TPM)",
               "input_tokens": "input tokens per minute", "output_tokens": "output tokens per minute"}[dim]
        if injected:
            msg = f"Rate limit reached for {model}. Please try again in 1s."
        elif need is not None and limit is not None and need > limit:
            msg = f"Request too large for {model} on {per}: Limit {limit}, Requested {need}."
        else:
            msg = (f"Rate limit reached for {model} on {per}: Limit {limit}, Requested {need}. "
                   f"Please try again in {go_duration(wait)}.")
        if vendor == "openai":
            body = {"error": {"message": msg, "type": "tokens" if "tokens" in dim else "requests",
                              "param": None, "code": "rate_limit_exceeded"}}
        else:
            body = {"type": "error", "error": {"type": "rate_limit_error", "message": msg}}
        return Response(429, dumps(body), headers)

    def fault_response(self, vendor, fault, rl_headers) -> Response:
        if fault == "hang":
            return Response(0, b"", [], "hang")
        if fault == "drop":
            return Response(0, b"", [], "drop")
        if fault == "malformed":
            body = b'{"id":"chatcmpl-fake","object":"chat.completion","choices":[{"index":0,"message":<html>Bad Gateway</html>'
            if vendor == "anthropic":
                body = b'{"id":"msg_fake","type":"message","content":[{"type":"text","text":<html>Bad Gateway</html>'
            return Response(200, body, list(rl_headers))
        if fault == "truncated":
            if vendor == "openai":
                body = dumps({"id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
                              "model": "fake", "choices": [{"index": 0, "message": {"role": "assistant",
                              "content": generate_text(1, 0, DEFAULT_KEYWORDS)}, "finish_reason": "stop"}]})
            else:
                body = dumps({"id": "msg_fake", "type": "message", "role": "assistant",
                              "content": [{"type": "text", "text": generate_text(1, 0, DEFAULT_KEYWORDS)}]})
            return Response(200, body, list(rl_headers), "truncated")
        status = int(fault)
        if vendor == "openai":
            if status == 529:
                status = 503
            msg = ("The server had an error while processing your request. Sorry about that!" if status == 500
                   else "The server is overloaded or not ready yet.")
            body = {"error": {"message": msg, "type": "server_error", "param": None, "code": None}}
        else:
            kind, msg = {500: ("api_error", "Internal server error"),
                         503: ("api_error", "Service unavailable"),
                         529: ("overloaded_error", "Overloaded")}[status]
            body = {"type": "error", "error": {"type": kind, "message": msg}}
        return Response(status, dumps(body), list(rl_headers))

    # -- OpenAI ----------------------------------------------------------------------

    @staticmethod
    def openai_error(status, message, kind="invalid_request_error", code=None, param=None):
        return HTTPError(Response(status, dumps({"error": {"message": message, "type": kind,
                                                           "param": param, "code": code}})))

    async def openai(self, headers, body):
        if self.require_key is not None:
            auth = headers.get("authorization", "")
            key = auth[7:].strip() if auth[:7].lower() == "bearer " else ""
            if key != self.require_key:
                msg = ("You didn't provide an API key. You need to provide your API key in an "
                       "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY)."
                       if not key else f"Incorrect API key provided: {mask(key)}. You can find your "
                       "API key at https://platform.openai.com/account/api-keys.")
                raise self.openai_error(401, msg, code="invalid_api_key")
        try:
            req = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise self.openai_error(400, "We could not parse the JSON body of your request. (HINT: This "
                                    "likely means you aren't using your HTTP library correctly. The OpenAI "
                                    "API expects a JSON payload, but what was sent was not valid JSON.")
        if not isinstance(req, dict):
            raise self.openai_error(400, "The request body must be a JSON object.")
        model = req.get("model")
        if not isinstance(model, str) or not model:
            raise self.openai_error(400, "you must provide a model parameter", param="model")
        messages = req.get("messages")
        if not isinstance(messages, list) or not messages:
            raise _with_model(self.openai_error(400, "'messages' must be a non-empty array", param="messages"), model)
        temperature = req.get("temperature")
        if temperature is not None and (not isinstance(temperature, (int, float)) or not 0 <= temperature <= 2):
            raise _with_model(self.openai_error(400, f"Invalid 'temperature': decimal above maximum value. "
                                                "Expected a value <= 2, but got {temperature} instead.",
                                                code="decimal_above_max_value", param="temperature"), model)
        n = req.get("n") or 1
        if not isinstance(n, int) or not 1 <= n <= 128:
            raise _with_model(self.openai_error(400, "Invalid 'n': expected an integer between 1 and 128.",
                                                param="n"), model)
        max_out = req.get("max_completion_tokens")
        if max_out is None:
            max_out = req.get("max_tokens")
        if max_out is not None and (not isinstance(max_out, int) or max_out < 1):
            raise _with_model(self.openai_error(400, "Invalid 'max_completion_tokens': expected an integer >= 1.",
                                                param="max_completion_tokens"), model)
        if model == "missing-model":
            raise _with_model(self.openai_error(404, f"The model `{model}` does not exist or you do not have "
                                                "access to it.", code="model_not_found"), model)
        prompt_tokens = 0
        last_user = ""
        for m in messages:
            text = content_text(m.get("content") if isinstance(m, dict) else None)
            prompt_tokens += tokens_of(text) + 4
            if isinstance(m, dict) and m.get("role") == "user":
                last_user = text
        seed = seed_of(req.get("seed"), messages)
        kw = keywords_of(last_user)
        schema = structured_schema(req.get("response_format"))
        choices_text = []
        finish = []
        for i in range(n):
            text, reason = completion(seed, i, kw, schema, max_out, last_user, self.repeat_rate)
            choices_text.append(text)
            finish.append(reason)
        completion_tokens = sum(tokens_of(t) for t in choices_text)
        admission_out = max_out * n if max_out is not None else completion_tokens
        dims_need = {"requests": (self.rpm, 1), "tokens": (self.tpm, prompt_tokens + admission_out)}
        stream = bool(req.get("stream"))
        include_usage = stream and bool((req.get("stream_options") or {}).get("include_usage"))

        def build():
            rid = self.new_id("chatcmpl-")
            created = int(time.time())
            usage = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                     "total_tokens": prompt_tokens + completion_tokens,
                     "prompt_tokens_details": {"cached_tokens": 0},
                     "completion_tokens_details": {"reasoning_tokens": 0}}
            hdrs = [("x-request-id", "req_" + rid[9:]), ("openai-processing-ms", str(int(self.latency_ms)))]
            if not stream:
                choices = ",".join(
                    '{"index":%d,"message":{"role":"assistant","content":%s,"refusal":null},'
                    '"logprobs":null,"finish_reason":"%s"}' % (i, json_string(t), finish[i])
                    for i, t in enumerate(choices_text))
                return Response(200, (
                    '{"id":"%s","object":"chat.completion","created":%d,"model":%s,"choices":[%s],'
                    '"usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d,'
                    '"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":'
                    '{"reasoning_tokens":0}},"system_fingerprint":"fp_fake"}'
                    % (rid, created, json_string(model), choices, prompt_tokens,
                       completion_tokens, prompt_tokens + completion_tokens)).encode(), hdrs)
            return Response(200, openai_sse(rid, created, model, choices_text, finish, usage, include_usage),
                            hdrs + [("content-type", "text/event-stream; charset=utf-8"),
                                    ("cache-control", "no-cache")])

        return await self.admit_and_answer("openai", model, dims_need, None, build), model

    # -- Anthropic -------------------------------------------------------------------

    @staticmethod
    def anthropic_error(status, kind, message):
        return HTTPError(Response(status, dumps({"type": "error", "error": {"type": kind, "message": message}})))

    async def anthropic(self, headers, body):
        if self.require_key is not None:
            key = headers.get("x-api-key", "")
            if key != self.require_key:
                raise self.anthropic_error(401, "authentication_error",
                                           "x-api-key header is required" if not key else "invalid x-api-key")
        if not headers.get("anthropic-version"):
            raise self.anthropic_error(400, "invalid_request_error", "anthropic-version: header is required")
        try:
            req = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise self.anthropic_error(400, "invalid_request_error", "The request body is not valid JSON.")
        if not isinstance(req, dict):
            raise self.anthropic_error(400, "invalid_request_error", "The request body must be a JSON object.")
        model = req.get("model")
        if not isinstance(model, str) or not model:
            raise self.anthropic_error(400, "invalid_request_error", "model: Field required")
        max_tokens = req.get("max_tokens")
        if max_tokens is None:
            raise _with_model(self.anthropic_error(400, "invalid_request_error", "max_tokens: Field required"), model)
        if not isinstance(max_tokens, int) or isinstance(max_tokens, bool) or max_tokens < 1:
            raise _with_model(self.anthropic_error(400, "invalid_request_error",
                                                   "max_tokens: Input should be a valid integer >= 1"), model)
        messages = req.get("messages")
        if not isinstance(messages, list) or not messages:
            raise _with_model(self.anthropic_error(400, "invalid_request_error",
                                                   "messages: at least one message is required"), model)
        temperature = req.get("temperature")
        if temperature is not None and (isinstance(temperature, bool) or not isinstance(temperature, (int, float))
                                        or not 0 <= temperature <= 1):
            raise _with_model(self.anthropic_error(400, "invalid_request_error",
                                                   "temperature: range: 0..1"), model)
        if model == "missing-model":
            raise _with_model(self.anthropic_error(404, "not_found_error", f"model: {model}"), model)
        system = content_text(req.get("system"))
        input_tokens = tokens_of(system) if system else 0
        last_user = ""
        for m in messages:
            text = content_text(m.get("content") if isinstance(m, dict) else None)
            input_tokens += tokens_of(text) + 4
            if isinstance(m, dict) and m.get("role") == "user":
                last_user = text
        seed = seed_of(req.get("seed"), [system, messages])
        text, reason = completion(seed, 0, keywords_of(last_user), None, max_tokens, last_user, self.repeat_rate)
        stop_reason = "end_turn" if reason == "stop" else "max_tokens"
        output_tokens = tokens_of(text)
        dims_need = {"requests": (self.rpm, 1), "tokens": (self.tpm, input_tokens + max_tokens),
                     "input_tokens": (self.itpm, input_tokens), "output_tokens": (self.otpm, max_tokens)}
        stream = bool(req.get("stream"))

        def build():
            mid = self.new_id("msg_")
            hdrs = [("request-id", "req_" + mid[4:])]
            if not stream:
                return Response(200, (
                    '{"id":"%s","type":"message","role":"assistant","model":%s,"content":[{"type":"text",'
                    '"text":%s}],"stop_reason":"%s","stop_sequence":null,"usage":{"input_tokens":%d,'
                    '"output_tokens":%d,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}'
                    % (mid, json_string(model), json_string(text),
                       stop_reason, input_tokens, output_tokens)).encode(), hdrs)
            return Response(200, anthropic_sse(mid, model, text, stop_reason, input_tokens, output_tokens),
                            hdrs + [("content-type", "text/event-stream; charset=utf-8"),
                                    ("cache-control", "no-cache")])

        return await self.admit_and_answer("anthropic", model, dims_need, output_tokens, build), model


# Validation errors found after the model is known still count in that model's stats.
def _with_model(err: HTTPError, model):
    err.model = model
    return err


def mask(key: str) -> str:
    return key[:3] + "*" * max(0, len(key) - 7) + key[-4:] if len(key) > 8 else "***"


def parse_faults(value) -> tuple:
    if value is None:
        return DEFAULT_FAULTS
    items = value.split(",") if isinstance(value, str) else list(value)
    out = []
    for f in items:
        f = str(f).strip()
        if not f:
            continue
        if f not in FAULT_KINDS:
            raise ValueError(f"unknown fault {f!r}; known: {','.join(FAULT_KINDS)}")
        out.append(f)
    return tuple(out)


def content_text(content) -> str:
    if content is None:
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for p in content:
            if isinstance(p, str):
                parts.append(p)
            elif isinstance(p, dict) and isinstance(p.get("text"), str):
                parts.append(p["text"])
        return "\n".join(parts)
    return json.dumps(content)


def seed_of(seed, messages) -> int:
    if isinstance(seed, int) and not isinstance(seed, bool):
        return seed & 0xFFFFFFFFFFFF
    digest = hashlib.blake2b(repr(messages).encode(), digest_size=6).digest()
    return int.from_bytes(digest, "big")


def structured_schema(response_format):
    if not isinstance(response_format, dict):
        return None
    kind = response_format.get("type")
    if kind == "json_schema":
        js = response_format.get("json_schema") or {}
        schema = js.get("schema") if isinstance(js, dict) else None
        return schema if isinstance(schema, dict) else {"type": "object"}
    if kind == "json_object":
        return {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}
    return None


SECTION = re.compile(r"^### (Brief|Text|Pair) (\d+)[ \t]*$", re.M)


def sections(prompt: str, kind: str) -> list[tuple[int, str]]:
    """The numbered sections (`### Brief 3`, `### Text 5`, `### Pair 2`) of a prompt that asks about several texts
    at once."""
    found = [(m.start(), m.end(), int(m.group(2))) for m in SECTION.finditer(prompt) if m.group(1) == kind]
    return [(n, prompt[end:(found[i + 1][0] if i + 1 < len(found) else len(prompt))].strip())
            for i, (_, end, n) in enumerate(found)]


# ---------------------------------------------------------------------------------------
# Augmentation answers: paraphrases of one text, and the similarity of variants to their originals

REWRITE_ASK = re.compile(r"Write (\d+) paraphrases? of the text under the Text header")
REWRITE_TEXT = re.compile(r"^### Text[ \t]*$", re.M)
KEEP_ASK = "Keep each of these terms exactly as written"
PAIR_PART = re.compile(r"^Original:[ \t]*(.*?)\n+Variant:[ \t]*(.*)$", re.S)
# A kept term while the text is rewritten: a private-use character between NULs, which no word rule (nor a
# shorter term, such as a digit) can match.
TERM_AT_START = re.compile("^\x00[\ue000-\uf8ff]\x00")
SENTENCE_END = re.compile(r"(?<=[.!?])[ \t]+(?=\S)")

# Sentiment-neutral words and their replacements: evaluative words ("terrible", "great") and negations are never
# listed, so a paraphrase keeps the text's sentiment.
SYNONYMS = {
    "bought": ("purchased", "ordered", "picked up"), "purchased": ("bought", "ordered"),
    "buy": ("purchase", "order"), "got": ("received", "picked up"), "received": ("got",),
    "really": ("truly", "genuinely"), "very": ("quite", "truly"), "because": ("since", "as"),
    "tried": ("attempted", "tested"), "replied": ("responded", "answered"), "reply": ("respond", "answer"),
    "fix": ("resolve", "sort out"), "problem": ("issue", "fault"), "problems": ("issues", "faults"),
    "quickly": ("promptly", "soon"), "send": ("ship", "provide"), "works": ("functions", "runs"),
    "started": ("began",), "start": ("begin",), "about": ("around", "roughly"), "often": ("frequently",),
    "sometimes": ("at times", "occasionally"), "however": ("that said", "though"), "think": ("believe", "feel"),
    "need": ("require",), "anyone": ("anybody",), "someone": ("somebody",), "maybe": ("perhaps",),
    "perhaps": ("maybe",), "please": ("kindly",), "arrived": ("came", "showed up"), "large": ("big",),
    "big": ("large",), "also": ("too",), "use": ("rely on",), "using": ("relying on",), "after": ("following",),
    "when": ("whenever",), "daily": ("every day",), "item": ("product",), "order": ("purchase",),
}
SYNONYM_WORD = re.compile(r"\b(" + "|".join(sorted(SYNONYMS, key=len, reverse=True)) + r")\b", re.I)
OPENINGS = ("In short, ", "To be clear, ", "Put simply, ", "For the record, ", "All in all, ", "As it stands, ",
            "Simply put, ", "To sum up, ", "Plainly, ", "In brief, ")
# "A because B." becomes "Because B, A." (and the same for when, if, since).
TRAILING_CLAUSE = re.compile(r"^(?P<main>[^,;:]+?) (?P<link>because|when|if|since) (?P<sub>[^,;:]+?)(?P<end>[.!?])$")
LEADING_CLAUSE = re.compile(r"^(?P<link>Because|When|If|Since) (?P<sub>[^,;:]+?), (?P<main>[^,;:]+?)(?P<end>[.!?])$")


def rewrite_request(prompt: str):
    """(count, text, terms) of a RewritePrompt's user message; None for any other prompt."""
    ask = REWRITE_ASK.search(prompt)
    header = REWRITE_TEXT.search(prompt)
    if not ask or not header:
        return None
    terms, listing = [], False
    for line in prompt[:header.start()].splitlines():
        if KEEP_ASK in line:
            listing = True
        elif listing and line.startswith("- ") and line[2:].strip():
            terms.append(line[2:].strip())
        elif listing:
            listing = False
    return max(1, min(int(ask.group(1)), 20)), prompt[header.end():].strip(), terms


def _placeholder(i: int) -> str:
    return "\x00" + chr(0xE000 + i) + "\x00"


def _lower_start(text: str) -> str:
    """The text with its first letter in lower case, unless it starts with a kept term or the word I."""
    if TERM_AT_START.match(text) or re.match(r"I\b", text) or len(text) < 2 or not text[1:2].islower():
        return text
    return text[0].lower() + text[1:]


def _swap_clauses(sentence: str) -> str:
    m = TRAILING_CLAUSE.match(sentence)
    if m:
        return f"{m['link'].capitalize()} {m['sub']}, {_lower_start(m['main'])}{m['end']}"
    m = LEADING_CLAUSE.match(sentence)
    if m:
        main = m["main"] if TERM_AT_START.match(m["main"]) else m["main"][0].upper() + m["main"][1:]
        return f"{main} {m['link'].lower()} {m['sub']}{m['end']}"
    return sentence


def _synonym(variant: int):
    def replace(m):
        word = m.group(0)
        options = SYNONYMS[word.lower()]
        choice = options[(variant + len(word)) % len(options)]
        return choice[0].upper() + choice[1:] if word[0].isupper() else choice
    return replace


def paraphrase(text: str, terms, variant: int, always_open=False) -> str:
    """Variant `variant` (1, 2, …) of `text`: its clauses reordered, neutral words swapped for synonyms and, when
    the text is long enough (or `always_open`), a different opening; every term kept exactly as listed."""
    kept = sorted({t for t in terms if t}, key=len, reverse=True)
    for i, term in enumerate(kept):
        text = re.sub(r"(?<!\w)" + re.escape(term) + r"(?!\w)", _placeholder(i), text, flags=re.I)
    lines = []
    for line in text.split("\n"):
        sentences = SENTENCE_END.split(line)
        if variant % 2 == 1:
            sentences = [_swap_clauses(s) for s in sentences]
        if variant % 3 == 2 and len(sentences) >= 4:
            # swap two sentences in the middle, leaving the opening and the closing ones in place
            at = 1 + variant // 3 % (len(sentences) - 3)
            sentences[at], sentences[at + 1] = sentences[at + 1], sentences[at]
        lines.append(" ".join(sentences))
    text = SYNONYM_WORD.sub(_synonym(variant), "\n".join(lines))
    # The opening goes before the first line with a sentence in it, after a greeting such as "Hi team,".
    opening = OPENINGS[(variant - 1) % len(OPENINGS)]
    first = re.search(r"^[ \t]*(?=[^\n]*[.!?])", text, re.M)
    if first and (always_open or len(opening) <= 0.15 * len(text)):
        text = text[:first.end()] + opening + _lower_start(text[first.end():])
    for i, term in enumerate(kept):
        text = text.replace(_placeholder(i), term)
    return text


def paraphrases(text: str, terms, count: int) -> list[str]:
    """`count` distinct paraphrases. A short text has few words to vary: a variant that repeats an earlier one
    gets an opening even though it makes the text longer."""
    out = []
    for variant in range(1, count + 1):
        candidate = paraphrase(text, terms, variant)
        if candidate in out or candidate == text:
            candidate = paraphrase(text, terms, variant, always_open=True)
        out.append(candidate)
    return out


def pair_texts(body: str) -> tuple[str, str]:
    """The original and the variant of a `### Pair N` section."""
    m = PAIR_PART.match(body.strip())
    return (m.group(1).strip(), m.group(2).strip()) if m else (body.strip(), "")


def word_overlap(a: str, b: str) -> float:
    """Jaccard similarity of the two texts' lower-case word sets; 1 for two texts without words."""
    wa, wb = set(re.findall(r"[a-z0-9']+", a.lower())), set(re.findall(r"[a-z0-9']+", b.lower()))
    return len(wa & wb) / len(wa | wb) if wa | wb else 1.0


TERMS_SECTION = re.compile(r"^### Terms[ \t]*\n(.*)\Z", re.M | re.S)
TERM_LINE = re.compile(r"^- (.+?)(?: \([^)]*\))?[ \t]*$", re.M)


def augmentation_answer(prompt: str):
    """The JSON answer to a similarity prompt (`### Pair N`), an alternatives prompt (`### Terms`) or a rewrite
    prompt; None for other prompts."""
    pairs = sections(prompt, "Pair")
    if pairs:
        return dumps({"judgements": [{"index": n, "similarity": round(word_overlap(*pair_texts(body)), 3)}
                                     for n, body in pairs]}).decode()
    terms = TERMS_SECTION.search(prompt)
    if terms:
        # A model naming alternatives for aspect terms: two neighbours of each term, as a domain model would.
        items = []
        for term in TERM_LINE.findall(terms.group(1)):
            for prefix in ("spare", "replacement"):
                items.append({"term": term, "alternative": f"{prefix} {term.split()[-1]}"})
        return dumps({"alternatives": items}).decode()
    rewrite = rewrite_request(prompt)
    if rewrite:
        count, text, terms = rewrite
        return dumps({"paraphrases": [{"variant": i + 1, "text": t}
                                      for i, t in enumerate(paraphrases(text, terms, count))]}).decode()
    return None


def repeated_or(seed: int, keywords, repeat_rate: float, fresh) -> str:
    """A text as a model that repeats itself writes it: with probability repeat_rate (drawn from the seed) the
    one text it keeps coming back to, half the time with one word changed; otherwise `fresh()`."""
    r = random.Random(seed ^ 0x5EED)
    if repeat_rate <= 0 or r.random() >= repeat_rate:
        return fresh()
    text = generate_text(1, 0, ("product", "quality", "support", "delivery"))
    if r.random() < 0.5:
        words = text.split(" ")
        words[len(words) // 2] = "remarkably"
        text = " ".join(words)
    return text


def completion(seed, index, keywords, schema, max_out, prompt="", repeat_rate=0.0):
    """(text, finish_reason); plain text is cut at max_out tokens, JSON never is.

    A prompt with `### Brief N` sections is answered as a model asked for several samples would, with
    {"samples":[{"index":N,"text":…}]}; one with `### Text N` sections and judgements asked for, with
    {"judgements":[…]} when it asks about coherence; `### Pair N` sections with similarity judgements and a rewrite
    prompt with {"paraphrases":[…]} (`augmentation_answer`) — whether the schema came as structured output or by
    instruction. Only briefs and plain text repeat themselves at repeat_rate."""
    briefs = sections(prompt, "Brief")
    if briefs:
        items = []
        for n, brief in briefs:
            brief_seed = seed_of(None, [brief, seed])
            items.append({"index": n, "text": repeated_or(
                brief_seed, keywords, repeat_rate,
                lambda: generate_text(brief_seed, index, keywords_of(brief) or keywords))})
        return dumps({"samples": items}).decode(), "stop"
    augmented = augmentation_answer(prompt)
    if augmented is not None:
        return augmented, "stop"
    texts = sections(prompt, "Text")
    if texts and "coherence" in prompt:
        return dumps({"judgements": [{"index": n, "coherence": 0.8, "reason": "consistent and on topic"}
                                     for n, _ in texts]}).decode(), "stop"
    if repeat_rate > 0 and schema is None:
        text = repeated_or(seed, keywords, repeat_rate, lambda: generate_text(seed, index, keywords))
        if text != generate_text(seed, index, keywords):
            return text, "stop"
    if schema is not None:
        rng = random.Random(seed * 1_000_003 + index)
        return dumps(schema_value(schema, rng, keywords, schema)).decode(), "stop"
    text = generate_text(seed, index, keywords)
    if max_out is not None and tokens_of(text) > max_out:
        cut = text.encode()[: max_out * 4].decode("utf-8", "ignore")
        return cut, "length"
    return text, "stop"


def pieces(text: str) -> list[str]:
    """Stream deltas: one word each, the words after the first with their leading space."""
    words = text.split(" ")
    return [words[0]] + [" " + w for w in words[1:]] if words[0] else [" " + w for w in words[1:]]


def openai_sse(rid, created, model, texts, finish, usage, include_usage) -> bytes:
    usage_part = ',"usage":null' if include_usage else ""
    prefix = ('data: {"id":%s,"object":"chat.completion.chunk","created":%d,"model":%s,'
              '"system_fingerprint":"fp_fake","choices":[' % (json.dumps(rid), created, json.dumps(model)))
    out = []
    for i, text in enumerate(texts):
        out.append(f'{prefix}{{"index":{i},"delta":{{"role":"assistant","content":"","refusal":null}},'
                   f'"logprobs":null,"finish_reason":null}}]{usage_part}}}\n\n')
        head = f'{prefix}{{"index":{i},"delta":{{"content":'
        tail = f'}},"logprobs":null,"finish_reason":null}}]{usage_part}}}\n\n'
        out.extend(head + json_string(p) + tail for p in pieces(text))
        out.append(f'{prefix}{{"index":{i},"delta":{{}},"logprobs":null,"finish_reason":"{finish[i]}"}}]'
                   f'{usage_part}}}\n\n')
    if include_usage:
        out.append(f'{prefix}],"usage":{json.dumps(usage, separators=(",", ":"))}}}\n\n')
    out.append("data: [DONE]\n\n")
    return "".join(out).encode()


def anthropic_sse(mid, model, text, stop_reason, input_tokens, output_tokens) -> bytes:
    def event(name, data):
        return f"event: {name}\ndata: {json.dumps(data, separators=(',', ':'), ensure_ascii=False)}\n\n"

    out = [event("message_start", {"type": "message_start", "message": {
        "id": mid, "type": "message", "role": "assistant", "model": model, "content": [],
        "stop_reason": None, "stop_sequence": None,
        "usage": {"input_tokens": input_tokens, "output_tokens": 1,
                  "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0}}}),
        event("content_block_start", {"type": "content_block_start", "index": 0,
                                      "content_block": {"type": "text", "text": ""}}),
        event("ping", {"type": "ping"})]
    head = 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":'
    out.extend(head + json_string(p) + "}}\n\n" for p in pieces(text))
    out.append(event("content_block_stop", {"type": "content_block_stop", "index": 0}))
    out.append(event("message_delta", {"type": "message_delta",
                                       "delta": {"stop_reason": stop_reason, "stop_sequence": None},
                                       "usage": {"output_tokens": output_tokens}}))
    out.append(event("message_stop", {"type": "message_stop"}))
    return "".join(out).encode()


# ---------------------------------------------------------------------------------------


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="Fake OpenAI/Anthropic provider for tests and benchmarks.")
    p.add_argument("--port", type=int, required=True, help="0 picks a free port (printed)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--rpm", type=int, help="requests per window per model (default: no limit)")
    p.add_argument("--tpm", type=int, help="tokens per window per model: prompt + max output")
    p.add_argument("--itpm", type=int, help="Anthropic input tokens per window per model")
    p.add_argument("--otpm", type=int, help="Anthropic output tokens per window per model")
    p.add_argument("--window-seconds", type=float, default=60.0)
    p.add_argument("--latency-ms", type=float, default=0.0)
    p.add_argument("--jitter-ms", type=float, default=0.0, help="extra latency, uniform in [0, jitter)")
    p.add_argument("--fault-rate", type=float, default=0.0)
    p.add_argument("--faults", default=",".join(DEFAULT_FAULTS),
                   help=f"comma-separated, from {','.join(FAULT_KINDS)} (default: all but hang)")
    p.add_argument("--hang-seconds", type=float, default=300.0, help="how long a `hang` fault holds on")
    p.add_argument("--require-key")
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    for name in ("rpm", "tpm", "itpm", "otpm"):
        if getattr(args, name) == 0:
            setattr(args, name, None)
    try:
        parse_faults(args.faults)
    except ValueError as e:
        p.error(str(e))
    if args.window_seconds <= 0:
        p.error("--window-seconds must be > 0")
    return args


async def main(argv=None):
    args = parse_args(argv)
    provider = FakeProvider(args)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, provider.stopping.set)
    server = await asyncio.start_server(provider.handle_connection, args.host, args.port,
                                        backlog=4096, reuse_address=True)
    host, port = server.sockets[0].getsockname()[:2]
    sys.stdout.write(f"listening {host}:{port}\n")
    sys.stdout.flush()
    await provider.stopping.wait()
    server.close()
    for task in list(provider.connections):
        task.cancel()
    if provider.connections:
        await asyncio.wait(list(provider.connections), timeout=2)


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
