"""Where a decision's time goes: pyinstrument over the generated trade population.

    .venv/bin/python bench/profile_engine.py [--n 5000] [--seed 1]

The Evaluator is built and warmed up first, so only `Evaluator.decide` is profiled.
"""

from __future__ import annotations

import argparse

from population import trades
from pyinstrument import Profiler

from paiwu.engine.evaluate import Evaluator
from paiwu.facts import validate_request


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    requests = [validate_request(d) for d in trades(args.n, args.seed)]
    evaluator = Evaluator()
    for request in requests[:500]:
        evaluator.decide(request)
    profiler = Profiler(interval=0.0001)
    with profiler:
        for request in requests:
            evaluator.decide(request)
    print(profiler.output_text(unicode=True, show_all=False))


if __name__ == "__main__":
    main()
