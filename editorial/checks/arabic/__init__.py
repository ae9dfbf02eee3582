"""Arabic text handling shared by every check: normalisation with an index map, tokens, sentences, stems,
numbers."""

from .normalize import Normalized, norm, normalize
from .stem import light_stem
from .tokens import WORD_RE, Paragraph, Sentence, TextView, Token

__all__ = [
    "WORD_RE",
    "Normalized",
    "Paragraph",
    "Sentence",
    "TextView",
    "Token",
    "light_stem",
    "norm",
    "normalize",
]
