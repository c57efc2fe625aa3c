"""report.html's "Your network" and "Safety" sections.

Same rules as the rest of the page: every text from data (handles, community names,
incident reasons) passes through ``html.escape``; charts are inline SVG with a title and
description, in the Okabe–Ito palette; nothing tells the reader to unfollow or block.
"""

from __future__ import annotations

from html import escape

from kindscope.report.charts import Bar, Row, grouped_bars

__all__ = ["network_html", "safety_html"]


def _p(text: str, cls: str | None = None) -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<p{attr}>{escape(text)}</p>"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


def _at(handle: str | None) -> str:
    return "@" + (handle or "").lstrip("@")


def _not_available(piece: dict | None) -> str:
    reason = (piece or {}).get("reason") or "no data"
    return _p(f"Not available for this source: {reason}.", "note")


def _handles(items: list[str]) -> str:
    return "<ul class='handles'>" + "".join(f"<li>{escape(_at(h))}</li>" for h in items) + "</ul>"


def _communities(c: dict) -> str:
    out = ["<h3>Communities around you</h3>"]
    if not c.get("available"):
        return "".join(out) + _not_available(c)
    out.append(_p(f"kindscope found {c['count']} communities: groups of accounts more tied to "
                  "each other than to the rest. These are the ones your ties reach, named by "
                  "the words their members use most."))
    rows = c.get("around_me") or []
    if c.get("note"):
        out.append(_p(c["note"], "muted"))
    if not rows:
        return "".join(out) + _p("None of your own ties are in this graph.")
    bars = [Row(f"community {r['community'] + 1}",
                (Bar("distress", r["my_ties"], f"{r['my_ties']} of yours"),)) for r in rows]
    out.append(grouped_bars("community-chart", "Your ties per community",
                            "; ".join(f"community {r['community'] + 1} ({r['name']}): "
                                      f"{r['size']} people, {r['my_ties']} of your ties"
                                      for r in rows), bars))
    out.append("<table><thead><tr><th>community</th><th class='n'>people</th>"
               "<th class='n'>your ties</th></tr></thead><tbody>")
    for r in rows:
        out.append(f"<tr><td>{r['community'] + 1}: {escape(r.get('label') or r['name'])}</td>"
                   f"<td class='n'>{r['size']}</td><td class='n'>{r['my_ties']}</td></tr>")
    return "".join(out) + "</tbody></table>"


def _reciprocity(r: dict) -> str:
    out = ["<h3>Who follows back</h3>"]
    if not r.get("available"):
        return "".join(out) + _not_available(r)
    if r.get("follow_back_share") is not None:
        out.append(_p(f"Of the {r['follows']} accounts you follow, "
                      f"{_pct(r['follow_back_share'])} follow you back. "
                      f"{r['followers']} accounts follow you."))
    if r.get("global") is not None:
        out.append(_p(f"Across everyone in this data, {_pct(r['global'])} of follows are "
                      "returned.", "muted"))
    if r.get("not_following_back"):
        n = r["not_following_back"]
        shown = r.get("not_following_back_sample") or []
        more = f" (the first {len(shown)})" if len(shown) < n else ""
        out.append(f"<details><summary>{n} accounts you follow do not follow you back"
                   f"{escape(more)}</summary>"
                   + _p("Following is not a promise: many people follow more than they can "
                        "keep up with, and news and public accounts rarely follow back. This "
                        "list is here for your curiosity, not as a to-do list.", "muted")
                   + _handles(shown) + "</details>")
    return "".join(out)


def _unanswered(u: dict) -> str:
    out = ["<h3>People who reply to you</h3>"]
    if not u.get("available"):
        return "".join(out) + _not_available(u)
    if not u.get("count"):
        return "".join(out) + _p("You have answered everyone who replied to you here.")
    items = "".join(f"<li>{escape(_at(a['handle']))}: {a['replies']} "
                    f"{'reply' if a['replies'] == 1 else 'replies'}</li>" for a in u["accounts"])
    out.append(_p(f"{u['count']} people replied to you whom you have never answered in this "
                  "data. You owe no one a reply; if some of them are people you would like to "
                  "know better, here they are."))
    out.append(f"<details><summary>Show them</summary><ul class='handles'>{items}</ul></details>")
    return "".join(out)


def _diversity(d: dict) -> str:
    out = ["<h3>How wide is your network?</h3>"]
    if not d.get("available"):
        return "".join(out) + _not_available(d)
    out.append(_p(d["reading"], "card"))
    out.append("<table><thead><tr><th>your ties</th><th class='n'>in the largest "
               "community</th><th class='n'>evenness</th></tr></thead><tbody>")
    for key, label in (("follows", "people you follow"), ("interactions", "your replies, "
                                                                          "mentions, likes")):
        s = d.get(key)
        if s and s.get("largest_share") is not None:
            even = "–" if s.get("entropy") is None else f"{s['entropy']:.2f}"
            out.append(f"<tr><td>{escape(label)}</td><td class='n'>{_pct(s['largest_share'])}"
                       f"</td><td class='n'>{even}</td></tr>")
    out.append("</tbody></table>")
    out.append(_p("Evenness is the normalised entropy of your ties over communities: 0 means "
                  "all in one, 1 means spread evenly over every community you touch.", "muted"))
    return "".join(out)


def _bridges(b: dict) -> str:
    out = ["<h3>Bridges to other circles</h3>"]
    if not b.get("available"):
        return "".join(out) + _not_available(b)
    if not b.get("accounts"):
        return "".join(out) + _p("No account here links several communities.")
    out.append(_p("These accounts have ties in several communities. Reading or talking with "
                  "some of them is one way to hear more voices; a suggestion, nothing more."))
    items = "".join(f"<li>{escape(_at(a['handle']))} "
                    f"<span class='muted'>(community {a['community'] + 1})</span></li>"
                    for a in b["accounts"])
    return "".join(out) + f"<ul class='handles'>{items}</ul>"


def _audit(a: dict) -> str:
    out = ["<h3>Who unfollowed</h3>"]
    if not a.get("available"):
        return "".join(out) + _not_available(a)
    said = []
    if a.get("unfollowed_me") is not None:
        said.append(f"{a['unfollowed_me']} accounts stopped following you and "
                    f"{a['new_followers']} started")
    if a.get("i_stopped_following") is not None:
        said.append(f"you stopped following {a['i_stopped_following']} and started "
                    f"following {a['i_started_following']}")
    if said:
        out.append(_p("Between your two imports: " + "; ".join(said) + "."))
    for direction in a.get("not_compared") or []:
        what = "who follows you" if direction == "followers" else "whom you follow"
        out.append(_p(f"Not compared: {what}, because one of the two imports does not "
                      "hold that list (a Bluesky repository or a Mastodon CSV export holds "
                      "only whom you follow).", "muted"))
    for burst in a.get("bursts") or []:
        what = "followers left" if burst["kind"] == "lost_followers" else \
            "accounts dropped from your follows"
        out.append(_p(f"{burst['count']} {what} at once ({_pct(burst['share'])}), none of "
                      "them blocked or muted by you: this looks more like a platform action "
                      "(suspended or deleted accounts) than anyone's choice.", "muted"))
    if a.get("unfollowed_me"):
        out.append("<details><summary>Who stopped following you</summary>"
                   + _p("People unfollow for many reasons: busy feeds, closed accounts, "
                        "a break from the platform. It is rarely about you.", "muted")
                   + _handles(a.get("unfollowed_me_sample") or []) + "</details>")
    return "".join(out)


def network_html(n: dict | None) -> str:
    """The "Your network" section (empty string for a report without the key)."""
    if n is None:
        return ""
    out = ["<h2 id='network'>Your network</h2>"]
    if not n.get("available"):
        return "".join(out) + _not_available(n) + _p(f"What it needs: {n.get('needs', '')}",
                                                     "muted")
    graph = "who follows whom" if n["graph"] == "follow" else \
        "conversations (replies, mentions, likes), as this data has no follow lists"
    out.append(_p(f"Built from {graph}: {n['nodes']} accounts, {n['edges']} ties.", "muted"))
    out += [_communities(n["communities"]), _reciprocity(n["reciprocity"]),
            _unanswered(n["unanswered_repliers"]), _diversity(n["diversity"]),
            _bridges(n["bridges"]), _audit(n["unfollow_audit"])]
    return "".join(out)


def _incident_list(piece: dict, title: str, none: str) -> str:
    out = [f"<h3>{escape(title)}</h3>"]
    if not piece.get("available"):
        return "".join(out) + _p(f"Not checked: {piece.get('reason')}.", "note")
    if not piece.get("count"):
        out.append(_p(none))
    for inc in piece.get("incidents") or []:
        window = f"{(inc['start'] or '')[:16].replace('T', ' ')} to " \
                 f"{(inc['end'] or '')[:16].replace('T', ' ')} UTC"
        out.append(
            "<div class='card incident'>"
            + _p(f"{window}: {inc['posts']} posts from {inc['accounts']} accounts.")
            + _p(inc["reason"], "muted")
            + _p("Accounts: " + ", ".join(_at(h) for h in inc["account_handles"]), "muted")
            + f"<p>To keep a record (an evidence pack with every post, its time and link, and "
              f"checksums): <code>{escape(inc['command'])}</code></p></div>")
    if piece.get("aimed_at_others"):
        out.append(_p(f"{piece['aimed_at_others']} more in this data are aimed at other "
                      "accounts; `kindscope safety` lists them.", "muted"))
    return "".join(out)


def _bot_followers(b: dict, command: str) -> str:
    out = ["<h3>Bot-like followers</h3>"]
    if not b.get("available"):
        return "".join(out) + _not_available(b)
    if b.get("basis") == "rules":
        out.append(_p(f"{b['likely_bots']} of {b['followers_scored']} followers whose profiles "
                      f"are in the data ({_pct(b['share'])}) say they are automated or match a "
                      "textbook pattern of follow-spam. kindscope's bot model was trained on X "
                      "accounts only, so here it counts only these plain rules; the reasons "
                      "are listed."))
    else:
        out.append(_p(f"{b['likely_bots']} of {b['followers_scored']} followers whose profiles "
                      f"are in the data ({_pct(b['share'])}) look automated (a score of "
                      f"{b['threshold']:.1f} or more). Scores are estimates, and real people "
                      "with new or quiet accounts can look bot-like."))
    if b.get("top_reasons"):
        out.append("<p>What made them look automated most often:</p><ul>" + "".join(
            f"<li>{escape(r['reason'])} ({r['count']})</li>" for r in b["top_reasons"])
            + "</ul>")
    out.append(f"<p class='muted'>If you want a block list to review, <code>{escape(command)}"
               "</code> writes one as a file; you decide whether to import it in your app. "
               "kindscope never blocks anyone.</p>")
    return "".join(out)


def _waves(w: dict) -> str:
    out = ["<h3>Follow waves</h3>"]
    if not w.get("available"):
        return "".join(out) + _not_available(w)
    if not w.get("count"):
        return "".join(out) + _p("No burst of new followers within minutes was found.")
    out.append(_p(f"{w['count']} times several accounts followed you within minutes:"))
    items = "".join(
        f"<li>{escape((x['start'] or '')[:16].replace('T', ' '))} UTC: {x['size']} new "
        f"followers{'' if x['bot_share'] is None else ', ' + _pct(x['bot_share'])} "
        f"{'' if x['bot_share'] is None else 'of them bot-like'}</li>" for x in w["waves"])
    return "".join(out) + f"<ul>{items}</ul>"


def safety_html(s: dict | None) -> str:
    """The "Safety" section (empty string for a report without the key)."""
    if s is None:
        return ""
    out = ["<h2 id='safety'>Safety</h2>",
           _p("Patterns that can make a timeline feel unsafe. kindscope only reads your data: "
              "it never blocks, reports or contacts anyone.", "muted"),
           _incident_list(s["pileons"], "Pile-ons",
                          "No pile-on aimed at you was found: no burst of hostile replies "
                          "from several accounts within hours."),
           _incident_list(s["trawlers"], "History trawlers",
                          "No one was found replying to many of your old posts in a short "
                          "time."),
           _bot_followers(s["bot_followers"], s.get("blocklist_command") or ""),
           _waves(s["follow_waves"])]
    return "".join(out)
