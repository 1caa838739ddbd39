"""A served worker freezes what start-up made (api.app.settle_heap), so that the collector's full
collections no longer walk the compiled policies and the law's text while requests wait.
Checked in a process of its own: freezing is process-wide."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import gc
from paiwu.api.app import app_from_environment
from paiwu.engine.evaluate import default_evaluator
from paiwu.store.compress import default_packer

app_from_environment()
tracked = {id(o) for o in gc.get_objects()}  # frozen objects are no longer listed
evaluator, packer = default_evaluator(), default_packer()
print(gc.get_freeze_count())
print(id(evaluator) in tracked, id(evaluator.corpus) in tracked, id(packer) in tracked)
print(len(tracked))
"""


def test_a_worker_freezes_the_policies_the_law_and_the_compression_dictionary(tmp_path: Path) -> None:
    env = {**os.environ, "PAIWU_LOG_URL": f"sqlite:///{tmp_path}/decisions.sqlite3"}
    run = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    frozen, tracked_flags, still_tracked = run.stdout.split("\n")[:3]
    assert int(frozen) > 20_000  # the start-up heap: tens of thousands of objects
    assert tracked_flags == "False False False"  # made before the freeze: not walked again
    assert int(still_tracked) < int(frozen) // 10  # what a full collection still walks
