"""Real painful posts that lose hate's group cap with the mental-health group words.

    .venv/bin/python training/variants/2026-12-05p/painful_cap.py [REV]

Dreaddit's stressed posts and SDCNL's r/SuicideWatch posts (real Reddit posts, in
distribution for distress and crisis, not for hate): those that are personal talk and name a
group under this checkout's ``signals/targets.py`` but named none under REV's (default
1af9ff8, model 2026.12.16), so lost the cap, and how many of them the model now reads as
hate (>= 0.5). Run from the repository root of a checkout.
"""

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, ".")
sys.path.insert(0, "training")

from data import dreaddit, sdcnl  # noqa: E402

from kindscope.signals import targets  # noqa: E402
from kindscope.signals.model import SignalModel  # noqa: E402


def old_targets(rev: str):
    """``signals/targets.py`` as it was at ``rev``, imported beside this checkout's."""
    source = subprocess.run(["git", "show", f"{rev}:kindscope/signals/targets.py"],
                            capture_output=True, text=True, check=True).stdout
    path = Path(tempfile.mkdtemp()) / "targets_old.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("targets_old", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    rev = sys.argv[1] if len(sys.argv) > 1 else "1af9ff8"
    old = old_targets(rev)
    texts = ([r["text"] for r in dreaddit() if r["label"] == "1"]
             + [r["full"] for r in sdcnl() if r["is_suicide"] == "1"])
    lost = [t for t in texts
            if targets.is_personal(t) and targets.names_group(t) and not old.names_group(t)]
    hate = SignalModel().score(lost, None, ("hate",))["hate"] if lost else []
    read = sorted(((float(x), t) for x, t in zip(hate, lost, strict=True) if x >= 0.5),
                  reverse=True)
    print(f"painful posts {len(texts)}; lose the cap against {rev}: {len(lost)}; "
          f"of them read as hate: {len(read)}")
    for x, t in read:
        print(f"{x:.2f}", targets.explain_target(t), t[:160].replace("\n", " "))


if __name__ == "__main__":
    main()
