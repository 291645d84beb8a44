"""Party items under a bounded set of partition keys (`functions.dal.parties`: debarment in force, approval claims).

Every submission and every approval looks up each of its parties (up to 2,001) by key, and almost every
lookup finds nothing. Such items are keyed `<PREFIX>#<shard>` / `<digest>`: the digest is the first 32 hex
digits of the SHA-256 of the party's ID number or USCC (the ID number itself is never part of a key), the shard
its first hex digit, so a kind of item has exactly 16 partition keys whatever the number of parties.

On DynamoDB this costs nothing against one partition key per party: the reads stay BatchGetItem by full key,
16 keys spread a submission's 2,001 reads (~125 RCU per key per submission, under the 3,000 RCU/s a key
serves) and an approval's 2,000 conditional claim writes (~125 WCU per key, under 1,000 WCU/s); with no
local secondary index there is no 10 GB item-collection limit, and a shard holds only real items (at 100,000
approvals a campaign, ~6,000 small party items per shard). At ten times the load, widen to two hex digits (256
keys). It also bounds what a miss can cost elsewhere: moto (tests, the local server) creates an empty
partition for every key a GetItem/BatchGetItem misses and copies the whole table once per transaction item,
so one partition per party made every report's transaction slower by the number of parties ever checked.
"""

from __future__ import annotations

import hashlib

DIGITS = 1  # hex digits of the digest in the partition key: 16 partitions


def digest(party: str) -> str:
    """The party's key: 32 hex digits of the SHA-256 of its ID number or USCC."""
    return hashlib.sha256(party.encode()).hexdigest()[:32]


def sharded(prefix: str, party_digest: str) -> tuple[str, str]:
    """(pk, sk) of a party's item under `prefix`."""
    return f"{prefix}#{party_digest[:DIGITS]}", party_digest
