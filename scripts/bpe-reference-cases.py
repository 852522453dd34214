#!/usr/bin/env python3
"""Writes Tests/SharedTests/BPEReferenceCases.swift: tricky texts with the token ids tiktoken gives them.

Only for regenerating that fixture; nothing at build or test time runs it. tiktoken reads the rank files
that scripts/install-deps.sh installed (no download), and checks their sha256 itself:

    python3 -m venv /tmp/tiktoken && /tmp/tiktoken/bin/pip install tiktoken==0.14.0
    /tmp/tiktoken/bin/python scripts/bpe-reference-cases.py .dataforge/tokenizers \
        > Tests/SharedTests/BPEReferenceCases.swift
"""
import os
import sys

import tiktoken
import tiktoken_ext.openai_public as openai_public
from tiktoken.load import load_tiktoken_bpe

LONG_TEXT = (
    "I bought the AeroSound X2 wireless earbuds in March 2024, after my old pair (a $29.99 no-name set) "
    "finally gave up. First impressions: the case is small, the hinge feels solid, and pairing with my "
    "phone took about 10 seconds. Battery life is the headline feature -- the box claims 8 hours per "
    "charge and 32 with the case; I measured 7h 41m at 60% volume, which is close enough.\n\n"
    "Sound quality surprised me. Bass is punchy without drowning the vocals, and the mids are clear on "
    "podcasts. The noise cancelling isn't perfect: it removes the hum of a train but not a crying baby "
    "two rows back. Calls are fine indoors; outside, people said I sounded \"like I was in a tunnel.\"\n\n"
    "Downsides? The touch controls are too sensitive. Adjusting the fit pauses the music 3 or 4 times a "
    "day, and there's no way to turn that off in the app (version 2.3.1). The ear tips come in three "
    "sizes (S/M/L), but none of them sealed well for my left ear, so I ordered foam tips for $12.\n\n"
    "Would I buy them again? Probably yes. For $79 they're better than the $149 pair my brother owns, "
    "they've survived two drops onto concrete, and customer support replaced a faulty charging cable "
    "within 48 hours. Rating: 4/5 -- I'd give 5 if the controls weren't so twitchy.\n"
)

CASES = [
    ("empty", ""),
    ("single letter", "a"),
    ("single space", " "),
    ("single newline", "\n"),
    ("greeting", "Hello, world!"),
    ("contractions", "I'm sure they've said it's what we'd do, and you'll see we're right; don't they?"),
    ("contractions in capitals", "DON'T SHOUT: IT'S 'S 'Ll 'RE 'vE 'M 'D 'T THEY'RE WE'LL"),
    ("contraction with long s", "It\u017f a long-s contraction, '\u017f and '\u017f'\u017fs"),
    ("apostrophes", "'s's'''ll' rock 'n' roll in the '90s, O'Brien's 'quoted'"),
    ("digit runs", "1 12 123 1234 12345 1234567890 3.14159 1,000,000 -42 +7e10 0x1F 2024-03-15"),
    ("other numbers", "\u0663\u0664\u0665\u0666 \u216b\u2164 \u00bd \u2460\u2461 \uff11\uff12\uff13"),
    ("accented letters", "na\u00efve caf\u00e9 r\u00e9sum\u00e9 S\u00e3o Paulo Stra\u00dfe \u0130stanbul \u00c5ngstr\u00f6m"),
    ("combining marks", "e\u0301 cafe\u0301 a\u0308\u0304 \u0301\u0302 x\u20dd"),
    ("titlecase and modifier letters", "\u01c5emal \u01c8ubljana \u01cbu \u1f88 \u02b0\u02b1 a\u02b0B"),
    ("cjk", "\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8\u3068\u4e2d\u6587\u6587\u672c\uff0c\ud55c\uad6d\uc5b4 \ud14d\uc2a4\ud2b8\u3002"),
    ("emoji", "\U0001f44d\U0001f3fd \U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 \U0001f1eb\U0001f1f7 \u2764\ufe0f \U0001f600\U0001f600\U0001f600!"),
    ("other scripts", "\u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440! \u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 \u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e \u05e9\u05dc\u05d5\u05dd"),
    ("mixed case words", "NASA's JSON-RPC APIs, HTTPServer, XMLHttpRequest, iPhone, McDonald's, eBay, CamelCaseWord"),
    ("whitespace runs", "a  b   c\t\td \u00a0e\u3000f    g\u2003\u2003h"),
    ("newlines", "line one\nline two\r\n\r\n  indented\n\n\n    \n\tend  \n  "),
    ("trailing spaces", "trailing   "),
    ("only whitespace", "   \n \t "),
    ("spaces before newline", "x  \n\n  y \r\n z"),
    ("punctuation", "Wait... what?!? (yes) [no] {maybe} <tag/> --flag=value #hash @user $5.00 50% a&b ~^|`"),
    ("punctuation and newlines", "end.\n\n---\n***\r\n!\n/ ?/\n//\r\n/ x/\ny"),
    ("code", "func f(x: Int) -> Int {\n    return x * 2 // double\n}\n\nlet y = f(x: 21)\n"),
    ("url and path", "https://example.com/path/to/file.json?q=1&r=2 /usr/local/bin C:\\Users\\me"),
    ("controls and separators", "a\x00b\x7fc\x1cd\x1fe\x0bf\x0cg\u0085h\u2028i\u2029j\ufeffk"),
    ("letter newer than the regex tables", "w\U000325ca(v \U000325ca1"),
    ("long review", LONG_TEXT),
]


def load(directory):
    """The two encodings as tiktoken defines them, read from the rank files in `directory`."""
    def local_ranks(url, expected_hash=None):
        return load_tiktoken_bpe(os.path.join(directory, url.rsplit("/", 1)[1]), expected_hash)

    openai_public.load_tiktoken_bpe = local_ranks
    return {
        "cl100k": tiktoken.Encoding(**openai_public.cl100k_base()),
        "o200k": tiktoken.Encoding(**openai_public.o200k_base()),
    }


def swift_string(text):
    out = []
    for character in text:
        code = ord(character)
        if character == '"':
            out.append('\\"')
        elif character == "\\":
            out.append("\\\\")
        elif character == "\n":
            out.append("\\n")
        elif character == "\r":
            out.append("\\r")
        elif character == "\t":
            out.append("\\t")
        elif 0x20 <= code < 0x7F:
            out.append(character)
        else:
            out.append("\\u{%X}" % code)
    return '"' + "".join(out) + '"'


def swift_ids(label, ids, indent, end):
    """`label: [ids]` on one line when it fits in 120 columns, else wrapped one indent deeper."""
    flat = "%s%s: [%s]%s" % (indent, label, ", ".join(map(str, ids)), end)
    if len(flat) <= 120:
        return flat
    lines, line = [], ""
    for token in ids:
        item = str(token) + ","
        if len(indent) + 4 + len(line) + len(item) > 120:
            lines.append(indent + "    " + line.rstrip())
            line = ""
        line += item + " "
    lines.append(indent + "    " + line.rstrip())
    return "%s%s: [\n%s\n%s]%s" % (indent, label, "\n".join(lines), indent, end)


def swift_text(text, indent):
    """`text: "…",` on one line when it fits, else an array of chunks joined (cheap to type-check)."""
    flat = "%stext: %s," % (indent, swift_string(text))
    if len(flat) <= 120:
        return flat
    chunks, chunk = [], ""
    for character in text:
        if len(swift_string(chunk + character)) > 100:
            cut = chunk.rfind(" ") + 1 or len(chunk)
            chunks.append(chunk[:cut])
            chunk = chunk[cut:]
        chunk += character
        if character == "\n":
            chunks.append(chunk)
            chunk = ""
    if chunk:
        chunks.append(chunk)
    body = "\n".join("%s    %s," % (indent, swift_string(chunk)) for chunk in chunks)
    return "%stext: [\n%s\n%s].joined()," % (indent, body, indent)


def main():
    encodings = load(sys.argv[1])
    print("// Generated by scripts/bpe-reference-cases.py with tiktoken %s; regenerate, do not edit." % tiktoken.__version__)
    print()
    print("extension BPEReferenceCase {")
    print("    /// Texts that exercise each alternative of the split patterns, with tiktoken's token ids.")
    print("    static let all: [BPEReferenceCase] = [")
    for name, text in CASES:
        indent = " " * 12
        print("        BPEReferenceCase(")
        print('%sname: "%s",' % (indent, name))
        print(swift_text(text, indent))
        print(swift_ids("cl100k", encodings["cl100k"].encode(text), indent, ","))
        print(swift_ids("o200k", encodings["o200k"].encode(text), indent, "),"))
    print("    ]")
    print("}")


if __name__ == "__main__":
    main()
