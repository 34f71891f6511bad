"""Shared glue for the corpus10 harness: locate and import the *upstream* AlphaCore
checkout (never copied into this repo) with the environment a production validator
uses (scripts/validator/process/launch_validator.sh)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

VALIDATOR_SA = "alphacore-validator@alphacore-478113.iam.gserviceaccount.com"


def setup() -> Path:
    src = os.environ.get("ALPHACORE_SRC")
    if not src:
        sys.exit("set ALPHACORE_SRC to an extracted upstream checkout, e.g. "
                 "git -C /work/.mirror/AlphaCoreBittensor+alphacore/repo archive HEAD | tar -x -C /tmp/alphacore-src")
    root = Path(src).resolve()
    if not (root / "modules" / "generation" / "instructions.py").exists():
        sys.exit(f"{root} does not look like an AlphaCore checkout")
    # Production environment as written by launch_validator.sh (ENV file):
    os.environ["ALPHACORE_CONFIG"] = str(root / "modules" / "task_config.yaml")
    os.environ["ALPHACORE_VALIDATOR_SA"] = VALIDATOR_SA
    os.environ["ALPHACORE_ENABLE_LLM"] = "true"
    os.environ["ALPHACORE_LLM_FALLBACK"] = "false"
    os.environ.setdefault("ALPHACORE_PROMPT_POSTPROCESS", "none")  # launch_validator.sh default
    # Defaults left unset on purpose: ALPHACORE_PROMPT_HARD_MODE (unset => hard mode),
    # ALPHACORE_TASK_BANK (unset => composite), ALPHACORE_RULE_PROMPT_MODE (unset => LLM path).
    for var in ("ALPHACORE_PROMPT_HARD_MODE", "ALPHACORE_TASK_BANK", "ALPHACORE_RULE_PROMPT_MODE",
                "ALPHACORE_LLM_API", "OPENAI_API_KEY", "ALPHACORE_OPENAI_API_KEY", "OPENAI_BASE_URL"):
        os.environ.pop(var, None)
    sys.path.insert(0, str(root))
    return root


class _Msg:
    def __init__(self, content: str):
        self.content = content


class _Choice:
    def __init__(self, content: str):
        self.message = _Msg(content)


class _Resp:
    def __init__(self, content: str):
        self.choices = [_Choice(content)]
        self.usage = None


class FakeChatClient:
    """Stands in for openai.OpenAI (the only networked dependency).

    It exposes the `client.chat.completions.create(...)` surface that
    TaskInstructionGenerator._llm_complete uses, records every request and answers
    with `responder(call_record)`."""

    def __init__(self, responder):
        self.calls: list[dict] = []
        self._responder = responder
        outer = self

        class _Completions:
            def create(self, **kwargs):
                msgs = kwargs.get("messages") or []
                rec = {
                    "model": kwargs.get("model"),
                    "temperature": kwargs.get("temperature"),
                    "max_completion_tokens": kwargs.get("max_completion_tokens"),
                    "system_prompt": next((m["content"] for m in msgs if m["role"] == "system"), None),
                    "user_prompt": next((m["content"] for m in msgs if m["role"] == "user"), None),
                }
                outer.calls.append(rec)
                return _Resp(outer._responder(rec))

        class _Chat:
            completions = _Completions()

        self.chat = _Chat()
