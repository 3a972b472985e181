"""Load the models every worker needs, once, before the workers fork.

Imported by the forkserver (see :data:`pipeline.parallel.PRELOAD`): pool
processes fork from it with langdetect's profiles, py3langid's model, the
toxicity model and its rules' compiled patterns already in memory (shared
copy-on-write) instead of spending ~1.4 s loading them on their first document.
"""

from __future__ import annotations

from pipeline.config import Config


def warm_up(config: Config | None = None) -> None:
    config = config or Config()
    from pipeline.language import detect_language
    from pipeline.toxicity.model import load_model
    from pipeline.toxicity.rules import compile_all
    from pipeline.translation.langid import identifier

    detect_language("A short English sentence to load the language profiles.", seed=config.language_seed)
    identifier()
    load_model()
    compile_all()


warm_up()
