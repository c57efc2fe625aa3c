"""Links to a post in its own app, so the user answers there (kindscope never replies)."""

from __future__ import annotations

__all__ = ["post_url"]


def post_url(platform: str, post_id: str, url: str | None = None,
             handle: str | None = None) -> str | None:
    """The post's address in its app: the stored URL when it is a web address, else one
    built from the id (Bluesky at-URIs, X status ids); None when neither is possible.

    >>> post_url("bluesky", "at://did:plc:ab/app.bsky.feed.post/3k")
    'https://bsky.app/profile/did:plc:ab/post/3k'
    >>> post_url("x", "1234")
    'https://x.com/i/status/1234'
    """
    if url and url.startswith(("https://", "http://")):
        return url
    if platform == "bluesky" and post_id.startswith("at://"):
        parts = post_id[len("at://"):].split("/")
        if len(parts) == 3 and parts[1] == "app.bsky.feed.post":
            return f"https://bsky.app/profile/{parts[0]}/post/{parts[2]}"
    if platform == "x" and post_id.isdigit():
        return f"https://x.com/i/status/{post_id}"
    if platform == "mastodon" and post_id.startswith(("https://", "http://")):
        return post_id
    return None
