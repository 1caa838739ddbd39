"""Logged decisions stored compressed: Zstandard with a dictionary that the log keeps.

A decision is ~20 KB, most of it bilingual text the policies hold once and every decision repeats
(rule messages, interpretations, clause text). Compressed against a dictionary made of a few
sample decisions it is ~0.8 KB, in ~20 µs: the database writes (and its WAL checkpoints copy)
25 times fewer bytes, and the chain hashes the stored bytes instead of escaping 20 KB of text.

The dictionary is raw content (the samples' text, no trained model), so it is a plain function of
the decisions it is made from; its id is the SHA-256 of its bytes. The log stores every dictionary
it has used (``log_dictionaries``) and each entry names its own, so an entry decompresses years
later whatever paiwu's dictionary has become; ``paiwu log verify`` checks every stored dictionary
against its id.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from functools import cache

import zstandard

LEVEL = 1  # ~20 µs a decision; level 3 saves a third of the bytes for nearly twice the time (measured)
SAMPLE_SEED = 0
SAMPLE_COUNT = 16  # decisions in the default dictionary (~220 KB): 16 give 0.76 KB an entry, 8 give 1.1 KB


class UnpackError(ValueError):
    """Stored bytes that do not decompress (or not to UTF-8) with the dictionary they name."""


@dataclass(frozen=True)
class Packed:
    """A decision as the log stores it: Zstandard bytes and the id of the dictionary they need."""

    dictionary_id: str
    data: bytes


def dictionary_id(content: bytes) -> str:
    return "sha256:" + hashlib.sha256(content).hexdigest()


def _raw(content: bytes) -> zstandard.ZstdCompressionDict:
    return zstandard.ZstdCompressionDict(content, dict_type=zstandard.DICT_TYPE_RAWCONTENT)


class Packer:
    """Compresses with one dictionary. Thread-safe: a Zstandard context is not, so each thread has its own."""

    def __init__(self, content: bytes) -> None:
        self.content = content
        self.dictionary_id = dictionary_id(content)
        self._dictionary = _raw(content)
        self._local = threading.local()

    def pack(self, text: bytes) -> Packed:
        compressor = getattr(self._local, "compressor", None)
        if compressor is None:
            compressor = self._local.compressor = zstandard.ZstdCompressor(level=LEVEL, dict_data=self._dictionary)
        return Packed(self.dictionary_id, compressor.compress(text))


class Unpacker:
    """Decompresses with the dictionaries it is given by id. Thread-safe, as Packer."""

    def __init__(self) -> None:
        self._dictionaries: dict[str, zstandard.ZstdCompressionDict] = {}
        self._local = threading.local()

    def knows(self, dictionary: str) -> bool:
        return dictionary in self._dictionaries

    def add(self, dictionary: str, content: bytes) -> None:
        self._dictionaries[dictionary] = _raw(content)

    def unpack(self, packed: Packed) -> bytes:
        """The decision's UTF-8, checked to be UTF-8."""
        contexts: dict[str, zstandard.ZstdDecompressor] = self._local.__dict__.setdefault("contexts", {})
        context = contexts.get(packed.dictionary_id)
        if context is None:
            dictionary = self._dictionaries.get(packed.dictionary_id)
            if dictionary is None:
                raise UnpackError(f"the dictionary {packed.dictionary_id[:19]}… is not in the log")
            context = contexts[packed.dictionary_id] = zstandard.ZstdDecompressor(dict_data=dictionary)
        try:
            text = context.decompress(packed.data)
            text.decode("utf-8")
        except (zstandard.ZstdError, UnicodeDecodeError) as error:
            raise UnpackError(f"the stored decision does not decompress: {error}") from None
        return text


@cache
def default_packer() -> Packer:
    """The dictionary of this paiwu: the decisions of a fixed generated population (trades and
    holdings, both cities) under the shipped policies. Every process of one paiwu and policy
    version makes the same bytes, so replicas sharing a log store it once."""
    from paiwu.engine.evaluate import default_evaluator  # the engine only when a log is written
    from paiwu.facts import validate_request
    from paiwu.facts.population import generate

    evaluator = default_evaluator()
    samples = [
        evaluator.decide(validate_request(case)).model_dump_json().encode("utf-8")
        for case in generate(SAMPLE_COUNT, SAMPLE_SEED)
    ]
    return Packer(b"".join(samples))
