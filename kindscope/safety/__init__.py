"""Safety: bot followers, pile-ons, bursts, trawlers, evidence packs and block-list files."""

from kindscope.safety.blocklists import ListedAccount, id_handle_blocklist, mastodon_blocklist
from kindscope.safety.bots import (
    BotScore,
    FollowWave,
    follow_waves,
    read_profile,
    score_profile,
)
from kindscope.safety.evidence import (
    Evidence,
    collect_account,
    collect_incident,
    verify_pack,
    write_pack,
)
from kindscope.safety.incidents import (
    Incident,
    SafetyScan,
    find_bursts,
    find_pileons,
    find_trawlers,
    scan,
)
from kindscope.safety.profiles import Profile, from_any, from_bluesky, from_mastodon, from_twitter

__all__ = [
    "BotScore", "Evidence", "FollowWave", "Incident", "ListedAccount", "Profile", "SafetyScan",
    "collect_account", "collect_incident", "find_bursts", "find_pileons", "find_trawlers",
    "follow_waves",
    "from_any", "from_bluesky", "from_mastodon", "from_twitter", "id_handle_blocklist",
    "mastodon_blocklist", "read_profile", "scan", "score_profile", "verify_pack", "write_pack",
]
