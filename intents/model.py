"""The learned intent model: plain arrays scored with numpy, trained once per corpus and cached.

Training needs scikit-learn (`intents.train`); reading a message does not. The trained weights are
kept as one `.npz` file in the user's cache directory (a temporary directory if that one can't be
written), named by a hash of the corpus and of the code that turns messages into features, so a
changed corpus or cue table retrains on first use and an unchanged one loads in milliseconds.
"""

from __future__ import annotations

import hashlib
import math
import os
import tempfile
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

# Files whose change changes what the model learns: the corpus and the code that reads messages.
_SOURCES = ("features.py", "parser.py", "rules.py", "vocab.py", "text.py", "train.py", "spans.py")


@dataclass(frozen=True, eq=False)
class Model:
    classes: tuple[str, ...]
    index: dict[str, int]  # feature → row of `weights`
    weights: np.ndarray  # (features, classes)
    bias: np.ndarray  # (classes,)
    temperature: float  # fitted on cross-validated predictions: softmax(logits / temperature)
    # confidence = σ(a·logit(p) + b·[a needed slot is missing] + c·[a typo was fixed] + d)
    calibration: tuple[float, float, float, float]
    spans: bytes = b""  # the slot tagger (`intents.spans`), a python-crfsuite model
    _taggers: threading.local = field(default_factory=threading.local, repr=False)

    def tagger(self):
        """This thread's slot tagger (a crfsuite tagger holds the sequence it last tagged)."""
        if not self.spans:
            return None
        tagger = getattr(self._taggers, "tagger", None)
        if tagger is None:
            from intents.spans import Tagger

            tagger = self._taggers.tagger = Tagger(self.spans)
        return tagger

    def probabilities(self, text_features: list[str], evidence: list[str]) -> np.ndarray:
        """The probability of each class, in the order of `classes`."""
        import numpy as np  # loaded with the model: chat and the CLI start without it

        index = self.index
        text_rows = [i for f in text_features if (i := index.get(f)) is not None]
        logits = self.bias.copy()
        if text_rows:
            logits += self.weights[text_rows].sum(axis=0) / math.sqrt(len(text_features))
        evidence_rows = [i for f in evidence if (i := index.get(f)) is not None]
        if evidence_rows:
            logits += self.weights[evidence_rows].sum(axis=0)
        logits /= self.temperature
        logits -= logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def confidence(self, probability: float, *, missing: bool, corrected: bool) -> float:
        """How likely the whole frame is right, from the chosen intent's probability."""
        a, b, c, d = self.calibration
        z = a * logit(probability) + b * float(missing) + c * float(corrected) + d
        return 1.0 / (1.0 + math.exp(-z))


def logit(probability: float) -> float:
    p = min(max(probability, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def corpus_files() -> list[Path]:
    """The labelled corpus, one JSON object per line (see `intents.evaluate.load`)."""
    folder = resources.files("intents") / "corpus"
    return sorted(Path(str(f)) for f in folder.iterdir() if f.name.endswith(".jsonl"))


def corpus_key() -> str:
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in [*corpus_files(), *(here / name for name in _SOURCES)]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _cache_dirs() -> list[Path]:
    from platformdirs import user_cache_dir

    return [Path(user_cache_dir("crmbot")), Path(tempfile.gettempdir()) / f"crmbot-{os.getuid()}"]


@lru_cache(maxsize=1)
def _file_name() -> str:
    """The cached model's file name: the corpus and reading code hashed once per process."""
    return f"intents-{corpus_key()}.npz"


def cached() -> bool:
    """Whether the model for the current corpus is already trained and cached."""
    return any((folder / _file_name()).is_file() for folder in _cache_dirs())


@lru_cache(maxsize=1)
def model() -> Model:
    """The model for the current corpus: from the cache, or trained now and cached."""
    import numpy as np

    name = _file_name()
    for folder in _cache_dirs():
        if (folder / name).is_file():
            try:
                return _read(folder / name)
            except (OSError, ValueError, KeyError):
                pass
    from intents.train import fit  # scikit-learn is needed only here

    arrays = fit()
    for folder in _cache_dirs():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            partial = folder / f"{name}.{os.getpid()}.tmp"
            with partial.open("wb") as out:
                np.savez(out, **arrays)
            partial.replace(folder / name)
            break
        except OSError:
            continue
    return from_arrays(arrays)


def _read(path: Path) -> Model:
    import numpy as np

    with np.load(path, allow_pickle=False) as stored:
        return from_arrays({key: stored[key] for key in stored.files})


def from_arrays(arrays: dict[str, np.ndarray]) -> Model:
    import numpy as np

    features = arrays["features"].tolist()
    return Model(
        classes=tuple(arrays["classes"].tolist()),
        index={feature: row for row, feature in enumerate(features)},
        weights=np.ascontiguousarray(arrays["weights"], dtype=np.float64),
        bias=arrays["bias"].astype(np.float64),
        temperature=float(arrays["temperature"]),
        calibration=tuple(float(x) for x in arrays["calibration"]),
        spans=arrays["spans"].tobytes() if "spans" in arrays else b"",
    )
