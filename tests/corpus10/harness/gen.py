#!/usr/bin/env python3
"""Generate validator task contexts with the upstream AlphaCore generator.

    ALPHACORE_SRC=/tmp/alphacore-src python3 harness/gen.py --seed 10 --count 48 --out /tmp/c10

Runs upstream's TaskGenerationPipeline (composite bank, task_config.yaml as shipped,
validator SA alphacore-validator@...) end to end. The OpenAI client is replaced by a
recorder that captures the exact system and user prompt TaskInstructionGenerator sends
(first attempt) and answers with upstream's own deterministic fallback text so the
pipeline completes without retries. That placeholder answer is NOT kept.

Writes <out>/tasks.jsonl (one task per line) and <out>/prompts/NN-family.txt (readable
system + user prompt for the human writer).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import uuid
from collections import Counter
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import upstream  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, default=48)
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-family", type=int, default=None,
                    help="quota per family (default: count / number of enabled families)")
    ap.add_argument("--max-draws", type=int, default=3000)
    args = ap.parse_args()

    # Upstream orders templates by iterating a set of strings (task_bank._topological_order)
    # and shuffles a set of pinned terms, so output depends on str hashing: pin
    # PYTHONHASHSEED (production runs with a random one) by re-executing once.
    if os.environ.get("PYTHONHASHSEED") != str(args.seed):
        os.environ["PYTHONHASHSEED"] = str(args.seed)
        os.execv(sys.executable, [sys.executable] + sys.argv)

    root = upstream.setup()
    out = Path(args.out).resolve()
    (out / "prompts").mkdir(parents=True, exist_ok=True)
    # registry._persist_task writes ./tasks/<id>/{miner,validator}.json relative to the
    # CWD (task_config.yaml repository.path); keep that side effect inside --out.
    os.chdir(out)

    # Seed everything upstream draws from. Global `random` drives provider/builder
    # choice and all prompt-context shuffles; ids come from uuid4/secrets upstream
    # (OS entropy, unseedable), so they are replaced by a seeded equivalent.
    random.seed(args.seed)
    id_rng = random.Random(f"corpus10-ids:{args.seed}")

    from modules.models import TaskSpec
    from modules.generation.pipeline import TaskGenerationPipeline
    from modules.generation.terraform.providers.gcp import compositions
    from modules.generation.yaml_config import get_yaml_config

    TaskSpec.new_id = staticmethod(lambda: str(uuid.UUID(int=id_rng.getrandbits(128), version=4)))
    TaskSpec.new_nonce = staticmethod(lambda: f"{id_rng.getrandbits(64):016x}")

    cfg = get_yaml_config()
    enabled = cfg.get_enabled_families("gcp", "composite_resource")
    families = [f.name for f in compositions.COMPOSITE_FAMILIES if f.name in set(enabled)]
    quota = args.per_family or max(1, args.count // len(families))

    pipeline = TaskGenerationPipeline(validator_sa=upstream.VALIDATOR_SA)
    gen = pipeline.instruction_generator

    def responder(rec: dict) -> str:
        task = gen._current_task
        rec["task_id"] = task.spec.task_id
        # Placeholder answer (discarded): upstream's own deterministic prompt plus every
        # term upstream requires, so the first attempt passes and no retry (with extra
        # "Additional reminders") is triggered. Upstream's fallback alone can fail its own
        # check for ints 0..20 (e.g. ack 20 needs both "20" and "twenty"; see README).
        return gen._fallback_instructions(task) + " " + " ".join(sorted(gen._required_terms(task)))

    fake = upstream.FakeChatClient(responder)
    gen._client = fake  # generate() uses `self._client or self.client`

    counts: Counter = Counter()
    kept: list[dict] = []
    draws = 0
    while len(kept) < args.count and draws < args.max_draws:
        draws += 1
        n_calls = len(fake.calls)
        spec = pipeline.generate()
        calls = fake.calls[n_calls:]
        params = spec.params
        task = params["task"]
        family = (task.get("metadata") or {}).get("composition_family")
        if counts[family] >= quota:
            continue
        if len(calls) != 1:
            raise SystemExit(f"expected one LLM call for {spec.task_id}, saw {len(calls)}")
        call = calls[0]
        assert call["task_id"] == task["task_id"]
        counts[family] += 1
        task_dict = {k: v for k, v in task.items() if k != "prompt"}  # drop placeholder prompt
        rec = {
            "index": len(kept),
            "task_id": task["task_id"],
            "nonce": task["nonce"],
            "family": family,
            "kind": task["kind"],
            "invariants": task["invariants"],
            "model": call["model"],
            "temperature": call["temperature"],
            "system_prompt": call["system_prompt"],
            "user_prompt": call["user_prompt"],
            "terraform_task": {
                "engine": params["engine"],
                "provider": params["provider"],
                "validator_sa": params["validator_sa"],
                "task": task_dict,
                "submit_requirements": params.get("submit_requirements"),
            },
        }
        kept.append(rec)
        name = f"{rec['index']:02d}-{family}.txt"
        (out / "prompts" / name).write_text(
            f"task_id: {rec['task_id']}\nnonce: {rec['nonce']}\nfamily: {family}\n"
            f"model: {call['model']} temperature: {call['temperature']}\n\n"
            f"=== SYSTEM ===\n{call['system_prompt']}\n\n=== USER ===\n{call['user_prompt']}\n"
        )

    with open(out / "tasks.jsonl", "w") as fh:
        for rec in kept:
            fh.write(json.dumps(rec, ensure_ascii=True) + "\n")
    print(f"upstream={root} seed={args.seed} draws={draws} kept={len(kept)} quota/family={quota}")
    for fam in families:
        print(f"  {fam:28s} {counts[fam]}")
    if len(kept) < args.count:
        raise SystemExit("quota not met; raise --max-draws")


if __name__ == "__main__":
    main()
