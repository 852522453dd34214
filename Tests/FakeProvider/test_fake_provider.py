#!/usr/bin/env python3
"""Self-test of the fake provider: python3 -m unittest Tests/FakeProvider/test_fake_provider.py"""

import http.client
import importlib.util
import json
import math
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
FAKE = os.path.join(HERE, "fake_provider.py")

spec = importlib.util.spec_from_file_location("fake_provider", FAKE)
fake = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fake)

DEFAULTS = {"rpm": None, "tpm": None, "itpm": None, "otpm": None, "window_seconds": 60,
            "latency_ms": 0, "jitter_ms": 0, "fault_rate": 0, "faults": list(fake.DEFAULT_FAULTS),
            "require_key": None, "hang_seconds": 300, "repeat_rate": 0}
ANTHROPIC = {"anthropic-version": "2023-06-01", "content-type": "application/json"}
GO_DURATION = re.compile(r"^(0s|\d+ms|(\d+h)?(\d+m)?\d+(\.\d+)?s)$")
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


class Server:
    def __init__(self, *args):
        self.proc = subprocess.Popen([sys.executable, FAKE, "--port", "0", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        ready, _, _ = select.select([self.proc.stdout], [], [], 10)
        self.line = self.proc.stdout.readline().rstrip("\n") if ready else ""
        m = re.fullmatch(r"listening 127\.0\.0\.1:(\d+)", self.line)
        self.port = int(m.group(1)) if m else 0
        self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        if not m:
            self.stop()
            raise RuntimeError(f"fake provider did not start (first line {self.line!r})")

    def request(self, method, path, body=None, headers=None):
        data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
        hdrs = {"content-type": "application/json"}
        hdrs.update(headers or {})
        try:
            self.conn.request(method, path, body=data, headers=hdrs)
            resp = self.conn.getresponse()
        except (http.client.HTTPException, ConnectionError):
            self.conn.close()
            self.conn.request(method, path, body=data, headers=hdrs)
            resp = self.conn.getresponse()
        raw = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, raw

    def json(self, method, path, body=None, headers=None):
        status, headers, raw = self.request(method, path, body, headers)
        return status, headers, json.loads(raw)

    def control(self, path, body=None):
        return self.json("POST" if body is not None or path != "/_fake/stats" else "GET", path, body)[2]

    def stop(self):
        self.conn.close()
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for f in (self.proc.stdout, self.proc.stderr):
            f.close()


def chat(content="Write a product review of Wireless Earbuds with noise cancelling", **extra):
    body = {"model": "gpt-test", "messages": [{"role": "system", "content": "You write reviews."},
                                             {"role": "user", "content": content}]}
    body.update(extra)
    return body


def claude(content="Write a product review of Wireless Earbuds with noise cancelling", **extra):
    body = {"model": "claude-test", "max_tokens": 1024, "system": "You write reviews.",
            "messages": [{"role": "user", "content": content}]}
    body.update(extra)
    return body


def words(text):
    return len(text.split())


def sse_data(raw):
    return [line[6:] for line in raw.decode().split("\n") if line.startswith("data: ")]


def validate(value, schema, root, path="$"):
    """Enough of JSON Schema for the test schemas."""
    if "$ref" in schema:
        target = root
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        return validate(value, target, root, path)
    if "enum" in schema:
        assert value in schema["enum"], f"{path}: {value!r} not in enum"
    t = schema.get("type")
    types = t if isinstance(t, list) else [t] if t else []
    pytypes = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
               "integer": int, "number": (int, float)}
    if types:
        ok = any(isinstance(value, pytypes[x]) and not (x in ("integer", "number") and isinstance(value, bool))
                 for x in types)
        assert ok, f"{path}: {value!r} is not {types}"
    if isinstance(value, dict):
        for key in schema.get("required", []):
            assert key in value, f"{path}: missing {key}"
        props = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            assert set(value) <= set(props), f"{path}: extra keys {set(value) - set(props)}"
        for key, sub in props.items():
            if key in value:
                validate(value[key], sub, root, f"{path}.{key}")
    if isinstance(value, list):
        assert len(value) >= schema.get("minItems", 0), f"{path}: too few items"
        assert len(value) <= schema.get("maxItems", 10**9), f"{path}: too many items"
        for i, item in enumerate(value):
            validate(item, schema.get("items", {}), root, f"{path}[{i}]")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        assert value >= schema.get("minimum", -math.inf), f"{path}: below minimum"
        assert value <= schema.get("maximum", math.inf), f"{path}: above maximum"
    if isinstance(value, str):
        assert len(value) >= schema.get("minLength", 0), f"{path}: too short"
        assert len(value) <= schema.get("maxLength", 10**9), f"{path}: too long"


def item_list_schema(name, properties):
    """The strict item-list schema DataForge's structured prompts send (ResponseSchema.itemList)."""
    item = {"type": "object", "properties": {k: {"type": t} for k, t in properties},
            "required": [k for k, _ in properties], "additionalProperties": False}
    schema = {"type": "object", "properties": {name: {"type": "array", "items": item}}, "required": [name],
              "additionalProperties": False}
    return {"type": "json_schema", "json_schema": {"name": name, "strict": True, "schema": schema}}


def rewrite_prompt(text, count, keep):
    """The user message of DataForge's RewritePrompt."""
    user = (f"Write {count} paraphrases of the text under the Text header, numbered 1 to {count} as variant.\n"
            "Each keeps the meaning and the sentiment (positive stays positive, negative stays negative) and about "
            "the same length, and differs from the text and from the other paraphrases in wording and sentence order.")
    if keep:
        user += "\nKeep each of these terms exactly as written, with the same spelling and capitals:\n"
        user += "\n".join("- " + t for t in keep)
    return user + "\n\n### Text\n" + text.strip()


def similarity_prompt(pairs):
    """The user message of DataForge's SimilarityPrompt."""
    user = ("For each pair below, give similarity from 0 to 1: how similar in meaning the variant is to the "
            "original. 1 means the same meaning and wording, 0 means unrelated. Answer for every pair, with its "
            "number as index.")
    for n, original, variant in pairs:
        user += f"\n\n### Pair {n}\nOriginal: {original.strip()}\nVariant: {variant.strip()}"
    return user


REVIEW = ("Hi team,\n\nI bought the Aurora Desk Lamp 2 weeks ago and I'm really disappointed. The dimmer flickers "
          "when I use the USB-C port, and the battery life is terrible because it never charges fully. I've tried a "
          "different cable. Customer service hasn't replied yet. Please fix this problem quickly or send a "
          "replacement.\n\nThanks,\nDana")
REVIEW_TERMS = ["Aurora Desk Lamp", "battery life", "USB-C port", "dimmer", "2"]


def raw_exchange(port, payload, timeout=3.0):
    """Sends bytes on a new connection; returns everything read until EOF (or timeout)."""
    s = socket.create_connection(("127.0.0.1", port))
    s.settimeout(timeout)
    s.sendall(payload)
    chunks = []
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            chunks.append(b)
    except socket.timeout:
        chunks.append(b"<timeout>")
    finally:
        s.close()
    return b"".join(chunks)


def raw_post(path, body, extra_headers=""):
    data = json.dumps(body).encode()
    return (f"POST {path} HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n{extra_headers}"
            f"content-length: {len(data)}\r\n\r\n").encode() + data


class FakeProviderTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server("--seed", "7")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def setUp(self):
        self.s = self.server
        self.s.control("/_fake/config", DEFAULTS)
        self.s.control("/_fake/reset", {})

    # -- generation ----------------------------------------------------------------

    def test_ready_line(self):
        self.assertEqual(self.s.line, f"listening 127.0.0.1:{self.s.port}")

    def test_openai_completion(self):
        body = chat()
        status, headers, r = self.s.json("POST", "/v1/chat/completions", body)
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("application/json"))
        self.assertEqual(r["object"], "chat.completion")
        self.assertEqual(r["model"], "gpt-test")
        self.assertIsInstance(r["created"], int)
        self.assertTrue(r["id"].startswith("chatcmpl-"))
        (choice,) = r["choices"]
        self.assertEqual(choice["index"], 0)
        self.assertEqual(choice["finish_reason"], "stop")
        self.assertEqual(choice["message"]["role"], "assistant")
        text = choice["message"]["content"]
        self.assertTrue(60 <= words(text) <= 150, words(text))
        self.assertTrue(re.search(r"\b(wireless|earbuds|noise|cancelling)\b", text), text)
        prompt = sum(math.ceil(len(m["content"].encode()) / 4) + 4 for m in body["messages"])
        u = r["usage"]
        self.assertEqual(u["prompt_tokens"], prompt)
        self.assertEqual(u["completion_tokens"], math.ceil(len(text.encode()) / 4))
        self.assertEqual(u["total_tokens"], u["prompt_tokens"] + u["completion_tokens"])
        # the short path too
        self.assertEqual(self.s.request("POST", "/chat/completions", body)[0], 200)

    def test_openai_text_is_deterministic_and_varied(self):
        def text(body):
            return self.s.json("POST", "/v1/chat/completions", body)[2]["choices"][0]["message"]["content"]

        a = text(chat())
        self.assertEqual(a, text(chat()))
        texts = {text(chat(f"Write a review of {p}")) for p in
                 ("a garden hose", "a mechanical keyboard", "hiking boots", "a coffee grinder", "a bicycle lamp")}
        self.assertEqual(len(texts), 5)
        for t in texts:
            self.assertTrue(60 <= words(t) <= 150)
        self.assertEqual(text(chat(seed=42)), text(chat(seed=42)))
        self.assertNotEqual(text(chat(seed=42)), text(chat(seed=43)))
        r = self.s.json("POST", "/v1/chat/completions", chat(n=3))[2]
        self.assertEqual([c["index"] for c in r["choices"]], [0, 1, 2])
        self.assertEqual(len({c["message"]["content"] for c in r["choices"]}), 3)
        self.assertEqual(r["usage"]["completion_tokens"],
                         sum(math.ceil(len(c["message"]["content"].encode()) / 4) for c in r["choices"]))

    def test_openai_max_tokens_cuts_text(self):
        r = self.s.json("POST", "/v1/chat/completions", chat(max_completion_tokens=10, max_tokens=500))[2]
        self.assertEqual(r["choices"][0]["finish_reason"], "length")
        self.assertLessEqual(r["usage"]["completion_tokens"], 10)

    def test_openai_stream(self):
        full = self.s.json("POST", "/v1/chat/completions", chat())[2]
        status, headers, raw = self.s.request("POST", "/v1/chat/completions",
                                              chat(stream=True, stream_options={"include_usage": True}))
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/event-stream"))
        data = sse_data(raw)
        self.assertEqual(data[-1], "[DONE]")
        chunks = [json.loads(d) for d in data[:-1]]
        self.assertTrue(all(c["object"] == "chat.completion.chunk" for c in chunks))
        content = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks if c["choices"])
        self.assertEqual(content, full["choices"][0]["message"]["content"])
        self.assertGreater(len(chunks), 20)
        self.assertEqual(chunks[0]["choices"][0]["delta"]["role"], "assistant")
        finals = [c for c in chunks if c["choices"] and c["choices"][0]["finish_reason"]]
        self.assertEqual([c["choices"][0]["finish_reason"] for c in finals], ["stop"])
        self.assertEqual(chunks[-1]["choices"], [])
        self.assertEqual(chunks[-1]["usage"], full["usage"])
        # without include_usage: no usage chunk
        raw = self.s.request("POST", "/v1/chat/completions", chat(stream=True))[2]
        chunks = [json.loads(d) for d in sse_data(raw)[:-1]]
        self.assertTrue(all(c["choices"] and "usage" not in c for c in chunks))

    def test_openai_json_schema(self):
        schema = {
            "type": "object", "additionalProperties": False,
            "required": ["title", "review", "rating", "score", "recommended", "tone", "tags", "author"],
            "properties": {
                "title": {"type": "string", "maxLength": 40},
                "review": {"type": "string"},
                "rating": {"type": "integer", "minimum": 1, "maximum": 5},
                "score": {"type": "number", "minimum": 0, "maximum": 1},
                "recommended": {"type": "boolean"},
                "tone": {"type": "string", "enum": ["positive", "neutral", "negative"]},
                "tags": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 4},
                "author": {"$ref": "#/$defs/author"},
                "note": {"type": ["string", "null"]},
            },
            "$defs": {"author": {"type": "object", "required": ["name", "age"], "additionalProperties": False,
                                 "properties": {"name": {"type": "string", "minLength": 3},
                                                "age": {"type": "integer", "minimum": 18, "maximum": 90}}}},
        }
        fmt = {"type": "json_schema", "json_schema": {"name": "review", "strict": True, "schema": schema}}
        seen = set()
        for i in range(8):
            r = self.s.json("POST", "/v1/chat/completions",
                            chat(f"Review of gadget number {i}", response_format=fmt))[2]
            content = r["choices"][0]["message"]["content"]
            obj = json.loads(content)
            validate(obj, schema, schema)
            self.assertGreaterEqual(words(obj["review"]), 60)
            seen.add(content)
            self.assertEqual(r["usage"]["completion_tokens"], math.ceil(len(content.encode()) / 4))
        self.assertEqual(len(seen), 8)
        # streamed structured output reassembles into the same JSON
        body = chat("Review of gadget number 0", response_format=fmt, stream=True)
        raw = self.s.request("POST", "/v1/chat/completions", body)[2]
        content = "".join(json.loads(d)["choices"][0]["delta"].get("content") or ""
                          for d in sse_data(raw)[:-1])
        validate(json.loads(content), schema, schema)

    def test_anthropic_message(self):
        body = claude()
        for path in ("/v1/messages", "/anthropic/v1/messages"):
            status, headers, r = self.s.json("POST", path, body, ANTHROPIC)
            self.assertEqual(status, 200, r)
            self.assertEqual(r["type"], "message")
            self.assertEqual(r["role"], "assistant")
            self.assertEqual(r["model"], "claude-test")
            self.assertEqual(r["stop_reason"], "end_turn")
            self.assertTrue(r["id"].startswith("msg_"))
            (block,) = r["content"]
            self.assertEqual(block["type"], "text")
            self.assertTrue(60 <= words(block["text"]) <= 150)
            expected_in = math.ceil(len(body["system"]) / 4) + math.ceil(len(body["messages"][0]["content"]) / 4) + 4
            self.assertEqual(r["usage"]["input_tokens"], expected_in)
            self.assertEqual(r["usage"]["output_tokens"], math.ceil(len(block["text"].encode()) / 4))
        r = self.s.json("POST", "/v1/messages", claude(max_tokens=5), ANTHROPIC)[2]
        self.assertEqual(r["stop_reason"], "max_tokens")
        self.assertLessEqual(r["usage"]["output_tokens"], 5)

    def test_anthropic_validation(self):
        def err(body, headers):
            status, _, r = self.s.json("POST", "/v1/messages", body, headers)
            self.assertEqual(r["type"], "error")
            return status, r["error"]["type"]

        self.assertEqual(err(claude(), {"content-type": "application/json"}), (400, "invalid_request_error"))
        no_max = claude()
        del no_max["max_tokens"]
        self.assertEqual(err(no_max, ANTHROPIC), (400, "invalid_request_error"))
        self.assertEqual(err(claude(temperature=1.5), ANTHROPIC), (400, "invalid_request_error"))
        self.assertEqual(err(claude(temperature=-0.1), ANTHROPIC), (400, "invalid_request_error"))
        self.assertEqual(self.s.request("POST", "/v1/messages", claude(temperature=1), ANTHROPIC)[0], 200)

    def test_anthropic_stream(self):
        full = self.s.json("POST", "/v1/messages", claude(), ANTHROPIC)[2]
        status, headers, raw = self.s.request("POST", "/anthropic/v1/messages", claude(stream=True), ANTHROPIC)
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/event-stream"))
        events = []
        for block in raw.decode().split("\n\n"):
            if not block:
                continue
            name_line, data_line = block.split("\n")
            self.assertTrue(name_line.startswith("event: ") and data_line.startswith("data: "), block)
            data = json.loads(data_line[6:])
            self.assertEqual(data["type"], name_line[7:])
            events.append(data)
        kinds = [e["type"] for e in events if e["type"] != "ping"]
        self.assertEqual(kinds[:2], ["message_start", "content_block_start"])
        self.assertEqual(kinds[-3:], ["content_block_stop", "message_delta", "message_stop"])
        self.assertEqual(set(kinds[2:-3]), {"content_block_delta"})
        self.assertEqual(events[0]["message"]["usage"]["input_tokens"], full["usage"]["input_tokens"])
        text = "".join(e["delta"]["text"] for e in events if e["type"] == "content_block_delta")
        self.assertEqual(text, full["content"][0]["text"])
        delta = [e for e in events if e["type"] == "message_delta"][0]
        self.assertEqual(delta["usage"]["output_tokens"], full["usage"]["output_tokens"])
        self.assertEqual(delta["delta"]["stop_reason"], "end_turn")

    # -- keys and models -------------------------------------------------------------

    # -- augmentation --------------------------------------------------------------

    def answer(self, api, content, schema=None, **extra):
        """The text of an answer from the OpenAI API (schema as response_format) or the Anthropic API (none)."""
        if api == "openai":
            body = chat(content, **extra) if schema is None else chat(content, response_format=schema, **extra)
            status, _, r = self.s.json("POST", "/v1/chat/completions", body)
            self.assertEqual(status, 200, r)
            return r["choices"][0]["message"]["content"]
        status, _, r = self.s.json("POST", "/v1/messages", claude(content, **extra), ANTHROPIC)
        self.assertEqual(status, 200, r)
        return r["content"][0]["text"]

    def test_rewrite_prompts_get_distinct_paraphrases_keeping_terms_and_sentiment(self):
        schema = item_list_schema("paraphrases", [("variant", "integer"), ("text", "string")])
        prompt = rewrite_prompt(REVIEW, 4, REVIEW_TERMS)
        answers = {api: self.answer(api, prompt, schema if api == "openai" else None, seed=3)
                   for api in ("openai", "anthropic")}
        self.assertEqual(answers["openai"], answers["anthropic"])
        obj = json.loads(answers["openai"])
        validate(obj, schema["json_schema"]["schema"], schema["json_schema"]["schema"])
        self.assertEqual([p["variant"] for p in obj["paraphrases"]], [1, 2, 3, 4])
        texts = [p["text"] for p in obj["paraphrases"]]
        self.assertEqual(len(set(texts)), 4)
        for text in texts:
            self.assertNotEqual(text, REVIEW)
            for term in REVIEW_TERMS:
                self.assertIn(term, text)
            self.assertTrue(0.7 <= len(text) / len(REVIEW) <= 1.3, text)
            self.assertLess(fake.word_overlap(text, REVIEW), 0.9, text)
            lowered = text.lower()
            for word in ("disappointed", "terrible", "never"):
                self.assertIn(word, lowered)
            for word in ("great", "love", "excellent", "happy"):
                self.assertNotIn(word, lowered)
        # A model that repeats itself still paraphrases: repeat_rate is for briefs.
        self.s.control("/_fake/config", {"repeat_rate": 1})
        self.assertEqual(self.answer("anthropic", prompt, seed=3), answers["anthropic"])
        self.assertEqual(self.answer("openai", prompt, schema, seed=3), answers["openai"])

    def test_short_texts_and_clauses_are_rewritten_too(self):
        obj = json.loads(self.answer("anthropic", rewrite_prompt("It broke.", 3, [])))
        self.assertEqual(len({p["text"] for p in obj["paraphrases"]}), 3)
        self.assertTrue(all("broke" in p["text"] for p in obj["paraphrases"]))
        text = "The Trail Backpack 40L is great because the straps never slip. I love the pockets."
        obj = json.loads(self.answer("openai", rewrite_prompt(text, 2, ["Trail Backpack 40L"])))
        first = obj["paraphrases"][0]["text"]
        self.assertIn("the straps never slip, the Trail Backpack 40L is great.", first)
        self.assertTrue(all("great" in p["text"] and "love" in p["text"] for p in obj["paraphrases"]))

    def test_similarity_prompts_get_a_word_overlap_judgement_per_pair(self):
        schema = item_list_schema("judgements", [("index", "integer"), ("similarity", "number")])
        pairs = [(2, "The lamp is bright\nand quiet.", "The lamp is bright and quiet."),
                 (5, "a b c d", "a b c e"),
                 (8, "The battery died in a day.", "Shipping was fast.")]
        for api in ("openai", "anthropic"):
            obj = json.loads(self.answer(api, similarity_prompt(pairs), schema if api == "openai" else None))
            validate(obj, schema["json_schema"]["schema"], schema["json_schema"]["schema"])
            self.assertEqual({j["index"]: j["similarity"] for j in obj["judgements"]}, {2: 1.0, 5: 0.6, 8: 0.0})
        # A coherence judgement is still one.
        coherence = "Judge the coherence of each text.\n\n### Text 1\nFine lamp.\n\n### Text 4\nGood."
        obj = json.loads(self.answer("anthropic", coherence))
        self.assertEqual([(j["index"], "coherence" in j) for j in obj["judgements"]], [(1, True), (4, True)])

    def test_api_keys(self):
        self.s.control("/_fake/config", {"require_key": "sk-right"})
        for headers in ({}, {"authorization": "Bearer sk-wrong"}):
            status, _, r = self.s.json("POST", "/v1/chat/completions", chat(), headers)
            self.assertEqual(status, 401)
            self.assertEqual(r["error"]["type"], "invalid_request_error")
            self.assertEqual(r["error"]["code"], "invalid_api_key")
            self.assertTrue(r["error"]["message"])
        self.assertEqual(self.s.request("POST", "/v1/chat/completions", chat(),
                                        {"authorization": "Bearer sk-right"})[0], 200)
        for key in (None, "sk-wrong"):
            headers = dict(ANTHROPIC, **({"x-api-key": key} if key else {}))
            status, _, r = self.s.json("POST", "/v1/messages", claude(), headers)
            self.assertEqual(status, 401)
            self.assertEqual(r["type"], "error")
            self.assertEqual(r["error"]["type"], "authentication_error")
            self.assertTrue(r["error"]["message"])
        self.assertEqual(self.s.request("POST", "/v1/messages", claude(), dict(ANTHROPIC, **{"x-api-key": "sk-right"}))[0], 200)
        self.s.control("/_fake/config", {"require_key": None})
        self.assertEqual(self.s.request("POST", "/v1/chat/completions", chat())[0], 200)

    def test_missing_model(self):
        status, _, r = self.s.json("POST", "/v1/chat/completions", dict(chat(), model="missing-model"))
        self.assertEqual(status, 404)
        self.assertEqual(r["error"]["code"], "model_not_found")
        self.assertEqual(r["error"]["type"], "invalid_request_error")
        status, _, r = self.s.json("POST", "/v1/messages", dict(claude(), model="missing-model"), ANTHROPIC)
        self.assertEqual(status, 404)
        self.assertEqual((r["type"], r["error"]["type"]), ("error", "not_found_error"))

    # -- rate limits -----------------------------------------------------------------

    def test_openai_request_limit(self):
        self.s.control("/_fake/config", {"rpm": 3, "tpm": 100000, "window_seconds": 2})
        remaining = []
        for _ in range(3):
            status, h, _ = self.s.request("POST", "/v1/chat/completions", chat())
            self.assertEqual(status, 200)
            self.assertEqual(h["x-ratelimit-limit-requests"], "3")
            self.assertEqual(h["x-ratelimit-limit-tokens"], "100000")
            self.assertRegex(h["x-ratelimit-reset-requests"], GO_DURATION)
            self.assertRegex(h["x-ratelimit-reset-tokens"], GO_DURATION)
            remaining.append(int(h["x-ratelimit-remaining-requests"]))
        self.assertEqual(remaining, [2, 1, 0])
        for _ in range(4):
            status, h, raw = self.s.request("POST", "/v1/chat/completions", chat())
            self.assertEqual(status, 429)
            r = json.loads(raw)
            self.assertEqual(r["error"]["code"], "rate_limit_exceeded")
            self.assertEqual(r["error"]["type"], "requests")
            self.assertIn(int(h["retry-after"]), (1, 2))
            self.assertTrue(0 < int(h["retry-after-ms"]) <= 2000)
            self.assertEqual(int(h["retry-after"]), math.ceil(int(h["retry-after-ms"]) / 1000))
            self.assertEqual(h["x-ratelimit-remaining-requests"], "0")
        # another model has its own window
        self.assertEqual(self.s.request("POST", "/v1/chat/completions", dict(chat(), model="other"))[0], 200)
        time.sleep(int(h["retry-after-ms"]) / 1000 + 0.05)
        self.assertEqual(self.s.request("POST", "/v1/chat/completions", chat())[0], 200)
        st = self.s.control("/_fake/stats")
        self.assertEqual(st["by_status"], {"200": 5, "429": 4})
        self.assertEqual(st["by_model"]["gpt-test"]["accepted_in_max_window"], 3)
        self.assertEqual(st["accepted_in_max_window"], 4)  # 3 of gpt-test + 1 of other

    def test_window_is_sliding(self):
        self.s.control("/_fake/config", {"rpm": 2, "window_seconds": 2})
        t0 = time.monotonic()
        self.assertEqual(self.s.request("POST", "/v1/chat/completions", chat())[0], 200)
        time.sleep(1.0)
        self.assertEqual(self.s.request("POST", "/v1/chat/completions", chat())[0], 200)
        status, h, _ = self.s.request("POST", "/v1/chat/completions", chat())
        self.assertEqual(status, 429)
        # the first request leaves the window ~2 s after it was made, the second ~1 s later
        time.sleep(max(0, 2.1 - (time.monotonic() - t0)))
        self.assertEqual(self.s.request("POST", "/v1/chat/completions", chat())[0], 200)
        status, h, _ = self.s.request("POST", "/v1/chat/completions", chat())
        self.assertEqual(status, 429)
        self.assertLessEqual(int(h["retry-after-ms"]), 1000)
        self.assertEqual(self.s.control("/_fake/stats")["accepted_in_max_window"], 2)

    def test_openai_token_limit(self):
        self.s.control("/_fake/config", {"tpm": 1000})
        body = chat(max_tokens=400)
        need = sum(math.ceil(len(m["content"]) / 4) + 4 for m in body["messages"]) + 400
        status, h, _ = self.s.request("POST", "/v1/chat/completions", body)
        self.assertEqual(status, 200)
        self.assertEqual(int(h["x-ratelimit-remaining-tokens"]), 1000 - need)
        self.assertNotIn("x-ratelimit-limit-requests", h)  # no --rpm: no request headers
        self.assertEqual(self.s.request("POST", "/v1/chat/completions", body)[0], 200)
        status, h, raw = self.s.request("POST", "/v1/chat/completions", body)
        self.assertEqual(status, 429)
        self.assertEqual(json.loads(raw)["error"]["type"], "tokens")
        self.assertEqual(int(h["x-ratelimit-remaining-tokens"]), 1000 - 2 * need)
        self.assertEqual(self.s.control("/_fake/stats")["tokens_in_max_window"], 2 * need)

    def test_anthropic_limits(self):
        self.s.control("/_fake/config", {"rpm": 10, "itpm": 1000, "otpm": 1000})
        status, h, r = self.s.json("POST", "/v1/messages", claude(max_tokens=600), ANTHROPIC)
        self.assertEqual(status, 200)
        for kind in ("requests", "tokens", "input-tokens", "output-tokens"):
            self.assertIn(f"anthropic-ratelimit-{kind}-limit", h)
            self.assertRegex(h[f"anthropic-ratelimit-{kind}-reset"], RFC3339)
        self.assertEqual(h["anthropic-ratelimit-requests-remaining"], "9")
        self.assertEqual(int(h["anthropic-ratelimit-input-tokens-remaining"]), 1000 - r["usage"]["input_tokens"])
        self.assertEqual(int(h["anthropic-ratelimit-output-tokens-remaining"]), 400)  # max_tokens held at admission
        out1 = r["usage"]["output_tokens"]
        # after the answer, output tokens settle on the real count, so a second 600 fits
        status, h, r = self.s.json("POST", "/v1/messages", claude(max_tokens=600), ANTHROPIC)
        self.assertEqual(status, 200)
        self.assertEqual(int(h["anthropic-ratelimit-output-tokens-remaining"]), 1000 - out1 - 600)
        status, h, r = self.s.json("POST", "/v1/messages", claude(max_tokens=900), ANTHROPIC)
        self.assertEqual(status, 429)
        self.assertEqual((r["type"], r["error"]["type"]), ("error", "rate_limit_error"))
        self.assertGreaterEqual(int(h["retry-after"]), 1)
        self.assertIn("retry-after-ms", h)

    def test_rejected_requests_do_not_count(self):
        self.s.control("/_fake/config", {"rpm": 2, "window_seconds": 1})
        statuses = [self.s.request("POST", "/v1/chat/completions", chat())[0] for _ in range(8)]
        self.assertEqual(statuses, [200, 200] + [429] * 6)
        time.sleep(1.05)
        statuses = [self.s.request("POST", "/v1/chat/completions", chat())[0] for _ in range(3)]
        self.assertEqual(statuses, [200, 200, 429])
        st = self.s.control("/_fake/stats")
        self.assertEqual(st["accepted_in_max_window"], 2)
        self.assertEqual(st["requests_total"], 11)

    # -- faults ----------------------------------------------------------------------

    def fault(self, kind, **cfg):
        self.s.control("/_fake/config", dict({"fault_rate": 1, "faults": [kind]}, **cfg))

    def test_fault_http_errors(self):
        for kind, openai_status, anthropic_status, anthropic_type in (
                ("500", 500, 500, "api_error"), ("503", 503, 503, "api_error"), ("529", 503, 529, "overloaded_error")):
            self.fault(kind)
            status, _, r = self.s.json("POST", "/v1/chat/completions", chat())
            self.assertEqual(status, openai_status)
            self.assertEqual(r["error"]["type"], "server_error")
            status, _, r = self.s.json("POST", "/v1/messages", claude(), ANTHROPIC)
            self.assertEqual(status, anthropic_status)
            self.assertEqual((r["type"], r["error"]["type"]), ("error", anthropic_type))

    def test_fault_429(self):
        self.fault("429", rpm=100)
        status, h, r = self.s.json("POST", "/v1/chat/completions", chat())
        self.assertEqual(status, 429)
        self.assertEqual((h["retry-after"], h["retry-after-ms"]), ("1", "1000"))
        self.assertEqual(r["error"]["code"], "rate_limit_exceeded")
        status, h, r = self.s.json("POST", "/v1/messages", claude(), ANTHROPIC)
        self.assertEqual(status, 429)
        self.assertEqual(r["error"]["type"], "rate_limit_error")
        self.assertEqual(h["anthropic-ratelimit-requests-remaining"], "100")  # not counted
        self.assertEqual(self.s.control("/_fake/stats")["accepted_in_max_window"], 0)

    def test_fault_malformed(self):
        self.fault("malformed")
        for path, body, headers in (("/v1/chat/completions", chat(), {}), ("/v1/messages", claude(), ANTHROPIC)):
            status, _, raw = self.s.request("POST", path, body, headers)
            self.assertEqual(status, 200)
            self.assertRaises(ValueError, json.loads, raw)

    def test_fault_truncated(self):
        self.fault("truncated")
        out = raw_exchange(self.s.port, raw_post("/v1/chat/completions", chat()))
        head, _, body = out.partition(b"\r\n\r\n")
        self.assertTrue(head.startswith(b"HTTP/1.1 200"))
        length = int(re.search(rb"content-length: (\d+)", head).group(1))
        self.assertGreater(length, len(body))
        self.assertGreater(len(body), 0)

    def test_fault_drop(self):
        self.fault("drop")
        self.assertEqual(raw_exchange(self.s.port, raw_post("/v1/chat/completions", chat())), b"")
        self.assertEqual(self.s.control("/_fake/stats")["by_fault"], {"drop": 1})

    def test_fault_hang(self):
        self.fault("hang", hang_seconds=1.5)
        s = socket.create_connection(("127.0.0.1", self.s.port))
        s.sendall(raw_post("/v1/chat/completions", chat()))
        s.settimeout(0.5)
        self.assertRaises(socket.timeout, s.recv, 100)
        self.assertEqual(self.s.control("/_fake/stats")["in_flight"], 1)
        self.s.control("/_fake/config", {"fault_rate": 0})
        self.assertEqual(self.s.request("POST", "/v1/chat/completions", chat())[0], 200)  # others still served
        s.settimeout(3)
        self.assertEqual(s.recv(100), b"")  # closed without an answer when the hang ends
        s.close()
        time.sleep(0.05)
        self.assertEqual(self.s.control("/_fake/stats")["in_flight"], 0)
        # a client that gives up ends its hang at once
        self.fault("hang", hang_seconds=30)
        s = socket.create_connection(("127.0.0.1", self.s.port))
        s.sendall(raw_post("/v1/chat/completions", chat()))
        time.sleep(0.2)
        self.assertEqual(self.s.control("/_fake/stats")["in_flight"], 1)
        s.close()
        time.sleep(0.2)
        self.assertEqual(self.s.control("/_fake/stats")["in_flight"], 0)
        self.assertEqual(self.s.control("/_fake/stats")["by_fault"], {"hang": 2})

    def test_faults_are_deterministic(self):
        def run():
            self.s.control("/_fake/reset", {})
            return [self.s.request("POST", "/v1/chat/completions", chat())[0] for _ in range(30)]

        self.fault("500", fault_rate=0.4)
        self.s.control("/_fake/config", {"faults": ["500", "503"]})
        first = run()
        self.assertEqual(first, run())
        self.assertTrue({200, 500, 503} <= set(first), first)

    # -- control, HTTP ---------------------------------------------------------------

    def test_stats_config_reset(self):
        st = self.s.control("/_fake/stats")
        self.assertEqual(st["requests_total"], 0)
        self.assertIsNone(st["first_request_at"])
        before = time.time()
        self.s.request("POST", "/v1/chat/completions", chat())
        self.s.request("POST", "/v1/messages", claude(), ANTHROPIC)
        self.s.request("POST", "/v1/messages", dict(claude(), model="missing-model"), ANTHROPIC)
        st = self.s.control("/_fake/stats")
        self.assertEqual(st["requests_total"], 3)
        self.assertEqual(st["by_status"], {"200": 2, "404": 1})
        self.assertEqual(st["accepted_in_max_window"], 2)
        self.assertGreater(st["tokens_in_max_window"], 0)
        self.assertEqual(st["in_flight"], 0)
        self.assertGreaterEqual(st["max_in_flight"], 1)
        self.assertTrue(before - 1 <= st["first_request_at"] <= st["last_request_at"] <= time.time() + 1)
        self.assertEqual(set(st["by_model"]), {"gpt-test", "claude-test", "missing-model"})
        self.assertEqual(st["by_model"]["gpt-test"]["accepted_in_max_window"], 1)
        cfg = self.s.control("/_fake/config", {"rpm": 7, "faults": "500,drop"})
        self.assertEqual((cfg["rpm"], cfg["faults"]), (7, ["500", "drop"]))
        status, _, r = self.s.json("POST", "/_fake/config", {"bogus": 1})
        self.assertEqual(status, 400)
        self.assertEqual(self.s.json("GET", "/_fake/config")[2]["rpm"], 7)
        self.s.control("/_fake/reset", {})
        st = self.s.control("/_fake/stats")
        self.assertEqual((st["requests_total"], st["by_status"], st["by_model"]), (0, {}, {}))

    def test_max_in_flight_and_latency(self):
        self.s.control("/_fake/config", {"latency_ms": 300})
        conns = [socket.create_connection(("127.0.0.1", self.s.port)) for _ in range(5)]
        t0 = time.monotonic()
        for c in conns:
            c.sendall(raw_post("/v1/chat/completions", chat(), "connection: close\r\n"))
        for c in conns:
            c.settimeout(5)
            data = b""
            while chunk := c.recv(65536):
                data += chunk
            self.assertTrue(data.startswith(b"HTTP/1.1 200"))
            c.close()
        elapsed = time.monotonic() - t0
        self.assertTrue(0.3 <= elapsed < 1.0, elapsed)
        self.assertEqual(self.s.control("/_fake/stats")["max_in_flight"], 5)

    def test_keep_alive_expect_and_close(self):
        s = socket.create_connection(("127.0.0.1", self.s.port))
        s.settimeout(5)
        f = s.makefile("rb")
        data = json.dumps(chat()).encode()
        for i in range(3):
            s.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                      + f"Content-Length: {len(data)}\r\n\r\n".encode())
            self.assertEqual(f.readline(), b"HTTP/1.1 100 Continue\r\n")
            self.assertEqual(f.readline(), b"\r\n")
            s.sendall(data)
            self.assertEqual(f.readline(), b"HTTP/1.1 200 OK\r\n")
            headers = {}
            while (line := f.readline()) != b"\r\n":
                k, _, v = line.decode().partition(":")
                headers[k.lower()] = v.strip()
            self.assertEqual(headers["connection"], "keep-alive")
            json.loads(f.read(int(headers["content-length"])))
        f.close()
        s.close()
        # chunked request body
        out = raw_exchange(self.s.port, b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                           b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                           + b"%x\r\n" % len(data) + data + b"\r\n0\r\n\r\n")
        self.assertTrue(out.startswith(b"HTTP/1.1 200 OK"))
        # HTTP/1.0 without keep-alive: answered, then closed
        out = raw_exchange(self.s.port, raw_post("/v1/chat/completions", chat()).replace(b"HTTP/1.1", b"HTTP/1.0", 1))
        self.assertTrue(out.startswith(b"HTTP/1.1 200 OK"))
        self.assertIn(b"connection: close", out)

    def test_go_duration(self):
        cases = {0: "0s", 0.12: "120ms", 0.0004: "1ms", 1.2: "1.2s", 6: "6s", 59.9996: "1m0s",
                 360: "6m0s", 90.5: "1m30.5s", 3600: "1h0m0s"}
        for seconds, text in cases.items():
            self.assertEqual(fake.go_duration(seconds), text, seconds)
            self.assertRegex(text, GO_DURATION)


class LifecycleTest(unittest.TestCase):
    def test_cli_limits_and_sigterm(self):
        srv = Server("--rpm", "1", "--tpm", "50000", "--require-key", "k1", "--latency-ms", "1")
        try:
            cfg = srv.control("/_fake/config")
            self.assertEqual((cfg["rpm"], cfg["tpm"], cfg["require_key"], cfg["latency_ms"]), (1, 50000, "k1", 1))
            auth = {"authorization": "Bearer k1"}
            self.assertEqual(srv.request("POST", "/v1/chat/completions", chat(), auth)[0], 200)
            self.assertEqual(srv.request("POST", "/v1/chat/completions", chat(), auth)[0], 429)
            srv.control("/_fake/config", {"fault_rate": 1, "faults": ["hang"]})
            hanging = socket.create_connection(("127.0.0.1", srv.port))
            hanging.sendall(raw_post("/v1/chat/completions", chat()))
            time.sleep(0.2)
            t0 = time.monotonic()
            srv.proc.send_signal(signal.SIGTERM)
            self.assertEqual(srv.proc.wait(5), 0)
            self.assertLess(time.monotonic() - t0, 3)
            self.assertEqual(srv.proc.stderr.read(), "")
            hanging.close()
        finally:
            srv.stop()


if __name__ == "__main__":
    unittest.main()
