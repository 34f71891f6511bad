#!/usr/bin/env python3
"""Run hand-written LLM answers through upstream's real prompt post-processing.

    ALPHACORE_SRC=/tmp/alphacore-src python3 harness/finish.py

For every task in tasks.jsonl (written by gen.py) this rebuilds the same TerraformTask
and calls upstream's TaskInstructionGenerator.generate() - the production LLM path -
with a scripted client in place of OpenAI. The client answers attempt 1, 2, ... from
responses-rejected.jsonl (earlier answers upstream rejected, in attempt order) and then
the final answer from responses.jsonl. generate() therefore applies exactly what
production applies to a model answer: _to_plain_text, _repair_startup_shebang,
ALPHACORE_PROMPT_POSTPROCESS (none, the launch default), _downcase_invariant_enum_tokens,
_ensure_provider_reference, whitespace collapse, _enforce_allowed_content (with its
disallowed-term auto repair) and, on failure, the retry with "Additional reminders".
The accepted text is also passed through _postprocess_prompt (the shared helper) to
confirm it is a fixed point.

Exit status 1 if any task's final answer is rejected (or a recorded rejection no longer
reproduces). --check-only ANSWERS.jsonl runs single answers without writing anything
(useful while drafting).
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import random
import re
import sys
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))
import upstream  # noqa: E402

HERE = Path(__file__).resolve().parent.parent  # tests/corpus10
SUBMISSION = (
    "Submit a single zip archive of the repository; keep the Terraform config at the repository root and include terraform.tfstate at the repository root.",
    "Bundle the repository into one zip archive for submission; keep Terraform at the repository root and include terraform.tfstate at the repository root.",
    "Deliver one zip archive containing the repository with the Terraform config at the repository root and terraform.tfstate at the repository root.",
)


def load_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(l) for l in path.read_text().splitlines() if l.strip()]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", default=str(HERE / "tasks.jsonl"))
    ap.add_argument("--responses", default=str(HERE / "responses.jsonl"))
    ap.add_argument("--rejected", default=str(HERE / "responses-rejected.jsonl"))
    ap.add_argument("--out", default=str(HERE / "holdout.jsonl"))
    ap.add_argument("--check-only", metavar="ANSWERS", default=None,
                    help="run these answers as attempt 1 only; report, write nothing")
    args = ap.parse_args()

    # Upstream iterates sets of strings (required terms, pinned terms); pin str hashing so
    # the order in which a missing term is reported is reproducible.
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + sys.argv)

    upstream.setup()
    logging.getLogger("modules.generation.instructions").setLevel(logging.CRITICAL + 1)

    from modules.models import Invariant, TaskSpec, TerraformTask
    from modules.generation.instructions import TaskInstructionGenerator
    from modules.generation.yaml_config import get_yaml_config

    llm = get_yaml_config().settings.llm
    tasks = load_jsonl(Path(args.tasks))
    by_id = {t["task_id"]: t for t in tasks}

    if args.check_only:
        finals = {r["task_id"]: r["response"] for r in load_jsonl(Path(args.check_only))}
        rejected: dict[str, list[dict]] = {}
    else:
        finals = {r["task_id"]: r["response"] for r in load_jsonl(Path(args.responses))}
        rejected = {}
        for r in load_jsonl(Path(args.rejected)):
            rejected.setdefault(r["task_id"], []).append(r)
        for lst in rejected.values():
            lst.sort(key=lambda r: r["attempt"])
        missing = [t["task_id"] for t in tasks if t["task_id"] not in finals]
        if missing:
            print(f"missing responses for {len(missing)} task(s): {missing[:5]}...")
            return 1

    failures = 0
    first_try_rejections = []
    out_rows = []
    for t in tasks:
        tid = t["task_id"]
        if tid not in finals:
            continue
        tt = t["terraform_task"]
        spec_d = tt["task"]
        spec = TaskSpec(
            version=spec_d["version"], task_id=spec_d["task_id"], nonce=spec_d["nonce"],
            kind=spec_d["kind"], invariants=[Invariant(**inv) for inv in spec_d["invariants"]],
            metadata=spec_d.get("metadata"),
        )
        task = TerraformTask(engine=tt["engine"], provider=tt["provider"],
                             validator_sa=tt["validator_sa"], spec=spec)
        gen = TaskInstructionGenerator(model=llm.model, temperature=llm.temperature,
                                       enable_llm=llm.enabled, fallback_on_failure=llm.fallback_on_failure,
                                       llm_retries=llm.retries)
        script = [r["response"] for r in rejected.get(tid, [])] + [finals[tid]]

        def responder(rec, script=script):
            n = len(client.calls)
            if n > len(script):
                raise RuntimeError("scripted client: no answer left for this attempt")
            return script[n - 1]

        client = upstream.FakeChatClient(responder)
        gen._client = client
        random.seed(f"corpus10-finish:{tid}")  # provider-prefix choice etc. become reproducible
        label = f"{t['index']:02d} {t['family']:24s} {tid[:8]}"
        try:
            prompt = gen.generate(task)
        except Exception as exc:  # all attempts rejected
            failures += 1
            errs = [a.get("error") for a in (gen.last_trace or {}).get("attempts", [])]
            print(f"REJECTED {label}: {errs[:len(script)]}")
            continue
        trace = gen.last_trace or {}
        attempts = trace.get("attempts", [])
        final_attempt = trace.get("final_attempt")
        if attempts:
            first_try_rejections.append((label, attempts[0].get("error")))
        if final_attempt != len(script):
            failures += 1
            print(f"MISMATCH {label}: accepted at attempt {final_attempt}, but {len(script)} scripted "
                  f"(a recorded rejection no longer reproduces)")
            continue
        for i, a in enumerate(attempts):
            reminder = client.calls[i + 1]["user_prompt"].split("Additional reminders:", 1)[-1].strip()
            print(f"retry    {label}: attempt {i+1} rejected: {a.get('error')} -> reminder '{reminder}'")
        # The shared helper must leave the accepted text unchanged.
        again = gen._postprocess_prompt(prompt, task)
        if again != prompt:
            print(f"NOTE     {label}: _postprocess_prompt changes the accepted text")
        # Writer-side checks (not upstream's): what the instructions asked the model for.
        warn = []
        words = len(prompt.split())
        if words >= 220:
            warn.append(f"{words} words")
        nsub = sum(prompt.count(s) for s in SUBMISSION)
        if nsub != 1:
            warn.append(f"{nsub} submission sentences")
        grant = f"Grant {upstream.VALIDATOR_SA} viewer access so they can verify the deployment."
        if prompt.count(grant) != 1:
            warn.append("grant sentence not verbatim once")
        if trace.get("auto_fixed_startup_shebang"):
            warn.append("shebang auto-repaired")
        if trace.get("auto_fixed_disallowed_terms"):
            warn.append(f"disallowed terms auto-fixed {trace['auto_fixed_disallowed_terms']}")
        if prompt != finals[tid]:
            warn.append("post-processing changed the text")
        print(f"ok       {label}: {words} words" + (f"  [{'; '.join(warn)}]" if warn else ""))
        out_rows.append({
            "task_id": tid, "nonce": t["nonce"], "family": t["family"], "prompt": prompt,
            "invariants": [{"resource_type": i["resource_type"], "match": i["match"],
                            "comparison_rule": i["comparison_rule"]} for i in t["invariants"]],
        })

    print(f"\n{len(out_rows)} accepted, {failures} failing; first attempts rejected by upstream: "
          f"{len(first_try_rejections)}")
    for label, err in first_try_rejections:
        print(f"  {label}: {err}")
    if args.check_only:
        return 1 if failures else 0
    if failures or len(out_rows) != len(tasks):
        print("not writing holdout.jsonl")
        return 1
    with open(args.out, "w") as fh:
        for row in out_rows:
            fh.write(json.dumps(row, ensure_ascii=True) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
