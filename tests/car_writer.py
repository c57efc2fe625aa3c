"""Write Bluesky repository exports (CARv1) of any size, for tests and benchmarks.

``write_car`` takes records as ``(collection/rkey, DAG-CBOR body)`` in ascending key order
and writes them as they come, building the Merkle Search Tree bottom up on the way (a
search tree in key order with at most ``fanout`` entries a node, prefix-compressed keys, as
the importer walks it; the layers do not follow the keys' hashes as a real MST's do). The
commit comes last and the header, whose size does not depend on the root's CID, is written
first as a placeholder and filled in at the end: memory stays small whatever the size.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import libipld

from kindscope.ingest.bluesky_car import _varint as read_varint

__all__ = ["cid_of", "frames", "varint", "write_car"]

_CID_PREFIX = b"\x01\x71\x12\x20"  # CIDv1, dag-cbor, sha256, 32 bytes


def cid_of(body: bytes) -> bytes:
    return _CID_PREFIX + hashlib.sha256(body).digest()


def varint(value: int) -> bytes:
    """An unsigned LEB128 varint, as CAR files frame their header and blocks."""
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _header(root: bytes) -> bytes:
    header = libipld.encode_dag_cbor({"version": 1, "roots": [root]})
    return varint(len(header)) + header


class _Tree:
    """The tree's open nodes, one a layer, lowest first; each ``[left, [(key, cid, right)]]``."""

    def __init__(self, out: BinaryIO, fanout: int):
        self.out, self.fanout = out, fanout
        self.layers: list[list] = []
        self.blocks = 0

    def block(self, body: bytes) -> bytes:
        cid = cid_of(body)
        self.out.write(varint(len(cid) + len(body)) + cid + body)
        self.blocks += 1
        return cid

    def add(self, key: bytes, value: bytes, layer: int = 0) -> None:
        if layer == len(self.layers):
            self.layers.append([None, []])
        node = self.layers[layer]
        if len(node[1]) < self.fanout:
            node[1].append([key, value, None])
            return
        # the node is full, and every subtree under it is written: write it, hang it under
        # the layer above, and put the key there
        self.layers[layer] = [None, []]
        self._hang(self._write(node), layer + 1)
        self.add(key, value, layer + 1)

    def _hang(self, cid: bytes, layer: int) -> None:
        if layer == len(self.layers):
            self.layers.append([None, []])
        node = self.layers[layer]
        if node[1]:
            node[1][-1][2] = cid
        else:
            node[0] = cid

    def _write(self, node: list) -> bytes:
        entries, previous = [], b""
        for key, value, right in node[1]:
            shared = 0
            while shared < min(len(key), len(previous)) and key[shared] == previous[shared]:
                shared += 1
            entries.append({"p": shared, "k": key[shared:], "v": value, "t": right})
            previous = key
        return self.block(libipld.encode_dag_cbor({"l": node[0], "e": entries}))

    def close(self) -> bytes:
        """Write the open nodes, lowest first; the root's CID."""
        if not self.layers:
            return self._write([None, []])
        child = None
        for node in self.layers:
            if child is not None:
                if node[1]:
                    node[1][-1][2] = child
                else:
                    node[0] = child
            child = self._write(node) if node[1] else node[0]
        return child


def write_car(path: Path, did: str, rev: str, records: Iterable[tuple[str, bytes]],
              fanout: int = 16) -> int:
    """Write a repository of ``records`` (keys ascending and distinct) to ``path``; the
    number of blocks written."""
    with open(path, "w+b") as out:
        out.write(_header(cid_of(b"")))  # same size as the real one
        tree = _Tree(out, fanout)
        for key, body in records:
            tree.add(key.encode("ascii"), tree.block(body))
        root = tree.close()
        commit = libipld.encode_dag_cbor({"did": did, "version": 3, "data": root, "rev": rev,
                                          "prev": None, "sig": b"\0" * 64})
        commit_cid = tree.block(commit)
        out.seek(0)
        out.write(_header(commit_cid))
    return tree.blocks


def frames(data: bytes) -> list[tuple[int, int]]:
    """Where each block of a well-formed CAR file starts and ends: [(start, end)], in order."""
    length, pos = read_varint(data, 0)
    pos += length
    out = []
    while pos < len(data):
        length, body = read_varint(data, pos)
        out.append((pos, body + length))
        pos = body + length
    return out

